//! Chart geometry for the server-rendered SVG charts (the network page): horizontal bars,
//! stacked or single, computed here as plain numbers and drawn by askama templates
//! (`chart_stacked.svg`, `chart_bars.svg`). No HTML or SVG is written in Rust, no script
//! and no external asset is needed, and every chart comes with its data table on the page.

/// The drawing area, in SVG user units (the SVG scales to the page width).
const WIDTH: f64 = 720.0;
/// Room on the left for the row labels, and on the right for the totals.
const LABEL_WIDTH: f64 = 250.0;
const VALUE_WIDTH: f64 = 50.0;
const ROW_HEIGHT: f64 = 30.0;
const BAR_HEIGHT: f64 = 20.0;
const TOP: f64 = 8.0;
const LEGEND_HEIGHT: f64 = 34.0;
/// Room for one legend entry; entries that do not fit on a line go to the next.
const LEGEND_SLOT: f64 = 230.0;
const LEGEND_LINE: f64 = 22.0;
/// Longest label drawn in full; longer ones end with "…" (the full text is in the
/// tooltip and in the data table).
const MAX_LABEL_CHARS: usize = 32;

/// Darkened Okabe–Ito colours: told apart with the common colour-vision deficiencies, and
/// each at least 3:1 against the white page (values are written beside the bars, never
/// on them). Segments are also separated by a white line in the template.
pub const PALETTE: [&str; 6] = ["#0072B2", "#B35C00", "#00795C", "#8E4585", "#4D4D4D", "#A6761D"];

/// One series of a stacked chart (e.g. a kind of item).
pub struct Series {
    pub label: String,
    pub colour: &'static str,
}

/// One row of input: a label and one value per series.
pub struct RowInput {
    pub label: String,
    pub values: Vec<i64>,
}

pub struct Segment {
    pub x: f64,
    pub width: f64,
    pub colour: &'static str,
    /// Tooltip: "Fiche projet : 3".
    pub title: String,
}

pub struct Row {
    pub label: String,
    pub full_label: String,
    pub total: i64,
    /// Top of the bar and baseline of the label text.
    pub y: f64,
    pub text_y: f64,
    /// Where the total is written, just after the bar.
    pub total_x: f64,
    pub segments: Vec<Segment>,
}

pub struct LegendEntry {
    pub label: String,
    pub colour: &'static str,
    pub x: f64,
    pub y: f64,
    pub text_x: f64,
    pub text_y: f64,
}

/// A chart ready for its template; `id` prefixes the `<title>`/`<desc>` ids.
pub struct Chart {
    pub id: String,
    pub title: String,
    pub description: String,
    pub width: f64,
    pub height: f64,
    pub label_x: f64,
    pub bar_height: f64,
    pub rows: Vec<Row>,
    pub legend: Vec<LegendEntry>,
}

/// SVG numbers with one decimal at most: short, and stable in tests.
fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL_CHARS {
        label.to_owned()
    } else {
        let mut short: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
        short.push('…');
        short
    }
}

/// Horizontal bars, one per row, each split into its series. Bar lengths share one
/// scale (the largest row total fills the width); zero values draw nothing.
pub fn stacked_bars(id: &str, title: &str, description: &str, series: &[Series], rows: &[RowInput]) -> Chart {
    let area = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    let largest = rows.iter().map(|r| r.values.iter().sum::<i64>()).max().unwrap_or(0).max(1) as f64;
    let legend_rows =
        if series.len() > 1 { LEGEND_HEIGHT + LEGEND_LINE * (legend_lines(series.len()) - 1) as f64 } else { 0.0 };
    let built = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let y = TOP + legend_rows + index as f64 * ROW_HEIGHT;
            let mut x = LABEL_WIDTH;
            let mut segments = Vec::new();
            for (value, s) in row.values.iter().zip(series) {
                if *value <= 0 {
                    continue;
                }
                let width = area * *value as f64 / largest;
                segments.push(Segment {
                    x: round(x),
                    width: round(width),
                    colour: s.colour,
                    title: format!("{} — {} : {}", row.label, s.label, value),
                });
                x += width;
            }
            Row {
                label: shorten(&row.label),
                full_label: row.label.clone(),
                total: row.values.iter().sum(),
                y: round(y),
                text_y: round(y + BAR_HEIGHT * 0.75),
                total_x: round(x + 6.0),
                segments,
            }
        })
        .collect::<Vec<_>>();
    let legend = if series.len() > 1 { legend(series) } else { Vec::new() };
    Chart {
        id: id.to_owned(),
        title: title.to_owned(),
        description: description.to_owned(),
        width: WIDTH,
        height: round(TOP * 2.0 + legend_rows + built.len().max(1) as f64 * ROW_HEIGHT),
        label_x: LABEL_WIDTH - 8.0,
        bar_height: BAR_HEIGHT,
        rows: built,
        legend,
    }
}

