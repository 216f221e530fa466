//! Questions asked of a catalogue: lookups by code or name, ranked and grep-like search,
//! comparisons of two catalogues, and what a log's codes mean.

pub mod cells;
pub mod concepts;
pub mod diff;
pub mod editions;
pub mod explain;
pub mod filter;
pub mod lookup;
pub mod search;
pub mod semantic;

pub use filter::Filter;
pub use lookup::{CodeQuery, lookup, neighbours, parse_code_query};
pub use search::{Hit, Mode, SearchOptions, search};
