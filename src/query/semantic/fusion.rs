//! Fusion of the lexical ranking with the model's: reciprocal-rank fusion, the semantic side
//! weighted by the share of the query written in Latin script (the model reads English).
//!
//! Only a query in words uses the model: a code, a single token (a name, an SDK symbol, a
//! word), a query of common words only, a query with no Latin-script word, and every grep-like
//! mode are ranked lexically alone, without loading the model.

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::users::UserVectors;
use super::{Bert, Meaning, embed, meaning, model};
use crate::catalogue::{Catalogue, Entry, Field, Scope};
// Lexical scores at least these are tiers above text scores (the query as a phrase in the entry;
// the query mentions its code; the query is its code, name or symbol): such hits keep their
// lexical order, above the fused ones.
use crate::query::search::{EXACT, MENTIONED, PHRASE};
use crate::query::search::{Highlight, Hit, Why};

/// The weight of our words (the mean of the concept's two nearest sentences) against the entry's
/// own text in an entry's similarity (tuned on the tune half of tests/data/search-eval).
const WORDS_SHARE: f32 = 0.5;
/// Reciprocal-rank fusion: a result at rank r adds weight / (K + r).
const K: f64 = 10.0;
/// The semantic ranking's weight against the lexical one's (1); the tune half moved little
/// between 1 and 2 and with K from 5 to 30, or with a blend of normalised scores instead.
const SEMANTIC_WEIGHT: f64 = 2.0;
/// What a CJK character the glossary puts in English counts for, against a Latin word, in the
/// share of the query the model reads (chosen on the tuning splits' 92 Chinese queries: 0.25
/// and 1.0 scored below 0.5, and the glossary's English as lexical synonyms of the bigrams, at
/// 0.3 to 0.7, added nothing to it). A character our terms read counts the same: 0.35 scored
/// the same on the 147 Chinese queries of the twelfth round's tuning splits, 1.0 below.
const TRANSLATED: f32 = 0.5;
/// How far down the semantic ranking (in distinct codes) can bring an entry in.
const SEMANTIC_DEPTH: usize = 50;
/// How many lexical hits take part in the fusion.
const LEXICAL_DEPTH: usize = 500;
/// The model's nearest similarity below which its ranking does not count, and from which it
/// counts in full (chosen on the tune half: the four queries whose nearest entry was under 0.41
/// had their answer outside the model's top ten and first in the lexical ranking; the next, at
/// 0.45, had it fifth in the model's ranking and nowhere in the lexical one). Chosen with the
/// model before its fine-tuning; the fine-tuned one puts the studied queries' nearest entries
/// about as far (under 0.40: 3 of 502 queries, before and after; under 0.50: 31, then 35).
const FAR: f64 = 0.40;
const NEAR: f64 = 0.50;
/// The nearest similarity below which the model brings in no entry the words did not find:
/// nothing in the catalogue reads like the query, and the model's nearest entries are noise
/// (`w123 w4567 w99`, 0.27; `how do I bake bread`, 0.10; `zzqx blorf` holds no word the model
/// knows, which brings nothing in either). Every one of the 941 queries of tests/data/search-eval
/// has its nearest entry at 0.30 or more. Under `FAR`, what is brought in carries no weight and
/// comes after every hit of the words: a user's entry told in other words (`customer payment did
/// not go through` for `Charge was declined by the card issuer`, 0.35) is still found.
const BROUGHT_FLOOR: f32 = 0.30;
/// A lexical first whose score is at least this many times the next problem's keeps the first
/// place: such a lead comes from a word of the query that only that problem has, which the
/// model, reading the sentence as a whole, does not weigh (chosen on the tune half: of the
/// queries where only one of the lexical and the fused firsts was an answer, the lexical one
/// was at every lead from 1.45 up (3 queries), and at 1.34 and below the fused one was more
/// often, 10 queries against 6).
const LEXICAL_LEAD: f64 = 1.4;

/// The lexical hits (best first, every entry in scope the query matched) fused with the model's
/// ranking of the entries in scope; unchanged when the query is not one for the model or chaterr
/// was built without it. Every hit the model scored carries its similarity.
pub fn fuse<'a>(
    catalogue: &'a Catalogue,
    scope: &Scope,
    query: &str,
    lexical: Vec<Hit<'a>>,
) -> Vec<Hit<'a>> {
    let english = super::glossary::english(query);
    let share = readable_share(query, &english);
    let ranking = Ranking::from_env();
    if share == 0.0
        || !is_sentence(&english.text)
        || ranking == Ranking::Lexical
        || crate::query::search::only_common_words(query)
    {
        return lexical;
    }
    let (Some(model), Some(meaning)) = (model(), meaning()) else {
        return lexical;
    };
    // A word the model does not know whole is mostly a typo ("tokne") or a name, which the
    // model reads as noise; lexical search reads them better.
    let share = share * known_share(model, query);
    let q = embed(model, &english.text);
    let similarities = similarities(catalogue, scope, model, meaning, &q);
    if ranking == Ranking::Semantic {
        return semantic_only(catalogue, &similarities);
    }
    fuse_rankings(catalogue, lexical, &similarities, share as f64)
}

