//! Search: ranked (BM25 over stemmed words, with typo, prefix and synonym matches) and the
//! grep-like fixed-string and regex modes.
//!
//! Ranking, best first: entries whose code, name or SDK symbol is the query; then entries holding
//! the query as an exact phrase, then the rest by score, with the entries only an SDK defines
//! after all documented ones, ranked the same way. The score is BM25 (term weighting across the
//! whole catalogue, so rare words count more than "error" or "please"), with fields weighted by
//! how much they say about a code (name over description over suggested action), scaled by the
//! share of query words an entry matches.

use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use regex::{Regex, RegexBuilder};
use rustc_hash::FxHashMap as HashMap;

use super::Filter;
use crate::catalogue::words::{distance, for_each_word, is_stop_word, stem, typo_budget, words};
use crate::catalogue::{Catalogue, Entry, Field, Key, Scope, Tables};
use chaterr_catalogue::terms::{self, for_each_term};

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
    /// The model's similarity of the entry to the query (`query::semantic`), where it ran.
    pub semantic: Option<f32>,
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

/// Words developers use for what the documents say otherwise. A query word in a group also
/// matches the others, at a discount.
const SYNONYMS: &[&[&str]] = &[
    &["kick", "forced", "force", "offline", "logout"],
    // "Too many" is a count more often than a rate; "too long" a length, not a time.
    &["many", "number", "count", "exceed", "limit", "maximum"],
    &[
        "frequency",
        "frequent",
        "often",
        "overload",
        "throttle",
        "rate",
    ],
    &["long", "length", "characters", "exceed"],
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

/// Added to the score of an entry the query names exactly (code, name or symbol): above any text
/// score, so such entries come first.
const EXACT: f64 = 1000.0;
/// Added to the score of an entry whose code the query mentions among other words: above the
/// exact-phrase tier.
const MENTIONED: f64 = 300.0;
const SYNONYM_WEIGHT: f64 = 0.45;
const PREFIX_WEIGHT: f64 = 0.6;
const TYPO_WEIGHT: f64 = 0.55;
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// The entries matching the query, best first. Entries are ranked against everything in the
/// filter's scope, then those the rest of the filter leaves out are dropped: hiding the codes
/// only an SDK defines leaves the ranking of the rest as it is.
pub fn search<'a>(
    catalogue: &'a Catalogue,
    filter: &Filter,
    query: &str,
    options: &SearchOptions,
) -> Result<Vec<Hit<'a>>, SearchError> {
    let query = query.trim();
    if query.is_empty() {
        return Err(SearchError::EmptyQuery);
    }
    let scope = &filter.scope;
    let entries = catalogue.entries_in(scope);
    let mut hits = match options.mode {
        Mode::Ranked => {
            super::semantic::fuse(catalogue, scope, query, ranked(catalogue, scope, query))
        }
        Mode::Fixed => grep(entries, &regex::escape(query), options.ignore_case)?,
        Mode::Regex => grep(entries, query, options.ignore_case)?,
    };
    hits.retain(|h| filter.admits(h.entry));
    // The editions the filter keeps, each hit where it ranked.
    if filter.editions.chooses() {
        let chosen: rustc_hash::FxHashSet<*const Entry> = filter
            .choose(catalogue, hits.iter().map(|h| h.entry).collect())
            .into_iter()
            .map(std::ptr::from_ref)
            .collect();
        hits.retain(|h| chosen.contains(&std::ptr::from_ref(h.entry)));
    }
    if options.limit > 0 {
        hits.truncate(options.limit);
    }
    Ok(hits)
}

/// Whether the query's words are all common words ("of", "is in"), which ranked search leaves
/// out of every entry and every query: it can find nothing by them.
pub fn only_common_words(query: &str) -> bool {
    let words = words(query);
    !words.is_empty() && words.iter().all(|w| is_stop_word(w))
}

