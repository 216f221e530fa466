//! The log scanner on any bytes, read in chunks of random sizes (with interrupted reads), and,
//! for one input in 32, on the input repeated past `MAX_PIECE` so that long lines are cut.
//! Asserts: no panic; each finding lies inside its piece's text; the pieces' texts and endings
//! put together are the input; line numbers and offsets add up; a whole line's findings are
//! those of `codes_in` on it, and a line cut in pieces yields the codes and SDK symbols of the
//! whole line; `SymbolFinder` hits are whole words spelling their name; a row's cells and a
//! code's line are read against the entries of its number without a panic; the explainer
//! (who speaks, which entries, names defined as numbers) explains every piece as `chaterr scan`
//! does, each explained code inside its piece and, but for a symbol's, the number it spells.

#![no_main]

use std::io::{self, BufReader, Read};
use std::sync::LazyLock;

use std::cell::RefCell;
use std::collections::HashMap;

use chaterr::Catalogue;
use chaterr::catalogue::Entry;
use chaterr::catalogue::{Field, Scope};
use chaterr::query::cells::{Cells, ours_in_chinese};
use chaterr::query::editions::Editions;
use chaterr::query::explain::Explainer;
use chaterr::scan::{
    Found, MAX_PIECE, Piece, Row, Sink, SymbolFinder, candidate_at, codes_in, is_candidate,
    products_named, scan_reader, vendors_named,
};
use libfuzzer_sys::fuzz_target;
use rustc_hash::FxHashSet;

/// The embedded catalogue's SDK symbol names, each once, and a finder for them (as `chaterr
/// scan` builds one, without its filter on identifier-like names).
static SYMBOLS: LazyLock<(Vec<String>, SymbolFinder)> = LazyLock::new(|| {
    let mut names: Vec<String> = Catalogue::embedded()
        .entries()
        .flat_map(|e| e.symbols.iter().map(|s| s.name.to_string()))
        .collect();
    names.sort_by_key(|n| n.to_ascii_lowercase());
    names.dedup_by_key(|n| n.to_ascii_lowercase());
    let finder = SymbolFinder::new(names.iter().map(String::as_str));
    (names, finder)
});

thread_local! {
    /// The embedded catalogue's entries by code, with our Chinese words for each entry's
    /// problem, for the rows' cells and a code's line to be read against (the catalogue is not
    /// `Sync`: one per thread, leaked, as the fuzzer runs one thread).
    static BY_CODE: HashMap<i64, Vec<(&'static Entry, FxHashSet<String>)>> = {
        let catalogue = catalogue();
        let mut by_code: HashMap<i64, Vec<(&'static Entry, FxHashSet<String>)>> = HashMap::new();
        for entry in catalogue.entries() {
            let ours = match entry.text(Field::Concept) {
                Some(concept) => ours_in_chinese(catalogue, concept),
                None => FxHashSet::default(),
            };
            by_code.entry(entry.code).or_default().push((entry, ours));
        }
        by_code
    };

    /// The explainer `chaterr scan` runs, over every entry and edition.
    static EXPLAINER: RefCell<Explainer<'static>> =
        RefCell::new(Explainer::new(catalogue(), &Scope::All, Editions::every()));

    static CATALOGUE: &'static Catalogue = Box::leak(Box::new(Catalogue::embedded()));
}

fn catalogue() -> &'static Catalogue {
    CATALOGUE.with(|c| *c)
}

fuzz_target!(|data: &[u8]| {
    // Two bytes choose how the input is read and how it is repeated; the rest is the input.
    let (seed, shape, body) = match data {
        [seed, shape, body @ ..] => (*seed, *shape, body),
        _ => (0, 0, data),
    };
    check_codes_in(body);
    check_symbols(body);
    scan(body, seed, 64);
    // One input in 32 (by a hash of all of it, so that mutants of a long input are mostly short
    // again and the fuzzer keeps its pace) is also repeated past MAX_PIECE, so that a long line
    // is cut into pieces.
    if fnv1a(data).is_multiple_of(32) && !body.is_empty() {
        scan(&repeated(body, shape), seed, 1 << 16);
    }
});

