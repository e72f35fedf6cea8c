//! The editors' area and the peers page in both languages: English when the visitor asks
//! for it (`?lang=en` or `Accept-Language: en`), French otherwise, down to the validation
//! messages shown beside the fields of a refused form.

use crate::harness::TestNode;
use reqwest::StatusCode;

const PASSWORD: &str = "un mot de passe solide";

/// A browser without JavaScript: no redirects followed, one session cookie, and the
/// language it asks for in `Accept-Language` (none: the node's default, French).
struct Browser {
    http: reqwest::Client,
    base: String,
    cookie: Option<String>,
    accept_language: Option<&'static str>,
}

struct Page {
    status: StatusCode,
    html: String,
}

impl Browser {
    fn new(app: &TestNode, accept_language: Option<&'static str>) -> Browser {
        let http =
            reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("an HTTP client");
        Browser { http, base: app.base.clone(), cookie: None, accept_language }
    }

    fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        let mut builder = self.http.request(method, format!("{}{path}", self.base));
        if let Some(cookie) = &self.cookie {
            builder = builder.header("cookie", cookie);
        }
        if let Some(lang) = self.accept_language {
            builder = builder.header("accept-language", lang);
        }
        builder
    }

    async fn get(&self, path: &str) -> Page {
        let response = self.request(reqwest::Method::GET, path).send().await.expect("GET");
        Page { status: response.status(), html: response.text().await.expect("HTML") }
    }

    async fn post(&self, path: &str, body: &str) -> Page {
        let response = self
            .request(reqwest::Method::POST, path)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_owned())
            .send()
            .await
            .expect("POST");
        Page { status: response.status(), html: response.text().await.expect("HTML") }
    }

    /// Signs in through the login form and keeps the session cookie.
    async fn sign_in(&mut self, username: &str) {
        self.cookie = Some(crate::harness::sign_in(&self.http, &self.base, username, PASSWORD).await);
    }

    /// The CSRF token the forms of this session carry.
    async fn csrf(&self) -> String {
        let page = self.get("/edit/new?kind=good_practice").await;
        let marker = "name=\"_csrf\" value=\"";
        let start = page.html.find(marker).expect("the form carries a CSRF token") + marker.len();
        page.html[start..].split('"').next().expect("a token").to_owned()
    }
}

async fn app_with_editor(role: &str) -> TestNode {
    let app = TestNode::spawn().await;
    app.add_editor("claire", PASSWORD, role).await;
    app
}

#[tokio::test]
async fn the_login_page_is_in_english_when_asked_and_in_french_otherwise() {
    let app = app_with_editor("editor").await;

    for english in [
        Browser::new(&app, None).get("/login?lang=en").await,
        Browser::new(&app, Some("en-GB,en;q=0.9")).get("/login").await,
    ] {
        assert_eq!(english.status, StatusCode::OK);
        assert!(english.html.contains("<html lang=\"en\""), "{}", english.html);
        for text in ["Editors&#x27; area: sign in", "Username", "Password", ">Sign in</button>"] {
            assert!(english.html.contains(text), "{text} in {}", english.html);
        }
        assert!(!english.html.contains("Mot de passe"), "no French left: {}", english.html);
    }

    let french = Browser::new(&app, None).get("/login").await;
    assert!(french.html.contains("<html lang=\"fr\""));
    for text in ["Espace éditeur : connexion", "Identifiant", "Mot de passe", ">Se connecter</button>"] {
        assert!(french.html.contains(text), "{text} in {}", french.html);
    }

    let refused = Browser::new(&app, Some("en")).post("/login", "username=claire&password=wrong").await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert!(refused.html.contains("Incorrect username or password."), "{}", refused.html);
    let refusé = Browser::new(&app, None).post("/login", "username=claire&password=faux").await;
    assert!(refusé.html.contains("Identifiant ou mot de passe incorrect."), "{}", refusé.html);
}

