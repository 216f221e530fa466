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
                // A code the catalogue lacks has no source: "vendor?" stands for it.
                v["source"].as_str().map_or_else(
                    || format!("{}?", v["vendor"].as_str().unwrap()),
                    str::to_owned,
                ),
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

/// A long line of many numbers in places that ask what the line says (`返回 12` asks whether
/// the line speaks of a failure, a short code whether its words tell its meaning) is read once
/// for all of them, and the JSON's columns are counted on from one code to the next: before,
/// each number read the whole line again, and a megabyte of `返回 12` took minutes. Not timed
/// here: a return of that would show as a test that does not end.
#[test]
fn a_long_line_of_many_numbers_is_read_once_for_all() {
    let mut line = "返回 12 ".repeat(150_000).into_bytes();
    line.push(b'\n');
    assert_eq!(findings(&[], Some(&line)), []);
    // A short code nobody speaks for, many times over, where the line tells what it means.
    let told = "Login failed, Code: 1, Description: SDK has not been initialized. ";
    let mut line = told.repeat(20_000).into_bytes();
    line.push(b'\n');
    let found = findings(&[], Some(&line));
    let places: std::collections::BTreeSet<i64> = found.iter().map(|f| f.1).collect();
    assert_eq!(places.len(), 20_000);
    assert!(found.iter().all(|f| f.2 == 1 && f.3.starts_with("agora")));
    // Each at its own column, counted in characters.
    assert_eq!(
        places.iter().nth(1),
        Some(&(told.chars().count() as i64 + 21))
    );
}

