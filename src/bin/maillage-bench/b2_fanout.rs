//! B2 fan-out: one publication delivered to N follower inboxes spread over 100 loopback
//! hosts (127.0.0.2 … 127.0.0.101, one port). The sinks check every request as a peer
//! would (Digest, Date window, draft-cavage signature with the publisher's key) and
//! count the good ones. Measured: from the `create_item` call until every inbox has
//! acknowledged. Baseline in the same run: computing N signatures of the same requests
//! with the node's key, on every core.

use crate::nodes::{RunningNode, Scratch};
use crate::report::{median, progress, Goal, Row};
use crate::BENCH;
use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use anyhow::Context;
use maillage::content::Vocabularies;
use maillage::federation::keys::{NodeKeys, RemotePublicKey};
use maillage::federation::signatures::{parse_signature, sign_request, verify_digest};
use maillage::operations::outbound::publish::create_item;
use maillage::storage::timestamp;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::Method;
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Config {
    pub hosts: usize,
    pub sizes: Vec<usize>,
    pub repetitions: usize,
}

struct SinkState {
    key: RemotePublicKey,
    key_id: String,
    received: AtomicUsize,
    rejected: AtomicUsize,
}

struct Sinks {
    port: u16,
    state: Arc<SinkState>,
    handle: actix_web::dev::ServerHandle,
}

impl Sinks {
    async fn start(hosts: usize, publisher: &NodeKeys, key_id: String) -> anyhow::Result<Sinks> {
        let key = RemotePublicKey::from_pem(publisher.public_key_pem()).map_err(|e| anyhow::anyhow!("{e}"))?;
        let state = Arc::new(SinkState { key, key_id, received: AtomicUsize::new(0), rejected: AtomicUsize::new(0) });
        let (port, listeners) = bind_hosts(hosts)?;
        let data = web::Data::from(state.clone());
        let mut server =
            HttpServer::new(move || App::new().app_data(data.clone()).route("/users/{n}/inbox", web::post().to(sink)));
        for listener in listeners {
            server = server.listen(listener)?;
        }
        let server = server.run();
        let handle = server.handle();
        tokio::spawn(server);
        Ok(Sinks { port, state, handle })
    }

    fn inbox(&self, host: usize, n: usize) -> String {
        format!("http://127.0.0.{}:{}/users/{n}/inbox", host + 2, self.port)
    }

    fn reset(&self) {
        self.state.received.store(0, Ordering::SeqCst);
        self.state.rejected.store(0, Ordering::SeqCst);
    }
}

/// One listener per loopback address, all on the same port.
fn bind_hosts(hosts: usize) -> anyhow::Result<(u16, Vec<TcpListener>)> {
    'attempt: for _ in 0..20 {
        let first = TcpListener::bind("127.0.0.2:0").context("Failed to bind 127.0.0.2")?;
        let port = first.local_addr()?.port();
        let mut listeners = vec![first];
        for host in 1..hosts {
            match TcpListener::bind(format!("127.0.0.{}:{port}", host + 2)) {
                Ok(listener) => listeners.push(listener),
                Err(_) => continue 'attempt,
            }
        }
        return Ok((port, listeners));
    }
    anyhow::bail!("no port free on all {hosts} loopback addresses")
}

async fn sink(state: web::Data<SinkState>, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let mut headers = HeaderMap::new();
    for (name, value) in req.headers() {
        if let (Ok(name), Ok(value)) =
            (HeaderName::from_bytes(name.as_str().as_bytes()), HeaderValue::from_bytes(value.as_bytes()))
        {
            headers.append(name, value);
        }
    }
    let path = req.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let good = verify_digest(&headers, &body).is_ok()
        && parse_signature(&Method::POST, path, &headers, chrono::Utc::now())
            .is_ok_and(|s| s.key_id() == state.key_id && s.verify(&state.key));
    if good {
        state.received.fetch_add(1, Ordering::SeqCst);
        HttpResponse::Accepted().finish()
    } else {
        state.rejected.fetch_add(1, Ordering::SeqCst);
        HttpResponse::Unauthorized().finish()
    }
}

