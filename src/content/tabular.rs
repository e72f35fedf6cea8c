//! Rows of a spreadsheet (an existing catalogue's export) turned into item documents
//! through a mapping: which column fills which field, several values in one cell, labels of
//! vocabulary terms accepted beside codes, French dates (14/03/2025) and amounts with a
//! decimal comma (1 234,50), fixed values for every row, and the column whose value keys
//! the item so that a re-run updates instead of duplicating. Pure: the file is read by the
//! caller.

use super::errors::FieldError;
use super::item::ItemDocument;
use super::slug::slugify;
use super::vocabulary::{names, Vocabularies};
use crate::i18n::Message;
use crate::msg;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A mapping file (TOML).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The column whose value keys each item (its slug): re-running the import updates.
    pub key: String,
    /// The sheet to read in a workbook (XLSX, ODS); the first one when absent.
    #[serde(default)]
    pub sheet: Option<String>,
    /// What separates several values in one cell.
    #[serde(default = "default_separator")]
    pub separator: String,
    /// Values set on every item, by field (e.g. `lifecycle = "draft"`).
    #[serde(default)]
    pub defaults: BTreeMap<String, toml::Value>,
    /// Column header → field, or a table with options.
    pub columns: BTreeMap<String, Column>,
}

fn default_separator() -> String {
    ";".into()
}

/// Where a column goes.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Column {
    Field(String),
    Detailed(ColumnSpec),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnSpec {
    /// The field, as a dotted path (`project_sheet.carrier.name`).
    pub field: String,
    /// Several values in the cell (list fields are lists by default).
    #[serde(default)]
    pub list: Option<bool>,
    /// Each value becomes an object with this key (`authors` → `{ name }`).
    #[serde(default)]
    pub each: Option<String>,
    /// `date` (JJ/MM/AAAA accepted) or `amount` (decimal comma, spaces).
    #[serde(default)]
    pub format: Option<String>,
    /// The vocabulary whose labels are accepted for codes.
    #[serde(default)]
    pub vocabulary: Option<String>,
    /// The cell's words replaced by field values (e.g. « Fiche projet » → `project_sheet`).
    #[serde(default)]
    pub values: BTreeMap<String, String>,
}

/// How a field is read when the mapping does not say.
struct Known {
    field: &'static str,
    list: bool,
    each: Option<&'static str>,
    format: Option<&'static str>,
    vocabulary: Option<&'static str>,
}

const fn text(field: &'static str) -> Known {
    Known { field, list: false, each: None, format: None, vocabulary: None }
}

const fn list(field: &'static str) -> Known {
    Known { list: true, ..text(field) }
}

const fn coded(field: &'static str, vocabulary: &'static str, list: bool) -> Known {
    Known { list, vocabulary: Some(vocabulary), ..text(field) }
}

const fn objects(field: &'static str, key: &'static str) -> Known {
    Known { each: Some(key), ..list(field) }
}

const fn formatted(field: &'static str, format: &'static str) -> Known {
    Known { format: Some(format), ..text(field) }
}

const KNOWN: &[Known] = &[
    coded("pillars", names::PILLAR, true),
    coded("activity_domains", names::ACTIVITY_DOMAIN, true),
    coded("resources", names::RESOURCE, true),
    coded("food_themes", names::FOOD_THEME, true),
    coded("target_audiences", names::TARGET_AUDIENCE, true),
    list("tags"),
    list("inspired_by"),
    objects("authors", "name"),
    objects("sources", "url"),
    objects("contacts", "organisation"),
    coded("territory.scale", names::SCALE, false),
    coded("license", names::LICENSE, false),
    formatted("last_reviewed", "date"),
    formatted("review_due", "date"),
    coded("project_sheet.carrier.org_type", names::ORGANISATION_TYPE, false),
    coded("project_sheet.phase", names::PHASE, false),
    coded("project_sheet.status", names::PROJECT_STATUS, false),
    formatted("project_sheet.start_date", "date"),
    formatted("project_sheet.end_date", "date"),
    list("project_sheet.objectives"),
    list("project_sheet.hypotheses"),
    list("project_sheet.risks"),
    objects("project_sheet.external_methods", "title"),
    list("project_sheet.consortium"),
    objects("project_sheet.partners", "name"),
    objects("project_sheet.funding", "funder"),
    formatted("project_sheet.total_cost_eur", "amount"),
    list("good_practice.objectives"),
    coded("good_practice.maturity", names::MATURITY, false),
];

