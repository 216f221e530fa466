//! The binary as the integration tests run it: output independent of the terminal, the
//! environment and the user's own catalogues; reading what it prints; and a generated user
//! catalogue (benches/catalogue.rs includes this module for it too).

// Each test crate includes this module and uses part of it.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;

pub fn chaterr() -> Command {
    let mut cmd = Command::cargo_bin("chaterr").unwrap();
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CHATERR_CATALOG")
        .env("XDG_CONFIG_HOME", "/nonexistent/chaterr-tests")
        .env("COLUMNS", "100");
    cmd
}

/// What the command prints on stdout, whatever its exit status.
pub fn stdout_of(args: &[&str]) -> String {
    let out = chaterr().args(args).output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// What the command prints on stdout with `--json`, parsed.
pub fn json_of(args: &[&str]) -> Value {
    let mut args = args.to_vec();
    args.push("--json");
    serde_json::from_str(&stdout_of(&args)).unwrap()
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

/// (source, code) of each entry the command prints with `--json`.
pub fn ids_of(args: &[&str]) -> Vec<(String, i64)> {
    ids(&json_of(args))
}

pub fn id(source: &str, code: i64) -> (String, i64) {
    (source.to_owned(), code)
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
