//! JSON output: the shapes documented in docs/json.md.

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::catalogue::{Catalogue, Entry, EntryRef, Field, Source, Symbol};
use crate::query::concepts::ConceptRow;
use crate::query::diff::Diff;
use crate::query::search::Hit;

/// An entry as JSON: vendor, source, code, code_end, every [`Field`] in order (a required one
/// as a string, the others as a string or null), origin, symbols, documented, and a search's
/// score.
struct EntryJson<'a> {
    entry: EntryRef<'a>,
    score: Option<f64>,
    /// search --explain's: why the hit ranked.
    explain: Option<ExplainJson<'a>>,
    /// search's: the model's similarity to the query, where it ran.
    semantic: Option<f32>,
    /// lookup's: the same problem at other codes or vendors.
    equivalents: Option<Vec<EntryRef<'a>>>,
}

impl<'a> EntryJson<'a> {
    fn new(e: &EntryRef<'a>, score: Option<f64>) -> Self {
        EntryJson {
            entry: *e,
            score: score.map(rounded),
            explain: None,
            semantic: None,
            equivalents: None,
        }
    }
}

/// Rounded so output is stable and readable; order is what matters.
fn rounded(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}

/// Why a search hit ranked: its tier, the parts of its score, the query words matched and where,
/// the rows folded into it, and (once a semantic model computes it) the meaning's similarity.
#[derive(Serialize)]
struct ExplainJson<'a> {
    tier: &'static str,
    score: ScorePartsJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    semantic: Option<f64>,
    matched: Vec<MatchedJson<'a>>,
    folded: Vec<FoldedJson<'a>>,
}

#[derive(Serialize)]
struct ScorePartsJson {
    words: f64,
    coverage: f64,
    name: f64,
    tier: f64,
}

#[derive(Serialize)]
struct MatchedJson<'a> {
    term: &'a str,
    word: &'a str,
    field: &'static str,
    how: &'static str,
    ours: bool,
}

#[derive(Serialize)]
struct FoldedJson<'a> {
    source: &'a str,
    code: i64,
}

impl<'a> ExplainJson<'a> {
    fn new(catalogue: &'a Catalogue, hit: &'a Hit<'a>) -> Option<Self> {
        let why = hit.why.as_ref()?;
        Some(ExplainJson {
            tier: why.tier.name(),
            score: ScorePartsJson {
                words: rounded(why.words),
                coverage: rounded(why.coverage),
                name: rounded(why.name),
                tier: why.bonus,
            },
            semantic: why.semantic.map(rounded),
            matched: why
                .matched
                .iter()
                .map(|m| MatchedJson {
                    term: &m.term,
                    word: &m.word,
                    field: m.field,
                    how: m.how,
                    ours: m.is_ours(),
                })
                .collect(),
            folded: hit
                .folded
                .iter()
                .map(|e| FoldedJson {
                    source: &catalogue.source_of(e).id,
                    code: e.code,
                })
                .collect(),
        })
    }
}

/// Search hits as an array, each with its score, and with `--explain` why it ranked.
pub fn hits<'a>(
    out: &mut impl Write,
    catalogue: &'a Catalogue,
    hits: &'a [Hit<'a>],
    explain: bool,
) -> io::Result<()> {
    let items = hits.iter().map(|hit| EntryJson {
        explain: if explain {
            ExplainJson::new(catalogue, hit)
        } else {
            None
        },
        semantic: hit.semantic,
        ..EntryJson::new(&catalogue.entry_ref(hit.entry), Some(hit.score))
    });
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    serializer.collect_seq(items).map_err(io::Error::from)?;
    writeln!(out)
}

/// (vendor, source, code) of an equivalent entry.
#[derive(Serialize)]
struct EquivalentJson<'a> {
    vendor: &'a str,
    source: &'a str,
    code: i64,
}

impl Serialize for EntryJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (entry, source) = (self.entry.entry, self.entry.source);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("vendor", &source.vendor)?;
        map.serialize_entry("source", &source.id)?;
        map.serialize_entry("edition", &source.edition)?;
        map.serialize_entry("language", &source.language)?;
        map.serialize_entry("platform", &source.platform)?;
        map.serialize_entry("product", &source.product)?;
        map.serialize_entry("code", &entry.code)?;
        map.serialize_entry("code_end", &entry.code_end)?;
        for field in Field::ALL {
            match entry.text(field) {
                None if field.required() => map.serialize_entry(field.name(), "")?,
                text => map.serialize_entry(field.name(), &text)?,
            }
        }
        map.serialize_entry("origin", entry.origin_label())?;
        // Platform → the SDK's names for the code on it.
        map.serialize_entry("symbols", &SymbolsJson(entry))?;
        map.serialize_entry("documented", &entry.documented)?;
        if let Some(score) = self.score {
            map.serialize_entry("score", &score)?;
        }
        if let Some(semantic) = self.semantic {
            map.serialize_entry("semantic", &rounded(f64::from(semantic)))?;
        }
        if let Some(explain) = &self.explain {
            map.serialize_entry("explain", explain)?;
        }
        if let Some(equivalents) = &self.equivalents {
            let items: Vec<EquivalentJson<'_>> = equivalents
                .iter()
                .map(|e| EquivalentJson {
                    vendor: &e.source.vendor,
                    source: &e.source.id,
                    code: e.entry.code,
                })
                .collect();
            map.serialize_entry("equivalents", &items)?;
        }
        map.end()
    }
}

/// An entry's symbols as an object: platforms in alphabetical order, each with its names in the
/// order read (`Entry::symbols_by_platform`), written straight from the entry.
struct SymbolsJson<'a>(&'a Entry);

impl Serialize for SymbolsJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let groups = self.0.symbols_by_platform();
        serializer.collect_map(groups.map(|(platform, symbols)| (platform, Names(symbols))))
    }
}

