//! Parsing and validation of every kind of item, as stories: what an editor, an import file
//! or a peer sends, and what the content model says about it.
//!
//! The three fixtures fill every field (struct literals without `..Default::default()`, so
//! a field added to the model must be added here too, or this file stops compiling).

use super::errors::FieldError;
use super::files::{line_of_field, parse_json_document, parse_json_file, parse_markdown_file, to_markdown_file};
use super::item::*;
use super::validate::{validate, MAX_SUMMARY_CHARS};
use super::Vocabularies;
use chrono::{NaiveDate, TimeZone, Utc};

// ---------------------------------------------------------------------------------------
// Fixtures: one published item of each kind, every field filled.
// ---------------------------------------------------------------------------------------

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn effect(beneficiary: &str, text: &str, kind: &str, evidence: &str) -> UsefulEffect {
    UsefulEffect { beneficiary: beneficiary.into(), effect: text.into(), kind: kind.into(), evidence: evidence.into() }
}

fn envelope(kind: Kind, slug: &str, title: &str) -> ItemDocument {
    ItemDocument {
        slug: Some(slug.into()),
        kind: Some(kind),
        title: title.into(),
        summary: "Un résumé en texte brut, sous 500 caractères, pour le fédivers.".into(),
        body: "## Contexte\n\nUn texte en **Markdown**.\n\n---\n\n- une liste\n- « des guillemets » : et deux-points"
            .into(),
        language: "fr".into(),
        translations: vec![Translation {
            language: "oc".into(),
            title: "Un títol".into(),
            summary: "Un resumit.".into(),
            body: "Un tèxte.".into(),
        }],
        license: Some("CC-BY-SA-4.0".into()),
        authors: vec![
            Author { name: "Camille Durand".into(), role: Some("chargée de mission".into()) },
            Author { name: "Louise Martin".into(), role: None },
        ],
        territory: Territory {
            name: "Pays de Foix".into(),
            scale: Some("petr_pays".into()),
            codes: vec!["commune:09122".into(), "epci:200067791".into()],
            label: Some("Pays de Foix".into()),
            insee_code: None,
            epci_code: None,
            lat: Some(42.9653),
            lon: Some(1.6070),
        },
        pillars: vec!["approvisionnement_durable".into(), "consommation_responsable".into()],
        activity_domains: vec!["agriculture".into(), "alimentation".into()],
        resources: vec!["alimentaire".into(), "confiance".into()],
        food_themes: vec!["circuits_courts".into()],
        target_audiences: vec!["agriculteurs".into(), "collectivites".into()],
        tags: vec!["SYAM".into(), "2030".into(), "yes".into()],
        documents: vec![DocumentLink {
            title: "Dossier de candidature".into(),
            url: "https://www.example.org/dynamo.pdf".into(),
            media_type: Some("application/pdf".into()),
            license: Some("CC-BY-4.0".into()),
            ..Default::default()
        }],
        media: Vec::new(),
        inspired_by: vec!["https://toulouse.example.org/items/pat-toulouse".into()],
        lifecycle: Lifecycle::Published,
        published: Some(Utc.with_ymd_and_hms(2024, 5, 2, 8, 30, 0).single().expect("a real instant")),
        last_reviewed: Some(date(2026, 1, 15)),
        review_due: Some(date(2028, 1, 15)),
        project_sheet: None,
        good_practice: None,
        experience: None,
        meta: None,
        ..Default::default()
    }
}

