//! The facet sets: loading, refreshing after writes, intersections and totals.

use super::*;

fn item(local: bool, values: &[(&'static str, &str)]) -> ItemFacets {
    ItemFacets {
        local,
        month: None,
        review_due: None,
        values: values.iter().map(|(f, v)| (*f, (*v).to_owned())).collect(),
    }
}

#[test]
fn totals_and_counts_are_intersections_of_the_filter_values() {
    let mut sets = FacetSets::default();
    sets.set_item(1, Some(&item(true, &[("kind", "experience"), ("pillar", "recyclage")])));
    sets.set_item(2, Some(&item(false, &[("kind", "experience"), ("pillar", "reemploi")])));
    sets.set_item(3, Some(&item(false, &[("kind", "practice"), ("pillar", "recyclage")])));
    assert_eq!(sets.total(&[], false), Some(3));
    assert_eq!(sets.total(&[("kind", "experience"), ("pillar", "recyclage")], false), Some(1));
    assert_eq!(sets.total(&[("pillar", "recyclage")], true), Some(1), "local only");
    assert_eq!(sets.total(&[("pillar", "absent")], false), Some(0));
    assert_eq!(sets.total(&[("tags", "x")], false), None, "a facet the sets do not hold");
    assert_eq!(sets.total(&[("place", "commune:09122")], false), None, "a place the sets do not hold");
    let counts = sets.counts(&[("pillar", "recyclage")], false).expect("counts");
    let expected: Vec<(String, String, i64)> =
        [("kind", "experience", 1), ("kind", "practice", 1), ("pillar", "recyclage", 2)]
            .iter()
            .map(|(f, v, n)| (f.to_string(), v.to_string(), *n))
            .collect();
    assert_eq!(counts, expected);
}

#[test]
fn an_item_that_changes_or_leaves_the_public_is_counted_as_it_now_is() {
    let mut sets = FacetSets::default();
    sets.set_item(1, Some(&item(true, &[("kind", "experience"), ("territory", "Foix")])));
    sets.set_item(1, Some(&item(true, &[("kind", "practice"), ("territory", "Foix")])));
    assert_eq!(sets.total(&[("kind", "experience")], false), Some(0));
    assert_eq!(sets.total(&[("kind", "practice")], false), Some(1));
    sets.set_item(1, None);
    assert_eq!(sets.total(&[], false), Some(0));
    assert_eq!(sets.counts(&[], false), Some(Vec::new()), "empty sets count nothing");
}
