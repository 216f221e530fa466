//! The command-line interface: the clap definition and nothing else. xtask uses it too, to
//! write completions/ and man/.

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::render::Format;

/// What each exit status means: shown after `--help`, and in the man pages' EXIT STATUS.
pub const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "found (diff: the two catalogues are the same)"),
    ("1", "nothing found (diff: they differ)"),
    ("2", "usage or input error"),
];

/// Command lines for `chaterr` or one of its subcommands, each with what it shows ("" where the
/// line speaks for itself): shown after `--help`, and in the man pages' EXAMPLES.
pub fn examples(command: &str) -> &'static [(&'static str, &'static str)] {
    match command {
        "chaterr" => examples::CHATERR,
        "lookup" => examples::LOOKUP,
        "search" => examples::SEARCH,
        "list" => examples::LIST,
        "diff" => examples::DIFF,
        "scan" => examples::SCAN,
        "check" => examples::CHECK,
        "concepts" => examples::CONCEPTS,
        "gen" => examples::GEN,
        "mcp" => examples::MCP,
        _ => &[],
    }
}

#[rustfmt::skip]
mod examples {
    type Examples = &'static [(&'static str, &'static str)];

    pub const CHATERR: Examples = &[
        ("chaterr lookup zego 6000103",               "the vendor's explanation of one code"),
        ("chaterr lookup 6015",                       "every vendor that defines 6015"),
        ("chaterr lookup agora USER_NOT_LOGIN",       "by symbolic name"),
        ("chaterr search \"token expired\"",          "ranked text search"),
        ("chaterr list tencent --range 8500..8599",   "a range of codes"),
        ("chaterr diff tencent-im tencent-chat",      "what changed between two editions"),
        ("chaterr lookup zego 6000103 --json | jq .", ""),
    ];
    pub const LOOKUP: Examples = &[
        ("chaterr lookup zego 6000103",         ""),
        ("chaterr lookup 6015",                 "every vendor's 6015"),
        ("chaterr lookup tencent -10001",       "negative codes need no --"),
        ("chaterr lookup agora user_not_login", "names are case-insensitive"),
        ("echo 201 6014 | chaterr lookup -",    "codes from standard input"),
    ];
    pub const SEARCH: Examples = &[
        ("chaterr search \"token expired\"",                      ""),
        ("chaterr search \"too many requests\" --vendor tencent", ""),
        ("chaterr search \"profile pic won't save\" --explain",    "why each result ranked"),
        ("chaterr search -F -i usersig",                          "every entry containing the text"),
        ("chaterr search -e '^Token (is|has)'",                   "a regular expression"),
    ];
    pub const LIST: Examples = &[
        ("chaterr list agora",                      ""),
        ("chaterr list tencent --range 8500..8599", ""),
        ("chaterr list zego-zim --category login",  ""),
        ("chaterr list tencent --class rate_limit", "chaterr's classification"),
        ("chaterr list --concept token_expired",    "the same problem at every vendor"),
        ("chaterr list --json > catalogue.json",    ""),
    ];
    pub const DIFF: Examples = &[
        ("chaterr diff tencent-im tencent-chat",                               ""),
        ("chaterr diff zego ./newer-zego.toml",                                ""),
        ("chaterr diff tencent-im tencent-chat --json | jq '.changed[].code'", ""),
    ];
    pub const SCAN: Examples = &[
        ("chaterr scan app.log", "every line, each code explained"),
        ("adb logcat | chaterr scan -o", "only the lines with codes, as they come"),
        ("chaterr scan --summary *.log", "which codes, how often"),
        ("chaterr scan --vendor tencent --json server.log", "JSON Lines, one per finding"),
    ];
    pub const CONCEPTS: Examples = &[
        ("chaterr concepts",                  "every concept, with each vendor's codes"),
        ("chaterr concepts token",            "the concepts about tokens"),
        ("chaterr concepts --shared --json",  "those two or more vendors share, as JSON"),
    ];
    pub const CHECK: Examples = &[
        ("chaterr check ~/.config/chaterr/codes", "every user catalogue"),
        ("chaterr check my-backend.toml --json", "problems as JSON"),
    ];
    pub const GEN: Examples = &[
        ("chaterr gen rust zego -o src/zego_codes.rs",            "a Rust enum per ZIM source"),
        ("chaterr gen kotlin agora-chat --package com.example",   ""),
        ("chaterr --catalog my.toml gen go my-backend",           "your own catalogue"),
        ("chaterr gen typescript agora | diff - src/agora.ts",    "is the committed file current?"),
    ];
    pub const MCP: Examples = &[
        ("claude mcp add chaterr -- chaterr mcp", "register it with Claude Code"),
        ("chaterr mcp --catalog my-backend.toml", "with a catalogue of your own"),
    ];
}