#[tokio::test]
async fn the_dashboard_and_the_new_item_form_are_in_english_when_asked() {
    let app = app_with_editor("editor").await;
    let mut browser = Browser::new(&app, Some("en"));
    browser.sign_in("claire").await;

    let dashboard = browser.get("/edit").await;
    assert_eq!(dashboard.status, StatusCode::OK);
    for text in ["<h1>Editors&#x27; area</h1>", "Write a new item", "Drafts (0)", "Network peers"] {
        assert!(dashboard.html.contains(text), "{text} in {}", dashboard.html);
    }

    let form = browser.get("/edit/new?kind=project_sheet").await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.html.contains("<html lang=\"en\""));
    for text in [
        "New item: project sheet",
        ">Title <span class=\"required-mark\">(required to publish)</span>",
        ">Summary <span",
        "<legend>Funding plan</legend>",
        "Row 1",
        "One entry per line.",
        "— Not specified —",
        ">Save</button>",
        ">Add rows</button>",
    ] {
        assert!(form.html.contains(text), "{text} in {}", form.html);
    }
    for french in ["obligatoire pour publier", "Enregistrer", "Plan de financement", "Ligne 1", "Une entrée par ligne"]
    {
        assert!(!form.html.contains(french), "no French left ({french})");
    }
}

/// A published project sheet with a missing title, a latitude out of range and an amount
/// that is not a number.
fn flawed_project_sheet(csrf: &str) -> String {
    format!(
        "_csrf={csrf}&_action=save&kind=project_sheet&lifecycle=published&language=fr&title=\
         &territory.lat=200&project_sheet.funding%5B0%5D.funder=ADEME\
         &project_sheet.funding%5B0%5D.amount_eur=beaucoup"
    )
}

#[tokio::test]
async fn a_refused_form_shows_each_message_beside_its_field_in_the_page_language() {
    let app = app_with_editor("editor").await;
    let mut english = Browser::new(&app, Some("en"));
    english.sign_in("claire").await;
    let mut french = Browser::new(&app, None);
    french.sign_in("claire").await;

    let page = english.post("/edit/new", &flawed_project_sheet(&english.csrf().await)).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    for text in [
        "issues to fix — nothing has been saved",
        "id=\"f-territory-lat-erreur\">The latitude must be between -90 and 90.</p>",
        "id=\"f-project_sheet-funding-0-amount_eur-erreur\">“beaucoup” is not a number",
        "id=\"f-title-erreur\">A title is required.</p>",
        "Funding plan, row 1 — Amount (€): “beaucoup” is not a number",
    ] {
        assert!(page.html.contains(text), "{text} in {}", page.html);
    }
    assert!(!page.html.contains("La latitude doit"), "the French message is not shown");

    let page = french.post("/edit/new", &flawed_project_sheet(&french.csrf().await)).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    for text in [
        "points à corriger — rien n&#x27;a été enregistré",
        "id=\"f-territory-lat-erreur\">La latitude doit être comprise entre -90 et 90.</p>",
        "id=\"f-project_sheet-funding-0-amount_eur-erreur\">« beaucoup » n&#x27;est pas un nombre",
        "id=\"f-title-erreur\">Le titre est obligatoire.</p>",
        "Plan de financement, ligne 1 — Montant (€) : « beaucoup »",
    ] {
        assert!(page.html.contains(text), "{text} in {}", page.html);
    }
    assert_eq!(app.row_counts().await.items, 0, "nothing was saved");
}

#[tokio::test]
async fn the_peers_page_and_its_follow_form_are_in_english_when_asked() {
    let app = app_with_editor("admin").await;
    let mut browser = Browser::new(&app, Some("en"));
    browser.sign_in("claire").await;

    let page = browser.get("/admin/pairs").await;
    assert_eq!(page.status, StatusCode::OK);
    for text in ["<h1>Network peers</h1>", "Follow a node", "Following (0)", "Followers (0)", "No deliveries yet."] {
        assert!(page.html.contains(text), "{text} in {}", page.html);
    }

    let csrf = browser.csrf().await;
    let refused = browser.post("/admin/pairs/suivre", &format!("_csrf={csrf}&cible=")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("Enter a node&#x27;s handle (territory@host)"), "{}", refused.html);

    let french = Browser { accept_language: None, ..browser };
    let refusée = french.post("/admin/pairs/suivre", &format!("_csrf={csrf}&cible=")).await;
    assert!(refusée.html.contains("Indiquez l&#x27;identifiant d&#x27;un nœud (territoire@hote)"), "{}", refusée.html);
}