fn project_sheet() -> ItemDocument {
    ItemDocument {
        project_sheet: Some(ProjectSheet {
            carrier: Some(Organisation {
                name: "PETR de l'Ariège".into(),
                org_type: Some("petr".into()),
                siren: Some("200034395".into()),
                siret: Some("20003439500018".into()),
                rna: Some("W091000123".into()),
            }),
            nature: Some("Démonstrateur territorial".into()),
            phase: Some("realisation".into()),
            status: Some("en_cours".into()),
            location: Some("Foix".into()),
            perimeter: Some("Département de l'Ariège".into()),
            start_date: Some("2025-01".into()),
            end_date: Some("2030-12-31".into()),
            partners: vec![Partner {
                name: "Chambre d'agriculture de l'Ariège".into(),
                role: Some("co-pilote".into()),
                ..Default::default()
            }],
            consortium: vec!["Coopérative Ariège Fruits".into()],
            total_cost_eur: Some(6_800_000.0),
            funding: vec![
                FundingLine {
                    funder: "État".into(),
                    amount_eur: Some(3_400_000.0),
                    funding_type: Some("aap_ami".into()),
                    status: Some("acquis".into()),
                    programme: Some("AMI Démonstrateurs territoriaux – France 2030".into()),
                    ..Default::default()
                },
                FundingLine {
                    funder: "Région Occitanie".into(),
                    amount_eur: Some(250_000.5),
                    funding_type: Some("subvention_locale".into()),
                    status: Some("en_negociation".into()),
                    programme: None,
                    ..Default::default()
                },
            ],
            objectives: vec!["Relocaliser une alimentation de qualité".into()],
            stages: vec![Stage {
                name: "Candidature".into(),
                start: Some("2024".into()),
                end: Some("2024-10".into()),
                description: Some("Dépôt à la seconde vague de l'AMI.".into()),
            }],
            work_packages: vec![WorkPackage {
                code: "Gt1".into(),
                name: "Logistique".into(),
                description: Some("Plateformes.".into()),
            }],
            human_means: Some("Deux chargés de mission".into()),
            technical_means: Some("Une légumerie".into()),
            practices_used: vec!["https://marseille.example.org/items/effets-utiles".into()],
            qualitative_results: Some("Une coopération renforcée".into()),
            key_figures: vec![KeyFigure {
                indicator: "Investissements soutenus".into(),
                value: 3_400_000.0,
                unit: Some("EUR HT".into()),
                date: Some("2030".into()),
                baseline: Some(0.0),
                target: Some(3_400_000.0),
            }],
            useful_effects: vec![effect("Petits producteurs", "Des débouchés", "direct", "hypothese")],
            evaluation_dimensions: vec!["Souveraineté alimentaire".into()],
            events: vec![Event {
                name: "Lancement".into(),
                date: Some("2025-03-14".into()),
                place: Some("Foix".into()),
                ..Default::default()
            }],
            ..Default::default()
        }),
        ..envelope(Kind::ProjectSheet, "dynamo-ariege", "DYNAMO : un système alimentaire du milieu")
    }
}

fn good_practice() -> ItemDocument {
    ItemDocument {
        good_practice: Some(GoodPractice {
            problem: Some("Les acteurs travaillent chacun de leur côté.".into()),
            objectives: vec!["Faire émerger une coopération".into()],
            target_actors: vec!["Épiceries solidaires".into()],
            steps: vec![
                Step {
                    name: "Réunir le cercle élargi".into(),
                    section: Some("Démarche initiale".into()),
                    description: Some("Un temps de rencontre.".into()),
                    tools: vec!["Carte des acteurs".into()],
                    participants: vec!["Porteurs".into()],
                    duration: Some("une demi-journée".into()),
                },
                Step {
                    name: "Étendre à d'autres acteurs".into(),
                    section: Some("Extension".into()),
                    description: None,
                    tools: Vec::new(),
                    participants: Vec::new(),
                    duration: None,
                },
            ],
            tools_and_supports: vec!["Grille des six registres".into()],
            resources_needed: ResourcesNeeded {
                human: Some("Un animateur".into()),
                financial: Some("5 000 €".into()),
                technical: Some("Une salle".into()),
            },
            success_factors: vec!["Un animateur neutre".into()],
            pitfalls: vec!["Ne pas disperser l'énergie des acteurs".into()],
            maturity: Some("eprouvee".into()),
            transferability: Some("Transférable à tout quartier doté d'épiceries.".into()),
            evidence: vec!["https://marseille.example.org/items/tav-marseille".into()],
        }),
        ..envelope(Kind::GoodPractice, "methode-effets-utiles", "Repérer les effets utiles en sept étapes")
    }
}

