//! Issue #19, streams: a closed pipe keeps the exit status, a stderr that cannot be written is
//! no panic, a stdout the caller closed is an error (and /dev/null, however opened, is none).

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use crate::common::command as chaterr;

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("chaterr")
}

/// The command under `sh`, with the redirections given (`2>/dev/full`, `>&-`, `| head -c1`).
fn shell(script: &str) -> Output {
    let output = Command::new("bash")
        .arg("-c")
        .arg(format!("set -o pipefail; {script}"))
        .env("CHATERR", binary())
        .env_remove("CHATERR_CATALOG")
        .env("XDG_CONFIG_HOME", "/nonexistent/chaterr-tests")
        .env("HOME", "/nonexistent/chaterr-tests")
        .env("COLUMNS", "100")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    output
}

fn status(script: &str) -> i32 {
    shell(script).status.code().expect("exited, not killed")
}

/// A file with thousands of problems: its report is far bigger than a pipe's buffer.
fn bad_catalogue() -> tempfile::NamedTempFile {
    let mut text = String::from("[source]\nid = \"x\"\nvendor = \"x\"\n");
    for _ in 0..3000 {
        text.push_str("[[codes]]\ncode = 1\n");
    }
    let file = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    std::fs::write(file.path(), text).unwrap();
    file
}

#[test]
fn a_closed_pipe_keeps_nothing_found() {
    assert_eq!(
        status(r#""$CHATERR" diff tencent-im tencent-chat | head -c1 >/dev/null"#),
        1
    );
    let bad = bad_catalogue();
    let script = format!(
        r#""$CHATERR" check {} | head -c1 >/dev/null"#,
        bad.path().display()
    );
    assert_eq!(status(&script), 1);
    assert_eq!(
        status(r#"seq 6000 9000 | "$CHATERR" lookup - 2>/dev/null | head -c1 >/dev/null"#),
        1
    );
}

#[test]
fn a_closed_pipe_ends_a_scan_with_what_it_found() {
    let found = r#"yes code=6015 | head -200000 > "$TMPDIR/f.log"; "$CHATERR" scan "$TMPDIR/f.log" | head -c1 >/dev/null"#;
    let none = r#"yes nothing | head -200000 > "$TMPDIR/g.log"; "$CHATERR" scan "$TMPDIR/g.log" | head -c1 >/dev/null"#;
    let dir = tempfile::tempdir().unwrap();
    let with_dir = |s: &str| s.replace("$TMPDIR", &dir.path().display().to_string());
    assert_eq!(status(&with_dir(found)), 0);
    assert_eq!(status(&with_dir(none)), 1);
}

#[test]
fn an_unwritable_stderr_is_no_panic() {
    let good = tempfile::Builder::new().suffix(".toml").tempfile().unwrap();
    std::fs::write(good.path(), "[source]\nid = \"mine\"\nvendor = \"mine\"\n").unwrap();
    for (args, expected) in [
        ("lookup 1e9".to_owned(), 2),
        ("lookup 999999".to_owned(), 1),
        ("scan /nonexistent/nope.log".to_owned(), 2),
        (format!("check {}", good.path().display()), 0),
        ("list --category nothing-at-all".to_owned(), 1),
        ("search qqqqzzzzxxxx".to_owned(), 1),
        ("concepts qqqqzzzzxxxx".to_owned(), 1),
        ("gen rust qqqqzzzz".to_owned(), 2),
    ] {
        let script = format!(r#""$CHATERR" {args} >/dev/null 2>/dev/full"#);
        assert_eq!(status(&script), expected, "{args}");
    }
}

#[test]
fn help_and_version_that_cannot_be_written_fail() {
    for flag in ["--help", "--version", "lookup --help"] {
        let out = shell(&format!(r#""$CHATERR" {flag} >/dev/full"#));
        assert_eq!(out.status.code(), Some(2), "{flag}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with("chaterr: error: cannot write output"),
            "{stderr}"
        );
    }
    assert_eq!(status(r#""$CHATERR" --help | head -c1 >/dev/null"#), 0);
}

#[test]
fn a_closed_stdout_is_an_error() {
    let out = shell(r#""$CHATERR" lookup 6015 >&-"#);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "chaterr: error: cannot write output: standard output is closed\n"
    );
    assert_eq!(status(r#""$CHATERR" lookup 6015 >/dev/null"#), 0);
    // /dev/null opened read-write, as Python's subprocess.DEVNULL and Node's stdio "ignore"
    // open it (and as Rust's runtime opens it in place of a closed stdout): the caller wants
    // the exit status alone.
    for (args, code) in [(&["lookup", "6015"][..], 0), (&["lookup", "999999"][..], 1)] {
        let null = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/null")
            .unwrap();
        let out = Command::new(binary())
            .args(args)
            .arg("--no-user-catalog")
            .env_remove("CHATERR_CATALOG")
            .stdin(Stdio::null())
            .stdout(null)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("cannot write"), "{args:?}: {stderr}");
    }
}

#[test]
fn a_full_stdout_is_an_error() {
    chaterr().args(["list"]).assert().success();
    let out = shell(r#""$CHATERR" list >/dev/full"#);
    assert_eq!(out.status.code(), Some(2));
}

/// The MCP server that cannot write its answer says so as every command does, in one line of
/// ours (not the transport's words, which name its Rust types).
#[test]
#[cfg(feature = "mcp")]
fn the_mcp_server_with_a_full_stdout_says_it_cannot_write() {
    let initialize = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}"#;
    let out = shell(&format!(
        r#"echo '{initialize}' | "$CHATERR" mcp >/dev/full"#
    ));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("chaterr: error: cannot write output: "),
        "{stderr}"
    );
    assert!(!stderr.contains("rmcp"), "{stderr}");
}

#[test]
#[cfg(feature = "dynamic-completion")]
fn completion_errors_are_one_line_of_ours() {
    let full = shell(
        r#"COMPLETE=bash _CLAP_COMPLETE_INDEX=2 _CLAP_COMPLETE_COMP_TYPE=9 "$CHATERR" -- chaterr lookup 60001 >/dev/full"#,
    );
    let unknown = shell(r#"COMPLETE=nosuchshell "$CHATERR""#);
    for out in [full, unknown] {
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with("chaterr: error: completion failed: "),
            "{stderr}"
        );
        assert!(
            stderr.ends_with('\n') && stderr.lines().count() == 1,
            "{stderr:?}"
        );
    }
}
