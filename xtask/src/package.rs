//! `cargo xtask package`: the crates as crates.io would receive them.
//!
//! `cargo package` packs both crates (its own verification, a debug build from the tarball, is
//! what `cargo publish --dry-run` does; CI runs both). Then this checks what a `cargo install
//! chaterr` user gets: each crate under crates.io's 10 MB, the catalogue inside, and `cargo
//! install` of the unpacked tarball (the release profile, as users get it), in a folder with
//! nothing beside it and without the network, giving a binary that answers.

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::run;

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
    for name in ["chaterr", "chaterr-catalogue"] {
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
    // chaterr-catalogue is not on crates.io yet: the unpacked one stands in for it.
    let catalogue = away.join(format!("chaterr-catalogue-{version}"));
    let patch = format!(
        "patch.crates-io.chaterr-catalogue.path={:?}",
        catalogue.to_string_lossy()
    );
    let installed = away.join("root");
    run(Command::new(cargo)
        .current_dir(away)
        .args(["install", "--offline", "--path"])
        .arg(&source)
        .arg("--root")
        .arg(&installed)
        .args(["--config", &patch])
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
    eprintln!("xtask: cargo install of the packaged crate answers");
    Ok(())
}
