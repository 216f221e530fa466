//! The embedded catalogue against the issue's contract: every file valid, the documented counts,
//! the special rows, and every text found word for word in its vendor document. (The SDK symbols
//! and the entries only an SDK defines: symbols.rs.)

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chaterr::Catalogue;
use chaterr::catalogue::{Field, file, symbols};

use crate::common::{counts, root};

fn codes_dir() -> PathBuf {
    root().join("codes")
}

/// The `*.toml` files of a folder.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn every_catalogue_file_passes_the_schema() {
    let mut seen = 0;
    for path in toml_files(&codes_dir()) {
        let text = fs::read_to_string(&path).unwrap();
        if let Err(problems) = file::parse(&text) {
            panic!("{}: {problems:?}", path.display());
        }
        seen += 1;
    }
    assert_eq!(seen, counts::DOCUMENTS, "one file per vendor document");
    let mut sdks = Vec::new();
    for path in toml_files(&codes_dir().join("symbols")) {
        let text = fs::read_to_string(&path).unwrap();
        match symbols::parse(&text) {
            Ok(file) => sdks.push(file.sdk.vendor),
            Err(problems) => panic!("{}: {problems:?}", path.display()),
        }
    }
    assert_eq!(
        sdks,
        ["agora", "tencent", "zego"],
        "one symbol file per vendor"
    );
}

#[test]
fn each_document_has_its_documented_number_of_codes() {
    let catalogue = Catalogue::embedded();
    let sizes = catalogue.counts();
    for expected in &counts::SOURCES {
        let id = expected.id;
        let index = catalogue.sources().iter().position(|s| s.id == id).unwrap();
        assert_eq!(catalogue.sources()[index].vendor, expected.vendor);
        assert_eq!(sizes[index], expected.codes, "{id}");
        let entries: Vec<_> = catalogue.entries().filter(|e| e.source == index).collect();
        let distinct: BTreeSet<i64> = entries.iter().map(|e| e.code).collect();
        assert_eq!(distinct.len(), expected.codes, "{id}: codes are distinct");
        // A document's entries are documented; an SDK source's are the codes it alone defines.
        assert!(
            entries.iter().all(|e| e.documented == expected.documented),
            "{id}"
        );
    }
    assert_eq!(catalogue.sources().len(), counts::SOURCES.len());
    let documented = catalogue.entries().filter(|e| e.documented).count();
    assert_eq!(documented, counts::DOCUMENTED);
}

fn entry<'a>(catalogue: &'a Catalogue, source: &str, code: i64) -> &'a chaterr::catalogue::Entry {
    let scope = catalogue.scope(source).unwrap();
    let mut found = catalogue.entries_in(&scope).filter(|e| e.code == code);
    let first = found
        .next()
        .unwrap_or_else(|| panic!("{source} {code} missing"));
    assert!(found.next().is_none(), "{source} {code} is one entry");
    first
}

#[test]
fn the_special_rows_are_kept_as_the_documents_have_them() {
    let c = Catalogue::embedded();
    // Written twice with the same text: one entry.
    entry(&c, "tencent-chat", 10062);
    // Blank in the current edition: an empty description, not an invented one.
    let blanks: Vec<i64> = c
        .entries_in(&c.scope("tencent-chat").unwrap())
        .filter(|e| e.description().is_empty())
        .map(|e| e.code)
        .collect();
    assert_eq!(blanks.len(), 6, "{blanks:?}");
    for code in &blanks {
        assert!(!entry(&c, "tencent-im", *code).description().is_empty());
    }
    // Negative codes and the documented range.
    for code in [-302, -10001, -195] {
        entry(&c, "tencent-chat", code);
    }
    let range = entry(&c, "tencent-chat", 120001);
    assert_eq!(range.code_end, Some(130000));
    // Agora's 403: the document's name, with our note.
    let download = entry(&c, "agora-chat", 403);
    assert_eq!(download.name(), Some("FILE_UPLOAD_FAILED"));
    assert!(download.text(Field::Note).unwrap().contains("download"));
    // The two Tencent editions disagree on 7005.
    assert!(
        entry(&c, "tencent-chat", 7005)
            .description()
            .contains("100 MB")
    );
    assert!(
        entry(&c, "tencent-im", 7005)
            .description()
            .contains("28 MB")
    );
    // A bullet continuation stays with its row.
    assert!(
        entry(&c, "zego-zim", 6000012)
            .description()
            .contains("\n• Within 10 seconds")
    );
    // zego-server's glued columns: split where clear.
    let split = entry(&c, "zego-server", 1);
    assert_eq!(
        (
            split.description(),
            split.text(Field::Reason),
            split.text(Field::Action)
        ),
        (
            "Request failed.",
            Some("Server busy."),
            Some("Please try again later.")
        )
    );
}

/// The vendor documents the catalogue was converted from, beside the repo as CI has them. The
/// tests that read them are ignored (with this reason) where they are not: whether they are is
/// read when the tests are built.
fn seeds() -> PathBuf {
    root().join("../shared/seeds")
}

/// CI has the seeds: there, their absence is a failure, not an ignored test.
#[test_with::env(CI)]
#[test]
fn ci_has_the_seeds() {
    assert!(
        seeds().is_dir(),
        "CI must have ../shared/seeds beside the repo"
    );
}

/// Whitespace folded to single spaces: the only liberty the catalogue takes with the words.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The document as the converters read it: Markdown links become their text, and Markdown's
/// escapes, bold markers and <br> go.
fn document_text(text: &str) -> String {
    let unlinked = regex::Regex::new(r"\[([^\]]*)\]\([^)]*\)")
        .unwrap()
        .replace_all(text, "$1");
    let plain = unlinked
        .replace("\\_", "_")
        .replace("**", "")
        .replace("<br>", " ");
    squeeze(&plain)
}

#[test_with::path("../shared/seeds")]
#[test]
fn every_text_is_the_vendors_own_words() {
    let seeds = seeds();
    let files = [
        ("zego-zim", "000_e1b717a1bc6fbc85.txt"),
        ("zego-server", "001_c45225846dd5585f.txt"),
        ("tencent-chat", "002_92e847829f256d34.txt"),
        ("tencent-im", "003_e5b64014ee79040d.txt"),
        ("agora-chat", "004_5a55a220397e3132.txt"),
    ];
    let c = Catalogue::embedded();
    for (source, seed) in files {
        let document = document_text(&fs::read_to_string(seeds.join(seed)).unwrap());
        for e in c.entries_in(&c.scope(source).unwrap()) {
            // Every field but the ones chaterr writes itself (part is the document's section
            // numbering, the note ours).
            let texts = Field::ALL
                .into_iter()
                .filter(|f| !f.is_ours() && !matches!(f, Field::Part | Field::Note))
                .filter_map(|f| e.text(f));
            for text in texts {
                assert!(
                    document.contains(&squeeze(text)),
                    "{source} {}: {text:?} is not in {seed}",
                    e.code
                );
            }
        }
    }
}
