//! The chaterr binary as users run it: every command, format, exit status and bad input.

use predicates::prelude::*;
use serde_json::{Value, json};

use crate::common::{
    Sandbox, binary, chaterr, counts, error_line, id, ids, json_of, json_text_of, stdout_of,
};

// ---- help -----------------------------------------------------------------------------------

#[test]
fn help_of_every_command() {
    for command in [
        "chaterr",
        "lookup",
        "search",
        "list",
        "sources",
        "diff",
        "scan",
        "check",
        "completions",
    ] {
        let mut cmd = chaterr();
        if command != "chaterr" {
            cmd.arg(command);
        }
        let help = cmd.arg("--help").assert().success();
        let help = String::from_utf8(help.get_output().stdout.clone()).unwrap();
        insta::assert_snapshot!(format!("help_{command}"), help);
    }
}

// ---- lookup ---------------------------------------------------------------------------------

#[test]
fn lookup_prints_the_vendor_text_as_plain_line_when_piped() {
    chaterr()
        .args(["lookup", "zego", "6000103"])
        .assert()
        .success()
        .stdout(
            "zego\tzego-zim-en\t6000103\t\tToken is invalid. Please call the renewToken method to \
             renew the Token and try again.\t\t\tLogin errors\t\t\tembedded\tauth\trelogin\t\
             token_invalid\tdocumented\t\
             c:zim_error_code_network_module_token_invalid flutter:networkModuleTokenInvalid \
             ios:ZIMErrorCodeNetworkModuleTokenInvalid\n",
        );
}

#[test]
fn lookup_card_snapshot() {
    insta::assert_snapshot!(stdout_of(&[
        "lookup", "zego", "6000103", "--format", "table"
    ]));
}

#[test]
fn lookup_card_shows_reason_and_action() {
    insta::assert_snapshot!(stdout_of(&[
        "lookup",
        "zego-server",
        "1",
        "--format",
        "table"
    ]));
}

#[test]
fn lookup_without_vendor_labels_every_vendor_and_edition() {
    let found = ids(&json_of(&["lookup", "7005"]));
    assert_eq!(found, [id("tencent-chat", 7005), id("tencent-im", 7005)]);
    let card = stdout_of(&["lookup", "tencent", "7005", "--format", "table"]);
    let words: Vec<&str> = card
        .split(|c: char| c.is_whitespace() || c == '│' || c == '┆')
        .filter(|w| !w.is_empty())
        .collect();
    let text = words.join(" ");
    assert!(
        text.contains("is 100 MB") && text.contains("is 28 MB"),
        "{card}"
    );
    assert!(card.contains("(tencent-chat)") && card.contains("(tencent-im)"));
}

/// The JSON of each way to name an entry: a code alone, a vendor and a code (agora 403: a
/// document's name, our note, no part), a name, an SDK symbol, a code several vendors define,
/// and a code only an SDK defines.
#[test]
fn lookup_json_snapshots() {
    for (name, args) in [
        ("lookup_json_by_code", &["lookup", "6000103"][..]),
        (
            "lookup_json_by_vendor_and_code",
            &["lookup", "agora", "403"],
        ),
        (
            "lookup_json_by_name",
            &["lookup", "agora", "USER_NOT_LOGIN"],
        ),
        (
            "lookup_json_by_sdk_symbol",
            &["lookup", "ZIMErrorCodeNetworkModuleTokenInvalid"],
        ),
        ("lookup_json_by_code_of_two_vendors", &["lookup", "6015"]),
        ("lookup_json_sdk_only", &["lookup", "zego", "6000105"]),
        (
            "lookup_json_server_document",
            &["lookup", "zego-server", "1"],
        ),
    ] {
        insta::assert_snapshot!(name, json_text_of(args));
    }
}

