//! Reading one catalogue file at run time.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use super::file::{self, CatalogueFile, CodeDecl};
use super::{Catalogue, Entry, Source, Text};
use crate::error::Error;
use chaterr_catalogue::model::non_empty;

/// Reads and validates one file; the error is its first problem, with a count of the rest.
pub fn read_file(path: &Path) -> Result<(CatalogueFile, String), Error> {
    let label = path.display().to_string();
    let text = fs::read_to_string(path).map_err(|error| Error::Read {
        path: label.clone(),
        error,
    })?;
    match file::parse(&text) {
        Ok(parsed) => Ok((parsed, text)),
        Err(problems) => {
            let more = problems.len().saturating_sub(1);
            let first = problems.into_iter().next().unwrap_or(file::Problem {
                line: 1,
                column: 1,
                message: "invalid catalogue".to_owned(),
            });
            let message = match more {
                0 => first.message,
                n => format!("{} (and {n} more: chaterr check {label})", first.message),
            };
            Err(Error::Catalogue {
                path: label,
                line: first.line,
                column: first.column,
                message,
            })
        }
    }
}

/// One file as a catalogue of its own (`chaterr diff zego ./newer-zego.toml`).
pub fn load_file(path: &Path) -> Result<Catalogue, Error> {
    let (file, _) = read_file(path)?;
    let origin: Text = Text::Owned(path.display().to_string());
    let source = Source::declared(file.source, Some(origin.clone()));
    let shared = Arc::from(origin.as_ref());
    let entries = file
        .codes
        .into_iter()
        .map(|c| entry(c, 0, &shared))
        .collect();
    Ok(Catalogue::new(vec![source], entries))
}

pub(super) fn entry(c: CodeDecl, source: usize, origin: &Arc<str>) -> Entry {
    Entry {
        source,
        code: c.code,
        code_end: c.code_end,
        texts: c.texts.map(non_empty),
        origin: Some(Arc::clone(origin)),
        // The SDKs' names belong to the embedded catalogue; an override keeps them (user.rs).
        symbols: std::borrow::Cow::Borrowed(&[]),
        documented: true,
    }
}
