//! The catalogue file format (codes/*.toml and users' own files): parsing and validation.
//!
//! Validation walks the spanned TOML tree by hand rather than through serde, so that one pass
//! reports every problem with its line and column, not just the first. build.rs includes this
//! module too (it depends on nothing but toml), so an embedded file that fails these checks
//! fails the build.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// One catalogue file: its `[source]` and its `[[codes]]`, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueFile {
    pub source: SourceDecl,
    pub codes: Vec<CodeDecl>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDecl {
    pub id: String,
    pub vendor: String,
    /// Byte offset of the `vendor` value, for messages about it.
    pub vendor_offset: usize,
    pub title: Option<String>,
    pub edition: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeDecl {
    pub code: i64,
    pub code_end: Option<i64>,
    pub name: Option<String>,
    pub part: Option<String>,
    pub category: Option<String>,
    pub description: String,
    pub reason: Option<String>,
    pub action: Option<String>,
    pub note: Option<String>,
    /// Byte offset of the entry's `code` value (or of the entry, where `code` is missing).
    pub offset: usize,
}

pub const SOURCE_KEYS: [&str; 5] = ["id", "vendor", "title", "edition", "url"];
pub const CODE_KEYS: [&str; 9] = [
    "code",
    "code_end",
    "name",
    "part",
    "category",
    "description",
    "reason",
    "action",
    "note",
];

/// A problem in a catalogue file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Parses and validates one file. On failure, every problem found, in file order.
pub fn parse(text: &str) -> Result<CatalogueFile, Vec<Problem>> {
    let mut checker = Checker::new(text);
    let file = checker.file();
    checker.finish(file)
}

/// A source id or vendor key: lowercase ASCII letters, digits and inner hyphens.
pub fn is_valid_key(key: &str) -> bool {
    !key.is_empty()
        && !key.starts_with('-')
        && !key.ends_with('-')
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Walks a TOML document, collecting problems; shared with the SDK symbol files (symbols.rs).
pub(crate) struct Checker<'t> {
    text: &'t str,
    problems: Vec<Problem>,
}

pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

impl<'t> Checker<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Checker {
            text,
            problems: Vec::new(),
        }
    }

    /// The value read, where nothing was wrong; otherwise every problem, in file order.
    pub(crate) fn finish<T>(self, value: Option<T>) -> Result<T, Vec<Problem>> {
        let mut problems = self.problems;
        match value {
            Some(value) if problems.is_empty() => Ok(value),
            _ => {
                problems.sort_by_key(|p| (p.line, p.column));
                problems.dedup();
                Err(problems)
            }
        }
    }

    pub(crate) fn line_of(&self, offset: usize) -> usize {
        line_column(self.text, offset).0
    }

    pub(crate) fn problem(&mut self, offset: usize, message: String) {
        let (line, column) = line_column(self.text, offset);
        self.problems.push(Problem {
            line,
            column,
            message,
        });
    }

    /// The document's top-level table, or `None` (with the syntax errors reported).
    pub(crate) fn root(&mut self) -> Option<DeTable<'t>> {
        let (root, errors) = DeTable::parse_recoverable(self.text);
        if !errors.is_empty() {
            for err in errors {
                let offset = err.span().map_or(0, |s| s.start);
                let message = err.message().trim().replace('\n', " ");
                self.problem(offset, message);
            }
            return None;
        }
        Some(root.into_inner())
    }

    fn file(&mut self) -> Option<CatalogueFile> {
        let root = self.root()?;
        let mut source = None;
        let mut codes = Vec::new();
        for (key, value) in root.iter() {
            match key.get_ref().as_ref() {
                "source" => source = self.source(value),
                "codes" => codes = self.codes(value),
                other => {
                    self.unknown_key(key.span(), other, &["source", "codes"]);
                }
            }
        }
        if source.is_none() && !root.iter().any(|(k, _)| k.get_ref() == "source") {
            self.problem(0, "missing [source] table (with id and vendor)".to_owned());
        }
        Some(CatalogueFile {
            source: source?,
            codes,
        })
    }

    /// Reports an unknown key; returns the expected key it was probably meant to be.
    pub(crate) fn unknown_key<'k>(
        &mut self,
        span: Range<usize>,
        key: &str,
        expected: &[&'k str],
    ) -> Option<&'k str> {
        let meant = closest_key(key, expected);
        let hint = meant
            .map(|k| format!("did you mean `{k}`?"))
            .unwrap_or_else(|| format!("expected one of {}", expected.join(", ")));
        self.problem(span.start, format!("unknown key `{key}` ({hint})"));
        meant
    }

    /// The table's values by key, with unknown keys reported. Also the keys that misspelt
    /// ones were probably meant to be, so a missing key is not reported twice.
    pub(crate) fn fields<'a, 'i>(
        &mut self,
        table: &'a DeTable<'i>,
        expected: &[&'static str],
    ) -> (Vec<(&'a str, &'a Value<'i>)>, Vec<&'static str>) {
        let mut out = Vec::new();
        let mut meant = Vec::new();
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            if expected.contains(&name) {
                out.push((name, value));
            } else {
                meant.extend(self.unknown_key(key.span(), name, expected));
            }
        }
        (out, meant)
    }

    pub(crate) fn string(&mut self, key: &str, value: &Value<'_>) -> Option<String> {
        match value.get_ref() {
            DeValue::String(s) => Some(Cow::to_string(s)),
            other => {
                let found = type_name(other);
                self.problem(
                    value.span().start,
                    format!("`{key}` must be a string, not {found}"),
                );
                None
            }
        }
    }

    pub(crate) fn integer(&mut self, key: &str, value: &Value<'_>) -> Option<i64> {
        match value.get_ref() {
            DeValue::Integer(i) => {
                let parsed = i64::from_str_radix(i.as_str(), i.radix()).ok();
                if parsed.is_none() {
                    self.problem(
                        value.span().start,
                        format!("`{key}` is beyond a 64-bit integer"),
                    );
                }
                parsed
            }
            other => {
                let found = type_name(other);
                self.problem(
                    value.span().start,
                    format!("`{key}` must be an integer, not {found}"),
                );
                None
            }
        }
    }

    fn source(&mut self, value: &Value<'_>) -> Option<SourceDecl> {
        let DeValue::Table(table) = value.get_ref() else {
            self.problem(
                value.span().start,
                "`source` must be a table: [source]".to_owned(),
            );
            return None;
        };
        let mut decl = SourceDecl {
            id: String::new(),
            vendor: String::new(),
            vendor_offset: value.span().start,
            title: None,
            edition: None,
            url: None,
        };
        let (mut id, mut vendor) = (false, false);
        let (fields, meant) = self.fields(table, &SOURCE_KEYS);
        for (key, value) in fields {
            let Some(text) = self.string(key, value) else {
                continue;
            };
            match key {
                "id" | "vendor" => {
                    if !is_valid_key(&text) {
                        let what = if key == "id" { "source id" } else { "vendor" };
                        self.problem(
                            value.span().start,
                            format!(
                                "{what} {text:?} must be lowercase letters, digits and hyphens"
                            ),
                        );
                    }
                    if key == "id" {
                        (decl.id, id) = (text, true);
                    } else {
                        (decl.vendor, decl.vendor_offset, vendor) =
                            (text, value.span().start, true);
                    }
                }
                "title" => decl.title = Some(text),
                "edition" => decl.edition = Some(text),
                _ => decl.url = Some(text),
            }
        }
        for (present, key) in [(id, "id"), (vendor, "vendor")] {
            if !present && !meant.contains(&key) && !table.iter().any(|(k, _)| k.get_ref() == key) {
                self.problem(value.span().start, format!("[source] is missing `{key}`"));
            }
        }
        (id && vendor).then_some(decl)
    }

    fn codes(&mut self, value: &Value<'_>) -> Vec<CodeDecl> {
        let DeValue::Array(items) = value.get_ref() else {
            self.problem(
                value.span().start,
                "`codes` must be an array of tables: [[codes]]".to_owned(),
            );
            return Vec::new();
        };
        let mut ranges = Vec::new();
        let mut decls = Vec::new();
        for item in items.iter() {
            let (range, decl) = self.code(item);
            ranges.extend(range);
            decls.extend(decl);
        }
        self.check_overlaps(&ranges);
        decls
    }

    /// An entry: its range and offset wherever its code is readable (for the overlap check),
    /// and the whole entry where it has no problem at all.
    fn code(&mut self, item: &Value<'_>) -> (Option<(i64, i64, usize)>, Option<CodeDecl>) {
        let DeValue::Table(table) = item.get_ref() else {
            self.problem(
                item.span().start,
                "each entry of `codes` must be a table: [[codes]]".to_owned(),
            );
            return (None, None);
        };
        let mut decl = CodeDecl {
            code: 0,
            code_end: None,
            name: None,
            part: None,
            category: None,
            description: String::new(),
            reason: None,
            action: None,
            note: None,
            offset: item.span().start,
        };
        let mut ok = true;
        let (mut code, mut description) = (false, false);
        let (fields, meant) = self.fields(table, &CODE_KEYS);
        for (key, value) in fields {
            match key {
                "code" => match self.integer(key, value) {
                    Some(n) => (decl.code, decl.offset, code) = (n, value.span().start, true),
                    None => ok = false,
                },
                "code_end" => match self.integer(key, value) {
                    Some(n) => decl.code_end = Some(n),
                    None => ok = false,
                },
                _ => {
                    let Some(text) = self.string(key, value) else {
                        ok = false;
                        continue;
                    };
                    match key {
                        "description" => (decl.description, description) = (text, true),
                        "name" => decl.name = Some(text),
                        "part" => decl.part = Some(text),
                        "category" => decl.category = Some(text),
                        "reason" => decl.reason = Some(text),
                        "action" => decl.action = Some(text),
                        _ => decl.note = Some(text),
                    }
                }
            }
        }
        let present =
            |key: &str| meant.contains(&key) || table.iter().any(|(k, _)| k.get_ref() == key);
        if !code && !present("code") {
            self.problem(
                item.span().start,
                "[[codes]] entry is missing `code`".to_owned(),
            );
        }
        if !description && !present("description") {
            let at = if code { decl.offset } else { item.span().start };
            self.problem(
                at,
                "[[codes]] entry is missing `description` (use \"\" where the document has none)"
                    .to_owned(),
            );
        }
        if let Some(end) = decl.code_end
            && code
            && end < decl.code
        {
            self.problem(
                decl.offset,
                format!("code_end {end} is below code {}", decl.code),
            );
            ok = false;
        }
        let range = code.then(|| {
            let end = decl.code_end.filter(|end| *end >= decl.code);
            (decl.code, end.unwrap_or(decl.code), decl.offset)
        });
        (range, (ok && code && description).then_some(decl))
    }

    /// A code twice in one source, or ranges that overlap: (code, end, offset) of each entry.
    fn check_overlaps(&mut self, ranges: &[(i64, i64, usize)]) {
        let mut spans = ranges.to_vec();
        spans.sort_unstable();
        // Sorted by start, an entry overlaps an earlier one exactly when it starts at or before
        // the furthest end seen so far.
        let mut widest: Option<(i64, i64, usize)> = None;
        let mut previous: Option<(i64, i64, usize)> = None;
        for &(start, end, offset) in &spans {
            let message = match (previous, widest) {
                (Some((p_start, p_end, p_offset)), _) if (p_start, p_end) == (start, end) => {
                    Some(format!(
                        "code {} appears twice in this source (first at line {})",
                        range_label(start, end),
                        self.line_of(p_offset)
                    ))
                }
                (_, Some((w_start, w_end, w_offset))) if start <= w_end => Some(format!(
                    "code {} overlaps {} (line {})",
                    range_label(start, end),
                    range_label(w_start, w_end),
                    self.line_of(w_offset)
                )),
                _ => None,
            };
            if let Some(message) = message {
                self.problem(offset, message);
            }
            if widest.is_none_or(|(_, w_end, _)| end > w_end) {
                widest = Some((start, end, offset));
            }
            previous = Some((start, end, offset));
        }
    }
}

