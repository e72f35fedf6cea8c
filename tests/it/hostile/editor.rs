//! The editors' forms: every POST without this session's CSRF token is refused (403) and
//! changes nothing; without a session it goes to the login page. Wrong passwords open
//! no session, and repeated ones stop the address that made them for a while (429 with
//! Retry-After): on that account after a few, on every account after more; the editor
//! can still log in from elsewhere.

use super::support::{run_cases, Case, RawRequest};
use crate::harness::TestNode;
use maillage::operations::people::login_throttle::{MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS};
use reqwest::Method;
use serde_json::json;

const PASSWORD: &str = "un mot de passe solide";

/// Logs in through the form; returns the session cookie (`maillage_session=…`).
async fn log_in(node: &TestNode, username: &str) -> String {
    crate::harness::sign_in(&node.http, &node.base, username, PASSWORD).await
}

/// The CSRF token the forms of this session carry.
async fn csrf_of(node: &TestNode, cookie: &str) -> String {
    let html = node
        .http
        .get(format!("{}/edit/new?kind=good_practice", node.base))
        .header("cookie", cookie)
        .send()
        .await
        .expect("form")
        .text()
        .await
        .expect("HTML");
    let marker = "name=\"_csrf\" value=\"";
    let start = html.find(marker).expect("the form carries a CSRF token") + marker.len();
    html[start..].split('"').next().expect("a token").to_owned()
}

fn form(cookie: &str, path: &str, body: &str) -> RawRequest {
    RawRequest::new(Method::POST, path)
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body.to_owned())
}

#[tokio::test]
async fn form_posts_without_the_sessions_csrf_token_are_refused_and_change_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let node = TestNode::with_settings(dir.path(), "victime", &[]).await;
    node.add_editor("claire", PASSWORD, "admin").await;
    node.add_editor("mallory", PASSWORD, "editor").await;
    node.create(&super::inbox::document("locale", "Une fiche locale")).await;
    let claire = log_in(&node, "claire").await;
    let mallory = log_in(&node, "mallory").await;
    let mallory_csrf = csrf_of(&node, &mallory).await;
    let claire_csrf = csrf_of(&node, &claire).await;
    node.settle().await;
    let new_item = "kind=good_practice&title=Cr%C3%A9%C3%A9e+par+CSRF&lifecycle=draft&language=fr&action=save";
    let page = |name, request| Case { name, request, expect_status: 403, expect_code: None };
    let login = |name, request| Case { name, request, expect_status: 303, expect_code: None };
    let cases = vec![
        page("CSRF: a new item without _csrf", form(&claire, "/edit/new", new_item)),
        page("CSRF: a new item with a wrong _csrf", form(&claire, "/edit/new", &format!("{new_item}&_csrf=0000"))),
        page("CSRF: a new item with an empty _csrf", form(&claire, "/edit/new", &format!("{new_item}&_csrf="))),
        page(
            "CSRF: a new item with another session's _csrf",
            form(&claire, "/edit/new", &format!("{new_item}&_csrf={mallory_csrf}")),
        ),
        page(
            "CSRF: a new item with the _csrf in the query string only",
            form(&claire, &format!("/edit/new?_csrf={claire_csrf}"), new_item),
        ),
        page(
            "CSRF: a new item sent as JSON",
            RawRequest::new(Method::POST, "/edit/new")
                .header("cookie", &claire)
                .header("content-type", "application/json")
                .body(json!({"kind": "good_practice", "title": "JSON", "_csrf": claire_csrf}).to_string()),
        ),
        page(
            "CSRF: an edit without _csrf",
            form(&claire, "/edit/locale", "title=Ecras%C3%A9e&lifecycle=published&action=save"),
        ),
        page("CSRF: a retraction without _csrf", form(&claire, "/edit/locale/retract", "")),
        page(
            "CSRF: a retraction with a truncated _csrf",
            form(&claire, "/edit/locale/retract", &format!("_csrf={}", &claire_csrf[..claire_csrf.len() / 2])),
        ),
        page("CSRF: a log-out without _csrf", form(&claire, "/logout", "")),
        page("CSRF: a re-share without _csrf", form(&claire, "/replicas/1/repartager", "")),
        page(
            "CSRF: an admin follow without _csrf",
            form(&claire, "/admin/pairs/suivre", "cible=mallory%40127.0.0.1%3A1"),
        ),
        page(
            "CSRF: an admin unfollow without _csrf",
            form(&claire, "/admin/pairs/ne-plus-suivre", "acteur=http%3A%2F%2F127.0.0.1%3A1%2Factor"),
        ),
        page(
            "CSRF: an admin follower answer without _csrf",
            form(&claire, "/admin/pairs/abonnes", "acteur=http%3A%2F%2F127.0.0.1%3A1%2Factor&reponse=accepter"),
        ),
        page(
            "CSRF: an admin relay switch without _csrf",
            form(&claire, "/admin/pairs/relais", "acteur=http%3A%2F%2F127.0.0.1%3A1%2Factor&relais=1"),
        ),
        page(
            "roles: an editor's admin follow, with her own _csrf",
            form(&mallory, "/admin/pairs/suivre", &format!("cible=x%40127.0.0.1%3A1&_csrf={mallory_csrf}")),
        ),
        login(
            "session: a new item with a forged session cookie",
            form("maillage_session=0123456789abcdef", "/edit/new", new_item),
        ),
        login("session: a retraction without any session", form("", "/edit/locale/retract", "").without("cookie")),
    ];
    run_cases(&node, cases).await;

    let refused = form(&claire, "/edit/locale/retract", "").send(&node.http, &node.base).await;
    assert!(refused.text.contains("Action refusée"), "the 403 page says why");
    let anonymous = form("", "/edit/new", new_item).without("cookie").send(&node.http, &node.base).await;
    assert_eq!(anonymous.status, 303);
    // The real token works: the refusals were about the token.
    let out = form(&claire, "/logout", &format!("_csrf={claire_csrf}")).send(&node.http, &node.base).await;
    assert_eq!(out.status, 303, "{}", out.text);
}

