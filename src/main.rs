//! The `maillage` binary: parse the command line and hand over to the library.

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = maillage::cli::parse();
    match maillage::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("{}", maillage::msg!("cli-error", error = maillage::cli::describe(&error)));
            std::process::ExitCode::FAILURE
        }
    }
}
