//! Project tasks, run as `cargo xtask TASK`. `gen` writes completions/ and man/ from the clap
//! definition (generate.rs, whose tests check that the committed ones are current). `dist` builds the binary we ship.

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod generate;

const USAGE: &str = "\
usage: cargo xtask TASK

tasks:
  gen   write completions/ and man/ from src/cli.rs
  embed write models/entry-vectors.bin: every catalogue entry and our words through the
        sentence model (models/minilm-l6-int8.bin), for search by meaning
  dist  build the release binary as shipped (on Linux with glibc: statically linked)
        into target/dist/chaterr";

fn main() -> ExitCode {
    let root = repository_root();
    let done = match std::env::args().nth(1).as_deref() {
        Some("gen") => write_generated(root),
        Some("dist") => dist(root).map(|binary| println!("{}", binary.display())),
        Some("embed") => embed(root),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("xtask: error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn repository_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ is inside the repository")
}

/// Replaces the generated folders with freshly generated ones, so that a page whose subcommand
/// is gone goes too.
fn write_generated(root: &Path) -> io::Result<()> {
    for folder in generate::FOLDERS {
        match std::fs::remove_dir_all(root.join(folder)) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err),
            _ => {}
        }
    }
    for file in generate::files() {
        let path = root.join(&file.path);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(&path, &file.text)?;
        println!("wrote {}", file.path.display());
    }
    Ok(())
}

/// Computes the embedded catalogue's vectors with chaterr's own forward pass and writes
/// models/entry-vectors.bin (a test fails when the catalogue's texts change without this).
fn embed(root: &Path) -> io::Result<()> {
    let model = chaterr::query::semantic::model().ok_or_else(|| {
        io::Error::other("chaterr was built without models/minilm-l6-int8.bin (scripts/semantic/export.py writes it)")
    })?;
    let catalogue = chaterr::catalogue::Catalogue::embedded();
    let bytes = chaterr::query::semantic::write_vectors(model, &catalogue, |done, total| {
        if done % 250 == 0 || done == total {
            eprintln!("xtask: embedded {done} of {total} texts");
        }
    });
    let path = root.join("models").join("entry-vectors.bin");
    std::fs::write(&path, &bytes)?;
    println!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}

/// Builds `cargo build --release` for the host, statically linked where the host's C library
/// allows it (glibc), and copies the binary to target/dist/chaterr; returns its path.
///
/// A static binary starts without the dynamic loader: no libraries to map, no symbols to look
/// up, which is most of what a lookup costs (docs/PERFORMANCE.md). `crt-static` is set with an
/// explicit `--target` so that it applies to chaterr alone, not to the build script and the
/// derive macros, which must stay dynamic libraries.
fn dist(root: &Path) -> io::Result<PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let host = host_triple()?;
    let mut build = Command::new(&cargo);
    build
        .current_dir(root)
        .args(["build", "--release", "--bin", "chaterr", "--target", &host]);
    let static_link = host.ends_with("-linux-gnu");
    if static_link {
        let mut flags = std::env::var_os("RUSTFLAGS").unwrap_or_default();
        if !flags.is_empty() {
            flags.push(" ");
        }
        flags.push("-C target-feature=+crt-static");
        build.env("RUSTFLAGS", flags);
    }
    run(&mut build)?;

    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    let built = target
        .join(&host)
        .join("release")
        .join(format!("chaterr{}", std::env::consts::EXE_SUFFIX));
    let dist = target.join("dist");
    std::fs::create_dir_all(&dist)?;
    let shipped = dist.join(built.file_name().expect("a file name"));
    std::fs::copy(&built, &shipped)?;
    // It must run as it is: a static binary that links but does not start is caught here.
    let version = Command::new(&shipped).arg("--version").output()?;
    if !version.status.success() {
        let err = format!("{} --version failed: {}", shipped.display(), version.status);
        return Err(io::Error::other(err));
    }
    let size = std::fs::metadata(&shipped)?.len();
    let linking = if static_link {
        "statically linked"
    } else {
        "dynamically linked"
    };
    eprintln!("xtask: {} ({size} bytes, {linking})", shipped.display());
    Ok(shipped)
}

/// The triple rustc builds for by default: `host:` of `rustc -vV`.
fn host_triple() -> io::Result<String> {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| OsString::from("rustc"));
    let output = Command::new(rustc).arg("-vV").output()?;
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(str::to_owned)
        .ok_or_else(|| io::Error::other("`rustc -vV` names no host"))
}

fn run(command: &mut Command) -> io::Result<()> {
    let status = command.status()?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!("{command:?} failed: {status}")))
    }
}
