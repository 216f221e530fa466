//! Which editions of a vendor's documents answer: the vendors publish the same table in several
//! editions, languages and platform pages. By default a code is shown once per vendor and
//! product, from the newest edition in the reader's language (English where it has none), with
//! an older or other edition's text only where it says something else; a platform's own
//! numbering (Agora Web's) shows separately, labelled. `--all-editions` shows every row.

use crate::catalogue::words::{is_stop_word, stem, words};
use crate::catalogue::{Catalogue, Entry, Field, Key, Source};

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
    pub fn select<'a, R: Row<'a>>(&self, catalogue: &'a Catalogue, entries: Vec<R>) -> Vec<R> {
        if !self.chooses() {
            return entries;
        }
        let sources = catalogue.sources();
        // Each source's edition date, once (a group's sort asks for it again and again).
        let dates: Vec<u32> = sources.iter().map(edition_date).collect();
        // Each source's vendor and product, as the first source with the same.
        let family: Vec<usize> = (sources.iter())
            .map(|s| {
                (sources.iter())
                    .position(|t| t.vendor == s.vendor && t.product == s.product)
                    .unwrap_or_default()
            })
            .collect();
        let keys: Vec<(usize, i64)> = (entries.iter())
            .map(|e| e.key(catalogue))
            .map(|key| (family[key.source], key.code))
            .collect();
        // The positions grouped by vendor, product and code; a stable sort keeps each group's
        // entries in the order given, its first where the group stood.
        let mut order: Vec<usize> = (0..entries.len()).collect();
        order.sort_by_key(|&at| keys[at]);
        let mut groups: Vec<&[usize]> = order.chunk_by(|&a, &b| keys[a] == keys[b]).collect();
        groups.sort_unstable_by_key(|group| group[0]);
        let mut shown = Vec::with_capacity(groups.len());
        for group in groups {
            let group = group.iter().map(|&at| entries[at]);
            self.choose(catalogue, &dates, group, &mut shown);
        }
        shown
    }

    /// Of one vendor's entries for one code (in the order given): the platform's, then the
    /// reader's language, newest first, each text once, added to `shown`.
    fn choose<'a, R: Row<'a>>(
        &self,
        catalogue: &'a Catalogue,
        dates: &[u32],
        group: impl ExactSizeIterator<Item = R>,
        shown: &mut Vec<R>,
    ) {
        if group.len() == 1 && self.platform.is_none() {
            shown.extend(group);
            return;
        }
        let source = |e: &R| &catalogue.sources()[e.key(catalogue).source];
        let mut group: Vec<R> = group.collect();
        if let Some(platform) = &self.platform {
            let on = |e: &R| source(e).platform.as_deref() == Some(platform.as_str());
            if group.iter().any(on) {
                group.retain(on);
            } else {
                group.retain(|e| source(e).platform.is_none());
            }
        }
        if self.all {
            shown.extend(group);
            return;
        }
        let reads =
            |e: &R, language: &str| source(e).language.as_deref().is_none_or(|l| l == language);
        for language in [self.language.as_str(), "en"] {
            if group.iter().any(|e| reads(e, language)) {
                group.retain(|e| reads(e, language));
                break;
            }
        }
        // Newest first: dated editions by date, then the others in catalogue order.
        group.sort_by_key(|e| std::cmp::Reverse(dates[e.key(catalogue).source]));
        let first = shown.len();
        for entry in group {
            let says = entry.says(catalogue);
            if !(shown[first..].iter()).any(|s| say_the_same(s.says(catalogue), says)) {
                shown.push(entry);
            }
        }
    }
}

/// What the choice of editions reads of an entry: its key (source and code), name and
/// description. An entry, or the catalogue's entry at an index ([`At`]), read without building it.
pub trait Row<'a>: Copy {
    fn key(&self, catalogue: &'a Catalogue) -> Key;
    /// Its name and description.
    fn says(&self, catalogue: &'a Catalogue) -> (Option<&'a str>, &'a str);
}

impl<'a> Row<'a> for &'a Entry {
    fn key(&self, _: &'a Catalogue) -> Key {
        Entry::key(self)
    }

    fn says(&self, _: &'a Catalogue) -> (Option<&'a str>, &'a str) {
        (self.name(), self.description())
    }
}

/// The catalogue's entry at an index, for choosing editions among entries not yet built: `list`
/// builds only those it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct At(pub usize);

impl<'a> Row<'a> for At {
    fn key(&self, catalogue: &'a Catalogue) -> Key {
        catalogue.key(self.0)
    }

    fn says(&self, catalogue: &'a Catalogue) -> (Option<&'a str>, &'a str) {
        let text = |field| catalogue.text_at(self.0, field);
        (
            text(Field::Name),
            text(Field::Description).unwrap_or_default(),
        )
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
/// and descriptions (as [`Row::says`] gives them), with case, spacing and closing full stops set
/// aside.
fn say_the_same(a: (Option<&str>, &str), b: (Option<&str>, &str)) -> bool {
    // Editions mostly copy a row as it is: the same bytes need no word-by-word look.
    if a == b {
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
fn what_it_says<'a>(
    (name, description): (Option<&'a str>, &'a str),
) -> impl Iterator<Item = &'a str> {
    let mut words = (name.unwrap_or_default().split_whitespace())
        .chain(description.split_whitespace())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Choosing among entries by index, unbuilt, keeps the entries that choosing among the built
    /// entries keeps, in the same order, whatever the reader asks.
    #[test]
    fn choosing_by_index_keeps_what_choosing_built_entries_keeps() {
        let catalogue = Catalogue::embedded();
        let readers = [
            Editions::newest("en"),
            Editions::newest("zh"),
            Editions {
                platform: Some("android".to_owned()),
                ..Editions::newest("en")
            },
            Editions {
                platform: Some("web".to_owned()),
                ..Editions::every()
            },
            Editions::every(),
        ];
        // Catalogue order, and an order like a ranking's, where a group's entries stand apart.
        let catalogue_order: Vec<usize> = (0..catalogue.len()).collect();
        let reversed: Vec<usize> = catalogue_order.iter().rev().copied().collect();
        for editions in readers {
            for order in [&catalogue_order, &reversed] {
                let unbuilt = Catalogue::embedded();
                let by_index = editions.select(&unbuilt, order.iter().map(|&i| At(i)).collect());
                let built = order.iter().map(|&i| catalogue.entry(i)).collect();
                let by_entry: Vec<(usize, i64)> = (editions.select(&catalogue, built).iter())
                    .map(|e| (e.source, e.code))
                    .collect();
                let by_index: Vec<(usize, i64)> = (by_index.iter())
                    .map(|&At(i)| (unbuilt.key(i).source, unbuilt.key(i).code))
                    .collect();
                assert!(by_entry.len() < order.len() || !editions.chooses());
                assert_eq!(by_index, by_entry, "{editions:?}");
            }
        }
    }
}
