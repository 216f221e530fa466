//! completions/ are generated from the clap definition and committed (xtask's tests check that
//! they are current): `chaterr completions SHELL` prints the same script.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use clap::ValueEnum;
use clap_complete::{Generator, Shell};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn chaterr_completions_prints_the_committed_script() {
    for shell in Shell::value_variants() {
        let committed = fs::read(root().join("completions").join(shell.file_name("chaterr")))
            .expect("completions/ holds a script for every shell (run `cargo xtask gen`)");
        let printed = Command::cargo_bin("chaterr")
            .unwrap()
            .args(["completions", &shell.to_string()])
            .output()
            .unwrap();
        assert!(
            printed.status.success(),
            "chaterr completions {shell} failed"
        );
        assert!(
            printed.stdout == committed,
            "`chaterr completions {shell}` differs from completions/{}",
            shell.file_name("chaterr")
        );
    }
}