#[tokio::test]
async fn wrong_passwords_open_no_session_and_repeated_ones_lock_the_account() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let node = TestNode::with_settings(dir.path(), "victime", &[]).await;
    node.add_editor("claire", PASSWORD, "editor").await;
    node.add_editor("camille", PASSWORD, "editor").await;
    node.settle().await;
    let login = |body: String| {
        RawRequest::new(Method::POST, "/login").header("content-type", "application/x-www-form-urlencoded").body(body)
    };
    let right = PASSWORD.replace(' ', "+");
    let refused = |name, request| Case { name, request, expect_status: 401, expect_code: None };
    let locked = |name, request| Case { name, request, expect_status: 429, expect_code: None };
    let limit = MAX_FAILURES_PER_ACCOUNT as usize;
    // Other names than Claire's, so that these don't count against her account.
    let mut cases = vec![
        refused("login: SQL in the user name", login(format!("username=claire%27+--&password={right}"))),
        refused("login: an unknown user", login(format!("username=personne&password={right}"))),
        refused("login: no password", login("username=camille".into())),
        refused(
            "login: a body that is not a form",
            login(json!({"username": "camille", "password": PASSWORD}).to_string()),
        ),
    ];
    // Then a burst of guesses at Claire's password: the first ones are refused, after
    // that the account is locked, even for the right password, whatever the case of
    // the name.
    let guesses = [
        "%27+OR+%271%27%3D%271".to_owned(),
        "a".repeat(500_000),
        PASSWORD.to_uppercase().replace(' ', "+"),
        "azerty".to_owned(),
        "123456".to_owned(),
        "motdepasse".to_owned(),
        "soleil".to_owned(),
    ];
    for (i, guess) in guesses.iter().enumerate() {
        let request = login(format!("username=claire&password={guess}"));
        cases.push(if i < limit {
            refused("login: a guess while attempts remain", request)
        } else {
            locked("login: a guess once the account is locked", request)
        });
    }
    cases.push(locked(
        "login: the right password on a locked account",
        login(format!("username=claire&password={right}")),
    ));
    cases.push(locked("login: a locked account named in capitals", login(format!("username=CLAIRE&password={right}"))));
    cases.push(locked(
        "login: a locked account named with spaces",
        login(format!("username=+claire+&password={right}")),
    ));
    run_cases(&node, cases).await;

    let answer = login(format!("username=claire&password={right}")).send(&node.http, &node.base).await;
    let retry: i64 =
        answer.retry_after.as_deref().and_then(|r| r.parse().ok()).expect("a locked login says when to retry");
    assert!(retry >= 1, "Retry-After {retry}");
    let cookie = log_in(&node, "camille").await;
    assert!(cookie.starts_with("maillage_session="), "another account is not locked");
}