#[test]
fn lookup_takes_negative_codes_names_ranges_and_stdin() {
    assert_eq!(
        ids(&json_of(&["lookup", "tencent-chat", "-10001"])),
        [id("tencent-chat", -10001)]
    );
    // By name: 201 in the newest edition first, then the pages whose text differs.
    for args in [
        &["lookup", "agora", "USER_NOT_LOGIN"][..],
        &["lookup", "agora", "user_not_login"],
        &["lookup", "USER_NOT_LOGIN"],
    ] {
        let found = ids(&json_of(args));
        assert_eq!(found[0], id("agora-chat-android", 201), "{args:?}");
        assert!(found.iter().all(|(_, code)| *code == 201), "{args:?}");
    }
    assert_eq!(
        ids(&json_of(&["lookup", "agora-chat", "USER_NOT_LOGIN"])),
        [id("agora-chat", 201)]
    );
    let range = json_of(&["lookup", "tencent-chat", "125000"]);
    assert_eq!(
        (range[0]["code"].as_i64(), range[0]["code_end"].as_i64()),
        (Some(120001), Some(130000))
    );
    let out = chaterr()
        .args(["lookup", "agora-chat", "-", "--json"])
        .stdin("201\n 202\t203 ")
        .assert()
        .success();
    let piped: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        ids(&piped),
        [
            id("agora-chat", 201),
            id("agora-chat", 202),
            id("agora-chat", 203)
        ]
    );
}

#[test]
fn lookup_vendor_aliases_and_source_ids_are_case_insensitive() {
    for vendor in ["zego", "ZEGO", "zegocloud", "ZIM", "zego-zim", "Zego-Zim"] {
        assert_eq!(
            ids(&json_of(&["lookup", vendor, "6000103"]))[0].1,
            6000103,
            "{vendor}"
        );
    }
    assert_eq!(ids(&json_of(&["lookup", "tim", "6014"])).len(), 2);
    assert_eq!(
        ids(&json_of(&["lookup", "tencent-im", "6014"])),
        [id("tencent-im", 6014)]
    );
}

#[test]
fn lookup_not_found_names_the_nearest_codes() {
    // (6000105 was the example here until the SDK-only entries came: lookup finds it now.)
    let line = error_line(&["lookup", "zego", "6000120"], 1);
    assert_eq!(
        line,
        "chaterr: zego documents no code 6000120; nearest documented codes: 6000111, 6000121\n"
    );
    assert_eq!(stdout_of(&["lookup", "zego", "6000120", "--json"]), "[]\n");
    // Agora 7 is defined only by the SDK (ZIM's SDK-only codes are all documented now).
    let line = error_line(&["lookup", "agora", "7", "--documented-only"], 1);
    assert_eq!(
        line,
        "chaterr: agora documents no code 7; nearest documented codes: 4, 8\n"
    );
}

#[test]
fn lookup_bad_input_is_one_line_and_exit_2() {
    let line = error_line(&["lookup", "zeg", "6000103"], 2);
    assert!(
        line.contains("unknown vendor \"zeg\"") && line.contains("did you mean \"zego\"?"),
        "{line}"
    );
    let line = error_line(&["lookup", "zego", "12ab"], 2);
    assert!(line.contains("\"12ab\" is not a code"), "{line}");
    let line = error_line(&["lookup", "zego", "99999999999999999999"], 2);
    assert!(line.contains("beyond the range"), "{line}");
    let line = error_line(&["lookup", "zego"], 2);
    assert!(line.contains("no code given after \"zego\""), "{line}");
    let line = error_line(&["lookup", "nosuchvendor", "1"], 2);
    assert!(
        line.contains("known vendors: agora, tencent, zego"),
        "{line}"
    );
}

// ---- search ---------------------------------------------------------------------------------

fn top(query: &str, n: usize) -> Vec<(String, i64)> {
    let mut found = ids(&json_of(&["search", query]));
    found.truncate(n);
    found
}

#[test]
fn search_ranks_the_exact_meaning_first() {
    // Agora's TOKEN_EXPIRED: the name and the phrase.
    assert_eq!(top("token expired", 1), [id("agora-chat-android", 108)]);
    assert_eq!(top("6000103", 1), [id("zego-zim-en", 6000103)]);
    assert_eq!(
        top("Too many requests. Try again later.", 2),
        [id("tencent-chat", 60018), id("tencent-chat", 60019)]
    );
}

#[test]
fn search_finds_paraphrases_and_typos_near_the_top() {
    // Each code has four pages (Agora's earlier page, Android, iOS, Web): both codes in the top
    // two problems.
    let kicked = top("user kicked out", 8);
    for code in [216, 217] {
        assert!(kicked.contains(&id("agora-chat", code)), "{kicked:?}");
    }
    assert!(top("too many requests", 3).contains(&id("tencent-chat", 60018)));
    assert!(top("tokne expird", 5).contains(&id("agora-chat-android", 108)));
    assert!(top("usersig expired", 5).contains(&id("tencent-chat", 6206)));
    let hits = json_of(&["search", "expired token", "--limit", "6"]);
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .any(|h| h["concept"] == "token_expired"),
        "words in any order"
    );
}

