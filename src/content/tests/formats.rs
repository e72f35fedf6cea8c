//! URLs, amounts, lengths, official identifiers, coordinates, slugs, languages.

use super::*;

#[test]
fn only_plain_http_and_https_urls_are_accepted() {
    let bad = [
        "https://alice:secret@example.org/dossier.pdf",
        "https://alice@example.org/dossier.pdf",
        "javascript:alert(1)",
        "ftp://example.org/dossier.pdf",
        "file:///etc/passwd",
        "/items/dynamo",
        "example.org/dossier.pdf",
        "https://",
        "",
    ];
    for url in bad {
        let mut doc = project_sheet();
        doc.documents[0].url = url.into();
        assert_eq!(errors_of(doc), only("documents[0].url", "invalid_url"), "{url:?}");
    }
    for url in ["http://127.0.0.1:8080/items/x", "https://www.example.org/a?b=c#d"] {
        let mut doc = project_sheet();
        doc.documents[0].url = url.into();
        assert_eq!(errors_of(doc), Vec::new(), "{url:?}");
    }
}

#[test]
fn every_list_of_item_uris_is_checked() {
    let userinfo = "https://bob:pw@marseille.example.org/items/x";
    let mut doc = project_sheet();
    doc.inspired_by.push(userinfo.into());
    sheet_mut(&mut doc).practices_used[0] = "pas une adresse".into();
    assert_eq!(
        errors_of(doc),
        pairs(&[("inspired_by[1]", "invalid_url"), ("project_sheet.practices_used[0]", "invalid_url")])
    );

    let mut doc = good_practice();
    practice_mut(&mut doc).evidence[0] = userinfo.into();
    assert_eq!(errors_of(doc), only("good_practice.evidence[0]", "invalid_url"));

    let mut doc = experience();
    experience_mut(&mut doc).practices[0] = userinfo.into();
    experience_mut(&mut doc).about.as_mut().expect("about").item = Some("javascript:alert(1)".into());
    assert_eq!(
        errors_of(doc),
        pairs(&[("experience.about.item", "invalid_url"), ("experience.practices[0]", "invalid_url")])
    );
}

#[test]
fn a_negative_amount_is_refused_wherever_it_is() {
    let mut doc = project_sheet();
    sheet_mut(&mut doc).total_cost_eur = Some(-1.0);
    sheet_mut(&mut doc).funding[1].amount_eur = Some(-250_000.0);
    assert_eq!(
        errors_of(doc),
        pairs(&[
            ("project_sheet.funding[1].amount_eur", "invalid_number"),
            ("project_sheet.total_cost_eur", "invalid_number")
        ])
    );

    let mut doc = experience();
    experience_mut(&mut doc).funding[0].amount_eur = Some(-0.01);
    assert_eq!(errors_of(doc), only("experience.funding[0].amount_eur", "invalid_number"));
}

#[test]
fn a_zero_amount_and_a_negative_key_figure_are_fine() {
    let mut doc = project_sheet();
    sheet_mut(&mut doc).funding[0].amount_eur = Some(0.0);
    sheet_mut(&mut doc).key_figures[0].value = -12.5;

    assert_eq!(errors_of(doc), Vec::new());
}

#[test]
fn a_summary_may_hold_500_characters_but_not_501() {
    // Accented letters take two bytes: the limit is on characters.
    let mut doc = experience();
    doc.summary = "é".repeat(MAX_SUMMARY_CHARS);
    assert_eq!(errors_of(doc), Vec::new());

    let mut doc = experience();
    doc.summary = "é".repeat(MAX_SUMMARY_CHARS + 1);
    assert_eq!(errors_of(doc), only("summary", "too_long"));
}

#[test]
fn a_translation_summary_has_the_same_limit() {
    let mut doc = experience();
    doc.translations[0].summary = "a".repeat(MAX_SUMMARY_CHARS + 1);

    assert_eq!(errors_of(doc), only("translations[0].summary", "too_long"));
}

#[test]
fn a_title_over_200_characters_is_too_long() {
    let mut doc = good_practice();
    doc.title = "t".repeat(201);

    assert_eq!(errors_of(doc), only("title", "too_long"));
}

