//! The bounding boxes of France as a point may lie in it: métropole with Corsica, and
//! each of the five DROM. A point typed for a territory must fall in one of them.

/// (name, south, north, west, east), in degrees (WGS 84).
pub const BOXES: [(&str, f64, f64, f64, f64); 6] = [
    ("Métropole", 41.3, 51.2, -5.3, 9.7),
    ("Guadeloupe", 15.8, 16.6, -61.9, -60.9),
    ("Martinique", 14.3, 14.95, -61.3, -60.75),
    ("Guyane", 2.1, 5.9, -54.7, -51.5),
    ("La Réunion", -21.45, -20.8, 55.2, 55.9),
    ("Mayotte", -13.1, -12.6, 44.9, 45.35),
];

/// Whether a point lies in one of France's boxes.
pub fn within_france(lat: f64, lon: f64) -> bool {
    BOXES.iter().any(|(_, south, north, west, east)| (*south..=*north).contains(&lat) && (*west..=*east).contains(&lon))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_points_are_in_and_foreign_ones_out() {
        for (lat, lon) in [(42.965, 1.607), (41.919, 8.738), (-20.882, 55.45), (4.933, -52.33), (16.24, -61.53)] {
            assert!(within_france(lat, lon), "{lat} {lon}");
        }
        for (lat, lon) in [(40.4, -3.7), (52.52, 13.4), (0.0, 0.0), (-12.8, 46.0)] {
            assert!(!within_france(lat, lon), "{lat} {lon}");
        }
    }
}
