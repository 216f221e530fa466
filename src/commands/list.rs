//! `chaterr list [VENDOR|SOURCE] [--category TEXT] [--range LOW..HIGH] [--documented-only]`

use std::ops::RangeInclusive;

use crate::catalogue::{Catalogue, Scope};
use crate::cli::ListArgs;
use crate::commands::{Outcome, resolve_scope};
use crate::error::{Error, quoted, report};
use crate::query::Filter;
use crate::query::editions::At;
use crate::render::Output;

pub fn run(catalogue: &Catalogue, out: &mut Output, args: ListArgs) -> Result<Outcome, Error> {
    let scope = match &args.scope {
        Some(word) => resolve_scope(catalogue, word)?,
        None => Scope::All,
    };
    let filter = Filter {
        documented_only: args.documented_only,
        editions: args.editions.editions(),
        equals: args.reading.conditions(),
        range: args.range.as_deref().map(parse_range).transpose()?,
        // `--category ''` asks for no category in particular: every entry, not only those with one.
        category: (args.category.as_deref().map(str::trim))
            .filter(|c| !c.is_empty())
            .map(str::to_lowercase),
        ..scope.into()
    };
    // Chosen by index: only the entries shown are built.
    let indices: Vec<usize> = filter
        .choose(catalogue, filter.admitted(catalogue))
        .into_iter()
        .map(|At(index)| index)
        .collect();
    if indices.is_empty() {
        report("no entries match");
    }
    out.list_at(catalogue, &indices)?;
    Ok(Outcome::from_found(!indices.is_empty()))
}

/// `LOW..HIGH`, `LOW..=HIGH`, `LOW..`, `..HIGH`, or a single code; both ends inclusive.
pub fn parse_range(text: &str) -> Result<RangeInclusive<i64>, Error> {
    let bad = |reason: &str| Error::Range {
        range: text.to_owned(),
        reason: reason.to_owned(),
    };
    let bound = |part: &str, open: i64| -> Result<i64, Error> {
        let part = part.trim();
        if part.is_empty() {
            return Ok(open);
        }
        part.parse::<i64>().map_err(|_| {
            bad(&format!(
                "{} is not a whole number; expected LOW..HIGH such as 8500..8599",
                quoted(part)
            ))
        })
    };
    let (low, high) = match text.split_once("..") {
        Some((low, high)) => (
            bound(low, i64::MIN)?,
            bound(high.strip_prefix('=').unwrap_or(high), i64::MAX)?,
        ),
        None => {
            let code = bound(text, 0)?;
            if text.trim().is_empty() {
                return Err(bad("expected LOW..HIGH such as 8500..8599"));
            }
            (code, code)
        }
    };
    if low > high {
        return Err(bad(&format!("{low} is above {high}")));
    }
    Ok(low..=high)
}

#[cfg(test)]
mod tests {
    use super::parse_range;

    #[test]
    fn ranges_parse_inclusive_and_open() {
        assert_eq!(parse_range("8500..8599").unwrap(), 8500..=8599);
        assert_eq!(parse_range("8500..=8599").unwrap(), 8500..=8599);
        assert_eq!(parse_range("-10010..-10000").unwrap(), -10010..=-10000);
        assert_eq!(parse_range("6000..").unwrap(), 6000..=i64::MAX);
        assert_eq!(parse_range("..10").unwrap(), i64::MIN..=10);
        assert_eq!(parse_range("7005").unwrap(), 7005..=7005);
        assert!(parse_range("9..1").is_err());
        assert!(parse_range("a..b").is_err());
        assert!(parse_range("").is_err());
    }
}
