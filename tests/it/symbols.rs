//! The SDKs' symbols (codes/symbols/*.toml) as users meet them: lookup by any platform's name, the
//! codes only an SDK defines (counts, marking, --documented-only), the notes where a symbol
//! contradicts the document, search by the words of a symbol, and the JSON and plain shapes.

use serde_json::{Value, json};

use crate::common::{Sandbox, chaterr, counts, id, ids_of, json_of, stdout_of};

fn entries(args: &[&str]) -> Vec<Value> {
    json_of(args).as_array().unwrap().clone()
}

// ---- lookup by symbol -----------------------------------------------------------------------

#[test]
fn lookup_finds_zims_code_by_each_platforms_name() {
    for args in [
        &["lookup", "ZIMErrorCodeNetworkModuleTokenInvalid"][..],
        &["lookup", "zego", "networkModuleTokenInvalid"],
        &["lookup", "zim_error_code_network_module_token_invalid"],
        &[
            "lookup",
            "zim",
            "ZIM_ERROR_CODE_NETWORK_MODULE_TOKEN_INVALID",
        ],
        &["lookup", "zego-zim", "networkmoduletokeninvalid"],
    ] {
        let found = ids_of(args);
        assert_eq!(found.len(), 1, "{args:?}");
        assert!(
            found[0].0.starts_with("zego-zim") && found[0].1 == 6000103,
            "{args:?}"
        );
    }
}

#[test]
fn lookup_finds_tencents_code_in_both_editions() {
    let both = |code| [id("tencent-chat", code), id("tencent-im", code)];
    assert_eq!(
        ids_of(&["lookup", "ERR_SVR_ACCOUNT_USERSIG_EXPIRED"]),
        both(70001)
    );
    assert_eq!(
        ids_of(&["lookup", "tencent", "err_sdk_not_logged_in"]),
        both(6014)
    );
    assert_eq!(
        ids_of(&["lookup", "tencent-im", "ERR_SDK_NOT_LOGGED_IN"]),
        [id("tencent-im", 6014)]
    );
    // A cpp-only symbol of a code neither edition documents.
    assert_eq!(
        ids_of(&[
            "lookup",
            "ERR_SVR_FRIENDSHIP_SELF_FOLLOWING_COUNT_EXCEEDS_LIMIT"
        ]),
        [id("tencent-sdk", 32100)]
    );
}

#[test]
fn lookup_finds_agoras_code_by_agora_and_easemob_names() {
    for name in [
        "AgoraChatErrorUserNotLogin",
        "EMErrorUserNotLogin",
        "agorachaterrorusernotlogin",
    ] {
        let found = ids_of(&["lookup", "agora", name]);
        assert_eq!(found[0], id("agora-chat-android", 201), "{name}");
        assert!(found.contains(&id("agora-chat", 201)), "{name}");
    }
    // Several words: symbols and codes together, the first one without a vendor.
    let found = ids_of(&["lookup", "AgoraChatErrorUserNotLogin", "6000103"]);
    assert_eq!(found[0], id("agora-chat-android", 201));
    assert_eq!(found.last(), Some(&id("zego-zim-en", 6000103)));
}

#[test]
fn a_symbol_of_another_vendor_is_not_found_and_a_typo_gets_a_suggestion() {
    let out = chaterr()
        .args(["lookup", "zego", "ERR_SDK_NOT_LOGGED_IN"])
        .output();
    assert_eq!(out.status.code(), Some(1));
    let out = chaterr()
        .args(["lookup", "zego", "networkModuleTokenInvalidd"])
        .output();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("did you mean networkModuleTokenInvalid?"),
        "{stderr}"
    );
}

#[test]
fn the_card_shows_the_symbols_and_their_comments() {
    let card = stdout_of(&["lookup", "tencent-chat", "6014", "--format", "table"]);
    assert!(
        card.contains("android: ERR_SDK_NOT_LOGGED_IN (IM SDK 7.6.5011)")
            && card.contains("cpp: ERR_SDK_NOT_LOGGED_IN (IM SDK 8.1.6122)"),
        "{card}"
    );
    assert!(
        card.contains("SDK comments") && card.contains("IM SDK 未登录"),
        "{card}"
    );
}

// ---- the codes only an SDK defines -------------------------------------------------------------

