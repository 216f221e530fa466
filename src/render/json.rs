//! JSON output: the shapes documented in docs/json.md.

use std::io::{self, Write};

use serde::Serialize;

use crate::catalogue::{Catalogue, EntryRef, Field, Source};
use crate::query::concepts::ConceptRow;
use crate::query::diff::Diff;
use crate::query::search::{Hit, Side};

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
    vendor_named: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    side_said: Option<&'static str>,
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
            vendor_named: why.vendor_named,
            side_said: why.side_said.map(|side| match side {
                Side::Server => "server",
                Side::App => "app",
            }),
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
    write_entries(out, items)
}

/// (vendor, source, code) of an equivalent entry.
#[derive(Serialize)]
struct EquivalentJson<'a> {
    vendor: &'a str,
    source: &'a str,
    code: i64,
}

impl EntryJson<'_> {
    /// The entry as an object, at the writer's depth: the bytes serde_json's pretty printer
    /// writes for these keys in this order.
    fn write(&self, w: &mut Pretty) -> io::Result<()> {
        let (entry, source) = (self.entry.entry, self.entry.source);
        w.open(b'{');
        w.name("vendor");
        w.string(&source.vendor);
        w.name("source");
        w.string(&source.id);
        for (key, value) in [
            ("edition", &source.edition),
            ("language", &source.language),
            ("platform", &source.platform),
            ("product", &source.product),
        ] {
            w.name(key);
            w.optional_string(value.as_deref());
        }
        w.name("code");
        w.integer(entry.code);
        w.name("code_end");
        match entry.code_end {
            Some(end) => w.integer(end),
            None => w.null(),
        }
        for field in Field::ALL {
            w.name(field.name());
            match entry.text(field) {
                None if field.required() => w.string(""),
                text => w.optional_string(text),
            }
        }
        w.name("origin");
        w.string(entry.origin_label());
        // Platform → the SDK's names for the code on it, platforms in alphabetical order, each
        // with its names in the order read (`Entry::symbols_by_platform`).
        w.name("symbols");
        w.open(b'{');
        for (platform, symbols) in entry.symbols_by_platform() {
            w.key(platform);
            w.open(b'[');
            for symbol in symbols {
                w.item();
                w.string(&symbol.name);
            }
            w.close(b']');
        }
        w.close(b'}');
        w.name("documented");
        w.boolean(entry.documented);
        if let Some(score) = self.score {
            w.name("score");
            w.serde(&score)?;
        }
        if let Some(semantic) = self.semantic {
            w.name("semantic");
            w.serde(&rounded(f64::from(semantic)))?;
        }
        if let Some(explain) = &self.explain {
            w.name("explain");
            w.serde(explain)?;
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
            w.name("equivalents");
            w.serde(&items)?;
        }
        w.close(b'}');
        Ok(())
    }
}

/// Pretty JSON written by hand, as serde_json's pretty printer writes it (two spaces a level,
/// `"key": value`, empty containers as `{}` and `[]`), for the entries: `list --json` writes a
/// megabyte of them, and through serde_json two thirds of its instructions went to escaping
/// strings byte by byte and writing keys. Strings are checked eight bytes at a time here.
struct Pretty {
    buf: Vec<u8>,
    depth: usize,
    /// Whether the innermost open container has no value yet.
    empty: bool,
}

/// How much a writer holds before it hands its bytes on, and room for the entry that crosses it.
/// A chunk as large as stdout's buffer goes past that buffer to the file, not copied into it.
const PRETTY_CHUNK: usize = super::STDOUT_BUFFER;
const PRETTY_ROOM: usize = PRETTY_CHUNK + 16 * 1024;

/// A comma, a line's end and the indent of 31 levels (`Pretty::line_break`).
const BREAK: &[u8; 64] = b",\n                                                              ";

impl Pretty {
    fn new() -> Self {
        Pretty {
            buf: Vec::with_capacity(PRETTY_ROOM),
            depth: 0,
            empty: false,
        }
    }

