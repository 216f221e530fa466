//! The SDK symbol files (codes/symbols/*.toml): the names the vendors' SDKs give their codes,
//! with where each was read. Parsed and validated like the catalogue files (file.rs), so a
//! malformed symbol file fails the build.
//!
//! The compiler (compile.rs) attaches each symbol to the entries of the file's `sources` with the same code, and
//! makes the codes no such entry has into entries of the `[sdk]` source, marked undocumented.

use toml::de::DeValue;

use crate::file::{Checker, Problem, Value, is_valid_key};

/// One symbol file: its `[sdk]` and its `[[symbols]]`, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymbolFile {
    pub sdk: SdkDecl,
    pub symbols: Vec<SymbolDecl>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdkDecl {
    /// The source id of the codes the SDK defines and no document describes.
    pub id: String,
    pub vendor: String,
    pub title: Option<String>,
    /// The document sources whose codes these are.
    pub sources: Vec<String>,
    /// Byte offset of the `[sdk]` table, for messages about it.
    pub offset: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymbolDecl {
    pub code: i64,
    pub symbol: String,
    pub platform: String,
    pub sdk_version: Option<String>,
    pub repository: String,
    pub path: String,
    pub comment: Option<String>,
}

pub const SDK_KEYS: [&str; 4] = ["id", "vendor", "title", "sources"];
pub const SYMBOL_KEYS: [&str; 7] = [
    "code",
    "symbol",
    "platform",
    "sdk_version",
    "repository",
    "path",
    "comment",
];

/// Which platform's symbol names an entry the SDK alone defines: the first platform of this
/// list that has one (camelCase names read best), and on it the first symbol in file order.
pub const NAME_PLATFORMS: [&str; 5] = ["flutter", "ios", "android", "cpp", "c"];

/// A name as code spells it: an ASCII letter or `_`, then ASCII letters, digits and `_`.
pub fn is_identifier(word: &str) -> bool {
    let mut chars = word.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The version an `sdk_version` cell names, without its provenance: "zego_zim 2.18.2+1" of
/// "zego_zim 2.18.2+1 (pubspec at commit 2e7285b) ; -". `None` where no copy had one.
pub fn short_version(sdk_version: &str) -> Option<&str> {
    sdk_version
        .split(" ; ")
        .map(|part| part.split(" (").next().unwrap_or(part).trim())
        .find(|part| !part.is_empty() && *part != "-")
}

/// Of an undocumented code's symbols, the one that names its entry (see [`NAME_PLATFORMS`]).
pub fn preferred<'a>(symbols: &[&'a SymbolDecl]) -> Option<&'a SymbolDecl> {
    NAME_PLATFORMS
        .iter()
        .find_map(|platform| symbols.iter().find(|s| s.platform == *platform))
        .or_else(|| symbols.first())
        .copied()
}

/// The note of an entry the SDK alone defines: which documents leave it out, and the symbol.
pub fn undocumented_note(sources: &[String], symbol: &SymbolDecl) -> String {
    let documents = match sources {
        [one] => format!("document ({one}) does"),
        many => format!("documents ({}) do", many.join(", ")),
    };
    let version = symbol
        .sdk_version
        .as_deref()
        .and_then(short_version)
        .map(|v| format!(", {v}"))
        .unwrap_or_default();
    format!(
        "The vendor's error-code {documents} not describe this code; the SDK defines it as {} ({}{version}).",
        symbol.symbol, symbol.platform
    )
}

/// Parses and validates one symbol file. On failure, every problem found, in file order.
pub fn parse(text: &str) -> Result<SymbolFile, Vec<Problem>> {
    let mut checker = Checker::new(text);
    let file = read_file(&mut checker);
    checker.finish(file)
}

fn read_file(c: &mut Checker<'_>) -> Option<SymbolFile> {
    let root = c.root()?;
    let mut sdk = None;
    let mut symbols = Vec::new();
    for (key, value) in root.iter() {
        match key.get_ref().as_ref() {
            "sdk" => sdk = read_sdk(c, value),
            "symbols" => symbols = read_symbols(c, value),
            other => {
                c.unknown_key(key.span(), other, &["sdk", "symbols"]);
            }
        }
    }
    if !root.iter().any(|(k, _)| k.get_ref() == "sdk") {
        c.problem(
            0,
            "missing [sdk] table (with id, vendor and sources)".to_owned(),
        );
    }
    Some(SymbolFile { sdk: sdk?, symbols })
}

