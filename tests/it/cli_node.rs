//! A node is a folder: the real `maillage` binary, run from a folder of its own, finds the
//! node's settings and database there (or with `--node`), refuses to act on a node that does
//! not exist, and gives true answers on the demo network's nodes. Messages are French and say
//! what to do.

use std::path::Path;
use std::process::Output;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// The `maillage` binary, run in `dir` with a clean `MAILLAGE__*` environment.
fn maillage(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_maillage"));
    for (key, _) in std::env::vars() {
        if key.starts_with("MAILLAGE") {
            command.env_remove(key);
        }
    }
    command.env_remove("RUST_LOG").args(args).current_dir(dir).kill_on_drop(true);
    command
}

async fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    use tokio::io::AsyncWriteExt;
    let mut command = maillage(dir, args);
    command
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = command.spawn().expect("maillage starts");
    let mut input = child.stdin.take().expect("a stdin");
    input.write_all(stdin.unwrap_or_default().as_bytes()).await.expect("stdin written");
    drop(input);
    tokio::time::timeout(Duration::from_secs(60), child.wait_with_output())
        .await
        .expect("maillage did not finish within a minute")
        .expect("maillage ran")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("a readable folder")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Four consecutive free ports on loopback, for the demo network.
fn four_free_ports() -> u16 {
    for _ in 0..50 {
        let base = crate::harness::free_port();
        if base < 65000 && (0..4).all(|offset| std::net::TcpListener::bind(("127.0.0.1", base + offset)).is_ok()) {
            return base;
        }
    }
    panic!("no four consecutive free ports");
}

/// Reads the child's stdout until a line contains `marker`; returns every line read.
async fn read_until(child: &mut Child, marker: &str) -> Vec<String> {
    let stdout = child.stdout.as_mut().expect("a piped stdout");
    let mut lines = BufReader::new(stdout).lines();
    let mut seen = Vec::new();
    let reading = async {
        while let Some(line) = lines.next_line().await.expect("stdout readable") {
            let done = line.contains(marker);
            seen.push(line);
            if done {
                return;
            }
        }
        panic!("the output ended before « {marker} »");
    };
    tokio::time::timeout(Duration::from_secs(60), reading).await.expect("the marker within a minute");
    seen
}

#[tokio::test]
async fn editor_add_in_a_folder_without_a_node_refuses_and_creates_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");

    let output =
        run(dir.path(), &["editor", "add", "camille", "--role", "admin"], Some("un mot de passe long\n")).await;

    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(stderr.contains("aucun nœud ici : la base maillage.db n'existe pas (rien n'a été créé)"), "{stderr}");
    assert!(stderr.contains("--node"), "the message says how to name a node: {stderr}");
    assert!(stderr.contains("maillage serve"), "and how to create one: {stderr}");
    assert_eq!(files_in(dir.path()), Vec::<String>::new(), "nothing was created");
}

#[tokio::test]
async fn a_mistyped_node_folder_is_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().expect("a temporary folder");

    let output = run(dir.path(), &["--node", "provnce/typo", "token", "create", "outil"], None).await;

    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(stderr.contains("aucun dossier de nœud « provnce/typo »"), "{stderr}");
    assert!(stderr.contains("national, provence, occitanie, lyon"), "the demo names are listed: {stderr}");
    assert_eq!(files_in(dir.path()), Vec::<String>::new());
}

#[tokio::test]
async fn serve_creates_a_node_in_its_folder_says_so_and_the_other_commands_then_find_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut serve = maillage(dir.path(), &["--node", "aix", "serve"])
        .env("MAILLAGE__SERVER__PORT", "0")
        .env("MAILLAGE__LOG__FILTER", "warn")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("serve starts");

    let lines = read_until(&mut serve, "nœud en service").await;

    assert!(
        lines.iter().any(|l| l.contains("nouveau nœud créé : base aix/maillage.db")),
        "serve says what it created: {lines:?}"
    );
    assert!(dir.path().join("aix/maillage.db").is_file());
    let editor = run(dir.path(), &["--node", "aix", "editor", "add", "camille"], Some("un mot de passe long\n")).await;
    assert!(editor.status.success(), "{}", text(&editor.stderr));
    assert!(text(&editor.stdout).contains("compte « camille » enregistré"), "{}", text(&editor.stdout));
    serve.kill().await.expect("serve stops");
}

#[tokio::test]
async fn the_demo_network_prints_its_directions_and_doctor_tells_the_truth_about_a_demo_node() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let port = four_free_ports();
    let mut demo = maillage(dir.path(), &["demo", "--port", &port.to_string()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the demo starts");

    let lines = read_until(&mut demo, "Ctrl-C pour tout arrêter").await;

    // The last block: every node's URL and the commands for an editor and a token on it.
    let block = lines.join("\n");
    assert!(block.contains(&format!("http://127.0.0.1:{port}/reseau")), "{block}");
    for (offset, name) in ["provence", "occitanie", "lyon"].iter().enumerate() {
        assert!(block.contains(&format!("http://127.0.0.1:{}/catalogue", port + 1 + offset as u16)), "{block}");
        assert!(block.contains(&format!("--node {name} editor add camille --role admin")), "{block}");
        assert!(block.contains(&format!("--node {name} token create")), "{block}");
    }

    let doctor = run(dir.path(), &["--node", "provence", "doctor"], None).await;
    let report = text(&doctor.stdout);
    assert!(doctor.status.success(), "{report}\n{}", text(&doctor.stderr));
    assert!(
        report.contains(&format!("nœud provence « Aix-Marseille-Provence » sur http://127.0.0.1:{}/", port + 1)),
        "{report}"
    );
    assert!(report.contains("maillage-demo/provence/maillage.toml"), "{report}");
    assert_eq!(report.matches("✓ pair joignable").count(), 3, "{report}");
    assert!(!report.contains('✗'), "{report}");

    let token = run(dir.path(), &["--node", "lyon", "token", "create", "outil"], None).await;
    assert!(token.status.success(), "{}", text(&token.stderr));

    // A second node on a port the demo holds: which port, and how to pick another.
    let busy = maillage(dir.path(), &["--node", "lyon", "serve"]).output().await.expect("serve ran");
    let stderr = text(&busy.stderr);
    assert!(!busy.status.success());
    assert!(stderr.contains(&format!("le port {} est déjà utilisé", port + 3)), "{stderr}");
    assert!(stderr.contains("MAILLAGE__SERVER__PORT"), "{stderr}");

    let pid = demo.id().expect("a running demo").to_string();
    std::process::Command::new("kill").args(["-TERM", &pid]).status().expect("kill");
    let status =
        tokio::time::timeout(Duration::from_secs(30), demo.wait()).await.expect("the demo stops").expect("waited");
    assert!(status.success(), "SIGTERM stops the demo cleanly");
}