    fn open(&mut self, bracket: u8) {
        self.buf.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    fn close(&mut self, bracket: u8) {
        self.depth -= 1;
        if !self.empty {
            self.newline();
        }
        self.buf.push(bracket);
        self.empty = false;
    }

    fn newline(&mut self) {
        self.line_break(false);
    }

    /// A line's end and this depth's indent, after a comma if `comma`: one copy from `BREAK`
    /// (a value's key costs two copies, this and its name's, where a byte at a time cost a
    /// tenth of `list --json`'s instructions).
    fn line_break(&mut self, comma: bool) {
        let from = usize::from(!comma);
        let to = 2 + 2 * self.depth;
        match BREAK.get(from..to) {
            Some(bytes) => self.buf.extend_from_slice(bytes),
            None => {
                self.buf.extend_from_slice(&BREAK[from..]);
                for _ in BREAK.len()..to {
                    self.buf.push(b' ');
                }
            }
        }
    }

    /// Before an array's value or an object's key.
    fn item(&mut self) {
        let comma = !self.empty;
        self.empty = false;
        self.line_break(comma);
    }

    fn key(&mut self, key: &str) {
        self.item();
        self.string(key);
        self.buf.extend_from_slice(b": ");
    }

    /// A key of ours, which needs no escaping, written as it is.
    fn name(&mut self, key: &'static str) {
        debug_assert!(next_to_escape(key.as_bytes(), 0).is_none(), "{key:?}");
        self.item();
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\": ");
    }

    fn null(&mut self) {
        self.buf.extend_from_slice(b"null");
    }

    fn boolean(&mut self, value: bool) {
        self.buf
            .extend_from_slice(if value { b"true" } else { b"false" });
    }

    fn integer(&mut self, value: i64) {
        self.buf
            .extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
    }

    fn optional_string(&mut self, value: Option<&str>) {
        match value {
            Some(value) => self.string(value),
            None => self.null(),
        }
    }

    /// A string, escaped as serde_json escapes it: `"` and `\\`, the control characters
    /// (`\b \t \n \f \r` by name, the others as `\u00xx`), nothing else.
    fn string(&mut self, value: &str) {
        self.buf.push(b'"');
        let bytes = value.as_bytes();
        let mut from = 0;
        while let Some(at) = next_to_escape(bytes, from) {
            self.buf.extend_from_slice(&bytes[from..at]);
            let byte = bytes[at];
            match byte {
                b'"' => self.buf.extend_from_slice(b"\\\""),
                b'\\' => self.buf.extend_from_slice(b"\\\\"),
                b'\n' => self.buf.extend_from_slice(b"\\n"),
                b'\r' => self.buf.extend_from_slice(b"\\r"),
                b'\t' => self.buf.extend_from_slice(b"\\t"),
                0x08 => self.buf.extend_from_slice(b"\\b"),
                0x0c => self.buf.extend_from_slice(b"\\f"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.buf.extend_from_slice(b"\\u00");
                    self.buf.push(HEX[usize::from(byte >> 4)]);
                    self.buf.push(HEX[usize::from(byte & 0xf)]);
                }
            }
            from = at + 1;
        }
        self.buf.extend_from_slice(&bytes[from..]);
        self.buf.push(b'"');
    }

