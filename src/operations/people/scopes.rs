//! What an API token may do. Each authenticated API route requires exactly one scope
//! (the mapping lives in `web::api`); a token holds a non-empty set of them, stored as
//! space-separated codes like an OAuth `scope` string.

use std::fmt;

/// One permission of an API token, by its stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// `items:read`: read drafts and non-public items through the API.
    ItemsRead,
    /// `items:write`: create, replace, patch, retract and re-share items.
    ItemsWrite,
    /// `federation`: peers, following, followers, relay mode.
    Federation,
    /// `admin`: the audit log.
    Admin,
}

impl Scope {
    pub const ALL: [Scope; 4] = [Scope::ItemsRead, Scope::ItemsWrite, Scope::Federation, Scope::Admin];

    /// What `maillage token create` grants without `--scope`: enough to publish, nothing
    /// that changes whom the node talks to or reads its audit log.
    pub const DEFAULT: [Scope; 2] = [Scope::ItemsRead, Scope::ItemsWrite];

    pub fn code(self) -> &'static str {
        match self {
            Scope::ItemsRead => "items:read",
            Scope::ItemsWrite => "items:write",
            Scope::Federation => "federation",
            Scope::Admin => "admin",
        }
    }

    pub fn parse(code: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Every code, for messages: `items:read, items:write, federation, admin`.
    pub fn known_codes() -> String {
        Scope::ALL.map(Scope::code).join(", ")
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The scopes of one token: sorted, without duplicates.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scopes(Vec<Scope>);

impl Scopes {
    pub fn all() -> Scopes {
        Scopes(Scope::ALL.to_vec())
    }

    /// Reads the stored text. Codes this version does not know are dropped: a token
    /// never gets more than it was given.
    pub fn from_stored(text: &str) -> Scopes {
        text.split_whitespace().filter_map(Scope::parse).collect()
    }

    /// The text stored in `api_tokens.scopes`.
    pub fn to_stored(&self) -> String {
        self.0.iter().map(|s| s.code()).collect::<Vec<_>>().join(" ")
    }

    pub fn contains(&self, scope: Scope) -> bool {
        self.0.contains(&scope)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<Scope> for Scopes {
    fn from_iter<I: IntoIterator<Item = Scope>>(iter: I) -> Scopes {
        let mut scopes: Vec<Scope> = iter.into_iter().collect();
        scopes.sort_unstable();
        scopes.dedup();
        Scopes(scopes)
    }
}

impl fmt::Display for Scopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.iter().map(|s| s.code()).collect::<Vec<_>>().join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_scopes_round_trip_sorted_and_without_duplicates() {
        let scopes: Scopes = [Scope::Admin, Scope::ItemsRead, Scope::Admin].into_iter().collect();
        assert_eq!(scopes.to_stored(), "items:read admin");
        assert_eq!(Scopes::from_stored(&scopes.to_stored()), scopes);
    }

    #[test]
    fn unknown_stored_codes_grant_nothing() {
        let scopes = Scopes::from_stored("items:read  superuser federation");
        assert_eq!(scopes, [Scope::ItemsRead, Scope::Federation].into_iter().collect());
        assert!(!scopes.contains(Scope::Admin));
    }

    #[test]
    fn every_code_parses_back_and_nothing_else_does() {
        for scope in Scope::ALL {
            assert_eq!(Scope::parse(scope.code()), Some(scope));
        }
        assert_eq!(Scope::parse("items"), None);
        assert_eq!(Scope::parse("ADMIN"), None);
    }
}
