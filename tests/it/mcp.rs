//! `chaterr mcp` driven over stdio as an MCP client drives it: the handshake, the tools and
//! their schemas, every tool with good and bad arguments (each answer the JSON the command line
//! prints with `--json` for the same question), a long run of calls, users' catalogues, and the
//! end of input. Every read has a timeout, so a server that hangs fails the test.
#![cfg(feature = "mcp")]

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tempfile::TempDir;

const TIMEOUT: Duration = Duration::from_secs(60);
const LEGACY: &str = "2025-06-18";
const CURRENT: &str = "2026-07-28";

/// A chaterr whose home and config dir are an empty folder, and without CHATERR_CATALOG.
fn chaterr(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_chaterr"));
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("CHATERR_CATALOG")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("COLUMNS", "100");
    cmd
}

/// What the command line prints with `--json` for `args`, given `input` on stdin.
fn cli_json(home: &Path, args: &[&str], input: &str) -> Value {
    let mut child = chaterr(home)
        .args(args)
        .arg("--json")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_owned();
    let writer = thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert_ne!(out.status.code(), Some(2), "chaterr {args:?} failed");
    if args[0] == "scan" {
        // JSON Lines: an array as a tool returns it.
        let values: Result<Vec<Value>, _> = serde_json::Deserializer::from_slice(&out.stdout)
            .into_iter()
            .collect();
        Value::Array(values.unwrap())
    } else {
        serde_json::from_slice(&out.stdout).unwrap()
    }
}

/// An MCP client of one `chaterr mcp` process.
struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    next_id: u64,
    protocol: &'static str,
}

impl Client {
    /// Starts `chaterr mcp` and goes through the handshake; returns the `initialize` result.
    fn start(home: &Path, extra: &[&str], protocol: &'static str) -> (Client, Value) {
        let mut child = chaterr(home)
            .args(extra)
            .arg("mcp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, lines) = channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let stdin = child.stdin.take();
        let mut client = Client {
            child,
            stdin,
            lines,
            next_id: 1,
            protocol,
        };
        if protocol == CURRENT {
            // No handshake: each request says who asks, in its `_meta`.
            let info = client.request("server/discover", json!({}));
            return (client, info["result"].clone());
        }
        let info = client.request(
            "initialize",
            json!({
                "protocolVersion": protocol,
                "capabilities": {},
                "clientInfo": {"name": "chaterr-tests", "version": "1.0.0"}
            }),
        );
        let info = info["result"].clone();
        client.send(&json!({"jsonrpc": "2.0", "method": "notifications/initialized"}));
        (client, info)
    }

    fn send(&mut self, message: &Value) {
        self.send_line(&message.to_string());
    }

    fn send_line(&mut self, line: &str) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(line.as_bytes()).unwrap();
        stdin.write_all(b"\n").unwrap();
        stdin.flush().unwrap();
    }

    /// The next message the server writes, within the timeout.
    fn receive(&self) -> Value {
        let line = self
            .lines
            .recv_timeout(TIMEOUT)
            .expect("the server answers within the timeout");
        serde_json::from_str(&line).unwrap()
    }

    /// Sends a request and returns the whole response (`result` or `error`).
    fn request(&mut self, method: &str, mut params: Value) -> Value {
        if self.protocol == CURRENT {
            params["_meta"] = json!({
                "io.modelcontextprotocol/protocolVersion": CURRENT,
                "io.modelcontextprotocol/clientInfo": {"name": "chaterr-tests", "version": "1.0.0"},
                "io.modelcontextprotocol/clientCapabilities": {}
            });
        }
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(id)
    }

    fn response(&self, id: u64) -> Value {
        loop {
            let message = self.receive();
            if message["id"] == json!(id) {
                return message;
            }
            // Notifications (logging, progress) are not answers.
            assert!(
                message.get("id").is_none(),
                "an answer to another request: {message}"
            );
        }
    }

