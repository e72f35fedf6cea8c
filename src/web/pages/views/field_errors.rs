//! The message a page shows for a validation error. Validation (`content`) reports each
//! problem with a stable code and a French message, which the JSON API returns as is; the
//! French pages show that message unchanged, and the English pages show a message chosen
//! by the code (and, for a few codes, by the path, or with the value or the limit the
//! French message quotes). The mapping lives here, with the pages, so that `content`
//! stays free of the page languages.

use crate::content::{FieldError, Lang};
use crate::web::pages::views::i18n::{self, Arg};

/// The message shown for `error` in the request's language.
pub fn shown(error: &FieldError) -> String {
    match i18n::lang() {
        Lang::Fr => error.message.clone(),
        Lang::En => english(error),
    }
}

/// Lookups in English whatever the request's language (so that tests can call
/// [`english`] directly); written as method calls
/// (`en.t(…)`) so that the catalogue test still finds the keys used.
struct English;

impl English {
    fn t(&self, key: &str) -> String {
        i18n::format(Lang::En, key, &[])
    }

    fn t1<'a>(&self, key: &str, name: &str, value: impl Into<Arg<'a>>) -> String {
        i18n::format(Lang::En, key, &[(name, value.into())])
    }
}

fn english(error: &FieldError) -> String {
    let en = English;
    let value = quoted(&error.message);
    let path = error.path.as_str();
    match (error.code, value) {
        ("required", _) if path == "title" => en.t("field-error-title-required"),
        ("required", _) => en.t("field-error-required"),
        ("too_long", _) => match first_number(&error.message) {
            Some(max) => en.t1("field-error-too-long", "max", max),
            None => en.t("field-error-too-long-plain"),
        },
        ("too_many", _) => match first_number(&error.message) {
            Some(max) => en.t1("field-error-too-many", "max", max),
            None => en.t("field-error-too-many-plain"),
        },
        ("unknown_code", Some(v)) => en.t1("field-error-unknown-code", "value", v),
        ("unknown_code", None) => en.t("field-error-unknown-code-plain"),
        ("duplicate", Some(v)) => en.t1("field-error-duplicate", "value", v),
        ("duplicate", None) => en.t("field-error-duplicate-plain"),
        ("invalid_url", Some(v)) => en.t1("field-error-invalid-url", "value", v),
        ("invalid_url", None) => en.t("field-error-invalid-url-plain"),
        ("invalid_date", Some(v)) => en.t1("field-error-invalid-date", "value", v),
        ("invalid_date", None) if path.ends_with("review_due") => en.t("field-error-review-before-last"),
        ("invalid_date", None) => en.t("field-error-end-before-start"),
        ("invalid_number", Some(v)) => en.t1("field-error-invalid-number", "value", v),
        ("invalid_number", None) if path.contains("amount") || path.contains("cost") => {
            en.t("field-error-invalid-amount")
        }
        ("invalid_number", None) => en.t("field-error-invalid-number-plain"),
        ("invalid_language", Some(v)) => en.t1("field-error-invalid-language", "value", v),
        ("invalid_language", None) => en.t("field-error-invalid-language-plain"),
        ("invalid_code", _) if path.ends_with("insee_code") => en.t("field-error-insee-code"),
        ("invalid_code", _) if path.ends_with("epci_code") => en.t("field-error-epci-code"),
        ("invalid_code", _) if path.ends_with("siren") => en.t("field-error-siren"),
        ("invalid_code", Some(v)) if path.starts_with("territory.codes") => en.t1("field-error-place-code", "value", v),
        ("wrong_level", Some(v)) => en.t1("field-error-wrong-level", "value", v),
        ("outside_france", _) => en.t("field-error-outside-france"),
        ("invalid_code", _) if path.ends_with("siret") => en.t("field-error-siret"),
        ("invalid_code", _) => en.t("field-error-invalid-code"),
        ("out_of_range", _) if path.ends_with("lat") => en.t("field-error-latitude"),
        ("out_of_range", _) if path.ends_with("lon") => en.t("field-error-longitude"),
        ("out_of_range", _) => en.t("field-error-out-of-range"),
        ("invalid_email", Some(v)) => en.t1("field-error-invalid-email", "value", v),
        ("invalid_email", None) => en.t("field-error-invalid-email-plain"),
        ("invalid_phone", _) => en.t("field-error-invalid-phone"),
        ("inconsistent_amount", _) => en.t("field-error-inconsistent-amount"),
        ("shares_over_total", _) => en.t("field-error-shares-over-total"),
        ("invalid_slug", _) => en.t("field-error-invalid-slug"),
        ("slug_taken", Some(v)) => en.t1("field-error-slug-taken", "value", v),
        ("slug_taken", None) => en.t("field-error-slug-taken-plain"),
        ("slug_immutable", _) => en.t("field-error-slug-immutable"),
        ("kind_immutable", _) => en.t("field-error-kind-immutable"),
        ("unknown_field", _) => en.t("field-error-unknown-field"),
        ("invalid_type", _) => en.t("field-error-invalid-type"),
        ("conflict", _) => en.t("field-error-conflict"),
        _ => en.t("field-error-invalid"),
    }
}

