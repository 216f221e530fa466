//! `chaterr gen`: the catalogue as source code in an app's own language, one open enumeration
//! per source. This module decides what is generated (members, their names, their texts); one
//! module per language decides how it is spelled.

use std::fmt::Write as _;

use crate::catalogue::{Catalogue, Entry, Field, Source};

mod dart;
mod go;
mod java;
mod kotlin;
mod python;
mod rust;
mod swift;
mod typescript;

/// A language `chaterr gen` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Language {
    Rust,
    #[value(alias = "ts")]
    Typescript,
    #[value(alias = "kt")]
    Kotlin,
    Swift,
    Dart,
    Go,
    Java,
    #[value(alias = "py")]
    Python,
}

impl Language {
    pub const fn name(self) -> &'static str {
        match self {
            Language::Rust => "rust",
            Language::Typescript => "typescript",
            Language::Kotlin => "kotlin",
            Language::Swift => "swift",
            Language::Dart => "dart",
            Language::Go => "go",
            Language::Java => "java",
            Language::Python => "python",
        }
    }

    /// The SDK platforms whose symbols name members, best first: the platform an app in this
    /// language is written for, then the order build.rs names undocumented codes in (camelCase
    /// names read best).
    fn platforms(self) -> &'static [&'static str] {
        match self {
            Language::Kotlin | Language::Java => &["android", "flutter", "ios", "cpp", "c"],
            Language::Swift => &["ios", "flutter", "android", "cpp", "c"],
            _ => &["flutter", "ios", "android", "cpp", "c"],
        }
    }
}

/// What a generated file holds, besides the enumerations: where it came from.
#[derive(Debug, Clone)]
pub struct Options {
    /// The command line that makes the file, for its header (`chaterr gen go agora`).
    pub command: String,
    /// The package (Go: required, `chaterr` when not given; Java, Kotlin, Dart: optional).
    pub package: Option<String>,
}

/// One source as an enumeration.
#[derive(Debug, Clone)]
pub struct Enumeration<'a> {
    pub source: &'a Source,
    /// The type's name as words (`["agora", "chat", "error", "code"]`).
    pub name: Words,
    pub members: Vec<Member<'a>>,
    /// Entries that document a range of codes: not members, said so in the type's comment.
    pub ranges: Vec<&'a Entry>,
    /// Whether any member carries chaterr's classification (then the accessors are written).
    pub classified: bool,
}

/// One code of a source.
#[derive(Debug, Clone)]
pub struct Member<'a> {
    pub entry: &'a Entry,
    pub code: i64,
    /// The member's name as words, before a language's casing and collision suffix.
    pub name: Words,
    pub description: &'a str,
    pub class: Option<&'a str>,
    pub retry: Option<&'a str>,
    pub concept: Option<&'a str>,
}

impl Member<'_> {
    /// Whether chaterr's classification says to retry with backoff.
    pub fn is_retryable(&self) -> bool {
        self.retry == Some("backoff")
    }
}

/// An identifier as lowercase ASCII words, to be cased per language.
pub type Words = Vec<String>;

impl<'a> Member<'a> {
    /// chaterr's label of this kind, where it has one.
    pub fn label(&self, label: Label) -> Option<&'a str> {
        match label {
            Label::Class => self.class,
            Label::Retry => self.retry,
            Label::Concept => self.concept,
        }
    }
}

/// The classification chaterr adds to an entry: not the vendor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Class,
    Retry,
    Concept,
}

impl Label {
    pub const ALL: [Label; 3] = [Label::Class, Label::Retry, Label::Concept];

    /// What the accessor returns, for its doc comment.
    pub const fn what(self) -> &'static str {
        match self {
            Label::Class => "chaterr's class of the code (auth, rate_limit, server, ...)",
            Label::Retry => "chaterr's advice on retrying the code (backoff, relogin, never)",
            Label::Concept => "chaterr's id of what the code means across vendors",
        }
    }

    /// The accessor's name as words: `class` is a keyword in most of the languages.
    pub fn accessor(self, keyword_free: bool) -> Words {
        let words: &[&str] = match self {
            Label::Class if keyword_free => &["error", "class"],
            Label::Class => &["class"],
            Label::Retry => &["retry"],
            Label::Concept => &["concept"],
        };
        words.iter().map(|w| (*w).to_owned()).collect()
    }
}

