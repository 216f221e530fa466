//! Finding chat-SDK error codes in logs: where in a line a code stands (after `code=`,
//! `"ErrorCode":`, in `onError(…)`, after `EMError` …), which SDK the line names, and a reader
//! that walks any input line by line in bounded memory.

use std::io::{self, BufRead};
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::bytes::Regex;

/// A number in a place where logs put error codes.
static CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?x)
        (?:
            # a key, optional quotes, then : or =    code=6014  "ErrorCode":70001  err: 201
            (?i:\b(?:error[_\ ]?code|err_?code|ret_?code|result_?code|code|errno|err|error|ret))
                ["']?\s*[:=]\s*["']?\s*
          | # a compound key and a space             ErrorCode 70001
            (?i:\b(?:error[_\ ]?code|err_?code|ret_?code))\s+
          | # a callback                              onError(6014, "…")  onError(code=6014)
            \bon(?:Error|Fail(?:ure|ed)?)\s*\(\s*(?:(?i:code|error_?code)\s*[:=]\s*)?
          | # an SDK's error type                     EMError code: 201  ZIMError(6000103)
            \b(?:EM|ZIM|V2TIM|TIM|AgoraChat)Error\w*\s*(?:[(:=]\s*|\s+)
                (?:(?i:code|error_?code)\s*[:=]?\s*)?
        )
        (-?[0-9]{1,19})
        "#,
    )
    .expect("the code pattern is valid")
});

/// The words by which a log line names an SDK, per vendor key.
static VENDOR_HINTS: LazyLock<[(&'static str, Regex); 3]> = LazyLock::new(|| {
    let hint = |pattern: &str| Regex::new(pattern).expect("the vendor patterns are valid");
    [
        ("zego", hint(r"(?i:zego)|\bZIM(?:[A-Z][a-z]|Error|\b)")),
        (
            "tencent",
            hint(
                r"(?i:tencent|tuikit|\bimsdk\b)|\bIM SDK\b|\b(?:V2)?TIM(?:[A-Z][a-z]|Error|SDK|\b)",
            ),
        ),
        (
            "agora",
            hint(r"(?i:agora|easemob|hyphenate)|\bEM(?:[A-Z][a-z]|Error\b)"),
        ),
    ]
});

/// A code found in a line: the number, where its digits stand, and where the match with its
/// key begins (byte offsets in the line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub code: i64,
    pub span: Range<usize>,
    pub key_start: usize,
    /// Found by an SDK symbol rather than a number: the line does not show the code.
    pub by_name: bool,
}

/// The codes in a line, in order. A `0` is success, not an error, and a number running on into
/// letters or a decimal point (`code=12ms`, `ret=1.5`, `err=0x1f`) is not a code.
pub fn codes_in(line: &[u8]) -> Vec<Found> {
    CODE.captures_iter(line)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let digits = caps.get(1)?;
            let after = &line[digits.end()..];
            let runs_on = match after {
                [b'.', next, ..] => next.is_ascii_digit(),
                [next, ..] => next.is_ascii_alphanumeric() || *next == b'_',
                [] => false,
            };
            if runs_on {
                return None;
            }
            let code: i64 = std::str::from_utf8(digits.as_bytes()).ok()?.parse().ok()?;
            (code != 0).then(|| Found {
                code,
                span: digits.range(),
                key_start: whole.start(),
                by_name: false,
            })
        })
        .collect()
}

/// Finds the SDK symbols of a catalogue in log lines (`error: ZIMErrorCodeNetworkModuleTokenInvalid`,
/// `ERR_SDK_NOT_LOGGED_IN(6014)`), whole words only, case-insensitively.
pub struct SymbolFinder {
    automaton: Option<AhoCorasick>,
}

impl SymbolFinder {
    /// A finder for these names; a match reports the index of its name in this order.
    pub fn new<'n>(names: impl IntoIterator<Item = &'n str>) -> Self {
        let names: Vec<&str> = names.into_iter().collect();
        let automaton = (!names.is_empty()).then(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                // A DFA: about 4 MB more resident for the SDKs' ~1,300 names, and scan
                // twice as fast as with the default NFA on a log of mostly ordinary lines.
                .kind(Some(AhoCorasickKind::DFA))
                .build(&names)
                .expect("symbol names build an automaton")
        });
        SymbolFinder { automaton }
    }

    /// (span, index of the name) of each symbol standing as a word of its own in `line`.
    pub fn find(&self, line: &[u8]) -> Vec<(Range<usize>, usize)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        automaton
            .find_iter(line)
            .filter(|m| {
                let before = m.start().checked_sub(1).map(|i| line[i]);
                let after = line.get(m.end()).copied();
                !before.is_some_and(is_word) && !after.is_some_and(is_word)
            })
            .map(|m| (m.range(), m.pattern().as_usize()))
            .collect()
    }
}

/// The vendors a line names (`[ZIM]`, `TIMManager`, `EMClient` …), as vendor keys.
pub fn vendors_named(line: &[u8]) -> Vec<&'static str> {
    VENDOR_HINTS
        .iter()
        .filter(|(_, pattern)| pattern.is_match(line))
        .map(|(vendor, _)| *vendor)
        .collect()
}

