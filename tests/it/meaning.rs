//! Search by meaning: a symptom in a user's own words (English or Chinese) finds the codes of
//! that problem. These sentences were written for this test, not taken from the evaluation set
//! (tests/data/search-eval), which measures the same on queries other people wrote.

use crate::common::{json_of, strings};

/// The concept of the first hit of a search.
fn first_concept(query: &str) -> String {
    let hits = json_of(&["search", query, "--limit", "3"]);
    hits[0]["concept"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn paraphrases_find_their_problem() {
    for (query, concept) in [
        (
            "someone else signed in with my account on another phone",
            "kicked_offline",
        ),
        ("user was silenced by the group admin", "user_muted"),
        (
            "backend says the request signature doesnt match",
            "signature_invalid",
        ),
        ("发消息太频繁", "rate_limited"),
        ("被对方拉黑了发不出去", "blocked_by_user"),
    ] {
        assert_eq!(first_concept(query), concept, "{query}");
    }
}

#[test]
fn too_old_reads_as_expiry() {
    // The lexical ranking reads "too old" as expired; fused with the sentence model, which
    // likes any ticket failure, the expired ticket stays among the first three.
    let query = "login ticket is too old";
    let lexical = crate::common::chaterr()
        .env("CHATERR_RANKING", "lexical")
        .args(["search", query, "--limit", "1"])
        .json();
    assert_eq!(lexical[0]["concept"], "token_expired", "{lexical}");
    let top = concepts(query, 3);
    assert!(top.iter().any(|c| c == "token_expired"), "{top:?}");
}

#[test]
fn a_code_in_a_sentence_finds_that_code_first() {
    let hits = json_of(&["search", "无法登陆报错6014", "--limit", "1"]);
    assert_eq!(hits[0]["code"], 6014);
    let hits = json_of(&["search", "login keeps failing with 70001", "--limit", "1"]);
    assert_eq!(hits[0]["code"], 70001);
}

#[test]
fn negations_are_read() {
    // "isn't a member" is the not-a-member problem, not the already-a-member one.
    let hits = json_of(&[
        "search",
        "he isn't in the group so he can't post",
        "--limit",
        "5",
    ]);
    let concepts = strings(&hits, "concept");
    assert!(concepts.contains(&"not_group_member"), "{concepts:?}");
    assert!(!concepts.contains(&"already_group_member"), "{concepts:?}");
}

/// The concepts of the first `n` hits of a search.
fn concepts(query: &str, n: usize) -> Vec<String> {
    let hits = json_of(&["search", query, "--limit", &n.to_string()]);
    strings(&hits, "concept")
        .into_iter()
        .map(str::to_owned)
        .collect()
}

#[test]
fn everyday_names_find_the_vendors_things() {
    // DM / private chat for one-to-one, username for the user ID, channel for group, profile
    // picture for the face URL, a tablet for "another device".
    for (query, concept) in [
        ("isn't friends so can't DM", "not_friend"),
        (
            "too many people in the channel, nobody else can join",
            "group_full",
        ),
        ("群头像地址不合法", "group_profile_field_invalid"),
        (
            "my account got signed in on a tablet and the phone was logged out",
            "kicked_offline",
        ),
    ] {
        assert_eq!(first_concept(query), concept, "{query}");
    }
    // A username nobody registered: the user is not found, or (ZEGO's words) not registered.
    let first = first_concept("I tried to DM a username that nobody registered");
    assert!(
        ["user_not_found", "user_not_registered"].contains(&first.as_str()),
        "{first}"
    );
    // "Stuck, a second tap fails" is a call still in progress, whichever of its concepts.
    let top = concepts(
        "spinner keeps going on the login screen and a second tap fails",
        3,
    );
    assert!(top.iter().any(|c| c == "login_in_progress"), "{top:?}");
}

#[test]
fn the_rare_word_of_a_long_sentence_decides() {
    // Server, send, message, group and rejected are everywhere; "banned word" is moderation.
    let query = "from our server we send a message to the group and it is rejected because of a banned word";
    assert_eq!(first_concept(query), "sensitive_content");
}

#[test]
fn contractions_without_apostrophes_are_negations() {
    assert_eq!(
        first_concept("he isnt in the group so he cant post"),
        "not_group_member"
    );
    assert_eq!(first_concept("we arent friends"), "not_friend");
    let top = concepts("we can't find that group anymore", 5);
    assert!(top.iter().any(|c| c == "group_not_found"), "{top:?}");
}

#[test]
fn rows_that_say_nearly_the_same_are_one_hit() {
    // Agora's Android and iOS pages both say "Token has expired." of 108, under their own names.
    let agora_108 = |args: &[&str]| {
        let mut all = vec!["search", "token has expired", "--limit", "0"];
        all.extend_from_slice(args);
        json_of(&all)
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["vendor"] == "agora" && h["code"] == 108)
            .count()
    };
    assert_eq!(agora_108(&[]), 1);
    assert!(agora_108(&["--all-editions"]) >= 2);
    // One number meaning different things on Agora Web and Android stays two hits.
    let sources: Vec<String> = crate::common::ids_of(&["search", "511", "--vendor", "agora"])
        .into_iter()
        .map(|(source, _)| source)
        .collect();
    assert_eq!(sources, ["agora-chat-android", "agora-chat-web"]);
}

#[test]
fn a_message_pasted_into_a_chinese_sentence_is_read_as_a_phrase() {
    let hits = json_of(&[
        "search",
        "拉人进群时报 maximum number of group members was reached",
        "--limit",
        "3",
        "--explain",
    ]);
    assert_eq!(hits[0]["concept"], "group_full", "{hits}");
    // The rows that hold the message as it is are read as pasted; the model, reading the
    // Chinese too (拉人进群: inviting members), may put a row of the same problem first.
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .any(|h| h["explain"]["tier"] == "pasted phrase"),
        "{hits}"
    );
}

