//! `cargo xtask package`: the crates as crates.io would receive them.
//!
//! `cargo package` packs the three crates (its own verification, a debug build from the tarball, is
//! what `cargo publish --dry-run` does; CI runs both). Then this checks what a `cargo install
//! chaterr` user gets: each crate under crates.io's 10 MB, the catalogue inside, and `cargo
//! install` of the unpacked tarball (the release profile, as users get it), in a folder with
//! nothing beside it and without the network, giving a binary that answers.

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run;

/// The workspace's library crates chaterr depends on, published beside it.
const LIBRARIES: [&str; 2] = ["chaterr-catalogue", "chaterr-minilm"];

/// crates.io refuses a crate file larger than this.
pub const CRATES_IO_LIMIT: u64 = 10 * 1024 * 1024;

/// `allow_dirty`: pack uncommitted changes too (as `cargo package --allow-dirty`).
pub fn package(root: &Path, allow_dirty: bool) -> io::Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut pack = Command::new(&cargo);
    pack.current_dir(root).args([
        "package",
        "--workspace",
        "--exclude",
        "xtask",
        "--no-verify",
    ]);
    if allow_dirty {
        pack.arg("--allow-dirty");
    }
    run(&mut pack)?;

    let version = crate::dist::version(root)?;
    let packaged = crate::target_dir(root).join("package");
    let mut crates = Vec::new();
    for name in std::iter::once("chaterr").chain(LIBRARIES) {
        let file = packaged.join(format!("{name}-{version}.crate"));
        let size = std::fs::metadata(&file)?.len();
        if size > CRATES_IO_LIMIT {
            return Err(io::Error::other(format!(
                "{} is {size} bytes, over crates.io's {CRATES_IO_LIMIT}",
                file.display()
            )));
        }
        eprintln!("xtask: {} ({size} bytes)", file.display());
        crates.push(file);
    }

    // Unpacked away from the repository: no ../shared, no workspace, no .cargo/config.toml.
    let away = std::env::temp_dir().join(format!("chaterr-package-{}", std::process::id()));
    let result = install_unpacked(&cargo, root, &crates, &away, &version);
    let _ = std::fs::remove_dir_all(&away);
    result
}

fn install_unpacked(
    cargo: &std::ffi::OsStr,
    root: &Path,
    crates: &[PathBuf],
    away: &Path,
    version: &str,
) -> io::Result<()> {
    std::fs::create_dir_all(away)?;
    for file in crates {
        run(Command::new("tar")
            .arg("-x")
            .arg("-z")
            .arg("-f")
            .arg(file)
            .arg("-C")
            .arg(away))?;
    }
    let source = away.join(format!("chaterr-{version}"));
    for needed in ["codes", "build.rs", "man", "completions"] {
        if !source.join(needed).exists() {
            return Err(io::Error::other(format!(
                "the packaged crate has no {needed}"
            )));
        }
    }
    // The sentence model is over the limit: the crate builds without it (lexical search alone).
    if source.join("models").join("minilm-l6-int8.bin").exists() {
        return Err(io::Error::other(
            "the packaged crate holds the sentence model (23 MB): Cargo.toml's exclude lost it",
        ));
    }
    // The libraries are not on crates.io yet: the unpacked ones stand in for them.
    let installed = away.join("root");
    let mut install = Command::new(cargo);
    install
        .current_dir(away)
        .args(["install", "--offline", "--path"])
        .arg(&source)
        .arg("--root")
        .arg(&installed);
    for library in LIBRARIES {
        let unpacked = away.join(format!("{library}-{version}"));
        let patch = format!(
            "patch.crates-io.{library}.path={:?}",
            unpacked.to_string_lossy()
        );
        install.args(["--config", &patch]);
    }
    run(install
        // The release build's own target folder, kept between runs.
        .env(
            "CARGO_TARGET_DIR",
            crate::target_dir(root).join("package-install"),
        ))?;
    let binary = installed
        .join("bin")
        .join(crate::dist::binary_name(&crate::host_triple()?));
    let answer = Command::new(&binary)
        .args(["lookup", "zego", "6000103", "--color", "never"])
        .output()?;
    if !answer.status.success() || !String::from_utf8_lossy(&answer.stdout).contains("6000103") {
        return Err(io::Error::other(format!(
            "{} lookup zego 6000103 failed: {}",
            binary.display(),
            answer.status
        )));
    }
    // Search too, by words alone.
    let search = Command::new(&binary)
        .args([
            "search",
            "token expired",
            "--format",
            "json",
            "--limit",
            "1",
        ])
        .output()?;
    let found = String::from_utf8_lossy(&search.stdout);
    if !search.status.success() || found.contains("\"semantic\"") {
        return Err(io::Error::other(format!(
            "{} search \"token expired\" failed or ran a model it cannot have: {}",
            binary.display(),
            search.status
        )));
    }
    eprintln!("xtask: cargo install of the packaged crate answers, and searches by words alone");
    Ok(())
}
