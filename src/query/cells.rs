//! Whether a line says what the catalogue says of a code: how `scan` tells a row of a vendor's
//! table copied from its page (`6000106 Token 过期。 请调用 renewToken …`) from a numbered log
//! line (`105001 worker 3 finished job`), which no shape tells apart, and a short code whose
//! message is the SDK's (`Login failed, Code: 1, Description: SDK has not been initialized`)
//! from any API's `code: 1`.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::catalogue::words::{is_cjk, is_stop_word, stem, words};
use crate::catalogue::{Catalogue, Entry, Field};
use crate::query::semantic::glossary;
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

/// Words every log line and every description has, which tell no code from another: the keys
/// around a code (`code`, `msg`, `desc`, `reason`) and the words for failing.
const SAY_NOTHING: &[&str] = &[
    "code",
    "codes",
    "desc",
    "description",
    "err",
    "error",
    "errors",
    "fail",
    "failed",
    "failure",
    "msg",
    "message",
    "reason",
    "result",
    "status",
    "type",
    // The same in Chinese, as pairs of characters: 错误码, 报错, 失败, 返回, 提示, 信息.
    "错误",
    "误码",
    "报错",
    "失败",
    "返回",
    "提示",
    "信息",
    "原因",
];

/// The words of a text as a message is compared with a description (`Cells::tell`): the
/// compared words that say something, stemmed, so that "logged" meets "log" and "used" "use".
fn told_words(words: &FxHashSet<String>) -> FxHashSet<String> {
    words
        .iter()
        .filter(|w| !SAY_NOTHING.contains(&w.as_str()))
        .map(|w| stem(w))
        .collect()
}

/// Up to `limit` bytes of `text` from its start (`from_end`: from its end), not cut inside a
/// UTF-8 character.
fn within(text: &[u8], limit: usize, from_end: bool) -> &[u8] {
    if text.len() <= limit {
        return text;
    }
    if from_end {
        let mut start = text.len() - limit;
        while start < text.len() && text[start] & 0xc0 == 0x80 {
            start += 1;
        }
        &text[start..]
    } else {
        let mut end = limit;
        while end > 0 && text[end] & 0xc0 == 0x80 {
            end -= 1;
        }
        &text[..end]
    }
}

/// The rest of a row after its number (or a line around its code), read once for all the
/// entries of the number.
pub struct Cells {
    text: String,
    lower: String,
    words: FxHashSet<String>,
    /// The words as `tell` compares them.
    told: FxHashSet<String>,
    /// The text holds a CJK character.
    chinese: bool,
}

impl Cells {
    pub fn new(rest: &[u8]) -> Self {
        Self::of(&String::from_utf8_lossy(within(rest, CELLS_READ, false)))
    }

    /// A line around a code: what stands before and after its digits, the digits left out.
    pub fn around(line: &[u8], digits: std::ops::Range<usize>) -> Self {
        let half = CELLS_READ / 2;
        let before = String::from_utf8_lossy(within(&line[..digits.start], half, true));
        let after = String::from_utf8_lossy(within(&line[digits.end..], half, false));
        Self::of(&format!("{before} {after}"))
    }

