//! `maillage-bench`: the load benchmarks of issue 5 (B1 inbox ingest, B2 fan-out, B3
//! replication, B4 reads, B5 footprint), of issue 14 (B6 search at scale) and of issue 15
//! (B7 pictures and documents). Each compares what it measures with bounds and baselines
//! measured in the same run on the same machine, repeats runs and reports medians, and
//! prints one Markdown table (progress goes to stderr).
//!
//! Build the release binaries first (`cargo build --release`): B4 and B5 run the real
//! `maillage serve` found beside this binary. Everything listens on loopback only.
//!
//! ```text
//! cargo run --release --bin maillage-bench -- all
//! cargo run --release --bin maillage-bench -- b2 --repetitions 5
//! cargo run --release --bin maillage-bench -- b6 --items 1000000 --db /tmp/search-1m.db
//! ```

mod actors;
mod b1_baselines;
mod b1_ingest;
mod b2_fanout;
mod b3_replication;
mod b4_reads;
mod b5_footprint;
mod b6_search;
mod b7_media;
mod b8_coordination;
mod corpus;
mod loadgen;
mod nodes;
mod report;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use report::{markdown_table, progress, Row};
use std::io::Write;
use std::path::PathBuf;

/// Who the benchmarks' writes are from, in revisions and the audit log.
pub(crate) const BENCH: maillage::operations::people::audit::Actor =
    maillage::operations::people::audit::Actor::Cli("bench");

#[derive(Debug, Parser)]
#[command(name = "maillage-bench", about = "Load benchmarks of a maillage node, with same-run baselines.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    options: Options,
}

