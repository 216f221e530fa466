//! Completion scripts, generated from the clap definition in [`crate::cli`]: `chaterr
//! completions SHELL` prints one, and `cargo xtask gen` writes them all to completions/ (with
//! the man pages, which only xtask makes).

use clap_complete::Shell;

use crate::cli;

/// The name the scripts complete.
pub const BIN: &str = "chaterr";

/// The completion script for `shell`, as `chaterr completions SHELL` prints it.
pub fn completion(shell: Shell) -> String {
    let mut command = cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, BIN, &mut script);
    let mut script = String::from_utf8(script).expect("clap_complete writes UTF-8");
    if shell == Shell::Fish {
        script.push_str(&fish_positional_values(&command));
    }
    script
}

/// clap_complete's fish script offers option values and subcommands but not the values of
/// positional arguments (its bash and zsh scripts do), so vendors and source ids after
/// `lookup`, `list` and `diff` need lines of their own. `__fish_seen_subcommand_from` ships
/// with fish, so these lines do not depend on the generated script's internals.
fn fish_positional_values(command: &clap::Command) -> String {
    let mut lines = String::new();
    for subcommand in command.get_subcommands() {
        let mut values: Vec<String> = Vec::new();
        for value in subcommand
            .get_positionals()
            .flat_map(|arg| arg.get_possible_values())
            .filter(|value| !value.is_hide_set())
        {
            if !values.iter().any(|v| v == value.get_name()) {
                values.push(value.get_name().to_owned());
            }
        }
        if !values.is_empty() {
            lines.push_str(&format!(
                "complete -c {BIN} -n \"__fish_seen_subcommand_from {}\" -a \"{}\"\n",
                subcommand.get_name(),
                values.join(" ")
            ));
        }
    }
    lines
}
