//! Test nodes: each with its own temporary SQLite file and a fixed loopback port (so a
//! node can be stopped and started again with the same identity), optionally in its own
//! runtime so that dropping the runtime kills it mid-work.

use figment::providers::Serialized;
use figment::Figment;
use maillage::operations::{items::queries, Item, Node, OperationError};
use maillage::settings::Settings;
use maillage::startup::Application;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

/// The development settings of a test node, for a test to add to.
pub fn figment(db: &Path, port: u16, username: &str) -> Figment {
    Settings::figment(Some(Path::new("config/dev.toml")))
        .merge(Serialized::default("server.port", port))
        .merge(Serialized::default("database.path", db))
        .merge(Serialized::default("node.username", username))
        .merge(Serialized::default("node.display_name", format!("Territoire {username}")))
        .merge(Serialized::default("node.territory", username))
        .merge(Serialized::default("federation.delivery_poll_interval", "100ms"))
}

pub fn settings(db: &Path, port: u16, username: &str) -> Settings {
    Settings::from_figment(figment(db, port, username)).expect("test settings")
}

/// A node running in the test's runtime.
pub struct TestNode {
    pub node: Node,
    pub base: String,
    pub token: String,
    pub http: reqwest::Client,
    pub db: PathBuf,
    handle: actix_web::dev::ServerHandle,
    server: tokio::task::JoinHandle<()>,
}

impl TestNode {
    pub async fn start(dir: &Path, username: &str) -> TestNode {
        TestNode::start_on(dir.join(format!("{username}.db")), free_port(), username).await
    }

    pub async fn start_on(db: PathBuf, port: u16, username: &str) -> TestNode {
        let base = format!("http://127.0.0.1:{port}");
        TestNode::start_with(settings(&db, port, username), base, reqwest::Client::new()).await
    }

    /// A node with these settings, which the test reaches at `base` with `http`.
    pub async fn start_with(settings: Settings, base: String, http: reqwest::Client) -> TestNode {
        if std::env::var("TEST_LOG").is_ok() {
            maillage::telemetry::init(&settings.log);
        }
        let db = settings.database.path.clone();
        let app = Application::build(settings).await.expect("node starts");
        let node = app.node().clone();
        let token = crate::helpers::token_with_every_scope(&node).await;
        let handle = app.handle();
        let server = tokio::spawn(async move {
            let _ = app.run_until_stopped().await;
        });
        TestNode { base, node, token, http, db, handle, server }
    }

    pub fn actor(&self) -> String {
        self.node.actor_uri()
    }

    /// Stops the node abruptly: open connections are dropped and the workers are aborted
    /// wherever they are (mid-delivery included). Its database file stays.
    pub async fn kill(self) -> PathBuf {
        self.handle.stop(false).await;
        // Dropping `run_until_stopped` aborts the workers instead of letting them finish.
        self.server.abort();
        let _ = self.server.await;
        self.node.pool.close().await;
        self.db
    }

    pub async fn create(&self, document: &serde_json::Value) -> serde_json::Value {
        let response = self
            .http
            .post(format!("{}/api/v1/items", self.base))
            .bearer_auth(&self.token)
            .json(document)
            .send()
            .await
            .expect("create request");
        assert_eq!(response.status(), 201, "create failed: {:?}", response.text().await);
        response.json().await.expect("created item")
    }

    pub async fn patch(&self, slug: &str, patch: &serde_json::Value) {
        let response = self
            .http
            .patch(format!("{}/api/v1/items/{slug}", self.base))
            .bearer_auth(&self.token)
            .json(patch)
            .send()
            .await
            .expect("patch request");
        assert_eq!(response.status(), 200, "patch failed: {:?}", response.text().await);
    }

    pub async fn retract(&self, slug: &str) {
        let response = self
            .http
            .delete(format!("{}/api/v1/items/{slug}", self.base))
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("retract request");
        assert_eq!(response.status(), 200);
    }

    /// The item with this URI on this node (local or replica), if any.
    pub async fn item(&self, uri: &str) -> Option<Item> {
        match queries::item_by_uri(&self.node, uri).await {
            Ok(item) => Some(item),
            Err(OperationError::NotFound) => None,
            Err(e) => panic!("query failed: {e}"),
        }
    }

    pub async fn count(&self, sql: &str) -> i64 {
        sqlx::query_scalar(sql).fetch_one(&self.node.pool).await.expect("count query")
    }
}

/// Polls `check` until it holds or 15 s pass.
pub async fn eventually<F, Fut>(what: &str, check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    eventually_within(what, Duration::from_secs(15), check).await
}

