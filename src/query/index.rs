//! How ranked search reads an entry: which fields, how much each weighs, which words count.
//!
//! build.rs includes this module (with text.rs) to precompute the embedded catalogue's terms, so
//! the two can never disagree; users' entries are read the same way at run time.

use super::text::{for_each_word, is_stop_word};

/// Fields searched, with how much a word in each says about the entry. `symbols` is the SDKs'
/// names for the code, each a text of its own.
pub const FIELD_WEIGHTS: [(&str, f64); 8] = [
    ("name", 3.0),
    ("symbols", 1.0),
    ("category", 1.2),
    ("description", 1.0),
    ("reason", 0.8),
    ("note", 0.6),
    ("action", 0.5),
    ("part", 0.3),
];

/// The texts search reads of an entry, each with its field's weight, in [`FIELD_WEIGHTS`] order:
/// `text_of(field)` for the single-text fields, then each symbol for `symbols`. Both the run-time
/// reading and build.rs go through here, so they read the same texts in the same order.
pub fn weighted_texts<'t, S>(
    text_of: impl Fn(&str) -> Option<&'t str>,
    symbols: S,
) -> impl Iterator<Item = (&'t str, f64)>
where
    S: Iterator<Item = &'t str> + Clone,
{
    FIELD_WEIGHTS.iter().flat_map(move |&(name, weight)| {
        let symbols = symbols.clone().filter(move |_| name == "symbols");
        text_of(name)
            .into_iter()
            .chain(symbols)
            .map(move |text| (text, weight))
    })
}

/// Calls `f(word, weight)` for each word of the entry's fields that search counts (stop words
/// left out, camelCase words both split and whole), and returns the entry's length: the weighted
/// number of its words, for BM25's length normalisation.
pub fn for_each_term<'t>(
    fields: impl IntoIterator<Item = (&'t str, f64)>,
    buf: &mut String,
    mut f: impl FnMut(&str, f64),
) -> f64 {
    let mut length = 0.0;
    for (text, weight) in fields {
        for_each_word(text, buf, |word, compound| {
            if is_stop_word(word) {
                return;
            }
            if !compound {
                length += weight;
            }
            f(word, weight);
        });
    }
    length
}
