//! Many remote actors served by one tiny actix app on loopback (each with its own RSA
//! key, so the node under test fetches and caches a key per actor), and their signed
//! `Create(Article)` activities, prepared before any clock starts.

use actix_web::{web, App, HttpResponse, HttpServer};
use anyhow::Context;
use chrono::Utc;
use maillage::content::markdown::render_markdown;
use maillage::content::{ItemDocument, Vocabularies};
use maillage::federation::article::wire_time;
use maillage::federation::article::LocalArticle;
use maillage::federation::keys::NodeKeys;
use maillage::federation::signatures::sign_request;
use maillage::federation::vocab::{public_activity, ActorDescription};
use reqwest::Method;
use std::net::TcpListener;
use std::sync::Arc;
use std::time::Instant;

use crate::loadgen::{post_request, RawRequest};

/// Remote actors `http://127.0.0.1:PORT/actors/{n}` and their keys.
pub struct ActorFarm {
    pub origin: String,
    pub keys: Arc<Vec<NodeKeys>>,
    handle: actix_web::dev::ServerHandle,
}

impl ActorFarm {
    pub fn actor_uri(&self, n: usize) -> String {
        format!("{}/actors/{n}", self.origin)
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Generates `count` RSA-2048 key pairs (on every core) and serves the actors.
    pub async fn start(count: usize) -> anyhow::Result<ActorFarm> {
        let keys = Arc::new(generate_keys(count).await?);
        let listener = TcpListener::bind("127.0.0.1:0").context("Failed to bind the actor farm")?;
        let origin = format!("http://127.0.0.1:{}", listener.local_addr()?.port());
        let state = web::Data::new((origin.clone(), keys.clone()));
        let server = HttpServer::new(move || {
            App::new().app_data(state.clone()).route("/actors/{n}", web::get().to(actor_document))
        })
        .workers(1)
        .listen(listener)?
        .run();
        let handle = server.handle();
        tokio::spawn(server);
        Ok(ActorFarm { origin, keys, handle })
    }

    pub async fn stop(self) {
        self.handle.stop(false).await;
    }
}

async fn actor_document(state: web::Data<(String, Arc<Vec<NodeKeys>>)>, n: web::Path<usize>) -> HttpResponse {
    let (origin, keys) = state.get_ref();
    let Some(key) = keys.get(*n) else { return HttpResponse::NotFound().finish() };
    let id = format!("{origin}/actors/{n}");
    let description = ActorDescription {
        id: &id,
        username: &format!("acteur{n}"),
        name: &format!("Acteur {n}"),
        summary: "",
        url: &id,
        inbox: &format!("{id}/inbox"),
        outbox: &format!("{id}/outbox"),
        followers: &format!("{id}/followers"),
        following: &format!("{id}/following"),
        shared_inbox: &format!("{origin}/inbox"),
        public_key_pem: key.public_key_pem(),
        manually_approves_followers: false,
    };
    HttpResponse::Ok().content_type("application/activity+json").json(description.to_json())
}

pub async fn generate_keys(count: usize) -> anyhow::Result<Vec<NodeKeys>> {
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let per_thread = count.div_ceil(threads);
    tokio::task::spawn_blocking(move || {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let n = per_thread.min(count.saturating_sub(t * per_thread));
                    scope.spawn(move || (0..n).map(|_| NodeKeys::generate()).collect::<anyhow::Result<Vec<_>>>())
                })
                .collect();
            let mut keys = Vec::with_capacity(count);
            for handle in handles {
                keys.extend(handle.join().map_err(|_| anyhow::anyhow!("key generation panicked"))??);
            }
            Ok(keys)
        })
    })
    .await
    .context("Key generation task failed")?
}

/// Signed Create(Article) POSTs: request `i` is by actor `i % farm.len()`, its item
/// `{actor origin}/items/ingest-{i}`.
pub struct Creates {
    pub requests: Vec<RawRequest>,
    pub signing_seconds: f64,
}

/// Prepares `count` activities numbered from `first`, signed on every core.
pub async fn sign_creates(
    farm: &ActorFarm,
    template: &ItemDocument,
    inbox_url: &str,
    first: usize,
    count: usize,
) -> anyhow::Result<Creates> {
    let vocab = Vocabularies::builtin();
    let inbox = url::Url::parse(inbox_url).context("Bad inbox URL")?;
    let host = format!("{}:{}", inbox.host_str().unwrap_or("127.0.0.1"), inbox.port().unwrap_or(80));
    let body_html = render_markdown(&template.body);
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let origin = farm.origin.clone();
    let keys = farm.keys.clone();
    let template = template.clone();
    let start = Instant::now();
    let parts = tokio::task::spawn_blocking(move || {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let (origin, keys, template, vocab, inbox, host, body_html) =
                        (&origin, &keys, &template, &vocab, &inbox, &host, &body_html);
                    scope.spawn(move || {
                        let mut out = Vec::new();
                        for i in (first..first + count).filter(|i| i % threads == t) {
                            let actor_n = i % keys.len();
                            let actor = format!("{origin}/actors/{actor_n}");
                            let slug = format!("ingest-{i}");
                            let uri = format!("{origin}/items/{slug}");
                            let mut doc = template.clone();
                            doc.slug = Some(slug);
                            doc.title = format!("{} n°{i}", doc.title);
                            let now = Utc::now();
                            let mut article = LocalArticle {
                                uri: &uri,
                                actor: &actor,
                                followers: &format!("{actor}/followers"),
                                base_url: &format!("{origin}/"),
                                document: &doc,
                                body_html,
                                published: Some(now),
                                updated: now,
                            }
                            .to_json(vocab);
                            if let Some(map) = article.as_object_mut() {
                                map.remove("@context");
                            }
                            let activity_id = format!("{origin}/activities/{}", uuid::Uuid::new_v4());
                            let activity = public_activity(
                                &activity_id,
                                "Create",
                                &actor,
                                &format!("{actor}/followers"),
                                article,
                                &wire_time(now),
                            );
                            let body = serde_json::to_vec(&activity)?;
                            let signed = sign_request(
                                &keys[actor_n],
                                &format!("{actor}#main-key"),
                                &Method::POST,
                                inbox,
                                Some(&body),
                                now,
                            )?;
                            let mut headers: Vec<(String, String)> = signed
                                .iter()
                                .map(|(name, value)| {
                                    (name.as_str().to_owned(), value.to_str().unwrap_or_default().to_owned())
                                })
                                .collect();
                            headers.push(("Content-Type".into(), "application/activity+json".into()));
                            out.push((i, post_request(host, inbox.path(), &headers, &body)));
                        }
                        Ok::<_, anyhow::Error>(out)
                    })
                })
                .collect();
            let mut all = Vec::with_capacity(count);
            for handle in handles {
                all.extend(handle.join().map_err(|_| anyhow::anyhow!("signing panicked"))??);
            }
            all.sort_by_key(|(i, _)| *i);
            Ok::<_, anyhow::Error>(all)
        })
    })
    .await
    .context("Signing task failed")??;
    let signing_seconds = start.elapsed().as_secs_f64();
    let requests = parts.into_iter().map(|(_, r)| r).collect();
    Ok(Creates { requests, signing_seconds })
}
