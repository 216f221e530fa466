use super::*;
use crate::catalogue::Catalogue;

#[test]
fn names_read_as_words() {
    assert_eq!(
        split_identifier("ZIMErrorCodeNetworkModuleTokenInvalid"),
        "ZIM Error Code Network Module Token Invalid"
    );
    assert_eq!(
        split_identifier("ERR_SDK_NOT_LOGGED_IN"),
        "ERR SDK NOT LOGGED IN"
    );
    assert_eq!(split_identifier("user2Name"), "user2 Name");
}

#[test]
fn an_entry_reads_as_its_name_and_prose() {
    let catalogue = Catalogue::embedded();
    let entry = catalogue
        .entries()
        .find(|e| e.code == 108 && e.name() == Some("TOKEN_EXPIRED"))
        .expect("agora 108");
    let text = entry_text(entry);
    assert!(
        text.starts_with("TOKEN EXPIRED. Token has expired."),
        "{text}"
    );
}

#[cfg(not(chaterr_model))]
#[test]
fn without_the_model_file_search_is_lexical_alone() {
    assert!(model().is_none());
    assert!(meaning().is_none());
}

#[cfg(chaterr_model)]
mod with_the_model {
    use super::*;

    fn nearer(query: &str, near: &str, far: &str) -> (f32, f32) {
        let m = model().expect("built with the model");
        let q = embed(m, query);
        (dot(&q, &embed(m, near)), dot(&q, &embed(m, far)))
    }

    #[test]
    fn the_model_file_is_the_committed_one() {
        use sha2::{Digest, Sha256};
        let digest: String = Sha256::digest(MODEL_FILE.expect("built with the model"))
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(
            digest,
            "7a385747d0604834837cef635b68fde9be6a8aedaf443fc6fd43d270166dc437"
        );
    }

    #[test]
    fn related_texts_are_nearer() {
        let (near, far) = nearer("profile picture", "avatar", "token");
        assert!(near > far, "avatar {near} vs token {far}");
        let (near, far) = nearer(
            "login ticket is too old",
            "The user signature has expired.",
            "The group is full.",
        );
        assert!(near > far, "{near} vs {far}");
        let (near, far) = nearer(
            "DM fails after the other person blocked me",
            "The sender is on the recipient's blocklist.",
            "The message is too long.",
        );
        assert!(near > far, "{near} vs {far}");
    }

    /// export.py's numpy forward pass on the same int8 weights computed these.
    #[test]
    fn embeds_as_the_numpy_reference_does() {
        let m = model().expect("built with the model");
        let fixture: serde_json::Value = serde_json::from_str(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/semantic/parity.json"
        )))
        .expect("parity.json is JSON");
        let cases = fixture.as_object().expect("an object");
        assert!(cases.len() >= 4);
        for (text, case) in cases {
            let ids: Vec<u32> = case["ids"]
                .as_array()
                .expect("ids")
                .iter()
                .map(|v| v.as_u64().expect("an id") as u32)
                .collect();
            assert_eq!(m.sequence(text), ids, "{text}");
            let expected: Vec<f32> = case["vector"]
                .as_array()
                .expect("vector")
                .iter()
                .map(|v| v.as_f64().expect("a number") as f32)
                .collect();
            let got = embed(m, text);
            assert_eq!(got.len(), expected.len());
            let worst = got
                .iter()
                .zip(&expected)
                .map(|(a, b)| (a - b).abs())
                .fold(0f32, f32::max);
            assert!(worst < 1e-4, "{text}: off by {worst}");
            assert!(dot(&got, &expected) > 0.99999, "{text}");
        }
    }

    /// Expected ids from the teacher's tokenizer.json through Python's `tokenizers`.
    #[test]
    fn tokenizes_as_bert_does() {
        let t = &model().expect("built with the model").tokenizer;
        let cases: [(&str, &[u32]); 4] = [
            (
                "Token expired, please renew it!",
                &[19204, 13735, 1010, 3531, 20687, 2009, 999],
            ),
            (
                "ZIMErrorCodeNetworkModuleTokenInvalid",
                &[
                    1062, 14428, 18933, 29566, 4181, 3388, 6198, 5302, 8566, 7485, 11045, 11483,
                    10175, 3593,
                ],
            ),
            (
                "Café naïve résumé — Über Ærø",
                &[7668, 15743, 13746, 1517, 19169, 1097, 2099, 16415],
            ),
            (
                "登录失败，token 无效。",
                &[100, 100, 100, 100, 1989, 19204, 100, 100, 1636],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(t.ids(text), expected, "{text}");
        }
    }

    #[cfg(chaterr_vectors)]
    #[test]
    fn the_entry_vectors_are_those_of_the_catalogue_as_it_is() {
        let catalogue = Catalogue::embedded();
        let meaning = meaning().expect("built with the vectors");
        assert_eq!(meaning.entries(), catalogue.len());
        assert_eq!(
            meaning.texts_hash,
            texts_hash(&catalogue),
            "the catalogue's texts changed: run `cargo xtask embed` and commit models/entry-vectors.bin"
        );
    }

    #[cfg(chaterr_vectors)]
    #[test]
    fn a_stored_vector_is_the_model_s_vector_of_the_entry() {
        let catalogue = Catalogue::embedded();
        let meaning = meaning().expect("built with the vectors");
        let m = model().expect("built with the model");
        for i in [0, catalogue.len() / 2, catalogue.len() - 1] {
            let v = embed(m, &entry_text(catalogue.entry(i)));
            let stored = meaning.entry_similarity(i, &v);
            assert!(stored > 0.999, "entry {i}: {stored}");
        }
    }
}
