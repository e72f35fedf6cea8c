//! Items that tests publish. The three rich ones fill every field of the model: they are
//! struct literals without `..Default::default()`, so a field added to the content model
//! must be added here too, or the tests stop compiling.

use chrono::{NaiveDate, TimeZone, Utc};
use maillage::content::item::*;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn s(text: &str) -> String {
    text.to_owned()
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| (*t).to_owned()).collect()
}

fn effect(beneficiary: &str, text: &str, kind: &str, evidence: &str) -> UsefulEffect {
    UsefulEffect { beneficiary: s(beneficiary), effect: s(text), kind: s(kind), evidence: s(evidence) }
}

/// The DYNAMO demonstrator of the PETR de l'Ariège (seed 002), every field filled.
pub fn dynamo_project_sheet() -> ItemDocument {
    ItemDocument {
        slug: some("dynamo-ariege"),
        kind: Some(Kind::ProjectSheet),
        title: s("DYNAMO : pour un système alimentaire qui change en Ariège"),
        summary: s("Démonstrateur territorial des transitions agricoles et alimentaires (France 2030) porté par le PETR de l'Ariège avec la Chambre d'agriculture : relocaliser une alimentation de qualité et faire émerger un système alimentaire du milieu."),
        body: s("## Un système alimentaire du milieu\n\nEntre la vente directe et les filières longues, un territoire rural comme l'Ariège, adossé à Toulouse, peut emprunter une **voie alternative**.\n\n---\n\n| hypothèse | pari |\n|---|---|\n| 1 | volumes *et* valeur ajoutée |\n\n> « Miser sur l'effet d'entraînement » : 50 % d'aide aux investissements."),
        language: s("fr"),
        translations: vec![Translation {
            language: s("oc"),
            title: s("DYNAMO : per un sistèma alimentari que cambia en Arièja"),
            summary: s("Demostrator territorial de las transicions agricòlas e alimentàrias."),
            body: s("Un sistèma alimentari del mitan."),
        }],
        license: some("CC-BY-SA-4.0"),
        authors: vec![
            Author { name: s("Camille Durand"), role: some("chargée de mission alimentation, PETR de l'Ariège") },
            Author { name: s("Service communication du PETR"), role: None },
        ],
        territory: Territory {
            codes: strings(&["commune:09122", "epci:200067791"]),
            label: some("Ariège"),
            name: s("Ariège"),
            scale: some("departement"),
            insee_code: None,
            epci_code: None,
            lat: Some(42.9653),
            lon: Some(1.6070),
        },
        pillars: strings(&["approvisionnement_durable", "ecologie_industrielle_territoriale", "consommation_responsable"]),
        activity_domains: strings(&["agriculture", "alimentation", "transport"]),
        resources: strings(&["alimentaire", "emploi", "confiance"]),
        food_themes: strings(&["circuits_courts", "logistique_alimentaire", "projet_alimentaire_territorial"]),
        target_audiences: strings(&["agriculteurs", "entreprises", "collectivites"]),
        tags: strings(&["SYAM", "France 2030", "démonstrateur", "2030"]),
        documents: vec![
            DocumentLink {
                title: s("Dossier de candidature DYNAMO"),
                url: s("https://www.example.org/petr-ariege/dynamo-candidature.pdf"),
                kind: some("document"),
                media_type: some("application/pdf"),
                license: some("CC-BY-4.0"),
            },
            DocumentLink {
                title: s("Les SYAM expliqués en vidéo"),
                url: s("https://video.example.org/w/syam?start=12#chapitre-2"),
                kind: some("video"),
                media_type: None,
                license: None,
            },
        ],
        media: Vec::new(),
        inspired_by: strings(&["https://toulouse.example.org/items/pat-grand-toulouse"]),
        contacts: vec![
            Contact {
                organisation: some("PETR de l'Ariège"),
                person: some("Camille Durand"),
                role: some("chargée de mission alimentation"),
                email: some("alimentation@petr-ariege.example.org"),
                phone: some("05 61 00 00 00"),
                website: some("https://www.example.org/petr-ariege"),
                public: true,
            },
        ],
        sources: vec![Source {
            url: some("https://www.example.org/petr-ariege/dynamo"),
            title: some("La dynamique DYNAMO"),
            consulted: some("2026-09-01"),
        }],
        recognitions: vec![
            Recognition {
                name: s("Lauréat de l'AMI Démonstrateurs territoriaux"),
                kind: s("laureat"),
                issuer: some("État – France 2030"),
                date: some("2024-10"),
                valid_until: None,
                details: some("Seconde vague, parmi une trentaine de lauréats"),
            },
            Recognition {
                name: s("Label PAT"),
                kind: s("label"),
                issuer: some("Ministère de l'Agriculture"),
                date: some("2021"),
                valid_until: some("2029"),
                details: None,
            },
        ],
        page_author: some("Service communication du PETR"),
        page_moderator: some("Réseau national des PAT"),
        lifecycle: Lifecycle::Published,
        published: Some(Utc.with_ymd_and_hms(2025, 3, 14, 9, 30, 0).single().expect("a real instant")),
        last_reviewed: Some(date(2026, 9, 1)),
        review_due: Some(date(2027, 9, 1)),
        project_sheet: Some(ProjectSheet {
            carrier: Some(Organisation {
                name: s("PETR de l'Ariège"),
                org_type: some("petr"),
                siren: some("200034395"),
                siret: some("20003439500018"),
                rna: some("W091000123"),
            }),
            nature: some("Démonstrateur territorial des transitions agricoles et alimentaires"),
            context: some("L'AMI France 2030 accompagne la transformation des systèmes alimentaires : intrants, souveraineté, GES."),
            approach: some("Triple performance ; trois boucles d'innovation."),
            phase: some("realisation"),
            status: some("en_cours"),
            location: some("Foix"),
            perimeter: some("Département de l'Ariège"),
            start_date: some("2025"),
            end_date: some("2030-12-31"),
            partners: vec![
                Partner {
                    name: s("Chambre d'agriculture de l'Ariège"),
                    role: some("co-pilote"),
                    org_type: some("chambre_consulaire"),
                    siren: some("180900019"),
                    relationship: some("consortium"),
                },
                Partner { name: s("ESPELIA"), role: some("assistance"), org_type: some("entreprise"), siren: None, relationship: some("marche_public") },
            ],
            consortium: strings(&["PETR de l'Ariège", "Chambre d'agriculture de l'Ariège", "Coopérative Ariège Fruits"]),
            total_cost_eur: Some(6_800_000.0),
            funding: vec![
                FundingLine {
                    funder: s("État – France Relance"),
                    amount_eur: Some(3_400_000.0),
                    funding_type: some("aap_ami"),
                    status: some("acquis"),
                    programme: some("AMI Démonstrateurs territoriaux des transitions agricoles et alimentaires – France 2030"),
                    period: Some(Period { start: some("2025"), end: some("2030") }),
                    rate_percent: Some(50.0),
                    eligible_base_eur: Some(6_800_000.0),
                    tax_basis: some("ht"),
                    share_percent: Some(50.0),
                    purpose: some("Investissements innovants"),
                    plan: some("Plan 2025-2030"),
                },
                FundingLine {
                    funder: s("Région Occitanie"),
                    amount_eur: Some(250_000.5),
                    funding_type: some("subvention_locale"),
                    status: some("en_negociation"),
                    programme: None,
                    period: None,
                    rate_percent: None,
                    eligible_base_eur: None,
                    tax_basis: None,
                    share_percent: None,
                    purpose: None,
                    plan: None,
                },
                FundingLine {
                    funder: s("Entreprises bénéficiaires"),
                    amount_eur: None,
                    funding_type: some("fonds_propres"),
                    status: some("reste_a_financer"),
                    programme: None,
                    period: None,
                    rate_percent: None,
                    eligible_base_eur: None,
                    tax_basis: None,
                    share_percent: None,
                    purpose: None,
                    plan: None,
                },
            ],
            objectives: vec![
                Objective::plain("Relocaliser une alimentation de qualité sur le territoire"),
                Objective { text: s("Bâtir un système alimentaire du milieu"), level: some("finalite") },
                Objective { text: s("Associer la société civile"), level: some("strategique") },
                Objective { text: s("Déclencher des mises en marché de gros volumes"), level: some("operationnel") },
            ],
            hypotheses: strings(&["Une voie alternative cumulant volumes et valeur ajoutée"]),
            risks: strings(&["Le « piège » du local", "Reproduire des privilèges sociaux"]),
            stages: vec![
                Stage { name: s("Candidature à la seconde vague de l'AMI"), start: some("2024-02"), end: some("2024-10"), description: some("Avec la Chambre d'agriculture.") },
                Stage { name: s("Plan d'action"), start: some("2025-01-06"), end: None, description: None },
            ],
            work_packages: vec![
                WorkPackage { code: s("Gt1"), name: s("Logistique et plateformes"), description: some("Mutualiser le dernier kilomètre.") },
                WorkPackage { code: s("Gt2"), name: s("Transformation"), description: None },
            ],
            human_means: some("Deux chargés de mission à temps plein"),
            staffing: vec![
                Staffing { role: s("Chargé de mission"), organisation: some("PETR de l'Ariège"), fte_percent: Some(200.0), headcount: Some(2) },
                Staffing { role: s("Directeur"), organisation: None, fte_percent: Some(10.0), headcount: None },
            ],
            technical_means: some("Légumerie, outil de planification des flux"),
            practices_used: strings(&["https://marseille.example.org/items/methode-effets-utiles"]),
            external_methods: vec![
                Reference { title: s("Diagramme des exigences"), url: None },
                Reference { title: s("Chemin de l'impact"), url: some("https://www.example.org/chemin-impact") },
            ],
            qualitative_results: some("Une coopération renforcée entre producteurs et transformateurs."),
            key_figures: vec![
                KeyFigure { indicator: s("Investissements soutenus"), value: 3_400_000.0, unit: some("EUR HT"), date: some("2030"), baseline: Some(0.0), target: Some(3_400_000.0) },
                KeyFigure { indicator: s("Taux d'aide"), value: 0.5, unit: None, date: None, baseline: None, target: None },
            ],
            useful_effects: vec![
                effect("Petits producteurs", "Des débouchés réguliers à prix rémunérateur", "direct", "hypothese"),
                effect("Habitants de Foix", "Une offre locale accessible", "externalite", "observe"),
            ],
            evaluation_dimensions: strings(&["Souveraineté alimentaire", "Émissions de GES"]),
            events: vec![
                Event {
                    name: s("Focus group n° 3 – Distribution"),
                    date: some("2024-03-14"),
                    place: some("Tarascon-sur-Ariège"),
                    format: some("focus_group"),
                    speakers: strings(&["Olivier Dauvers"]),
                    hosts: strings(&["Parc de la Préhistoire"]),
                    attendance: Some(50),
                    description: some("Conférence – table ronde"),
                },
                Event { name: s("Rencontres DYNAMO"), date: some("2026-06"), place: None, ..Default::default() },
            ],
            registers: Some(SixRegisters {
                governance: some("Une gouvernance de proximité"),
                contracting: some("Un cahier des charges complet"),
                ..Default::default()
            }),
        }),
        good_practice: None,
        experience: None,
        meta: None,
    }
}

