//! `maillage demo`: a whole network on loopback in one process — a national coordination
//! node and three territory nodes — each in its own node folder (`maillage-demo/NAME/`,
//! with its `maillage.toml`, so that every other command finds it with `--node NAME`),
//! loaded with its own demo items, all following each other, until Ctrl-C or SIGTERM.

use super::demo::{demo_documents, import_with_files, rewrite_links};
use super::node_folder::DEMO_FOLDER;
use super::out;
use crate::msg;
use crate::operations::people::audit::Actor;
use crate::operations::{outbound::follow::follow, Node};
use crate::settings::{Settings, NODE_SETTINGS_FILE};
use crate::startup::Application;
use anyhow::Context;
use figment::providers::{Format, Toml};
use std::path::{Path, PathBuf};

/// A node of the demo network.
struct DemoNode {
    /// Its name: the actor's username and its folder's name.
    name: &'static str,
    display_name: &'static str,
    territory: &'static str,
    summary: &'static str,
    /// The page to open first.
    home: &'static str,
    /// The demo items it holds, by slug (a prefix matches, the longest wins).
    items: &'static [&'static str],
}

/// The network, the coordination node first (it takes the base port, the others the next
/// ones). Each node holds only its own territory's items; the national programme and the
/// methods that are not tied to one territory are the coordination node's.
const NODES: &[DemoNode] = &[
    DemoNode {
        name: "national",
        display_name: "Coordination nationale",
        territory: "country:FR",
        summary: "Coordination nationale : programmes et méthodes communs, vue d'ensemble des territoires.",
        home: "reseau",
        items: &["territoires-a-vivres", "ecologie-economique", "grille-six-registres", "reperer-effets-utiles"],
    },
    DemoNode {
        name: "provence",
        display_name: "Aix-Marseille-Provence",
        territory: "epci:200054807",
        summary: "Fiches projet et retours d'expérience de la métropole Aix-Marseille-Provence et du Pays d'Aix.",
        home: "catalogue",
        items: &["pays-aix", "marseille", "territoires-a-vivres-aix-marseille"],
    },
    DemoNode {
        name: "occitanie",
        display_name: "Occitanie",
        territory: "region:76",
        summary: "Fiches projet et retours d'expérience d'Occitanie : Ariège, Montpellier, Toulouse.",
        home: "catalogue",
        items: &["dynamo", "territoires-a-vivres-montpellier", "territoires-a-vivres-toulouse"],
    },
    DemoNode {
        name: "lyon",
        display_name: "Métropole de Lyon",
        territory: "epci:200046977",
        summary: "Fiches projet et retours d'expérience de la métropole de Lyon.",
        home: "catalogue",
        items: &["territoires-a-vivres-lyon"],
    },
];

/// Which node holds a demo item: the longest matching slug prefix wins
/// ("territoires-a-vivres-lyon" before "territoires-a-vivres").
fn holder_of(slug: &str) -> usize {
    let mut best = (0, 0);
    for (index, node) in NODES.iter().enumerate() {
        for prefix in node.items {
            if slug.starts_with(prefix) && prefix.len() > best.1 {
                best = (index, prefix.len());
            }
        }
    }
    best.0
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Writes the node's settings file, the one `--node NAME` reads.
fn write_settings(folder: &Path, node: &DemoNode, port: u16) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(folder)
        .with_context(|| msg!("cli-cannot-create-folder", path = folder.display().to_string()))?;
    let file = folder.join(NODE_SETTINGS_FILE);
    let text = format!(
        "# Settings of the demo node \"{name}\", written by `maillage demo` (rewritten at each run).\n\
         # Every command finds them with `maillage --node {name} …` from the folder holding {DEMO_FOLDER}/.\n\n\
         [server]\nport = {port}\n\n\
         [node]\nusername = {username}\ndisplay_name = {display_name}\nsummary = {summary}\nterritory = {territory}\n\n\
         [database]\npath = \"maillage.db\"\n\n\
         # Loopback peers over plain http: a demo, never production.\n\
         [federation]\nallow_http = true\nallow_private_addresses = true\n",
        name = node.name,
        username = toml_string(node.name),
        display_name = toml_string(node.display_name),
        summary = toml_string(node.summary),
        territory = toml_string(node.territory),
    );
    std::fs::write(&file, text).with_context(|| msg!("cli-cannot-write", path = file.display().to_string()))?;
    Ok(file)
}

/// The node's settings: the defaults, the `--config` file, then its own settings file.
fn settings(config: Option<&Path>, folder: &Path, file: &Path) -> anyhow::Result<Settings> {
    let figment = Settings::figment(config).merge(Toml::file_exact(file));
    Ok(Settings::from_figment(figment)?.in_folder(folder))
}

