//! The catalogue compiled into a binary, as [`compile`](crate::compile) writes it: every text
//! once in one string, and tables of plain numbers (spans of that string, codes, indices). A
//! table without pointers needs no relocation when the program starts, and stays in the
//! executable's read-only pages until read: a lookup touches the few entries it shows.
//!
//! [`Tables::entry`] and [`Tables::source`] turn a row into the [`Entry`] or [`Source`] the
//! rest of the program reads, borrowing its texts from the string.

use std::borrow::Cow;

use crate::field::{Field, Texts};
use crate::model::{Concept, Entry, Key, Source, Symbol, Text};

/// Where a text starts in the tables' string, and its length in bytes.
#[derive(Debug, Clone, Copy)]
pub struct Span(pub u32, pub u32);

/// One vendor document, or an SDK's source of the codes no document describes.
pub struct RawSource {
    pub id: Span,
    pub vendor: Span,
    pub title: Option<Span>,
    pub edition: Option<Span>,
    pub url: Option<Span>,
    pub language: Option<Span>,
    pub platform: Option<Span>,
    pub product: Option<Span>,
}

/// A concept of chaterr's classification; `words` are one per line.
pub struct RawConcept {
    pub id: Span,
    pub title: Span,
    pub title_zh: Span,
    pub guidance: Span,
    pub guidance_zh: Span,
    pub words: Span,
    pub words_zh: Span,
    /// The entries of this concept: a range of [`Tables::concept_members`].
    pub members: (u32, u32),
}

/// One entry; [`Key`] is what can be read of it without building an [`Entry`].
pub struct RawEntry {
    pub code: i64,
    pub code_end: Option<i64>,
    pub source: u8,
    pub documented: bool,
    /// By [`Field`]; `None` for an absent or empty text.
    pub texts: Texts<Span>,
    /// Its symbols: a range of [`Tables::symbols`].
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

/// The compiled catalogue: sources, entries in catalogue order, their symbols, and what ranked
/// search reads of each entry (see [`crate::terms`]).
pub struct Tables {
    pub text: &'static str,
    pub sources: &'static [RawSource],
    pub concepts: &'static [RawConcept],
    /// Indices of [`Tables::entries`], concept after concept.
    pub concept_members: &'static [u32],
    pub entries: &'static [RawEntry],
    pub symbols: &'static [RawSymbol],
    /// Every distinct stem of the entries' terms, sorted.
    pub stems: &'static [Span],
    /// (index of a stem, weighted count), entry after entry.
    pub terms: &'static [(u32, f64)],
    /// Per entry, in catalogue order: its range of `terms`, and its length.
    pub entry_terms: &'static [(u32, u32, f64)],
}

impl Tables {
    pub fn text(&self, span: Span) -> &'static str {
        &self.text[span.0 as usize..][..span.1 as usize]
    }

    fn borrowed(&self, span: Span) -> Text {
        Cow::Borrowed(self.text(span))
    }

    fn optional(&self, span: Option<Span>) -> Option<Text> {
        span.map(|span| self.borrowed(span))
    }

    pub fn source(&self, raw: &RawSource) -> Source {
        Source {
            id: self.borrowed(raw.id),
            vendor: self.borrowed(raw.vendor),
            title: self.optional(raw.title),
            edition: self.optional(raw.edition),
            url: self.optional(raw.url),
            language: self.optional(raw.language),
            platform: self.optional(raw.platform),
            product: self.optional(raw.product),
            origin: None,
            extended_by: Vec::new(),
        }
    }

    /// The entry at `index` of [`Tables::entries`], built.
    pub fn entry(&self, index: usize) -> Entry {
        let raw = &self.entries[index];
        let symbols = self
            .symbols_of(raw)
            .iter()
            .map(|s| Symbol {
                name: self.borrowed(s.name),
                platform: self.borrowed(s.platform),
                sdk_version: self.optional(s.sdk_version),
                repository: self.borrowed(s.repository),
                path: self.borrowed(s.path),
                comment: self.optional(s.comment),
            })
            .collect();
        Entry {
            source: usize::from(raw.source),
            code: raw.code,
            code_end: raw.code_end,
            texts: raw.texts.map(|span| self.optional(span)),
            origin: None,
            symbols: Cow::Owned(symbols),
            documented: raw.documented,
        }
    }

    /// The symbols of an entry's row.
    pub fn symbols_of(&self, raw: &RawEntry) -> &'static [RawSymbol] {
        let (start, len) = raw.symbols;
        &self.symbols[start as usize..][..len as usize]
    }

    /// Every concept, in the order of codes/ours/concepts.toml.
    pub fn concepts(&self) -> impl ExactSizeIterator<Item = Concept> + '_ {
        self.concepts.iter().map(|c| Concept {
            id: self.borrowed(c.id),
            title: self.borrowed(c.title),
            title_zh: self.borrowed(c.title_zh),
            guidance: self.borrowed(c.guidance),
            guidance_zh: self.borrowed(c.guidance_zh),
            words: self.borrowed(c.words),
            words_zh: self.borrowed(c.words_zh),
        })
    }

    /// The row of a concept, by its id.
    pub fn concept(&self, id: &str) -> Option<&'static RawConcept> {
        self.concepts.iter().find(|c| self.text(c.id) == id)
    }

    /// The indices of the entries of a concept, in catalogue order.
    pub fn members(&self, concept: &str) -> &'static [u32] {
        self.concept(concept).map_or(&[], |c| {
            &self.concept_members[c.members.0 as usize..c.members.1 as usize]
        })
    }

    /// What can be read of the entry at `index` without building it.
    /// A text of the entry at `index`, read without building the entry.
    pub fn field(&self, index: usize, field: Field) -> Option<&'static str> {
        self.entries[index].texts[field.index()].map(|span| self.text(span))
    }

    pub fn key(&self, index: usize) -> Key {
        let raw = &self.entries[index];
        Key {
            source: usize::from(raw.source),
            code: raw.code,
            code_end: raw.code_end,
            documented: raw.documented,
            named: raw.texts[Field::Name.index()].is_some(),
        }
    }

    /// The distinct stems, sorted.
    pub fn stems(&self) -> impl ExactSizeIterator<Item = &'static str> + use<> {
        let text = self.text;
        self.stems
            .iter()
            .map(move |span| &text[span.0 as usize..][..span.1 as usize])
    }
}
