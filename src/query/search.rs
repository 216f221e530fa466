//! Search: ranked (BM25 over stemmed words, with typo, prefix and synonym matches) and the
//! grep-like fixed-string and regex modes.
//!
//! Ranking, best first: entries whose code, name or SDK symbol is the query; then entries holding
//! the query as an exact phrase, then the rest by score, with the entries only an SDK defines
//! after all documented ones, ranked the same way. The score is BM25 (term weighting across the
//! whole catalogue, so rare words count more than "error" or "please"), with fields weighted by
//! how much they say about a code (name over description over suggested action), scaled by the
//! share of the query an entry matches (its rare words counting more than its common ones).
//! Rows of one code that say nearly the same (a document's platform pages and editions) are one
//! hit. [`why_ranked`] says why each hit ranked.

use std::fmt::Write as _;
use std::sync::Arc;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem;
use regex::{Regex, RegexBuilder};
use rustc_hash::FxHashMap as HashMap;

use super::Filter;
use super::editions::say_nearly_the_same;
use crate::catalogue::words::{
    distance, for_each_word, is_cjk, is_stop_word, stem, typo_budget, words,
};
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
    /// How ranked search scored it (none in the grep-like modes): see [`why_ranked`].
    pub why: Option<Why>,
    /// Rows of the same vendor and code, from other platform pages or editions, that say nearly
    /// the same and are shown as this one (those ranked above the last hit kept).
    pub folded: Vec<&'a Entry>,
    /// The model's similarity of the entry to the query (`query::semantic`), where it ran.
    pub semantic: Option<f32>,
}

impl<'a> Hit<'a> {
    pub(crate) fn new(entry: &'a Entry, score: f64, highlight: Highlight) -> Self {
        Hit {
            entry,
            score,
            highlight,
            why: None,
            folded: Vec::new(),
            semantic: None,
        }
    }
}

/// Why a hit ranked where it did: its tier and the parts of its score, and (once [`why_ranked`] has
/// read its texts) which query words matched in which of its texts.
#[derive(Debug, Clone, Default)]
pub struct Why {
    pub tier: Tier,
    /// BM25 over the matched words, before coverage.
    pub words: f64,
    /// The share of the query matched (each word weighed by its rarity, and by count), which
    /// scales `words`.
    pub coverage: f64,
    /// A name typed loosely: added for a one-word query.
    pub name: f64,
    /// What the tier adds, above any text score.
    pub bonus: f64,
    /// The query's meaning against the entry's, where a semantic model has been asked; none
    /// otherwise.
    pub semantic: Option<f64>,
    /// The query words found in the entry's texts, filled by [`why_ranked`].
    pub matched: Vec<Matched>,
    /// The query names the entry's vendor: it comes before the vendors not named.
    pub vendor_named: bool,
    /// The side of the service the query speaks of (server or app), where the entry is that
    /// side's row of a problem that rows of the other side share: it comes before them.
    pub side_said: Option<Side>,
    /// The query words (bit `i` for the `i`-th, past 64 none) whose exact matches alone
    /// counted: common words.
    strict: u64,
}

/// Which rule ranked a hit, first to last.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tier {
    /// The query is the entry's code.
    Code,
    /// The query is the entry's name or one of its SDK symbols.
    Symbol,
    /// The query mentions the entry's code among other words.
    Mentioned,
    /// An entry's text holds the query's words in a row.
    Phrase,
    /// An entry's text holds, in a row, English words pasted into a longer query (a message
    /// quoted from a log in a Chinese sentence).
    Pasted,
    /// Its words, by score.
    #[default]
    Words,
}

impl Tier {
    pub fn name(self) -> &'static str {
        match self {
            Tier::Code => "code",
            Tier::Symbol => "symbol",
            Tier::Mentioned => "code in query",
            Tier::Phrase => "phrase",
            Tier::Pasted => "pasted phrase",
            Tier::Words => "words",
        }
    }
}

/// A query word found in one of a hit's texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Matched {
    /// The query's word.
    pub term: String,
    /// The entry's word it matched.
    pub word: String,
    /// The text it is in: a field's name, `symbol`, `sdk_comment`, or `ours` (chaterr's own
    /// words for the entry's concept, not the vendor's).
    pub field: &'static str,
    /// How: `exact` (same stem), `prefix`, `typo` or `synonym`.
    pub how: &'static str,
}

impl Matched {
    /// Whether the word is in chaterr's own words rather than the vendor's or an SDK's.
    pub fn is_ours(&self) -> bool {
        self.field == OURS
    }
}

/// The name of chaterr's own words among the texts [`why_ranked`] reports.
pub const OURS: &str = "ours";

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
    &["exist", "found", "find", "missing"],
];

/// Added to the score of an entry the query names exactly (code, name or symbol): above any text
/// score, so such entries come first.
pub(crate) const EXACT: f64 = 1000.0;
/// Added to the score of an entry whose code the query mentions among other words: above the
/// exact-phrase tier.
pub(crate) const MENTIONED: f64 = 300.0;
/// Added to the score of an entry holding the query's words in a row.
pub(crate) const PHRASE: f64 = 100.0;
/// Added to the score of an entry holding a message pasted into the query, in a row.
const PASTED: f64 = 50.0;
/// The share of the entries read from which a word is common: its prefix and typo matches do
/// not count.
const COMMON_SHARE: f64 = 0.01;
/// How much of a query's coverage is the rarity of the words matched, the rest the count.
const RARITY_SHARE: f64 = 0.5;
const SYNONYM_WEIGHT: f64 = 0.45;
/// A word of the sense "too X" gives X ([`sense_of`]).
const SENSE_WEIGHT: f64 = 0.7;
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
    let mut hits = match options.mode {
        Mode::Ranked => {
            let mut hits =
                super::semantic::fuse(catalogue, scope, query, ranked(catalogue, scope, query));
            let platforms = platforms_named(query);
            shared_numbering_first(catalogue, &platforms, &mut hits);
            named_platform_first(catalogue, &platforms, &mut hits);
            side_said_first(catalogue, side_said(query), &mut hits);
            named_vendors_first(catalogue, query, &mut hits);
            hits
        }
        Mode::Fixed => grep(catalogue, scope, &regex::escape(query), options.ignore_case)?,
        Mode::Regex => grep(catalogue, scope, query, options.ignore_case)?,
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
    if options.mode == Mode::Ranked && filter.editions.folds() {
        hits = fold(catalogue, hits, options.limit);
    }
    if options.limit > 0 {
        hits.truncate(options.limit);
    }
    Ok(hits)
}

/// A query that names vendors ("tencent im add friend fails", "环信 发消息被拦截") is about
/// their codes: their hits come first, in the order they ranked, and the other vendors' after
/// them (`lookup`'s equivalents and `concepts` give the same problem at the other vendors).
fn named_vendors_first(catalogue: &Catalogue, query: &str, hits: &mut [Hit<'_>]) {
    let named = crate::catalogue::vendor::named_in(query, &catalogue.vendors());
    if named.is_empty() {
        return;
    }
    let is_named = |hit: &Hit<'_>| named.contains(&catalogue.source_of(hit.entry).vendor.as_ref());
    for hit in hits.iter_mut() {
        if is_named(hit)
            && let Some(why) = &mut hit.why
        {
            why.vendor_named = true;
        }
    }
    hits.sort_by_key(|hit| !is_named(hit));
}

/// One hit for the rows of one vendor, product and code that say nearly the same (the platform
/// pages and editions of a document), where the best of them ranked; up to `limit` hits (0: no
/// limit), the rows below the last of them left unread (a large user catalogue ranks them all).
fn fold<'a>(catalogue: &Catalogue, hits: Vec<Hit<'a>>, limit: usize) -> Vec<Hit<'a>> {
    let limit = if limit == 0 { usize::MAX } else { limit };
    let mut kept: Vec<Hit<'a>> = Vec::with_capacity(hits.len().min(limit));
    let mut at: HashMap<(&str, Option<&str>, i64), Vec<usize>> = HashMap::default();
    for hit in hits {
        if kept.len() == limit {
            break;
        }
        let source = catalogue.source_of(hit.entry);
        let key = (&*source.vendor, source.product.as_deref(), hit.entry.code);
        let group = at.entry(key).or_default();
        let same = group
            .iter()
            .copied()
            .find(|&i| say_nearly_the_same(kept[i].entry, hit.entry));
        match same {
            Some(i) => kept[i].folded.push(hit.entry),
            None => {
                group.push(kept.len());
                kept.push(hit);
            }
        }
    }
    kept
}

