//! Which node a command acts on. A node is a folder holding its settings
//! (`maillage.toml`, optional) and its database (`maillage.db` unless the settings say
//! otherwise); `--node` names the folder, or a node of the demo network by its name; without
//! it, the current folder. Only `serve` creates a node; every other command refuses a node
//! whose database does not exist, so that a mistyped path never becomes a new empty node.

use crate::msg;
use crate::settings::{Settings, NODE_SETTINGS_FILE};
use anyhow::Context;
use std::path::{Path, PathBuf};

/// The folder `maillage demo` writes its nodes into, by default.
pub const DEMO_FOLDER: &str = "maillage-demo";

/// The nodes of the demo network, by name.
pub const DEMO_NODES: [&str; 4] = ["national", "provence", "occitanie", "lyon"];

/// A node's folder, found from `--node`.
#[derive(Debug, Clone)]
pub struct NodeFolder {
    pub dir: PathBuf,
}

impl NodeFolder {
    /// The folder named by `--node` (a folder, or a demo node's name), or the current one.
    /// `may_create`: the folder may not exist yet (the command creates the node).
    pub fn locate(node: Option<&str>, may_create: bool) -> anyhow::Result<NodeFolder> {
        let Some(node) = node else { return Ok(NodeFolder { dir: PathBuf::from(".") }) };
        let as_path = PathBuf::from(node);
        if as_path.is_dir() {
            return Ok(NodeFolder { dir: as_path });
        }
        if DEMO_NODES.contains(&node) {
            let demo = Path::new(DEMO_FOLDER).join(node);
            if demo.is_dir() {
                return Ok(NodeFolder { dir: demo });
            }
            anyhow::bail!(msg!(
                "cli-node-demo-missing",
                node = node,
                folder = DEMO_FOLDER,
                nodes = DEMO_NODES.join(", ")
            ));
        }
        if may_create && as_path.parent().map_or(true, |p| p.as_os_str().is_empty() || p.is_dir()) {
            return Ok(NodeFolder { dir: as_path });
        }
        anyhow::bail!(msg!("cli-node-not-found", node = node, file = NODE_SETTINGS_FILE, nodes = DEMO_NODES.join(", ")))
    }

    /// The node's layered settings (see `Settings::load`).
    pub fn settings(&self, config: Option<&Path>) -> anyhow::Result<Settings> {
        Ok(Settings::load(&self.dir, config)?)
    }

    /// Refuses a node whose database does not exist, and says how to create or find one.
    pub fn require_database(&self, settings: &Settings, command: &str) -> anyhow::Result<()> {
        let database = &settings.database.path;
        if database.is_file() {
            return Ok(());
        }
        let demo = if Path::new(DEMO_FOLDER).is_dir() {
            format!("\n  {}", msg!("cli-node-no-database-demo", command = command, nodes = DEMO_NODES.join(", ")))
        } else {
            String::new()
        };
        anyhow::bail!(
            "{}\n  {}{demo}",
            msg!("cli-node-no-database", database = database.display().to_string()),
            msg!("cli-node-no-database-hint")
        )
    }

    /// Makes the folder of a node about to be created, one level only (a mistyped parent
    /// path is an error, not a tree of new folders).
    pub fn create(&self) -> anyhow::Result<()> {
        if !self.dir.is_dir() {
            std::fs::create_dir(&self.dir)
                .with_context(|| msg!("cli-node-cannot-create-folder", path = self.dir.display().to_string()))?;
        }
        Ok(())
    }
}
