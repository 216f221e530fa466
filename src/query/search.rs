//! Search: ranked (BM25 over stemmed words, with typo, prefix and synonym matches) and the
//! grep-like fixed-string and regex modes.
//!
//! Ranking, best first: entries whose code is the query, then entries holding the query as an
//! exact phrase, then the rest by score. The score is BM25 (term weighting across the whole
//! catalogue, so rare words count more than "error" or "please"), with fields weighted by how
//! much they say about a code (name over description over suggested action), scaled by the
//! share of query words an entry matches.

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use regex::{Regex, RegexBuilder};

use super::text::{compounds, distance, is_stop_word, stem, typo_budget, words};
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
    Stems(Vec<String>),
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

/// An entry as search sees it: weighted counts of its stems, its length, and its words.
struct Doc<'a> {
    entry: &'a Entry,
    stems: HashMap<String, f64>,
    length: f64,
    /// Lowercased words of each field, for phrase matching.
    word_lists: Vec<Vec<String>>,
}

fn doc(entry: &Entry) -> Doc<'_> {
    let mut stems: HashMap<String, f64> = HashMap::new();
    let mut length = 0.0;
    let mut word_lists = Vec::new();
    for (text, weight) in fields(entry) {
        let field_words = words(text);
        for word in &field_words {
            if !is_stop_word(word) {
                *stems.entry(stem(word)).or_default() += weight;
                length += weight;
            }
        }
        for compound in compounds(text) {
            *stems.entry(stem(&compound)).or_default() += weight;
        }
        word_lists.push(field_words);
    }
    Doc {
        entry,
        stems,
        length,
        word_lists,
    }
}

/// A query word and the catalogue stems it matches, each with a weight in 0..=1.
struct Term {
    matches: Vec<(String, f64)>,
}

fn expand(word: &str, document_frequency: &HashMap<String, usize>) -> Term {
    let root = stem(word);
    let mut matches: HashMap<String, f64> = HashMap::new();
    let mut add = |stem: &str, weight: f64| {
        let slot = matches.entry(stem.to_owned()).or_default();
        *slot = slot.max(weight);
    };
    let budget = typo_budget(&root);
    for candidate in document_frequency.keys() {
        if *candidate == root {
            add(candidate, 1.0);
        } else if root.len() >= 3 && candidate.starts_with(root.as_str()) {
            add(candidate, PREFIX_WEIGHT);
        } else if budget > 0 && distance(&root, candidate, budget).is_some() {
            add(candidate, TYPO_WEIGHT);
        }
    }
    for group in SYNONYMS
        .iter()
        .filter(|g| g.iter().any(|w| stem(w) == root))
    {
        for synonym in group.iter().map(|w| stem(w)).filter(|s| *s != root) {
            if document_frequency.contains_key(&synonym) {
                add(&synonym, SYNONYM_WEIGHT);
            }
        }
    }
    Term {
        matches: matches.into_iter().collect(),
    }
}

fn ranked<'a>(entries: impl Iterator<Item = &'a Entry>, query: &str) -> Vec<Hit<'a>> {
    let docs: Vec<Doc<'a>> = entries.map(doc).collect();
    let mut document_frequency: HashMap<String, usize> = HashMap::new();
    for d in &docs {
        for stem in d.stems.keys() {
            *document_frequency.entry(stem.clone()).or_default() += 1;
        }
    }
    let n = docs.len() as f64;
    let average_length = docs.iter().map(|d| d.length).sum::<f64>() / n.max(1.0);

    let query_words = words(query);
    let mut content: Vec<&String> = query_words.iter().filter(|w| !is_stop_word(w)).collect();
    if content.is_empty() {
        content = query_words.iter().collect();
    }
    let terms: Vec<Term> = content
        .iter()
        .map(|w| expand(w, &document_frequency))
        .collect();
    let code = query.parse::<i64>().ok();
    let matcher = SkimMatcherV2::default();
    let name_like = !query.contains(char::is_whitespace) && query.len() >= 3;

    let mut hits: Vec<Hit<'a>> = docs
        .iter()
        .filter_map(|d| {
            let mut score = 0.0;
            let mut matched = 0;
            for term in &terms {
                let best = term
                    .matches
                    .iter()
                    .filter_map(|(stem, weight)| {
                        let tf = *d.stems.get(stem)?;
                        let df = document_frequency[stem] as f64;
                        let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
                        let norm =
                            tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * d.length / average_length));
                        Some(weight * idf * norm)
                    })
                    .fold(0.0, f64::max);
                if best > 0.0 {
                    matched += 1;
                    score += best;
                }
            }
            if !terms.is_empty() {
                let coverage = matched as f64 / terms.len() as f64;
                score *= coverage * coverage;
            }
            // A name typed loosely ("usrnotlogin", "NOT_LOGIN") still finds it.
            if name_like
                && let Some(name) = d.entry.name.as_deref()
                && let Some(fuzzy) = matcher.fuzzy_match(name, query)
            {
                score += fuzzy as f64 / 40.0;
            }
            // Tiers above any text score: the code itself, then the exact phrase.
            if code.is_some_and(|c| d.entry.covers(c)) {
                score += 1000.0;
            } else if query_words.len() > 1 && contains_phrase(&d.word_lists, &query_words) {
                score += 100.0;
            }
            (score > 0.0).then(|| Hit {
                entry: d.entry,
                score,
                highlight: Highlight::Stems(Vec::new()),
            })
        })
        .collect();

    let highlight: Vec<String> = terms
        .iter()
        .flat_map(|t| t.matches.iter().map(|(stem, _)| stem.clone()))
        .collect();
    for hit in &mut hits {
        hit.highlight = Highlight::Stems(highlight.clone());
    }
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.entry.code.cmp(&b.entry.code))
            .then(a.entry.source.cmp(&b.entry.source))
    });
    hits
}

fn contains_phrase(word_lists: &[Vec<String>], phrase: &[String]) -> bool {
    word_lists
        .iter()
        .any(|list| list.windows(phrase.len()).any(|window| window == phrase))
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
