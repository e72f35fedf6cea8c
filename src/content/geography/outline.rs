//! The outlines of the départements the map of France is drawn from, and the projection
//! that places a point on that map.
//!
//! The map space is `0 0 1000 840` (SVG user units). Métropole and Corsica are drawn in
//! Lambert-93 (EPSG:2154, the conformal conic projection of French official maps) in the
//! frame x 170–1000; the five DROM are insets in a column on the left (x 5–160), each in
//! its own Mercator projection scaled to fill its box, from north to south: Guadeloupe,
//! Martinique, Guyane, La Réunion, Mayotte.
//!
//! The outlines ship in `departements.tsv`, built by [`build_outline_file`] from
//! `departements-avec-outre-mer.geojson` of github.com/gregoiredavid/france-geojson
//! (IGN Admin Express COG and INSEE, Licence Ouverte / Open Licence), projected here and
//! simplified (Douglas–Peucker) at two levels: fine for the large maps, coarse for the
//! small locator of an item page.

use super::bounds::BOXES;
use std::f64::consts::FRAC_PI_4;
use std::sync::LazyLock;

pub const WIDTH: f64 = 1000.0;
pub const HEIGHT: f64 = 840.0;

/// Lambert-93 eastings and northings (metres) the métropole frame shows.
const L93_WEST: f64 = 99_000.0;
const L93_EAST: f64 = 1_245_000.0;
const L93_SOUTH: f64 = 6_040_000.0;
const L93_NORTH: f64 = 7_115_000.0;
/// The métropole frame in map units.
const METRO_X: (f64, f64) = (170.0, 1000.0);
/// The inset boxes: x, width, then each box's top, and its height.
const INSET_X: f64 = 5.0;
const INSET_SIZE: f64 = 155.0;
const INSET_GAP: f64 = 10.0;
const INSET_MARGIN: f64 = 12.0;

/// Simplification tolerances, in map units.
const FINE: f64 = 0.45;
const COARSE: f64 = 2.5;

/// A frame of the map: métropole, or one DROM inset.
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub label: &'static str,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// One département as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    pub code: String,
    pub name: String,
    /// A point inside it (its largest ring's centre of bounds), for labels.
    pub centre: (f64, f64),
    /// SVG path data, fine and coarse.
    pub path: String,
    pub coarse_path: String,
}

static SHIPPED: &str = include_str!("departements.tsv");

static OUTLINES: LazyLock<Vec<Outline>> = LazyLock::new(|| parse(SHIPPED));

/// The départements as shipped, in code order.
pub fn outlines() -> &'static [Outline] {
    &OUTLINES
}

/// The inset boxes of the DROM (métropole has no frame drawn).
pub fn inset_frames() -> Vec<Frame> {
    BOXES[1..]
        .iter()
        .enumerate()
        .map(|(i, (label, ..))| Frame {
            label,
            x: INSET_X,
            y: INSET_X + i as f64 * (INSET_SIZE + INSET_GAP),
            width: INSET_SIZE,
            height: INSET_SIZE,
        })
        .collect()
}

fn parse(text: &str) -> Vec<Outline> {
    text.lines()
        .filter_map(|line| {
            let mut f = line.split('\t');
            let (code, name, x, y, path, coarse) = (f.next()?, f.next()?, f.next()?, f.next()?, f.next()?, f.next()?);
            Some(Outline {
                code: code.to_owned(),
                name: name.to_owned(),
                centre: (x.parse().ok()?, y.parse().ok()?),
                path: path.to_owned(),
                coarse_path: coarse.to_owned(),
            })
        })
        .collect()
}