/// Every text of an entry that search looks at, with its field weight: the vendor's words, the
/// SDKs' symbols and comments, and (for ranked search) `ours`, our words for its concept.
fn fields<'e>(entry: &'e Entry, ours: &'e [&'static str]) -> impl Iterator<Item = (&'e str, f64)> {
    let symbols = entry.symbols.iter().map(|s| s.name.as_ref());
    let comments = entry.symbols.iter().filter_map(|s| s.comment.as_deref());
    terms::weighted_texts(
        |field| entry.text(field),
        symbols,
        comments,
        ours.iter().copied(),
    )
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
                .chain(fields(entry, &[]).map(|(text, _)| text))
                .map(|text| regex.find_iter(text).count())
                .sum::<usize>();
            (count > 0).then(|| Hit {
                entry,
                score: count as f64,
                highlight: Highlight::Pattern(regex.clone()),
                semantic: None,
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

/// "isn't", "can't", "won't", "cannot" as "is not", "can not", … so that the negation is a word
/// search reads; curly apostrophes read as straight ones.
fn spell_out_negations(text: &str) -> String {
    let text = text.replace(['\u{2019}', '\u{2018}'], "'");
    let mut out = String::with_capacity(text.len() + 8);
    for word in text.split_inclusive(|c: char| c.is_whitespace()) {
        let lower = word.to_ascii_lowercase();
        let bare = lower.trim_end();
        let spelled = match bare {
            "can't" | "cannot" => Some("can not"),
            "won't" => Some("will not"),
            _ => bare.strip_suffix("n't").map(|_| ""),
        };
        match spelled {
            Some("") => {
                out.push_str(&word.trim_end()[..bare.len() - 3]);
                out.push_str(" not");
                out.push_str(&word[word.trim_end().len()..]);
            }
            Some(s) => {
                out.push_str(s);
                out.push_str(&word[word.trim_end().len()..]);
            }
            None => out.push_str(word),
        }
    }
    out
}

/// Numbers in the query that read as error codes: three or more digits, or negative.
fn codes_mentioned(text: &str) -> Vec<i64> {
    let bytes = text.as_bytes();
    let mut codes = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() || (i > 0 && bytes[i - 1].is_ascii_alphabetic()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        let negative = start > 0
            && bytes[start - 1] == b'-'
            && (start == 1 || !bytes[start - 2].is_ascii_alphanumeric());
        let glued = i < bytes.len() && bytes[i].is_ascii_alphabetic();
        let digits = &text[start..i];
        let keyed = after_code_key(&text[..start]);
        if glued || !(digits.len() >= 3 || negative || keyed) || digits.len() > 12 {
            continue;
        }
        if let Ok(n) = digits.parse::<i64>() {
            let n = if negative { -n } else { n };
            if !codes.contains(&n) {
                codes.push(n);
            }
        }
    }
    codes
}

/// Whether text ends with a word that introduces a code ("code", "errorCode:", "错误码", "报错"),
/// so that a short number after it is a code too ("errorCode 2").
fn after_code_key(before: &str) -> bool {
    let before = before
        .trim_end_matches([' ', ':', '=', '：', '#'])
        .to_lowercase();
    ["code", "err", "error", "errno", "错误码", "报错", "错误"]
        .iter()
        .any(|key| before.ends_with(key))
}

/// A query word: its stem, its synonyms' stems, and how many typos it tolerates.
struct QueryTerm {
    root: String,
    synonyms: Vec<String>,
    budget: usize,
    /// The root's length in characters, for rejecting typo candidates before `distance`.
    root_chars: usize,
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
            root_chars: root.chars().count(),
            root,
            synonyms,
        }
    }

    /// How well a catalogue stem (of `stem_chars` characters) stands for this word: exact,
    /// prefix, typo or synonym.
    fn weight(&self, stem: &str, stem_chars: usize) -> f64 {
        if stem == self.root {
            1.0
        } else if self.root.len() >= 3 && stem.starts_with(self.root.as_str()) {
            PREFIX_WEIGHT
        } else if self.budget > 0
            && stem_chars.abs_diff(self.root_chars) <= self.budget
            && distance(&self.root, stem, self.budget).is_some()
        {
            TYPO_WEIGHT
        } else if self.synonyms.iter().any(|s| s == stem) {
            SYNONYM_WEIGHT
        } else {
            0.0
        }
    }
}

/// A catalogue stem that matches some query word: the stem, per query word how well it
/// matches, and in how many entries it stands.
struct MatchedStem {
    stem: String,
    weights: Vec<f64>,
    document_frequency: usize,
}

/// An entry that may rank: (matched stem, weighted count) and its length.
struct Candidate<'a> {
    entry: &'a Entry,
    stems: Vec<(usize, f64)>,
    length: f64,
}

