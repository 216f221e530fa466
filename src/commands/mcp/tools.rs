//! The tools `chaterr mcp` offers: their arguments (the JSON Schema a client sees is derived
//! from the types below, doc comments and all) and their answers, which come from the queries
//! the command line runs and are written by the same JSON writer as `--json`.

use std::io;
use std::sync::Arc;

use rmcp::handler::server::common::schema_for_input;
use rmcp::model::{JsonObject, Tool, ToolAnnotations};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::text;
use crate::catalogue::{Catalogue, EntryRef, Scope};
use crate::commands::list::parse_range;
use crate::commands::lookup::not_found;
use crate::commands::resolve_scope;
use crate::error::Error;
use crate::query::editions::{Editions, language_from_env};
use crate::query::explain::{Explained, Explainer};
use crate::query::{Filter, Mode, SearchOptions, lookup, parse_code_query, search};
use crate::render::{Format, Output};
use crate::scan::{Found, Piece, Sink, scan_reader};

/// The most of a log `explain_log` reads; beyond it, the agent is asked for the part that
/// matters. (The transport refuses a message past `server::MAX_MESSAGE` without a reply.)
pub const MAX_LOG: usize = 10 * 1024 * 1024;
/// The most of a code, name or search query: longer is not a question but a mistake.
const MAX_QUERY: usize = 4096;
/// How many entries `list_error_codes` returns unless told otherwise.
const DEFAULT_LIST_LIMIT: usize = 100;
/// The most findings `explain_log` returns: a log's first lines up to this many. (A 10 MiB log
/// of nothing but codes would make hundreds of megabytes of JSON.)
const MAX_FINDINGS: usize = 10_000;
/// How many annotated lines of a log the text shows, and how much of each.
const TEXT_LINES: usize = 100;
const TEXT_LINE_CHARS: usize = 400;
/// What a finding's `file` says: the log came in as text, as a command's standard input does.
const LOG_LABEL: &str = "(standard input)";

/// A tool's answer: the JSON the command line's `--json` prints for the same question, and a
/// short text of it for the model.
pub struct Answer {
    pub json: Value,
    pub text: String,
}

