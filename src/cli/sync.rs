//! `maillage sync`: catch up with followed nodes now, with a progress bar per peer.

use super::out;
use crate::msg;
use crate::operations::{inbound::sync::sync_peer, outbound::collections, Node};
use indicatif::{ProgressBar, ProgressStyle};

pub async fn sync(node: &Node, actor: Option<&str>) -> anyhow::Result<()> {
    let peers: Vec<String> = match actor {
        Some(actor) => vec![actor.to_owned()],
        None => collections::accepted_following(node).await?,
    };
    if peers.is_empty() {
        return out(msg!("cli-sync-nothing-followed"));
    }
    // The bar's placeholders go into the message as they are.
    let template = msg!("cli-sync-progress", message = "{msg}", bar = "{bar:30}", position = "{pos}", length = "{len}");
    for peer in peers {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(&template.to_string()).unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.set_message(peer.clone());
        let progress = |seen: usize, total: Option<i64>| {
            if let Some(total) = total {
                bar.set_length(total.max(0) as u64);
            }
            bar.set_position(seen as u64);
        };
        match sync_peer(node, &peer, &progress).await {
            Ok(report) if report.unchanged => {
                bar.finish_with_message(msg!("cli-sync-unchanged", peer = &peer).to_string())
            }
            Ok(report) => bar.finish_with_message(
                msg!("cli-sync-done", peer = &peer, activities = report.activities, pages = report.pages).to_string(),
            ),
            Err(e) => {
                bar.abandon_with_message(msg!("cli-sync-failed", peer = &peer).to_string());
                anyhow::bail!(msg!("cli-sync-error", peer = &peer, error = format!("{e:#}")));
            }
        }
    }
    Ok(())
}