#[tokio::test]
async fn the_form_saves_levelled_objectives_a_withheld_contact_and_a_funding_rate_and_shows_them_again() {
    let app = app_with_editor("editor").await;
    let mut browser = Browser::new(&app, None);
    browser.sign_in("claire").await;
    let csrf = browser.csrf().await;
    let body = format!(
        "_csrf={csrf}&_action=save&kind=project_sheet&lifecycle=draft&language=fr&slug=dynamo-formulaire&title=DYNAMO\
         &project_sheet.objectives%5B0%5D.text=Relocaliser\
         &project_sheet.objectives%5B1%5D.text=B%C3%A2tir+un+SYAM&project_sheet.objectives%5B1%5D.level=finalite\
         &contacts%5B0%5D.organisation=PETR&contacts%5B0%5D.person=Camille&contacts%5B0%5D.email=camille%40petr.example.org\
         &contacts%5B1%5D.organisation=CLA&contacts%5B1%5D.email=cla%40petr.example.org&contacts%5B1%5D.public=true\
         &project_sheet.funding%5B0%5D.funder=%C3%89tat&project_sheet.funding%5B0%5D.rate_percent=50\
         &project_sheet.funding%5B0%5D.eligible_base_eur=3+400+000&project_sheet.funding%5B0%5D.tax_basis=ht\
         &project_sheet.events%5B0%5D.name=Focus+group&project_sheet.events%5B0%5D.attendance=50"
    );

    let page = browser.post("/edit/new", &body).await;

    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.html);
    let saved = app.get_ok("dynamo-formulaire").await.document;
    let sheet = saved.project_sheet.expect("a project sheet");
    assert_eq!(sheet.objectives[0], maillage::content::Objective::plain("Relocaliser"));
    assert_eq!(sheet.objectives[1].level.as_deref(), Some("finalite"));
    assert_eq!((saved.contacts[0].public, saved.contacts[1].public), (false, true));
    assert_eq!(saved.contacts[0].email.as_deref(), Some("camille@petr.example.org"));
    assert_eq!(sheet.funding[0].rate_percent, Some(50.0));
    assert_eq!(sheet.funding[0].eligible_base_eur, Some(3_400_000.0));
    assert_eq!(sheet.events[0].attendance, Some(50));

    // The editor reads every detail back in the form, the withheld e-mail included.
    let form = browser.get("/edit/dynamo-formulaire").await;
    assert_eq!(form.status, StatusCode::OK);
    for text in [
        "value=\"camille@petr.example.org\"",
        "name=\"contacts[1].public\" value=\"true\" checked",
        "<option value=\"finalite\" selected>",
        "name=\"project_sheet.objectives[0].text\"",
    ] {
        assert!(form.html.contains(text), "{text} in the form");
    }
    assert!(
        !form.html.contains("name=\"contacts[0].public\" value=\"true\" checked"),
        "the first contact stays withheld"
    );
}

impl Browser {
    async fn post_multipart(&self, path: &str, (content_type, body): (String, Vec<u8>)) -> Page {
        let response = self
            .request(reqwest::Method::POST, path)
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .expect("POST");
        Page { status: response.status(), html: response.text().await.expect("HTML") }
    }
}