// The arguments' descriptions are what the agent reads: `schemars(description)` rather than doc
// comments, whose line breaks would reach it.

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct LookupArgs {
    #[schemars(
        description = "The code as a number (6000103, -10001), the name the vendor's \
        document gives it (USER_NOT_LOGIN), or a name an SDK gives it \
        (ZIMErrorCodeNetworkModuleTokenInvalid, ERR_SDK_NOT_LOGGED_IN); names are \
        case-insensitive"
    )]
    #[serde(deserialize_with = "string_or_number")]
    code: String,
    #[schemars(
        description = "Only this vendor (zego, tencent, agora) or source id (see \
        list_sources); every vendor that defines the code when omitted"
    )]
    #[serde(default)]
    vendor: Option<String>,
    #[schemars(
        description = "Leave out codes the vendor's documents do not describe (defined \
        only by an SDK)"
    )]
    #[serde(default)]
    documented_only: bool,
    #[schemars(
        description = "The language to answer in: en or zh (default: the server's locale; \
        English where a code has no text in it)"
    )]
    #[serde(default)]
    language: Option<String>,
    #[schemars(
        description = "That platform's numbering and pages: android, ios, unity, web, \
        server (Agora Web numbers its errors differently)"
    )]
    #[serde(default)]
    platform: Option<String>,
    #[schemars(description = "Every edition of the vendors' documents, not just the newest")]
    #[serde(default)]
    all_editions: bool,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct SearchArgs {
    #[schemars(
        description = "Words, a phrase, a code or a name (\"token expired\", \"not logged \
        in\", \"rate limit\")"
    )]
    query: String,
    #[schemars(
        description = "Only this vendor (zego, tencent, agora) or source id (see \
        list_sources)"
    )]
    #[serde(default)]
    vendor: Option<String>,
    #[schemars(description = "At most this many results, best first (default 20; 0: no limit)")]
    #[serde(default)]
    limit: Option<usize>,
    #[schemars(
        description = "Leave out codes the vendor's documents do not describe (defined \
        only by an SDK)"
    )]
    #[serde(default)]
    documented_only: bool,
    #[schemars(
        description = "The language to answer in: en or zh (default: the server's locale; \
        English where a code has no text in it)"
    )]
    #[serde(default)]
    language: Option<String>,
    #[schemars(
        description = "That platform's numbering and pages: android, ios, unity, web, \
        server (Agora Web numbers its errors differently)"
    )]
    #[serde(default)]
    platform: Option<String>,
    #[schemars(description = "Every edition of the vendors' documents, not just the newest")]
    #[serde(default)]
    all_editions: bool,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct ExplainLogArgs {
    #[schemars(
        description = "Log text, as many lines as needed (at most 10 MiB): each error \
        code in it is found where logs put them (code=, errorCode:, \"ErrorCode\":, onError(…), \
        EMError …, SDK symbols) and explained"
    )]
    log: String,
    #[schemars(
        description = "Read every code as this vendor's (zego, tencent, agora) or source \
        id's; otherwise a line naming an SDK ([ZIM], TIMManager, EMClient…) narrows its codes to \
        that vendor"
    )]
    #[serde(default)]
    vendor: Option<String>,
    #[schemars(
        description = "The language to answer in: en or zh (default: the server's locale; \
        English where a code has no text in it)"
    )]
    #[serde(default)]
    language: Option<String>,
    #[schemars(
        description = "That platform's numbering and pages: android, ios, unity, web, \
        server (Agora Web numbers its errors differently)"
    )]
    #[serde(default)]
    platform: Option<String>,
    #[schemars(description = "Every edition of the vendors' documents, not just the newest")]
    #[serde(default)]
    all_editions: bool,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct ListArgs {
    #[schemars(
        description = "Only this vendor (zego, tencent, agora) or source id (see \
        list_sources)"
    )]
    #[serde(default)]
    vendor: Option<String>,
    #[schemars(
        description = "Only codes in this range, both ends included: \"8500..8599\", \
        \"6000..\", \"..10\", or one code"
    )]
    #[serde(default, deserialize_with = "optional_string_or_number")]
    range: Option<String>,
    #[schemars(
        description = "Only entries whose category (the document's section heading) \
        contains this text, case-insensitively (\"login\", \"group\")"
    )]
    #[serde(default)]
    category: Option<String>,
    #[schemars(
        description = "Leave out codes the vendor's documents do not describe (defined \
        only by an SDK)"
    )]
    #[serde(default)]
    documented_only: bool,
    #[schemars(
        description = "At most this many entries, in code order (default 100; 0: no \
        limit)"
    )]
    #[serde(default)]
    limit: Option<usize>,
    #[schemars(
        description = "The language to answer in: en or zh (default: the server's locale; \
        English where a code has no text in it)"
    )]
    #[serde(default)]
    language: Option<String>,
    #[schemars(
        description = "That platform's numbering and pages: android, ios, unity, web, \
        server (Agora Web numbers its errors differently)"
    )]
    #[serde(default)]
    platform: Option<String>,
    #[schemars(description = "Every edition of the vendors' documents, not just the newest")]
    #[serde(default)]
    all_editions: bool,
}

#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct SourcesArgs {}

/// The tools, as `tools/list` describes them.
pub fn list() -> Vec<Tool> {
    let read_only = |title: &str| {
        ToolAnnotations::with_title(title)
            .read_only(true)
            .destructive(false)
            .idempotent(true)
            .open_world(false)
    };
    vec![
        Tool::new(
            "lookup_error_code",
            "Explain an error code of a chat SDK (ZEGOCLOUD ZIM, Tencent Cloud Chat/IM, Agora \
             Chat): the vendor's own description, reason and suggested action where the \
             document gives them, and the names each SDK gives the code. Give the code as a \
             number, a documented name or an SDK symbol; without a vendor, every vendor that \
             defines it answers. The JSON is `chaterr lookup [VENDOR] CODE --json`.",
            input_schema::<LookupArgs>(),
        )
        .annotate(read_only("Look up an error code")),
        Tool::new(
            "search_error_codes",
            "Search the chat SDKs' error codes by meaning: words, a phrase, a code or a name, \
             best match first (typos, stems and synonyms such as usersig/token are matched). \
             Use it when you know what went wrong but not the code. The JSON is `chaterr \
             search QUERY --json`, each entry with its score.",
            input_schema::<SearchArgs>(),
        )
        .annotate(read_only("Search error codes")),
        Tool::new(
            "explain_log",
            "Find every chat-SDK error code in log text and explain it: one finding per code \
             and explaining entry, with its line, column, vendor, source and description. The \
             JSON is what `chaterr scan --json` prints for the same text on standard input, as \
             an array; the text shows each line with a code, annotated.",
            input_schema::<ExplainLogArgs>(),
        )
        .annotate(read_only("Explain the error codes in a log")),
        Tool::new(
            "list_error_codes",
            "List error codes in code order: a vendor's or a document's, a range of codes, or \
             a category. The JSON is `chaterr list [VENDOR] --range R --category C --json`, cut \
             to `limit` entries.",
            input_schema::<ListArgs>(),
        )
        .annotate(read_only("List error codes")),
        Tool::new(
            "list_sources",
            "List the vendor documents the catalogue holds (source ids for the other tools' \
             `vendor`), with their editions and how many codes each has, users' own \
             catalogues included. The JSON is `chaterr sources --json`.",
            input_schema::<SourcesArgs>(),
        )
        .annotate(read_only("List the documents")),
    ]
}

