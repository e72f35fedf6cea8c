//! The parsers' English, said in the catalogues' words: the type, value, field and syntax
//! errors that serde_json, serde_yaml and serde_urlencoded report, turned into a stable code
//! and a message that names what was expected (dates with their accepted formats). The
//! parsers' own positions (" at line 3 column 7") are left out: the caller gives the line
//! once.

use crate::i18n::Message;
use crate::msg;

/// The message of a date field of the document, with the formats it accepts.
fn date_format(field: &str) -> Option<Message> {
    match field {
        "last_reviewed" => Some(msg!("validation-invalid_date-last_reviewed")),
        "review_due" => Some(msg!("validation-invalid_date-review_due")),
        "published" => Some(msg!("validation-invalid_date-published")),
        _ => None,
    }
}

/// The kinds of serde error, as their messages start.
const MARKERS: &[&str] =
    &["invalid type:", "invalid value:", "unknown field", "unknown variant", "missing field", "invalid length"];

/// A serde error message without its position suffix, nor the path some parsers put in
/// front of it (serde_yaml writes "territory.lat: invalid type: …").
fn without_position(text: &str) -> &str {
    let text = match text.find(" at line ") {
        Some(at) => &text[..at],
        None => text,
    };
    match MARKERS.iter().filter_map(|marker| text.find(marker)).min() {
        Some(start) => &text[start..],
        None => text,
    }
}

/// The text between the first pair of backticks.
fn first_quoted(text: &str) -> Option<&str> {
    let start = text.find('`')? + 1;
    let end = start + text[start..].find('`')?;
    Some(&text[start..end])
}

/// Every name between backticks, e.g. the expected fields or values.
fn all_quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// serde's name of a kind of value, as the variant of `validation-serde-received` and
/// `validation-serde-expected` that says it, and the text the variant quotes.
fn kind(kind: &str) -> (&'static str, String) {
    let kind = kind.trim();
    if let Some(text) = kind.strip_prefix("string ") {
        return ("text", text.to_owned());
    }
    if let Some(number) = kind.strip_prefix("integer ").or_else(|| kind.strip_prefix("floating point ")) {
        return ("number", number.trim_matches('`').to_owned());
    }
    if let Some(value) = kind.strip_prefix("boolean ") {
        return ("value", value.trim_matches('`').to_owned());
    }
    let variant = match kind {
        "sequence" | "a sequence" => "list",
        "map" | "a map" => "object",
        "a string" | "string" => "string",
        "a boolean" | "boolean" => "boolean",
        "unit value" | "null" => "null",
        "a borrowed string" => "string",
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" | "an integer" | "integer" => {
            "integer"
        }
        other if other.contains("float") || other == "f32" || other == "f64" => "float",
        other if other.starts_with("struct") || other.contains("map") => "object",
        other if other.contains("sequence") || other.starts_with("a list") || other.starts_with("tuple") => "list",
        other if other.contains("date") || other.contains("NaiveDate") => "date",
        _ => "other",
    };
    (variant, kind.to_owned())
}

/// The last segment of a dotted path, without an index.
fn field_name(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}

/// A field error's stable code and message, from a serde error at `path`.
pub fn field_error(path: &str, error: &str) -> (&'static str, Message) {
    let text = without_position(error);
    if let Some(message) = date_format(field_name(path)) {
        if !text.contains("invalid type: null") {
            return ("invalid_date", message);
        }
    }
    if text.starts_with("unknown field") {
        let quoted = all_quoted(text);
        let field = quoted.first().copied().unwrap_or(text);
        let expected = quoted.get(1..).map(|rest| rest.join(", ")).unwrap_or_default();
        let message = if expected.is_empty() {
            msg!("validation-unknown_field", field = field)
        } else {
            msg!("validation-unknown_field-hint", field = field, expected = expected)
        };
        return ("unknown_field", message);
    }
    if text.starts_with("unknown variant") {
        let quoted = all_quoted(text);
        let value = quoted.first().copied().unwrap_or(text);
        let expected = quoted.get(1..).map(|rest| rest.join(", ")).unwrap_or_default();
        return ("unknown_code", msg!("validation-unknown_code-variant", value = value, expected = expected));
    }
    if text.starts_with("missing field") {
        let field = first_quoted(text).unwrap_or(text);
        return ("required", msg!("validation-required-field", field = field));
    }
    if let Some(rest) = text.strip_prefix("invalid type: ").or_else(|| text.strip_prefix("invalid value: ")) {
        if let Some((given, expected)) = rest.split_once(", expected ") {
            let (received, received_text) = kind(given);
            let (expected, expected_text) = kind(expected);
            let message = msg!(
                "validation-invalid_type",
                received = received,
                received_text = received_text,
                expected = expected,
                expected_text = expected_text
            );
            return ("invalid_type", message);
        }
    }
    if text.starts_with("invalid length") {
        return ("invalid_value", msg!("validation-invalid_value-length"));
    }
    ("invalid_value", msg!("validation-invalid_value", problem = syntax_problem(text)))
}

