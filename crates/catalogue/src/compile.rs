//! The compiler of codes/: reads the vendor documents (`codes/*.toml`) and the SDKs' symbols
//! (`codes/symbols/*.toml`), validates them, and writes them as static tables (see
//! [`crate::tables`]) for a binary to include, so that it neither reads nor parses TOML to
//! answer a query. A file that fails validation is a failure of the whole compilation.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use crate::field::Field;
use crate::file::{self, CatalogueFile, CodeDecl, Problem, SourceDecl};
use crate::labels::{self, ConceptDecl, LabelFile};
use crate::model;
use crate::symbols::{self, SymbolDecl, SymbolFile};
use crate::{terms, words};

/// The `*.toml` files of a folder (not its subfolders), in name order.
pub fn toml_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|ext| ext == "toml") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// A compiled catalogue: the Rust source of its tables (a `static TABLES: Tables`, which
/// includes the text from `text_file` in the same folder), the text, and the files read.
pub struct Compiled {
    pub rust: String,
    pub text: String,
    pub inputs: Vec<PathBuf>,
}

/// Compiles the folder `codes` (with its `symbols/` subfolder); `text_file` is the name under
/// which the caller writes [`Compiled::text`] into `OUT_DIR`. On failure, every problem as
/// `path:line:column: message` lines.
pub fn compile(codes: &Path, text_file: &str) -> Result<Compiled, String> {
    let mut failures = String::new();
    let mut inputs = Vec::new();
    let files = read_all(codes, file::parse, &mut inputs, &mut failures);
    let sdks = read_all(
        &codes.join("symbols"),
        symbols::parse,
        &mut inputs,
        &mut failures,
    );
    let ours = codes.join("ours");
    let concepts = read_one(
        &ours.join("concepts.toml"),
        labels::parse_concepts,
        &mut inputs,
        &mut failures,
    );
    let words = match ours.join("words").is_dir() {
        true => read_all(
            &ours.join("words"),
            labels::parse_words,
            &mut inputs,
            &mut failures,
        ),
        false => Vec::new(),
    };
    let labels = read_all(
        &ours.join("labels"),
        labels::parse_labels,
        &mut inputs,
        &mut failures,
    );
    if failures.is_empty() {
        check_sdks(&files, &sdks, &mut failures);
    }
    if !failures.is_empty() {
        return Err(failures);
    }
    let mut concepts = concepts.unwrap_or_default();
    attach_words(&mut concepts, words, &mut failures);
    let files: Vec<CatalogueFile> = files.into_iter().map(|(_, _, f)| f).collect();
    let sdks: Vec<SymbolFile> = sdks.into_iter().map(|(_, _, f)| f).collect();
    let mut entries = entries(&files, &sdks);
    let sources: Vec<&str> = files
        .iter()
        .map(|f| f.source.id.as_str())
        .chain(sdks.iter().map(|s| s.sdk.id.as_str()))
        .collect();
    label(&mut entries, &sources, &labels, &concepts, &mut failures);
    if !failures.is_empty() {
        return Err(failures);
    }
    let (rust, text) = generate(&files, &sdks, &entries, &concepts, text_file);
    Ok(Compiled { rust, text, inputs })
}

/// One file, parsed; `None` (with the problems in `failures`) where it is missing or invalid.
fn read_one<T>(
    path: &Path,
    parse: fn(&str) -> Result<T, Vec<Problem>>,
    inputs: &mut Vec<PathBuf>,
    failures: &mut String,
) -> Option<T> {
    inputs.push(path.to_owned());
    let text = std::fs::read_to_string(path)
        .map_err(|err| {
            let _ = writeln!(failures, "{}: {err}", path.display());
        })
        .ok()?;
    parse(&text)
        .map_err(|problems| {
            for p in problems {
                let _ = writeln!(failures, "{}:{p}", path.display());
            }
        })
        .ok()
}

