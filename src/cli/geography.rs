//! `maillage geography`: the administrative reference shipped with the binary. `search`
//! finds the code of a place; `import` rebuilds the shipped file from a newer release of
//! `@etalab/decoupage-administratif` (a maintainer's step before a release: the result is
//! committed, nothing is fetched at run time).

use super::out;
use crate::content::geography::outline::build_outline_file;
use crate::content::geography::reference::reference;
use crate::content::geography::release::{build_reference_file, ReleaseFiles};
use crate::msg;
use anyhow::Context;
use clap::Subcommand;
use std::path::{Path, PathBuf};

/// Where the shipped reference lives in the source tree.
const SHIPPED_FILE: &str = "src/content/geography/cog.tsv.zst";

#[derive(Debug, Subcommand)]
pub enum GeographyCommand {
    /// Cherche une commune, un EPCI, un département ou une région et donne son code.
    #[command(after_help = "Exemples :\n  maillage geography search foix\n  maillage geography search \"st girons\"")]
    Search { text: String },
    /// Reconstruit le référentiel livré avec le binaire à partir d'une version du paquet npm
    /// @etalab/decoupage-administratif (son dossier data/, avec regions.json,
    /// departements.json, epci.json et communes.json).
    #[command(
        after_help = "Exemple :\n  npm pack @etalab/decoupage-administratif@6.0.0 && tar xzf etalab-decoupage-administratif-6.0.0.tgz\n  maillage geography import package/data --source \"@etalab/decoupage-administratif 6.0.0\"\n  cargo build --release"
    )]
    Import {
        #[arg(value_name = "DOSSIER")]
        data: PathBuf,
        /// La version d'origine, écrite dans le fichier (ex. « @etalab/decoupage-administratif 6.0.0 »).
        #[arg(long)]
        source: String,
        /// Le fichier écrit (par défaut celui des sources du binaire).
        #[arg(long, default_value = SHIPPED_FILE, value_name = "FICHIER")]
        out: PathBuf,
    },
    /// Reconstruit les contours des départements de la carte à partir d'un GeoJSON
    /// (departements-avec-outre-mer.geojson de github.com/gregoiredavid/france-geojson).
    #[command(
        after_help = "Exemple :\n  maillage geography outlines departements-avec-outre-mer.geojson\n  cargo build --release"
    )]
    Outlines {
        #[arg(value_name = "GEOJSON")]
        geojson: PathBuf,
        /// Le fichier écrit (par défaut celui des sources du binaire).
        #[arg(long, default_value = OUTLINES_FILE, value_name = "FICHIER")]
        out: PathBuf,
    },
}

/// Where the shipped outlines live in the source tree.
const OUTLINES_FILE: &str = "src/content/geography/departements.tsv";

pub fn run(command: GeographyCommand) -> anyhow::Result<()> {
    match command {
        GeographyCommand::Search { text } => {
            let found = reference().search(&text, 20);
            if found.is_empty() {
                return out(msg!("cli-geography-no-match", text = text));
            }
            for place in found {
                out(format!("{}\t{}", place.code, place.display_name()))?;
            }
            Ok(())
        }
        GeographyCommand::Import { data, source, out: target } => import(&data, &source, &target),
        GeographyCommand::Outlines { geojson, out: target } => {
            let text = std::fs::read_to_string(&geojson)
                .with_context(|| msg!("cli-read-failed", path = geojson.display().to_string()))?;
            let file = build_outline_file(&text).map_err(|e| anyhow::anyhow!("{} : {e}", geojson.display()))?;
            std::fs::write(&target, &file)
                .with_context(|| msg!("cli-write-failed", path = target.display().to_string()))?;
            out(msg!(
                "cli-geography-outlines-written",
                file = target.display().to_string(),
                bytes = file.len(),
                count = file.lines().count()
            ))
        }
    }
}

fn import(data: &Path, source: &str, target: &Path) -> anyhow::Result<()> {
    let read = |name: &str| {
        let path = data.join(name);
        std::fs::read_to_string(&path).with_context(|| msg!("cli-read-failed", path = path.display().to_string()))
    };
    let (regions, departements, epci, communes) =
        (read("regions.json")?, read("departements.json")?, read("epci.json")?, read("communes.json")?);
    let files = ReleaseFiles { regions: &regions, departements: &departements, epci: &epci, communes: &communes };
    let text = build_reference_file(&files, source).map_err(|e| anyhow::anyhow!("{} : {e}", data.display()))?;
    let parsed = crate::content::geography::reference::Reference::parse(&text)
        .map_err(|e| anyhow::anyhow!(msg!("cli-geography-reference-unreadable", error = e.to_string())))?;
    let packed = zstd::encode_all(text.as_bytes(), 19).context(msg!("cli-geography-compression"))?;
    std::fs::write(target, &packed).with_context(|| msg!("cli-write-failed", path = target.display().to_string()))?;
    let counts: Vec<String> = parsed.counts().iter().map(|(level, n)| format!("{n} {}", level.prefix())).collect();
    out(msg!(
        "cli-geography-reference-written",
        file = target.display().to_string(),
        bytes = packed.len(),
        counts = counts.join(", ")
    ))
}
