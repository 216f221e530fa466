//! `chaterr diff A B`: each side a vendor, a source id or a catalogue file.

use std::path::Path;

use crate::catalogue::load::load_file;
use crate::catalogue::{Catalogue, EntryRef, Scope};
use crate::cli::DiffArgs;
use crate::commands::{Outcome, resolve_scope};
use crate::error::Error;
use crate::query::diff::diff;
use crate::render::Output;

/// A side's entries live either in the catalogue or in a file read for this diff.
enum Side {
    Catalogue(Scope),
    File(Catalogue),
}

/// A word is a file when it names one, or looks like a path (so a typo'd path is reported as
/// a missing file, not as an unknown vendor).
fn side(catalogue: &Catalogue, word: &str) -> Result<Side, Error> {
    let path = Path::new(word);
    if path.is_file()
        || word.contains(std::path::MAIN_SEPARATOR)
        || word.contains('/')
        || word.ends_with(".toml")
    {
        return load_file(path).map(Side::File);
    }
    resolve_scope(catalogue, word).map(Side::Catalogue)
}

/// A vendor side is what its documents say: the codes only an SDK defines take part only where
/// a side names their source (`agora-sdk`).
fn entries<'a>(catalogue: &'a Catalogue, side: &'a Side) -> Vec<EntryRef<'a>> {
    match side {
        Side::Catalogue(scope) => catalogue
            .entries_in(scope)
            .filter(|e| e.documented || matches!(scope, Scope::Source(_)))
            .map(|e| catalogue.entry_ref(e))
            .collect(),
        Side::File(file) => file.entries().map(|e| file.entry_ref(e)).collect(),
    }
}

pub fn run(catalogue: &Catalogue, out: &mut Output, args: DiffArgs) -> Result<Outcome, Error> {
    let a = side(catalogue, &args.a)?;
    let b = side(catalogue, &args.b)?;
    let report = diff(&entries(catalogue, &a), &entries(catalogue, &b));
    out.diff(&args.a, &args.b, &report)?;
    // As diff(1): 0 when the same, 1 when they differ.
    Ok(Outcome::from_found(report.is_empty()))
}
