//! The `maillage` command line: `serve`, `import`, `export`, `token`, `editor`, `audit`…
//! Each subcommand loads the layered settings, opens the node and calls operations; the
//! changes it makes are audited as `cli:<command>`.

mod accounts;
mod audit;
mod backup;
mod demo;
mod demo_network;
mod doctor;
mod export;
mod import;
mod reindex;
mod sync;

use crate::operations::audit::Actor;
use crate::settings::Settings;
use crate::startup::{build_node, Application};
use anyhow::Context;
use clap::{Parser, Subcommand};
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
    if let Command::Completions { shell } = cli.command {
        use clap::CommandFactory;
        use std::io::Write;
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "maillage", &mut script);
        std::io::stdout().lock().write_all(&script).context("Failed to print the completions")?;
        return Ok(());
    }
    let settings = Settings::load(cli.config.as_deref())?;
    crate::telemetry::init(&settings.log);

    match cli.command {
        Command::Serve { demo } => {
            let app = Application::build(settings).await?;
            if demo {
                demo::load_demo_items(app.node()).await?;
            }
            tracing::info!(url = %app.node().base_url, "maillage node serving");
            app.run_until_stopped().await.context("The HTTP server stopped with an error")
        }
        Command::Import { files } => {
            let port = settings.server.port;
            let node = build_node(settings, port).await?;
            import::import_files(&node, &files).await
        }
        Command::Export { out, format } => {
            let port = settings.server.port;
            let node = build_node(settings, port).await?;
            export::export_items(&node, &out, format).await
        }
        Command::Completions { .. } => Ok(()),
        Command::Doctor => {
            let port = settings.server.port;
            doctor::doctor(&build_node(settings, port).await?).await
        }
        Command::Demo { port, data } => demo_network::run(cli.config.as_deref(), port, data).await,
        Command::Follow { target } => {
            let port = settings.server.port;
            let node = build_node(settings, port).await?;
            let actor = crate::operations::follow::follow(&node, &target, &Actor::Cli("follow"))
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            out(&format!("demande d'abonnement envoyée à {actor} (livrée par le nœud en service)"))
        }
        Command::Unfollow { target } => {
            let port = settings.server.port;
            let node = build_node(settings, port).await?;
            crate::operations::follow::unfollow(&node, &target, &Actor::Cli("unfollow"))
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            out(&format!("abonnement à {target} arrêté"))
        }
        Command::Reindex => {
            let port = settings.server.port;
            reindex::reindex(&build_node(settings, port).await?).await
        }
        Command::Sync { actor } => {
            let port = settings.server.port;
            sync::sync(&build_node(settings, port).await?, actor.as_deref()).await
        }
        Command::Reshare { uri } => {
            let port = settings.server.port;
            let node = build_node(settings, port).await?;
            let sent = crate::operations::announce::reshare(&node, &uri, &Actor::Cli("reshare"))
                .await
                .map_err(|e| anyhow::anyhow!("{e}"))?;
            out(if sent {
                "repartage en file d'attente (livré par le nœud en service)"
            } else {
                "déjà repartagé dans cette version"
            })
        }
        Command::Relay { actor, off } => {
            let port = settings.server.port;
            let node = build_node(settings, port).await?;
            crate::operations::peers::set_relay(&node, &actor, !off, &Actor::Cli("relay"))
                .await
                .map_err(|_| anyhow::anyhow!("ce nœud ne suit pas {actor}"))?;
            out(if off {
                "relais désactivé"
            } else {
                "relais activé : tout ce qui vient de ce nœud sera repartagé"
            })
        }
        Command::Backup { file } => {
            let port = settings.server.port;
            backup::backup(&build_node(settings, port).await?, &file).await
        }
        Command::Restore { file } => backup::restore(&settings.database.path, &file).await,
        Command::Token(command) => {
            let port = settings.server.port;
            accounts::token(&build_node(settings, port).await?, command).await
        }
        Command::Editor(command) => {
            let port = settings.server.port;
            accounts::editor(&build_node(settings, port).await?, command).await
        }
        Command::Audit(args) => {
            let port = settings.server.port;
            audit::audit(&build_node(settings, port).await?, args).await
        }
    }
}