/// A summary holds at most 10,000 codes the catalogue does not have, however many different
/// numbers a log puts where an SDK's codes stand; one line on stderr counts the sightings left
/// out, and the codes the catalogue has are all there.
#[test]
fn a_summary_keeps_a_bounded_number_of_unknown_codes() {
    let mut log = String::from("TIM onError code=6014\n");
    for n in 0..10_050 {
        log.push_str(&format!("TIM onError code={}\n", 200_000 + n));
    }
    log.push_str("TIM onError code=70001\n");
    let out = chaterr()
        .args(["scan", "--summary", "--json"])
        .stdin(log)
        .output();
    assert_eq!(out.status.code(), Some(0));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let unknown = rows.iter().filter(|r| r["documented"] == false).count();
    assert_eq!(unknown, 10_000);
    for known in [6014, 70001] {
        assert!(rows.iter().any(|r| r["code"] == known), "{known}");
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("50 sightings"), "{stderr}");
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
    // 6014 three times, each more than CHAIN_LINES (3) lines after the last: three failures.
    let input =
        "code=6014\nx\nerr=201 [EMClient]\nx\nx\nI/TIMManager: code=6014\nx\nx\nx\ncode=6014\n";
    let out = chaterr()
        .args(["scan", "--summary", "--format", "plain"])
        .stdin(input)
        .output();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "tencent\ttencent-chat\t6014\t3\t(standard input):1\tYou have not logged in to the Chat SDK or have been forcibly logged out.\tauth\trelogin\n\
         agora\tagora-chat-android\t201\t1\t(standard input):3\tUser not logged in.\tauth\trelogin\n"
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

/// The (code, vendor) pairs `scan --json` reports on the last line of `log`, each once, in order;
/// a vendor marked "?" when the catalogue does not have the code.
fn last_line(log: &str, args: &[&str]) -> Vec<(i64, String)> {
    let last = log.trim_end_matches('\n').lines().count() as i64;
    let mut out: Vec<(i64, String)> = Vec::new();
    for (line, _, code, source) in findings(args, Some(log.as_bytes())) {
        let vendor = match source.strip_suffix('?') {
            Some(vendor) => format!("{vendor}?"),
            None => source.split('-').next().unwrap().to_owned(),
        };
        if line == last && !out.contains(&(code, vendor.clone())) {
            out.push((code, vendor));
        }
    }
    out
}

/// Asserts that scan finds nothing on the last line of each log.
fn no_codes_on(logs: &[&str]) {
    for log in logs {
        assert_eq!(last_line(log, &[]), [], "{log}");
    }
}

fn codes(pairs: &[(i64, &str)]) -> Vec<(i64, String)> {
    pairs.iter().map(|(c, v)| (*c, (*v).to_owned())).collect()
}

#[test]
fn the_shapes_real_logs_put_codes_in() {
    for (line, want) in [
        // Flutter: the code as first or second argument
        (
            "Unhandled Exception: PlatformException(6206, Execution Error, userSig expired)",
            codes(&[(6206, "tencent")]),
        ),
        (
            "PlatformException(Sdk_Not_Login, 6014, null)",
            codes(&[(6014, "tencent")]),
        ),
        // "code" then a number after blanks or a colon, no "=" needed
        (
            "/Login failed, code 6206|msg userSig expired",
            codes(&[(6206, "tencent")]),
        ),
        (
            "onError: code 8010, msg inviteID invalid",
            codes(&[(8010, "tencent")]),
        ),
        (
            "E/TIM: reg push failed, code -10003, msg",
            codes(&[(-10003, "tencent")]),
        ),
        // other keys
        (
            "oidb head return failed:70001",
            codes(&[(70001, "tencent")]),
        ),
        (
            "module=IMSDK, errid=70013,errmsg=sig check failed",
            codes(&[(70013, "tencent")]),
        ),
        // (retcode alone is any API's: here the native log's TIM names the SDK)
        (
            "E/imsdk: TIM: /Network /sso retcode: -10005",
            codes(&[(-10005, "tencent")]),
        ),
        // Chinese
        (
            "错误码和错误信息分别为6017和xx",
            codes(&[(6017, "tencent")]),
        ),
        ("发送消息时报20008错误", codes(&[(20008, "tencent")])),
        ("Android 9.0 无法登陆报错6012", codes(&[(6012, "tencent")])),
        (
            "错误码：6012 ；错误信息：timeout",
            codes(&[(6012, "tencent")]),
        ),
        ("登录失败，返回code：8004", codes(&[(8004, "tencent")])),
        ("获取好友列表失败，返回40002", codes(&[(40002, "tencent")])),
        (
            "官网文档对于6017错误码解释如下",
            codes(&[(6017, "tencent")]),
        ),
        // prose and a pasted row of the vendor's table
        (
            "Always get 6000003 code when I log in",
            codes(&[(6000003, "zego")]),
        ),
        ("10007 | 操作权限不足", codes(&[(10007, "tencent")])),
        // exceptions, NSError of a chat SDK's domain, JS objects
        (
            "com.hyphenate.chat.HyphenateException: code: 201",
            codes(&[(201, "agora")]),
        ),
        (
            "V2TIMException(6014, not logged in)",
            codes(&[(6014, "tencent")]),
        ),
        // Japanese: エラーコード (error code), a line that names no SDK
        (
            "ログイン失敗 エラーコード：6014",
            codes(&[(6014, "tencent")]),
        ),
        // an SDK's error type in backticks, its number in Chinese text's bracket
        (
            "- 新增错误码 `EMErrorFileExpired`（407）：附件已过期",
            codes(&[(407, "agora")]),
        ),
        (
            "Error Domain=com.tencent.imsdk Code=6014 \"not logged in\"",
            codes(&[(6014, "tencent")]),
        ),
        (
            "send failed {code: 6014, message: 'not logged in'}",
            codes(&[(6014, "tencent")]),
        ),
    ] {
        assert_eq!(last_line(line, &[]), want, "{line}");
    }
}

#[test]
fn numbers_that_are_not_chat_sdk_codes() {
    no_codes_on(&[
        // HTTP statuses and libcurl, even beside a chat SDK's name
        "E/EMClient: upload failed, status code = 400",
        "[EMClient] Http error code: 6",
        "I/TIMManager: httpCode=404",
        // unattributed small numbers
        "I/flutter (11230): code = 200",
        "上传图片404：Code: 404, Message: Not Found",
        "login failed errorCode:5",
        // NSError domains of other SDKs
        "Error Domain=NSPOSIXErrorDomain Code=50 \"Network is down\"",
        "Error Domain=com.twilio.voice.error Code=603 \"Connection error\"",
        // other products, on the line or just before it
        "AgoraRtmClient login failed errorCode: 5",
        "agora_rtm: sendMessage failed, code=8010",
        "I/ZegoExpressEngine: loginRoom errorCode: 6014",
        "I/F-OpenIMSDK: onError\nonError: { code:10006, message:sdk not init}",
        "E/EMClient: connected\nI/AgoraRtmKit: login\ncode=201",
        // ids, sizes, successes, numbers running on
        "/del msg|id:20190920144917|type:1|seq:17093|rand:1119756364 code:0 ret=0",
        "x code=12ms ret=1.5 err=0x1f v2.6006错误",
    ]);
}

#[test]
fn the_sdk_speaking_is_read_from_the_line_the_lines_before_and_the_file() {
    // The line names the SDK: a small code is its.
    assert_eq!(
        last_line("E/EMClient: EMError code: 2", &[]),
        codes(&[(2, "agora")])
    );
    // Named a few lines before.
    let log = "E/EMClient: login\nsome line\nerrorCode 2\n";
    assert_eq!(last_line(log, &[]), codes(&[(2, "agora")]));
    // Named long before, earlier in the file: the file's SDK still speaks.
    let far = format!("E/EMClient: login\n{}code=2\n", "x\n".repeat(100));
    assert_eq!(last_line(&far, &[]), codes(&[(2, "agora")]));
    // Another product named since: its codes are not explained...
    let rtm = "E/EMClient: login\nI/AgoraRtmKit: login\ncode=201\n";
    assert_eq!(last_line(rtm, &[]), []);
    // ...unless the line names the chat SDK itself.
    let rtm = "I/AgoraRtmKit: login\nE/EMClient: EMError code: 201\n";
    assert_eq!(last_line(rtm, &[]), codes(&[(201, "agora")]));
    // Another product named long ago no longer speaks.
    let old = format!("I/AgoraRtmKit: login\n{}I/x: code=6014\n", "x\n".repeat(30));
    assert_eq!(last_line(&old, &[]), codes(&[(6014, "tencent")]));
    // A file's SDK does not carry into the next file.
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.log"), dir.path().join("b.log"));
    std::fs::write(&a, "E/EMClient: login\n").unwrap();
    std::fs::write(&b, "code=201\n").unwrap();
    assert_eq!(
        findings(&[a.to_str().unwrap(), b.to_str().unwrap()], None),
        []
    );
}

#[test]
fn a_code_the_catalogue_lacks_is_still_a_finding() {
    let log = "TIM: /get group members|decode|code:6632|desc:timeout\n";
    assert_eq!(last_line(log, &[]), codes(&[(6632, "tencent?")]));
    let out = chaterr().args(["scan", "--json"]).stdin(log).output();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["documented"], Value::Bool(false));
    assert_eq!(v["source"], Value::Null);
    chaterr()
        .args(["scan", "-o"])
        .stdin(log)
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "code:6632 [tencent: not in the catalogue]|desc",
        ));
    // --known-only leaves it out.
    chaterr()
        .args(["scan", "--known-only"])
        .stdin(log)
        .assert()
        .code(1);
    // Only where a chat SDK speaks, after a key, in the shape of its codes: not with nobody
    // named, not in prose, not a ZEGO Express code (eight digits) in a ZEGO log.
    assert_eq!(last_line("request failed code:6632", &[]), []);
    assert_eq!(last_line("E/TIMManager: 返回6632错误", &[]), []);
    assert_eq!(last_line("[Zego] loginRoom errorCode: 50001006", &[]), []);
    // A documented code says documented.
    let known = chaterr()
        .args(["scan", "--json"])
        .stdin("I/TIMManager: code=6014\n")
        .output();
    let first = String::from_utf8(known.stdout).unwrap();
    let v: Value = serde_json::from_str(first.lines().next().unwrap()).unwrap();
    assert_eq!(v["documented"], Value::Bool(true));
}