/// The text after `--help` as a `&'static str`: the exit statuses, then the examples in two
/// aligned columns. clap's derive evaluates every footer at every start, so they are written at
/// compile time rather than built then.
macro_rules! help_footer {
    ($examples:expr) => {{
        const LEN: usize = write_footer($examples, &mut []);
        const BYTES: [u8; LEN] = {
            let mut bytes = [0; LEN];
            write_footer($examples, &mut bytes);
            bytes
        };
        const TEXT: &str = match std::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => panic!("a help footer is not UTF-8"),
        };
        TEXT
    }};
}

/// Writes the footer into `out`, as much of it as fits, and returns its whole length.
const fn write_footer(examples: &[(&str, &str)], out: &mut [u8]) -> usize {
    let mut at = write_columns("Exit status:", EXIT_STATUS, out, 0);
    if !examples.is_empty() {
        at = put(out, at, "\n\n");
        at = write_columns("Examples:", examples, out, at);
    }
    at
}

/// A heading, then indented rows whose second column lines up (rows without one don't count).
const fn write_columns(heading: &str, rows: &[(&str, &str)], out: &mut [u8], at: usize) -> usize {
    let mut width = 0;
    let mut i = 0;
    while i < rows.len() {
        let (left, right) = rows[i];
        if !right.is_empty() && left.len() > width {
            width = left.len();
        }
        i += 1;
    }
    let mut at = put(out, at, heading);
    let mut i = 0;
    while i < rows.len() {
        let (left, right) = rows[i];
        at = put(out, at, "\n  ");
        at = put(out, at, left);
        if !right.is_empty() {
            let mut pad = width - left.len() + 2;
            while pad > 0 {
                at = put(out, at, " ");
                pad -= 1;
            }
            at = put(out, at, right);
        }
        i += 1;
    }
    at
}

/// Copies `text` to `out` at `at` where it fits; returns where it ends.
const fn put(out: &mut [u8], at: usize, text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if at + i < out.len() {
            out[at + i] = bytes[i];
        }
        i += 1;
    }
    at + bytes.len()
}

#[derive(Debug, Parser)]
#[command(
    name = "chaterr",
    version,
    about = "Explain the error codes of in-app chat SDKs (ZEGOCLOUD ZIM, Tencent Cloud Chat/IM, Agora Chat), offline",
    long_about = "Explain the error codes of in-app chat SDKs (ZEGOCLOUD ZIM, Tencent Cloud Chat/IM, \
Agora Chat), offline.\n\nEvery code the vendors document is embedded in the binary, in the vendor's own words.",
    after_help = help_footer!(&[]),
    after_long_help = help_footer!(examples::CHATERR),
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub catalogue: CatalogueArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct CatalogueArgs {
    /// Also read this catalogue file or folder of *.toml (repeatable; later wins)
    #[arg(long = "catalog", global = true, value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub catalog: Vec<std::path::PathBuf>,

    /// Ignore the catalogues in the config dir and CHATERR_CATALOG
    #[arg(long, global = true)]
    pub no_user_catalog: bool,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format [default: table on a terminal, plain otherwise]
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Short for --format json
    #[arg(long, global = true, conflicts_with = "format")]
    pub json: bool,

    /// When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Explain codes: the vendor's text for each, from every vendor that defines it
    #[command(after_help = help_footer!(&[]), after_long_help = help_footer!(examples::LOOKUP))]
    Lookup(LookupArgs),
    /// Search codes, names and texts, best match first
    #[command(after_help = help_footer!(&[]), after_long_help = help_footer!(examples::SEARCH))]
    Search(SearchArgs),
    /// List entries in code order
    #[command(after_help = help_footer!(&[]), after_long_help = help_footer!(examples::LIST))]
    List(ListArgs),
    /// List the vendor documents in the catalogue
    Sources,
    /// Compare two catalogues: vendors, source ids or catalogue files
    #[command(after_help = help_footer!(&[]), after_long_help = help_footer!(examples::DIFF))]
    Diff(DiffArgs),
    /// Explain every error code in logs (standard input when no file is given)
    #[command(after_help = help_footer!(&[]), after_long_help = help_footer!(examples::SCAN))]
    Scan(ScanArgs),
    /// The same problem across vendors: chaterr's concepts and each vendor's codes for them
    #[command(after_help = help_footer!(&[]), after_long_help = help_footer!(examples::CONCEPTS))]
    Concepts(ConceptsArgs),
    /// Validate catalogue files, reporting every problem as file:line:column
    #[command(after_help = help_footer!(&[]), after_long_help = help_footer!(examples::CHECK))]
    Check(CheckArgs),
    /// Write the catalogue as code: an enumeration per source, in your app's language
    #[command(after_help = help_footer!(&[]), after_long_help = help_footer!(examples::GEN))]
    Gen(GenArgs),
    /// Serve the catalogue to coding agents over MCP (Model Context Protocol) on stdio
    #[command(
        long_about = "Serve the catalogue to coding agents over MCP (the Model Context Protocol) on \
standard input and output, until the input closes.\n\nTools: lookup_error_code (a code, a \
documented name or an SDK symbol; vendor optional), search_error_codes (query, vendor, limit), \
explain_log (the codes in log text, as scan finds them), list_error_codes (vendor or source, \
range, category, documented_only, limit) and list_sources. Each answers with the JSON the \
matching command prints with --json, and a short text for the model. Users' catalogues load as \
for every command. Register it with an agent as the command `chaterr` with the argument `mcp`. \
(It is the `mcp` cargo feature, on by default.)",
        after_help = help_footer!(&[]),
        after_long_help = help_footer!(examples::MCP)
    )]
    Mcp,
    /// Print a shell completion script
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Log files; - or none reads standard input
    #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub files: Vec<std::path::PathBuf>,

    /// Only this vendor's or source's codes (lines naming another SDK narrow no further)
    #[arg(long, value_name = "VENDOR", value_parser = ScopeWord)]
    pub vendor: Option<String>,

    /// Print only the lines with codes
    #[arg(long, short = 'o', conflicts_with = "summary")]
    pub only_matching: bool,

    /// Print a table of the codes found, with counts, instead of the lines
    #[arg(long, short = 's')]
    pub summary: bool,

    /// Leave out codes the catalogue does not have (found after a key in a chat SDK's line)
    #[arg(long)]
    pub known_only: bool,

    #[command(flatten)]
    pub editions: EditionArgs,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Catalogue files, or folders of *.toml files
    #[arg(required = true, value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
    pub paths: Vec<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct LookupArgs {
    /// An optional vendor or source id, then codes or symbolic names; - reads codes from stdin
    #[arg(
        value_name = "[VENDOR] CODE",
        required = true,
        num_args = 1..,
        allow_negative_numbers = true,
        value_parser = ScopeWord,
        hide_possible_values = true
    )]
    #[cfg_attr(
        feature = "dynamic-completion",
        arg(add = clap_complete::engine::ArgValueCompleter::new(crate::complete::LookupWords))
    )]
    pub args: Vec<String>,

    /// Leave out codes the vendor's documents do not describe (defined only by an SDK)
    #[arg(long)]
    pub documented_only: bool,

    #[command(flatten)]
    pub editions: EditionArgs,
}

