//! `cargo xtask dist`: the binary we ship, and the archive the release page carries.
//!
//! An archive is `chaterr-v{version}-{target}.tar.gz` (`.zip` on Windows) holding one folder of
//! the same name: the binary, `man/`, `completions/`, the README and the licences, with a
//! `.sha256` file beside it in `sha256sum`'s format. The release workflow
//! (.github/workflows/release.yml), `cargo binstall` (`[package.metadata.binstall]` in
//! Cargo.toml) and the Homebrew formula (packaging/homebrew/chaterr.rb) all read this layout;
//! the tests below check that they agree with it.

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::run;

/// What `dist` made.
pub struct Dist {
    /// The binary, copied to target/dist/chaterr (target/dist/chaterr.exe on Windows).
    pub binary: PathBuf,
    /// The archive, in target/dist/.
    pub archive: PathBuf,
}

/// The folder (and the archive's name without its extension) for one version and target.
pub fn stem(version: &str, target: &str) -> String {
    format!("chaterr-v{version}-{target}")
}

/// The archive's extension: zip where people unpack zips, tar.gz elsewhere.
pub fn extension(target: &str) -> &'static str {
    if target.contains("-windows-") {
        "zip"
    } else {
        "tar.gz"
    }
}

/// The binary's file name on a target.
pub fn binary_name(target: &str) -> &'static str {
    if target.contains("-windows-") {
        "chaterr.exe"
    } else {
        "chaterr"
    }
}

/// Every file of an archive besides the binary: (path in the repository, path in the archive's
/// folder). The man pages and completions are the generated ones `cargo xtask gen` keeps current.
pub fn companions(root: &Path) -> io::Result<Vec<(PathBuf, PathBuf)>> {
    let mut files = Vec::new();
    for folder in crate::generate::FOLDERS {
        let mut names: Vec<_> = std::fs::read_dir(root.join(folder))?
            .map(|entry| entry.map(|entry| entry.file_name()))
            .collect::<io::Result<_>>()?;
        names.sort();
        for name in names {
            let path = Path::new(folder).join(name);
            files.push((root.join(&path), path));
        }
    }
    for name in ["README.md", "LICENSE-MIT", "LICENSE-APACHE"] {
        files.push((root.join(name), PathBuf::from(name)));
    }
    Ok(files)
}

/// The package's version, from the root Cargo.toml.
pub fn version(root: &Path) -> io::Result<String> {
    let manifest = std::fs::read_to_string(root.join("Cargo.toml"))?;
    let manifest: toml::Table = toml::from_str(&manifest).map_err(io::Error::other)?;
    manifest
        .get("package")
        .and_then(|package| package.get("version"))
        .and_then(toml::Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| io::Error::other("Cargo.toml has no package.version"))
}

/// Builds `cargo build --release` for `target` (the host when `None`), statically linked where
/// the target's C library allows it (glibc; musl always is), copies the binary to target/dist/,
/// and packs the archive beside it.
///
/// A static binary starts without the dynamic loader: no libraries to map, no symbols to look
/// up, which is most of what a lookup costs (docs/PERFORMANCE.md). `crt-static` is set with an
/// explicit `--target` so that it applies to chaterr alone, not to the build script and the
/// derive macros, which must stay dynamic libraries.
pub fn dist(root: &Path, target: Option<&str>) -> io::Result<Dist> {
    let host = crate::host_triple()?;
    let target = target.unwrap_or(&host);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(&cargo);
    build
        .current_dir(root)
        .args(["build", "--release", "--bin", "chaterr", "--target", target]);
    let static_link = target.ends_with("-linux-gnu");
    if static_link {
        let mut flags = std::env::var_os("RUSTFLAGS").unwrap_or_default();
        if !flags.is_empty() {
            flags.push(" ");
        }
        flags.push("-C target-feature=+crt-static");
        build.env("RUSTFLAGS", flags);
    }
    run(&mut build)?;

    let target_dir = crate::target_dir(root);
    let built = target_dir
        .join(target)
        .join("release")
        .join(binary_name(target));
    let dist = target_dir.join("dist");
    std::fs::create_dir_all(&dist)?;
    let binary = dist.join(binary_name(target));
    std::fs::copy(&built, &binary)?;
    // It must run as it is: a static binary that links but does not start is caught here. A
    // binary for another target cannot be run here.
    if target == host {
        let version = Command::new(&binary).arg("--version").output()?;
        if !version.status.success() {
            let err = format!("{} --version failed: {}", binary.display(), version.status);
            return Err(io::Error::other(err));
        }
    }
    let size = std::fs::metadata(&binary)?.len();
    let linking = if static_link || target.contains("-musl") {
        "statically linked"
    } else {
        "dynamically linked"
    };
    eprintln!("xtask: {} ({size} bytes, {linking})", binary.display());

    let archive = pack(root, &dist, &binary, &version(root)?, target)?;
    eprintln!("xtask: {}", archive.display());
    Ok(Dist { binary, archive })
}

