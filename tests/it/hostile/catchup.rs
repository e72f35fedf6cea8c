//! Outbox poisoning: a followed peer whose outbox carries objects it has no authority
//! over (attributed to a third server, on a third server's host, another actor's
//! activities, followers-only objects, re-shares of objects attributed elsewhere). Catch-up
//! applies the inbox's rules with the outbox's owner vouching: on backfill (after the
//! peer accepts the follow) and on anti-entropy, nothing of it lands; the peer's one
//! honest item does. An Announce of such an object delivered to the inbox is refused the
//! same way when its object is fetched.

use super::inbox::{activity, article, document};
use super::support::signed_post;
use crate::federation::tiny_server::{Reply, TinyServer};
use crate::harness::TestNode;
use maillage::federation::keys::NodeKeys;
use maillage::federation::vocab::ActorDescription;
use maillage::operations::people::audit::Actor;
use maillage::operations::remote::peers::SyncState;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// A peer served by the tiny server: its actor, an outbox the test fills, objects by path,
/// and an inbox that takes everything.
struct PoisonedPeer {
    server: TinyServer,
    keys: NodeKeys,
    outbox: Arc<Mutex<Vec<Value>>>,
    objects: Arc<Mutex<HashMap<String, Value>>>,
}

impl PoisonedPeer {
    async fn start() -> PoisonedPeer {
        let keys = NodeKeys::generate().expect("keys");
        let pem = keys.public_key_pem().to_owned();
        let outbox: Arc<Mutex<Vec<Value>>> = Arc::default();
        let objects: Arc<Mutex<HashMap<String, Value>>> = Arc::default();
        let (served_outbox, served_objects) = (outbox.clone(), objects.clone());
        let server = TinyServer::start(move |seen, base| {
            let path = seen.target.split('?').next().unwrap_or_default();
            match (seen.method.as_str(), path) {
                ("POST", _) => Reply::status(202),
                ("GET", "/actor") => Reply::json(&actor_document(base, &pem)),
                ("GET", "/outbox") => {
                    let items = served_outbox.lock().expect("the outbox").clone();
                    Reply::json(&json!({
                        "@context": "https://www.w3.org/ns/activitystreams",
                        "id": format!("{base}/outbox"),
                        "type": "OrderedCollection",
                        "totalItems": items.len(),
                        "orderedItems": items,
                    }))
                }
                ("GET", path) => match served_objects.lock().expect("the objects").get(path) {
                    Some(object) => Reply::json(object),
                    None => Reply::status(404),
                },
                _ => Reply::status(405),
            }
        })
        .await;
        PoisonedPeer { server, keys, outbox, objects }
    }

    fn actor(&self) -> String {
        format!("{}/actor", self.server.base)
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.base)
    }

    fn activity_id(&self) -> String {
        self.url(&format!("/activities/{}", uuid::Uuid::new_v4()))
    }

    /// Puts `entries` at the top of the outbox (newest first).
    fn publish(&self, entries: Vec<Value>) {
        let mut outbox = self.outbox.lock().expect("the outbox");
        let older = std::mem::take(&mut *outbox);
        *outbox = entries.into_iter().chain(older).collect();
    }

    fn serve_object(&self, path: &str, object: Value) {
        self.objects.lock().expect("the objects").insert(path.to_owned(), object);
    }

    /// A Create by the peer of `object`.
    fn create(&self, object: Value) -> Value {
        activity("Create", &self.actor(), &self.activity_id(), object)
    }

    /// Entries the peer has no authority to vouch for, with a third server `third`
    /// (actor `third_actor`) as the victim of the spoofing; `held` is an item of the
    /// third server.
    fn poison(&self, third: &str, third_actor: &str, held: &str) -> Vec<Value> {
        let tag = uuid::Uuid::new_v4().simple().to_string();
        let mut update = activity(
            "Update",
            &self.actor(),
            &self.activity_id(),
            article(held, third_actor, "Contenu falsifié par le pair"),
        );
        update["object"]["updated"] = json!("2099-01-01T00:00:00Z");
        let mut followers_only = article(&self.url(&format!("/items/privee-{tag}")), &self.actor(), "Privée");
        followers_only["to"] = json!([self.url("/followers")]);
        let announced = format!("/items/annoncee-{tag}");
        self.serve_object(&announced, article(&self.url(&announced), third_actor, "Attribuée par le pair"));
        vec![
            self.create(article(&self.url(&format!("/items/volee-{tag}")), third_actor, "Attribuée à un tiers")),
            self.create(article(&format!("{third}/items/usurpee-{tag}"), third_actor, "Sur l'hôte d'un tiers")),
            update,
            activity(
                "Create",
                third_actor,
                &format!("{third}/activities/{tag}"),
                article(&format!("{third}/items/glissee-{tag}"), third_actor, "Activité d'un tiers"),
            ),
            self.create(followers_only),
            activity("Announce", &self.actor(), &self.activity_id(), json!(self.url(&announced))),
        ]
    }
}

