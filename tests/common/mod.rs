//! The binary as the integration tests run it: `TestCommand`, whose output is independent of the
//! terminal, the environment and the user's own catalogues; a `Sandbox` for the tests that write
//! catalogues of their own; the catalogue's expected counts; and a generated user catalogue
//! (benches/catalogue.rs includes this module for it too).

// The benchmark includes this module and uses only part of it.
#![allow(dead_code)]

pub mod counts;

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::assert::Assert;
use serde_json::Value;
use tempfile::TempDir;

/// The repository's root, where `codes/`, `completions/` and `tests/logs/` are.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The path of the binary under test, for the tests that run it through another program.
pub fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_chaterr")
}

/// A home and config dir where no file is: chaterr finds no user catalogue there.
const NOWHERE: &str = "/nonexistent/chaterr-tests";

/// `chaterr` as a test runs it: no terminal, 100 columns, no colour variables, an empty home and
/// config dir, no CHATERR_CATALOG.
pub struct TestCommand {
    cmd: assert_cmd::Command,
    args: Vec<String>,
}

/// A new `TestCommand`.
pub fn chaterr() -> TestCommand {
    TestCommand {
        cmd: command(),
        args: Vec::new(),
    }
}

/// The same, as assert_cmd's own command: for the tests that need its whole interface
/// (timeouts, raw output).
pub fn command() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("chaterr").unwrap();
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CHATERR_CATALOG")
        .env_remove("COMPLETE")
        .env_remove("CHATERR_RANKING")
        // The reader's language comes from the locale: the tests read English unless they ask.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("HOME", format!("{NOWHERE}/home"))
        .env("XDG_CONFIG_HOME", format!("{NOWHERE}/config"))
        // Users' entries' vectors are cached there: nowhere, unless a test gives a folder.
        .env("XDG_CACHE_HOME", format!("{NOWHERE}/cache"))
        .env("COLUMNS", "100");
    cmd
}

impl TestCommand {
    pub fn arg(&mut self, arg: impl AsRef<OsStr>) -> &mut Self {
        self.args.push(arg.as_ref().to_string_lossy().into_owned());
        self.cmd.arg(arg);
        self
    }

    pub fn args<I, S>(&mut self, args: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for arg in args {
            self.arg(arg);
        }
        self
    }

    pub fn env(&mut self, key: &str, value: impl AsRef<OsStr>) -> &mut Self {
        self.cmd.env(key, value);
        self
    }

    /// The user catalogues of a config dir: `DIR/chaterr/codes/*.toml`.
    pub fn config_dir(&mut self, dir: &Path) -> &mut Self {
        self.env("XDG_CONFIG_HOME", dir)
    }

    pub fn current_dir(&mut self, dir: &Path) -> &mut Self {
        self.cmd.current_dir(dir);
        self
    }

    pub fn stdin(&mut self, input: impl Into<Vec<u8>>) -> &mut Self {
        self.cmd.write_stdin(input.into());
        self
    }

    pub fn output(&mut self) -> Output {
        self.cmd.output().unwrap()
    }

    pub fn assert(&mut self) -> Assert {
        self.cmd.assert()
    }

    /// What it prints on stdout, whatever its exit status.
    pub fn stdout(&mut self) -> String {
        String::from_utf8(self.output().stdout).unwrap()
    }

    /// What it prints on stdout with `--json`, which must be JSON, as text: for a snapshot.
    pub fn json_text(&mut self) -> String {
        self.arg("--json");
        let out = self.output();
        let args = &self.args;
        assert!(
            out.status.code() != Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        if let Err(err) = serde_json::from_str::<Value>(&text) {
            panic!("{args:?} printed no JSON ({err}):\n{text}");
        }
        text
    }

    /// What it prints on stdout with `--json`, parsed.
    pub fn json(&mut self) -> Value {
        serde_json::from_str(&self.json_text()).unwrap()
    }

    /// The one line a failing command prints on stderr; it must exit with `status` and print
    /// nothing on stdout (a "nothing found" lookup, status 1, may print an empty JSON list).
    pub fn error_line(&mut self, status: i32) -> String {
        let out = self.output();
        let args = &self.args;
        assert_eq!(out.status.code(), Some(status), "{args:?}");
        assert!(
            out.stdout.is_empty() || status == 1,
            "{args:?} printed on stdout"
        );
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        stderr
    }
}

/// What `chaterr ARGS` prints on stdout, whatever its exit status.
pub fn stdout_of(args: &[&str]) -> String {
    chaterr().args(args).stdout()
}

/// What `chaterr ARGS --json` prints, parsed.
pub fn json_of(args: &[&str]) -> Value {
    chaterr().args(args).json()
}

/// What `chaterr ARGS --json` prints, as text, checked to be JSON.
pub fn json_text_of(args: &[&str]) -> String {
    chaterr().args(args).json_text()
}

/// The one line of `chaterr ARGS` on stderr, which must exit with `status`.
pub fn error_line(args: &[&str], status: i32) -> String {
    chaterr().args(args).error_line(status)
}

/// (source, code) of each entry of a JSON array.
pub fn ids(value: &Value) -> Vec<(String, i64)> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["source"].as_str().unwrap().to_owned(),
                e["code"].as_i64().unwrap(),
            )
        })
        .collect()
}

/// The string `key` of each element of a JSON array that has one (`concept`, `vendor`).
pub fn strings<'v>(value: &'v Value, key: &str) -> Vec<&'v str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e[key].as_str())
        .collect()
}

/// (source, code) of each entry the command prints with `--json`.
pub fn ids_of(args: &[&str]) -> Vec<(String, i64)> {
    ids(&json_of(args))
}

pub fn id(source: &str, code: i64) -> (String, i64) {
    (source.to_owned(), code)
}

/// A folder of a test's own: user catalogues, a config dir, files to read.
pub struct Sandbox {
    dir: TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        Sandbox {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `chaterr` with this sandbox's config dir (empty until `config_codes` fills it).
    pub fn chaterr(&self) -> TestCommand {
        let mut cmd = chaterr();
        cmd.config_dir(&self.path().join("config"));
        cmd
    }

    /// The folder of user catalogues in the config dir, created.
    pub fn config_codes(&self) -> PathBuf {
        let dir = self.path().join("config/chaterr/codes");
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// Writes `text` at `relative`, creating its folders.
    pub fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.path().join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, text).unwrap();
        path
    }

    /// What the command prints with `--json`, parsed.
    pub fn json(&self, args: &[&str]) -> Value {
        self.chaterr().args(args).json()
    }
}

/// A generated catalogue of `n` entries, as a team with a big backend might write one.
pub fn generated_catalogue(n: usize) -> String {
    let mut text =
        String::from("[source]\nid = \"big-backend\"\nvendor = \"bigco\"\ntitle = \"Generated\"\n");
    for i in 0..n {
        text.push_str(&format!(
            "\n[[codes]]\ncode = {}\nname = \"BIG_ERROR_{i}\"\ncategory = \"Group {}\"\ndescription = \"Backend failure number {i}: the shard {} rejected the request.\"\n",
            10_000_000 + i,
            i % 100,
            i % 977
        ));
    }
    text
}