// ---- search --explain ---------------------------------------------------------------------------

#[test]
fn a_query_naming_a_vendor_ranks_that_vendors_codes_first() {
    // By key or SDK name, and by the Chinese name of Agora Chat's maker (环信, Easemob).
    for (query, vendor) in [
        ("tencent im user not found when adding friend", "tencent"),
        ("tim group owner cannot be removed", "tencent"),
        ("环信 发消息 包含敏感词", "agora"),
    ] {
        let hits = json_of(&["search", query, "--limit", "5", "--explain"]);
        let hits = hits.as_array().unwrap();
        assert_eq!(hits.len(), 5, "{query}");
        for hit in hits {
            assert_eq!(hit["vendor"], vendor, "{query}: {hit}");
            assert_eq!(hit["explain"]["vendor_named"], true, "{query}: {hit}");
        }
    }
    // The other vendors' codes follow, after every one of the named vendor's.
    let hits = json_of(&[
        "search",
        "tim group owner cannot be removed",
        "--limit",
        "0",
    ]);
    let vendors = strings(&hits, "vendor");
    let first_other = vendors.iter().position(|v| *v != "tencent");
    assert!(
        first_other.is_some_and(|i| vendors[i..].iter().all(|v| *v != "tencent")),
        "{vendors:?}"
    );
    // A query naming no vendor: none is marked.
    let hits = json_of(&["search", "group owner cannot be removed", "--explain"]);
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .all(|h| h["explain"]["vendor_named"] == false)
    );
}

#[test]
fn a_problem_is_first_told_by_the_side_the_query_speaks_of() {
    // ZEGO keeps its server API's codes in a document of their own, Tencent marks the part of
    // its document that is the SDK's: of one problem's rows, those of the side the query speaks
    // of (a server, or no server: an app) come first, and `--explain` says so.
    for (query, side) in [
        (
            "backend REST call fails because the message is too long",
            "server",
        ),
        (
            "the app shows an error when I paste a very long message",
            "app",
        ),
        ("服务端接口发消息 报消息太长", "server"),
    ] {
        let hits = json_of(&["search", query, "--limit", "0", "--explain"]);
        let rows: Vec<&serde_json::Value> = hits
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["concept"] == "message_too_long")
            .collect();
        assert!(rows.len() >= 2, "{query}: {rows:?}");
        assert_eq!(
            rows[0]["explain"]["side_said"], side,
            "{query}: {}",
            rows[0]
        );
        // ZEGO's and Agora's rows are one side's or the other's: those of the side spoken of
        // all stand before those of the other.
        let side_of = |h: &serde_json::Value| {
            let source = h["source"].as_str().unwrap();
            if source.starts_with("zego-server") {
                Some("server")
            } else if source.starts_with("zego") || source.starts_with("agora") {
                Some("app")
            } else {
                None
            }
        };
        let sides: Vec<Option<&str>> = rows.iter().map(|h| side_of(h)).collect();
        let last_said = sides.iter().rposition(|s| *s == Some(side));
        let first_other = sides.iter().position(|s| s.is_some_and(|s| s != side));
        assert!(
            last_said.is_some() && first_other.is_none_or(|o| o > last_said.unwrap()),
            "{query}: {sides:?}"
        );
    }
    // A query speaking of both sides moves nothing and marks nothing.
    let hits = json_of(&[
        "search",
        "our server signs the token but the iOS client says it is wrong",
        "--explain",
    ]);
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .all(|h| h["explain"].get("side_said").is_none())
    );
}

