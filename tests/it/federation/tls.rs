//! Federation over real TLS: nodes serve https on host names (`a.test`, `b.test`) with
//! certificates from a CA the test makes, under the production policy (https only, no
//! private addresses); only the static hosts table (`federation.resolve`) sends those
//! names to loopback. They follow each other, deliver and backfill; a peer whose
//! certificate comes from a CA the node does not trust is refused, and the node records
//! why.

use super::test_ca::TestCa;
use crate::fixtures::full_project_sheet;
use crate::harness::{follow, free_port, named_settings, run_maillage, run_until_idle, TestNode};
use figment::providers::Serialized;
use maillage::federation::client::FetchError;
use maillage::federation::failure::FailureKind;
use maillage::operations::people::audit::Actor;
use maillage::settings::Settings;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;

/// Host names and the loopback ports they lead to.
struct Hosts(BTreeMap<String, u16>);

impl Hosts {
    /// A free port for each name.
    fn new(names: &[&str]) -> Hosts {
        Hosts(names.iter().map(|name| (name.to_string(), free_port())).collect())
    }

    fn port(&self, host: &str) -> u16 {
        self.0[host]
    }

    fn address(&self, host: &str) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port(host)))
    }

    /// The value of `federation.resolve`.
    fn table(&self) -> BTreeMap<String, String> {
        self.0.keys().map(|host| (host.clone(), self.address(host).to_string())).collect()
    }
}

/// A node serving https as `host` with a certificate issued by `issuer`, trusting the
/// `trusted` CAs for its outgoing requests.
async fn start_https(dir: &Path, hosts: &Hosts, host: &str, issuer: &TestCa, trusted: &[&TestCa]) -> TestNode {
    let username = host.split('.').next().expect("a host name");
    let issued = issuer.issue(host);
    let trusted_files: Vec<&Path> = trusted.iter().map(|ca| ca.certificate.as_path()).collect();
    let figment = named_settings(&dir.join(format!("{username}.db")), hosts.port(host), username)
        .merge(Serialized::default("server.base_url", format!("https://{host}/")))
        .merge(Serialized::default("server.tls_certificate", &issued.certificate))
        .merge(Serialized::default("server.tls_key", &issued.key))
        .merge(Serialized::default("federation.allow_http", false))
        .merge(Serialized::default("federation.allow_private_addresses", false))
        .merge(Serialized::default("federation.extra_ca_certs", trusted_files))
        .merge(Serialized::default("federation.resolve", hosts.table()));
    let settings = Settings::from_figment(figment).expect("https test settings");
    let issuer_pem = std::fs::read(&issuer.certificate).expect("the CA certificate");
    let http = reqwest::Client::builder()
        .resolve(host, hosts.address(host))
        .add_root_certificate(reqwest::Certificate::from_pem(&issuer_pem).expect("a PEM certificate"))
        .build()
        .expect("the test's HTTP client");
    TestNode::builder(dir, username).settings(settings, format!("https://{host}"), http).stepped().start().await
}

fn uri_of(created: &serde_json::Value) -> String {
    created["meta"]["id"].as_str().expect("the item's URI").to_owned()
}

#[tokio::test]
async fn two_nodes_on_https_host_names_with_a_private_ca_follow_each_other_deliver_and_backfill() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ca = TestCa::new(dir.path(), "Autorité du réseau");
    let hosts = Hosts::new(&["a.test", "b.test"]);
    let a = start_https(dir.path(), &hosts, "a.test", &ca, &[&ca]).await;
    let b = start_https(dir.path(), &hosts, "b.test", &ca, &[&ca]).await;
    assert_eq!(a.actor(), "https://a.test/actor");

    // Published on B before anyone follows it: only the backfill can bring it to A.
    let earlier = uri_of(&b.create(&full_project_sheet("avant-abonnement")).await);
    follow(&a, &b).await;
    follow(&b, &a).await;
    assert!(a.item(&earlier).await.is_some(), "the backfill brought B's earlier sheet to A");

    // Published on A once B follows it: delivered to B's inbox over https.
    let later = uri_of(&a.create(&full_project_sheet("apres-abonnement")).await);
    assert!(later.starts_with("https://a.test/items/"), "{later}");
    run_until_idle(&[&a, &b]).await;
    assert!(b.item(&later).await.is_some(), "the Create reached B");
    let delivered = format!(
        "SELECT COUNT(*) FROM deliveries d JOIN activities a ON a.id = d.activity \
         WHERE a.kind = 'Create' AND a.object_uri = '{later}' AND d.inbox LIKE 'https://b.test/%' AND d.state = 'delivered'"
    );
    assert_eq!(a.count(&delivered).await, 1, "A delivered its Create to B's inbox");
    for node in [&a, &b] {
        assert_eq!(node.count("SELECT COUNT(*) FROM deliveries WHERE last_error IS NOT NULL").await, 0);
    }
}

