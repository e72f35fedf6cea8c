//! The `maillage` command line: `serve`, `import`, `export`, `token`, `editor`, `audit`…
//! Each subcommand finds its node (`--node`, see `node_folder`), loads the node's layered
//! settings, opens the node and calls operations; the changes it makes are audited as
//! `cli:<command>`. Only `serve` creates a node. The doc comments of the arguments below are
//! the help a person reads (`maillage --help`), so they are in French; `help` renders
//! clap's own words in French too.

mod accounts;
mod audit;
mod backup;
mod clap_french;
pub mod demo;
mod demo_media;
mod demo_network;
mod doctor;
mod export;
mod geography;
mod import;
mod node_folder;
mod reindex;
mod spreadsheet;
mod sync;

use crate::msg;
use crate::operations::people::audit::Actor;
use crate::operations::{Node, OperationError};
use crate::settings::Settings;
use crate::startup::{build_node, Application};
use anyhow::Context;
use clap::{Parser, Subcommand};
pub use clap_french::parse;
use node_folder::NodeFolder;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "maillage",
    version,
    about = "Nœud maillage : fiches projet, bonnes pratiques et retours d'expérience fédérés entre territoires."
)]
pub struct Cli {
    /// Un fichier TOML de réglages, au-dessus de ceux du nœud (les variables
    /// d'environnement MAILLAGE__SECTION__CLE passent encore devant).
    #[arg(long, global = true, value_name = "FICHIER")]
    pub config: Option<PathBuf>,
    /// Le nœud visé : son dossier (qui contient maillage.toml et sa base), ou le nom d'un
    /// nœud de la démonstration (national, provence, occitanie, lyon). Par défaut : le
    /// dossier courant.
    #[arg(long, global = true, value_name = "DOSSIER|NOM")]
    pub node: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lance le nœud (serveur HTTP) ; la première fois dans un dossier, crée le nœud.
    #[command(
        after_help = "Exemples :\n  maillage serve\n  maillage serve --demo\n  MAILLAGE__SERVER__PORT=8081 maillage --config config/dev.toml serve"
    )]
    Serve {
        /// Charge d'abord les fiches de démonstration tirées des documents sources.
        #[arg(long)]
        demo: bool,
    },
    /// Lance un réseau de démonstration en local : trois territoires et une coordination nationale.
    #[command(after_help = "Exemples :\n  maillage demo\n  maillage demo --port 9000 --data /tmp/demo")]
    Demo {
        /// Port de la coordination nationale ; les territoires prennent les trois suivants.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Dossier des quatre nœuds (un sous-dossier par nœud).
        #[arg(long, default_value = "maillage-demo")]
        data: PathBuf,
    },
    /// Importe des fiches JSON ou Markdown (en-tête YAML), ou les lignes d'un tableur (CSV,
    /// XLSX, ODS) avec un fichier de correspondance ; réimporter met à jour.
    #[command(
        after_help = "Exemples :\n  maillage import demo/*.md\n  maillage import export.json\n  maillage import --mapping config/correspondance-economiecirculaire.toml fiches.csv --dry-run"
    )]
    Import {
        #[arg(required = true, value_name = "FICHIER")]
        files: Vec<PathBuf>,
        /// Fichier de correspondance (TOML) des colonnes d'un tableur vers les champs.
        #[arg(long, value_name = "CORRESPONDANCE")]
        mapping: Option<PathBuf>,
        /// Dit ce qui serait créé, mis à jour, inchangé ou refusé, sans rien écrire.
        #[arg(long)]
        dry_run: bool,
    },
    /// Exporte toutes les fiches locales, au format de l'import.
    #[command(
        after_help = "Exemples :\n  maillage export --out sauvegarde/\n  maillage export --format json --out items.json"
    )]
    Export {
        /// Dossier (Markdown : un fichier par fiche) ou fichier (JSON : une liste).
        #[arg(long, value_name = "CHEMIN")]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "markdown")]
        format: export::Format,
    },
    /// Suit un autre nœud, par son adresse (territoire@hôte:port) ou l'URL de son acteur.
    #[command(
        after_help = "Exemples :\n  maillage follow marseille@127.0.0.1:8081\n  maillage follow https://ariege.example.org/actor"
    )]
    Follow { target: String },
    /// Arrête de suivre un nœud.
    Unfollow { target: String },
    /// Rattrape tout de suite les nœuds suivis depuis leurs boîtes d'envoi (tous, ou un acteur).
    #[command(after_help = "Exemples :\n  maillage sync\n  maillage sync http://127.0.0.1:8082/actor")]
    Sync { actor: Option<String> },
    /// Repartage une fiche répliquée (par son URI) avec les abonnés de ce nœud.
    Reshare { uri: String },
    /// Mode relais pour un nœud suivi : repartage tout ce qui en vient.
    Relay {
        actor: String,
        #[arg(long)]
        off: bool,
    },
    /// Écrit une sauvegarde cohérente de la base, nœud en service.
    #[command(after_help = "Exemple :\n  maillage backup sauvegardes/maillage-2026-11-22.db")]
    Backup { file: PathBuf },
    /// Remplace la base par une sauvegarde (arrêtez d'abord le nœud ; la base actuelle est gardée à côté).
    #[command(after_help = "Exemple :\n  maillage restore sauvegardes/maillage-2026-11-22.db")]
    Restore { file: PathBuf },
    /// Vérifie les réglages, la base, la clé, les autorités de certification et les pairs.
    Doctor,
    /// Reconstruit l'index de recherche à partir des fiches, avec une barre de progression.
    #[command(after_help = "Exemple :\n  maillage reindex")]
    Reindex,
    /// Supprime les fichiers (images, documents) qu'aucune fiche n'utilise plus, et ceux
    /// laissés sans trace par un arrêt brutal ; aussi fait à chaque démarrage.
    #[command(name = "media-gc", after_help = "Exemple :\n  maillage media-gc")]
    MediaGc,
    /// Affiche les complétions du shell (bash, zsh, fish, elvish, powershell).
    #[command(after_help = "Exemple :\n  maillage completions bash > /etc/bash_completion.d/maillage")]
    Completions { shell: clap_complete::Shell },
    /// Jetons de l'API (gardés hachés ; un jeton n'est montré qu'une fois).
    #[command(subcommand)]
    Token(accounts::TokenCommand),
    /// Comptes des éditeurs qui se connectent aux formulaires web.
    #[command(subcommand)]
    Editor(accounts::EditorCommand),
    /// Le référentiel géographique (communes, EPCI, départements, régions) livré avec le nœud.
    #[command(subcommand)]
    Geography(geography::GeographyCommand),
    /// Affiche le journal d'audit (qui a changé quoi), du plus récent au plus ancien.
    #[command(after_help = "Exemples :\n  maillage audit\n  maillage audit --limit 100 --action token.create")]
    Audit(audit::AuditArgs),
}

