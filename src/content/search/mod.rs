//! French full-text search, the pure part: how text becomes search terms (accents folded,
//! elisions, stop words, Snowball French stems, compounds), how a query typed by a person
//! is read (phrases, prefix on the last word), which fields of an item are searched with
//! which weight, and how a snippet is cut from the field that matched. The same analysis
//! serves documents and queries. No I/O: the index itself lives in `storage`.

pub mod analysis;
pub mod fields;
pub mod query;
pub mod snippet;
mod stopwords;

pub use analysis::{analyze, Analyzer, Mode, Token};
pub use fields::{index_columns, searchable_fields, Field, Group};
pub use query::{parse_query, Clause, QueryError, SearchQuery};
pub use snippet::snippet;
