//! The catalogue compiled into the binary, as build.rs writes it: every text once in one string,
//! and tables of plain numbers (spans of that string, codes, indices). A table without pointers
//! needs no relocation when the program starts, and stays in the executable's read-only pages
//! until read: a lookup touches the few entries it shows, not all of them.
//!
//! [`entry`] and [`source`] turn a row into the [`Entry`] or [`Source`] the rest of the program
//! reads, borrowing its texts from [`TEXT`].

use std::borrow::Cow;

use super::{Entry, Source, Symbol, Text};

/// Where a text starts in [`TEXT`], and its length in bytes.
#[derive(Debug, Clone, Copy)]
pub struct Span(pub u32, pub u32);

/// One vendor document, or an SDK's source of the codes no document describes.
pub struct RawSource {
    pub id: Span,
    pub vendor: Span,
    pub title: Option<Span>,
    pub edition: Option<Span>,
    pub url: Option<Span>,
}

/// One entry; [`Key`](super::Key) is what can be read of it without building an [`Entry`].
pub struct RawEntry {
    pub code: i64,
    pub code_end: Option<i64>,
    pub source: u8,
    pub documented: bool,
    pub name: Option<Span>,
    pub part: Option<Span>,
    pub category: Option<Span>,
    pub description: Span,
    pub reason: Option<Span>,
    pub action: Option<Span>,
    pub note: Option<Span>,
    /// Its symbols: a range of [`SYMBOLS`].
    pub symbols: (u32, u32),
}

/// A name an SDK gives a code.
pub struct RawSymbol {
    pub name: Span,
    pub platform: Span,
    pub sdk_version: Option<Span>,
    pub repository: Span,
    pub path: Span,
    pub comment: Option<Span>,
}

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

pub fn text(span: Span) -> &'static str {
    &TEXT[span.0 as usize..][..span.1 as usize]
}

fn borrowed(span: Span) -> Text {
    Cow::Borrowed(text(span))
}

fn optional(span: Option<Span>) -> Option<Text> {
    span.map(borrowed)
}

pub fn source(raw: &RawSource) -> Source {
    Source {
        id: borrowed(raw.id),
        vendor: borrowed(raw.vendor),
        title: optional(raw.title),
        edition: optional(raw.edition),
        url: optional(raw.url),
        origin: None,
        extended_by: Vec::new(),
    }
}

pub fn entry(raw: &RawEntry) -> Entry {
    let (start, len) = raw.symbols;
    let symbols = SYMBOLS[start as usize..][..len as usize]
        .iter()
        .map(|s| Symbol {
            name: borrowed(s.name),
            platform: borrowed(s.platform),
            sdk_version: optional(s.sdk_version),
            repository: borrowed(s.repository),
            path: borrowed(s.path),
            comment: optional(s.comment),
        })
        .collect();
    Entry {
        source: usize::from(raw.source),
        code: raw.code,
        code_end: raw.code_end,
        name: optional(raw.name),
        part: optional(raw.part),
        category: optional(raw.category),
        description: borrowed(raw.description),
        reason: optional(raw.reason),
        action: optional(raw.action),
        note: optional(raw.note),
        origin: None,
        symbols: Cow::Owned(symbols),
        documented: raw.documented,
    }
}
