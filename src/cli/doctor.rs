//! `maillage doctor`: checks the configuration, the database, the key pair, the TLS
//! trust and the reachability of every peer, and says in French what is wrong (for a
//! peer that cannot be reached: why, with the stable code of the failure).

use super::out;
use crate::federation::client::FetchError;
use crate::federation::failure::FailureKind;
use crate::operations::Node;
use crate::settings::NODE_SETTINGS_FILE;
use std::path::Path;

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

pub async fn doctor(node: &Node, folder: &Path) -> anyhow::Result<()> {
    let mut report = Report { failures: 0 };
    let settings = &node.settings;
    let own_file = folder.join(NODE_SETTINGS_FILE);
    let source = if own_file.is_file() {
        format!("réglages {}", own_file.display())
    } else {
        format!("pas de {NODE_SETTINGS_FILE} dans {} : réglages par défaut et environnement", folder.display())
    };
    report.check(
        true,
        "configuration chargée",
        &format!("nœud {} « {} » sur {} ({source})", settings.node.username, settings.node.display_name, node.base_url),
    )?;
    let https = node.base_url.scheme() == "https";
    let dev = settings.federation.allow_http || settings.federation.allow_private_addresses;
    if https {
        report.check(true, "adresse publique en https", "")?;
    } else {
        report.check(
            dev,
            "adresse publique en http",
            if dev {
                "acceptée en mode développement seulement"
            } else {
                "server.base_url doit être en https en production"
            },
        )?;
    }
    if dev {
        report.check(
            true,
            "mode développement",
            "http et adresses privées autorisés (à ne pas utiliser en production)",
        )?;
    }
    let integrity = crate::operations::node::metrics::database_integrity(node).await;
    match integrity {
        Ok(text) => report.check(
            text == "ok",
            "base de données intègre",
            &format!("{} ({text})", settings.database.path.display()),
        )?,
        Err(e) => report.check(false, "base de données lisible", &e.to_string())?,
    }
    let media = crate::operations::items::media::summary(node).await?;
    report.check(
        media.writable,
        "dossier des fichiers",
        &format!(
            "{} : {} fichier(s), {:.1} Mo sur un quota de {:.1} Mo (media.quota_bytes)",
            media.directory.display(),
            media.files,
            media.bytes as f64 / 1e6,
            media.quota as f64 / 1e6
        ),
    )?;
    if media.queued > 0 {
        report.check(
            media.failing == 0,
            "fichiers de répliques à télécharger",
            &format!("{} en attente, dont {} en échec (nouvel essai plus tard)", media.queued, media.failing),
        )?;
    }
    let uncoded = crate::operations::node::territories::items_without_place(node).await?;
    if !uncoded.is_empty() {
        out(&format!(
            "· {} fiche(s) dont le territoire n'a pas de code du référentiel (libellé seul ; à compléter dans l'éditeur, « Lieux ») :",
            uncoded.len()
        ))?;
        for item in &uncoded {
            let whose = item.origin.as_deref().map(|o| format!(" (réplique de {o})")).unwrap_or_default();
            out(&format!("    {} « {} » : {}{whose}", item.slug, item.title, item.territory))?;
        }
    }
    let signed = node.keys.sign_rsa_sha256(b"maillage doctor").is_ok();
    report.check(signed, "clé RSA du nœud utilisable", "")?;
    let trust = node.client.trust();
    report.check(
        true,
        "autorités de certification",
        &format!(
            "{} intégrées, {} du système, {} ajoutées (federation.extra_ca_certs)",
            trust.bundled, trust.system, trust.extra
        ),
    )?;
    let peers = crate::operations::outbound::collections::all_peers(node).await?;
    if peers.is_empty() {
        out("· aucun pair pour l'instant")?;
    }
    for peer in peers {
        match node.client.fetch_json(&peer).await {
            Ok(_) => report.check(true, "pair joignable", &peer)?,
            Err(e) => report.check(false, "pair injoignable", &format!("{peer} : {}", why_unreachable(&e)))?,
        }
    }
    if report.failures > 0 {
        anyhow::bail!("{} problème(s) détecté(s)", report.failures);
    }
    out("tout va bien")
}

/// The cause of a failed fetch, in French, with its stable code and the technical chain.
fn why_unreachable(error: &FetchError) -> String {
    let FetchError::Network(_, failure) = error else { return error.to_string() };
    let why = match failure.kind {
        FailureKind::TlsUnknownIssuer => {
            "certificat non reconnu (autorité inconnue : ajoutez-la à federation.extra_ca_certs)"
        }
        FailureKind::TlsNameMismatch => "certificat établi pour un autre nom d'hôte",
        FailureKind::TlsExpired => "certificat expiré ou pas encore valide",
        FailureKind::TlsOther => "échec de la connexion TLS",
        FailureKind::Timeout => "pas de réponse dans le délai (federation.request_timeout)",
        FailureKind::Dns => "nom d'hôte introuvable",
        FailureKind::Connect => "connexion impossible",
        FailureKind::Other => "erreur réseau",
    };
    format!("{why} [{}] — {}", failure.kind.code(), failure.chain)
}
