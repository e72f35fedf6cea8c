//! The OpenAPI description is true: every operation it documents is called on real nodes
//! (two, federating on loopback), and every response — status and body — and every JSON
//! request body sent is validated, with a JSON Schema validator, against the description
//! the node serves at `/api/v1/openapi.json`. A status the description does not list, a body
//! that does not match its schema, or a documented operation no call exercises fails.

use crate::fixtures::{dynamo_project_sheet, useful_effects_method};
use crate::harness::TestNode;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// The served description, and the operations the test has called so far.
struct Description {
    spec: Value,
    exercised: BTreeSet<(String, String)>,
}

impl Description {
    async fn served_by(app: &TestNode) -> Description {
        let spec: Value = reqwest::get(format!("{}/api/v1/openapi.json", app.base))
            .await
            .expect("the description is served")
            .json()
            .await
            .expect("the description is JSON");
        Description { spec, exercised: BTreeSet::new() }
    }

    /// Every (method, path) the description documents.
    fn documented(&self) -> BTreeSet<(String, String)> {
        let mut out = BTreeSet::new();
        for (path, item) in self.spec["paths"].as_object().expect("paths") {
            for method in item.as_object().expect("a path item").keys() {
                if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                    out.insert((method.clone(), path.clone()));
                }
            }
        }
        out
    }

    fn operation(&self, method: &Method, path: &str) -> &Value {
        let operation = &self.spec["paths"][path][method.as_str().to_lowercase()];
        assert!(operation.is_object(), "{method} {path} is not documented");
        operation
    }

    /// Validates `instance` against `schema`, whose `$ref`s point into the description's
    /// components.
    fn validate(&self, schema: &Value, instance: &Value, what: &str) {
        let mut root = schema.clone();
        if let Some(object) = root.as_object_mut() {
            object.insert("components".into(), self.spec["components"].clone());
        }
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .build(&root)
            .unwrap_or_else(|e| panic!("{what}: the schema does not compile: {e}"));
        let errors: Vec<String> =
            validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path)).collect();
        assert!(errors.is_empty(), "{what} does not match its schema:\n{}\n{instance:#}", errors.join("\n"));
    }

    /// Checks a JSON request body against the operation's request schema.
    fn request(&self, method: &Method, path: &str, content_type: &str, body: &Value) {
        let schema = &self.operation(method, path)["requestBody"]["content"][content_type]["schema"];
        assert!(schema.is_object(), "{method} {path} documents no {content_type} request body");
        self.validate(schema, body, &format!("the request body of {method} {path}"));
    }

    /// Sends a request and checks the response against the description; returns its body.
    async fn call(
        &mut self,
        app: &TestNode,
        token: Option<&str>,
        method: Method,
        (path, concrete): (&str, &str),
        body: Option<(&str, Value)>,
    ) -> (StatusCode, Value) {
        let body = body.map(|(content_type, body)| {
            self.request(&method, path, content_type, &body);
            (content_type.to_owned(), body.to_string().into_bytes())
        });
        self.send(app, token, method, (path, concrete), body).await
    }

    /// The same for a body that is not JSON (a multipart upload): the request is sent as
    /// it is, the response checked.
    async fn send(
        &mut self,
        app: &TestNode,
        token: Option<&str>,
        method: Method,
        (path, concrete): (&str, &str),
        body: Option<(String, Vec<u8>)>,
    ) -> (StatusCode, Value) {
        let mut request = reqwest::Client::new().request(method.clone(), format!("{}{concrete}", app.base));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some((content_type, body)) = body {
            request = request.header(reqwest::header::CONTENT_TYPE, content_type).body(body);
        }
        let response = request.send().await.expect("the request is sent");
        let status = response.status();
        let text = response.text().await.expect("a body");
        let documented = &self.operation(&method, path)["responses"][status.as_str()];
        assert!(
            documented.is_object(),
            "{method} {concrete} answered {status}, which the description does not list: {text}"
        );
        let schema = &documented["content"]["application/json"]["schema"];
        let value = if schema.is_object() {
            let value: Value = serde_json::from_str(&text).unwrap_or_else(|_| {
                panic!("{method} {concrete} answered {status} with a body that is not JSON: {text}")
            });
            self.validate(schema, &value, &format!("{method} {concrete} → {status}"));
            value
        } else {
            assert!(text.is_empty(), "{method} {concrete} → {status} documents no body but sent: {text}");
            Value::Null
        };
        self.exercised.insert((method.as_str().to_lowercase(), path.to_owned()));
        (status, value)
    }
}