/// Past this many bytes without a newline, a line is scanned in pieces; each piece keeps its
/// last `OVERLAP` bytes for the next, so a code is never cut in two and memory stays bounded.
pub const MAX_PIECE: usize = 1 << 20;
const OVERLAP: usize = 256;

/// A piece of input to scan: all or part of one line.
pub struct Piece<'b> {
    /// 1-based line number.
    pub line: u64,
    /// Byte offset of `text` in its line.
    pub offset: usize,
    /// The bytes, without the line's end; findings start inside `text`.
    pub text: &'b [u8],
    /// Where the line ends in this piece: the bytes to print after `text` ("\n", "\r\n" or "").
    pub ending: &'b [u8],
    /// The line goes on in the next piece.
    pub continued: bool,
}

/// What receives the pieces of a scanned input.
pub trait Sink {
    /// A piece and the codes found in it.
    fn piece(&mut self, piece: &Piece<'_>, found: Vec<Found>) -> io::Result<()>;

    /// The next read may block: anything written so far should go out now, so output reaches
    /// a `tail -f` pipe line by line without costing a write per line on a file.
    fn before_wait(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Reads `input` piece by piece (a piece is a line, or part of a very long one) into `sink`.
pub fn scan_reader(input: &mut impl BufRead, sink: &mut impl Sink) -> io::Result<()> {
    let mut buf: Vec<u8> = Vec::new();
    let mut line: u64 = 1;
    let mut offset = 0;
    loop {
        let (ended, drained) = read_piece(input, &mut buf, sink)?;
        if buf.is_empty() && !ended {
            return Ok(());
        }
        let mut found = codes_in(&buf);
        let (text, ending, keep) = if ended {
            let body = buf.len() - usize::from(buf.last() == Some(&b'\n'));
            let body = body - usize::from(body > 0 && buf[body - 1] == b'\r');
            (&buf[..body], &buf[body..], false)
        } else if buf.len() >= MAX_PIECE {
            // Hand on the tail, cutting before any code that would straddle the cut, so that
            // the next piece reads it whole, key and all.
            let mut cut = buf.len() - OVERLAP;
            // Never inside a word: the next piece is read on its own, and the tail of
            // `barcode` would read as the key `code` (nor inside a UTF-8 character).
            let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
            let floor = cut - OVERLAP.min(cut);
            while cut > floor && is_word(buf[cut - 1]) && is_word(buf[cut]) {
                cut -= 1;
            }
            for f in &found {
                // (A match longer than a piece, all blanks after its key, is not worth a stall.)
                if f.key_start > 0 && f.key_start < cut && f.span.end >= cut {
                    cut = f.key_start;
                }
            }
            found.retain(|f| f.span.end < cut);
            (&buf[..cut], &buf[..0], true)
        } else {
            // End of input without a final newline.
            (&buf[..], &buf[..0], false)
        };
        let piece = Piece {
            line,
            offset,
            text,
            ending,
            continued: keep,
        };
        sink.piece(&piece, found)?;
        if drained {
            // The next read may wait for more input: what this piece wrote goes out first.
            sink.before_wait()?;
        }
        let consumed = text.len() + ending.len();
        if keep {
            offset += consumed;
            buf.drain(..consumed);
        } else if ended {
            line += 1;
            offset = 0;
            buf.clear();
        } else {
            return Ok(());
        }
    }
}

/// Appends to `buf` up to and including the next newline, or until it holds `MAX_PIECE` bytes.
/// Returns whether a newline ended it (false at the end of input or when the piece is full),
/// and whether the reader's buffer is now empty, so that its next read may wait.
fn read_piece(
    input: &mut impl BufRead,
    buf: &mut Vec<u8>,
    sink: &mut impl Sink,
) -> io::Result<(bool, bool)> {
    loop {
        if buf.len() >= MAX_PIECE {
            return Ok((false, false));
        }
        let available = match input.fill_buf() {
            Ok([]) => return Ok((false, false)),
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        let room = MAX_PIECE - buf.len();
        let (take, ended) = match memchr(b'\n', &available[..available.len().min(room)]) {
            Some(at) => (at + 1, true),
            None => (available.len().min(room), false),
        };
        buf.extend_from_slice(&available[..take]);
        let drained = take == available.len();
        input.consume(take);
        if ended {
            return Ok((true, drained));
        }
        if drained {
            // The next fill_buf reads, and may wait: earlier pieces' output goes out first.
            sink.before_wait()?;
        }
    }
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(line: &str) -> Vec<i64> {
        codes_in(line.as_bytes())
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn codes_where_logs_put_them() {
        assert_eq!(codes("[ZIM] login failed, errorCode: 6000103"), [6000103]);
        assert_eq!(
            codes(r#"{"ActionStatus":"FAIL","ErrorCode":70001,"ErrorInfo":"x"}"#),
            [70001]
        );
        assert_eq!(
            codes("I/TIMManager: onError code=6014 desc=not logged in"),
            [6014]
        );
        assert_eq!(codes("E/EMClient: EMError code: 201"), [201]);
        assert_eq!(codes("ZIMError(6000121) while sending"), [6000121]);
        assert_eq!(codes("onError(6014, \"not logged in\")"), [6014]);
        assert_eq!(
            codes("ret=-10001 retcode = 70003 err=201 error: 6206"),
            [-10001, 70003, 201, 6206]
        );
        assert_eq!(codes("error_code 6014; ErrorCode 70001"), [6014, 70001]);
    }

    #[test]
    fn not_codes() {
        for line in [
            "2024-05-01 12:00:03.123 pid=4242 port=8080 userID=12345 roomID=777 cost=120ms size=1024",
            "ret=0 code: 0 errorCode=0",
            "httpCode=404 status_code=500 errcode=12ms code=1.5 err=0x1f",
            "error 404 not found; code is fine",
            "timestamp: 1700000000 duration=30s",
        ] {
            assert_eq!(codes(line), Vec::<i64>::new(), "{line}");
        }
    }

    #[test]
    fn spans_point_at_the_digits() {
        let line = b"x errorCode: 6000103 y";
        let found = codes_in(line);
        assert_eq!(&line[found[0].span.clone()], b"6000103");
    }

    #[test]
    fn symbols_are_found_as_whole_words_in_any_case() {
        let finder = SymbolFinder::new([
            "ZIMErrorCodeNetworkModuleTokenInvalid",
            "ERR_SDK_NOT_LOGGED_IN",
        ]);
        let line = b"error: zimerrorcodenetworkmoduletokeninvalid; ERR_SDK_NOT_LOGGED_IN(6014) xERR_SDK_NOT_LOGGED_IN";
        let found = finder.find(line);
        assert_eq!(found.iter().map(|(_, i)| *i).collect::<Vec<_>>(), [0, 1]);
        assert_eq!(&line[found[1].0.clone()], b"ERR_SDK_NOT_LOGGED_IN");
        assert!(SymbolFinder::new([]).find(line).is_empty());
    }

    #[test]
    fn lines_name_their_sdk() {
        assert_eq!(vendors_named(b"[ZIM] login failed"), ["zego"]);
        assert_eq!(vendors_named(b"ZegoExpressEngine"), ["zego"]);
        assert_eq!(vendors_named(b"I/TIMManager: onError"), ["tencent"]);
        assert_eq!(vendors_named(b"TUIKit: send failed"), ["tencent"]);
        assert_eq!(vendors_named(b"IM SDK error"), ["tencent"]);
        assert_eq!(vendors_named(b"E/EMClient: EMError code: 201"), ["agora"]);
        assert_eq!(vendors_named(b"AgoraChatClient login"), ["agora"]);
        assert!(vendors_named(b"TIMESTAMP=1 EMAIL=x ZIMBABWE").is_empty());
    }

    type Collected = Vec<(u64, usize, Vec<u8>, Vec<u8>, Vec<i64>)>;

    impl Sink for Collected {
        fn piece(&mut self, p: &Piece<'_>, found: Vec<Found>) -> io::Result<()> {
            let codes = found.iter().map(|f| f.code).collect();
            self.push((p.line, p.offset, p.text.to_vec(), p.ending.to_vec(), codes));
            Ok(())
        }
    }

    fn pieces(input: &[u8]) -> Collected {
        let mut out = Collected::new();
        scan_reader(&mut &input[..], &mut out).unwrap();
        out
    }

    #[test]
    fn the_reader_keeps_lines_endings_and_numbers() {
        let got = pieces(b"a code=6014\r\n\nb err=201");
        assert_eq!(
            got,
            [
                (1, 0, b"a code=6014".to_vec(), b"\r\n".to_vec(), vec![6014]),
                (2, 0, b"".to_vec(), b"\n".to_vec(), vec![]),
                (3, 0, b"b err=201".to_vec(), b"".to_vec(), vec![201]),
            ]
        );
        assert!(pieces(b"").is_empty());
    }

    #[test]
    fn a_long_line_is_read_in_pieces_without_losing_a_code() {
        // Put a code across every piece boundary a 3 MiB line has.
        let mut line = Vec::new();
        let mut expected = Vec::new();
        let mut i = 0;
        while line.len() < 3 * MAX_PIECE {
            let code = 6000 + (i % 100);
            line.extend_from_slice(format!("x code={code} ").as_bytes());
            expected.push(code);
            i += 1;
        }
        line.push(b'\n');
        let got = pieces(&line);
        assert!(got.len() >= 3);
        assert!(got.iter().all(|(n, ..)| *n == 1));
        let codes: Vec<i64> = got.iter().flat_map(|p| p.4.clone()).collect();
        assert_eq!(codes, expected);
        let text: Vec<u8> = got
            .iter()
            .flat_map(|p| [p.2.clone(), p.3.clone()].concat())
            .collect();
        assert_eq!(text, line, "every byte is handed on exactly once");
        let mut offset = 0;
        for p in &got {
            assert_eq!(p.1, offset);
            offset += p.2.len();
        }
    }
}