    fn of(text: &str) -> Self {
        let mut words = compared_words(text);
        let chinese = text.chars().any(is_cjk);
        // Chinese is read in English too, by our glossary: the vendors document Agora Chat's
        // and Tencent's codes in English only (`提示错误码 207` after `用户的账号被从服务器端删除`,
        // "the user's account was deleted", is Agora Chat's 207, a user removed).
        if chinese {
            for english in glossary::english(text).words {
                words.extend(compared_words(english));
            }
        }
        Cells {
            text: text.to_owned(),
            lower: text.to_ascii_lowercase(),
            told: told_words(&words),
            words,
            chinese,
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

    /// Whether a line tells what the entry means, in the words of an SDK's message rather than
    /// a table's: its name or an SDK's name of it as a word, or `needed` words or more (stemmed;
    /// not `error`, `code`, `message` and such, which every line has) of its description and
    /// its name. No share of the description is asked for: an SDK's message is shorter than
    /// the document's description (`the user is already logged on another device` against
    /// `User logged in on another device. Forces logout on current device if …`).
    ///
    /// `ours` are the pairs of characters of chaterr's own Chinese words for the entry's concept
    /// ([`ours_in_chinese`]): a Chinese line is read against them too, since the vendors
    /// document Agora Chat's and Tencent's server codes in English only (`用户在另一设备登录，…
    /// 提示错误码 206` is Agora Chat's 206, a login on another device). A Chinese line's words
    /// hold its English by our glossary too (`Cells::of`).
    pub fn tell(&self, entry: &Entry, needed: usize, ours: &FxHashSet<String>) -> bool {
        self.tell_meaning(entry, needed, &meaning(entry, &described(entry), ours))
    }

    /// [`Cells::tell`] with the entry's [`meaning`] worked out before: a log that reports the
    /// same code on many lines reads each line against the same words.
    pub fn tell_meaning(&self, entry: &Entry, needed: usize, meaning: &FxHashSet<String>) -> bool {
        self.say(entry, None) || self.told.iter().filter(|w| meaning.contains(*w)).count() >= needed
    }

    /// Whether the cells tell every one of `words` (as [`Cells::tell`] reads them).
    pub fn tell_all(&self, words: &FxHashSet<String>) -> bool {
        words.iter().all(|w| self.told.contains(w))
    }

    /// Whether the text read holds a CJK character (at most `CELLS_READ` bytes of the line, so
    /// that a long line's every code costs no more than a short one's).
    pub fn has_chinese(&self) -> bool {
        self.chinese
    }

    /// Whether `name` stands in the cells as a word of its own, in any case. A name in capitals
    /// may run on into a capitalised word, as a table's cells do where a page lost the space
    /// between them (`108TOKEN_EXPIREDThe token has expired.`).
    fn has_word(&self, name: &str) -> bool {
        let capitals = !name.bytes().any(|b| b.is_ascii_lowercase());
        let name = name.to_ascii_lowercase();
        let bytes = self.lower.as_bytes();
        let text = self.text.as_bytes();
        self.lower.match_indices(&name).any(|(at, _)| {
            let end = at + name.len();
            let word_before = at > 0 && is_word_byte(bytes[at - 1]);
            let next_cell = capitals
                && text.get(end).is_some_and(u8::is_ascii_uppercase)
                && text.get(end + 1).is_some_and(u8::is_ascii_lowercase)
                && text[at..end].iter().all(|b| !b.is_ascii_lowercase());
            let word_after = bytes.get(end).is_some_and(|&b| is_word_byte(b)) && !next_cell;
            !word_before && !word_after
        })
    }
}

/// A pair of Chinese characters found in our words of more than this many concepts (of 267)
/// says nothing of any one of them: 测试, 失败, 用户, 登录, 消息, 服务 …
const GENERIC_CONCEPTS: usize = 5;

/// The Chinese words (pairs of characters, and characters standing alone) of some texts, as
/// `Cells::tell` compares them.
fn chinese_words<'t>(texts: impl IntoIterator<Item = &'t str>) -> FxHashSet<String> {
    texts
        .into_iter()
        .flat_map(|text| told_words(&compared_words(text)))
        .filter(|w| w.chars().all(is_cjk))
        .collect()
}

/// chaterr's own Chinese words for a concept (its Chinese title and the Chinese sentences of
/// `codes/ours/words`) as `Cells::tell` reads them: their pairs of characters but those of
/// more than `GENERIC_CONCEPTS` concepts. Our English is not read this way: it says what users
/// say, and the vendors' English is there.
pub fn ours_in_chinese(catalogue: &Catalogue, concept: &str) -> FxHashSet<String> {
    // Our words are the embedded catalogue's: the same for every catalogue, counted once.
    static GENERIC: OnceLock<FxHashSet<String>> = OnceLock::new();
    let generic = GENERIC.get_or_init(|| {
        let mut counts: FxHashMap<String, usize> = FxHashMap::default();
        for c in catalogue.concepts() {
            for pair in chinese_words(catalogue.concept_words_zh(&c.id)) {
                *counts.entry(pair).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .filter(|&(_, n)| n > GENERIC_CONCEPTS)
            .map(|(pair, _)| pair)
            .collect()
    });
    let mut ours = chinese_words(catalogue.concept_words_zh(concept));
    ours.retain(|pair| !generic.contains(pair));
    ours
}

/// The words a line may tell an entry by ([`Cells::tell`]): those of its description
/// (`description`, as [`described`] gives them) and its name, stemmed, and `ours`, the pairs of
/// characters of our Chinese words for its problem.
pub fn meaning(
    entry: &Entry,
    description: &FxHashSet<String>,
    ours: &FxHashSet<String>,
) -> FxHashSet<String> {
    let mut meaning = description.clone();
    if let Some(name) = entry.text(Field::Name) {
        meaning.extend(told_words(&compared_words(name)));
    }
    meaning.extend(ours.iter().cloned());
    meaning
}

/// The words of an entry's description as a line may tell them ([`Cells::tell`]): those of
/// [`meaning`] without its name's and ours.
pub fn described(entry: &Entry) -> FxHashSet<String> {
    entry
        .text(Field::Description)
        .map(|text| told_words(&compared_words(text)))
        .unwrap_or_default()
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
    fn our_chinese_words_leave_out_what_many_problems_share() {
        let catalogue = Catalogue::embedded();
        let ours = ours_in_chinese(&catalogue, "kicked_offline");
        // Its own: 被踢, 踢下, 下线, 强制; not 测试 (every concept's 【测试】), 用户, 登录 or
        // 设备, which more than five concepts' words hold.
        for pair in ["被踢", "踢下", "下线", "强制"] {
            assert!(ours.contains(pair), "{pair}");
        }
        for pair in ["测试", "用户", "登录", "设备"] {
            assert!(!ours.contains(pair), "{pair}");
        }
        assert!(ours.iter().all(|w| w.chars().all(is_cjk)));
        assert!(ours_in_chinese(&catalogue, "no_such_concept").is_empty());
    }

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