#[test]
fn the_model_reads_a_chinese_query_through_our_glossary() {
    // A Chinese sentence, which the model (English only) read as nothing before: the glossary
    // gives it English words, and `--explain` says which, as chaterr's.
    let query = "撤回消息失败";
    let hits = json_of(&["search", query, "--limit", "3"]);
    assert_eq!(
        hits[0].get("semantic").is_some_and(|s| s.is_number()),
        cfg!(chaterr_vectors),
        "{hits}"
    );
    let text = crate::common::stdout_of(&["search", query, "--explain", "--limit", "1"]);
    assert_eq!(
        text.contains(
            "The sentence model read the query's Chinese as \"recall message failed\" (chaterr's own terms"
        ),
        cfg!(chaterr_vectors),
        "{text}"
    );
    // The answer is a recall failure either way.
    assert!(
        hits.as_array()
            .unwrap()
            .iter()
            .any(|h| h["concept"].as_str().is_some_and(|c| c.contains("recall"))),
        "{hits}"
    );
}

#[test]
fn explain_says_why_each_hit_ranked() {
    let hits = json_of(&["search", "token expired", "--limit", "3", "--explain"]);
    let first = &hits[0];
    let explain = &first["explain"];
    assert_eq!(explain["tier"], "phrase", "{explain}");
    let parts = &explain["score"];
    let sum = parts["words"].as_f64().unwrap() * parts["coverage"].as_f64().unwrap()
        + parts["name"].as_f64().unwrap()
        + parts["tier"].as_f64().unwrap();
    assert!(
        (sum - first["score"].as_f64().unwrap()).abs() < 0.01,
        "{explain}"
    );
    let matched = explain["matched"].as_array().unwrap();
    let terms: Vec<&str> = matched.iter().filter_map(|m| m["term"].as_str()).collect();
    assert!(
        terms.contains(&"token") && terms.contains(&"expired"),
        "{terms:?}"
    );
    assert!(
        matched
            .iter()
            .any(|m| m["field"] == "description" && m["ours"] == false),
        "{explain}"
    );
    // The sentence model scored it where chaterr carries the model; without it the key is
    // absent, not null.
    assert_eq!(
        explain.get("semantic").is_some_and(|s| s.is_number()),
        cfg!(chaterr_vectors),
        "{explain}"
    );
    // The iOS page's row is folded into the Android one.
    assert!(explain["folded"].is_array());
    // Without --explain, no key.
    let plain = json_of(&["search", "token expired", "--limit", "1"]);
    assert!(plain[0].get("explain").is_none());
}

#[test]
fn explain_names_our_words_as_ours() {
    // "profile pic" is in chaterr's words for the profile's concepts, not in the vendors' texts.
    let hits = json_of(&["search", "profile pic link", "--limit", "5", "--explain"]);
    let ours: Vec<&serde_json::Value> = hits
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|h| h["explain"]["matched"].as_array().unwrap())
        .filter(|m| m["ours"] == true)
        .collect();
    assert!(!ours.is_empty(), "{hits}");
    assert!(ours.iter().all(|m| m["field"] == "ours"));
    let text = crate::common::stdout_of(&[
        "search",
        "profile pic link",
        "--limit",
        "2",
        "--explain",
        "--format",
        "plain",
    ]);
    assert!(text.contains("Why they ranked"), "{text}");
    assert!(text.contains("in chaterr's words"), "{text}");
    assert!(text.contains("tier, score"), "{text}");
}