/// Lambert-93: (easting, northing) in metres of a point in degrees.
fn lambert93(lat: f64, lon: f64) -> (f64, f64) {
    const A: f64 = 6_378_137.0;
    const E: f64 = 0.081_819_191_042_815_8;
    let (phi1, phi2, phi0, lambda0) = (44f64.to_radians(), 49f64.to_radians(), 46.5f64.to_radians(), 3f64.to_radians());
    let m = |phi: f64| phi.cos() / (1.0 - (E * phi.sin()).powi(2)).sqrt();
    let t = |phi: f64| (FRAC_PI_4 - phi / 2.0).tan() / ((1.0 - E * phi.sin()) / (1.0 + E * phi.sin())).powf(E / 2.0);
    let n = (m(phi1).ln() - m(phi2).ln()) / (t(phi1).ln() - t(phi2).ln());
    let f = m(phi1) / (n * t(phi1).powf(n));
    let rho = |phi: f64| A * f * t(phi).powf(n);
    let theta = n * (lon.to_radians() - lambda0);
    let r = rho(lat.to_radians());
    (700_000.0 + r * theta.sin(), 6_600_000.0 + rho(phi0) - r * theta.cos())
}

/// Spherical Mercator (x, y), y growing northwards.
fn mercator(lat: f64, lon: f64) -> (f64, f64) {
    (lon.to_radians(), (FRAC_PI_4 + lat.to_radians() / 2.0).tan().ln())
}

/// Fits a rectangle of projected coordinates into a box of the map, keeping the aspect
/// ratio and centring it: returns the function that maps (x, y northwards) to the map.
fn fit(
    (west, south, east, north): (f64, f64, f64, f64),
    (bx, by, bw, bh): (f64, f64, f64, f64),
) -> impl Fn((f64, f64)) -> (f64, f64) {
    let scale = (bw / (east - west)).min(bh / (north - south));
    let (dx, dy) = ((bw - (east - west) * scale) / 2.0, (bh - (north - south) * scale) / 2.0);
    move |(x, y)| (bx + dx + (x - west) * scale, by + dy + (north - y) * scale)
}

/// Where a point falls on the map, or `None` outside France's frames.
pub fn project(lat: f64, lon: f64) -> Option<(f64, f64)> {
    let index = BOXES.iter().position(|(_, s, n, w, e)| (*s..=*n).contains(&lat) && (*w..=*e).contains(&lon))?;
    Some(project_in(index, lat, lon))
}

fn project_in(frame: usize, lat: f64, lon: f64) -> (f64, f64) {
    if frame == 0 {
        let metro = fit((L93_WEST, L93_SOUTH, L93_EAST, L93_NORTH), (METRO_X.0, 0.0, METRO_X.1 - METRO_X.0, HEIGHT));
        return metro(lambert93(lat, lon));
    }
    let (_, south, north, west, east) = BOXES[frame];
    let (x0, y0) = mercator(south, west);
    let (x1, y1) = mercator(north, east);
    let inset = &inset_frames()[frame - 1];
    let inner = (
        inset.x + INSET_MARGIN,
        inset.y + INSET_MARGIN * 1.5,
        inset.width - 2.0 * INSET_MARGIN,
        inset.height - 2.5 * INSET_MARGIN,
    );
    fit((x0, y0, x1, y1), inner)(mercator(lat, lon))
}

/// Builds the shipped file from the GeoJSON of the départements (see the module doc):
/// one line per département, `code name centre_x centre_y fine_path coarse_path`.
pub fn build_outline_file(geojson: &str) -> Result<String, String> {
    let value: serde_json::Value = serde_json::from_str(geojson).map_err(|e| format!("GeoJSON: {e}"))?;
    let features = value["features"].as_array().ok_or("GeoJSON: no `features` list")?;
    let mut lines = Vec::new();
    for feature in features {
        let code = feature["properties"]["code"].as_str().ok_or("a feature without `properties.code`")?;
        let name = feature["properties"]["nom"].as_str().unwrap_or(code);
        let polygons = match feature["geometry"]["type"].as_str() {
            Some("Polygon") => vec![&feature["geometry"]["coordinates"]],
            Some("MultiPolygon") => {
                feature["geometry"]["coordinates"].as_array().map(|p| p.iter().collect()).unwrap_or_default()
            }
            other => return Err(format!("{code}: unexpected geometry {other:?}")),
        };
        let mut rings: Vec<Vec<(f64, f64)>> = Vec::new();
        for polygon in polygons {
            for ring in polygon.as_array().into_iter().flatten() {
                let points: Vec<(f64, f64)> = ring
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|p| Some((p[1].as_f64()?, p[0].as_f64()?)))
                    .filter_map(|(lat, lon)| project(lat, lon))
                    .collect();
                if points.len() >= 4 {
                    rings.push(points);
                }
            }
        }
        let largest =
            rings.iter().max_by(|a, b| ring_area(a).total_cmp(&ring_area(b))).ok_or(format!("{code}: no ring"))?;
        let centre = label_point(largest);
        lines.push((
            code.to_owned(),
            format!(
                "{code}\t{name}\t{:.1}\t{:.1}\t{}\t{}",
                centre.0,
                centre.1,
                path(&rings, FINE),
                path(&rings, COARSE)
            ),
        ));
    }
    lines.sort();
    Ok(lines.into_iter().map(|(_, line)| line + "\n").collect())
}