/// A column resolved against the defaults of its field.
struct Target<'a> {
    field: &'a str,
    list: bool,
    each: Option<&'a str>,
    format: Option<&'a str>,
    vocabulary: Option<&'a str>,
    values: Option<&'a BTreeMap<String, String>>,
}

impl Column {
    fn target(&self) -> Target<'_> {
        let field = match self {
            Column::Field(field) => field.as_str(),
            Column::Detailed(spec) => spec.field.as_str(),
        };
        let known = KNOWN.iter().find(|known| known.field == field);
        let mut target = Target {
            field,
            list: known.is_some_and(|k| k.list),
            each: known.and_then(|k| k.each),
            format: known.and_then(|k| k.format),
            vocabulary: known.and_then(|k| k.vocabulary),
            values: None,
        };
        if let Column::Detailed(spec) = self {
            target.list = spec.list.unwrap_or(target.list || spec.each.is_some());
            target.each = spec.each.as_deref().or(target.each);
            target.format = spec.format.as_deref().or(target.format);
            target.vocabulary = spec.vocabulary.as_deref().or(target.vocabulary);
            target.values = (!spec.values.is_empty()).then_some(&spec.values);
        }
        target
    }
}

/// A row read from a file: its line number (1-based, the header being line 1) and its cells
/// by column header.
pub struct Row {
    pub line: usize,
    pub cells: BTreeMap<String, String>,
}

/// A problem in a row, with the column it comes from when known.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    pub line: usize,
    pub column: Option<String>,
    pub error: FieldError,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (line, path, message, code) =
            (self.line, &self.error.path, self.error.message.to_string(), self.error.code);
        let located = match &self.column {
            Some(column) => msg!(
                "validation-row-error-column",
                line = line,
                column = column,
                path = path,
                message = message,
                code = code
            ),
            None => msg!("validation-row-error", line = line, path = path, message = message, code = code),
        };
        write!(f, "{located}")
    }
}

impl Mapping {
    /// Checks the mapping against the file's header: every mapped column and the key exist.
    pub fn check_header(&self, header: &[String]) -> Result<(), Message> {
        let missing: Vec<&str> = std::iter::once(&self.key)
            .chain(self.columns.keys())
            .filter(|column| !header.contains(column))
            .map(String::as_str)
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(msg!("validation-missing_columns", missing = missing.join(", "), header = header.join(", ")))
        }
    }

    /// The column that fills `path` (a field error's path), if any.
    pub fn column_of(&self, path: &str) -> Option<String> {
        let bare: String = path.split('[').next().unwrap_or(path).to_owned();
        self.columns
            .iter()
            .filter(|(_, column)| {
                let field = column.target().field;
                bare == field || bare.starts_with(&format!("{field}.")) || path.starts_with(&format!("{field}["))
            })
            .map(|(name, _)| name.clone())
            .next()
    }

    /// The document of one row, or every problem of the row.
    pub fn document(&self, row: &Row, vocab: &Vocabularies) -> Result<ItemDocument, Vec<RowError>> {
        let mut errors = Vec::new();
        let mut root = Value::Object(Map::new());
        for (field, value) in &self.defaults {
            match serde_json::to_value(value) {
                Ok(value) => set(&mut root, field, value),
                Err(e) => {
                    let message = msg!("validation-invalid_value-default", error = e.to_string());
                    errors.push(self.row_error(row, None, field, "invalid_value", message));
                }
            }
        }
        for (name, column) in &self.columns {
            let cell = row.cells.get(name).map(|c| c.trim()).unwrap_or_default();
            if cell.is_empty() {
                continue;
            }
            let target = column.target();
            match cell_value(cell, &target, &self.separator, vocab) {
                Ok(value) => set(&mut root, target.field, value),
                Err(message) => errors.push(self.row_error(row, Some(name), target.field, "invalid_value", message)),
            }
        }
        let key = row.cells.get(&self.key).map(|k| k.trim()).unwrap_or_default();
        if key.is_empty() {
            let message = msg!("validation-required-key_column", column = &self.key);
            errors.push(self.row_error(row, Some(&self.key), "slug", "required", message));
        } else {
            set(&mut root, "slug", Value::String(slugify(key)));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let text = root.to_string();
        let mut de = serde_json::Deserializer::from_str(&text);
        serde_path_to_error::deserialize::<_, ItemDocument>(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let (code, message) = super::serde_messages::field_error(&path, &e.inner().to_string());
            vec![RowError { line: row.line, column: self.column_of(&path), error: FieldError { path, code, message } }]
        })
    }

    fn row_error(&self, row: &Row, column: Option<&str>, path: &str, code: &'static str, message: Message) -> RowError {
        RowError {
            line: row.line,
            column: column.map(str::to_owned),
            error: FieldError { path: path.to_owned(), code, message },
        }
    }
}

