//! Which editions of a vendor's documents answer: the vendors publish the same table in several
//! editions, languages and platform pages. By default a code is shown once per vendor and
//! product, from the newest edition in the reader's language (English where it has none), with
//! an older or other edition's text only where it says something else; a platform's own
//! numbering (Agora Web's) shows separately, labelled. `--all-editions` shows every row.

use rustc_hash::FxHashMap;

use crate::catalogue::words::{is_stop_word, stem, words};
use crate::catalogue::{Catalogue, Entry, Source};

/// The reader's preferences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editions {
    /// `en` or `zh`.
    pub language: String,
    /// `--platform`: that platform's numbering (and the documents for all platforms).
    pub platform: Option<String>,
    /// `--all-editions`: every edition's entry, as it is.
    pub all: bool,
}

impl Editions {
    /// Every edition (what a library caller gets unless it asks otherwise).
    pub fn every() -> Self {
        Editions {
            language: "en".to_owned(),
            platform: None,
            all: true,
        }
    }

    /// One entry per vendor, product and code, in `language`.
    pub fn newest(language: &str) -> Self {
        Editions {
            language: language.to_owned(),
            platform: None,
            all: false,
        }
    }

    /// Whether it leaves any entry out: `--all-editions` without `--platform` keeps all.
    pub fn chooses(&self) -> bool {
        !self.all || self.platform.is_some()
    }

    /// Whether ranked search shows one hit for the rows of one code that say nearly the same
    /// ([`say_nearly_the_same`]): unless every edition's entry is asked for.
    pub fn folds(&self) -> bool {
        !self.all
    }

    /// The entries to show of `entries` (in the order given: catalogue order or rank), each
    /// group of one vendor, product and code where its first entry stood.
    pub fn select<'a>(&self, catalogue: &Catalogue, entries: Vec<&'a Entry>) -> Vec<&'a Entry> {
        if !self.chooses() {
            return entries;
        }
        // Each source's edition date, once (a group's sort asks for it again and again).
        let dates: Vec<u32> = catalogue.sources().iter().map(edition_date).collect();
        let mut groups: Vec<Vec<&'a Entry>> = Vec::new();
        let mut at: FxHashMap<(&str, Option<&str>, i64), usize> = FxHashMap::default();
        for entry in entries {
            let source = catalogue.source_of(entry);
            let key = (&*source.vendor, source.product.as_deref(), entry.code);
            match at.get(&key) {
                Some(&i) => groups[i].push(entry),
                None => {
                    at.insert(key, groups.len());
                    groups.push(vec![entry]);
                }
            }
        }
        groups
            .into_iter()
            .flat_map(|group| self.choose(catalogue, &dates, group))
            .collect()
    }

    /// Of one vendor's entries for one code: the platform's, then the reader's language, newest
    /// first, each text once.
    fn choose<'a>(
        &self,
        catalogue: &Catalogue,
        dates: &[u32],
        group: Vec<&'a Entry>,
    ) -> Vec<&'a Entry> {
        if group.len() == 1 && self.platform.is_none() {
            return group;
        }
        let source = |e: &Entry| catalogue.source_of(e);
        let mut group = match &self.platform {
            Some(platform) => {
                let on = |e: &&Entry| source(e).platform.as_deref() == Some(platform.as_str());
                if group.iter().any(on) {
                    group.into_iter().filter(on).collect()
                } else {
                    group
                        .into_iter()
                        .filter(|e| source(e).platform.is_none())
                        .collect()
                }
            }
            None => group,
        };
        if self.all {
            return group;
        }
        let reads = |e: &&Entry, language: &str| {
            source(e).language.as_deref().is_none_or(|l| l == language)
        };
        for language in [self.language.as_str(), "en"] {
            if group.iter().any(|e| reads(e, language)) {
                group.retain(|e| reads(e, language));
                break;
            }
        }
        // Newest first: dated editions by date, then the others in catalogue order.
        group.sort_by_key(|e| std::cmp::Reverse(dates[e.source]));
        let mut shown: Vec<&'a Entry> = Vec::with_capacity(group.len());
        for entry in group {
            if !shown.iter().any(|s| say_the_same(s, entry)) {
                shown.push(entry);
            }
        }
        shown
    }
}