/// The seven-step method to find useful effects (seed 003), every field filled.
pub fn useful_effects_method() -> ItemDocument {
    ItemDocument {
        slug: some("methode-effets-utiles"),
        kind: Some(Kind::GoodPractice),
        title: s("Repérer les effets utiles d'une dynamique locale en sept étapes"),
        summary: s("Une méthode pour repérer, avec les acteurs, les effets utiles et les externalités d'un projet alimentaire, toujours rattachés à un bénéficiaire."),
        body: s("Partir de ce qui est produit **aujourd'hui** pour penser le modèle économique de *demain*."),
        language: s("fr"),
        translations: vec![Translation { language: s("en"), title: s("Finding useful effects in seven steps"), summary: s(""), body: s("") }],
        license: some("CC-BY-4.0"),
        authors: vec![Author { name: s("ATEMIS"), role: some("laboratoire d'intervention") }],
        territory: Territory {
            codes: strings(&["commune:13055"]),
            label: some("Marseille"),
            name: s("Marseille"),
            scale: some("commune"),
            insee_code: None,
            epci_code: None, lat: Some(43.2965), lon: Some(5.3698) },
        pillars: strings(&["economie_fonctionnalite"]),
        activity_domains: strings(&["alimentation", "action_sociale"]),
        resources: strings(&["cooperation", "connaissance_tissu_acteurs"]),
        food_themes: strings(&["precarite_alimentaire"]),
        target_audiences: strings(&["associations", "acteurs_ess"]),
        tags: strings(&["effets utiles", "six registres"]),
        documents: vec![DocumentLink { title: s("Support d'atelier"), url: s("https://www.example.org/tav/atelier.pdf"), kind: some("presentation"), media_type: some("application/pdf"), license: some("CC-BY-4.0") }],
        media: Vec::new(),
        inspired_by: Vec::new(),
        contacts: vec![Contact { organisation: some("ATEMIS"), website: some("https://www.example.org/atemis"), ..Default::default() }],
        sources: Vec::new(),
        recognitions: Vec::new(),
        page_author: None,
        page_moderator: None,
        lifecycle: Lifecycle::Published,
        published: None,
        last_reviewed: None,
        review_due: None,
        project_sheet: None,
        good_practice: Some(GoodPractice {
            problem: some("Les effets d'une dynamique locale restent invisibles aux financeurs."),
            objectives: strings(&["Rendre visibles les effets utiles", "Préparer un modèle économique"]),
            target_actors: strings(&["Épiceries solidaires", "Collectivités"]),
            steps: vec![
                Step {
                    name: s("Choisir une action pour tirer les fils"),
                    section: some("Démarche initiale"),
                    description: some("Partir de l'accompagnement des épiceries."),
                    tools: strings(&["Carte des acteurs"]),
                    participants: strings(&["Porteurs", "Animateurs"]),
                    duration: some("une demi-journée"),
                },
                Step { name: s("Associer un bénéficiaire à chaque effet"), section: some("Démarche initiale"), description: None, tools: Vec::new(), participants: Vec::new(), duration: None },
                Step { name: s("Étendre aux autres acteurs"), section: some("Extension à d'autres acteurs"), description: None, tools: Vec::new(), participants: Vec::new(), duration: some("deux mois") },
            ],
            tools_and_supports: strings(&["Grille des six registres"]),
            resources_needed: ResourcesNeeded { human: some("Un animateur formé"), financial: some("2 000 € par atelier"), technical: some("Une salle, un tableau") },
            success_factors: strings(&["Un animateur extérieur"]),
            pitfalls: strings(&["Ne pas disperser l'énergie des acteurs"]),
            maturity: some("eprouvee"),
            transferability: some("Transférable à tout territoire doté d'un collectif d'acteurs alimentaires."),
            evidence: strings(&["https://marseille.example.org/items/tav-marseille"]),
        }),
        experience: None,
        meta: None,
    }
}

