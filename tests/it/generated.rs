//! completions/ and man/ are generated from the clap definition and committed: these tests fail
//! when the committed files are not what `cargo xtask gen` would write now.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chaterr::generate::{self, FOLDERS};
use clap::ValueEnum;
use clap_complete::{Generator, Shell};

use crate::common::{chaterr, root};

#[test]
fn committed_completions_and_man_pages_are_current() {
    let files = generate::files();
    let mut problems = Vec::new();
    for file in &files {
        match fs::read_to_string(root().join(&file.path)) {
            Ok(text) if text == file.text => {}
            Ok(_) => problems.push(format!("{} differs", file.path.display())),
            Err(err) => problems.push(format!("{}: {err}", file.path.display())),
        }
    }
    let generated: BTreeSet<&PathBuf> = files.iter().map(|file| &file.path).collect();
    for folder in FOLDERS {
        for entry in fs::read_dir(root().join(folder)).into_iter().flatten() {
            let path = Path::new(folder).join(entry.unwrap().file_name());
            if !generated.contains(&path) {
                problems.push(format!("{} is no longer generated", path.display()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "completions/ and man/ are out of date:\n  {}\nhelp: run `cargo xtask gen` and commit the result",
        problems.join("\n  ")
    );
}

#[test]
fn chaterr_completions_prints_the_committed_script() {
    for shell in Shell::value_variants() {
        let committed = fs::read(root().join("completions").join(shell.file_name("chaterr")))
            .expect("completions/ holds a script for every shell (run `cargo xtask gen`)");
        let printed = chaterr().args(["completions", &shell.to_string()]).output();
        assert!(
            printed.status.success(),
            "chaterr completions {shell} failed"
        );
        assert!(
            printed.stdout == committed,
            "`chaterr completions {shell}` differs from completions/{}",
            shell.file_name("chaterr")
        );
    }
}

#[test]
fn every_subcommand_has_a_man_page_with_chaterrs_sections() {
    let pages = generate::man_pages();
    let names: Vec<&str> = pages.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "chaterr.1",
            "chaterr-lookup.1",
            "chaterr-search.1",
            "chaterr-list.1",
            "chaterr-sources.1",
            "chaterr-diff.1",
            "chaterr-scan.1",
            "chaterr-check.1",
            "chaterr-completions.1",
        ]
    );
    for (name, page) in &pages {
        for section in [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH OPTIONS",
            ".SH \"EXIT STATUS\"",
            ".SH ENVIRONMENT",
            ".SH \"JSON OUTPUT\"",
        ] {
            assert!(page.contains(section), "{name} has no {section}");
        }
    }
    let (_, chaterr) = &pages[0];
    assert!(chaterr.contains(".SH SUBCOMMANDS"));
    assert!(chaterr.contains(".SH EXAMPLES\n.TP\n\\fBchaterr lookup zego 6000103\\fR"));
    assert!(chaterr.contains("\\fBNO_COLOR\\fR") && chaterr.contains("\\fBCOLUMNS\\fR"));
    assert!(chaterr.contains("docs/json.md"));
}
