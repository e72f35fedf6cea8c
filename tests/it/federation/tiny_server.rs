//! A tiny HTTP/1.1 server on loopback for peers that misbehave on purpose (redirecting,
//! slow): it records every request it gets and answers each with what the test's
//! function says, after an optional delay.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A request as the tiny server read it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// Path and query.
    pub target: String,
    /// Header names in lowercase.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// What to answer: a status, headers and a body, sent after `delay`.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub delay: Duration,
}

impl Reply {
    pub fn redirect(status: u16, location: &str) -> Reply {
        Reply {
            status,
            headers: vec![("location".into(), location.into())],
            body: String::new(),
            delay: Duration::ZERO,
        }
    }

    pub fn json(body: &serde_json::Value) -> Reply {
        Reply {
            status: 200,
            headers: vec![("content-type".into(), "application/activity+json".into())],
            body: body.to_string(),
            delay: Duration::ZERO,
        }
    }

    pub fn status(status: u16) -> Reply {
        Reply { status, headers: Vec::new(), body: String::new(), delay: Duration::ZERO }
    }

    pub fn after(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

pub struct TinyServer {
    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub base: String,
    pub port: u16,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl TinyServer {
    /// Listens on a free loopback port; `answer` gets each request and the server's base.
    pub async fn start(answer: impl Fn(&Seen, &str) -> Reply + Send + Sync + 'static) -> TinyServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
        let port = listener.local_addr().expect("its address").port();
        let base = format!("http://127.0.0.1:{port}");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let answer = Arc::new(answer);
        let (record, own_base) = (seen.clone(), base.clone());
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (record, answer, own_base) = (record.clone(), answer.clone(), own_base.clone());
                tokio::spawn(async move {
                    let _ = serve(stream, &record, |seen| answer(seen, &own_base)).await;
                });
            }
        });
        TinyServer { base, port, seen }
    }

    /// Every request received so far, complete (head and body), in order.
    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("the request log").clone()
    }
}

/// One request per connection (`connection: close`).
async fn serve(
    mut stream: tokio::net::TcpStream,
    record: &Mutex<Vec<Seen>>,
    answer: impl Fn(&Seen) -> Reply,
) -> std::io::Result<()> {
    let mut raw = Vec::new();
    let mut buffer = [0u8; 4096];
    let head_end = loop {
        let n = stream.read(&mut buffer).await?;
        if n == 0 {
            return Ok(());
        }
        raw.extend_from_slice(&buffer[..n]);
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
    };
    let head = String::from_utf8_lossy(&raw[..head_end]).into_owned();
    let mut lines = head.lines();
    let mut request_line = lines.next().unwrap_or_default().split_whitespace();
    let (method, target) = (request_line.next().unwrap_or_default(), request_line.next().unwrap_or_default());
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize =
        headers.iter().find(|(n, _)| n == "content-length").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    let mut body = raw[head_end + 4..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut buffer).await?;
        if n == 0 {
            return Ok(());
        }
        body.extend_from_slice(&buffer[..n]);
    }
    let seen = Seen { method: method.to_owned(), target: target.to_owned(), headers, body };
    let reply = answer(&seen);
    record.lock().expect("the request log").push(seen);
    tokio::time::sleep(reply.delay).await;
    let mut out =
        format!("HTTP/1.1 {} X\r\nconnection: close\r\ncontent-length: {}\r\n", reply.status, reply.body.len());
    for (name, value) in &reply.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    out.push_str(&reply.body);
    stream.write_all(out.as_bytes()).await?;
    stream.shutdown().await
}
