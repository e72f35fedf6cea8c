//! Builds a node from its settings: database (created and migrated), key pair, HTTP
//! server (https when the settings name a certificate and key) and the route table.
//! `Application::build` binds before anything else so that a port of 0 gives a free port
//! whose number the base URL then uses (tests).

use crate::content::Vocabularies;
use crate::federation::client::{FederationClient, FetchPolicy, Transport};
use crate::federation::policy::FederationPolicy;
use crate::federation::tls;
use crate::msg;
use crate::operations::{node::keys::load_or_create_node_keys, Clock, Node, SystemClock};
use crate::settings::Settings;
use crate::storage::media_files::MediaFolder;
use crate::{storage, web, workers};
use actix_web::dev::{Server, Service};
use actix_web::{web as aweb, App, HttpServer};
use anyhow::Context;
use std::net::TcpListener;
use std::sync::Arc;

/// Beyond the HTTP timeout, what a worker gets on shutdown to record the outcome of its
/// last request.
const SHUTDOWN_MARGIN: std::time::Duration = std::time::Duration::from_secs(5);

pub struct Application {
    port: u16,
    node: Node,
    server: Server,
}

impl Application {
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        let listener = bind(&settings.server.host, settings.server.port)?;
        let port = listener.local_addr().context("Failed to read the bound address")?.port();
        let tls = server_tls(&settings.server)?;
        let node = build_node(settings, port).await?;
        heal_search_index(node.clone());
        upgrade_territories(node.clone());
        pack_stored_texts(node.clone());
        collect_unused_media(node.clone());
        load_facet_sets(node.clone());
        let server = run(listener, node.clone(), tls)?;
        Ok(Application { port, node, server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn node(&self) -> &Node {
        &self.node
    }

    /// Stops the server from elsewhere (`stop(true)` drains in-flight requests).
    pub fn handle(&self) -> actix_web::dev::ServerHandle {
        self.server.handle()
    }

    /// Serves without the workers, until the server stops: for tests that run the
    /// workers' steps themselves (`workers::delivery::deliver_due`,
    /// `workers::inbox::apply_pending`…), so that what a step did can be read at once.
    pub async fn serve_without_workers(self) -> std::io::Result<()> {
        self.server.await
    }

    /// Serves and runs the workers until the server stops (Ctrl-C or SIGTERM); then the
    /// workers finish the job in hand, for at most the HTTP timeout and a margin. Dropping
    /// this future instead aborts the workers wherever they are.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let workers = workers::spawn_all(&self.node);
        let result = self.server.await;
        tracing::info!("server stopped; letting the workers finish the job in hand");
        workers.stop(self.node.settings.federation.request_timeout + SHUTDOWN_MARGIN).await;
        result
    }
}

/// Runs an upkeep task in the background, logging how many rows it mended.
fn upkeep(
    mended: &'static str,
    failed: &'static str,
    task: impl std::future::Future<Output = anyhow::Result<usize>> + Send + 'static,
) {
    tokio::spawn(async move {
        match task.await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "{mended}"),
            Err(e) => tracing::error!(error = ?e, "{failed}"),
        }
    });
}

/// Reindexes, in the background, items whose index row is missing or stale.
fn heal_search_index(node: Node) {
    upkeep("search index healed", "failed to heal the search index", async move {
        crate::operations::node::search_index::heal(&node).await
    });
}

/// Gives, in the background and once, every stored item its territory as a reference.
fn upgrade_territories(node: Node) {
    upkeep("stored territories upgraded", "failed to upgrade the stored territories", async move {
        crate::operations::node::territories::upgrade_stored_items(&node).await
    });
}

/// Loads, in the background, the in-memory facet sets (until then, lists count in SQL).
fn load_facet_sets(node: Node) {
    tokio::spawn(async move {
        let started = std::time::Instant::now();
        match node.facets.load(&node.pool).await {
            Ok(()) => tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "facet sets loaded"),
            Err(e) => tracing::error!(error = %e, "failed to load the facet sets; lists count in SQL"),
        }
    });
}

/// Packs, in the background, texts stored before they were stored compressed.
fn pack_stored_texts(node: Node) {
    upkeep("stored texts packed", "failed to pack stored texts", async move {
        crate::operations::node::packing::pack_all(&node).await
    });
}

/// Removes, in the background, files no item uses any more and files a crash left behind.
fn collect_unused_media(node: Node) {
    upkeep("unused media files removed", "failed to clean the media folder", async move {
        let collected = crate::operations::items::media::collect_garbage(&node).await?;
        Ok(collected.unused_files + collected.stray_files)
    });
}

/// Binds with SO_REUSEADDR so that a restarted node gets its port back at once.
fn bind(host: &str, port: u16) -> anyhow::Result<TcpListener> {
    let address: std::net::SocketAddr = format!("{host}:{port}")
        .parse()
        .with_context(|| msg!("startup-invalid-listen-address", address = format!("{host}:{port}")))?;
    let socket = if address.is_ipv4() { tokio::net::TcpSocket::new_v4() } else { tokio::net::TcpSocket::new_v6() }
        .context("Failed to create a socket")?;
    socket.set_reuseaddr(true).context("Failed to set SO_REUSEADDR")?;
    socket.bind(address).map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => anyhow::anyhow!(msg!("startup-port-in-use", port = port, host = host)),
        std::io::ErrorKind::AddrNotAvailable => anyhow::anyhow!(msg!("startup-address-not-local", host = host)),
        _ => {
            anyhow::anyhow!(msg!("startup-cannot-listen-because", address = address.to_string(), error = e.to_string()))
        }
    })?;
    let listener = socket.listen(1024).with_context(|| msg!("startup-cannot-listen", address = address.to_string()))?;
    listener.into_std().context("Failed to hand the socket to the server")
}

