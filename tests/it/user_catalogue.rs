//! Users' own catalogues: every place one is found, precedence and overrides with their origin,
//! validation with positions, broken files, and a 100,000-entry file.

use std::fs;
use std::path::Path;

use crate::common::{Sandbox, counts, generated_catalogue};

/// A zego-zim file overriding 6000103 with a text naming where it comes from.
fn override_file(label: &str) -> String {
    format!(
        "[source]\nid = \"zego-zim\"\nvendor = \"zego\"\n\n[[codes]]\ncode = 6000103\ndescription = \"from {label}\"\n"
    )
}

fn description_of_6000103(sandbox: &Sandbox, extra: &[&str]) -> (String, String) {
    let mut args = extra.to_vec();
    args.extend(["lookup", "zego-zim", "6000103"]);
    let found = sandbox.json(&args);
    assert_eq!(
        found.as_array().unwrap().len(),
        1,
        "an override replaces, never duplicates"
    );
    (
        found[0]["description"].as_str().unwrap().to_owned(),
        found[0]["origin"].as_str().unwrap().to_owned(),
    )
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn the_embedded_entry_stands_without_user_catalogues() {
    let s = Sandbox::new();
    let (description, origin) = description_of_6000103(&s, &[]);
    assert!(description.starts_with("Token is invalid."));
    assert_eq!(origin, "embedded");
}

#[test]
fn the_config_dir_is_read() {
    let s = Sandbox::new();
    let file = s.config_codes().join("zego.toml");
    fs::write(&file, override_file("config")).unwrap();
    assert_eq!(
        description_of_6000103(&s, &[]),
        ("from config".into(), path_str(&file).into())
    );
}

#[test]
fn chaterr_catalog_takes_files_and_folders_and_beats_the_config_dir() {
    let s = Sandbox::new();
    fs::write(s.config_codes().join("zego.toml"), override_file("config")).unwrap();
    let folder_file = s.write("env-folder/zego.toml", &override_file("env folder"));
    let single = s.write("env-file.toml", &override_file("env file"));
    let list = std::env::join_paths([folder_file.parent().unwrap(), single.as_path()]).unwrap();
    let found = s
        .chaterr()
        .env("CHATERR_CATALOG", &list)
        .args(["lookup", "zego-zim", "6000103"])
        .json();
    assert_eq!(
        found[0]["description"], "from env file",
        "later in the list wins"
    );
    assert_eq!(found[0]["origin"], path_str(&single));
}

#[test]
fn catalog_flags_win_last_one_first() {
    let s = Sandbox::new();
    fs::write(s.config_codes().join("zego.toml"), override_file("config")).unwrap();
    let env = s.write("env.toml", &override_file("env"));
    let one = s.write("one.toml", &override_file("flag one"));
    let two = s.write("flags/two.toml", &override_file("flag two"));
    let run = |extra: &[&str]| -> String {
        let found = s
            .chaterr()
            .env("CHATERR_CATALOG", &env)
            .args(extra)
            .args(["lookup", "zego-zim", "6000103"])
            .json();
        found[0]["description"].as_str().unwrap().to_owned()
    };
    assert_eq!(run(&[]), "from env");
    assert_eq!(run(&["--catalog", path_str(&one)]), "from flag one");
    let folder = path_str(two.parent().unwrap());
    assert_eq!(
        run(&["--catalog", path_str(&one), "--catalog", folder]),
        "from flag two"
    );
    assert_eq!(
        run(&["--catalog", folder, "--catalog", path_str(&one)]),
        "from flag one"
    );
    // --no-user-catalog drops the config dir and CHATERR_CATALOG, not --catalog.
    assert!(run(&["--no-user-catalog"]).starts_with("Token is invalid."));
    assert_eq!(
        run(&["--no-user-catalog", "--catalog", path_str(&one)]),
        "from flag one"
    );
}

#[test]
fn a_new_vendor_is_a_first_class_scope_everywhere() {
    let s = Sandbox::new();
    let file = s.write(
        "acme.toml",
        "[source]\nid = \"acme-backend\"\nvendor = \"acme\"\ntitle = \"Acme backend\"\n\n\
         [[codes]]\ncode = 42\nname = \"ACME_ANSWER\"\ndescription = \"The backend's answer to everything.\"\n\n\
         [[codes]]\ncode = 6015\ndescription = \"Acme's own 6015.\"\n",
    );
    let flag = ["--catalog", path_str(&file)];
    let args = |rest: &[&'static str]| -> Vec<&str> {
        flag.iter().copied().chain(rest.iter().copied()).collect()
    };
    assert_eq!(
        s.json(&args(&["lookup", "acme", "42"]))[0]["origin"],
        path_str(&file)
    );
    assert_eq!(s.json(&args(&["lookup", "ACME_ANSWER"]))[0]["code"], 42);
    let all_6015: Vec<String> = s
        .json(&args(&["lookup", "6015"]))
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(all_6015, ["tencent-chat", "tencent-im", "acme-backend"]);
    assert_eq!(
        s.json(&args(&["search", "answer to everything"]))[0]["source"],
        "acme-backend"
    );
    assert_eq!(
        s.json(&args(&["list", "acme"])).as_array().unwrap().len(),
        2
    );
    let sources = s.json(&args(&["sources"]));
    let acme = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "acme-backend")
        .unwrap();
    assert_eq!(
        (acme["origin"].as_str(), acme["codes"].as_i64()),
        (Some(path_str(&file)), Some(2))
    );
}

