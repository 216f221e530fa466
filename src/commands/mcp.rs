//! `chaterr mcp`: the catalogue as tools for coding agents, served over MCP (the Model Context
//! Protocol) on standard input and output. The async runtime starts here and nowhere else.

use crate::catalogue::Catalogue;
use crate::commands::Outcome;
use crate::error::Error;

#[cfg(feature = "mcp")]
mod server;
#[cfg(feature = "mcp")]
mod text;
#[cfg(feature = "mcp")]
mod tools;

/// Serves until the client closes standard input, then ends with status 0. The catalogue
/// (embedded and users') is loaded as for every other command.
#[cfg(feature = "mcp")]
pub fn run(load: impl FnOnce() -> Result<Catalogue, Error>) -> Result<Outcome, Error> {
    let catalogue = load()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let served = runtime.block_on(server::serve(catalogue));
    // Nothing is left to wait for: the input is closed.
    runtime.shutdown_background();
    served?;
    Ok(Outcome::Found)
}

/// Built without the `mcp` feature: say so.
#[cfg(not(feature = "mcp"))]
pub fn run(_load: impl FnOnce() -> Result<Catalogue, Error>) -> Result<Outcome, Error> {
    crate::error::report(
        "error: this chaterr was built without the `mcp` feature (help: build it with the \
         default features, or `--features mcp`)",
    );
    Ok(Outcome::Failed)
}
