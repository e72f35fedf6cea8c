//! What this node knows of its peers: remote actors and their keys, the territory pictures,
//! peer health and relay, and objects fetched by id.

pub mod actor_pictures;
pub mod actors;
pub mod objects;
pub mod peers;
