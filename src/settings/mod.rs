//! Typed settings: `config/default.toml` (compiled in), then the node folder's
//! `maillage.toml`, then an optional `--config` file, then `MAILLAGE__SECTION__KEY`
//! environment variables. Unknown keys and invalid values stop the start with a French
//! message that names the key, where it was set, the expected format and an example
//! (every error at once). Settings are passed by value; there is no global configuration.

mod messages;

use crate::msg;
use figment::providers::{Env, Format, Toml};
use figment::Figment;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

const DEFAULT_TOML: &str = include_str!("../../config/default.toml");

/// The settings file of a node, in its folder.
pub const NODE_SETTINGS_FILE: &str = "maillage.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub server: ServerSettings,
    pub node: NodeSettings,
    pub database: DatabaseSettings,
    pub federation: FederationSettings,
    pub media: MediaSettings,
    pub log: LogSettings,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSettings {
    pub host: String,
    /// 0 binds a free port (tests).
    pub port: u16,
    /// Empty means `http://host:port` with the bound port.
    #[serde(default)]
    pub base_url: String,
    pub max_body_bytes: usize,
    /// Reverse proxies whose `X-Forwarded-For` is believed (its last entry is then the
    /// client's address); from anyone else the header is ignored.
    #[serde(default)]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// PEM certificate chain of the node's own HTTPS listener; with `tls_key`, the node
    /// serves https and `base_url` defaults to `https://host:port`.
    #[serde(default)]
    pub tls_certificate: Option<PathBuf>,
    /// PEM private key matching `tls_certificate`.
    #[serde(default)]
    pub tls_key: Option<PathBuf>,
}

