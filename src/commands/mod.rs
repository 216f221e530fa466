//! One module per subcommand, each a function from its arguments to an outcome.

use std::io::Write;

use crate::catalogue::user::{self, Locations};
use crate::catalogue::{Catalogue, Scope};
use crate::cli::{Cli, Command};
use crate::error::Error;
use crate::render::Output;

mod check;
mod concepts;
mod diff;
mod r#gen;
mod list;
mod lookup;
mod mcp;
mod scan;
mod search;

/// How a command ended: the exit status follows from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0: found (diff: the same; check: no problems).
    Found,
    /// Exit 1: nothing found (diff: they differ; check: problems found).
    NothingFound,
    /// Exit 2, the reason already reported (check: a path could not be read).
    Failed,
}

impl Outcome {
    pub fn from_found(found: bool) -> Self {
        if found {
            Outcome::Found
        } else {
            Outcome::NothingFound
        }
    }
}

/// Runs the command; the catalogue (embedded plus users') is read only by commands that need it,
/// so `check` and `completions` work while a user's catalogue is broken.
pub fn run(cli: Cli, out: &mut Output) -> Result<Outcome, Error> {
    let locations = Locations::from_env(cli.catalogue.catalog, cli.catalogue.no_user_catalog);
    // A catalogue of users' files can hold 100,000 entries; the process is about to end, so
    // leave freeing them to the operating system rather than walk them one by one.
    let load = || user::load(&locations).map(|c| &*Box::leak(Box::new(c)));
    let outcome = match cli.command {
        Command::Lookup(args) => lookup::run(load()?, out, args)?,
        Command::Search(args) => search::run(load()?, out, args)?,
        Command::List(args) => list::run(load()?, out, args)?,
        Command::Sources => {
            out.sources(load()?)?;
            Outcome::Found
        }
        Command::Diff(args) => diff::run(load()?, out, args)?,
        Command::Scan(args) => scan::run(load()?, out, args)?,
        Command::Concepts(args) => concepts::run(load()?, out, args)?,
        Command::Check(args) => check::run(out, args)?,
        Command::Gen(args) => r#gen::run(load()?, args)?,
        // Owned, not leaked: the server's calls share it across the runtime's threads.
        Command::Mcp => mcp::run(|| user::load(&locations))?,
        Command::Completions(args) => {
            let script = crate::generate::completion(args.shell);
            match std::io::stdout().lock().write_all(script.as_bytes()) {
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => {}
                written => written?,
            }
            Outcome::Found
        }
    };
    out.flush()?;
    Ok(outcome)
}

/// Resolves a vendor or source word, or says which vendor was probably meant.
pub(crate) fn resolve_scope(catalogue: &Catalogue, word: &str) -> Result<Scope, Error> {
    catalogue.scope(word).ok_or_else(|| Error::UnknownVendor {
        word: word.to_owned(),
        suggestion: catalogue.suggest_scope(word),
        known: catalogue.vendors().iter().map(|v| v.to_string()).collect(),
    })
}

/// A readable name for a scope, for messages: "zego", "tencent-im", "any vendor".
pub(crate) fn scope_label(catalogue: &Catalogue, scope: &Scope) -> String {
    match scope {
        Scope::All => "any vendor".to_owned(),
        Scope::Vendor(key) => key.to_string(),
        Scope::Source(index) => catalogue.sources()[*index].id.to_string(),
    }
}
