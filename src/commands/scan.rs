//! `chaterr scan [FILE...]`: explain every chat-SDK error code in logs.

use std::fs::File;
use std::io::{self, BufReader};

use crate::catalogue::{Catalogue, Scope};
use crate::cli::ScanArgs;
use crate::commands::{Outcome, resolve_scope};
use crate::error::Error;
use crate::query::explain::{Explainer, Tally};
use crate::render::{Format, Output};
use crate::scan::{Found, Piece, Sink, scan_reader};

/// How a scan shows what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Annotate { only_matching: bool },
    Json,
    Summary,
}

/// One scan over one or more inputs: explains what the reader finds and hands it to render.
struct Scan<'a, 'o> {
    explainer: Explainer<'a>,
    mode: Mode,
    out: &'o mut Output,
    /// The input's name for JSON and the summary.
    label: String,
    tally: Tally<'a>,
    any: bool,
    /// Writing failed (not reading): the scan ends with that error, not a read error.
    write_failed: bool,
}

impl Sink for Scan<'_, '_> {
    fn piece(&mut self, piece: &Piece<'_>, found: Vec<Found>) -> io::Result<()> {
        let explained = self.explainer.explain(piece, found);
        self.any |= !explained.is_empty();
        let written = match self.mode {
            Mode::Annotate { only_matching } if only_matching && explained.is_empty() => Ok(()),
            Mode::Annotate { only_matching } => {
                self.out.scan_annotated(piece, &explained, only_matching)
            }
            Mode::Json => self.out.scan_json(&self.label, piece, &explained),
            Mode::Summary => {
                let label = &self.label;
                self.tally
                    .count(piece.line, || format!("{label}:{}", piece.line), &explained);
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
        explainer: Explainer::new(catalogue, &scope).known_only(args.known_only),
        mode,
        out,
        label: String::new(),
        tally: Tally::default(),
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
        scan.explainer.next_input();
        scan.tally.next_input();
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
        let rows = scan.tally.into_rows();
        scan.out.scan_summary(&rows)?;
    }
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::from_found(scan.any)
    })
}
