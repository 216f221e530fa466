//! What a log's codes mean: the entries that explain each code `scan` finds in a line (by
//! number, narrowed to the vendor a line names, or by SDK symbol), and the tally a summary
//! counts them in.

use std::collections::HashMap;

use super::editions::Editions;
use crate::catalogue::{Catalogue, Entry, EntryRef, Scope};
use crate::scan::{Found, Piece, SymbolFinder, vendors_named};

/// A code found in a line, with the entries that explain it.
#[derive(Debug)]
pub struct Explained<'a> {
    pub found: Found,
    pub entries: Vec<EntryRef<'a>>,
}

/// A line of the summary: one code of one source, how often, and where first.
#[derive(Debug)]
pub struct SummaryRow<'a> {
    pub entry: EntryRef<'a>,
    pub code: i64,
    pub count: u64,
    pub first: String,
}

/// Every entry by the code it documents; range entries apart, few as they are.
struct CodeIndex<'a> {
    exact: HashMap<i64, Vec<&'a Entry>>,
    ranges: Vec<&'a Entry>,
}

impl<'a> CodeIndex<'a> {
    fn new(catalogue: &'a Catalogue, scope: &Scope) -> Self {
        let mut exact: HashMap<i64, Vec<&Entry>> = HashMap::new();
        let mut ranges = Vec::new();
        for entry in catalogue.entries_in(scope) {
            match entry.code_end {
                Some(_) => ranges.push(entry),
                None => exact.entry(entry.code).or_default().push(entry),
            }
        }
        CodeIndex { exact, ranges }
    }

    fn get(&self, code: i64) -> impl Iterator<Item = &'a Entry> + '_ {
        let exact = self.exact.get(&code).into_iter().flatten().copied();
        exact.chain(self.ranges.iter().copied().filter(move |e| e.covers(code)))
    }
}

/// The SDK symbols of the entries in scope, and which entries carry each.
struct SymbolIndex<'a> {
    finder: SymbolFinder,
    entries: Vec<Vec<&'a Entry>>,
}

impl<'a> SymbolIndex<'a> {
    fn new(catalogue: &'a Catalogue, scope: &Scope) -> Self {
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut names: Vec<&'a str> = Vec::new();
        let mut entries: Vec<Vec<&'a Entry>> = Vec::new();
        for entry in catalogue.entries_in(scope) {
            // ZIM's Flutter SDK names codes 0 and 1 `success` and `failed`: words any log has.
            // Only names that read as identifiers (an underscore, or camelCase) are looked for.
            for symbol in entry.symbols.iter().filter(|s| is_identifier_like(&s.name)) {
                let index = *at
                    .entry(symbol.name.to_ascii_lowercase())
                    .or_insert_with(|| {
                        names.push(&symbol.name);
                        entries.push(Vec::new());
                        names.len() - 1
                    });
                if !entries[index].iter().any(|e| std::ptr::eq(*e, entry)) {
                    entries[index].push(entry);
                }
            }
        }
        SymbolIndex {
            finder: SymbolFinder::new(names),
            entries,
        }
    }
}

fn is_identifier_like(name: &str) -> bool {
    let bytes = name.as_bytes();
    name.contains('_')
        || bytes
            .windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}

/// Explains what the scanner finds, against the entries in scope.
pub struct Explainer<'a> {
    catalogue: &'a Catalogue,
    index: CodeIndex<'a>,
    symbols: SymbolIndex<'a>,
    /// A vendor was chosen (`--vendor`): lines naming an SDK do not narrow further.
    narrowed: bool,
    /// Which editions explain a code, in which language.
    editions: Editions,
}

impl<'a> Explainer<'a> {
    pub fn new(catalogue: &'a Catalogue, scope: &Scope, editions: Editions) -> Self {
        Explainer {
            catalogue,
            index: CodeIndex::new(catalogue, scope),
            symbols: SymbolIndex::new(catalogue, scope),
            narrowed: *scope != Scope::All,
            editions,
        }
    }

    /// The entries that explain a code, as the editions' choice keeps them.
    fn chosen(&self, entries: Vec<&'a Entry>) -> Vec<EntryRef<'a>> {
        self.editions
            .select(self.catalogue, entries)
            .into_iter()
            .map(|e| self.catalogue.entry_ref(e))
            .collect()
    }

    /// The codes of a piece of a line with their entries, in the order they stand.
    pub fn explain(&self, piece: &Piece<'_>, found: Vec<Found>) -> Vec<Explained<'a>> {
        let mut explained = self.explain_numbers(piece, found);
        // A symbol names its SDK, and so its vendor: no narrowing needed.
        for (span, index) in self.symbols.finder.find(piece.text) {
            let entries = self.chosen(self.symbols.entries[index].clone());
            let found = Found {
                code: entries[0].entry.code,
                key_start: span.start,
                span,
                by_name: true,
            };
            explained.push(Explained { found, entries });
        }
        explained.sort_by_key(|e| e.found.span.start);
        explained
    }

    fn explain_numbers(&self, piece: &Piece<'_>, found: Vec<Found>) -> Vec<Explained<'a>> {
        if found.is_empty() {
            return Vec::new();
        }
        // The SDK a line names narrows its codes to that vendor's, unless --vendor already did.
        let named = if self.narrowed {
            Vec::new()
        } else {
            vendors_named(piece.text)
        };
        found
            .into_iter()
            .filter_map(|found| {
                let entries = self.chosen(
                    self.index
                        .get(found.code)
                        .filter(|e| {
                            named.is_empty()
                                || named.contains(&self.catalogue.source_of(e).vendor.as_ref())
                        })
                        .collect(),
                );
                (!entries.is_empty()).then_some(Explained { found, entries })
            })
            .collect()
    }
}

/// A summary's count of each code per vendor, with where it was first seen.
#[derive(Default)]
pub struct Tally<'a> {
    rows: Vec<SummaryRow<'a>>,
    /// (vendor, code) → its row.
    at: HashMap<(&'a str, i64), usize>,
}

impl<'a> Tally<'a> {
    /// Counts each finding once per vendor; the vendor's first source describes it.
    pub fn count(&mut self, first_seen: impl Fn() -> String, explained: &[Explained<'a>]) {
        for e in explained {
            let mut counted: Vec<&str> = Vec::new();
            for entry in &e.entries {
                let vendor: &'a str = &entry.source.vendor;
                if counted.contains(&vendor) {
                    continue;
                }
                counted.push(vendor);
                let key = (vendor, e.found.code);
                match self.at.get(&key) {
                    Some(&at) => self.rows[at].count += 1,
                    None => {
                        self.at.insert(key, self.rows.len());
                        self.rows.push(SummaryRow {
                            entry: *entry,
                            code: e.found.code,
                            count: 1,
                            first: first_seen(),
                        });
                    }
                }
            }
        }
    }

    /// The rows, most frequent first, then by code.
    pub fn into_rows(mut self) -> Vec<SummaryRow<'a>> {
        self.rows
            .sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(&b.code)));
        self.rows
    }
}