#[tokio::test]
async fn a_peer_whose_certificate_comes_from_an_unknown_ca_is_refused_with_the_tls_cause() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ca = TestCa::new(dir.path(), "Autorité du réseau");
    let unknown = TestCa::new(dir.path(), "Autorité inconnue");
    let mut hosts = Hosts::new(&["a.test", "b.test"]);
    // Another name for A's own listener, whose certificate is for a.test only.
    hosts.0.insert("autre.test".into(), hosts.port("a.test"));
    let a = start_https(dir.path(), &hosts, "a.test", &ca, &[&ca]).await;
    let b = start_https(dir.path(), &hosts, "b.test", &unknown, &[&ca, &unknown]).await;

    // Following B fails, and the error the operation returns says why.
    let refused = maillage::operations::outbound::follow::follow(&a.node, "b@b.test", &Actor::Cli("tests"))
        .await
        .expect_err("B's certificate is not trusted");
    assert!(refused.to_string().contains("tls_unknown_issuer"), "{refused}");

    // B became A's follower earlier (say, under a certificate A trusted): A's next item is
    // queued for B's inbox, and the failed delivery records the cause in the queue.
    let mut connection = a.node.pool.acquire().await.expect("a connection");
    let now = maillage::storage::timestamp(chrono::Utc::now());
    maillage::storage::followers::upsert_follower(
        &mut connection,
        &b.actor(),
        "https://b.test/inbox",
        maillage::storage::states::FollowState::Accepted,
        "https://b.test/activities/suivi",
        &now,
    )
    .await
    .expect("B follows A");
    drop(connection);
    let uri = uri_of(&a.create(&full_project_sheet("pour-b")).await);
    assert_eq!(a.deliver().await, 1, "the delivery to B is sent once");
    let failed = a.count(
        "SELECT COUNT(*) FROM deliveries WHERE inbox = 'https://b.test/inbox' AND attempts > 0 AND last_error IS NOT NULL",
    );
    assert_eq!(failed.await, 1, "the delivery to B has failed once");
    let (queued, peer): (String, String) = sqlx::query_as(
        "SELECT d.last_error, p.last_error FROM deliveries d JOIN peers p ON p.peer = d.peer WHERE d.inbox = 'https://b.test/inbox'",
    )
    .fetch_one(&a.node.pool)
    .await
    .expect("the recorded failure");
    for recorded in [&queued, &peer] {
        assert!(recorded.starts_with("tls_unknown_issuer: "), "{recorded}");
        assert!(recorded.contains("UnknownIssuer"), "the whole cause chain is kept: {recorded}");
    }
    assert!(b.item(&uri).await.is_none());

    // `maillage doctor` on A's database says it in French, with the code.
    let config = dir.path().join("a.toml");
    let settings = format!(
        "[server]\nbase_url = \"https://a.test/\"\n[database]\npath = {db:?}\n[federation]\nextra_ca_certs = [{ca:?}]\n\
         [federation.resolve]\n\"b.test\" = \"{b}\"\n",
        db = a.db,
        ca = ca.certificate,
        b = hosts.address("b.test"),
    );
    std::fs::write(&config, settings).expect("the doctor's settings");
    let output = run_maillage(&["--config", config.to_str().expect("a UTF-8 path"), "doctor"], &[]).await;
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{stdout}");
    assert!(
        stdout.contains("✗ pair injoignable — https://b.test/actor : certificat non reconnu (autorité inconnue"),
        "{stdout}"
    );
    assert!(stdout.contains("[tls_unknown_issuer]"), "{stdout}");

    // A certificate for another name is told apart: A's own, reached as autre.test.
    match a.node.client.fetch_json("https://autre.test/actor").await {
        Err(FetchError::Network(_, failure)) => assert_eq!(failure.kind, FailureKind::TlsNameMismatch, "{failure}"),
        other => panic!("a certificate for a.test must not do for autre.test: {other:?}"),
    }
}

#[tokio::test]
async fn a_node_that_serves_tls_without_a_base_url_announces_https_on_its_port() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ca = TestCa::new(dir.path(), "Autorité du réseau");
    let issued = ca.issue("127.0.0.1");
    let figment = named_settings(&dir.path().join("n.db"), 0, "seul")
        .merge(Serialized::default("server.tls_certificate", &issued.certificate))
        .merge(Serialized::default("server.tls_key", &issued.key));
    let app = maillage::startup::Application::build(Settings::from_figment(figment).expect("settings"))
        .await
        .expect("the node starts");
    assert_eq!(app.node().base_url.as_str(), format!("https://127.0.0.1:{}/", app.port()));
}
