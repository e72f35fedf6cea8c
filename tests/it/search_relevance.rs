//! The relevance set: queries written from the words of the seed documents (French with
//! and without accents, singular and plural, inflected forms, compounds, English labels,
//! phrases, a word being typed), each with the demo items it must return, the one that
//! should come first listed first. Reports recall@10 and the rank of the first expected
//! item (`cargo test --test it relevance -- --nocapture`), and fails below the goals:
//! recall@10 ≥ 0.95 and the expected first item first for ≥ 80 % of the queries.

use crate::harness::{repo_path, TestNode};
use maillage::content::files::parse_markdown_file;

const AIX: &str = "pays-aix-sud-luberon-ecosysteme-alimentaire";
const DYNAMO: &str = "dynamo-ariege";
const TAV: &str = "territoires-a-vivres";
const SEVEN_STEPS: &str = "ecologie-economique-territoriale-7-etapes";
const REGISTERS: &str = "grille-six-registres-modele-economique";
const EFFECTS: &str = "reperer-effets-utiles-projet-territorial";
const MARSEILLE: &str = "marseille-effets-utiles-epiceries";
const TAV_AIX: &str = "territoires-a-vivres-aix-marseille";
const TAV_LYON: &str = "territoires-a-vivres-lyon";
const TAV_MONTPELLIER: &str = "territoires-a-vivres-montpellier";
const TAV_TOULOUSE: &str = "territoires-a-vivres-toulouse";

/// (query, expected items, the one expected first listed first).
const QUERIES: &[(&str, &[&str])] = &[
    // Montpellier has "agroécologie" only: joined compounds are not split.
    ("écologie", &[SEVEN_STEPS, AIX, DYNAMO, TAV_AIX, TAV_LYON]),
    ("ecologique", &[SEVEN_STEPS, AIX, DYNAMO, TAV_AIX, TAV_LYON]),
    ("écologies territoriales", &[SEVEN_STEPS]),
    ("agroécologiques", &[DYNAMO, TAV_MONTPELLIER]),
    ("agro-écologie", &[DYNAMO, TAV_MONTPELLIER]),
    ("transition", &[DYNAMO, TAV, SEVEN_STEPS, TAV_AIX, TAV_MONTPELLIER]),
    ("réplicabilité", &[DYNAMO]),
    ("replicabilite", &[DYNAMO]),
    ("épiceries solidaires", &[TAV_AIX, MARSEILLE]),
    ("l'accompagnement des épiceries", &[MARSEILLE, TAV_AIX]),
    ("\"effets utiles\" épiceries", &[MARSEILLE]),
    ("repérer les effets utiles", &[EFFECTS]),
    ("Functional economy", &[REGISTERS]),
    ("maraîchers", &[AIX]),
    ("maraicher", &[AIX]),
    ("maraîch", &[AIX]),
    ("jeunes maraîchers", &[AIX]),
    ("Luberon", &[AIX]),
    ("économie circulaire", &[AIX, SEVEN_STEPS]),
    ("caisse alimentaire commune", &[TAV_MONTPELLIER, TAV]),
    ("comité citoyen", &[TAV_MONTPELLIER, TAV]),
    ("Montpellier", &[TAV_MONTPELLIER]),
    ("pôle logistique", &[TAV_LYON, TAV]),
    ("coopération logistique", &[TAV_LYON]),
    ("Lyon", &[TAV_LYON]),
    ("sécurité sociale de l'alimentation", &[TAV_LYON]),
    ("patrimoine immatériel", &[TAV_TOULOUSE, TAV, MARSEILLE]),
    ("accessibilité alimentaire", &[TAV_TOULOUSE, MARSEILLE, TAV_AIX]),
    ("Toulouse", &[TAV_TOULOUSE]),
    ("six registres", &[REGISTERS, TAV, EFFECTS, MARSEILLE]),
    ("analyser le modèle économique", &[REGISTERS]),
    ("modeles economiques", &[REGISTERS, EFFECTS, TAV, MARSEILLE]),
    ("économies d'intégration", &[TAV_AIX]),
    ("alimentation saine et durable", &[TAV, TAV_AIX, TAV_LYON, TAV_MONTPELLIER, TAV_TOULOUSE, MARSEILLE]),
    ("Territoires à VivreS", &[TAV, TAV_AIX, TAV_LYON, TAV_MONTPELLIER, TAV_TOULOUSE]),
    ("DYNAMO", &[DYNAMO]),
    ("ariege", &[DYNAMO, TAV_TOULOUSE]),
    ("démonstrateur territorial", &[DYNAMO]),
    ("France 2030", &[DYNAMO]),
    ("Chambre d'agriculture", &[DYNAMO]),
    ("zones rurales", &[SEVEN_STEPS]),
    ("semi-urbaines", &[SEVEN_STEPS]),
    ("7 étapes", &[SEVEN_STEPS]),
    ("entrepreneuriat", &[AIX]),
];

#[tokio::test]
async fn the_relevance_set_meets_its_goals() {
    let app = TestNode::spawn().await;
    load_demo_items(&app).await;

    let mut recalls = Vec::new();
    let mut first_first = 0;
    let mut report = String::from("query | recall@10 | rank of the first expected | total | top 3\n");
    for (query, expected) in QUERIES {
        let listing = app.public().list_ok(&[("q", query), ("per_page", "10")]).await;
        let found = listing.slugs();
        let recall = expected.iter().filter(|e| found.contains(e)).count() as f64 / expected.len() as f64;
        let rank = found.iter().position(|s| s == &expected[0]).map(|r| r + 1);
        recalls.push(recall);
        first_first += usize::from(rank == Some(1));
        let top: Vec<&str> = found.iter().take(3).copied().collect();
        report.push_str(&format!("{query} | {recall:.2} | {rank:?} | {} | {top:?}\n", listing.total));
    }
    let recall_at_10 = recalls.iter().sum::<f64>() / recalls.len() as f64;
    let first_share = first_first as f64 / QUERIES.len() as f64;
    eprintln!(
        "{report}{} queries: recall@10 {recall_at_10:.3}, expected first item first {:.1} %",
        QUERIES.len(),
        first_share * 100.0
    );

    assert!(QUERIES.len() >= 40);
    assert!(recall_at_10 >= 0.95, "recall@10 {recall_at_10:.3} < 0.95\n{report}");
    assert!(first_share >= 0.80, "first item first {:.1} % < 80 %\n{report}", first_share * 100.0);
}

/// The demo items, created through the API in file order.
async fn load_demo_items(app: &TestNode) {
    let mut files: Vec<_> =
        std::fs::read_dir(repo_path("demo")).expect("demo/ is readable").flatten().map(|e| e.path()).collect();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "md")) {
        let text = std::fs::read_to_string(path).expect("a demo file is readable");
        let doc = parse_markdown_file(&text).expect("a demo file parses");
        app.create_ok(&doc).await;
    }
}
