//! The catalogue loader on any bytes: `catalogue::file::parse` (and the symbol files' parser,
//! which shares its checker) must never panic, and every problem must point inside the text;
//! its fast path for plain files must read exactly what the full walk of the TOML tree reads.
//! A file that parses is then merged over the embedded catalogue as a user file would be.

#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use chaterr::catalogue::file::{self, Problem, line_column};
use chaterr::catalogue::user::{self, Locations};
use chaterr::catalogue::{Field, symbols};
use chaterr::query::{CodeQuery, lookup};
use libfuzzer_sys::fuzz_target;

/// Where a file that parsed is written for the loader, one per fuzzing process.
static SCRATCH: LazyLock<PathBuf> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("chaterr-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir.join("user.toml")
});

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();

    check_line_column(text, data);

    let parsed = file::parse(text);
    assert_eq!(
        parsed,
        file::parse_without_fast_path(text),
        "the fast path and the full walk disagree"
    );
    match parsed {
        Ok(parsed) => {
            assert!(file::is_valid_key(&parsed.source.id));
            assert!(file::is_valid_key(&parsed.source.vendor));
            assert!(parsed.source.vendor_offset <= text.len());
            let mut ranges = Vec::new();
            for code in &parsed.codes {
                assert!(code.offset <= text.len());
                let end = code.code_end.unwrap_or(code.code);
                assert!(end >= code.code, "code_end below code accepted: {code:?}");
                ranges.push((code.code, end));
            }
            ranges.sort_unstable();
            for pair in ranges.windows(2) {
                assert!(pair[0].1 < pair[1].0, "overlap accepted: {pair:?}");
            }
            load(text, &parsed);
        }
        Err(problems) => check_problems(text, &problems),
    }

    if let Err(problems) = symbols::parse(text) {
        check_problems(text, &problems);
    }
});

/// Every problem: a message, at a line and column inside the text, in file order.
fn check_problems(text: &str, problems: &[Problem]) {
    assert!(!problems.is_empty(), "an error without a problem");
    let lines: Vec<&str> = text.split('\n').collect();
    for p in problems {
        assert!(!p.message.is_empty(), "{p:?}");
        assert!(p.line >= 1 && p.column >= 1, "{p:?}");
        assert!(
            p.line <= lines.len(),
            "{p:?}: the text has {} lines",
            lines.len()
        );
        let width = lines[p.line - 1].chars().count();
        assert!(
            p.column <= width + 1,
            "{p:?}: line {} has {width} characters",
            p.line
        );
    }
    for pair in problems.windows(2) {
        assert!(
            (pair[0].line, pair[0].column) <= (pair[1].line, pair[1].column),
            "problems out of order: {pair:?}"
        );
    }
}

/// `line_column` against a plain count, at offsets taken from the input and at the edges.
fn check_line_column(text: &str, data: &[u8]) {
    let mut offsets = vec![0, text.len(), text.len() + 1, usize::MAX, text.len() / 2];
    offsets.extend(data.iter().take(8).map(|&b| b as usize));
    for offset in offsets {
        let (line, column) = line_column(text, offset);
        let (mut want_line, mut want_column) = (1, 1);
        for (at, c) in text.char_indices() {
            if at >= offset || at + c.len_utf8() > offset {
                break;
            }
            if c == '\n' {
                (want_line, want_column) = (want_line + 1, 1);
            } else {
                want_column += 1;
            }
        }
        assert_eq!(
            (line, column),
            (want_line, want_column),
            "line_column(_, {offset})"
        );
    }
}

/// The parsed file as a user's catalogue over the embedded one: it loads (unless its names clash
/// with the embedded ones, `user::clash`), and each of its codes is found afterwards.
fn load(text: &str, parsed: &file::CatalogueFile) {
    std::fs::write(&*SCRATCH, text).expect("the scratch file is written");
    let locations = Locations {
        flags: vec![SCRATCH.clone()],
        no_user_catalog: true,
        ..Locations::default()
    };
    let catalogue = match user::load(&locations) {
        Ok(catalogue) => catalogue,
        Err(err) => {
            let message = err.to_string();
            let sources = chaterr::Catalogue::embedded().sources().to_vec();
            let clash = user::clash(&sources, &parsed.source.id, &parsed.source.vendor);
            assert!(clash.is_some_and(|c| message.contains(&c)), "{message}");
            return;
        }
    };
    let scope = catalogue
        .scope(&parsed.source.id)
        .expect("the file's source is a scope");
    for code in &parsed.codes {
        let found = lookup(
            &catalogue,
            &scope.clone().into(),
            &CodeQuery::Number(code.code),
        );
        assert!(
            found.iter().any(|e| e.code == code.code
                && e.description() == code.text(Field::Description).unwrap_or_default()),
            "code {} of the file is not found after loading",
            code.code
        );
    }
}
