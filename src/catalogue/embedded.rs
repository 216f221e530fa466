//! The catalogue compiled into the binary: the tables build.rs writes with
//! `chaterr_catalogue::compile`, one text and tables of spans into it.

use chaterr_catalogue::tables::{RawConcept, RawEntry, RawSource, RawSymbol, Span, Tables};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
