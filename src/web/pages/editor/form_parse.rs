//! From an urlencoded form body to an [`ItemDocument`], or to field errors.
//!
//! Inputs are named by document path (`project_sheet.funding[0].amount_eur`). The body
//! becomes a JSON tree by path: numbers for number fields (French `1 234,50` accepted),
//! arrays for list fields (repeated names, or one entry per line), empty inputs absent,
//! empty rows dropped and rows renumbered. The same tree re-renders the form, so what
//! the editor typed is kept and error paths match input names. Names starting with `_`
//! are controls (`_csrf`, `_action`, `_extra_rows`), not document fields.

use super::form_spec::FieldType;
use crate::content::errors::from_serde_path;
use crate::content::{FieldError, ItemDocument};
use serde_json::{Map, Number, Value};

/// Longest list index accepted in an input name (validation allows fewer items anyway).
const MAX_INDEX: usize = 999;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    Save,
    Preview,
    AddRows,
    /// Search the administrative reference for a place (the picker without JavaScript).
    FindPlace,
}

#[derive(Debug)]
pub struct ParsedForm {
    pub csrf: String,
    pub action: FormAction,
    pub extra_rows: usize,
    /// What was typed in the place picker's search box.
    pub place_search: String,
    pub tree: Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// `a.b[2].c` → `[Key(a), Key(b), Index(2), Key(c)]`; `None` for anything else.
fn parse_path(name: &str) -> Option<Vec<Segment>> {
    let mut segments = Vec::new();
    for part in name.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            return None;
        }
        segments.push(Segment::Key(key.to_owned()));
        while !rest.is_empty() {
            let close = rest.find(']')?;
            let digits = rest.get(1..close)?;
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let index: usize = digits.parse().ok().filter(|i| *i <= MAX_INDEX)?;
            segments.push(Segment::Index(index));
            rest = &rest[close + 1..];
        }
    }
    Some(segments)
}

/// The path written back as an input name (`a.b[2].c`), or as its shape, with indices
/// written `[]` (`a.b[].c`), to look up the field type.
fn path_name(segments: &[Segment], shape: bool) -> String {
    let mut out = String::new();
    for s in segments {
        match s {
            Segment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Segment::Index(_) if shape => out.push_str("[]"),
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// `1 234,50` → 1234.5; `None` when it is not a number.
pub fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The node at `segments`, created as needed; a scalar in the way is replaced.
fn slot<'a>(tree: &'a mut Value, segments: &[Segment]) -> &'a mut Value {
    let mut node = tree;
    for segment in segments {
        node = match segment {
            Segment::Key(k) => {
                if !node.is_object() {
                    *node = Value::Object(Map::new());
                }
                match node {
                    Value::Object(map) => map.entry(k.clone()).or_insert(Value::Null),
                    // Not reached: the node was just made an object.
                    other => other,
                }
            }
            Segment::Index(i) => {
                if !node.is_array() {
                    *node = Value::Array(Vec::new());
                }
                match node {
                    Value::Array(items) => {
                        if items.len() <= *i {
                            items.resize(*i + 1, Value::Null);
                        }
                        &mut items[*i]
                    }
                    // Not reached: the node was just made an array.
                    other => other,
                }
            }
        };
    }
    node
}

/// The tree of a stored document as the form reads it: objectives written as plain
/// strings become `{text}` rows, like those with a level.
pub fn document_tree(doc: &ItemDocument) -> serde_json::Result<Value> {
    let mut tree = serde_json::to_value(doc)?;
    if let Some(Value::Array(objectives)) = tree.pointer_mut("/project_sheet/objectives") {
        for objective in objectives.iter_mut() {
            if let Value::String(text) = objective {
                *objective = serde_json::json!({ "text": text });
            }
        }
    }
    Ok(tree)
}

/// Builds the document tree from `(name, value)` pairs. `field_type` says how a path
/// shape (`project_sheet.funding[].amount_eur`) is parsed. Unreadable names are skipped.
pub fn build_tree<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    field_type: impl Fn(&str) -> FieldType,
) -> Value {
    let mut tree = Value::Object(Map::new());
    for (name, raw) in pairs {
        let Some(segments) = parse_path(name) else { continue };
        let value = raw.replace("\r\n", "\n");
        match field_type(&path_name(&segments, true)) {
            FieldType::List => {
                let entries: Vec<Value> = value
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|l| Value::String(l.to_owned()))
                    .collect();
                if entries.is_empty() {
                    continue;
                }
                let node = slot(&mut tree, &segments);
                if !node.is_array() {
                    *node = Value::Array(Vec::new());
                }
                if let Value::Array(items) = node {
                    items.extend(entries);
                }
            }
            FieldType::Number => {
                let text = value.trim();
                if text.is_empty() {
                    continue;
                }
                // An unreadable number is kept as text: the form shows it again and the
                // decoding reports it at its path.
                // Whole numbers stay integers, so that counts (attendance) read as such.
                *slot(&mut tree, &segments) = parse_number(text)
                    .and_then(|n| match n.fract() == 0.0 && n.abs() < 1e15 {
                        true => Some(Number::from(n as i64)),
                        false => Number::from_f64(n),
                    })
                    .map(Value::Number)
                    .unwrap_or_else(|| Value::String(text.to_owned()));
            }
            FieldType::Text => {
                if value.trim().is_empty() {
                    continue;
                }
                *slot(&mut tree, &segments) = Value::String(value);
            }
            FieldType::Bool => {
                if matches!(value.trim(), "true" | "on") {
                    *slot(&mut tree, &segments) = Value::Bool(true);
                }
            }
        }
    }
    compact(&mut tree);
    tree
}