fn experience() -> ItemDocument {
    ItemDocument {
        experience: Some(Experience {
            about: Some(About {
                item: Some("https://marseille.example.org/items/tav-marseille".into()),
                label: Some("Territoires à VivreS Marseille".into()),
            }),
            period: Some(Period { start: Some("2021".into()), end: Some("2022-06".into()) }),
            speaker: Some(Speaker { name: Some("Jonathan".into()), role: "animateur".into() }),
            context: Some("Des épiceries solidaires dans les quartiers nord.".into()),
            results: Some("Dix épiceries accompagnées.".into()),
            difficulties: Some("Le temps bénévole s'épuise.".into()),
            useful_effects: vec![
                effect("UCS 13", "Un approvisionnement régulier", "direct", "observe"),
                effect("Habitants", "Du lien social", "externalite", "evalue"),
            ],
            success_factors: vec!["Des rencontres régulières".into()],
            recommendations: vec!["Partir des effets déjà produits".into()],
            registers: Some(SixRegisters {
                value_proposition: Some("Une alimentation digne".into()),
                resources: Some("La confiance entre acteurs".into()),
                organisation: Some("Un cercle élargi".into()),
                contracting: Some("Des conventions".into()),
                funding_and_value_sharing: Some("Des subventions et des dons".into()),
                governance: Some("Un comité de pilotage".into()),
            }),
            costs: Some("15 jours d'accompagnement".into()),
            funding: vec![FundingLine {
                funder: "Fondation de France".into(),
                amount_eur: Some(20_000.0),
                funding_type: Some("fondation".into()),
                status: Some("acquis".into()),
                programme: None,
                ..Default::default()
            }],
            practices: vec!["https://marseille.example.org/items/methode-effets-utiles".into()],
            ..Default::default()
        }),
        ..envelope(Kind::Experience, "tav-marseille-effets-utiles", "Les effets utiles de TàV Marseille")
    }
}

// ---------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------

fn vocab() -> Vocabularies {
    Vocabularies::builtin()
}

/// The (path, code) pairs of every error, sorted, or an empty list for a valid document.
fn errors_of(doc: ItemDocument) -> Vec<(String, &'static str)> {
    match validate(doc, &vocab()) {
        Ok(_) => Vec::new(),
        Err(errors) => {
            let mut pairs: Vec<_> = errors.0.into_iter().map(|e| (e.path, e.code)).collect();
            pairs.sort();
            pairs
        }
    }
}

fn only(path: &str, code: &'static str) -> Vec<(String, &'static str)> {
    vec![(path.to_owned(), code)]
}

fn pairs(list: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    let mut v: Vec<_> = list.iter().map(|(p, c)| ((*p).to_owned(), *c)).collect();
    v.sort();
    v
}

/// A document as the smallest JSON an editor can send: a kind and a title.
fn draft(kind: Kind, title: &str) -> ItemDocument {
    let json = serde_json::json!({"kind": kind.code(), "title": title}).to_string();
    parse_json_document(json.as_bytes()).expect("a minimal document parses")
}

/// A path and a way to break the field at that path.
type Breakage = (&'static str, Box<dyn Fn(&mut ItemDocument)>);

fn sheet_mut(doc: &mut ItemDocument) -> &mut ProjectSheet {
    doc.project_sheet.as_mut().expect("the fixture has a project sheet")
}

fn experience_mut(doc: &mut ItemDocument) -> &mut Experience {
    doc.experience.as_mut().expect("the fixture has an experience")
}

fn practice_mut(doc: &mut ItemDocument) -> &mut GoodPractice {
    doc.good_practice.as_mut().expect("the fixture has a good practice")
}

// ---------------------------------------------------------------------------------------
// Every kind, complete, is valid
// ---------------------------------------------------------------------------------------

#[test]
fn a_complete_published_item_of_each_kind_is_valid_and_unchanged() {
    for doc in [project_sheet(), good_practice(), experience()] {
        let valid = validate(doc.clone(), &vocab()).unwrap_or_else(|e| panic!("{:?} must be valid: {e}", doc.kind));
        assert_eq!(valid.document(), &doc, "validation must not alter a clean document");
    }
}

#[test]
fn validation_trims_text_and_drops_the_meta_echo_and_the_other_kinds_sections() {
    let mut doc = project_sheet();
    doc.title = "  DYNAMO  ".into();
    doc.body = "Texte\n\n\n".into();
    doc.meta = Some(serde_json::json!({"revision": 4}));
    doc.good_practice = good_practice().good_practice;

    let valid = validate(doc, &vocab()).expect("still valid").into_document();

    assert_eq!(valid.title, "DYNAMO");
    assert_eq!(valid.body, "Texte");
    assert_eq!(valid.meta, None);
    assert_eq!(valid.good_practice, None);
    assert!(valid.project_sheet.is_some());
}

// ---------------------------------------------------------------------------------------
// Required fields at publication; drafts may be incomplete
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------

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

    let message = errors.for_path("project_sheet.status").expect("an error on the status");
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
    assert!(error.error.message.contains("AAAA-MM-JJ, par exemple"), "the accepted format: {}", error.error.message);
}

