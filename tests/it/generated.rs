//! completions/ are generated from the clap definition and committed (xtask's tests check that
//! they and man/ are current): `chaterr completions SHELL` prints the committed script.

use std::fs;

use clap::ValueEnum;
use clap_complete::{Generator, Shell};

use crate::common::{chaterr, root};

#[test]
fn chaterr_completions_prints_the_committed_script() {
    for shell in Shell::value_variants() {
        let committed = fs::read(root().join("completions").join(shell.file_name("chaterr")))
            .expect("completions/ holds a script for every shell (run `cargo xtask gen`)");
        let printed = chaterr().args(["completions", &shell.to_string()]).output();
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
