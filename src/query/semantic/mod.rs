//! Search by meaning: all-MiniLM-L6-v2 run in full on the query (crates/minilm, int8 weights
//! from models/minilm-l6-int8.bin), compared with the entries' vectors computed beforehand by the
//! same forward pass (models/entry-vectors.bin, `cargo xtask embed`), and fused with the lexical
//! ranking (`fusion`). models/README.md says where the model comes from.
//!
//! Both files are optional at build time: build.rs sets `chaterr_model` and `chaterr_vectors`
//! when they are there. Without them (the crate as published) search is lexical only.

mod fusion;
pub mod glossary;
mod users;
mod vectors;

use std::sync::OnceLock;

pub use chaterr_minilm::{Bert, ModelError, dot};
pub use fusion::fuse;
pub use vectors::{Meaning, texts_hash, write_vectors};

use crate::catalogue::{Entry, Field};

#[cfg(chaterr_model)]
const MODEL_FILE: Option<&[u8]> = Some(include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/models/minilm-l6-int8.bin"
)));
#[cfg(not(chaterr_model))]
const MODEL_FILE: Option<&[u8]> = None;

/// The model's vocabulary sorted, for the tokenizer (build.rs makes it from the model file).
#[cfg(chaterr_model)]
const VOCABULARY_INDEX: Option<&[u8]> = Some(include_bytes!(concat!(
    env!("OUT_DIR"),
    "/vocabulary-index.bin"
)));
#[cfg(not(chaterr_model))]
const VOCABULARY_INDEX: Option<&[u8]> = None;

#[cfg(chaterr_vectors)]
const VECTORS_FILE: Option<&[u8]> = Some(include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/models/entry-vectors.bin"
)));
#[cfg(not(chaterr_vectors))]
const VECTORS_FILE: Option<&[u8]> = None;

/// The model compiled into chaterr, parsed on first use; `None` when chaterr was built without
/// models/minilm-l6-int8.bin.
pub fn model() -> Option<&'static Bert> {
    static MODEL: OnceLock<Option<Bert>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            MODEL_FILE
                .map(|f| Bert::parse(f, VOCABULARY_INDEX).expect("the embedded model is valid"))
        })
        .as_ref()
}

/// The embedded catalogue's vectors; `None` when chaterr was built without the model or
/// without models/entry-vectors.bin.
pub fn meaning() -> Option<&'static Meaning> {
    static MEANING: OnceLock<Option<Meaning>> = OnceLock::new();
    MEANING
        .get_or_init(|| {
            model()?;
            VECTORS_FILE.map(|f| Meaning::parse(f).expect("the embedded vectors are valid"))
        })
        .as_ref()
}

/// A text's vector: the model's mean-pooled, L2-normalised output.
pub fn embed(model: &Bert, text: &str) -> Vec<f32> {
    model.embed(text)
}

/// What the model reads of an entry: its name split into words, description, reason and
/// action (the non-empty ones joined by ". "); an entry with none of these, only an SDK symbol,
/// is read by its first symbol's name.
pub fn entry_text(entry: &Entry) -> String {
    let prose = [Field::Description, Field::Reason, Field::Action].map(|f| entry.text(f));
    let name = entry.name().or_else(|| {
        prose
            .iter()
            .all(Option::is_none)
            .then(|| entry.symbols.first().map(|s| s.name.as_ref()))
            .flatten()
    });
    let name = name.map(split_identifier);
    name.as_deref()
        .into_iter()
        .chain(prose.into_iter().flatten())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(". ")
}

/// `ZIMErrorCodeNetworkModuleTokenInvalid` → `ZIM Error Code Network Module Token Invalid`,
/// `ERR_SDK_NOT_LOGGED_IN` → `ERR SDK NOT LOGGED IN`.
fn split_identifier(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            out.push(' ');
            continue;
        }
        if i > 0 && c.is_ascii_uppercase() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            if prev.is_ascii_lowercase()
                || prev.is_ascii_digit()
                || (prev.is_ascii_uppercase() && next_lower)
            {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
