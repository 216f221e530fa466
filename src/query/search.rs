//! Search: ranked (BM25 over stemmed words, with typo, prefix and synonym matches) and the
//! grep-like fixed-string and regex modes.
//!
//! Ranking, best first: entries whose code is the query, then entries holding the query as an
//! exact phrase, then the rest by score. The score is BM25 (term weighting across the whole
//! catalogue, so rare words count more than "error" or "please"), with fields weighted by how
//! much they say about a code (name over description over suggested action), scaled by the
//! share of query words an entry matches.

use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use regex::{Regex, RegexBuilder};
use rustc_hash::FxHashMap as HashMap;

use super::text::{distance, for_each_word, is_stop_word, stem, typo_budget, words};
use crate::catalogue::{Catalogue, Entry, Scope};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Ranked,
    Fixed,
    Regex,
}

#[derive(Debug, Clone)]
pub struct SearchOptions {
    pub mode: Mode,
    pub ignore_case: bool,
    /// 0: no limit.
    pub limit: usize,
}

/// One result: the entry, its score (higher is better) and what matched, for highlighting.
#[derive(Debug, Clone)]
pub struct Hit<'a> {
    pub entry: &'a Entry,
    pub score: f64,
    pub highlight: Highlight,
}

/// What to highlight in a hit's text.
#[derive(Debug, Clone)]
pub enum Highlight {
    /// Words whose stem is one of these.
    Stems(Arc<[String]>),
    /// Matches of this pattern.
    Pattern(Regex),
}

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("the search query is empty")]
    EmptyQuery,
    #[error("invalid regular expression: {0}")]
    BadRegex(String),
}

/// Fields searched, with how much a word in each says about the entry.
const FIELD_WEIGHTS: [(&str, f64); 7] = [
    ("name", 3.0),
    ("category", 1.2),
    ("description", 1.0),
    ("reason", 0.8),
    ("note", 0.6),
    ("action", 0.5),
    ("part", 0.3),
];

/// Words developers use for what the documents say otherwise. A query word in a group also
/// matches the others, at a discount.
const SYNONYMS: &[&[&str]] = &[
    &["kick", "forced", "force", "offline", "logout"],
    &[
        "many",
        "exceed",
        "limit",
        "frequency",
        "frequent",
        "overload",
        "throttle",
        "rate",
    ],
    &["request", "call", "api", "invocation"],
    &["expire", "expiry", "expired"],
    &["login", "log", "signin", "logon"],
    &["token", "usersig", "signature"],
    &[
        "permission",
        "denied",
        "forbidden",
        "unauthorized",
        "privilege",
        "allowed",
    ],
    &[
        "ban",
        "banned",
        "mute",
        "muted",
        "blacklist",
        "block",
        "blocklist",
    ],
    &["delete", "remove", "removed"],
    &["timeout", "timed", "time"],
    &["network", "connection", "disconnect", "disconnected"],
    &["friend", "contact"],
    &["recall", "revoke", "withdraw", "withdrawn", "withdrawal"],
    &["big", "large", "size"],
    &["room", "chatroom"],
    &["exist", "found", "missing"],
];

const SYNONYM_WEIGHT: f64 = 0.45;
const PREFIX_WEIGHT: f64 = 0.6;
const TYPO_WEIGHT: f64 = 0.55;
const K1: f64 = 1.2;
const B: f64 = 0.75;

pub fn search<'a>(
    catalogue: &'a Catalogue,
    scope: &Scope,
    query: &str,
    options: &SearchOptions,
) -> Result<Vec<Hit<'a>>, SearchError> {
    let query = query.trim();
    if query.is_empty() {
        return Err(SearchError::EmptyQuery);
    }
    let entries = catalogue.entries_in(scope);
    let mut hits = match options.mode {
        Mode::Ranked => ranked(entries, query),
        Mode::Fixed => grep(entries, &regex::escape(query), options.ignore_case)?,
        Mode::Regex => grep(entries, query, options.ignore_case)?,
    };
    if options.limit > 0 {
        hits.truncate(options.limit);
    }
    Ok(hits)
}

