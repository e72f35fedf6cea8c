//! `/reseau`: the network at a glance, for a coordination node or any node. Every
//! territory this node knows with its counts by kind and pillar, what is new this week,
//! lineage between territories and the health of each peer, with two server-side SVG
//! charts. The figures come from [`network::network_view`], the same as
//! `/api/v1/network`; this module only arranges them for people.

use crate::content::vocabulary::names;
use crate::content::Kind;
use crate::operations::items::queries::{self, ItemFilter};
use crate::operations::node::network::{self, PeerHealth, SyncState, Territory};
use crate::operations::Node;
use crate::web::pages::public::coordination::CoordinationSection;
use crate::web::pages::views::cards::CardView;
use crate::web::pages::views::charts::{self, Chart, RowInput, Series, PALETTE};
use crate::web::pages::views::errors::PageError;
use crate::web::pages::views::format;
use crate::web::pages::views::i18n;
use crate::web::pages::views::layout::{render, Layout, Nav};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use askama::Template;
use std::collections::HashMap;

/// Items listed under "what's new this week".
const RECENT: i64 = 10;
/// A peer whose oldest undelivered activity waits longer than this is late.
const LATE_AFTER_SECONDS: i64 = 3600;

pub struct TerritoryRow {
    pub anchor: String,
    pub name: String,
    pub territory: String,
    pub local: bool,
    pub actor_href: Option<String>,
    pub catalogue_href: Option<String>,
    pub total: i64,
    /// Aligned with [`NetworkPage::kind_labels`].
    pub kinds: Vec<i64>,
    /// Aligned with [`NetworkPage::pillar_labels`].
    pub pillars: Vec<i64>,
    pub new_this_week: i64,
}

pub struct HealthRow {
    pub anchor: String,
    pub name: String,
    pub status: String,
    /// `ok`, `warn` or `bad`: the badge's class.
    pub status_class: &'static str,
    pub last_delivery: String,
    pub last_sync: String,
    pub sync_state: String,
    pub pending: i64,
    pub queue_lag: String,
    pub failures: i64,
}

pub struct LineageRow {
    pub from: (String, String),
    pub to: (String, String),
    pub items: i64,
}

#[derive(Template)]
#[template(path = "network.html")]
struct NetworkPage {
    layout: Layout,
    generated_at: String,
    kind_labels: Vec<String>,
    pillar_labels: Vec<String>,
    territories: Vec<TerritoryRow>,
    total: i64,
    new_this_week: i64,
    kind_totals: Vec<i64>,
    pillar_totals: Vec<i64>,
    kinds_chart: Chart,
    pillars_chart: Chart,
    health: Vec<HealthRow>,
    lineage: Vec<LineageRow>,
    recent: Vec<CardView>,
    lineage_graph: Option<crate::web::pages::views::lineage_graph::LineageGraph>,
    /// The coordination part; `None` while its figures are being prepared.
    coordination: Option<CoordinationSection>,
}

impl NetworkPage {
    /// The charts by reference, for the included chart template.
    fn kinds(&self) -> &Chart {
        &self.kinds_chart
    }

    fn pillars(&self) -> &Chart {
        &self.pillars_chart
    }
}

pub async fn show(node: web::Data<Node>, req: HttpRequest) -> Result<HttpResponse, PageError> {
    let region = crate::web::pages::public::coordination::region_param(req.query_string());
    let coordination = crate::web::pages::public::coordination::section(&node, region.as_deref()).await?;
    let view = network::network_view(&node).await?;
    let mut territories = view.territories;
    // This node first, then the others by name.
    territories.sort_by(|a, b| b.local.cmp(&a.local).then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase())));

    let pillar_codes = pillar_codes(&node, &territories);
    let pillar_labels: Vec<String> =
        pillar_codes.iter().map(|c| i18n::term(&node.vocab, names::PILLAR, c).to_owned()).collect();
    let rows: Vec<TerritoryRow> =
        territories.iter().enumerate().map(|(i, t)| territory_row(i, t, &pillar_codes)).collect();
    let anchors: HashMap<&str, (String, String)> = territories
        .iter()
        .zip(&rows)
        .map(|(t, r)| (t.actor.as_str(), (r.name.clone(), format!("#{}", r.anchor))))
        .collect();
    let name_of = |actor: &str| anchors.get(actor).cloned().unwrap_or_else(|| (format::host_of(actor), String::new()));

    let kind_totals: Vec<i64> = (0..Kind::ALL.len()).map(|k| rows.iter().map(|r| r.kinds[k]).sum()).collect();
    let pillar_totals: Vec<i64> = (0..pillar_codes.len()).map(|p| rows.iter().map(|r| r.pillars[p]).sum()).collect();
    let series: Vec<Series> =
        Kind::ALL.iter().zip(PALETTE).map(|(k, colour)| Series { label: i18n::kind(*k), colour }).collect();
    let kinds_chart = charts::stacked_bars(
        "graphique-types",
        &i18n::t("network-kinds-chart"),
        &i18n::t("network-kinds-chart-description"),
        &series,
        &rows.iter().map(|r| RowInput { label: r.name.clone(), values: r.kinds.clone() }).collect::<Vec<_>>(),
    );
    let pillars_chart = charts::bars(
        "graphique-piliers",
        &i18n::t("network-pillars-chart"),
        &i18n::t("network-pillars-chart-description"),
        "#14573f",
        &pillar_labels.iter().cloned().zip(pillar_totals.iter().copied()).collect::<Vec<_>>(),
    );

    let now = node.clock.now();
    let health =
        territories.iter().zip(&rows).filter_map(|(t, r)| t.health.as_ref().map(|h| health_row(r, h))).collect();
    let lineage: Vec<LineageRow> = view
        .lineage
        .iter()
        .map(|l| LineageRow { from: name_of(&l.from), to: name_of(&l.to), items: l.items })
        .collect();
    let lineage_graph = crate::web::pages::views::lineage_graph::layout(
        &lineage.iter().map(|l| (l.to.0.clone(), l.from.0.clone(), l.items)).collect::<Vec<_>>(),
    );
    let week_ago = (now - chrono::Duration::days(7)).date_naive().format("%Y-%m-%d").to_string();
    let filter = ItemFilter { updated_from: Some(week_ago), page: 1, per_page: RECENT, ..ItemFilter::default() };
    let recent = queries::list_items(&node, &filter, false).await?;

    let page = NetworkPage {
        layout: Layout::public(&node, Nav::Network),
        generated_at: format::timestamp(&view.generated_at),
        kind_labels: Kind::ALL.iter().map(|k| i18n::kind(*k)).collect(),
        pillar_labels,
        total: rows.iter().map(|r| r.total).sum(),
        new_this_week: rows.iter().map(|r| r.new_this_week).sum(),
        territories: rows,
        kind_totals,
        pillar_totals,
        kinds_chart,
        pillars_chart,
        health,
        lineage,
        lineage_graph,
        recent: recent.items.iter().map(|(item, _)| CardView::build(&node, item, None)).collect(),
        coordination,
    };
    render(StatusCode::OK, &page)
}

