//! The coordination part of `/reseau`, for a national coordinator: a région filter that
//! applies to the whole part, the map of items per département, the régions, breakdowns
//! by kind, pillar, activity domain, food theme and target audience, items first
//! published per month over 24 months, and overdue reviews by territory; every table
//! also as CSV (`/reseau/export/{table}.csv`). The figures come from
//! [`coordination::figures`]; this module only arranges them (charts, links, labels).

use crate::content::geography::{reference, Level};
use crate::content::vocabulary::names;
use crate::operations::node::coordination::{self, CoordinationFigures};
use crate::operations::{Node, OperationError};
use crate::web::pages::public::catalogue::facet_label;
use crate::web::pages::public::item_view::catalogue_link;
use crate::web::pages::views::charts::{self, Chart, RowInput, Series, PALETTE};
use crate::web::pages::views::france_map::{FranceMap, MapArea, MapOptions};
use crate::web::pages::views::i18n;
use chrono::Datelike;

/// One figure of a table: its label, its count and the catalogue filtered on it.
pub struct Figure {
    pub label: String,
    pub count: u64,
    pub href: Option<String>,
}

/// One table of the part, with its chart and CSV export.
pub struct Table {
    pub id: &'static str,
    pub title: String,
    pub chart: Chart,
    pub rows: Vec<Figure>,
    pub csv_href: String,
}

/// Items first published per month, split by région.
pub struct MonthsView {
    pub chart: Chart,
    /// The régions drawn apart, then "other régions" when there are more.
    pub series: Vec<String>,
    /// (month, one count per series, total).
    pub rows: Vec<(String, Vec<u64>, u64)>,
    pub csv_href: String,
}

/// The name of a series of the monthly chart (`None`: the other régions).
pub fn series_name(code: &Option<String>) -> String {
    match code {
        Some(code) => reference().get(code).map(|r| r.name.clone()).unwrap_or_else(|| code.clone()),
        None => i18n::t("coordination-other-regions"),
    }
}

fn months_view(figures: &CoordinationFigures, region: Option<&str>) -> MonthsView {
    let series: Vec<String> = figures.months_by_region.iter().map(|(code, _)| series_name(code)).collect();
    let rows: Vec<(String, Vec<u64>, u64)> = figures
        .months
        .iter()
        .enumerate()
        .map(|(i, (month, total))| {
            (month_label(month), figures.months_by_region.iter().map(|(_, counts)| counts[i]).collect(), *total)
        })
        .collect();
    let chart_series: Vec<Series> = series
        .iter()
        .zip(PALETTE.iter().cycle())
        .map(|(label, colour)| Series { label: label.clone(), colour })
        .collect();
    let inputs: Vec<RowInput> = rows
        .iter()
        .map(|(label, values, _)| RowInput { label: label.clone(), values: values.iter().map(|v| *v as i64).collect() })
        .collect();
    let title = i18n::t("coordination-months");
    let chart = charts::stacked_bars(
        "graphique-mois",
        &title,
        &i18n::t("coordination-months-description"),
        &chart_series,
        &inputs,
    );
    MonthsView { chart, series, rows, csv_href: csv_href("months", region) }
}

impl MonthsView {
    /// The chart by reference, for the included chart template.
    pub fn chart_ref(&self) -> &Chart {
        &self.chart
    }
}

impl Table {
    /// The chart by reference, for the included chart template.
    pub fn chart_ref(&self) -> &Chart {
        &self.chart
    }
}

impl CoordinationSection {
    /// The map by reference, for the included map template.
    pub fn map_ref(&self) -> &FranceMap {
        &self.map
    }
}

pub struct RegionView {
    pub name: String,
    /// The whole part filtered on it.
    pub href: String,
    pub total: u64,
    pub by_kind: Vec<u64>,
}

pub struct CoordinationSection {
    /// (code, name, selected) of the région filter.
    pub region_options: Vec<(String, String, bool)>,
    pub region_name: Option<String>,
    pub total: u64,
    pub map: FranceMap,
    pub map_csv: String,
    pub kind_labels: Vec<String>,
    pub regions: Vec<RegionView>,
    pub regions_csv: String,
    pub tables: Vec<Table>,
    pub months: MonthsView,
    pub overdue: Vec<Figure>,
    pub overdue_csv: String,
    pub funding: Vec<FundingView>,
    pub funding_csv: String,
}

pub struct FundingView {
    pub funding_type: String,
    pub programme: String,
    pub amount: String,
    pub lines: i64,
}

/// The région asked for, when the reference knows it.
pub fn region_param(query: &str) -> Option<String> {
    url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "region")
        .map(|(_, v)| v.trim().to_owned())
        .filter(|code| reference().get(code).is_some_and(|p| p.level == Level::Region))
}

/// The CSV link of a table, keeping the région filter.
pub fn csv_href(table: &str, region: Option<&str>) -> String {
    match region {
        Some(code) => format!("/reseau/export/{table}.csv?region={code}"),
        None => format!("/reseau/export/{table}.csv"),
    }
}

/// A funding type as the page shows it (its code empty: "not given").
pub fn funding_type_label(node: &Node, code: &str) -> String {
    if code.is_empty() {
        i18n::t("coordination-no-funding-type")
    } else {
        i18n::term(&node.vocab, names::FUNDING_TYPE, code).to_owned()
    }
}

