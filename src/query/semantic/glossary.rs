//! Chinese put in English for the sentence model, which reads English only. A run of Chinese
//! is read from its start: the longest of our terms that starts there (codes/ours/zh-en-terms.tsv,
//! written by hand: the words people use for a chat app's things and troubles, `被踢下线`
//! "kicked offline", `发不出去` "cannot send", in the vendors' English) gives its English; between
//! terms, each character bigram that the learned glossary has (models/zh-en-glossary.tsv,
//! learned by scripts/semantic/glossary.py from texts that say the same in both languages:
//! ZEGO's two editions of one code, a Tencent symbol's Chinese comment and its code's English
//! text, our own words for a concept in both) gives its English word. Both are ours, not the
//! vendors': what they give only steers the model, and `--explain` shows it as chaterr's.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use chaterr_catalogue::words::is_cjk;

/// The committed glossary: a header of `#` lines, then `bigram\tenglish\tscore\tpairs`.
const GLOSSARY: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/models/zh-en-glossary.tsv"
));

/// Our terms: a header of `#` lines, then `term\tenglish`.
const TERMS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/codes/ours/zh-en-terms.tsv"
));

/// The longest term, in characters.
const TERM_CHARACTERS: usize = 8;

/// The first two tab-separated fields of each line but `#` lines.
fn pairs(table: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    table
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            Some((fields.next()?, fields.next()?))
        })
}

fn glossary() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| pairs(GLOSSARY).collect())
}

fn terms() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| pairs(TERMS).collect())
}

/// What the glossary makes of a query's Chinese.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct English {
    /// The text with each run of CJK characters replaced by the English of its terms and
    /// bigrams (what was given earlier in the text not again), and full-width punctuation by
    /// blanks.
    pub text: String,
    /// The English given (a term's may be several words), each once, in the order first met.
    pub words: Vec<&'static str>,
    /// How many of its CJK characters stand in a term or a bigram the glossary has.
    pub covered: usize,
    /// How many CJK characters it has.
    pub characters: usize,
}

/// The text as the model can read it: its Chinese in English, by the glossary.
pub fn english(text: &str) -> English {
    let mut out = English {
        text: String::with_capacity(text.len()),
        ..English::default()
    };
    let mut run: Vec<(usize, char)> = Vec::new();
    for (at, c) in text.char_indices() {
        if is_cjk(c) {
            run.push((at, c));
            continue;
        }
        read_run(text, &mut run, &mut out);
        let wide = matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}');
        out.text.push(if wide { ' ' } else { c });
    }
    read_run(text, &mut run, &mut out);
    out
}

/// The English of one run of CJK characters (byte offset and character each), added to `out`;
/// the run is emptied. From each character, the longest term that starts there; the characters
/// between terms by their bigrams.
fn read_run(text: &str, run: &mut Vec<(usize, char)>, out: &mut English) {
    if run.is_empty() {
        return;
    }
    let terms = terms();
    out.characters += run.len();
    out.text.push(' ');
    let span = |from: usize, to: usize| -> &str {
        let (last, c) = run[to - 1];
        &text[run[from].0..last + c.len_utf8()]
    };
    let (mut at, mut between) = (0, 0);
    while at < run.len() {
        let longest = (2..=TERM_CHARACTERS.min(run.len() - at))
            .rev()
            .find_map(|n| terms.get(span(at, at + n)).map(|&english| (n, english)));
        let Some((n, english)) = longest else {
            at += 1;
            continue;
        };
        read_bigrams(text, &run[between..at], out);
        out.covered += n;
        give(english, out);
        at += n;
        between = at;
    }
    read_bigrams(text, &run[between..], out);
    run.clear();
}

/// The English of the bigrams of characters no term read.
fn read_bigrams(text: &str, run: &[(usize, char)], out: &mut English) {
    let glossary = glossary();
    let mut covered = vec![false; run.len()];
    for i in 1..run.len() {
        let (start, _) = run[i - 1];
        let (last, c) = run[i];
        let Some(&word) = glossary.get(&text[start..last + c.len_utf8()]) else {
            continue;
        };
        covered[i - 1] = true;
        covered[i] = true;
        give(word, out);
    }
    out.covered += covered.iter().filter(|&&c| c).count();
}

