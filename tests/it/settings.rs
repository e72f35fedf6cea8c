//! Settings: a bad value stops the node with a message that names the key; nodes built
//! from settings share nothing, so several live in one process.

use crate::fixtures::dynamo_project_sheet;
use crate::harness::{run_maillage, stderr_of, TestNode};
use reqwest::StatusCode;

#[tokio::test]
async fn an_invalid_port_in_the_environment_stops_serve_with_a_message_naming_server_port() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let database = dir.path().join("n.db");

    let output = run_maillage(
        &["serve"],
        &[("MAILLAGE__SERVER__PORT", "huit"), ("MAILLAGE__DATABASE__PATH", database.to_str().expect("UTF-8"))],
    )
    .await;

    assert!(!output.status.success(), "serve must refuse to start");
    let stderr = stderr_of(&output);
    assert!(stderr.contains("server.port"), "the message names the key: {stderr}");
    assert!(!database.exists(), "nothing is created before the settings are valid");
}

#[tokio::test]
async fn a_missing_ca_file_stops_serve_with_a_french_message_naming_the_setting_and_the_path() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let database = dir.path().join("n.db");

    let output = run_maillage(
        &["serve"],
        &[
            ("MAILLAGE__SERVER__PORT", "0"),
            ("MAILLAGE__DATABASE__PATH", database.to_str().expect("UTF-8")),
            ("MAILLAGE__FEDERATION__EXTRA_CA_CERTS", "[\"/nulle-part/autorite.pem\"]"),
        ],
    )
    .await;

    assert!(!output.status.success(), "serve must refuse to start");
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("réglage `federation.extra_ca_certs` : /nulle-part/autorite.pem : fichier PEM illisible"),
        "{stderr}"
    );
    assert!(!database.exists(), "nothing is created before the CA files are read");
}

#[tokio::test]
async fn a_port_out_of_range_is_refused_too() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let database = dir.path().join("n.db");

    let output = run_maillage(
        &["serve"],
        &[("MAILLAGE__SERVER__PORT", "70000"), ("MAILLAGE__DATABASE__PATH", database.to_str().expect("UTF-8"))],
    )
    .await;

    assert!(!output.status.success());
    assert!(stderr_of(&output).contains("server.port"), "{}", stderr_of(&output));
}

#[tokio::test]
async fn an_unknown_key_in_a_config_file_is_refused_with_its_name() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("node.toml");
    std::fs::write(&config, "[server]\nprot = 8081\n").expect("written");

    let output = run_maillage(
        &["--config", config.to_str().expect("UTF-8"), "serve"],
        &[("MAILLAGE__DATABASE__PATH", dir.path().join("n.db").to_str().expect("UTF-8"))],
    )
    .await;

    assert!(!output.status.success());
    assert!(stderr_of(&output).contains("prot"), "{}", stderr_of(&output));
}

#[tokio::test]
async fn two_nodes_live_side_by_side_in_one_process() {
    let marseille = TestNode::spawn().await;
    let foix = TestNode::spawn().await;

    marseille.create_ok(&dynamo_project_sheet()).await;

    assert_ne!(marseille.port, foix.port);
    assert_ne!(marseille.db, foix.db);
    assert_eq!(foix.get_item("dynamo-ariege").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(foix.row_counts().await.items, 0);
    assert_eq!(marseille.row_counts().await.items, 1);
    assert_eq!(
        foix.with_token(&marseille.token).list_items(&[]).await.status(),
        StatusCode::UNAUTHORIZED,
        "tokens are per node"
    );
}

/// Runs `maillage serve` on a fresh database with `env`, and returns its error message.
async fn serve_refused(env: &[(&str, &str)], args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let database = dir.path().join("n.db");
    let mut all = vec![("MAILLAGE__DATABASE__PATH", database.to_str().expect("UTF-8"))];
    all.extend_from_slice(env);
    let mut arguments = args.to_vec();
    arguments.push("serve");
    let output = run_maillage(&arguments, &all).await;
    assert!(!output.status.success(), "serve must refuse to start");
    assert!(!database.exists(), "nothing is created before the settings are valid");
    stderr_of(&output)
}

#[tokio::test]
async fn a_wrong_type_says_in_french_the_key_where_it_was_set_the_format_and_an_example() {
    let stderr = serve_refused(&[("MAILLAGE__SERVER__PORT", "huit")], &[]).await;

    assert!(
        stderr.contains(
            "réglage `server.port` (variable d'environnement MAILLAGE__SERVER__PORT) : « huit » n'est pas accepté"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("un nombre entier de 0 à 65535"), "the format: {stderr}");
    assert!(stderr.contains("`port = 8081` dans la section [server]"), "an example: {stderr}");
}

#[tokio::test]
async fn a_duration_without_its_unit_is_refused_with_the_accepted_units() {
    let stderr = serve_refused(&[("MAILLAGE__FEDERATION__REQUEST_TIMEOUT", "10")], &[]).await;

    assert!(stderr.contains("réglage `federation.request_timeout`"), "{stderr}");
    assert!(stderr.contains("« 10 » n'est pas accepté"), "{stderr}");
    assert!(stderr.contains("une durée avec son unité : 500ms, 10s"), "{stderr}");
    assert!(stderr.contains("MAILLAGE__FEDERATION__REQUEST_TIMEOUT=10s"), "{stderr}");
}

#[tokio::test]
async fn a_missing_config_file_is_named_by_its_path() {
    let stderr = serve_refused(&[], &["--config", "/nulle-part/noeud.toml"]).await;

    assert!(stderr.contains("fichier introuvable : /nulle-part/noeud.toml (option --config"), "{stderr}");
}

#[tokio::test]
async fn a_config_file_with_a_syntax_error_is_named_with_its_line_and_column() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("noeud.toml");
    std::fs::write(&config, "[server]\nhost = \"127.0.0.1\"\nport = \n").expect("written");

    let stderr = serve_refused(&[], &["--config", config.to_str().expect("UTF-8")]).await;

    assert!(stderr.contains(&format!("fichier {}", config.display())), "{stderr}");
    assert!(stderr.contains("TOML mal formé, ligne 3, colonne 8"), "{stderr}");
    assert!(!stderr.contains("expected"), "the parser's English stays out: {stderr}");
}

#[tokio::test]
async fn an_unknown_value_lists_the_possible_ones() {
    let stderr = serve_refused(&[("MAILLAGE__FEDERATION__POLICY", "fermé")], &[]).await;

    assert!(stderr.contains("« fermé » n'est pas une valeur possible (open, blocklist, allowlist)"), "{stderr}");
}
