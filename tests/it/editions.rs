//! The vendors' editions, languages and platforms: which edition answers, in which language,
//! with which platform's numbering.

use crate::common::{chaterr, id, ids, json_of, stdout_of};

#[test]
fn the_newest_edition_in_english_answers_by_default() {
    let found = ids(&json_of(&["lookup", "zego", "6000103"]));
    // The June 2026 edition; the 2.x one says the same, so it is left out.
    assert_eq!(found, [id("zego-zim-en", 6000103)]);
    // A code only the Chinese edition has is shown in Chinese.
    let only_zh = json_of(&["lookup", "zego", "6000105"]);
    assert_eq!(only_zh[0]["source"], "zego-zim-zh");
    assert_eq!(only_zh[0]["language"], "zh");
}

#[test]
fn the_language_comes_from_the_locale_or_lang() {
    let source = |env: Option<(&str, &str)>, more: &[&str]| {
        let mut cmd = chaterr();
        if let Some((key, value)) = env {
            cmd.env(key, value);
        }
        let out = cmd
            .args(["lookup", "zego", "6000106", "--json"])
            .args(more)
            .stdout();
        let found: serde_json::Value = serde_json::from_str(&out).unwrap();
        found[0]["source"].as_str().unwrap().to_owned()
    };
    assert_eq!(source(Some(("LANG", "zh_CN.UTF-8")), &[]), "zego-zim-zh");
    assert_eq!(source(Some(("LC_ALL", "zh_TW.UTF-8")), &[]), "zego-zim-zh");
    assert_eq!(source(Some(("LANG", "en_US.UTF-8")), &[]), "zego-zim-en");
    assert_eq!(
        source(Some(("LANG", "zh_CN.UTF-8")), &["--lang", "en"]),
        "zego-zim-en"
    );
    assert_eq!(source(None, &["--lang", "zh"]), "zego-zim-zh");
    // Tencent has no Chinese edition: English it is.
    let tencent = json_of(&["lookup", "tencent", "70001", "--lang", "zh"]);
    assert_eq!(tencent[0]["language"], "en");
}

#[test]
fn a_number_that_differs_by_platform_shows_each_labelled() {
    // 511: Android's MESSAGE_EDIT_FAILED, Web's MESSAGE_SIZE_LIMIT.
    let all = json_of(&["lookup", "agora", "511"]);
    let platforms = crate::common::strings(&all, "platform");
    assert!(
        platforms.contains(&"android") && platforms.contains(&"web"),
        "{all}"
    );
    let web = json_of(&["lookup", "agora", "511", "--platform", "web"]);
    assert_eq!(ids(&web), [id("agora-chat-web", 511)]);
    assert_eq!(web[0]["name"], "MESSAGE_SIZE_LIMIT");
    let android = json_of(&["lookup", "agora", "511", "--platform", "android"]);
    assert_eq!(ids(&android), [id("agora-chat-android", 511)]);
    // 1: a connection error on Web, the general error elsewhere.
    let web = json_of(&["lookup", "agora", "1", "--platform", "web"]);
    assert_ne!(web[0]["name"], "GENERAL_ERROR");
    let card = stdout_of(&["lookup", "agora", "511", "--format", "table"]);
    assert!(card.contains("web, en (agora-chat-web)"), "{card}");
}

#[test]
fn zpns_and_zim_share_a_number_and_both_answer() {
    let found = json_of(&["lookup", "zego", "6000401"]);
    let products: Vec<&serde_json::Value> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["product"])
        .collect();
    assert!(products.contains(&&serde_json::Value::Null), "{found}");
    assert!(products.contains(&&serde_json::json!("zpns")), "{found}");
}

#[test]
fn all_editions_shows_every_row_newest_first_otherwise() {
    let all = ids(&json_of(&["lookup", "zego", "6000103", "--all-editions"]));
    for source in ["zego-zim", "zego-zim-en", "zego-zim-zh"] {
        assert!(all.contains(&id(source, 6000103)), "{all:?}");
    }
    // Tencent's current edition before the earlier one, where their texts differ.
    let tencent = ids(&json_of(&["lookup", "tencent", "6015"]));
    assert_eq!(tencent, [id("tencent-chat", 6015), id("tencent-im", 6015)]);
}

#[test]
fn diff_between_editions_shows_what_the_current_one_added() {
    let d = json_of(&["diff", "zego-zim", "zego-zim-en"]);
    let added: Vec<i64> = d["only_b"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_i64().unwrap())
        .collect();
    assert_eq!(added.len(), 11, "{added:?}");
    for code in [
        6000021, 6000208, 6000251, 6000252, 6000253, 6000254, 6000287,
    ] {
        assert!(added.contains(&code), "{added:?}");
    }
}

#[test]
fn sources_say_edition_language_platform_and_product() {
    let sources = json_of(&["sources"]);
    let of = |id: &str| {
        sources
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(of("zego-zim-zh")["language"], "zh");
    assert_eq!(of("zego-zim-en")["edition"], "2026-06-05");
    assert_eq!(of("agora-chat-web")["platform"], "web");
    assert_eq!(of("zego-zpns-en")["product"], "zpns");
}

#[test]
fn chinese_queries_find_chinese_texts() {
    let found = ids(&json_of(&[
        "search",
        "Token 过期",
        "--lang",
        "zh",
        "--limit",
        "5",
    ]));
    assert!(found.contains(&id("zego-zim-zh", 6000106)), "{found:?}");
}

#[test]
fn tables_keep_their_columns_with_chinese_text() {
    let table = stdout_of(&[
        "list",
        "zego-zim-zh",
        "--range",
        "6000100..6000110",
        "--format",
        "table",
    ]);
    // Every line of the table is as wide on screen as the first: CJK characters count two.
    let width = |line: &str| -> usize {
        line.chars()
            .map(|c| {
                if chaterr_catalogue::words::is_cjk(c)
                    || ('\u{3000}'..='\u{303f}').contains(&c)
                    || ('\u{ff00}'..='\u{ffef}').contains(&c)
                {
                    2
                } else {
                    1
                }
            })
            .sum()
    };
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines.len() > 3, "{table}");
    assert!(
        table.contains('错') || table.contains('码') || table.contains('录'),
        "{table}"
    );
    for line in &lines {
        assert_eq!(width(line), width(lines[0]), "{table}");
    }
}