/// The JSON Schema of a tool's arguments, with `properties` even where there are none: some
/// clients require it.
fn input_schema<T: JsonSchema + 'static>() -> Arc<JsonObject> {
    let schema = schema_for_input::<T>().expect("the arguments are a struct: an object");
    let mut schema = JsonObject::clone(&schema);
    schema
        .entry("properties")
        .or_insert_with(|| Value::Object(JsonObject::new()));
    Arc::new(schema)
}

/// Runs the tool `name`; `None` when there is no such tool. An error is a message for the
/// model, one line.
pub fn call(catalogue: &Catalogue, name: &str, args: JsonObject) -> Option<Result<Answer, String>> {
    let answer = match name {
        "lookup_error_code" => arguments(args).and_then(|a| lookup_error_code(catalogue, a)),
        "search_error_codes" => arguments(args).and_then(|a| search_error_codes(catalogue, a)),
        "explain_log" => arguments(args).and_then(|a| explain_log(catalogue, a)),
        "list_error_codes" => arguments(args).and_then(|a| list_error_codes(catalogue, a)),
        "list_sources" => arguments(args).and_then(|SourcesArgs {}| list_sources(catalogue)),
        _ => return None,
    };
    Some(answer.map_err(|err| format!("error: {err}")))
}

/// Why a call could not be answered.
#[derive(Debug, thiserror::Error)]
enum ToolError {
    #[error("{0}")]
    Arguments(String),
    #[error(transparent)]
    Chaterr(#[from] Error),
}

impl From<io::Error> for ToolError {
    fn from(err: io::Error) -> Self {
        ToolError::Chaterr(Error::Output(err))
    }
}

/// The arguments as the tool's type, or what is wrong with them, naming the argument.
fn arguments<T: DeserializeOwned>(args: JsonObject) -> Result<T, ToolError> {
    serde_path_to_error::deserialize(Value::Object(args)).map_err(|err| {
        let path = err.path().to_string();
        // serde names the type, not what the agent should send.
        let inner = err
            .into_inner()
            .to_string()
            .replace("expected usize", "expected a whole number, 0 or more");
        ToolError::Arguments(match path.as_str() {
            // An unknown or missing argument: the message names it already.
            _ if inner.starts_with("unknown field") || path == "." => {
                format!("invalid arguments: {inner}")
            }
            _ => format!("invalid argument `{path}`: {inner}"),
        })
    })
}

/// Agents send a code as a JSON number as often as a string: both are read as its text.
fn string_or_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    text_of(Value::deserialize(deserializer)?)
}

fn optional_string_or_number<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::Null => Ok(None),
        value => text_of(value).map(Some),
    }
}

fn text_of<E: serde::de::Error>(value: Value) -> Result<String, E> {
    match value {
        Value::String(text) => Ok(text),
        Value::Number(number) => Ok(number.to_string()),
        other => Err(E::custom(format!(
            "expected a string or a number, found {other}"
        ))),
    }
}

/// The scope a `vendor` argument names; none, or an empty one, is every vendor.
fn scope(catalogue: &Catalogue, vendor: Option<&str>) -> Result<Scope, ToolError> {
    match vendor.map(str::trim).filter(|v| !v.is_empty()) {
        Some(word) => Ok(resolve_scope(catalogue, word)?),
        None => Ok(Scope::All),
    }
}