/// Every text of an entry that search looks at, with its field weight.
fn fields(entry: &Entry) -> impl Iterator<Item = (&str, f64)> {
    FIELD_WEIGHTS
        .iter()
        .filter_map(move |&(name, weight)| entry.field(name).map(|text| (text, weight)))
}

fn grep<'a>(
    entries: impl Iterator<Item = &'a Entry>,
    pattern: &str,
    ignore_case: bool,
) -> Result<Vec<Hit<'a>>, SearchError> {
    let regex = RegexBuilder::new(pattern)
        .case_insensitive(ignore_case)
        .build()
        .map_err(|err| SearchError::BadRegex(one_line(&err.to_string())))?;
    Ok(entries
        .filter_map(|entry| {
            let code = entry.code_label();
            let count = std::iter::once(code.as_str())
                .chain(fields(entry).map(|(text, _)| text))
                .map(|text| regex.find_iter(text).count())
                .sum::<usize>();
            (count > 0).then(|| Hit {
                entry,
                score: count as f64,
                highlight: Highlight::Pattern(regex.clone()),
            })
        })
        .collect())
}

/// The regex crate's messages draw a caret diagram over several lines; keep the last line.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .rfind(|line| !line.is_empty())
        .unwrap_or(message)
        .trim_start_matches("error: ")
        .to_owned()
}

/// A query word: its stem, its synonyms' stems, and how many typos it tolerates.
struct QueryTerm {
    root: String,
    synonyms: Vec<String>,
    budget: usize,
}

impl QueryTerm {
    fn new(word: &str) -> Self {
        let root = stem(word);
        let synonyms = SYNONYMS
            .iter()
            .filter(|group| group.iter().any(|w| stem(w) == root))
            .flat_map(|group| group.iter().map(|w| stem(w)))
            .filter(|s| *s != root)
            .collect();
        QueryTerm {
            budget: typo_budget(&root),
            root,
            synonyms,
        }
    }

    /// How well a catalogue stem stands for this word: exact, prefix, typo or synonym.
    fn weight(&self, stem: &str) -> f64 {
        if stem == self.root {
            1.0
        } else if self.root.len() >= 3 && stem.starts_with(self.root.as_str()) {
            PREFIX_WEIGHT
        } else if self.budget > 0 && distance(&self.root, stem, self.budget).is_some() {
            TYPO_WEIGHT
        } else if self.synonyms.iter().any(|s| s == stem) {
            SYNONYM_WEIGHT
        } else {
            0.0
        }
    }
}

/// A catalogue stem that matches some query word: per query word, how well; and in how many
/// entries it stands.
struct MatchedStem {
    weights: Vec<f64>,
    document_frequency: usize,
}

/// An entry with at least one matching stem: (matched stem, weighted count) and its length.
struct Candidate<'a> {
    entry: &'a Entry,
    stems: Vec<(usize, f64)>,
    length: f64,
}

/// What ranked search learns of the words of the entries it reads, each word classified once.
#[derive(Default)]
struct Vocabulary {
    /// Word → the matched stem it reduces to, if any.
    words: HashMap<String, Option<usize>>,
    /// Stem → its index in `matched`, if it matches.
    stems: HashMap<String, Option<usize>>,
    matched: Vec<MatchedStem>,
}

impl Vocabulary {
    fn classify(&mut self, word: &str, terms: &[QueryTerm]) -> Option<usize> {
        if let Some(id) = self.words.get(word) {
            return *id;
        }
        let root = stem(word);
        let id = match self.stems.get(&root) {
            Some(id) => *id,
            None => {
                let weights: Vec<f64> = terms.iter().map(|t| t.weight(&root)).collect();
                let id = weights.iter().any(|w| *w > 0.0).then(|| {
                    self.matched.push(MatchedStem {
                        weights,
                        document_frequency: 0,
                    });
                    self.matched.len() - 1
                });
                self.stems.insert(root, id);
                id
            }
        };
        self.words.insert(word.to_owned(), id);
        id
    }
}

