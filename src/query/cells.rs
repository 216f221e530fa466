//! Whether the cells of a table's row say what the catalogue says of a code: how `scan` tells a
//! row of a vendor's table copied from its page (`6000106 Token 过期。 请调用 renewToken …`) from
//! a numbered log line (`105001 worker 3 finished job`), which no shape tells apart.

use rustc_hash::FxHashSet;

use crate::catalogue::{Entry, Field};

/// Of the words of an entry's description, the share its row must hold, in fifths.
const SHARE_IN_FIFTHS: usize = 3;

/// Words too common to tell one description from another.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "has", "have", "in", "is", "it", "of",
    "on", "or", "please", "the", "this", "to", "was", "with",
];

/// The words of a text: ASCII words in lower case (no stop word, no number) and, in CJK text,
/// each pair of characters that stand together (a character alone where it stands alone).
fn words(text: &str) -> FxHashSet<String> {
    let mut words = FxHashSet::default();
    let mut han: Vec<char> = Vec::new();
    let flush = |han: &mut Vec<char>, words: &mut FxHashSet<String>| {
        match han.len() {
            0 => {}
            1 => {
                words.insert(han[0].to_string());
            }
            _ => words.extend(han.windows(2).map(|pair| pair.iter().collect::<String>())),
        }
        han.clear();
    };
    for piece in text.split(|c: char| !c.is_alphanumeric()) {
        let mut ascii = String::new();
        for c in piece.chars() {
            if c.is_ascii_alphanumeric() {
                flush(&mut han, &mut words);
                ascii.push(c.to_ascii_lowercase());
            } else {
                if !ascii.is_empty() {
                    keep_ascii(std::mem::take(&mut ascii), &mut words);
                }
                han.push(c);
            }
        }
        keep_ascii(ascii, &mut words);
        flush(&mut han, &mut words);
    }
    words
}

fn keep_ascii(word: String, words: &mut FxHashSet<String>) {
    let number = word.bytes().all(|b| b.is_ascii_digit());
    if !word.is_empty() && !number && !STOP_WORDS.contains(&word.as_str()) {
        words.insert(word);
    }
}

/// The rest of a row after its number, read once for all the entries of the number.
pub struct Cells {
    lower: String,
    words: FxHashSet<String>,
}

impl Cells {
    pub fn new(rest: &[u8]) -> Self {
        let text = String::from_utf8_lossy(rest);
        Cells {
            lower: text.to_ascii_lowercase(),
            words: words(&text),
        }
    }

    /// Whether the cells say what the entry says: its name or an SDK's name of it as a word
    /// (`TOKEN_EXPIRED`, any case), or at least two words and three fifths of the words of its
    /// description.
    pub fn say(&self, entry: &Entry) -> bool {
        let names = entry.text(Field::Name).into_iter();
        let names = names.chain(entry.symbols.iter().map(|s| s.name.as_ref()));
        if names
            .filter(|n| is_identifier_like(n))
            .any(|n| self.has_word(n))
        {
            return true;
        }
        let Some(description) = entry.text(Field::Description) else {
            return false;
        };
        let wanted = words(description);
        let held = wanted.iter().filter(|w| self.words.contains(*w)).count();
        held >= 2 && held * 5 >= wanted.len() * SHARE_IN_FIFTHS
    }

    /// Whether `name` stands in the cells as a word of its own, in any case.
    fn has_word(&self, name: &str) -> bool {
        let name = name.to_ascii_lowercase();
        let bytes = self.lower.as_bytes();
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        self.lower.match_indices(&name).any(|(at, _)| {
            let end = at + name.len();
            let word_before = at > 0 && is_word(bytes[at - 1]);
            let word_after = bytes.get(end).is_some_and(|&b| is_word(b));
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
        let mut got: Vec<String> = words("The SDK is not initialized. Token 过期。未登录")
            .into_iter()
            .collect();
        got.sort();
        assert_eq!(
            got,
            ["initialized", "not", "sdk", "token", "未登", "登录", "过期"]
        );
        assert!(words("6000106 and 42").is_empty());
    }
}
