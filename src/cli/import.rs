//! `maillage import FILE…`: reads every file first and validates every item; only when
//! all are valid does it write them (so a bad file changes nothing). Errors name the
//! file, the line where it can be found, and the field.

use crate::content::files::{line_of_field, parse_json_file, parse_markdown_file, FileError};
use crate::content::{validate, ItemDocument};
use crate::operations::audit::Actor;
use crate::operations::import::{import_document, ImportOutcome};
use crate::operations::{Node, OperationError};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};

struct Parsed {
    file: PathBuf,
    source: String,
    /// Documents in the file; `single` when the file holds one (lines can then be found).
    documents: Vec<ItemDocument>,
}

pub async fn import_files(node: &Node, files: &[PathBuf]) -> anyhow::Result<()> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for file in files {
        match read_file(file) {
            Ok(p) => parsed.push(p),
            Err(message) => problems.push(message),
        }
    }
    for p in &parsed {
        for (index, doc) in p.documents.iter().enumerate() {
            if let Err(errors) = validate(doc.clone(), &node.vocab) {
                for e in errors.0 {
                    let line = if p.documents.len() == 1 { line_of_field(&p.source, &e.path) } else { None };
                    let fe = FileError { line, error: e };
                    problems.push(describe(&p.file, index, p.documents.len(), &fe));
                }
            }
        }
    }
    if !problems.is_empty() {
        anyhow::bail!("{} problème(s), rien n'a été importé :\n{}", problems.len(), problems.join("\n"));
    }

    let total: usize = parsed.iter().map(|p| p.documents.len()).sum();
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}").unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let (mut created, mut updated, mut unchanged) = (0, 0, 0);
    for p in parsed {
        for doc in p.documents {
            bar.set_message(doc.title.clone());
            match import_document(node, doc, &Actor::Cli("import")).await {
                Ok(ImportOutcome::Created(_)) => created += 1,
                Ok(ImportOutcome::Updated(_)) => updated += 1,
                Ok(ImportOutcome::Unchanged(_)) => unchanged += 1,
                Err(OperationError::Invalid(errors)) => {
                    bar.abandon();
                    anyhow::bail!("{}: {errors}", p.file.display());
                }
                Err(e) => return Err(anyhow::Error::new(e).context(format!("Failed to import {}", p.file.display()))),
            }
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    // The summary goes to stdout: the bar is hidden when stderr is not a terminal.
    super::out(&format!("{created} créée(s), {updated} mise(s) à jour, {unchanged} inchangée(s)"))
}

fn read_file(file: &Path) -> Result<Parsed, String> {
    let source = std::fs::read_to_string(file)
        .with_context(|| format!("{}: lecture impossible", file.display()))
        .map_err(|e| format!("{e:#}"))?;
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let documents = match extension.as_str() {
        "json" => parse_json_file(&source),
        "md" | "markdown" => parse_markdown_file(&source).map(|d| vec![d]),
        _ => return Err(format!("{}: extension inconnue (attendu .json ou .md)", file.display())),
    }
    .map_err(|e| describe(file, 0, 1, &e))?;
    Ok(Parsed { file: file.to_owned(), source, documents })
}

fn describe(file: &Path, index: usize, count: usize, error: &FileError) -> String {
    if count > 1 {
        format!("{} (élément {}): {error}", file.display(), index + 1)
    } else {
        format!("{}: {error}", file.display())
    }
}
