//! The `maillage` command line: `serve`, `import`, `export`, `token`, `editor`, `audit`…
//! Each subcommand finds its node (`--node`, see `node_folder`), loads the node's layered
//! settings, opens the node and calls operations; the changes it makes are audited as
//! `cli:<command>`. Only `serve` creates a node.

mod accounts;
mod audit;
mod backup;
mod demo;
mod demo_network;
mod doctor;
mod export;
mod import;
mod node_folder;
mod reindex;
mod sync;

use crate::operations::audit::Actor;
use crate::operations::Node;
use crate::settings::Settings;
use crate::startup::{build_node, Application};
use anyhow::Context;
use clap::{Parser, Subcommand};
use node_folder::NodeFolder;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "maillage",
    version,
    about = "Nœud maillage : fiches projet, bonnes pratiques et retours d'expérience fédérés entre territoires."
)]
pub struct Cli {
    /// A TOML file whose settings override config/default.toml (environment variables
    /// MAILLAGE__SECTION__KEY override both).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The node to act on: its folder (holding maillage.toml and its database), or the
    /// name of a demo node (national, provence, occitanie, lyon). Default: the current folder.
    #[arg(long, global = true, value_name = "DOSSIER|NOM")]
    pub node: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the node (HTTP server).
    #[command(
        after_help = "Examples:\n  maillage serve\n  maillage serve --demo\n  MAILLAGE__SERVER__PORT=8081 maillage --config config/dev.toml serve"
    )]
    Serve {
        /// Load the demo items made from the seed documents before serving.
        #[arg(long)]
        demo: bool,
    },
    /// Run a demo network on loopback: three territories and a national coordination node.
    #[command(after_help = "Examples:\n  maillage demo\n  maillage demo --port 9000 --data /tmp/demo")]
    Demo {
        /// Port of the coordination node; the territories take the next three.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Folder for the four databases.
        #[arg(long, default_value = "maillage-demo")]
        data: PathBuf,
    },
    /// Import items from JSON or Markdown (YAML front matter) files; re-importing updates.
    #[command(after_help = "Examples:\n  maillage import demo/*.md\n  maillage import export.json")]
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Export every local item, in the import format.
    #[command(
        after_help = "Examples:\n  maillage export --out sauvegarde/\n  maillage export --format json --out items.json"
    )]
    Export {
        /// Folder (Markdown: one file per item) or file (JSON: one array).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "markdown")]
        format: export::Format,
    },
    /// Follow another node by handle (territoire@host:port) or actor URL.
    #[command(
        after_help = "Examples:\n  maillage follow marseille@127.0.0.1:8081\n  maillage follow https://ariege.example.org/actor"
    )]
    Follow { target: String },
    /// Stop following a node.
    Unfollow { target: String },
    /// Catch up now with followed nodes from their outboxes (all, or one actor URL).
    #[command(after_help = "Examples:\n  maillage sync\n  maillage sync http://127.0.0.1:8082/actor")]
    Sync { actor: Option<String> },
    /// Re-share a replicated item (by its URI) with this node's followers.
    Reshare { uri: String },
    /// Relay mode for a followed node: re-share everything received from it.
    Relay {
        actor: String,
        #[arg(long)]
        off: bool,
    },
    /// Write a consistent backup of the database while the node runs.
    #[command(after_help = "Example:\n  maillage backup sauvegardes/maillage-2026-11-22.db")]
    Backup { file: PathBuf },
    /// Replace the database by a backup (stop the node first; the current file is kept).
    #[command(after_help = "Example:\n  maillage restore sauvegardes/maillage-2026-11-22.db")]
    Restore { file: PathBuf },
    /// Check the configuration, database, key and peers.
    Doctor,
    /// Rebuild the full-text search index from the stored items, with a progress bar.
    #[command(after_help = "Example:\n  maillage reindex")]
    Reindex,
    /// Print shell completions (bash, zsh, fish, elvish, powershell).
    #[command(after_help = "Example:\n  maillage completions bash > /etc/bash_completion.d/maillage")]
    Completions { shell: clap_complete::Shell },
    /// Manage API tokens (stored hashed; a token is shown once).
    #[command(subcommand)]
    Token(accounts::TokenCommand),
    /// Manage editors who log in to the web forms.
    #[command(subcommand)]
    Editor(accounts::EditorCommand),
    /// Print the audit log (who changed what), newest first.
    #[command(after_help = "Examples:\n  maillage audit\n  maillage audit --limit 100 --action token.create")]
    Audit(audit::AuditArgs),
}