/// English for the model, unless given before.
fn give(english: &'static str, out: &mut English) {
    if !out.words.contains(&english) {
        out.words.push(english);
        out.text.push_str(english);
        out.text.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_words_come_out_in_english() {
        let read = english("撤回消息失败");
        assert_eq!(read.words, ["recall", "message", "failed"]);
        assert_eq!((read.covered, read.characters), (6, 6));
        assert_eq!(english("好友").words, ["friend"]);
        assert_eq!(english("群主").words, ["group owner"]);
        // A term, then characters no term reads, by their bigrams (`为空` "empty"), then a term.
        let read = english("被踢下线后为空参数");
        assert_eq!(read.words, ["kicked offline", "empty", "parameter"]);
        assert_eq!((read.covered, read.characters), (8, 9));
    }

    #[test]
    fn runs_are_read_apart_and_the_rest_left_out() {
        // The bigram across the blank (期消) is no bigram; Latin words are not the glossary's.
        let read = english("token 过期 消息 abc");
        assert_eq!(read.words, ["expired", "message"]);
        assert_eq!(read.characters, 4);
        assert_eq!(read.text, "token  expired   message  abc");
        let plain = english("no chinese here");
        assert_eq!(
            (plain.text.as_str(), plain.characters),
            ("no chinese here", 0)
        );
    }

    #[test]
    fn our_terms_are_chinese_words_put_in_a_few_english_words() {
        let mut seen = std::collections::HashSet::new();
        for (term, given) in pairs(TERMS) {
            let characters = term.chars().count();
            assert!(
                term.chars().all(is_cjk) && (2..=TERM_CHARACTERS).contains(&characters),
                "{term:?}: a term is 2 to {TERM_CHARACTERS} CJK characters"
            );
            let words = given.split(' ').collect::<Vec<_>>();
            assert!(
                (1..=4).contains(&words.len())
                    && words.iter().all(|w| {
                        !w.is_empty()
                            && w.bytes()
                                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    }),
                "{term:?}: {given:?} is not 1 to 4 lowercase English words"
            );
            assert!(seen.insert(term), "{term:?} is in the terms twice");
            // A term alone is read as its English, whole.
            let read = english(term);
            assert_eq!(read.words, [given], "{term:?}");
            assert_eq!(read.covered, characters, "{term:?}");
        }
        assert!(seen.len() >= 300, "{} terms", seen.len());
    }

    #[test]
    fn the_glossary_is_that_of_the_files_it_was_learned_from() {
        use sha2::{Digest, Sha256};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        // The files scripts/semantic/glossary.py reads, in its order.
        let mut files: Vec<String> = [
            "zego-zim-en",
            "zego-zim-zh",
            "zego-server-en",
            "zego-server-zh",
            "zego-zpns-en",
            "zego-zpns-zh",
            "tencent-chat",
            "tencent-im",
        ]
        .iter()
        .map(|name| format!("codes/{name}.toml"))
        .collect();
        files.push("codes/symbols/tencent.toml".to_owned());
        let mut ours: Vec<String> = std::fs::read_dir(root.join("codes/ours/words"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.ends_with(".toml"))
            .map(|name| format!("codes/ours/words/{name}"))
            .collect();
        ours.sort();
        files.extend(ours);
        let mut digest = Sha256::new();
        for file in &files {
            digest.update(file.as_bytes());
            digest.update([0]);
            digest.update(std::fs::read(root.join(file)).unwrap());
            digest.update([0]);
        }
        let hash: String = digest
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let recorded = GLOSSARY
            .lines()
            .next()
            .and_then(|line| line.strip_prefix("# inputs-sha256\t"))
            .expect("the glossary's first line holds its inputs' hash");
        assert_eq!(
            recorded, hash,
            "the glossary's inputs changed: run python3 scripts/semantic/glossary.py"
        );
    }
}
