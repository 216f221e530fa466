//! Questions asked of a catalogue: lookups by code or name, ranked and grep-like search,
//! and the filters list uses.

pub mod diff;
pub mod index;
pub mod lookup;
pub mod search;
pub mod text;

pub use lookup::{CodeQuery, by_symbol, lookup, neighbours, parse_code_query};
pub use search::{Hit, Mode, SearchOptions, search};
