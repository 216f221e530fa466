//! Issue #19, paths: whatever a user names as a catalogue (a named pipe, a device, a broken
//! link, an empty entry of CHATERR_CATALOG) gets one clear line and exit status 2, never a hang.

use std::path::{Path, PathBuf};
use std::process::Command as Std;
use std::time::Duration;

use assert_cmd::Command;
use tempfile::TempDir;

/// chaterr with its own empty config folder, in `dir`; the timeout only turns a hang into a
/// failure.
fn chaterr(dir: &Path) -> Command {
    let mut cmd = crate::common::command();
    cmd.current_dir(dir)
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .timeout(Duration::from_secs(20));
    cmd
}

fn fifo(dir: &TempDir, name: &str) -> PathBuf {
    let path = dir.path().join(name);
    assert!(Std::new("mkfifo").arg(&path).status().unwrap().success());
    path
}

/// Exit status 2 with exactly one line on stderr, which says `expected`.
fn refused(cmd: &mut Command, expected: &str) {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("chaterr: error: "), "{stderr}");
    assert!(stderr.contains(expected), "{stderr}");
}

#[test]
fn a_named_pipe_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(&dir, "f.toml");
    let pipe = pipe.to_str().unwrap();
    let named_pipe = "not a regular file (a named pipe)";
    refused(
        chaterr(dir.path()).args(["--catalog", pipe, "lookup", "6015"]),
        named_pipe,
    );
    refused(chaterr(dir.path()).args(["check", pipe]), named_pipe);
    refused(chaterr(dir.path()).args(["diff", pipe, "zego"]), named_pipe);
    refused(
        chaterr(dir.path())
            .env("CHATERR_CATALOG", pipe)
            .args(["lookup", "6015"]),
        named_pipe,
    );
}

#[test]
fn a_named_pipe_in_the_config_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config/chaterr/codes")).unwrap();
    fifo(&dir, "config/chaterr/codes/mine.toml");
    refused(
        chaterr(dir.path()).args(["lookup", "6015"]),
        "--no-user-catalog",
    );
}

#[test]
fn devices_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for device in ["/dev/zero", "/dev/urandom"] {
        refused(
            chaterr(dir.path()).args(["--catalog", device, "lookup", "6015"]),
            "not a regular file (a device)",
        );
        refused(chaterr(dir.path()).args(["check", device]), "a device");
    }
}

#[test]
fn a_catalogue_file_over_64_mib_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(65 << 20).unwrap();
    let big = big.to_str().unwrap();
    refused(
        chaterr(dir.path()).args(["--catalog", big, "lookup", "6015"]),
        "larger than 64 MiB",
    );
    refused(
        chaterr(dir.path()).args(["check", big]),
        "larger than 64 MiB",
    );
}

#[test]
fn empty_entries_of_chaterr_catalog_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x.toml"),
        "[source]\nid = \"mine\"\nvendor = \"mine\"\n[[codes]]\ncode = 424242\ndescription = \"Mine.\"\n",
    )
    .unwrap();
    for value in [":", "::", ":x.toml", "x.toml:"] {
        let expected = if value.contains('x') { 0 } else { 1 };
        chaterr(dir.path())
            .env("CHATERR_CATALOG", value)
            .args(["lookup", "424242"])
            .assert()
            .code(expected);
    }
}

#[test]
fn errors_from_chaterr_catalog_say_how_to_bypass_it() {
    let dir = tempfile::tempdir().unwrap();
    refused(
        chaterr(dir.path())
            .env("CHATERR_CATALOG", "missing.toml")
            .args(["lookup", "6015"]),
        "--no-user-catalog",
    );
    refused(
        chaterr(dir.path()).args(["--catalog", "missing.toml", "lookup", "6015"]),
        "leave out its --catalog",
    );
}