/// Gives each concept its words; every concept must have them once any are written.
fn attach_words(
    concepts: &mut [ConceptDecl],
    words: Vec<(PathBuf, String, Vec<labels::WordsDecl>)>,
    failures: &mut String,
) {
    let any = !words.is_empty();
    for (path, text, list) in words {
        for w in list {
            match concepts.iter_mut().find(|c| c.id == w.concept) {
                Some(c) if c.words.is_empty() => (c.words, c.words_zh) = (w.en, w.zh),
                found => {
                    let (line, column) = file::line_column(&text, w.offset);
                    let why = match found {
                        Some(_) => "has words twice",
                        None => "is not in codes/ours/concepts.toml",
                    };
                    let _ = writeln!(
                        failures,
                        "{}:{line}:{column}: concept {:?} {why}",
                        path.display(),
                        w.concept
                    );
                }
            }
        }
    }
    if any {
        for c in concepts.iter().filter(|c| c.words.is_empty()) {
            let _ = writeln!(
                failures,
                "codes/ours/words/: concept {:?} has no words",
                c.id
            );
        }
    }
}

/// Gives every entry its labels from codes/ours/labels/<source>.toml: each entry exactly one label,
/// no label for a code that is not an entry, every concept defined. The vendors' files carry
/// none of our fields.
fn label(
    entries: &mut [Entry<'_>],
    sources: &[&str],
    files: &[(PathBuf, String, LabelFile)],
    concepts: &[ConceptDecl],
    failures: &mut String,
) {
    for (path, _, _) in files {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        if !sources.contains(&stem) {
            let _ = writeln!(failures, "{}: no source {stem:?} in codes/", path.display());
        }
    }
    let ours = || Field::ALL.into_iter().filter(|f| f.is_ours());
    for (index, id) in sources.iter().enumerate() {
        let Some((path, text, file)) = files
            .iter()
            .find(|(p, _, _)| p.file_stem().is_some_and(|s| s == *id))
        else {
            let _ = writeln!(
                failures,
                "codes/ours/labels/{id}.toml: missing (every entry is labelled)"
            );
            continue;
        };
        let mut used = vec![false; file.labels.len()];
        for entry in entries.iter_mut().filter(|e| e.source == index) {
            if let Some(field) = ours().find(|f| entry.decl.text(*f).is_some()) {
                let _ = writeln!(
                    failures,
                    "codes/: {id} {}: `{}` belongs in codes/ours/labels/, not in the vendor's file",
                    entry.decl.code,
                    field.name()
                );
            }
            match file.labels.iter().position(|l| l.code == entry.decl.code) {
                Some(at) => {
                    used[at] = true;
                    for field in ours() {
                        entry.decl.texts[field.index()] =
                            file.labels[at].texts[field.index()].clone();
                    }
                }
                None => {
                    let _ = writeln!(
                        failures,
                        "{}: code {} of {id} has no label",
                        path.display(),
                        entry.decl.code
                    );
                }
            }
        }
        for (label, used) in file.labels.iter().zip(used) {
            let (line, column) = file::line_column(text, label.offset);
            let at = format!("{}:{line}:{column}", path.display());
            if !used {
                let _ = writeln!(
                    failures,
                    "{at}: code {} is not an entry of {id}",
                    label.code
                );
            }
            let concept = label.texts[Field::Concept.index()]
                .as_deref()
                .unwrap_or_default();
            if !concepts.iter().any(|c| c.id == concept) {
                let _ = writeln!(
                    failures,
                    "{at}: concept {concept:?} is not in codes/ours/concepts.toml"
                );
            }
        }
    }
}

/// Every `*.toml` of a folder, in name order, parsed: (path, text, file). Problems are added to
/// `failures` as `path:line:column: message`.
fn read_all<T>(
    dir: &Path,
    parse: fn(&str) -> Result<T, Vec<Problem>>,
    inputs: &mut Vec<PathBuf>,
    failures: &mut String,
) -> Vec<(PathBuf, String, T)> {
    let paths = match toml_files(dir) {
        Ok(paths) => paths,
        Err(err) => {
            let _ = writeln!(
                failures,
                "{}/ must be a readable folder: {err}",
                dir.display()
            );
            return Vec::new();
        }
    };
    let mut parsed = Vec::new();
    for path in paths {
        inputs.push(path.clone());
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                let _ = writeln!(failures, "{}: {err}", path.display());
                continue;
            }
        };
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
    files: &[(PathBuf, String, CatalogueFile)],
    sdks: &[(PathBuf, String, SymbolFile)],
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

/// Every text of the compiled catalogue, each once, in one string: the tables hold spans of it.
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
    fn optional(&mut self, value: Option<&str>) -> String {
        match value.filter(|v| !v.is_empty()) {
            Some(v) => format!("Some({})", self.span(v)),
            None => "None".to_owned(),
        }
    }
}

