//! `chaterr lookup [VENDOR] CODE...`

use std::io::Read;

use crate::catalogue::words::closest;
use rustc_hash::FxHashMap;

use crate::catalogue::{Catalogue, Entry, EntryRef, Scope};
use crate::cli::LookupArgs;
use crate::commands::{Outcome, resolve_scope, scope_label};
use crate::error::{Error, cut, report};
use crate::query::{CodeQuery, Filter, lookup, neighbours, parse_code_query};
use crate::render::Output;

pub fn run(catalogue: &Catalogue, out: &mut Output, args: LookupArgs) -> Result<Outcome, Error> {
    let (scope, words) = split_scope(catalogue, &args.args)?;
    let queries = read_queries(&words)?;

    let filter = Filter {
        documented_only: args.documented_only,
        editions: args.editions.editions(),
        ..scope.clone().into()
    };
    let mut found: Vec<EntryRef<'_>> = Vec::new();
    let mut all_found = true;
    // `lookup -` may be given 100,000 codes: each distinct one is looked up once, and only the
    // first misses get the nearest codes or names, which cost a walk of the catalogue each.
    let mut answers: FxHashMap<&CodeQuery, Vec<&Entry>> = FxHashMap::default();
    let mut misses = 0;
    for query in &queries {
        let matches = answers
            .entry(query)
            .or_insert_with(|| lookup(catalogue, &filter, query))
            .clone();
        if matches.is_empty() {
            all_found = false;
            misses += 1;
            report(not_found(catalogue, &scope, query, misses <= HINTED_MISSES));
        }
        found.extend(matches.into_iter().map(|e| catalogue.entry_ref(e)));
    }
    out.set_language(&filter.editions.language);
    out.lookup(catalogue, &found)?;
    Ok(Outcome::from_found(all_found && !queries.is_empty()))
}

/// The first word is a scope when it names a vendor or source; otherwise every word is a code.
fn split_scope(catalogue: &Catalogue, args: &[String]) -> Result<(Scope, Vec<String>), Error> {
    let (first, rest) = args
        .split_first()
        .ok_or_else(|| Error::MissingCode(String::new()))?;
    if let Some(scope) = catalogue.scope(first) {
        if rest.is_empty() {
            return Err(Error::MissingCode(first.clone()));
        }
        return Ok((scope, rest.to_vec()));
    }
    let is_code = first == "-"
        || rest.is_empty()
        || match parse_code_query(first) {
            Ok(CodeQuery::Number(_)) => true,
            Ok(name) => !lookup(catalogue, &Filter::all(), &name).is_empty(),
            Err(_) => false,
        };
    if is_code {
        Ok((Scope::All, args.to_vec()))
    } else {
        Err(resolve_scope(catalogue, first).unwrap_err())
    }
}

/// The most `lookup -` reads from stdin: some 100,000 codes, and a bound on the memory a
/// mistaken input (`lookup - </dev/zero`) can take.
pub const MAX_STDIN_BYTES: u64 = 1 << 20;

/// Parses every CODE (expanding `-` into the codes on stdin, read once) before looking any up,
/// so a bad one fails the command before anything is printed.
fn read_queries(words: &[String]) -> Result<Vec<CodeQuery>, Error> {
    let mut queries = Vec::new();
    let mut stdin_read = false;
    for word in words {
        if word == "-" {
            if std::mem::replace(&mut stdin_read, true) {
                continue;
            }
            let mut input = String::new();
            std::io::stdin()
                .lock()
                .take(MAX_STDIN_BYTES + 1)
                .read_to_string(&mut input)
                .map_err(Error::Stdin)?;
            if input.len() as u64 > MAX_STDIN_BYTES {
                let message = format!(
                    "more than {} MiB, the most `lookup -` reads",
                    MAX_STDIN_BYTES >> 20
                );
                return Err(Error::Stdin(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    message,
                )));
            }
            let before = queries.len();
            for token in input.split_whitespace() {
                queries.push(parse_code_query(token)?);
            }
            if queries.len() == before {
                return Err(Error::NoCodesOnStdin);
            }
        } else {
            queries.push(parse_code_query(word)?);
        }
    }
    Ok(queries)
}

/// How many codes not found are reported with the nearest codes or names.
const HINTED_MISSES: usize = 20;

pub(super) fn not_found(
    catalogue: &Catalogue,
    scope: &Scope,
    query: &CodeQuery,
    hint: bool,
) -> String {
    let (what, candidates) = match query {
        CodeQuery::Number(code) if !hint => (format!("code {code}"), None),
        CodeQuery::Name(name) if !hint => (format!("name {}", cut(name, 80)), None),
        CodeQuery::Number(code) => {
            let (below, above) = neighbours(catalogue, scope, *code);
            let near: Vec<String> = [below, above]
                .into_iter()
                .flatten()
                .map(|c| match scope {
                    Scope::All => format!("{c} ({})", vendors_of(catalogue, c)),
                    _ => c.to_string(),
                })
                .collect();
            let near = (!near.is_empty())
                .then(|| format!("nearest documented codes: {}", near.join(", ")));
            (format!("code {code}"), near)
        }
        CodeQuery::Name(name) => {
            let names = catalogue.entries_in(scope).flat_map(|e| {
                let symbols = e.symbols.iter().map(|s| s.name.as_ref());
                e.name().into_iter().chain(symbols)
            });
            let near =
                closest(&name.to_ascii_lowercase(), names).map(|n| format!("did you mean {n}?"));
            (format!("name {}", cut(name, 80)), near)
        }
    };
    let head = match scope {
        Scope::All => format!("no vendor documents {what}"),
        _ => format!("{} documents no {what}", scope_label(catalogue, scope)),
    };
    match candidates {
        Some(hint) => format!("{head}; {hint}"),
        None => head,
    }
}

/// "zego", or "tencent-chat, tencent-im" style list of the sources documenting a code.
fn vendors_of(catalogue: &Catalogue, code: i64) -> String {
    let mut vendors: Vec<&str> = Vec::new();
    let found = lookup(catalogue, &Filter::all(), &CodeQuery::Number(code));
    for e in found.into_iter().filter(|e| e.documented) {
        let vendor = catalogue.source_of(e).vendor.as_ref();
        if !vendors.contains(&vendor) {
            vendors.push(vendor);
        }
    }
    vendors.join(", ")
}