#[derive(Debug, Args, Clone)]
struct Options {
    /// Repetitions of each measurement (medians are reported).
    #[arg(long, global = true, default_value_t = 3)]
    repetitions: usize,
    /// Smaller sizes and shorter runs, to check that everything works.
    #[arg(long, global = true)]
    quick: bool,
    /// Also write the table (with the machine facts) to this file.
    #[arg(long, global = true, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Corpus size of B4 and B6 (default 100,000; 10,000 with --quick).
    #[arg(long, global = true, value_name = "N")]
    items: Option<usize>,
    /// B4 and B6: the corpus database to reuse, created (and kept) if missing.
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    /// B6 with --db: keep the index as it is (no timed reindex, no index size).
    #[arg(long, global = true)]
    keep_index: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Inbox ingest: signed Creates from many actors, fixed rates and saturation.
    B1,
    /// Fan-out of one publication to 1,000 and 10,000 inboxes on 100 loopback hosts.
    B2,
    /// Replication latency A→B→C and convergence after missed items.
    B3,
    /// Reads with 100,000 items: HTML item pages, filtered lists, full-text search.
    B4,
    /// Footprint: binary size, start time, idle memory (and memory under B4 load).
    B5,
    /// Search at scale: index size, reindex time, search latency with facets (`--items`).
    B6,
    /// Pictures and documents: upload of a 4,000 × 3,000 JPEG, serving, three followers' copies of a 20 MB PDF.
    B7,
    /// Places and the coordination view: /reseau and the home map at `--items` items.
    B8,
    /// Every benchmark, one table.
    All,
    /// Serve empty handlers (the baseline server, started by B4 and B5).
    #[command(hide = true)]
    BaselineServer {
        #[arg(long)]
        port: u16,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    if let Command::BaselineServer { port } = cli.command {
        return baseline_server(port);
    }
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().context("Failed to start the runtime")?;
    let rows = runtime.block_on(run(&cli.command, &cli.options))?;
    let mut text = machine_facts();
    text.push('\n');
    text.push_str(&markdown_table(&rows));
    std::io::stdout().lock().write_all(text.as_bytes())?;
    if let Some(path) = &cli.options.out {
        std::fs::write(path, &text).with_context(|| format!("Failed to write {}", path.display()))?;
    }
    Ok(())
}

async fn run(command: &Command, options: &Options) -> anyhow::Result<Vec<Row>> {
    let reps = options.repetitions.max(1);
    let quick = options.quick;
    let b1 = b1_ingest::Config {
        actors: if quick { 20 } else { 100 },
        rates: vec![500.0, 1000.0, 2000.0],
        seconds_per_rate: if quick { 1.0 } else { 3.0 },
        saturation_count: if quick { 2000 } else { 10_000 },
        connections: 64,
        repetitions: reps,
    };
    let b2 =
        b2_fanout::Config { hosts: 100, sizes: if quick { vec![1000] } else { vec![1000, 10_000] }, repetitions: reps };
    let b3 = b3_replication::Config {
        items: if quick { 50 } else { 200 },
        missed: if quick { 200 } else { 1000 },
        repetitions: reps,
    };
    let items = options.items.unwrap_or(if quick { 10_000 } else { 100_000 });
    let b4 = b4_reads::Config {
        items,
        seconds: if quick { 2.0 } else { 5.0 },
        connections: 16,
        offered_rate: 100.0,
        repetitions: reps,
        db: options.db.clone(),
    };
    let b5 = b5_footprint::Config { starts: if quick { 3 } else { 5 } };
    let b6 = b6_search::Config {
        items,
        seconds: if quick { 2.0 } else { 5.0 },
        connections: 4,
        offered_rate: 50.0,
        repetitions: reps,
        db: options.db.clone(),
        reindex: !options.keep_index,
    };

    let b7 = b7_media::Config {
        repetitions: reps,
        seconds: if quick { 2.0 } else { 5.0 },
        pdf_megabytes: if quick { 5 } else { 20 },
    };

    let b8 = b8_coordination::Config {
        items,
        seconds: if quick { 2.0 } else { 5.0 },
        repetitions: reps,
        db: options.db.clone(),
    };

    let mut rows = Vec::new();
    match command {
        Command::B1 => rows.extend(b1_ingest::run(&b1).await?),
        Command::B2 => rows.extend(b2_fanout::run(&b2).await?),
        Command::B3 => rows.extend(b3_replication::run(&b3).await?),
        Command::B4 => rows.extend(b4_reads::run(&b4).await?.0),
        Command::B5 => rows.extend(b5_footprint::run(&b5, None).await?),
        Command::B6 => rows.extend(b6_search::run(&b6).await?),
        Command::B7 => rows.extend(b7_media::run(&b7).await?),
        Command::B8 => rows.extend(b8_coordination::run(&b8).await?),
        Command::All => {
            // A failing benchmark is reported and the others still run.
            let mut footprint = None;
            for (name, result) in [
                ("B1", b1_ingest::run(&b1).await),
                ("B2", b2_fanout::run(&b2).await),
                ("B3", b3_replication::run(&b3).await),
                (
                    "B4",
                    b4_reads::run(&b4).await.map(|(rows, f)| {
                        footprint = Some(f);
                        rows
                    }),
                ),
            ] {
                match result {
                    Ok(r) => rows.extend(r),
                    Err(e) => progress(format!("{name} failed: {e:#}")),
                }
            }
            match b5_footprint::run(&b5, footprint.as_ref()).await {
                Ok(r) => rows.extend(r),
                Err(e) => progress(format!("B5 failed: {e:#}")),
            }
            match b6_search::run(&b6).await {
                Ok(r) => rows.extend(r),
                Err(e) => progress(format!("B6 failed: {e:#}")),
            }
            match b7_media::run(&b7).await {
                Ok(r) => rows.extend(r),
                Err(e) => progress(format!("B7 failed: {e:#}")),
            }
            match b8_coordination::run(&b8).await {
                Ok(r) => rows.extend(r),
                Err(e) => progress(format!("B8 failed: {e:#}")),
            }
        }
        Command::BaselineServer { .. } => {}
    }
    Ok(rows)
}

/// The machine the numbers come from, for the report.
fn machine_facts() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map(str::trim)
        .unwrap_or("unknown");
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| m.lines().next().and_then(|l| l.split_whitespace().nth(1)).and_then(|kb| kb.parse::<f64>().ok()))
        .map(|kb| format!("{:.0} GiB", kb / 1024.0 / 1024.0))
        .unwrap_or_default();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    format!(
        "Machine: {cores} cores ({model}), {memory} RAM, load average at the end {load}; {} {}; maillage {}\n",
        std::env::consts::OS,
        std::env::consts::ARCH,
        env!("CARGO_PKG_VERSION")
    )
}

/// The empty-handler server of the baselines, as its own process (same actix-web).
fn baseline_server(port: u16) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        let listener =
            std::net::TcpListener::bind(("127.0.0.1", port)).context("Failed to bind the baseline server")?;
        nodes::baseline_app_server(listener)?.await.context("The baseline server failed")
    })
}