// ---------------------------------------------------------------------------------------
// URLs, numbers, lengths, identifiers
// ---------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------
// JSON files and request bodies
// ---------------------------------------------------------------------------------------

#[test]
fn a_json_file_holds_one_document_or_an_array_of_them() {
    let one = serde_json::to_string_pretty(&project_sheet()).expect("serializable");
    let many =
        serde_json::to_string_pretty(&vec![project_sheet(), good_practice(), experience()]).expect("serializable");

    let documents = |text: &str| -> Vec<ItemDocument> {
        parse_json_file(text).expect("valid documents").into_iter().map(|item| item.document).collect()
    };
    assert_eq!(documents(&one), vec![project_sheet()]);
    assert_eq!(documents(&format!("\n  {many}")), vec![project_sheet(), good_practice(), experience()]);
}

#[test]
fn every_item_error_of_a_json_array_is_reported_with_its_line_in_the_file() {
    let text = "[\n  {\n    \"kind\": \"experience\",\n    \"title\": [\"une liste\"]\n  },\n  {\"kind\": \"good_practice\", \"title\": \"ok\"},\n  {\n    \"kind\": \"experience\",\n    \"last_reviewed\": \"12/13/2025\"\n  }\n]";

    let errors = parse_json_file(text).expect_err("two items are wrong");

    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!((errors[0].line, errors[0].item, errors[0].error.code), (Some(4), Some(1), "invalid_type"));
    assert_eq!(errors[0].error.message, "Type incorrect : reçu une liste, attendu un texte.");
    assert_eq!((errors[1].line, errors[1].item, errors[1].error.code), (Some(9), Some(3), "invalid_date"));
    assert!(
        errors[1].to_string().starts_with("ligne 9, élément 3, champ last_reviewed : Date invalide"),
        "{}",
        errors[1]
    );
    assert!(errors[1].error.message.contains("AAAA-MM-JJ"), "{}", errors[1].error.message);
}

#[test]
fn the_line_of_a_field_in_an_array_item_is_its_line_in_the_file() {
    let text = "[\n  {\"kind\": \"experience\"},\n  {\n    \"kind\": \"experience\",\n    \"pillars\": [\"x\"]\n  }\n]";

    let items = parse_json_file(text).expect("well-formed");

    assert_eq!((items[0].first_line, items[1].first_line), (2, 3));
    assert_eq!(items[1].line_of("pillars[0]"), Some(5));
}

#[test]
fn a_document_read_from_the_api_can_be_sent_back_with_its_meta() {
    let mut value = serde_json::to_value(experience()).expect("serializable");
    value["meta"] = serde_json::json!({"id": "http://127.0.0.1:8080/items/x", "revision": 3});

    let doc = parse_json_document(value.to_string().as_bytes()).expect("meta is accepted");

    assert!(doc.meta.is_some());
    assert_eq!(validate(doc, &vocab()).expect("valid").into_document(), experience());
}

#[test]
fn the_meta_echo_is_never_written_back() {
    let mut doc = experience();
    doc.meta = Some(serde_json::json!({"revision": 3}));

    let json = serde_json::to_value(&doc).expect("serializable");

    assert!(json.get("meta").is_none(), "{json}");
}

