//! The languages people read the network in: French first, English available. Labels of
//! kinds, lifecycles and vocabulary terms come in both; item texts stay in their own
//! language.

/// A language of labels and pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// The BCP 47 code (`lang` attributes, `Content-Language`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// `fr`, `fr-CA`, `en_GB`… → the language; anything else → `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// The language's name in itself.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }

    /// Picks the text of this language from a French and an English one.
    pub fn pick<'a>(self, french: &'a str, english: &'a str) -> &'a str {
        match self {
            Lang::Fr => french,
            Lang::En => english,
        }
    }
}