#[test]
#[cfg(unix)]
fn a_broken_link_in_the_config_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let codes = dir.path().join("config/chaterr/codes");
    std::fs::create_dir_all(&codes).unwrap();
    std::os::unix::fs::symlink("/nonexistent/target.toml", codes.join("dangling.toml")).unwrap();
    refused(
        chaterr(dir.path()).args(["lookup", "6015"]),
        "dangling.toml",
    );
    std::fs::remove_file(codes.join("dangling.toml")).unwrap();
    std::os::unix::fs::symlink("loop.toml", codes.join("loop.toml")).unwrap();
    refused(chaterr(dir.path()).args(["lookup", "6015"]), "loop.toml");
}

#[test]
fn a_folder_named_like_a_catalogue_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("config/chaterr/codes/old.toml")).unwrap();
    chaterr(dir.path())
        .args(["lookup", "6015"])
        .assert()
        .success();
}

#[test]
fn scan_still_reads_a_named_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(&dir, "log");
    let writer = std::thread::spawn({
        let pipe = pipe.clone();
        move || std::fs::write(pipe, "login failed, errorCode: 6000103\n").unwrap()
    });
    chaterr(dir.path())
        .args(["scan", "-o"])
        .arg(&pipe)
        .assert()
        .success()
        .stdout(predicates::str::contains("Token is invalid"));
    writer.join().unwrap();
}

#[test]
fn scan_of_a_named_pipe_streams_as_it_is_written() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let pipe = fifo(&dir, "log");
    let mut child = Std::new(crate::common::binary())
        .args(["scan", "-o"])
        .arg(&pipe)
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // Like `chaterr scan <(tail -f app.log)`: a line, then silence. A regular file's output
    // waits for a full buffer; a pipe's finding must arrive before its input ends.
    // Should the finding never come, the scan is stopped after 20 s: a failure, not a hang.
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watchdog = std::thread::spawn({
        let (done, pid) = (done.clone(), child.id().to_string());
        move || {
            for _ in 0..200 {
                if done.load(std::sync::atomic::Ordering::SeqCst) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            let _ = Std::new("kill").arg(&pid).status();
        }
    });
    let mut writer = std::fs::OpenOptions::new().write(true).open(&pipe).unwrap();
    writer
        .write_all(b"E/EMClient: EMError code: 201\n")
        .unwrap();
    writer.flush().unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    done.store(true, std::sync::atomic::Ordering::SeqCst);
    assert!(
        first.starts_with("E/EMClient: EMError code: 201 [agora:"),
        "{first}"
    );
    drop(writer);
    assert!(child.wait().unwrap().success());
    watchdog.join().unwrap();
}

#[test]
fn control_characters_in_a_path_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a\nb\x1b[31m.toml";
    let expected = r"a\nb\u{1b}[31m.toml";
    for args in [
        &["check", name][..],
        &["scan", name],
        &["--catalog", name, "list"],
    ] {
        let out = chaterr(dir.path()).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(expected), "{stderr}");
        assert!(!stderr.contains('\x1b'), "{stderr}");
    }
    // In check's report on stdout too.
    std::fs::write(dir.path().join(name), "[source]\nid = 1\n").unwrap();
    let out = chaterr(dir.path()).args(["check", name]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with(expected), "{stdout}");
    assert!(!stdout.contains('\x1b'), "{stdout}");
}

#[test]
fn a_folder_as_standard_input_is_named_so() {
    let dir = tempfile::tempdir().unwrap();
    for (args, expected) in [
        (
            &["scan"][..],
            "chaterr: error: cannot read standard input: ",
        ),
        (
            &["lookup", "-"],
            "chaterr: error: cannot read standard input: ",
        ),
    ] {
        let out = Std::new(assert_cmd::cargo::cargo_bin("chaterr"))
            .args(args)
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .env_remove("CHATERR_CATALOG")
            .stdin(std::fs::File::open(dir.path()).unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with(expected), "{stderr}");
        assert_eq!(stderr.lines().count(), 1);
    }
}
