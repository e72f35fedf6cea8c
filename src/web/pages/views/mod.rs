//! What the pages share: the layout and its language (`i18n`), errors, formats, cards,
//! charts, the map and the lineage graph, the media blocks, and the static assets. Nothing
//! here names a page.

pub mod assets;
pub mod cards;
pub mod charts;
pub mod errors;
pub mod feed_links;
pub mod format;
pub mod france_map;
pub mod i18n;
pub mod item_media;
pub mod layout;
pub mod lineage_graph;
pub mod links;
pub mod session;
