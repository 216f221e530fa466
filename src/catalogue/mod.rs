//! The catalogue: vendors' documents (sources) and their entries, one per documented code, each
//! with the names the vendors' SDKs give it; and the codes an SDK defines that no document
//! describes, as undocumented entries of a source of their own.
//!
//! The model, the file format and the compiler are the `chaterr_catalogue` crate's; this module
//! holds the catalogue a command reads: the embedded one, compiled by build.rs from codes/ into
//! static tables (an [`Entry`] is built only when one is read, its texts borrowed from the
//! binary), merged with users' own files.

use std::cell::OnceCell;

pub use chaterr_catalogue::model::{Concept, Entry, EntryRef, Key, Source, Symbol, Text};
pub use chaterr_catalogue::words;
pub use chaterr_catalogue::{Field, file, symbols};

mod embedded;
mod heap;
pub mod load;
pub mod user;
pub mod vendor;

/// The embedded catalogue's tables: its sources, entries and precomputed search terms.
pub use chaterr_catalogue::tables::Tables;

/// Which part of the catalogue a command looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Vendor(Text),
    Source(usize),
}

/// The embedded vendors, then source ids, each once: what shell completion offers.
pub fn embedded_scope_names() -> impl Iterator<Item = &'static str> {
    let tables = &embedded::TABLES;
    let sources = tables.sources;
    let vendors = sources
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            let vendor = tables.text(s.vendor);
            !sources[..*i]
                .iter()
                .any(|earlier| tables.text(earlier.vendor) == vendor)
        })
        .map(|(_, s)| tables.text(s.vendor));
    vendors.chain(sources.iter().map(|s| tables.text(s.id)))
}

/// Sources and their entries: documented entries in code order then source order, then the
/// undocumented ones in the same order.
#[derive(Debug, Clone)]
pub struct Catalogue {
    sources: Vec<Source>,
    entries: Entries,
}

#[derive(Debug, Clone)]
enum Entries {
    /// Exactly the embedded entries, each built from its row the first time it is read.
    Embedded(Box<[OnceCell<Box<Entry>>]>),
    /// Entries read from users' files, or merged with them.
    Owned(Vec<Entry>),
}

impl Catalogue {
    /// The catalogue compiled into the binary.
    pub fn embedded() -> Self {
        Catalogue {
            sources: embedded::TABLES
                .sources
                .iter()
                .map(|raw| embedded::TABLES.source(raw))
                .collect(),
            entries: Entries::Embedded(
                std::iter::repeat_with(OnceCell::new)
                    .take(embedded::TABLES.entries.len())
                    .collect(),
            ),
        }
    }

    /// A catalogue of the given sources and entries (entry `source` fields index `sources`).
    pub fn new(sources: Vec<Source>, entries: Vec<Entry>) -> Self {
        let mut catalogue = Catalogue {
            sources,
            entries: Entries::Owned(entries),
        };
        catalogue.sort();
        catalogue
    }

    /// In the catalogue's order (`chaterr_catalogue::model::order`), as the embedded entries
    /// were compiled.
    fn sort(&mut self) {
        if let Entries::Owned(entries) = &mut self.entries {
            entries
                .sort_by_key(|e| chaterr_catalogue::model::order(e.documented, e.code, e.source));
        }
    }

    /// The entries, to change: the embedded ones are built, all of them, first.
    fn entries_mut(&mut self) -> &mut Vec<Entry> {
        if let Entries::Embedded(cells) = &mut self.entries {
            let entries = cells
                .iter_mut()
                .enumerate()
                .map(|(i, cell)| {
                    cell.take()
                        .map_or_else(|| embedded::TABLES.entry(i), |e| *e)
                })
                .collect();
            self.entries = Entries::Owned(entries);
        }
        match &mut self.entries {
            Entries::Owned(entries) => entries,
            Entries::Embedded(_) => unreachable!("the embedded entries were just built"),
        }
    }