/// Which editions of the vendors' documents answer.
#[derive(Debug, Args)]
pub struct EditionArgs {
    /// The language to read: en or zh [default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh]
    #[arg(long, value_name = "LANG", value_parser = ["en", "zh"])]
    pub lang: Option<String>,

    /// That platform's numbering and pages (Agora Web numbers its errors differently)
    #[arg(long, value_name = "PLATFORM", value_parser = ["android", "ios", "unity", "web", "server"])]
    pub platform: Option<String>,

    /// Every edition's entry, not just the newest in your language (older ones where they differ)
    #[arg(long)]
    pub all_editions: bool,
}

impl EditionArgs {
    /// The choice of editions these arguments ask for.
    pub fn editions(&self) -> crate::query::editions::Editions {
        let language = self
            .lang
            .clone()
            .unwrap_or_else(|| crate::query::editions::language_from_env().to_owned());
        crate::query::editions::Editions {
            language,
            platform: self.platform.clone(),
            all: self.all_editions,
        }
    }
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words, a phrase, a code or a name (a pattern with -F or -e)
    #[arg(allow_hyphen_values = true)]
    pub query: String,

    /// Only this vendor or source id
    #[arg(long, value_name = "VENDOR", value_parser = ScopeWord)]
    pub vendor: Option<String>,

    /// At most this many results (0: no limit)
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N")]
    pub limit: usize,

    /// Match QUERY as a literal substring, like grep -F
    #[arg(long, short = 'F', conflicts_with = "regex")]
    pub fixed_strings: bool,

    /// Match QUERY as a regular expression, like grep -e
    #[arg(long, short = 'e')]
    pub regex: bool,

    /// Ignore case with -F or -e (ranked search always does)
    #[arg(long, short = 'i')]
    pub ignore_case: bool,

    /// Leave out codes the vendor's documents do not describe (defined only by an SDK)
    #[arg(long)]
    pub documented_only: bool,

    /// Say why each result ranked: its tier, its score's parts, and the query words it matched
    /// in which text (the vendor's or chaterr's own words)
    #[arg(long, conflicts_with_all = ["fixed_strings", "regex"])]
    pub explain: bool,

    #[command(flatten)]
    pub reading: ReadingArgs,

    #[command(flatten)]
    pub editions: EditionArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// A vendor or source id (all when omitted)
    #[arg(value_name = "VENDOR|SOURCE", value_parser = ScopeWord, hide_possible_values = true)]
    pub scope: Option<String>,

