//! chaterr's classification (docs/classification.md): every embedded entry carries class,
//! retry and concept; the labels keep the rules' invariants; a second, independent labelling
//! of a sample agrees with them.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use chaterr::Catalogue;
use chaterr::catalogue::Field;
use chaterr_catalogue::field::{CLASSES, RETRIES};

fn labels_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/codes/ours/labels"))
}

/// Every label as written, by (source, code): class, retry, concept, and its note if any.
fn labels() -> HashMap<(String, i64), toml::Table> {
    let mut all = HashMap::new();
    for entry in fs::read_dir(labels_dir()).unwrap() {
        let path = entry.unwrap().path();
        let source = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let file: toml::Table = fs::read_to_string(&path).unwrap().parse().unwrap();
        for label in file["labels"].as_array().unwrap() {
            let label = label.as_table().unwrap().clone();
            let code = label["code"].as_integer().unwrap();
            all.insert((source.clone(), code), label);
        }
    }
    all
}

#[test]
fn every_entry_has_a_class_a_retry_and_a_known_concept() {
    let catalogue = Catalogue::embedded();
    let concepts: Vec<String> = catalogue.concepts().map(|c| c.id.to_string()).collect();
    for entry in catalogue.entries() {
        let label = |field| {
            entry.text(field).unwrap_or_else(|| {
                panic!(
                    "{} {} has no {field:?}",
                    catalogue.source_of(entry).id,
                    entry.code
                )
            })
        };
        assert!(CLASSES.contains(&label(Field::Class)));
        assert!(RETRIES.contains(&label(Field::Retry)));
        assert!(concepts.iter().any(|c| c == label(Field::Concept)));
    }
}

#[test]
fn every_concept_has_entries_a_title_guidance_and_our_words() {
    let catalogue = Catalogue::embedded();
    for concept in catalogue.concepts() {
        assert!(
            !catalogue.members(&concept.id).is_empty(),
            "{} is unused",
            concept.id
        );
        for text in [
            &concept.title,
            &concept.title_zh,
            &concept.guidance,
            &concept.guidance_zh,
        ] {
            assert!(!text.trim().is_empty(), "{} lacks a text", concept.id);
        }
        assert!(
            concept.words.lines().count() >= 3,
            "{} has few words",
            concept.id
        );
        assert!(
            concept.words_zh.lines().count() >= 2,
            "{} has few Chinese words",
            concept.id
        );
    }
}

#[test]
fn labels_keep_the_rules() {
    let catalogue = Catalogue::embedded();
    let labels = labels();
    let frequency = regex::Regex::new(
        r"(?i)frequen|too many requests|too often|rate limit|per second|per minute|throttl",
    )
    .unwrap();
    for entry in catalogue.entries() {
        let source = &catalogue.source_of(entry).id;
        let class = entry.text(Field::Class).unwrap();
        let retry = entry.text(Field::Retry).unwrap();
        let why = |what: &str| format!("{source} {}: {what}", entry.code);
        assert!(
            !(class == "invalid_argument" && retry == "backoff"),
            "{}",
            why("backoff never goes with invalid_argument")
        );
        if class == "success" {
            assert_eq!(retry, "never", "{}", why("a success is not retried"));
        }
        if class == "auth" && retry == "backoff" {
            panic!("{}", why("an auth failure is not cured by waiting"));
        }
        if frequency.is_match(entry.description()) && class != "rate_limit" {
            let note = labels[&(source.to_string(), entry.code)].get("note");
            assert!(
                note.is_some(),
                "{}",
                why("a text about frequency is rate_limit unless its label's note says why not")
            );
        }
    }
}

/// The main labels against tests/data/classification-sample.toml, labelled independently
/// (every sixth entry of each document, without seeing the main labels). The figures are in
/// docs/classification.md; this holds them from falling.
#[test]
fn an_independent_labelling_of_a_sample_agrees() {
    let labels = labels();
    let text = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/classification-sample.toml"
    ))
    .unwrap();
    let sample: toml::Table = text.parse().unwrap();
    let sample = sample["sample"].as_array().unwrap();
    let (mut class, mut retry) = (0, 0);
    for item in sample {
        let key = (
            item["source"].as_str().unwrap().to_owned(),
            item["code"].as_integer().unwrap(),
        );
        let label = &labels[&key];
        class += usize::from(label["class"].as_str() == item["class"].as_str());
        retry += usize::from(label["retry"].as_str() == item["retry"].as_str());
    }
    let n = sample.len() as f64;
    assert!(
        sample.len() >= 150,
        "the sample has {} entries",
        sample.len()
    );
    let (class, retry) = (class as f64 / n, retry as f64 / n);
    eprintln!("agreement on {n} entries: class {class:.3}, retry {retry:.3}");
    assert!(class >= 0.90, "class agreement {class:.3}");
    assert!(retry >= 0.90, "retry agreement {retry:.3}");
}