/// The pillars in vocabulary order, then any code a replica uses that we don't ship.
fn pillar_codes(node: &Node, territories: &[Territory]) -> Vec<String> {
    let mut codes: Vec<String> =
        node.vocab.get(names::PILLAR).map(|v| v.terms.iter().map(|t| t.code.clone()).collect()).unwrap_or_default();
    for t in territories {
        for code in t.by_pillar.keys() {
            if !codes.contains(code) {
                codes.push(code.clone());
            }
        }
    }
    codes
}

fn territory_row(index: usize, t: &Territory, pillar_codes: &[String]) -> TerritoryRow {
    TerritoryRow {
        anchor: format!("territoire-{}", index + 1),
        name: t.name.clone(),
        territory: t.territory.clone(),
        local: t.local,
        actor_href: if t.local { None } else { format::safe_href(&t.actor) },
        catalogue_href: (!t.territory.is_empty())
            .then(|| crate::web::pages::public::item_view::catalogue_link("territory", &t.territory)),
        total: t.total,
        kinds: Kind::ALL.iter().map(|k| t.by_kind.get(k.code()).copied().unwrap_or(0)).collect(),
        pillars: pillar_codes.iter().map(|c| t.by_pillar.get(c).copied().unwrap_or(0)).collect(),
        new_this_week: t.new_this_week,
    }
}

fn sync_state_label(state: Option<SyncState>) -> String {
    i18n::t(match state {
        None => "sync-never",
        Some(SyncState::Pending) => "sync-pending",
        Some(SyncState::Running) => "sync-running",
        Some(SyncState::Done) => "sync-done",
        Some(SyncState::Failed) => "sync-failed",
    })
}

fn health_row(row: &TerritoryRow, h: &PeerHealth) -> HealthRow {
    let lag = h.queue_lag_seconds.filter(|_| h.pending_deliveries > 0);
    let (status, status_class) = if h.failures > 0 {
        ("health-failing", "bad")
    } else if h.sync_state == Some(SyncState::Failed) {
        ("health-sync-failed", "bad")
    } else if lag.is_some_and(|s| s > LATE_AFTER_SECONDS) {
        ("health-late", "warn")
    } else if h.last_success_at.is_none() && h.last_sync_at.is_none() {
        ("health-no-contact", "warn")
    } else {
        ("health-ok", "ok")
    };
    let status = i18n::t(status);
    let when = |at: &Option<String>| at.as_deref().map(format::timestamp).unwrap_or_else(|| i18n::t("never"));
    HealthRow {
        anchor: row.anchor.clone(),
        name: row.name.clone(),
        status,
        status_class,
        last_delivery: when(&h.last_success_at),
        last_sync: when(&h.last_sync_at),
        sync_state: sync_state_label(h.sync_state),
        pending: h.pending_deliveries,
        queue_lag: lag.map(format::duration).unwrap_or_else(|| i18n::t("network-no-lag")),
        failures: h.failures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> TerritoryRow {
        TerritoryRow {
            anchor: "territoire-2".into(),
            name: "Ariège".into(),
            territory: "Ariège".into(),
            local: false,
            actor_href: None,
            catalogue_href: None,
            total: 0,
            kinds: vec![],
            pillars: vec![],
            new_this_week: 0,
        }
    }

    fn health(failures: i64, pending: i64, lag: Option<i64>, synced: bool) -> PeerHealth {
        PeerHealth {
            pending_deliveries: pending,
            failures,
            last_success_at: synced.then(|| "2026-01-01T00:00:00Z".to_owned()),
            last_sync_at: None,
            sync_state: synced.then_some(SyncState::Done),
            queue_lag_seconds: lag,
        }
    }

    #[test]
    fn peer_health_is_summed_up_in_one_status() {
        assert_eq!(health_row(&row(), &health(2, 0, None, true)).status_class, "bad");
        assert_eq!(health_row(&row(), &health(0, 3, Some(2 * 3600), true)).status, "en retard");
        assert_eq!(health_row(&row(), &health(0, 0, None, false)).status, "pas encore de contact");
        let fine = health_row(&row(), &health(0, 0, Some(99_999), true));
        assert_eq!(fine.status, "en bonne santé");
        // Without pending deliveries there is no lag to show.
        assert_eq!(fine.queue_lag, "aucun");
    }
}
