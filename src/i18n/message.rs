//! A message kept as its catalogue key and arguments until someone reads it, so the same
//! error can be shown in French (the JSON API, the command line, the logs) and in English
//! (the English pages).

use super::{format, Arg, Lang};
use serde::{Serialize, Serializer};

/// A catalogue key and its arguments. `Display` and `Serialize` give the French text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: &'static str,
    args: Vec<(&'static str, Value)>,
}

/// An argument of a [`Message`]: a whole number (plural forms select on it) or a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Number(i64),
    Text(String),
}

macro_rules! number_value {
    ($($t:ty),+) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Self {
                Value::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )+};
}
number_value!(i64, i32, u8, u16, u32, u64, usize);

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_owned())
    }
}

impl From<&String> for Value {
    fn from(s: &String) -> Self {
        Value::Text(s.clone())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}

impl Message {
    /// The message `key` with no arguments yet.
    pub fn new(key: &'static str) -> Message {
        Message { key, args: Vec::new() }
    }

    /// The message with one more argument.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Value>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The catalogue key.
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// The text in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let arg = match value {
                    Value::Number(n) => Arg::Number(*n as f64),
                    Value::Text(s) => Arg::from(s.as_str()),
                };
                (*name, arg)
            })
            .collect();
        format(lang, self.key, &args)
    }
}

/// `msg!` with a key and `name = value` pairs: a [`Message`] with its arguments, each given by the
/// name the catalogue uses (`{ $name }`).
#[macro_export]
macro_rules! msg {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($key)$(.with(stringify!($name), $value))*
    };
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::Fr))
    }
}

impl From<Message> for String {
    fn from(message: Message) -> String {
        message.to_string()
    }
}

impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}
