//! Compiles codes/*.toml and codes/symbols/*.toml into static Rust data, so the binary neither
//! reads nor parses TOML to answer a query. A file that fails validation (src/catalogue/file.rs,
//! src/catalogue/symbols.rs) fails the build.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

#[path = "src/catalogue/file.rs"]
#[allow(dead_code)]
mod file;
#[path = "src/query/index.rs"]
mod index;
#[path = "src/catalogue/symbols.rs"]
#[allow(dead_code)]
mod symbols;
#[path = "src/query/text.rs"]
#[allow(dead_code)]
mod text;

fn main() {
    println!("cargo::rerun-if-changed=codes");
    println!("cargo::rerun-if-changed=codes/symbols");
    println!("cargo::rerun-if-changed=src/catalogue/file.rs");
    println!("cargo::rerun-if-changed=src/catalogue/symbols.rs");
    println!("cargo::rerun-if-changed=src/query/index.rs");
    println!("cargo::rerun-if-changed=src/query/text.rs");

    let mut failures = String::new();
    let files = read_all(Path::new("codes"), file::parse, &mut failures);
    let sdks = read_all(Path::new("codes/symbols"), symbols::parse, &mut failures);
    if failures.is_empty() {
        check_sdks(&files, &sdks, &mut failures);
    }
    if !failures.is_empty() {
        panic!("the embedded catalogue is invalid:\n{failures}");
    }
    let files: Vec<file::CatalogueFile> = files.into_iter().map(|(_, _, f)| f).collect();
    let sdks: Vec<symbols::SymbolFile> = sdks.into_iter().map(|(_, _, f)| f).collect();

    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    let (tables, text) = generate(&files, &sdks);
    fs::write(out.join("embedded.rs"), tables).expect("write embedded.rs");
    fs::write(out.join("embedded.txt"), text).expect("write embedded.txt");
}

/// Every `*.toml` of a folder, in name order, parsed: (path, text, file). Problems are added to
/// `failures` as `path:line:column: message`.
fn read_all<T>(
    dir: &Path,
    parse: fn(&str) -> Result<T, Vec<file::Problem>>,
    failures: &mut String,
) -> Vec<(PathBuf, String, T)> {
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("{}/ must exist: {err}", dir.display()))
        .map(|entry| entry.expect("readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    let mut parsed = Vec::new();
    for path in paths {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = fs::read_to_string(&path).expect("readable catalogue file");
        match parse(&text) {
            Ok(value) => parsed.push((path, text, value)),
            Err(problems) => {
                for p in problems {
                    let _ = writeln!(failures, "{}:{p}", path.display());
                }
            }
        }
    }
    parsed
}

/// Source ids are unique across documents and SDKs, and each SDK's sources are documents of
/// its vendor.
fn check_sdks(
    files: &[(PathBuf, String, file::CatalogueFile)],
    sdks: &[(PathBuf, String, symbols::SymbolFile)],
    failures: &mut String,
) {
    let mut ids: Vec<&str> = files.iter().map(|(_, _, f)| f.source.id.as_str()).collect();
    ids.extend(sdks.iter().map(|(_, _, s)| s.sdk.id.as_str()));
    ids.sort_unstable();
    if let Some(pair) = ids.windows(2).find(|pair| pair[0] == pair[1]) {
        let _ = writeln!(failures, "codes/: source id {:?} is used twice", pair[0]);
    }
    for (path, text, sdk) in sdks {
        let sdk = &sdk.sdk;
        let (line, column) = file::line_column(text, sdk.offset);
        for id in &sdk.sources {
            let problem = match files.iter().find(|(_, _, f)| f.source.id == *id) {
                None => format!("source {id:?} is not a document in codes/"),
                Some((_, _, f)) if f.source.vendor != sdk.vendor => format!(
                    "source {id:?} belongs to vendor {:?}, not {:?}",
                    f.source.vendor, sdk.vendor
                ),
                Some(_) => continue,
            };
            let _ = writeln!(failures, "{}:{line}:{column}: {problem}", path.display());
        }
    }
}

/// Every text of the embedded catalogue, each once, in one string: the tables hold spans of it.
#[derive(Default)]
struct Texts {
    text: String,
    spans: HashMap<String, (usize, usize)>,
}

impl Texts {
    /// `Span(start, len)` of the text, added if new.
    fn span(&mut self, value: &str) -> String {
        let (start, len) = match self.spans.get(value) {
            Some(&span) => span,
            None => {
                let span = (self.text.len(), value.len());
                self.text.push_str(value);
                self.spans.insert(value.to_owned(), span);
                span
            }
        };
        assert!(
            u32::try_from(start + len).is_ok(),
            "the embedded texts pass 4 GiB"
        );
        format!("Span({start}, {len})")
    }

    /// `Some(Span(..))`, or `None` for an absent or empty text.
    fn optional(&mut self, value: &Option<String>) -> String {
        match value.as_deref().filter(|v| !v.is_empty()) {
            Some(v) => format!("Some({})", self.span(v)),
            None => "None".to_owned(),
        }
    }
}

/// One entry as build.rs compiles it: its source, what a document (or, for a code only an SDK
/// defines, build.rs) says of it, and the SDKs' symbols for it.
struct Compiled<'a> {
    source: usize,
    decl: file::CodeDecl,
    symbols: Vec<&'a symbols::SymbolDecl>,
    documented: bool,
}