/// The query, read once.
struct Query<'q> {
    text: &'q str,
    words: Vec<String>,
    terms: Vec<QueryTerm>,
    code: Option<i64>,
    /// Codes written among other words ("login fails with 70001", "报错6012").
    mentioned: Vec<i64>,
    /// One token, as a symbolic name would be: also matched loosely against names.
    name_like: bool,
}

impl<'q> Query<'q> {
    fn new(text: &'q str) -> Self {
        let code = text.parse::<i64>().ok();
        let words = words(&spell_out_negations(text));
        let mentioned = if code.is_some() {
            Vec::new()
        } else {
            codes_mentioned(text)
        };
        let is_code = |w: &str| {
            w.parse::<i64>()
                .is_ok_and(|n| mentioned.contains(&n.abs()) || mentioned.contains(&-n))
        };
        // Stop words are not in the catalogue's terms: a query of nothing else matches no word
        // (not "there" for "the" by prefix); see [`only_common_words`].
        let terms = words
            .iter()
            .filter(|w| !is_stop_word(w) && !is_code(w))
            .map(|w| QueryTerm::new(w))
            .collect();
        Query {
            code,
            mentioned,
            name_like: text.is_ascii() && !text.contains(char::is_whitespace) && text.len() >= 3,
            terms,
            words,
            text,
        }
    }

    /// Whether an entry may rank without any matching word: by its code or its name.
    fn may_rank(&self, key: Key) -> bool {
        self.code.is_some_and(|c| key.covers(c))
            || self.mentioned.iter().any(|&c| key.covers(c))
            || (self.name_like && key.named)
    }

    /// Whether the query mentions the entry's code among its words.
    fn mentions(&self, entry: &Entry) -> bool {
        self.mentioned.iter().any(|&c| entry.covers(c))
    }

    /// Whether the query is exactly the entry's code, its name or one of its SDK symbols.
    fn is_exactly(&self, entry: &Entry) -> bool {
        self.code.is_some_and(|c| entry.covers(c)) || (self.name_like && entry.is_named(self.text))
    }
}

/// The stems that match the query, found once each.
#[derive(Default)]
struct Matches {
    matched: Vec<MatchedStem>,
}

impl Matches {
    /// Called for every distinct stem read, most of which match nothing: allocates only for
    /// those that match.
    fn classify(&mut self, stem: &str, terms: &[QueryTerm]) -> Option<usize> {
        let stem_chars = stem.chars().count();
        let mut weights: Option<Vec<f64>> = None;
        for (i, term) in terms.iter().enumerate() {
            let weight = term.weight(stem, stem_chars);
            if weight > 0.0 {
                weights.get_or_insert_with(|| vec![0.0; terms.len()])[i] = weight;
            }
        }
        let weights = weights?;
        self.matched.push(MatchedStem {
            stem: stem.to_owned(),
            weights,
            document_frequency: 0,
        });
        Some(self.matched.len() - 1)
    }
}

/// What ranking needs besides the candidates: how many entries were read, and their length.
struct Totals {
    entries: usize,
    length: f64,
}

