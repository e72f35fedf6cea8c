//! What people download: the Atom feeds, the exports of items (JSON, Markdown, CSV) and of
//! the coordination tables (CSV).

pub mod coordination_csv;
pub mod export_csv;
pub mod exports;
pub mod feeds;
