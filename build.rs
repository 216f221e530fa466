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
        if vectors.is_file() {
            println!("cargo::rerun-if-changed={}", vectors.display());
            println!("cargo::rustc-cfg=chaterr_vectors");
        }
    }
}
