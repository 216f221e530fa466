//! `search --explain` as text: for each hit, its tier, the parts of its score and the query
//! words it matched, in which text (chaterr's own words named as ours).

use std::fmt::Write;

use crate::catalogue::Catalogue;
use crate::query::search::{Hit, Matched, Side};
use crate::query::semantic::glossary;

/// The lines after the results: a heading, then a few lines per hit.
pub fn lines(catalogue: &Catalogue, query: &str, hits: &[Hit<'_>]) -> String {
    let mut out = String::from(
        "\nWhy they ranked (score = words × coverage + name + tier; \"chaterr's words\" are \
         chaterr's own description of the problem, not the vendor's",
    );
    if hits.iter().any(|h| h.semantic.is_some()) {
        // The model ran: below the tiers, the order is the two rankings fused.
        out.push_str(
            "; \"meaning\" is the sentence model's similarity, and below the phrase tier the \
             order fuses the ranking by score with the ranking by meaning",
        );
    }
    out.push_str("):\n");
    if hits.iter().any(|h| h.semantic.is_some()) {
        // The model reads English: what it made of the query's Chinese is ours, not the vendors'.
        let english = glossary::english(query);
        if !english.words.is_empty() {
            let _ = writeln!(
                out,
                "The sentence model read the query's Chinese as \"{}\" (chaterr's own terms, \
                 and its glossary learned from texts the vendors and chaterr give in both \
                 languages)",
                english.words.join(" ")
            );
        }
    }
    for (rank, hit) in hits.iter().enumerate() {
        let source = &catalogue.source_of(hit.entry).id;
        let name = hit
            .entry
            .name()
            .map(|n| format!(" {n}"))
            .unwrap_or_default();
        let _ = write!(
            out,
            "{:>3}. {source} {}{name}: ",
            rank + 1,
            hit.entry.code_label()
        );
        let Some(why) = &hit.why else {
            let _ = writeln!(out, "score {:.3}", hit.score);
            continue;
        };
        let _ = write!(
            out,
            "{} tier, score {:.3} = {:.3} × {:.3} + {:.3} + {}",
            why.tier.name(),
            hit.score,
            why.words,
            why.coverage,
            why.name,
            why.bonus
        );
        if let Some(semantic) = why.semantic {
            let _ = write!(out, ", meaning {semantic:.3}");
            if why.matched.is_empty() && hit.score == 0.0 {
                out.push_str(" (brought in by meaning alone)");
            }
        }
        if why.vendor_named {
            out.push_str(", its vendor named in the query (named vendors first)");
        }
        match why.side_said {
            Some(Side::Server) => out.push_str(
                ", the server API's row of its problem, the query speaking of a server (chaterr's rule)",
            ),
            Some(Side::App) => out.push_str(
                ", the app SDK's row of its problem, the query speaking of no server (chaterr's rule)",
            ),
            None => {}
        }
        out.push('\n');
        for term in terms(&why.matched) {
            let _ = writeln!(out, "       {term}: {}", found(&why.matched, term));
        }
        if !hit.folded.is_empty() {
            let folded: Vec<String> = hit
                .folded
                .iter()
                .map(|e| format!("{} {}", catalogue.source_of(e).id, e.code_label()))
                .collect();
            let _ = writeln!(
                out,
                "       the same, nearly word for word: {}",
                folded.join(", ")
            );
        }
    }
    out
}

/// The query words matched, in the order first met.
fn terms(matched: &[Matched]) -> Vec<&str> {
    let mut terms: Vec<&str> = Vec::new();
    for m in matched {
        if !terms.contains(&m.term.as_str()) {
            terms.push(&m.term);
        }
    }
    terms
}

/// Where a query word was found: each word of the entry it matched (and how, unless exactly),
/// then the texts it is in.
fn found(matched: &[Matched], term: &str) -> String {
    let mut words: Vec<(&str, &str, Vec<&str>)> = Vec::new();
    for m in matched.iter().filter(|m| m.term == term) {
        let field = if m.is_ours() {
            "chaterr's words"
        } else {
            m.field
        };
        match words.iter_mut().find(|(w, _, _)| *w == m.word) {
            Some((_, _, fields)) if !fields.contains(&field) => fields.push(field),
            Some(_) => {}
            None => words.push((&m.word, m.how, vec![field])),
        }
    }
    words
        .iter()
        .map(|(word, how, fields)| {
            let how = if *how == "exact" {
                String::new()
            } else {
                format!(" ({how})")
            };
            format!("{word}{how} in {}", fields.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}
