//! Everything chaterr prints on stdout goes through here: one locked, buffered stdout, in the
//! format and colour chosen once at start.

use std::io::{self, BufWriter, StdoutLock, Write};

use owo_colors::{OwoColorize, Style};

use crate::catalogue::{Catalogue, EntryRef};
use crate::query::concepts::ConceptRow;
use crate::query::diff::Diff;
use crate::query::search::{Highlight, Hit};
use highlight::highlight_ranges;
use word_diff::{Piece, word_diff};

pub mod highlight;
mod json;
mod plain;
pub mod scan;
mod table;
mod why;
mod word_diff;

/// How output is written; `--format` on the command line (its values' help is these comments).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tables and cards, wrapped to the terminal
    Table,
    /// Tab-separated lines, one entry per line, for grep, cut and awk
    Plain,
    /// JSON (see docs/json.md)
    Json,
}

/// A problem `chaterr check` found, with its file.
#[derive(Debug, Clone)]
pub struct FileProblem {
    pub file: String,
    pub problem: crate::catalogue::file::Problem,
}

/// Stdout that a closed pipe (`chaterr list | head -1`) ends quietly: what is written after is
/// dropped, so that the command still works out its exit status (`diff … | head -1` is 1 when
/// the two differ, never 0).
pub struct Stdout {
    out: Raw,
    closed: bool,
}

/// What the buffer under [`Output`] hands its bytes to. Rust's stdout is line-buffered: each
/// 64 KiB the buffer passes on went out as two writes, up to its last line's end and then the
/// rest (a scan writing 100 MB made 3,200 writes rather than 1,600). Where stdout is a pipe or a
/// file, the bytes go to it directly, through a second descriptor of it; a terminal keeps the
/// locked stdout.
enum Raw {
    Locked(StdoutLock<'static>),
    #[cfg(unix)]
    Direct(std::fs::File),
}

impl Raw {
    fn new() -> Self {
        #[cfg(unix)]
        {
            use std::io::IsTerminal;
            if !io::stdout().is_terminal()
                && let Ok(file) = stdout_file()
            {
                return Raw::Direct(file);
            }
        }
        Raw::Locked(io::stdout().lock())
    }

    fn get(&mut self) -> &mut dyn Write {
        match self {
            Raw::Locked(out) => out,
            #[cfg(unix)]
            Raw::Direct(out) => out,
        }
    }
}

/// Standard output on a second descriptor (handle) of its own, written apart from the process's
/// `std::io::Stdout` and its line buffer.
#[cfg(any(unix, feature = "mcp"))]
pub(crate) fn stdout_file() -> io::Result<std::fs::File> {
    #[cfg(unix)]
    let handle = {
        use std::os::fd::AsFd;
        io::stdout().as_fd().try_clone_to_owned()?
    };
    #[cfg(windows)]
    let handle = {
        use std::os::windows::io::AsHandle;
        io::stdout().as_handle().try_clone_to_owned()?
    };
    Ok(std::fs::File::from(handle))
}

impl Stdout {
    fn quietly(&mut self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        match write(self.out.get()) {
            Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.quietly(|out| out.write_all(buf))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.quietly(|out| out.flush())
    }
}

/// Stdout's buffer. A writer that gathers its own bytes hands them on in chunks as large, which
/// `BufWriter` passes to the file without copying them (`json::Pretty`).
pub const STDOUT_BUFFER: usize = 64 * 1024;

/// Where and how output is written.
pub struct Output<W: Write = BufWriter<Stdout>> {
    out: W,
    format: Format,
    colour: bool,
    /// Columns to wrap tables to; `None` lets comfy-table ask the terminal.
    width: Option<u16>,
    /// The reader's language for chaterr's own texts (a concept's title and guidance).
    language: String,
}

impl Output {
    /// Stdout, locked and buffered: 64 KiB at a time (`list --json` writes ~650 KB).
    pub fn stdout(format: Format, colour: bool, width: Option<u16>) -> Self {
        let stdout = Stdout {
            out: Raw::new(),
            closed: false,
        };
        Output::new(
            BufWriter::with_capacity(STDOUT_BUFFER, stdout),
            format,
            colour,
            width,
        )
    }

