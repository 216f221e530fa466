//! `chaterr search QUERY`

use crate::catalogue::{Catalogue, Scope};
use crate::cli::SearchArgs;
use crate::commands::{Outcome, resolve_scope};
use crate::error::{Error, quoted, report};
use crate::query::search::{only_common_words, why_ranked};
use crate::query::{Filter, Mode, SearchOptions, search};
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
    let filter = Filter {
        documented_only: args.documented_only,
        editions: args.editions.editions(),
        equals: args.reading.conditions(),
        ..scope.into()
    };
    let options = SearchOptions {
        mode,
        ignore_case: args.ignore_case,
        limit: args.limit,
    };
    let mut hits = search(catalogue, &filter, &args.query, &options)?;
    if args.explain {
        why_ranked(catalogue, &args.query, &mut hits);
    }
    if hits.is_empty() && mode == Mode::Ranked && only_common_words(&args.query) {
        report(format_args!(
            "nothing matches {}: it holds only common words, which ranked search leaves out (search -F finds them as text)",
            quoted(&args.query)
        ));
    } else if hits.is_empty() {
        report(format_args!("nothing matches {}", quoted(&args.query)));
    }
    out.search(
        catalogue,
        &hits,
        args.explain.then_some(args.query.as_str()),
    )?;
    Ok(Outcome::from_found(!hits.is_empty()))
}
