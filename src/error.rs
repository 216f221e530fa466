//! What can go wrong, as one line for the user (and a hint where there is a way out).

use std::borrow::Cow;
use std::fmt::Display;
use std::io::{self, Write};
use std::path::Path;

use crate::query::lookup::CodeError;
use crate::query::search::SearchError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("unknown vendor {} ({})", quoted(word), hint(suggestion, known))]
    UnknownVendor {
        word: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },

    #[error("no code given after {}", quoted(.0))]
    MissingCode(String),

    #[error(transparent)]
    Code(#[from] CodeError),

    #[error(transparent)]
    Search(#[from] SearchError),

    #[error("invalid range {}: {reason}", quoted(range))]
    Range { range: String, reason: String },

    #[error("{path}:{line}:{column}: {message}")]
    Catalogue {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },

    #[error("cannot read {path}: {error}")]
    Read { path: String, error: io::Error },

    #[error("cannot write {path}: {error}")]
    Write { path: String, error: io::Error },

    #[error("cannot read standard input: {0}")]
    Stdin(io::Error),

    #[error("no codes on standard input (`lookup -` reads codes separated by white space)")]
    NoCodesOnStdin,

    #[error("cannot write output: {0}")]
    Output(#[from] io::Error),

    /// `chaterr mcp`'s session failed other than by its input or output.
    #[error("the MCP session failed: {0}")]
    Mcp(String),

    #[error("{error} ({hint})")]
    Hinted {
        error: Box<Error>,
        hint: &'static str,
    },
}

fn hint(suggestion: &Option<String>, known: &[String]) -> String {
    match suggestion {
        Some(s) => format!("did you mean {s:?}?"),
        None => format!(
            "known vendors: {}; `chaterr sources` lists the source ids",
            known.join(", ")
        ),
    }
}

impl Error {
    /// The same error, with a way out appended to its line.
    pub fn with_hint(self, hint: &'static str) -> Self {
        Error::Hinted {
            error: Box::new(self),
            hint,
        }
    }

    /// The end of output on a closed pipe (`chaterr list | head -1`) is not an error.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(err) if err.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// Writes one line to standard error, `chaterr: ` first. A standard error that cannot be written
/// (`2>/dev/full`, closed) is ignored: the exit status still says how the command ended. The line
/// stays one line, with no control character reaching the terminal raw, of at most
/// [`MAX_LINE_CHARS`] characters, whatever a file or an argument put in it.
pub fn report(message: impl Display) {
    let message = escaped(&message.to_string()).into_owned();
    let line = cut(&message, MAX_LINE_CHARS);
    let _ = writeln!(io::stderr().lock(), "chaterr: {line}");
}

/// The longest line [`report`] writes.
const MAX_LINE_CHARS: usize = 1000;

/// How much of an argument a message repeats.
const QUOTED_CHARS: usize = 80;

/// The text, cut after `chars` characters with "…".
pub fn cut(text: &str, chars: usize) -> Cow<'_, str> {
    match text.char_indices().nth(chars) {
        None => Cow::Borrowed(text),
        Some((at, _)) => Cow::Owned(format!("{}…", &text[..at])),
    }
}

/// An argument as a message quotes it: in quotes, escaped as Rust writes a string, and cut
/// after 80 characters (a 100 KB argument is not repeated in full).
pub fn quoted(word: &str) -> String {
    format!("{:?}", cut(word, QUOTED_CHARS))
}

/// Control characters (a newline, ESC) escaped as Rust writes them: `\n`, `\u{1b}`.
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.contains(char::is_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c.is_control() {
                true => c.escape_default().to_string(),
                false => c.to_string(),
            })
            .collect(),
    )
}

/// A path as chaterr shows it, in messages, on cards and in check's report: its control
/// characters escaped, so that a file name never writes to the terminal.
pub fn path_label(path: &Path) -> String {
    escaped(&path.display().to_string()).into_owned()
}
