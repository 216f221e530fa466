//! The catalogue file format (codes/*.toml and users' own files): parsing and validation.
//!
//! Validation walks the spanned TOML tree by hand rather than through serde, so that one pass
//! reports every problem with its line and column, not just the first. The compiler of codes/
//! reads the embedded files with it, so an embedded file that fails these checks fails the
//! build.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::field::{Field, Texts};

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
    /// The document's language (`en`, `zh`); absent, it is taken as the reader's.
    pub language: Option<String>,
    /// Where the document is platform-specific: android, ios, unity, web, server.
    pub platform: Option<String>,
    /// Where the document is not the vendor's chat SDK: the product (`zpns`).
    pub product: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeDecl {
    pub code: i64,
    pub code_end: Option<i64>,
    /// The text fields given, by [`Field`]; a required one is always `Some` (maybe empty).
    pub texts: Texts<String>,
    /// Byte offset of the entry's `code` value (or of the entry, where `code` is missing).
    pub offset: usize,
}

impl CodeDecl {
    /// A text field as written (an empty text is `Some("")`).
    pub fn text(&self, field: Field) -> Option<&str> {
        self.texts[field.index()].as_deref()
    }
}

pub const SOURCE_KEYS: [&str; 8] = [
    "id", "vendor", "title", "edition", "url", "language", "platform", "product",
];

/// The keys of a `[[codes]]` entry: its code, the end of its range, then every [`Field`].
pub const CODE_KEYS: [&str; 2 + Field::COUNT] = {
    let mut keys = ["code"; 2 + Field::COUNT];
    keys[1] = "code_end";
    let mut i = 0;
    while i < Field::COUNT {
        keys[2 + i] = Field::ALL[i].name();
        i += 1;
    }
    keys
};

/// A problem in a catalogue file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// `line:column: message`, for a `file:` in front as compilers write it.
impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    Lines::new(text).position(offset)
}

/// Where a text's lines start, found once: a file with many problems is not rescanned for each.
pub struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let line_start = self.starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
        (line, column)
    }
}

/// Parses and validates one file. On failure, every problem found, in file order.
///
/// A file in the plain shape the catalogues are written in is read by a fast path that builds
/// no document tree; anything else, and any file with a problem, takes the full walk of the
/// spanned tree, which reports every problem.
pub fn parse(text: &str) -> Result<CatalogueFile, Vec<Problem>> {
    match fast::parse(text) {
        Some(file) => Ok(file),
        None => parse_spanned(text),
    }
}

/// [`parse`] without its fast path: what the fuzz target holds the fast path to.
#[doc(hidden)]
pub fn parse_without_fast_path(text: &str) -> Result<CatalogueFile, Vec<Problem>> {
    parse_spanned(text)
}