/// Each SDK's symbols by code, each code's by platform, then in file order.
fn symbols_by_code(sdk: &symbols::SymbolFile) -> BTreeMap<i64, Vec<&symbols::SymbolDecl>> {
    let mut by_code: BTreeMap<i64, Vec<&symbols::SymbolDecl>> = BTreeMap::new();
    for symbol in &sdk.symbols {
        by_code.entry(symbol.code).or_default().push(symbol);
    }
    for group in by_code.values_mut() {
        group.sort_by(|a, b| a.platform.cmp(&b.platform));
    }
    by_code
}

/// The documents' entries with their symbols, and an undocumented entry for each code an SDK
/// defines that none of its sources has an entry for. A range entry counts for its first code
/// only: a symbol is attached where the codes are equal.
fn compile<'a>(
    files: &[file::CatalogueFile],
    sdks: &'a [symbols::SymbolFile],
) -> Vec<Compiled<'a>> {
    let by_code: Vec<_> = sdks.iter().map(symbols_by_code).collect();
    let source_index = |id: &str| files.iter().position(|f| f.source.id == id);
    let mut entries: Vec<Compiled<'a>> = Vec::new();
    for (index, file) in files.iter().enumerate() {
        for decl in &file.codes {
            let symbols = sdks
                .iter()
                .zip(&by_code)
                .filter(|(sdk, _)| sdk.sdk.sources.contains(&file.source.id))
                .filter_map(|(_, codes)| codes.get(&decl.code))
                .flatten()
                .copied()
                .collect();
            entries.push(Compiled {
                source: index,
                decl: decl.clone(),
                symbols,
                documented: true,
            });
        }
    }
    for (k, (sdk, codes)) in sdks.iter().zip(&by_code).enumerate() {
        let sources: Vec<usize> = sdk
            .sdk
            .sources
            .iter()
            .filter_map(|id| source_index(id))
            .collect();
        for (&code, group) in codes {
            let documented = sources
                .iter()
                .any(|&s| files[s].codes.iter().any(|decl| decl.code == code));
            if documented {
                continue;
            }
            let named = symbols::preferred(group).expect("a code has a symbol");
            entries.push(Compiled {
                source: files.len() + k,
                decl: file::CodeDecl {
                    code,
                    code_end: None,
                    name: Some(named.symbol.clone()),
                    part: None,
                    category: None,
                    description: String::new(),
                    reason: None,
                    action: None,
                    note: Some(symbols::undocumented_note(&sdk.sdk.sources, named)),
                    offset: 0,
                },
                symbols: group.clone(),
                documented: false,
            });
        }
    }
    // What Catalogue::sort does: documented first, each part in code order, then source order.
    entries.sort_by_key(|e| (!e.documented, e.decl.code, e.source));
    entries
}