    /// The result of `tools/call`.
    fn call(&mut self, tool: &str, arguments: Value) -> Value {
        let response = self.request("tools/call", json!({"name": tool, "arguments": arguments}));
        assert!(response.get("error").is_none(), "{tool}: {response}");
        response["result"].clone()
    }

    /// The JSON a successful call returns, and its text for the model.
    fn answer(&mut self, tool: &str, arguments: Value) -> (Value, String) {
        let result = self.call(tool, arguments.clone());
        assert_eq!(
            result["isError"],
            json!(false),
            "{tool} {arguments}: {result}"
        );
        let content = result["content"].as_array().unwrap();
        let text = |i: usize| content[i]["text"].as_str().unwrap().to_owned();
        match result.get("structuredContent") {
            // Protocol 2026-07-28 carries any JSON value as structured content.
            Some(json) if self.protocol == CURRENT => {
                assert_eq!(content.len(), 1, "{result}");
                (json.clone(), text(0))
            }
            // Before it, only an object: an array comes first in the content, as JSON text.
            Some(json) => {
                assert!(json.is_object(), "{result}");
                (json.clone(), text(content.len() - 1))
            }
            None => {
                assert_ne!(self.protocol, CURRENT, "{result}");
                assert_eq!(content.len(), 2, "{result}");
                (serde_json::from_str(&text(0)).unwrap(), text(1))
            }
        }
    }

    /// The message of a call that failed as a tool error (not a protocol error).
    fn tool_error(&mut self, tool: &str, arguments: Value) -> String {
        let result = self.call(tool, arguments.clone());
        assert_eq!(
            result["isError"],
            json!(true),
            "{tool} {arguments}: {result}"
        );
        let message = result["content"][0]["text"].as_str().unwrap().to_owned();
        assert!(
            message.starts_with("error: ") && message.lines().count() == 1,
            "{message:?}"
        );
        message
    }

