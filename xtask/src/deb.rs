//! `cargo xtask deb`: the Debian package (cargo-deb, with `[package.metadata.deb]` in Cargo.toml)
//! around the shipped binary, and the test of what it installs.
//!
//! The test extracts the package into a folder, as dpkg would into `/`, and checks it as a user
//! would meet it: every file where the shells and man look (and nothing else), the binary running
//! from there, its man page rendered by `man -l`, and the installed bash completion completing.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::run;

/// Builds the shipped binary (`dist`), packs it with `cargo deb --no-build`, checks the package;
/// returns its path.
pub fn deb(root: &Path) -> io::Result<PathBuf> {
    let host = crate::host_triple()?;
    if !host.ends_with("-linux-gnu") {
        return Err(io::Error::other(format!(
            "the .deb holds the static glibc build: build it on Linux with glibc, not {host}"
        )));
    }
    crate::dist::dist(root, Some(&host))?;
    let out = crate::target_dir(root).join("dist");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let made = output(
        Command::new(cargo)
            .current_dir(root)
            .args(["deb", "-p", "chaterr", "--no-build", "--target", &host])
            .arg("--output")
            .arg(&out),
    )
    .map_err(|err| {
        io::Error::other(format!(
            "{err} (cargo-deb: `cargo install cargo-deb --locked`)"
        ))
    })?;
    let path = String::from_utf8_lossy(&made.stdout)
        .lines()
        .map(str::trim)
        .rfind(|line| line.ends_with(".deb"))
        .map(PathBuf::from)
        .ok_or_else(|| io::Error::other("cargo deb printed no .deb"))?;
    check(root, &path)?;
    Ok(path)
}

/// The files the package must install, relative to `/`, from the repository's man pages.
fn expected_files(root: &Path) -> io::Result<BTreeSet<String>> {
    let mut files: BTreeSet<String> = [
        "usr/bin/chaterr",
        "usr/share/bash-completion/completions/chaterr",
        "usr/share/zsh/vendor-completions/_chaterr",
        "usr/share/fish/vendor_completions.d/chaterr.fish",
        "usr/share/doc/chaterr/README.md",
        "usr/share/doc/chaterr/LICENSE-MIT",
        "usr/share/doc/chaterr/LICENSE-APACHE",
        "usr/share/doc/chaterr/copyright",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    for entry in std::fs::read_dir(root.join("man"))? {
        let name = entry?.file_name();
        // Debian policy: man pages are gzipped; cargo-deb does it.
        files.insert(format!("usr/share/man/man1/{}.gz", name.to_string_lossy()));
    }
    Ok(files)
}

/// Extracts `deb` into target/dist/deb-root and checks it; one error naming every problem.
pub fn check(root: &Path, deb: &Path) -> io::Result<()> {
    let into = crate::target_dir(root).join("dist").join("deb-root");
    match std::fs::remove_dir_all(&into) {
        Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err),
        _ => {}
    }
    std::fs::create_dir_all(&into)?;
    run(Command::new("dpkg-deb").arg("-x").arg(deb).arg(&into))?;
    let mut problems = Vec::new();

    let fields = output(
        Command::new("dpkg-deb")
            .args(["-f"])
            .arg(deb)
            .args(["Package", "Depends"]),
    )?;
    let fields = String::from_utf8_lossy(&fields.stdout).into_owned();
    if !fields.lines().any(|line| line == "Package: chaterr") {
        problems.push(format!("the control file names another package:\n{fields}"));
    }
    if fields
        .lines()
        .any(|line| line.starts_with("Depends: ") && line != "Depends: ")
    {
        problems.push(format!(
            "the static binary should depend on nothing:\n{fields}"
        ));
    }

    let installed = files_under(&into)?;
    let expected = expected_files(root)?;
    for missing in expected.difference(&installed) {
        problems.push(format!("{missing} is not installed"));
    }
    for stray in installed.difference(&expected) {
        problems.push(format!("{stray} is installed but not expected"));
    }

    let binary = into.join("usr/bin/chaterr");
    match output(Command::new(&binary).args(["lookup", "zego", "6000103", "--color", "never"])) {
        Ok(out) if String::from_utf8_lossy(&out.stdout).contains("6000103") => {}
        Ok(out) => problems.push(format!(
            "the installed binary's lookup printed no 6000103:\n{}",
            String::from_utf8_lossy(&out.stdout)
        )),
        Err(err) => problems.push(format!("the installed binary: {err}")),
    }
    if let Err(problem) = man_page_renders(&into.join("usr/share/man/man1/chaterr-lookup.1.gz")) {
        problems.push(problem);
    }
    if let Err(problem) =
        bash_completes(&into.join("usr/share/bash-completion/completions/chaterr"))
    {
        problems.push(problem);
    }

    if problems.is_empty() {
        eprintln!(
            "xtask: {} installs {} files, each checked",
            deb.display(),
            expected.len()
        );
        Ok(())
    } else {
        Err(io::Error::other(format!(
            "{} is wrong:\n  {}",
            deb.display(),
            problems.join("\n  ")
        )))
    }
}

