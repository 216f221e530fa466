//! Issue #19, sizes: an input too big is refused at a documented size, and what scales with the
//! input (problems in a file, the length of a word) does not scale worse than linearly.

mod common;

use common::chaterr;

#[test]
fn lookup_reads_at_most_1_mib_of_stdin() {
    let out = chaterr()
        .args(["lookup", "-"])
        .write_stdin("6015 ".repeat(300_000))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "chaterr: error: cannot read standard input: more than 1 MiB, the most `lookup -` reads\n"
    );
    chaterr()
        .args(["lookup", "-"])
        .write_stdin("6015 ".repeat(1000))
        .assert()
        .success();
}