/// The configuration of the HTTPS listener, when the settings name a certificate and key.
fn server_tls(server: &crate::settings::ServerSettings) -> anyhow::Result<Option<rustls::ServerConfig>> {
    let (Some(certificate), Some(key)) = (&server.tls_certificate, &server.tls_key) else { return Ok(None) };
    let chain = tls::read_certificates("server.tls_certificate", certificate)?;
    let private_key = tls::read_private_key("server.tls_key", key)?;
    let config = rustls::ServerConfig::builder_with_provider(tls::provider())
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(chain, private_key)
        .map_err(|e| tls::PemFileError {
            key: "server.tls_key",
            path: key.clone(),
            problem: msg!(
                "startup-tls-key-mismatch",
                certificate = certificate.display().to_string(),
                error = e.to_string()
            )
            .into(),
        })?;
    Ok(Some(config))
}

/// The node's shared state: database, key pair, vocabularies and clock.
pub async fn build_node(settings: Settings, bound_port: u16) -> anyhow::Result<Node> {
    let base = if settings.server.base_url.is_empty() {
        let scheme = if settings.server.serves_tls() { "https" } else { "http" };
        format!("{scheme}://{}:{}/", settings.server.host, bound_port)
    } else {
        settings.server.base_url.clone()
    };
    let base_url = url::Url::parse(&base).with_context(|| msg!("startup-invalid-base-url", url = &base))?;
    let transport = Transport {
        resolve: settings.federation.resolve.clone(),
        extra_roots: tls::extra_roots(&settings.federation.extra_ca_certs)?,
    };
    let pool = storage::connect(&settings.database.path).await?;
    let keys = load_or_create_node_keys(&pool).await?;
    let federation = &settings.federation;
    let policy = FetchPolicy {
        peers: FederationPolicy::new(federation.policy, &federation.domains),
        allow_http: federation.allow_http,
        allow_private_addresses: federation.allow_private_addresses,
        timeout: federation.request_timeout,
        max_response_bytes: federation.max_response_bytes,
    };
    let key_id = format!("{}actor#main-key", base_url);
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let client = FederationClient::with_transport(keys.clone(), key_id, policy, transport)
        .context(msg!("startup-http-client"))?
        .with_clock(clock.clone());
    let media_folder = MediaFolder::new(settings.media.directory_for(&settings.database.path));
    Ok(Node {
        client,
        media_folder,
        media_signal: Arc::new(tokio::sync::Notify::new()),
        actor_pictures: Arc::default(),
        delivery_signal: Arc::new(tokio::sync::Notify::new()),
        inbox_signal: Arc::new(tokio::sync::Notify::new()),
        sync_signal: Arc::new(tokio::sync::Notify::new()),
        facets: Arc::default(),
        login_throttle: Arc::new(crate::operations::people::login_throttle::LoginThrottle::default()),
        metrics: Arc::new(crate::operations::node::metrics::Metrics::default()),
        inbox_permits: Arc::new(tokio::sync::Semaphore::new(settings.federation.inbox_concurrency)),
        ingest: Arc::new(crate::operations::inbound::ingest::IngestQueue::start()),
        pool,
        vocab: Vocabularies::builtin(),
        settings: Arc::new(settings),
        base_url,
        keys,
        clock,
    })
}

fn run(listener: TcpListener, node: Node, tls: Option<rustls::ServerConfig>) -> anyhow::Result<Server> {
    let max_body = node.settings.server.max_body_bytes;
    let metrics = node.metrics.clone();
    let data = aweb::Data::new(node);
    let server = HttpServer::new(move || {
        let metrics = metrics.clone();
        App::new()
            .wrap_fn(move |req, service| {
                let started = std::time::Instant::now();
                let metrics = metrics.clone();
                let response = service.call(req);
                async move {
                    let response = response.await?;
                    metrics.observe_http(response.status().as_u16(), started.elapsed().as_micros() as u64);
                    Ok(response)
                }
            })
            .wrap(actix_web::middleware::from_fn(web::pages::views::i18n::localize))
            .wrap(actix_web::middleware::Logger::new("%r %s %Dms").log_target("maillage::http"))
            .app_data(data.clone())
            .app_data(aweb::PayloadConfig::new(max_body))
            .app_data(aweb::FormConfig::default().limit(max_body))
            .configure(web::ops::routes)
            .configure(web::activitypub::routes)
            .configure(web::api::routes)
            .configure(web::media::routes)
            .configure(web::pages::routes)
    });
    let server = match tls {
        Some(config) => server.listen_rustls_0_23(listener, config),
        None => server.listen(listener),
    }
    .context(msg!("startup-cannot-start-server"))?
    .run();
    Ok(server)
}
