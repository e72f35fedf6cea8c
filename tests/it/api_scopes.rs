//! Token scopes: every authenticated route requires exactly one scope; a live token
//! without it is refused 403 `insufficient_scope` and changes nothing, a token with it
//! gets through, and a missing or unknown token stays 401.

use crate::fixtures::{draft, dynamo_project_sheet};
use crate::harness::{stderr_of, ApiErrorBody, Served, TestNode};
use maillage::operations::people::scopes::Scope;
use reqwest::{Response, StatusCode};
use serde_json::json;

/// Every scope but `missing`.
fn all_but(missing: Scope) -> Vec<Scope> {
    Scope::ALL.into_iter().filter(|s| *s != missing).collect()
}

/// The response is a 403 naming `scope`, in the body and in the challenge.
async fn assert_insufficient_scope(response: Response, scope: Scope) {
    let challenge = response
        .headers()
        .get(reqwest::header::WWW_AUTHENTICATE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let error = ApiErrorBody::from(response).await;
    assert_eq!((error.status, error.code.as_str()), (StatusCode::FORBIDDEN, "insufficient_scope"), "{error:?}");
    assert!(error.message.contains(scope.code()), "the message names the scope: {}", error.message);
    assert!(challenge.starts_with("Bearer "), "{challenge}");
    assert!(challenge.contains(r#"error="insufficient_scope""#), "{challenge}");
    assert!(challenge.contains(&format!(r#"scope="{}""#, scope.code())), "{challenge}");
}

/// The rows of every table a refused request could have touched, counted, and the
/// followed peers in relay mode.
async fn snapshot(app: &TestNode) -> Vec<i64> {
    let mut counts = Vec::new();
    for sql in [
        "SELECT COUNT(*) FROM items",
        "SELECT COUNT(*) FROM item_revisions",
        "SELECT COUNT(*) FROM following",
        "SELECT COUNT(*) FROM following WHERE relay = 1",
        "SELECT COUNT(*) FROM deliveries",
        "SELECT COUNT(*) FROM announces",
        "SELECT COUNT(*) FROM audit_log",
    ] {
        counts.push(sqlx::query_scalar(sql).fetch_one(&app.node.pool).await.expect("count"));
    }
    counts
}

#[tokio::test]
async fn a_token_without_items_write_cannot_change_items_and_nothing_changes() {
    // Arrange: a published item, and a token with every scope but items:write.
    let app = TestNode::spawn().await;
    let created = app.create_ok(&dynamo_project_sheet()).await;
    let reader = app.with_token(&app.token_with("lecture", &all_but(Scope::ItemsWrite)).await);
    let before = snapshot(&app).await;

    // Act + assert: each write is refused with the scope named.
    assert_insufficient_scope(reader.create_item(&draft("nouvelle", "Nouvelle")).await, Scope::ItemsWrite).await;
    assert_insufficient_scope(
        reader.put_item("dynamo-ariege", &draft("dynamo-ariege", "Remplacée")).await,
        Scope::ItemsWrite,
    )
    .await;
    assert_insufficient_scope(reader.patch_item("dynamo-ariege", &json!({"title": "Piraté"})).await, Scope::ItemsWrite)
        .await;
    assert_insufficient_scope(reader.retract_item("dynamo-ariege").await, Scope::ItemsWrite).await;
    assert_insufficient_scope(reader.reshare(&app.node.item_uri(created.slug())).await, Scope::ItemsWrite).await;

    assert_eq!(snapshot(&app).await, before, "nothing was written");
    assert_eq!(app.get_ok("dynamo-ariege").await.document, created.document);
}

#[tokio::test]
async fn a_token_with_only_items_write_can_create_change_and_retract() {
    let app = TestNode::spawn().await;
    let writer = app.with_token(&app.token_with("saisie", &[Scope::ItemsWrite]).await);

    let created = Served::expect(writer.create_item(&dynamo_project_sheet()).await, StatusCode::CREATED).await;
    let patched =
        Served::expect(writer.patch_item(created.slug(), &json!({"title": "DYNAMO"})).await, StatusCode::OK).await;
    let retracted = Served::expect(writer.retract_item(created.slug()).await, StatusCode::OK).await;

    assert_eq!(patched.document.title, "DYNAMO");
    assert_eq!(retracted.document.lifecycle, maillage::content::Lifecycle::Withdrawn);
}

#[tokio::test]
async fn a_token_without_items_read_cannot_read_drafts_and_one_with_it_can() {
    // Arrange: a draft, invisible to the public.
    let app = TestNode::spawn().await;
    app.create_ok(&draft("brouillon", "Un brouillon")).await;
    let writer = app.with_token(&app.token_with("saisie", &all_but(Scope::ItemsRead)).await);
    let reader = app.with_token(&app.token_with("lecture", &[Scope::ItemsRead]).await);

    // Act + assert: refused on every read route, rather than served the public view.
    assert_insufficient_scope(writer.get_item("brouillon").await, Scope::ItemsRead).await;
    assert_insufficient_scope(writer.list_items(&[]).await, Scope::ItemsRead).await;
    assert_insufficient_scope(writer.revisions("brouillon").await, Scope::ItemsRead).await;

    let read = Served::expect(reader.get_item("brouillon").await, StatusCode::OK).await;
    assert_eq!(read.document.title, "Un brouillon");
    assert_eq!(reader.list_ok(&[("lifecycle", "draft")]).await.slugs(), vec!["brouillon"]);
    assert_eq!(reader.revisions("brouillon").await.status(), StatusCode::OK);
    assert_eq!(app.public().get_item("brouillon").await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_token_without_federation_cannot_touch_peers_and_nothing_changes() {
    // Arrange: this node follows another one, so that every route has something to act on.
    let app = TestNode::spawn().await;
    let other = TestNode::spawn().await;
    let other_actor = other.node.actor_uri();
    assert_eq!(app.follow(&other_actor).await.status(), StatusCode::ACCEPTED);
    let publisher = app.with_token(&app.token_with("publication", &all_but(Scope::Federation)).await);
    let before = snapshot(&app).await;

    // Act + assert
    assert_insufficient_scope(publisher.peers().await, Scope::Federation).await;
    assert_insufficient_scope(publisher.follow(&format!("{}/actor", other.base)).await, Scope::Federation).await;
    assert_insufficient_scope(publisher.unfollow(&other_actor).await, Scope::Federation).await;
    assert_insufficient_scope(publisher.relay(&other_actor, true).await, Scope::Federation).await;
    assert_insufficient_scope(publisher.answer_follower(&other_actor, false).await, Scope::Federation).await;

    assert_eq!(snapshot(&app).await, before, "nothing was written");
}

#[tokio::test]
async fn a_token_with_only_federation_manages_peers() {
    let app = TestNode::spawn().await;
    let other = TestNode::spawn().await;
    let peers = app.with_token(&app.token_with("pairs", &[Scope::Federation]).await);

    assert_eq!(peers.peers().await.status(), StatusCode::OK);
    assert_eq!(peers.follow(&other.node.actor_uri()).await.status(), StatusCode::ACCEPTED);
    assert_eq!(peers.relay(&other.node.actor_uri(), true).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(peers.unfollow(&other.node.actor_uri()).await.status(), StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn only_a_token_with_admin_reads_the_audit_log() {
    let app = TestNode::spawn().await;
    let busy = app.with_token(&app.token_with("tout-sauf-admin", &all_but(Scope::Admin)).await);
    let admin = app.with_token(&app.token_with("admin", &[Scope::Admin]).await);

    assert_insufficient_scope(busy.audit(&[]).await, Scope::Admin).await;
    assert_eq!(admin.audit(&[]).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_missing_or_unknown_token_stays_unauthorized_with_a_bearer_challenge() {
    let app = TestNode::spawn().await;

    for api in [app.public(), app.with_token("mlg_inconnu")] {
        let response = api.audit(&[]).await;
        let challenge = response.headers().get(reqwest::header::WWW_AUTHENTICATE).cloned();
        let error = ApiErrorBody::from(response).await;
        assert_eq!((error.status, error.code.as_str()), (StatusCode::UNAUTHORIZED, "unauthorized"));
        assert!(challenge.is_some_and(|c| c.to_str().is_ok_and(|c| c.starts_with("Bearer "))));
    }
}

#[tokio::test]
async fn a_token_stored_before_scopes_existed_keeps_every_scope() {
    // Arrange: a row written as the code before the scopes migration wrote it (no
    // `scopes` column named), so it takes the migration's default.
    let app = TestNode::spawn().await;
    let secret = format!("mlg_{}", "ab".repeat(32));
    sqlx::query(
        "INSERT INTO api_tokens (name, token_hash, created_at) VALUES ('ancien', ?, '2026-01-01T00:00:00.000Z')",
    )
    .bind(maillage::operations::people::accounts::sha256_hex(&secret))
    .execute(&app.node.pool)
    .await
    .expect("an old token");
    let old = app.with_token(&secret);

    // Act + assert: one route per scope.
    assert_eq!(old.list_items(&[("lifecycle", "draft")]).await.status(), StatusCode::OK);
    Served::expect(old.create_item(&dynamo_project_sheet()).await, StatusCode::CREATED).await;
    assert_eq!(old.peers().await.status(), StatusCode::OK);
    assert_eq!(old.audit(&[]).await.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_cli_refuses_an_unknown_scope_naming_it_and_creates_nothing() {
    let app = TestNode::spawn().await;
    let before = app.api_tokens().await.len();

    let output = app.run_cli(&["token", "create", "outil", "--scope", "items:read,items:delete"]).await;

    assert!(!output.status.success());
    let stderr = stderr_of(&output);
    assert!(stderr.contains("--scope") && stderr.contains("items:delete"), "{stderr}");
    assert_eq!(app.api_tokens().await.len(), before);
}

#[tokio::test]
async fn a_cli_token_gets_items_read_and_write_by_default_and_the_list_shows_scopes() {
    let app = TestNode::spawn().await;

    let created = app.run_cli(&["token", "create", "outil"]).await;
    let admin = app.run_cli(&["token", "create", "supervision", "--scope", "admin", "--scope", "federation"]).await;
    let list = app.run_cli(&["token", "list"]).await;

    assert!(created.status.success() && admin.status.success(), "{}", stderr_of(&created));
    let token = String::from_utf8_lossy(&created.stdout).trim().to_owned();
    let listed = String::from_utf8_lossy(&list.stdout).into_owned();
    assert!(listed.lines().any(|l| l.contains("\toutil\titems:read,items:write\t")), "{listed}");
    assert!(listed.lines().any(|l| l.contains("\tsupervision\tfederation,admin\t")), "{listed}");
    assert_insufficient_scope(app.with_token(&token).audit(&[]).await, Scope::Admin).await;
    Served::expect(app.with_token(&token).create_item(&dynamo_project_sheet()).await, StatusCode::CREATED).await;
}

#[tokio::test]
async fn a_token_without_any_scope_is_refused_at_creation() {
    let app = TestNode::spawn().await;

    let refused = maillage::operations::people::accounts::create_api_token(
        &app.node,
        "vide",
        &maillage::operations::people::scopes::Scopes::default(),
        &maillage::operations::people::audit::Actor::Cli("tests"),
    )
    .await;

    assert!(
        matches!(refused, Err(maillage::operations::OperationError::Conflict { code: "missing_scope", .. })),
        "{refused:?}"
    );
}