/// Sets `value` at a dotted path, making the objects on the way.
fn set(root: &mut Value, path: &str, value: Value) {
    let mut node = root;
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        let Value::Object(object) = node else { return };
        if parts.peek().is_none() {
            object.insert(part.to_owned(), value);
            return;
        }
        node = object.entry(part.to_owned()).or_insert_with(|| Value::Object(Map::new()));
    }
}

/// Folds case and accents, to compare a cell's word with a label.
fn folded(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One value of a cell, as the field wants it.
fn one_value(text: &str, target: &Target<'_>, vocab: &Vocabularies) -> Result<Value, Message> {
    let text = text.trim();
    if let Some(values) = target.values {
        if let Some((_, replacement)) = values.iter().find(|(word, _)| folded(word) == folded(text)) {
            return Ok(Value::String(replacement.clone()));
        }
    }
    let value = match target.format {
        Some("date") => Value::String(french_date(text)?),
        Some("amount") => amount(text)?,
        _ => match target.vocabulary.and_then(|name| vocab.get(name)) {
            Some(vocabulary) => {
                let wanted = folded(text);
                let term = vocabulary.terms.iter().find(|t| {
                    t.code == text
                        || folded(&t.label) == wanted
                        || folded(&t.label_en) == wanted
                        || folded(&t.code) == wanted
                });
                // An unknown word is kept: validation names it with the allowed codes.
                Value::String(term.map_or_else(|| text.to_owned(), |t| t.code.clone()))
            }
            None => Value::String(text.to_owned()),
        },
    };
    Ok(match target.each {
        Some(key) => serde_json::json!({ key: value }),
        None => value,
    })
}

fn cell_value(cell: &str, target: &Target<'_>, separator: &str, vocab: &Vocabularies) -> Result<Value, Message> {
    if !target.list {
        return one_value(cell, target, vocab);
    }
    cell.split(separator)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| one_value(v, target, vocab))
        .collect::<Result<Vec<_>, _>>()
        .map(Value::Array)
}

/// JJ/MM/AAAA (or JJ-MM-AAAA, JJ.MM.AAAA) → AAAA-MM-JJ; AAAA, AAAA-MM, AAAA-MM-JJ and
/// MM/AAAA are kept or turned around likewise.
fn french_date(text: &str) -> Result<String, Message> {
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    let digits = |p: &&str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let refused = || msg!("validation-invalid_value-date", value = text);
    if !parts.iter().all(digits) {
        return Err(refused());
    }
    let date = match parts.as_slice() {
        [y] if y.len() == 4 => (*y).to_owned(),
        [y, m] if y.len() == 4 => format!("{y}-{m:0>2}"),
        [m, y] if y.len() == 4 => format!("{y}-{m:0>2}"),
        [y, m, d] if y.len() == 4 => format!("{y}-{m:0>2}-{d:0>2}"),
        [d, m, y] if y.len() == 4 => format!("{y}-{m:0>2}-{d:0>2}"),
        _ => return Err(refused()),
    };
    match chrono::NaiveDate::parse_from_str(&format!("{date}-01-01")[..10], "%Y-%m-%d") {
        Ok(_) => Ok(date),
        Err(_) => Err(refused()),
    }
}

/// « 1 234,50 € » → 1234.5.
fn amount(text: &str) -> Result<Value, Message> {
    let cleaned: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{202f}' && *c != '\u{a0}')
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    cleaned
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
        .ok_or_else(|| msg!("validation-invalid_value-amount", value = text))
}

#[cfg(test)]
mod tests;