/// What Territoires à VivreS Marseille learned (seeds 001 and 004), with the six registers.
pub fn tav_marseille_experience() -> ItemDocument {
    ItemDocument {
        slug: some("tav-marseille-effets-utiles"),
        kind: Some(Kind::Experience),
        title: s("Territoires à VivreS Marseille : les effets utiles de l'accompagnement des épiceries"),
        summary: s("Séance du 17 juin 2022 : les effets utiles et les externalités produits par l'accompagnement des épiceries solidaires, pour qui, et ce qu'ils disent du modèle économique de demain."),
        body: s("Un premier travail d'une demi-journée avec Louise et Jonathan.\n\n1. Présentation\n2. Travail en binôme\n3. Mise en commun"),
        language: s("fr"),
        translations: Vec::new(),
        license: some("CC-BY-NC-SA-4.0"),
        authors: vec![Author { name: s("Louise"), role: some("animatrice") }, Author { name: s("Jonathan"), role: None }],
        territory: Territory {
            codes: strings(&["commune:13055", "epci:200054807"]),
            label: some("Marseille quartiers nord"),
            name: s("Marseille quartiers nord"),
            scale: some("quartier"),
            insee_code: None,
            epci_code: None, lat: Some(43.35), lon: Some(5.38) },
        pillars: strings(&["consommation_responsable"]),
        activity_domains: strings(&["alimentation", "commerce"]),
        resources: strings(&["alimentaire", "confiance", "competences"]),
        food_themes: strings(&["precarite_alimentaire", "circuits_courts"]),
        target_audiences: strings(&["personnes_precaires", "associations"]),
        tags: strings(&["TàV", "épiceries solidaires"]),
        documents: Vec::new(),
        media: Vec::new(),
        inspired_by: strings(&["https://paris.example.org/items/epiceries-solidaires"]),
        contacts: Vec::new(),
        sources: vec![Source { url: None, title: some("Diaporama de la séance du 17 juin 2022"), consulted: None }],
        recognitions: Vec::new(),
        page_author: some("Louise"),
        page_moderator: None,
        lifecycle: Lifecycle::Published,
        published: Some(Utc.with_ymd_and_hms(2022, 6, 17, 14, 0, 0).single().expect("a real instant")),
        last_reviewed: Some(date(2026, 1, 10)),
        review_due: None,
        project_sheet: None,
        good_practice: None,
        experience: Some(Experience {
            about: Some(About { item: some("https://marseille.example.org/items/tav-marseille"), label: some("Territoires à VivreS Marseille") }),
            period: Some(Period { start: some("2021-09"), end: some("2022-06-17") }),
            speaker: Some(Speaker { name: some("Jonathan"), role: s("animateur") }),
            context: some("Des épiceries solidaires dans les quartiers nord, accompagnées 10 à 15 jours."),
            results: some("Une dizaine d'effets utiles repérés, pour six bénéficiaires."),
            difficulties: some("Les externalités sont difficiles à objectiver."),
            key_figures: vec![KeyFigure { indicator: s("Épiceries accompagnées"), value: 4.0, unit: some("épiceries"), date: some("2022"), baseline: None, target: None }],
            useful_effects: vec![
                effect("UCS 13", "Un approvisionnement régulier en produits frais", "direct", "observe"),
                effect("Les épiceries", "Des compétences de gestion", "direct", "evalue"),
                effect("Petits producteurs", "Un débouché de proximité", "externalite", "hypothese"),
            ],
            success_factors: strings(&["Des temps de rencontre avec le cercle élargi"]),
            recommendations: strings(&["Associer un bénéficiaire à chaque effet"]),
            registers: Some(SixRegisters {
                value_proposition: some("Une alimentation de qualité accessible à tous"),
                resources: some("La confiance et la connaissance du tissu d'acteurs"),
                organisation: some("Un cercle élargi et des binômes"),
                contracting: some("Des conventions d'accompagnement"),
                funding_and_value_sharing: some("Subventions, dons et ventes"),
                governance: some("Un comité réunissant épiceries et financeurs"),
            }),
            costs: some("15 jours d'accompagnement par épicerie"),
            funding: vec![FundingLine {
                funder: s("Fondation de France"),
                amount_eur: Some(20_000.0),
                funding_type: some("fondation"),
                status: some("acquis"),
                programme: some("Alimentation solidaire"),
                period: Some(Period { start: some("2022"), end: None }),
                share_percent: Some(40.0),
                ..Default::default()
            }],
            practices: strings(&["https://marseille.example.org/items/methode-effets-utiles"]),
            external_methods: vec![Reference { title: s("Grille ATEMIS des effets utiles"), url: None }],
        }),
        meta: None,
    }
}