#[test]
fn a_summary_counts_one_failure_once() {
    // One failure reported on three lines (70001 twice, then 6206 after -10003): each code
    // once, with the first line; the same code later again is another failure.
    let input = "E/TIM: oidb head return failed:70001\n\
E/TIM: ret : 70001\n\
E/TIM: reg push failed, code -10003, msg\n\
E/TIM: Login failed, code 6206|msg userSig expired\n\
x\nx\nx\nx\n\
E/TIM: oidb head return failed:70001\n";
    let out = chaterr()
        .args([
            "scan",
            "--summary",
            "--format",
            "plain",
            "--vendor",
            "tencent-chat",
        ])
        .stdin(input)
        .output();
    let rows: Vec<(String, String, String)> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[2].to_owned(), f[3].to_owned(), f[4].to_owned())
        })
        .collect();
    let row = |code: &str, count: &str, line: &str| {
        (
            code.to_owned(),
            count.to_owned(),
            format!("(standard input):{line}"),
        )
    };
    assert_eq!(
        rows,
        [
            row("70001", "2", "1"),
            row("-10003", "1", "3"),
            row("6206", "1", "4")
        ]
    );
}

#[test]
fn a_denied_code_is_no_finding() {
    // "No login failure and no error code 6208 returned": a mention, not a failure seen.
    let denied =
        "后登录的账号在登录成功后（没有登录失败和返回错误码: 6208）立马收到onForceOffline的回调";
    assert_eq!(last_line(denied, &[]), []);
    assert_eq!(last_line("E/TIMManager: login ok, not code 6208", &[]), []);
    assert_eq!(last_line("并非错误码 6014 的问题", &[]), []);
    // A denial in an earlier clause denies nothing after it.
    let earlier = "如果和用户一条信息都没有产生时， 发信息时报错6014";
    assert_eq!(last_line(earlier, &[]), codes(&[(6014, "tencent")]));
    assert_eq!(
        last_line("登录失败，返回错误码: 6208", &[]),
        codes(&[(6208, "tencent")])
    );
    // "not" inside the message, away from the key, is no denial.
    assert_eq!(
        last_line("E/TIMManager: user not logged in, code 6014", &[]),
        codes(&[(6014, "tencent")])
    );
}

#[test]
fn other_products_words_silence_their_codes() {
    no_codes_on(&[
        // OpenIM's request ids, error detail, Go error chain and iOS classes
        "{\"operationID\": \"1755156089\", \"errCode\": 10005, \"errMsg\": \"x\"}",
        "reConn resp {\"errCode\":1502,\"errMsg\":\"TokenInvalidError\",\"errDlt\":\"\"}",
        "createGroup失败回调: code=10005, msg=error *errors.withStack not implement CodeError",
        "OIMGroupInfo onFailure code=10006",
        // WebSocket close codes
        " D |2023-01-02 16:05:54| Server_WSListener:onClose code=1002",
        "websocket closed with code is 1006, reason is An exception",
        "Error { type: 'WebSocketError', error: 'close code 1002' }",
        // other chat and messaging services
        "融云 发送消息失败 错误码：20008",
        "RongCloud sendMessage failed, code=20008",
        "网易云信 返回错误码 10004",
        "Twilio error code: 20003",
        // Tencent Cloud SMS
        "SendSms failed, ErrorCode: 60012",
        "短信发送失败，错误码：60012",
        // a CDN's error page
        "Error code: 1020 Ray ID: 79fd26b32b5db35",
        // named just before the code
        "I/flutter: WebSocket error: connection reset\nI/flutter: closed, code=1002",
    ]);
    // A chat SDK named on the line still speaks, whatever else it names.
    assert_eq!(
        last_line("I/TIMManager: websocket closed, code=6014", &[]),
        codes(&[(6014, "tencent")])
    );
}

#[test]
fn ret_with_nobody_named_is_any_function_s_return_value() {
    assert_eq!(
        last_line("{u'BaseResponse': {u'ErrMsg': u'', u'Ret': 1204}}", &[]),
        []
    );
    assert_eq!(last_line("ret=6014", &[]), []);
    // Where a chat SDK speaks, ret is its code.
    assert_eq!(
        last_line("E/TIMManager: ret=6014", &[]),
        codes(&[(6014, "tencent")])
    );
    assert_eq!(
        last_line("I/TIMManager: login\nret : 6014", &[]),
        codes(&[(6014, "tencent")])
    );
}

#[test]
fn a_number_then_what_failed_in_chinese() {
    assert_eq!(
        last_line("Android 4.3.81 6012请求超时", &[]),
        codes(&[(6012, "tencent")])
    );
    assert_eq!(last_line("6014登录失败", &[]), codes(&[(6014, "tencent")]));
    // A loose position: a number the catalogue lacks is no code there.
    assert_eq!(last_line("上传4242次失败", &[]), []);
}

#[test]
fn retcode_with_nobody_named_is_any_api_s_return_code() {
    // WeChat's, WebQQ's, curl's: `retcode` says nothing of whose it is.
    no_codes_on(&[
        "{\"retcode\":1204,\"errmsg\":\"\"}",
        "sync failed, retcode = 70003",
        "ret_code: 70003",
        "RETCODE 70003",
    ]);
    // Where a chat SDK speaks, it is its code.
    assert_eq!(
        last_line(
            "TIM: /Network -ssodata.cpp.186 Parse /sso retcode: -10003",
            &[]
        ),
        codes(&[(-10003, "tencent")])
    );
    assert_eq!(
        last_line("I/TIMManager: login\nretcode = 70003", &[]),
        codes(&[(70003, "tencent")])
    );
    // A key that means error still reads a distinctive code with nobody named.
    assert_eq!(
        last_line("sync failed, errcode = 70003", &[]),
        codes(&[(70003, "tencent")])
    );
}

