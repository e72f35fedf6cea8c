//! Item files: JSON (one document or an array) and Markdown with a YAML front matter
//! (every field but `body` in the front matter, the body below it). Used by import and
//! export; parsing reports the line where it can.

use super::errors::{from_serde_path, FieldError};
use super::item::ItemDocument;
use super::serde_messages::{json_syntax, syntax_problem};
use crate::msg;

/// A problem in a file: where it is (line, and which item of an array) and what field it
/// concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct FileError {
    pub line: Option<usize>,
    /// The item's position in a JSON array (1-based), when the file holds several.
    pub item: Option<usize>,
    pub error: FieldError,
}

impl FileError {
    pub fn at(line: Option<usize>, error: FieldError) -> FileError {
        FileError { line, item: None, error }
    }
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (path, message, code) = (&self.error.path, self.error.message.to_string(), self.error.code);
        let located = match (self.line, self.item) {
            (None, None) => msg!("validation-file-error", path = path, message = message, code = code),
            (Some(line), None) => {
                msg!("validation-file-error-line", line = line, path = path, message = message, code = code)
            }
            (None, Some(item)) => {
                msg!("validation-file-error-item", item = item, path = path, message = message, code = code)
            }
            (Some(line), Some(item)) => msg!(
                "validation-file-error-line-item",
                line = line,
                item = item,
                path = path,
                message = message,
                code = code
            ),
        };
        write!(f, "{located}")
    }
}

/// One document of a file, with the line it starts on and its own text (to find the line
/// of a field in it).
#[derive(Debug, Clone, PartialEq)]
pub struct FileItem {
    pub document: ItemDocument,
    pub first_line: usize,
    pub text: String,
}

impl FileItem {
    /// The line of the file where `path` is written, if it can be found.
    pub fn line_of(&self, path: &str) -> Option<usize> {
        line_of_field(&self.text, path).map(|line| line + self.first_line - 1)
    }
}

/// A JSON file: one document, or an array of them. Every item of an array is read, and
/// every item's error reported (with its line in the file), not only the first.
pub fn parse_json_file(text: &str) -> Result<Vec<FileItem>, Vec<FileError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.trim_start().starts_with('[') {
        let document = parse_json_document(text.as_bytes()).map_err(|e| vec![e])?;
        return Ok(vec![FileItem { document, first_line: 1, text: text.to_owned() }]);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let shape: Result<Vec<serde::de::IgnoredAny>, _> = serde::Deserialize::deserialize(&mut de);
    shape.and_then(|_| de.end()).map_err(|e| vec![syntax_error(&e)])?;
    let mut items = Vec::new();
    let mut errors = Vec::new();
    for (index, range) in array_elements(text).into_iter().enumerate() {
        let first_line = 1 + text[..range.start].matches('\n').count();
        let element = &text[range];
        match parse_json_document(element.as_bytes()) {
            Ok(document) => items.push(FileItem { document, first_line, text: element.to_owned() }),
            Err(mut error) => {
                error.line = error.line.map(|line| line + first_line - 1).or(Some(first_line));
                error.item = Some(index + 1);
                errors.push(error);
            }
        }
    }
    if errors.is_empty() {
        Ok(items)
    } else {
        Err(errors)
    }
}

/// The byte ranges of the top-level elements of a well-formed JSON array.
fn array_elements(text: &str) -> Vec<std::ops::Range<usize>> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut start = None;
    let mut ranges = Vec::new();
    for (i, byte) in text.bytes().enumerate() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => {
                in_string = true;
                if depth == 1 && start.is_none() {
                    start = Some(i);
                }
            }
            b'[' | b'{' => {
                if depth == 1 && start.is_none() {
                    start = Some(i);
                }
                depth += 1;
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    ranges.extend(start.take().map(|s| s..text[..i].trim_end().len()));
                }
            }
            b',' if depth == 1 => ranges.extend(start.take().map(|s| s..text[..i].trim_end().len())),
            b if depth == 1 && start.is_none() && !b.is_ascii_whitespace() => start = Some(i),
            _ => {}
        }
    }
    ranges
}

/// Parses one JSON document (an object, and nothing after it) from a request body or a
/// file. A top-level array is refused: serde would read it as the fields in order.
pub fn parse_json_document(bytes: &[u8]) -> Result<ItemDocument, FileError> {
    // Another JSON value than an object is the wrong type (syntax errors are left to the
    // parser, which names the line).
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if matches!(first, Some(b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n')) {
        return Err(FileError::at(
            Some(1),
            FieldError { path: "$".into(), code: "invalid_type", message: msg!("validation-invalid_type-not_object") },
        ));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let document = serde_path_to_error::deserialize::<_, ItemDocument>(&mut de).map_err(json_error)?;
    de.end().map_err(|e| syntax_error(&e))?;
    Ok(document)
}

fn syntax_error(e: &serde_json::Error) -> FileError {
    let error = FieldError { path: "$".into(), code: "invalid_json", message: json_syntax(e) };
    FileError::at(Some(e.line()).filter(|l| *l > 0), error)
}

fn json_error(e: serde_path_to_error::Error<serde_json::Error>) -> FileError {
    if e.inner().is_syntax() || e.inner().is_eof() {
        return syntax_error(e.inner());
    }
    let line = Some(e.inner().line()).filter(|l| *l > 0);
    let path = e.path().to_string();
    FileError::at(line, from_serde_path(path, e.inner()))
}

pub fn parse_markdown_file(text: &str) -> Result<ItemDocument, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return Err(FileError::at(
            Some(1),
            FieldError {
                path: "$".into(),
                code: "missing_front_matter",
                message: msg!("validation-missing_front_matter"),
            },
        ));
    };
    let Some((front, body)) = split_front_matter(rest) else {
        return Err(FileError::at(
            Some(1),
            FieldError {
                path: "$".into(),
                code: "missing_front_matter",
                message: msg!("validation-missing_front_matter-unclosed"),
            },
        ));
    };
    let de = serde_yaml::Deserializer::from_str(front);
    let mut doc: ItemDocument = serde_path_to_error::deserialize(de).map_err(|e| {
        // The front matter starts on line 2 of the file.
        // serde_yaml counts lines from the first line of the front matter, after `---`.
        let line = e.inner().location().map(|l| l.line() + 1);
        let path = e.path().to_string();
        let mut error = from_serde_path(path, e.inner());
        if e.path().iter().next().is_none() && e.inner().location().is_some() && error.code == "invalid_value" {
            error.code = "invalid_yaml";
            error.message = msg!("validation-invalid_yaml", problem = syntax_problem(&e.inner().to_string()));
        }
        FileError::at(line, error)
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