/// The Rust source of the tables (src/catalogue/embedded.rs declares their types), and the
/// text they point into.
fn generate(files: &[file::CatalogueFile], sdks: &[symbols::SymbolFile]) -> (String, String) {
    let mut texts = Texts::default();
    let mut code =
        String::from("// Generated by build.rs from codes/*.toml and codes/symbols/*.toml.\n\n");
    code.push_str(
        "pub static TEXT: &str = include_str!(concat!(env!(\"OUT_DIR\"), \"/embedded.txt\"));\n\n",
    );
    // The documents, then each SDK's source of the codes no document describes.
    let sdk_sources = sdks.iter().map(|s| file::SourceDecl {
        id: s.sdk.id.clone(),
        vendor: s.sdk.vendor.clone(),
        vendor_offset: 0,
        title: s.sdk.title.clone(),
        edition: None,
        url: None,
    });
    let sources: Vec<_> = files
        .iter()
        .map(|f| f.source.clone())
        .chain(sdk_sources)
        .collect();
    assert!(
        sources.len() <= usize::from(u8::MAX),
        "more sources than a u8 counts"
    );
    let _ = writeln!(
        code,
        "pub static SOURCES: [RawSource; {}] = [",
        sources.len()
    );
    for s in &sources {
        let _ = writeln!(
            code,
            "    RawSource {{ id: {}, vendor: {}, title: {}, edition: {}, url: {} }},",
            texts.span(&s.id),
            texts.span(&s.vendor),
            texts.optional(&s.title),
            texts.optional(&s.edition),
            texts.optional(&s.url),
        );
    }
    code.push_str("];\n\n");

    let entries = compile(files, sdks);
    // Each distinct list of symbols once (the Tencent editions share theirs), one after another.
    let mut lists: Vec<(&[&symbols::SymbolDecl], usize)> = Vec::new();
    let mut symbol_count = 0;
    let mut list_of = Vec::with_capacity(entries.len());
    for e in &entries {
        let start = match lists.iter().find(|(l, _)| *l == e.symbols.as_slice()) {
            Some(&(_, start)) => start,
            None => {
                lists.push((&e.symbols, symbol_count));
                symbol_count += e.symbols.len();
                symbol_count - e.symbols.len()
            }
        };
        list_of.push((start, e.symbols.len()));
    }
    let _ = writeln!(code, "pub static SYMBOLS: [RawSymbol; {symbol_count}] = [");
    for s in lists.iter().flat_map(|(list, _)| list.iter()) {
        let _ = writeln!(
            code,
            "    RawSymbol {{ name: {}, platform: {}, sdk_version: {}, repository: {}, path: {}, comment: {} }},",
            texts.span(&s.symbol),
            texts.span(&s.platform),
            texts.optional(&s.sdk_version),
            texts.span(&s.repository),
            texts.span(&s.path),
            texts.optional(&s.comment),
        );
    }
    code.push_str("];\n\n");

    let _ = writeln!(
        code,
        "pub static ENTRIES: [RawEntry; {}] = [",
        entries.len()
    );
    for (e, (start, len)) in entries.iter().zip(&list_of) {
        let d = &e.decl;
        let code_end = d
            .code_end
            .as_ref()
            .map_or_else(|| "None".to_owned(), |end| format!("Some({end})"));
        let _ = writeln!(
            code,
            "    RawEntry {{ code: {}, code_end: {code_end}, source: {}, documented: {}, name: {}, \
             part: {}, category: {}, description: {}, reason: {}, action: {}, note: {}, \
             symbols: ({start}, {len}) }},",
            d.code,
            e.source,
            e.documented,
            texts.optional(&d.name),
            texts.optional(&d.part),
            texts.optional(&d.category),
            texts.span(&d.description),
            texts.optional(&d.reason),
            texts.optional(&d.action),
            texts.optional(&d.note),
        );
    }
    code.push_str("];\n\n");
    code.push_str(&term_index(&entries, &mut texts));
    (code, texts.text)
}

/// What ranked search would compute from each entry at run time: its stems with weighted
/// counts, and its length (src/query/index.rs), in ENTRIES order.
fn term_index(entries: &[Compiled<'_>], texts: &mut Texts) -> String {
    let mut per_entry: Vec<(Vec<(String, f64)>, f64)> = Vec::with_capacity(entries.len());
    let mut buf = String::new();
    for entry in entries {
        let e = &entry.decl;
        let mut stems: Vec<(String, f64)> = Vec::new();
        let text_of = |name: &str| match name {
            "name" => e.name.as_deref(),
            "part" => e.part.as_deref(),
            "category" => e.category.as_deref(),
            "description" => Some(e.description.as_str()),
            "reason" => e.reason.as_deref(),
            "action" => e.action.as_deref(),
            "note" => e.note.as_deref(),
            "symbols" => None,
            other => panic!("FIELD_WEIGHTS names an unknown field {other}"),
        };
        let symbols = entry.symbols.iter().map(|s| s.symbol.as_str());
        let fields = index::weighted_texts(text_of, symbols);
        let length = index::for_each_term(fields, &mut buf, |word, weight| {
            let stem = text::stem(word);
            match stems.iter_mut().find(|(s, _)| *s == stem) {
                Some((_, tf)) => *tf += weight,
                None => stems.push((stem, weight)),
            }
        });
        per_entry.push((stems, length));
    }
    let mut vocabulary: Vec<&str> = per_entry
        .iter()
        .flat_map(|(stems, _)| stems.iter().map(|(s, _)| s.as_str()))
        .collect();
    vocabulary.sort_unstable();
    vocabulary.dedup();

    let mut code = String::new();
    let _ = writeln!(code, "pub static STEMS: [Span; {}] = [", vocabulary.len());
    for stem in &vocabulary {
        let _ = writeln!(code, "    {},", texts.span(stem));
    }
    code.push_str("];\n\n");
    let total: usize = per_entry.iter().map(|(stems, _)| stems.len()).sum();
    let _ = writeln!(code, "pub static TERMS: [(u32, f64); {total}] = [");
    let mut ranges = Vec::with_capacity(per_entry.len());
    let mut at = 0;
    for (stems, length) in &per_entry {
        for (stem, tf) in stems {
            let id = vocabulary
                .binary_search(&stem.as_str())
                .expect("stem in vocabulary");
            let _ = writeln!(code, "    ({id}, {tf:?}),");
        }
        ranges.push((at, at + stems.len(), *length));
        at += stems.len();
    }
    code.push_str("];\n\n");
    let _ = writeln!(
        code,
        "pub static ENTRY_TERMS: [(u32, u32, f64); {}] = [",
        ranges.len()
    );
    for (start, end, length) in ranges {
        let _ = writeln!(code, "    ({start}, {end}, {length:?}),");
    }
    code.push_str("];\n");
    code
}