    /// A value serde writes (a score, --explain's object), indented to this depth.
    fn serde(&mut self, value: &impl Serialize) -> io::Result<()> {
        let text = serde_json::to_vec_pretty(value).map_err(io::Error::from)?;
        for (i, line) in text.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                self.newline();
            }
            self.buf.extend_from_slice(line);
        }
        Ok(())
    }

    /// Hands what it holds to `out` once it holds a chunk (between values).
    fn hand_on(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.buf.len() >= PRETTY_CHUNK {
            out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// The rest, and the line's end after the document.
    fn finish(mut self, out: &mut impl Write) -> io::Result<()> {
        self.buf.push(b'\n');
        out.write_all(&self.buf)
    }
}

/// The first byte at or after `from` that a JSON string escapes: `"`, `\\` or a control
/// character. Eight bytes at a time: a byte below 0x20, or equal to `"` or `\\`, sets the high
/// bit of its lane, and the lowest lane set is the first such byte (a borrow can only set lanes
/// above it). The last few bytes are read as the last eight, the lanes already read masked off
/// (they set nothing, so nothing borrows from them), or padded with spaces when the string is
/// shorter.
fn next_to_escape(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let zero_in = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let lanes = |word: u64| {
        (word.wrapping_sub(ONES * 0x20) & !word & HIGH)
            | zero_in(word ^ (ONES * u64::from(b'"')))
            | zero_in(word ^ (ONES * u64::from(b'\\')))
    };
    let first = |start: usize, found: u64| start + found.trailing_zeros() as usize / 8;
    let mut at = from;
    while let Some(eight) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        let found = lanes(u64::from_le_bytes(*eight));
        if found != 0 {
            return Some(first(at, found));
        }
        at += 8;
    }
    let rest = bytes.len().checked_sub(at).filter(|&n| n > 0)?;
    let (start, found) = match bytes.len().checked_sub(8).filter(|&start| start >= from) {
        Some(start) => {
            let eight = bytes[start..].first_chunk::<8>()?;
            let unread = u64::MAX << (8 * (8 - rest));
            (start, lanes(u64::from_le_bytes(*eight)) & unread)
        }
        None => {
            let mut padded = [b' '; 8];
            padded[..rest].copy_from_slice(&bytes[at..]);
            (at, lanes(u64::from_le_bytes(padded)))
        }
    };
    (found != 0).then(|| first(start, found))
}

