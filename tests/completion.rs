//! The committed bash completion script, driven the way bash drives it on TAB: source it, set
//! COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT, call the function, read COMPREPLY. And the
//! same for the script chaterr writes for dynamic completion (`source <(COMPLETE=bash chaterr)`),
//! which asks chaterr itself on each TAB.

use std::io::ErrorKind;
use std::path::Path;
use std::process::Command;

/// Sources $1 and completes the command line $2 as if TAB were pressed at its end, with the
/// completion function $3.
const DRIVER: &str = r#"
source "$1"
COMP_LINE=$2
COMP_POINT=${#COMP_LINE}
read -r -a COMP_WORDS <<< "$COMP_LINE"
if [[ $COMP_LINE == *' ' ]]; then COMP_WORDS+=(''); fi
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
"$3" chaterr "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\n' "${COMPREPLY[@]}"
"#;

/// What bash offers for `line` with the committed script, or None (with a note) where there is
/// no bash to ask.
fn bash_offers(line: &str) -> Option<Vec<String>> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions/chaterr.bash");
    drive_bash(&script, "_chaterr", line)
}

/// What bash offers for `line` with the script `COMPLETE=bash chaterr` writes, which runs the
/// binary under test on each TAB.
#[cfg(feature = "dynamic-completion")]
fn dynamic_bash_offers(line: &str) -> Option<Vec<String>> {
    let registration = Command::new(env!("CARGO_BIN_EXE_chaterr"))
        .env("COMPLETE", "bash")
        .output()
        .expect("chaterr runs");
    assert!(registration.status.success());
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("chaterr.bash");
    std::fs::write(&script, registration.stdout).unwrap();
    drive_bash(&script, "_clap_complete_chaterr", line)
}

fn drive_bash(script: &Path, function: &str, line: &str) -> Option<Vec<String>> {
    let output = match Command::new("bash")
        .args(["--norc", "--noprofile", "-c", DRIVER, "bash"])
        .arg(script)
        .arg(line)
        .arg(function)
        // The catalogue is the embedded one, whatever the machine's user has.
        .env("XDG_CONFIG_HOME", "/nonexistent/chaterr-tests")
        .env_remove("CHATERR_CATALOG")
        .output()
    {
        Ok(output) => output,
        Err(err) if err.kind() == ErrorKind::NotFound => {
            eprintln!("skipped: no bash on PATH to drive {}", script.display());
            return None;
        }
        Err(err) => panic!("cannot run bash: {err}"),
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stderr.is_empty(),
        "bash failed completing {line:?}: {stderr}"
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    Some(stdout.lines().map(str::to_owned).collect())
}

#[test]
fn subcommands_complete() {
    let Some(offers) = bash_offers("chaterr lo") else {
        return;
    };
    assert_eq!(offers, ["lookup"]);
}

#[test]
fn vendors_and_source_ids_complete_after_lookup() {
    let Some(offers) = bash_offers("chaterr lookup ") else {
        return;
    };
    for vendor in ["zego", "tencent", "agora", "zego-zim", "tencent-im"] {
        assert!(
            offers.iter().any(|o| o == vendor),
            "no {vendor} in {offers:?}"
        );
    }
}

#[test]
fn vendors_complete_after_search_vendor_list_and_diff() {
    let Some(offers) = bash_offers("chaterr search --vendor t") else {
        return;
    };
    // The SDK sources too: the codes only an SDK defines.
    assert_eq!(
        offers,
        ["tencent", "tencent-chat", "tencent-im", "tencent-sdk"]
    );
    assert_eq!(
        bash_offers("chaterr list z").unwrap(),
        ["zego", "zego-server", "zego-zim", "zego-sdk"]
    );
    // diff's two positionals each add the list; bash shows a repeated word once.
    let mut offers = bash_offers("chaterr diff tencent-im tencent-c").unwrap();
    offers.dedup();
    assert_eq!(offers, ["tencent-chat"]);
}

#[test]
fn format_and_color_values_complete() {
    let Some(offers) = bash_offers("chaterr --format ") else {
        return;
    };
    assert_eq!(offers, ["table", "plain", "json"]);
    assert_eq!(
        bash_offers("chaterr lookup --color ").unwrap(),
        ["auto", "always", "never"]
    );
}

#[cfg(feature = "dynamic-completion")]
#[test]
fn names_symbols_and_codes_complete_after_lookup_dynamically() {
    let Some(offers) = dynamic_bash_offers("chaterr lookup agora USER_NOT_LO") else {
        return;
    };
    assert_eq!(offers, ["USER_NOT_LOGIN"]);
    assert_eq!(
        dynamic_bash_offers("chaterr lookup zego ZIMErrorCodeNetworkModuleTokenInv").unwrap(),
        ["ZIMErrorCodeNetworkModuleTokenInvalid"]
    );
    let codes = dynamic_bash_offers("chaterr lookup zego 600010").unwrap();
    assert!(codes.iter().any(|c| c == "6000103"), "{codes:?}");
    assert_eq!(
        dynamic_bash_offers("chaterr lookup tenc").unwrap(),
        ["tencent", "tencent-chat", "tencent-im", "tencent-sdk"]
    );
    // Options and subcommands still complete as before.
    assert_eq!(dynamic_bash_offers("chaterr lo").unwrap(), ["lookup"]);
}