#[test]
fn search_json_snapshot() {
    // The lexical ranking: the same with or without the sentence model compiled in.
    insta::assert_snapshot!(
        chaterr()
            .env("CHATERR_RANKING", "lexical")
            .args(["search", "token expired", "--limit", "5"])
            .json_text()
    );
}

#[test]
fn search_json_adds_a_score_and_respects_vendor_and_limit() {
    let hits = json_of(&["search", "token", "--vendor", "agora", "--limit", "2"]);
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 2);
    assert!(
        hits.iter()
            .all(|h| h["vendor"] == "agora" && h["score"].as_f64().unwrap() > 0.0)
    );
    assert!(hits[0]["score"].as_f64() >= hits[1]["score"].as_f64());
}

#[test]
fn search_grep_modes() {
    let fixed = ids(&json_of(&["search", "-F", "UserSig", "--limit", "0"]));
    assert!(fixed.len() > 10 && fixed.iter().all(|(s, _)| s.starts_with("tencent")));
    let case_sensitive = ids(&json_of(&["search", "-F", "usersig", "--limit", "0"]));
    // The SDKs' symbols are searched too: ERR_SVR_ACCOUNT_USERSIG_EXPIRED.
    let upper = ids(&json_of(&["search", "-F", "USERSIG", "--limit", "0"]));
    let ignore_case = ids(&json_of(&["search", "-F", "-i", "usersig", "--limit", "0"]));
    assert!(case_sensitive.len() < ignore_case.len());
    let mut each: Vec<_> = [fixed, case_sensitive, upper].concat();
    each.sort();
    each.dedup();
    let mut ignore_case = ignore_case;
    ignore_case.sort();
    assert_eq!(ignore_case, each);
    let regex = ids(&json_of(&[
        "search",
        "-e",
        "^Token (is|has)",
        "--limit",
        "0",
    ]));
    assert_eq!(
        regex,
        [
            id("agora-chat-android", 108),
            id("agora-chat-ios", 108),
            id("zego-zim-en", 6000103),
            id("zego-zim-en", 6000106)
        ]
    );
}

#[test]
fn search_bad_input() {
    let line = error_line(&["search", " "], 2);
    assert!(line.contains("query is empty"), "{line}");
    let line = error_line(&["search", "-e", "(unclosed"], 2);
    assert!(line.contains("invalid regular expression"), "{line}");
    let line = error_line(&["search", "zzzzqqqq"], 1);
    assert!(line.contains("nothing matches"), "{line}");
    error_line(&["search", "token", "--vendor", "zeg"], 2);
}

#[test]
fn search_highlights_on_a_colour_terminal_only() {
    let coloured = stdout_of(&[
        "search",
        "renewToken",
        "--format",
        "table",
        "--color",
        "always",
    ]);
    assert!(coloured.contains("\u{1b}["));
    let plain = stdout_of(&[
        "search",
        "renewToken",
        "--format",
        "table",
        "--color",
        "never",
    ]);
    assert!(!plain.contains("\u{1b}["));
}

// ---- list, sources --------------------------------------------------------------------------

#[test]
fn list_json_holds_the_whole_catalogue_in_code_order() {
    let all = json_of(&["list", "--all-editions"]);
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), counts::ALL);
    // The documented entries in code order, then the codes only an SDK defines, in code order.
    let (documented, sdk_only) = all.split_at(counts::DOCUMENTED);
    for (part, flag) in [(documented, true), (sdk_only, false)] {
        assert!(part.iter().all(|e| e["documented"] == flag));
        assert!(
            part.windows(2)
                .all(|w| w[0]["code"].as_i64() <= w[1]["code"].as_i64())
        );
    }
    // --documented-only is the first part.
    assert_eq!(
        json_of(&["list", "--documented-only", "--all-editions"])
            .as_array()
            .unwrap()[..],
        *documented
    );
}

