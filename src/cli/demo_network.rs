//! `maillage demo`: a whole network on loopback in one process — three territory nodes
//! and a national coordination node — loaded with the demo items, following each other,
//! until Ctrl-C.

use super::demo::{demo_documents, rewrite_links};
use super::out;
use crate::operations::audit::Actor;
use crate::operations::{follow::follow, import::import_document};
use crate::settings::Settings;
use crate::startup::Application;
use anyhow::Context;
use figment::providers::Serialized;
use figment::Figment;
use std::path::{Path, PathBuf};

/// (username, display name, territory, demo items by slug prefix)
const TERRITORIES: &[(&str, &str, &str, &[&str])] = &[
    (
        "provence",
        "Aix-Marseille-Provence",
        "Provence",
        &["pays-aix", "marseille", "territoires-a-vivres-aix-marseille"],
    ),
    (
        "occitanie",
        "Ariège et Occitanie",
        "Occitanie",
        &["dynamo", "territoires-a-vivres-montpellier", "territoires-a-vivres-toulouse", "ecologie-economique"],
    ),
    (
        "lyon",
        "Métropole de Lyon",
        "Auvergne-Rhône-Alpes",
        &["territoires-a-vivres-lyon", "territoires-a-vivres", "grille-six-registres", "reperer-effets-utiles"],
    ),
];

fn settings(
    base: &Figment,
    data: &Path,
    port: u16,
    username: &str,
    name: &str,
    territory: &str,
) -> anyhow::Result<Settings> {
    let figment = base
        .clone()
        .merge(Serialized::default("server.port", port))
        .merge(Serialized::default("server.base_url", ""))
        .merge(Serialized::default("database.path", data.join(format!("{username}.db"))))
        .merge(Serialized::default("node.username", username))
        .merge(Serialized::default("node.display_name", name))
        .merge(Serialized::default("node.territory", territory))
        .merge(Serialized::default("federation.allow_http", true))
        .merge(Serialized::default("federation.allow_private_addresses", true));
    Ok(Settings::from_figment(figment)?)
}

/// Which territory holds a demo item.
fn territory_of(slug: &str) -> usize {
    // The longest matching prefix wins ("territoires-a-vivres-lyon" before "territoires-a-vivres").
    let mut best = (0, 0);
    for (index, (_, _, _, prefixes)) in TERRITORIES.iter().enumerate() {
        for prefix in *prefixes {
            if slug.starts_with(prefix) && prefix.len() > best.1 {
                best = (index, prefix.len());
            }
        }
    }
    best.0
}

pub async fn run(config: Option<&Path>, port: u16, data: PathBuf) -> anyhow::Result<()> {
    std::fs::create_dir_all(&data).with_context(|| format!("Failed to create {}", data.display()))?;
    let base = Settings::figment(config);
    let national =
        Application::build(settings(&base, &data, port, "national", "Coordination nationale", "France")?).await?;
    let mut territories = Vec::new();
    for (i, (username, name, territory, _)) in TERRITORIES.iter().enumerate() {
        let port = port + 1 + i as u16;
        territories.push(Application::build(settings(&base, &data, port, username, name, territory)?).await?);
    }
    let handles: Vec<_> = std::iter::once(&national).chain(territories.iter()).map(|a| a.handle()).collect();
    let nodes: Vec<_> = territories.iter().map(|a| a.node().clone()).collect();
    let national_node = national.node().clone();
    let mut servers = vec![tokio::spawn(national.run_until_stopped())];
    servers.extend(territories.into_iter().map(|a| tokio::spawn(a.run_until_stopped())));

    // Each item on its territory, with links pointing at the node that holds the target.
    let documents = demo_documents()?;
    let bases: Vec<String> = nodes.iter().map(|n| n.base_url.to_string()).collect();
    for (name, doc) in documents {
        let slug = doc.slug.clone().unwrap_or_default();
        let home = territory_of(&slug);
        let doc = rewrite_links(doc, &|target| Some(bases[territory_of(target)].clone()))?;
        import_document(&nodes[home], doc, &Actor::Cli("demo"))
            .await
            .with_context(|| format!("Failed to load demo/{name}"))?;
    }
    // Everyone follows everyone; the national node follows every territory.
    for (i, node) in nodes.iter().enumerate() {
        follow(&national_node, &node.actor_uri(), &Actor::Cli("demo")).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        for (j, other) in nodes.iter().enumerate() {
            if i != j {
                follow(node, &other.actor_uri(), &Actor::Cli("demo")).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            }
        }
    }

    out("Réseau de démonstration maillage en service :")?;
    out(&format!("  coordination nationale  {}reseau", national_node.base_url))?;
    for (node, (_, name, _, _)) in nodes.iter().zip(TERRITORIES) {
        out(&format!("  {name:<24} {}catalogue", node.base_url))?;
    }
    out(&format!("Données : {} — Ctrl-C pour tout arrêter.", data.display()))?;

    tokio::signal::ctrl_c().await.context("Failed to wait for Ctrl-C")?;
    out("Arrêt…")?;
    for handle in handles {
        handle.stop(true).await;
    }
    for server in servers {
        let _ = server.await;
    }
    Ok(())
}
