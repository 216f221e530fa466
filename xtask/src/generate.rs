//! The generated files: a completion script per shell (as `chaterr completions` prints it) and
//! the man pages, made from chaterr's clap definition. `cargo xtask gen` writes them; the tests
//! below fail when the committed copies are out of date.

use std::io;
use std::path::PathBuf;

use chaterr::cli;
use chaterr::generate::{BIN, completion};
use clap::ValueEnum;
use clap_complete::{Generator, Shell};
use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

/// The folders that hold generated files, and nothing else.
pub const FOLDERS: [&str; 2] = ["completions", "man"];

/// A file `cargo xtask gen` writes: its path from the repository root, and its text.
#[derive(Debug)]
pub struct GeneratedFile {
    pub path: PathBuf,
    pub text: String,
}

/// Every generated file: a completion script per shell, then the man pages.
pub fn files() -> Vec<GeneratedFile> {
    let scripts = Shell::value_variants().iter().map(|&shell| GeneratedFile {
        path: PathBuf::from("completions").join(shell.file_name(BIN)),
        text: completion(shell),
    });
    let pages = man_pages().into_iter().map(|(name, text)| GeneratedFile {
        path: PathBuf::from("man").join(name),
        text,
    });
    scripts.chain(pages).collect()
}

/// The environment variables chaterr reads, for the man pages' ENVIRONMENT section.
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "NO_COLOR",
        "When set and not empty (whatever its value), no colour under --color auto.",
    ),
    (
        "CLICOLOR_FORCE",
        "When set and neither empty nor 0, colour under --color auto even when standard output \
         is not a terminal. NO_COLOR wins over it.",
    ),
    (
        "COLUMNS",
        "The width to wrap tables and cards to. Without it: the terminal's width, or 100 \
         columns when standard output is not a terminal.",
    ),
    (
        "CHATERR_CATALOG",
        "A list of catalogue files or folders of *.toml files, separated like PATH (: on Unix), \
         read after the config dir's and before --catalog. Ignored with --no-user-catalog.",
    ),
    (
        "XDG_CONFIG_HOME",
        "Users' catalogues are read from $XDG_CONFIG_HOME/chaterr/codes/*.toml (default \
         ~/.config/chaterr/codes on Linux; the platform's config dir elsewhere, e.g. \
         ~/Library/Application Support/chaterr/codes on macOS). Later files override earlier \
         ones: embedded, config dir, CHATERR_CATALOG, --catalog.",
    ),
    (
        "COMPLETE",
        "Set to a shell's name (bash, zsh, fish, elvish, powershell), chaterr prints that \
         shell's script for dynamic completion, which completes codes, names and SDK symbols \
         after lookup: source <(COMPLETE=bash chaterr) in ~/.bashrc. The script sets it again \
         to ask chaterr for candidates on each TAB. (Builds with the dynamic-completion \
         feature, the default.)",
    ),
];

/// The man pages, named as man looks for them: chaterr.1, then chaterr-SUBCOMMAND.1 each.
pub fn man_pages() -> Vec<(String, String)> {
    let mut command = cli::command().disable_help_subcommand(true);
    command.build();
    let subcommands = command.get_subcommands().filter(|s| !s.is_hide_set());
    std::iter::once(&command)
        .chain(subcommands)
        .map(|page| (format!("{}.1", display_name(page)), man_page(page)))
        .collect()
}

fn display_name(command: &clap::Command) -> &str {
    command
        .get_display_name()
        .unwrap_or_else(|| command.get_name())
}

fn man_page(command: &clap::Command) -> String {
    let mut page = Vec::new();
    write_man_page(command, &mut page).expect("writing to a Vec cannot fail");
    let page = String::from_utf8(page).expect("roff writes UTF-8");

    // Each render_* call writes a whole roff document, and each opens with the same preamble
    // (a string for typing apostrophes); the page needs it once.
    let preamble = Roff::new().render();
    format!("{preamble}{}", page.replace(&preamble, ""))
}

/// clap_mangen's standard sections, then chaterr's own.
fn write_man_page(command: &clap::Command, page: &mut Vec<u8>) -> io::Result<()> {
    let version = command.get_version().unwrap_or_default();
    let man = Man::new(command.clone()).source(format!("{BIN} {version}"));
    man.render_title(page)?;
    man.render_name_section(page)?;
    man.render_synopsis_section(page)?;
    man.render_description_section(page)?;
    man.render_options_section(page)?;
    if command.has_subcommands() {
        man.render_subcommands_section(page)?;
    }
    chaterr_sections(command).to_writer(page)
}

fn chaterr_sections(command: &clap::Command) -> Roff {
    let mut roff = Roff::new();

    roff.control("SH", ["EXIT STATUS"]);
    for (status, meaning) in cli::EXIT_STATUS {
        roff.control("TP", [])
            .text([bold(*status)])
            .text([roman(*meaning)]);
    }

    roff.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in ENVIRONMENT {
        roff.control("TP", [])
            .text([bold(*name)])
            .text([roman(*meaning)]);
    }

    roff.control("SH", ["JSON OUTPUT"]);
    roff.text([
        bold("--json"),
        roman(" (short for "),
        bold("--format json"),
        roman(
            ") prints one JSON document on standard output. Its shape is written down in \
             docs/json.md in chaterr's source, and held by its tests.",
        ),
    ]);

    let examples = cli::examples(command.get_name());
    if !examples.is_empty() {
        roff.control("SH", ["EXAMPLES"]);
        for (line, shows) in examples {
            roff.control("TP", []).text([bold(*line)]);
            if !shows.is_empty() {
                roff.text([roman(*shows)]);
            }
        }
    }

    if command.get_name() != BIN {
        roff.control("SH", ["SEE ALSO"]);
        roff.text([bold("chaterr"), roman("(1)")]);
    }
    roff
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::fs;
    use std::path::{Path, PathBuf};

    use super::*;

    fn root() -> &'static Path {
        crate::repository_root()
    }

    #[test]
    fn committed_completions_and_man_pages_are_current() {
        let files = files();
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
    fn every_subcommand_has_a_man_page_with_chaterrs_sections() {
        let pages = man_pages();
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
                "chaterr-concepts.1",
                "chaterr-check.1",
                "chaterr-gen.1",
                "chaterr-mcp.1",
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
}
