//! The chaterr binary: parse arguments, run the command, map the outcome to an exit status.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use chaterr::cli::{Cli, ColorChoice, Format};
use chaterr::commands::{self, Outcome};
use chaterr::error::report;
use chaterr::render::Output;

fn main() -> ExitCode {
    // The shell asking for completions (`source <(COMPLETE=bash chaterr)` set it up): answer
    // and exit.
    #[cfg(feature = "dynamic-completion")]
    if std::env::var_os("COMPLETE").is_some() {
        let env = clap_complete::CompleteEnv::with_factory(chaterr::cli::command);
        let dir = std::env::current_dir().ok();
        match env.try_complete(std::env::args_os(), dir.as_deref()) {
            Ok(true) => return ExitCode::SUCCESS,
            Ok(false) => {}
            Err(err) => return completion_failed(&err),
        }
    }
    if let Err(status) = standard_streams() {
        return status;
    }
    let cli = match parse_arguments() {
        Ok(cli) => cli,
        Err(status) => return status,
    };
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
        // COLUMNS=0 is a width not known, as a terminal reporting 0×0.
        .filter(|&columns: &u16| columns > 0)
        .or((!tty).then_some(100));
    let mut out = Output::stdout(format, colour, width);
    match commands::run(cli, &mut out) {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NothingFound) => ExitCode::from(1),
        Ok(Outcome::Failed) => ExitCode::from(2),
        // Whatever is left of a closed pipe: the status of a program SIGPIPE ended.
        Err(err) if err.is_broken_pipe() => ExitCode::from(141),
        Err(err) => {
            report(format_args!("error: {err}"));
            ExitCode::from(2)
        }
    }
}

/// A stdout the caller closed (`>&-`) is an error, as it is for coreutils: the output would be
/// lost. `>/dev/null`, and the /dev/null that Python's `subprocess.DEVNULL` or Node's
/// `stdio: "ignore"` opens read-write, are not: the caller wants the exit status alone.
fn standard_streams() -> Result<(), ExitCode> {
    if closed_stdout::at_start() {
        report("error: cannot write output: standard output is closed");
        return Err(ExitCode::from(2));
    }
    Ok(())
}

/// Whether standard output was closed when the process started. Rust's runtime opens /dev/null
/// in place of a closed standard stream before `main`, so the descriptor is looked at earlier:
/// by a function the loader runs before the runtime starts (an ELF `.init_array` entry).
#[cfg(target_os = "linux")]
mod closed_stdout {
    use std::sync::atomic::{AtomicBool, Ordering};

    static CLOSED: AtomicBool = AtomicBool::new(false);

    const STDOUT: i32 = 1;
    const F_GETFD: i32 = 1;

    unsafe extern "C" {
        fn fcntl(fd: i32, cmd: i32, ...) -> i32;
    }

    extern "C" fn look() {
        // SAFETY: F_GETFD reads the descriptor's flags and changes nothing; on a descriptor that
        // is not open it fails with EBADF.
        if unsafe { fcntl(STDOUT, F_GETFD) } == -1 {
            CLOSED.store(true, Ordering::Relaxed);
        }
    }

    #[used]
    // SAFETY: an `extern "C" fn()` taking no arguments is what `.init_array` holds; `look` only
    // calls fcntl and stores to an atomic, which need nothing initialised.
    #[unsafe(link_section = ".init_array")]
    static LOOK: extern "C" fn() = look;

    pub fn at_start() -> bool {
        CLOSED.load(Ordering::Relaxed)
    }
}

/// Elsewhere the runtime's /dev/null cannot be told from the caller's: output is written there.
#[cfg(not(target_os = "linux"))]
mod closed_stdout {
    pub fn at_start() -> bool {
        false
    }
}

/// What `Cli::parse()` does, except that clap's description of the command line is not freed:
/// the process ends soon, and freeing it (every argument of every subcommand) costs a lookup
/// more than the lookup itself. Help, version and usage errors end here, with clap's status.
fn parse_arguments() -> Result<Cli, ExitCode> {
    let command = Box::leak(Box::new(Cli::command()));
    command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|mut matches| Cli::from_arg_matches_mut(&mut matches))
        .map_err(|err| clap_exit(&err.format(command)))
}

/// Prints clap's help, version or usage error. Help or version that cannot be written (a full
/// disk, a closed stdout) fails as coreutils' do; a usage error stays one, stderr or not.
fn clap_exit(err: &clap::Error) -> ExitCode {
    let printed = err.print().and_then(|()| std::io::stdout().flush());
    match printed {
        Err(error) if !err.use_stderr() && error.kind() != std::io::ErrorKind::BrokenPipe => {
            report(format_args!("error: cannot write output: {error}"));
            ExitCode::from(2)
        }
        _ => ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2)),
    }
}

/// clap_complete's error (an unknown shell, a full disk) as one line of ours; a closed pipe is
/// the shell no longer listening.
#[cfg(feature = "dynamic-completion")]
fn completion_failed(err: &clap::Error) -> ExitCode {
    use std::error::Error as _;
    let io = err
        .source()
        .and_then(|e| e.downcast_ref::<std::io::Error>());
    if io.is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
        return ExitCode::SUCCESS;
    }
    let message = err.to_string();
    let message = message.trim().trim_start_matches("error: ");
    report(format_args!("error: completion failed: {message}"));
    ExitCode::from(2)
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
