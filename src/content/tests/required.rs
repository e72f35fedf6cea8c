//! What a published or archived item must hold, and what a draft may leave out.

use super::*;

#[test]
fn a_published_item_without_its_envelope_lists_every_missing_field_once() {
    let doc = ItemDocument {
        lifecycle: Lifecycle::Published,
        good_practice: good_practice().good_practice,
        ..draft(Kind::GoodPractice, "Une méthode")
    };

    assert_eq!(
        errors_of(doc),
        pairs(&[
            ("summary", "required"),
            ("body", "required"),
            ("license", "required"),
            ("authors", "required"),
            ("territory.name", "required"),
            ("territory.scale", "required"),
        ])
    );
}

#[test]
fn a_published_project_sheet_requires_carrier_status_place_perimeter_and_start() {
    let mut doc = project_sheet();
    doc.project_sheet = Some(ProjectSheet::default());

    assert_eq!(
        errors_of(doc),
        pairs(&[
            ("project_sheet.carrier", "required"),
            ("project_sheet.status", "required"),
            ("project_sheet.location", "required"),
            ("project_sheet.perimeter", "required"),
            ("project_sheet.start_date", "required"),
        ])
    );
}

#[test]
fn a_published_good_practice_requires_problem_objectives_steps_means_maturity_and_transferability() {
    let mut doc = good_practice();
    doc.good_practice = Some(GoodPractice::default());

    assert_eq!(
        errors_of(doc),
        pairs(&[
            ("good_practice.problem", "required"),
            ("good_practice.objectives", "required"),
            ("good_practice.steps", "required"),
            ("good_practice.resources_needed", "required"),
            ("good_practice.maturity", "required"),
            ("good_practice.transferability", "required"),
        ])
    );
}

#[test]
fn a_published_experience_requires_about_period_speaker_context_results_and_difficulties() {
    let mut doc = experience();
    doc.experience = Some(Experience::default());

    assert_eq!(
        errors_of(doc),
        pairs(&[
            ("experience.about", "required"),
            ("experience.period", "required"),
            ("experience.speaker", "required"),
            ("experience.context", "required"),
            ("experience.results", "required"),
            ("experience.difficulties", "required"),
        ])
    );
}

#[test]
fn a_published_item_without_its_kind_section_is_refused_for_each_kind() {
    for (mut doc, section) in
        [(project_sheet(), "project_sheet"), (good_practice(), "good_practice"), (experience(), "experience")]
    {
        doc.project_sheet = None;
        doc.good_practice = None;
        doc.experience = None;
        assert_eq!(errors_of(doc), only(section, "required"));
    }
}

#[test]
fn an_archived_item_is_held_to_the_same_requirements_as_a_published_one() {
    let mut doc = experience();
    doc.lifecycle = Lifecycle::Archived;
    experience_mut(&mut doc).results = None;

    assert_eq!(errors_of(doc), only("experience.results", "required"));
}

#[test]
fn a_good_practice_step_without_a_name_is_refused() {
    let mut doc = good_practice();
    practice_mut(&mut doc).steps[1].name = "  ".into();

    assert_eq!(errors_of(doc), only("good_practice.steps[1].name", "required"));
}

#[test]
fn an_experience_about_nothing_is_refused_even_as_a_draft() {
    let mut doc = experience();
    doc.lifecycle = Lifecycle::Draft;
    experience_mut(&mut doc).about = Some(About { item: None, label: Some("   ".into()) });

    assert_eq!(errors_of(doc), only("experience.about", "required"));
}

#[test]
fn a_draft_of_any_kind_may_hold_only_a_kind_and_a_title() {
    for kind in Kind::ALL {
        assert_eq!(errors_of(draft(kind, "Idée à creuser")), Vec::new(), "{kind:?}");
    }
}

#[test]
fn a_draft_with_an_empty_kind_section_is_valid() {
    let doc = ItemDocument { project_sheet: Some(ProjectSheet::default()), ..draft(Kind::ProjectSheet, "Brouillon") };

    assert_eq!(errors_of(doc), Vec::new());
}

#[test]
fn a_draft_still_needs_a_title_and_gets_one_error_for_it() {
    assert_eq!(errors_of(draft(Kind::Experience, "   ")), only("title", "required"));
}

#[test]
fn a_draft_still_has_its_formats_checked() {
    let doc = ItemDocument {
        pillars: vec!["recyclage".into(), "zero_dechet".into()],
        project_sheet: Some(ProjectSheet { start_date: Some("bientôt".into()), ..Default::default() }),
        ..draft(Kind::ProjectSheet, "Brouillon")
    };

    assert_eq!(errors_of(doc), pairs(&[("pillars[1]", "unknown_code"), ("project_sheet.start_date", "invalid_date")]));
}

#[test]
fn a_document_without_a_kind_is_refused_whatever_else_it_holds() {
    let mut doc = project_sheet();
    doc.kind = None;

    assert_eq!(errors_of(doc), only("kind", "required"));
}
