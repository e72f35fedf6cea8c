//! The parsers' English, said in French: the type, value, field and syntax errors that
//! serde_json, serde_yaml and serde_urlencoded report, turned into a stable code and a French
//! message that names what was expected (dates with their accepted formats). The parsers'
//! own positions (" at line 3 column 7") are left out: the caller gives the line once.

/// Date fields of the document, with the formats they accept.
const DATE_FIELDS: &[(&str, &str)] = &[
    ("last_reviewed", "AAAA-MM-JJ, par exemple 2025-03-14"),
    ("review_due", "AAAA-MM-JJ, par exemple 2026-03-14"),
    ("published", "AAAA-MM-JJTHH:MM:SSZ, par exemple 2025-03-14T09:30:00Z"),
];

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

/// serde's name of a kind of value, in French.
fn kind_fr(kind: &str) -> String {
    let kind = kind.trim();
    if let Some(text) = kind.strip_prefix("string ") {
        return format!("le texte {text}");
    }
    if let Some(number) = kind.strip_prefix("integer ").or_else(|| kind.strip_prefix("floating point ")) {
        return format!("le nombre {}", number.trim_matches('`'));
    }
    if let Some(value) = kind.strip_prefix("boolean ") {
        return format!("la valeur {}", value.trim_matches('`'));
    }
    match kind {
        "sequence" | "a sequence" => "une liste".into(),
        "map" | "a map" => "un objet".into(),
        "a string" | "string" => "un texte".into(),
        "a boolean" | "boolean" => "vrai ou faux (true/false)".into(),
        "unit value" | "null" => "une valeur vide (null)".into(),
        "a borrowed string" => "un texte".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize" | "an integer" | "integer" => {
            "un nombre entier".into()
        }
        other if other.contains("float") || other == "f32" || other == "f64" => "un nombre".into(),
        other if other.starts_with("struct") || other.contains("map") => "un objet".into(),
        other if other.contains("sequence") || other.starts_with("a list") || other.starts_with("tuple") => {
            "une liste".into()
        }
        other if other.contains("date") || other.contains("NaiveDate") => "une date".into(),
        other => format!("« {other} »"),
    }
}

/// The last segment of a dotted path, without an index.
fn field_name(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}

/// A field error's stable code and French message, from a serde error at `path`.
pub fn field_error(path: &str, error: &str) -> (&'static str, String) {
    let text = without_position(error);
    if let Some(format) = DATE_FIELDS.iter().find(|(name, _)| *name == field_name(path)).map(|(_, f)| f) {
        if !text.contains("invalid type: null") {
            return ("invalid_date", format!("Date invalide : format accepté {format}."));
        }
    }
    if text.starts_with("unknown field") {
        let quoted = all_quoted(text);
        let field = quoted.first().copied().unwrap_or(text);
        let expected = quoted.get(1..).map(|rest| rest.join(", ")).unwrap_or_default();
        let hint = if expected.is_empty() { String::new() } else { format!(" ; champs possibles ici : {expected}") };
        return ("unknown_field", format!("Champ inconnu « {field} »{hint}."));
    }
    if text.starts_with("unknown variant") {
        let quoted = all_quoted(text);
        let value = quoted.first().copied().unwrap_or(text);
        let expected = quoted.get(1..).map(|rest| rest.join(", ")).unwrap_or_default();
        return ("unknown_code", format!("Valeur inconnue « {value} » ; valeurs possibles : {expected}."));
    }
    if text.starts_with("missing field") {
        let field = first_quoted(text).unwrap_or(text);
        return ("required", format!("Champ obligatoire manquant : « {field} »."));
    }
    if let Some(rest) = text.strip_prefix("invalid type: ").or_else(|| text.strip_prefix("invalid value: ")) {
        if let Some((given, expected)) = rest.split_once(", expected ") {
            return (
                "invalid_type",
                format!("Type incorrect : reçu {}, attendu {}.", kind_fr(given), kind_fr(expected)),
            );
        }
    }
    if text.starts_with("invalid length") {
        return ("invalid_value", "Nombre d'éléments incorrect.".into());
    }
    ("invalid_value", format!("Valeur refusée ({}).", syntax_fr(text)))
}

/// A JSON or YAML syntax error, in French (without position).
pub fn syntax_fr(error: &str) -> String {
    let text = without_position(error);
    let phrase = if text.starts_with("EOF while parsing") {
        "le texte s'arrête avant la fin (un guillemet, une accolade ou un crochet n'est pas refermé)"
    } else if text == "expected value" {
        "une valeur est attendue (texte entre guillemets, nombre, true, false, null, objet ou liste)"
    } else if text.starts_with("expected `,` or `}`") {
        "une virgule ou une accolade fermante « } » est attendue"
    } else if text.starts_with("expected `,` or `]`") {
        "une virgule ou un crochet fermant « ] » est attendu"
    } else if text.starts_with("expected `:`") {
        "deux-points « : » est attendu après le nom du champ"
    } else if text.starts_with("key must be a string") {
        "un nom de champ doit être entre guillemets"
    } else if text.starts_with("trailing comma") {
        "une virgule est en trop avant la fin de l'objet ou de la liste"
    } else if text.starts_with("trailing characters") {
        "du texte suit la fin du document JSON"
    } else if text.starts_with("control character") {
        "un caractère de contrôle (retour à la ligne…) doit être échappé dans un texte"
    } else if text.starts_with("invalid escape") {
        "une séquence d'échappement (\\…) est invalide"
    } else if text.starts_with("invalid number") || text.starts_with("number out of range") {
        "un nombre est invalide"
    } else if text.starts_with("expected ident") {
        "un mot inconnu : seuls true, false et null s'écrivent sans guillemets"
    } else if text.contains("did not find expected") || text.contains("mapping values are not allowed") {
        "l'indentation ou la ponctuation YAML est incorrecte"
    } else {
        "syntaxe incorrecte"
    };
    phrase.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_type_error_is_said_in_french_without_the_parsers_position() {
        let (code, message) =
            field_error("authors[0].name", "invalid type: sequence, expected a string at line 64 column 10");
        assert_eq!(code, "invalid_type");
        assert_eq!(message, "Type incorrect : reçu une liste, attendu un texte.");
    }

    #[test]
    fn a_bad_date_gives_the_accepted_format() {
        let (code, message) = field_error("last_reviewed", "input contains invalid characters");
        assert_eq!(code, "invalid_date");
        assert!(message.contains("AAAA-MM-JJ, par exemple 2025-03-14"), "{message}");
    }

    #[test]
    fn an_unknown_field_lists_the_possible_ones() {
        let (code, message) = field_error("territory", "unknown field `nom`, expected one of `name`, `scale`");
        assert_eq!(code, "unknown_field");
        assert_eq!(message, "Champ inconnu « nom » ; champs possibles ici : name, scale.");
    }

    #[test]
    fn syntax_errors_say_what_is_expected() {
        assert!(syntax_fr("expected value at line 1 column 35").starts_with("une valeur est attendue"));
        assert!(syntax_fr("EOF while parsing an object at line 3 column 1").starts_with("le texte s'arrête"));
    }
}
