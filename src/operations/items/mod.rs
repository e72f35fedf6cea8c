//! Items as this node stores them: the write of an item and its derived rows, the item
//! model and the reads of items (queries), files attached to items, and the digests of item
//! sets.

pub mod digest;
pub mod media;
pub mod model;
pub mod queries;
pub mod write;