#[test]
fn openim_s_error_names_are_its_words() {
    // Without a word of OpenIM's own, its codes read as the chat SDKs' that share them.
    assert_eq!(
        last_line("getGroupsInfo failed, errCode: 10006", &[]),
        codes(&[(10006, "tencent")])
    );
    no_codes_on(&[
        "getGroupsInfo failed, errCode: 1004, errMsg: 1004 RecordNotFoundError",
        "login error, code: 1001 ArgsError",
        "onError: code=10006, msg=10006 SdkInternalError",
        "errCode: 1002, errMsg: NoPermissionError",
        "createGroup failed, code: 1003 DuplicateKeyError",
        "errCode=10004 ResourceLoadNotCompleteError",
        // the SDK's own errors (openim-sdk-core's sdkerrs)
        "errCode: 10007, errMsg: NoUpdateError",
        "onError: code=10003, msg=CtxDeadlineExceededError",
        "errCode: 10005 GroupTypeErr",
        // and, as other products' words do, the lines just after them
        "errMsg: RecordNotFoundError\nerrCode: 1004",
    ]);
    // A name that only ends like theirs is none of them.
    assert_eq!(
        last_line("MyArgsError: code=6014", &[]),
        codes(&[(6014, "tencent")])
    );
    // A chat SDK named on the line still speaks.
    assert_eq!(
        last_line("E/TIMManager: ArgsError, code=6014", &[]),
        codes(&[(6014, "tencent")])
    );
}

#[test]
fn agora_sdk_is_agora_rtc_s_log_tag() {
    // Agora RTC's (and RTM 1.x's) Android tag: its err=110 is RTC's, not Agora Chat's.
    assert_eq!(
        last_line("E/AGORA_SDK( 4120): joinChannel failed, err=110", &[]),
        []
    );
    assert_eq!(
        last_line(
            "I/AGORA_SDK( 4120): onError\nI/flutter ( 4120): error code: 1204",
            &[]
        ),
        []
    );
    // Agora Chat named by its name is still Agora Chat.
    assert_eq!(
        last_line("agora chat: join failed, err=110", &[]),
        codes(&[(110, "agora")])
    );
    assert_eq!(
        last_line("E/EMClient( 4120): login failed, code=202", &[]),
        codes(&[(202, "agora")])
    );
}

#[test]
fn a_vendor_named_only_in_a_link_does_not_speak() {
    // ZEGO's documents site serves Express as well as ZIM: a seven-digit number after the link
    // is not read as a ZIM code the catalogue lacks.
    assert_eq!(
        last_line(
            "An error occurred: `Please refer to https://docs.zegocloud.com/article/5547 for details. (Error Code: 1000002)`",
            &[]
        ),
        []
    );
    // A link to Tencent Cloud's SMS pages names SMS: its codes are not IM's.
    assert_eq!(
        last_line(
            "see https://cloud.tencent.com/document/product/382/3773\nErrorCode: 60012",
            &[]
        ),
        []
    );
    // The SDK named outside the link still speaks.
    assert_eq!(
        last_line(
            "TIM login failed, code 6206, see https://cloud.tencent.com/document/product/269/1671",
            &[]
        ),
        codes(&[(6206, "tencent")])
    );
    // A link to the IM documents names no SDK; a catalogued distinctive code still stands.
    assert_eq!(
        last_line(
            "login failed, errcode = 70009, see https://console.tim.qq.com/v4/im_open_login_svc/account_import",
            &[]
        ),
        codes(&[(70009, "tencent")])
    );
}

#[test]
fn agora_alone_is_the_company_not_agora_chat() {
    // An Agora live stream is Agora's RTC: its login error 5 (RTM's) is no Agora Chat code.
    assert_eq!(
        last_line(
            "I am trying to make an agora live stream and this error is ocure
Unhandled Exception: login failed errorCode:5",
            &[]
        ),
        []
    );
    // Agora Chat by its own names still speaks.
    assert_eq!(
        last_line("io.agora.chat.ChatClient: login failed, code=202", &[]),
        codes(&[(202, "agora")])
    );
    assert_eq!(
        last_line(
            "agora_chat_sdk: login
login failed, code=202",
            &[]
        ),
        codes(&[(202, "agora")])
    );
}

#[test]
fn a_code_two_vendors_share_tells_no_vendor() {
    // 1001 is Agora Chat's and Tencent's: where no SDK speaks it is no finding (OpenIM's).
    assert_eq!(
        last_line(
            "调用GetFriendApplicationListAsRecipient报了内部错误 errMsg: \"Internal Error\", errCode: 1001",
            &[]
        ),
        []
    );
    // Where an SDK speaks, the number is its.
    assert_eq!(
        last_line("E/TIMManager: errCode: 1001", &[]),
        codes(&[(1001, "tencent")])
    );
    assert_eq!(
        last_line(
            "E/EMClient: login
errCode: 1001",
            &[]
        ),
        codes(&[(1001, "agora")])
    );
    // A number one vendor alone documents still tells its vendor.
    assert_eq!(
        last_line("errCode: 70009", &[]),
        codes(&[(70009, "tencent")])
    );
}

#[test]
fn an_http_client_s_numbers_are_http_statuses() {
    // In an Easemob log, a reply's code 500 on a line of its own is Agora Chat's 500...
    assert_eq!(
        last_line("E/EMClient: login\n{\"code\":500}", &[]),
        codes(&[(500, "agora")])
    );
    // ...but on an HTTP client's line it is the HTTP status.
    no_codes_on(&[
        "E/EMClient: login\nD/OkHttp: {\"code\":500,\"msg\":\"Internal Server Error\"}",
        "E/EMClient: login\nAxiosError: Request failed, code: 404",
        "E/EMClient: login\nDioException [bad response]: code: 500",
    ]);
    // A chat SDK named on the line still speaks.
    assert_eq!(
        last_line("E/EMClient: OkHttp call failed, code=500", &[]),
        codes(&[(500, "agora")])
    );
}

