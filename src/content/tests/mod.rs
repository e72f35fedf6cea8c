//! Parsing and validation of every kind of item, as stories: what an editor, an import file
//! or a peer sends, and what the content model says about it.
//!
//! The three fixtures fill every field (struct literals without `..Default::default()`, so
//! a field added to the model must be added here too, or this file stops compiling).

mod codes_and_dates;
mod formats;
mod json_files;
mod markdown_files;
mod required;

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