/// The editions a tool's arguments ask for, as the command line's `--lang`, `--platform` and
/// `--all-editions` would choose them.
fn editions(
    language: &Option<String>,
    platform: &Option<String>,
    all: bool,
) -> Result<Editions, ToolError> {
    let one_of = |what: &str, value: &Option<String>, values: &[&str]| match value {
        Some(v) if !values.contains(&v.as_str()) => Err(ToolError::Arguments(format!(
            "{what} {v:?} is not one of {}",
            values.join(", ")
        ))),
        _ => Ok(()),
    };
    one_of("language", language, &["en", "zh"])?;
    one_of(
        "platform",
        platform,
        &["android", "ios", "unity", "web", "server"],
    )?;
    Ok(Editions {
        language: language
            .clone()
            .unwrap_or_else(|| language_from_env().to_owned()),
        platform: platform.clone(),
        all,
    })
}

fn not_too_long(what: &str, text: &str) -> Result<(), ToolError> {
    match text.len() > MAX_QUERY {
        true => Err(ToolError::Arguments(format!(
            "the {what} is {} bytes long; at most {MAX_QUERY} are read",
            text.len()
        ))),
        false => Ok(()),
    }
}

/// What the command line writes with `--json`, parsed: the same writer, into memory.
fn json(write: impl FnOnce(&mut Output<Vec<u8>>) -> io::Result<()>) -> Result<Value, ToolError> {
    let mut out = Output::new(Vec::new(), Format::Json, false, None);
    write(&mut out)?;
    serde_json::from_slice(&out.into_inner()).map_err(|err| ToolError::from(io::Error::from(err)))
}

fn lines(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("\n")
}

fn lookup_error_code(catalogue: &Catalogue, args: LookupArgs) -> Result<Answer, ToolError> {
    not_too_long("code", &args.code)?;
    let scope = scope(catalogue, args.vendor.as_deref())?;
    let query = parse_code_query(args.code.trim()).map_err(Error::from)?;
    let filter = Filter {
        documented_only: args.documented_only,
        editions: editions(&args.language, &args.platform, args.all_editions)?,
        ..scope.clone().into()
    };
    let entries: Vec<EntryRef<'_>> = lookup(catalogue, &filter, &query)
        .into_iter()
        .map(|e| catalogue.entry_ref(e))
        .collect();
    let text = match entries.is_empty() {
        true => not_found(catalogue, &scope, &query, true),
        false => entries
            .iter()
            .map(text::card)
            .collect::<Vec<_>>()
            .join("\n\n"),
    };
    Ok(Answer {
        json: json(|out| out.lookup(catalogue, &entries))?,
        text,
    })
}

fn search_error_codes(catalogue: &Catalogue, args: SearchArgs) -> Result<Answer, ToolError> {
    not_too_long("query", &args.query)?;
    let filter = Filter {
        documented_only: args.documented_only,
        editions: editions(&args.language, &args.platform, args.all_editions)?,
        ..scope(catalogue, args.vendor.as_deref())?.into()
    };
    let options = SearchOptions {
        mode: Mode::Ranked,
        ignore_case: false,
        limit: args.limit.unwrap_or(20),
    };
    let hits = search(catalogue, &filter, &args.query, &options).map_err(Error::from)?;
    let entries: Vec<EntryRef<'_>> = hits.iter().map(|h| catalogue.entry_ref(h.entry)).collect();
    let text = match entries.is_empty() {
        true => format!("nothing matches {:?}", args.query.trim()),
        false => lines(entries.iter().map(text::line)),
    };
    Ok(Answer {
        json: json(|out| out.search(catalogue, &hits, None))?,
        text,
    })
}

fn list_error_codes(catalogue: &Catalogue, args: ListArgs) -> Result<Answer, ToolError> {
    let filter = Filter {
        documented_only: args.documented_only,
        editions: editions(&args.language, &args.platform, args.all_editions)?,
        range: args.range.as_deref().map(parse_range).transpose()?,
        category: args.category.as_deref().map(str::to_lowercase),
        ..scope(catalogue, args.vendor.as_deref())?.into()
    };
    let mut entries: Vec<EntryRef<'_>> = catalogue
        .entries_in(&filter.scope)
        .filter(|e| filter.admits(e))
        .map(|e| catalogue.entry_ref(e))
        .collect();
    let total = entries.len();
    let limit = args.limit.unwrap_or(DEFAULT_LIST_LIMIT);
    if limit > 0 {
        entries.truncate(limit);
    }
    let mut text = match entries.is_empty() {
        true => "no entries match".to_owned(),
        false => lines(entries.iter().map(text::line)),
    };
    if entries.len() < total {
        text.push_str(&format!(
            "\n… {} more of {total}: narrow with vendor, range or category, or raise limit \
             (0: no limit)",
            total - entries.len()
        ));
    }
    Ok(Answer {
        json: json(|out| out.list(&entries))?,
        text,
    })
}

