//! BERT's uncased WordPiece tokenizer (what the teacher's tokenizer.json describes): clean the
//! text, space out CJK ideographs, strip accents, lowercase, split on whitespace and punctuation,
//! then greedy longest-match WordPiece with `##` continuations.

use rustc_hash::FxHashMap as HashMap;

/// WordPiece gives up on longer words (as BERT's tokenizer does): they become `[UNK]`.
const MAX_WORD_CHARS: usize = 100;

pub struct Tokenizer {
    vocab: HashMap<&'static str, u32>,
    pub unk: u32,
    pub cls: u32,
    pub sep: u32,
}

impl Tokenizer {
    /// From the tokens in id order; `None` without `[UNK]`, `[CLS]` or `[SEP]`.
    pub fn new(tokens: impl Iterator<Item = &'static str>) -> Option<Tokenizer> {
        let vocab: HashMap<&'static str, u32> = tokens.zip(0..).collect();
        Some(Tokenizer {
            unk: *vocab.get("[UNK]")?,
            cls: *vocab.get("[CLS]")?,
            sep: *vocab.get("[SEP]")?,
            vocab,
        })
    }

    /// Whether the vocabulary has this (lowercase) word whole, as one token.
    pub fn is_word(&self, word: &str) -> bool {
        self.vocab.contains_key(word)
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
                    self.vocab.get(piece.as_str()).map(|&id| (id, end))
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
