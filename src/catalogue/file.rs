//! The catalogue file format (codes/*.toml and users' own files): parsing and validation.
//!
//! build.rs includes this module too, so it depends on nothing but serde and toml, and an
//! embedded file that fails these checks fails the build.

use serde::Deserialize;
use toml::Spanned;

/// One catalogue file: a `[source]` table and its `[[codes]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    pub source: SourceDecl,
    #[serde(default)]
    pub codes: Vec<CodeDecl>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDecl {
    pub id: Spanned<String>,
    pub vendor: Spanned<String>,
    pub title: Option<String>,
    pub edition: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeDecl {
    pub code: Spanned<i64>,
    pub code_end: Option<Spanned<i64>>,
    pub name: Option<String>,
    pub part: Option<String>,
    pub category: Option<String>,
    pub description: String,
    pub reason: Option<String>,
    pub action: Option<String>,
    pub note: Option<String>,
}

/// A problem in a catalogue file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl Problem {
    fn at(text: &str, offset: usize, message: String) -> Self {
        let (line, column) = line_column(text, offset);
        Problem {
            line,
            column,
            message,
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Parses and validates one file. On failure, every problem found, in file order.
pub fn parse(text: &str) -> Result<CatalogueFile, Vec<Problem>> {
    let file: CatalogueFile = toml::from_str(text).map_err(|err| {
        let offset = err.span().map_or(0, |span| span.start);
        let message = err.message().trim().replace('\n', " ");
        vec![Problem::at(text, offset, message)]
    })?;
    let problems = validate(&file, text);
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(problems)
    }
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

fn validate(file: &CatalogueFile, text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (what, key) in [
        ("source id", &file.source.id),
        ("vendor", &file.source.vendor),
    ] {
        if !is_valid_key(key.get_ref()) {
            problems.push(Problem::at(
                text,
                key.span().start,
                format!(
                    "{what} {:?} must be lowercase letters, digits and hyphens",
                    key.get_ref()
                ),
            ));
        }
    }

    // Each entry covers code..=end; sorted by start, any overlap shows up between neighbours
    // once we track the furthest end seen so far.
    let mut spans: Vec<(i64, i64, usize)> = Vec::with_capacity(file.codes.len());
    for (index, entry) in file.codes.iter().enumerate() {
        let code = *entry.code.get_ref();
        let end = match &entry.code_end {
            Some(end) if *end.get_ref() < code => {
                problems.push(Problem::at(
                    text,
                    end.span().start,
                    format!("code_end {} is below code {code}", end.get_ref()),
                ));
                code
            }
            Some(end) => *end.get_ref(),
            None => code,
        };
        spans.push((code, end, index));
    }
    spans.sort_by_key(|&(start, end, index)| (start, end, index));
    let mut widest: Option<(i64, i64, usize)> = None;
    for &(start, end, index) in &spans {
        if let Some((w_start, w_end, w_index)) = widest
            && start <= w_end
        {
            let other = &file.codes[w_index];
            let this = &file.codes[index];
            let (line, _) = line_column(text, other.code.span().start);
            let message = if start == w_start && end == w_end && start == end {
                format!("code {start} appears twice in this source (first at line {line})")
            } else {
                format!(
                    "code {} overlaps {} (line {line})",
                    range_label(start, end),
                    range_label(w_start, w_end)
                )
            };
            problems.push(Problem::at(text, this.code.span().start, message));
        }
        if widest.is_none_or(|(_, w_end, _)| end > w_end) {
            widest = Some((start, end, index));
        }
    }
    problems.sort_by_key(|p| (p.line, p.column));
    problems
}

fn range_label(start: i64, end: i64) -> String {
    if start == end {
        start.to_string()
    } else {
        format!("{start}..={end}")
    }
}
