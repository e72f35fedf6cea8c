//! `maillage token …` and `maillage editor …`.

use super::out;
use crate::msg;
use crate::operations::people::audit::Actor;
use crate::operations::people::scopes::{Scope, Scopes};
use crate::operations::{people::accounts, Node};
use anyhow::Context;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Crée un jeton et l'affiche (cette seule fois).
    #[command(
        after_help = "Droits : items:read (brouillons et fiches non publiques), items:write (créer, modifier, retirer, \
repartager des fiches), federation (pairs, abonnements, abonnés, relais), admin (journal d'audit).\n\
Exemples :\n  maillage token create outil-de-saisie\n  maillage token create supervision --scope federation --scope admin"
    )]
    Create {
        name: String,
        /// Ce que le jeton peut faire ; à répéter ou à séparer par des virgules. Par défaut : items:read,items:write.
        #[arg(long = "scope", value_name = "DROIT", value_delimiter = ',', value_parser = parse_scope)]
        scopes: Vec<Scope>,
    },
    /// Liste les jetons (jamais leur secret).
    List,
    /// Révoque un jeton par son identifiant.
    Revoke { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum EditorCommand {
    /// Crée un compte d'éditeur ou change son mot de passe, lu dans la variable
    /// d'environnement MAILLAGE_PASSWORD ou sur la première ligne de l'entrée standard.
    #[command(after_help = "Exemple :\n  echo 'un mot de passe long' | maillage editor add camille --role admin")]
    Add {
        username: String,
        #[arg(long, default_value = "editor", value_parser = ["editor", "admin"])]
        role: String,
    },
}

/// Reads one `--scope` value; clap names the argument in front of the message.
fn parse_scope(code: &str) -> Result<Scope, String> {
    Scope::parse(code.trim())
        .ok_or_else(|| msg!("cli-token-unknown-scope", scope = code, known = Scope::known_codes()).to_string())
}

pub async fn token(node: &Node, command: TokenCommand) -> anyhow::Result<()> {
    let actor = Actor::Cli("token");
    match command {
        TokenCommand::Create { name, scopes } => {
            let scopes: Scopes =
                if scopes.is_empty() { Scope::DEFAULT.into_iter().collect() } else { scopes.into_iter().collect() };
            let token = accounts::create_api_token(node, &name, &scopes, &actor)
                .await
                .context(msg!("cli-token-not-created"))?;
            out(token)
        }
        TokenCommand::List => {
            for t in accounts::list_api_tokens(node).await? {
                let state = match &t.revoked_at {
                    Some(at) => msg!("cli-token-revoked-on", date = at),
                    None => match &t.last_used_at {
                        Some(at) => msg!("cli-token-active", date = at),
                        None => msg!("cli-token-active", date = msg!("cli-token-never-used").to_string()),
                    },
                };
                let scopes = Scopes::from_stored(&t.scopes);
                let created = msg!("cli-token-created-on", date = &t.created_at);
                out(format!("{}\t{}\t{}\t{created}\t{state}", t.id, t.name, scopes))?;
            }
            Ok(())
        }
        TokenCommand::Revoke { id } => {
            accounts::revoke_api_token(node, id, &actor)
                .await
                .map_err(|_| anyhow::anyhow!(msg!("cli-token-unknown", id = id)))?;
            out(msg!("cli-token-revoked", id = id))
        }
    }
}

pub async fn editor(node: &Node, command: EditorCommand) -> anyhow::Result<()> {
    match command {
        EditorCommand::Add { username, role } => {
            let password = match std::env::var("MAILLAGE_PASSWORD") {
                Ok(p) => p,
                Err(_) => {
                    let mut line = String::new();
                    std::io::stdin().read_line(&mut line)?;
                    line.trim_end_matches(['\n', '\r']).to_owned()
                }
            };
            accounts::set_editor(node, &username, &password, &role, &Actor::Cli("editor")).await?;
            out(msg!("cli-editor-saved", username = username, role = role))
        }
    }
}