/// What the first pass gathers: the entries that may rank, and totals over every entry read.
struct Gathered<'a> {
    candidates: Vec<Candidate<'a>>,
    totals: Totals,
}

impl<'a> Gathered<'a> {
    fn new() -> Self {
        Gathered {
            candidates: Vec::new(),
            totals: Totals {
                entries: 0,
                length: 0.0,
            },
        }
    }

    /// Counts an entry read, and keeps it if it matched a query word or may rank by its code
    /// or name; only an entry kept is built (`entry`).
    fn read(
        &mut self,
        key: Key,
        entry: impl FnOnce() -> &'a Entry,
        stems: Vec<(usize, f64)>,
        length: f64,
        query: &Query<'_>,
        matches: &mut Matches,
    ) {
        self.totals.entries += 1;
        self.totals.length += length;
        if !stems.is_empty() || query.may_rank(key) {
            for (id, _) in &stems {
                matches.matched[*id].document_frequency += 1;
            }
            self.candidates.push(Candidate {
                entry: entry(),
                stems,
                length,
            });
        }
    }
}

/// Candidates from the embedded catalogue's precomputed terms: only its distinct stems are
/// matched against the query, then each entry's stems are looked up.
fn candidates_from_index<'a>(
    catalogue: &'a Catalogue,
    scope: &Scope,
    index: &Tables,
    query: &Query<'_>,
    matches: &mut Matches,
) -> Gathered<'a> {
    let ids: Vec<Option<usize>> = index
        .stems()
        .map(|stem| matches.classify(stem, &query.terms))
        .collect();
    let mut gathered = Gathered::new();
    for i in catalogue.indices_in(scope) {
        let (start, end, length) = index.entry_terms[i];
        let stems: Vec<(usize, f64)> = index.terms[start as usize..end as usize]
            .iter()
            .filter_map(|&(stem, tf)| ids[stem as usize].map(|id| (id, tf)))
            .collect();
        let entry = || catalogue.entry(i);
        gathered.read(catalogue.key(i), entry, stems, length, query, matches);
    }
    gathered
}

/// How many distinct words and stems search remembers while reading entries at run time. A
/// large catalogue's numbers and names are mostly words of one entry each: past this,
/// remembering them costs more (a table outgrowing the caches) than stemming them again.
const REMEMBERED_WORDS: usize = 1 << 15;

/// Candidates from entries read at run time (users' catalogues): each distinct word is stemmed
/// and matched against the query once, up to `remembered` of them; a stem that matches is
/// always remembered, so that it is counted under one id.
fn candidates_from_entries<'a>(
    catalogue: &Catalogue,
    entries: impl Iterator<Item = &'a Entry>,
    query: &Query<'_>,
    matches: &mut Matches,
    remembered: usize,
) -> Gathered<'a> {
    let mut words: HashMap<String, Option<usize>> = HashMap::default();
    let mut stems_seen: HashMap<String, Option<usize>> = HashMap::default();
    let mut gathered = Gathered::new();
    let mut buf = String::new();
    for entry in entries {
        let mut stems: Vec<(usize, f64)> = Vec::new();
        let ours = entry
            .text(Field::Concept)
            .map(|id| catalogue.concept_words(id))
            .unwrap_or_default();
        let length = for_each_term(fields(entry, &ours), &mut buf, |word, weight| {
            let id = match words.get(word) {
                Some(id) => *id,
                None => {
                    let stem = stem(word);
                    let id = match stems_seen.get(&stem) {
                        Some(id) => *id,
                        None => {
                            let id = matches.classify(&stem, &query.terms);
                            if id.is_some() || stems_seen.len() < remembered {
                                stems_seen.insert(stem, id);
                            }
                            id
                        }
                    };
                    if words.len() < remembered {
                        words.insert(word.to_owned(), id);
                    }
                    id
                }
            };
            if let Some(id) = id {
                match stems.iter_mut().find(|(s, _)| *s == id) {
                    Some((_, tf)) => *tf += weight,
                    None => stems.push((id, weight)),
                }
            }
        });
        gathered.read(entry.key(), || entry, stems, length, query, matches);
    }
    gathered
}

