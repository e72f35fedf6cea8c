//! A small HTTP/1.1 load generator over raw keep-alive TCP connections, so that on a
//! two-core machine the client spends as little CPU as possible (it shares the cores
//! with the server it measures). Requests are prepared as bytes before the clock starts.
//!
//! Two schedules: a fixed offered rate (open loop: request `i` is due at `t0 + i/rate`,
//! and its latency counts from when it was due, so a stalled server cannot hide its
//! queueing delay), and saturation (closed loop: every connection sends as soon as its
//! previous answer arrived).

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A request ready to write on the wire.
pub type RawRequest = Arc<[u8]>;

pub fn get_request(host: &str, path: &str, accept: &str) -> RawRequest {
    format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: {accept}\r\nUser-Agent: maillage-bench\r\n\r\n")
        .into_bytes()
        .into()
}

/// A POST with the given extra header lines (`Name: value`, no CRLF).
pub fn post_request(host: &str, path: &str, headers: &[(String, String)], body: &[u8]) -> RawRequest {
    let mut head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: maillage-bench\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        if name.eq_ignore_ascii_case("host") || name.eq_ignore_ascii_case("content-length") {
            continue;
        }
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body);
    bytes.into()
}

#[derive(Debug, Clone, Copy)]
pub enum Schedule {
    /// Offered load in requests per second (open loop).
    Rate(f64),
    /// As fast as the server answers (closed loop).
    Saturate,
}

#[derive(Debug, Clone, Copy)]
pub enum Stop {
    /// Send each prepared request exactly once.
    Once,
    /// Cycle through the prepared requests until this much time has passed.
    After(Duration),
}

pub struct LoadResult {
    pub completed: usize,
    pub errors: usize,
    pub statuses: BTreeMap<u16, usize>,
    pub elapsed: Duration,
    pub latencies: Vec<Duration>,
}

impl LoadResult {
    pub fn per_second(&self) -> f64 {
        self.completed as f64 / self.elapsed.as_secs_f64()
    }

    /// Answers with this status class (2 for 2xx…).
    pub fn count_class(&self, class: u16) -> usize {
        self.statuses.iter().filter(|(s, _)| **s / 100 == class).map(|(_, n)| n).sum()
    }

    pub fn status_summary(&self) -> String {
        let parts: Vec<String> = self.statuses.iter().map(|(s, n)| format!("{s}×{n}")).collect();
        let mut summary = parts.join(" ");
        if self.errors > 0 {
            summary.push_str(&format!(" errors×{}", self.errors));
        }
        summary
    }
}

/// Runs the load on `connections` keep-alive connections.
pub async fn run(
    address: SocketAddr,
    requests: Arc<Vec<RawRequest>>,
    schedule: Schedule,
    stop: Stop,
    connections: usize,
) -> LoadResult {
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let mut tasks = Vec::with_capacity(connections);
    for _ in 0..connections {
        let requests = requests.clone();
        let next = next.clone();
        tasks.push(tokio::spawn(async move { worker(address, requests, schedule, stop, next, start).await }));
    }
    let mut result = LoadResult {
        completed: 0,
        errors: 0,
        statuses: BTreeMap::new(),
        elapsed: Duration::ZERO,
        latencies: Vec::new(),
    };
    for task in tasks {
        if let Ok(part) = task.await {
            result.completed += part.completed;
            result.errors += part.errors;
            for (status, n) in part.statuses {
                *result.statuses.entry(status).or_default() += n;
            }
            result.latencies.extend(part.latencies);
        }
    }
    result.elapsed = start.elapsed();
    result
}

async fn worker(
    address: SocketAddr,
    requests: Arc<Vec<RawRequest>>,
    schedule: Schedule,
    stop: Stop,
    next: Arc<AtomicUsize>,
    start: Instant,
) -> LoadResult {
    let mut part = LoadResult {
        completed: 0,
        errors: 0,
        statuses: BTreeMap::new(),
        elapsed: Duration::ZERO,
        latencies: Vec::new(),
    };
    let mut connection: Option<Connection> = None;
    loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let due = match stop {
            Stop::Once if index >= requests.len() => break,
            Stop::After(limit) if start.elapsed() >= limit => break,
            _ => match schedule {
                Schedule::Rate(rate) => {
                    let due = start + Duration::from_secs_f64(index as f64 / rate);
                    if let Stop::After(limit) = stop {
                        if due >= start + limit {
                            break;
                        }
                    }
                    tokio::time::sleep_until(due.into()).await;
                    due
                }
                Schedule::Saturate => Instant::now(),
            },
        };
        let request = &requests[index % requests.len()];
        let mut status = None;
        // One retry on a fresh connection: the server may have closed an idle one.
        for _ in 0..2 {
            if connection.is_none() {
                connection = Connection::open(address).await.ok();
            }
            let Some(conn) = connection.as_mut() else { continue };
            match conn.exchange(request).await {
                Ok((code, keep_alive)) => {
                    status = Some(code);
                    if !keep_alive {
                        connection = None;
                    }
                    break;
                }
                Err(_) => connection = None,
            }
        }
        match status {
            Some(code) => {
                part.completed += 1;
                *part.statuses.entry(code).or_default() += 1;
                part.latencies.push(due.elapsed());
            }
            None => part.errors += 1,
        }
    }
    part
}