#[test]
fn a_minimal_json_document_gets_the_default_language_and_lifecycle() {
    let doc = parse_json_document(br#"{"kind": "experience", "title": "Retour"}"#).expect("minimal");

    assert_eq!(doc.language, "fr");
    assert_eq!(doc.lifecycle, Lifecycle::Draft);
}

fn json_error(value: serde_json::Value) -> FieldError {
    parse_json_document(value.to_string().as_bytes()).expect_err("must not parse").error
}

#[test]
fn a_wrong_json_type_is_reported_with_its_path() {
    let error = json_error(serde_json::json!({
        "kind": "project_sheet",
        "title": "x",
        "project_sheet": {"funding": [{"funder": "A"}, {"funder": "B", "amount_eur": "beaucoup"}]}
    }));
    assert_eq!((error.path.as_str(), error.code), ("project_sheet.funding[1].amount_eur", "invalid_type"));

    let error = json_error(serde_json::json!({"kind": "good_practice", "title": 42}));
    assert_eq!((error.path.as_str(), error.code), ("title", "invalid_type"));

    let error = json_error(serde_json::json!({"kind": "good_practice", "title": "x", "pillars": "recyclage"}));
    assert_eq!((error.path.as_str(), error.code), ("pillars", "invalid_type"));

    let error = json_error(
        serde_json::json!({"kind": "good_practice", "title": "x", "territory": {"name": "Foix", "lat": "nord"}}),
    );
    assert_eq!((error.path.as_str(), error.code), ("territory.lat", "invalid_type"));
}

#[test]
fn an_unknown_field_is_reported_with_its_name_and_place() {
    let error = json_error(serde_json::json!({"kind": "experience", "title": "x", "experience": {"registres": {}}}));

    assert_eq!(error.code, "unknown_field");
    assert!(error.path.starts_with("experience"), "{}", error.path);
    assert!(error.message.contains("registres"), "{}", error.message);
}

#[test]
fn an_unknown_kind_or_lifecycle_is_an_unknown_code() {
    let error = json_error(serde_json::json!({"kind": "fiche", "title": "x"}));
    assert_eq!((error.path.as_str(), error.code), ("kind", "unknown_code"));

    let error = json_error(serde_json::json!({"kind": "experience", "title": "x", "lifecycle": "publie"}));
    assert_eq!((error.path.as_str(), error.code), ("lifecycle", "unknown_code"));
}

#[test]
fn a_missing_field_inside_a_list_entry_is_required() {
    let error =
        json_error(serde_json::json!({"kind": "experience", "title": "x", "documents": [{"title": "Sans lien"}]}));

    assert_eq!((error.path.as_str(), error.code), ("documents[0]", "required"));
    assert!(error.message.contains("url"), "{}", error.message);
}

#[test]
fn malformed_json_is_reported_with_its_line() {
    let text = "[\n  {\n    \"kind\": \"experience\"\n    \"title\": \"virgule oubliée\"\n  }\n]";

    let errors = parse_json_file(text).expect_err("a comma is missing");

    let error = &errors[0];
    assert_eq!(error.error.code, "invalid_json");
    assert_eq!(error.line, Some(4));
    assert!(error.to_string().starts_with("ligne 4"), "{error}");
    assert!(error.error.message.starts_with("JSON mal formé, ligne 4, colonne 5 : "), "{}", error.error.message);
    assert!(!error.error.message.contains("expected"), "the parser's English stays out: {}", error.error.message);
}

#[test]
fn a_truncated_json_file_is_malformed() {
    let errors = parse_json_file("{\"kind\": \"experience\",").expect_err("truncated");

    assert_eq!(errors[0].error.code, "invalid_json");
}

// ---------------------------------------------------------------------------------------
// Markdown files
// ---------------------------------------------------------------------------------------

const HANDWRITTEN: &str = "---
kind: good_practice
slug: compostage-partage
title: Le compostage partagé en pied d'immeuble
summary: Une méthode éprouvée.
lifecycle: published
license: CC-BY-4.0
authors:
  - name: Camille
territory:
  name: Marseille
  scale: commune
good_practice:
  problem: Les biodéchets partent à l'incinération.
  objectives: [Réduire les déchets]
  steps:
    - name: Trouver un site
  resources_needed:
    human: Un guide composteur
  maturity: eprouvee
  transferability: Partout où il y a un pied d'immeuble.
---

# Le compostage

Un corps en **Markdown**.
";

#[test]
fn a_handwritten_markdown_file_parses_and_is_valid() {
    let doc = parse_markdown_file(HANDWRITTEN).expect("a well-formed file");

    assert_eq!(doc.kind, Some(Kind::GoodPractice));
    assert_eq!(doc.slug.as_deref(), Some("compostage-partage"));
    assert_eq!(doc.body, "# Le compostage\n\nUn corps en **Markdown**.");
    assert_eq!(doc.good_practice.as_ref().map(|g| g.steps.len()), Some(1));
    assert_eq!(errors_of(doc), Vec::new());
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_accepted() {
    let text = format!("\u{feff}{}", HANDWRITTEN.replace('\n', "\r\n"));

    let doc = parse_markdown_file(&text).expect("CRLF and BOM");

    assert_eq!(doc.title, "Le compostage partagé en pied d'immeuble");
    assert_eq!(errors_of(doc), Vec::new());
}

#[test]
fn every_kind_survives_a_markdown_round_trip_unchanged() {
    for doc in [project_sheet(), good_practice(), experience()] {
        let text = to_markdown_file(&doc).expect("serializable");
        let back = parse_markdown_file(&text).unwrap_or_else(|e| panic!("{:?}: {e}\n{text}", doc.kind));
        assert_eq!(back, doc, "{:?}\n{text}", doc.kind);
    }
}

#[test]
fn trailing_blank_lines_are_not_part_of_a_markdown_body() {
    // Files end with a newline (and editors add more); a stored body never does.
    let text = format!("{HANDWRITTEN}\n\n  \n");

    let doc = parse_markdown_file(&text).expect("parses");

    assert_eq!(doc.body, "# Le compostage\n\nUn corps en **Markdown**.");
}

#[test]
fn multi_line_fields_that_look_like_yaml_or_a_front_matter_end_survive_a_markdown_round_trip() {
    let mut doc = project_sheet();
    sheet_mut(&mut doc).human_means = Some("Ligne 1\n---\nkind: experience\n  - indentée".into());
    doc.summary = "« Guillemets » : deux-points, # dièse, - tiret, 'apostrophes', \"doubles\"".into();
    doc.tags = vec!["no".into(), "null".into(), "~".into(), "1e3".into(), "0x10".into(), "true".into()];

    let back = parse_markdown_file(&to_markdown_file(&doc).expect("serializable")).expect("parses");

    assert_eq!(back, doc);
}

#[test]
fn a_validated_document_survives_a_markdown_round_trip_whatever_the_blank_lines_around_its_body() {
    for body in ["\n\nTexte", "Texte\n\n", "Texte  ", "    du code indenté\n", "\r\nTexte\r\n"] {
        let mut doc = experience();
        doc.body = body.into();
        let valid = validate(doc, &vocab()).expect("valid").into_document();

        let back = parse_markdown_file(&to_markdown_file(&valid).expect("serializable")).expect("parses");

        assert_eq!(back, valid, "{body:?}");
    }
}

#[test]
fn a_minimal_draft_survives_a_markdown_round_trip() {
    let doc = draft(Kind::ProjectSheet, "Idée");

    let back = parse_markdown_file(&to_markdown_file(&doc).expect("serializable")).expect("parses");

    assert_eq!(back, doc);
}

#[test]
fn a_markdown_file_without_front_matter_is_refused_at_line_1() {
    let error = parse_markdown_file("# Titre\n\nTexte").expect_err("no front matter");
    assert_eq!((error.line, error.error.code), (Some(1), "missing_front_matter"));

    let error = parse_markdown_file("---\nkind: experience\ntitle: x\n\nTexte").expect_err("not closed");
    assert_eq!((error.line, error.error.code), (Some(1), "missing_front_matter"));
}

#[test]
fn a_wrong_type_in_the_front_matter_gives_the_file_line_and_the_path() {
    let text = HANDWRITTEN.replace("  name: Marseille\n", "  name: Marseille\n  lat: nord\n");
    let line = 1 + text.lines().position(|l| l == "  lat: nord").expect("inserted");

    let error = parse_markdown_file(&text).expect_err("lat is a number");

    assert_eq!(error.error.path, "territory.lat");
    assert_eq!(error.error.code, "invalid_type");
    assert_eq!(error.line, Some(line));
}

#[test]
fn an_unknown_front_matter_key_is_refused() {
    let text = HANDWRITTEN.replace("lifecycle: published\n", "lifecycle: published\nauteur: Camille\n");

    let error = parse_markdown_file(&text).expect_err("auteur is not a field");

    assert_eq!(error.error.code, "unknown_field");
    assert!(error.error.message.contains("auteur"), "{}", error.error.message);
}

#[test]
fn the_line_of_a_field_is_found_in_yaml_and_json_sources() {
    let line = line_of_field(HANDWRITTEN, "good_practice.maturity");
    assert_eq!(line, Some(1 + HANDWRITTEN.lines().position(|l| l == "  maturity: eprouvee").expect("present")));

    let json = "{\n  \"kind\": \"experience\",\n  \"pillars\": [\"x\"]\n}";
    assert_eq!(line_of_field(json, "pillars[0]"), Some(3));
    assert_eq!(line_of_field(json, "$"), None);
}

#[test]
fn a_file_error_reads_as_line_field_message_and_code() {
    let text = HANDWRITTEN.replace("  scale: commune", "  scale: [commune]");

    let error = parse_markdown_file(&text).expect_err("scale is a string");
    let shown = error.to_string();

    assert!(
        shown.starts_with("ligne 12, champ territory.scale : Type incorrect : reçu une liste, attendu un texte."),
        "{shown}"
    );
    assert!(shown.ends_with("(invalid_type)"), "{shown}");
    assert!(!shown.contains("line"), "one line number, in French: {shown}");
}
