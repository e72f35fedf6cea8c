//! Operations endpoints for the people who run a node: `/healthz` (the process answers),
//! `/readyz` (the database answers and migrations ran), `/metrics` (Prometheus).

use crate::operations::Node;
use crate::storage;
use actix_web::{web, HttpResponse};

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(healthz))
        .route("/readyz", web::get().to(readyz))
        .route("/metrics", web::get().to(metrics));
}

async fn healthz() -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ok\n")
}

async fn readyz(node: web::Data<Node>) -> HttpResponse {
    match sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM _sqlx_migrations").fetch_one(&node.pool).await {
        Ok(n) if n > 0 => HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ready\n"),
        Ok(_) => HttpResponse::ServiceUnavailable().body("database not migrated\n"),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            HttpResponse::ServiceUnavailable().body("database unavailable\n")
        }
    }
}

async fn metrics(node: web::Data<Node>) -> HttpResponse {
    let mut out = String::with_capacity(4096);
    node.metrics.render_counters(&mut out);
    if let Err(e) = render_gauges(&node, &mut out).await {
        tracing::warn!(error = %e, "failed to read metrics from the database");
    }
    HttpResponse::Ok().content_type("text/plain; version=0.0.4; charset=utf-8").body(out)
}

fn label(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

async fn render_gauges(node: &Node, out: &mut String) -> anyhow::Result<()> {
    let now = node.clock.now();
    out.push_str("# HELP maillage_facet_sets_ready Whether filtered counts come from the in-memory facet sets (1) or from SQL while they load (0).\n# TYPE maillage_facet_sets_ready gauge\n");
    out.push_str(&format!("maillage_facet_sets_ready {}\n", u8::from(node.facets.is_ready())));
    out.push_str("# HELP maillage_delivery_queue_pending Deliveries waiting, per peer.\n# TYPE maillage_delivery_queue_pending gauge\n");
    let queues = storage::federation::peer_queue_states(&node.pool).await?;
    for q in &queues {
        out.push_str(&format!("maillage_delivery_queue_pending{{peer=\"{}\"}} {}\n", label(&q.peer), q.pending));
    }
    out.push_str("# HELP maillage_delivery_queue_lag_seconds Age of the oldest pending delivery, per peer.\n# TYPE maillage_delivery_queue_lag_seconds gauge\n");
    for q in &queues {
        let lag = q
            .oldest_pending_at
            .as_deref()
            .and_then(storage::parse_timestamp)
            .map(|t| (now - t).num_milliseconds().max(0) as f64 / 1000.0);
        out.push_str(&format!(
            "maillage_delivery_queue_lag_seconds{{peer=\"{}\"}} {}\n",
            label(&q.peer),
            lag.unwrap_or(0.0)
        ));
    }
    out.push_str("# HELP maillage_delivery_failures Consecutive delivery failures, per peer.\n# TYPE maillage_delivery_failures gauge\n");
    for q in &queues {
        out.push_str(&format!(
            "maillage_delivery_failures{{peer=\"{}\"}} {}\n",
            label(&q.peer),
            q.consecutive_failures
        ));
    }
    out.push_str(
        "# HELP maillage_items Public items held, local or replicated, by origin.\n# TYPE maillage_items gauge\n",
    );
    for (origin, kind, n) in storage::network::counts_by_origin_and_kind(&node.pool).await? {
        let origin = origin.unwrap_or_else(|| "local".into());
        out.push_str(&format!("maillage_items{{origin=\"{}\",kind=\"{}\"}} {n}\n", label(&origin), label(&kind)));
    }
    Ok(())
}