/// Reports each required key that is neither present nor misspelt (a misspelling is reported
/// as an unknown key already).
fn require(
    c: &mut Checker<'_>,
    table: &toml::de::DeTable<'_>,
    meant: &[&str],
    required: &[&str],
    at: usize,
    what: &str,
) {
    for key in required {
        if !meant.contains(key) && !table.iter().any(|(k, _)| k.get_ref() == *key) {
            c.problem(at, format!("{what} is missing `{key}`"));
        }
    }
}

/// A string that must be a key (lowercase letters, digits, inner hyphens): `what` names it.
fn key(c: &mut Checker<'_>, name: &str, what: &str, value: &Value<'_>) -> Option<String> {
    let text = c.string(name, value)?;
    if is_valid_key(&text) {
        Some(text)
    } else {
        c.problem(
            value.span().start,
            format!("{what} {text:?} must be lowercase letters, digits and hyphens"),
        );
        None
    }
}

fn read_sdk(c: &mut Checker<'_>, value: &Value<'_>) -> Option<SdkDecl> {
    let DeValue::Table(table) = value.get_ref() else {
        c.problem(
            value.span().start,
            "`sdk` must be a table: [sdk]".to_owned(),
        );
        return None;
    };
    let offset = value.span().start;
    let (mut id, mut vendor, mut title, mut sources) = (None, None, None, None);
    let (fields, meant) = c.fields(table, &SDK_KEYS);
    for (name, value) in fields {
        match name {
            "id" => id = key(c, name, "source id", value),
            "vendor" => vendor = key(c, name, "vendor", value),
            "title" => title = c.string(name, value),
            _ => sources = read_sources(c, value),
        }
    }
    require(
        c,
        table,
        &meant,
        &["id", "vendor", "sources"],
        offset,
        "[sdk]",
    );
    Some(SdkDecl {
        id: id?,
        vendor: vendor?,
        title,
        sources: sources?,
        offset,
    })
}

fn read_sources(c: &mut Checker<'_>, value: &Value<'_>) -> Option<Vec<String>> {
    let DeValue::Array(items) = value.get_ref() else {
        c.problem(
            value.span().start,
            "`sources` must be an array of source ids".to_owned(),
        );
        return None;
    };
    if items.is_empty() {
        c.problem(
            value.span().start,
            "`sources` must name at least one source".to_owned(),
        );
        return None;
    }
    let ids: Vec<Option<String>> = items
        .iter()
        .map(|v| key(c, "sources", "source id", v))
        .collect();
    ids.into_iter().collect()
}

fn read_symbols(c: &mut Checker<'_>, value: &Value<'_>) -> Vec<SymbolDecl> {
    let DeValue::Array(items) = value.get_ref() else {
        c.problem(
            value.span().start,
            "`symbols` must be an array of tables: [[symbols]]".to_owned(),
        );
        return Vec::new();
    };
    let mut seen: Vec<((i64, String, String), usize)> = Vec::new();
    let mut decls = Vec::new();
    for item in items.iter() {
        let Some((decl, at)) = read_symbol(c, item) else {
            continue;
        };
        let row = (decl.code, decl.symbol.clone(), decl.platform.clone());
        if let Some((_, first)) = seen.iter().find(|(r, _)| *r == row) {
            let line = c.line_of(*first);
            c.problem(
                at,
                format!(
                    "symbol {} ({}) of code {} appears twice (first at line {line})",
                    decl.symbol, decl.platform, decl.code
                ),
            );
            continue;
        }
        seen.push((row, at));
        decls.push(decl);
    }
    decls
}

