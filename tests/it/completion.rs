//! The committed bash completion script, driven the way bash drives it on TAB: source it, set
//! COMP_WORDS, COMP_CWORD, COMP_LINE and COMP_POINT, call the function, read COMPREPLY. And the
//! same for the script chaterr writes for dynamic completion (`source <(COMPLETE=bash chaterr)`),
//! which asks chaterr itself on each TAB. Where there is no bash, these tests are ignored.

use std::path::Path;
use std::process::Command;

use crate::common::{Sandbox, chaterr, root};

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

/// What bash offers for `line` with the committed script.
fn bash_offers(line: &str) -> Vec<String> {
    drive_bash(&root().join("completions/chaterr.bash"), "_chaterr", line)
}

/// What bash offers for `line` with the script `COMPLETE=bash chaterr` writes, which runs the
/// binary under test on each TAB.
fn dynamic_bash_offers(line: &str) -> Vec<String> {
    let registration = chaterr().env("COMPLETE", "bash").assert().success();
    let sandbox = Sandbox::new();
    let script = sandbox.path().join("chaterr.bash");
    std::fs::write(&script, &registration.get_output().stdout).unwrap();
    drive_bash(&script, "_clap_complete_chaterr", line)
}

fn drive_bash(script: &Path, function: &str, line: &str) -> Vec<String> {
    let output = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", DRIVER, "bash"])
        .arg(script)
        .arg(line)
        .arg(function)
        // The embedded catalogue, whatever the machine's user has.
        .env("XDG_CONFIG_HOME", Sandbox::new().path())
        .env_remove("CHATERR_CATALOG")
        .output()
        .expect("bash runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && stderr.is_empty(),
        "bash failed completing {line:?}: {stderr}"
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    stdout.lines().map(str::to_owned).collect()
}

#[test_with::executable(bash)]
#[test]
fn subcommands_complete() {
    let offers = bash_offers("chaterr lo");
    assert_eq!(offers, ["lookup"]);
}

#[test_with::executable(bash)]
#[test]
fn vendors_and_source_ids_complete_after_lookup() {
    let offers = bash_offers("chaterr lookup ");
    for vendor in ["zego", "tencent", "agora", "zego-zim", "tencent-im"] {
        assert!(
            offers.iter().any(|o| o == vendor),
            "no {vendor} in {offers:?}"
        );
    }
}

#[test_with::executable(bash)]
#[test]
fn vendors_complete_after_search_vendor_list_and_diff() {
    let offers = bash_offers("chaterr search --vendor t");
    // The SDK sources too: the codes only an SDK defines.
    assert_eq!(
        offers,
        ["tencent", "tencent-chat", "tencent-im", "tencent-sdk"]
    );
    assert_eq!(
        bash_offers("chaterr list z"),
        [
            "zego",
            "zego-server-en",
            "zego-server-zh",
            "zego-server",
            "zego-zim-en",
            "zego-zim-zh",
            "zego-zim",
            "zego-zpns-en",
            "zego-zpns-zh",
            "zego-sdk"
        ]
    );
    // diff's two positionals each add the list; bash shows a repeated word once.
    let mut offers = bash_offers("chaterr diff tencent-im tencent-c");
    offers.dedup();
    assert_eq!(offers, ["tencent-chat"]);
}

#[test_with::executable(bash)]
#[test]
fn format_and_color_values_complete() {
    let offers = bash_offers("chaterr --format ");
    assert_eq!(offers, ["table", "plain", "json"]);
    assert_eq!(
        bash_offers("chaterr lookup --color "),
        ["auto", "always", "never"]
    );
}

#[cfg_attr(
    not(feature = "dynamic-completion"),
    ignore = "needs the dynamic-completion feature"
)]
#[test_with::executable(bash)]
#[test]
fn names_symbols_and_codes_complete_after_lookup_dynamically() {
    let offers = dynamic_bash_offers("chaterr lookup agora USER_NOT_LO");
    assert_eq!(offers, ["USER_NOT_LOGIN"]);
    assert_eq!(
        dynamic_bash_offers("chaterr lookup zego ZIMErrorCodeNetworkModuleTokenInv"),
        ["ZIMErrorCodeNetworkModuleTokenInvalid"]
    );
    let codes = dynamic_bash_offers("chaterr lookup zego 600010");
    assert!(codes.iter().any(|c| c == "6000103"), "{codes:?}");
    assert_eq!(
        dynamic_bash_offers("chaterr lookup tenc"),
        ["tencent", "tencent-chat", "tencent-im", "tencent-sdk"]
    );
    // Options and subcommands still complete as before.
    assert_eq!(dynamic_bash_offers("chaterr lo"), ["lookup"]);
}