fn range_label(start: i64, end: i64) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start}..={end}")
    }
}

/// The expected key a misspelt one was probably meant to be (at most two edits away).
fn closest_key<'a>(key: &str, expected: &[&'a str]) -> Option<&'a str> {
    fn distance(a: &str, b: &str) -> usize {
        let b: Vec<char> = b.chars().collect();
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.chars().enumerate() {
            let mut diagonal = row[0];
            row[0] = i + 1;
            for j in 0..b.len() {
                let above = row[j + 1];
                row[j + 1] = (above + 1)
                    .min(row[j] + 1)
                    .min(diagonal + usize::from(ca != b[j]));
                diagonal = above;
            }
        }
        row[b.len()]
    }
    expected
        .iter()
        .map(|k| (distance(key, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "[source]\nid = \"acme\"\nvendor = \"acme\"\n\n[[codes]]\ncode = -1\ndescription = \"\"\n\n[[codes]]\ncode = 10\ncode_end = 20\nname = \"RANGE\"\ndescription = \"A range.\"\n";

    fn problems(text: &str) -> Vec<String> {
        parse(text)
            .unwrap_err()
            .into_iter()
            .map(|p| format!("{}:{}: {}", p.line, p.column, p.message))
            .collect()
    }

    #[test]
    fn a_good_file_parses() {
        let file = parse(GOOD).unwrap();
        assert_eq!(file.source.id, "acme");
        assert_eq!(file.codes.len(), 2);
        assert_eq!((file.codes[1].code, file.codes[1].code_end), (10, Some(20)));
        assert_eq!(line_column(GOOD, file.codes[0].offset), (6, 8));
    }

    #[test]
    fn every_problem_is_reported_with_its_position() {
        let text = "[source]\nid = \"Bad Id\"\nvendr = \"x\"\n\n[[codes]]\ncode = \"1\"\ndescription = 2\n\n[[codes]]\ncode = 5\ncode_end = 4\ndescription = \"\"\n\n[[codes]]\ncode = 7\n\n[[codes]]\ncode = 7\ndescription = \"\"\n\n[[codes]]\ncode = 6\ncode_end = 8\ndescription = \"\"\nextra = true\n";
        assert_eq!(
            problems(text),
            [
                "2:6: source id \"Bad Id\" must be lowercase letters, digits and hyphens",
                "3:1: unknown key `vendr` (did you mean `vendor`?)",
                "6:8: `code` must be an integer, not a string",
                "7:15: `description` must be a string, not an integer",
                "10:8: code_end 4 is below code 5",
                "15:8: [[codes]] entry is missing `description` (use \"\" where the document has none)",
                "15:8: code 7 overlaps 6..=8 (line 22)",
                "18:8: code 7 appears twice in this source (first at line 15)",
                "25:1: unknown key `extra` (expected one of code, code_end, name, part, category, description, reason, action, note)",
            ]
        );
    }

    #[test]
    fn syntax_errors_and_duplicates() {
        let syntax = problems("[source]\nid = \"a\nvendor = \"a\"\n");
        assert!(syntax[0].starts_with("2:"), "{syntax:?}");
        let twice = problems(
            "[source]\nid = \"a\"\nvendor = \"a\"\n[[codes]]\ncode = 1\ndescription = \"\"\n[[codes]]\ncode = 1\ndescription = \"\"\n",
        );
        assert_eq!(
            twice,
            ["8:8: code 1 appears twice in this source (first at line 5)"]
        );
        assert_eq!(
            problems(""),
            ["1:1: missing [source] table (with id and vendor)"]
        );
        let huge = problems(
            "[source]\nid = \"a\"\nvendor = \"a\"\n[[codes]]\ncode = 99999999999999999999\ndescription = \"\"\n",
        );
        assert!(huge[0].starts_with("5:8:"), "{huge:?}");
    }
}
