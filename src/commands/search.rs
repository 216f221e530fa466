//! `chaterr search QUERY`

use crate::catalogue::{Catalogue, Scope};
use crate::cli::SearchArgs;
use crate::commands::{Outcome, resolve_scope};
use crate::error::Error;
use crate::query::{Mode, SearchOptions, search};
use crate::render::Output;

pub fn run(catalogue: &Catalogue, out: &mut Output, args: SearchArgs) -> Result<Outcome, Error> {
    let scope = match &args.vendor {
        Some(word) => resolve_scope(catalogue, word)?,
        None => Scope::All,
    };
    let mode = if args.regex {
        Mode::Regex
    } else if args.fixed_strings {
        Mode::Fixed
    } else {
        Mode::Ranked
    };
    // Hiding the codes only an SDK defines leaves the ranking of the rest as it is.
    let options = SearchOptions {
        mode,
        ignore_case: args.ignore_case,
        limit: if args.documented_only { 0 } else { args.limit },
    };
    let mut hits = search(catalogue, &scope, &args.query, &options)?;
    if args.documented_only {
        hits.retain(|h| h.entry.documented);
        if args.limit > 0 {
            hits.truncate(args.limit);
        }
    }
    if hits.is_empty() {
        eprintln!("chaterr: nothing matches {:?}", args.query);
    }
    out.search(catalogue, &hits)?;
    Ok(Outcome::from_found(!hits.is_empty()))
}
