//! The real `maillage` binary, run with a clean `MAILLAGE__*` environment.

use std::process::Output;

/// Runs the `maillage` binary with a clean `MAILLAGE__*` environment plus `env`.
pub async fn run_maillage(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_maillage"));
    for (key, _) in std::env::vars() {
        if key.starts_with("MAILLAGE") {
            command.env_remove(key);
        }
    }
    command.env_remove("RUST_LOG").env("MAILLAGE__LOG__FILTER", "warn");
    command.args(args).envs(env.iter().copied()).current_dir(env!("CARGO_MANIFEST_DIR")).kill_on_drop(true);
    let output = tokio::time::timeout(std::time::Duration::from_secs(60), command.output())
        .await
        .expect("maillage did not finish within a minute")
        .expect("Failed to run the maillage binary");
    output
}

pub fn stderr_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
