//! What can go wrong, as one line for the user (and a hint where there is a way out).

use std::io;

use crate::query::lookup::CodeError;
use crate::query::search::SearchError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("unknown vendor {word:?} ({})", hint(suggestion, known))]
    UnknownVendor {
        word: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },

    #[error("no code given after {0:?}")]
    MissingCode(String),

    #[error(transparent)]
    Code(#[from] CodeError),

    #[error(transparent)]
    Search(#[from] SearchError),

    #[error("invalid range {range:?}: {reason}")]
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

    #[error("cannot write output: {0}")]
    Output(#[from] io::Error),

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