/// The full walk of the spanned TOML tree: every problem, or the file.
fn parse_spanned(text: &str) -> Result<CatalogueFile, Vec<Problem>> {
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
    /// Found at the first problem.
    lines: Option<Lines<'t>>,
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
            lines: None,
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

    pub(crate) fn position(&mut self, offset: usize) -> (usize, usize) {
        let text = self.text;
        self.lines
            .get_or_insert_with(|| Lines::new(text))
            .position(offset)
    }

    pub(crate) fn line_of(&mut self, offset: usize) -> usize {
        self.position(offset).0
    }

    pub(crate) fn problem(&mut self, offset: usize, message: String) {
        let (line, column) = self.position(offset);
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
            language: None,
            platform: None,
            product: None,
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
                "url" => decl.url = Some(text),
                key if !is_valid_key(&text) => self.problem(
                    value.span().start,
                    format!("{key} {text:?} must be lowercase letters, digits and hyphens"),
                ),
                "language" => decl.language = Some(text),
                "platform" => decl.platform = Some(text),
                _ => decl.product = Some(text),
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
            texts: Default::default(),
            offset: item.span().start,
        };
        let mut ok = true;
        let mut code = false;
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
                _ => match (Field::from_name(key), self.string(key, value)) {
                    (Some(field), Some(text)) => match field.check(&text) {
                        Ok(()) => decl.texts[field.index()] = Some(text),
                        Err(message) => {
                            self.problem(value.span().start, message);
                            ok = false;
                        }
                    },
                    _ => ok = false,
                },
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
        let mut complete = true;
        for field in Field::ALL.into_iter().filter(|f| f.required()) {
            if decl.text(field).is_some() {
                continue;
            }
            complete = false;
            if !present(field.name()) {
                let at = if code { decl.offset } else { item.span().start };
                self.problem(
                    at,
                    format!(
                        "[[codes]] entry is missing `{}` (use \"\" where the document has none)",
                        field.name()
                    ),
                );
            }
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
        (range, (ok && code && complete).then_some(decl))
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
    expected
        .iter()
        .filter_map(|k| crate::words::distance(key, k, 2).map(|d| (d, *k)))
        .min()
        .map(|(_, k)| k)
}

/// The fast path of [`parse`]: a line-by-line reader of the part of TOML the catalogues are
/// written in (`[source]` and `[[codes]]` headers, bare keys, single-line strings, decimal
/// integers, comments and blank lines), building no document tree: a spanned tree costs about
/// 2.5 KB per entry, which for a large user catalogue is most of the time it takes to load.
///
/// It returns `None` on anything outside that part of TOML and on anything the full walk would
/// report (a missing or repeated key, a bad source id, a code below its `code_end`, codes that
/// overlap), so every such file is left to the full walk, which reports all of its problems.
/// Where it returns a file, it is the one the full walk would return (tests::fast_path_*).
mod fast {
    use super::{CatalogueFile, CodeDecl, SourceDecl, is_valid_key};
    use crate::field::{Field, Texts};

    /// A value of one of the two types the catalogue's keys take.
    enum Scalar {
        Str(String),
        Int(i64),
    }

    #[derive(Default)]
    struct Source {
        id: Option<String>,
        vendor: Option<(String, usize)>,
        title: Option<String>,
        edition: Option<String>,
        url: Option<String>,
        language: Option<String>,
        platform: Option<String>,
        product: Option<String>,
    }

    #[derive(Default)]
    struct Code {
        code: Option<(i64, usize)>,
        code_end: Option<i64>,
        texts: Texts<String>,
    }

    impl Code {
        /// The entry, where it has its `code` and required fields and its range is not
        /// reversed.
        fn finish(self) -> Option<CodeDecl> {
            let (code, offset) = self.code?;
            if self.code_end.is_some_and(|end| end < code) {
                return None;
            }
            let missing = Field::ALL
                .into_iter()
                .any(|f| f.required() && self.texts[f.index()].is_none());
            (!missing).then_some(CodeDecl {
                code,
                code_end: self.code_end,
                texts: self.texts,
                offset,
            })
        }
    }

    /// The table the lines being read belong to.
    #[derive(PartialEq)]
    enum Section {
        Root,
        Source,
        /// The last `[[codes]]` entry so far, in `code`.
        Code,
    }

    pub(super) fn parse(text: &str) -> Option<CatalogueFile> {
        let bytes = text.as_bytes();
        let mut source: Option<Source> = None;
        // One slot per `[[codes]]` header (a vectorised count, a millisecond for 15 MB), so
        // that the entries are written once instead of copied at every doubling into memory
        // the system must first hand over and zero. A header inside a string or comment only
        // makes the guess larger.
        let mut codes = Vec::with_capacity(memchr::memmem::find_iter(bytes, b"[[codes]]").count());
        let mut section = Section::Root;
        let mut code = Code::default();
        // TOML allows no control character but tab in a comment or string, and none at all
        // elsewhere (line breaks aside): checked once for the whole text, not line by line.
        if has_control(bytes) {
            return None;
        }
        let has_return = memchr::memchr(b'\r', bytes).is_some();
        let mut start = 0;
        while start < bytes.len() {
            let (end, next) = match memchr::memchr(b'\n', &bytes[start..]) {
                Some(i) => (start + i, start + i + 1),
                None => (bytes.len(), bytes.len()),
            };
            // A carriage return belongs to the line break only right before a newline.
            let end = if has_return {
                let end = end - usize::from(next > end && end > start && bytes[end - 1] == b'\r');
                if text[start..end].contains('\r') {
                    return None;
                }
                end
            } else {
                end
            };
            let i = skip_blank(bytes, start, end);
            match bytes[..end].get(i) {
                None | Some(b'#') => {}
                Some(b'[') => {
                    let header = &text[i..end];
                    let is_source = header.starts_with("[source]");
                    let after = if header.starts_with("[[codes]]") {
                        i + "[[codes]]".len()
                    } else if is_source && source.is_none() {
                        i + "[source]".len()
                    } else {
                        return None;
                    };
                    rest_of_line(bytes, after, end)?;
                    if section == Section::Code {
                        codes.push(std::mem::take(&mut code).finish()?);
                    }
                    section = if is_source {
                        source = Some(Source::default());
                        Section::Source
                    } else {
                        Section::Code
                    };
                }
                Some(_) => {
                    let mut key_end = i;
                    while key_end < end && is_bare_key_byte(bytes[key_end]) {
                        key_end += 1;
                    }
                    let key = &text[i..key_end];
                    let equals = skip_blank(bytes, key_end, end);
                    if key.is_empty() || bytes[..end].get(equals) != Some(&b'=') {
                        return None;
                    }
                    let at = skip_blank(bytes, equals + 1, end);
                    let (value, after) = scalar(text, at, end)?;
                    rest_of_line(bytes, after, end)?;
                    match section {
                        Section::Root => return None,
                        Section::Source => set_source(source.as_mut()?, key, value, at)?,
                        Section::Code => set_code(&mut code, key, value, at)?,
                    }
                }
            }
            start = next;
        }
        if section == Section::Code {
            codes.push(code.finish()?);
        }
        let source = source?;
        let (id, (vendor, vendor_offset)) = (source.id?, source.vendor?);
        let keys = [&source.language, &source.platform, &source.product];
        let bad_key = keys.into_iter().flatten().any(|k| !is_valid_key(k));
        if !is_valid_key(&id) || !is_valid_key(&vendor) || bad_key || overlap(&codes) {
            return None;
        }
        Some(CatalogueFile {
            source: SourceDecl {
                id,
                vendor,
                vendor_offset,
                title: source.title,
                edition: source.edition,
                url: source.url,
                language: source.language,
                platform: source.platform,
                product: source.product,
            },
            codes,
        })
    }

    /// Fills an empty slot; a key given twice is the full walk's to report.
    fn fill<T>(slot: &mut Option<T>, value: T) -> Option<()> {
        if slot.is_some() {
            return None;
        }
        *slot = Some(value);
        Some(())
    }

    fn set_source(source: &mut Source, key: &str, value: Scalar, at: usize) -> Option<()> {
        let Scalar::Str(value) = value else {
            return None;
        };
        match key {
            "id" => fill(&mut source.id, value),
            "vendor" => fill(&mut source.vendor, (value, at)),
            "title" => fill(&mut source.title, value),
            "edition" => fill(&mut source.edition, value),
            "url" => fill(&mut source.url, value),
            "language" => fill(&mut source.language, value),
            "platform" => fill(&mut source.platform, value),
            "product" => fill(&mut source.product, value),
            _ => None,
        }
    }

    fn set_code(code: &mut Code, key: &str, value: Scalar, at: usize) -> Option<()> {
        let text = match (key, value) {
            ("code", Scalar::Int(n)) => return fill(&mut code.code, (n, at)),
            ("code_end", Scalar::Int(n)) => return fill(&mut code.code_end, n),
            (_, Scalar::Int(_)) => return None,
            (_, Scalar::Str(text)) => text,
        };
        let field = Field::from_name(key)?;
        field.check(&text).ok()?;
        fill(&mut code.texts[field.index()], text)
    }

    /// Whether two entries share a code (what the full walk's `check_overlaps` reports).
    fn overlap(codes: &[CodeDecl]) -> bool {
        let mut ranges: Vec<(i64, i64)> = codes
            .iter()
            .map(|c| (c.code, c.code_end.unwrap_or(c.code)))
            .collect();
        ranges.sort_unstable();
        let mut furthest: Option<i64> = None;
        ranges.into_iter().any(|(start, end)| {
            let overlaps = furthest.is_some_and(|f| start <= f);
            furthest = Some(furthest.map_or(end, |f| f.max(end)));
            overlaps
        })
    }

    /// A byte of a bare key: ASCII letters, digits, `_` and `-`.
    fn is_bare_key_byte(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
    }

    fn skip_blank(bytes: &[u8], mut i: usize, end: usize) -> usize {
        while i < end && (bytes[i] == b' ' || bytes[i] == b'\t') {
            i += 1;
        }
        i
    }

    /// What may follow a header or a value: blanks, then a comment or nothing.
    fn rest_of_line(bytes: &[u8], i: usize, end: usize) -> Option<()> {
        let i = skip_blank(bytes, i, end);
        match bytes[..end].get(i) {
            None => Some(()),
            Some(b'#') => Some(()),
            Some(_) => None,
        }
    }

    /// Whether the text holds a control character other than tab and the line breaks' (which
    /// TOML allows in no comment or string). Branch-free, so that it runs a block at a time.
    fn has_control(bytes: &[u8]) -> bool {
        bytes.chunks(4096).any(|chunk| {
            chunk.iter().fold(false, |found, &b| {
                let allowed = b == b'\t' || b == b'\n' || b == b'\r';
                found | ((b < 0x20 && !allowed) | (b == 0x7f))
            })
        })
    }

    /// A value starting at `at`, and the offset after it.
    fn scalar(text: &str, at: usize, end: usize) -> Option<(Scalar, usize)> {
        let rest = &text[at..end];
        // Multi-line strings are the full walk's.
        if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
            return None;
        }
        match *rest.as_bytes().first()? {
            b'"' => basic_string(text, at + 1, end),
            b'\'' => {
                let len = rest[1..].find('\'')?;
                Some((Scalar::Str(rest[1..1 + len].to_owned()), at + len + 2))
            }
            b'+' | b'-' | b'0'..=b'9' => integer(text, at, end),
            _ => None,
        }
    }

    /// A single-line basic string whose content starts at `start`.
    fn basic_string(text: &str, start: usize, end: usize) -> Option<(Scalar, usize)> {
        let mut rest = &text[start..end];
        let stop = memchr::memchr2(b'"', b'\\', rest.as_bytes())?;
        if rest.as_bytes()[stop] == b'"' {
            return Some((Scalar::Str(rest[..stop].to_owned()), start + stop + 1));
        }
        // With escapes: piece by piece.
        let (mut built, mut at) = (String::new(), start);
        loop {
            let stop = memchr::memchr2(b'"', b'\\', rest.as_bytes())?;
            built.push_str(&rest[..stop]);
            if rest.as_bytes()[stop] == b'"' {
                return Some((Scalar::Str(built), at + stop + 1));
            }
            let (c, len) = escape(&rest.as_bytes()[stop + 1..])?;
            built.push(c);
            rest = &rest[stop + 1 + len..];
            at += stop + 1 + len;
        }
    }

    /// The character a TOML 1.0 escape stands for (after its backslash), and its length.
    fn escape(after: &[u8]) -> Option<(char, usize)> {
        let simple = match *after.first()? {
            b'b' => '\u{8}',
            b't' => '\t',
            b'n' => '\n',
            b'f' => '\u{c}',
            b'r' => '\r',
            b'"' => '"',
            b'\\' => '\\',
            b'u' | b'U' => {
                let digits = if after[0] == b'u' { 4 } else { 8 };
                let hex = after.get(1..1 + digits)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                let hex = std::str::from_utf8(hex).ok()?;
                let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                return Some((c, 1 + digits));
            }
            _ => return None,
        };
        Some((simple, 1))
    }

    /// A decimal integer: an optional sign, then digits with single underscores between them,
    /// no leading zero, within 64 bits. What follows it is `rest_of_line`'s to check, so `1.5`,
    /// `0x1f` or a date is left to the full walk.
    fn integer(text: &str, at: usize, end: usize) -> Option<(Scalar, usize)> {
        let bytes = text.as_bytes();
        let negative = bytes[at] == b'-';
        let digits = at + usize::from(matches!(bytes[at], b'+' | b'-'));
        let (mut i, mut magnitude, mut after_digit) = (digits, 0u64, false);
        while i < end {
            match bytes[i] {
                b @ b'0'..=b'9' => {
                    magnitude = magnitude
                        .checked_mul(10)?
                        .checked_add(u64::from(b - b'0'))?;
                    after_digit = true;
                }
                b'_' if after_digit => after_digit = false,
                _ => break,
            }
            i += 1;
        }
        // No digits, a trailing underscore, or a leading zero.
        if !after_digit || (bytes[digits] == b'0' && i > digits + 1) {
            return None;
        }
        let value = if negative {
            0i64.checked_sub_unsigned(magnitude)?
        } else {
            i64::try_from(magnitude).ok()?
        };
        Some((Scalar::Int(value), i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "[source]\nid = \"acme\"\nvendor = \"acme\"\n\n[[codes]]\ncode = -1\ndescription = \"\"\n\n[[codes]]\ncode = 10\ncode_end = 20\nname = \"RANGE\"\ndescription = \"A range.\"\n";

    fn problems(text: &str) -> Vec<String> {
        parse(text)
            .unwrap_err()
            .into_iter()
            .map(|p| p.to_string())
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
                "25:1: unknown key `extra` (expected one of code, code_end, name, part, category, description, reason, action, note, class, retry, concept)",
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

    /// Whether the fast path took the file; where it did, the full walk reads the same file.
    fn fast_path_agrees(text: &str) -> bool {
        let Some(fast) = fast::parse(text) else {
            return false;
        };
        assert_eq!(parse_spanned(text), Ok(fast), "{text:?}");
        true
    }

    #[test]
    fn fast_path_reads_the_embedded_catalogues_as_the_full_walk_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../codes");
        let mut read = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).unwrap();
                read += usize::from(fast_path_agrees(&text));
            }
        }
        assert!(read > 0, "the fast path took none of codes/*.toml");
    }

    #[test]
    fn fast_path_takes_the_plain_shapes_and_reads_them_as_the_full_walk_does() {
        let head = "[source]\nid = \"acme\"\nvendor = \"acme\"\n";
        let taken = [
            GOOD.to_owned(),
            GOOD.replace('\n', "\r\n"),
            "# A comment\n\t[source]   # the document\n id=\"a-1\"\n\tvendor\t=\t'b2' # é\ntitle = ''\nedition = \"2\"\nurl = \"https://x/y\"\n[[codes]]  \ncode = +5\ndescription = 'C:\\path \"q\"'\nname = \"N\"\npart = \"p\"\ncategory = \"c\"\nreason = \"r\"\naction = \"a\"\nnote = \"n\""
                .to_owned(),
            format!(
                "{head}[[codes]]\ncode = -0\ndescription = \"tab\\there \\\"q\\\" \\\\ \\b\\f\\n\\r \\u00e9 \\U0001F600 ünï\"\n"
            ),
            format!(
                "{head}[[codes]]\ncode = 1_000\ncode_end = 1_999\ndescription = \"\"\n[[codes]]\ncode = -9223372036854775808\ndescription = \"\"\n[[codes]]\ncode = 9223372036854775807\ndescription = \"\"\n"
            ),
            format!(
                "[[codes]]\ncode = 2\ndescription = \"\"\n{head}[[codes]]\ncode = 1\ndescription = \"\"\n"
            ),
            format!("{head}[[codes]]\ncode = 1\ndescription = \"\"\n# no newline at the end"),
            head.to_owned(),
        ];
        for text in &taken {
            assert!(fast_path_agrees(text), "not taken: {text:?}");
        }
        let left = [
            String::new(),
            "\u{feff}".to_owned() + GOOD,
            GOOD.replace('\n', "\r"),
            GOOD.replace("\"acme\"", "\"Acme\""),
            GOOD.replace("vendor", "vendr"),
            GOOD.replace("code = 10", "code = 0x0a"),
            GOOD.replace("code = 10", "code = 010"),
            GOOD.replace("code = 10", "code = 1__0"),
            GOOD.replace("code = 10", "code = 10_"),
            GOOD.replace("code = 10", "code = 1.0"),
            GOOD.replace("code = 10", "code = 1e1"),
            GOOD.replace("code = 10", "code = \"10\""),
            GOOD.replace("code = 10", "code = 99999999999999999999"),
            GOOD.replace("code_end = 20", "code_end = 9"),
            GOOD.replace("code_end = 20", "code_end = 20\ncode_end = 21"),
            GOOD.replace("code = -1", "code = 15"),
            GOOD.replace("name = \"RANGE\"", "name = \"\"\"RANGE\"\"\""),
            GOOD.replace("name = \"RANGE\"", "name = '''RANGE'''"),
            GOOD.replace("name = \"RANGE\"", "name = \"a\\eb\""),
            GOOD.replace("name = \"RANGE\"", "name = \"a\\x41\""),
            GOOD.replace("name = \"RANGE\"", "name = \"\\uD800\""),
            GOOD.replace("name = \"RANGE\"", "name = \"a\u{7f}\""),
            GOOD.replace("name = \"RANGE\"", "name = \"RANGE\" x"),
            GOOD.replace("name = \"RANGE\"", "\"name\" = \"RANGE\""),
            GOOD.replace("name = \"RANGE\"", "name.x = \"RANGE\""),
            GOOD.replace("name = \"RANGE\"", "name = 1"),
            GOOD.replace("name = \"RANGE\"", "name = true"),
            GOOD.replace("name = \"RANGE\"", "# \u{1}"),
            GOOD.replace("description = \"\"\n", ""),
            GOOD.replace("[source]", "[ source ]"),
            GOOD.replace("[source]", "[source]\n[source]"),
            GOOD.replace("[source]", "extra = 1\n[source]"),
            format!("{GOOD}[codes.x]\n"),
            format!("{GOOD}[[source]]\n"),
        ];
        for text in &left {
            assert!(!fast_path_agrees(text), "taken: {text:?}");
        }
    }

    /// Small random edits of files the fast path takes: wherever it still takes one, the full
    /// walk reads the same file (and so reports nothing).
    #[test]
    fn fast_path_agrees_with_the_full_walk_on_edited_files() {
        const PIECES: [&str; 36] = [
            "\"",
            "'",
            "\\",
            "\\u00e9",
            "\\n",
            "\r",
            "\n",
            "\r\n",
            " ",
            "\t",
            "#",
            "=",
            "[",
            "]",
            "[[codes]]\n",
            "[source]\n",
            "_",
            "+",
            "-",
            "0",
            "1",
            "9",
            "x",
            ".",
            "e",
            "é",
            "\u{7f}",
            "\u{0}",
            "code = 3\n",
            "code_end = 4\n",
            "name = \"n\"\n",
            "\"\"\"",
            "description = \"d\"\n",
            "id = \"z\"\n",
            "9223372036854775807",
            "\u{feff}",
        ];
        let seeds = [
            GOOD.to_owned(),
            "[source]\nid = 'a'\nvendor = \"b\" # c\n\n[[codes]]\ncode = 1_0\nname = \"x\\ty\"\ndescription = 'z'\n".to_owned(),
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut random = |below: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % below as u64) as usize
        };
        // CHATERR_EDITS=1000000 for a longer run.
        let edits: usize = std::env::var("CHATERR_EDITS").map_or(10_000, |n| n.parse().unwrap());
        let (mut taken, mut valid) = (0, 0);
        for seed in &seeds {
            for _ in 0..edits {
                let mut text = seed.clone();
                for _ in 0..1 + random(3) {
                    let mut at = random(text.len() + 1);
                    while !text.is_char_boundary(at) {
                        at -= 1;
                    }
                    let mut end = (at + random(4)).min(text.len());
                    while !text.is_char_boundary(end) {
                        end += 1;
                    }
                    let piece = if random(3) == 0 {
                        ""
                    } else {
                        PIECES[random(PIECES.len())]
                    };
                    text.replace_range(at..end, piece);
                }
                taken += usize::from(fast_path_agrees(&text));
                valid += usize::from(parse_spanned(&text).is_ok());
            }
        }
        // Of the edited files that are still valid, the fast path should take most, or this
        // tests little (it leaves `[ source ]` and the like to the full walk).
        assert!(
            taken * 10 >= valid * 9,
            "the fast path took {taken} of {valid} valid files"
        );
    }
}