/// The body repeated to a little over one piece, or over two when `shape % 8 == 0`; with its
/// newlines made spaces when `shape` is odd, so that it is one long line.
fn repeated(body: &[u8], shape: u8) -> Vec<u8> {
    let pieces = if shape.is_multiple_of(8) { 2 } else { 1 };
    let target = pieces * MAX_PIECE + usize::from(shape) * 257;
    let mut long = Vec::with_capacity(target + body.len());
    while long.len() < target {
        long.extend_from_slice(body);
    }
    long.truncate(target);
    if shape % 2 == 1 {
        for b in &mut long {
            if *b == b'\n' {
                *b = b' ';
            }
        }
    }
    long
}

fn fnv1a(data: &[u8]) -> u32 {
    data.iter().fold(0x811c_9dc5, |hash, &b| {
        (hash ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Findings on one slice: inside it, in order, with the number its digits spell.
fn check_codes_in(text: &[u8]) {
    let found = codes_in(text);
    let mut last_end = 0;
    for f in &found {
        check_found(text, f);
        assert!(f.key_start >= last_end, "overlapping findings: {found:?}");
        last_end = f.span.end;
        // A row's cells are read against the entries of its number (no panic, whatever the
        // bytes).
        if f.row != Row::No {
            let cells = Cells::new(&text[f.span.end..]);
            BY_CODE.with(|by_code| {
                for (entry, _) in by_code.get(&f.code).into_iter().flatten() {
                    let _ = (cells.say(entry, Some(2)), cells.say(entry, None));
                }
            });
        }
        // And any code's line around it, as where nobody speaks the explainer reads it for the
        // code's meaning (`Cells::tell`, since the tenth round).
        let around = Cells::around(text, f.span.clone());
        BY_CODE.with(|by_code| {
            for (entry, ours) in by_code.get(&f.code).into_iter().flatten() {
                let _ = (around.tell(entry, 3, ours), around.tell(entry, 2, ours));
            }
        });
    }
    // The prefilter lets through every line with a code or a product's name.
    if !is_candidate(text) {
        assert!(
            found.is_empty(),
            "a code in a line the prefilter passes over"
        );
        assert_eq!(products_named(text), Default::default());
    }
    let _ = vendors_named(text);
}

/// Symbols found in a line, by the embedded catalogue's finder and by one for up to 16 names
/// taken from the input's first line: whole words, in order, that spell their name.
fn check_symbols(text: &[u8]) {
    let (names, finder) = &*SYMBOLS;
    check_symbol_hits(text, names, &finder.find(text));
    let first = text.split(|&b| b == b'\n').next().unwrap_or_default();
    let own: Vec<String> = first
        .split(|&b| b == b' ')
        .take(16)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .collect();
    let finder = SymbolFinder::new(own.iter().map(String::as_str));
    check_symbol_hits(text, &own, &finder.find(text));
}

fn check_symbol_hits(text: &[u8], names: &[String], hits: &[(std::ops::Range<usize>, usize)]) {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut last_end = 0;
    for (span, index) in hits {
        assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
        assert!(span.start >= last_end, "overlapping symbols: {hits:?}");
        last_end = span.end;
        let name = names.get(*index).expect("the index of a name");
        assert!(
            text[span.clone()].eq_ignore_ascii_case(name.as_bytes()),
            "{span:?} is not {name:?}"
        );
        let before = span.start.checked_sub(1).map(|i| text[i]);
        assert!(!before.is_some_and(is_word), "{name:?} inside a word");
        assert!(
            !text.get(span.end).copied().is_some_and(is_word),
            "{name:?} inside a word"
        );
    }
}

fn check_found(text: &[u8], f: &Found) {
    assert!(f.span.start < f.span.end, "{f:?}");
    assert!(
        f.span.end <= text.len(),
        "{f:?} beyond {} bytes",
        text.len()
    );
    assert!(f.key_start <= f.span.start, "{f:?}");
    let digits = std::str::from_utf8(&text[f.span.clone()]).expect("digits are ASCII");
    assert_eq!(digits.parse::<i64>().ok(), Some(f.code), "{f:?}");
    assert_ne!(f.code, 0, "a success reported as a code: {f:?}");
    assert!(!f.by_name, "codes_in finds numbers, not names: {f:?}");
}

/// Scans `input` read `1..=max_chunk` bytes a call through a small buffer, checking each piece.
fn scan(input: &[u8], seed: u8, max_chunk: usize) {
    let capacity = 1 + usize::from(seed % 7) * (max_chunk / 5);
    let reader = Chunks {
        data: input,
        state: u32::from(seed).wrapping_mul(2_654_435_761) | 1,
        max_chunk,
    };
    let mut reader = BufReader::with_capacity(capacity, reader);
    let mut sink = Check::default();
    EXPLAINER.with_borrow_mut(Explainer::next_input);
    scan_reader(&mut reader, &mut sink).expect("reading from memory does not fail");
    assert!(!sink.continued, "the last piece said the line goes on");
    assert_eq!(sink.out.len(), input.len(), "the pieces are not the input");
    assert!(sink.out == input, "the pieces are not the input");
    let newlines = input.iter().filter(|&&b| b == b'\n').count() as u64;
    let expected_lines = newlines + u64::from(!input.is_empty() && input.last() != Some(&b'\n'));
    assert_eq!(sink.lines, expected_lines, "line count");
}

/// A reader handing out 1 to `max_chunk` bytes a call, and now and then an interrupted read.
struct Chunks<'d> {
    data: &'d [u8],
    state: u32,
    max_chunk: usize,
}

impl Read for Chunks<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // xorshift32
        self.state ^= self.state << 13;
        self.state ^= self.state >> 17;
        self.state ^= self.state << 5;
        if self.state.is_multiple_of(11) {
            return Err(io::ErrorKind::Interrupted.into());
        }
        let n = (1 + self.state as usize % self.max_chunk)
            .min(buf.len())
            .min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

#[derive(Default)]
struct Check {
    /// Every piece's text and ending, in order.
    out: Vec<u8>,
    /// Lines completed or started.
    lines: u64,
    /// The line in progress and how far into it the pieces have gone.
    line: u64,
    offset: usize,
    /// The previous piece said the line goes on.
    continued: bool,
    /// A line in pieces: its text so far, its cuts (offsets in the line), and the codes and
    /// SDK symbols its pieces found (offsets in the line).
    cut_line: Vec<u8>,
    cuts: Vec<usize>,
    codes: Vec<(usize, i64)>,
    symbols: Vec<(usize, usize)>,
}

impl Check {
    /// A line cut in pieces yields what the whole line does, unless a cut falls in a word of
    /// `OVERLAP` (256) bytes or more, which `scan_reader` cuts inside, a match of the whole
    /// line spans a cut (a key followed by more blanks than a piece holds), or a code's digits
    /// start within `LOOK_BACK` bytes after a cut: a piece does not see the clause before its
    /// first bytes, where a denial (`没有 … code=6208`, scan's `DENIAL_REACH`, 64 bytes before the
    /// key) or an NSError domain would stand.
    fn compare_whole_line(&self) {
        let line = &self.cut_line[..];
        let is_word = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_' || *b >= 0x80;
        let word_at = |c: usize| {
            let before = line[..c].iter().rev().take_while(|b| is_word(b)).count();
            let after = line[c..].iter().take_while(|b| is_word(b)).count();
            before + after
        };
        if self.cuts.iter().any(|&c| word_at(c) >= 256) {
            return;
        }
        let spans = |start: usize, end: usize| self.cuts.iter().any(|&c| start < c && c < end);
        const LOOK_BACK: usize = 64 + 64;
        let near_cut = |at: usize| self.cuts.iter().any(|&c| c <= at && at < c + LOOK_BACK);
        let whole = codes_in(line);
        let context_cut = whole.iter().any(|f| near_cut(f.span.start))
            || self.codes.iter().any(|&(at, _)| near_cut(at));
        if !context_cut && !whole.iter().any(|f| spans(f.key_start, f.span.end + 1)) {
            let want: Vec<(usize, i64)> = whole.iter().map(|f| (f.span.start, f.code)).collect();
            assert!(
                self.codes == want,
                "a line cut at {:?} yields codes {:?}, the whole line {:?}",
                self.cuts,
                self.codes,
                want
            );
        }
        let whole = SYMBOLS.1.find(line);
        if !whole.iter().any(|(span, _)| spans(span.start, span.end)) {
            let want: Vec<(usize, usize)> = whole.iter().map(|(s, i)| (s.start, *i)).collect();
            assert!(
                self.symbols == want,
                "a line cut at {:?} yields symbols {:?}, the whole line {:?}",
                self.cuts,
                self.symbols,
                want
            );
        }
    }
}

impl Sink for Check {
    fn piece(&mut self, piece: &Piece<'_>, found: Vec<Found>) -> io::Result<()> {
        if self.continued {
            assert_eq!(piece.line, self.line, "a continued line changed number");
            assert_eq!(piece.offset, self.offset, "offset of a continued piece");
        } else {
            assert_eq!(piece.line, self.line + 1, "line numbers go one by one");
            assert_eq!(piece.offset, 0, "a new line starts at offset 0");
            self.lines += 1;
        }
        assert!(
            matches!(piece.ending, b"" | b"\n" | b"\r\n"),
            "ending {:?}",
            piece.ending
        );
        assert!(
            !piece.text.contains(&b'\n'),
            "a newline inside a piece's text"
        );
        if piece.continued {
            assert!(piece.ending.is_empty(), "a continued piece with a line end");
            assert!(!piece.text.is_empty(), "an empty continued piece");
        }
        assert!(piece.text.len() <= MAX_PIECE, "a piece over MAX_PIECE");
        let mut last_end = 0;
        for f in &found {
            check_found(piece.text, f);
            assert!(f.span.start < piece.text.len(), "{f:?}");
            assert!(f.key_start >= last_end, "overlapping findings: {found:?}");
            last_end = f.span.end;
        }
        if piece.offset == 0 && !piece.continued && piece.text.len() <= 4096 {
            // A whole line: its findings are exactly those of the line on its own (checked on
            // short lines only, to keep long inputs fast).
            assert_eq!(found, codes_in(piece.text), "findings of a whole line");
        }
        let _ = vendors_named(piece.text);
        EXPLAINER.with_borrow_mut(|explainer| {
            for e in explainer.explain(piece, found.clone()) {
                let f = &e.found;
                assert!(
                    f.key_start <= f.span.start && f.span.end <= piece.text.len(),
                    "{f:?} outside its piece"
                );
                if !f.by_name {
                    let digits = std::str::from_utf8(&piece.text[f.span.clone()]);
                    assert_eq!(digits.ok().and_then(|d| d.parse().ok()), Some(f.code));
                }
                assert!(
                    !e.entries.is_empty() || e.unknown.is_some(),
                    "a finding nothing explains: {f:?}"
                );
            }
        });
        // (A table's row starts only at a line's start, not at a later piece's.)
        assert_eq!(
            piece.candidate,
            candidate_at(piece.text, piece.offset == 0),
            "a piece's candidate mark"
        );

        if piece.continued || piece.offset > 0 {
            if piece.offset > 0 {
                self.cuts.push(piece.offset);
            }
            self.cut_line.extend_from_slice(piece.text);
            let at = piece.offset;
            self.codes
                .extend(found.iter().map(|f| (at + f.span.start, f.code)));
            let symbols = SYMBOLS.1.find(piece.text);
            self.symbols
                .extend(symbols.iter().map(|(s, i)| (at + s.start, *i)));
            if !piece.continued {
                self.compare_whole_line();
                self.cut_line.clear();
                self.cuts.clear();
                self.codes.clear();
                self.symbols.clear();
            }
        }

        self.out.extend_from_slice(piece.text);
        self.out.extend_from_slice(piece.ending);
        self.line = piece.line;
        self.offset = piece.offset + piece.text.len();
        self.continued = piece.continued;
        Ok(())
    }
}
