//! `maillage import FILE…`: reads every file first and validates every item; only when
//! all are valid does it write them (so a bad file changes nothing). Errors name the
//! file, the line where it can be found (and the column of a spreadsheet), and the field.
//! JSON and Markdown files hold item documents; CSV, XLSX and ODS files are read through a
//! mapping file (`--mapping`, see `content::tabular`). `--dry-run` says what would be
//! created, updated, left unchanged or refused, and writes nothing.

use super::spreadsheet::{is_spreadsheet, read_rows};
use crate::content::files::{parse_json_file, parse_markdown_file, FileError, FileItem};
use crate::content::tabular::Mapping;
use crate::content::{validate, FieldError, ItemDocument, Vocabularies};
use crate::msg;
use crate::operations::items::media::{adopt_exported, prepare, Prepared, Upload};
use crate::operations::outbound::import::{import_document, plan_document, ImportOutcome, Planned};
use crate::operations::people::audit::Actor;
use crate::operations::{Node, OperationError};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};

/// Where an item comes from, to say where a field of it is written.
enum Place {
    /// An item of a JSON or Markdown file.
    Document { item: Option<usize>, first_line: usize, text: String },
    /// A row of a spreadsheet.
    Row { line: usize },
}

struct Entry {
    file: PathBuf,
    document: ItemDocument,
    place: Place,
    /// The files its `media[].path` name, checked and ready to store.
    files: Vec<Prepared>,
}

impl Entry {
    /// "file : ligne N, élément K, champ P : message (code)", or with the row's column.
    fn describe(&self, error: &FieldError, mapping: Option<&Mapping>) -> String {
        let file = self.file.display();
        match &self.place {
            Place::Document { item, first_line, text } => {
                let source =
                    FileItem { document: ItemDocument::default(), first_line: *first_line, text: text.clone() };
                let located = FileError { line: source.line_of(&error.path), item: *item, error: error.clone() };
                format!("{file} : {located}")
            }
            Place::Row { line } => {
                let column = mapping.and_then(|m| m.column_of(&error.path));
                let located = crate::content::tabular::RowError { line: *line, column, error: error.clone() };
                format!("{file} : {located}")
            }
        }
    }
}

