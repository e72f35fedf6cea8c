//! What the inbound rules accept and refuse, activity by activity.

use super::*;
use serde_json::json;

const DEV: IdRules = IdRules { allow_http: true };
const PRODUCTION: IdRules = IdRules { allow_http: false };
const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

fn create(object: Value, to: Value) -> Value {
    json!({
        "id": "https://a.test/activities/1",
        "type": "Create",
        "actor": "https://a.test/actor",
        "to": to,
        "object": object
    })
}

fn signed_by_a(value: &Value) -> Result<Vouched, Refusal> {
    parse_activity(value, PRODUCTION)?.vouched_by(Voucher::Signature { signer: "https://a.test/actor".into() })
}

#[test]
fn public_is_recognised_in_its_three_spellings_in_to_or_cc() {
    for public in ["https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"] {
        assert!(is_public(&json!({"to": [public]}), &Value::Null), "{public} in to");
        assert!(is_public(&json!({"cc": public}), &Value::Null), "{public} in cc");
    }
}

#[test]
fn direct_followers_only_and_audience_only_objects_are_not_public() {
    let followers = json!({"to": ["https://a.test/followers"]});
    let direct = json!({"to": ["https://b.test/actor"]});
    let audience = json!({"audience": PUBLIC});
    let hidden = json!({"bto": [PUBLIC], "bcc": [PUBLIC]});
    for object in [&followers, &direct, &audience, &hidden] {
        // The activity saying Public does not override the object's own addressing.
        assert!(!is_public(object, &json!({"to": [PUBLIC]})), "{object}");
    }
    // An object without addressing takes the activity's.
    assert!(is_public(&json!({"id": "https://a.test/items/x"}), &json!({"to": [PUBLIC]})));
    assert!(!is_public(&json!("https://a.test/items/x"), &json!({"to": ["https://a.test/followers"]})));
    assert!(!is_public(&Value::Null, &Value::Null), "no addressing anywhere is not public");
}

#[test]
fn a_create_that_is_not_addressed_to_public_is_refused_as_not_public() {
    let object = json!({"id": "https://a.test/items/x", "type": "Article", "to": ["https://b.test/actor"]});
    let refused = signed_by_a(&create(object, json!(["https://b.test/actor"]))).expect_err("direct");
    assert_eq!(refused.code(), "not_public");
    let object = json!({"id": "https://a.test/items/x", "type": "Article", "cc": [PUBLIC]});
    assert!(signed_by_a(&create(object, json!([]))).is_ok(), "public in the object's cc");
}

#[test]
fn ids_with_userinfo_fragments_or_other_schemes_are_refused_with_their_code() {
    for (url, fragment_allowed, code) in [
        ("https://user@a.test/items/x", false, "userinfo_in_id"),
        ("https://user:secret@a.test/items/x", false, "userinfo_in_id"),
        ("https://a.test/items/x#part", false, "fragment_in_id"),
        ("ftp://a.test/items/x", false, "unsupported_scheme"),
        ("urn:isbn:978-2-07-036822-8", false, "unsupported_scheme"),
        ("http://a.test/items/x", true, "insecure_id"),
    ] {
        let refused = PRODUCTION.check("object", url, fragment_allowed).expect_err(url);
        assert_eq!(refused.code(), code, "{url}");
    }
    assert!(PRODUCTION.check("id", "https://a.test/users/a#follows/1", true).is_ok(), "activity ids may have one");
    assert!(DEV.check("object", "http://127.0.0.1:8081/items/x", false).is_ok(), "http in development");
}

#[test]
fn an_actor_with_userinfo_is_refused_before_anything_else() {
    let mut activity = create(json!({"id": "https://a.test/items/x", "type": "Article"}), json!([PUBLIC]));
    activity["actor"] = json!("https://a.test@evil.test/actor");
    assert_eq!(parse_activity(&activity, PRODUCTION).expect_err("userinfo").code(), "userinfo_in_id");
}

#[test]
fn an_outbox_entry_by_another_actor_or_about_another_server_is_refused() {
    let owner = Voucher::Outbox { owner: "https://a.test/actor".into() };
    let third_party = json!({
        "id": "https://a.test/items/x",
        "type": "Article",
        "attributedTo": "https://c.test/actor",
        "to": [PUBLIC]
    });
    let refused = parse_activity(&create(third_party, json!([PUBLIC])), PRODUCTION)
        .expect("well formed")
        .vouched_by(owner.clone())
        .expect_err("attributed to a third server");
    assert_eq!(refused.code(), "origin_mismatch");
    let mut by_other = create(json!({"id": "https://c.test/items/y", "type": "Article"}), json!([PUBLIC]));
    by_other["actor"] = json!("https://c.test/actor");
    by_other["id"] = json!("https://c.test/activities/2");
    let refused = parse_activity(&by_other, PRODUCTION).expect("well formed").vouched_by(owner).expect_err("not hers");
    assert_eq!(refused.code(), "not_the_owner");
}

#[test]
fn a_fetched_object_must_carry_its_id_an_author_of_its_server_and_be_public() {
    let uri = "https://a.test/items/x";
    let good = json!({"id": uri, "type": "Article", "attributedTo": "https://a.test/actor", "to": [PUBLIC]});
    assert_eq!(check_fetched_object(uri, &good, false, PRODUCTION).as_deref(), Ok("https://a.test/actor"));
    let mut other_id = good.clone();
    other_id["id"] = json!("https://a.test/items/y");
    let mut other_author = good.clone();
    other_author["attributedTo"] = json!("https://c.test/actor");
    let mut followers_only = good.clone();
    followers_only["to"] = json!(["https://a.test/followers"]);
    let mut author_with_userinfo = good.clone();
    author_with_userinfo["attributedTo"] = json!("https://mallory@a.test/actor");
    for (object, code) in [
        (&other_id, "origin_mismatch"),
        (&other_author, "origin_mismatch"),
        (&followers_only, "not_public"),
        (&author_with_userinfo, "userinfo_in_id"),
    ] {
        assert_eq!(check_fetched_object(uri, object, true, PRODUCTION).expect_err("refused").code(), code, "{object}");
    }
    let unaddressed = json!({"id": uri, "type": "Article", "attributedTo": "https://a.test/actor"});
    assert!(check_fetched_object(uri, &unaddressed, true, PRODUCTION).is_ok(), "public by the activity that named it");
    assert!(check_fetched_object(uri, &unaddressed, false, PRODUCTION).is_err());
}

#[test]
fn an_update_that_narrows_the_audience_passes_with_public_false() {
    let object = json!({"id": "https://a.test/items/x", "type": "Article", "to": ["https://a.test/followers"]});
    let mut update = create(object, json!(["https://a.test/followers"]));
    update["type"] = json!("Update");
    match signed_by_a(&update).expect("the origin may narrow its own item").activity.kind {
        InboundKind::Update(change) => assert!(!change.public),
        other => panic!("an Update, got {other:?}"),
    }
}