/// Polls `check` until it holds or `limit` passes.
pub async fn eventually_within<F, Fut>(what: &str, limit: Duration, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + limit;
    while tokio::time::Instant::now() < deadline {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting until {what}");
}

/// `follower` follows `followed` and both sides agree the follow is accepted.
pub async fn follow(follower: &TestNode, followed: &TestNode) {
    let handle = format!("{}@{}", followed.node.settings.node.username, followed.node.authority());
    maillage::operations::outbound::follow::follow(
        &follower.node,
        &handle,
        &maillage::operations::people::audit::Actor::Cli("tests"),
    )
    .await
    .expect("follow");
    let (follower_actor, followed_actor) = (follower.actor(), followed.actor());
    eventually("the follow is accepted on both sides", || async {
        let accepted_there = followed
            .count(&format!(
                "SELECT COUNT(*) FROM followers WHERE state = 'accepted' AND actor_uri = '{follower_actor}'"
            ))
            .await
            == 1;
        // This follow's Accept, not an earlier follow's.
        let accepted_here = follower
            .count(&format!(
                "SELECT COUNT(*) FROM following WHERE state = 'accepted' AND actor_uri = '{followed_actor}'"
            ))
            .await
            == 1;
        accepted_there && accepted_here
    })
    .await;
}

/// A project sheet with every field filled.
pub fn full_project_sheet(slug: &str) -> serde_json::Value {
    let mut document = serde_json::json!({
        "slug": slug,
        "kind": "project_sheet",
        "title": "Plateforme d'économie circulaire du Pays d'Aix",
        "summary": "Mutualiser les flux de matières entre entreprises et collectivités.",
        "body": "## Contexte\n\nLe territoire a lancé une **opération** d'écologie industrielle.",
        "language": "fr",
        "license": "CC-BY-SA-4.0",
        "authors": [{ "name": "Claire Martin", "role": "cheffe de projet" }],
        "territory": { "name": "Pays d'Aix", "scale": "epci", "insee_code": "13001", "epci_code": "200054807", "lat": 43.52, "lon": 5.44 },
        "pillars": ["ecologie_industrielle_territoriale", "approvisionnement_durable"],
        "activity_domains": ["industrie", "agriculture"],
        "resources": ["dechet", "compost"],
        "food_themes": ["circuits_courts"],
        "target_audiences": ["entreprises", "collectivites"],
        "tags": ["synergies", "zone d'activités"],
        "documents": [{ "title": "Rapport", "url": "https://example.org/rapport.pdf", "media_type": "application/pdf", "license": "CC-BY-4.0" }],
        "inspired_by": ["https://example.org/items/methode"],
        "lifecycle": "published",
        "last_reviewed": "2025-01-15",
        "review_due": "2026-01-15"
    });
    document["project_sheet"] = serde_json::json!({
        "carrier": { "name": "Métropole Aix-Marseille-Provence", "org_type": "epci", "siren": "200054807" },
        "nature": "Opération territoriale",
        "phase": "operation",
        "status": "en_cours",
        "location": "Aix-en-Provence",
        "perimeter": "Pays d'Aix et Sud Luberon",
        "start_date": "2019-03",
        "end_date": "2024",
        "partners": [{ "name": "CCI Aix-Marseille", "role": "animation" }],
        "consortium": ["CCI", "Chambre d'agriculture"],
        "total_cost_eur": 250000.0,
        "funding": [
            { "funder": "ADEME", "amount_eur": 120000.0, "funding_type": "subvention_nationale", "status": "acquis", "programme": "AMI Démonstrateurs territoriaux – France 2030" },
            { "funder": "Région Sud", "amount_eur": 80000.5, "funding_type": "subvention_locale", "status": "en_negociation" }
        ],
        "objectives": ["Réduire les déchets", "Créer des emplois"],
        "stages": [{ "name": "Diagnostic", "start": "2019", "end": "2020", "description": "Cartographie des flux" }],
        "work_packages": [{ "code": "Gt1", "name": "Gouvernance", "description": "Pilotage" }],
        "human_means": "2 ETP",
        "technical_means": "Outil de cartographie",
        "practices_used": ["https://example.org/items/methode"],
        "qualitative_results": "Des coopérations nouvelles.",
        "key_figures": [{ "indicator": "Tonnes évitées", "value": 1200.0, "unit": "t", "date": "2023", "baseline": 0.0, "target": 2000.0 }],
        "useful_effects": [{ "beneficiary": "Entreprises de la zone", "effect": "Baisse des coûts de collecte", "kind": "direct", "evidence": "observe" }],
        "evaluation_dimensions": ["environnementale", "économique"],
        "events": [{ "name": "Forum", "date": "2023-06-12", "place": "Aix-en-Provence" }]
    });
    document
}
