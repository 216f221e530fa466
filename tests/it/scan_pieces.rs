//! What writing the scan fuzz target turned up about long lines (docs/FUZZING.md), kept as tests.

use std::io;

use chaterr::scan::{Found, MAX_PIECE, Piece, Sink, SymbolFinder, codes_in, scan_reader};

/// (line, offset in the line, code) of each finding.
#[derive(Default)]
struct Codes(Vec<(u64, usize, i64)>);

impl Sink for Codes {
    fn piece(&mut self, piece: &Piece<'_>, found: Vec<Found>) -> io::Result<()> {
        for f in found {
            self.0
                .push((piece.line, piece.offset + f.span.start, f.code));
        }
        Ok(())
    }
}

/// A line longer than a piece is cut where its tail is handed on to the next piece. A cut inside
/// a word made the word's tail a key of its own (fixed: pieces are now cut between words): in `barcode=6014`, cut between `bar` and
/// `code`, the next piece began `code=6014` and 6014 was reported, though the whole line holds
/// no code. Thirteen lines, each with `barcode=6014 ` repeated from a different start, put a
/// `code` right at the cut in one of them, wherever the cut falls.
#[test]
fn a_long_line_cut_inside_a_word_finds_no_code_there() {
    const UNIT: &[u8] = b"barcode=6014 ";
    let mut input = Vec::new();
    for shift in 0..UNIT.len() {
        let mut line = vec![b'.'; shift];
        while line.len() < MAX_PIECE + 4096 {
            line.extend_from_slice(UNIT);
        }
        assert!(codes_in(&line).is_empty(), "barcode=6014 is not a code");
        input.extend_from_slice(&line);
        input.push(b'\n');
    }
    let mut codes = Codes::default();
    scan_reader(&mut &input[..], &mut codes).unwrap();
    assert_eq!(
        codes.0,
        [],
        "(line, offset, code) found at a piece boundary"
    );
}

/// The same cut splits an SDK symbol standing across it, and neither piece finds it: `chaterr
/// scan` looks for symbols piece by piece (`SymbolFinder::find(piece.text)`).
#[test]
fn a_long_line_cut_inside_a_symbol_still_finds_it() {
    const UNIT: &[u8] = b" sdk_symbol_name";
    let finder = SymbolFinder::new(["sdk_symbol_name"]);
    let mut input = Vec::new();
    let mut whole = 0;
    for shift in 0..UNIT.len() {
        let mut line = vec![b'.'; shift];
        while line.len() < MAX_PIECE + 4096 {
            line.extend_from_slice(UNIT);
        }
        whole += finder.find(&line).len();
        input.extend_from_slice(&line);
        input.push(b'\n');
    }
    let mut symbols = Symbols { finder, found: 0 };
    scan_reader(&mut &input[..], &mut symbols).unwrap();
    assert_eq!(symbols.found, whole, "symbols found piece by piece");
}

struct Symbols {
    finder: SymbolFinder,
    found: usize,
}

impl Sink for Symbols {
    fn piece(&mut self, piece: &Piece<'_>, _: Vec<Found>) -> io::Result<()> {
        self.found += self.finder.find(piece.text).len();
        Ok(())
    }
}

/// `chaterr scan` looks for SDK symbols only in the lines its prefilter lets through: every
/// symbol it looks for (those that read as identifiers) must hold one of the prefilter's words.
#[test]
fn every_sdk_symbol_passes_the_prefilter() {
    let catalogue = chaterr::Catalogue::embedded();
    let mut checked = 0;
    for entry in catalogue.entries() {
        for symbol in entry.symbols.iter() {
            let name: &str = &symbol.name;
            let identifier = name.contains('_')
                || name
                    .as_bytes()
                    .windows(2)
                    .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
            if identifier {
                assert!(
                    chaterr::scan::is_candidate(name.as_bytes()),
                    "{name} holds no prefilter word: scan would pass over a line naming it"
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked} symbols");
}

/// A reader that hands out one byte a call, as a pipe may: no line is whole in the buffer.
struct ByteByByte<'a>(&'a [u8]);

impl io::Read for ByteByByte<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let Some((&first, rest)) = self.0.split_first() else {
            return Ok(0);
        };
        match buf.first_mut() {
            Some(slot) => {
                *slot = first;
                self.0 = rest;
                Ok(1)
            }
            None => Ok(0),
        }
    }
}

/// A line gathered from partial reads was parsed with its `\r\n` still on, so a number right
/// before it did not stand at the line's end (`登录失败，推送 6012\r\n` found nothing from a pipe,
/// 6012 from a file). Found by the fuzz target in the ninth round.
#[test]
fn a_line_gathered_from_partial_reads_is_read_without_its_ending() {
    let log = "登录失败，推送 6012\r\n6000106 Token 过期。 Token 过期。\r\n";
    let mut whole = Codes::default();
    scan_reader(&mut log.as_bytes(), &mut whole).unwrap();
    assert_eq!(whole.0, [(1, 22, 6012), (2, 0, 6000106)]);
    let mut partial = Codes::default();
    let mut reader = io::BufReader::new(ByteByByte(log.as_bytes()));
    scan_reader(&mut reader, &mut partial).unwrap();
    assert_eq!(partial.0, whole.0);
}