pub async fn import_files(
    node: &Node,
    files: &[PathBuf],
    mapping_file: Option<&Path>,
    dry_run: bool,
) -> anyhow::Result<()> {
    let mapping = mapping_file.map(read_mapping).transpose()?;
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    for file in files {
        match read_file(file, mapping.as_ref(), &node.vocab) {
            Ok((read, refused)) => {
                entries.extend(read);
                problems.extend(refused);
            }
            Err(messages) => problems.extend(messages),
        }
    }
    for entry in &mut entries {
        let refused = attach_files(node, entry).await;
        problems.extend(refused.iter().map(|e| entry.describe(e, mapping.as_ref())));
    }
    for entry in &entries {
        if let Err(errors) = validate(entry.document.clone(), &node.vocab) {
            problems.extend(errors.0.iter().map(|e| entry.describe(e, mapping.as_ref())));
        }
    }
    if dry_run {
        return report_plan(node, &entries, &problems).await;
    }
    if !problems.is_empty() {
        anyhow::bail!("{}\n{}", msg!("cli-import-refused", count = problems.len()), problems.join("\n"));
    }

    let bar = ProgressBar::new(entries.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}").unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let (mut created, mut updated, mut unchanged) = (0, 0, 0);
    for entry in entries {
        bar.set_message(entry.document.title.clone());
        let files: Vec<&Prepared> = entry.files.iter().collect();
        match import_document(node, entry.document, &files, &Actor::Cli("import")).await {
            Ok(ImportOutcome::Created(_)) => created += 1,
            Ok(ImportOutcome::Updated(_)) => updated += 1,
            Ok(ImportOutcome::Unchanged(_)) => unchanged += 1,
            Err(OperationError::Invalid(errors)) => {
                bar.abandon();
                anyhow::bail!("{} : {errors}", entry.file.display());
            }
            Err(e) => {
                return Err(
                    anyhow::Error::new(e).context(msg!("cli-import-failed", file = entry.file.display().to_string()))
                )
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    // The summary goes to stdout: the bar is hidden when stderr is not a terminal.
    super::out(msg!("cli-import-done", created = created, updated = updated, unchanged = unchanged))
}

/// Reads and checks the files that `media[].path` name (relative to the item's file),
/// and puts what they become in the document. Returns the refusals, by field.
async fn attach_files(node: &Node, entry: &mut Entry) -> Vec<FieldError> {
    let folder = entry.file.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut refused = Vec::new();
    for (i, m) in entry.document.media.iter_mut().enumerate() {
        let Some(path) = m.path.take() else {
            // An exported file: taken back from the export's media folder, when there.
            for (part, file) in std::iter::once(("file", &m.file)).chain(m.thumbnail.iter().map(|t| ("thumbnail", t))) {
                let Ok(bytes) = std::fs::read(folder.join(super::export::MEDIA_FOLDER).join(&file.sha256)) else {
                    continue;
                };
                match adopt_exported(node, file, bytes) {
                    Ok(prepared) => entry.files.push(prepared),
                    Err(OperationError::Media(refusal)) => {
                        refused.push(refusal.at(&format!("media[{i}].{part}.sha256")))
                    }
                    Err(e) => refused.push(FieldError {
                        path: format!("media[{i}].{part}"),
                        code: "file_unreadable",
                        message: msg!("cli-import-file_unreadable-error", error = e.to_string()),
                    }),
                }
            }
            continue;
        };
        let field = format!("media[{i}].path");
        let bytes = match std::fs::read(folder.join(&path)) {
            Ok(bytes) => bytes,
            Err(e) => {
                refused.push(FieldError {
                    path: field,
                    code: "file_unreadable",
                    message: msg!("cli-import-file_unreadable", path = &path, error = e.to_string()),
                });
                continue;
            }
        };
        let upload = Upload {
            bytes,
            file_name: Path::new(&path).file_name().map(|n| n.to_string_lossy().into_owned()),
            title: m.title.clone(),
            license: m.license.clone(),
            credit: m.credit.clone(),
            alt: m.alt.clone(),
            cover: m.cover,
        };
        match prepare(node, upload).await {
            Ok(prepared) => {
                *m = prepared.entry.clone();
                entry.files.push(prepared);
            }
            Err(OperationError::Media(refusal)) => refused.push(refusal.at(&field)),
            Err(e) => refused.push(FieldError {
                path: field,
                code: "file_unreadable",
                message: msg!("cli-import-file_unreadable-error", error = e.to_string()),
            }),
        }
    }
    refused
}

/// `--dry-run`: what each item would become, the problems, and nothing written.
async fn report_plan(node: &Node, entries: &[Entry], problems: &[String]) -> anyhow::Result<()> {
    let (mut create, mut update, mut unchanged) = (0, 0, 0);
    for entry in entries {
        match plan_document(node, entry.document.clone()).await {
            Ok(Planned::Create) => create += 1,
            Ok(Planned::Update) => update += 1,
            Ok(Planned::Unchanged) => unchanged += 1,
            // Already counted among the problems.
            Err(OperationError::Invalid(_)) => {}
            Err(e) => return Err(anyhow::Error::new(e).context(msg!("cli-import-cannot-plan"))),
        }
    }
    for problem in problems {
        super::out(problem)?;
    }
    super::out(msg!(
        "cli-import-dry-run",
        create = create,
        update = update,
        unchanged = unchanged,
        problems = problems.len()
    ))
}

fn read_mapping(file: &Path) -> anyhow::Result<Mapping> {
    let text =
        std::fs::read_to_string(file).with_context(|| msg!("cli-read-failed", path = file.display().to_string()))?;
    toml::from_str(&text).map_err(|e| {
        let line = e.span().map(|span| 1 + text[..span.start].matches('\n').count());
        let (_, message) = crate::content::serde_messages::field_error("", e.message());
        let (file, error) = (file.display().to_string(), message.to_string());
        anyhow::anyhow!(match line {
            Some(line) => msg!("cli-import-mapping-refused-at-line", file = file, line = line, error = error),
            None => msg!("cli-import-mapping-refused", file = file, error = error),
        })
    })
}

/// The entries of a file, and the problems of its rows that could not become a document.
type Read = (Vec<Entry>, Vec<String>);

fn read_file(file: &Path, mapping: Option<&Mapping>, vocab: &Vocabularies) -> Result<Read, Vec<String>> {
    if is_spreadsheet(file) {
        let Some(mapping) = mapping else {
            return Err(vec![
                msg!("cli-import-spreadsheet-needs-mapping", file = file.display().to_string()).to_string()
            ]);
        };
        return read_spreadsheet(file, mapping, vocab);
    }
    let source = std::fs::read_to_string(file)
        .with_context(|| msg!("cli-read-failed", path = file.display().to_string()))
        .map_err(|e| vec![format!("{e:#}")])?;
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let items = match extension.as_str() {
        "json" => parse_json_file(&source),
        "md" | "markdown" => parse_markdown_file(&source)
            .map(|document| vec![FileItem { document, first_line: 1, text: source.clone() }])
            .map_err(|e| vec![e]),
        _ => return Err(vec![msg!("cli-import-unknown-extension", file = file.display().to_string()).to_string()]),
    }
    .map_err(|errors| errors.iter().map(|e| format!("{} : {e}", file.display())).collect::<Vec<_>>())?;
    let several = items.len() > 1;
    let entries = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| Entry {
            file: file.to_owned(),
            document: item.document,
            place: Place::Document { item: several.then_some(index + 1), first_line: item.first_line, text: item.text },
            files: Vec::new(),
        })
        .collect();
    Ok((entries, Vec::new()))
}

fn read_spreadsheet(file: &Path, mapping: &Mapping, vocab: &Vocabularies) -> Result<Read, Vec<String>> {
    let (header, rows) =
        read_rows(file, mapping.sheet.as_deref()).map_err(|e| vec![format!("{} : {e}", file.display())])?;
    mapping.check_header(&header).map_err(|e| vec![format!("{} : {e}", file.display())])?;
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for row in &rows {
        match mapping.document(row, vocab) {
            Ok(document) => entries.push(Entry {
                file: file.to_owned(),
                document,
                place: Place::Row { line: row.line },
                files: Vec::new(),
            }),
            Err(errors) => problems.extend(errors.iter().map(|e| format!("{} : {e}", file.display()))),
        }
    }
    Ok((entries, problems))
}