/// How far down the ranking [`shared_numbering_first`] looks.
const NUMBERING_WINDOW: usize = 200;

/// How many rows down the shared row of a problem may be to take the place of a page's own
/// row (Agora's pages of one code are up to four rows: about the next problem's).
const NUMBERING_NEAR: usize = 6;

/// Words that name a platform with pages of its own (a query naming one is about that page).
const PLATFORM_WORDS: &[(&str, &[&str])] = &[
    (
        "web",
        &[
            "web",
            "browser",
            "javascript",
            "js",
            "typescript",
            "h5",
            "网页",
            "浏览器",
        ],
    ),
    ("android", &["android", "kotlin", "安卓"]),
    ("ios", &["ios", "iphone", "ipad", "swift", "苹果"]),
    ("unity", &["unity"]),
];

/// Of one vendor's rows for one problem (concept), the code more of its pages document comes
/// first: a platform page's own code (Agora Web numbers its errors its own way) after the code
/// the vendor's other pages share, unless the query names that platform. Such rows are the same
/// problem under two numberings; which stood first was decided by text length alone (a web
/// page's shorter description), and a query naming no platform is read as one about the
/// numbering most SDKs use.
fn shared_numbering_first<'a>(catalogue: &'a Catalogue, platforms: &[&str], hits: &mut [Hit<'a>]) {
    let window = hits.len().min(NUMBERING_WINDOW);
    let hits = &mut hits[..window];
    let named = |platform: &str| platforms.contains(&platform);
    // How many pages of the vendor hold each (vendor, code, concept) among the hits.
    let mut pages: HashMap<(&str, i64, Option<&str>), usize> = HashMap::default();
    for hit in hits.iter() {
        let vendor = catalogue.source_of(hit.entry).vendor.as_ref();
        let concept = hit.entry.text(Field::Concept);
        *pages.entry((vendor, hit.entry.code, concept)).or_default() += 1;
    }
    let key = |hit: &Hit<'a>| -> Option<(&'a str, &'a str, usize)> {
        let concept = hit.entry.text(Field::Concept)?;
        let source = catalogue.source_of(hit.entry);
        let count = pages[&(source.vendor.as_ref(), hit.entry.code, Some(concept))];
        Some((source.vendor.as_ref(), concept, count))
    };
    // Per source, whether it numbers its codes its own way, found once.
    let mut own: Vec<Option<bool>> = vec![None; catalogue.sources().len()];
    let mut i = 0;
    while i < hits.len() {
        let hit = &hits[i];
        // The code, name or symbol the query is, and the tiers below it, keep their place (and
        // a search for a code reads no more than before).
        if hit.score >= PHRASE {
            i += 1;
            continue;
        }
        let source = hit.entry.source;
        let own_page = catalogue
            .source_of(hit.entry)
            .platform
            .as_deref()
            .is_some_and(|p| !named(p))
            && *own[source].get_or_insert_with(|| numbers_its_own_way(catalogue, source));
        if own_page && let Some((vendor, concept, count)) = key(hit) {
            // A code more pages hold, or the same code on a page for every platform that
            // words it otherwise (the same wording folds into one hit anyway).
            let shared = (i + 1..hits.len()).find(|&j| {
                let other = &hits[j];
                let same_code_for_all = other.entry.code == hit.entry.code
                    && catalogue.source_of(other.entry).platform.is_none()
                    && !say_nearly_the_same(hit.entry, other.entry);
                other.score < PHRASE
                    && key(other).is_some_and(|(v, c, n)| {
                        v == vendor && c == concept && (n > count || same_code_for_all)
                    })
            });
            if let Some(j) = shared {
                if j - i <= NUMBERING_NEAR {
                    // Near: the shared row takes the place the problem earned.
                    hits[i..=j].rotate_right(1);
                } else {
                    // Far: the page's own row goes right after it, what stood between moves
                    // up one (a row that far down would push better ones down).
                    hits[i..=j].rotate_left(1);
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// The platforms a query names by their words (`browser`: web).
fn platforms_named(query: &str) -> Vec<&'static str> {
    let lower = query.to_lowercase();
    let said = words(&lower);
    let says = |w: &&str| said.iter().any(|s| s == w) || (!w.is_ascii() && lower.contains(w));
    PLATFORM_WORDS
        .iter()
        .filter(|(_, words)| words.iter().any(says))
        .map(|&(platform, _)| platform)
        .collect()
}

/// Rows of one vendor for one problem on several pages, where the query names the platform of
/// one of them (`…, in the browser`): that page's row comes first, where the best of them
/// ranked, and so stands for the others when they fold into one hit. The vendor's words for the
/// problem on the page the user is on.
fn named_platform_first<'a>(catalogue: &'a Catalogue, platforms: &[&str], hits: &mut [Hit<'a>]) {
    if platforms.is_empty() {
        return;
    }
    let window = hits.len().min(NUMBERING_WINDOW);
    let hits = &mut hits[..window];
    let on_named = |hit: &Hit<'a>| {
        catalogue
            .source_of(hit.entry)
            .platform
            .as_deref()
            .is_some_and(|p| platforms.contains(&p))
    };
    let problem = |hit: &Hit<'a>| -> Option<(&'a str, &'a str)> {
        let vendor = catalogue.source_of(hit.entry).vendor.as_ref();
        Some((vendor, hit.entry.text(Field::Concept)?))
    };
    for i in 0..hits.len() {
        if hits[i].score >= PHRASE || !on_named(&hits[i]) {
            continue;
        }
        let Some(own) = problem(&hits[i]) else {
            continue;
        };
        let first = (0..i).find(|&j| {
            hits[j].score < PHRASE && !on_named(&hits[j]) && problem(&hits[j]) == Some(own)
        });
        if let Some(j) = first {
            hits[j..=i].rotate_right(1);
        }
    }
}

/// The side of a chat service a query speaks of: its server (a REST call, a backend), or the
/// app (the SDK in a client).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Server,
    App,
}

/// Words that put a query on the server's side: the server API's documents are the codes of
/// calls made from a backend.
const SERVER_WORDS: &[&str] = &[
    "server",
    "servers",
    "backend",
    "rest",
    "restful",
    "endpoint",
    "endpoints",
    "webhook",
    "webhooks",
    "curl",
    "服务端",
    "服务器",
    "后端",
];

/// Words that put a query in the app: a client, its platform or its screen.
const APP_WORDS: &[&str] = &[
    "app",
    "apps",
    "client",
    "sdk",
    "android",
    "ios",
    "iphone",
    "ipad",
    "flutter",
    "unity",
    "web",
    "browser",
    "electron",
    "phone",
    "screen",
    "button",
    "tap",
    "taps",
    "客户端",
    "安卓",
    "手机",
    "小程序",
    "页面",
];

/// The side a query speaks of: the server's when it says server words and no app words, the
/// app's when it says no server words (people describing what they see are in an app), none when
/// it says both.
pub(crate) fn side_said(query: &str) -> Option<Side> {
    let lower = query.to_lowercase();
    let said = words(&lower);
    let says = |w: &&str| said.iter().any(|s| s == w) || (!w.is_ascii() && lower.contains(w));
    let server = SERVER_WORDS.iter().any(says) || says_backend(&lower);
    let app = APP_WORDS.iter().any(says) || says_background(&lower);
    match (server, app) {
        (true, false) => Some(Side::Server),
        (false, _) => Some(Side::App),
        (true, true) => None,
    }
}