/// A login form POST, from `client` as a trusted proxy reports it.
fn login_from(client: &str, username: &str, password: &str) -> RawRequest {
    RawRequest::new(Method::POST, "/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("x-forwarded-for", &format!("10.0.0.1, {client}"))
        .body(format!("username={username}&password={}", password.replace(' ', "+")))
}

/// Behind a trusted proxy (the tests' requests come from 127.0.0.1), with Claire's account.
async fn node_behind_a_proxy(dir: &std::path::Path) -> TestNode {
    let node = TestNode::with_settings(dir, "victime", &[("server.trusted_proxies", json!(["127.0.0.1"]))]).await;
    node.add_editor("claire", PASSWORD, "editor").await;
    node.settle().await;
    node
}

#[tokio::test]
async fn an_attacker_cannot_lock_an_editor_out_by_failing_from_another_address() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let node = node_behind_a_proxy(dir.path()).await;
    let attacker = "203.0.113.7";
    let mut cases: Vec<Case> = (0..MAX_FAILURES_PER_ACCOUNT)
        .map(|_| Case {
            name: "lock-out: a wrong guess at Claire's password",
            request: login_from(attacker, "claire", "mauvais mot de passe"),
            expect_status: 401,
            expect_code: None,
        })
        .collect();
    cases.push(Case {
        name: "lock-out: the attacker's address is now locked out of Claire's account",
        request: login_from(attacker, "claire", PASSWORD),
        expect_status: 429,
        expect_code: None,
    });
    run_cases(&node, cases).await;

    let claire = login_from("198.51.100.2", "claire", PASSWORD).send(&node.http, &node.base).await;
    assert_eq!(claire.status, 303, "Claire, from her own address, logs in: {}", claire.text);
}

#[tokio::test]
async fn an_address_that_fails_on_many_accounts_is_stopped_on_all_of_them() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let node = node_behind_a_proxy(dir.path()).await;
    let sprayer = "203.0.113.9";
    let mut cases: Vec<Case> = (0..MAX_FAILURES_PER_ADDRESS)
        .map(|n| Case {
            name: "spraying: one guess per account name",
            request: login_from(sprayer, &format!("compte{n}"), "azerty123456"),
            expect_status: 401,
            expect_code: None,
        })
        .collect();
    cases.push(Case {
        name: "spraying: the address is stopped on an account it never tried",
        request: login_from(sprayer, "claire", PASSWORD),
        expect_status: 429,
        expect_code: None,
    });
    run_cases(&node, cases).await;

    let other = login_from("203.0.113.10", "claire", PASSWORD).send(&node.http, &node.base).await;
    assert_eq!(other.status, 303, "another address is not stopped: {}", other.text);
}

#[tokio::test]
async fn x_forwarded_for_from_a_client_that_is_no_trusted_proxy_is_ignored() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let node = TestNode::with_settings(dir.path(), "victime", &[]).await;
    node.add_editor("claire", PASSWORD, "editor").await;
    node.settle().await;
    let mut cases: Vec<Case> = (0..MAX_FAILURES_PER_ACCOUNT)
        .map(|n| Case {
            name: "forged X-Forwarded-For: a wrong guess claiming a fresh address",
            request: login_from(&format!("198.51.100.{n}"), "claire", "mauvais mot de passe"),
            expect_status: 401,
            expect_code: None,
        })
        .collect();
    cases.push(Case {
        name: "forged X-Forwarded-For: yet another claimed address does not reopen the account",
        request: login_from("198.51.100.99", "claire", PASSWORD),
        expect_status: 429,
        expect_code: None,
    });
    run_cases(&node, cases).await;
}
