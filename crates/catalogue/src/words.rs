//! Words: splitting text into search terms, and how far apart two words are.

/// Lowercased words of a text: runs of letters and digits. `USER_NOT_LOGIN` and
/// `renewToken` both split into words, so a name is found by the words it is made of; a run of
/// Chinese (or Japanese, Korean) characters, written without spaces, gives its characters and
/// their bigrams ("过期了" → 过, 期, 了, 过期, 期了), so that Chinese text matches Chinese text.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, &mut String::new(), |word, compound| {
        if !compound {
            out.push(word.to_owned());
        }
    });
    out
}

/// Whether a character is written without spaces between words: CJK ideographs, kana, hangul.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{2ffff}')
}

/// Calls `f` with each lowercased word of `text`, as [`words`] splits them, then (with `true`)
/// each camelCase word whole, as [`compounds`] gives them: the allocation-free form search uses.
pub fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str, bool)) {
    if text.is_ascii() {
        ascii_words(text, buf, &mut f);
    } else {
        any_words(text, buf, &mut f);
    }
}

/// [`for_each_word`] of ASCII text, byte by byte: what a user's catalogue of 100,000 entries
/// mostly is, which search reads word by word.
fn ascii_words(text: &str, buf: &mut String, f: &mut impl FnMut(&str, bool)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let run = &text[start..i];
        if (run == "t" || run == "T") && negation_before(text, run) {
            f("not", false);
            continue;
        }
        // Its camelCase parts, then the whole if it had any (as [`latin_run`]).
        let (mut part, mut prev_lower, mut camel) = (0, false, false);
        for (j, b) in run.bytes().enumerate() {
            if b.is_ascii_uppercase() && prev_lower {
                camel = true;
                ascii_lowercase(&run[part..j], buf, f, false);
                part = j;
            }
            prev_lower = b.is_ascii_lowercase();
        }
        ascii_lowercase(&run[part..], buf, f, false);
        if camel {
            ascii_lowercase(run, buf, f, true);
        }
    }
}

fn ascii_lowercase(word: &str, buf: &mut String, f: &mut impl FnMut(&str, bool), compound: bool) {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        buf.clear();
        buf.push_str(word);
        buf.make_ascii_lowercase();
        f(buf, compound);
    } else {
        f(word, compound);
    }
}

/// [`for_each_word`] of any text.
fn any_words(text: &str, buf: &mut String, f: &mut impl FnMut(&str, bool)) {
    for run in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|r| !r.is_empty())
    {
        // The "t" of "doesn't" is the negation: "not", as search reads "doesn't" in a query.
        if (run == "t" || run == "T") && negation_before(text, run) {
            f("not", false);
            continue;
        }
        if run.is_ascii() || !run.chars().any(is_cjk) {
            latin_run(run, buf, f);
            continue;
        }
        // CJK and other letters mixed ("报错6012", "userSig过期"): each part its own way.
        let mut start = 0;
        let mut chars = run.char_indices().peekable();
        while let Some((_, c)) = chars.next() {
            let cjk = is_cjk(c);
            let next_differs = chars.peek().is_none_or(|&(_, n)| is_cjk(n) != cjk);
            if next_differs {
                let end = chars.peek().map_or(run.len(), |&(n, _)| n);
                let part = &run[start..end];
                if cjk {
                    bigrams(part, f);
                } else {
                    latin_run(part, buf, f);
                }
                start = end;
            }
        }
    }
}

/// Whether `run`, a part of `text`, follows "n'" (or "n’"): the "t" of "isn't".
fn negation_before(text: &str, run: &str) -> bool {
    let start = run.as_ptr() as usize - text.as_ptr() as usize;
    let before = &text[..start];
    ["n'", "n\u{2019}", "N'"]
        .iter()
        .any(|n| before.ends_with(n))
}

/// A run of CJK characters: each character, then each pair of neighbours.
fn bigrams(part: &str, f: &mut impl FnMut(&str, bool)) {
    let ends: Vec<usize> = part
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(part.len()))
        .collect();
    for w in ends.windows(2) {
        f(&part[w[0]..w[1]], false);
    }
    for w in ends.windows(3) {
        f(&part[w[0]..w[2]], false);
    }
}

/// A run of letters and digits outside CJK: its camelCase parts, then the whole if it had any.
fn latin_run(run: &str, buf: &mut String, f: &mut impl FnMut(&str, bool)) {
    let mut camel = false;
    let mut start = 0;
    let mut prev_lower = false;
    for (i, c) in run.char_indices() {
        if c.is_uppercase() && prev_lower {
            camel = true;
            emit_lowercase(&run[start..i], buf, f, false);
            start = i;
        }
        prev_lower = c.is_lowercase();
    }
    emit_lowercase(&run[start..], buf, f, false);
    if camel {
        emit_lowercase(run, buf, f, true);
    }
}

fn emit_lowercase(word: &str, buf: &mut String, f: &mut impl FnMut(&str, bool), compound: bool) {
    buf.clear();
    if !word.is_ascii() {
        buf.extend(word.chars().flat_map(char::to_lowercase));
        f(buf, compound);
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        buf.push_str(word);
        buf.make_ascii_lowercase();
        f(buf, compound);
    } else {
        f(word, compound);
    }
}

