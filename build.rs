//! Compiles codes/ into static tables (chaterr_catalogue::compile), so the binary neither reads
//! nor parses TOML to answer a query. A file that fails validation fails the build.

use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    println!("cargo::rerun-if-changed=codes");
    println!("cargo::rerun-if-changed=codes/symbols");
    println!("cargo::rerun-if-changed=codes/ours");
    println!("cargo::rerun-if-changed=codes/ours/labels");
    println!("cargo::rerun-if-changed=codes/ours/words");
    let compiled = chaterr_catalogue::compile::compile(Path::new("codes"), "embedded.txt")
        .unwrap_or_else(|failures| panic!("the embedded catalogue is invalid:\n{failures}"));
    for path in &compiled.inputs {
        println!("cargo::rerun-if-changed={}", path.display());
    }
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("embedded.rs"), compiled.rust).expect("write embedded.rs");
    fs::write(out.join("embedded.txt"), compiled.text).expect("write embedded.txt");
    models();
}

/// The sentence model and the entries' vectors are compiled in when they are there (a checkout
/// of the repository); the published crate has no room for them and searches lexically alone.
fn models() {
    println!("cargo::rustc-check-cfg=cfg(chaterr_model)");
    println!("cargo::rustc-check-cfg=cfg(chaterr_vectors)");
    println!("cargo::rerun-if-changed=models");
    let model = Path::new("models/minilm-l6-int8.bin");
    let vectors = Path::new("models/entry-vectors.bin");
    if model.is_file() {
        println!("cargo::rerun-if-changed={}", model.display());
        println!("cargo::rustc-cfg=chaterr_model");
        model_index(model);
        if vectors.is_file() {
            println!("cargo::rerun-if-changed={}", vectors.display());
            println!("cargo::rustc-cfg=chaterr_vectors");
        }
    }
}

/// The model's vocabulary index (chaterr_minilm::vocabulary_index), so that a search does not
/// build it at every start, and a hash of the model file, which keys users' cached vectors.
fn model_index(model: &Path) {
    let bytes = fs::read(model).expect("read models/minilm-l6-int8.bin");
    let words = chaterr_minilm::Bert::vocabulary(&bytes)
        .unwrap_or_else(|e| panic!("models/minilm-l6-int8.bin: {e}"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(
        out.join("vocabulary-index.bin"),
        chaterr_minilm::vocabulary_index(words),
    )
    .expect("write vocabulary-index.bin");
    // FNV-1a over the file, eight bytes at a time (a debug build script hashes 23 MB in well
    // under a second this way).
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for chunk in bytes.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        hash ^= u64::from_le_bytes(word);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    println!("cargo::rustc-env=CHATERR_MODEL_HASH={hash:016x}");
}
