//! `maillage audit`: the audit log as a table, newest first.

use super::out;
use crate::msg;
use crate::operations::people::audit::{self, Action, AuditFilter};
use crate::operations::Node;

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    /// Nombre d'entrées affichées (1 à 200).
    #[arg(long, default_value_t = audit::DEFAULT_PAGE, value_parser = clap::value_parser!(i64).range(1..=audit::MAX_PAGE))]
    limit: i64,
    /// Seulement cette action, par exemple item.update, token.create, session.login_failed.
    #[arg(long, value_parser = parse_action)]
    action: Option<Action>,
    /// Seulement cet auteur, par exemple editor:camille, api:outil, cli:import.
    #[arg(long)]
    actor: Option<String>,
}

fn parse_action(code: &str) -> Result<Action, String> {
    audit::parse_action(code.trim()).map_err(|e| e.to_string())
}

pub async fn audit(node: &Node, args: AuditArgs) -> anyhow::Result<()> {
    let filter = AuditFilter { action: args.action, actor: args.actor, before: None, limit: Some(args.limit) };
    let page = audit::list(node, &filter).await?;
    if page.entries.is_empty() {
        return out(msg!("cli-audit-empty"));
    }
    let header = [
        msg!("cli-audit-column-date"),
        msg!("cli-audit-column-actor"),
        msg!("cli-audit-column-action"),
        msg!("cli-audit-column-target"),
        msg!("cli-audit-column-detail"),
    ]
    .map(|m| m.to_string());
    let rows: Vec<[String; 5]> =
        page.entries.into_iter().map(|e| [e.at, e.actor, e.action, e.target, e.detail.unwrap_or_default()]).collect();
    let mut widths = header.each_ref().map(|h| h.chars().count());
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String; 5]| {
        let padded: Vec<String> = cells.iter().zip(widths).map(|(c, w)| format!("{c:<w$}")).collect();
        padded.join("  ").trim_end().to_owned()
    };
    out(line(&header))?;
    for row in &rows {
        out(line(row))?;
    }
    Ok(())
}
