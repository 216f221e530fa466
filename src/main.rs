//! The chaterr binary: parse arguments, run the command, map the outcome to an exit status.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use chaterr::cli::{Cli, ColorChoice, Format};
use chaterr::commands::{self, Outcome};
use chaterr::render::Output;

fn main() -> ExitCode {
    // The shell asking for completions (`source <(COMPLETE=bash chaterr)` set it up): answer
    // and exit.
    #[cfg(feature = "dynamic-completion")]
    if std::env::var_os("COMPLETE").is_some() {
        clap_complete::CompleteEnv::with_factory(chaterr::cli::command).complete();
    }
    let cli = parse_arguments();
    let tty = std::io::stdout().is_terminal();
    let format = match (cli.output.json, cli.output.format) {
        (true, _) => Format::Json,
        (false, Some(format)) => format,
        (false, None) if tty => Format::Table,
        (false, None) => Format::Plain,
    };
    let colour = format != Format::Json && wants_colour(cli.output.color, tty);
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or((!tty).then_some(100));
    let mut out = Output::stdout(format, colour, width);
    match commands::run(cli, &mut out) {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        Ok(Outcome::Failed) => ExitCode::from(2),
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("chaterr: error: {err}");
            ExitCode::from(2)
        }
    }
}

/// What `Cli::parse()` does, except that clap's description of the command line is not freed:
/// the process ends soon, and freeing it (every argument of every subcommand) costs a lookup
/// more than the lookup itself.
fn parse_arguments() -> Cli {
    let command = Box::leak(Box::new(Cli::command()));
    let mut matches = command.get_matches_mut();
    Cli::from_arg_matches_mut(&mut matches).unwrap_or_else(|err| err.format(command).exit())
}

/// `--color` wins; under auto, NO_COLOR (non-empty, whatever its value) turns colour off, and
/// CLICOLOR_FORCE (non-empty, not 0) turns it on.
fn wants_colour(choice: ColorChoice, tty: bool) -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let force = std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| !v.is_empty() && v != "0");
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && (force || tty),
    }
}
