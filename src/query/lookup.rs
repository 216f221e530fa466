//! Finding entries by number, by the document's symbolic name, or by a name an SDK gives the code.

use super::Filter;
use crate::catalogue::symbols::is_identifier;
use crate::catalogue::{Catalogue, Entry, Scope};

/// What one CODE argument asks for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CodeQuery {
    Number(i64),
    Name(String),
}

/// Why a CODE argument is neither a number nor a name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error(
        "{} is beyond the range of error codes (a 64-bit integer)",
        crate::error::quoted(.0)
    )]
    OutOfRange(String),
    #[error(
        "{} is not a code: expected a number such as 6000103 or a name such as USER_NOT_LOGIN",
        crate::error::quoted(.0)
    )]
    NotACode(String),
}

/// Reads a CODE argument: a decimal integer (optionally signed) or an identifier.
pub fn parse_code_query(word: &str) -> Result<CodeQuery, CodeError> {
    let digits = word.strip_prefix(['-', '+']).unwrap_or(word);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return word
            .parse::<i64>()
            .map(CodeQuery::Number)
            .map_err(|_| CodeError::OutOfRange(word.to_owned()));
    }
    if is_identifier(word) {
        Ok(CodeQuery::Name(word.to_owned()))
    } else {
        Err(CodeError::NotACode(word.to_owned()))
    }
}

/// Entries the filter admits that document the code (a range entry documents every code in it)
/// or carry the name, as the document's name or an SDK's symbol (case-insensitive), in
/// catalogue order: documented entries first, each part in code order then source order.
pub fn lookup<'a>(catalogue: &'a Catalogue, filter: &Filter, query: &CodeQuery) -> Vec<&'a Entry> {
    let mut found = in_scope(catalogue, &filter.scope, query);
    found.retain(|e| filter.admits(e));
    filter.choose(catalogue, found)
}

fn in_scope<'a>(catalogue: &'a Catalogue, scope: &Scope, query: &CodeQuery) -> Vec<&'a Entry> {
    match query {
        // Read from the keys: only the entries found are built.
        CodeQuery::Number(n) => catalogue
            .indices_in(scope)
            .filter(|&i| catalogue.key(i).covers(*n))
            .map(|i| catalogue.entry(i))
            .collect(),
        CodeQuery::Name(name) => catalogue
            .entries_in(scope)
            .filter(|e| e.is_named(name))
            .collect(),
    }
}

/// The documented codes in scope nearest below and above `code`.
pub fn neighbours(catalogue: &Catalogue, scope: &Scope, code: i64) -> (Option<i64>, Option<i64>) {
    let mut below = None;
    let mut above = None;
    let keys = catalogue.indices_in(scope).map(|i| catalogue.key(i));
    for key in keys.filter(|k| k.documented) {
        let last = key.last_code();
        if last < code {
            below = Some(below.map_or(last, |b: i64| b.max(last)));
        } else if key.code > code && above.is_none_or(|a| key.code < a) {
            above = Some(key.code);
        }
    }
    (below, above)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_as_numbers_names_or_errors() {
        assert_eq!(parse_code_query("6000103"), Ok(CodeQuery::Number(6000103)));
        assert_eq!(parse_code_query("-10001"), Ok(CodeQuery::Number(-10001)));
        assert_eq!(
            parse_code_query("USER_NOT_LOGIN"),
            Ok(CodeQuery::Name("USER_NOT_LOGIN".into()))
        );
        assert!(matches!(
            parse_code_query("99999999999999999999"),
            Err(CodeError::OutOfRange(_))
        ));
        assert!(matches!(
            parse_code_query("12ab"),
            Err(CodeError::NotACode(_))
        ));
        assert!(matches!(parse_code_query("-"), Err(CodeError::NotACode(_))));
    }

    #[test]
    fn a_number_inside_a_range_finds_the_range() {
        let catalogue = Catalogue::embedded();
        let tencent = catalogue.scope("tencent-chat").unwrap();
        let found = lookup(&catalogue, &tencent.into(), &CodeQuery::Number(125000));
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].code, found[0].code_end), (120001, Some(130000)));
    }

    #[test]
    fn neighbours_skip_the_missing_code() {
        let catalogue = Catalogue::embedded();
        let zego = catalogue.scope("zego").unwrap();
        assert_eq!(
            neighbours(&catalogue, &zego, 6000105),
            (Some(6000104), Some(6000106))
        );
    }
}
