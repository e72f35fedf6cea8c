//! `maillage token …` and `maillage editor …`.

use super::out;
use crate::operations::{accounts, Node};
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token and print it (only this once).
    Create { name: String },
    /// List tokens (never their secret).
    List,
    /// Revoke a token by id.
    Revoke { id: i64 },
}

#[derive(Debug, Subcommand)]
pub enum EditorCommand {
    /// Create an editor or reset their password. The password is read from the
    /// MAILLAGE_PASSWORD environment variable, or from the first line of standard input.
    #[command(after_help = "Example:\n  echo 'un mot de passe long' | maillage editor add camille --role admin")]
    Add {
        username: String,
        #[arg(long, default_value = "editor", value_parser = ["editor", "admin"])]
        role: String,
    },
}

pub async fn token(node: &Node, command: TokenCommand) -> anyhow::Result<()> {
    match command {
        TokenCommand::Create { name } => out(&accounts::create_api_token(node, &name).await?),
        TokenCommand::List => {
            for t in accounts::list_api_tokens(node).await? {
                let state = match &t.revoked_at {
                    Some(at) => format!("révoqué le {at}"),
                    None => format!("actif, dernier usage : {}", t.last_used_at.as_deref().unwrap_or("jamais")),
                };
                out(&format!("{}\t{}\tcréé le {}\t{}", t.id, t.name, t.created_at, state))?;
            }
            Ok(())
        }
        TokenCommand::Revoke { id } => {
            accounts::revoke_api_token(node, id)
                .await
                .map_err(|_| anyhow::anyhow!("aucun jeton actif n'a l'identifiant {id}"))?;
            out(&format!("jeton {id} révoqué"))
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
            accounts::set_editor(node, &username, &password, &role).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            out(&format!("compte « {username} » enregistré ({role})"))
        }
    }
}