/// Lays out the archive's folder in `dist`, packs it with the system's tar (GNU tar on Linux,
/// bsdtar on macOS and Windows, which also writes zip), and writes its SHA-256 beside it.
fn pack(
    root: &Path,
    dist: &Path,
    binary: &Path,
    version: &str,
    target: &str,
) -> io::Result<PathBuf> {
    let stem = stem(version, target);
    let folder = dist.join(&stem);
    match std::fs::remove_dir_all(&folder) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err),
        _ => {}
    }
    std::fs::create_dir_all(&folder)?;
    std::fs::copy(binary, folder.join(binary_name(target)))?;
    for (from, to) in companions(root)? {
        let to = folder.join(to);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(&from, &to)?;
    }
    let name = format!("{stem}.{}", extension(target));
    let archive = dist.join(&name);
    let mut tar = Command::new("tar");
    tar.current_dir(dist);
    if extension(target) == "zip" {
        tar.args(["-a", "-c", "-f", &name, &stem]);
    } else {
        tar.args(["-c", "-z", "-f", &name, &stem]);
    }
    run(&mut tar)?;
    let digest = Sha256::digest(std::fs::read(&archive)?);
    let hex: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
    std::fs::write(
        dist.join(format!("{name}.sha256")),
        format!("{hex}  {name}\n"),
    )?;
    Ok(archive)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_companion_is_in_the_repository() {
        let root = crate::repository_root();
        let files = companions(root).unwrap();
        for (from, to) in &files {
            assert!(from.is_file(), "{} is missing", from.display());
            assert!(to.is_relative());
        }
        let inside: Vec<String> = files
            .iter()
            .map(|(_, to)| to.display().to_string())
            .collect();
        for expected in [
            "man/chaterr.1",
            "man/chaterr-lookup.1",
            "completions/chaterr.bash",
            "completions/_chaterr",
            "completions/chaterr.fish",
            "completions/_chaterr.ps1",
            "README.md",
            "LICENSE-MIT",
            "LICENSE-APACHE",
        ] {
            assert!(
                inside.iter().any(|path| path == expected),
                "{expected} is not packed"
            );
        }
    }

    #[test]
    fn names_follow_the_target() {
        assert_eq!(
            stem("1.2.3", "x86_64-unknown-linux-musl"),
            "chaterr-v1.2.3-x86_64-unknown-linux-musl"
        );
        assert_eq!(extension("x86_64-pc-windows-msvc"), "zip");
        assert_eq!(binary_name("x86_64-pc-windows-msvc"), "chaterr.exe");
        assert_eq!(extension("aarch64-apple-darwin"), "tar.gz");
        assert_eq!(binary_name("aarch64-apple-darwin"), "chaterr");
    }

    #[test]
    fn the_version_is_the_packages() {
        let version = version(crate::repository_root()).unwrap();
        let command = chaterr::cli::command();
        assert_eq!(Some(version.as_str()), command.get_version());
    }
}