pub(crate) fn out(text: impl std::fmt::Display) -> anyhow::Result<()> {
    use std::io::Write;
    writeln!(std::io::stdout().lock(), "{text}")?;
    Ok(())
}

/// An error as a person reads it: each cause after what it caused, joined the French way
/// (`impossible de … : cause`).
pub fn describe(error: &anyhow::Error) -> String {
    error.chain().map(ToString::to_string).collect::<Vec<_>>().join(" : ")
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config.as_deref();
    match cli.command {
        Command::Completions { shell } => {
            use std::io::Write;
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut clap_french::command(), "maillage", &mut script);
            std::io::stdout().lock().write_all(&script).context(msg!("cli-completions-write-failed"))
        }
        Command::Demo { port, data } => demo_network::run(config, port, data).await,
        Command::Geography(command) => geography::run(command),
        Command::Serve { demo } => {
            let folder = NodeFolder::locate(cli.node.as_deref(), true)?;
            let settings = folder.settings(config)?;
            crate::telemetry::init(&settings.log);
            serve(&folder, settings, demo).await
        }
        Command::Restore { file } => {
            let settings = NodeFolder::locate(cli.node.as_deref(), false)?.settings(config)?;
            let media = settings.media.directory_for(&settings.database.path);
            backup::restore(&settings.database.path, &media, &file).await
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
            anyhow::bail!(msg!(
                "cli-serve-database-folder-missing",
                folder = parent.display().to_string(),
                database = database.display().to_string()
            ));
        }
    }
    let app = Application::build(settings).await?;
    if created {
        out(msg!("cli-serve-node-created", database = database.display().to_string()))?;
    }
    if demo {
        demo::load_demo_items(app.node()).await?;
    }
    tracing::info!(url = %app.node().base_url, "maillage node serving");
    out(msg!("cli-serve-serving", url = app.node().base_url.to_string()))?;
    app.run_until_stopped().await.context(msg!("cli-serve-stopped-on-error"))
}

