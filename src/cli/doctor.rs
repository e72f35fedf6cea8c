//! `maillage doctor`: checks the configuration, the database, the key pair, the TLS
//! trust and the reachability of every peer, and says in French what is wrong (for a
//! peer that cannot be reached: why, with the stable code of the failure).

use super::out;
use crate::federation::client::FetchError;
use crate::federation::failure::FailureKind;
use crate::i18n::Message;
use crate::msg;
use crate::operations::Node;
use crate::settings::NODE_SETTINGS_FILE;
use std::path::Path;

struct Report {
    failures: usize,
}

impl Report {
    /// One line: the mark, what was checked and, when there is one, the detail.
    fn check(&mut self, ok: bool, what: Message, detail: Option<&dyn std::fmt::Display>) -> anyhow::Result<()> {
        if !ok {
            self.failures += 1;
        }
        out(format!(
            "{} {what}{}",
            if ok { "✓" } else { "✗" },
            detail.map(|detail| format!(" — {detail}")).unwrap_or_default()
        ))
    }
}

pub async fn doctor(node: &Node, folder: &Path) -> anyhow::Result<()> {
    let mut report = Report { failures: 0 };
    let settings = &node.settings;
    let own_file = folder.join(NODE_SETTINGS_FILE);
    let source = if own_file.is_file() {
        msg!("cli-doctor-settings-file", file = own_file.display().to_string())
    } else {
        msg!("cli-doctor-settings-default", file = NODE_SETTINGS_FILE, folder = folder.display().to_string())
    };
    let loaded = msg!(
        "cli-doctor-config-detail",
        username = &settings.node.username,
        name = &settings.node.display_name,
        url = node.base_url.to_string(),
        source = source.to_string()
    );
    report.check(true, msg!("cli-doctor-config-loaded"), Some(&loaded))?;
    let https = node.base_url.scheme() == "https";
    let dev = settings.federation.allow_http || settings.federation.allow_private_addresses;
    if https {
        report.check(true, msg!("cli-doctor-public-https"), None)?;
    } else {
        let why = if dev { msg!("cli-doctor-http-dev-only") } else { msg!("cli-doctor-http-production") };
        report.check(dev, msg!("cli-doctor-public-http"), Some(&why))?;
    }
    if dev {
        report.check(true, msg!("cli-doctor-dev-mode"), Some(&msg!("cli-doctor-dev-mode-detail")))?;
    }
    let integrity = crate::operations::node::metrics::database_integrity(node).await;
    match integrity {
        Ok(text) => report.check(
            text == "ok",
            msg!("cli-doctor-database-intact"),
            Some(&format!("{} ({text})", settings.database.path.display())),
        )?,
        Err(e) => report.check(false, msg!("cli-doctor-database-readable"), Some(&e))?,
    }
    let media = crate::operations::items::media::summary(node).await?;
    let stored = msg!(
        "cli-doctor-media-detail",
        folder = media.directory.display().to_string(),
        files = media.files,
        megabytes = format!("{:.1}", media.bytes as f64 / 1e6),
        quota = format!("{:.1}", media.quota as f64 / 1e6)
    );
    report.check(media.writable, msg!("cli-doctor-media-folder"), Some(&stored))?;
    if media.queued > 0 {
        let queue = msg!("cli-doctor-media-queue-detail", queued = media.queued, failing = media.failing);
        report.check(media.failing == 0, msg!("cli-doctor-media-queue"), Some(&queue))?;
    }
    let uncoded = crate::operations::node::territories::items_without_place(node).await?;
    if !uncoded.is_empty() {
        out(format!("· {}", msg!("cli-doctor-uncoded", count = uncoded.len())))?;
        for item in &uncoded {
            let line = match &item.origin {
                None => {
                    msg!("cli-doctor-uncoded-item", slug = &item.slug, title = &item.title, territory = &item.territory)
                }
                Some(origin) => msg!(
                    "cli-doctor-uncoded-replica",
                    slug = &item.slug,
                    title = &item.title,
                    territory = &item.territory,
                    origin = origin
                ),
            };
            out(format!("    {line}"))?;
        }
    }
    let signed = node.keys.sign_rsa_sha256(b"maillage doctor").is_ok();
    report.check(signed, msg!("cli-doctor-key"), None)?;
    let trust = node.client.trust();
    let roots = msg!("cli-doctor-trust-detail", bundled = trust.bundled, system = trust.system, extra = trust.extra);
    report.check(true, msg!("cli-doctor-trust"), Some(&roots))?;
    let peers = crate::operations::outbound::collections::all_peers(node).await?;
    if peers.is_empty() {
        out(format!("· {}", msg!("cli-doctor-no-peers")))?;
    }
    for peer in peers {
        match node.client.fetch_json(&peer).await {
            Ok(_) => report.check(true, msg!("cli-doctor-peer-ok"), Some(&peer))?,
            Err(e) => report.check(
                false,
                msg!("cli-doctor-peer-unreachable"),
                Some(&format!("{peer} : {}", why_unreachable(&e))),
            )?,
        }
    }
    if report.failures > 0 {
        anyhow::bail!(msg!("cli-doctor-problems", count = report.failures));
    }
    out(msg!("cli-doctor-all-good"))
}

/// The cause of a failed fetch, in French, with its stable code and the technical chain.
fn why_unreachable(error: &FetchError) -> String {
    let FetchError::Network(_, failure) = error else { return error.to_string() };
    let why = match failure.kind {
        FailureKind::TlsUnknownIssuer => msg!("cli-doctor-tls_unknown_issuer"),
        FailureKind::TlsNameMismatch => msg!("cli-doctor-tls_name_mismatch"),
        FailureKind::TlsExpired => msg!("cli-doctor-tls_expired"),
        FailureKind::TlsOther => msg!("cli-doctor-tls_other"),
        FailureKind::Timeout => msg!("cli-doctor-timeout"),
        FailureKind::Dns => msg!("cli-doctor-dns_failure"),
        FailureKind::Connect => msg!("cli-doctor-connect_failed"),
        FailureKind::Other => msg!("cli-doctor-network_error"),
    };
    format!("{why} [{}] — {}", failure.kind.code(), failure.chain)
}
