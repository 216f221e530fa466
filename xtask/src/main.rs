//! Project tasks, run as `cargo xtask TASK`. `gen` writes completions/ and man/ from the clap
//! definition (generate.rs, whose tests check that the committed ones are current). `dist`,
//! `deb`, `package` and `formula` make what each channel of installation ships (docs in
//! README.md, "Install").

use std::ffi::OsString;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

mod deb;
mod dist;
mod formula;
mod generate;
mod package;
mod release;

const USAGE: &str = "\
usage: cargo xtask TASK

tasks:
  gen                   write completions/ and man/ from src/cli.rs
  embed                 write models/entry-vectors.bin: every catalogue entry and our words
                        through the sentence model (models/minilm-l6-int8.bin), for search by
                        meaning
  english               print each line of stdin as the sentence model reads it: its Chinese
                        in English by chaterr's terms and glossary (scripts/semantic/finetune.py
                        trains on our Chinese words so)
  dist [--target T]     build the release binary as shipped (on Linux with glibc: statically
                        linked) into target/dist/chaterr, and its release archive beside it
  deb                   dist, then the Debian package (cargo-deb), then check what it installs
  check-deb FILE        check what a built .deb installs
  package [--allow-dirty]
                        cargo package both crates, check their size, and cargo install the
                        packed chaterr away from the repository, offline
  formula VERSION DIR   print the Homebrew formula for the archives (and .sha256) in DIR";

fn main() -> ExitCode {
    let root = repository_root();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let done = match args.as_slice() {
        ["gen"] => write_generated(root),
        ["embed"] => embed(root),
        ["english"] => english(),
        ["dist"] => dist::dist(root, None).map(print_dist),
        ["dist", "--target", target] => dist::dist(root, Some(target)).map(print_dist),
        ["deb"] => deb::deb(root).map(|path| println!("{}", path.display())),
        ["check-deb", file] => deb::check(root, Path::new(file)),
        ["package"] => package::package(root, false),
        ["package", "--allow-dirty"] => package::package(root, true),
        ["formula", version, dir] => std::fs::read_to_string(root.join(formula::TEMPLATE))
            .and_then(|template| {
                formula::render(&template, version, |target| {
                    formula::sum_in(Path::new(dir), version, target)
                })
            })
            .map(|text| print!("{text}")),
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

/// The archive's path, then the binary's (last, for `$(cargo xtask dist | tail -1)`).
fn print_dist(made: dist::Dist) {
    println!("{}", made.archive.display());
    println!("{}", made.binary.display());
}

/// Where cargo builds: `CARGO_TARGET_DIR`, or target/ in the repository.
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
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

/// Each line of stdin as the sentence model reads it (`glossary::english`), one a line.
fn english() -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    for line in io::stdin().lock().lines() {
        let read = chaterr::query::semantic::glossary::english(&line?);
        writeln!(
            out,
            "{}",
            read.text.split_whitespace().collect::<Vec<_>>().join(" ")
        )?;
    }
    out.flush()
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
