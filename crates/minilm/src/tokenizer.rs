//! BERT's uncased WordPiece tokenizer (what the teacher's tokenizer.json describes): clean the
//! text, space out CJK ideographs, strip accents, lowercase, split on whitespace and punctuation,
//! then greedy longest-match WordPiece with `##` continuations.

use std::borrow::Cow;

/// WordPiece gives up on longer words (as BERT's tokenizer does): they become `[UNK]`.
const MAX_WORD_CHARS: usize = 100;
/// A record of the vocabulary index: the token's byte offset in the vocabulary, then its id
/// (u32 each, little-endian).
const RECORD: usize = 8;

/// The vocabulary (the model file's tokens, one a line, in id order) and an index of it sorted
/// by token, searched by bisection: built once, when chaterr is built (build.rs), so that no
/// table of 30,522 tokens is hashed at every start.
pub struct Tokenizer {
    words: &'static str,
    index: Cow<'static, [u8]>,
    pub unk: u32,
    pub cls: u32,
    pub sep: u32,
}

/// The index of a vocabulary (tokens separated by `\n`, in id order): a record per token, sorted
/// by the token's bytes.
pub fn vocabulary_index(words: &str) -> Vec<u8> {
    let mut tokens: Vec<(&str, u32, u32)> = Vec::new();
    let mut offset = 0;
    for (id, token) in (0u32..).zip(words.split('\n')) {
        tokens.push((token, offset as u32, id));
        offset += token.len() + 1;
    }
    tokens.sort_by(|a, b| a.0.cmp(b.0).then(a.2.cmp(&b.2)));
    let mut index = Vec::with_capacity(tokens.len() * RECORD);
    for (_, offset, id) in tokens {
        index.extend_from_slice(&offset.to_le_bytes());
        index.extend_from_slice(&id.to_le_bytes());
    }
    index
}

impl Tokenizer {
    /// From the vocabulary (tokens separated by `\n`, in id order) and its index
    /// ([`vocabulary_index`]; built here when `None`). `None` when the index is not one of this
    /// vocabulary, or without `[UNK]`, `[CLS]` or `[SEP]`.
    pub fn new(words: &'static str, index: Option<&'static [u8]>) -> Option<Tokenizer> {
        let size = words.split('\n').count();
        let index = match index {
            Some(index) => Cow::Borrowed(index),
            None => Cow::Owned(vocabulary_index(words)),
        };
        if index.len() != size * RECORD {
            return None;
        }
        // Each record points at a token of this vocabulary. Their order is not checked here (a
        // comparison of every pair of neighbours costs a millisecond at every start): an index
        // out of order finds fewer tokens, and without [UNK], [CLS] and [SEP] it is refused.
        let bytes = words.as_bytes();
        for record in index.chunks_exact(RECORD) {
            let (offset, id) = split_record(record);
            let at_start = offset == 0 || bytes.get(offset - 1) == Some(&b'\n');
            if !at_start || offset > words.len() || id as usize >= size {
                return None;
            }
        }
        let mut tokenizer = Tokenizer {
            words,
            index,
            unk: 0,
            cls: 0,
            sep: 0,
        };
        tokenizer.unk = tokenizer.id("[UNK]")?;
        tokenizer.cls = tokenizer.id("[CLS]")?;
        tokenizer.sep = tokenizer.id("[SEP]")?;
        Some(tokenizer)
    }

    /// A token's id, by bisection of the index.
    fn id(&self, token: &str) -> Option<u32> {
        let (mut low, mut high) = (0, self.index.len() / RECORD);
        while low < high {
            let middle = (low + high) / 2;
            let (offset, id) = split_record(&self.index[middle * RECORD..(middle + 1) * RECORD]);
            match token_at(self.words, offset)?.cmp(token) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(id),
            }
        }
        None
    }

    /// Whether the vocabulary has this (lowercase) word whole, as one token.
    pub fn is_word(&self, word: &str) -> bool {
        self.id(word).is_some()
    }

    /// The text's token ids, without `[CLS]` and `[SEP]`.
    pub fn ids(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        let mut piece = String::new();
        for word in normalise(text).split_whitespace() {
            let mut start = 0;
            for (i, c) in word.char_indices() {
                if is_punctuation(c) {
                    self.wordpiece(&word[start..i], &mut piece, &mut ids);
                    self.wordpiece(&word[i..i + c.len_utf8()], &mut piece, &mut ids);
                    start = i + c.len_utf8();
                }
            }
            self.wordpiece(&word[start..], &mut piece, &mut ids);
        }
        ids
    }

    fn wordpiece(&self, word: &str, piece: &mut String, ids: &mut Vec<u32>) {
        if word.is_empty() {
            return;
        }
        if word.chars().count() > MAX_WORD_CHARS {
            ids.push(self.unk);
            return;
        }
        let found = ids.len();
        let mut start = 0;
        while start < word.len() {
            let longest = word[start..]
                .char_indices()
                .map(|(i, c)| start + i + c.len_utf8())
                .rev()
                .find_map(|end| {
                    piece.clear();
                    if start > 0 {
                        piece.push_str("##");
                    }
                    piece.push_str(&word[start..end]);
                    self.id(piece).map(|id| (id, end))
                });
            match longest {
                Some((id, end)) => {
                    ids.push(id);
                    start = end;
                }
                None => {
                    ids.truncate(found);
                    ids.push(self.unk);
                    return;
                }
            }
        }
    }
}

