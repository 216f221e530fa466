//! Reading a catalogue file at run time (`chaterr diff A ./file.toml`).

use std::fs;
use std::path::Path;

use super::file::{self, CatalogueFile};
use super::{Catalogue, Entry, Source, Text};
use crate::error::Error;

/// Reads and validates one catalogue file; the first problem is the error.
pub fn load_file(path: &Path) -> Result<Catalogue, Error> {
    let label = path.display().to_string();
    let text = fs::read_to_string(path).map_err(|error| Error::Read {
        path: label.clone(),
        error,
    })?;
    let parsed = file::parse(&text).map_err(|problems| {
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
        Error::Catalogue {
            path: label.clone(),
            line: first.line,
            column: first.column,
            message,
        }
    })?;
    Ok(from_file(parsed, &label))
}

fn owned(text: Option<String>) -> Option<Text> {
    text.filter(|t| !t.is_empty()).map(Text::Owned)
}

/// A parsed file as a catalogue of one source, each entry carrying the file as its origin.
pub fn from_file(file: CatalogueFile, origin: &str) -> Catalogue {
    let origin: Text = Text::Owned(origin.to_owned());
    let source = Source {
        id: file.source.id.into(),
        vendor: file.source.vendor.into(),
        title: owned(file.source.title),
        edition: owned(file.source.edition),
        url: owned(file.source.url),
        origin: Some(origin.clone()),
    };
    let entries = file
        .codes
        .into_iter()
        .map(|c| Entry {
            source: 0,
            code: c.code,
            code_end: c.code_end,
            name: owned(c.name),
            part: owned(c.part),
            category: owned(c.category),
            description: c.description.into(),
            reason: owned(c.reason),
            action: owned(c.action),
            note: owned(c.note),
            origin: Some(origin.clone()),
        })
        .collect();
    Catalogue::new(vec![source], entries)
}
