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
}