fn ring_area(ring: &[(f64, f64)]) -> f64 {
    ring.windows(2).map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1).sum::<f64>().abs() / 2.0
}

/// The centre of the ring's bounds, or its first point if that falls outside it.
fn label_point(ring: &[(f64, f64)]) -> (f64, f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (x, y) in ring {
        (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
    }
    let centre = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    if contains(ring, centre) {
        centre
    } else {
        ring[0]
    }
}

/// Whether a point lies inside a ring (even–odd rule).
pub fn contains(ring: &[(f64, f64)], (px, py): (f64, f64)) -> bool {
    let mut inside = false;
    let mut j = ring.len() - 1;
    for i in 0..ring.len() {
        let ((xi, yi), (xj, yj)) = (ring[i], ring[j]);
        if (yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

/// SVG path data of simplified rings: absolute start, then relative moves, one decimal.
fn path(rings: &[Vec<(f64, f64)>], tolerance: f64) -> String {
    let mut d = String::new();
    for ring in rings {
        let kept = simplify(ring, tolerance);
        if kept.len() < 4 || ring_area(&kept) < tolerance * tolerance {
            continue;
        }
        let round = |v: f64| (v * 10.0).round() / 10.0;
        let (mut x, mut y) = (round(kept[0].0), round(kept[0].1));
        d.push_str(&format!("M{x} {y}l"));
        let mut first = true;
        for &(px, py) in &kept[1..kept.len() - 1] {
            let (nx, ny) = (round(px), round(py));
            let (dx, dy) = (round(nx - x), round(ny - y));
            if dx == 0.0 && dy == 0.0 {
                continue;
            }
            if !first && dx >= 0.0 {
                d.push(' ');
            }
            d.push_str(&format!("{dx}{}{dy}", if dy < 0.0 { "" } else { " " }));
            (x, y, first) = (nx, ny, false);
        }
        d.push('z');
    }
    d
}

/// Douglas–Peucker: the points of `ring` that keep it within `tolerance`.
fn simplify(ring: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    let mut keep = vec![false; ring.len()];
    keep[0] = true;
    keep[ring.len() - 1] = true;
    let mut stack = vec![(0, ring.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let (a, b) = (ring[first], ring[last]);
        let (mut farthest, mut distance) = (first, 0.0);
        for (i, p) in ring.iter().enumerate().take(last).skip(first + 1) {
            let d = segment_distance(*p, a, b);
            if d > distance {
                (farthest, distance) = (i, d);
            }
        }
        if distance > tolerance {
            keep[farthest] = true;
            stack.push((first, farthest));
            stack.push((farthest, last));
        }
    }
    ring.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

fn segment_distance((px, py): (f64, f64), (ax, ay): (f64, f64), (bx, by): (f64, f64)) -> f64 {
    let (dx, dy) = (bx - ax, by - ay);
    let length = dx * dx + dy * dy;
    if length == 0.0 {
        return ((px - ax).powi(2) + (py - ay).powi(2)).sqrt();
    }
    let t = (((px - ax) * dx + (py - ay) * dy) / length).clamp(0.0, 1.0);
    ((px - ax - t * dx).powi(2) + (py - ay - t * dy).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The absolute points of a shipped path (its rings, in order).
    fn rings_of(path: &str) -> Vec<Vec<(f64, f64)>> {
        let mut rings = Vec::new();
        for ring in path.split('M').filter(|r| !r.is_empty()) {
            let ring = ring.trim_end_matches('z');
            let (start, moves) = ring.split_once('l').expect("a start and moves");
            let numbers = |text: &str| -> Vec<f64> {
                let spaced = text.replace('-', " -");
                spaced.split_whitespace().map(|n| n.parse().expect("a number")).collect()
            };
            let start = numbers(start);
            let mut point = (start[0], start[1]);
            let mut points = vec![point];
            for pair in numbers(moves).chunks(2) {
                point = (point.0 + pair[0], point.1 + pair[1]);
                points.push(point);
            }
            rings.push(points);
        }
        rings
    }

    fn inside_departement(code: &str, lat: f64, lon: f64) -> bool {
        let outline = outlines().iter().find(|o| o.code == code).expect("a shipped département");
        let point = project(lat, lon).expect("in France");
        rings_of(&outline.path).iter().any(|ring| contains(ring, point))
    }

    #[test]
    fn the_shipped_outlines_hold_every_departement_of_metropole_and_the_drom() {
        let codes: Vec<&str> = outlines().iter().map(|o| o.code.as_str()).collect();
        assert_eq!(codes.len(), 101);
        for code in ["01", "2A", "2B", "95", "971", "972", "973", "974", "976"] {
            assert!(codes.contains(&code), "{code}");
        }
    }

    #[test]
    fn outline_paths_are_plain_path_data_with_nothing_to_escape_in_html() {
        // Pages write these paths without escaping them (france_map.html).
        let plain = |c: char| c.is_ascii_digit() || " .,-MLZmlz".contains(c);
        for outline in outlines() {
            for path in [&outline.path, &outline.coarse_path] {
                assert!(
                    path.chars().all(plain),
                    "{}: {}",
                    outline.code,
                    path.chars().find(|c| !plain(*c)).unwrap_or(' ')
                );
            }
        }
    }

    #[test]
    fn a_prefecture_falls_inside_its_departement() {
        for (code, lat, lon) in [
            ("09", 42.965, 1.607),
            ("2A", 41.919, 8.738),
            ("59", 50.63, 3.06),
            ("974", -20.882, 55.45),
            ("973", 4.933, -52.33),
            ("971", 16.241, -61.533),
        ] {
            assert!(inside_departement(code, lat, lon), "{code} ({lat}, {lon})");
        }
        assert!(!inside_departement("09", 43.6, 1.44), "Toulouse is not in the Ariège");
        assert_eq!(project(40.4, -3.7), None, "Madrid");
    }

    #[test]
    fn lambert93_agrees_with_proj() {
        // Reference values from PROJ 9 (pyproj, EPSG:4326 → EPSG:2154).
        for ((lat, lon), (x, y)) in [
            ((46.5, 3.0), (700_000.0, 6_600_000.0)),
            ((48.846191, 2.346079), (652_010.332, 6_860_881.578)),
            ((42.965, 1.607), (586_249.198, 6_208_295.310)),
        ] {
            let (px, py) = lambert93(lat, lon);
            assert!((px - x).abs() < 0.01 && (py - y).abs() < 0.01, "({lat}, {lon}) → {px} {py}");
        }
    }

    #[test]
    fn a_geojson_becomes_one_line_per_departement() {
        let geojson = r#"{"features":[{"properties":{"code":"09","nom":"Ariège"},"geometry":{"type":"Polygon",
            "coordinates":[[[1.0,42.6],[2.1,42.6],[2.1,43.3],[1.0,43.3],[1.0,42.6]]]}}]}"#;
        let file = build_outline_file(geojson).expect("built");
        let fields: Vec<&str> = file.trim_end().split('\t').collect();
        assert_eq!(&fields[..2], ["09", "Ariège"]);
        assert!(fields[4].starts_with('M') && fields[4].ends_with('z'), "{}", fields[4]);
        let rings = rings_of(fields[4]);
        assert!(contains(&rings[0], project(42.96, 1.6).expect("in France")));
    }
}
