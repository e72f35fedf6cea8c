//! The catalogues, read once from the files compiled into the binary, and the lookup that
//! renders one key with its arguments.

use super::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::LazyLock;

/// The catalogue files, the same names in each language: `FRENCH` and `ENGLISH` hold
/// (file name, text) pairs.
macro_rules! catalogues {
    ($($file:literal),+) => {
        pub(super) const FRENCH: &[(&str, &str)] = &[$(($file, include_str!(concat!("../locales/fr/", $file)))),+];
        pub(super) const ENGLISH: &[(&str, &str)] = &[$(($file, include_str!(concat!("../locales/en/", $file)))),+];
    };
}
catalogues!(
    "common.ftl",
    "public.ftl",
    "item.ftl",
    "network.ftl",
    "editor.ftl",
    "admin.ftl",
    "labels.ftl",
    "validation.ftl",
    "api.ftl",
    "cli.ftl",
    "operations.ftl"
);

fn bundle(lang: Lang, files: &[(&str, &str)]) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = match lang {
        Lang::Fr => unic_langid::langid!("fr"),
        Lang::En => unic_langid::langid!("en"),
    };
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around arguments: the texts are left-to-right only.
    bundle.set_use_isolating(false);
    for (name, text) in files {
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(resource, errors)| {
            tracing::error!(file = name, ?errors, "Syntax errors in a message catalogue");
            resource
        });
        if let Err(errors) = bundle.add_resource(resource) {
            tracing::error!(file = name, ?errors, "Duplicate messages in a message catalogue");
        }
    }
    bundle
}

/// Each language's catalogue, read when first needed: the command line and a French-only
/// node never read the English one.
static FRENCH_BUNDLE: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::Fr, FRENCH));
static ENGLISH_BUNDLE: LazyLock<FluentBundle<FluentResource>> = LazyLock::new(|| bundle(Lang::En, ENGLISH));

pub(super) fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    match lang {
        Lang::Fr => &FRENCH_BUNDLE,
        Lang::En => &ENGLISH_BUNDLE,
    }
}

/// A value given to a message: a number (plural forms select on it) or a text.
pub enum Arg<'a> {
    Number(f64),
    Text(Cow<'a, str>),
}

macro_rules! number_arg {
    ($($t:ty),+) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }

        impl From<&$t> for Arg<'_> {
            fn from(n: &$t) -> Self {
                Arg::Number(*n as f64)
            }
        }

        impl From<&&$t> for Arg<'_> {
            fn from(n: &&$t) -> Self {
                Arg::Number(**n as f64)
            }
        }
    )+};
}
number_arg!(i64, i32, u8, u16, u32, u64, usize, f64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(s.as_str()))
    }
}

impl<'a> From<&&'a String> for Arg<'a> {
    fn from(s: &&'a String) -> Self {
        Arg::Text(Cow::Borrowed(s.as_str()))
    }
}

impl<'a> From<&&'a str> for Arg<'a> {
    fn from(s: &&'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

/// The message `key` in `lang`, with its arguments.
pub fn format(lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = bundle_of(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        tracing::warn!(key, lang = lang.code(), "Missing message in the catalogue");
        return key.to_owned();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let value = match value {
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Text(s) => FluentValue::from(s.as_ref()),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, (!args.is_empty()).then_some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!(key, lang = lang.code(), ?errors, "A message could not be formatted completely");
    }
    text.into_owned()
}
