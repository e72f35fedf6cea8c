//! The map of France drawn by the node itself: départements shaded by a count (five
//! classes on a logarithmic scale, and none), each a link; markers at points; the DROM
//! in insets; a legend and the same figures as a table. Geometry comes from
//! [`outline`]; the drawing is the `france_map.html` template (no SVG is written in Rust,
//! no script, no tile, nothing fetched). A compact variant is the locator of an item.

use crate::content::geography::outline::{self, Frame};
use crate::content::geography::{reference, Level};
use crate::web::pages::views::format;
use crate::web::pages::views::i18n;

/// One département's figure, as the caller counted it.
pub struct MapArea {
    /// Without prefix: `09`, `2A`, `974`.
    pub code: String,
    pub name: String,
    pub count: i64,
    pub href: String,
}

/// A point to mark (its item is listed on the page beside the map: a marker is not a
/// second link to it).
pub struct MapMarker {
    pub lat: f64,
    pub lon: f64,
    pub label: String,
}

pub struct MapOptions {
    /// The small locator: coarse outlines, no legend, no table.
    pub compact: bool,
    /// Départements drawn highlighted (the item's), without prefix.
    pub highlight: Option<Vec<String>>,
    /// The `<title>` of the image.
    pub title: String,
}

pub struct AreaView {
    pub code: String,
    pub path: &'static str,
    pub class: &'static str,
    pub href: String,
    /// Tooltip: "Ariège : 3 fiches".
    pub title: String,
}

pub struct MarkerView {
    pub x: f64,
    pub y: f64,
    pub label: String,
}

pub struct LegendEntry {
    pub class: &'static str,
    pub label: String,
}

/// A map ready for its template.
pub struct FranceMap {
    pub title: String,
    pub width: f64,
    pub height: f64,
    pub compact: bool,
    pub areas: Vec<AreaView>,
    pub frames: Vec<Frame>,
    pub markers: Vec<MarkerView>,
    pub legend: Vec<LegendEntry>,
    /// (name, count, href) of the départements with items, most first.
    pub table: Vec<(String, i64, String)>,
}

const CLASSES: [&str; 6] = ["shade-0", "shade-1", "shade-2", "shade-3", "shade-4", "shade-5"];

/// The shade of a count when the largest is `max`: 0 for none, else 1–5 on a log scale.
fn shade(count: i64, max: i64) -> usize {
    if count <= 0 {
        return 0;
    }
    let ratio = (count as f64).ln() / ((max + 1) as f64).ln();
    1 + ((ratio * 5.0).floor() as usize).min(4)
}

/// The ranges of the classes used when the largest count is `max`.
fn legend(max: i64) -> Vec<LegendEntry> {
    let mut entries = vec![LegendEntry { class: CLASSES[0], label: i18n::t("map-legend-none") }];
    let low = |k: usize| (((max + 1) as f64).powf((k - 1) as f64 / 5.0)).ceil().max(1.0) as i64;
    for (k, class) in CLASSES.iter().enumerate().skip(1) {
        let (from, to) = (low(k).max(if k == 1 { 1 } else { 0 }), if k == 5 { max } else { low(k + 1) - 1 });
        let (from, to) = ((from..=to).find(|c| shade(*c, max) == k), (from..=to).rev().find(|c| shade(*c, max) == k));
        if let (Some(from), Some(to)) = (from, to) {
            let label = if from == to {
                format::number(from as f64)
            } else {
                i18n::t_with("map-legend-range", &[("from", from.into()), ("to", to.into())])
            };
            entries.push(LegendEntry { class, label });
        }
    }
    entries
}