/// CamelCase words whole ("UserSig" → "usersig"), which [`words`] splits: people type both.
pub fn compounds(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, &mut String::new(), |word, compound| {
        if compound {
            out.push(word.to_owned());
        }
    });
    out
}

/// Words that say nothing about which code is meant: articles, pronouns, auxiliary verbs,
/// the commonest prepositions. "not" and "no" are not among them: they decide. Looked up by
/// length first: search asks this of every word of every entry it reads.
pub fn is_stop_word(word: &str) -> bool {
    // Each word's bytes as one number: a word is compared in one instruction, not by memcmp.
    let bytes = word.as_bytes();
    if bytes.len() > 6 {
        return false;
    }
    let mut eight = [0u8; 8];
    eight[..bytes.len()].copy_from_slice(bytes);
    let packed = u64::from_le_bytes(eight);
    let of_its_length: &[u64] = match bytes.len() {
        1 => &STOP_1,
        2 => &STOP_2,
        3 => &STOP_3,
        4 => &STOP_4,
        5 => &STOP_5,
        6 => &STOP_6,
        _ => return false,
    };
    of_its_length.contains(&packed)
}

const STOP_1: [u64; 2] = packed(["a", "i"]);
const STOP_2: [u64; 21] = packed([
    "am", "an", "as", "at", "be", "by", "do", "he", "if", "in", "is", "it", "me", "my", "of", "on",
    "or", "so", "to", "us", "we",
]);
const STOP_3: [u64; 16] = packed([
    "and", "are", "can", "did", "for", "has", "her", "him", "his", "its", "may", "our", "she",
    "the", "was", "you",
]);
const STOP_4: [u64; 14] = packed([
    "been", "does", "from", "have", "must", "that", "them", "they", "this", "were", "when", "will",
    "with", "your",
]);
const STOP_5: [u64; 6] = packed(["being", "could", "might", "their", "which", "would"]);
const STOP_6: [u64; 1] = packed(["should"]);

/// Words of up to eight bytes, each as the little-endian number of its bytes, zero-padded.
const fn packed<const N: usize>(words: [&str; N]) -> [u64; N] {
    let mut out = [0u64; N];
    let mut i = 0;
    while i < N {
        let bytes = words[i].as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            out[i] |= (bytes[j] as u64) << (8 * j);
            j += 1;
        }
        i += 1;
    }
    out
}