/// Drops nulls, empty objects and empty arrays, so that empty rows vanish and the rows
/// left are numbered from 0 without gaps.
fn compact(value: &mut Value) {
    match value {
        Value::Array(items) => {
            items.iter_mut().for_each(compact);
            items.retain(|v| !is_empty(v));
        }
        Value::Object(map) => {
            map.values_mut().for_each(compact);
            map.retain(|_, v| !is_empty(v));
        }
        _ => {}
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    }
}

/// Splits the body into control fields and the document tree.
pub fn parse_form(body: &[u8], field_type: impl Fn(&str) -> FieldType) -> ParsedForm {
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(body).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let mut csrf = String::new();
    let mut action = FormAction::Save;
    let mut extra_rows = 0;
    let mut place_search = String::new();
    for (name, value) in &pairs {
        match name.as_str() {
            "_csrf" => csrf = value.clone(),
            "_action" => {
                action = match value.as_str() {
                    "preview" => FormAction::Preview,
                    "add_rows" => FormAction::AddRows,
                    "find_place" => FormAction::FindPlace,
                    _ => FormAction::Save,
                }
            }
            "_extra_rows" => extra_rows = value.parse::<usize>().unwrap_or(0).min(30),
            "_place_search" => place_search = value.chars().take(100).collect(),
            _ => {}
        }
    }
    let fields = pairs.iter().filter(|(k, _)| !k.starts_with('_')).map(|(k, v)| (k.as_str(), v.as_str()));
    ParsedForm { csrf, action, extra_rows, place_search, tree: build_tree(fields, field_type) }
}

/// The value at an input name in a tree (for re-rendering the form).
pub fn value_at<'a>(tree: &'a Value, name: &str) -> Option<&'a Value> {
    let mut node = tree;
    for segment in parse_path(name)? {
        node = match segment {
            Segment::Key(k) => node.get(k.as_str())?,
            Segment::Index(i) => node.get(i)?,
        };
    }
    Some(node)
}

/// Walks the tree for number fields still holding text: each is an error, and is left
/// out so that the rest of the document can still be decoded and validated.
fn take_bad_numbers(
    value: &mut Value,
    path: &mut Vec<Segment>,
    field_type: &dyn Fn(&str) -> FieldType,
    errors: &mut Vec<FieldError>,
) {
    match value {
        Value::Object(map) => map.retain(|key, child| {
            path.push(Segment::Key(key.clone()));
            let keep = match child {
                Value::String(text) if field_type(&path_name(path, true)) == FieldType::Number => {
                    errors.push(FieldError {
                        path: path_name(path, false),
                        code: "invalid_number",
                        message: crate::msg!("page-editor-invalid_number", text = text.clone()),
                    });
                    false
                }
                child => {
                    take_bad_numbers(child, path, field_type, errors);
                    true
                }
            };
            path.pop();
            keep
        }),
        Value::Array(items) => {
            for (i, child) in items.iter_mut().enumerate() {
                path.push(Segment::Index(i));
                take_bad_numbers(child, path, field_type, errors);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The document, when it could be decoded, and the errors found on the way (bad numbers,
/// wrong types, a missing required sub-field). With errors, the document (if any) is only
/// good for running validation to report the rest.
pub struct Decoded {
    pub document: Option<ItemDocument>,
    pub errors: Vec<FieldError>,
}

pub fn decode(tree: &Value, field_type: impl Fn(&str) -> FieldType) -> Decoded {
    let mut cleaned = tree.clone();
    let mut errors = Vec::new();
    take_bad_numbers(&mut cleaned, &mut Vec::new(), &field_type, &mut errors);
    match serde_path_to_error::deserialize::<_, ItemDocument>(cleaned) {
        Ok(document) => Decoded { document: Some(document), errors },
        Err(e) => {
            let path = e.path().to_string();
            errors.push(serde_error(path, e.inner()));
            Decoded { document: None, errors }
        }
    }
}

/// A serde failure as a field error; a missing sub-field is reported at its own path
/// (`authors[0].name`), where its input is.
fn serde_error(path: String, error: &serde_json::Error) -> FieldError {
    let text = error.to_string();
    if let Some(field) = text.strip_prefix("missing field `").and_then(|r| r.split('`').next()) {
        let path = if path == "." || path.is_empty() { field.to_owned() } else { format!("{path}.{field}") };
        return FieldError { path, code: "required", message: crate::msg!("page-editor-required") };
    }
    from_serde_path(path, error)
}

#[cfg(test)]
mod tests;