#[test]
fn extending_an_embedded_source_adds_and_overrides_with_origin() {
    let s = Sandbox::new();
    let file = s.write(
        "zego-extra.toml",
        "[source]\nid = \"zego-zim\"\nvendor = \"zego\"\n\n[[codes]]\ncode = 6000105\ndescription = \"Request timed out.\"\n\n\
         [[codes]]\ncode = 6000103\ndescription = \"Corrected.\"\nnote = \"Our correction.\"\n",
    );
    let flag = ["--catalog", path_str(&file)];
    let added = s.json(&[flag[0], flag[1], "lookup", "zego", "6000105"]);
    assert_eq!(
        (added[0]["source"].as_str(), added[0]["origin"].as_str()),
        (Some("zego-zim"), Some(path_str(&file)))
    );
    let sources = s.json(&[flag[0], flag[1], "sources"]);
    let zim = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "zego-zim")
        .unwrap();
    assert_eq!(zim["codes"], counts::codes("zego-zim") + 1);
    assert_eq!(zim["origin"], "embedded");
    assert_eq!(zim["extended_by"], serde_json::json!([path_str(&file)]));
    let card = s
        .chaterr()
        .args([
            flag[0], flag[1], "lookup", "zego", "6000103", "--format", "table",
        ])
        .output();
    let card = String::from_utf8(card.stdout).unwrap();
    assert!(
        card.contains("Corrected.") && card.contains("Our correction.") && card.contains("From"),
        "{card}"
    );
    assert!(card.contains("zego-extra.toml"), "{card}");
    // diff against the embedded source shows the override and the addition.
    let d = s.json(&["diff", "zego-zim", path_str(&file)]);
    assert_eq!(d["changed"][0]["code"], 6000103);
    assert_eq!(d["only_b"][0]["code"], 6000105);
}

