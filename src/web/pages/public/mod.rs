//! The public pages: home, catalogue, item pages (with revisions and re-sharing), the
//! network and coordination views, vocabularies.

pub mod catalogue;
pub mod coordination;
pub mod home;
pub mod item;
pub mod item_view;
pub mod item_view_details;
pub mod item_view_kinds;
pub mod network;
pub mod vocabularies;
