//! The release workflow (.github/workflows/release.yml) and `cargo binstall`'s metadata cannot
//! run here: these tests check that they parse and that the names they use are the ones
//! `cargo xtask dist` writes.

#[cfg(test)]
mod tests {
    use yaml_rust2::{Yaml, YamlLoader};

    use crate::dist;

    const WORKFLOW: &str = ".github/workflows/release.yml";

    /// Every target the release builds, from the workflow's matrix.
    const TARGETS: [&str; 5] = [
        "x86_64-unknown-linux-gnu",
        "x86_64-unknown-linux-musl",
        "aarch64-apple-darwin",
        "x86_64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ];

    fn workflow() -> Yaml {
        let text = std::fs::read_to_string(crate::repository_root().join(WORKFLOW)).unwrap();
        let mut documents = YamlLoader::load_from_str(&text).expect("the workflow parses");
        assert_eq!(documents.len(), 1);
        documents.remove(0)
    }

    fn steps<'y>(workflow: &'y Yaml, job: &str) -> &'y [Yaml] {
        workflow["jobs"][job]["steps"]
            .as_vec()
            .unwrap_or_else(|| panic!("job {job} has steps"))
    }

    fn runs(workflow: &Yaml, job: &str) -> String {
        steps(workflow, job)
            .iter()
            .filter_map(|step| step["run"].as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// `*` matches any run of characters, as in the upload's path patterns.
    fn glob(pattern: &str, name: &str) -> bool {
        match pattern.split_once('*') {
            None => pattern == name,
            Some((head, tail)) => {
                name.starts_with(head)
                    && (0..=name.len() - head.len())
                        .any(|skip| glob(tail, &name[head.len() + skip..]))
            }
        }
    }

    #[test]
    fn the_workflow_builds_every_target_with_dist_and_uploads_its_archive() {
        let workflow = workflow();
        assert!(
            !workflow["on"]["push"]["tags"].is_badvalue(),
            "runs on tags"
        );
        let matrix = workflow["jobs"]["dist"]["strategy"]["matrix"]["include"]
            .as_vec()
            .unwrap();
        let targets: Vec<&str> = matrix
            .iter()
            .filter_map(|row| row["target"].as_str())
            .collect();
        assert_eq!(targets, TARGETS);
        for target in crate::formula::TARGETS {
            assert!(
                targets.contains(&target),
                "the formula installs {target}, never built"
            );
        }
        assert!(runs(&workflow, "dist").contains("cargo xtask dist --target ${{ matrix.target }}"));

        let uploads: Vec<String> = steps(&workflow, "dist")
            .iter()
            .filter_map(|step| step["with"]["path"].as_str())
            .flat_map(|paths| paths.lines().map(|line| line.trim().to_owned()))
            .collect();
        for target in TARGETS {
            let archive = format!(
                "{}.{}",
                dist::stem("1.2.3", target),
                dist::extension(target)
            );
            for file in [archive.clone(), format!("{archive}.sha256")] {
                let path = format!("target/dist/{file}");
                assert!(
                    uploads.iter().any(|pattern| glob(pattern, &path)),
                    "no upload pattern takes {path}: {uploads:?}"
                );
            }
        }
        assert!(runs(&workflow, "deb").contains("cargo xtask deb"));
        assert!(runs(&workflow, "release").contains("cargo xtask formula"));
    }

    #[test]
    fn binstall_finds_the_archives_the_release_attaches() {
        let manifest: toml::Table = toml::from_str(
            &std::fs::read_to_string(crate::repository_root().join("Cargo.toml")).unwrap(),
        )
        .unwrap();
        let package = &manifest["package"];
        let repo = package["repository"].as_str().unwrap();
        let binstall = &package["metadata"]["binstall"];
        let fill = |template: &str, target: &str| {
            let binary_ext = if target.contains("-windows-") {
                ".exe"
            } else {
                ""
            };
            template
                .replace("{ repo }", repo)
                .replace("{ name }", "chaterr")
                .replace("{ version }", "1.2.3")
                .replace("{ target }", target)
                .replace("{ bin }", "chaterr")
                .replace("{ binary-ext }", binary_ext)
        };
        for target in TARGETS {
            let over = binstall
                .get("overrides")
                .and_then(|overrides| overrides.get(target));
            let key = |name: &str| {
                over.and_then(|over| over.get(name))
                    .or_else(|| binstall.get(name))
                    .and_then(toml::Value::as_str)
                    .unwrap()
            };
            let stem = dist::stem("1.2.3", target);
            let extension = dist::extension(target);
            assert_eq!(
                fill(key("pkg-url"), target),
                format!("{repo}/releases/download/v1.2.3/{stem}.{extension}")
            );
            assert_eq!(
                fill(key("bin-dir"), target),
                format!("{stem}/{}", dist::binary_name(target))
            );
            let format = if extension == "zip" { "zip" } else { "tgz" };
            assert_eq!(key("pkg-fmt"), format, "{target}");
        }
    }

    #[test]
    fn glob_matches_as_the_upload_does() {
        assert!(glob(
            "target/dist/chaterr-v*.zip",
            "target/dist/chaterr-v1-x.zip"
        ));
        assert!(!glob(
            "target/dist/chaterr-v*.zip",
            "target/dist/chaterr-v1-x.tar.gz"
        ));
        assert!(glob("a*b*c", "aXbYc"));
    }
}