#[test]
fn a_bare_number_in_chinese_prose() {
    // Issue titles and sentences name the code as a bare number: four digits or more, after
    // Chinese, alone up to a clause's end or a blank and more Chinese.
    for (log, want) in [
        (
            "android 4.0.12 开启离线推送 6012, 登录是正常的",
            codes(&[(6012, "tencent")]),
        ),
        (
            "我也报了，还有7006，发送图片和视频的时候报的",
            codes(&[(7006, "tencent")]),
        ),
        // "returns" with no word of failure: a bare number after it still is one.
        (
            "Android 4.5.111 发文本消息有时返回 9515",
            codes(&[(9515, "tencent")]),
        ),
        ("获取好友列表，返回40002，", codes(&[(40002, "tencent")])),
        (
            "以上设置 直接 返回 10004 ， this group type does not enable apply join group",
            codes(&[(10004, "tencent")]),
        ),
        // "不是 X，就是 Y": either X or Y, neither denied.
        (
            "登录时都是返回错误呢？ 不是 70009， 就是 70016， 换句话说",
            codes(&[(70009, "tencent"), (70016, "tencent")]),
        ),
    ] {
        assert_eq!(last_line(log, &[]), want, "{log}");
    }
    // The cost: a value returned, as bare, reads as a code too (a SIM card's 6001 here).
    assert_eq!(
        last_line("电信卡调用返回6001", &[]),
        codes(&[(6001, "tencent")])
    );
    no_codes_on(&[
        // a unit or a word run on after it: a count, not a code
        "上传了6001条消息是正常的",
        // three digits after "returns", no failure: a value
        "登录返回 702",
        "登录返回 -200，",
        // a loose position: a number the catalogue lacks is no code there
        "是 4242，",
        // denied
        "不是 70009 的问题",
        // Latin before it: not Chinese prose
        "version 6012, 登录是正常的",
        // a field's value after a full-width colon: not prose
        "群ID：10010，成员是3人",
        // an id or a port: after 号 (number) or 端口 (port)
        "房间号 10010，进房是正常的",
        "监听端口 8001，是被占用了吗",
    ]);
}

#[test]
fn numbers_below_2000_name_no_sdk_by_themselves() {
    // 1000-1999 is every API's first block of error codes: with nobody named, no finding, though
    // Agora Chat documents 1000 and 1204.
    no_codes_on(&[
        "`PlatformException(1000, operation failed, null, null)`",
        "wxpy.exceptions.ResponseError: err_code: 1204; err_msg:",
        "`errno:1000,errmsg:登录失败`",
    ]);
    // Where Agora Chat speaks, they are its codes.
    assert_eq!(
        last_line("E/EMClient: translate failed, code: 1204", &[]),
        codes(&[(1204, "agora")])
    );
    assert_eq!(
        last_line("E/EMClient: login\nerrorCode: 1000", &[]),
        codes(&[(1000, "agora")])
    );
}

#[test]
fn openim_s_go_log_names_its_operation_id() {
    // OpenIM's Go SDK logs `[OperationID:…]`; its JSON says `operationID`.
    let log = "2023-08-10 13:11:11.960 [DEBU] [PID:-1] [FilePath:executor.go:76] \
        [OperationID:js then function] [=> GetConversation with response  \
        {\"data\":\"\",\"errCode\":10002,\"errMsg\":\"no conversation\"}]";
    assert_eq!(last_line(log, &[]), []);
    assert_eq!(
        last_line("{\"data\":\"\",\"errCode\":10002,\"errMsg\":\"x\"}", &[]),
        codes(&[(10002, "tencent")])
    );
}

#[test]
fn a_definition_with_a_colon_then_chinese() {
    assert_eq!(
        last_line(
            "10010: 群组不存在，或者曾经存在过，但是目前已经被解散.",
            &[]
        ),
        codes(&[(10010, "tencent")])
    );
    assert_eq!(
        last_line("10010：群组不存在", &[]),
        codes(&[(10010, "tencent")])
    );
    // Not Chinese after the colon: no definition.
    assert_eq!(last_line("10010: error", &[]), []);
}

#[test]
fn a_failure_s_number_in_brackets_closing_the_line() {
    // Where a chat SDK speaks, the number closing a failure's message is its code.
    assert_eq!(
        last_line(
            "TIMManager: createGroup 失败：group id has be used!(10025)",
            &[]
        ),
        codes(&[(10025, "tencent")])
    );
    // Where none does, it may be anyone's: Windows' socket errors stand there too.
    assert_eq!(last_line("connect failed (10060)", &[]), []);
    // No failure said: a count.
    assert_eq!(last_line("TIMManager: group members (10025)", &[]), []);
}

#[test]
fn an_error_s_name_then_its_number_in_brackets() {
    assert_eq!(
        last_line(
            "初始化LiveRoom失败: errorCode[-1] errorMsg[Err_TLS_Account_Num_Exceed_Threshold[70398]]",
            &[]
        ),
        codes(&[(70398, "tencent")])
    );
    // A log level and a thread id (Asterisk's `ERROR[10354]`) are no error's name.
    assert_eq!(
        last_line(
            "[Jul 29 07:28:32] ERROR[10354]: login.c:454 set_online_status_cb: ",
            &[]
        ),
        []
    );
    // Or after a comma or a colon.
    assert_eq!(
        last_line("Err_SNS_FriendAdd_Source_Illegal,30001", &[]),
        codes(&[(30001, "tencent")])
    );
    // A loose position: a number the catalogue lacks is no code there.
    assert_eq!(last_line("Err_Something[4242]", &[]), []);
    assert_eq!(last_line("Err_Something,4242", &[]), []);
    // A counter's value is no code: four digits or more after a comma or a colon.
    assert_eq!(last_line("[ZIM] stats err_count: 2", &[]), []);
    // A symbol the catalogue has, with its number: one finding, the symbol's.
    // So in Chinese text's brackets, where the number alone would read as a bare one.
    for log in [
        "E/TIM: ERR_SDK_NOT_LOGGED_IN(6014)\n",
        "E/TIM: ERR_SDK_NOT_LOGGED_IN（6014）\n",
        "报错 ERR_SDK_NOT_LOGGED_IN（6014）\n",
    ] {
        let found = findings(&[], Some(log.as_bytes()));
        // The symbol's column, in characters.
        let at = log[..log.find("ERR_").unwrap()].chars().count() as i64 + 1;
        let columns: Vec<i64> = found.iter().map(|f| f.1).collect();
        assert!(
            !columns.is_empty() && columns.iter().all(|&c| c == at),
            "{log}: {found:?}"
        );
    }
}