fn ranked<'a>(catalogue: &'a Catalogue, scope: &Scope, text: &str) -> Vec<Hit<'a>> {
    ranked_remembering(catalogue, scope, text, REMEMBERED_WORDS)
}

fn ranked_remembering<'a>(
    catalogue: &'a Catalogue,
    scope: &Scope,
    text: &str,
    remembered: usize,
) -> Vec<Hit<'a>> {
    let query = Query::new(text);
    let mut matches = Matches::default();
    let gathered = match catalogue.tables() {
        Some(index) => candidates_from_index(catalogue, scope, index, &query, &mut matches),
        None => {
            let entries = catalogue.entries_in(scope);
            candidates_from_entries(catalogue, entries, &query, &mut matches, remembered)
        }
    };
    rank(
        gathered.candidates,
        &gathered.totals,
        &query,
        &matches.matched,
    )
}

/// BM25 over the matched stems (each query word scored by its best-matching stem), scaled by
/// the share of query words matched; then the code and exact-phrase tiers.
fn rank<'a>(
    candidates: Vec<Candidate<'a>>,
    totals: &Totals,
    query: &Query<'_>,
    matched: &[MatchedStem],
) -> Vec<Hit<'a>> {
    let n = totals.entries as f64;
    let average_length = (totals.length / n.max(1.0)).max(f64::EPSILON);
    let matcher = SkimMatcherV2::default();
    let terms = &query.terms;
    let mut hits: Vec<Hit<'a>> = candidates
        .into_iter()
        .filter_map(|c| {
            let norm =
                |tf: f64| tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * c.length / average_length));
            let mut score = 0.0;
            let mut matched_terms = 0;
            for t in 0..terms.len() {
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
            // A name typed loosely ("usrnotlogin", "NOT_LOGIN") still finds it; a common word
            // ("the") is no name typed loosely.
            if query.name_like
                && !terms.is_empty()
                && let Some(name) = c.entry.name()
                && let Some(fuzzy) = matcher.fuzzy_match(name, query.text)
            {
                score += fuzzy as f64 / 40.0;
            }
            // Tiers above any text score: the code, name or symbol itself, a code the query
            // mentions, then the exact phrase.
            if query.is_exactly(c.entry) {
                score += EXACT;
            } else if query.mentions(c.entry) {
                score += MENTIONED;
            } else if query.words.len() > 1
                && matched_terms == terms.len()
                && contains_phrase(c.entry, &query.words)
            {
                score += 100.0;
            }
            (score > 0.0).then(|| Hit {
                entry: c.entry,
                score,
                highlight: Highlight::Stems(Arc::from([])),
                semantic: None,
            })
        })
        .collect();

    // The entries the query names exactly first; then codes the documents describe before those
    // only an SDK defines.
    let exact = |hit: &Hit<'_>| hit.score >= EXACT;
    hits.sort_by(|a, b| {
        (exact(b).cmp(&exact(a)))
            .then(b.entry.documented.cmp(&a.entry.documented))
            .then(b.score.total_cmp(&a.score))
            .then(a.entry.code.cmp(&b.entry.code))
            .then(a.entry.source.cmp(&b.entry.source))
    });
    let highlight: Arc<[String]> = matched.iter().map(|m| m.stem.clone()).collect();
    for hit in &mut hits {
        hit.highlight = Highlight::Stems(Arc::clone(&highlight));
    }
    hits
}

