//! The catalogue: vendors' documents (sources) and their entries, one per documented code, each
//! with the names the vendors' SDKs give it; and the codes an SDK defines that no document
//! describes, as undocumented entries of a source of their own.
//!
//! The embedded catalogue is static data compiled by build.rs from codes/*.toml and
//! codes/symbols/*.toml; a `Catalogue` builds an [`Entry`] of it only when one is read, its texts
//! borrowed from the binary.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::Arc;

mod embedded;
pub mod file;
pub mod load;
pub mod symbols;
pub mod user;
pub mod vendor;

/// Text that is either part of the embedded catalogue or read at run time.
pub type Text = Cow<'static, str>;

/// One vendor document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: Text,
    pub vendor: Text,
    pub title: Option<Text>,
    pub edition: Option<Text>,
    pub url: Option<Text>,
    /// The file that defined it; `None` for the embedded catalogue.
    pub origin: Option<Text>,
    /// Users' files that add to it or override its entries, in order.
    pub extended_by: Vec<Text>,
}

/// One code (or range of codes) of one source: documented, or defined by an SDK alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Index into [`Catalogue::sources`].
    pub source: usize,
    pub code: i64,
    pub code_end: Option<i64>,
    pub name: Option<Text>,
    pub part: Option<Text>,
    pub category: Option<Text>,
    pub description: Text,
    pub reason: Option<Text>,
    pub action: Option<Text>,
    pub note: Option<Text>,
    /// The file it was read from; `None` for the embedded catalogue. Shared by the file's
    /// entries (a user's catalogue may hold 100,000).
    pub origin: Option<Arc<str>>,
    /// The names the vendor's SDKs give the code, by platform, then in the order read.
    pub symbols: Cow<'static, [Symbol]>,
    /// False for a code an SDK defines that the vendor's documents do not describe: its
    /// description is empty and its source is the SDK's (`zego-sdk`, …).
    pub documented: bool,
}

/// A name an SDK gives a code on one platform, with where it was read (codes/symbols/*.toml).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: Text,
    /// ios, android, cpp, c, flutter.
    pub platform: Text,
    /// The SDK version(s) of the copies read, where known, with their provenance.
    pub sdk_version: Option<Text>,
    /// The public repository (or repositories, joined by " ; ") holding the copies read.
    pub repository: Text,
    pub path: Text,
    /// The constant's doc comment in the SDK, verbatim (Tencent's are Chinese).
    pub comment: Option<Text>,
}

impl Symbol {
    /// The SDK version without its provenance ("zego_zim 2.18.2+1"), where known.
    pub fn version(&self) -> Option<&str> {
        self.sdk_version.as_deref().and_then(symbols::short_version)
    }
}

impl Entry {
    pub fn key(&self) -> Key {
        Key {
            source: self.source,
            code: self.code,
            code_end: self.code_end,
            documented: self.documented,
            named: self.name.is_some(),
        }
    }

    /// The last code this entry documents (itself, unless it documents a range).
    pub fn last_code(&self) -> i64 {
        self.key().last_code()
    }

    pub fn covers(&self, code: i64) -> bool {
        self.key().covers(code)
    }

    /// A text field by its name (its key in a catalogue file, and in the JSON output): name,
    /// part, category, description, reason, action or note; `None` where absent or unknown.
    pub fn field(&self, name: &str) -> Option<&str> {
        match name {
            "name" => self.name.as_deref(),
            "part" => self.part.as_deref(),
            "category" => self.category.as_deref(),
            "description" => Some(&self.description),
            "reason" => self.reason.as_deref(),
            "action" => self.action.as_deref(),
            "note" => self.note.as_deref(),
            _ => None,
        }
    }

    /// The SDKs' symbols by platform, platforms in alphabetical order, each's in the order read.
    pub fn symbols_by_platform(
        &self,
    ) -> impl ExactSizeIterator<Item = (&str, impl Iterator<Item = &Symbol> + Clone)> {
        let mut platforms: Vec<&str> = self.symbols.iter().map(|s| s.platform.as_ref()).collect();
        platforms.sort_unstable();
        platforms.dedup();
        platforms.into_iter().map(move |platform| {
            let symbols = self.symbols.iter().filter(move |s| s.platform == platform);
            (platform, symbols)
        })
    }

    /// Whether an SDK gives the code this name (case-insensitive).
    pub fn has_symbol(&self, name: &str) -> bool {
        self.symbols
            .iter()
            .any(|s| s.name.eq_ignore_ascii_case(name))
    }

    /// Whether this is the entry's name in the document or one of its SDK symbols
    /// (case-insensitive).
    pub fn is_named(&self, name: &str) -> bool {
        self.name
            .as_deref()
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            || self.has_symbol(name)
    }

    /// `6000103`, or `120001..=130000` for a range.
    pub fn code_label(&self) -> String {
        match self.code_end {
            Some(end) => format!("{}..={end}", self.code),
            None => self.code.to_string(),
        }
    }
}

