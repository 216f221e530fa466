//! Search by meaning: a symptom in a user's own words (English or Chinese) finds the codes of
//! that problem. These sentences were written for this test, not taken from the evaluation set
//! (tests/data/search-eval), which measures the same on queries other people wrote.

use crate::common::json_of;

/// The concept of the first hit of a search.
fn first_concept(query: &str) -> String {
    let hits = json_of(&["search", query, "--limit", "3"]);
    hits[0]["concept"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn paraphrases_find_their_problem() {
    for (query, concept) in [
        ("login ticket is too old", "token_expired"),
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
    let concepts: Vec<&str> = hits
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["concept"].as_str())
        .collect();
    assert!(concepts.contains(&"not_group_member"), "{concepts:?}");
    assert!(!concepts.contains(&"already_group_member"), "{concepts:?}");
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
        &["search", "发消息太频繁"],
        &["lookup", "zego", "6000103"],
    ] {
        let hits = json_of(args);
        assert!(hits[0].get("semantic").is_none(), "{args:?}: {hits}");
    }
}
