//! The audit log: each change a person makes leaves exactly one entry naming who, what
//! and on what; a refused request leaves none. Read through the API (scope `admin`), the
//! CLI and the admin page.

use crate::fixtures::{draft, dynamo_project_sheet, practice};
use crate::harness::{run_until_idle, stderr_of, ApiErrorBody, Served, TestNode};
use maillage::content::Lifecycle;
use maillage::operations::people::accounts;
use maillage::operations::people::audit::{self, Actor};
use maillage::operations::people::scopes::Scope;
use reqwest::StatusCode;
use serde_json::{json, Value};

const PASSWORD: &str = "un mot de passe assez long";

fn row(actor: &str, action: &str, target: &str) -> (String, String, String) {
    (actor.to_owned(), action.to_owned(), target.to_owned())
}

/// The entries written after the first `skip` ones.
async fn rows_after(app: &TestNode, skip: usize) -> Vec<(String, String, String)> {
    app.audit_rows().await.into_iter().skip(skip).collect()
}

/// The session cookie of an editor who signs in with [`PASSWORD`].
async fn log_in(app: &TestNode, username: &str) -> String {
    crate::harness::sign_in(&app_client(), &app.base, username, PASSWORD).await
}

fn app_client() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("a client")
}

#[tokio::test]
async fn each_item_change_through_the_api_leaves_one_entry_with_its_actor_and_uri() {
    let app = TestNode::spawn().await;
    let uri = app.node.item_uri("brouillon");
    let skip = app.audit_rows().await.len();

    let mut practice = practice("brouillon", "Un brouillon", "Le corps.");
    practice.lifecycle = Lifecycle::Draft;
    app.create_ok(&practice).await;
    Served::expect(app.patch_item("brouillon", &json!({"title": "Le brouillon"})).await, StatusCode::OK).await;
    Served::expect(app.patch_item("brouillon", &json!({"lifecycle": "published"})).await, StatusCode::OK).await;
    Served::expect(app.retract_item("brouillon").await, StatusCode::OK).await;
    // Retracting again and an identical patch change nothing, so they record nothing.
    Served::expect(app.retract_item("brouillon").await, StatusCode::OK).await;
    Served::expect(app.patch_item("brouillon", &json!({"title": "Le brouillon"})).await, StatusCode::OK).await;

    assert_eq!(
        rows_after(&app, skip).await,
        vec![
            row("api:tests", "item.create", &uri),
            row("api:tests", "item.update", &uri),
            row("api:tests", "item.publish", &uri),
            row("api:tests", "item.retract", &uri),
        ]
    );
}

#[tokio::test]
async fn a_refused_item_write_leaves_no_entry_and_no_change() {
    let app = TestNode::spawn().await;
    app.create_ok(&dynamo_project_sheet()).await;
    let entries = app.audit_rows().await;
    let counts = app.row_counts().await;
    let reader = app.with_token(&app.token_with("lecture", &[Scope::ItemsRead]).await);
    let entries_with_reader = app.audit_rows().await;

    let mut invalid = dynamo_project_sheet();
    invalid.title = String::new();
    let refusals = [
        app.create_item(&invalid).await,
        app.patch_item("dynamo-ariege", &json!({"pillars": ["inconnu"]})).await,
        app.public().patch_item("dynamo-ariege", &json!({"title": "Piraté"})).await,
        reader.retract_item("dynamo-ariege").await,
        app.retract_item("inexistante").await,
    ];

    for response in refusals {
        assert!(response.status().is_client_error(), "{}", response.status());
    }
    assert_eq!(app.audit_rows().await, entries_with_reader);
    assert_eq!(entries_with_reader.len(), entries.len() + 1, "only the reader's token was recorded");
    assert_eq!(app.row_counts().await, counts);
}