fn actor_document(base: &str, pem: &str) -> Value {
    let (id, inbox, outbox) = (format!("{base}/actor"), format!("{base}/inbox"), format!("{base}/outbox"));
    let (followers, following) = (format!("{base}/followers"), format!("{base}/following"));
    ActorDescription {
        id: &id,
        username: "pair",
        name: "Pair empoisonné",
        summary: "",
        url: &id,
        inbox: &inbox,
        outbox: &outbox,
        followers: &followers,
        following: &following,
        shared_inbox: &inbox,
        public_key_pem: pem,
        manually_approves_followers: false,
    }
    .to_json()
}

/// Items the victim serves, any origin, by URI.
async fn item_uris(victim: &TestNode) -> Vec<String> {
    sqlx::query_scalar("SELECT uri FROM items ORDER BY uri").fetch_all(&victim.node.pool).await.expect("the items")
}

#[tokio::test]
async fn a_poisoned_outbox_lands_nothing_on_backfill_nor_on_anti_entropy() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let victim = TestNode::start_stepped(dir.path(), "victime").await;
    let third = TestNode::with_settings(dir.path(), "ariege", &[]).await;
    third.create(&document("originale", "Une fiche de l'Ariège")).await;
    let held = format!("{}/items/originale", third.base);
    let peer = PoisonedPeer::start().await;
    let honest = peer.url("/items/honnete");
    let mut honest_create = peer.create(article(&honest, &peer.actor(), "La fiche honnête du pair"));
    honest_create["object"]["to"] = json!([PUBLIC]);
    let mut entries = vec![honest_create];
    entries.extend(peer.poison(&third.base, &third.actor(), &held));
    peer.publish(entries);
    let before = item_uris(&victim).await;

    // Backfill: the victim follows the peer, the peer accepts with a signed Accept.
    maillage::operations::outbound::follow::follow(&victim.node, &peer.actor(), &Actor::Cli("tests"))
        .await
        .expect("follow");
    assert_eq!(victim.deliver().await, 1, "the Follow is sent to the peer");
    let follow = peer.server.seen().into_iter().find(|seen| seen.method == "POST").expect("the Follow");
    let follow: Value = serde_json::from_slice(&follow.body).expect("a Follow");
    let accept = activity("Accept", &peer.actor(), &peer.activity_id(), follow["id"].clone());
    let body = serde_json::to_vec(&accept).expect("JSON");
    let key_id = format!("{}#main-key", peer.actor());
    let answer = signed_post(&victim.base, "/inbox", &peer.keys, &key_id, &body, chrono::Utc::now())
        .send(&victim.http, &victim.base)
        .await;
    assert_eq!(answer.status, 202, "{}", answer.short());
    victim.settle().await;
    let syncs = victim.peer_overview().await.syncs;
    assert!(syncs.iter().any(|s| s.state == SyncState::Done), "the backfill ran");
    let mut expected = before.clone();
    expected.push(honest.clone());
    expected.sort();
    assert_eq!(item_uris(&victim).await, expected, "backfill stored the peer's honest item and nothing else");

    // Anti-entropy: new poison at the top of the outbox, then a reconciliation.
    let poison = peer.poison(&third.base, &third.actor(), &held);
    let poisoned = poison.len();
    peer.publish(poison);
    let report =
        maillage::operations::inbound::sync::sync_peer(&victim.node, &peer.actor(), &|_, _| {}).await.expect("a sync");
    assert_eq!((report.activities, report.refused), (poisoned, poisoned), "{report:?}");
    assert_eq!(item_uris(&victim).await, expected, "anti-entropy stored none of it");
    let documents = victim.stored_documents().await;
    assert!(documents.iter().any(|d| d.contains("La fiche honnête du pair")), "the honest item is read back");
    let forged: Vec<&String> = documents.iter().filter(|d| d.contains("par le pair") || d.contains("tiers")).collect();
    assert!(forged.is_empty(), "{forged:?}");
}

#[tokio::test]
async fn an_announce_of_an_object_attributed_to_another_server_is_refused_when_fetched() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let victim = TestNode::with_settings(dir.path(), "victime", &[]).await;
    let third = TestNode::with_settings(dir.path(), "ariege", &[]).await;
    let peer = PoisonedPeer::start().await;
    maillage::operations::outbound::follow::follow(&victim.node, &peer.actor(), &Actor::Cli("tests"))
        .await
        .expect("follow");
    let before = item_uris(&victim).await;
    let announced = peer.url("/items/attribuee-ailleurs");
    peer.serve_object("/items/attribuee-ailleurs", article(&announced, &third.actor(), "Attribuée à l'Ariège"));
    let id = peer.activity_id();
    let announce = activity("Announce", &peer.actor(), &id, json!(announced));
    let body = serde_json::to_vec(&announce).expect("JSON");
    let key_id = format!("{}#main-key", peer.actor());
    let answer = signed_post(&victim.base, "/inbox", &peer.keys, &key_id, &body, chrono::Utc::now())
        .send(&victim.http, &victim.base)
        .await;
    assert_eq!(answer.status, 202, "{}", answer.short());
    victim.settle().await;
    let outcome: Option<String> = sqlx::query_scalar("SELECT outcome FROM inbox_log WHERE activity_id = ?")
        .bind(&id)
        .fetch_one(&victim.node.pool)
        .await
        .expect("the Announce was recorded");
    assert_eq!(outcome.as_deref(), Some("origin_mismatch"));
    assert_eq!(item_uris(&victim).await, before, "nothing was stored");
}