#[test]
fn a_row_of_a_vendor_s_table_that_says_what_the_catalogue_says() {
    for (line, want) in [
        // cells parted by blanks, the vendor's Chinese edition's words
        (
            "6000106 Token 过期。 Token 过期。 请调用 renewToken 接口更新 Token。",
            codes(&[(6000106, "zego")]),
        ),
        // no blank after the number, the English edition's words
        (
            "6000002The SDK is not initialized. Please initialize the SDK first before calling methods.",
            codes(&[(6000002, "zego")]),
        ),
        // a Markdown row: the code's name tells the vendor, small as the number is
        (
            "| 108 | TOKEN_EXPIRED | token 已过期 | 超出 token 有效期时间。 |",
            codes(&[(108, "agora")]),
        ),
        // a page that lost the blanks between its cells: the name in capitals runs on
        (
            "108TOKEN_EXPIREDThe token has expired.",
            codes(&[(108, "agora")]),
        ),
        // the name vouches though the row names WebSocket, whose close codes are no SDK's
        (
            "16 | WEBIM_CONNCTION_DISCONNECTED | WebSocket 断开连接 | 在 WebSocket 断开或者未登录情况下发送消息。 |",
            codes(&[(16, "agora")]),
        ),
        // an HTML table's row in a doc comment, in Chinese where the vendor documents the
        // code in English only: our Chinese words for its problem tell it
        (
            " *   <tr><td>10007</td><td>操作权限不足。请确认操作者是否是APP管理员。</td></tr>",
            codes(&[(10007, "tencent")]),
        ),
        (
            "<TR><TD>6000002</TD><TD>The SDK is not initialized. Please initialize the SDK first before calling methods.</TD></TR>",
            codes(&[(6000002, "zego")]),
        ),
    ] {
        assert_eq!(last_line(line, &[]), want, "{line}");
    }
    // Numbered lines say nothing the catalogue says of their numbers: no code, though the
    // catalogue has each number (a log's sequence numbers, `cat -n`, an HTTP status line).
    // Below 2000 a number needs more: the name, or four words of a description (`Request
    // failed.` or `Server is busy.` is any log's).
    no_codes_on(&[
        "105001 worker 3 finished job in 201 ms ok",
        "<tr><td>2024</td><td>Revenue grew</td></tr>",
        " * <tr><td>10007</td><td>42</td></tr>",
        "<tr><td>10007 items</td><td>shipped</td></tr>",
        "  6014\tif (code == 6014) {",
        "10060 Connection timed out",
        "404 Not Found",
        "1 warning generated.",
        "2024-05-01 12:00:00.000 I/ChatActivity: message list refreshed",
        "1 request failed, 9 succeeded",
        "3 authentication failed",
        "1 请求失败",
        "1003 System error",
        "500 Server busy",
        "     1\tRequest failed: timeout",
        // a name in lower case runs on into a word: no name of its own
        "108 TOKEN_EXPIREDthe",
    ]);
    // A row is explained by the entries its cells say, not by every entry of its number:
    // Agora Web's 500 is a busy server where the other pages' 500 is an invalid message.
    let found = findings(
        &[],
        Some("| 500 | SERVER_BUSY | Server is busy. |\n".as_bytes()),
    );
    assert_eq!(found, [f(1, 3, 500, "agora-chat-web")]);
    // A row whose name cell is an SDK's name of the code is one finding, the row's.
    let found = findings(&[], Some("6014 ERR_SDK_NOT_LOGGED_IN 未登录\n".as_bytes()));
    let columns: Vec<i64> = found.iter().map(|f| f.1).collect();
    assert!(
        !columns.is_empty() && columns.iter().all(|&c| c == 1),
        "{found:?}"
    );
    // A row among lines the prefilter passes over is read, with its line number.
    let log =
        "plain line one\nplain line two\n6000106 Token 过期。 Token 过期。\nplain line four\n";
    assert_eq!(
        findings(&[], Some(log.as_bytes())),
        [f(3, 1, 6000106, "zego-zim-en")]
    );
}

#[test]
fn a_short_code_whose_message_tells_what_it_means() {
    // Where nobody speaks, a number below 2000 tells no vendor's code by itself; the message
    // beside it does, in three words of the code's meaning (`not`, `initialized`, `sdk`).
    assert_eq!(
        last_line(
            "Login failed, Code: 1, Description: SDK has not been initialized",
            &[]
        ),
        codes(&[(1, "agora")])
    );
    // A distinctive number after a weak key (a failure's number closing the line) needs two.
    assert_eq!(
        last_line(
            "[IM] 创建群 失败：group id has be used by youself!(10025)",
            &[]
        ),
        codes(&[(10025, "tencent")])
    );
    // The keys and the words for failing say nothing; nor do two words of a short code's
    // meaning (`server`, `busy`: any HTTP server's 500).
    no_codes_on(&[
        "Login failed, Code: 1",
        "request failed, code: 1, message: \"not found\"",
        "error code 500, server is busy",
        "code: 404, message: user not found",
        "connect failed (10060)",
    ]);
}

#[test]
fn a_short_code_told_in_chinese_by_our_words_for_its_problem() {
    // The vendors document Agora Chat's codes in English only; a Chinese line is read against
    // chaterr's own Chinese words for the code's problem too (a login on another device).
    assert_eq!(
        last_line(
            "测试时发现用户在另一台设备登录后，这边被强制下线，提示错误码 206",
            &[]
        ),
        codes(&[(206, "agora")])
    );
    // Words that many problems' words share (登录, 用户, 消息, 发送, and the words for failing)
    // tell none of them.
    no_codes_on(&[
        "登录接口报错，用户消息发送失败，错误码 7",
        "demo中的登录接口报 响应错误，{\"code\":-1,\"error\":\"ERR_REQUEST_PARAM\"}",
        "好友列表拉取失败，服务返回 206",
    ]);
}

#[test]
fn a_short_code_told_in_chinese_by_our_glossary() {
    // Chinese is read in English too, by our glossary, against the vendor's English: an
    // account deleted, a token invalid, a network cut.
    for (line, code) in [
        ("后台把这个账号删除了，客户端提示错误码 207", 207),
        ("登录的时候 token 无效，错误码 104", 104),
        ("发送消息时网络断开，错误码 2", 2),
    ] {
        assert_eq!(last_line(line, &[]), codes(&[(code, "agora")]), "{line}");
    }
    // A line that tells no problem of the code's still tells nobody's code.
    assert_eq!(last_line("我们后台接口返回错误码 207，列表为空", &[]), []);
}