/// Which ranking a query in words gets: `CHATERR_RANKING=lexical|semantic|fused` (fused when
/// unset), for measuring each side alone (docs/search-eval.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ranking {
    Lexical,
    Semantic,
    Fused,
}

impl Ranking {
    fn from_env() -> Ranking {
        match std::env::var("CHATERR_RANKING").as_deref() {
            Ok("lexical") => Ranking::Lexical,
            Ok("semantic") => Ranking::Semantic,
            _ => Ranking::Fused,
        }
    }
}

/// The entries by the model's similarity alone.
fn semantic_only<'a>(catalogue: &'a Catalogue, similarities: &[(usize, f32)]) -> Vec<Hit<'a>> {
    let mut order: Vec<&(usize, f32)> = similarities.iter().collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    order
        .into_iter()
        .take(SEMANTIC_DEPTH * 4)
        .map(|&(i, similarity)| {
            brought_by_meaning(
                catalogue.entry(i),
                Highlight::Stems(Arc::from([])),
                similarity,
            )
        })
        .collect()
}

/// A hit the model's ranking brought in, no query word matching it: its lexical score nil, its
/// similarity what `--explain` shows.
fn brought_by_meaning<'a>(entry: &'a Entry, highlight: Highlight, similarity: f32) -> Hit<'a> {
    let mut why = Why::default();
    why.semantic = Some(f64::from(similarity));
    Hit {
        why: Some(why),
        semantic: Some(similarity),
        ..Hit::new(entry, 0.0, highlight)
    }
}

/// Words, not a code or one token.
fn is_sentence(query: &str) -> bool {
    query.trim().parse::<i64>().is_err() && query.split_whitespace().nth(1).is_some()
}

/// The share of the query the model reads: its words in Latin letters, and (at
/// [`TRANSLATED`] each) its CJK characters that the glossary puts in English, against its
/// Latin words and all its CJK characters.
fn readable_share(query: &str, english: &super::glossary::English) -> f32 {
    let mut latin = 0usize;
    let mut in_word = false;
    for c in query.chars() {
        if c.is_ascii_alphabetic() {
            if !in_word {
                latin += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    let all = latin + english.characters;
    if all == 0 {
        0.0
    } else {
        (latin as f32 + TRANSLATED * english.covered as f32) / all as f32
    }
}

/// The share of the query's lowercase Latin-script words that are words of the model's
/// vocabulary (a word with capitals inside is a name, not counted).
fn known_share(model: &Bert, query: &str) -> f32 {
    let words: Vec<String> = query
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty() && !w.chars().skip(1).any(|c| c.is_ascii_uppercase()))
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        return 1.0;
    }
    let known = words.iter().filter(|w| model.tokenizer.is_word(w)).count();
    known as f32 / words.len().max(1) as f32
}

/// The similarity of each entry in scope to the query vector: its text's, blended with the
/// two nearest sentences of our words for its concept; (index, similarity). A user's own entry is read
/// by its own text too, its vector from the cache of users' vectors or computed now
/// ([`UserVectors`]); one this search may not embed is read by its concept's words alone.
fn similarities(
    catalogue: &Catalogue,
    scope: &Scope,
    model: &Bert,
    meaning: &Meaning,
    query: &[f32],
) -> Vec<(usize, f32)> {
    let concepts = meaning.concept_similarities(query);
    let concept = |c: Option<usize>| c.map(|c| concepts[c]).filter(|s| s.is_finite());
    let blend = |text: Option<f32>, words: Option<f32>| match (text, words) {
        (Some(t), Some(w)) => Some((1.0 - WORDS_SHARE) * t + WORDS_SHARE * w),
        (t, w) => t.or(w),
    };
    let embedded_order = catalogue.tables().is_some() && catalogue.len() == meaning.entries();
    if embedded_order {
        return catalogue
            .indices_in(scope)
            .filter_map(|i| {
                let text = meaning.entry_similarity(i, query);
                blend(Some(text), concept(meaning.entry_concept(i))).map(|s| (i, s))
            })
            .collect();
    }
    // With users' entries the embedded ones are found by source and code.
    let embedded = crate::catalogue::Catalogue::embedded();
    let position: HashMap<(&str, i64), usize> = (0..embedded.len().min(meaning.entries()))
        .map(|i| {
            let key = embedded.key(i);
            ((embedded.sources()[key.source].id.as_ref(), key.code), i)
        })
        .collect();
    let sources = catalogue.sources();
    let mut users = UserVectors::open(model.dims());
    let found = catalogue
        .indices_in(scope)
        .filter_map(|i| {
            let entry = catalogue.entry(i);
            let words = || {
                let id = entry.text(Field::Concept)?;
                concept(meaning.concept_index(id))
            };
            let key = catalogue.key(i);
            let vendor = || {
                let e = *position.get(&(sources[key.source].id.as_ref(), key.code))?;
                blend(
                    Some(meaning.entry_similarity(e, query)),
                    concept(meaning.entry_concept(e)),
                )
            };
            // An entry read from a user's file (new, or replacing an embedded one's text) is read
            // by its own text; a replacement this search may not embed yet, by the vendor's.
            if entry.origin.is_some() {
                return match users.similarity(model, entry, query) {
                    Some(text) => blend(Some(text), words()),
                    None => vendor().or_else(words),
                }
                .map(|s| (i, s));
            }
            vendor().or_else(words).map(|s| (i, s))
        })
        .collect();
    users.save();
    found
}

/// Ranks counted in distinct problems (vendor, code and concept): the android, iOS and Unity
/// pages of one code, or two editions of one page, share a rank rather than pushing the next
/// code down; Agora Web's 219, which is another problem than Android's 219, does not.
struct Ranks<'c> {
    catalogue: &'c Catalogue,
    seen: HashMap<(&'c str, i64, Option<&'c str>), usize>,
}