#[test]
fn list_json_range_snapshot() {
    insta::assert_snapshot!(json_text_of(&["list", "tencent", "--range", "8500..8599"]));
}

#[test]
fn list_filters_by_scope_range_and_category() {
    let login = json_of(&["list", "zego-zim", "--category", "LOGIN"]);
    assert!(
        login
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["category"] == "Login errors")
    );
    assert_eq!(ids(&login).first(), Some(&id("zego-zim", 6000101)));
    let range = ids(&json_of(&["list", "--range", "125000..125000"]));
    assert_eq!(
        range,
        [id("tencent-chat", 120001), id("tencent-im", 120001)]
    );
}

#[test]
fn list_bad_range_and_empty_result() {
    let line = error_line(&["list", "--range", "9..1"], 2);
    assert!(line.contains("9 is above 1"), "{line}");
    error_line(&["list", "--range", "a..b"], 2);
    error_line(&["list", "agora", "--range", "999999..1000000"], 1);
}

#[test_with::executable(bash)]
#[test]
fn list_into_a_closed_pipe_is_quiet() {
    let out = std::process::Command::new("bash")
        .args(["-c", "set -o pipefail; \"$0\" list | head -1", binary()])
        .env("XDG_CONFIG_HOME", Sandbox::new().path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}

#[test]
fn plain_output_is_tab_separated_without_colour() {
    // Colour asked for colours the codes, and leaves the columns as they are.
    let coloured = stdout_of(&["list", "agora", "--all-editions", "--color", "always"]);
    assert!(coloured.lines().all(|l| l.split('\t').count() == 16));
    let out = stdout_of(&["list", "agora", "--all-editions"]);
    let documented = counts::of_vendor("agora", true);
    assert_eq!(
        out.lines().count(),
        documented + counts::of_vendor("agora", false)
    );
    assert!(out.lines().all(|l| l.split('\t').count() == 16));
    let lines: Vec<&str> = out.lines().collect();
    let (documented, sdk_only) = lines.split_at(documented);
    assert!(
        documented
            .iter()
            .all(|l| l.starts_with("agora\tagora-chat"))
    );
    assert!(sdk_only.iter().all(|l| l.starts_with("agora\tagora-sdk\t")));
    assert!(!out.contains('\u{1b}'));
    // Search's score follows chaterr's class, retry and concept; the SDK columns are always
    // the last two.
    let hit = stdout_of(&["search", "token", "--vendor", "agora", "--limit", "1"]);
    let columns: Vec<&str> = hit.trim_end().split('\t').collect();
    assert_eq!(columns.len(), 17);
    assert!(columns[14].parse::<f64>().is_ok(), "{hit}");
    assert_eq!(columns[15], "documented");
}

#[test]
fn sources_table_snapshot() {
    insta::assert_snapshot!(stdout_of(&["sources", "--format", "table"]));
}

#[test]
fn sources_json_snapshot() {
    insta::assert_snapshot!(json_text_of(&["sources"]));
}

#[test]
fn sources_json_counts() {
    let sources = json_of(&["sources"]);
    let counts: Vec<(&str, &str, i64)> = sources
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap(),
                s["vendor"].as_str().unwrap(),
                s["codes"].as_i64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(&str, &str, i64)> = counts::SOURCES
        .iter()
        .map(|s| (s.id, s.vendor, s.codes as i64))
        .collect();
    assert_eq!(counts, expected);
}

// ---- diff -----------------------------------------------------------------------------------

/// The diff of the two Tencent editions is 470 KB of JSON: its snapshot holds the entries only
/// the earlier edition has in full, the codes of the others, and one changed entry in full.
#[test]
fn diff_of_the_tencent_editions() {
    let out = chaterr()
        .args(["diff", "tencent-im", "tencent-chat", "--json"])
        .output();
    assert_eq!(out.status.code(), Some(1), "they differ");
    let d: Value = serde_json::from_slice(&out.stdout).unwrap();
    let only_b = d["only_b"].as_array().unwrap();
    let changed = d["changed"].as_array().unwrap();
    assert_eq!(
        d["only_a"].as_array().unwrap().len(),
        counts::ONLY_TENCENT_IM
    );
    assert_eq!(only_b.len(), counts::ONLY_TENCENT_CHAT);
    for code in [7005, 8001] {
        let c = changed.iter().find(|c| c["code"] == code).unwrap();
        assert_eq!(c["fields"], json!(["description"]));
        assert_eq!(c["a"]["source"], "tencent-im");
        assert_eq!(c["b"]["source"], "tencent-chat");
    }
    let slice = json!({
        "a": d["a"],
        "b": d["b"],
        "only_a": d["only_a"],
        "only_b (codes)": only_b.iter().map(|e| &e["code"]).collect::<Vec<_>>(),
        "changed (code: fields)": changed
            .iter()
            .map(|c| format!("{}: {}", c["code"], c["fields"]))
            .collect::<Vec<_>>(),
        "changed 7005": changed.iter().find(|c| c["code"] == 7005),
    });
    insta::assert_snapshot!(serde_json::to_string_pretty(&slice).unwrap());
}

#[test]
fn diff_shows_a_word_diff() {
    let plain = stdout_of(&["diff", "tencent-im", "tencent-chat"]);
    let line = plain
        .lines()
        .find(|l| l.starts_with("changed\t7005\t"))
        .unwrap();
    assert!(line.contains("[-28-]{+100+}"), "{line}");
    let table = stdout_of(&["diff", "tencent-im", "tencent-chat", "--format", "table"]);
    let head = format!(
        "diff tencent-im → tencent-chat: {} only in tencent-im, {} only in tencent-chat,",
        counts::ONLY_TENCENT_IM,
        counts::ONLY_TENCENT_CHAT
    );
    assert!(table.starts_with(&head), "{table}");
}

#[test]
fn diff_against_a_file() {
    let sandbox = Sandbox::new();
    let path = sandbox.write(
        "newer-agora.toml",
        "[source]\nid = \"agora-chat\"\nvendor = \"agora\"\n\n[[codes]]\ncode = 201\nname = \"USER_NOT_LOGIN\"\n\
         description = \"The user has not logged in.\"\n\n[[codes]]\ncode = 9999\ndescription = \"New.\"\n",
    );
    let d = json_of(&["diff", "agora-chat", path.to_str().unwrap()]);
    assert_eq!(
        d["only_a"].as_array().unwrap().len(),
        counts::codes("agora-chat") - 1
    );
    assert_eq!(ids(&d["only_b"]), [id("agora-chat", 9999)]);
    assert_eq!(d["changed"][0]["code"], 201);
    chaterr().args(["diff", "zego", "zego"]).assert().code(0);
}

#[test]
fn diff_bad_files_name_path_line_and_column() {
    let sandbox = Sandbox::new();
    let bad = sandbox.write(
        "bad.toml",
        "[source]\nid = \"x\"\nvendor = \"x\"\n\n[[codes]]\ncode = 1\ndescripton = \"typo\"\n",
    );
    let line = error_line(&["diff", "zego", bad.to_str().unwrap()], 2);
    assert!(
        line.contains("bad.toml:7:1:") && line.contains("descripton"),
        "{line}"
    );
    let missing = sandbox.path().join("missing.toml");
    let line = error_line(&["diff", "zego", missing.to_str().unwrap()], 2);
    assert!(
        line.contains("missing.toml") && line.contains("cannot read"),
        "{line}"
    );
}

// ---- colour ---------------------------------------------------------------------------------

#[test]
fn colour_follows_flag_then_no_color_then_clicolor_force() {
    let run = |envs: &[(&str, &str)], args: &[&str]| -> bool {
        let mut cmd = chaterr();
        cmd.args(["lookup", "zego", "6000103", "--format", "table"])
            .args(args);
        for (k, v) in envs {
            cmd.env(k, v);
        }
        cmd.stdout().contains('\u{1b}')
    };
    assert!(!run(&[], &[]), "not a terminal");
    assert!(run(&[("CLICOLOR_FORCE", "1")], &[]));
    assert!(!run(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &[]));
    assert!(run(&[("NO_COLOR", "1")], &["--color", "always"]));
    assert!(!run(&[("CLICOLOR_FORCE", "1")], &["--color", "never"]));
}

#[test]
fn usage_errors_exit_2() {
    chaterr().args(["lookup"]).assert().code(2);
    chaterr().args(["frobnicate"]).assert().code(2);
    chaterr()
        .args(["list", "--format", "yaml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'yaml'"));
}