/// One keep-alive connection that sends a request and reads the whole answer.
struct Connection {
    stream: TcpStream,
    buffer: Vec<u8>,
}

impl Connection {
    async fn open(address: SocketAddr) -> std::io::Result<Connection> {
        let stream = TcpStream::connect(address).await?;
        stream.set_nodelay(true)?;
        Ok(Connection { stream, buffer: Vec::with_capacity(16 * 1024) })
    }

    /// Returns the status and whether the connection may be reused.
    async fn exchange(&mut self, request: &[u8]) -> std::io::Result<(u16, bool)> {
        self.stream.write_all(request).await?;
        self.buffer.clear();
        let head_end = loop {
            if let Some(at) = find(&self.buffer, b"\r\n\r\n") {
                break at + 4;
            }
            self.fill().await?;
        };
        let head = String::from_utf8_lossy(&self.buffer[..head_end]).to_ascii_lowercase();
        let status: u16 =
            head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).ok_or_else(|| invalid("no status"))?;
        let header = |name: &str| {
            head.lines().find_map(|line| {
                line.strip_prefix(name).and_then(|rest| rest.strip_prefix(':')).map(|v| v.trim().to_owned())
            })
        };
        let keep_alive = header("connection").map_or(true, |v| v != "close");
        let chunked = header("transfer-encoding").is_some_and(|v| v.contains("chunked"));
        let length: usize = header("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
        self.buffer.drain(..head_end);
        if chunked {
            self.read_chunked().await?;
        } else {
            while self.buffer.len() < length {
                self.fill().await?;
            }
        }
        Ok((status, keep_alive))
    }

    async fn read_chunked(&mut self) -> std::io::Result<()> {
        loop {
            let line_end = loop {
                if let Some(at) = find(&self.buffer, b"\r\n") {
                    break at;
                }
                self.fill().await?;
            };
            let size_text = String::from_utf8_lossy(&self.buffer[..line_end]).to_string();
            let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
                .map_err(|_| invalid("bad chunk size"))?;
            self.buffer.drain(..line_end + 2);
            if size == 0 {
                // Trailers (none in practice) end with an empty line.
                while find(&self.buffer, b"\r\n").is_none() {
                    self.fill().await?;
                }
                return Ok(());
            }
            while self.buffer.len() < size + 2 {
                self.fill().await?;
            }
            self.buffer.drain(..size + 2);
        }
    }

    async fn fill(&mut self) -> std::io::Result<()> {
        let mut chunk = [0u8; 16 * 1024];
        let n = self.stream.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "connection closed"));
        }
        self.buffer.extend_from_slice(&chunk[..n]);
        Ok(())
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn invalid(what: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned())
}

/// Polls `GET path` until its 200 answer contains `needle` or `limit` passes; returns how
/// long it took.
pub async fn wait_until_answer_holds(
    address: SocketAddr,
    host: &str,
    path: &str,
    needle: &str,
    limit: Duration,
) -> Option<Duration> {
    let start = Instant::now();
    let request = get_request(host, path, "text/plain");
    while start.elapsed() < limit {
        if let Ok(mut conn) = Connection::open(address).await {
            // A body with a length stays in the buffer after the exchange.
            if let Ok((200, _)) = conn.exchange(&request).await {
                if String::from_utf8_lossy(&conn.buffer).contains(needle) {
                    return Some(start.elapsed());
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    None
}

/// Polls `GET path` until the server answers 200 or `limit` passes; returns how long it took.
pub async fn wait_until_serving(address: SocketAddr, host: &str, path: &str, limit: Duration) -> Option<Duration> {
    let start = Instant::now();
    let request = get_request(host, path, "application/json");
    while start.elapsed() < limit {
        if let Ok(mut conn) = Connection::open(address).await {
            if let Ok((200, _)) = conn.exchange(&request).await {
                return Some(start.elapsed());
            }
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    None
}