/// chaterr's label of an entry (class, retry, concept), where it has one.
fn classification(entry: &Entry, label: Label) -> Option<&str> {
    entry.text(match label {
        Label::Class => Field::Class,
        Label::Retry => Field::Retry,
        Label::Concept => Field::Concept,
    })
}

/// The enumerations of these sources, in source order; a source with no code of its own (an SDK
/// whose every code a document describes) has none.
pub fn enumerations<'a>(
    catalogue: &'a Catalogue,
    sources: &[usize],
    language: Language,
) -> Vec<Enumeration<'a>> {
    sources
        .iter()
        .map(|&index| enumeration(catalogue, index, language))
        .filter(|e| !e.members.is_empty())
        .collect()
}

fn enumeration(catalogue: &Catalogue, index: usize, language: Language) -> Enumeration<'_> {
    let source = &catalogue.sources()[index];
    let entries: Vec<&Entry> = catalogue.entries().filter(|e| e.source == index).collect();
    let (ranges, mut singles): (Vec<&Entry>, Vec<&Entry>) =
        entries.into_iter().partition(|e| e.code_end.is_some());
    // Documented and undocumented entries of one source are in code order together.
    singles.sort_by_key(|e| e.code);
    let platform_prefixes = platform_prefixes(&singles, language);
    let members: Vec<Member<'_>> = singles
        .into_iter()
        .map(|entry| Member {
            entry,
            code: entry.code,
            name: member_name(entry, language, &platform_prefixes),
            description: entry.description(),
            class: classification(entry, Label::Class),
            retry: classification(entry, Label::Retry),
            concept: classification(entry, Label::Concept),
        })
        .collect();
    let classified = members
        .iter()
        .any(|m| m.class.is_some() || m.retry.is_some() || m.concept.is_some());
    let mut name = words_of_identifier(&source.id);
    name.extend(["error".to_owned(), "code".to_owned()]);
    Enumeration {
        source,
        name,
        members,
        ranges,
        classified,
    }
}

/// The symbol that names an entry in this language: the first of the best platform that has one.
fn symbol_for(entry: &Entry, language: Language) -> Option<(&str, &'static str)> {
    language.platforms().iter().find_map(|&platform| {
        entry
            .symbols
            .iter()
            .find(|s| s.platform == platform)
            .map(|s| (s.name.as_ref(), platform))
    })
}

