//! Item files: JSON (one document or an array) and Markdown with a YAML front matter
//! (every field but `body` in the front matter, the body below it). Used by import and
//! export; parsing reports the line where it can.

use super::errors::{from_serde_path, FieldError};
use super::item::ItemDocument;

/// A problem in a file: where it is and what field it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct FileError {
    pub line: Option<usize>,
    pub error: FieldError,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => {
                write!(f, "ligne {line}, champ {}: {} ({})", self.error.path, self.error.message, self.error.code)
            }
            None => write!(f, "champ {}: {} ({})", self.error.path, self.error.message, self.error.code),
        }
    }
}

/// Parses a JSON file holding one item document or an array of them.
pub fn parse_json_file(text: &str) -> Result<Vec<ItemDocument>, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('[') {
        let mut de = serde_json::Deserializer::from_str(text);
        let documents: Vec<serde_json::Value> = serde_path_to_error::deserialize(&mut de).map_err(json_error)?;
        de.end().map_err(|e| syntax_error(&e))?;
        documents
            .into_iter()
            .enumerate()
            .map(|(i, value)| {
                let bytes = serde_json::to_vec(&value).map_err(|e| syntax_error(&e))?;
                parse_json_document(&bytes).map_err(|mut e| {
                    e.error.path = format!("[{i}].{}", e.error.path);
                    e.line = None;
                    e
                })
            })
            .collect()
    } else {
        parse_json_document(text.as_bytes()).map(|doc| vec![doc])
    }
}

/// Parses one JSON document (an object, and nothing after it) from a request body or a
/// file. A top-level array is refused: serde would read it as the fields in order.
pub fn parse_json_document(bytes: &[u8]) -> Result<ItemDocument, FileError> {
    // Another JSON value than an object is the wrong type (syntax errors are left to the
    // parser, which names the line).
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if matches!(first, Some(b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n')) {
        return Err(FileError {
            line: Some(1),
            error: FieldError {
                path: "$".into(),
                code: "invalid_type",
                message: "Une fiche est un objet JSON ({ … }).".into(),
            },
        });
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let document = serde_path_to_error::deserialize::<_, ItemDocument>(&mut de).map_err(json_error)?;
    de.end().map_err(|e| syntax_error(&e))?;
    Ok(document)
}

fn syntax_error(e: &serde_json::Error) -> FileError {
    FileError {
        line: Some(e.line()).filter(|l| *l > 0),
        error: FieldError { path: "$".into(), code: "invalid_json", message: format!("JSON mal formé : {e}") },
    }
}

fn json_error(e: serde_path_to_error::Error<serde_json::Error>) -> FileError {
    let line = Some(e.inner().line()).filter(|l| *l > 0);
    let path = e.path().to_string();
    let mut error = from_serde_path(path, e.inner());
    if e.inner().is_syntax() || e.inner().is_eof() {
        error.code = "invalid_json";
        error.message = format!("JSON mal formé : {}", e.inner());
    }
    FileError { line, error }
}

/// Parses a Markdown file with a `---` YAML front matter.
pub fn parse_markdown_file(text: &str) -> Result<ItemDocument, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return Err(FileError {
            line: Some(1),
            error: FieldError {
                path: "$".into(),
                code: "missing_front_matter",
                message: "Le fichier doit commencer par un en-tête YAML délimité par « --- ».".into(),
            },
        });
    };
    let Some((front, body)) = split_front_matter(rest) else {
        return Err(FileError {
            line: Some(1),
            error: FieldError {
                path: "$".into(),
                code: "missing_front_matter",
                message: "L'en-tête YAML n'est pas refermé par une ligne « --- ».".into(),
            },
        });
    };
    let de = serde_yaml::Deserializer::from_str(front);
    let mut doc: ItemDocument = serde_path_to_error::deserialize(de).map_err(|e| {
        // The front matter starts on line 2 of the file.
        let line = e.inner().location().map(|l| l.line() + 1);
        let path = e.path().to_string();
        FileError { line, error: from_serde_path(path, e.inner()) }
    })?;
    doc.body = body.trim_start_matches(['\n', '\r']).trim_end().to_owned();
    Ok(doc)
}

fn split_front_matter(rest: &str) -> Option<(&str, &str)> {
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Some((&rest[..offset], &rest[offset + line.len()..]));
        }
        offset += line.len();
    }
    None
}

/// Writes a document as Markdown with a YAML front matter; [`parse_markdown_file`] reads it
/// back to an equal document.
pub fn to_markdown_file(doc: &ItemDocument) -> Result<String, serde_yaml::Error> {
    let mut front = doc.clone();
    let body = std::mem::take(&mut front.body);
    let yaml = serde_yaml::to_string(&front)?;
    let mut out = String::with_capacity(yaml.len() + body.len() + 16);
    out.push_str("---\n");
    out.push_str(&yaml);
    out.push_str("---\n");
    out.push_str(&body);
    if !body.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// Best-effort line of a field in a source file: the first line after `from_line` that
/// names the last key of `path`. Validation errors come from the parsed document, so
/// this is how the importer points at the line to fix.
pub fn line_of_field(source: &str, path: &str) -> Option<usize> {
    let key = path
        .rsplit('.')
        .map(|segment| segment.split('[').next().unwrap_or(segment))
        .find(|s| !s.is_empty() && *s != "$")?;
    let json_key = format!("\"{key}\"");
    let yaml_key = format!("{key}:");
    source
        .lines()
        .position(|line| {
            let t = line.trim_start().trim_start_matches("- ");
            t.starts_with(&json_key) || t.starts_with(&yaml_key)
        })
        .map(|i| i + 1)
}
