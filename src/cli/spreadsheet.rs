//! Reading the rows of a spreadsheet for `maillage import --mapping`: CSV (the separator,
//! `;` or `,`, is taken from the header line), and XLSX or ODS through calamine. Each row
//! keeps its line number in the file (the header is line 1) and its cells by header.

use crate::content::tabular::Row;
use crate::i18n::Message;
use crate::msg;
use calamine::{open_workbook_auto, Data, Reader};
use std::collections::BTreeMap;
use std::path::Path;

/// Whether a file is read as a spreadsheet.
pub fn is_spreadsheet(file: &Path) -> bool {
    matches!(extension(file).as_str(), "csv" | "xlsx" | "ods")
}

fn extension(file: &Path) -> String {
    file.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase()
}

/// The header and the rows of the file (the named sheet of a workbook, or its first).
pub fn read_rows(file: &Path, sheet: Option<&str>) -> Result<(Vec<String>, Vec<Row>), Message> {
    let table = match extension(file).as_str() {
        "csv" => read_csv(file)?,
        _ => read_workbook(file, sheet)?,
    };
    let mut lines = table.into_iter();
    let header: Vec<String> = lines.next().unwrap_or_default().into_iter().map(|h| h.trim().to_owned()).collect();
    let rows = lines
        .enumerate()
        .map(|(index, cells)| Row {
            line: index + 2,
            cells: header.iter().cloned().zip(cells).collect::<BTreeMap<_, _>>(),
        })
        .filter(|row| row.cells.values().any(|cell| !cell.trim().is_empty()))
        .collect();
    Ok((header, rows))
}

fn read_csv(file: &Path) -> Result<Vec<Vec<String>>, Message> {
    let text = std::fs::read_to_string(file).map_err(|e| msg!("cli-spreadsheet-unreadable", error = e.to_string()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let first = text.lines().next().unwrap_or_default();
    let delimiter = if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader
        .records()
        .map(|record| {
            record.map(|r| r.iter().map(str::to_owned).collect()).map_err(|e| {
                let line = e.position().map(|p| p.line()).unwrap_or_default();
                msg!("cli-spreadsheet-csv-invalid", line = line)
            })
        })
        .collect()
}

fn read_workbook(file: &Path, sheet: Option<&str>) -> Result<Vec<Vec<String>>, Message> {
    let mut workbook =
        open_workbook_auto(file).map_err(|e| msg!("cli-spreadsheet-workbook-unreadable", error = e.to_string()))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) if names.iter().any(|n| n == wanted) => wanted.to_owned(),
        Some(wanted) => return Err(msg!("cli-spreadsheet-no-such-sheet", sheet = wanted, sheets = names.join(", "))),
        None => names.first().cloned().ok_or_else(|| msg!("cli-spreadsheet-no-sheet"))?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| msg!("cli-spreadsheet-sheet-unreadable", sheet = &name, error = e.to_string()))?;
    Ok(range.rows().map(|row| row.iter().map(cell_text).collect()).collect())
}

/// A cell as text; a date cell as AAAA-MM-JJ.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::DateTime(date) => {
            let days = date.as_f64().floor() as i64;
            chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|epoch| epoch.checked_add_signed(chrono::Duration::days(days)))
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        }
        Data::DateTimeIso(text) => text.chars().take(10).collect(),
        other => other.to_string(),
    }
}