/// The namespace prefixes of the symbols that name members (`ZIMErrorCode…`, `AgoraChatError…`,
/// `EMError…`, `ERR_…`): a symbol's words up to a run of `error`, `code` or `err` among its
/// first three, taken where at least a tenth of the symbols on its platform (and two) share
/// it. The type's name says what they say, and `networkModule…` is not one.
fn platform_prefixes(entries: &[&Entry], language: Language) -> Vec<(&'static str, Words)> {
    let mut counts: Vec<(&'static str, Words, usize)> = Vec::new();
    let mut totals: Vec<(&'static str, usize)> = Vec::new();
    for entry in entries {
        let Some((symbol, platform)) = symbol_for(entry, language) else {
            continue;
        };
        match totals.iter_mut().find(|(p, _)| *p == platform) {
            Some((_, total)) => *total += 1,
            None => totals.push((platform, 1)),
        }
        let Some(prefix) = namespace_prefix(&words_of_identifier(symbol)) else {
            continue;
        };
        match counts
            .iter_mut()
            .find(|(p, words, _)| *p == platform && *words == prefix)
        {
            Some((_, _, count)) => *count += 1,
            None => counts.push((platform, prefix, 1)),
        }
    }
    counts
        .into_iter()
        .filter(|(platform, _, count)| {
            let total = totals
                .iter()
                .find(|(p, _)| p == platform)
                .map_or(0, |t| t.1);
            *count >= 2 && *count * 10 >= total
        })
        .map(|(platform, prefix, _)| (platform, prefix))
        .collect()
}

/// The words up to and including the first run of `error`, `code`, `err` that starts among the
/// first three, where at least one word follows.
fn namespace_prefix(words: &[String]) -> Option<Words> {
    let is_marker = |w: &String| matches!(w.as_str(), "error" | "code" | "err" | "errorcode");
    let first = words.iter().take(3).position(is_marker)?;
    let end = first + words[first..].iter().take_while(|w| is_marker(w)).count();
    (end < words.len()).then(|| words[..end].to_vec())
}

/// The SDK's symbol less its platform's common prefix, else the document's name, else the first
/// words of the description, else the code.
fn member_name(entry: &Entry, language: Language, prefixes: &[(&str, Words)]) -> Words {
    let mut words = if let Some((symbol, platform)) = symbol_for(entry, language) {
        let mut words = words_of_identifier(symbol);
        let stripped = prefixes
            .iter()
            .any(|(p, prefix)| *p == platform && words.starts_with(prefix));
        if let Some(prefix) = namespace_prefix(&words).filter(|_| stripped) {
            words.drain(..prefix.len());
        }
        words
    } else if let Some(name) = entry.name() {
        words_of_identifier(name)
    } else {
        words_of_description(entry.description())
    };
    if words.is_empty() {
        words.push("code".to_owned());
        words.extend(code_words(entry.code));
    } else if words[0].starts_with(|c: char| c.is_ascii_digit()) {
        words.insert(0, "code".to_owned());
    }
    words
}

/// A code as words of an identifier: `404`, or `minus 20009`.
fn code_words(code: i64) -> Words {
    if code < 0 {
        vec!["minus".to_owned(), code.unsigned_abs().to_string()]
    } else {
        vec![code.to_string()]
    }
}

/// `ZIMErrorCodeTokenInvalid`, `networkModuleTokenInvalid`, `ERR_SDK_NOT_LOGGED_IN`,
/// `agora-chat` → lowercase words; digits stay with the word before them.
pub fn words_of_identifier(identifier: &str) -> Words {
    let mut words = Vec::new();
    for part in identifier.split(|c: char| !c.is_ascii_alphanumeric()) {
        let chars: Vec<char> = part.chars().collect();
        let mut start = 0;
        for i in 1..chars.len() {
            let (before, here) = (chars[i - 1], chars[i]);
            let after = chars.get(i + 1).copied();
            let lower_to_upper = (before.is_ascii_lowercase() || before.is_ascii_digit())
                && here.is_ascii_uppercase();
            // The last capital of an acronym starts the next word: ZIM|Error.
            let acronym_end = before.is_ascii_uppercase()
                && here.is_ascii_uppercase()
                && after.is_some_and(|c| c.is_ascii_lowercase());
            if lower_to_upper || acronym_end {
                words.push(chars[start..i].iter().collect::<String>());
                start = i;
            }
        }
        if start < chars.len() {
            words.push(chars[start..].iter().collect::<String>());
        }
    }
    words.into_iter().map(|w| w.to_ascii_lowercase()).collect()
}

/// The first few words of a description's first clause, articles left out: a name for an entry
/// that has none.
fn words_of_description(description: &str) -> Words {
    const ARTICLES: &[&str] = &["a", "an", "the"];
    let clause = description
        .split(['.', ',', ':', ';', '(', '\n'])
        .next()
        .unwrap_or_default();
    clause
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .filter(|w| !ARTICLES.contains(&w.as_str()))
        .take(4)
        .collect()
}

/// How a language writes an identifier made of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// `TokenInvalid`
    UpperCamel,
    /// `tokenInvalid`
    LowerCamel,
    /// `TOKEN_INVALID`
    ScreamingSnake,
    /// `token_invalid`
    Snake,
}

impl Case {
    pub fn apply(self, words: &[String]) -> String {
        let capitalised = |w: &String| {
            let mut chars = w.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        };
        match self {
            Case::UpperCamel => words.iter().map(capitalised).collect(),
            Case::LowerCamel => words
                .iter()
                .enumerate()
                .map(|(i, w)| if i == 0 { w.clone() } else { capitalised(w) })
                .collect(),
            Case::ScreamingSnake => words
                .iter()
                .map(|w| w.to_ascii_uppercase())
                .collect::<Vec<_>>()
                .join("_"),
            Case::Snake => words.join("_"),
        }
    }
}

/// The members' identifiers in one language: cased, then made unique. A name taken by an
/// earlier member (in code order) or reserved by the language or the generated type gets the
/// code as a suffix, so the first holder keeps its name when codes are added.
pub fn member_identifiers(
    enumeration: &Enumeration<'_>,
    case: Case,
    reserved: &[&str],
) -> Vec<String> {
    let mut taken: Vec<String> = Vec::with_capacity(enumeration.members.len());
    for member in &enumeration.members {
        let mut words = member.name.clone();
        let mut identifier = case.apply(&words);
        while reserved.contains(&identifier.as_str()) || taken.contains(&identifier) {
            words.extend(code_words(member.code));
            identifier = case.apply(&words);
        }
        taken.push(identifier);
    }
    taken
}

/// The lines of the header every generated file starts with, without comment markers.
pub fn header_lines(enumerations: &[Enumeration<'_>], options: &Options) -> Vec<String> {
    let mut lines = vec![
        format!(
            "Generated by `{}` (chaterr {}): do not edit by hand.",
            options.command,
            env!("CARGO_PKG_VERSION")
        ),
        "Run the command again to bring it up to date.".to_owned(),
        String::new(),
        "Sources:".to_owned(),
    ];
    for e in enumerations {
        let source = e.source;
        let mut line = format!("- {}", source.id);
        if let Some(title) = &source.title {
            let _ = write!(line, ": {title}");
        }
        match &source.edition {
            Some(edition) => {
                let _ = write!(line, " (edition: {edition})");
            }
            None => line.push_str(" (no edition given)"),
        }
        if let Some(url) = &source.url {
            let _ = write!(line, ", {url}");
        }
        lines.push(line);
    }
    lines.push(String::new());
    lines.push(
        "Descriptions are the catalogue's: the vendors' own words for their documents.".to_owned(),
    );
    lines.push("Codes not listed are kept as unknown values.".to_owned());
    if enumerations.iter().any(|e| e.classified) {
        lines.push(
            "Class, retry and concept are chaterr's classification, not the vendors'.".to_owned(),
        );
    }
    lines
}

/// The doc comment of an enumeration type, without comment markers.
pub fn type_doc(enumeration: &Enumeration<'_>) -> Vec<String> {
    let source = enumeration.source;
    let what = source.title.as_deref().unwrap_or(&source.id);
    let mut lines = vec![format!("A code of {what} (source {}).", source.id)];
    for range in &enumeration.ranges {
        lines.push(String::new());
        lines.push(format!(
            "Codes {} are one entry of the document, not members: {}",
            range.code_label(),
            range.description()
        ));
    }
    lines
}

/// The doc comment of a member, without comment markers: the vendor's text, then chaterr's
/// classification where it has one.
pub fn member_doc(member: &Member<'_>) -> Vec<String> {
    let mut lines: Vec<String> = if member.description.is_empty() {
        vec![if member.entry.documented {
            "The vendor's document gives no description.".to_owned()
        } else {
            "The vendor's SDK defines this code; its document does not describe it.".to_owned()
        }]
    } else {
        split_lines(member.description)
    };
    let labels: Vec<String> = [
        ("class", member.class),
        ("retry", member.retry),
        ("concept", member.concept),
    ]
    .into_iter()
    .filter_map(|(key, value)| value.map(|v| format!("{key} {v}")))
    .collect();
    if !labels.is_empty() {
        lines.push(String::new());
        lines.push(format!(
            "chaterr's classification (not the vendor's): {}.",
            labels.join(", ")
        ));
    }
    lines
}

/// Text as lines, each without trailing white space (carriage returns are line breaks too).
pub fn split_lines(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split(['\n', '\r'])
        .map(|line| line.trim_end().to_owned())
        .collect()
}

/// A generated file: the header as comments with `marker`, then `preamble` (package, imports),
/// then each enumeration after a blank line.
pub fn file<'a>(
    enumerations: &[Enumeration<'a>],
    options: &Options,
    marker: &str,
    preamble: &str,
    mut write: impl FnMut(&mut String, &Enumeration<'a>),
) -> String {
    let mut out = String::new();
    comment(&mut out, "", marker, &header_lines(enumerations, options));
    out.push_str(preamble);
    for enumeration in enumerations {
        out.push('\n');
        write(&mut out, enumeration);
    }
    out
}

/// A `/** … */` comment (JSDoc, KDoc, Javadoc), on one line where it is one line; the lines
/// already escaped for the language.
pub fn block_doc(out: &mut String, indent: &str, lines: &[String]) {
    match lines {
        [line] => {
            let _ = writeln!(out, "{indent}/** {line} */");
        }
        _ => {
            let _ = writeln!(out, "{indent}/**");
            comment(out, indent, " *", lines);
            let _ = writeln!(out, "{indent} */");
        }
    }
}

/// Writes comment lines with a marker (`///`, `//`, `#:`, ` *`), no trailing white space.
pub fn comment(out: &mut String, indent: &str, marker: &str, lines: &[String]) {
    for line in lines {
        if line.is_empty() {
            let _ = writeln!(out, "{indent}{marker}");
        } else {
            let _ = writeln!(out, "{indent}{marker} {line}");
        }
    }
}

/// A string literal in double quotes, for the languages whose escapes are C's: `\\`, `\"`,
/// `\n`, `\t`, `\r`, and other control characters through `unicode` (given the code point).
pub fn quoted(text: &str, extra: &[(char, &str)], unicode: fn(u32) -> String) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if let Some((_, escaped)) = extra.iter().find(|(e, _)| *e == c) {
            out.push_str(escaped);
            continue;
        }
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&unicode(c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The width a formatter counts for a line: East Asian wide characters count two columns.
pub fn width(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

/// Whether every code fits a 32-bit integer (Java's and Kotlin's `int`, Go's `int32`).
pub fn fits_i32(enumerations: &[Enumeration<'_>]) -> bool {
    enumerations
        .iter()
        .all(|e| e.members.iter().all(|m| i32::try_from(m.code).is_ok()))
}

/// The generated file.
pub fn generate(language: Language, enumerations: &[Enumeration<'_>], options: &Options) -> String {
    match language {
        Language::Rust => rust::generate(enumerations, options),
        Language::Typescript => typescript::generate(enumerations, options),
        Language::Kotlin => kotlin::generate(enumerations, options),
        Language::Swift => swift::generate(enumerations, options),
        Language::Dart => dart::generate(enumerations, options),
        Language::Go => go::generate(enumerations, options),
        Language::Java => java::generate(enumerations, options),
        Language::Python => python::generate(enumerations, options),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_split_into_words_whatever_their_case() {
        let w = |s: &str| words_of_identifier(s).join(" ");
        assert_eq!(
            w("ZIMErrorCodeTokenInvalid"),
            "zim error code token invalid"
        );
        assert_eq!(
            w("networkModuleTokenInvalid"),
            "network module token invalid"
        );
        assert_eq!(w("ERR_SDK_NOT_LOGGED_IN"), "err sdk not logged in");
        assert_eq!(w("agora-chat"), "agora chat");
        assert_eq!(w("zim_error_code_v2Success"), "zim error code v2 success");
    }

    #[test]
    fn cases_join_words_as_each_language_spells_them() {
        let words: Words = vec!["token".into(), "invalid".into(), "2".into()];
        assert_eq!(Case::UpperCamel.apply(&words), "TokenInvalid2");
        assert_eq!(Case::LowerCamel.apply(&words), "tokenInvalid2");
        assert_eq!(Case::ScreamingSnake.apply(&words), "TOKEN_INVALID_2");
        assert_eq!(Case::Snake.apply(&words), "token_invalid_2");
    }

    #[test]
    fn descriptions_name_entries_by_their_first_words() {
        assert_eq!(
            words_of_description("The token has expired. Log in again."),
            ["token", "has", "expired"]
        );
        assert!(words_of_description("无效").is_empty());
    }
}