/// The heading of a breakdown.
pub fn facet_title(facet: &str) -> String {
    i18n::t(match facet {
        "kind" => "facet-kind",
        "pillar" => "view-pillars",
        "activity_domain" => "facet-domain",
        "food_theme" => "view-food-themes",
        _ => "view-target-audiences",
    })
}

/// A month as a chart row reads it: "janv. 2026".
pub fn month_label(month: &str) -> String {
    match chrono::NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d") {
        Ok(day) => i18n::t_with(
            "month-short",
            &[("month", day.month().into()), ("year", day.year().to_string().as_str().into())],
        ),
        Err(_) => month.to_owned(),
    }
}

/// The catalogue link of a facet value, with the région filter.
fn catalogue_href(facet: &str, value: &str, region: Option<&str>) -> String {
    let param = match facet {
        "activity_domain" => "domain",
        other => other,
    };
    let base = catalogue_link(param, value);
    match region {
        Some(code) => format!("{base}&place={code}"),
        None => base,
    }
}

pub async fn section(node: &Node, region: Option<&str>) -> Result<Option<CoordinationSection>, OperationError> {
    let Some(figures) = coordination::figures(node, region).await? else { return Ok(None) };
    Ok(Some(arrange(node, figures)))
}

fn arrange(node: &Node, figures: CoordinationFigures) -> CoordinationSection {
    let region = figures.region.as_deref();
    let region_options = reference()
        .of_level(Level::Region)
        .map(|r| (r.code.clone(), r.name.clone(), Some(r.code.as_str()) == region))
        .collect();
    let areas = figures
        .departements
        .iter()
        .map(|(code, count)| MapArea {
            code: code.clone(),
            name: reference().get(&format!("departement:{code}")).map(|d| d.name.clone()).unwrap_or_default(),
            count: *count as i64,
            href: catalogue_link("place", &format!("departement:{code}")),
        })
        .collect();
    let map =
        FranceMap::new(areas, Vec::new(), MapOptions { compact: false, highlight: None, title: i18n::t("map-title") });
    let tables: Vec<Table> = figures
        .breakdowns
        .iter()
        .map(|b| {
            let rows: Vec<Figure> = b
                .rows
                .iter()
                .map(|(value, n)| Figure {
                    label: facet_label(node, b.facet, value),
                    count: *n,
                    href: Some(catalogue_href(b.facet, value, region)),
                })
                .collect();
            table(b.facet, facet_title(b.facet), rows, region)
        })
        .collect();
    let months = months_view(&figures, region);
    let overdue = figures
        .overdue
        .iter()
        .map(|(territory, n)| Figure {
            label: territory.clone(),
            count: *n as u64,
            href: Some(catalogue_link("territory", territory)),
        })
        .collect();
    let kind_labels = figures.kinds.iter().map(|k| facet_label(node, "kind", k)).collect();
    let mut by_size: Vec<_> = figures.regions.iter().collect();
    by_size.sort_by_key(|r| std::cmp::Reverse(r.total));
    let regions = by_size
        .into_iter()
        .map(|r| RegionView {
            name: r.name.clone(),
            href: format!("/reseau?region={}#coordination", r.code),
            total: r.total,
            by_kind: r.by_kind.clone(),
        })
        .collect();
    CoordinationSection {
        region_options,
        region_name: region.and_then(|code| reference().get(code)).map(|r| r.name.clone()),
        total: figures.total,
        map,
        map_csv: csv_href("departements", region),
        kind_labels,
        regions,
        regions_csv: csv_href("regions", None),
        tables,
        months,
        overdue,
        overdue_csv: csv_href("overdue", region),
        funding: figures
            .funding
            .iter()
            .map(|f| FundingView {
                funding_type: funding_type_label(node, &f.funding_type),
                programme: if f.programme.is_empty() {
                    i18n::t("coordination-no-programme")
                } else {
                    f.programme.clone()
                },
                amount: crate::web::pages::views::format::euros(f.amount_cents as f64 / 100.0),
                lines: f.lines,
            })
            .collect(),
        funding_csv: csv_href("funding", region),
    }
}

fn table(id: &'static str, title: String, rows: Vec<Figure>, region: Option<&str>) -> Table {
    let values: Vec<(String, i64)> = rows.iter().map(|f| (f.label.clone(), f.count as i64)).collect();
    let chart = charts::bars(
        &format!("graphique-{id}"),
        &title,
        &i18n::t("coordination-chart-description"),
        "#0072B2",
        &values,
    );
    Table { id, csv_href: csv_href(id, region), title, chart, rows }
}

/// Which names the CSV tables go by (`/reseau/export/{name}.csv`).
pub const CSV_TABLES: [&str; 13] = [
    "territories",
    "health",
    "funding",
    "departements",
    "regions",
    "kind",
    "pillar",
    "activity_domain",
    "food_theme",
    "target_audience",
    "months",
    "overdue",
    "lineage",
];

/// The vocabulary of a breakdown's facet, for the CSV's code column.
pub fn vocabulary_of(facet: &str) -> Option<&'static str> {
    match facet {
        "pillar" => Some(names::PILLAR),
        "activity_domain" => Some(names::ACTIVITY_DOMAIN),
        "food_theme" => Some(names::FOOD_THEME),
        "target_audience" => Some(names::TARGET_AUDIENCE),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_read_as_short_month_names_with_their_year() {
        assert_eq!(month_label("2026-03"), "mars 2026");
        assert_eq!(month_label("2025-12"), "déc. 2025");
        assert_eq!(month_label("not a month"), "not a month");
    }
}