impl ServerSettings {
    /// Whether the node serves https itself.
    pub fn serves_tls(&self) -> bool {
        self.tls_certificate.is_some()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeSettings {
    pub username: String,
    pub display_name: String,
    pub summary: String,
    pub territory: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSettings {
    pub path: PathBuf,
}

/// Which peers a node talks to (`federation.policy`): everyone, everyone but the listed
/// domains, or only the listed domains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PolicyMode {
    #[default]
    Open,
    Blocklist,
    Allowlist,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FederationSettings {
    pub allow_http: bool,
    pub allow_private_addresses: bool,
    pub auto_accept_followers: bool,
    #[serde(with = "humantime_serde")]
    pub request_timeout: Duration,
    pub max_response_bytes: usize,
    #[serde(with = "humantime_serde")]
    pub delivery_poll_interval: Duration,
    pub delivery_concurrency: usize,
    /// open | blocklist | allowlist, applied to `domains`.
    pub policy: PolicyMode,
    /// Hosts blocked (blocklist) or admitted (allowlist); a domain covers its subdomains.
    pub domains: Vec<String>,
    /// Require signed GETs for objects and collections (the actor stays public).
    pub authorized_fetch: bool,
    /// Inbox requests handled at once; beyond, the inbox answers 503 with Retry-After.
    pub inbox_concurrency: usize,
    /// Recorded activities waiting to be applied at most; beyond, the inbox answers 503
    /// with Retry-After until the worker catches up.
    pub inbox_backlog_limit: usize,
    /// How often to reconcile with every followed peer (anti-entropy).
    #[serde(with = "humantime_serde")]
    pub reconcile_interval: Duration,
    /// PEM files of CA certificates trusted for outgoing requests, besides the bundled
    /// roots and the system's store; each file may hold several certificates.
    #[serde(default)]
    pub extra_ca_certs: Vec<PathBuf>,
    /// A static hosts table for outgoing requests, used instead of DNS: host name →
    /// `address:port` (port 0: the URL's). For tests and closed networks.
    #[serde(default)]
    pub resolve: BTreeMap<String, SocketAddr>,
}

/// Pictures and documents attached to items.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MediaSettings {
    /// Where files are stored; empty: beside the database, named after it (`maillage.db.media`).
    #[serde(default)]
    pub directory: PathBuf,
    pub max_image_bytes: u64,
    pub max_document_bytes: u64,
    /// All stored files together (local and replicas), in bytes.
    pub quota_bytes: u64,
    /// Longest side of a picture, in pixels, checked before decoding.
    pub max_image_side: u32,
    pub max_image_megapixels: u64,
}

impl MediaSettings {
    /// The media folder of a node whose database is `database`: the configured one, or
    /// the database file's name with `.media` (`maillage.db.media/`), so that two nodes
    /// whose databases share a folder never share files.
    pub fn directory_for(&self, database: &Path) -> PathBuf {
        if !self.directory.as_os_str().is_empty() {
            return self.directory.clone();
        }
        let mut name = database.file_name().map(|n| n.to_os_string()).unwrap_or_else(|| "maillage.db".into());
        name.push(".media");
        database.with_file_name(name)
    }
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSettings {
    pub format: LogFormat,
    pub filter: String,
}

/// The shipped log filter.
const DEFAULT_LOG_FILTER: &str = "info,actix_server=warn";

impl LogSettings {
    /// Warnings and errors only, unless the operator chose a filter (a command whose own
    /// output says everything, like the demo network).
    pub fn quieter_by_default(&self) -> LogSettings {
        let filter = if self.filter == DEFAULT_LOG_FILTER { "warn".to_owned() } else { self.filter.clone() };
        LogSettings { format: self.format, filter }
    }
}

/// A setting that cannot be used, named by its dotted key, with where it was set; `more`
/// holds the other errors found in the same pass.
#[derive(Debug)]
pub struct SettingsError {
    pub key: String,
    pub problem: String,
    origin: Option<String>,
    more: Vec<SettingsError>,
}

impl SettingsError {
    fn new(key: &str, problem: impl Into<String>) -> SettingsError {
        SettingsError { key: key.to_owned(), problem: problem.into(), origin: None, more: Vec::new() }
    }

    fn with_origin(mut self, origin: String) -> SettingsError {
        self.origin = Some(origin);
        self
    }

    fn write_one(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.key.is_empty() {
            write!(f, "{}", msg!("settings-unreadable"))?;
        } else {
            write!(f, "{}", msg!("settings-key", key = &self.key))?;
        }
        if let Some(origin) = &self.origin {
            write!(f, " ({origin})")?;
        }
        write!(f, " : {}", self.problem)?;
        if let Some(hint) = messages::hint(&self.key) {
            write!(f, " ; {hint}")?;
        }
        Ok(())
    }
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.write_one(f)?;
        for other in &self.more {
            f.write_str("\n")?;
            other.write_one(f)?;
        }
        Ok(())
    }
}

impl std::error::Error for SettingsError {}

impl Settings {
    /// Loads the layered settings of the node whose folder is `node_dir`, from the process
    /// environment. A relative `database.path` is taken in the node folder.
    pub fn load(node_dir: &Path, config_file: Option<&Path>) -> Result<Settings, SettingsError> {
        let own_file = node_dir.join(NODE_SETTINGS_FILE);
        let mut figment = Self::figment(own_file.is_file().then_some(own_file.as_path()));
        if let Some(path) = config_file {
            if !path.is_file() {
                return Err(SettingsError::new(
                    "",
                    msg!("settings-config-file-missing", path = path.display().to_string()),
                ));
            }
            figment = figment.merge(Toml::file_exact(path));
        }
        Ok(Self::from_figment(figment.merge(Env::prefixed("MAILLAGE__").split("__")))?.in_folder(node_dir))
    }

    /// Takes a relative `database.path` in the node folder `node_dir`.
    pub fn in_folder(mut self, node_dir: &Path) -> Settings {
        if self.database.path.is_relative() && node_dir != Path::new(".") {
            self.database.path = node_dir.join(&self.database.path);
        }
        if self.media.directory.is_relative()
            && !self.media.directory.as_os_str().is_empty()
            && node_dir != Path::new(".")
        {
            self.media.directory = node_dir.join(&self.media.directory);
        }
        self
    }

    /// The defaults plus a file, without the environment (tests use this and then edit).
    pub fn figment(config_file: Option<&Path>) -> Figment {
        let mut figment = Figment::from(Toml::string(DEFAULT_TOML));
        if let Some(path) = config_file {
            figment = figment.merge(Toml::file_exact(path));
        }
        figment
    }

    pub fn from_figment(figment: Figment) -> Result<Settings, SettingsError> {
        let settings: Settings = figment.extract().map_err(|e| {
            let mut errors = messages::describe(&figment, e).into_iter();
            let mut first = errors.next().unwrap_or_else(|| {
                SettingsError::new(&msg!("settings-placeholder-key").to_string(), msg!("settings-unreadable-detail"))
            });
            first.more = errors.collect();
            first
        })?;
        settings.check()?;
        Ok(settings)
    }

    /// Checks that cross fields or formats serde cannot see.
    fn check(&self) -> Result<(), SettingsError> {
        let bad = |key: &str, problem: crate::i18n::Message| Err(SettingsError::new(key, problem));
        let refused = |value: &str| msg!("settings-not-accepted", value = value);
        if !self.server.base_url.is_empty() {
            match url::Url::parse(&self.server.base_url) {
                Ok(u) if matches!(u.scheme(), "http" | "https") && u.path() == "/" && u.query().is_none() => {}
                Ok(_) => return bad("server.base_url", msg!("settings-base-url-with-path")),
                Err(_) => {
                    return bad("server.base_url", msg!("settings-base-url-invalid", value = &self.server.base_url))
                }
            }
        }
        let username = &self.node.username;
        if username.is_empty()
            || !username.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        {
            return bad("node.username", refused(&msg!("settings-quoted", value = username).to_string()));
        }
        if self.node.display_name.trim().is_empty() {
            return bad("node.display_name", msg!("settings-display-name-empty"));
        }
        if self.server.max_body_bytes < 1024 {
            return bad("server.max_body_bytes", msg!("settings-too-small"));
        }
        if self.federation.inbox_concurrency == 0 {
            return bad("federation.inbox_concurrency", refused("0"));
        }
        if self.federation.inbox_backlog_limit == 0 {
            return bad("federation.inbox_backlog_limit", refused("0"));
        }
        if self.federation.policy == PolicyMode::Allowlist && self.federation.domains.is_empty() {
            return bad("federation.domains", msg!("settings-allowlist-empty"));
        }
        if self.federation.delivery_concurrency == 0 {
            return bad("federation.delivery_concurrency", refused("0"));
        }
        if self.media.max_image_bytes == 0 || self.media.max_document_bytes == 0 {
            return bad("media.max_image_bytes", refused("0"));
        }
        if self.media.max_image_side < 16 || self.media.max_image_megapixels == 0 {
            return bad("media.max_image_side", msg!("settings-too-small"));
        }
        if self.database.path.as_os_str().is_empty() {
            return bad("database.path", msg!("settings-path-empty"));
        }
        match (&self.server.tls_certificate, &self.server.tls_key) {
            (Some(_), None) => {
                return bad("server.tls_key", msg!("settings-required-with", other = "server.tls_certificate"))
            }
            (None, Some(_)) => {
                return bad("server.tls_certificate", msg!("settings-required-with", other = "server.tls_key"))
            }
            _ => {}
        }
        for host in self.federation.resolve.keys() {
            if url::Host::parse(host).map(|h| h.to_string()).as_deref() != Ok(host.as_str()) {
                return bad(&format!("federation.resolve.{host}"), msg!("settings-host-lowercase"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
