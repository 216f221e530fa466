//! Issue #19, exit statuses: 0 found, 1 nothing found, 2 a usage or input error, each with one
//! clear line on stderr.

mod common;

use assert_cmd::Command;
use common::chaterr;

/// The exit status and the lines on stderr.
fn run(cmd: &mut Command) -> (i32, Vec<String>) {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines = stderr.lines().map(str::to_owned).collect();
    (out.status.code().expect("exited"), lines)
}

#[test]
fn lookup_of_an_empty_stdin_is_a_usage_error() {
    for input in ["", "   \n\t\n"] {
        let (status, lines) = run(chaterr().args(["lookup", "-"]).write_stdin(input));
        assert_eq!(status, 2, "{input:?}");
        assert_eq!(
            lines,
            ["chaterr: error: no codes on standard input (`lookup -` reads codes separated by white space)"]
        );
    }
    let (status, _) = run(chaterr().args(["lookup", "-", "-"]).write_stdin("6015"));
    assert_eq!(status, 0, "stdin is read once");
}
