//! The coordination view's figures, for the whole network or one région: items per
//! département (the map) and per région, breakdowns by kind, pillar, activity domain, food
//! theme and target audience, items first published per month over 24 months, overdue
//! reviews by territory, and funding totals by funding type and programme.
//!
//! Every figure but the funding totals is an intersection of the in-memory facet sets (see
//! `storage::facet_sets`; the overdue reviews are the union of the sets of the days before
//! today), so its cost does not grow with the number of items beyond the sets' own size;
//! the funding totals are a few rows kept on write (`funding_totals`). Until the sets have
//! loaded (a few seconds after a start), the view says the figures are being prepared.

use crate::content::geography::{reference, Level, Place};
use crate::operations::{Node, OperationError};
use crate::storage;
use chrono::{Datelike, NaiveDate};
use roaring::RoaringBitmap;

/// The facets broken down on the page, in its order.
pub const BREAKDOWN_FACETS: [&str; 5] = ["kind", "pillar", "activity_domain", "food_theme", "target_audience"];
/// Months the publication chart covers.
pub const MONTHS: u32 = 24;
/// Régions drawn apart in the publication chart (the others are summed).
pub const MONTH_SERIES: usize = 5;

/// One breakdown: how many items hold each value of a facet.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    pub facet: &'static str,
    /// (value, items), most first.
    pub rows: Vec<(String, u64)>,
}

/// One row of the région table.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionRow {
    pub code: String,
    pub name: String,
    pub total: u64,
    /// Aligned with the kinds of the `kind` breakdown of the whole network.
    pub by_kind: Vec<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CoordinationFigures {
    /// The région the page is filtered on (`region:76`).
    pub region: Option<String>,
    pub total: u64,
    /// (département code without prefix, items): every département, none left out.
    pub departements: Vec<(String, u64)>,
    pub regions: Vec<RegionRow>,
    /// The kind codes the région rows are split by.
    pub kinds: Vec<String>,
    pub breakdowns: Vec<Breakdown>,
    /// (`2026-11`, items first published that month), the last [`MONTHS`] months.
    pub months: Vec<(String, u64)>,
    /// The same months split by région: the régions with the most items over the months
    /// (at most [`MONTH_SERIES`], the others summed under `None`), each with one count
    /// per month, aligned with `months`.
    pub months_by_region: Vec<(Option<String>, Vec<u64>)>,
    /// (territory label, overdue reviews), most first.
    pub overdue: Vec<(String, i64)>,
    /// Funding lines of public items by funding type and programme, largest first.
    pub funding: Vec<FundingTotal>,
}

pub use crate::storage::network::FundingTotal;

/// The figures for the whole network, or for the région `region`; `Ok(None)` while the
/// facet sets are loading.
pub async fn figures(node: &Node, region: Option<&str>) -> Result<Option<CoordinationFigures>, OperationError> {
    let today = node.clock.now().date_naive();
    let funding = storage::network::funding_totals(&node.pool, region).await.map_err(anyhow::Error::from)?;
    let first_month = first_month(today);
    let figures = node.facets.read(|sets| {
        let everything = sets.selection(&[], false)?;
        let within = match region {
            Some(code) => sets.selection(&[("place", code)], false)?,
            None => everything.clone(),
        };
        let count_in = |facet: &str, set: &RoaringBitmap| {
            let mut rows = sets.value_counts(facet, set);
            rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            rows
        };
        let places = count_in("place", &within);
        let held = |code: &str| places.iter().find(|(c, _)| c == code).map_or(0, |(_, n)| *n);
        let departements =
            reference().of_level(Level::Departement).map(|d| (d.bare_code().to_owned(), held(&d.code))).collect();
        let kinds: Vec<String> = count_in("kind", &everything).into_iter().map(|(kind, _)| kind).collect();
        // Each région's items, read once for its row and for its share of the months.
        let region_sets: Vec<(&Place, RoaringBitmap)> = reference()
            .of_level(Level::Region)
            .filter_map(|r| Some((r, sets.selection(&[("place", &r.code)], false)?)))
            .collect();
        let regions = region_sets
            .iter()
            .map(|(r, set)| {
                let by_kind_counts = count_in("kind", set);
                let by_kind =
                    kinds.iter().map(|k| by_kind_counts.iter().find(|(c, _)| c == k).map_or(0, |(_, n)| *n)).collect();
                RegionRow { code: r.code.clone(), name: r.name.clone(), total: set.len(), by_kind }
            })
            .collect();
        let breakdowns =
            BREAKDOWN_FACETS.iter().map(|facet| Breakdown { facet, rows: count_in(facet, &within) }).collect();
        let first_key = first_month.format("%Y-%m").to_string();
        let months_of = |set: &RoaringBitmap| every_month(first_month, today, &sets.month_counts(&first_key, set));
        let months = months_of(&within);
        let months_by_region = split_by_region(&months, |code| {
            let (_, set) = region_sets.iter().find(|(r, _)| r.code == code)?;
            Some(months_of(&(set & &within)))
        });
        let overdue = count_in("territory", &(sets.overdue(&today.to_string()) & &within))
            .into_iter()
            .map(|(territory, n)| (territory, n as i64))
            .collect();
        Some(CoordinationFigures {
            region: region.map(str::to_owned),
            total: within.len(),
            departements,
            regions,
            kinds,
            breakdowns,
            months,
            months_by_region,
            overdue,
            funding: Vec::new(),
        })
    });
    Ok(figures.flatten().map(|f| CoordinationFigures { funding, ..f }))
}

