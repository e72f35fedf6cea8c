//! The node's integration tests: each test starts real nodes on free ports, each with its
//! own temporary SQLite file, in this one process, and talks to them over HTTP (or runs
//! the real `maillage` binary against their database). Set `TEST_LOG=1` to see the logs.

mod fixtures;
mod harness;
mod media_files;

mod api_auth;
mod api_items;
mod api_lists;
mod api_retract;
mod api_scopes;
mod api_updates;
mod api_validation;
mod architecture;
mod audit;
mod cli_import;
mod cli_node;
mod coordination;
mod durability;
mod editor_pages;
mod export_import;
mod federation;
mod hostile;
mod import_spreadsheet;
mod media_import;
mod media_serving;
mod messages;
mod migrations;
mod openapi;
mod ops_endpoints;
mod pages_language;
mod places;
mod public_counts;
mod search;
mod search_relevance;
mod settings;
mod shutdown;