#[tokio::test]
async fn the_files_panel_adds_and_removes_a_picture_without_javascript_and_explains_a_refusal() {
    use crate::media_files::{jpeg, multipart};
    let app = app_with_editor("editor").await;
    app.create_ok(&crate::fixtures::practice("pratique", "Une pratique", "Un corps.")).await;
    let mut browser = Browser::new(&app, None);
    browser.sign_in("claire").await;
    let csrf = browser.csrf().await;
    let form = browser.get("/edit/pratique").await;
    assert!(form.html.contains("enctype=\"multipart/form-data\"") && form.html.contains("Images et documents"));

    // Without the session's CSRF token, nothing happens.
    let forged = browser
        .post_multipart(
            "/edit/pratique/fichiers",
            multipart(&[("_csrf", "faux"), ("alt", "Un champ")], Some(("champ.jpg", &jpeg(300, 200, 0)))),
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(app.get_ok("pratique").await.document.media.is_empty());

    // An SVG is refused with its reason on the edit page; nothing is stored.
    let refused = browser
        .post_multipart("/edit/pratique/fichiers", multipart(&[("_csrf", &csrf)], Some(("logo.svg", b"<svg/>"))))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("Les images SVG ne sont pas acceptées"), "{}", refused.html);
    assert!(app.get_ok("pratique").await.document.media.is_empty());

    let added = browser
        .post_multipart(
            "/edit/pratique/fichiers",
            multipart(
                &[("_csrf", &csrf), ("title", "Le champ"), ("alt", "Un champ de blé"), ("cover", "true")],
                Some(("champ.jpg", &jpeg(300, 200, 0))),
            ),
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let media = app.get_ok("pratique").await.document.media;
    assert_eq!((media.len(), media[0].title.as_str(), media[0].cover), (1, "Le champ", true));

    let page = browser.get("/edit/pratique").await;
    assert!(page.html.contains("Le champ"));
    let remove = format!("/edit/pratique/fichiers/{}/retirer", media[0].file.sha256);
    let removed = browser.post(&remove, &format!("_csrf={csrf}")).await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert!(app.get_ok("pratique").await.document.media.is_empty());
}

#[tokio::test]
async fn an_administrator_sets_the_territory_logo_which_the_actor_and_the_item_pages_show() {
    use crate::media_files::{jpeg, multipart};
    let app = app_with_editor("admin").await;
    app.create_ok(&crate::fixtures::practice("pratique", "Une pratique", "Un corps.")).await;
    let mut browser = Browser::new(&app, None);
    browser.sign_in("claire").await;
    let csrf = browser.csrf().await;
    let page = browser.get("/admin/identite").await;
    assert_eq!(page.status, StatusCode::OK);

    let refused = browser
        .post_multipart("/admin/identite/logo", multipart(&[("_csrf", &csrf)], Some(("logo.pdf", b"%PDF-1.4\n%%EOF"))))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let saved = browser
        .post_multipart(
            "/admin/identite/logo",
            multipart(&[("_csrf", &csrf), ("alt", "Logo du territoire")], Some(("logo.jpg", &jpeg(240, 120, 0)))),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);

    let actor: serde_json::Value = reqwest::Client::new()
        .get(format!("{}/actor", app.base))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("actor")
        .json()
        .await
        .expect("JSON");
    assert_eq!(actor["icon"]["type"], "Image");
    assert_eq!(actor["icon"]["name"], "Logo du territoire");
    let icon = actor["icon"]["url"].as_str().expect("an icon URL").to_owned();
    assert_eq!(reqwest::get(&icon).await.expect("icon").status(), 200);
    let item_page = browser.get("/items/pratique").await;
    let path = icon.trim_start_matches(&app.base);
    assert!(
        item_page.html.contains(&format!("src=\"{path}\" alt=\"Logo du territoire\"")),
        "the logo heads the territory's items"
    );

    // An editor who is not an administrator cannot change it.
    app.add_editor("lea", PASSWORD, "editor").await;
    let mut editor = Browser::new(&app, None);
    editor.sign_in("lea").await;
    let csrf = editor.csrf().await;
    let forbidden = editor
        .post_multipart(
            "/admin/identite/logo",
            multipart(&[("_csrf", &csrf), ("alt", "Autre")], Some(("autre.jpg", &jpeg(100, 100, 200)))),
        )
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
}
