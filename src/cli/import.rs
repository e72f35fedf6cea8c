//! `maillage import FILE…`: reads every file first and validates every item; only when
//! all are valid does it write them (so a bad file changes nothing). Errors name the
//! file, the line where it can be found, and the field.

use crate::content::files::{parse_json_file, parse_markdown_file, FileError, FileItem};
use crate::content::validate;
use crate::operations::audit::Actor;
use crate::operations::import::{import_document, ImportOutcome};
use crate::operations::{Node, OperationError};
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use std::path::{Path, PathBuf};

struct Parsed {
    file: PathBuf,
    /// The documents of the file, each with where it starts.
    items: Vec<FileItem>,
}

pub async fn import_files(node: &Node, files: &[PathBuf]) -> anyhow::Result<()> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for file in files {
        match read_file(file) {
            Ok(p) => parsed.push(p),
            Err(messages) => problems.extend(messages),
        }
    }
    for p in &parsed {
        let several = p.items.len() > 1;
        for (index, item) in p.items.iter().enumerate() {
            if let Err(errors) = validate(item.document.clone(), &node.vocab) {
                for e in errors.0 {
                    let fe = FileError { line: item.line_of(&e.path), item: several.then_some(index + 1), error: e };
                    problems.push(describe(&p.file, &fe));
                }
            }
        }
    }
    if !problems.is_empty() {
        anyhow::bail!("{} problème(s), rien n'a été importé :\n{}", problems.len(), problems.join("\n"));
    }

    let total: usize = parsed.iter().map(|p| p.items.len()).sum();
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}").unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let (mut created, mut updated, mut unchanged) = (0, 0, 0);
    for p in parsed {
        for item in p.items {
            bar.set_message(item.document.title.clone());
            match import_document(node, item.document, &Actor::Cli("import")).await {
                Ok(ImportOutcome::Created(_)) => created += 1,
                Ok(ImportOutcome::Updated(_)) => updated += 1,
                Ok(ImportOutcome::Unchanged(_)) => unchanged += 1,
                Err(OperationError::Invalid(errors)) => {
                    bar.abandon();
                    anyhow::bail!("{} : {errors}", p.file.display());
                }
                Err(e) => {
                    return Err(anyhow::Error::new(e).context(format!("impossible d'importer {}", p.file.display())))
                }
            }
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    // The summary goes to stdout: the bar is hidden when stderr is not a terminal.
    super::out(&format!("{created} créée(s), {updated} mise(s) à jour, {unchanged} inchangée(s)"))
}

fn read_file(file: &Path) -> Result<Parsed, Vec<String>> {
    let source = std::fs::read_to_string(file)
        .with_context(|| format!("{} : lecture impossible", file.display()))
        .map_err(|e| vec![format!("{e:#}")])?;
    let extension = file.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let items = match extension.as_str() {
        "json" => parse_json_file(&source),
        "md" | "markdown" => parse_markdown_file(&source)
            .map(|document| vec![FileItem { document, first_line: 1, text: source.clone() }])
            .map_err(|e| vec![e]),
        _ => return Err(vec![format!("{} : extension inconnue (attendu .json ou .md)", file.display())]),
    }
    .map_err(|errors| errors.iter().map(|e| describe(file, e)).collect::<Vec<_>>())?;
    Ok(Parsed { file: file.to_owned(), items })
}

fn describe(file: &Path, error: &FileError) -> String {
    format!("{} : {error}", file.display())
}
