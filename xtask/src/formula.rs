//! `cargo xtask formula VERSION DIR`: the Homebrew formula for a release, from the template
//! packaging/homebrew/chaterr.rb and the `.sha256` files `dist` wrote into DIR for each target
//! the formula installs. The release workflow runs it and attaches the formula to the release.

use std::io;
use std::path::Path;

/// The targets the formula installs: Homebrew's macOS machines and Linux on x86_64.
pub const TARGETS: [&str; 3] = [
    "aarch64-apple-darwin",
    "x86_64-apple-darwin",
    "x86_64-unknown-linux-musl",
];

pub const TEMPLATE: &str = "packaging/homebrew/chaterr.rb";

/// The formula with `{{version}}` and each `{{sha256 TARGET}}` filled in.
pub fn render(
    template: &str,
    version: &str,
    sum: impl Fn(&str) -> io::Result<String>,
) -> io::Result<String> {
    let mut formula = template.replace("{{version}}", version);
    for target in TARGETS {
        formula = formula.replace(&format!("{{{{sha256 {target}}}}}"), &sum(target)?);
    }
    if let Some(at) = formula.find("{{") {
        let line = formula[at..].lines().next().unwrap_or_default();
        return Err(io::Error::other(format!(
            "{TEMPLATE}: nothing fills {line}"
        )));
    }
    Ok(formula)
}

/// The SHA-256 `dist` wrote for `target`'s archive in `dir`.
pub fn sum_in(dir: &Path, version: &str, target: &str) -> io::Result<String> {
    let name = format!(
        "{}.{}.sha256",
        crate::dist::stem(version, target),
        crate::dist::extension(target)
    );
    let text = std::fs::read_to_string(dir.join(&name))
        .map_err(|err| io::Error::new(err.kind(), format!("{name}: {err}")))?;
    let hex = text.split_whitespace().next().unwrap_or_default();
    if hex.len() == 64 && hex.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        Ok(hex.to_ascii_lowercase())
    } else {
        Err(io::Error::other(format!("{name} holds no SHA-256")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template() -> String {
        std::fs::read_to_string(crate::repository_root().join(TEMPLATE)).unwrap()
    }

    #[test]
    fn the_formula_installs_what_an_archive_holds() {
        let formula = render(&template(), "9.8.7", |target| {
            Ok(format!("{:0>64}", target.len()))
        })
        .unwrap();
        assert!(formula.contains("version \"9.8.7\""));
        for target in TARGETS {
            let url = format!(
                "/releases/download/v9.8.7/{}.{}\"",
                crate::dist::stem("9.8.7", target),
                crate::dist::extension(target)
            );
            assert!(formula.contains(&url), "no url for {target}");
        }
        // Homebrew enters the archive's one folder: every path the formula installs is a path
        // inside that folder.
        let companions = crate::dist::companions(crate::repository_root()).unwrap();
        let inside: Vec<String> = companions
            .iter()
            .map(|(_, to)| to.to_string_lossy().replace('\\', "/"))
            .chain(["chaterr".to_owned()])
            .collect();
        let installed: Vec<&str> = formula
            .lines()
            .filter(|line| line.contains(".install"))
            .filter_map(|line| line.split('"').nth(1))
            .collect();
        assert!(installed.len() >= 5, "{installed:?}");
        for path in installed {
            let found = match path.strip_suffix("*.1") {
                Some(folder) => inside
                    .iter()
                    .any(|file| file.starts_with(folder) && file.ends_with(".1")),
                None => inside.iter().any(|file| file == path),
            };
            assert!(found, "the formula installs {path}, which no archive holds");
        }
    }

    #[test]
    fn a_target_without_its_sum_is_an_error() {
        let err = render(&template(), "1.0.0", |target| {
            sum_in(Path::new("/nonexistent"), "1.0.0", target)
        })
        .unwrap_err();
        assert!(err.to_string().contains("sha256"), "{err}");
    }
}
