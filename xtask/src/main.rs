//! Project tasks, run as `cargo xtask TASK`. `gen` writes completions/ and man/ from the clap
//! definition; the files themselves are made by `chaterr::generate`, which tests/generated.rs
//! uses too, to check that the committed ones are current.

use std::io;
use std::path::Path;
use std::process::ExitCode;

use chaterr::generate;

const USAGE: &str = "\
usage: cargo xtask TASK

tasks:
  gen  write completions/ and man/ from src/cli.rs";

fn main() -> ExitCode {
    match std::env::args().nth(1).as_deref() {
        Some("gen") => match write_generated(repository_root()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("xtask: error: {err}");
                ExitCode::FAILURE
            }
        },
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
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