impl<'c> Ranks<'c> {
    fn new(catalogue: &'c Catalogue) -> Self {
        Ranks {
            catalogue,
            seen: HashMap::default(),
        }
    }

    /// The rank (from 1) of the next entry in ranking order.
    fn next(&mut self, entry: &'c Entry) -> usize {
        let vendor = self.catalogue.source_of(entry).vendor.as_ref();
        let n = self.seen.len();
        let problem = (vendor, entry.code, entry.text(Field::Concept));
        *self.seen.entry(problem).or_insert(n + 1)
    }
}

fn fuse_rankings<'a>(
    catalogue: &'a Catalogue,
    lexical: Vec<Hit<'a>>,
    similarities: &[(usize, f32)],
    share: f64,
) -> Vec<Hit<'a>> {
    // Past this many, lexical hits keep their order after the fused ones: a rank that deep adds
    // next to nothing, and a large user catalogue can match every one of its entries.
    // The first hits are taken out and the tail stays where it is (moved to the front of the
    // same memory, not copied into new pages: with every entry of a large catalogue matched,
    // fresh memory the system must zero costs more than the ranking).
    let depth = lexical.len().min(LEXICAL_DEPTH);
    let mut tail = lexical;
    let lexical: Vec<Hit<'a>> = tail.drain(..depth).collect();
    let mut order: Vec<&(usize, f32)> = similarities.iter().collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let nearest = order.first().map_or(0.0, |s| s.1);
    // Whether the model's ranking may bring in entries the words did not find: where it reads
    // the query (some of its words known to it) and something in the catalogue is not far
    // from it at all.
    let brings = share > 0.0 && nearest >= BROUGHT_FLOOR;
    let share = share * confidence(nearest);
    let mut ranks = Ranks::new(catalogue);
    // By (source, code), unique in a catalogue: the lexical hits are entries, the similarities
    // indices.
    let mut semantic: HashMap<(usize, i64), (f32, f64)> = HashMap::default();
    let mut brought = Vec::new();
    let mut deep = false;
    for &&(i, similarity) in &order {
        let key = catalogue.key(i);
        // Past the depth no entry is built: only its similarity is kept.
        let rank = if deep {
            usize::MAX
        } else {
            ranks.next(catalogue.entry(i))
        };
        deep = rank > SEMANTIC_DEPTH;
        let contribution = if deep || !brings {
            0.0
        } else {
            brought.push(i);
            SEMANTIC_WEIGHT * share / (K + rank as f64)
        };
        semantic.insert((key.source, key.code), (similarity, contribution));
    }
    let highlight = lexical
        .first()
        .map_or_else(|| Highlight::Stems(Arc::from([])), |h| h.highlight.clone());
    let lead = lexical_lead(catalogue, &lexical);
    let mut ranks = Ranks::new(catalogue);
    let mut fused: Vec<(Hit<'a>, f64)> = Vec::with_capacity(lexical.len() + brought.len());
    let mut present: rustc_hash::FxHashSet<(usize, i64)> = tail
        .iter()
        .map(|h| (h.entry.source, h.entry.code))
        .collect();
    for mut hit in lexical {
        let rank = ranks.next(hit.entry);
        let key = (hit.entry.source, hit.entry.code);
        // An entry the model has no vector for (a user's, without a concept) is ranked as if
        // the model agreed with its lexical rank, neither helped nor pushed down by fusion.
        let (similarity, contribution) = semantic.get(&key).copied().map_or_else(
            || (None, SEMANTIC_WEIGHT * share / (K + rank as f64)),
            |(s, c)| (Some(s), c),
        );
        hit.semantic = similarity;
        if let Some(why) = hit.why.as_mut() {
            why.semantic = similarity.map(f64::from);
        }
        present.insert(key);
        // Above any fused score, which is at most (1 + SEMANTIC_WEIGHT) / (K + 1).
        let kept_first = if lead && rank == 1 { 1.0 } else { 0.0 };
        fused.push((hit, 1.0 / (K + rank as f64) + contribution + kept_first));
    }
    for i in brought {
        let key = catalogue.key(i);
        if present.insert((key.source, key.code)) {
            let (similarity, contribution) = semantic[&(key.source, key.code)];
            fused.push((
                brought_by_meaning(catalogue.entry(i), highlight.clone(), similarity),
                contribution,
            ));
        }
    }
    // As lexical search orders them: the code, name or symbol the query is first; documented
    // codes before those only an SDK defines; a code the query mentions; the query as a
    // phrase; then the fused score.
    let level = |h: &Hit<'_>| {
        u8::from(h.score >= PHRASE) + u8::from(h.score >= MENTIONED) + u8::from(h.score >= EXACT)
    };
    fused.sort_by(|(a, fa), (b, fb)| {
        (level(b) == 3)
            .cmp(&(level(a) == 3))
            .then(b.entry.documented.cmp(&a.entry.documented))
            .then(level(b).cmp(&level(a)))
            .then_with(|| match level(a) {
                0 => fb.total_cmp(fa),
                _ => b.score.total_cmp(&a.score),
            })
            // The pages of one problem share their fused score: in their lexical order.
            .then(b.score.total_cmp(&a.score))
            .then(
                b.semantic
                    .unwrap_or(0.0)
                    .total_cmp(&a.semantic.unwrap_or(0.0)),
            )
            .then(a.entry.code.cmp(&b.entry.code))
            .then(a.entry.source.cmp(&b.entry.source))
    });
    tail.splice(0..0, fused.into_iter().map(|(hit, _)| hit));
    tail
}

