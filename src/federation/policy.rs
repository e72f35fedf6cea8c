//! Which peers a node talks to: everyone (open), everyone but a blocklist, or only an
//! allowlist (a closed regional network). Blocked peers can neither deliver to us nor
//! read from us, and we never fetch from or deliver to them.

pub use crate::settings::PolicyMode;

#[derive(Debug, Clone, Default)]
pub struct FederationPolicy {
    mode: PolicyMode,
    /// Lowercase host names; a domain also covers its subdomains.
    domains: Vec<String>,
}

impl FederationPolicy {
    pub fn new(mode: PolicyMode, domains: &[String]) -> FederationPolicy {
        FederationPolicy {
            mode,
            domains: domains.iter().map(|d| d.trim().trim_start_matches('.').to_ascii_lowercase()).collect(),
        }
    }

    fn listed(&self, host: &str) -> bool {
        let host = host.to_ascii_lowercase();
        self.domains.iter().any(|d| host == *d || host.ends_with(&format!(".{d}")))
    }

    /// May this host exchange with us?
    pub fn allows_host(&self, host: &str) -> bool {
        match self.mode {
            PolicyMode::Open => true,
            PolicyMode::Blocklist => !self.listed(host),
            PolicyMode::Allowlist => self.listed(host),
        }
    }

    /// May the server of this URL exchange with us? URLs without a host never may.
    pub fn allows_url(&self, url: &str) -> bool {
        url::Url::parse(url).ok().and_then(|u| u.host_str().map(|h| self.allows_host(h))).unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blocklist_blocks_a_domain_and_its_subdomains_only() {
        let policy = FederationPolicy::new(PolicyMode::Blocklist, &["spam.example".into()]);
        assert!(!policy.allows_url("https://spam.example/actor"));
        assert!(!policy.allows_url("https://nodes.spam.example/actor"));
        assert!(policy.allows_url("https://notspam.example/actor"));
    }

    #[test]
    fn an_allowlist_admits_only_its_domains() {
        let policy = FederationPolicy::new(PolicyMode::Allowlist, &["marseille.example".into(), "127.0.0.1".into()]);
        assert!(policy.allows_url("https://marseille.example/actor"));
        assert!(policy.allows_url("http://127.0.0.1:8081/actor"));
        assert!(!policy.allows_url("https://ailleurs.example/actor"));
        assert!(!policy.allows_url("not a url"));
    }
}