#[test]
fn more_than_200_tags_are_too_many() {
    let mut doc = good_practice();
    doc.tags = (0..201).map(|i| format!("mot{i}")).collect();

    assert_eq!(errors_of(doc), only("tags", "too_many"));
}

#[test]
fn an_empty_tag_or_author_name_is_refused() {
    let mut doc = good_practice();
    doc.tags[1] = "   ".into();
    doc.authors[0].name = String::new();

    assert_eq!(errors_of(doc), pairs(&[("authors[0].name", "required"), ("tags[1]", "required")]));
}

#[test]
fn a_useful_effect_always_names_its_beneficiary_and_its_effect() {
    let mut doc = experience();
    experience_mut(&mut doc).useful_effects[0].beneficiary = " ".into();
    experience_mut(&mut doc).useful_effects[1].effect = String::new();

    assert_eq!(
        errors_of(doc),
        pairs(&[
            ("experience.useful_effects[0].beneficiary", "required"),
            ("experience.useful_effects[1].effect", "required")
        ])
    );
}

#[test]
fn official_identifiers_have_their_length_and_digits() {
    let cases: Vec<Breakage> = vec![
        (
            "project_sheet.carrier.siren",
            Box::new(|d| sheet_mut(d).carrier.as_mut().expect("carrier").siren = Some("20003439".into())),
        ),
        (
            "project_sheet.carrier.siret",
            Box::new(|d| sheet_mut(d).carrier.as_mut().expect("carrier").siret = Some("2000343950001A".into())),
        ),
        ("territory.insee_code", Box::new(|d| d.territory.insee_code = Some("9122".into()))),
        ("territory.epci_code", Box::new(|d| d.territory.epci_code = Some("CC-FOIX".into()))),
    ];
    for (path, break_it) in cases {
        let mut doc = project_sheet();
        break_it(&mut doc);
        assert_eq!(errors_of(doc), only(path, "invalid_code"), "{path}");
    }
    let mut corsica = project_sheet();
    corsica.territory.insee_code = Some("2A004".into());
    assert_eq!(errors_of(corsica), Vec::new(), "Corsican INSEE codes hold a letter");
}

#[test]
fn coordinates_must_be_on_earth() {
    let mut doc = project_sheet();
    doc.territory.lat = Some(91.0);
    doc.territory.lon = Some(-180.5);

    assert_eq!(errors_of(doc), pairs(&[("territory.lat", "out_of_range"), ("territory.lon", "out_of_range")]));
}

#[test]
fn a_slug_given_by_a_person_must_already_be_clean() {
    for bad in ["Grand Lyon", "../etc/passwd", "écologie", "-dynamo", ""] {
        let mut doc = project_sheet();
        doc.slug = Some(bad.into());
        assert_eq!(errors_of(doc), only("slug", "invalid_slug"), "{bad:?}");
    }
}

#[test]
fn the_language_is_a_bcp47_tag() {
    for good in ["fr", "fr-FR", "oc", "br", "gsw-FR"] {
        let mut doc = good_practice();
        doc.language = good.into();
        assert_eq!(errors_of(doc), Vec::new(), "{good}");
    }
    for bad in ["français", "FR", "f", "fr_FR", ""] {
        let mut doc = good_practice();
        doc.language = bad.into();
        assert_eq!(errors_of(doc), only("language", "invalid_language"), "{bad:?}");
    }
}

#[test]
fn every_error_of_a_broken_document_is_reported_at_once() {
    let mut doc = project_sheet();
    doc.summary = "x".repeat(600);
    doc.pillars[0] = "inconnu".into();
    doc.documents[0].url = "ftp://example.org".into();
    sheet_mut(&mut doc).total_cost_eur = Some(-5.0);

    assert_eq!(
        errors_of(doc),
        pairs(&[
            ("documents[0].url", "invalid_url"),
            ("pillars[0]", "unknown_code"),
            ("project_sheet.total_cost_eur", "invalid_number"),
            ("summary", "too_long"),
        ])
    );
}
