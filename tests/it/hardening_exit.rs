//! Issue #19, exit statuses: 0 found, 1 nothing found, 2 a usage or input error, each with one
//! clear line on stderr.

use crate::common::command as chaterr;
use assert_cmd::Command;

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
            [
                "chaterr: error: no codes on standard input (`lookup -` reads codes separated by white space)"
            ]
        );
    }
    let (status, _) = run(chaterr().args(["lookup", "-", "-"]).write_stdin("6015"));
    assert_eq!(status, 0, "stdin is read once");
}

/// A catalogue file of this source and vendor, in a folder that lives as long as the test.
fn catalogue(dir: &tempfile::TempDir, name: &str, id: &str, vendor: &str) -> String {
    let path = dir.path().join(name);
    let text = format!(
        "[source]\nid = \"{id}\"\nvendor = \"{vendor}\"\n\n[[codes]]\ncode = 99\ndescription = \"Mine.\"\n"
    );
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn a_user_source_cannot_hide_a_vendor_nor_a_vendor_a_source() {
    let dir = tempfile::tempdir().unwrap();
    for (id, vendor, expected) in [
        (
            "agora",
            "agora",
            "source id \"agora\" is the key of vendor \"agora\"",
        ),
        (
            "zego",
            "tencent",
            "source id \"zego\" is the key of vendor \"zego\"",
        ),
        (
            "mine",
            "zego-zim",
            "vendor \"zego-zim\" is the id of source \"zego-zim\"",
        ),
        (
            "mine",
            "zim",
            "vendor \"zim\" is another name of vendor \"zego\"",
        ),
        (
            "easemob",
            "mine",
            "source id \"easemob\" is another name of vendor \"agora\"",
        ),
    ] {
        let file = catalogue(&dir, "clash.toml", id, vendor);
        let (status, lines) = run(chaterr().args(["check", &file]));
        assert_eq!(status, 1, "{id} {vendor}: {lines:?}");
        assert!(lines.is_empty() || lines.len() == 1, "{lines:?}");
        let out = chaterr().args(["check", &file]).output().unwrap();
        assert!(String::from_utf8_lossy(&out.stdout).contains(expected));

        let (status, lines) = run(chaterr().args(["--catalog", &file, "lookup", "agora", "201"]));
        assert_eq!(status, 2, "{id} {vendor}");
        assert_eq!(lines.len(), 1);
        assert!(lines[0].contains(expected), "{lines:?}");
    }
}

#[test]
fn the_vendors_own_first_source_may_share_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let one = catalogue(&dir, "one.toml", "mine", "mine");
    let two = catalogue(&dir, "two.toml", "mine-2", "mine");
    chaterr().args(["check", &one, &two]).assert().success();
    let out = chaterr()
        .args([
            "--catalog",
            &one,
            "--catalog",
            &two,
            "list",
            "mine",
            "--all-editions",
            "--format",
            "plain",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        2,
        "the word names the vendor: {stdout}"
    );
}

#[test]
fn a_query_of_common_words_says_so() {
    for query in ["of", "is in", "the"] {
        let (status, lines) = run(chaterr().args(["search", query]));
        assert_eq!(status, 1, "{query}");
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(lines[0].contains("only common words"), "{lines:?}");
    }
    chaterr().args(["search", "-F", "of"]).assert().success();
    // "the" finds nothing by prefix ("there") or loosely ("THREAD_…").
    let out = chaterr()
        .args(["search", "the", "--json"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
}

#[test]
fn an_empty_category_is_no_filter() {
    let lines = |args: &[&str]| {
        let out = chaterr().args(args).output().unwrap();
        String::from_utf8_lossy(&out.stdout).lines().count()
    };
    assert_eq!(lines(&["list", "--category", ""]), lines(&["list"]));
    assert_eq!(
        lines(&["list", "zego", "--category", " "]),
        lines(&["list", "zego"])
    );
}

#[test]
fn color_always_colours_plain_output_and_auto_does_not() {
    let out = chaterr()
        .args(["lookup", "6015", "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("\x1b["));
    let out = chaterr().args(["lookup", "6015"]).output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
    let out = chaterr()
        .args(["diff", "tencent-im", "tencent-chat", "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("\x1b["));
}

#[test]
fn every_search_mode_reads_the_sdks_comments() {
    // Tencent's SDK comments are Chinese: "未登录" (not logged in) is in 6014's, not its text.
    for mode in [&["-F"][..], &["-e"], &[]] {
        let out = chaterr()
            .arg("search")
            .args(mode)
            .args(["未登录", "--json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{mode:?}");
        let codes = crate::common::ids(&serde_json::from_slice(&out.stdout).unwrap());
        // Ranked search shows the two editions' near-identical rows of 6014 as one hit.
        assert!(
            ["tencent-im", "tencent-chat"]
                .iter()
                .any(|source| codes.contains(&crate::common::id(source, 6014))),
            "{mode:?}: {codes:?}"
        );
    }
}

#[test]
fn check_of_a_folder_with_nothing_to_check_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let (status, lines) = run(chaterr().arg("check").arg(dir.path()));
    assert_eq!(status, 2);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("chaterr: error: no catalogue files (*.toml) in "),
        "{lines:?}"
    );
}
