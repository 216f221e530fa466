//! `chaterr scan [FILE...]`: explain every chat-SDK error code in logs.

use std::fs::File;
use std::io::{self, BufReader};
use std::path::PathBuf;

use crate::catalogue::{Catalogue, Scope};
use crate::cli::ScanArgs;
use crate::commands::{Outcome, resolve_scope};
use crate::error::{Error, path_label, report};
use crate::query::explain::{Explainer, SUMMARY_UNKNOWN, Tally};
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
    /// The input may keep the next read waiting (a pipe, a terminal, `tail -f`): what was
    /// written goes out before each read. A regular file's reads do not wait: output goes out
    /// when the buffer is full, in writes of its size.
    input_may_wait: bool,
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
        written?;
        self.stop_if_closed()
    }

    fn plain_lines(&mut self, text: &[u8], _first: u64) -> io::Result<()> {
        if self.mode
            == (Mode::Annotate {
                only_matching: false,
            })
        {
            let written = self.out.scan_plain(text);
            self.write_failed |= written.is_err();
            written?;
        }
        self.stop_if_closed()
    }

    fn before_wait(&mut self) -> io::Result<()> {
        if !self.input_may_wait {
            return self.stop_if_closed();
        }
        let flushed = self.out.flush();
        self.write_failed |= flushed.is_err();
        flushed?;
        self.stop_if_closed()
    }
}

impl Scan<'_, '_> {
    /// Nobody reads any more (`chaterr scan app.log | head`): the scan ends, its status what it
    /// found so far.
    fn stop_if_closed(&mut self) -> io::Result<()> {
        if self.out.is_closed() {
            self.write_failed = true;
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        Ok(())
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
        explainer: Explainer::new(catalogue, &scope, args.editions.editions())
            .known_only(args.known_only),
        mode,
        out,
        label: String::new(),
        tally: Tally::default(),
        any: false,
        write_failed: false,
        input_may_wait: true,
    };
    let mut failed = false;
    let stdin = [PathBuf::from("-")];
    let paths = if args.files.is_empty() {
        &stdin[..]
    } else {
        &args.files[..]
    };
    for path in paths {
        scan.explainer.next_input();
        scan.tally.next_input();
        let name = path_label(path);
        let result = if path.as_os_str() == "-" {
            scan.label = "(standard input)".to_owned();
            scan.input_may_wait = true;
            scan_reader(&mut io::stdin().lock(), &mut scan)
        } else {
            scan.label = name.clone();
            File::open(path).and_then(|file| {
                scan.input_may_wait = !file.metadata()?.file_type().is_file();
                scan_reader(&mut BufReader::with_capacity(1 << 16, file), &mut scan)
            })
        };
        match result {
            Ok(()) => {}
            Err(_) if scan.out.is_closed() => break,
            Err(error) if scan.write_failed => return Err(Error::Output(error)),
            Err(error) => {
                // As grep: say so, go on with the other inputs, and exit 2 at the end.
                let err = match path.as_os_str() == "-" {
                    true => Error::Stdin(error),
                    false => Error::Read { path: name, error },
                };
                report(format_args!("error: {err}"));
                failed = true;
            }
        }
    }
    if mode == Mode::Summary {
        let left_out = scan.tally.left_out();
        let rows = scan.tally.into_rows();
        scan.out.scan_summary(&rows)?;
        if left_out > 0 {
            report(format_args!(
                "note: the summary holds the first {SUMMARY_UNKNOWN} codes not in the catalogue; \
                 {left_out} sightings of other such codes are not in it"
            ));
        }
    }
    Ok(if failed {
        Outcome::Failed
    } else {
        Outcome::from_found(scan.any)
    })
}