/// The monthly counts of each région (`per_region` gives them), the largest
/// [`MONTH_SERIES`] apart and the rest summed so that the series add up to `months`.
fn split_by_region(
    months: &[(String, u64)],
    per_region: impl Fn(&str) -> Option<Vec<(String, u64)>>,
) -> Vec<(Option<String>, Vec<u64>)> {
    let mut series: Vec<(String, Vec<u64>)> = reference()
        .of_level(Level::Region)
        .filter_map(|r| Some((r.code.clone(), per_region(&r.code)?.into_iter().map(|(_, n)| n).collect::<Vec<_>>())))
        .filter(|(_, counts)| counts.iter().any(|n| *n > 0))
        .collect();
    series.sort_by_key(|(_, counts)| std::cmp::Reverse(counts.iter().sum::<u64>()));
    let rest: Vec<(String, Vec<u64>)> = series.split_off(series.len().min(MONTH_SERIES));
    let mut split: Vec<(Option<String>, Vec<u64>)> =
        series.into_iter().map(|(code, counts)| (Some(code), counts)).collect();
    let shown: Vec<u64> = (0..months.len()).map(|i| split.iter().map(|(_, c)| c[i]).sum()).collect();
    let others: Vec<u64> = months.iter().zip(&shown).map(|((_, total), shown)| total.saturating_sub(*shown)).collect();
    if !rest.is_empty() || others.iter().any(|n| *n > 0) {
        split.push((None, others));
    }
    split
}

/// The first day of the month [`MONTHS`] − 1 months before today's.
fn first_month(today: NaiveDate) -> NaiveDate {
    let months_back = MONTHS as i32 - 1;
    let index = today.year() * 12 + today.month0() as i32 - months_back;
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1).unwrap_or(today)
}

/// Every month from `first` to today's, with the counts found (0 for the others).
fn every_month(first: NaiveDate, today: NaiveDate, found: &[(String, u64)]) -> Vec<(String, u64)> {
    let mut months = Vec::new();
    let mut month = first;
    while month <= today {
        let key = month.format("%Y-%m").to_string();
        let n = found.iter().find(|(m, _)| *m == key).map_or(0, |(_, n)| *n);
        months.push((key, n));
        month = month.checked_add_months(chrono::Months::new(1)).unwrap_or(today.succ_opt().unwrap_or(today));
    }
    months
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_regions_are_apart_and_the_others_summed_so_the_months_add_up() {
        // One item in November in each of the 18 régions.
        let months: Vec<(String, u64)> = vec![("2026-11".into(), 18), ("2026-12".into(), 0)];
        let split = split_by_region(&months, |_| Some(vec![("2026-11".into(), 1), ("2026-12".into(), 0)]));
        assert_eq!(split.len(), MONTH_SERIES + 1);
        assert!(split.len() <= MONTH_SERIES + 1);
        assert_eq!(split.last().map(|(code, _)| code.is_none()), Some(true), "the others, last");
        for i in 0..months.len() {
            assert_eq!(split.iter().map(|(_, counts)| counts[i]).sum::<u64>(), months[i].1, "month {i} adds up");
        }
    }

    #[test]
    fn the_chart_covers_twenty_four_months_ending_with_this_one() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).expect("date");
        assert_eq!(first_month(today), NaiveDate::from_ymd_opt(2025, 1, 1).expect("date"));
        let months = every_month(first_month(today), today, &[("2026-03".to_owned(), 7)]);
        assert_eq!(months.len(), 24);
        assert_eq!((months[0].0.as_str(), months[23].0.as_str()), ("2025-01", "2026-12"));
        assert_eq!(months.iter().find(|(m, _)| m == "2026-03").map(|(_, n)| *n), Some(7));
    }
}
