//! In-process timing of the model's query path: parse, tokenize, forward pass, for queries of
//! about 4, 12 and 30 tokens. `cargo run --release -p chaterr-minilm --example timing -- MODEL`
//! (docs/PERFORMANCE.md). Each query's line ends with a hash of its vector's bits: a change that
//! should leave the vectors as they are must leave it as it is.

use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "models/minilm-l6-int8.bin".into());
    let bytes: &'static [u8] = Box::leak(
        std::fs::read(path)
            .expect("read the model")
            .into_boxed_slice(),
    );
    for _ in 0..3 {
        let start = Instant::now();
        let _ = chaterr_minilm::Bert::parse(bytes, None).expect("parse");
        let ms = start.elapsed().as_secs_f64() * 1e3;
        println!("parse, building the vocabulary index: {ms:.2} ms");
    }
    let words = chaterr_minilm::Bert::vocabulary(bytes).expect("a vocabulary");
    let index: &'static [u8] =
        Box::leak(chaterr_minilm::vocabulary_index(words).into_boxed_slice());
    for _ in 0..3 {
        let start = Instant::now();
        let _ = chaterr_minilm::Bert::parse(bytes, Some(index)).expect("parse");
        let ms = start.elapsed().as_secs_f64() * 1e3;
        println!("parse, the index given (as chaterr does): {ms:.2} ms");
    }
    let model = chaterr_minilm::Bert::parse(bytes, Some(index)).expect("parse");
    let queries = [
        "token expired",
        "someone else signed in with my account on another phone",
        "E/ZIM: login failed because the token has expired, please request a new token from your app server and call renewToken",
    ];
    for q in queries {
        let start = Instant::now();
        let ids = model.sequence(q);
        let tok = start.elapsed().as_secs_f64() * 1e3;
        let n = 20;
        let start = Instant::now();
        let mut v = Vec::new();
        for _ in 0..n {
            v = model.embed_ids(&ids);
        }
        let each = start.elapsed().as_secs_f64() * 1e3 / n as f64;
        let bits = v.iter().fold(0u64, |h, x| {
            (h ^ u64::from(x.to_bits())).wrapping_mul(0x100000001b3)
        });
        println!(
            "{} tokens: tokenize {tok:.3} ms, forward {each:.2} ms (bits {bits:016x})",
            ids.len()
        );
    }
}