fn list_sources(catalogue: &Catalogue) -> Result<Answer, ToolError> {
    let counts = catalogue.counts();
    let text = lines(
        catalogue
            .sources()
            .iter()
            .zip(&counts)
            .map(|(s, &n)| text::source(s, n)),
    );
    Ok(Answer {
        json: json(|out| out.sources(catalogue))?,
        text,
    })
}

fn explain_log(catalogue: &Catalogue, args: ExplainLogArgs) -> Result<Answer, ToolError> {
    if args.log.len() > MAX_LOG {
        return Err(ToolError::Arguments(format!(
            "the log is {:.1} MiB; explain_log reads at most {} MiB: send the lines around \
             the failure",
            args.log.len() as f64 / (1024.0 * 1024.0),
            MAX_LOG / (1024 * 1024)
        )));
    }
    let scope = scope(catalogue, args.vendor.as_deref())?;
    let mut findings = Findings {
        explainer: Explainer::new(
            catalogue,
            &scope,
            editions(&args.language, &args.platform, args.all_editions)?,
        ),
        json: Output::new(Vec::new(), Format::Json, false, None),
        text: Vec::new(),
        lines: 0,
        codes: 0,
        findings: 0,
        cut_at: None,
    };
    scan_reader(&mut args.log.as_bytes(), &mut findings)?;
    // `scan --json` writes JSON Lines, one object per finding: as a tool, they are an array.
    let json_lines = findings.json.into_inner();
    let found: Vec<Value> = serde_json::Deserializer::from_slice(&json_lines)
        .into_iter()
        .collect::<Result<_, _>>()
        .map_err(io::Error::from)?;
    let mut text = match findings.lines {
        0 => "no error codes found".to_owned(),
        n => format!(
            "{} codes on {n} lines, explained:\n{}",
            findings.codes,
            findings.text.join("\n")
        ),
    };
    if findings.lines > TEXT_LINES {
        text.push_str(&format!(
            "\n… {} more lines with codes",
            findings.lines - TEXT_LINES
        ));
    }
    if let Some(line) = findings.cut_at {
        text.push_str(&format!(
            "\nThe JSON is cut before line {line}: it holds the first {} of {} findings (at \
             most {MAX_FINDINGS}); send a smaller part of the log for the rest",
            found.len(),
            findings.findings
        ));
    }
    Ok(Answer {
        json: Value::Array(found),
        text,
    })
}

/// Collects what a scan of a log finds: the JSON `scan --json` writes (its first lines, up to
/// `MAX_FINDINGS`), and the first lines with codes as `scan -o` prints them, numbered.
struct Findings<'a> {
    explainer: Explainer<'a>,
    json: Output<Vec<u8>>,
    text: Vec<String>,
    /// Lines with codes, codes, and findings (a code and an entry explaining it), in the whole
    /// log.
    lines: usize,
    codes: usize,
    findings: usize,
    /// The line from which on the JSON has no more findings, once it holds `MAX_FINDINGS`.
    cut_at: Option<u64>,
}

impl Sink for Findings<'_> {
    fn piece(&mut self, piece: &Piece<'_>, found: Vec<Found>) -> io::Result<()> {
        let explained: Vec<Explained<'_>> = self.explainer.explain(piece, found);
        if explained.is_empty() {
            return Ok(());
        }
        let findings: usize = explained.iter().map(|e| e.entries.len()).sum();
        self.findings += findings;
        self.codes += explained.len();
        self.lines += 1;
        match self.cut_at {
            None if self.findings > MAX_FINDINGS => self.cut_at = Some(piece.line),
            None => self.json.scan_json(LOG_LABEL, piece, &explained)?,
            Some(_) => {}
        }
        if self.text.len() < TEXT_LINES {
            let mut line = Output::new(Vec::new(), Format::Plain, false, None);
            let bare = Piece {
                ending: b"",
                ..*piece
            };
            line.scan_annotated(&bare, &explained, true)?;
            let line = String::from_utf8_lossy(&line.into_inner()).into_owned();
            self.text.push(format!(
                "{}: {}",
                piece.line,
                text::cut(&line, TEXT_LINE_CHARS)
            ));
        }
        Ok(())
    }
}