/// The query's words, in order, inside one field of the entry.
fn contains_phrase(entry: &Entry, phrase: &[String]) -> bool {
    let mut buf = String::new();
    // How many of the phrase's words each partial match has met so far.
    let mut partial: Vec<usize> = Vec::with_capacity(phrase.len());
    fields(entry, &[]).any(|(text, _)| {
        partial.clear();
        let mut found = phrase.is_empty();
        for_each_word(text, &mut buf, |word, compound| {
            if found || compound {
                return;
            }
            partial.retain_mut(|met| {
                *met += 1;
                phrase[*met - 1] == word
            });
            if phrase[0] == word {
                partial.push(1);
            }
            found = partial.contains(&phrase.len());
        });
        found
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranked_ids(catalogue: &Catalogue, scope: &Scope, query: &str) -> Vec<(usize, i64, String)> {
        let options = SearchOptions {
            mode: Mode::Ranked,
            ignore_case: false,
            limit: 0,
        };
        search(catalogue, &scope.clone().into(), query, &options)
            .unwrap()
            .iter()
            .map(|h| (h.entry.source, h.entry.code, format!("{:.9}", h.score)))
            .collect()
    }

    /// The embedded entries as a catalogue read at run time: no precomputed terms.
    fn read_copy(embedded: &Catalogue) -> Catalogue {
        let read = Catalogue::new(
            embedded.sources().to_vec(),
            embedded.entries().cloned().collect(),
        );
        assert!(read.tables().is_none());
        read
    }

    #[test]
    fn the_precomputed_index_ranks_exactly_as_reading_the_entries() {
        let embedded = Catalogue::embedded();
        assert!(embedded.tables().is_some());
        let read = read_copy(&embedded);
        let zego = embedded.scope("zego").unwrap();
        for query in [
            "token expired",
            "user kicked out",
            "USER_NOT_LOGIN",
            "6014",
            "tokne",
            "UserSig",
            "the",
            "TokenInvalid",
            "networkModuleRequestTimeout",
            "ERR_SVR_ACCOUNT_USERSIG_EXPIRED",
            "108",
        ] {
            assert_eq!(
                ranked_ids(&embedded, &Scope::All, query),
                ranked_ids(&read, &Scope::All, query),
                "{query}"
            );
            assert_eq!(
                ranked_ids(&embedded, &zego, query),
                ranked_ids(&read, &zego, query),
                "{query}"
            );
        }
    }

    #[test]
    fn forgetting_words_past_the_limit_ranks_the_same() {
        let read = read_copy(&Catalogue::embedded());
        let scored = |hits: Vec<Hit<'_>>| -> Vec<(usize, i64, String)> {
            hits.iter()
                .map(|h| (h.entry.source, h.entry.code, format!("{:.9}", h.score)))
                .collect()
        };
        for query in [
            "token expired",
            "tokne",
            "user kicked out",
            "6014",
            "UserSig",
        ] {
            let all = scored(ranked(&read, &Scope::All, query));
            assert!(!all.is_empty(), "{query}");
            for remembered in [0, 1, 50] {
                let limited = ranked_remembering(&read, &Scope::All, query, remembered);
                assert_eq!(scored(limited), all, "{query}, remembering {remembered}");
            }
        }
    }

    #[test]
    fn a_phrase_is_its_words_in_a_row_in_one_field() {
        let mut entry = Catalogue::embedded().entry(0).clone();
        entry.symbols = Vec::new().into();
        entry.set_text(
            crate::catalogue::Field::Description,
            "Send fails: a a a b, then renewToken expired.",
        );
        entry.set_text(crate::catalogue::Field::Note, "token");
        let phrase = |text: &str| contains_phrase(&entry, &words(text));
        assert!(phrase("a a b"), "a match that starts inside a partial one");
        assert!(phrase("a b then"));
        assert!(phrase("send fails"));
        assert!(phrase("renew token expired"), "camelCase words are words");
        assert!(phrase("Token Expired"));
        assert!(!phrase("a b a"));
        assert!(!phrase("expired token"), "not across fields");
        assert!(
            !phrase("renewtoken expired"),
            "a compound is not a word of the phrase"
        );
    }
}