/// A symbol where it has no problem, with the offset of its `code`.
fn read_symbol(c: &mut Checker<'_>, item: &Value<'_>) -> Option<(SymbolDecl, usize)> {
    let DeValue::Table(table) = item.get_ref() else {
        c.problem(
            item.span().start,
            "each entry of `symbols` must be a table: [[symbols]]".to_owned(),
        );
        return None;
    };
    let mut at = item.span().start;
    let mut decl = SymbolDecl {
        code: 0,
        symbol: String::new(),
        platform: String::new(),
        sdk_version: None,
        repository: String::new(),
        path: String::new(),
        comment: None,
    };
    let mut ok = true;
    let (fields, meant) = c.fields(table, &SYMBOL_KEYS);
    for (name, value) in fields {
        if name == "code" {
            match c.integer(name, value) {
                Some(code) => (decl.code, at) = (code, value.span().start),
                None => ok = false,
            }
            continue;
        }
        let Some(text) = c.string(name, value) else {
            ok = false;
            continue;
        };
        match name {
            "symbol" if !is_identifier(&text) => {
                c.problem(
                    value.span().start,
                    format!("symbol {text:?} is not an identifier (letters, digits and _)"),
                );
                ok = false;
            }
            "symbol" => decl.symbol = text,
            "platform" if !is_valid_key(&text) => {
                c.problem(
                    value.span().start,
                    format!("platform {text:?} must be lowercase letters, digits and hyphens"),
                );
                ok = false;
            }
            "platform" => decl.platform = text,
            "sdk_version" => decl.sdk_version = Some(text),
            "repository" => decl.repository = text,
            "path" => decl.path = text,
            _ => decl.comment = Some(text),
        }
    }
    let required = ["code", "symbol", "platform", "repository", "path"];
    let missing_before = required
        .iter()
        .filter(|key| !table.iter().any(|(k, _)| k.get_ref() == **key))
        .count();
    require(c, table, &meant, &required, at, "[[symbols]] entry");
    (ok && missing_before == 0).then_some((decl, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "[sdk]\nid = \"acme-sdk\"\nvendor = \"acme\"\nsources = [\"acme\"]\n\n[[symbols]]\ncode = 7\nsymbol = \"AcmeErrorTokenInvalid\"\nplatform = \"ios\"\nsdk_version = \"acme 1.2 (tag v1.2) ; -\"\nrepository = \"acme/sdk\"\npath = \"Acme.h\"\ncomment = \"The token is invalid.\"\n";

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
        assert_eq!(file.sdk.sources, ["acme"]);
        let symbol = &file.symbols[0];
        assert_eq!(
            (symbol.code, symbol.symbol.as_str()),
            (7, "AcmeErrorTokenInvalid")
        );
        assert_eq!(
            short_version(symbol.sdk_version.as_deref().unwrap()),
            Some("acme 1.2")
        );
        assert_eq!(
            undocumented_note(&file.sdk.sources, symbol),
            "The vendor's error-code document (acme) does not describe this code; the SDK defines \
             it as AcmeErrorTokenInvalid (ios, acme 1.2)."
        );
    }

    #[test]
    fn every_problem_is_reported_with_its_position() {
        let text = "[sdk]\nid = \"Acme\"\nvendr = \"acme\"\nsources = []\n\n[[symbols]]\ncode = \"7\"\nsymbol = \"Token-Invalid\"\nplatform = \"ios\"\nrepository = \"r\"\npath = \"p\"\n\n[[symbols]]\ncode = 8\nsymbol = \"A\"\nplatform = \"ios\"\n\n[[symbols]]\ncode = 9\nsymbol = \"B\"\nplatform = \"ios\"\nrepository = \"r\"\npath = \"p\"\nextra = 1\n\n[[symbols]]\ncode = 9\nsymbol = \"B\"\nplatform = \"ios\"\nrepository = \"r\"\npath = \"p\"\n";
        assert_eq!(
            problems(text),
            [
                "2:6: source id \"Acme\" must be lowercase letters, digits and hyphens",
                "3:1: unknown key `vendr` (did you mean `vendor`?)",
                "4:11: `sources` must name at least one source",
                "7:8: `code` must be an integer, not a string",
                "8:10: symbol \"Token-Invalid\" is not an identifier (letters, digits and _)",
                "14:8: [[symbols]] entry is missing `repository`",
                "14:8: [[symbols]] entry is missing `path`",
                "24:1: unknown key `extra` (expected one of code, symbol, platform, sdk_version, repository, path, comment)",
                "27:8: symbol B (ios) of code 9 appears twice (first at line 19)",
            ]
        );
        assert_eq!(
            problems("[[symbols]]\ncode = 1\n"),
            [
                "1:1: missing [sdk] table (with id, vendor and sources)",
                "2:8: [[symbols]] entry is missing `symbol`",
                "2:8: [[symbols]] entry is missing `platform`",
                "2:8: [[symbols]] entry is missing `repository`",
                "2:8: [[symbols]] entry is missing `path`",
            ]
        );
    }

    #[test]
    fn the_name_prefers_flutter_then_ios() {
        let symbol = |name: &str, platform: &str| SymbolDecl {
            code: 1,
            symbol: name.to_owned(),
            platform: platform.to_owned(),
            sdk_version: None,
            repository: "r".to_owned(),
            path: "p".to_owned(),
            comment: None,
        };
        let (c, ios, flutter) = (
            symbol("zim_x", "c"),
            symbol("ZIMX", "ios"),
            symbol("x", "flutter"),
        );
        assert_eq!(preferred(&[&c, &ios, &flutter]).unwrap().symbol, "x");
        assert_eq!(preferred(&[&c, &ios]).unwrap().symbol, "ZIMX");
        assert_eq!(preferred(&[&c]).unwrap().symbol, "zim_x");
    }
}
