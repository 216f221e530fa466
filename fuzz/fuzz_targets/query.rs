//! Queries on any text against the embedded catalogue: `parse_code_query`, and `search` in each
//! mode, must never panic, and highlight ranges must be character ranges of the hit's text.

#![no_main]

use chaterr::Catalogue;
use chaterr::query::search::SearchError;
use chaterr::query::{CodeQuery, Filter, Mode, SearchOptions, lookup, parse_code_query, search};
use chaterr::render::highlight::highlight_ranges;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // One byte chooses the mode, case and limit; the rest is the query.
    let (choice, query) = match data {
        [choice, rest @ ..] => (*choice, String::from_utf8_lossy(rest)),
        [] => return,
    };
    // The embedded catalogue is cheap to open (its entries are built when read), and not Sync.
    let catalogue = &Catalogue::embedded();

    match parse_code_query(&query) {
        Ok(CodeQuery::Number(n)) => assert_eq!(query.parse::<i64>().ok(), Some(n)),
        Ok(CodeQuery::Name(name)) => assert_eq!(name, query),
        Err(_) => {}
    }
    if let Ok(code) = parse_code_query(&query) {
        let _ = lookup(catalogue, &Filter::all(), &code);
    }
    let _ = catalogue.scope(&query);
    let _ = catalogue.suggest_scope(&query);

    let mode = match choice % 3 {
        0 => Mode::Ranked,
        1 => Mode::Fixed,
        _ => Mode::Regex,
    };
    let options = SearchOptions {
        mode,
        ignore_case: choice & 4 != 0,
        limit: usize::from(choice >> 3),
    };
    match search(catalogue, &Filter::all(), &query, &options) {
        Ok(hits) => {
            assert!(!query.trim().is_empty());
            if options.limit > 0 {
                assert!(hits.len() <= options.limit);
            }
            for hit in hits.iter().take(20) {
                assert!(hit.score.is_finite(), "score {}", hit.score);
                let text = hit.entry.description();
                for (start, end) in highlight_ranges(text, &hit.highlight) {
                    assert!(start <= end && end <= text.len(), "{start}..{end}");
                    assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                }
            }
        }
        Err(SearchError::EmptyQuery) => assert!(query.trim().is_empty()),
        Err(SearchError::BadRegex(_)) => assert!(mode == Mode::Regex),
    }
});
