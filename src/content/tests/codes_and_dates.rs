//! Codes of the vocabularies, and partial dates.

use super::*;

#[test]
fn an_unknown_code_is_reported_at_its_exact_place() {
    let cases: Vec<Breakage> = vec![
        ("pillars[1]", Box::new(|d| d.pillars[1] = "economie_magique".into())),
        ("activity_domains[0]", Box::new(|d| d.activity_domains[0] = "peche".into())),
        ("resources[1]", Box::new(|d| d.resources[1] = "argent".into())),
        ("food_themes[0]", Box::new(|d| d.food_themes[0] = "gastronomie".into())),
        ("target_audiences[0]", Box::new(|d| d.target_audiences[0] = "touristes".into())),
        ("license", Box::new(|d| d.license = Some("GPL-3.0".into()))),
        ("territory.scale", Box::new(|d| d.territory.scale = Some("canton".into()))),
        ("documents[0].license", Box::new(|d| d.documents[0].license = Some("tous droits réservés".into()))),
        (
            "project_sheet.carrier.org_type",
            Box::new(|d| sheet_mut(d).carrier.as_mut().expect("carrier").org_type = Some("club".into())),
        ),
        ("project_sheet.phase", Box::new(|d| sheet_mut(d).phase = Some("reflexion".into()))),
        ("project_sheet.status", Box::new(|d| sheet_mut(d).status = Some("en cours".into()))),
        (
            "project_sheet.funding[0].funding_type",
            Box::new(|d| sheet_mut(d).funding[0].funding_type = Some("loto".into())),
        ),
        ("project_sheet.funding[1].status", Box::new(|d| sheet_mut(d).funding[1].status = Some("promis".into()))),
        ("project_sheet.useful_effects[0].kind", Box::new(|d| sheet_mut(d).useful_effects[0].kind = "indirect".into())),
        (
            "project_sheet.useful_effects[0].evidence",
            Box::new(|d| sheet_mut(d).useful_effects[0].evidence = "prouve".into()),
        ),
    ];
    for (path, break_it) in cases {
        let mut doc = project_sheet();
        break_it(&mut doc);
        assert_eq!(errors_of(doc), only(path, "unknown_code"), "{path}");
    }
}

#[test]
fn unknown_codes_of_a_good_practice_and_an_experience_are_reported_too() {
    let mut doc = good_practice();
    practice_mut(&mut doc).maturity = Some("tres_avancee".into());
    assert_eq!(errors_of(doc), only("good_practice.maturity", "unknown_code"));

    let mut doc = experience();
    experience_mut(&mut doc).speaker = Some(Speaker { name: None, role: "maire".into() });
    experience_mut(&mut doc).useful_effects[1].evidence = "ressenti".into();
    experience_mut(&mut doc).funding[0].funding_type = Some("tombola".into());
    assert_eq!(
        errors_of(doc),
        pairs(&[
            ("experience.speaker.role", "unknown_code"),
            ("experience.useful_effects[1].evidence", "unknown_code"),
            ("experience.funding[0].funding_type", "unknown_code"),
        ])
    );
}

#[test]
fn the_unknown_code_message_lists_the_allowed_values() {
    let mut doc = project_sheet();
    sheet_mut(&mut doc).status = Some("fini".into());

    let errors = validate(doc, &vocab()).expect_err("fini is not a status");

    let message = errors.for_path("project_sheet.status").expect("an error on the status").to_string();
    assert!(message.contains("fini") && message.contains("en_cours") && message.contains("abandonne"), "{message}");
}

#[test]
fn a_code_given_twice_is_reported_as_a_duplicate() {
    let mut doc = project_sheet();
    doc.pillars = vec!["recyclage".into(), "ecoconception".into(), "recyclage".into()];
    doc.resources = vec!["eau".into(), "eau".into()];

    assert_eq!(errors_of(doc), pairs(&[("pillars[2]", "duplicate"), ("resources[1]", "duplicate")]));
}

#[test]
fn codes_are_case_sensitive() {
    let mut doc = project_sheet();
    doc.pillars = vec!["Recyclage".into()];

    assert_eq!(errors_of(doc), only("pillars[0]", "unknown_code"));
}

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

#[test]
fn partial_dates_accept_a_year_a_month_or_a_day() {
    for good in ["2021", "2021-03", "2021-03-15", "2024-02-29"] {
        let mut doc = project_sheet();
        sheet_mut(&mut doc).start_date = Some(good.into());
        sheet_mut(&mut doc).end_date = None;
        assert_eq!(errors_of(doc), Vec::new(), "{good}");
    }
}

#[test]
fn a_bad_date_is_reported_wherever_it_is() {
    for bad in ["21", "2021-13", "2021-3", "2023-02-29", "15/03/2021", "2021-03-15T10:00", "mars 2021", ""] {
        let mut doc = project_sheet();
        sheet_mut(&mut doc).start_date = Some(bad.into());
        sheet_mut(&mut doc).end_date = None;
        assert_eq!(errors_of(doc), only("project_sheet.start_date", "invalid_date"), "{bad:?}");
    }
    let cases: Vec<Breakage> = vec![
        ("project_sheet.end_date", Box::new(|d| sheet_mut(d).end_date = Some("2030-12-32".into()))),
        ("project_sheet.stages[0].start", Box::new(|d| sheet_mut(d).stages[0].start = Some("hier".into()))),
        ("project_sheet.stages[0].end", Box::new(|d| sheet_mut(d).stages[0].end = Some("2024-00".into()))),
        ("project_sheet.key_figures[0].date", Box::new(|d| sheet_mut(d).key_figures[0].date = Some("T4 2030".into()))),
        ("project_sheet.events[0].date", Box::new(|d| sheet_mut(d).events[0].date = Some("14/03/2025".into()))),
    ];
    for (path, break_it) in cases {
        let mut doc = project_sheet();
        break_it(&mut doc);
        assert_eq!(errors_of(doc), only(path, "invalid_date"), "{path}");
    }
}

#[test]
fn a_bad_period_of_an_experience_is_reported() {
    let mut doc = experience();
    experience_mut(&mut doc).period = Some(Period { start: Some("printemps".into()), end: Some("2022-6".into()) });

    assert_eq!(
        errors_of(doc),
        pairs(&[("experience.period.start", "invalid_date"), ("experience.period.end", "invalid_date")])
    );
}

#[test]
fn a_project_cannot_end_before_it_starts() {
    let mut doc = project_sheet();
    sheet_mut(&mut doc).start_date = Some("2025-06".into());
    sheet_mut(&mut doc).end_date = Some("2024-12-31".into());

    assert_eq!(errors_of(doc), only("project_sheet.end_date", "invalid_date"));
}

#[test]
fn a_review_cannot_be_due_before_the_last_review() {
    let mut doc = good_practice();
    doc.last_reviewed = Some(date(2026, 6, 1));
    doc.review_due = Some(date(2026, 5, 31));

    assert_eq!(errors_of(doc), only("review_due", "invalid_date"));
}

#[test]
fn an_impossible_review_date_is_refused_when_the_file_is_read_with_its_path() {
    let text = serde_json::json!({"kind": "good_practice", "title": "x", "last_reviewed": "2026-02-30"}).to_string();

    let error = parse_json_document(text.as_bytes()).expect_err("February has no 30th");

    assert_eq!(error.error.path, "last_reviewed");
    assert_eq!(error.error.code, "invalid_date");
    assert!(
        error.error.message.to_string().contains("AAAA-MM-JJ, par exemple"),
        "the accepted format: {}",
        error.error.message
    );
}