/// How much the model's ranking counts, from how near its nearest entry is: at a cosine of
/// `FAR` or less nothing in the catalogue reads like the query to it (a log line, a name, a
/// rare word of one vendor's), and its order is noise; from `NEAR` up it counts in full.
fn confidence(nearest: f32) -> f64 {
    ((f64::from(nearest) - FAR) / (NEAR - FAR)).clamp(0.0, 1.0)
}

/// Whether the lexical first (a text match, not a tier above) leads the next problem by
/// `LEXICAL_LEAD` or more.
fn lexical_lead(catalogue: &Catalogue, lexical: &[Hit<'_>]) -> bool {
    let Some(first) = lexical.first() else {
        return false;
    };
    if first.score >= PHRASE {
        return false;
    }
    let mut ranks = Ranks::new(catalogue);
    let next = lexical
        .iter()
        .find(|h| ranks.next(h.entry) > 1)
        .map_or(0.0, |h| h.score);
    first.score >= LEXICAL_LEAD * next
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(query: &str) -> f32 {
        readable_share(query, &super::super::glossary::english(query))
    }

    #[test]
    fn only_sentences_the_model_can_read_use_it() {
        assert!(is_sentence("token expired"));
        assert!(!is_sentence("6014"));
        assert!(!is_sentence("ZIMErrorCodeNetworkModuleTokenInvalid"));
        assert!(!is_sentence("kicked"));
        // Latin words count whole, CJK characters the glossary reads at TRANSLATED each, the
        // others not at all.
        assert_eq!(share("token expired"), 1.0);
        assert_eq!(share("6014 ?"), 0.0);
        assert_eq!(share("登录失败"), TRANSLATED);
        assert_eq!(share("userSig 过期"), (1.0 + 2.0 * TRANSLATED) / 3.0);
        assert_eq!(share("㐀㐁"), 0.0);
        let english = super::super::glossary::english("登录报错：login failed，");
        assert_eq!(english.words, ["login", "error"]);
        assert!(is_sentence(&english.text));
    }

    #[test]
    fn the_model_counts_as_far_as_its_nearest_entry_is_near() {
        assert_eq!(confidence(0.3), 0.0);
        assert!((confidence(0.45) - 0.5).abs() < 1e-6);
        assert_eq!(confidence(0.8), 1.0);
    }
}