/// The value a French message quotes between « and ».
fn quoted(message: &str) -> Option<&str> {
    let start = message.find('«')? + '«'.len_utf8();
    let end = start + message[start..].find('»')?;
    Some(message[start..end].trim())
}

/// The first whole number in a message (a limit such as "dépasse 500 caractères").
fn first_number(message: &str) -> Option<u64> {
    let start = message.find(|c: char| c.is_ascii_digit())?;
    let digits: String = message[start..].chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::pages::views::i18n::format;

    fn error(path: &str, code: &'static str, message: &str) -> FieldError {
        FieldError { path: path.into(), code, message: message.into() }
    }

    #[test]
    fn english_messages_carry_the_value_or_the_limit_of_the_french_one() {
        let long = error("summary", "too_long", "Ce texte dépasse 500 caractères.");
        assert_eq!(english(&long), format(Lang::En, "field-error-too-long", &[("max", 500.into())]));
        assert!(english(&long).contains("500"));
        let date = error("period.start", "invalid_date", "« hier » n'est pas une date (AAAA, AAAA-MM ou AAAA-MM-JJ).");
        assert!(english(&date).contains("“hier”"), "{}", english(&date));
        let order = error("project_sheet.end_date", "invalid_date", "La date de fin précède la date de début.");
        assert_eq!(english(&order), format(Lang::En, "field-error-end-before-start", &[]));
    }

    #[test]
    fn every_code_and_path_has_an_english_message_and_unknown_codes_a_generic_one() {
        let quoting = "« x » ne va pas (au plus 3).";
        let plain = "Ça ne va pas.";
        let mut cases = vec![
            ("title", "required", plain),
            ("title", "invalid_date", plain),
            ("review_due", "invalid_date", plain),
            ("project_sheet.funding[0].amount_eur", "invalid_number", plain),
            ("territory.insee_code", "invalid_code", plain),
            ("territory.epci_code", "invalid_code", plain),
            ("project_sheet.carrier.siren", "invalid_code", plain),
            ("project_sheet.carrier.siret", "invalid_code", plain),
            ("territory.lat", "out_of_range", plain),
            ("territory.codes[0]", "invalid_code", quoting),
            ("territory.codes[0]", "wrong_level", quoting),
            ("territory.lat", "outside_france", plain),
            ("territory.lon", "out_of_range", plain),
        ];
        for code in [
            "required",
            "unknown_code",
            "too_long",
            "invalid_date",
            "invalid_number",
            "invalid_code",
            "out_of_range",
            "duplicate",
            "too_many",
            "invalid_url",
            "invalid_language",
            "invalid_email",
            "invalid_phone",
            "inconsistent_amount",
            "shares_over_total",
            "invalid_slug",
            "slug_taken",
            "slug_immutable",
            "kind_immutable",
            "unknown_field",
            "invalid_type",
            "invalid_value",
            "conflict",
            "something_new",
        ] {
            cases.push(("summary", code, quoting));
            cases.push(("summary", code, plain));
        }
        for (path, code, message) in cases {
            let text = english(&error(path, code, message));
            assert!(!text.is_empty() && !text.starts_with("field-error"), "{path} {code}: {text}");
            assert!(!text.contains('{'), "{path} {code}: {text}");
        }
    }

    #[test]
    fn french_pages_show_the_original_message() {
        let e = error("title", "required", "Le titre est obligatoire, même pour un brouillon.");
        assert_eq!(shown(&e), e.message);
    }
}
