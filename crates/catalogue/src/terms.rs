//! How ranked search reads an entry: which fields, how much each weighs, which words count.
//!
//! The compiler precomputes the embedded catalogue's terms with this module, and search reads
//! users' entries with it at run time, so the two can never disagree.

use crate::field::Field;
use crate::words::{for_each_word, is_stop_word};

/// How much a word of an SDK symbol says about the entry: as much as the description.
pub const SYMBOL_WEIGHT: f64 = 1.0;

/// How much a word of an SDK's doc comment says: as much as a suggested action.
pub const COMMENT_WEIGHT: f64 = 0.5;

/// How much a word of chaterr's own words for the entry's concept says about it: less than the
/// vendor's words, as a guess at what people call the problem.
pub const OUR_WORDS_WEIGHT: f64 = 0.6;

/// The texts search reads of an entry, each with its weight: `text_of(field)` for each field
/// search reads, in [`Field::ALL`] order, then each SDK symbol, then each distinct SDK doc
/// comment (the platforms often share one), then our words for its concept. The run-time
/// reading and the compiler both go through here, so they read the same texts in the same
/// order.
pub fn weighted_texts<'t, S, C, O>(
    text_of: impl Fn(Field) -> Option<&'t str>,
    symbols: S,
    comments: C,
    ours: O,
) -> impl Iterator<Item = (&'t str, f64)>
where
    S: Iterator<Item = &'t str>,
    C: Iterator<Item = &'t str>,
    O: Iterator<Item = &'t str>,
{
    let mut seen: Vec<&'t str> = Vec::new();
    let comments = comments.filter(move |comment| {
        let new = !seen.contains(comment);
        if new {
            seen.push(comment);
        }
        new
    });
    Field::ALL
        .into_iter()
        .filter(|field| field.weight() > 0.0)
        .filter_map(move |field| text_of(field).map(|text| (text, field.weight())))
        .chain(symbols.map(|symbol| (symbol, SYMBOL_WEIGHT)))
        .chain(comments.map(|comment| (comment, COMMENT_WEIGHT)))
        .chain(ours.map(|text| (text, OUR_WORDS_WEIGHT)))
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
