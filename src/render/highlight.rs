//! Highlighting what a search matched in a text.

use crate::catalogue::words::{is_stop_word, stem};
use crate::query::search::Highlight;

/// Byte ranges of `text` to highlight for a hit.
pub fn highlight_ranges(text: &str, highlight: &Highlight) -> Vec<(usize, usize)> {
    match highlight {
        Highlight::Pattern(regex) => regex
            .find_iter(text)
            .filter(|m| !m.is_empty())
            .map(|m| (m.start(), m.end()))
            .collect(),
        Highlight::Stems(stems) if stems.is_empty() => Vec::new(),
        Highlight::Stems(stems) => {
            let mut ranges = Vec::new();
            let mut start = None;
            for (i, c) in text
                .char_indices()
                .chain(std::iter::once((text.len(), ' ')))
            {
                match (c.is_alphanumeric(), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        let word = text[s..i].to_lowercase();
                        if !is_stop_word(&word) && stems.contains(&stem(&word)) {
                            ranges.push((s, i));
                        }
                        start = None;
                    }
                    _ => {}
                }
            }
            ranges
        }
    }
}