pub async fn run(config: Option<&Path>, port: u16, data: PathBuf) -> anyhow::Result<()> {
    // Before any settings file is rewritten: a demo already running keeps its own.
    for offset in 0..NODES.len() as u16 {
        let port = port.checked_add(offset).context(msg!("cli-demo-ports-out-of-range"))?;
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_err() {
            anyhow::bail!(msg!("cli-demo-port-in-use", port = port));
        }
    }
    let mut applications = Vec::new();
    for (offset, demo) in NODES.iter().enumerate() {
        let folder = data.join(demo.name);
        let port = port + offset as u16;
        let file = write_settings(&folder, demo, port)?;
        let settings = settings(config, &folder, &file)?;
        if offset == 0 {
            crate::telemetry::init(&settings.log.quieter_by_default());
        }
        applications.push(Application::build(settings).await?);
    }
    let handles: Vec<_> = applications.iter().map(Application::handle).collect();
    let nodes: Vec<Node> = applications.iter().map(|a| a.node().clone()).collect();
    let servers: Vec<_> = applications.into_iter().map(|a| tokio::spawn(a.run_until_stopped())).collect();

    // Each item on its node, with links pointing at the node that holds the target.
    let bases: Vec<String> = nodes.iter().map(|n| n.base_url.to_string()).collect();
    for (name, doc) in demo_documents()? {
        let home = holder_of(doc.slug.as_deref().unwrap_or_default());
        let doc = rewrite_links(doc, &|target| Some(bases[holder_of(target)].clone()))?;
        import_with_files(&nodes[home], doc).await.with_context(|| msg!("cli-demo-cannot-load", name = name))?;
    }
    for node in &nodes {
        for other in nodes.iter().filter(|other| other.base_url != node.base_url) {
            follow(node, &other.actor_uri(), &Actor::Cli("demo")).await?;
        }
    }

    print_directions(&nodes, &data)?;
    wait_for_stop().await?;
    out(msg!("cli-demo-stopping"))?;
    for handle in handles {
        handle.stop(true).await;
    }
    for server in servers {
        let _ = server.await;
    }
    Ok(())
}

/// The last lines: each node's URL and the exact commands to create an editor and a token
/// on it.
fn print_directions(nodes: &[Node], data: &Path) -> anyhow::Result<()> {
    let program = std::env::args().next().filter(|p| p.contains('/')).unwrap_or_else(|| "maillage".into());
    let named = data == Path::new(DEMO_FOLDER);
    out("")?;
    out(msg!("cli-demo-running"))?;
    for (node, demo) in nodes.iter().zip(NODES) {
        let address = if named { demo.name.to_owned() } else { data.join(demo.name).display().to_string() };
        out(format!("  {:<24} {}{}", demo.display_name, node.base_url, demo.home))?;
        out(format!("    {}", msg!("cli-demo-editor-command", program = &program, address = &address)))?;
        out(format!("    {}", msg!("cli-demo-token-command", program = &program, address = &address)))?;
    }
    out(msg!("cli-demo-directions-end", folder = data.display().to_string()))
}

/// Waits for Ctrl-C or SIGTERM.
async fn wait_for_stop() -> anyhow::Result<()> {
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .context(msg!("cli-demo-cannot-wait-signal"))?;
    tokio::select! {
        result = tokio::signal::ctrl_c() => result.context(msg!("cli-demo-cannot-wait-ctrl-c")),
        _ = terminate.recv() => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_demo_item_is_held_by_the_node_of_its_territory() {
        let holder = |slug: &str| NODES[holder_of(slug)].name;
        assert_eq!(holder("territoires-a-vivres-lyon"), "lyon");
        assert_eq!(holder("territoires-a-vivres"), "national");
        assert_eq!(holder("territoires-a-vivres-toulouse"), "occitanie");
        assert_eq!(holder("dynamo-ariege"), "occitanie");
        assert_eq!(holder("marseille-effets-utiles-epiceries"), "provence");
        assert_eq!(holder("grille-six-registres-modele-economique"), "national");
    }

    #[test]
    fn every_demo_item_has_a_holder_that_names_it() {
        for (name, doc) in demo_documents().expect("demo files parse") {
            let slug = doc.slug.expect("demo items have a slug");
            assert!(
                NODES.iter().any(|node| node.items.iter().any(|prefix| slug.starts_with(prefix))),
                "demo/{name} belongs to no node"
            );
        }
    }

    #[test]
    fn the_settings_file_written_for_a_node_loads_with_its_name_and_port() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = write_settings(dir.path(), &NODES[1], 9101).expect("written");
        let settings = settings(None, dir.path(), &file).expect("loads");
        assert_eq!(settings.server.port, 9101);
        assert_eq!(settings.node.username, "provence");
        assert_eq!(settings.node.territory, NODES[1].territory);
        assert_eq!(settings.database.path, dir.path().join("maillage.db"));
        assert!(settings.federation.allow_http);
    }
}