#[test]
fn a_broken_user_file_stops_every_command_with_its_position_and_a_way_out() {
    let s = Sandbox::new();
    let bad = s.config_codes().join("bad.toml");
    fs::write(
        &bad,
        "[source]\nid = \"acme\"\nvendor = \"acme\"\n\n[[codes]]\ncode = 1\ndescription = 5\n",
    )
    .unwrap();
    for args in [
        &["lookup", "zego", "6000103"][..],
        &["search", "token"],
        &["list"],
        &["sources"],
        &["diff", "zego", "tencent"],
    ] {
        let out = s.chaterr().args(args).output();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(&format!(
                "{}:7:15: `description` must be a string",
                bad.display()
            )),
            "{stderr}"
        );
        assert!(stderr.contains("--no-user-catalog"), "{stderr}");
    }
    s.chaterr()
        .args(["--no-user-catalog", "lookup", "zego", "6000103"])
        .assert()
        .success();
    // check and completions do not need the catalogue.
    s.chaterr().args(["check", path_str(&bad)]).assert().code(1);
    s.chaterr().args(["completions", "bash"]).assert().success();
}

#[test]
fn a_source_cannot_change_vendor() {
    let s = Sandbox::new();
    let file = s.write(
        "wrong.toml",
        "[source]\nid = \"zego-zim\"\nvendor = \"acme\"\n",
    );
    let out = s
        .chaterr()
        .args(["--catalog", path_str(&file), "sources"])
        .output();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(
            "wrong.toml:3:10: source \"zego-zim\" belongs to vendor \"zego\", not \"acme\""
        ),
        "{stderr}"
    );
}

#[test]
fn a_missing_catalogue_path_is_an_input_error() {
    let s = Sandbox::new();
    for (env, flag) in [
        (Some("/nonexistent/x.toml"), None),
        (None, Some("/nonexistent/y.toml")),
    ] {
        let mut cmd = s.chaterr();
        if let Some(env) = env {
            cmd.env("CHATERR_CATALOG", env);
        }
        if let Some(flag) = flag {
            cmd.args(["--catalog", flag]);
        }
        let out = cmd.args(["lookup", "1"]).output();
        assert_eq!(out.status.code(), Some(2));
        assert!(
            String::from_utf8(out.stderr)
                .unwrap()
                .contains("cannot read /nonexistent/")
        );
    }
}

#[test]
fn check_reports_every_problem_with_its_position() {
    let s = Sandbox::new();
    let good = s.write("good.toml", &override_file("good"));
    let bad = s.write(
        "bad.toml",
        "[source]\nid = \"Bad\"\nvendor = \"x\"\ncolour = 1\n\n[[codes]]\ndescription = \"no code\"\n\n[[codes]]\ncode = 9\ncode_end = 3\ndescription = \"\"\n\n\
         [[codes]]\ncode = 20\ncode_end = 30\ndescription = \"\"\n\n[[codes]]\ncode = 25\n\n[[codes]]\ncode = \"x\"\ndescription = \"\"\n\n\
         [[codes]]\ncode = 40\ndescription = \"\"\n\n[[codes]]\ncode = 40\ndescription = \"\"\n",
    );
    s.chaterr()
        .args(["check", path_str(&good)])
        .assert()
        .code(0)
        .stdout("");
    let out = s
        .chaterr()
        .args(["check", path_str(&good), path_str(&bad)])
        .output();
    assert_eq!(out.status.code(), Some(1));
    let b = path_str(&bad);
    let expected = [
        format!("{b}:2:6: source id \"Bad\" must be lowercase letters, digits and hyphens"),
        format!(
            "{b}:4:1: unknown key `colour` (expected one of id, vendor, title, edition, url, language, platform, product)"
        ),
        format!("{b}:6:1: [[codes]] entry is missing `code`"),
        format!("{b}:10:8: code_end 3 is below code 9"),
        format!(
            "{b}:20:8: [[codes]] entry is missing `description` (use \"\" where the document has none)"
        ),
        format!("{b}:20:8: code 25 overlaps 20..=30 (line 15)"),
        format!("{b}:23:8: `code` must be an integer, not a string"),
        format!("{b}:31:8: code 40 appears twice in this source (first at line 27)"),
    ];
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
    let json = s.json(&["check", b]);
    assert_eq!(json.as_array().unwrap().len(), expected.len());
    assert_eq!(
        (json[0]["line"].as_i64(), json[0]["column"].as_i64()),
        (Some(2), Some(6))
    );
    // Syntax errors have positions too; an unreadable path is exit 2.
    let syntax = s.write("syntax.toml", "[source\nid = 1\n");
    let out = s.chaterr().args(["check", path_str(&syntax)]).output();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with(&format!("{}:1:", syntax.display()))
    );
    // Nothing could be read: one line, the reason, and no summary claiming "no problems".
    let out = s.chaterr().args(["check", "/nonexistent.toml"]).output();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("cannot read /nonexistent.toml"), "{stderr}");
}