fn document(doc: &maillage::content::ItemDocument) -> Value {
    serde_json::to_value(doc).expect("a document serializes")
}

#[tokio::test]
async fn every_documented_operation_answers_what_the_served_description_says() {
    let a = TestNode::spawn_stepped().await;
    let b = TestNode::spawn_stepped().await;
    let mut api = Description::served_by(&a).await;
    let token = Some(a.token.as_str());
    let json = "application/json";

    // Items: create (and a refused one), read, list, replace, patch, revisions, retract.
    let (_, created) = api
        .call(
            &a,
            token,
            Method::POST,
            ("/api/v1/items", "/api/v1/items"),
            Some((json, document(&dynamo_project_sheet()))),
        )
        .await;
    let slug = created["slug"].as_str().expect("a slug").to_owned();
    let one = format!("/api/v1/items/{slug}");
    let (status, _) = api
        .call(
            &a,
            token,
            Method::POST,
            ("/api/v1/items", "/api/v1/items"),
            Some((json, json!({ "kind": "experience" }))),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    api.call(&a, None, Method::GET, ("/api/v1/items", "/api/v1/items"), None).await;
    api.call(&a, token, Method::GET, ("/api/v1/items", "/api/v1/items?kind=project_sheet&per_page=5"), None).await;
    let (status, _) = api.call(&a, None, Method::GET, ("/api/v1/items", "/api/v1/items?page=huit"), None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = api.call(&a, None, Method::GET, ("/api/v1/items", "/api/v1/items?pillar=inconnu"), None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    api.call(&a, None, Method::GET, ("/api/v1/items/{slug}", &one), None).await;
    let (status, _) = api.call(&a, None, Method::GET, ("/api/v1/items/{slug}", "/api/v1/items/inconnue"), None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let mut replaced = created.clone();
    replaced.as_object_mut().expect("an object").remove("meta");
    replaced["summary"] = json!("Résumé remplacé par le test de la description.");
    api.call(&a, token, Method::PUT, ("/api/v1/items/{slug}", &one), Some((json, replaced))).await;
    api.call(
        &a,
        token,
        Method::PATCH,
        ("/api/v1/items/{slug}", &one),
        Some(("application/merge-patch+json", json!({ "tags": ["alimentation"] }))),
    )
    .await;
    api.call(&a, None, Method::GET, ("/api/v1/items/{slug}/revisions", &format!("{one}/revisions")), None).await;

    // Files: an upload (and a refused one), then its removal.
    let media = ("/api/v1/items/{slug}/media", format!("{one}/media"));
    let photo = crate::media_files::jpeg(320, 240, 0);
    let upload = crate::media_files::multipart(&[("title", "Photo"), ("alt", "Un champ")], Some(("champ.jpg", &photo)));
    let (status, with_file) = api.send(&a, token, Method::POST, (media.0, &media.1), Some(upload)).await;
    assert_eq!(status, StatusCode::CREATED);
    let svg = crate::media_files::multipart(&[], Some(("logo.svg", b"<svg/>")));
    let (status, _) = api.send(&a, token, Method::POST, (media.0, &media.1), Some(svg)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let sha = with_file["media"][0]["file"]["sha256"].as_str().expect("a digest").to_owned();
    let (status, _) = api
        .call(&a, token, Method::DELETE, ("/api/v1/items/{slug}/media/{sha256}", &format!("{one}/media/{sha}")), None)
        .await;
    assert_eq!(status, StatusCode::OK);

    // Vocabularies, digest, audit.
    api.call(&a, None, Method::GET, ("/api/v1/vocabularies", "/api/v1/vocabularies"), None).await;
    api.call(&a, None, Method::GET, ("/api/v1/vocabularies/{name}", "/api/v1/vocabularies/pillars"), None).await;
    api.call(&a, None, Method::GET, ("/api/v1/places", "/api/v1/places?q=foix&limit=3"), None).await;
    api.call(&a, None, Method::GET, ("/api/v1/places/{code}", "/api/v1/places/departement:09"), None).await;
    api.call(&a, None, Method::GET, ("/api/v1/digest", "/api/v1/digest"), None).await;
    api.call(&a, token, Method::GET, ("/api/v1/audit", "/api/v1/audit?limit=5"), None).await;

    // Federation: A follows B, B's item is replicated on A, A re-shares it.
    let method = b.create_ok(&useful_effects_method()).await;
    let b_actor = format!("{}/actor", b.base);
    api.call(
        &a,
        token,
        Method::POST,
        ("/api/v1/following", "/api/v1/following"),
        Some((json, json!({ "target": b_actor }))),
    )
    .await;
    let replica = method.meta["id"].as_str().expect("the item URI").to_owned();
    crate::harness::run_until_idle(&[&a, &b]).await;
    assert!(a.item(&replica).await.is_some(), "the replica on A");
    api.call(&a, token, Method::GET, ("/api/v1/peers", "/api/v1/peers"), None).await;
    api.call(&a, None, Method::GET, ("/api/v1/network", "/api/v1/network"), None).await;
    api.call(
        &a,
        token,
        Method::POST,
        ("/api/v1/following/relay", "/api/v1/following/relay"),
        Some((json, json!({ "actor": b_actor, "relay": true }))),
    )
    .await;
    api.call(
        &a,
        token,
        Method::POST,
        ("/api/v1/reshares", "/api/v1/reshares"),
        Some((json, json!({ "uri": replica }))),
    )
    .await;
    let a_actor = format!("{}/actor", a.base);
    let mut on_b = Description::served_by(&b).await;
    on_b.call(
        &b,
        Some(b.token.as_str()),
        Method::POST,
        ("/api/v1/followers/answer", "/api/v1/followers/answer"),
        Some((json, json!({ "actor": a_actor, "accept": true }))),
    )
    .await;
    api.exercised.extend(on_b.exercised);
    api.call(
        &a,
        token,
        Method::DELETE,
        ("/api/v1/following", "/api/v1/following"),
        Some((json, json!({ "target": b_actor }))),
    )
    .await;
    api.call(&a, token, Method::DELETE, ("/api/v1/items/{slug}", &one), None).await;

    assert_eq!(api.exercised, api.documented(), "every documented operation is exercised, and only those");
}

#[tokio::test]
async fn the_description_marks_what_publishing_requires() {
    let app = TestNode::spawn().await;
    let api = Description::served_by(&app).await;
    let schema = json!({ "$ref": "#/components/schemas/ItemDocument" });

    // A draft needs little; the same document published misses its required fields.
    let draft = json!({ "kind": "good_practice", "title": "Compostage partagé", "lifecycle": "draft" });
    api.validate(&schema, &draft, "a draft good practice");
    let mut published = draft.clone();
    published["lifecycle"] = json!("published");
    let response = app.create_item(&published).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "the API refuses it");
    let root = {
        let mut root = schema.clone();
        root["components"] = api.spec["components"].clone();
        root
    };
    let validator = jsonschema::options().with_draft(jsonschema::Draft::Draft202012).build(&root).expect("compiles");
    assert!(!validator.is_valid(&published), "the description refuses it too");
}
