//! The `maillage` binary: parse the command line and hand over to the library.

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = maillage::cli::Cli::parse();
    match maillage::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("erreur : {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