/// An entry with the source it belongs to: what render needs to show it.
#[derive(Debug, Clone, Copy)]
pub struct EntryRef<'a> {
    pub entry: &'a Entry,
    pub source: &'a Source,
}

/// The embedded entries as ranked search reads them, computed by build.rs with the same code
/// (src/query/index.rs): every distinct stem, and per entry its stems with weighted counts.
#[derive(Debug, Clone, Copy)]
pub struct TermIndex {
    stems: &'static [embedded::Span],
    /// (index of a stem, weighted count), entry after entry.
    pub terms: &'static [(u32, f64)],
    /// Per entry, in catalogue order: its range of `terms`, and its length.
    pub entries: &'static [(u32, u32, f64)],
}

impl TermIndex {
    /// The distinct stems, sorted.
    pub fn stems(&self) -> impl ExactSizeIterator<Item = &'static str> + use<> {
        self.stems.iter().map(|&span| embedded::text(span))
    }
}

/// What can be read of an entry without building it: enough to tell whether it is in scope and
/// whether it has a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub source: usize,
    pub code: i64,
    pub code_end: Option<i64>,
    pub documented: bool,
    /// Whether the document gives it a name.
    pub named: bool,
}

impl Key {
    /// The last code the entry documents (itself, unless it documents a range).
    pub fn last_code(&self) -> i64 {
        self.code_end.unwrap_or(self.code)
    }

    pub fn covers(&self, code: i64) -> bool {
        (self.code..=self.last_code()).contains(&code)
    }
}

/// Which part of the catalogue a command looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Vendor(Text),
    Source(usize),
}

/// The embedded vendors, then source ids, each once: what shell completion offers.
pub fn embedded_scope_names() -> impl Iterator<Item = &'static str> {
    let sources = &embedded::SOURCES;
    let vendors = sources
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            let vendor = embedded::text(s.vendor);
            !sources[..*i]
                .iter()
                .any(|earlier| embedded::text(earlier.vendor) == vendor)
        })
        .map(|(_, s)| embedded::text(s.vendor));
    vendors.chain(sources.iter().map(|s| embedded::text(s.id)))
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
            sources: embedded::SOURCES.iter().map(embedded::source).collect(),
            entries: Entries::Embedded(
                std::iter::repeat_with(OnceCell::new)
                    .take(embedded::ENTRIES.len())
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

    /// Documented entries first, each part in code order, then source order (build.rs writes
    /// the embedded entries in this order).
    fn sort(&mut self) {
        if let Entries::Owned(entries) = &mut self.entries {
            entries.sort_by_key(|e| (!e.documented, e.code, e.source));
        }
    }

    /// The entries, to change: the embedded ones are built, all of them, first.
    fn entries_mut(&mut self) -> &mut Vec<Entry> {
        if let Entries::Embedded(cells) = &mut self.entries {
            let entries = cells
                .iter_mut()
                .zip(&embedded::ENTRIES)
                .map(|(cell, raw)| cell.take().map_or_else(|| embedded::entry(raw), |e| *e))
                .collect();
            self.entries = Entries::Owned(entries);
        }
        match &mut self.entries {
            Entries::Owned(entries) => entries,
            Entries::Embedded(_) => unreachable!("the embedded entries were just built"),
        }
    }

    /// The precomputed search terms, while the entries are exactly the embedded ones.
    pub fn term_index(&self) -> Option<TermIndex> {
        matches!(self.entries, Entries::Embedded(_)).then_some(TermIndex {
            stems: &embedded::STEMS,
            terms: &embedded::TERMS,
            entries: &embedded::ENTRY_TERMS,
        })
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
                cells[index].get_or_init(|| Box::new(embedded::entry(&embedded::ENTRIES[index])))
            }
            Entries::Owned(entries) => &entries[index],
        }
    }

    /// What can be read of the entry at `index` without building it.
    pub fn key(&self, index: usize) -> Key {
        match &self.entries {
            Entries::Embedded(_) => {
                let raw = &embedded::ENTRIES[index];
                Key {
                    source: usize::from(raw.source),
                    code: raw.code,
                    code_end: raw.code_end,
                    documented: raw.documented,
                    named: raw.name.is_some(),
                }
            }
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

    /// Resolves a vendor key, a vendor alias or a source id, case-insensitively.
    pub fn scope(&self, word: &str) -> Option<Scope> {
        let word = word.to_ascii_lowercase();
        if let Some(index) = self.sources.iter().position(|s| s.id == word.as_str()) {
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
        crate::query::text::closest(&word, names.iter().copied()).map(|name| {
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

    /// Number of entries of each source, in source order.
    pub fn counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.sources.len()];
        for index in 0..self.len() {
            counts[self.key(index).source] += 1;
        }
        counts
    }
}