    /// Whether the reader has gone (a closed pipe): a command that could go on for ever, such
    /// as a scan of `tail -f`, stops.
    pub fn is_closed(&self) -> bool {
        self.out.get_ref().closed
    }
}

impl<W: Write> Output<W> {
    pub fn new(out: W, format: Format, colour: bool, width: Option<u16>) -> Self {
        Output {
            out,
            format,
            colour,
            width,
            language: "en".to_owned(),
        }
    }

    /// Writes chaterr's own texts in this language (`en`, `zh`) where it has them.
    pub fn set_language(&mut self, language: &str) {
        self.language = language.to_owned();
    }

    pub fn into_inner(self) -> W {
        self.out
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    fn paint(&self) -> Paint {
        Paint {
            colour: self.colour,
        }
    }

    /// Entries found by lookup: a card each on a terminal, with the same problem at other
    /// vendors (JSON: `equivalents`).
    pub fn lookup(&mut self, catalogue: &Catalogue, entries: &[EntryRef<'_>]) -> io::Result<()> {
        let paint = self.paint();
        match self.format {
            Format::Json => json::lookup(&mut self.out, catalogue, entries),
            Format::Plain => plain::entries(&mut self.out, entries, None, &paint),
            Format::Table => {
                for (i, e) in entries.iter().enumerate() {
                    if i > 0 {
                        writeln!(self.out)?;
                    }
                    let card = table::card(e, catalogue, &paint, self.width, &self.language);
                    writeln!(self.out, "{card}")?;
                }
                Ok(())
            }
        }
    }

    /// The entries at `indices`, listed by list: JSON and plain lines write each as it is
    /// built; a table, which sizes its columns to them all, builds them all first.
    pub fn list_at(&mut self, catalogue: &Catalogue, indices: &[usize]) -> io::Result<()> {
        let paint = self.paint();
        match self.format {
            Format::Json => json::entries_at(&mut self.out, catalogue, indices),
            Format::Plain => indices.iter().try_for_each(|&index| {
                catalogue.with_entry(index, |e| {
                    plain::entries(&mut self.out, std::slice::from_ref(&e), None, &paint)
                })
            }),
            Format::Table => {
                let entries: Vec<EntryRef<'_>> = indices
                    .iter()
                    .map(|&index| catalogue.entry_ref(catalogue.entry(index)))
                    .collect();
                self.list(&entries)
            }
        }
    }

    /// Entries listed by list: one table.
    pub fn list(&mut self, entries: &[EntryRef<'_>]) -> io::Result<()> {
        let paint = self.paint();
        match self.format {
            Format::Json => json::entries(&mut self.out, entries, None),
            Format::Plain => plain::entries(&mut self.out, entries, None, &paint),
            Format::Table => {
                let rows = entries.iter().map(|e| (*e, None));
                let t = table::entries(rows, &self.paint(), self.width);
                writeln!(self.out, "{t}")
            }
        }
    }

    /// Search results, best first, with matches highlighted on a colour terminal; with
    /// `explain` (the query), why each ranked (JSON: a key on each hit; else lines after the
    /// results).
    pub fn search(
        &mut self,
        catalogue: &Catalogue,
        hits: &[Hit<'_>],
        explain: Option<&str>,
    ) -> io::Result<()> {
        let entries: Vec<EntryRef<'_>> =
            hits.iter().map(|h| catalogue.entry_ref(h.entry)).collect();
        let scores: Vec<f64> = hits.iter().map(|h| h.score).collect();
        let paint = self.paint();
        match self.format {
            Format::Json => return json::hits(&mut self.out, catalogue, hits, explain.is_some()),
            Format::Plain => plain::entries(&mut self.out, &entries, Some(&scores), &paint)?,
            Format::Table => {
                let rows = entries
                    .iter()
                    .zip(hits)
                    .map(|(e, h)| (*e, Some(&h.highlight)));
                let t = table::entries(rows, &self.paint(), self.width);
                writeln!(self.out, "{t}")?;
            }
        }
        if let Some(query) = explain
            && !hits.is_empty()
        {
            write!(self.out, "{}", why::lines(catalogue, query, hits))?;
        }
        Ok(())
    }

    /// The cross-vendor map of concepts: one row each, a column per vendor. chaterr's own.
    pub fn concepts(&mut self, rows: &[ConceptRow<'_>]) -> io::Result<()> {
        match self.format {
            Format::Json => json::concepts(&mut self.out, rows),
            Format::Plain => plain::concepts(&mut self.out, rows),
            Format::Table => {
                let t = table::concepts(rows, &self.paint(), self.width);
                writeln!(self.out, "{t}")
            }
        }
    }

    pub fn sources(&mut self, catalogue: &Catalogue) -> io::Result<()> {
        let counts = catalogue.counts();
        match self.format {
            Format::Json => json::sources(&mut self.out, catalogue.sources(), &counts),
            Format::Plain => plain::sources(&mut self.out, catalogue.sources(), &counts),
            Format::Table => {
                let t = table::sources(catalogue.sources(), &counts, &self.paint(), self.width);
                writeln!(self.out, "{t}")
            }
        }
    }

    /// Problems in catalogue files: `file:line:column: message`, as compilers write them.
    pub fn problems(&mut self, problems: &[FileProblem]) -> io::Result<()> {
        match self.format {
            Format::Json => json::problems(&mut self.out, problems),
            Format::Plain | Format::Table => {
                for FileProblem { file, problem } in problems {
                    writeln!(self.out, "{file}:{problem}")?;
                }
                Ok(())
            }
        }
    }

    pub fn diff(&mut self, a: &str, b: &str, diff: &Diff<'_>) -> io::Result<()> {
        let paint = self.paint();
        match self.format {
            Format::Json => json::diff(&mut self.out, a, b, diff),
            Format::Plain => plain::diff(&mut self.out, diff, &paint),
            Format::Table => table::diff(&mut self.out, a, b, diff, &paint, self.width),
        }
    }
}

/// Colour, or none: every styled span goes through here, so `--color never` is never missed.
pub(crate) struct Paint {
    colour: bool,
}

impl Paint {
    pub fn style(&self, text: &str, style: Style) -> String {
        if self.colour {
            text.style(style).to_string()
        } else {
            text.to_owned()
        }
    }

    /// `text` in `style` straight to `out`, without a string in between.
    pub fn write(&self, out: &mut impl Write, text: &str, style: Style) -> io::Result<()> {
        if self.colour {
            write!(out, "{}", text.style(style))
        } else {
            out.write_all(text.as_bytes())
        }
    }

    pub fn label(&self, text: &str) -> String {
        self.style(text, Style::new().bold())
    }

    pub fn code(&self, text: &str) -> String {
        self.style(text, Style::new().bold().cyan())
    }

    pub fn dim(&self, text: &str) -> String {
        self.style(text, Style::new().dimmed())
    }

    /// What the reader must not miss: a code the vendor's document does not describe.
    pub fn warning(&self, text: &str) -> String {
        if self.colour {
            self.style(text, Style::new().bold().yellow())
        } else {
            format!("({text})")
        }
    }

    pub fn removed(&self, text: &str) -> String {
        if self.colour {
            self.style(text, Style::new().red().strikethrough())
        } else {
            format!("[-{text}-]")
        }
    }

    pub fn added(&self, text: &str) -> String {
        if self.colour {
            self.style(text, Style::new().green().underline())
        } else {
            format!("{{+{text}+}}")
        }
    }

    /// A word diff: wdiff's `[-old-]{+new+}` without colour, red and green with it.
    pub fn word_diff(&self, old: &str, new: &str) -> String {
        word_diff(old, new)
            .into_iter()
            .map(|piece| match piece {
                Piece::Same(text) => text,
                Piece::Removed(text) => self.removed(&text),
                Piece::Added(text) => self.added(&text),
            })
            .collect()
    }

    /// The text with search matches highlighted.
    pub fn highlighted(&self, text: &str, highlight: Option<&Highlight>) -> String {
        let Some(highlight) = highlight.filter(|_| self.colour) else {
            return text.to_owned();
        };
        let mut out = String::with_capacity(text.len() + 16);
        let mut at = 0;
        for (start, end) in highlight_ranges(text, highlight) {
            if start < at {
                continue;
            }
            out.push_str(&text[at..start]);
            out.push_str(&self.style(&text[start..end], Style::new().bold().yellow()));
            at = end;
        }
        out.push_str(&text[at..]);
        out
    }
}