/// A light English stemmer: enough that "requests", "requested" and "request" meet, and
/// "expired"/"expires"/"expire" meet, without the surprises of a full Porter stemmer.
pub fn stem(word: &str) -> String {
    if word.len() <= 3 || word.bytes().any(|b| b.is_ascii_digit()) {
        return word.to_owned();
    }
    for (suffix, replacement) in [
        ("ies", "y"),
        ("ied", "y"),
        ("sses", "ss"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ] {
        if let Some(root) = word.strip_suffix(suffix) {
            if suffix == "s" && (root.ends_with('s') || root.ends_with('u') || root.ends_with('i'))
            {
                continue;
            }
            if root.len() >= 3 {
                let mut root = format!("{root}{replacement}");
                // "logged" → "logg" → "log"; "expired" → "expir", matched with "expire" below.
                let bytes = root.as_bytes();
                let n = bytes.len();
                if replacement.is_empty()
                    && n >= 2
                    && bytes[n - 1] == bytes[n - 2]
                    && bytes[n - 1] != b's'
                    && bytes[n - 1] != b'l'
                {
                    root.pop();
                }
                return trim_e(root);
            }
        }
    }
    trim_e(word.to_owned())
}

/// "expire" and "expir" (from "expired") become one stem.
fn trim_e(mut root: String) -> String {
    if root.len() > 4 && root.ends_with('e') {
        root.pop();
    }
    root
}

/// Damerau-Levenshtein distance (adjacent transpositions count 1), or `None` past `limit`.
/// Ranked search calls this for every distinct word against every query word, so it rejects
/// cheaply first: by length, then by the letters one word has and the other lacks.
pub fn distance(a: &str, b: &str, limit: usize) -> Option<usize> {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > limit {
        return None;
    }
    // Each edit changes the set of letters by at most two.
    let letters = |s: &str| s.chars().fold(0u64, |m, c| m | 1 << (c as u32 % 64));
    if (letters(a) ^ letters(b)).count_ones() as usize > 2 * limit {
        return None;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut prev2 = vec![0usize; width];
    let mut prev: Vec<usize> = (0..width).collect();
    let mut row = vec![0usize; width];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut value = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = value.min(prev2[j - 2] + 1);
            }
            row[j] = value;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    let d = prev[b.len()];
    (d <= limit).then_some(d)
}

/// How many typos a word of this length may carry and still match.
pub fn typo_budget(word: &str) -> usize {
    match word.chars().count() {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The candidate nearest to `word` within its typo budget (at least 1, plus prefixes), if any.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = typo_budget(word).max(1) + usize::from(word.len() >= 5);
    candidates
        .into_iter()
        .filter_map(|c| {
            let lower = c.to_lowercase();
            let d = distance(word, &lower, limit)
                .or_else(|| (lower.starts_with(word) && word.len() >= 2).then_some(limit));
            d.map(|d| (d, c))
        })
        .min_by_key(|&(d, c)| (d, c.len()))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_snake_camel_and_punctuation() {
        assert_eq!(words("USER_NOT_LOGIN"), ["user", "not", "login"]);
        assert_eq!(
            words("call renewToken, then"),
            ["call", "renew", "token", "then"]
        );
        assert_eq!(words("0x20-0x7e"), ["0x20", "0x7e"]);
    }

    #[test]
    fn chinese_runs_give_characters_and_bigrams_and_keep_codes_apart() {
        assert_eq!(
            words("令牌过期"),
            ["令", "牌", "过", "期", "令牌", "牌过", "过期"]
        );
        assert_eq!(words("报错6012"), ["报", "错", "报错", "6012"]);
        assert_eq!(words("userSig过期"), ["user", "sig", "过", "期", "过期"]);
        assert_eq!(words("群"), ["群"]);
    }

    #[test]
    fn the_t_of_a_negation_is_not() {
        assert_eq!(
            words("user doesn't exist"),
            ["user", "doesn", "not", "exist"]
        );
        assert_eq!(words("can’t T-shirt"), ["can", "not", "t", "shirt"]);
    }

    #[test]
    fn compounds_keep_camel_case_words_whole() {
        assert_eq!(
            compounds("UserSig has expired; renewToken"),
            ["usersig", "renewtoken"]
        );
        assert!(compounds("USER_NOT_LOGIN token").is_empty());
    }

    /// ASCII text is read byte by byte: the same words as reading it character by character,
    /// for every text of the catalogue and for the edges of the rules (camelCase, capitals,
    /// "doesn't", digits, punctuation).
    #[test]
    fn ascii_text_gives_the_words_any_text_gives() {
        let read = |text: &str, fast: bool| {
            let mut out = Vec::new();
            let mut push = |w: &str, compound: bool| out.push((w.to_owned(), compound));
            if fast {
                ascii_words(text, &mut String::new(), &mut push);
            } else {
                any_words(text, &mut String::new(), &mut push);
            }
            out
        };
        let mut texts: Vec<String> = [
            "",
            "t",
            "T",
            "doesn't",
            "DOESN'T",
            "isn'T",
            "don't t",
            "a't",
            "renewToken",
            "HTTPServer",
            "ERR_SDK_NOT_LOGGED_IN",
            "userSigExpired2",
            "v2TIMManager",
            "aB",
            "Ab",
            "AB",
            "ab12Cd",
            "--x--",
            "6000103",
            "code=6014,desc:USER_NOT_LOGIN",
            "  spaced   out  ",
            "a\tb\nc",
        ]
        .iter()
        .map(|t| (*t).to_owned())
        .collect();
        // The catalogue's own lines, where the repository is beside the crate (the workspace).
        let codes = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../codes");
        let beside = codes.is_dir();
        let mut dirs = vec![codes];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    texts.extend(text.lines().filter(|l| l.is_ascii()).map(str::to_owned));
                }
            }
        }
        assert!(
            !beside || texts.len() > 10_000,
            "{} texts read",
            texts.len()
        );
        for text in &texts {
            assert_eq!(read(text, true), read(text, false), "{text:?}");
        }
    }

    #[test]
    fn stop_words_are_the_small_words() {
        assert!(is_stop_word("the") && is_stop_word("your"));
        assert!(!is_stop_word("token") && !is_stop_word("not") && !is_stop_word("no"));
        // Words read as numbers: no word matches by a prefix, a padding byte or its length.
        for word in ["should", "would", "am", "a", "i", "with"] {
            assert!(is_stop_word(word), "{word}");
        }
        for word in [
            "", "shoulder", "shoul", "th", "thee", "a\0", "an\0", "wit", "ab", "z",
        ] {
            assert!(!is_stop_word(word), "{word:?}");
        }
    }

    #[test]
    fn stems_meet() {
        assert_eq!(stem("requests"), stem("request"));
        assert_eq!(stem("expired"), stem("expire"));
        assert_eq!(stem("expires"), stem("expire"));
        assert_eq!(stem("logged"), stem("log"));
        assert_eq!(stem("kicked"), stem("kick"));
        assert_eq!(stem("limits"), stem("limit"));
        assert_eq!(stem("status"), "status");
    }

    #[test]
    fn distance_counts_transpositions_once() {
        assert_eq!(distance("token", "tokne", 2), Some(1));
        assert_eq!(distance("expierd", "expired", 2), Some(1));
        assert_eq!(distance("abc", "xyz", 1), None);
    }

    #[test]
    fn closest_suggests_within_budget() {
        assert_eq!(closest("zeg", ["zego", "tencent", "agora"]), Some("zego"));
        assert_eq!(
            closest("tencnet", ["zego", "tencent", "agora"]),
            Some("tencent")
        );
        assert_eq!(closest("xyz", ["zego", "tencent", "agora"]), None);
    }
}