/// The names of some symbols, as an array.
struct Names<I>(I);

impl<'a, I: Iterator<Item = &'a Symbol> + Clone> Serialize for Names<I> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone().map(|s| s.name.as_ref()))
    }
}

fn write_json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// Entries as an array, each written as it is read (`list --json` writes them all).
pub fn entries(
    out: &mut impl Write,
    entries: &[EntryRef<'_>],
    scores: Option<&[f64]>,
) -> io::Result<()> {
    search(out, entries, scores, None)
}

/// Entries as an array, with a search's scores and the model's similarities where it ran.
pub fn search(
    out: &mut impl Write,
    entries: &[EntryRef<'_>],
    scores: Option<&[f64]>,
    semantic: Option<&[Option<f32>]>,
) -> io::Result<()> {
    let items = entries.iter().enumerate().map(|(i, e)| EntryJson {
        semantic: semantic.and_then(|s| s[i]),
        ..EntryJson::new(e, scores.map(|s| s[i]))
    });
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    serializer.collect_seq(items).map_err(io::Error::from)?;
    writeln!(out)
}

/// lookup's entries: each with its `equivalents`.
pub fn lookup(
    out: &mut impl Write,
    catalogue: &Catalogue,
    entries: &[EntryRef<'_>],
) -> io::Result<()> {
    let items = entries.iter().map(|e| EntryJson {
        equivalents: Some(
            catalogue
                .equivalents(e.entry)
                .into_iter()
                .map(|q| catalogue.entry_ref(q))
                .collect(),
        ),
        ..EntryJson::new(e, None)
    });
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    serializer.collect_seq(items).map_err(io::Error::from)?;
    writeln!(out)
}

#[derive(Serialize)]
struct SourceJson<'a> {
    id: &'a str,
    vendor: &'a str,
    title: Option<&'a str>,
    edition: Option<&'a str>,
    url: Option<&'a str>,
    language: Option<&'a str>,
    platform: Option<&'a str>,
    product: Option<&'a str>,
    codes: usize,
    origin: &'a str,
    extended_by: Vec<&'a str>,
}

pub fn sources(out: &mut impl Write, sources: &[Source], counts: &[usize]) -> io::Result<()> {
    let items: Vec<SourceJson<'_>> = sources
        .iter()
        .zip(counts)
        .map(|(s, &codes)| SourceJson {
            id: &s.id,
            vendor: &s.vendor,
            title: s.title.as_deref(),
            edition: s.edition.as_deref(),
            url: s.url.as_deref(),
            language: s.language.as_deref(),
            platform: s.platform.as_deref(),
            product: s.product.as_deref(),
            codes,
            origin: s.origin.as_deref().unwrap_or("embedded"),
            extended_by: s.extended_by.iter().map(|f| f.as_ref()).collect(),
        })
        .collect();
    write_json(out, &items)
}

#[derive(Serialize)]
struct ProblemJson<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
}

pub fn problems(out: &mut impl Write, problems: &[super::FileProblem]) -> io::Result<()> {
    let items: Vec<ProblemJson<'_>> = problems
        .iter()
        .map(|p| ProblemJson {
            file: &p.file,
            line: p.problem.line,
            column: p.problem.column,
            message: &p.problem.message,
        })
        .collect();
    write_json(out, &items)
}

#[derive(Serialize)]
struct ChangeJson<'a> {
    code: i64,
    a: EntryJson<'a>,
    b: EntryJson<'a>,
    fields: Vec<&'static str>,
}

#[derive(Serialize)]
struct DiffJson<'a> {
    a: &'a str,
    b: &'a str,
    only_a: Vec<EntryJson<'a>>,
    only_b: Vec<EntryJson<'a>>,
    changed: Vec<ChangeJson<'a>>,
}

pub fn diff(out: &mut impl Write, a: &str, b: &str, diff: &Diff<'_>) -> io::Result<()> {
    let value = DiffJson {
        a,
        b,
        only_a: diff
            .only_a
            .iter()
            .map(|e| EntryJson::new(e, None))
            .collect(),
        only_b: diff
            .only_b
            .iter()
            .map(|e| EntryJson::new(e, None))
            .collect(),
        changed: diff
            .changed
            .iter()
            .map(|c| ChangeJson {
                code: c.code,
                a: EntryJson::new(&c.a, None),
                b: EntryJson::new(&c.b, None),
                fields: c.fields.iter().map(|aspect| aspect.name()).collect(),
            })
            .collect(),
    };
    write_json(out, &value)
}

#[derive(Serialize)]
struct ConceptJson<'a> {
    id: &'a str,
    title: &'a str,
    title_zh: &'a str,
    guidance: &'a str,
    guidance_zh: &'a str,
    /// Vendor → its codes for the concept.
    codes: serde_json::Map<String, serde_json::Value>,
    entries: Vec<EquivalentJson<'a>>,
}

pub fn concepts(out: &mut impl Write, rows: &[ConceptRow<'_>]) -> io::Result<()> {
    let items: Vec<ConceptJson<'_>> = rows
        .iter()
        .map(|row| ConceptJson {
            id: &row.concept.id,
            title: &row.concept.title,
            title_zh: &row.concept.title_zh,
            guidance: &row.concept.guidance,
            guidance_zh: &row.concept.guidance_zh,
            codes: row
                .codes
                .iter()
                .map(|(vendor, codes)| ((*vendor).to_owned(), serde_json::json!(codes)))
                .collect(),
            entries: row
                .entries
                .iter()
                .map(|e| EquivalentJson {
                    vendor: &e.source.vendor,
                    source: &e.source.id,
                    code: e.entry.code,
                })
                .collect(),
        })
        .collect();
    write_json(out, &items)
}