/// 后台 is a backend ("后台批量发消息"), or the background an app goes to when it leaves the
/// screen ("切到后台", "后台运行"): whether one of its uses here is the backend.
fn says_backend(query: &str) -> bool {
    uses_of_houtai(query).any(|background| !background)
}

/// Whether one of the query's uses of 后台 is an app's background.
fn says_background(query: &str) -> bool {
    uses_of_houtai(query).any(|background| background)
}

/// Each 后台 of the query: whether it is an app's background (after 到, 入 or 切: "切到后台",
/// "进入后台"; before 运行, 挂起, 保活 or 被杀: "后台运行").
fn uses_of_houtai(query: &str) -> impl Iterator<Item = bool> + '_ {
    const BEFORE: &[char] = &['到', '入', '切'];
    const AFTER: &[&str] = &["运行", "挂起", "保活", "被杀"];
    query.match_indices("后台").map(|(at, word)| {
        let before = query[..at].chars().next_back();
        let after = &query[at + word.len()..];
        before.is_some_and(|c| BEFORE.contains(&c)) || AFTER.iter().any(|a| after.starts_with(a))
    })
}

/// The side a source's codes come from: a document of the server API (platform `server`) the
/// server's; a client platform's page, or a document of a vendor that keeps its server API's
/// codes in a document of their own, the app's; a document of both (Tencent's) neither, its
/// rows by their part.
fn side_of(catalogue: &Catalogue, source: usize) -> Option<Side> {
    let sources = catalogue.sources();
    let this = &sources[source];
    match this.platform.as_deref() {
        Some("server") => Some(Side::Server),
        Some(_) => Some(Side::App),
        None => sources
            .iter()
            .any(|s| s.vendor == this.vendor && s.platform.as_deref() == Some("server"))
            .then_some(Side::App),
    }
}

/// Of the rows of one problem (concept), those of the side the query speaks of come first, in
/// the places the problem's rows earned: a backend developer's "rate limited" is the server
/// API's code, an app user's "message too long" the SDK's. Which problem ranks where does not
/// change, nor does a tier above the text scores.
fn side_said_first<'a>(catalogue: &'a Catalogue, side: Option<Side>, hits: &mut [Hit<'a>]) {
    let Some(side) = side else {
        return;
    };
    let window = hits.len().min(NUMBERING_WINDOW);
    let hits = &mut hits[..window];
    let mut sides: Vec<Option<Option<Side>>> = vec![None; catalogue.sources().len()];
    // Per hit, its source's side; per problem, the places its rows hold (text scores only), in
    // ranking order.
    let mut side_at: Vec<Option<Side>> = Vec::with_capacity(hits.len());
    let mut places: HashMap<&'a str, Vec<usize>> = HashMap::default();
    for (i, hit) in hits.iter().enumerate() {
        let source = hit.entry.source;
        let of_source = *sides[source].get_or_insert_with(|| side_of(catalogue, source));
        // A document of both sides says which part of it is the SDK's (Tencent's "Error Codes
        // of the IM SDK"; its server's codes reach the SDK's callbacks too, and stay neither).
        let of_part = || {
            hit.entry
                .text(Field::Part)
                .is_some_and(|part| part.split_whitespace().any(|w| w == "SDK"))
                .then_some(Side::App)
        };
        side_at.push(of_source.or_else(of_part));
        if hit.score < PHRASE
            && let Some(concept) = hit.entry.text(Field::Concept)
        {
            places.entry(concept).or_default().push(i);
        }
    }
    let against = |i: usize| side_at[i].is_some_and(|s| s != side);
    let mut places: Vec<Vec<usize>> = places.into_values().collect();
    places.sort_unstable();
    for at in places {
        if !at.iter().any(|&i| against(i)) || at.iter().all(|&i| against(i)) {
            continue;
        }
        let mut order: Vec<usize> = at.clone();
        order.sort_by_key(|&i| against(i));
        let moved: Vec<Hit<'a>> = order
            .iter()
            .map(|&i| {
                let mut hit = hits[i].clone();
                if side_at[i] == Some(side)
                    && let Some(why) = hit.why.as_mut()
                {
                    why.side_said = Some(side);
                }
                hit
            })
            .collect();
        for (&i, hit) in at.iter().zip(moved) {
            hits[i] = hit;
        }
    }
}

/// Whether a source numbers its codes its own way: fewer than half of its codes are, at
/// another source of its vendor, the same code for the same problem (Agora Web: 19 of 67; the
/// Android, iOS and Unity pages 0.96 and more).
fn numbers_its_own_way(catalogue: &Catalogue, source: usize) -> bool {
    let sources = catalogue.sources();
    let vendor = &sources[source].vendor;
    // Read by keys (no entry built): the source's codes, and where else its vendor has each.
    let mut own: Vec<(i64, usize)> = Vec::new();
    let mut elsewhere: Vec<(i64, usize)> = Vec::new();
    for i in 0..catalogue.len() {
        let key = catalogue.key(i);
        if key.source == source {
            own.push((key.code, i));
        } else if sources[key.source].vendor == *vendor {
            elsewhere.push((key.code, i));
        }
    }
    let concept = |i: usize| catalogue.text_at(i, Field::Concept);
    let shared = own
        .iter()
        .filter(|&&(code, i)| {
            concept(i).is_some_and(|c| {
                elsewhere
                    .iter()
                    .any(|&(other, j)| other == code && concept(j) == Some(c))
            })
        })
        .count();
    2 * shared < own.len()
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
    catalogue: &'a Catalogue,
    scope: &Scope,
    pattern: &str,
    ignore_case: bool,
) -> Result<Vec<Hit<'a>>, SearchError> {
    let regex = RegexBuilder::new(pattern)
        .case_insensitive(ignore_case)
        .build()
        .map_err(|err| SearchError::BadRegex(one_line(&err.to_string())))?;
    let matched = catalogue
        .tables()
        .and_then(|tables| MatchedText::find(tables, &regex, pattern, ignore_case));
    let mut label = String::new();
    Ok(catalogue
        .indices_in(scope)
        .filter_map(|index| {
            let key = catalogue.key(index);
            label.clear();
            write!(label, "{}", key.code_label()).expect("a String takes any write");
            let in_label = regex.find_iter(&label).count();
            if in_label == 0 && matched.as_ref().is_some_and(|m| !m.touches(index)) {
                return None;
            }
            let entry = catalogue.entry(index);
            let count = in_label
                + fields(entry, &[])
                    .map(|(text, _)| regex.find_iter(text).count())
                    .sum::<usize>();
            (count > 0).then(|| Hit::new(entry, count as f64, Highlight::Pattern(regex.clone())))
        })
        .collect())
}

/// Where a pattern matches in the embedded catalogue's one string of texts, so that `-F` and
/// `-e` build and read only the entries with a text there rather than all of them.
///
/// Any match inside one text meets, in the whole string, a match that overlaps that text (the
/// search from before the text's start cannot step over it), so an entry none of whose texts a
/// match overlaps has no match: it is passed over, and the others are read text by text as
/// before. That holds for patterns whose matches depend only on the bytes they span: one with
/// an assertion (`^`, `$`, `\b`) reads the texts' neighbours in the string, and one matching
/// the empty string matches everywhere; those read every entry.
struct MatchedText {
    tables: &'static Tables,
    /// The matches' byte ranges in `tables.text`, in order, not overlapping.
    spans: Vec<(u32, u32)>,
}

impl MatchedText {
    /// At most this many matches are kept; past it, every entry is read (a pattern as common
    /// as `e` passes over nothing anyway).
    const MAX: usize = 1 << 14;