/// One entry as compiled: its source, what a document (or, for a code only an SDK defines, the
/// compiler) says of it, and the SDKs' symbols for it.
struct Entry<'a> {
    source: usize,
    decl: CodeDecl,
    symbols: Vec<&'a SymbolDecl>,
    documented: bool,
}

/// Each SDK's symbols by code, each code's by platform, then in file order.
fn symbols_by_code(sdk: &SymbolFile) -> BTreeMap<i64, Vec<&SymbolDecl>> {
    let mut by_code: BTreeMap<i64, Vec<&SymbolDecl>> = BTreeMap::new();
    for symbol in &sdk.symbols {
        by_code.entry(symbol.code).or_default().push(symbol);
    }
    for group in by_code.values_mut() {
        group.sort_by(|a, b| a.platform.cmp(&b.platform));
    }
    by_code
}

/// The documents' entries with their symbols, and an undocumented entry for each code an SDK
/// defines that none of its sources has an entry for, in the catalogue's order
/// ([`model::order`]). A range entry counts for its first code only: a symbol is attached where
/// the codes are equal.
fn entries<'a>(files: &[CatalogueFile], sdks: &'a [SymbolFile]) -> Vec<Entry<'a>> {
    let by_code: Vec<_> = sdks.iter().map(symbols_by_code).collect();
    let source_index = |id: &str| files.iter().position(|f| f.source.id == id);
    let mut entries: Vec<Entry<'a>> = Vec::new();
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
            entries.push(Entry {
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
            let mut texts: crate::field::Texts<String> = Default::default();
            texts[Field::Name.index()] = Some(named.symbol.clone());
            texts[Field::Description.index()] = Some(String::new());
            texts[Field::Note.index()] = Some(symbols::undocumented_note(&sdk.sdk.sources, named));
            entries.push(Entry {
                source: files.len() + k,
                decl: CodeDecl {
                    code,
                    code_end: None,
                    texts,
                    offset: 0,
                },
                symbols: group.clone(),
                documented: false,
            });
        }
    }
    entries.sort_by_key(|e| model::order(e.documented, e.decl.code, e.source));
    entries
}