impl FranceMap {
    pub fn new(areas: Vec<MapArea>, markers: Vec<MapMarker>, options: MapOptions) -> FranceMap {
        let max = areas.iter().map(|a| a.count).max().unwrap_or(0);
        let highlighted = |code: &str| options.highlight.as_ref().is_some_and(|h| h.iter().any(|c| c == code));
        let views = outline::outlines()
            .iter()
            .map(|o| {
                let area = areas.iter().find(|a| a.code == o.code);
                let count = area.map_or(0, |a| a.count);
                let class = if options.highlight.is_some() {
                    if highlighted(&o.code) {
                        "shade-5"
                    } else {
                        "shade-0"
                    }
                } else {
                    CLASSES[shade(count, max)]
                };
                let name = area.map_or(o.name.clone(), |a| a.name.clone());
                AreaView {
                    code: o.code.clone(),
                    path: if options.compact { &o.coarse_path } else { &o.path },
                    class,
                    href: area.map(|a| a.href.clone()).unwrap_or_default(),
                    // A locator counts nothing: its départements are named, no message per
                    // département formatted on every item page.
                    title: if options.highlight.is_some() {
                        name
                    } else {
                        i18n::t_with("map-area-title", &[("name", name.as_str().into()), ("n", count.into())])
                    },
                }
            })
            .collect();
        let markers = markers
            .into_iter()
            .filter_map(|m| {
                let (x, y) = outline::project(m.lat, m.lon)?;
                Some(MarkerView { x: (x * 10.0).round() / 10.0, y: (y * 10.0).round() / 10.0, label: m.label })
            })
            .collect();
        let mut table: Vec<(String, i64, String)> =
            areas.iter().filter(|a| a.count > 0).map(|a| (a.name.clone(), a.count, a.href.clone())).collect();
        table.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        FranceMap {
            title: options.title,
            width: outline::WIDTH,
            height: outline::HEIGHT,
            compact: options.compact,
            areas: views,
            frames: outline::inset_frames(),
            markers,
            legend: if options.compact || options.highlight.is_some() { Vec::new() } else { legend(max) },
            table,
        }
    }
}

/// A map from facet counts (those of `place=departement:…`), each département linking
/// to `href(code)`, with markers.
pub fn from_facet_counts(
    counts: &[(String, String, i64)],
    href: impl Fn(&str) -> String,
    markers: Vec<MapMarker>,
    title: String,
) -> FranceMap {
    let areas = counts
        .iter()
        .filter(|(facet, _, _)| facet == "place")
        .filter_map(|(_, code, n)| {
            let place = reference().get(code).filter(|p| p.level == Level::Departement)?;
            Some(MapArea { code: place.bare_code().to_owned(), name: place.name.clone(), count: *n, href: href(code) })
        })
        .collect();
    FranceMap::new(areas, markers, MapOptions { compact: false, highlight: None, title })
}

/// The markers of the items that have a point.
pub fn markers_of<'a>(items: impl Iterator<Item = &'a crate::content::ItemDocument>) -> Vec<MapMarker> {
    items
        .filter_map(|doc| {
            Some(MapMarker { lat: doc.territory.lat?, lon: doc.territory.lon?, label: doc.title.clone() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(code: &str, count: i64) -> MapArea {
        MapArea {
            code: code.into(),
            name: format!("D{code}"),
            count,
            href: format!("/catalogue?place=departement:{code}"),
        }
    }

    #[test]
    fn counts_shade_on_a_log_scale_and_zero_is_its_own_class() {
        assert_eq!(shade(0, 100), 0);
        assert_eq!(shade(1, 100), 1);
        assert_eq!(shade(100, 100), 5);
        assert!(shade(10, 100) < shade(60, 100));
        let classes: Vec<&str> = legend(100).iter().map(|e| e.class).collect();
        assert_eq!(classes, CLASSES);
        assert_eq!(legend(1).len(), 2, "one item: none and one class");
    }

    #[test]
    fn every_departement_is_drawn_a_link_and_markers_fall_where_their_point_is() {
        let map = FranceMap::new(
            vec![area("09", 3), area("13", 40)],
            vec![MapMarker { lat: 42.965, lon: 1.607, label: "Foix".into() }],
            MapOptions { compact: false, highlight: None, title: "Carte".into() },
        );
        assert_eq!(map.areas.len(), 101);
        let ariege = map.areas.iter().find(|a| a.code == "09").expect("Ariège");
        assert_eq!((ariege.class, ariege.href.as_str()), ("shade-2", "/catalogue?place=departement:09"));
        assert_eq!(map.areas.iter().find(|a| a.code == "75").map(|a| a.class), Some("shade-0"));
        assert_eq!(map.markers.len(), 1);
        assert_eq!(map.table.iter().map(|(n, c, _)| (n.as_str(), *c)).collect::<Vec<_>>(), [("D13", 40), ("D09", 3)]);
        let compact = FranceMap::new(
            vec![],
            vec![],
            MapOptions { compact: true, highlight: Some(vec!["09".into()]), title: "Ici".into() },
        );
        assert!(compact.legend.is_empty());
        assert_eq!(compact.areas.iter().filter(|a| a.class == "shade-5").count(), 1);
    }
}