/// Entries as a pretty array, each written as it is read.
fn write_entries<'e>(
    out: &mut impl Write,
    items: impl Iterator<Item = EntryJson<'e>>,
) -> io::Result<()> {
    let mut w = Pretty::new();
    w.open(b'[');
    for item in items {
        w.item();
        item.write(&mut w)?;
        w.hand_on(out)?;
    }
    w.close(b']');
    w.finish(out)
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

/// The entries at `indices` as an array, each built, written and let go in turn (`list`).
pub fn entries_at(
    out: &mut impl Write,
    catalogue: &Catalogue,
    indices: &[usize],
) -> io::Result<()> {
    let mut w = Pretty::new();
    w.open(b'[');
    for &index in indices {
        w.item();
        catalogue.with_entry(index, |e| EntryJson::new(&e, None).write(&mut w))?;
        w.hand_on(out)?;
    }
    w.close(b']');
    w.finish(out)
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
    write_entries(out, items)
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
    write_entries(out, items)
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

/// `diff`'s object: the two catalogues' names, the entries only one has, and the entries both
/// have that differ, with the fields that do.
pub fn diff(out: &mut impl Write, a: &str, b: &str, diff: &Diff<'_>) -> io::Result<()> {
    let mut w = Pretty::new();
    w.open(b'{');
    w.name("a");
    w.string(a);
    w.name("b");
    w.string(b);
    for (key, entries) in [("only_a", &diff.only_a), ("only_b", &diff.only_b)] {
        w.name(key);
        w.open(b'[');
        for e in entries {
            w.item();
            EntryJson::new(e, None).write(&mut w)?;
            w.hand_on(out)?;
        }
        w.close(b']');
    }
    w.name("changed");
    w.open(b'[');
    for change in &diff.changed {
        w.item();
        w.open(b'{');
        w.name("code");
        w.integer(change.code);
        w.name("a");
        EntryJson::new(&change.a, None).write(&mut w)?;
        w.name("b");
        EntryJson::new(&change.b, None).write(&mut w)?;
        w.name("fields");
        w.open(b'[');
        for aspect in &change.fields {
            w.item();
            w.string(aspect.name());
        }
        w.close(b']');
        w.close(b'}');
        w.hand_on(out)?;
    }
    w.close(b']');
    w.close(b'}');
    w.finish(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn written(fill: impl FnOnce(&mut Pretty)) -> String {
        let mut w = Pretty::new();
        fill(&mut w);
        String::from_utf8(w.buf).expect("the writer writes UTF-8")
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let special = [
            '"', '\\', '\n', '\r', '\t', '\u{8}', '\u{c}', '\0', '\u{1f}',
        ];
        let plain = [' ', '~', '\u{7f}', 'é', '码', '😀'];
        for len in 0..20 {
            for at in 0..len {
                for c in special.iter().chain(&plain) {
                    let text: String = (0..len).map(|i| if i == at { *c } else { 'a' }).collect();
                    let expected = serde_json::to_string(&text).expect("a string serializes");
                    assert_eq!(written(|w| w.string(&text)), expected, "{text:?}");
                }
            }
        }
        // Every string of up to ten of `a`, `"` and `\n`: escapes after escapes, in the
        // last bytes and not.
        for len in 0..=10_u32 {
            for n in 0..3_usize.pow(len) {
                let text: String = (0..len)
                    .map(|i| ['a', '"', '\n'][n / 3_usize.pow(i) % 3])
                    .collect();
                let expected = serde_json::to_string(&text).expect("a string serializes");
                assert_eq!(written(|w| w.string(&text)), expected, "{text:?}");
            }
        }
        let every_byte: String = (0..=0x7f_u8).map(char::from).collect();
        let expected = serde_json::to_string(&every_byte).expect("a string serializes");
        assert_eq!(written(|w| w.string(&every_byte)), expected);
    }

    #[test]
    fn values_are_laid_out_as_serde_json_pretty_prints_them() {
        // Keys in alphabetical order: serde_json's maps keep them so without `preserve_order`.
        let text = written(|w| {
            w.open(b'{');
            w.name("array");
            w.open(b'[');
            for n in [-1, 0, 6000103] {
                w.item();
                w.integer(n);
            }
            w.item();
            w.open(b'{');
            w.name("nested");
            w.optional_string(None);
            w.close(b'}');
            w.close(b']');
            w.name("empty_array");
            w.open(b'[');
            w.close(b']');
            w.name("empty_object");
            w.open(b'{');
            w.close(b'}');
            w.name("flags");
            w.open(b'{');
            w.name("no");
            w.boolean(false);
            w.name("score");
            w.serde(&[0.5, 1.25]).expect("a list serializes");
            w.name("text");
            w.optional_string(Some("a \"quoted\" word"));
            w.name("yes");
            w.boolean(true);
            w.close(b'}');
            w.close(b'}');
        });
        let expected = serde_json::json!({
            "array": [-1, 0, 6000103, {"nested": null}],
            "empty_array": [],
            "empty_object": {},
            "flags": {"no": false, "score": [0.5, 1.25], "text": "a \"quoted\" word", "yes": true},
        });
        let expected = serde_json::to_string_pretty(&expected).expect("a value serializes");
        assert_eq!(text, expected);
    }

    #[test]
    fn arrays_deeper_than_the_indent_at_hand_are_laid_out_alike() {
        // Two values at each of 40 levels: past the 31 levels `BREAK` indents in one copy.
        let text = written(|w| {
            for _ in 0..40 {
                w.open(b'[');
                w.item();
                w.integer(7);
                w.item();
            }
            w.null();
            for _ in 0..40 {
                w.close(b']');
            }
        });
        let mut expected = serde_json::Value::Null;
        for _ in 0..40 {
            expected = serde_json::json!([7, expected]);
        }
        let expected = serde_json::to_string_pretty(&expected).expect("a value serializes");
        assert_eq!(text, expected);
    }
}