/// The Rust source of the tables, and the text they point into.
fn generate(
    files: &[CatalogueFile],
    sdks: &[SymbolFile],
    entries: &[Entry<'_>],
    concepts: &[ConceptDecl],
    text_file: &str,
) -> (String, String) {
    let mut texts = Texts::default();
    let mut code = String::from("// Generated by chaterr_catalogue::compile from codes/.\n\n");
    // The documents, then each SDK's source of the codes no document describes.
    let sdk_sources = sdks.iter().map(|s| SourceDecl {
        id: s.sdk.id.clone(),
        vendor: s.sdk.vendor.clone(),
        vendor_offset: 0,
        title: s.sdk.title.clone(),
        edition: None,
        url: None,
        language: None,
        platform: None,
        product: None,
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
    code.push_str("static SOURCES: &[RawSource] = &[\n");
    for s in &sources {
        let _ = writeln!(
            code,
            "    RawSource {{ id: {}, vendor: {}, title: {}, edition: {}, url: {}, language: {}, \
             platform: {}, product: {} }},",
            texts.span(&s.id),
            texts.span(&s.vendor),
            texts.optional(s.title.as_deref()),
            texts.optional(s.edition.as_deref()),
            texts.optional(s.url.as_deref()),
            texts.optional(s.language.as_deref()),
            texts.optional(s.platform.as_deref()),
            texts.optional(s.product.as_deref()),
        );
    }
    code.push_str("];\n\n");

    let mut members: Vec<usize> = Vec::new();
    code.push_str("static CONCEPTS: &[RawConcept] = &[\n");
    for c in concepts {
        let start = members.len();
        members.extend(
            entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.decl.text(Field::Concept) == Some(c.id.as_str()))
                .map(|(i, _)| i),
        );
        let _ = writeln!(
            code,
            "    RawConcept {{ id: {}, title: {}, title_zh: {}, guidance: {}, guidance_zh: {}, \
             words: {}, words_zh: {}, members: ({start}, {}) }},",
            texts.span(&c.id),
            texts.span(&c.title),
            texts.span(&c.title_zh),
            texts.span(&c.guidance),
            texts.span(&c.guidance_zh),
            texts.span(&c.words.join("\n")),
            texts.span(&c.words_zh.join("\n")),
            members.len(),
        );
    }
    code.push_str("];\n\nstatic CONCEPT_MEMBERS: &[u32] = &[");
    for m in &members {
        let _ = write!(code, "{m},");
    }
    code.push_str("];\n\n");

    // Each distinct list of symbols once (the Tencent editions share theirs), one after another.
    let mut lists: Vec<(&[&SymbolDecl], usize)> = Vec::new();
    let mut symbol_count = 0;
    let mut list_of = Vec::with_capacity(entries.len());
    for e in entries {
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
    code.push_str("static SYMBOLS: &[RawSymbol] = &[\n");
    for s in lists.iter().flat_map(|(list, _)| list.iter()) {
        let _ = writeln!(
            code,
            "    RawSymbol {{ name: {}, platform: {}, sdk_version: {}, repository: {}, path: {}, comment: {} }},",
            texts.span(&s.symbol),
            texts.span(&s.platform),
            texts.optional(s.sdk_version.as_deref()),
            texts.span(&s.repository),
            texts.span(&s.path),
            texts.optional(s.comment.as_deref()),
        );
    }
    code.push_str("];\n\n");

    code.push_str("static ENTRIES: &[RawEntry] = &[\n");
    for (e, (start, len)) in entries.iter().zip(&list_of) {
        let d = &e.decl;
        let code_end = d
            .code_end
            .as_ref()
            .map_or_else(|| "None".to_owned(), |end| format!("Some({end})"));
        let fields: Vec<String> = Field::ALL
            .into_iter()
            .map(|field| texts.optional(d.text(field)))
            .collect();
        let _ = writeln!(
            code,
            "    RawEntry {{ code: {}, code_end: {code_end}, source: {}, documented: {}, \
             texts: [{}], symbols: ({start}, {len}) }},",
            d.code,
            e.source,
            e.documented,
            fields.join(", "),
        );
    }
    code.push_str("];\n\n");
    code.push_str(&term_index(entries, concepts, &mut texts));
    let _ = writeln!(
        code,
        "\npub static TABLES: Tables = Tables {{\n    text: include_str!(concat!(env!(\"OUT_DIR\"), \"/{text_file}\")),\n    \
         sources: SOURCES,\n    concepts: CONCEPTS,\n    concept_members: CONCEPT_MEMBERS,\n    entries: ENTRIES,\n    symbols: SYMBOLS,\n    stems: STEMS,\n    \
         terms: TERMS,\n    entry_terms: ENTRY_TERMS,\n}};"
    );
    (code, texts.text)
}

/// What ranked search would compute from each entry at run time: its stems with weighted
/// counts, and its length ([`terms`]), in entry order.
fn term_index(entries: &[Entry<'_>], concepts: &[ConceptDecl], texts: &mut Texts) -> String {
    let mut per_entry: Vec<(Vec<(String, f64)>, f64)> = Vec::with_capacity(entries.len());
    let mut buf = String::new();
    for entry in entries {
        let mut stems: Vec<(String, f64)> = Vec::new();
        let symbols = entry.symbols.iter().map(|s| s.symbol.as_str());
        let comments = entry.symbols.iter().filter_map(|s| s.comment.as_deref());
        let concept = entry.decl.text(Field::Concept);
        let words = concepts.iter().filter(|c| Some(c.id.as_str()) == concept);
        let ours = words.flat_map(|c| c.words.iter().chain(&c.words_zh).map(String::as_str));
        let fields = terms::weighted_texts(|field| entry.decl.text(field), symbols, comments, ours);
        let length = terms::for_each_term(fields, &mut buf, |word, weight| {
            let stem = words::stem(word);
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

    let mut code = String::from("static STEMS: &[Span] = &[\n");
    for stem in &vocabulary {
        let _ = writeln!(code, "    {},", texts.span(stem));
    }
    code.push_str("];\n\nstatic TERMS: &[(u32, f64)] = &[\n");
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
    code.push_str("];\n\nstatic ENTRY_TERMS: &[(u32, u32, f64)] = &[\n");
    for (start, end, length) in ranges {
        let _ = writeln!(code, "    ({start}, {end}, {length:?}),");
    }
    code.push_str("];\n");
    code
}