pub async fn run(config: &Config) -> anyhow::Result<Vec<Row>> {
    let mut rows = Vec::new();
    for &size in &config.sizes {
        let scratch = Scratch::new("b2")?;
        let node = RunningNode::start(scratch.file("publisher.db"), 0, "emetteur").await?;
        let sinks = Sinks::start(config.hosts, &node.node.keys, node.node.key_id()).await?;
        let inboxes: Vec<String> = (0..size).map(|i| sinks.inbox(i % config.hosts, i)).collect();
        add_followers(&node, &inboxes).await?;
        let template = crate::corpus::templates(&Vocabularies::builtin())?.swap_remove(0);
        let mut fanouts = Vec::new();
        let mut commits = Vec::new();
        let mut signings = Vec::new();
        let mut single_core = Vec::new();
        for rep in 0..config.repetitions {
            sinks.reset();
            let doc = crate::corpus::variant(&template, rep);
            let start = Instant::now();
            create_item(&node.node, doc, &BENCH).await.map_err(|e| anyhow::anyhow!("publish failed: {e}"))?;
            let committed = start.elapsed();
            let done = wait_acknowledged(&sinks, size).await;
            let elapsed = start.elapsed();
            let rejected = sinks.state.rejected.load(Ordering::SeqCst);
            progress(format!(
                "B2: {size} inboxes: committed in {:.0} ms, {done} acknowledged after {:.0} ms ({rejected} rejected by sinks)",
                committed.as_secs_f64() * 1000.0,
                elapsed.as_secs_f64() * 1000.0
            ));
            let payload: String =
                sqlx::query_scalar("SELECT payload FROM activities WHERE kind = 'Create' ORDER BY id DESC LIMIT 1")
                    .fetch_one(&node.node.pool)
                    .await?;
            let (all_cores, one_core) =
                signing_time(&node.node.keys, &node.node.key_id(), &inboxes, payload.as_bytes()).await?;
            progress(format!(
                "B2:   signing {size} requests: {:.0} ms on every core, {:.0} ms on one",
                all_cores * 1000.0,
                one_core * 1000.0
            ));
            fanouts.push(if done >= size { elapsed.as_secs_f64() * 1000.0 } else { f64::INFINITY });
            commits.push(committed.as_secs_f64() * 1000.0);
            // The faster of the two: on a shared machine, threads may not get both cores.
            signings.push(all_cores.min(one_core) * 1000.0);
            single_core.push(one_core * 1000.0);
        }
        sinks.handle.stop(false).await;
        node.stop().await;
        let fanout = median(&fanouts);
        let row = Row::new(
            "B2",
            format!("fan-out to {size} inboxes / {} hosts, all acknowledged", config.hosts),
            fanout,
            "ms",
        )
        .baseline(format!("{size} signatures, best of 1 core and all cores"), median(&signings))
        .note(format!(
            "{:.0}/s; publish commit {:.0} ms; 1-core signing {:.0} ms",
            size as f64 / (fanout / 1000.0),
            median(&commits),
            median(&single_core)
        ));
        rows.push(if size == 1000 {
            row.goal(Goal::RatioAtMost(2.0), "≤ 2× signing time")
        } else {
            row.goal(Goal::None, "scaling (no goal)")
        });
    }
    Ok(rows)
}

async fn add_followers(node: &RunningNode, inboxes: &[String]) -> anyhow::Result<()> {
    let now = timestamp(chrono::Utc::now());
    let mut tx = node.node.pool.begin().await?;
    for (i, inbox) in inboxes.iter().enumerate() {
        let actor = inbox.trim_end_matches("/inbox").to_owned();
        sqlx::query("INSERT INTO followers (actor_uri, inbox, state, follow_activity_id, created_at) VALUES (?, ?, 'accepted', ?, ?)")
            .bind(&actor)
            .bind(inbox)
            .bind(format!("{actor}#follow-{i}"))
            .bind(&now)
            .execute(&mut *tx)
            .await
            .context("Failed to insert a follower")?;
    }
    tx.commit().await?;
    Ok(())
}

/// Waits until `size` inboxes acknowledged, or nothing moved for 30 s.
async fn wait_acknowledged(sinks: &Sinks, size: usize) -> usize {
    let mut last = (0, Instant::now());
    loop {
        let count = sinks.state.received.load(Ordering::SeqCst);
        if count >= size {
            return count;
        }
        if count != last.0 {
            last = (count, Instant::now());
        } else if last.1.elapsed() > Duration::from_secs(30) {
            return count;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

/// Seconds to sign one POST per inbox: on every core, and on one.
async fn signing_time(keys: &NodeKeys, key_id: &str, inboxes: &[String], body: &[u8]) -> anyhow::Result<(f64, f64)> {
    let urls: Vec<url::Url> = inboxes.iter().map(|i| url::Url::parse(i)).collect::<Result<_, _>>()?;
    let (keys, key_id, body) = (keys.clone(), key_id.to_owned(), body.to_vec());
    tokio::task::spawn_blocking(move || {
        let sign = |urls: &[url::Url]| -> anyhow::Result<()> {
            for url in urls {
                sign_request(&keys, &key_id, &Method::POST, url, Some(&body), chrono::Utc::now())?;
            }
            Ok(())
        };
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        let start = Instant::now();
        std::thread::scope(|scope| {
            let chunk = urls.len().div_ceil(threads);
            let handles: Vec<_> = urls.chunks(chunk).map(|part| scope.spawn(move || sign(part))).collect();
            handles.into_iter().try_for_each(|h| h.join().map_err(|_| anyhow::anyhow!("signing panicked"))?)
        })?;
        let all_cores = start.elapsed().as_secs_f64();
        let start = Instant::now();
        sign(&urls)?;
        Ok((all_cores, start.elapsed().as_secs_f64()))
    })
    .await
    .context("Signing task failed")?
}