#[test]
fn a_100000_entry_catalogue_loads_and_answers() {
    let s = Sandbox::new();
    let file = s.write("big.toml", &generated_catalogue(100_000));
    let flag = path_str(&file);
    let found = s.json(&["--catalog", flag, "lookup", "bigco", "10099999"]);
    assert_eq!(found[0]["name"], "BIG_ERROR_99999");
    let hits = s.json(&[
        "--catalog",
        flag,
        "search",
        "failure number 4242",
        "--limit",
        "3",
    ]);
    assert_eq!(hits[0]["code"], 10_004_242);
    let all = s.json(&["--catalog", flag, "list", "bigco"]);
    assert_eq!(all.as_array().unwrap().len(), 100_000);
    s.chaterr().args(["check", flag]).assert().code(0);
}

#[test]
fn a_big_catalogue_with_a_few_late_problems_has_every_one_reported() {
    let s = Sandbox::new();
    // Entry i's lines: [[codes]] at 6 + 6i, then code, name, category and description.
    let mut lines: Vec<String> = generated_catalogue(10_000)
        .lines()
        .map(str::to_owned)
        .collect();
    lines[54_007 - 1] = "code = 10000003".to_owned(); // entry 9000, the code of entry 3
    lines[57_008 - 1] = lines[57_008 - 1].replace("name", "nmae"); // entry 9500
    lines[60_004 - 1] = "description = 7".to_owned(); // entry 9999
    let file = s.write("big.toml", &(lines.join("\n") + "\n"));
    let f = path_str(&file);
    let out = s.chaterr().args(["check", f]).output();
    assert_eq!(out.status.code(), Some(1));
    let expected = [
        format!("{f}:54007:8: code 10000003 appears twice in this source (first at line 25)"),
        format!("{f}:57008:1: unknown key `nmae` (did you mean `name`?)"),
        format!("{f}:60004:15: `description` must be a string, not an integer"),
    ];
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected);
    let out = s
        .chaterr()
        .args(["--catalog", f, "lookup", "bigco", "10000001"])
        .output();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "{f}:54007:8: code 10000003 appears twice in this source (first at line 25) (and 2 more: chaterr check {f})"
        )),
        "{stderr}"
    );
}

#[test]
fn line_breaks_comments_and_escapes_read_as_they_mean() {
    let s = Sandbox::new();
    let plain = "[source]\nid = \"acme\"\nvendor = \"acme\"\n\n[[codes]]\ncode = 1_000\nname = 'LITERAL \\n'\ndescription = \"Tab\\there, \\\"quoted\\\", \\u00e9.\"\n";
    let commented = plain
        .replace("[source]\n", "# Acme's codes\n[source]  # the backend\n")
        .replace("code = 1_000\n", "  code\t=\t1000 # one thousand\n")
        .replace('\n', "\r\n");
    let mut read = Vec::new();
    for (name, text) in [
        ("plain.toml", plain),
        ("commented.toml", commented.as_str()),
    ] {
        let file = s.write(name, text);
        s.chaterr()
            .args(["check", path_str(&file)])
            .assert()
            .code(0);
        let found = s.json(&["--catalog", path_str(&file), "lookup", "acme", "1000"]);
        assert_eq!(found[0]["name"], "LITERAL \\n");
        assert_eq!(found[0]["description"], "Tab\there, \"quoted\", é.");
        read.push(found[0]["description"].clone());
    }
    assert_eq!(read[0], read[1]);
}
