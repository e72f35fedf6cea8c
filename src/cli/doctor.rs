//! `maillage doctor`: checks the configuration, the database, the key pair and the
//! reachability of every peer, and says in French what is wrong.

use super::out;
use crate::operations::Node;
use crate::storage;

struct Report {
    failures: usize,
}

impl Report {
    fn check(&mut self, ok: bool, what: &str, detail: &str) -> anyhow::Result<()> {
        if !ok {
            self.failures += 1;
        }
        out(&format!(
            "{} {what}{}",
            if ok { "✓" } else { "✗" },
            if detail.is_empty() { String::new() } else { format!(" — {detail}") }
        ))
    }
}

pub async fn doctor(node: &Node) -> anyhow::Result<()> {
    let mut report = Report { failures: 0 };
    let settings = &node.settings;
    report.check(true, "configuration chargée", &format!("nœud {} sur {}", settings.node.username, node.base_url))?;
    let https = node.base_url.scheme() == "https";
    let dev = settings.federation.allow_http || settings.federation.allow_private_addresses;
    report.check(
        https || dev,
        "adresse publique en https",
        if https { "" } else { "server.base_url doit être en https en production" },
    )?;
    if dev {
        report.check(
            true,
            "mode développement",
            "http et adresses privées autorisés (à ne pas utiliser en production)",
        )?;
    }
    let integrity: Result<String, _> = sqlx::query_scalar("PRAGMA quick_check").fetch_one(&node.pool).await;
    match integrity {
        Ok(text) => report.check(
            text == "ok",
            "base de données intègre",
            &format!("{} ({text})", settings.database.path.display()),
        )?,
        Err(e) => report.check(false, "base de données lisible", &e.to_string())?,
    }
    let signed = node.keys.sign_rsa_sha256(b"maillage doctor").is_ok();
    report.check(signed, "clé RSA du nœud utilisable", "")?;
    let following = storage::federation::list_following(&node.pool).await?;
    let followers = storage::federation::list_followers(&node.pool).await?;
    let mut peers: Vec<String> =
        following.into_iter().map(|f| f.actor_uri).chain(followers.into_iter().map(|f| f.actor_uri)).collect();
    peers.sort();
    peers.dedup();
    if peers.is_empty() {
        out("· aucun pair pour l'instant")?;
    }
    for peer in peers {
        match node.client.fetch_json(&peer).await {
            Ok(_) => report.check(true, "pair joignable", &peer)?,
            Err(e) => report.check(false, "pair injoignable", &format!("{peer} : {e}"))?,
        }
    }
    if report.failures > 0 {
        anyhow::bail!("{} problème(s) détecté(s)", report.failures);
    }
    out("tout va bien")
}