    /// Only entries whose category contains TEXT (case-insensitive)
    #[arg(long, value_name = "TEXT")]
    pub category: Option<String>,

    /// Only codes in LOW..HIGH (inclusive; LOW.. and ..HIGH are open)
    #[arg(long, value_name = "LOW..HIGH", allow_hyphen_values = true)]
    pub range: Option<String>,

    /// Leave out codes the vendor's documents do not describe (defined only by an SDK)
    #[arg(long)]
    pub documented_only: bool,

    #[command(flatten)]
    pub reading: ReadingArgs,

    #[command(flatten)]
    pub editions: EditionArgs,
}

/// Filters on chaterr's classification of the entries (docs/classification.md).
#[derive(Debug, Args)]
pub struct ReadingArgs {
    /// Only entries of this kind of failure (chaterr's classification)
    #[arg(long, value_name = "CLASS", value_parser = clap::builder::PossibleValuesParser::new(chaterr_catalogue::field::CLASSES))]
    pub class: Option<String>,

    /// Only entries with this retry advice (chaterr's classification)
    #[arg(long, value_name = "RETRY", value_parser = clap::builder::PossibleValuesParser::new(chaterr_catalogue::field::RETRIES))]
    pub retry: Option<String>,

    /// Only entries of this problem, the same across vendors (see `chaterr concepts`)
    #[arg(long, value_name = "CONCEPT")]
    pub concept: Option<String>,
}

impl ReadingArgs {
    /// The conditions, as (field, value) pairs an entry must match.
    pub fn conditions(&self) -> Vec<(chaterr_catalogue::Field, String)> {
        use chaterr_catalogue::Field;
        [
            (Field::Class, &self.class),
            (Field::Retry, &self.retry),
            (Field::Concept, &self.concept),
        ]
        .into_iter()
        .filter_map(|(field, value)| value.clone().map(|v| (field, v)))
        .collect()
    }
}

#[derive(Debug, Args)]
pub struct ConceptsArgs {
    /// Only concepts whose id or title contains TEXT (case-insensitive)
    #[arg(value_name = "TEXT")]
    pub filter: Option<String>,

    /// Only concepts that two or more vendors share
    #[arg(long)]
    pub shared: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// A vendor, a source id, or a catalogue TOML file
    #[arg(value_name = "A", value_parser = ScopeWord, hide_possible_values = true)]
    pub a: String,
    /// A vendor, a source id, or a catalogue TOML file
    #[arg(value_name = "B", value_parser = ScopeWord, hide_possible_values = true)]
    pub b: String,
}

#[derive(Debug, Args)]
pub struct GenArgs {
    /// The language to write
    #[arg(value_enum, value_name = "LANG")]
    pub language: crate::codegen::Language,

    /// Vendors or source ids, each source an enumeration (every source when none is given)
    #[arg(value_name = "VENDOR|SOURCE", value_parser = ScopeWord, hide_possible_values = true)]
    pub scopes: Vec<String>,

    /// Write to FILE instead of standard output
    #[arg(long, short = 'o', value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub output: Option<std::path::PathBuf>,

    /// The package the file declares (Go: `chaterr` when not given; Java, Kotlin, Dart: none)
    #[arg(long, value_name = "NAME")]
    pub package: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write a completion script for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Accepts any word, but offers the catalogue's vendors and source ids to shell completion.
#[derive(Debug, Clone, Copy)]
pub struct ScopeWord;

impl TypedValueParser for ScopeWord {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            crate::catalogue::embedded_scope_names().map(PossibleValue::new),
        ))
    }
}

/// The clap command, for xtask and tests.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clap_definition_is_consistent() {
        super::command().debug_assert();
    }

    #[test]
    fn help_footers_list_exit_statuses_then_examples_in_aligned_columns() {
        assert_eq!(
            help_footer!(&[]),
            "Exit status:\n  0  found (diff: the two catalogues are the same)\n  \
             1  nothing found (diff: they differ)\n  2  usage or input error"
        );
        let footer = help_footer!(examples::LOOKUP);
        let (_, rows) = footer
            .split_once("\n\nExamples:\n")
            .expect("an examples section");
        let rows: Vec<&str> = rows.lines().collect();
        assert_eq!(rows.len(), examples::LOOKUP.len());
        let mut columns = Vec::new();
        for (row, (left, right)) in rows.iter().zip(examples::LOOKUP) {
            assert!(row.starts_with(&format!("  {left}")), "{row:?}");
            if !right.is_empty() {
                assert!(row.ends_with(right), "{row:?}");
                columns.push(row.len() - right.len());
            }
        }
        assert!(
            columns.len() > 1 && columns.iter().all(|&c| c == columns[0]),
            "{rows:#?}"
        );
    }
}