/// Simple horizontal bars: one series, one colour.
pub fn bars(id: &str, title: &str, description: &str, colour: &'static str, rows: &[(String, i64)]) -> Chart {
    let series = [Series { label: crate::web::pages::views::i18n::t("network-items"), colour }];
    let rows: Vec<RowInput> =
        rows.iter().map(|(label, value)| RowInput { label: label.clone(), values: vec![*value] }).collect();
    stacked_bars(id, title, description, &series, &rows)
}

/// The legend, in one line of swatches above the bars.
fn legend(series: &[Series]) -> Vec<LegendEntry> {
    let per_line = legend_per_line(series.len());
    let slot = (WIDTH - LABEL_WIDTH) / per_line as f64;
    series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let x = LABEL_WIDTH + (i % per_line) as f64 * slot;
            let y = TOP + (i / per_line) as f64 * LEGEND_LINE;
            LegendEntry {
                label: s.label.clone(),
                colour: s.colour,
                x: round(x),
                y,
                text_x: round(x + 18.0),
                text_y: y + 11.0,
            }
        })
        .collect()
}

/// Legend entries on one line: as many as fit in slots of [`LEGEND_SLOT`].
fn legend_per_line(entries: usize) -> usize {
    (((WIDTH - LABEL_WIDTH) / LEGEND_SLOT).floor() as usize).clamp(1, entries.max(1))
}

fn legend_lines(entries: usize) -> usize {
    entries.div_ceil(legend_per_line(entries))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_series() -> Vec<Series> {
        vec![Series { label: "A".into(), colour: PALETTE[0] }, Series { label: "B".into(), colour: PALETTE[1] }]
    }

    #[test]
    fn the_largest_row_fills_the_bar_area_and_segments_follow_each_other() {
        let rows = vec![
            RowInput { label: "Marseille".into(), values: vec![3, 1] },
            RowInput { label: "Ariège".into(), values: vec![0, 2] },
        ];
        let chart = stacked_bars("c", "t", "d", &two_series(), &rows);
        let area = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        let first = &chart.rows[0];
        assert_eq!(first.total, 4);
        assert_eq!(first.segments.len(), 2);
        assert_eq!(first.segments[0].x, LABEL_WIDTH);
        assert_eq!(first.segments[0].width, round(area * 0.75));
        assert_eq!(first.segments[1].x, round(LABEL_WIDTH + area * 0.75));
        assert_eq!(first.segments[0].width + first.segments[1].width, area);
        // A zero value draws no segment; the half-size row is half as long.
        let second = &chart.rows[1];
        assert_eq!(second.segments.len(), 1);
        assert_eq!(second.segments[0].width, round(area / 2.0));
        assert!(second.y > first.y);
        assert_eq!(chart.legend.len(), 2);
    }

    #[test]
    fn an_empty_chart_has_a_height_and_no_division_by_zero() {
        let chart = bars("p", "t", "d", PALETTE[2], &[("Recyclage".into(), 0)]);
        assert!(chart.height > 0.0);
        assert!(chart.rows[0].segments.is_empty());
        assert!(chart.legend.is_empty());
        assert_eq!(chart.rows[0].total_x, LABEL_WIDTH + 6.0);
    }

    #[test]
    fn long_labels_are_shortened_but_kept_whole_for_tooltips() {
        let long = "Écologie industrielle et territoriale, version longue".to_owned();
        let chart = bars("p", "t", "d", PALETTE[2], &[(long.clone(), 5)]);
        assert!(chart.rows[0].label.ends_with('…'));
        assert_eq!(chart.rows[0].label.chars().count(), MAX_LABEL_CHARS);
        assert_eq!(chart.rows[0].full_label, long);
        assert!(chart.rows[0].segments[0].title.starts_with(&long));
    }
}