    fn find(
        tables: &'static Tables,
        regex: &Regex,
        pattern: &str,
        ignore_case: bool,
    ) -> Option<Self> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(ignore_case)
            .build()
            .parse(pattern)
            .ok()?;
        if !hir.properties().look_set().is_empty() || regex.is_match("") {
            return None;
        }
        let mut spans = Vec::new();
        for m in regex.find_iter(tables.text) {
            if spans.len() == Self::MAX {
                return None;
            }
            spans.push((m.start() as u32, m.end() as u32));
        }
        Some(MatchedText { tables, spans })
    }

    /// Whether a match overlaps one of the texts of the entry at `index`.
    fn touches(&self, index: usize) -> bool {
        let raw = &self.tables.entries[index];
        let texts = raw.texts.iter().flatten();
        let symbols = (self.tables.symbols_of(raw).iter())
            .flat_map(|s| std::iter::once(&s.name).chain(s.comment.as_ref()));
        texts
            .chain(symbols)
            .any(|span| self.overlaps(span.0, span.0 + span.1))
    }

    fn overlaps(&self, start: u32, end: u32) -> bool {
        let first_ending_after = self.spans.partition_point(|&(_, e)| e <= start);
        self.spans
            .get(first_ending_after)
            .is_some_and(|&(s, _)| s < end)
    }
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

/// "isn't", "can't", "won't", "cannot" (and "isnt", "cant", as people type them) as "not", the
/// word that decides (the verb says little: "does", "can", "will"), so that the negation is a
/// word search reads; "it's", "we've", "user's" lose the ending, which is no word; curly
/// apostrophes read as straight ones.
fn spell_out_negations(text: &str) -> String {
    let text = text.replace(['\u{2019}', '\u{2018}'], "'");
    let mut out = String::with_capacity(text.len() + 8);
    for word in text.split_inclusive(|c: char| c.is_whitespace()) {
        let bare = word.trim_end();
        let space = &word[bare.len()..];
        // Punctuation after the word stays after it ("can't," "isn't.").
        let core = bare.trim_end_matches(|c: char| !c.is_alphanumeric());
        let after = &bare[core.len()..];
        let lower = core.to_ascii_lowercase();
        let spelled: Option<String> = match lower.as_str() {
            "can't" | "cannot" | "cant" | "won't" | "wont" | "ain't" => Some("not".to_owned()),
            _ => lower
                .strip_suffix("n't")
                .or_else(|| lower.strip_suffix("nt").filter(|s| NT_STEMS.contains(s)))
                .map(|_| "not".to_owned())
                .or_else(|| {
                    ["'s", "'re", "'ve", "'ll", "'d", "'m"]
                        .iter()
                        .find_map(|e| lower.strip_suffix(e))
                        .map(|s| core[..s.len()].to_owned())
                }),
        };
        match spelled {
            Some(s) => {
                out.push_str(&s);
                out.push_str(after);
                out.push_str(space);
            }
            None => out.push_str(word),
        }
    }
    out
}

/// The verbs whose negation people type without the apostrophe ("doesnt", "isnt").
const NT_STEMS: &[&str] = &[
    "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "could", "would",
    "should", "must", "need",
];

/// Numbers in the query that read as error codes: three or more digits, or negative.
fn codes_mentioned(text: &str) -> Vec<i64> {
    let bytes = text.as_bytes();
    let mut codes = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A number run on from a word (`w6003`, `v2`) is part of it, all its digits: not `003`.
        if i > 0 && bytes[i - 1].is_ascii_alphabetic() {
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
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
        if !keyed && is_quantity(&text[..start], &text[i..]) {
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

/// Whether a number, between `before` and `after`, counts or measures something rather than
/// naming a code: "more than 100 users", "~500 sends", "1000 member group", "超过500个", "20MB".
fn is_quantity(before: &str, after: &str) -> bool {
    let before = before.trim_end().to_lowercase();
    let after = after.trim_start().to_lowercase();
    let next_word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric() && !is_cjk(*c))
        .collect();
    QUANTIFIERS.iter().any(|q| before.ends_with(q))
        || before.ends_with(['~', '<', '>', '≈', '约', '第'])
        || after.starts_with(|c: char| {
            matches!(
                c,
                '%' | '个'
                    | '人'
                    | '条'
                    | '次'
                    | '秒'
                    | '天'
                    | '字'
                    | '名'
                    | '位'
                    | '张'
                    | '群'
                    | '页'
                    | '元'
            )
        })
        || after.starts_with("分钟")
        || after.starts_with("小时")
        || UNITS.contains(&next_word.as_str())
        || (next_word.len() > 3 && UNITS.iter().any(|u| stem(&next_word) == stem(u)))
}

/// Words before a number that make it a count: "more than 100", "超过500".
const QUANTIFIERS: &[&str] = &[
    "than",
    "over",
    "under",
    "about",
    "around",
    "above",
    "below",
    "up to",
    "least",
    "most",
    "only",
    "exceed",
    "exceeds",
    "after",
    "every",
    "per",
    "超过",
    "超出",
    "大于",
    "多于",
    "最多",
    "不超过",
    "上限",
    "达到",
];

/// Words after a number that make it a count or a measure: "100 users", "20 MB".
const UNITS: &[&str] = &[
    "b",
    "kb",
    "mb",
    "gb",
    "k",
    "m",
    "ms",
    "s",
    "sec",
    "secs",
    "seconds",
    "minutes",
    "mins",
    "hours",
    "days",
    "weeks",
    "bytes",
    "characters",
    "chars",
    "users",
    "members",
    "member",
    "people",
    "persons",
    "messages",
    "msgs",
    "times",
    "sends",
    "requests",
    "groups",
    "rooms",
    "friends",
    "contacts",
    "accounts",
    "items",
    "ids",
    "keys",
    "files",
    "invitees",
    "devices",
    "percent",
    "qps",
    "px",
];

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

/// A query word: its stem, its synonyms' stems (each with its weight), and how many typos it
/// tolerates.
struct QueryTerm {
    /// The word as the query wrote it (lowercased).
    word: String,
    root: String,
    synonyms: Vec<(String, f64)>,
    budget: usize,
    /// The root's length in characters, for rejecting typo candidates before `distance`.
    root_chars: usize,
    /// Whether a longer word starting with the root stands for it: not for Chinese, whose
    /// characters and pairs are terms of their own (`好` is no unfinished `好友`).
    prefixes: bool,
    /// Whether a number can match it: only where the word or a synonym has a digit (a word of
    /// letters is no number, nor its prefix, nor within its typo budget of one, which is below
    /// its length), so that the numbers of a user's catalogue of 100,000 numbered entries are
    /// not measured against it one by one.
    numeric: bool,
}

impl QueryTerm {
    fn new(word: &str, sense: Option<&[&str]>) -> Self {
        let root = stem(word);
        let mut synonyms: Vec<(String, f64)> = Vec::new();
        let mut add = |s: String, weight: f64| {
            if s != root && !synonyms.iter().any(|(t, _)| *t == s) {
                synonyms.push((s, weight));
            }
        };
        // A sense the words around it decide ("too long": a length) first, at its own weight.
        for w in sense.unwrap_or_default() {
            add(stem(w), SENSE_WEIGHT);
        }
        for group in SYNONYMS
            .iter()
            .filter(|g| g.iter().any(|w| stem(w) == root))
        {
            for w in *group {
                add(stem(w), SYNONYM_WEIGHT);
            }
        }
        QueryTerm {
            word: word.to_owned(),
            budget: typo_budget(&root),
            root_chars: root.chars().count(),
            prefixes: root.len() >= 3 && !root.chars().any(is_cjk),
            numeric: has_digit(&root) || synonyms.iter().any(|(s, _)| has_digit(s)),
            root,
            synonyms,
        }
    }

    /// How well a catalogue stem (of `stem_chars` characters) stands for this word, and how:
    /// exact, prefix, typo or synonym.
    fn matching(&self, stem: &str, stem_chars: usize) -> Option<(f64, &'static str)> {
        if stem == self.root {
            Some((1.0, "exact"))
        } else if self.prefixes && stem.starts_with(self.root.as_str()) {
            Some((PREFIX_WEIGHT, "prefix"))
        } else if self.budget > 0
            && stem_chars.abs_diff(self.root_chars) <= self.budget
            && distance(&self.root, stem, self.budget).is_some()
        {
            Some((TYPO_WEIGHT, "typo"))
        } else {
            self.synonyms
                .iter()
                .find(|(s, _)| s == stem)
                .map(|&(_, weight)| (weight, "synonym"))
        }
    }
}

fn has_digit(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
}

/// Whether a match is by prefix or with a typo: for a word the user may not have finished or
/// spelled right, not for a common word the catalogue has as it is ("user" is no "usersig").
fn is_loose(how: &str) -> bool {
    matches!(how, "prefix" | "typo")
}

/// The runs of English words in a query that has more than them, cut at anything but spaces
/// and the joins of words ("-", "_", "'"): Chinese text, punctuation, brackets. A run counts when
/// it has at least three words, two of them not common.
fn pasted_runs(text: &str, all: &[String]) -> Vec<Vec<String>> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_' | '\'')))
        .map(words)
        .filter(|run| {
            run.len() >= 3
                && run.len() < all.len()
                && run.iter().filter(|w| !is_stop_word(w)).count() >= 2
        })
        .collect()
}