/// A JSON or YAML syntax error (without position), as the variant of
/// `validation-serde-syntax` that says it: the `problem` argument of the messages that
/// quote it.
pub fn syntax_problem(error: &str) -> &'static str {
    let text = without_position(error);
    if text.starts_with("EOF while parsing") {
        "eof"
    } else if text == "expected value" {
        "expected_value"
    } else if text.starts_with("expected `,` or `}`") {
        "expected_comma_or_brace"
    } else if text.starts_with("expected `,` or `]`") {
        "expected_comma_or_bracket"
    } else if text.starts_with("expected `:`") {
        "expected_colon"
    } else if text.starts_with("key must be a string") {
        "key_not_a_string"
    } else if text.starts_with("trailing comma") {
        "trailing_comma"
    } else if text.starts_with("trailing characters") {
        "trailing_characters"
    } else if text.starts_with("control character") {
        "control_character"
    } else if text.starts_with("invalid escape") {
        "invalid_escape"
    } else if text.starts_with("invalid number") || text.starts_with("number out of range") {
        "invalid_number"
    } else if text.starts_with("expected ident") {
        "expected_ident"
    } else if text.contains("did not find expected") || text.contains("mapping values are not allowed") {
        "yaml"
    } else {
        "other"
    }
}

/// A JSON syntax error with its line and column.
pub fn json_syntax(e: &serde_json::Error) -> Message {
    msg!("validation-invalid_json", line = e.line(), column = e.column(), problem = syntax_problem(&e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_type_error_is_said_in_french_without_the_parsers_position() {
        let (code, message) =
            field_error("authors[0].name", "invalid type: sequence, expected a string at line 64 column 10");
        assert_eq!(code, "invalid_type");
        assert_eq!(message.to_string(), "Type incorrect : reçu une liste, attendu un texte.");
    }

    #[test]
    fn a_type_error_reads_in_english_too() {
        let (_, message) = field_error("x", "invalid type: integer `5`, expected a boolean");
        assert_eq!(message.to_string(), "Type incorrect : reçu le nombre 5, attendu vrai ou faux (true/false).");
        assert_eq!(
            message.in_lang(crate::i18n::Lang::En),
            "Wrong type: received the number 5, expected true or false."
        );
    }

    #[test]
    fn a_bad_date_gives_the_accepted_format() {
        let (code, message) = field_error("last_reviewed", "input contains invalid characters");
        assert_eq!(code, "invalid_date");
        assert!(message.to_string().contains("AAAA-MM-JJ, par exemple 2025-03-14"), "{message}");
    }

    #[test]
    fn an_unknown_field_lists_the_possible_ones() {
        let (code, message) = field_error("territory", "unknown field `nom`, expected one of `name`, `scale`");
        assert_eq!(code, "unknown_field");
        assert_eq!(message.to_string(), "Champ inconnu « nom » ; champs possibles ici : name, scale.");
    }

    #[test]
    fn syntax_errors_say_what_is_expected() {
        let said = |error| msg!("validation-serde-syntax", problem = syntax_problem(error)).to_string();
        assert!(said("expected value at line 1 column 35").starts_with("une valeur est attendue"));
        assert!(said("EOF while parsing an object at line 3 column 1").starts_with("le texte s'arrête"));
    }
}