    /// The embedded tables, whatever the catalogue holds besides: search reads the terms of an
    /// embedded entry that no user's file replaced (`origin` none) from them.
    pub fn embedded_tables(&self) -> &'static Tables {
        &embedded::TABLES
    }

    /// The embedded tables, with their precomputed search terms, while the entries are exactly
    /// the embedded ones.
    pub fn tables(&self) -> Option<&'static Tables> {
        matches!(self.entries, Entries::Embedded(_)).then_some(&embedded::TABLES)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        match &self.entries {
            Entries::Embedded(cells) => cells.len(),
            Entries::Owned(entries) => entries.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entry at `index`, in catalogue order.
    pub fn entry(&self, index: usize) -> &Entry {
        match &self.entries {
            Entries::Embedded(cells) => {
                cells[index].get_or_init(|| Box::new(embedded::TABLES.entry(index)))
            }
            Entries::Owned(entries) => &entries[index],
        }
    }

    /// Calls `f` with the entry at `index`. An embedded entry not built yet is built for the
    /// call only, not kept: `list` writes every entry once, and keeping them all would hold a
    /// megabyte of heap for nothing (each page of it a fault at its first touch).
    pub fn with_entry<R>(&self, index: usize, f: impl FnOnce(EntryRef<'_>) -> R) -> R {
        match &self.entries {
            Entries::Embedded(cells) => match cells[index].get() {
                Some(entry) => f(self.entry_ref(entry)),
                None => {
                    let entry = embedded::TABLES.entry(index);
                    f(self.entry_ref(&entry))
                }
            },
            Entries::Owned(entries) => f(self.entry_ref(&entries[index])),
        }
    }

    /// A text of the entry at `index`, read without building it where it is embedded.
    pub fn text_at(&self, index: usize, field: Field) -> Option<&str> {
        match &self.entries {
            Entries::Embedded(cells) => match cells[index].get() {
                Some(entry) => entry.text(field),
                None => embedded::TABLES.field(index, field),
            },
            Entries::Owned(entries) => entries[index].text(field),
        }
    }

    /// What can be read of the entry at `index` without building it.
    pub fn key(&self, index: usize) -> Key {
        match &self.entries {
            Entries::Embedded(_) => embedded::TABLES.key(index),
            Entries::Owned(entries) => entries[index].key(),
        }
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Every entry, in catalogue order.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = &Entry> + Clone + '_ {
        (0..self.len()).map(|index| self.entry(index))
    }

    pub fn source_of(&self, entry: &Entry) -> &Source {
        &self.sources[entry.source]
    }

    pub fn entry_ref<'a>(&'a self, entry: &'a Entry) -> EntryRef<'a> {
        EntryRef {
            entry,
            source: self.source_of(entry),
        }
    }

    /// Vendor keys in source order, each once.
    pub fn vendors(&self) -> Vec<&str> {
        let mut vendors: Vec<&str> = Vec::new();
        for source in self.sources.iter() {
            if !vendors.contains(&source.vendor.as_ref()) {
                vendors.push(&source.vendor);
            }
        }
        vendors
    }

    /// Resolves a vendor key, a vendor alias or a source id, case-insensitively. A source whose
    /// id is its vendor's key (a user's vendor with one document, at first) gives way to the
    /// vendor: the vendor's other documents stay in reach.
    pub fn scope(&self, word: &str) -> Option<Scope> {
        let word = word.to_ascii_lowercase();
        if let Some(index) = self.sources.iter().position(|s| s.id == word.as_str())
            && self.sources[index].vendor != word.as_str()
        {
            return Some(Scope::Source(index));
        }
        let key = vendor::canonical(&word).unwrap_or(&word);
        self.sources
            .iter()
            .find(|s| s.vendor == key)
            .map(|s| Scope::Vendor(s.vendor.clone()))
    }

    /// The closest vendor key, alias or source id to a word that resolved to nothing.
    pub fn suggest_scope(&self, word: &str) -> Option<String> {
        let mut names: Vec<&str> = self.vendors();
        names.extend(self.sources.iter().map(|s| s.id.as_ref()));
        names.extend(
            vendor::aliases()
                .filter(|(_, key)| self.vendors().contains(key))
                .map(|(alias, _)| alias),
        );
        let word = word.to_ascii_lowercase();
        words::closest(&word, names.iter().copied()).map(|name| {
            // Prefer the vendor key an alias stands for: "did you mean zego?".
            vendor::canonical(name).unwrap_or(name).to_owned()
        })
    }

    /// Whether the entry of this source is in scope.
    pub fn in_scope(&self, source: usize, scope: &Scope) -> bool {
        match scope {
            Scope::All => true,
            Scope::Source(index) => source == *index,
            Scope::Vendor(key) => self.sources[source].vendor == *key,
        }
    }

    /// Indices of the entries in scope, in catalogue order.
    pub fn indices_in<'a>(&'a self, scope: &Scope) -> impl Iterator<Item = usize> + 'a {
        // Which sources are in scope, decided once rather than per entry.
        let sources: Vec<bool> = (0..self.sources.len())
            .map(|source| self.in_scope(source, scope))
            .collect();
        (0..self.len()).filter(move |&index| sources[self.key(index).source])
    }

    /// Entries in scope, in catalogue order (documented first, each part in code order); only
    /// those are built.
    pub fn entries_in<'a>(&'a self, scope: &Scope) -> impl Iterator<Item = &'a Entry> + 'a {
        self.indices_in(scope).map(|index| self.entry(index))
    }

    /// Every concept of chaterr's classification, in the order of codes/ours/concepts.toml.
    pub fn concepts(&self) -> impl ExactSizeIterator<Item = Concept> {
        embedded::TABLES.concepts()
    }

    /// A concept by its id.
    pub fn concept(&self, id: &str) -> Option<Concept> {
        self.concepts().find(|c| c.id == id)
    }

    /// Our words for a concept, each of its lines (English, then Chinese); none for an unknown
    /// concept.
    pub fn concept_words(&self, id: &str) -> Vec<&'static str> {
        let tables = &embedded::TABLES;
        tables
            .concept(id)
            .map(|c| {
                let (en, zh) = (tables.text(c.words), tables.text(c.words_zh));
                en.lines().chain(zh.lines()).collect()
            })
            .unwrap_or_default()
    }

    /// Our Chinese words for a concept: its Chinese title, then the Chinese lines of its words;
    /// none for an unknown concept.
    pub fn concept_words_zh(&self, id: &str) -> Vec<&'static str> {
        let tables = &embedded::TABLES;
        tables
            .concept(id)
            .map(|c| {
                let title = tables.text(c.title_zh);
                std::iter::once(title)
                    .filter(|t| !t.is_empty())
                    .chain(tables.text(c.words_zh).lines())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The entries of a concept, in catalogue order.
    pub fn members(&self, concept: &str) -> Vec<&Entry> {
        match &self.entries {
            Entries::Embedded(_) => embedded::TABLES
                .members(concept)
                .iter()
                .map(|&i| self.entry(i as usize))
                .collect(),
            Entries::Owned(entries) => entries
                .iter()
                .filter(|e| e.text(Field::Concept) == Some(concept))
                .collect(),
        }
    }

    /// The same problem elsewhere: the entries of the entry's concept at other codes or
    /// vendors (an edition's entry of the same vendor and code is the same, not elsewhere).
    pub fn equivalents(&self, entry: &Entry) -> Vec<&Entry> {
        let Some(concept) = entry.text(Field::Concept) else {
            return Vec::new();
        };
        let vendor = &self.source_of(entry).vendor;
        self.members(concept)
            .into_iter()
            .filter(|e| e.code != entry.code || self.source_of(e).vendor != *vendor)
            .collect()
    }

    /// Number of entries of each source, in source order.
    pub fn counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.sources.len()];
        for index in 0..self.len() {
            counts[self.key(index).source] += 1;
        }
        counts
    }
}