/// "11th", "2nd", "3rd", "21st": a count, said as an order.
fn is_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

/// Whether the word is the "too" of "too long" (or "so", "very"…): its sense goes with the word
/// after it ([`sense_of`]), and alone it would match any "too" ("username too long" for "token
/// too old").
fn intensifies(words: &[String], i: usize) -> bool {
    INTENSIFIERS.contains(&words[i].as_str())
        && i + 1 < words.len()
        && sense_of(words, i + 1).is_some()
}

const INTENSIFIERS: &[&str] = &["too", "so", "very", "over", "excessively"];

/// What "too X" (or "X than allowed") means, by the adjective: a length, a count, a size, a rate,
/// an age; words of that sense are matched for the adjective, above other synonyms. "Takes too
/// long" is a time, not a length.
fn sense_of(words: &[String], i: usize) -> Option<&'static [&'static str]> {
    let word = words[i].as_str();
    if is_ordinal(word) {
        // "the 11th key", "a 6th room": one more than allowed.
        return Some(&["number", "count", "exceed", "limit", "maximum", "upper"]);
    }
    let before = |k: usize| i.checked_sub(k).map(|j| words[j].as_str());
    let too = matches!(
        before(1),
        Some("too" | "so" | "very" | "over" | "excessively")
    );
    let than = words.get(i + 1).is_some_and(|w| w == "than");
    if !(too || than) {
        return None;
    }
    let waited = (2..=3).any(|k| {
        matches!(
            before(k),
            Some("take" | "takes" | "took" | "taking" | "wait" | "waiting" | "waited" | "for")
        )
    });
    Some(match word {
        "long" | "longer" if waited => &["timeout", "time", "timed"],
        "long" | "longer" => &[
            "length",
            "characters",
            "bytes",
            "exceed",
            "limit",
            "maximum",
        ],
        "many" | "much" | "more" => &["number", "count", "exceed", "limit", "maximum", "upper"],
        "big" | "bigger" | "large" | "larger" | "huge" => {
            &["size", "bytes", "exceed", "limit", "maximum", "large"]
        }
        "often" | "frequent" | "frequently" | "fast" | "quick" | "quickly" => {
            &["frequency", "frequent", "rate", "limit"]
        }
        "old" | "older" => &["expire", "expired", "version"],
        "short" => &["minimum", "short"],
        _ => return None,
    })
}

/// A catalogue stem that matches some query word: the stem, per query word how well it
/// matches, and in how many entries it stands.
struct MatchedStem {
    stem: String,
    weights: Vec<f64>,
    /// Per query word, whether it matches only loosely: by prefix or with a typo.
    loose: Vec<bool>,
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
    /// Runs of English words inside a longer query, as a message pasted from a log or a dialog
    /// into a sentence ("加入群组提示 invalid group id").
    pasted: Vec<Vec<String>>,
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
            .enumerate()
            .filter(|&(i, w)| !is_stop_word(w) && !is_code(w) && !intensifies(&words, i))
            .map(|(i, w)| QueryTerm::new(w, sense_of(&words, i)))
            .fold(Vec::<QueryTerm>::new(), |mut terms, term| {
                // A word said twice ("users … user") counts once.
                if !terms.iter().any(|t| t.root == term.root) {
                    terms.push(term);
                }
                terms
            });
        Query {
            code,
            mentioned,
            name_like: text.is_ascii() && !text.contains(char::is_whitespace) && text.len() >= 3,
            pasted: pasted_runs(text, &words),
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

    /// Whether the query is the entry's code.
    fn is_code_of(&self, entry: &Entry) -> bool {
        self.code.is_some_and(|c| entry.covers(c))
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
        let number = !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_digit());
        if number && !terms.iter().any(|t| t.numeric) {
            return None;
        }
        let stem_chars = stem.chars().count();
        let mut weights: Option<(Vec<f64>, Vec<bool>)> = None;
        for (i, term) in terms.iter().enumerate() {
            if number && !term.numeric {
                continue;
            }
            if let Some((weight, how)) = term.matching(stem, stem_chars) {
                // A number one digit off is another number (`w1403` is no typo of `1403`).
                if number && how == "typo" {
                    continue;
                }
                let (weights, loose) = weights
                    .get_or_insert_with(|| (vec![0.0; terms.len()], vec![false; terms.len()]));
                weights[i] = weight;
                loose[i] = is_loose(how);
            }
        }
        let (weights, loose) = weights?;
        self.matched.push(MatchedStem {
            stem: stem.to_owned(),
            weights,
            loose,
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
    let ids = classify_index(index, query, matches);
    let mut gathered = Gathered::new();
    for i in catalogue.indices_in(scope) {
        let (stems, length) = indexed_stems(index, &ids, i);
        let entry = || catalogue.entry(i);
        gathered.read(catalogue.key(i), entry, stems, length, query, matches);
    }
    gathered
}

/// Each distinct stem of the embedded index matched against the query once: its id, or none.
fn classify_index(index: &Tables, query: &Query<'_>, matches: &mut Matches) -> Vec<Option<usize>> {
    index
        .stems()
        .map(|stem| matches.classify(stem, &query.terms))
        .collect()
}

/// The matched stems (id, weighted count) and the length of the embedded entry at `at`.
fn indexed_stems(index: &Tables, ids: &[Option<usize>], at: usize) -> (Vec<(usize, f64)>, f64) {
    let (start, end, length) = index.entry_terms[at];
    let stems = index.terms[start as usize..end as usize]
        .iter()
        .filter_map(|&(stem, tf)| ids[stem as usize].map(|id| (id, tf)))
        .collect();
    (stems, length)
}

/// How many distinct words and stems search remembers while reading entries at run time. A
/// large catalogue's numbers and names are mostly words of one entry each: past this,
/// remembering them costs more (a table outgrowing the caches) than stemming them again.
const REMEMBERED_WORDS: usize = 1 << 15;

/// Candidates from entries read at run time (users' catalogues): each distinct word is stemmed
/// and matched against the query once, up to `remembered` of them; a stem that matches is
/// always remembered, so that it is counted under one id. An embedded entry that no user's file
/// replaced is read from the embedded index instead, where `reading` allows it: its stems are
/// matched once for all, and given the same ids as the same stems read in words, so that each
/// stem's document frequency counts both.
fn candidates_from_entries<'a>(
    catalogue: &'a Catalogue,
    scope: &Scope,
    query: &Query<'_>,
    matches: &mut Matches,
    remembered: usize,
    reading: Reading,
) -> Gathered<'a> {
    let mut words = WordReader::new(remembered);
    let mut gathered = Gathered::new();
    let index = catalogue.embedded_tables();
    // Where each embedded entry is in the index, by (source, code): the embedded sources keep
    // their places in front of the users'.
    let mut embedded_at: HashMap<(usize, i64), usize> = HashMap::default();
    let mut ids: Vec<Option<usize>> = Vec::new();
    if reading == Reading::Index {
        embedded_at = (0..index.entries.len())
            .map(|i| {
                let key = index.key(i);
                ((key.source, key.code), i)
            })
            .collect();
        ids = classify_index(index, query, matches);
        for (stem, &id) in index.stems().zip(&ids) {
            if id.is_some() {
                words.stems_seen.insert(stem.to_owned(), id);
            }
        }
    }
    for i in catalogue.indices_in(scope) {
        let entry = catalogue.entry(i);
        let at = match entry.origin {
            None => embedded_at.get(&(entry.source, entry.code)).copied(),
            Some(_) => None,
        };
        let (stems, length) = match at {
            Some(at) => indexed_stems(index, &ids, at),
            None => words.read(catalogue, entry, query, matches),
        };
        gathered.read(entry.key(), || entry, stems, length, query, matches);
    }
    gathered
}

/// How the first pass reads entries held at run time: embedded ones from the index where it
/// can, or every entry word by word (tests compare the two).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    Index,
    #[cfg(test)]
    Words,
}