#[test]
fn each_sdk_source_holds_the_codes_no_document_describes() {
    let zim: Vec<i64> = ids_of(&["list", "zego-sdk"])
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    // The current ZIM editions document every code the ZIM SDK defines (6000105, 6000701, …).
    assert!(zim.is_empty(), "{zim:?}");
    assert_eq!(ids_of(&["lookup", "zego", "6000105"])[0].0, "zego-zim-zh");
    assert_eq!(zim.len(), counts::codes("zego-sdk"));
    for source in ["tencent-sdk", "agora-sdk"] {
        assert_eq!(ids_of(&["list", source]).len(), counts::codes(source));
    }
    for (source, sources) in [
        ("zego-sdk", "document (zego-zim) does"),
        ("tencent-sdk", "documents (tencent-chat, tencent-im) do"),
        (
            "agora-sdk",
            "documents (agora-chat, agora-chat-android, agora-chat-ios, agora-chat-unity) do",
        ),
    ] {
        for e in entries(&["list", source]) {
            assert_eq!(e["documented"], false);
            assert_eq!(e["description"], "", "never a made-up description");
            let name = e["name"].as_str().unwrap();
            let symbols: Vec<&str> = e["symbols"]
                .as_object()
                .unwrap()
                .values()
                .flat_map(|names| names.as_array().unwrap())
                .map(|n| n.as_str().unwrap())
                .collect();
            assert!(symbols.contains(&name), "{e}");
            let note = e["note"].as_str().unwrap();
            assert!(
                note.starts_with(&format!(
                    "The vendor's error-code {sources} not describe this code; the SDK defines it as {name} ("
                )),
                "{note}"
            );
        }
    }
}

#[test]
fn sdk_only_entries_are_found_by_number_and_marked() {
    // Their JSON: the snapshot lookup_json_sdk_only (cli.rs).
    let card = stdout_of(&["lookup", "agora", "5", "--format", "table"]);
    assert!(
        card.contains("Not described in the vendor's error-code document"),
        "{card}"
    );
    assert!(card.contains("AgoraChatErrorServiceArrearages"), "{card}");
    let plain = stdout_of(&["lookup", "agora", "5"]);
    let columns: Vec<&str> = plain.trim_end().split('\t').collect();
    assert_eq!(
        columns[14..],
        [
            "sdk-only",
            "ios:AgoraChatErrorServiceArrearages ios:EMErrorServiceArrearages"
        ]
    );
}

#[test]
fn documented_only_hides_them_from_lookup_search_and_list() {
    let out = chaterr()
        .args(["lookup", "agora", "7", "--documented-only"])
        .output();
    assert_eq!(out.status.code(), Some(1));
    let agora = entries(&["list", "agora", "--documented-only", "--all-editions"]);
    assert_eq!(agora.len(), counts::of_vendor("agora", true));
    assert!(agora.iter().all(|e| e["documented"] == true));
    assert_eq!(
        entries(&["list", "agora", "--all-editions"]).len(),
        counts::of_vendor("agora", true) + counts::of_vendor("agora", false)
    );
    let hits = ids_of(&["search", "AgoraChatErrorServiceArrearages", "--limit", "0"]);
    assert_eq!(hits[0], id("agora-sdk", 5), "the exact symbol first");
    let hidden = ids_of(&[
        "search",
        "AgoraChatErrorServiceArrearages",
        "--limit",
        "0",
        "--documented-only",
    ]);
    assert_eq!(
        hidden,
        hits[1..]
            .iter()
            .filter(|(s, _)| !s.ends_with("-sdk"))
            .cloned()
            .collect::<Vec<_>>()
    );
    // The limit counts what is shown.
    let limited = ids_of(&[
        "search",
        "AgoraChatErrorServiceArrearages",
        "--limit",
        "3",
        "--documented-only",
    ]);
    assert_eq!(limited, hidden[..3]);
}

#[test]
fn list_and_search_show_sdk_only_entries_after_documented_ones() {
    let agora = entries(&["list", "agora", "--all-editions"]);
    let first_sdk = agora.iter().position(|e| e["documented"] == false).unwrap();
    assert_eq!(first_sdk, counts::of_vendor("agora", true));
    assert!(agora[first_sdk..].iter().all(|e| e["documented"] == false));
    let hits = entries(&["search", "call failed", "--vendor", "agora", "--limit", "0"]);
    let first_sdk = hits.iter().position(|e| e["documented"] == false).unwrap();
    assert!(first_sdk > 0, "documented hits come first");
    assert!(hits[first_sdk..].iter().all(|e| e["documented"] == false));
    let sdk_hits: Vec<i64> = hits[first_sdk..]
        .iter()
        .map(|e| e["code"].as_i64().unwrap())
        .collect();
    assert!(
        sdk_hits.contains(&803) && sdk_hits.contains(&804),
        "{sdk_hits:?}"
    );
}

