//! `chaterr scan [FILE...]`: explain every chat-SDK error code in logs.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufReader};

use crate::catalogue::{Catalogue, Entry, EntryRef, Scope};
use crate::cli::ScanArgs;
use crate::commands::{Outcome, resolve_scope};
use crate::error::Error;
use crate::render::Format;
use crate::render::Output;
use crate::render::scan::{Explained, SummaryRow};
use crate::scan::{Found, Piece, Sink, SymbolFinder, scan_reader, vendors_named};

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

/// How a scan shows what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Annotate { only_matching: bool },
    Json,
    Summary,
}

/// One scan over one or more inputs: explains what the reader finds and hands it to render.
struct Scan<'a, 'o> {
    catalogue: &'a Catalogue,
    index: CodeIndex<'a>,
    symbols: SymbolIndex<'a>,
    /// --vendor given: lines naming an SDK do not narrow further.
    narrowed: bool,
    mode: Mode,
    out: &'o mut Output,
    /// The input's name for JSON and the summary.
    label: String,
    summary: Vec<SummaryRow<'a>>,
    /// (vendor, code) → its row in `summary`.
    summary_at: HashMap<(&'a str, i64), usize>,
    any: bool,
    /// Writing failed (not reading): the scan ends with that error, not a read error.
    write_failed: bool,
}

impl<'a> Scan<'a, '_> {
    fn explain(&self, piece: &Piece<'_>, found: Vec<Found>) -> Vec<Explained<'a>> {
        let mut explained = self.explain_numbers(piece, found);
        // A symbol names its SDK, and so its vendor: no narrowing needed.
        for (span, index) in self.symbols.finder.find(piece.text) {
            let entries: Vec<EntryRef<'a>> = self.symbols.entries[index]
                .iter()
                .map(|e| self.catalogue.entry_ref(e))
                .collect();
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
                let entries: Vec<EntryRef<'a>> = self
                    .index
                    .get(found.code)
                    .filter(|e| {
                        named.is_empty()
                            || named.contains(&self.catalogue.source_of(e).vendor.as_ref())
                    })
                    .map(|e| self.catalogue.entry_ref(e))
                    .collect();
                (!entries.is_empty()).then_some(Explained { found, entries })
            })
            .collect()
    }

    /// Counts each finding once per vendor; the vendor's first source describes it.
    fn count(&mut self, piece: &Piece<'_>, explained: &[Explained<'a>]) {
        for e in explained {
            let mut counted: Vec<&str> = Vec::new();
            for entry in &e.entries {
                let vendor: &'a str = &entry.source.vendor;
                if counted.contains(&vendor) {
                    continue;
                }
                counted.push(vendor);
                let key = (vendor, e.found.code);
                match self.summary_at.get(&key) {
                    Some(&at) => self.summary[at].count += 1,
                    None => {
                        self.summary_at.insert(key, self.summary.len());
                        self.summary.push(SummaryRow {
                            entry: *entry,
                            code: e.found.code,
                            count: 1,
                            first: format!("{}:{}", self.label, piece.line),
                        });
                    }
                }
            }
        }
    }
}

impl Sink for Scan<'_, '_> {
    fn piece(&mut self, piece: &Piece<'_>, found: Vec<Found>) -> io::Result<()> {
        let explained = self.explain(piece, found);
        self.any |= !explained.is_empty();
        let written = match self.mode {
            Mode::Annotate { only_matching } if only_matching && explained.is_empty() => Ok(()),
            Mode::Annotate { only_matching } => {
                self.out.scan_annotated(piece, &explained, only_matching)
            }
            Mode::Json => self.out.scan_json(&self.label, piece, &explained),
            Mode::Summary => {
                self.count(piece, &explained);
                Ok(())
            }
        };
        self.write_failed |= written.is_err();
        written
    }

    fn before_wait(&mut self) -> io::Result<()> {
        let flushed = self.out.flush();
        self.write_failed |= flushed.is_err();
        flushed
    }
}

pub fn run(catalogue: &Catalogue, out: &mut Output, args: ScanArgs) -> Result<Outcome, Error> {
    let scope = match &args.vendor {
        Some(word) => resolve_scope(catalogue, word)?,
        None => Scope::All,
    };
    let mode = if args.summary {
        Mode::Summary
    } else if out.format() == Format::Json {
        Mode::Json
    } else {
        Mode::Annotate {
            only_matching: args.only_matching,
        }
    };
    let mut scan = Scan {
        catalogue,
        index: CodeIndex::new(catalogue, &scope),
        symbols: SymbolIndex::new(catalogue, &scope),
        narrowed: args.vendor.is_some(),
        mode,
        out,
        label: String::new(),
        summary: Vec::new(),
        summary_at: HashMap::new(),
        any: false,
        write_failed: false,
    };
    let mut failed = false;
    let names: Vec<String> = if args.files.is_empty() {
        vec!["-".to_owned()]
    } else {
        args.files.iter().map(|f| f.display().to_string()).collect()
    };
    for name in names {
        let result = if name == "-" {
            scan.label = "(standard input)".to_owned();
            scan_reader(&mut io::stdin().lock(), &mut scan)
        } else {
            scan.label = name.clone();
            File::open(&name).and_then(|file| {
                scan_reader(&mut BufReader::with_capacity(1 << 16, file), &mut scan)
            })
        };
        match result {
            Ok(()) => {}
            Err(error) if scan.write_failed => return Err(Error::Output(error)),
            Err(error) => {
                // As grep: say so, go on with the other inputs, and exit 2 at the end.
                eprintln!("chaterr: error: {}", Error::Read { path: name, error });
                failed = true;
            }
        }
    }
    if mode == Mode::Summary {
        scan.summary
            .sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(&b.code)));
        scan.out.scan_summary(&scan.summary)?;
    }
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::from_found(scan.any)
    })
}