/// Reads entries word by word, remembering each distinct word's and stem's match.
struct WordReader {
    words: HashMap<String, Option<usize>>,
    stems_seen: HashMap<String, Option<usize>>,
    buf: String,
    remembered: usize,
}

impl WordReader {
    fn new(remembered: usize) -> Self {
        WordReader {
            words: HashMap::default(),
            stems_seen: HashMap::default(),
            buf: String::new(),
            remembered,
        }
    }

    /// An entry's matched stems (id, weighted count) and its length.
    fn read(
        &mut self,
        catalogue: &Catalogue,
        entry: &Entry,
        query: &Query<'_>,
        matches: &mut Matches,
    ) -> (Vec<(usize, f64)>, f64) {
        let WordReader {
            words,
            stems_seen,
            buf,
            remembered,
        } = self;
        let remembered = *remembered;
        let mut stems: Vec<(usize, f64)> = Vec::new();
        let ours = entry
            .text(Field::Concept)
            .map(|id| catalogue.concept_words(id))
            .unwrap_or_default();
        let length = for_each_term(fields(entry, &ours), buf, |word, weight| {
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
        (stems, length)
    }
}

fn ranked<'a>(catalogue: &'a Catalogue, scope: &Scope, text: &str) -> Vec<Hit<'a>> {
    ranked_remembering(catalogue, scope, text, REMEMBERED_WORDS, Reading::Index)
}

