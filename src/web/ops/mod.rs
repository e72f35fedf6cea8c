//! Operations endpoints for the people who run a node: `/healthz` (the process answers),
//! `/readyz` (the database answers and migrations ran), `/metrics` (Prometheus).

use crate::operations::{node::metrics, Node};
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
    match metrics::database_ready(&node).await {
        Ok(true) => HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ready\n"),
        Ok(false) => HttpResponse::ServiceUnavailable().body("database not migrated\n"),
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
    let gauges = metrics::gauges(node).await?;
    out.push_str("# HELP maillage_facet_sets_ready Whether filtered counts come from the in-memory facet sets (1) or from SQL while they load (0).\n# TYPE maillage_facet_sets_ready gauge\n");
    out.push_str(&format!("maillage_facet_sets_ready {}\n", u8::from(gauges.facet_sets_ready)));
    out.push_str("# HELP maillage_delivery_queue_pending Deliveries waiting, per peer.\n# TYPE maillage_delivery_queue_pending gauge\n");
    for q in &gauges.queues {
        out.push_str(&format!("maillage_delivery_queue_pending{{peer=\"{}\"}} {}\n", label(&q.peer), q.pending));
    }
    out.push_str("# HELP maillage_delivery_queue_lag_seconds Age of the oldest pending delivery, per peer.\n# TYPE maillage_delivery_queue_lag_seconds gauge\n");
    for q in &gauges.queues {
        out.push_str(&format!(
            "maillage_delivery_queue_lag_seconds{{peer=\"{}\"}} {}\n",
            label(&q.peer),
            q.lag_seconds
        ));
    }
    out.push_str("# HELP maillage_delivery_failures Consecutive delivery failures, per peer.\n# TYPE maillage_delivery_failures gauge\n");
    for q in &gauges.queues {
        out.push_str(&format!(
            "maillage_delivery_failures{{peer=\"{}\"}} {}\n",
            label(&q.peer),
            q.consecutive_failures
        ));
    }
    out.push_str(
        "# HELP maillage_items Public items held, local or replicated, by origin.\n# TYPE maillage_items gauge\n",
    );
    for count in &gauges.items {
        let origin = count.origin.as_deref().unwrap_or("local");
        out.push_str(&format!(
            "maillage_items{{origin=\"{}\",kind=\"{}\"}} {}\n",
            label(origin),
            label(&count.value),
            count.n
        ));
    }
    Ok(())
}