/// Ranked search in one pass over the entries: each distinct word is stemmed and matched
/// against the query once, and only entries that match keep anything.
fn ranked<'a>(entries: impl Iterator<Item = &'a Entry>, query: &str) -> Vec<Hit<'a>> {
    let query_words = words(query);
    let mut content: Vec<&String> = query_words.iter().filter(|w| !is_stop_word(w)).collect();
    if content.is_empty() {
        content = query_words.iter().collect();
    }
    let terms: Vec<QueryTerm> = content.iter().map(|w| QueryTerm::new(w)).collect();
    let code = query.parse::<i64>().ok();
    let matcher = SkimMatcherV2::default();
    let name_like = !query.contains(char::is_whitespace) && query.len() >= 3;

    let mut vocabulary = Vocabulary::default();
    let mut candidates: Vec<Candidate<'a>> = Vec::new();
    let mut buf = String::new();
    let (mut count, mut total_length) = (0usize, 0.0);
    for entry in entries {
        let mut stems: Vec<(usize, f64)> = Vec::new();
        let mut length = 0.0;
        for (text, weight) in fields(entry) {
            for_each_word(text, &mut buf, |word, compound| {
                if is_stop_word(word) {
                    return;
                }
                if !compound {
                    length += weight;
                }
                if let Some(id) = vocabulary.classify(word, &terms) {
                    match stems.iter_mut().find(|(s, _)| *s == id) {
                        Some((_, tf)) => *tf += weight,
                        None => stems.push((id, weight)),
                    }
                }
            });
        }
        count += 1;
        total_length += length;
        let by_code = code.is_some_and(|c| entry.covers(c));
        if !stems.is_empty() || by_code || (name_like && entry.name.is_some()) {
            for (id, _) in &stems {
                vocabulary.matched[*id].document_frequency += 1;
            }
            candidates.push(Candidate {
                entry,
                stems,
                length,
            });
        }
    }

    let n = count as f64;
    let average_length = (total_length / n.max(1.0)).max(f64::EPSILON);
    let matched = &vocabulary.matched;
    let mut hits: Vec<Hit<'a>> = candidates
        .into_iter()
        .filter_map(|c| {
            let norm =
                |tf: f64| tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * c.length / average_length));
            let mut score = 0.0;
            let mut matched_terms = 0;
            for (t, _) in terms.iter().enumerate() {
                let best = c
                    .stems
                    .iter()
                    .map(|&(id, tf)| {
                        let df = matched[id].document_frequency as f64;
                        let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
                        matched[id].weights[t] * idf * norm(tf)
                    })
                    .fold(0.0, f64::max);
                if best > 0.0 {
                    matched_terms += 1;
                    score += best;
                }
            }
            if !terms.is_empty() {
                let coverage = matched_terms as f64 / terms.len() as f64;
                score *= coverage * coverage;
            }
            // A name typed loosely ("usrnotlogin", "NOT_LOGIN") still finds it.
            if name_like
                && let Some(name) = c.entry.name.as_deref()
                && let Some(fuzzy) = matcher.fuzzy_match(name, query)
            {
                score += fuzzy as f64 / 40.0;
            }
            // Tiers above any text score: the code itself, then the exact phrase.
            if code.is_some_and(|code| c.entry.covers(code)) {
                score += 1000.0;
            } else if query_words.len() > 1
                && matched_terms == terms.len()
                && contains_phrase(c.entry, &query_words)
            {
                score += 100.0;
            }
            (score > 0.0).then(|| Hit {
                entry: c.entry,
                score,
                highlight: Highlight::Stems(Arc::from([])),
            })
        })
        .collect();

    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.entry.code.cmp(&b.entry.code))
            .then(a.entry.source.cmp(&b.entry.source))
    });
    let highlight: Arc<[String]> = vocabulary
        .stems
        .into_iter()
        .filter_map(|(stem, id)| id.map(|_| stem))
        .collect();
    for hit in &mut hits {
        hit.highlight = Highlight::Stems(Arc::clone(&highlight));
    }
    hits
}

/// The query's words, in order, inside one field of the entry.
fn contains_phrase(entry: &Entry, phrase: &[String]) -> bool {
    fields(entry).any(|(text, _)| {
        words(text)
            .windows(phrase.len())
            .any(|window| window == phrase)
    })
}

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