#[test]
fn a_short_description_is_told_by_all_its_words() {
    // Agora Chat's 108 is `Token has expired.`: two words are all a line can tell of it, in
    // English or in Chinese.
    for line in [
        "Token expired, code: 108",
        "登录时鉴权错误，例如 token 无效（错误码 104）或已过期（错误码 108）。",
    ] {
        assert!(
            last_line(line, &[]).contains(&(108, "agora".to_owned())),
            "{line}"
        );
    }
    no_codes_on(&[
        // One of the two is not enough.
        "Token refreshed, code: 108",
        "session expired, code: 108",
        // A number an HTTP status may be still needs three words: Agora Chat's 500 is `Server
        // is busy.`, as any API's 500 is.
        "code: 500, msg: server is busy",
        // A one-word description is no sign: ZEGO's 1 is `Request failed.`
        "code: 1, msg: request failed",
    ]);
}

#[test]
fn a_quoted_key_a_comma_then_the_number() {
    // A map's entry put in code: Java's `putInt("code", 6206)`, a pair in brackets.
    assert_eq!(
        last_line("        map.putInt(\"code\", 6206);", &[]),
        codes(&[(6206, "tencent")])
    );
    assert_eq!(
        last_line("params.put('errorCode', 70001)", &[]),
        codes(&[(70001, "tencent")])
    );
    // A short number is any API's status, as after any key.
    assert_eq!(last_line("[\"code\", 200]", &[]), []);
}

#[test]
fn an_entry_s_name_in_a_page_s_list_or_an_enum_with_its_number() {
    for (line, code) in [
        ("- `MESSAGE_SEND_TIMEOUT` 512：发送消息超时。", 512),
        ("* `USER_NOT_FOUND` 204", 204),
        ("  MESSAGE_MODERATION_BLOCKED: 508,", 508),
    ] {
        assert_eq!(last_line(line, &[]), codes(&[(code, "agora")]), "{line}");
    }
    // Not another number, and a word and a number is no name with its number.
    no_codes_on(&[
        "- `MESSAGE_SEND_TIMEOUT` 513",
        "Loaded 204 items",
        "count: 204",
    ]);
}

#[test]
fn a_number_then_de_then_an_error_word() {
    // 的 ("of") between the number and 错误: 出现 6014 的错误.
    assert_eq!(
        last_line("登录时出现 6014 的错误", &[]),
        codes(&[(6014, "tencent")])
    );
}

#[test]
fn a_key_s_number_in_square_brackets_and_returned_then_a_number() {
    assert_eq!(
        last_line("TIM error: [6014] not logged in", &[]),
        codes(&[(6014, "tencent")])
    );
    // `returned` and `returns` as `failed`: four digits or more, where a chat SDK speaks, not
    // a count.
    assert_eq!(
        last_line("TIM login returned 70001", &[]),
        codes(&[(70001, "tencent")])
    );
    // `failure` as `failed`, and `fails with` or `failed with` before the number.
    for log in [
        "TIM login failure: 6206",
        "TIM login fails with 6206",
        "[TIM] login failed with 6206",
    ] {
        assert_eq!(last_line(log, &[]), codes(&[(6206, "tencent")]), "{log}");
    }
    no_codes_on(&[
        "TIM returned 6014 messages",
        "the API returned 2000 items",
        "code: [1, 2, 3]",
        // a weak key where nobody speaks
        "upload failed with 6206",
        "TIM upload failed with 6206 bytes left",
    ]);
}

#[test]
fn every_number_of_a_list_in_chinese_prose_is_read() {
    // `A 或 B 或 C`: each number's match ends in the word after it, where the next starts.
    assert_eq!(
        last_line(
            "帐号鉴权时返回错误码 70001 或 70003 或 70009 或 70013?",
            &[]
        ),
        codes(&[
            (70001, "tencent"),
            (70003, "tencent"),
            (70009, "tencent"),
            (70013, "tencent")
        ])
    );
    assert_eq!(
        last_line("报错了，还有 6200 和 6201 两个", &[]),
        codes(&[(6200, "tencent"), (6201, "tencent")])
    );
}

#[test]
fn a_bare_number_after_chinese_and_an_ascii_comma() {
    // Chinese typed with ASCII punctuation: `已过期,70003 定义为…` as `已过期，70003 定义为…`.
    assert_eq!(
        last_line(
            "其中,70001 定义为 UserSig 已过期,70003 定义为 UserSig 被截断导致校验失败。",
            &[]
        ),
        codes(&[(70001, "tencent"), (70003, "tencent")])
    );
    // An id stays an id.
    assert_eq!(last_line("失败了,群号,12345 是测试群", &[]), []);
}

#[test]
fn an_error_object_s_type_is_its_code_where_the_line_says_it_failed() {
    // Easemob's web SDK: onError({type: 206, message: …}).
    assert_eq!(
        last_line("easemob onError type=206 的错误", &[]),
        codes(&[(206, "agora")])
    );
    assert_eq!(
        last_line("E/EMClient: login failed, {type: 206}", &[]),
        codes(&[(206, "agora")])
    );
    // Or where the line tells what the code means, whoever speaks.
    assert_eq!(
        last_line(
            "type: 206, message: \"the user is already logged on another device\"",
            &[]
        ),
        codes(&[(206, "agora")])
    );
    // Elsewhere a type is a record's kind, however the SDK speaks.
    no_codes_on(&[
        "msg type: 1, message: hello",
        "E/EMClient: message received {type: 206}",
        "TIM: /del msg|id:2019|type:1|client_time:1569",
        "E/EMClient: send failed, msg_type=1",
        // and only a code the catalogue has
        "E/EMClient: login failed, {type: 99999}",
    ]);
}