    /// Closes the server's input; returns how it ended.
    fn close(mut self) -> ExitStatus {
        drop(self.stdin.take());
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the server did not end after its input closed"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const LOG: &str = "\
2024-05-01 09:14:02.118 I/ZIM: [ZIM] login start, userID=alice_01 roomID=8812
2024-05-01 09:14:02.544 E/ZIM: [ZIM] login failed, errorCode: 6000103, message: token invalid
I/TIMManager: onError code=6014 desc=not logged in
E/EMClient: EMError code: 201
E/TIM: ERR_SDK_NOT_LOGGED_IN(6014)
nothing to see here: port=8080 ret=0
retcode = 70001 on a line naming no SDK
";

/// Each tool's good questions: the tool's arguments, and the command line asking the same.
fn questions() -> Vec<(&'static str, Value, Vec<&'static str>, &'static str)> {
    vec![
        (
            "lookup_error_code",
            json!({"vendor": "zego-zim", "code": "6000103"}),
            vec!["lookup", "zego-zim", "6000103"],
            "",
        ),
        (
            "lookup_error_code",
            json!({"code": 6015}),
            vec!["lookup", "6015"],
            "",
        ),
        (
            "lookup_error_code",
            json!({"code": "zimerrorcodenetworkmoduletokeninvalid"}),
            vec!["lookup", "zimerrorcodenetworkmoduletokeninvalid"],
            "",
        ),
        (
            "lookup_error_code",
            json!({"vendor": "tencent", "code": "err_sdk_not_logged_in", "documented_only": true}),
            vec![
                "lookup",
                "tencent",
                "err_sdk_not_logged_in",
                "--documented-only",
            ],
            "",
        ),
        (
            "lookup_error_code",
            json!({"vendor": "zego", "code": "6000105", "documented_only": true}),
            vec!["lookup", "zego", "6000105", "--documented-only"],
            "",
        ),
        (
            "search_error_codes",
            json!({"query": "token expired"}),
            vec!["search", "token expired"],
            "",
        ),
        (
            "search_error_codes",
            json!({"query": "too many requests", "vendor": "tencent", "limit": 5}),
            vec![
                "search",
                "too many requests",
                "--vendor",
                "tencent",
                "-n",
                "5",
            ],
            "",
        ),
        (
            "search_error_codes",
            json!({"query": "TokenInvalid", "limit": 0, "documented_only": true}),
            vec!["search", "TokenInvalid", "-n", "0", "--documented-only"],
            "",
        ),
        (
            "list_error_codes",
            json!({"vendor": "tencent", "range": "8500..8599"}),
            vec!["list", "tencent", "--range", "8500..8599"],
            "",
        ),
        (
            "list_error_codes",
            json!({"vendor": "zego-zim", "category": "Login", "documented_only": true}),
            vec![
                "list",
                "zego-zim",
                "--category",
                "Login",
                "--documented-only",
            ],
            "",
        ),
        (
            "list_error_codes",
            json!({"range": 7005, "limit": 0}),
            vec!["list", "--range", "7005"],
            "",
        ),
        ("list_sources", json!({}), vec!["sources"], ""),
        ("explain_log", json!({"log": LOG}), vec!["scan"], LOG),
        (
            "explain_log",
            json!({"log": LOG, "vendor": "tencent"}),
            vec!["scan", "--vendor", "tencent"],
            LOG,
        ),
    ]
}

/// The arguments of a tool's input schema, and which are required, each sorted.
type SchemaArguments = (Vec<String>, Vec<String>);

fn schema_arguments(tool: &Value) -> SchemaArguments {
    let schema = &tool["inputSchema"];
    assert_eq!(schema["type"], "object", "{tool}");
    let mut names: Vec<String> = schema["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    names.sort();
    let required = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().map(|n| n.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default();
    (names, required)
}

#[test]
fn a_session_answers_every_tool_as_the_command_line_does_and_ends_with_its_input() {
    let home = TempDir::new().unwrap();
    let (mut client, info) = Client::start(home.path(), &[], LEGACY);
    assert_eq!(info["protocolVersion"], LEGACY);
    assert_eq!(info["serverInfo"]["name"], "chaterr");
    assert!(info["capabilities"]["tools"].is_object(), "{info}");

    // tools/list: the five tools, each with the arguments of its JSON Schema.
    let listed = client.request("tools/list", json!({}));
    let tools = listed["result"]["tools"].as_array().unwrap();
    let mut found: Vec<(String, SchemaArguments)> = tools
        .iter()
        .map(|t| (t["name"].as_str().unwrap().to_owned(), schema_arguments(t)))
        .collect();
    found.sort();
    let strings = |names: &[&str]| names.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    assert_eq!(
        found,
        [
            (
                "explain_log".to_owned(),
                (
                    strings(&["all_editions", "language", "log", "platform", "vendor"]),
                    strings(&["log"])
                )
            ),
            (
                "list_error_codes".to_owned(),
                (
                    strings(&[
                        "all_editions",
                        "category",
                        "documented_only",
                        "language",
                        "limit",
                        "platform",
                        "range",
                        "vendor"
                    ]),
                    vec![]
                )
            ),
            ("list_sources".to_owned(), (vec![], vec![])),
            (
                "lookup_error_code".to_owned(),
                (
                    strings(&[
                        "all_editions",
                        "code",
                        "documented_only",
                        "language",
                        "platform",
                        "vendor"
                    ]),
                    strings(&["code"])
                )
            ),
            (
                "search_error_codes".to_owned(),
                (
                    strings(&[
                        "all_editions",
                        "documented_only",
                        "language",
                        "limit",
                        "platform",
                        "query",
                        "vendor"
                    ]),
                    strings(&["query"])
                )
            ),
        ]
    );
    for tool in tools {
        assert!(tool["description"].as_str().unwrap().len() > 40, "{tool}");
        assert_eq!(tool["annotations"]["readOnlyHint"], true, "{tool}");
    }

    // Every tool, answering as `--json` does.
    let mut answers = Vec::new();
    for (tool, arguments, args, input) in questions() {
        let (json, text) = client.answer(tool, arguments.clone());
        assert_eq!(
            json,
            cli_json(home.path(), &args, input),
            "{tool} {arguments} differs from chaterr {args:?} --json"
        );
        assert!(!text.is_empty());
        answers.push((tool, arguments, json));
    }

    // The texts for the model say what the JSON says.
    let (_, text) = client.answer(
        "lookup_error_code",
        json!({"vendor": "zego", "code": "6000103"}),
    );
    assert!(
        text.starts_with("zego 6000103 (zego-zim-en): Token is invalid."),
        "{text}"
    );
    assert!(
        text.contains("Category: Login errors")
            && text.contains("ios ZIMErrorCodeNetworkModuleTokenInvalid"),
        "{text}"
    );
    let (_, text) = client.answer(
        "lookup_error_code",
        json!({"vendor": "agora", "code": "7", "documented_only": true}),
    );
    assert!(text.contains("nearest documented codes: 4, 8"), "{text}");
    let (_, text) = client.answer("explain_log", json!({"log": LOG}));
    assert!(
        text.starts_with("5 codes on 5 lines, explained:\n"),
        "{text}"
    );
    assert!(
        text.contains("\n2: 2024-05-01 09:14:02.544 E/ZIM: [ZIM]"),
        "{text}"
    );
    assert!(text.contains("6000103 [zego: Token is invalid.]"), "{text}");
    let (json, text) = client.answer("list_error_codes", json!({"vendor": "tencent"}));
    assert_eq!(json.as_array().unwrap().len(), 100);
    assert!(text.contains("more of"), "{text}");
    let (json, text) = client.answer("explain_log", json!({"log": "all is well\n"}));
    assert_eq!((json, text.as_str()), (json!([]), "no error codes found"));

    // A log of more findings than an agent can read: the first ones, and the text says so.
    let busy = "I/TIMManager: onError code=6014\n".repeat(5001);
    let (json, text) = client.answer("explain_log", json!({"log": busy}));
    let all = cli_json(home.path(), &["scan"], &busy);
    let all = all.as_array().unwrap();
    assert_eq!(
        (json.as_array().unwrap().len(), all.len()),
        (10_000, 10_002)
    );
    assert_eq!(json.as_array().unwrap()[..], all[..10_000]);
    assert!(text.contains("The JSON is cut before line 5001"), "{text}");

    // Bad arguments: tool errors that say what is wrong, and the server goes on.
    let bad: &[(&str, Value, &str)] = &[
        (
            "lookup_error_code",
            json!({"vendor": "zgo", "code": "6000103"}),
            "unknown vendor \"zgo\" (did you mean \"zego\"?)",
        ),
        (
            "lookup_error_code",
            json!({"code": "12ab"}),
            "\"12ab\" is not a code",
        ),
        (
            "lookup_error_code",
            json!({"code": "99999999999999999999"}),
            "beyond the range of error codes",
        ),
        ("lookup_error_code", json!({}), "missing field `code`"),
        (
            "lookup_error_code",
            json!({"code": true}),
            "invalid argument `code`",
        ),
        (
            "lookup_error_code",
            json!({"code": "6000103", "platform": "mac"}),
            "platform \"mac\" is not one of android, ios, unity, web, server",
        ),
        (
            "search_error_codes",
            json!({"query": "  "}),
            "the search query is empty",
        ),
        (
            "search_error_codes",
            json!({"query": "token", "limit": "ten"}),
            "invalid argument `limit`: invalid type: string \"ten\", expected a whole number",
        ),
        (
            "search_error_codes",
            json!({"query": "token", "limit": -1}),
            "invalid argument `limit`",
        ),
        (
            "search_error_codes",
            json!({"query": "x".repeat(5000)}),
            "at most 4096",
        ),
        (
            "list_error_codes",
            json!({"range": "a..b"}),
            "invalid range \"a..b\"",
        ),
        (
            "list_error_codes",
            json!({"vendor": "nobody"}),
            "unknown vendor \"nobody\"",
        ),
        ("explain_log", json!({"log": 42}), "invalid argument `log`"),
        (
            "explain_log",
            json!({"log": "code=6014\n".repeat(1_100_000)}),
            "explain_log reads at most 10 MiB",
        ),
        (
            "list_sources",
            json!({"vendor": "zego"}),
            "unknown field `vendor`",
        ),
    ];
    for (tool, arguments, expected) in bad {
        let message = client.tool_error(tool, arguments.clone());
        assert!(message.contains(expected), "{tool}: {message:?}");
    }

    // Not a tool call at all: protocol errors, and still no crash.
    let unknown = client.request("tools/call", json!({"name": "rm_rf", "arguments": {}}));
    assert!(
        unknown["error"]["message"]
            .as_str()
            .unwrap()
            .contains("unknown tool \"rm_rf\""),
        "{unknown}"
    );
    client.send_line("{this is not json");
    client.send_line("");
    let nonsense = client.request("no/such/method", json!({}));
    assert!(nonsense["error"].is_object(), "{nonsense}");

    // Many calls in a row, each answered as the first time.
    for i in 0..200 {
        let (tool, arguments, expected) = &answers[i % answers.len()];
        let (json, _) = client.answer(tool, arguments.clone());
        assert_eq!(&json, expected, "call {i}: {tool} {arguments}");
    }

    assert_eq!(client.close().code(), Some(0));
}

#[test]
fn the_current_protocol_carries_the_json_as_structured_content() {
    let home = TempDir::new().unwrap();
    let (mut client, info) = Client::start(home.path(), &[], CURRENT);
    assert!(
        info["supportedVersions"]
            .as_array()
            .unwrap()
            .contains(&json!(CURRENT)),
        "{info}"
    );
    for (tool, arguments, args, input) in questions() {
        let (json, _) = client.answer(tool, arguments.clone());
        assert_eq!(
            json,
            cli_json(home.path(), &args, input),
            "{tool} {arguments}"
        );
    }
    assert_eq!(client.close().code(), Some(0));
}

#[test]
fn users_catalogues_load_as_for_the_command_line() {
    let home = TempDir::new().unwrap();
    let config = home.path().join("config/chaterr/codes");
    fs::create_dir_all(&config).unwrap();
    fs::write(
        config.join("zego.toml"),
        "[source]\nid = \"zego-zim\"\nvendor = \"zego\"\n\n[[codes]]\ncode = 6000103\n\
         description = \"from the config dir\"\n",
    )
    .unwrap();
    let backend = home.path().join("backend.toml");
    fs::write(
        &backend,
        "[source]\nid = \"our-backend\"\nvendor = \"ours\"\n\n[[codes]]\ncode = 40401\n\
         description = \"The room is gone.\"\n",
    )
    .unwrap();
    let flag = ["--catalog", backend.to_str().unwrap()];
    let (mut client, _) = Client::start(home.path(), &flag, LEGACY);
    for (arguments, args) in [
        (
            json!({"vendor": "zego-zim", "code": "6000103"}),
            vec!["lookup", "zego-zim", "6000103"],
        ),
        (
            json!({"vendor": "ours", "code": 40401}),
            vec!["lookup", "ours", "40401"],
        ),
    ] {
        let (json, _) = client.answer("lookup_error_code", arguments);
        let args: Vec<&str> = flag.iter().copied().chain(args).collect();
        assert_eq!(json, cli_json(home.path(), &args, ""));
        assert_ne!(json[0]["origin"], "embedded");
    }
    let (sources, text) = client.answer("list_sources", json!({}));
    assert_eq!(
        sources,
        cli_json(home.path(), &[flag[0], flag[1], "sources"], "")
    );
    assert!(text.contains("our-backend (ours)"), "{text}");
    assert_eq!(client.close().code(), Some(0));
}

#[test]
fn a_client_that_leaves_before_the_handshake_ends_the_server_quietly() {
    let home = TempDir::new().unwrap();
    let out = chaterr(home.path())
        .arg("mcp")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");
}
