//! Issue #19, sizes: an input too big is refused at a documented size, and what scales with the
//! input (problems in a file, the length of a word) does not scale worse than linearly.

use crate::common::command as chaterr;

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

/// A catalogue with one entry whose name and description are each one unbroken word.
fn long_words(dir: &tempfile::TempDir, chars: usize) -> String {
    let path = dir.path().join("long.toml");
    let text = format!(
        "[source]\nid = \"big\"\nvendor = \"big\"\n[[codes]]\ncode = 1\nname = \"{}\"\ndescription = \"{}\"\n",
        "N".repeat(chars / 10),
        "x".repeat(chars)
    );
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn tables_of_a_256_kb_word_are_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let file = long_words(&dir, 256 << 10);
    for args in [
        &["lookup", "big", "1"][..],
        &["list", "big"],
        &["search", "xxxx"],
    ] {
        let out = chaterr()
            .args(["--catalog", &file, "--format", "table"])
            .args(args)
            // Not a timing assertion: only what turns a hang into a failure.
            .timeout(std::time::Duration::from_secs(300))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.lines().all(|l| l.chars().count() <= 100), "{args:?}");
    }
}

#[test]
fn columns_0_is_a_width_not_known() {
    let out = chaterr()
        .env("COLUMNS", "0")
        .args(["lookup", "zego", "6000103", "--format", "table"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let widest = stdout.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(widest > 60, "{stdout}");
}

#[test]
fn an_error_line_repeats_at_most_80_characters_of_an_argument() {
    let long = "a".repeat(100_000);
    for args in [
        vec!["lookup".to_owned(), format!("{long}!")],
        vec!["lookup".to_owned(), "9".repeat(100_000)],
        vec!["search".to_owned(), format!("q{long}")],
        vec!["list".to_owned(), "--range".to_owned(), long.clone()],
        vec!["list".to_owned(), format!("x{long}")],
        vec![
            "--catalog".to_owned(),
            format!("{long}.toml"),
            "list".to_owned(),
        ],
    ] {
        let out = chaterr().args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{}", &args[0]);
        assert!(stderr.len() < 1100, "{}: {} bytes", args[0], stderr.len());
        assert!(stderr.contains('…'), "{stderr}");
    }
}

#[test]
fn thousands_of_problems_are_all_reported_by_check_and_the_first_stops_loading() {
    let dir = tempfile::tempdir().unwrap();
    let dups = dir.path().join("dups.toml");
    let mut text = String::from("[source]\nid = \"dup\"\nvendor = \"dup\"\n");
    text.push_str(&"[[codes]]\ncode = 7\ndescription = \"d\"\n".repeat(40_000));
    std::fs::write(&dups, text).unwrap();
    let overlaps = dir.path().join("overlaps.toml");
    let mut text = String::from("[source]\nid = \"ovl\"\nvendor = \"ovl\"\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "[[codes]]\ncode = {i}\ncode_end = {}\ndescription = \"d\"\n",
            i + 100_000
        ));
    }
    std::fs::write(&overlaps, text).unwrap();
    for (file, problems) in [(&dups, 39_999), (&overlaps, 19_999)] {
        let out = chaterr().arg("check").arg(file).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).lines().count(),
            problems
        );
        let out = chaterr()
            .arg("--catalog")
            .arg(file)
            .args(["lookup", "7"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(&format!("and {} more", problems - 1)),
            "{stderr}"
        );
    }
}

#[test]
fn a_flood_of_codes_not_found_gets_hints_only_for_the_first() {
    let codes: Vec<String> = (0..30).map(|i| (900_000_000 + i).to_string()).collect();
    let out = chaterr()
        .args(["lookup", "-"])
        .write_stdin(codes.join("\n"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 30);
    assert!(
        lines[..20]
            .iter()
            .all(|l| l.contains("nearest documented codes"))
    );
    assert!(
        lines[20..].iter().all(|l| !l.contains("nearest")),
        "{stderr}"
    );
}
