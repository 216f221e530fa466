//! `chaterr scan` on log excerpts in each vendor's style (tests/logs/): what it finds, what it
//! must not, vendor narrowing, stdin, non-UTF-8, a long line, and every output mode.

use std::path::PathBuf;

use serde_json::Value;

use crate::common::{TestCommand, binary, chaterr, root};

fn log(name: &str) -> PathBuf {
    root().join("tests/logs").join(name)
}

/// The logs in tests/logs/ that are text (binary.log is not UTF-8), as paths from the root.
const TEXT_LOGS: [&str; 3] = [
    "tests/logs/agora-ios.log",
    "tests/logs/tencent-rest.log",
    "tests/logs/zim-android.log",
];

/// `chaterr scan` from the repository's root, so that the files it names are the same paths
/// on every machine.
fn scan_in_root() -> TestCommand {
    let mut cmd = chaterr();
    cmd.current_dir(root()).arg("scan");
    cmd
}

/// (line, column, code, source) of each JSON Lines finding.
fn findings(args: &[&str], stdin: Option<&[u8]>) -> Vec<(i64, i64, i64, String)> {
    let mut cmd = chaterr();
    cmd.arg("scan").args(args).arg("--json");
    if let Some(input) = stdin {
        cmd.stdin(input);
    }
    let out = cmd.output();
    assert!(
        out.status.code() != Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            (
                v["line"].as_i64().unwrap(),
                v["column"].as_i64().unwrap(),
                v["code"].as_i64().unwrap(),
                v["source"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn f(line: i64, column: i64, code: i64, source: &str) -> (i64, i64, i64, String) {
    (line, column, code, source.to_owned())
}

/// Every finding in every log, as JSON Lines. In zim-android.log, user and room ids, ports,
/// sizes, durations, pids, message ids and state=2 are not codes; in tencent-rest.log,
/// `"ErrorCode":0` is success, and a line naming no SDK keeps every vendor's meaning.
#[test]
fn json_lines_of_every_log() {
    let mut cmd = scan_in_root();
    cmd.arg("--json")
        .args(TEXT_LOGS)
        .arg("tests/logs/binary.log");
    let text = cmd.assert().success().get_output().stdout.clone();
    let text = String::from_utf8(text).unwrap();
    for line in text.lines() {
        serde_json::from_str::<Value>(line).unwrap_or_else(|e| panic!("{e}: {line}"));
    }
    insta::assert_snapshot!(text);
}

#[test]
fn annotated_only_matching_and_summary_of_the_logs() {
    for (name, mode) in [
        ("scan_annotated", &[][..]),
        ("scan_only_matching", &["-o"]),
        ("scan_summary_table", &["--summary", "--format", "table"]),
        ("scan_summary_plain", &["--summary", "--format", "plain"]),
    ] {
        let out = scan_in_root().args(mode).args(TEXT_LOGS).assert().success();
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn a_line_naming_an_sdk_narrows_and_vendor_overrides() {
    // 6014 is Tencent's; in a line naming ZIM it is not explained as Tencent's.
    let zim = b"[ZIM] callback code=6014\n";
    assert!(findings(&[], Some(zim)).is_empty());
    chaterr()
        .args(["scan"])
        .stdin(zim.to_vec())
        .assert()
        .code(1);
    // 201 is documented by Agora; the line names the Tencent SDK.
    assert!(findings(&[], Some(b"I/TIMManager: code=201\n")).is_empty());
    // Without a name, every vendor that documents it.
    let both = findings(&[], Some(b"request failed code=6015\n"));
    assert_eq!(
        both.iter().map(|x| x.3.as_str()).collect::<Vec<_>>(),
        ["tencent-chat", "tencent-im"]
    );
    // --vendor decides, whatever the line says.
    assert_eq!(
        findings(&["--vendor", "tencent-im"], Some(zim)),
        [f(1, 21, 6014, "tencent-im")]
    );
}

#[test]
fn stdin_dash_and_several_files() {
    let zim = log("zim-android.log");
    let agora = log("agora-ios.log");
    let out = chaterr()
        .args([
            "scan",
            "--json",
            zim.to_str().unwrap(),
            "-",
            agora.to_str().unwrap(),
        ])
        .stdin("E/EMClient: EMError code: 201\n")
        .output();
    let files: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["file"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    // The inputs in the order given, each with its findings together.
    let mut order = files.clone();
    order.dedup();
    assert_eq!(order.len(), 3, "{files:?}");
    assert!(order[0].ends_with("zim-android.log"));
    assert_eq!(order[1], "(standard input)");
    assert!(order[2].ends_with("agora-ios.log"));
    assert!(
        files
            .iter()
            .filter(|f| f.ends_with("zim-android.log"))
            .count()
            >= 2
    );
}

#[test]
fn non_utf8_bytes_pass_through_untouched() {
    let path = log("binary.log");
    let raw = std::fs::read(&path).unwrap();
    // Its findings: the snapshot json_lines_of_every_log.
    let out = chaterr().args(["scan", path.to_str().unwrap()]).output();
    // The annotation goes right after the digits; every other byte is as it was.
    let annotated = String::from_utf8_lossy(&out.stdout)
        .replace("6000103 [zego: Token is invalid.]", "6000103");
    assert_eq!(annotated, String::from_utf8_lossy(&raw));
    assert!(out.stdout.windows(2).any(|w| w == b"\xff\xfe"));
}

#[test]
fn a_very_long_line_is_scanned_whole() {
    let mut line = vec![b'x'; 3 << 20];
    line.extend_from_slice(b" errorCode: 6000103 ");
    line.extend(vec![b'y'; 2 << 20]);
    line.extend_from_slice(b" code=201 [AgoraChatClient]\n");
    let found = findings(&["--vendor", "zego"], Some(&line));
    assert_eq!(found, [f(1, (3 << 20) + 13, 6000103, "zego-zim-en")]);
    // Annotated, every byte comes through, the explanations inserted.
    let out = chaterr().args(["scan"]).stdin(line.clone()).output();
    let zego = " [zego: Token is invalid.]";
    let agora = " [agora: User not logged in.]";
    assert_eq!(out.stdout.len(), line.len() + zego.len() + agora.len());
    // With -o, only the megabyte parts of it that hold codes, each on a line of its own.
    let out = chaterr().args(["scan", "-o"]).stdin(line.clone()).output();
    let text = String::from_utf8(out.stdout).unwrap();
    let parts: Vec<&str> = text.lines().collect();
    assert_eq!(parts.len(), 2, "two parts hold codes");
    assert!(
        parts[0].starts_with('…')
            && parts[0].contains("6000103 [zego: ")
            && parts[0].ends_with('…')
    );
    assert!(
        parts[1].starts_with('…')
            && parts[1].ends_with(&format!("code=201{agora} [AgoraChatClient]"))
    );
    assert!(parts.iter().all(|p| p.len() <= (1 << 20) + 200));
}

/// Annotating, the default, inserts ` [vendor: text]` after each code and changes nothing else;
/// in colour only when asked (the snapshots hold the text without colour).
#[test]
fn annotating_only_inserts_explanations() {
    let annotation = regex::Regex::new(r" \[(zego|tencent|agora)( -?\d+)?: [^\]]*\]").unwrap();
    for name in TEXT_LOGS {
        let annotated = scan_in_root().arg(name).assert().success();
        let annotated = String::from_utf8(annotated.get_output().stdout.clone()).unwrap();
        assert!(annotation.is_match(&annotated), "{name}");
        let original = std::fs::read_to_string(root().join(name)).unwrap();
        assert_eq!(annotation.replace_all(&annotated, ""), original, "{name}");
        let coloured = scan_in_root().args(["--color", "always", name]).stdout();
        assert!(coloured.contains('\u{1b}'), "{name}");
    }
}

#[test]
fn summary_counts_codes_per_vendor() {
    let input = "code=6014\nI/TIMManager: code=6014\nerr=201 [EMClient]\ncode=6014\n";
    let out = chaterr()
        .args(["scan", "--summary", "--format", "plain"])
        .stdin(input)
        .output();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "tencent\ttencent-chat\t6014\t3\t(standard input):1\tYou have not logged in to the Chat SDK or have been forcibly logged out.\n\
         agora\tagora-chat-android\t201\t1\t(standard input):3\tUser not logged in.\n"
    );
    let table = chaterr()
        .args(["scan", "--summary", "--format", "table"])
        .stdin(input)
        .output();
    insta::assert_snapshot!(String::from_utf8(table.stdout).unwrap());
}

#[test]
fn exit_status_as_grep() {
    chaterr()
        .args(["scan"])
        .stdin("nothing to see, ret=0\n")
        .assert()
        .code(1)
        .stdout("nothing to see, ret=0\n");
    chaterr()
        .args(["scan"])
        .stdin("code=6014\n")
        .assert()
        .code(0);
    let zim = log("zim-android.log");
    let out = chaterr()
        .args(["scan", "-o", "/nonexistent.log", zim.to_str().unwrap()])
        .output();
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unreadable file is an error, after the others are scanned"
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("cannot read /nonexistent.log")
    );
    chaterr()
        .args(["scan", "--vendor", "zeg"])
        .stdin("")
        .assert()
        .code(2);
}

#[test]
fn output_reaches_a_pipe_line_by_line() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command as Process, Stdio};
    let mut child = Process::new(binary())
        .args(["scan", "-o"])
        .env("XDG_CONFIG_HOME", crate::common::Sandbox::new().path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    // Like tail -f: a line, then silence. The finding must arrive before the input ends.
    stdin.write_all(b"E/EMClient: EMError code: 201\n").unwrap();
    stdin.flush().unwrap();
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(
        first.starts_with("E/EMClient: EMError code: 201 [agora:"),
        "{first}"
    );
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn sdk_symbols_in_a_line_are_findings() {
    let input = b"2024-05-01 E/ZIM: error: ZIMErrorCodeNetworkModuleTokenInvalid\n\
E/TIM: login callback ERR_SDK_NOT_LOGGED_IN(6014)\n\
I/App: send failed, will retry; success next time\n";
    assert_eq!(
        findings(&[], Some(input)),
        [
            f(1, 26, 6000103, "zego-zim-en"),
            f(2, 23, 6014, "tencent-chat"),
            f(2, 23, 6014, "tencent-im"),
        ],
        "ZIM's Flutter names `failed` and `success` are words, not findings"
    );
    let out = chaterr()
        .args(["scan", "-o"])
        .stdin(input.to_vec())
        .output();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("ZIMErrorCodeNetworkModuleTokenInvalid [zego 6000103: Token is invalid.]"),
        "{text}"
    );
    assert!(
        text.contains("ERR_SDK_NOT_LOGGED_IN [tencent 6014: "),
        "{text}"
    );
    assert_eq!(text.lines().count(), 2);
}
