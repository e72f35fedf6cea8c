//! Places: the French administrative reference (codes, names and parents of communes,
//! EPCI, départements and régions) and the outlines the map of France is drawn from.

pub mod bounds;
pub mod outline;
pub mod reference;
pub mod release;

pub use reference::{describe, reference, CodeError, Level, Place};
