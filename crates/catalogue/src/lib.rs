//! chaterr's catalogue of chat-SDK error codes, as data: the entry model ([`model`]) with its
//! one list of text fields ([`Field`]), the file format of `codes/*.toml` and users' catalogues
//! ([`file`], [`symbols`]), how search splits and weighs an entry's words ([`words`],
//! [`terms`]), and the compiler of `codes/` into static tables ([`compile`], [`tables`]).
//!
//! chaterr uses it as a library, and its build script as a build-dependency; it knows nothing
//! of queries, rendering or the command line.

pub mod compile;
pub mod field;
pub mod file;
pub mod labels;
pub mod model;
pub mod symbols;
pub mod tables;
pub mod terms;
pub mod words;

pub use field::Field;
pub use model::{Concept, Entry, EntryRef, Key, Source, Symbol, Text};