/// A small but complete published good practice, for lists and search.
pub fn practice(slug: &str, title: &str, body: &str) -> ItemDocument {
    ItemDocument {
        slug: some(slug),
        kind: Some(Kind::GoodPractice),
        title: s(title),
        summary: s("Une pratique."),
        body: s(body),
        language: s("fr"),
        license: some("CC0-1.0"),
        authors: vec![Author { name: s("Équipe"), role: None }],
        territory: Territory {
            codes: strings(&["commune:33063"]),
            label: some("Bordeaux"),
            name: s("Bordeaux"),
            scale: some("commune"),
            ..Default::default()
        },
        lifecycle: Lifecycle::Published,
        good_practice: Some(GoodPractice {
            problem: some("Un problème."),
            objectives: strings(&["Un objectif"]),
            steps: vec![Step { name: s("Une étape"), ..Default::default() }],
            resources_needed: ResourcesNeeded { human: some("Une personne"), ..Default::default() },
            maturity: some("experimentale"),
            transferability: some("Partout."),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// A draft that holds only what a draft needs.
pub fn draft(slug: &str, title: &str) -> ItemDocument {
    ItemDocument {
        slug: some(slug),
        kind: Some(Kind::ProjectSheet),
        title: s(title),
        language: s("fr"),
        ..Default::default()
    }
}

/// A project sheet with every field filled.
pub fn full_project_sheet(slug: &str) -> serde_json::Value {
    let mut document = serde_json::json!({
        "slug": slug,
        "kind": "project_sheet",
        "title": "Plateforme d'économie circulaire du Pays d'Aix",
        "summary": "Mutualiser les flux de matières entre entreprises et collectivités.",
        "body": "## Contexte\n\nLe territoire a lancé une **opération** d'écologie industrielle.",
        "language": "fr",
        "license": "CC-BY-SA-4.0",
        "authors": [{ "name": "Claire Martin", "role": "cheffe de projet" }],
        "territory": { "name": "Pays d'Aix", "scale": "epci", "insee_code": "13001", "epci_code": "200054807", "lat": 43.52, "lon": 5.44 },
        "pillars": ["ecologie_industrielle_territoriale", "approvisionnement_durable"],
        "activity_domains": ["industrie", "agriculture"],
        "resources": ["dechet", "compost"],
        "food_themes": ["circuits_courts"],
        "target_audiences": ["entreprises", "collectivites"],
        "tags": ["synergies", "zone d'activités"],
        "documents": [{ "title": "Rapport", "url": "https://example.org/rapport.pdf", "media_type": "application/pdf", "license": "CC-BY-4.0" }],
        "inspired_by": ["https://example.org/items/methode"],
        "lifecycle": "published",
        "last_reviewed": "2025-01-15",
        "review_due": "2026-01-15"
    });
    document["project_sheet"] = serde_json::json!({
        "carrier": { "name": "Métropole Aix-Marseille-Provence", "org_type": "epci", "siren": "200054807" },
        "nature": "Opération territoriale",
        "phase": "operation",
        "status": "en_cours",
        "location": "Aix-en-Provence",
        "perimeter": "Pays d'Aix et Sud Luberon",
        "start_date": "2019-03",
        "end_date": "2024",
        "partners": [{ "name": "CCI Aix-Marseille", "role": "animation" }],
        "consortium": ["CCI", "Chambre d'agriculture"],
        "total_cost_eur": 250000.0,
        "funding": [
            { "funder": "ADEME", "amount_eur": 120000.0, "funding_type": "subvention_nationale", "status": "acquis", "programme": "AMI Démonstrateurs territoriaux – France 2030" },
            { "funder": "Région Sud", "amount_eur": 80000.5, "funding_type": "subvention_locale", "status": "en_negociation" }
        ],
        "objectives": ["Réduire les déchets", "Créer des emplois"],
        "stages": [{ "name": "Diagnostic", "start": "2019", "end": "2020", "description": "Cartographie des flux" }],
        "work_packages": [{ "code": "Gt1", "name": "Gouvernance", "description": "Pilotage" }],
        "human_means": "2 ETP",
        "technical_means": "Outil de cartographie",
        "practices_used": ["https://example.org/items/methode"],
        "qualitative_results": "Des coopérations nouvelles.",
        "key_figures": [{ "indicator": "Tonnes évitées", "value": 1200.0, "unit": "t", "date": "2023", "baseline": 0.0, "target": 2000.0 }],
        "useful_effects": [{ "beneficiary": "Entreprises de la zone", "effect": "Baisse des coûts de collecte", "kind": "direct", "evidence": "observe" }],
        "evaluation_dimensions": ["environnementale", "économique"],
        "events": [{ "name": "Forum", "date": "2023-06-12", "place": "Aix-en-Provence" }]
    });
    document
}