/// Whether two entries of one code say nearly the same of it, as the platform pages and editions
/// of one document word a code slightly differently ("Thread already exists." and "Thread already
/// exists under this message ID."): their descriptions share most of their words (stemmed, common
/// words aside), or the shorter one's words are nearly all in the longer one. Names are left out:
/// each platform names the code its own way.
pub fn say_nearly_the_same(a: &Entry, b: &Entry) -> bool {
    let (a, b) = (description_words(a), description_words(b));
    let (small, large) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if small.is_empty() {
        return false;
    }
    let shared = small.iter().filter(|w| large.contains(*w)).count();
    let union = a.len() + b.len() - shared;
    let jaccard = shared as f64 / union as f64;
    let containment = shared as f64 / small.len() as f64;
    jaccard >= NEARLY_THE_SAME || (small.len() >= 2 && containment >= CONTAINED)
}

/// The share of their words two descriptions share (of all the words either has) from which they
/// say nearly the same.
const NEARLY_THE_SAME: f64 = 0.5;
/// The share of the shorter description's words found in the longer one from which they say
/// nearly the same.
const CONTAINED: f64 = 0.8;

/// A description's distinct words, stemmed, common words aside.
fn description_words(entry: &Entry) -> Vec<String> {
    let mut out: Vec<String> = words(entry.description())
        .iter()
        .filter(|w| !is_stop_word(w))
        .map(|w| stem(w))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The date of a dated edition (`2025-11-29`), as a number that sorts; 0 for the others.
fn edition_date(source: &Source) -> u32 {
    let Some(edition) = source.edition.as_deref() else {
        return 0;
    };
    let digits: String = edition.chars().filter(char::is_ascii_digit).collect();
    let dated = edition.len() >= 10 && edition.as_bytes()[4] == b'-' && digits.len() >= 8;
    if dated {
        digits[..8].parse().unwrap_or(0)
    } else {
        0
    }
}

/// Whether two entries say the same of their code, for telling editions apart: their names
/// and descriptions, with case, spacing and closing full stops set aside.
fn say_the_same(a: &Entry, b: &Entry) -> bool {
    // Editions mostly copy a row as it is: the same bytes need no word-by-word look.
    if a.name() == b.name() && a.description() == b.description() {
        return true;
    }
    let (mut a, mut b) = (what_it_says(a), what_it_says(b));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if same_word(x, y) => {}
            _ => return false,
        }
    }
}

/// The words of an entry's name and description, the last without its full stops.
fn what_it_says(entry: &Entry) -> impl Iterator<Item = &str> {
    let mut words = (entry.name().unwrap_or_default().split_whitespace())
        .chain(entry.description().split_whitespace())
        .peekable();
    std::iter::from_fn(move || {
        let word = words.next()?;
        Some(match words.peek() {
            Some(_) => word,
            None => word.trim_end_matches(['.', '。']),
        })
    })
}

/// Two words alike but for case (byte by byte where both are ASCII: `list` compares every
/// entry of a group of editions).
fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    let lower = |word: &str| {
        word.chars()
            .flat_map(char::to_lowercase)
            .collect::<Vec<_>>()
    };
    a == b || lower(a) == lower(b)
}

/// The reader's language from the locale: LC_ALL, LC_MESSAGES, then LANG (the first set);
/// `zh` for a Chinese locale, else `en`.
pub fn language_from_env() -> &'static str {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(std::env::var_os)
        .find(|v| !v.is_empty());
    match locale {
        Some(v) if v.to_string_lossy().to_lowercase().starts_with("zh") => "zh",
        _ => "en",
    }
}