/// A record's token offset and id.
fn split_record(record: &[u8]) -> (usize, u32) {
    let word = |at: usize| u32::from_le_bytes(record[at..at + 4].try_into().expect("four bytes"));
    (word(0) as usize, word(4))
}

/// The token starting at `offset` of the vocabulary, up to the next line break.
fn token_at(words: &str, offset: usize) -> Option<&str> {
    let rest = words.get(offset..)?;
    Some(rest.split('\n').next().unwrap_or(rest))
}

/// BertNormalizer: drop control characters, whitespace to spaces, CJK ideographs spaced out,
/// accents stripped, lowercase.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            out.push(' ');
        } else if c == '\0' || c == '\u{fffd}' || is_control(c) || is_combining_mark(c) {
        } else if is_cjk(c) {
            out.extend([' ', c, ' ']);
        } else {
            out.extend(strip_accent(c).to_lowercase());
        }
    }
    out
}

/// U+00C0–U+017F without their accents (what NFD then dropping marks gives); the letters that
/// do not decompose (Æ, Ø, Ł…) stay.
const LATIN_FOLDED: &str = "AAAAAAÆCEEEEIIIIÐNOOOOO×ØUUUUYÞßaaaaaaæceeeeiiiiðnooooo÷øuuuuyþyAaAaAaCcCcCcCcDdĐđEeEeEeEeEeGgGgGgGgHhĦħIiIiIiIiIıĲĳJjKkĸLlLlLlĿŀŁłNnNnNnŉŊŋOoOoOoŒœRrRrRrSsSsSsSsTtTtŦŧUuUuUuUuUuUuWwYyYZzZzZzſ";

fn strip_accent(c: char) -> char {
    match c as u32 {
        n @ 0xC0..=0x17F => LATIN_FOLDED.chars().nth((n - 0xC0) as usize).unwrap_or(c),
        _ => c,
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Unicode's "other" characters that text carries: controls and format characters.
fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c as u32, 0xAD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0xFEFF)
}

/// The CJK ideograph blocks BERT spaces out.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

/// ASCII punctuation and symbols, and Unicode punctuation (general category P) where text has
/// it: Latin-1, general punctuation, CJK and fullwidth forms.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c as u32,
            0xA1 | 0xA7 | 0xAB | 0xB6 | 0xB7 | 0xBB | 0xBF | 0x2010..=0x2027 | 0x2030..=0x2043
            | 0x2045..=0x2051 | 0x2053..=0x205E | 0x3001..=0x3003 | 0x3008..=0x3011
            | 0x3014..=0x301F | 0x30FB | 0xFE10..=0xFE19 | 0xFE30..=0xFE52 | 0xFE54..=0xFE61
            | 0xFE63 | 0xFE68 | 0xFE6A | 0xFE6B | 0xFF01..=0xFF03 | 0xFF05..=0xFF0A
            | 0xFF0C..=0xFF0F | 0xFF1A | 0xFF1B | 0xFF1F | 0xFF20 | 0xFF3B..=0xFF3D | 0xFF3F
            | 0xFF5B | 0xFF5D | 0xFF5F..=0xFF65)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: &str = "[PAD]\n[UNK]\n[CLS]\n[SEP]\ntoken\n##s\nexpired\nto\n,";

    #[test]
    fn the_index_finds_every_token_by_bisection() {
        let t = Tokenizer::new(WORDS, None).expect("a vocabulary");
        assert_eq!((t.unk, t.cls, t.sep), (1, 2, 3));
        assert_eq!(t.ids("Tokens expired, to"), [4, 5, 6, 8, 7]);
        assert_eq!(t.ids("expire"), [1]);
        assert!(t.is_word("to") && !t.is_word("t"));
    }

    #[test]
    fn an_index_of_another_vocabulary_is_refused() {
        let index: &'static [u8] = Vec::leak(vocabulary_index(WORDS));
        assert!(Tokenizer::new(WORDS, Some(index)).is_some());
        let other = "[UNK]\n[CLS]\n[SEP]\nzebra\napple\n##s\nexpired\nto\n,";
        assert!(Tokenizer::new(other, Some(index)).is_none());
        assert!(Tokenizer::new(WORDS, Some(&index[8..])).is_none());
    }
}