/// Every command that acts on an existing node.
async fn run_on_node(folder: &NodeFolder, node: &Node, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Import { files, mapping, dry_run } => {
            import::import_files(node, &files, mapping.as_deref(), dry_run).await
        }
        Command::Export { out, format } => export::export_items(node, &out, format).await,
        Command::Doctor => doctor::doctor(node, &folder.dir).await,
        Command::Follow { target } => {
            let actor = crate::operations::outbound::follow::follow(node, &target, &Actor::Cli("follow")).await?;
            out(msg!("cli-follow-sent", actor = actor))
        }
        Command::Unfollow { target } => {
            crate::operations::outbound::follow::unfollow(node, &target, &Actor::Cli("unfollow")).await.map_err(
                |e| match e {
                    OperationError::NotFound => anyhow::anyhow!(msg!("cli-not-following", actor = &target)),
                    other => anyhow::Error::new(other),
                },
            )?;
            out(msg!("cli-unfollow-done", actor = target))
        }
        Command::Reindex => reindex::reindex(node).await,
        Command::MediaGc => {
            let collected = crate::operations::items::media::collect_garbage(node).await?;
            out(msg!("cli-media-gc-done", unused = collected.unused_files, stray = collected.stray_files))
        }
        Command::Sync { actor } => sync::sync(node, actor.as_deref()).await,
        Command::Reshare { uri } => {
            let sent = crate::operations::outbound::announce::reshare(node, &uri, &Actor::Cli("reshare"))
                .await
                .map_err(|e| match e {
                    OperationError::NotFound => anyhow::anyhow!(msg!("cli-reshare-unknown", uri = &uri)),
                    other => anyhow::Error::new(other),
                })?;
            out(if sent { msg!("cli-reshare-queued") } else { msg!("cli-reshare-already") })
        }
        Command::Relay { actor, off } => {
            crate::operations::remote::peers::set_relay(node, &actor, !off, &Actor::Cli("relay"))
                .await
                .map_err(|_| anyhow::anyhow!(msg!("cli-not-following", actor = &actor)))?;
            out(if off { msg!("cli-relay-off") } else { msg!("cli-relay-on") })
        }
        Command::Backup { file } => backup::backup(node, &file).await,
        Command::Token(command) => accounts::token(node, command).await,
        Command::Editor(command) => accounts::editor(node, command).await,
        Command::Audit(args) => audit::audit(node, args).await,
        Command::Serve { .. }
        | Command::Demo { .. }
        | Command::Restore { .. }
        | Command::Completions { .. }
        | Command::Geography(_) => {
            anyhow::bail!(msg!("cli-not-on-open-node", command = command.name()))
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
            Command::MediaGc => "media-gc",
            Command::Completions { .. } => "completions",
            Command::Token(_) => "token",
            Command::Editor(_) => "editor",
            Command::Audit(_) => "audit",
            Command::Geography(_) => "geography",
        }
    }
}