// ---- the notes where a symbol contradicts the document ------------------------------------------

#[test]
fn the_notes_say_where_the_sdk_contradicts_the_document() {
    let note = |args: &[&str]| -> String {
        let found = entries(args);
        assert_eq!(found.len(), 1, "{args:?}");
        found[0]["note"].as_str().unwrap_or_default().to_owned()
    };
    for (code, symbol, text) in [
        (
            6000803,
            "ZIMErrorCodeFriendModuleIsAlreadyYourFriend",
            "repeats the text of 6000802",
        ),
        (
            6000811,
            "ZIMErrorCodeFriendModuleFriendAreUnregistered",
            "repeats the text of 6000810",
        ),
        (
            6000286,
            "ZIMErrorCodeMessageModuleMessageExceedsEditTime",
            "call-mode error",
        ),
    ] {
        let n = note(&["lookup", "zego-zim", &code.to_string()]);
        assert!(n.contains(symbol) && n.contains(text), "{code}: {n}");
    }
    let n = note(&["lookup", "tencent-chat", "51007"]);
    assert!(n.contains("ERR_SVR_CONV_CONV_MARK_OPERATE_FAILED"), "{n}");
    let n = note(&["lookup", "agora-chat", "203"]);
    assert!(n.contains("AgoraChatErrorUserAlreadyExist"), "{n}");
    let n = note(&["lookup", "agora-chat", "403"]);
    assert!(
        n.contains("AgoraChatErrorFileDownloadFailed") && n.contains("downloads"),
        "{n}"
    );
    let n = note(&["lookup", "agora-chat", "1500"]);
    assert!(
        n.contains("AgoraChatErrorNotSupportPush") && n.contains("1403"),
        "{n}"
    );
    // The card shows the note.
    let card = stdout_of(&["lookup", "zego-zim", "6000803", "--format", "table"]);
    assert!(card.contains("Note") && card.contains("6000802"), "{card}");
}

// ---- search by the words of a symbol --------------------------------------------------------

#[test]
fn search_matches_the_words_of_symbols() {
    for query in ["token invalid", "TokenInvalid", "networkModuleTokenInvalid"] {
        let top: Vec<_> = ids_of(&["search", query, "--vendor", "zego", "--limit", "1"]);
        assert_eq!(top, [id("zego-zim-en", 6000103)], "{query}");
    }
    // A word only the symbol ERR_SDK_NET_HOST_GETADDRINFO_FAILED has: no document text says it.
    // Every edition: ranked search would fold the two near-identical rows of 9516 into one.
    let found = entries(&["search", "getaddrinfo", "--limit", "0", "--all-editions"]);
    let found_ids: Vec<_> = found
        .iter()
        .map(|e| {
            (
                e["source"].as_str().unwrap().to_owned(),
                e["code"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found_ids,
        [id("tencent-chat", 9516), id("tencent-im", 9516)]
    );
    for e in &found {
        let mut texts = e.clone();
        texts["symbols"] = json!({});
        assert!(
            !texts.to_string().to_lowercase().contains("getaddrinfo"),
            "{e}"
        );
    }
    // The grep-like modes read the symbols too.
    assert_eq!(
        ids_of(&["search", "-F", "ERR_SDK_NET_HOST_GETADDRINFO_FAILED"]),
        found_ids
    );
}

// ---- users' catalogues ------------------------------------------------------------------------

#[test]
fn a_users_override_keeps_the_sdk_symbols() {
    let sandbox = Sandbox::new();
    let path = sandbox.write(
        "zim.toml",
        "[source]\nid = \"zego-zim\"\nvendor = \"zego\"\n\n[[codes]]\ncode = 6000103\n\
         description = \"Our own words.\"\n",
    );
    let found = entries(&[
        "lookup",
        "zego-zim",
        "ZIMErrorCodeNetworkModuleTokenInvalid",
        "--catalog",
        path.to_str().unwrap(),
    ]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["description"], "Our own words.");
    assert_eq!(found[0]["origin"], path.to_str().unwrap());
    assert_eq!(
        found[0]["symbols"]["ios"],
        json!(["ZIMErrorCodeNetworkModuleTokenInvalid"])
    );
}