#[tokio::test]
async fn editors_items_accounts_and_sign_ins_are_recorded_with_the_editor_as_actor() {
    // Arrange
    let app = TestNode::spawn().await;
    let skip = app.audit_rows().await.len();
    let cli = Actor::Cli("editor");

    // Act: an account made then reset, a refused and a good sign-in, an unknown name.
    accounts::set_editor(&app.node, "camille", PASSWORD, "editor", &cli).await.expect("an editor");
    accounts::set_editor(&app.node, "camille", PASSWORD, "admin", &cli).await.expect("reset");
    let wrong = app_client()
        .post(format!("{}/login", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("username=camille&password=pas+le+bon+mot")
        .send()
        .await
        .expect("login");
    let unknown = app_client()
        .post(format!("{}/login", app.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("username=personne&password=pas+le+bon+mot")
        .send()
        .await
        .expect("login");
    log_in(&app, "camille").await;

    // Assert
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        rows_after(&app, skip).await,
        vec![
            row("cli:editor", "account.create", "camille"),
            row("cli:editor", "account.update", "camille"),
            row("anonymous", "session.login_failed", "camille"),
            row("anonymous", "session.login_failed", "personne"),
            row("editor:camille", "session.login", "camille"),
        ]
    );
}

#[tokio::test]
async fn token_creation_and_revocation_are_recorded_and_a_failed_revocation_is_not() {
    let app = TestNode::spawn().await;
    let skip = app.audit_rows().await.len();

    let created = app.run_cli(&["token", "create", "outil", "--scope", "items:read"]).await;
    let id = app.api_tokens().await.into_iter().find(|t| t.name == "outil").expect("the token is stored").id;
    let revoked = app.run_cli(&["token", "revoke", &id.to_string()]).await;
    let again = app.run_cli(&["token", "revoke", &id.to_string()]).await;

    assert!(created.status.success() && revoked.status.success(), "{}", stderr_of(&revoked));
    assert!(!again.status.success(), "a revoked token cannot be revoked again");
    assert_eq!(
        rows_after(&app, skip).await,
        vec![row("cli:token", "token.create", "outil"), row("cli:token", "token.revoke", "outil")]
    );
    let filter = audit::AuditFilter { actor: Some("cli:token".into()), ..Default::default() };
    let entries = audit::list(&app.node, &filter).await.expect("the audit log").entries;
    let details: Vec<String> =
        entries.into_iter().rev().filter(|e| e.target == "outil").filter_map(|e| e.detail).collect();
    assert_eq!(details, vec![format!(r#"{{"id":{id},"scopes":"items:read"}}"#), format!(r#"{{"id":{id}}}"#)]);
}

#[tokio::test]
async fn peer_actions_are_recorded_on_the_node_that_acts_and_refusals_are_not() {
    // Arrange: Lyon follows Toulouse (auto-accepted), and Toulouse publishes an item.
    let lyon = TestNode::spawn_stepped().await;
    let toulouse = TestNode::spawn_stepped().await;
    let (lyon_actor, toulouse_actor) = (lyon.node.actor_uri(), toulouse.node.actor_uri());
    let (lyon_skip, toulouse_skip) = (lyon.audit_rows().await.len(), toulouse.audit_rows().await.len());
    assert_eq!(lyon.follow(&toulouse_actor).await.status(), StatusCode::ACCEPTED);
    run_until_idle(&[&lyon, &toulouse]).await;
    assert!(toulouse.has_accepted_follower(&lyon_actor).await, "Toulouse knows its follower");
    assert!(lyon.follows_accepted(&toulouse_actor).await, "Lyon knows its accepted follow");
    let item = toulouse.create_ok(&dynamo_project_sheet()).await;
    let item_uri = toulouse.node.item_uri(item.slug());
    run_until_idle(&[&lyon, &toulouse]).await;
    assert!(lyon.item(&item_uri).await.is_some(), "Lyon holds the replica");

    // Act: each peer action once; then refused ones.
    assert_eq!(lyon.reshare(&item_uri).await.status(), StatusCode::ACCEPTED);
    assert_eq!(toulouse.answer_follower(&lyon_actor, true).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(toulouse.answer_follower(&lyon_actor, false).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(lyon.relay(&toulouse_actor, true).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(lyon.unfollow(&toulouse_actor).await.status(), StatusCode::NO_CONTENT);
    let refused = [
        lyon.unfollow(&toulouse_actor).await,
        lyon.relay(&toulouse_actor, false).await,
        toulouse.answer_follower(&lyon_actor, true).await,
        toulouse.reshare(&item_uri).await,
    ];

    // Assert: one entry per action, on the acting node only; none for the refusals or
    // for what the peers did by themselves (accepting the follow, replicating the item).
    for response in refused {
        assert!(response.status().is_client_error(), "{}", response.status());
    }
    assert_eq!(
        rows_after(&lyon, lyon_skip).await,
        vec![
            row("api:tests", "peer.follow", &toulouse_actor),
            row("api:tests", "item.reshare", &item_uri),
            row("api:tests", "peer.relay", &toulouse_actor),
            row("api:tests", "peer.unfollow", &toulouse_actor),
        ]
    );
    assert_eq!(
        rows_after(&toulouse, toulouse_skip).await,
        vec![
            row("api:tests", "item.create", &item_uri),
            row("api:tests", "peer.approve", &lyon_actor),
            row("api:tests", "peer.reject", &lyon_actor),
        ]
    );
}

#[tokio::test]
async fn the_audit_api_pages_newest_first_and_filters_by_action_and_actor() {
    // Arrange: five entries from two tokens.
    let app = TestNode::spawn().await;
    let other = app.with_token(&app.token_with("autre", &[Scope::ItemsWrite]).await);
    for i in 0..3 {
        app.create_ok(&draft(&format!("fiche-{i}"), &format!("Fiche {i}"))).await;
    }
    Served::expect(other.create_item(&draft("fiche-autre", "Fiche autre")).await, StatusCode::CREATED).await;
    let all: Vec<String> = app.audit_rows().await.into_iter().rev().map(|(_, _, target)| target).collect();

    // Act: page through everything two at a time.
    let mut seen = Vec::new();
    let mut path = "/api/v1/audit?limit=2".to_owned();
    loop {
        let body: Value = app.get_path(&path).await.json().await.expect("a page");
        let entries = body["entries"].as_array().expect("entries");
        assert!(entries.len() <= 2);
        seen.extend(entries.iter().map(|e| e["target"].as_str().expect("target").to_owned()));
        match body["next"].as_str() {
            Some(next) => path = next.to_owned(),
            None => break,
        }
    }
    let by_other: Value = app.audit(&[("actor", "api:autre")]).await.json().await.expect("a page");
    let creations: Value = app.audit(&[("action", "item.create")]).await.json().await.expect("a page");

    // Assert
    assert_eq!(seen, all, "every entry once, newest first");
    let targets = |page: &Value| -> Vec<String> {
        page["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| e["target"].as_str().expect("target").to_owned())
            .collect()
    };
    assert_eq!(targets(&by_other), vec![app.node.item_uri("fiche-autre")]);
    assert_eq!(targets(&creations).len(), 4);
    assert_eq!(creations["entries"][0]["detail"], json!({"revision": 1, "lifecycle": "draft"}));
}

#[tokio::test]
async fn bad_audit_filters_are_refused_with_the_field_named() {
    let app = TestNode::spawn().await;

    for (query, field) in [
        (("action", "item.delete"), "action"),
        (("before", "hier"), "before"),
        (("limit", "0"), "limit"),
        (("limit", "201"), "limit"),
    ] {
        let error = ApiErrorBody::from(app.audit(&[query]).await).await;
        assert_eq!((error.status, error.code.as_str()), (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"));
        assert_eq!(error.fields.first().map(|(path, _)| path.as_str()), Some(field), "{query:?}");
    }
}

#[tokio::test]
async fn the_cli_prints_the_log_as_a_table_and_names_a_bad_action() {
    let app = TestNode::spawn().await;
    app.create_ok(&draft("brouillon", "Un brouillon")).await;

    let table = app.run_cli(&["audit", "--limit", "5", "--action", "item.create"]).await;
    let bad = app.run_cli(&["audit", "--action", "item.delete"]).await;

    assert!(table.status.success(), "{}", stderr_of(&table));
    let text = String::from_utf8_lossy(&table.stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("date") && lines[0].contains("acteur"), "{text}");
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[1].contains("api:tests") && lines[1].contains(&app.node.item_uri("brouillon")), "{text}");
    assert!(!bad.status.success());
    assert!(stderr_of(&bad).contains("--action") && stderr_of(&bad).contains("item.delete"), "{}", stderr_of(&bad));
}

#[tokio::test]
async fn the_journal_page_is_for_administrators_only() {
    // Arrange
    let app = TestNode::spawn().await;
    let cli = Actor::Cli("editor");
    accounts::set_editor(&app.node, "claire", PASSWORD, "admin", &cli).await.expect("an admin");
    accounts::set_editor(&app.node, "mallory", PASSWORD, "editor", &cli).await.expect("an editor");
    let (admin, editor) = (log_in(&app, "claire").await, log_in(&app, "mallory").await);
    let journal = |cookie: Option<String>| {
        let request = app_client().get(format!("{}/admin/journal?action=session.login", app.base));
        async move {
            match cookie {
                Some(cookie) => request.header("cookie", cookie),
                None => request,
            }
            .send()
            .await
            .expect("the journal")
        }
    };

    // Act
    let anonymous = journal(None).await;
    let refused = journal(Some(editor)).await;
    let shown = journal(Some(admin)).await;

    // Assert
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(!refused.text().await.expect("body").contains("editor:claire"));
    assert_eq!(shown.status(), StatusCode::OK);
    let html = shown.text().await.expect("body");
    assert!(html.contains("editor:claire") && html.contains("editor:mallory") && html.contains("Connexion"), "{html}");
    assert!(!html.contains("account.create</span>"), "the action filter applies");
}

#[tokio::test]
async fn a_change_whose_audit_entry_cannot_be_written_is_rolled_back() {
    // Arrange: make every audit insert fail, as a full disk or a bug would.
    let app = TestNode::spawn().await;
    sqlx::query("CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END")
        .execute(&app.node.pool)
        .await
        .expect("the trigger");
    let before = app.row_counts().await;

    // Act
    let error = ApiErrorBody::from(app.create_item(&dynamo_project_sheet()).await).await;

    // Assert: the item went with its entry; the cause stays in the log.
    assert_eq!((error.status, error.code.as_str()), (StatusCode::INTERNAL_SERVER_ERROR, "internal_error"));
    assert!(!error.message.contains("audit down"));
    assert_eq!(app.row_counts().await, before);
}
