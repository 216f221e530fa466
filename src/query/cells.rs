//! Whether the cells of a table's row say what the catalogue says of a code: how `scan` tells a
//! row of a vendor's table copied from its page (`6000106 Token 过期。 请调用 renewToken …`) from
//! a numbered log line (`105001 worker 3 finished job`), which no shape tells apart.

use rustc_hash::FxHashSet;

use crate::catalogue::words::{is_cjk, is_stop_word, words};
use crate::catalogue::{Entry, Field};
use crate::scan::is_word_byte;

/// Of the words of an entry's description, the share its row must hold, in fifths.
const SHARE_IN_FIFTHS: usize = 3;

/// How much of a row is read: a table's cells are short, a long line is no row of one.
const CELLS_READ: usize = 4096;

/// The words a row and a description are compared by: ASCII words in lower case (no stop word,
/// no number) and pairs of CJK characters (a character alone where it stands alone: `catalogue::
/// words` gives each character besides its pairs).
fn compared_words(text: &str) -> FxHashSet<String> {
    let all = words(text);
    let in_pairs: FxHashSet<char> = all
        .iter()
        .filter(|w| w.chars().count() == 2 && w.chars().all(is_cjk))
        .flat_map(|w| w.chars())
        .collect();
    all.into_iter()
        .filter(|w| {
            let mut chars = w.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if is_cjk(c) => !in_pairs.contains(&c),
                _ => !is_stop_word(w) && !w.bytes().all(|b| b.is_ascii_digit()),
            }
        })
        .collect()
}

/// The rest of a row after its number, read once for all the entries of the number.
pub struct Cells {
    lower: String,
    words: FxHashSet<String>,
}

impl Cells {
    pub fn new(rest: &[u8]) -> Self {
        let mut end = rest.len().min(CELLS_READ);
        // Not inside a UTF-8 character.
        while end < rest.len() && end > 0 && rest[end] & 0xc0 == 0x80 {
            end -= 1;
        }
        let text = String::from_utf8_lossy(&rest[..end]);
        Cells {
            lower: text.to_ascii_lowercase(),
            words: compared_words(&text),
        }
    }

    /// Whether the cells say what the entry says: its name or an SDK's name of it as a word, in
    /// any case (`TOKEN_EXPIRED`), or, with `words` or more of them, three fifths of the words
    /// of its description (`None`: the name only).
    pub fn say(&self, entry: &Entry, words: Option<usize>) -> bool {
        let names = entry.text(Field::Name).into_iter();
        let names = names.chain(entry.symbols.iter().map(|s| s.name.as_ref()));
        if names
            .filter(|n| is_identifier_like(n))
            .any(|n| self.has_word(n))
        {
            return true;
        }
        let (Some(needed), Some(description)) = (words, entry.text(Field::Description)) else {
            return false;
        };
        let wanted = compared_words(description);
        let held = wanted.iter().filter(|w| self.words.contains(*w)).count();
        held >= needed && held * 5 >= wanted.len() * SHARE_IN_FIFTHS
    }

    /// Whether `name` stands in the cells as a word of its own, in any case.
    fn has_word(&self, name: &str) -> bool {
        let name = name.to_ascii_lowercase();
        let bytes = self.lower.as_bytes();
        self.lower.match_indices(&name).any(|(at, _)| {
            let word_before = at > 0 && is_word_byte(bytes[at - 1]);
            let word_after = bytes.get(at + name.len()).is_some_and(|&b| is_word_byte(b));
            !word_before && !word_after
        })
    }
}

/// A name that reads as an identifier (an underscore, or camelCase), not a word of prose
/// (ZIM's Flutter names for codes 0 and 1 are `success` and `failed`).
pub fn is_identifier_like(name: &str) -> bool {
    let bytes = name.as_bytes();
    name.contains('_')
        || bytes
            .windows(2)
            .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_ascii_words_and_cjk_pairs() {
        let mut got: Vec<String> =
            compared_words("The SDK is not initialized. Token 过期。未登录 群")
                .into_iter()
                .collect();
        got.sort();
        assert_eq!(
            got,
            [
                "initialized",
                "not",
                "sdk",
                "token",
                "未登",
                "登录",
                "群",
                "过期"
            ]
        );
        assert!(compared_words("6000106 and 42").is_empty());
    }
}