#[test]
fn explain_tells_the_tiers_apart() {
    let tier = |query: &str| {
        json_of(&["search", query, "--limit", "1", "--explain"])[0]["explain"]["tier"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(tier("6014"), "code");
    assert_eq!(tier("ERR_SDK_NOT_LOGGED_IN"), "symbol");
    assert_eq!(tier("login keeps failing with 70001"), "code in query");
    assert_eq!(tier("token expired"), "phrase");
    assert_eq!(tier("signed in on another phone"), "words");
}

#[test]
fn explain_is_for_ranked_search_only() {
    let out = crate::common::chaterr()
        .args(["search", "-F", "token", "--explain"])
        .output();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--explain"));
}

/// Sentences whose words the lexical ranking alone reads wrongly ("avatar" is moderation there,
/// "signed in" an SDK not initialised); the sentence model, fused in, finds the problem.
#[cfg(chaterr_vectors)]
#[test]
fn the_sentence_model_finds_what_the_words_alone_miss() {
    for (query, concept) in [
        (
            "my avatar image could not be uploaded",
            "file_upload_failed",
        ),
        ("the chat app says I am not signed in yet", "not_logged_in"),
    ] {
        assert_eq!(first_concept(query), concept, "{query}");
    }
}

#[test]
fn only_a_sentence_in_words_carries_the_model_s_similarity() {
    let hits = json_of(&[
        "search",
        "my avatar image could not be uploaded",
        "--limit",
        "3",
    ]);
    assert_eq!(
        hits[0].get("semantic").is_some_and(|s| s.is_number()),
        cfg!(chaterr_vectors),
        "{hits}"
    );
    for args in [
        &["search", "6014"][..],
        &["search", "ERR_SDK_NOT_LOGGED_IN"],
        &["search", "-F", "not logged in"],
        // one Chinese word: the glossary gives one English word, no sentence
        &["search", "过期"],
        &["lookup", "zego", "6000103"],
    ] {
        let hits = json_of(args);
        assert!(hits[0].get("semantic").is_none(), "{args:?}: {hits}");
    }
}

/// A user's catalogue whose one entry says in its own words what the query says in others: no
/// word in common, no concept; only the sentence model links them.
#[cfg(chaterr_vectors)]
mod users_entries {
    use std::path::{Path, PathBuf};

    use crate::common::Sandbox;

    const QUERY: &str = "customer payment did not go through for the plan";

    fn sandbox() -> (Sandbox, PathBuf) {
        let s = Sandbox::new();
        s.write(
            "config/chaterr/codes/acme.toml",
            "[source]\nid = \"acme-billing\"\nvendor = \"acme\"\n\n[[codes]]\ncode = 4711\n\
             description = \"The subscription charge was declined by the card issuer.\"\n",
        );
        let cache = s.path().join("cache");
        (s, cache)
    }

    /// The codes `search QUERY` prints, with the cache dir given, and what it wrote on stderr.
    fn search(s: &Sandbox, cache: &Path, extra: &[&str]) -> (Vec<(String, i64)>, String) {
        let out = s
            .chaterr()
            .env("XDG_CACHE_HOME", cache)
            .args(["search", QUERY, "--limit", "10", "--json"])
            .args(extra)
            .output();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (
            crate::common::ids(&hits),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    #[test]
    fn a_user_s_entry_is_found_by_a_paraphrase() {
        let (s, cache) = sandbox();
        let wanted = ("acme-billing".to_owned(), 4711);
        // Lexically, nothing of the query is in the entry.
        let lexical = s
            .chaterr()
            .env("XDG_CACHE_HOME", &cache)
            .env("CHATERR_RANKING", "lexical")
            .args(["search", QUERY, "--vendor", "acme", "--json"])
            .output();
        assert_eq!(lexical.status.code(), Some(1), "{lexical:?}");
        let (hits, stderr) = search(&s, &cache, &["--vendor", "acme"]);
        assert_eq!(hits, std::slice::from_ref(&wanted));
        assert_eq!(stderr, "");
        // Among every vendor's entries too.
        let (hits, _) = search(&s, &cache, &[]);
        assert!(hits.contains(&wanted), "{hits:?}");
    }

    #[cfg(unix)]
    #[test]
    fn the_vectors_are_cached_and_reused() {
        use std::os::unix::fs::MetadataExt;
        let (s, cache) = sandbox();
        let file = cache.join("chaterr/user-vectors.bin");
        let (first, _) = search(&s, &cache, &[]);
        let written = std::fs::metadata(&file).expect("the first search writes the cache");
        let bytes = std::fs::read(&file).unwrap();
        let (second, _) = search(&s, &cache, &[]);
        assert_eq!(first, second);
        let again = std::fs::metadata(&file).unwrap();
        // Written again, the file would be another one (it is renamed into place).
        assert_eq!(
            (written.ino(), written.mtime_nsec()),
            (again.ino(), again.mtime_nsec())
        );
        assert_eq!(std::fs::read(&file).unwrap(), bytes);
        assert_eq!(
            std::fs::read_dir(file.parent().unwrap()).unwrap().count(),
            1
        );
    }

    #[test]
    fn one_search_embeds_a_bounded_number_of_entries() {
        let s = Sandbox::new();
        let mut toml = String::from("[source]\nid = \"acme-big\"\nvendor = \"acme\"\n");
        for code in 0..40 {
            toml.push_str(&format!(
                "\n[[codes]]\ncode = {code}\ndescription = \"Charge {code} was declined by the card issuer.\"\n"
            ));
        }
        s.write("config/chaterr/codes/acme.toml", &toml);
        let cache = s.path().join("cache");
        let file = cache.join("chaterr/user-vectors.bin");
        // The file: a 24-byte header, then 396 bytes a vector (8 key, 4 scale, 384 values).
        let vectors = || (std::fs::metadata(&file).unwrap().len() - 24) / 396;
        search(&s, &cache, &["--vendor", "acme"]);
        let first = vectors();
        assert!(
            (1..=16).contains(&first),
            "{first} vectors after one search"
        );
        search(&s, &cache, &["--vendor", "acme"]);
        let second = vectors();
        assert!(
            second > first && second <= first + 16,
            "{first}, then {second}"
        );
    }

    #[test]
    fn a_corrupt_or_unwritable_cache_is_no_error() {
        let (s, cache) = sandbox();
        let wanted = ("acme-billing".to_owned(), 4711);
        let file = cache.join("chaterr/user-vectors.bin");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        for garbage in [&b"CHUVEC\x00\x01 not vectors"[..], b"", &[0xff; 4096]] {
            std::fs::write(&file, garbage).unwrap();
            let (hits, stderr) = search(&s, &cache, &["--vendor", "acme"]);
            assert_eq!(hits, std::slice::from_ref(&wanted));
            assert_eq!(stderr, "");
        }
        // A cache dir that is a file: nothing can be written, the search is the same.
        let blocked = s.write("blocked", "a file, not a folder");
        let (hits, stderr) = search(&s, &blocked, &["--vendor", "acme"]);
        assert_eq!(hits, [wanted]);
        assert_eq!(stderr, "");
    }
}

#[test]
fn a_platform_s_own_numbering_comes_after_the_shared_one() {
    // Agora Web numbers its errors its own way; its shorter wording of a full chat room used to
    // come first for a query that names no platform.
    let first = |query: &str| {
        let hits = json_of(&["search", "--vendor", "agora", query, "--limit", "1"]);
        hits[0]["source"].as_str().unwrap_or_default().to_owned()
    };
    let query = "the chat room has no space left for another member";
    assert_ne!(first(query), "agora-chat-web", "{query}");
    let query = "the chat room has no space left for another member, in the browser";
    assert_eq!(first(query), "agora-chat-web", "{query}");
}

/// Words nothing in the catalogue reads like find nothing (exit 1): where the model's nearest
/// entry is far, its ranking is noise and brings no entry in; a number run on from a word
/// (`w6003`) is no code mentioned, nor a typo of a number.
#[test]
fn words_nothing_reads_like_find_nothing() {
    // `w1403` is no typo of the 1403 a vendor's note has: a number one digit off is another.
    for query in ["zzqx blorf", "w123 w4567 w99", "w6003 w9513", "w1403"] {
        let out = crate::common::chaterr().args(["search", query]).output();
        assert_eq!(out.status.code(), Some(1), "{query}");
        assert!(out.stdout.is_empty(), "{query}");
    }
}