pub(crate) fn out(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    writeln!(std::io::stdout().lock(), "{text}")?;
    Ok(())
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config.as_deref();
    match cli.command {
        Command::Completions { shell } => {
            use clap::CommandFactory;
            use std::io::Write;
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "maillage", &mut script);
            std::io::stdout().lock().write_all(&script).context("impossible d'écrire les complétions")
        }
        Command::Demo { port, data } => demo_network::run(config, port, data).await,
        Command::Serve { demo } => {
            let folder = NodeFolder::locate(cli.node.as_deref(), true)?;
            let settings = folder.settings(config)?;
            crate::telemetry::init(&settings.log);
            serve(&folder, settings, demo).await
        }
        Command::Restore { file } => {
            let settings = NodeFolder::locate(cli.node.as_deref(), false)?.settings(config)?;
            backup::restore(&settings.database.path, &file).await
        }
        command => {
            let folder = NodeFolder::locate(cli.node.as_deref(), false)?;
            let settings = folder.settings(config)?;
            crate::telemetry::init(&settings.log);
            folder.require_database(&settings, command.name())?;
            let port = settings.server.port;
            run_on_node(&folder, &build_node(settings, port).await?, command).await
        }
    }
}

/// `serve`: the one command that creates a node (folder, database and key pair), and says so.
async fn serve(folder: &NodeFolder, settings: Settings, demo: bool) -> anyhow::Result<()> {
    let database = settings.database.path.clone();
    let created = !database.exists();
    if created {
        folder.create()?;
        if let Some(parent) = database.parent().filter(|p| !p.as_os_str().is_empty() && !p.is_dir()) {
            anyhow::bail!(
                "le dossier {} de la base {} n'existe pas : créez-le ou corrigez database.path",
                parent.display(),
                database.display()
            );
        }
    }
    let app = Application::build(settings).await?;
    if created {
        out(&format!(
            "nouveau nœud créé : base {} (SQLite) et clé RSA-2048 du nœud, dans cette base",
            database.display()
        ))?;
    }
    if demo {
        demo::load_demo_items(app.node()).await?;
    }
    tracing::info!(url = %app.node().base_url, "maillage node serving");
    out(&format!("nœud en service : {}", app.node().base_url))?;
    app.run_until_stopped().await.context("le serveur HTTP s'est arrêté sur une erreur")
}

/// Every command that acts on an existing node.
async fn run_on_node(folder: &NodeFolder, node: &Node, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Import { files } => import::import_files(node, &files).await,
        Command::Export { out, format } => export::export_items(node, &out, format).await,
        Command::Doctor => doctor::doctor(node, &folder.dir).await,
        Command::Follow { target } => {
            let actor = crate::operations::follow::follow(node, &target, &Actor::Cli("follow"))
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            out(&format!("demande d'abonnement envoyée à {actor} (livrée par le nœud en service)"))
        }
        Command::Unfollow { target } => {
            crate::operations::follow::unfollow(node, &target, &Actor::Cli("unfollow"))
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            out(&format!("abonnement à {target} arrêté"))
        }
        Command::Reindex => reindex::reindex(node).await,
        Command::Sync { actor } => sync::sync(node, actor.as_deref()).await,
        Command::Reshare { uri } => {
            let sent = crate::operations::announce::reshare(node, &uri, &Actor::Cli("reshare"))
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            out(if sent {
                "repartage en file d'attente (livré par le nœud en service)"
            } else {
                "déjà repartagé dans cette version"
            })
        }
        Command::Relay { actor, off } => {
            crate::operations::peers::set_relay(node, &actor, !off, &Actor::Cli("relay"))
                .await
                .map_err(|_| anyhow::anyhow!("ce nœud ne suit pas {actor}"))?;
            out(if off {
                "relais désactivé"
            } else {
                "relais activé : tout ce qui vient de ce nœud sera repartagé"
            })
        }
        Command::Backup { file } => backup::backup(node, &file).await,
        Command::Token(command) => accounts::token(node, command).await,
        Command::Editor(command) => accounts::editor(node, command).await,
        Command::Audit(args) => audit::audit(node, args).await,
        Command::Serve { .. } | Command::Demo { .. } | Command::Restore { .. } | Command::Completions { .. } => {
            anyhow::bail!("`{}` ne s'exécute pas sur un nœud ouvert", command.name())
        }
    }
}

impl Command {
    /// The command as typed, for messages.
    fn name(&self) -> &'static str {
        match self {
            Command::Serve { .. } => "serve",
            Command::Demo { .. } => "demo",
            Command::Import { .. } => "import",
            Command::Export { .. } => "export",
            Command::Follow { .. } => "follow",
            Command::Unfollow { .. } => "unfollow",
            Command::Sync { .. } => "sync",
            Command::Reshare { .. } => "reshare",
            Command::Relay { .. } => "relay",
            Command::Backup { .. } => "backup",
            Command::Restore { .. } => "restore",
            Command::Doctor => "doctor",
            Command::Reindex => "reindex",
            Command::Completions { .. } => "completions",
            Command::Token(_) => "token",
            Command::Editor(_) => "editor",
            Command::Audit(_) => "audit",
        }
    }
}