#[test]
fn an_entry_s_name_defined_as_its_number() {
    // An SDK's constant: the entry's own name, then its number.
    assert_eq!(
        last_line("    static final int SERVER_GET_DNSLIST_FAILED = 304;", &[]),
        codes(&[(304, "agora")])
    );
    assert_eq!(
        last_line("E/app: fail: USER_NOT_FOUND(204)", &[]),
        codes(&[(204, "agora")])
    );
    // Chinese text's bracket: a release note's `EMErrorUserNotFound`（204）.
    assert_eq!(
        last_line("登录报错 `USER_NOT_FOUND`（204）：用户不存在", &[]),
        codes(&[(204, "agora")])
    );
    // The number must be the name's own: another number, a comparison or a number run on is
    // nothing.
    no_codes_on(&[
        "static final int SERVER_GET_DNSLIST_FAILED = 305;",
        "if (code == SERVER_GET_DNSLIST_FAILED) fail",
        "SERVER_GET_DNSLIST_FAILED == 304 failed",
        "SERVER_GET_DNSLIST_FAILED = 304ms failed",
        // nor where another product speaks
        "AgoraRtmClient: SERVER_GET_DNSLIST_FAILED = 304",
    ]);
    // The name without a number is a word any product may use.
    assert_eq!(last_line("error: SERVER_GET_DNSLIST_FAILED", &[]), []);
}

#[test]
fn error_and_failed_then_a_number_where_an_sdk_speaks() {
    for (line, want) in [
        ("TIM login error 6014", codes(&[(6014, "tencent")])),
        ("E/EMClient: login error 204", codes(&[(204, "agora")])),
        (
            "ZIM login failed with error 6000103",
            codes(&[(6000103, "zego")]),
        ),
        ("TIM err 6014", codes(&[(6014, "tencent")])),
        ("TIM login failed 70001", codes(&[(70001, "tencent")])),
        ("TIM I keep getting 6014 error", codes(&[(6014, "tencent")])),
        // the error's message quoted between the number and "error"
        (
            "TIM: the 6014 \"Sdk_Not_Login\" error again",
            codes(&[(6014, "tencent")]),
        ),
        // "is" or "was" between a code key and its number
        ("tencent im error code is 6014", codes(&[(6014, "tencent")])),
        ("TIM: the code was 70001", codes(&[(70001, "tencent")])),
        // a callback's name and a colon
        ("TIM onError: 6014 not login", codes(&[(6014, "tencent")])),
        ("TIM onFailed: 6014", codes(&[(6014, "tencent")])),
        // a name in camel case that ends in a failure
        ("ZIM loginFailed: 6000103", codes(&[(6000103, "zego")])),
        ("TIM onLoginFailed(70001)", codes(&[(70001, "tencent")])),
        ("TIM lastError=6014", codes(&[(6014, "tencent")])),
    ] {
        assert_eq!(last_line(line, &[]), want, "{line}");
    }
}

#[test]
fn error_then_a_number_is_weak_and_not_a_status_or_a_count() {
    no_codes_on(&[
        // Nobody speaks: any program's error (Windows' socket errors are numbers Tencent
        // documents).
        "socket error 10054",
        "connect error 10060 timed out",
        "login failed with error 6000103",
        // HTTP statuses: Agora Chat documents 404 and 500 as codes of its own
        "E/EMClient: error 404 Not Found",
        "E/EMClient: HTTP error 500",
        "E/EMClient: http error: 500",
        "E/EMClient: 404 error",
        // counts
        "E/EMClient: error 3 times",
        "E/EMClient: sync failed 3 times",
        "TIM sync failed 1000 of 5000",
        "TIM 6014 errors",
    ]);
}

#[test]
fn chinese_error_and_failure_words_before_a_colon() {
    for (line, want) in [
        ("报错：6014", codes(&[(6014, "tencent")])),
        ("TIM 报错: 6014", codes(&[(6014, "tencent")])),
        ("登录失败：6014", codes(&[(6014, "tencent")])),
        ("错误: 70001", codes(&[(70001, "tencent")])),
        ("TIM 错误信息：6014", codes(&[(6014, "tencent")])),
        ("腾讯IM 登录报错：70001", codes(&[(70001, "tencent")])),
        ("TIM 返回：6014", codes(&[(6014, "tencent")])),
        // 返回码 (return code) as 返回; 出错 (went wrong) and a bare number after it
        ("接口返回码：70001，登录失败", codes(&[(70001, "tencent")])),
        ("发消息出错 6014", codes(&[(6014, "tencent")])),
    ] {
        assert_eq!(last_line(line, &[]), want, "{line}");
    }
    no_codes_on(&[
        // a denial; a field's value; a return value
        "没有报错：6014",
        "群ID：10010",
        "返回值：70001",
        "返回码：200",
        "出错了 12345 次",
        // a number nobody documents, and one below 2000 where nobody speaks
        "发送失败：33002",
        "鉴权服务调用失败：1012 - NO_APPID",
    ]);
}

#[test]
fn a_constant_defined_as_its_number_in_an_sdk_s_source() {
    // An entry's own name holds none of the prefilter's words: the line is read as a
    // definition.
    for line in [
        "static final int USER_NOT_FOUND = 204",
        "public static final int USER_NOT_FOUND = 204;",
        "    USER_NOT_FOUND = 204,",
    ] {
        assert_eq!(last_line(line, &[]), codes(&[(204, "agora")]), "{line}");
    }
    no_codes_on(&[
        "retry count = 5",
        "static final int MAX_USERS = 204;",
        "USER_NOT_FOUND == 204",
    ]);
}

#[test]
fn an_apps_own_reply_envelope_is_the_apps_code() {
    // `"code"` beside `"data"`, `"msg"`, `"success"` …: an app's server's reply, not a chat
    // SDK's, though Tencent documents the numbers.
    no_codes_on(&[
        r#"{"code":30001,"data":null,"message":"认证失败，请确认登录参数"}"#,
        r#"返回{"msg":"参数不合法","code":70001}"#,
        r#"{"result": "error", "code": 10031, "ts": 1778692402873}"#,
    ]);
    // Without those keys, a distinctive code as before; and where a chat SDK speaks, its code.
    for (log, want) in [
        (r#"{"code":70001,"message":"usersig expired"}"#, 70001),
        ("TIM login\n{\"code\":70001,\"data\":null}", 70001),
        (r#"TIM {"code":6014,"msg":"not login"}"#, 6014),
    ] {
        assert_eq!(last_line(log, &[]), codes(&[(want, "tencent")]), "{log}");
    }
}
