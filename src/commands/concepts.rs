//! `chaterr concepts [TEXT] [--shared]`: the same problem across vendors.

use crate::catalogue::Catalogue;
use crate::cli::ConceptsArgs;
use crate::commands::Outcome;
use crate::error::Error;
use crate::query::concepts::concepts;
use crate::render::Output;

pub fn run(catalogue: &Catalogue, out: &mut Output, args: ConceptsArgs) -> Result<Outcome, Error> {
    let rows = concepts(catalogue, args.filter.as_deref(), args.shared);
    if rows.is_empty() {
        crate::error::report("no concept matches");
    }
    out.concepts(&rows)?;
    Ok(Outcome::from_found(!rows.is_empty()))
}