/// `man -l` renders the installed (gzipped) page with its sections.
fn man_page_renders(page: &Path) -> Result<(), String> {
    let rendered = output(
        Command::new("man")
            .arg("-l")
            .arg(page)
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .env("MANWIDTH", "80")
            .env("LC_ALL", "C"),
    )
    .map_err(|err| format!("man -l {}: {err} (install man-db)", page.display()))?;
    let text = String::from_utf8_lossy(&rendered.stdout);
    for heading in ["NAME", "SYNOPSIS", "OPTIONS", "EXIT STATUS"] {
        if !text.lines().any(|line| line.trim_end() == heading) {
            return Err(format!(
                "man -l {} shows no {heading}:\n{text}",
                page.display()
            ));
        }
    }
    if !text.contains("chaterr lookup") && !text.contains("chaterr-lookup") {
        return Err(format!(
            "man -l {} does not name chaterr lookup",
            page.display()
        ));
    }
    Ok(())
}

/// The installed bash completion, sourced by a bare bash, completes `chaterr loo` to `lookup`
/// and `chaterr lookup --for` to `--format`.
fn bash_completes(script: &Path) -> Result<(), String> {
    let cases = [
        ("chaterr loo", "lookup"),
        ("chaterr lookup --for", "--format"),
    ];
    for (line, expected) in cases {
        let words: Vec<&str> = line.split(' ').collect();
        let program = format!(
            "source \"$1\"; COMP_WORDS=({words}); COMP_CWORD={cword}; COMP_LINE='{line}'; \
             COMP_POINT={point}; _chaterr chaterr '{current}' '{previous}'; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            words = words.join(" "),
            cword = words.len() - 1,
            point = line.len(),
            current = words[words.len() - 1],
            previous = words[words.len() - 2],
        );
        let out = output(
            Command::new("bash")
                .args(["--noprofile", "--norc", "-c", &program, "bash"])
                .arg(script),
        )
        .map_err(|err| format!("bash completion: {err}"))?;
        let replies = String::from_utf8_lossy(&out.stdout);
        if !replies.lines().any(|reply| reply.trim() == expected) {
            return Err(format!(
                "bash completes `{line}` to {:?}, not {expected}",
                replies.lines().collect::<Vec<_>>()
            ));
        }
    }
    Ok(())
}

/// Every file (not folder) under `folder`, as a relative path with `/`.
fn files_under(folder: &Path) -> io::Result<BTreeSet<String>> {
    let mut files = BTreeSet::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(folder).map_err(io::Error::other)?;
                files.insert(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    Ok(files)
}

/// Runs `command`, its stderr passed through; its output when it succeeded.
fn output(command: &mut Command) -> io::Result<Output> {
    let out = command.stderr(std::process::Stdio::inherit()).output()?;
    if out.status.success() {
        Ok(out)
    } else {
        Err(io::Error::other(format!(
            "{command:?} failed: {}",
            out.status
        )))
    }
}