fn ranked_remembering<'a>(
    catalogue: &'a Catalogue,
    scope: &Scope,
    text: &str,
    remembered: usize,
    reading: Reading,
) -> Vec<Hit<'a>> {
    let query = Query::new(text);
    let mut matches = Matches::default();
    let gathered = match catalogue.tables().filter(|_| reading == Reading::Index) {
        Some(index) => candidates_from_index(catalogue, scope, index, &query, &mut matches),
        None => {
            candidates_from_entries(catalogue, scope, &query, &mut matches, remembered, reading)
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
/// the share of the query matched, counting each word both once and by its rarity; then the
/// code and exact-phrase tiers.
fn rank<'a>(
    candidates: Vec<Candidate<'a>>,
    totals: &Totals,
    query: &Query<'_>,
    matched: &[MatchedStem],
) -> Vec<Hit<'a>> {
    let n = totals.entries as f64;
    let idf = |df: f64| ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
    // Each matched stem's, once: the loops below read it for every candidate and query word.
    let idf_of: Vec<f64> = matched
        .iter()
        .map(|m| idf(m.document_frequency as f64))
        .collect();
    let average_length = (totals.length / n.max(1.0)).max(f64::EPSILON);
    let matcher = SkimMatcherV2::default();
    let terms = &query.terms;
    // How much each query word says: the rarity of the catalogue's word that stands for it best
    // (of its own stem if the catalogue has it), so that in a long query the one rare word that
    // decides outweighs the common ones ("send", "group", "message").
    let rarity: Vec<f64> = (0..terms.len())
        .map(|t| {
            let best = |exact: bool| {
                matched
                    .iter()
                    .zip(&idf_of)
                    .filter(|(m, _)| m.weights[t] >= 1.0 || (!exact && m.weights[t] > 0.0))
                    .map(|(_, &idf)| idf)
                    .reduce(f64::min)
            };
            best(true)
                .or_else(|| best(false))
                .unwrap_or_else(|| idf(0.0))
        })
        .collect();
    let total_rarity: f64 = rarity.iter().sum();
    // A query word that the catalogue has as it is, in many entries, means that word: its
    // prefix and typo matches do not count.
    let strict: Vec<bool> = (0..terms.len())
        .map(|t| {
            matched.iter().any(|m| {
                m.weights[t] >= 1.0
                    && !m.loose[t]
                    && m.document_frequency as f64 >= (COMMON_SHARE * n).max(1.0)
            })
        })
        .collect();
    let strict_bits = strict
        .iter()
        .take(64)
        .enumerate()
        .fold(0u64, |bits, (t, &on)| bits | (u64::from(on) << t));
    let weight = |m: &MatchedStem, t: usize| {
        if strict[t] && m.loose[t] {
            0.0
        } else {
            m.weights[t]
        }
    };
    let whole = Phrase::new(&query.words);
    let pasted: Vec<Phrase<'_>> = query.pasted.iter().map(|run| Phrase::new(run)).collect();
    let mut lower = Vec::new();
    let mut hits: Vec<Hit<'a>> = candidates
        .into_iter()
        .filter_map(|c| {
            let norm =
                |tf: f64| tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * c.length / average_length));
            let mut words = 0.0;
            let mut matched_terms = 0;
            let mut matched_rarity = 0.0;
            for (t, term_rarity) in rarity.iter().enumerate() {
                let best = c
                    .stems
                    .iter()
                    .map(|&(id, tf)| weight(&matched[id], t) * idf_of[id] * norm(tf))
                    .fold(0.0, f64::max);
                if best > 0.0 {
                    matched_terms += 1;
                    matched_rarity += term_rarity;
                    words += best;
                }
            }
            let coverage = if terms.is_empty() {
                1.0
            } else {
                let share = matched_terms as f64 / terms.len() as f64;
                let rare_share = matched_rarity / total_rarity.max(f64::EPSILON);
                RARITY_SHARE * rare_share + (1.0 - RARITY_SHARE) * share
            };
            let mut why = Why {
                words,
                coverage,
                strict: strict_bits,
                ..Why::default()
            };
            // A name typed loosely ("usrnotlogin", "NOT_LOGIN") still finds it; a common word
            // ("the") is no name typed loosely.
            if query.name_like
                && !terms.is_empty()
                && let Some(name) = c.entry.name()
                && let Some(fuzzy) = matcher.fuzzy_match(name, query.text)
            {
                why.name = fuzzy as f64 / 40.0;
            }
            // Tiers above any text score: the code, name or symbol itself, a code the query
            // mentions, then the exact phrase.
            (why.tier, why.bonus) = if query.is_code_of(c.entry) {
                (Tier::Code, EXACT)
            } else if query.is_exactly(c.entry) {
                (Tier::Symbol, EXACT)
            } else if query.mentions(c.entry) {
                (Tier::Mentioned, MENTIONED)
            } else if query.words.len() > 1
                && matched_terms == terms.len()
                && whole.in_entry(c.entry, &mut lower)
            {
                (Tier::Phrase, PHRASE)
            } else if matched_terms >= 2
                && pasted.iter().any(|run| run.in_entry(c.entry, &mut lower))
            {
                (Tier::Pasted, PASTED)
            } else {
                (Tier::Words, 0.0)
            };
            let score = words * coverage + why.name + why.bonus;
            (score > 0.0).then(|| Hit {
                why: Some(why),
                ..Hit::new(c.entry, score, Highlight::Stems(Arc::from([])))
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

/// Fills in, for each hit of a ranked search, which of the query's words matched which of its
/// texts, chaterr's own words named as such ([`OURS`]). The texts are read again for the hits
/// given only (those shown), so that ranking costs the same without it.
pub fn why_ranked(catalogue: &Catalogue, query: &str, hits: &mut [Hit<'_>]) {
    let query = Query::new(query.trim());
    let mut buf = String::new();
    for hit in hits {
        let Some(why) = hit.why.as_mut() else {
            continue;
        };
        let ours = hit
            .entry
            .text(Field::Concept)
            .map(|id| catalogue.concept_words(id))
            .unwrap_or_default();
        let mut matched: Vec<Matched> = Vec::new();
        for (field, text) in labelled_texts(hit.entry, &ours) {
            for_each_word(text, &mut buf, |word, _| {
                if is_stop_word(word) {
                    return;
                }
                let stem = stem(word);
                let stem_chars = stem.chars().count();
                for (t, term) in query.terms.iter().enumerate() {
                    let Some((_, how)) = term.matching(&stem, stem_chars) else {
                        continue;
                    };
                    if is_loose(how) && t < 64 && why.strict & (1 << t) != 0 {
                        continue;
                    }
                    let m = Matched {
                        term: term.word.clone(),
                        word: word.to_owned(),
                        field,
                        how,
                    };
                    if !matched.contains(&m) {
                        matched.push(m);
                    }
                }
            });
        }
        why.matched = matched;
    }
}

/// The texts ranked search reads of an entry, as [`fields`] gives them, each with its name.
fn labelled_texts<'e>(
    entry: &'e Entry,
    ours: &'e [&'static str],
) -> impl Iterator<Item = (&'static str, &'e str)> {
    let mut comments: Vec<&'e str> = Vec::new();
    Field::ALL
        .into_iter()
        .filter(|field| field.weight() > 0.0)
        .filter_map(|field| entry.text(field).map(|text| (field.name(), text)))
        .chain(entry.symbols.iter().map(|s| ("symbol", s.name.as_ref())))
        .chain(
            entry
                .symbols
                .iter()
                .filter_map(|s| s.comment.as_deref())
                .filter(move |c| {
                    let new = !comments.contains(c);
                    if new {
                        comments.push(c);
                    }
                    new
                })
                .map(|c| ("sdk_comment", c)),
        )
        .chain(ours.iter().map(|text| (OURS, *text)))
}

/// A phrase to look for in entries' fields, with a quick test that passes over the fields that
/// cannot hold it: a field of ASCII text holds the phrase's words only if it holds each of
/// them as bytes, case aside. A search of 100,000 entries of a user's catalogue, each matching
/// every word of the query, would otherwise read every field word by word.
struct Phrase<'w> {
    words: &'w [String],
    /// The phrase's distinct ASCII words but "not" (which "doesn't" also gives), longest
    /// first: the likeliest to be missing.
    finders: Vec<memmem::Finder<'static>>,
}

impl<'w> Phrase<'w> {
    fn new(words: &'w [String]) -> Self {
        let mut distinct: Vec<&str> = Vec::new();
        for word in words {
            if word != "not" && word.is_ascii() && !distinct.contains(&word.as_str()) {
                distinct.push(word);
            }
        }
        distinct.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let finders = distinct
            .iter()
            .map(|w| memmem::Finder::new(w.as_bytes()).into_owned())
            .collect();
        Phrase { words, finders }
    }

    /// Whether a field may hold the phrase: it is not ASCII, or it holds every ASCII word of
    /// it, lowercased into `lower`.
    fn may_hold(&self, text: &str, lower: &mut Vec<u8>) -> bool {
        if self.finders.is_empty() || !text.is_ascii() {
            return true;
        }
        lower.clear();
        lower.extend_from_slice(text.as_bytes());
        lower.make_ascii_lowercase();
        self.finders.iter().all(|f| f.find(lower).is_some())
    }

    fn in_entry(&self, entry: &Entry, lower: &mut Vec<u8>) -> bool {
        contains_phrase_where(entry, self.words, |text| self.may_hold(text, lower))
    }
}

/// The query's words, in order, inside one field of the entry.
#[cfg(test)]
fn contains_phrase(entry: &Entry, phrase: &[String]) -> bool {
    contains_phrase_where(entry, phrase, |_| true)
}

/// The phrase's words, in order, inside one field of the entry for which `may_hold` is true.
fn contains_phrase_where(
    entry: &Entry,
    phrase: &[String],
    mut may_hold: impl FnMut(&str) -> bool,
) -> bool {
    let mut buf = String::new();
    // How many of the phrase's words each partial match has met so far.
    let mut partial: Vec<usize> = Vec::with_capacity(phrase.len());
    fields(entry, &[]).any(|(text, _)| {
        if !may_hold(text) {
            return false;
        }
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

    /// `-F` and `-e` read only the entries with a match in the catalogue's string of texts:
    /// the same hits and counts as reading every entry, for patterns that match across the
    /// texts' joins, at their starts and ends, in names, comments and codes.
    #[test]
    fn grep_reads_only_the_entries_the_string_of_texts_matches_and_misses_none() {
        let catalogue = Catalogue::embedded();
        let every_entry = |pattern: &str, ignore_case: bool| -> Vec<(usize, i64, usize)> {
            let regex = RegexBuilder::new(pattern)
                .case_insensitive(ignore_case)
                .build()
                .unwrap();
            catalogue
                .entries()
                .filter_map(|entry| {
                    let count = std::iter::once(entry.code_label().as_str())
                        .map(|label| regex.find_iter(label).count())
                        .sum::<usize>()
                        + fields(entry, &[])
                            .map(|(text, _)| regex.find_iter(text).count())
                            .sum::<usize>();
                    (count > 0).then_some((entry.source, entry.code, count))
                })
                .collect()
        };
        let patterns = [
            ("token has expired", false, true),
            ("TOKEN", true, true),
            ("未登录", false, true),
            ("600010", false, true),
            ("ZIMErrorCode", false, true),
            (".", false, false),
            ("d. [A-Z]", false, false),
            ("ed$", false, false),
            ("^Not", false, false),
            (r"\buser\b", true, false),
            ("x*", false, false),
            ("[0-9]{7}", false, false),
            ("a.{0,40}b", false, false),
        ];
        for (pattern, ignore_case, literal) in patterns {
            let pattern = match literal {
                true => regex::escape(pattern),
                false => pattern.to_owned(),
            };
            let hits: Vec<(usize, i64, usize)> =
                grep(&catalogue, &Scope::All, &pattern, ignore_case)
                    .unwrap()
                    .iter()
                    .map(|h| (h.entry.source, h.entry.code, h.score as usize))
                    .collect();
            assert_eq!(hits, every_entry(&pattern, ignore_case), "{pattern}");
            assert!(!hits.is_empty(), "{pattern} finds something");
        }
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
        for query in INDEX_QUERIES {
            for scope in [&Scope::All, &zego] {
                assert_eq!(
                    lexical(&embedded, scope, query, Reading::Index),
                    lexical(&read, scope, query, Reading::Words),
                    "{query}"
                );
            }
        }
    }

    /// With a user's entries merged in, the embedded entries no file replaced are read from the
    /// index, the others word by word: the same ranking as reading every entry word by word,
    /// a replaced entry read as the file says, a stem both kinds of entry hold counted once.
    #[test]
    fn a_merged_catalogue_reads_its_embedded_entries_from_the_index() {
        let embedded = Catalogue::embedded();
        let mut sources = embedded.sources().to_vec();
        let mut entries: Vec<Entry> = embedded.entries().cloned().collect();
        let origin: Option<Arc<str>> = Some(Arc::from("user.toml"));
        // A file replacing an embedded entry (ZIM's 6000103), and a source of the user's own.
        let replaced = entries
            .iter_mut()
            .find(|e| e.code == 6000103 && e.origin.is_none())
            .unwrap();
        replaced.set_text(Field::Description, "The token was revoked by the backend.");
        replaced.origin = origin.clone();
        let mut own = entries[0].clone();
        own.source = sources.len();
        sources.push(crate::catalogue::Source {
            id: "mine".into(),
            vendor: "acme".into(),
            ..sources[0].clone()
        });
        for (code, text) in [
            (900_001, "Token expired for the backend shard."),
            (900_002, "User kicked out by admin."),
        ] {
            own.code = code;
            own.symbols = Vec::new().into();
            own.set_text(Field::Description, text);
            own.origin = origin.clone();
            entries.push(own.clone());
        }
        let merged = Catalogue::new(sources, entries);
        assert!(merged.tables().is_none());
        let zego = merged.scope("zego").unwrap();
        for query in INDEX_QUERIES
            .iter()
            .chain(&["token revoked backend", "kicked admin"])
        {
            for scope in [&Scope::All, &zego] {
                let words = lexical(&merged, scope, query, Reading::Words);
                assert_eq!(
                    lexical(&merged, scope, query, Reading::Index),
                    words,
                    "{query}"
                );
            }
        }
        let revoked = lexical(
            &merged,
            &Scope::All,
            "token revoked backend",
            Reading::Index,
        );
        assert_eq!(revoked.first().map(|h| h.1), Some(6000103), "{revoked:?}");
    }

    const INDEX_QUERIES: [&str; 11] = [
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
    ];

    /// The lexical ranking alone, read one way or the other: (source, code, score) per hit.
    fn lexical(
        catalogue: &Catalogue,
        scope: &Scope,
        query: &str,
        reading: Reading,
    ) -> Vec<(usize, i64, String)> {
        ranked_remembering(catalogue, scope, query, REMEMBERED_WORDS, reading)
            .iter()
            .map(|h| (h.entry.source, h.entry.code, format!("{:.9}", h.score)))
            .collect()
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
            let all = scored(ranked_remembering(
                &read,
                &Scope::All,
                query,
                REMEMBERED_WORDS,
                Reading::Words,
            ));
            assert!(!all.is_empty(), "{query}");
            for remembered in [0, 1, 50] {
                let limited =
                    ranked_remembering(&read, &Scope::All, query, remembered, Reading::Words);
                assert_eq!(scored(limited), all, "{query}, remembering {remembered}");
            }
        }
    }

    #[test]
    fn contractions_are_spelled_out_as_not() {
        assert_eq!(spell_out_negations("it isn't sent"), "it not sent");
        assert_eq!(
            spell_out_negations("I can’t log in, doesnt work"),
            "I not log in, not work"
        );
        assert_eq!(
            spell_out_negations("the user's avatar won't load."),
            "the user avatar not load."
        );
        assert_eq!(spell_out_negations("want to print"), "want to print");
    }

    #[test]
    fn too_long_is_a_length_unless_it_is_waited_for() {
        let sense = |q: &str, word: &str| {
            let words = words(q);
            let i = words.iter().position(|w| w == word).unwrap();
            sense_of(&words, i).map(|s| s[0])
        };
        assert_eq!(sense("the nickname is too long", "long"), Some("length"));
        assert_eq!(sense("login takes too long", "long"), Some("timeout"));
        assert_eq!(sense("too many members", "many"), Some("number"));
        assert_eq!(sense("file bigger than 20 MB", "bigger"), Some("size"));
        assert_eq!(sense("a long message", "long"), None);
        assert_eq!(sense("adding an 11th key", "11th"), Some("number"));
        let query = Query::new("the nickname is too long");
        assert!(
            !query.terms.iter().any(|t| t.word == "too"),
            "\"too\" goes with \"long\""
        );
    }

    #[test]
    fn counts_and_sizes_in_a_sentence_are_no_codes() {
        assert_eq!(codes_mentioned("login fails with 70001"), [70001]);
        assert_eq!(codes_mentioned("无法登陆报错6014"), [6014]);
        assert_eq!(codes_mentioned("errorCode: 2, over 100 members"), [2]);
        for query in [
            "more than 100 users",
            "fails after ~100 sends",
            "our 1000 member group",
            "一次超过500个账号",
            "files bigger than 100 MB",
            "up to 200 characters",
        ] {
            assert!(codes_mentioned(query).is_empty(), "{query}");
        }
    }

    #[test]
    fn a_number_run_on_from_a_word_is_part_of_it() {
        // Not `003`, code 3: the digits after a letter are the word's, all of them.
        for query in ["w6003", "build v2024 crashes", "ipv6000 address"] {
            assert!(codes_mentioned(query).is_empty(), "{query}");
        }
        assert_eq!(codes_mentioned("w6003 then 6003"), [6003]);
    }

    #[test]
    fn english_pasted_into_a_longer_query_is_a_phrase() {
        let runs = |q: &str| Query::new(q).pasted;
        assert_eq!(
            runs("加入群组提示 invalid group id"),
            [["invalid", "group", "id"]]
        );
        assert!(
            runs("invalid group id").is_empty(),
            "the whole query is the phrase tier's"
        );
        assert!(
            runs("报错 of the").is_empty(),
            "common words alone are no message"
        );
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

    /// The quick test on a field's bytes passes over no field that holds the phrase: the same
    /// answer as reading every field word by word, for phrases taken from the catalogue's own
    /// texts (ASCII and Chinese, names split at their underscores and camelCase), with "not"
    /// that "doesn't" gives, and phrases no entry holds.
    #[test]
    fn the_quick_test_for_a_phrase_passes_over_no_field_that_holds_it() {
        let catalogue = Catalogue::embedded();
        let entries: Vec<&Entry> = catalogue.entries().collect();
        let mut phrases: Vec<Vec<String>> = [
            "does not exist",
            "doesn't exist",
            "token expired",
            "user not login",
            "renew token",
            "群 不存在",
            "no such phrase anywhere",
        ]
        .iter()
        .map(|p| words(&spell_out_negations(p)))
        .collect();
        for entry in entries.iter().step_by(97) {
            for field in [Field::Name, Field::Description] {
                let said = words(entry.text(field).unwrap_or_default());
                phrases.extend(said.windows(3).step_by(3).map(<[String]>::to_vec));
            }
        }
        assert!(phrases.len() > 40, "{} phrases", phrases.len());
        let mut held = 0;
        for phrase in &phrases {
            let quick = Phrase::new(phrase);
            for entry in &entries {
                let holds = contains_phrase(entry, phrase);
                let quickly = quick.in_entry(entry, &mut Vec::new());
                assert_eq!(quickly, holds, "{phrase:?} in {}", entry.code);
                held += usize::from(holds);
            }
        }
        assert!(
            held > phrases.len(),
            "the phrases are held somewhere ({held})"
        );
    }

    #[test]
    fn a_query_speaks_of_the_server_or_of_the_app() {
        for query in [
            "server API calls rejected, too many requests per second",
            "REST call to import accounts fails",
            "服务端接口 返回签名校验失败",
            "后台批量发消息 报频率超限",
        ] {
            assert_eq!(side_said(query), Some(Side::Server), "{query}");
        }
        for query in [
            "users see an error when pasting a very long text message",
            "flutter app: login fails",
            "安卓 发消息失败",
            // "serverless" and "reserved" are not the word server.
            "serverless function reserved name",
        ] {
            assert_eq!(side_said(query), Some(Side::App), "{query}");
        }
        // Both sides said: neither.
        assert_eq!(
            side_said("our server signs the token but the iOS client rejects it"),
            None
        );
        assert_eq!(side_said("服务端生成的签名 客户端登录失败"), None);
        // 后台: a backend, or the background an app goes to.
        assert_eq!(side_said("后台创建群组 报错"), Some(Side::Server));
        assert_eq!(side_said("切到后台一段时间后 发消息失败"), Some(Side::App));
        assert_eq!(side_said("App 进入后台后收不到推送"), Some(Side::App));
        assert_eq!(side_said("后台运行时连接断开"), Some(Side::App));
    }
}
