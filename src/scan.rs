//! Finding chat-SDK error codes in logs: where in a line a code stands (after `code=`,
//! `"ErrorCode":`, in `onError(…)`, after `EMError` …), which SDK the line names, and a reader
//! that walks any input line by line in bounded memory.

use std::cell::OnceCell;
use std::io::{self, BufRead};
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, packed};
use regex::bytes::{Captures, Regex};

/// The words without which a line holds no code, names no SDK and no other product: every
/// pattern below contains one of them, so a line without any is passed over unparsed. They are
/// matched as written (a vectorised search over the whole input, ~3 GB/s), so each key comes in
/// the cases logs write it: `code`, `Code`, `CODE` (and so `errorCode`, `ErrorCode`, `retcode`).
/// The vendors' Chinese names (腾讯IM, 即构IM, 环信) and 代码 (code) are not among them, for room in
/// Teddy's 64: a Chinese line that reports a code says 错误, 报, 返回, 失败 … as well.
const ANCHORS: &[&str] = &[
    // keys: code, error, ret, failed:, …Exception(, a table's " | "
    "code",
    "Code",
    "CODE",
    "err",
    "Err",
    "ERR",
    "ret",
    "Ret",
    "RET",
    // failed, fail:, FAILED, FAIL:
    "ailed",
    "ail:",
    "AIL",
    "xception",
    " | ",
    // Chinese: 错 (错误 error, 出错 went wrong), 报 (reports), 返回 (returns), a definition's 是
    // (is) and ：, and what failed after a number: 失败 (failed), 超时 (timed out), 异常
    // (abnormal)
    "错",
    "报",
    "返回",
    "是",
    "：",
    "失败",
    "超时",
    "异常",
    // Japanese: コード (code, as in エラーコード, error code) as ード: the whole word's first
    // bytes cost the search a fifth more time on an ASCII log, these next to nothing
    "ード",
    // SDK symbols that hold none of the keys (ZIM's Flutter names: `commonModuleParamsInvalid`)
    "odule",
    "xceed",
    "evoke",
    "xist",
    // chat SDKs
    "zego",
    "Zego",
    "ZEGO",
    "ZIM",
    "tencent",
    "Tencent",
    "TENCENT",
    "TIM",
    "tuikit",
    // TUIKit, TUIKIT
    "TUIK",
    "TuiKit",
    // imsdk, IMSDK, ImSDK, ImSdk, Imsdk (four words: the packed search takes at most 64)
    "msdk",
    "MSDK",
    "mSDK",
    "mSdk",
    "agora",
    "Agora",
    "AGORA",
    "easemob",
    "Easemob",
    "EaseMob",
    "EASEMOB",
    "hyphenate",
    "Hyphenate",
    "HYPHENATE",
    "EMC",
    "EMG",
    "EMM",
    "EMP",
    // other products
    "rtm",
    "Rtm",
    "RTM",
    "openim",
    "OpenIM",
    "OpenIm",
    "Openim",
    "OPENIM",
];

/// Finds the first anchor in a haystack: Teddy (SIMD) where the CPU has it, else an automaton.
enum Prefilter {
    Packed(packed::Searcher),
    Automaton(AhoCorasick),
}

static PREFILTER: LazyLock<Prefilter> = LazyLock::new(|| {
    let packed = packed::Config::new()
        .match_kind(packed::MatchKind::LeftmostFirst)
        .builder()
        .extend(ANCHORS)
        .build();
    match packed {
        Some(searcher) => Prefilter::Packed(searcher),
        None => Prefilter::Automaton(
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(ANCHORS)
                .expect("the anchors build an automaton"),
        ),
    }
});

/// Where the first anchor at or after `from` in `haystack` starts.
fn next_anchor(haystack: &[u8], from: usize) -> Option<usize> {
    match &*PREFILTER {
        Prefilter::Packed(searcher) => searcher
            .find_in(haystack, aho_corasick::Span::from(from..haystack.len()))
            .map(|m| m.start()),
        Prefilter::Automaton(automaton) => automaton
            .find(aho_corasick::Input::new(haystack).range(from..))
            .map(|m| m.start()),
    }
}

/// Whether a line holds an anchor: a key, an SDK's or a product's name.
fn has_anchor(line: &[u8]) -> bool {
    next_anchor(line, 0).is_some()
}

/// Whether a line is worth parsing: it holds a key, an SDK's or a product's name, or it starts
/// as a row of a vendor's table does, or defines a name as a number (`defines`).
pub fn is_candidate(line: &[u8]) -> bool {
    candidate_at(line, true)
}

/// What may follow a bare number (`bare` in `CODE`, and `返回 N` read as one): a clause's end,
/// or blanks and more Chinese (`关于 70402 参数非法`), not a unit or a word run on (`6001条`).
macro_rules! stands_alone {
    () => {
        r"(?:[\ \t]*(?:$|[,.;!?)\]、，。；！？）】」》”])|[\ \t]+\p{Han})"
    };
}

/// A number in a place where logs put error codes (the grammar is in docs/scan.md).
///
/// Digits run unbounded (`[0-9]+`, not `[0-9]{1,19}`) and the message before a Flutter code is
/// counted in bytes: each bounded repeat is a copy of its class per count in the automaton, and
/// resolving a match's groups clears a bit per state and byte of the match (a quarter of the
/// automaton's states went to those copies). A number past an `i64` is no code when parsed.
static CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"(?x)
        (?:
            # a key, optional quotes, then : = or ：       code=6014  "ErrorCode":70001  errid=6014
            # (the key may follow a CJK character: 返回code：8004)
            (?-u:\b)(?P<key>(?i:
                http[_\ ]?(?:error[_\ ]?)?code | status[_\ ]?code | error[_\ ]?code | err_?code
                | ret_?code | result_?code | code | errno | err_?id | err | error | ret | fail(?:ed|ure)?
                # an error object's type, where the line says something failed (Easemob's web
                # SDK: onError {type: 206, message: …})
                | type))
            # (or, in Chinese, 为 "is": errorCode 为 7; and an enum's name before the number in
            # brackets: code为:USER_ALREADY_EXIST(203); or the number in square brackets:
            # error: [6014])
            ["']?[\ \t]*(?:[:=：]|为[:：]?)[\ \t]*["']?[\ \t]*(?:[A-Z][A-Z0-9_]{2,}\(|\[)?
                (?P<n1>-?[0-9]+)
          | # a quoted key, a comma, the number: a map's entry put in code   map.putInt("code", 6206)
            ["'](?P<qkey>(?i:error_?code | err_?code | ret_?code | result_?code | code | errno))["']
                [\ \t]*,[\ \t]*(?P<n19>-?[0-9]+)
          | # a code key and blanks, perhaps "is" or "was"  code 6206|msg  ErrorCode 70001
            # the error code is 6014
            (?-u:\b)(?P<skey>(?i:http[_\ ]?(?:error[_\ ]?)?code | status[_\ ]?code | error[_\ ]?code
                | err_?code | ret_?code | result_?code | code))
            [\ \t]+(?:(?i:is|was)[\ \t]+)?(?P<n2>-?[0-9]+)
          | # "error" and blanks, or "failed" and four digits or more (not: failed 3 times): a
            # weak key, any program's error (socket error 10054)
            # login error 204  failed with error 6000103  login failed 70001
            (?-u:\b)(?P<ekey>(?i:error|err))[\ \t]+(?:(?i:is|was)[\ \t]+)?(?P<n14>-?[0-9]+)
          | # (and "returned", "returns", "fails with": login returned 6014)
            (?-u:\b)(?P<fkey>(?i:fail(?:ed|s|ure)? | returned | returns))(?:[\ \t]+with)?[\ \t]+
                (?P<n17>-?[0-9]{4}[0-9]*)
          | # a callback                   onError(6014, "…")  onError(code=6014)  onError: 6014
            (?-u:\b)on(?:Error|Fail(?:ure|ed)?)[\ \t]*[(:][\ \t]*
                (?:(?i:code|error_?code)[\ \t]*[:=][\ \t]*)?(?P<n3>-?[0-9]+)
          | # a name in camel case that ends in a failure   loginFailed: 6000103  lastError=6014
            # onLoginFailed(70001)
            (?-u:\b)[a-z][A-Za-z0-9]*(?:Failed|Fail|Error)[\ \t]*[:=(][\ \t]*(?P<n18>-?[0-9]+)
          | # an SDK's error or exception type           EMError code: 201  V2TIMException(6014)
            # (a name in backticks, its number in Chinese text's bracket: `EMErrorFileExpired`（407）)
            (?-u:\b)(?:EM|ZIM|V2TIM|TIM|AgoraChat|Hyphenate)(?:Error|Exception)[A-Za-z0-9_]*`?
                [\ \t]*(?:[(:=（][\ \t]*|[\ \t]+)(?:(?i:code|error_?code)[\ \t]*[:=]?[\ \t]*)?
                (?P<n4>-?[0-9]+)
          | # Flutter: the code as first or second argument
            # PlatformException(6206, Execution Error, …)  PlatformException(Sdk_Not_Login, 6014, null)
            PlatformException\([\ \t]*(?:(?-u:[^,()\n]){1,80},[\ \t]*)?(?P<n5>-?[0-9]+)
          | # Chinese: 错误码：6012  错误码 -3  错误码和错误信息分别为6017  失败代码 1001  报错6012
            # 报20008  返回40002
            (?:错误码|错误代码|错误号)[^0-9\-,，。;；|\n]{0,8}?(?P<n6>-?[0-9]+)
          | # (and Japanese コード, code: エラーコード：6014)
            (?:代码|コード)[\ \t]*(?:[:：为][\ \t]*)?(?P<daima>-?[0-9]+)
          | # Chinese error and failure words as keys     报错：6014  登录失败: 70001  错误信息：6017
            (?:报错|错误|出错|失败|异常)(?:信息|原因)?[\ \t]*[:：][\ \t]*(?P<n15>-?[0-9]+)
          | (?:报错|报)[\ \t]*(?P<n7>-?[0-9]+)
          | 返回码?[\ \t]*(?:[:：][\ \t]*)?(?P<returns>-?[0-9]+)
          | # a number named a code after it               6017错误码  6006错误  Always get 6000003 code
            # (出现 6014 的错误; four digits or more named an error: getting 6014 error; not a
            # 404 error page)
            (?P<n8>-?[0-9]{3}[0-9]*)[\ \t]*(?:的?错误|(?i:error[\ \t]code|code)(?-u:\b))
          | # (its message quoted between: the 6013 "SDK Not Initialized" error)
            (?P<n16>-?[0-9]{4}[0-9]*)[\ \t]*(?:"[^"\n]*"[\ \t]*)?(?i:error)(?-u:\b)
          | # a row of the vendor's table                 10007 | 操作权限不足…
            ^[\ \t]*\|?[\ \t]*(?P<n9>-?[0-9]+)[\ \t]+\|[\ \t]
          | # a definition: the line starts with the code  10015是…  10015：…  10010: 群组不存在
            ^[\ \t]*(?P<n10>-?[0-9]{4}[0-9]*)[\ \t]*(?:是|：|:[\ \t]*\p{Han})
          | # a number then, in Chinese, what failed       6012请求超时  6014登录失败
            (?P<n11>-?[0-9]{4}[0-9]*)\p{Han}{0,4}?(?:失败|超时|异常)
          | # an error's name, its number in brackets     Err_TLS_Account_Num_Exceed_Threshold[70398]
            # or, four digits or more, after a comma or a colon   Err_SNS_FriendAdd_Source_Illegal,30001
            # (not a counter's value: err_count: 2)
            (?-u:\b)(?:(?:Err|ERR|err)_[A-Za-z0-9_]+|Err[A-Z][A-Za-z0-9]*)
                (?:[\[(](?P<n12>-?[0-9]+)[\])]|[,:][\ \t]*(?P<n13>-?[0-9]{4}[0-9]*))
          | # a bare number in Chinese prose, standing alone up to a clause's end or a blank and
            # more Chinese                                 关于 70402 参数非法  还有7006，  推送 6012, 登录…
            # (a comma or semicolon typed in ASCII after Chinese too: 已过期,70003 定义为…)
            (?:\p{Han}[,;]?|[、，。；？！（）【】「」《》“”])[\ \t]*(?P<bare>-?[0-9]{4}[0-9]*)
            "#,
        stands_alone!(),
        r#"
        )
        "#,
    ))
    .expect("the code pattern is valid")
});

/// The capture groups of `CODE` holding the digits, and whether each is a loose position (the
/// number stands in prose or a table: only a catalogued code counts there).
const GROUPS: [(&str, bool); 22] = [
    ("n1", false),
    ("n19", false),
    ("n2", false),
    ("n14", true),
    ("n17", true),
    ("n3", false),
    ("n18", false),
    ("n4", false),
    ("n5", false),
    ("n6", false),
    ("n15", false),
    ("daima", false),
    ("n7", true),
    ("n8", true),
    ("n16", true),
    ("n9", true),
    ("n10", true),
    ("n11", true),
    ("n12", true),
    ("n13", true),
    ("returns", true),
    ("bare", true),
];

/// Where `CODE`'s groups stand, by number: a group read by its name costs a lookup of the
/// name, and this runs for every code on every candidate line.
struct GroupIndices {
    digits: [(usize, bool); GROUPS.len()],
    returns: usize,
    daima: usize,
    bare: usize,
    key: usize,
    skey: usize,
    ekey: usize,
    fkey: usize,
}

static GROUP_INDICES: LazyLock<GroupIndices> = LazyLock::new(|| {
    let index = |name: &str| {
        CODE.capture_names()
            .position(|n| n == Some(name))
            .expect("every group named is in CODE")
    };
    GroupIndices {
        digits: GROUPS.map(|(name, loose)| (index(name), loose)),
        returns: index("returns"),
        daima: index("daima"),
        bare: index("bare"),
        key: index("key"),
        skey: index("skey"),
        ekey: index("ekey"),
        fkey: index("fkey"),
    }
});

/// The words by which a line names a product, leftmost first: another product's name where
/// it starts like a chat SDK's (`AgoraRtmClient`, `ZegoExpressEngine`) wins over the SDK's.
static PRODUCTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        # (Tencent's REST API lives under /v4/openim/: that is Tencent speaking, not OpenIM.)
        v4/openim
        | (?P<other>(?i:agora[_\-]?(?:rtm|rtc)|rtm[_\-]?client|zego[_\-]?express|open[_\-]im
                |openim[_\-]?sdk)
            | OpenI[Mm] | (?-u:\b)(?i:rtm)(?-u:\b) | (?-u:\b)RTM
            # OpenIM's own words: its request ids (`operationID` in its JSON, `OperationID:` in
            # its Go SDK's log lines), its error detail, its Go error chain, its iOS classes
            | [oO]perationID | errDlt | withStack | (?-u:\b)OIM[A-Z][a-z]
            # and the names of its Go errors, which its messages carry (`1004 RecordNotFoundError`;
            # the SDK's sdkerrs: `10003 CtxDeadlineExceededError`), but for the generic ones
            # (NetworkError, FileNotFoundError, TokenExpiredError)
            | (?-u:\b)(?:Args|NoPermission|DuplicateKey|RecordNotFound|SdkInternal
                |ResourceLoadNotComplete|NetworkTimeout|CtxDeadlineExceeded|NoUpdate
                |UserIDNotFound|GroupIDNotFound|LoginOut|LoginRepeat|NotSupportOpt|NotSupportType
                |Msg(?:DeCompression|DecodeBinaryWs|BinaryTypeNotSupport|Repeat
                    |ContentTypeNotSupport|TypeNotSupport|ContentEmpty|HasNoSeq|HasDeleted))
                Error(?-u:\b)
            | (?-u:\b)GroupTypeErr(?-u:\b)
            # Agora RTC's (and RTM 1.x's) Android log tag: Agora Chat logs as EMClient
            | AGORA_SDK
            # WebSocket close codes (1000-1015) are the socket's, not an SDK's
            | (?i:web[_\ \-]?socket|close[_\ ]code) | onClose
            # other chat, push and messaging services
            | (?i:rong[_\-]?cloud|netease|nimsdk|wildfire[_\-]?chat|leancloud|sendbird|cometchat
                |quickblox|connectycube|stream[_\-]chat|pubnub|twilio|jmessage|jpush)
            | 融云 | 云信 | 野火 | 极光 | 企业微信 | 企业号
            # Tencent Cloud's other services: SMS; and in a link to Tencent Cloud's documents,
            # the product pages of SMS (382) and TRTC (647)
            | (?i:qcloud[_\-]?sms|sendsms) | (?-u:\b)(?i:sms)(?-u:\b) | 短信
            | document/product/(?:382|647)(?-u:\b)
            # a CDN's error page
            | Ray\ ID | (?i:cloudflare)
            # HTTP clients: the numbers of their lines are HTTP statuses
            | (?i:okhttp|retrofit|axios|alamofire|afnetworking|urllib3) | Dio(?:Error|Exception))
        # In Chinese, the companies' names with their chat products' (腾讯 alone is any of its
        # products: 腾讯会议, 腾讯地图; 即构 alone is first of all its RTC, as `agora` is)
        | (?P<zego>(?i:zego) | 即构\ ?(?:(?i:zim|im)|即时通讯)
            | (?-u:\b)ZIM(?:[A-Z][a-z]|Error|(?-u:\b)))
        | (?P<tencent>(?i:tencent|tuikit|imsdk) | 腾讯云?\ ?(?:(?i:im)|通信|云通信|即时通信)
            | (?-u:\b)(?:V2)?TIM(?:[A-Z][a-z]|Error|SDK|(?-u:\b)))
        # Agora Chat by its own names (AgoraChatClient, agora_chat_sdk, agora-chat, io.agora.chat,
        # Agora Chat) and Easemob's: `agora` alone is the company, whose SDK is first of all its
        # RTC (an agora live stream), and names no product
        | (?P<agora>(?i:agora[_\-\ .]?chat|easemob|hyphenate) | 环信
            | (?-u:\b)EM(?:Client|Chat|Conversation|Group|Message|Push|Error)(?-u:\b|[A-Z]))
        ",
    )
    .expect("the product pattern is valid")
});

/// What a line names: chat SDKs (by vendor key) and whether it names another product (Agora
/// RTM or RTC, ZEGO Express, OpenIM), whose codes are not a chat SDK's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Named {
    pub vendors: Vec<&'static str>,
    pub other: bool,
}

/// The products a line names.
pub fn products_named(line: &[u8]) -> Named {
    let mut named = Named::default();
    if !has_anchor(line) {
        return named;
    }
    // find_iter rather than captures: this runs on every candidate line. Which alternative
    // matched is read off the matched text.
    for m in PRODUCTS.find_iter(line) {
        let text = m.as_bytes().to_ascii_lowercase();
        let has = |word: &[u8]| text.windows(word.len()).any(|w| w == word);
        let starts = |words: &[&[u8]]| words.iter().any(|w| text.starts_with(w));
        let vendor = if text.starts_with(b"v4/") {
            "tencent"
        } else if has(b"rtm") || has(b"rtc") || has(b"express") || text == b"agora_sdk" {
            named.other = true;
            continue;
        } else if starts(&[b"zego", b"zim", "即构".as_bytes()]) {
            "zego"
        } else if starts(&[b"agora", b"easemob", b"hyphenate", b"em", "环信".as_bytes()]) {
            "agora"
        } else if starts(&[
            b"tencent",
            b"tuikit",
            b"imsdk",
            b"tim",
            b"v2tim",
            "腾讯".as_bytes(),
        ]) {
            "tencent"
        } else {
            // OpenIM, WebSocket, the other services above
            named.other = true;
            continue;
        };
        // A chat SDK's name in a link (`https://docs.zegocloud.com/article/5547`) is the
        // vendor's site, not its SDK speaking: the site serves every product of the vendor.
        if !text.starts_with(b"v4/") && in_link(line, m.start()) {
            continue;
        }
        if !named.vendors.contains(&vendor) {
            named.vendors.push(vendor);
        }
    }
    named
}

/// How far around a product's name a link is looked for: a link's host and path, and a bound,
/// so that a line of many names and no blank (a long token) costs no more per name than one.
const LINK_REACH: usize = 256;

/// Whether the word starting at `at` stands in a link: the run of non-blank bytes it is in
/// (up to a blank, a quote or a bracket, at most `LINK_REACH` bytes either way) holds `://`
/// before it or begins with `www.`, or the word is a host's part (`cloud.tencent.com/…`: a dot
/// before it, a path after it).
fn in_link(line: &[u8], at: usize) -> bool {
    let bound = |b: &u8| {
        b.is_ascii_whitespace()
            || matches!(
                b,
                b'"' | b'\'' | b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'`'
            )
    };
    let near_start = at.saturating_sub(LINK_REACH);
    let near_end = line.len().min(at + LINK_REACH);
    let start = line[near_start..at]
        .iter()
        .rposition(bound)
        .map_or(near_start, |i| near_start + i + 1);
    let end = line[at..near_end]
        .iter()
        .position(bound)
        .map_or(near_end, |i| at + i);
    let before = &line[start..at];
    before.starts_with(b"www.")
        || before.windows(3).any(|w| w == b"://")
        || (before.ends_with(b".") && line[at..end].contains(&b'/'))
}

/// The vendors a line names (`[ZIM]`, `TIMManager`, `EMClient` …), as vendor keys.
pub fn vendors_named(line: &[u8]) -> Vec<&'static str> {
    products_named(line).vendors
}

/// A code found in a line: the number, where its digits stand, and where the match with its
/// key begins (byte offsets in the line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub code: i64,
    pub span: Range<usize>,
    pub key_start: usize,
    /// Found by an SDK symbol rather than a number: the line does not show the code.
    pub by_name: bool,
    /// The number stands in prose or a table row (`返回6012`, `6017错误码`, `10007 | …`) rather
    /// than after a key: it is a code only if the catalogue has it.
    pub loose: bool,
    /// What the key leaves to the rest of the line.
    pub needs: Needs,
    /// Whether the number starts the line as a row of a vendor's table does.
    pub row: Row,
}

/// What a number's key leaves to the rest of its line before the number is a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// Nothing: the key says it is a code (`code=6014`, `错误码：6012`).
    Nothing,
    /// A chat SDK speaking for it, or the line telling what it means (`Cells::tell`): the key
    /// says little by itself (`ret`, `retcode`: any function's or API's return value; `error
    /// 10054`: any program's error).
    Speaker,
    /// The line telling what it means, whoever speaks: an error object's `type` on a line that
    /// says nothing failed (`type: 206, message: "the user is already logged on another
    /// device"`; elsewhere a type is a record's kind).
    Meaning,
}

/// How a number that starts a line as a table's row does (`6000106 Token 过期。`) is read: a
/// code where the rest of the line says what the catalogue says of it (its name, or most words
/// of its description), whoever speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Not at a row's start.
    No,
    /// At a row's start, in a place the grammar reads too (`10007 | …`): a code by the
    /// grammar's rules, or where the line says what the catalogue says of it.
    Also,
    /// At a row's start only (`6000106 Token 过期。`): a code only where the line says what
    /// the catalogue says of it.
    Only,
}

/// The codes in a line, in order. A `0` is success, not an error; a number running on into
/// letters or a decimal point (`code=12ms`, `ret=1.5`, `err=0x1f`) is not a code; HTTP
/// statuses (`status code = 400`, `httpCode=404`, `Http error code: 6`) and `NSError` codes of
/// domains that are no chat SDK's (`Domain=NSPOSIXErrorDomain Code=50`) are not either.
pub fn codes_in(line: &[u8]) -> Vec<Found> {
    codes_at(line, true)
}

/// The codes in a piece of a line: the whole line or its start (`line_start`), where a table's
/// row may start, or a later piece of a long one, where none does.
fn codes_at(text: &[u8], line_start: bool) -> Vec<Found> {
    let anchored = has_anchor(text) || (line_start && defines(text));
    let row = line_start.then(|| table_row(text)).flatten();
    if !anchored && row.is_none() {
        return Vec::new();
    }
    parse_codes(text, anchored, row)
}

/// Whether a piece of a line is worth parsing (`is_candidate`, where a row starts only at a
/// line's start).
pub fn candidate_at(text: &[u8], line_start: bool) -> bool {
    has_anchor(text) || (line_start && (table_row(text).is_some() || defines(text)))
}

/// The codes of a line: by the grammar where it holds an anchor or defines a name (a line
/// without either holds no key, as the prefilter reads it), and the table's row it starts, if
/// any.
fn parse_codes(line: &[u8], anchored: bool, row: Option<Found>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let said = Said::new(line);
    if anchored {
        let bare = GROUP_INDICES.bare;
        let mut at = 0;
        while let Some(caps) = CODE.captures_at(line, at) {
            // A bare number's match ends in the Chinese after it (`或 70003 或`), where the
            // next may start (`或 70009`): the search goes on from the number's end.
            let resume = caps.get(bare).or_else(|| caps.get(0));
            at = resume.map_or(line.len(), |m| m.end());
            found.extend(found_in(line, &caps, &said));
        }
    }
    if let Some(row) = row {
        match found.iter_mut().find(|f| f.span == row.span) {
            Some(same) => same.row = Row::Also,
            None => found.insert(0, row),
        }
    }
    if anchored
        && let Some(closing) = closing_number(line, &said)
        && !found.iter().any(|f| f.span == closing.span)
    {
        found.push(closing);
    }
    found
}

/// A number of four digits or more in brackets closing a line that says something failed: a
/// message's code (`创建群 失败：group id has be used!(10025)`), not a count or a year
/// (`members (1000)`). A weak position, a code only where a chat SDK speaks: Windows' socket
/// errors stand there too (`connect failed (10060)`, `socket error (10054)`), numbers Tencent
/// documents. Read by hand rather than by `CODE`: a `(` there would make every bracket of
/// every line a place to try.
fn closing_number(line: &[u8], said: &Said<'_>) -> Option<Found> {
    let line_end = line.trim_ascii_end();
    let inside = line_end.strip_suffix(b")")?;
    let digits_start = inside
        .iter()
        .rposition(|b| !b.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let figures = inside.len() - digits_start;
    if !(4..=19).contains(&figures) {
        return None;
    }
    let start = match inside[..digits_start] {
        [.., b'(', b'-'] => digits_start - 1,
        [.., b'('] => digits_start,
        _ => return None,
    };
    if !said.fails() {
        return None;
    }
    let code: i64 = std::str::from_utf8(&inside[start..]).ok()?.parse().ok()?;
    Some(Found {
        code,
        span: start..inside.len(),
        key_start: start - 1,
        by_name: false,
        loose: true,
        needs: Needs::Speaker,
        row: Row::No,
    })
}

/// Where the blanks (spaces and tabs) from `from` end.
fn blanks_from(line: &[u8], from: usize) -> usize {
    from + line[from..]
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count()
}

/// Whether a line defines a name as a number, as an SDK's source does: `public static final int
/// USER_NOT_FOUND = 204;`, an enum's `    EMErrorUserNotFound = 204,`, Swift's `case
/// userNotFound = 204`, a TypeScript enum's `MESSAGE_MODERATION_BLOCKED: 508`, a page's list
/// `` - `MESSAGE_SEND_TIMEOUT` 512：…``. Up to `DEFINITION_WORDS` words parted by blanks, the
/// last the name, then `=`, `:` or `：` (or, after a name in backticks, blanks) and a number
/// standing alone (`number_after_name`). An entry's own name (`USER_NOT_FOUND`) holds none of
/// the prefilter's words, so such a line is read besides (the name must still be an SDK's
/// symbol or an entry's own: `registerFails = 6000404` is no finding); most lines of a log fail
/// at their first word (`2024-05-01`, `I/Tag:`, `GET https:`).
fn defines(line: &[u8]) -> bool {
    let mut at = blanks_from(line, 0);
    // A page's list: `` - `MESSAGE_SEND_TIMEOUT` 512：发送消息超时``.
    if matches!(line.get(at), Some(b'-' | b'*')) {
        at = blanks_from(line, at + 1);
        at += usize::from(line.get(at) == Some(&b'`'));
    }
    for _ in 0..DEFINITION_WORDS {
        if !line
            .get(at)
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_')
        {
            return false;
        }
        at += line[at..].iter().take_while(|&&b| is_word_byte(b)).count();
        // A name in backticks may have its number after blanks only; a bare word and a
        // number is any log's (`Loaded 300 items`).
        let quoted = line.get(at) == Some(&b'`');
        let next = blanks_from(line, at + usize::from(quoted));
        let rest = &line[next..];
        let marked = matches!(rest, [b'=' | b':', ..]) || rest.starts_with(FULL_WIDTH_COLON);
        if marked || (quoted && matches!(rest, [b'-' | b'0'..=b'9', ..])) {
            return number_after_name(&line[at..]).is_some();
        }
        if rest.is_empty() || next == at {
            return false;
        }
        at = next;
    }
    false
}

/// `：`, the full-width colon of Chinese text, in UTF-8.
const FULL_WIDTH_COLON: &[u8] = "：".as_bytes();

/// `（`, the full-width opening bracket of Chinese text, in UTF-8.
const FULL_WIDTH_BRACKET: &[u8] = "（".as_bytes();

/// The words a definition may have before its `=`: `public static final int USER_NOT_FOUND`.
const DEFINITION_WORDS: usize = 6;

/// The number a name is defined as or given with right after it (`USER_NOT_FOUND = 204`,
/// `SERVER_GET_DNSLIST_FAILED: 304`, `USER_NOT_FOUND(204)`, a page's list `` `MESSAGE_SEND_TIMEOUT`
/// 512：发送消息超时``): perhaps the quote or backtick closing the name, blanks, `=` `:` `：` `(`
/// `（` `[` or `,` and blanks, or blanks only, then the digits, standing alone. Its span in
/// `after`, and the number.
pub(crate) fn number_after_name(after: &[u8]) -> Option<(Range<usize>, i64)> {
    let blanks = |from| blanks_from(after, from);
    let quoted = usize::from(matches!(after.first(), Some(b'`' | b'"' | b'\'')));
    let mark = blanks(quoted);
    let start = match after.get(mark..)? {
        [b'=', b'=', ..] => return None,
        [b'=' | b':' | b'(' | b'[' | b',', ..] => blanks(mark + 1),
        rest if rest.starts_with(FULL_WIDTH_COLON) => blanks(mark + FULL_WIDTH_COLON.len()),
        // Chinese text's bracket: `USER_NOT_FOUND`（204）
        rest if rest.starts_with(FULL_WIDTH_BRACKET) => blanks(mark + FULL_WIDTH_BRACKET.len()),
        [b'-' | b'0'..=b'9', ..] if mark > 0 => mark,
        _ => return None,
    };
    let digits = start + usize::from(after.get(start) == Some(&b'-'));
    let figures = after[digits..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let end = digits + figures;
    let runs_on = after
        .get(end)
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.');
    if !(1..=19).contains(&figures) || runs_on {
        return None;
    }
    let code = std::str::from_utf8(&after[start..end]).ok()?.parse().ok()?;
    Some((start..end, code))
}

/// A row of a vendor's table copied from a page, cells parted by blanks, tabs or `|`, or by
/// nothing (`6000106 Token 过期。 请调用 renewToken …`, `16 | WEBIM_CONNCTION_DISCONNECTED | …`,
/// `6000002The SDK is not initialized.`), or an HTML table's row in a doc comment
/// (` *   <tr><td>10019</td><td>被添加用户的帐号不存在…`): blanks, an optional `|` (or a comment's
/// `*` and `<tr><td>`), a number (and `</td><td>`), then a cell that starts with a letter or a
/// non-ASCII character. Nothing in that shape tells a table's row from a
/// numbered log line (`105001 worker 3 finished`, `cat -n`): the explainer takes the number for
/// a code only where the rest of the line says what the catalogue says of it (`Found::row`).
/// Reads `line` up to the cell's first byte, so `line` may run on past the line's end.
pub(crate) fn table_row(line: &[u8]) -> Option<Found> {
    let blanks = |from| blanks_from(line, from);
    let tag = |at: usize, tag: &[u8]| {
        line.get(at..at + tag.len())
            .is_some_and(|there| there.eq_ignore_ascii_case(tag))
    };
    let mut start = blanks(0);
    let mut html = false;
    if line.get(start) == Some(&b'|') {
        start = blanks(start + 1);
    } else {
        if line.get(start) == Some(&b'*') {
            start = blanks(start + 1);
        }
        if tag(start, b"<tr>") {
            start = blanks(start + 4);
        }
        if tag(start, b"<td>") {
            start += 4;
            html = true;
        }
    }
    let digits = start + usize::from(line.get(start) == Some(&b'-'));
    let figures = line[digits..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=19).contains(&figures) {
        return None;
    }
    let end = digits + figures;
    let cell = if html {
        // The number is the first cell's whole text; the next cell says something.
        if !tag(end, b"</td>") {
            return None;
        }
        let next = blanks(end + 5);
        if tag(next, b"<td>") { next + 4 } else { next }
    } else {
        match line.get(end)? {
            b' ' | b'\t' | b'|' => {
                end + line[end..]
                    .iter()
                    .position(|&b| !matches!(b, b' ' | b'\t' | b'|'))?
            }
            _ => end,
        }
    };
    // The cell says something: a letter, or any byte of a non-ASCII character (CJK, and box
    // drawing or a bullet too: the catalogue's words decide), not `12 34`, `3 12:00`, `6001.5`,
    // `2024-05-01`; and a run-on number starts a word (`6000002The`, not `12ms`).
    let first = *line.get(cell)?;
    let says = first >= 0x80 || first.is_ascii_alphabetic();
    if !says || (cell == end && first.is_ascii_lowercase()) {
        return None;
    }
    let code: i64 = std::str::from_utf8(&line[start..end]).ok()?.parse().ok()?;
    (code != 0).then_some(Found {
        code,
        span: start..end,
        key_start: start,
        by_name: false,
        loose: true,
        needs: Needs::Nothing,
        row: Row::Only,
    })
}

/// What a line says of itself, read once for all its codes, and only if a code asks: a long
/// line of many codes costs each of them no more than a short one.
struct Said<'l> {
    line: &'l [u8],
    /// The line says something failed (`FAILURE`).
    fails: OnceCell<bool>,
    /// It names a chat SDK.
    names_sdk: OnceCell<bool>,
}

impl<'l> Said<'l> {
    fn new(line: &'l [u8]) -> Self {
        Said {
            line,
            fails: OnceCell::new(),
            names_sdk: OnceCell::new(),
        }
    }

    fn fails(&self) -> bool {
        *self.fails.get_or_init(|| FAILURE.is_match(self.line))
    }

    /// It speaks of a failure or names a chat SDK.
    fn of_failure(&self) -> bool {
        self.fails()
            || *(self.names_sdk).get_or_init(|| !products_named(self.line).vendors.is_empty())
    }
}

fn found_in(line: &[u8], caps: &Captures<'_>, said: &Said<'_>) -> Option<Found> {
    let whole = caps.get(0)?;
    let groups = &*GROUP_INDICES;
    let (digits, loose) = groups
        .digits
        .iter()
        .find_map(|&(index, loose)| caps.get(index).map(|m| (m, loose)))?;
    let after = &line[digits.end()..];
    let runs_on = match after {
        [b'.', next, ..] => next.is_ascii_digit(),
        [next, ..] => next.is_ascii_alphanumeric() || *next == b'_',
        [] => false,
    };
    // A bare number must stand on its own too: not the tail of `v2.6006` or `id_6006`.
    let stuck = loose
        && whole.start() == digits.start()
        && digits.start().checked_sub(1).is_some_and(|i| {
            line[i].is_ascii_alphanumeric() || matches!(line[i], b'_' | b'.' | b'-')
        });
    if runs_on || stuck {
        return None;
    }
    // `返回6001` is "returns 6001": a code only where the line speaks of an error or an SDK,
    // or where it stands as a bare number would (four digits or more, alone up to a clause's
    // end: `发文本消息有时返回 9515`).
    let figures = digits
        .as_bytes()
        .iter()
        .filter(|b| b.is_ascii_digit())
        .count();
    if caps.get(groups.returns).is_some()
        && !(figures >= 4 && stands_alone(after))
        && !said.of_failure()
    {
        return None;
    }
    // After 代码 (code) a number then Chinese is a line of source code (`代码 6014 行`), not a
    // code.
    if caps.get(groups.daima).is_some() && CHINESE_NEXT.is_match(after) {
        return None;
    }
    // A bare number after 号 (number: 群号, 房间号, 账号) or 端口 (port) is an id or a port.
    let bare = caps.get(groups.bare).is_some();
    if bare && after_id_word(&line[..digits.start()]) {
        return None;
    }
    // A bare number's clause is read up to the number itself (`不是 70009`), a key's up to
    // the key; "不是 X，就是 Y" (either X or Y) denies neither.
    let clause_end = if bare { digits.start() } else { whole.start() };
    if negated(&line[..clause_end]) && !EITHER_OR.is_match(after) {
        return None;
    }
    let ekey = caps.get(groups.ekey).is_some() || caps.get(groups.fkey).is_some();
    let key = caps.get(groups.key).or_else(|| caps.get(groups.skey));
    // Whether the key is one of these, in any case.
    let key_is = |names: &[&[u8]]| {
        key.is_some_and(|key| names.iter().any(|n| key.as_bytes().eq_ignore_ascii_case(n)))
    };
    // `HTTP error 500`, `error: 404 Not Found`: an HTTP status.
    if (ekey || key_is(&[b"error", b"err"])) && http_status(&line[..whole.start()], after) {
        return None;
    }
    // `error 3 times`, `failed 1000 of 5000`: a count.
    if ekey && COUNTED.is_match(after) {
        return None;
    }
    // `ret` and `retcode` are any function's or API's return value (WeChat's `retcode=1204`),
    // `error 10054` any program's error (Windows' socket errors are numbers Tencent documents).
    let weak = ekey || key_is(&[b"ret", b"retcode", b"ret_code"]);
    if let Some(key) = key {
        let key = key.as_bytes();
        let http = key.len() > 4
            && (key[..4].eq_ignore_ascii_case(b"http")
                || key[..6.min(key.len())].eq_ignore_ascii_case(b"status"));
        if http || (key.eq_ignore_ascii_case(b"code") && foreign_domain(&line[..whole.start()])) {
            return None;
        }
    }
    // `type` is any record's kind (`msg_type`, `type:1|client_time`): a code only on a line
    // that says something failed or tells what the code means, and only a catalogued one.
    let typed = key_is(&[b"type"]);
    let needs = match (weak, typed) {
        (_, true) if !said.fails() => Needs::Meaning,
        (true, _) => Needs::Speaker,
        _ => Needs::Nothing,
    };
    let loose = loose || typed;
    let code: i64 = std::str::from_utf8(digits.as_bytes()).ok()?.parse().ok()?;
    (code != 0).then(|| Found {
        code,
        span: digits.range(),
        key_start: whole.start(),
        by_name: false,
        loose,
        needs,
        row: Row::No,
    })
}

/// An HTTP status after `error`: `HTTP error 500`, `error 404 Not Found` (Agora Chat documents
/// 404 and 500 as its own codes, a log file and an invalid message).
static HTTP_REASON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^[\ \t]*
        (?:ok | not\ found | bad\ request | unauthori[sz]ed | forbidden | method\ not\ allowed
            | request\ timeout | conflict | payload\ too\ large | too\ many\ requests
            | internal\ server\ error | bad\ gateway | service\ unavailable | gateway\ time-?out)
        (?-u:\b)",
    )
    .expect("the HTTP reason pattern is valid")
});

/// What a count has after its number: `error 3 times`, `failed 1000 of 5000`, `失败 2000 次`.
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^[\ \t]*
        (?:(?:times? | retries | attempts | of | seconds | secs | ms | minutes | hours | items
            | messages | bytes | lines | users | members)(?-u:\b)
        | 次 | 个 | 条 | 秒)",
    )
    .expect("the count pattern is valid")
});

/// Whether `error N` is an HTTP status: `http` right before the key, or a reason phrase after
/// the number.
fn http_status(before_key: &[u8], after: &[u8]) -> bool {
    let before = before_key.trim_ascii_end();
    let word = before.len() >= 4 && before[before.len() - 4..].eq_ignore_ascii_case(b"http");
    word || HTTP_REASON.is_match(after)
}

/// Where the clause a code stands in begins: after the last punctuation before it.
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[，。；！？（）【】,;!?()\[\]|]").expect("the clause pattern is valid")
});

/// Words that deny what follows them in their clause: `没有…返回错误码: 6208` (no code was
/// returned), `并非 6014`, and, right before the code's key, `not`, `never`, `without`.
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"没有|并没|不是|并非|(?i:(?-u:\b)(?:not|never|without)[\ \t]*$)")
        .expect("the negation pattern is valid")
});

/// How far before a code's key a denial is looked for: a clause's few words, and a bound, so
/// that a line of many codes costs no more per code than one.
const DENIAL_REACH: usize = 64;

/// Whether the clause before a code (`before`: the line up to its key) denies it.
fn negated(before: &[u8]) -> bool {
    let near = &before[before.len().saturating_sub(DENIAL_REACH)..];
    if near.is_ascii() {
        // No Chinese denial: only an English word right before the key can deny it, which
        // the last word tells without the clause's regexes (this runs for every code found).
        let blanks = near
            .iter()
            .rev()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
        let words = &near[..near.len() - blanks];
        let start = words
            .iter()
            .rposition(|&b| !is_word_byte(b))
            .map_or(0, |i| i + 1);
        let last = &words[start..];
        return [&b"not"[..], b"never", b"without"]
            .iter()
            .any(|word| last.eq_ignore_ascii_case(word));
    }
    clause_denies(near)
}

/// Whether the last clause of `near` holds a denial (`NEGATION`).
fn clause_denies(near: &[u8]) -> bool {
    let clause = CLAUSE
        .find_iter(near)
        .last()
        .map_or(near, |m| &near[m.end()..]);
    NEGATION.is_match(clause)
}

/// Whether what stands before a bare number (`bare` in `CODE`) ends in a word that makes it an
/// id or a port: `群号 10010，`, `房间号 70001`, `监听端口 8001，`.
fn after_id_word(before: &[u8]) -> bool {
    let before = before.trim_ascii_end();
    ["号", "端口"]
        .iter()
        .any(|word| before.ends_with(word.as_bytes()))
}

static ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!("^", stands_alone!())).expect("the alone pattern is valid")
});

fn stands_alone(after: &[u8]) -> bool {
    ALONE.is_match(after)
}

/// Chinese right after a number, past blanks (`代码 6014 行`).
static CHINESE_NEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\ \t]*\p{Han}").expect("the Chinese-next pattern is valid"));

/// "不是 X，就是 Y" (either X or Y): the `不是` before X denies nothing.
static EITHER_OR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\ \t]*[,，、]?[\ \t]*就是").expect("the either-or pattern is valid")
});

/// Words saying that something failed, in Chinese or English.
static FAILURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"错|失败|异常|(?i:error|fail|exception)").expect("the failure pattern is valid")
});

/// The keys an app's own reply envelope has beside its `"code"` (`{"code":30001,"data":null,
/// "message":"认证失败"}`, `{"msg":"参数不合法","code":20000}`), which no chat SDK's reply
/// has: Tencent's REST API answers `"ErrorCode"` with `"ActionStatus"`, ZEGO's `"Code"` with
/// `"Message"`.
static ENVELOPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(?:data|msg|success|ok|result|ttl|ts)"[\ \t]*:"#)
        .expect("the envelope pattern is valid")
});

/// Whether a code stands after `"code"` in an app's own reply envelope (`ENVELOPE`): where no
/// chat SDK speaks, the app's server's code, whatever the catalogue has of its number. Whether
/// the line holds an envelope's keys is read once per line, in `envelope`: a line of many
/// `"code"`s (a megabyte of JSON on one line) would otherwise be read whole once for each.
pub fn in_envelope(line: &[u8], found: &Found, envelope: &OnceCell<bool>) -> bool {
    let key = found.key_start;
    key > 0
        && line[key - 1] == b'"'
        && line[key..].starts_with(b"code\"")
        && *envelope.get_or_init(|| ENVELOPE.is_match(line))
}

/// Whether `before` (the line up to a `Code=` key) ends in an `NSError`'s `Domain=… ` naming no
/// chat SDK: `Error Domain=NSPOSIXErrorDomain Code=50`, `Domain=com.twilio.voice.error Code=603`.
fn foreign_domain(before: &[u8]) -> bool {
    let trimmed = before.trim_ascii_end();
    if trimmed.len() == before.len() {
        return false;
    }
    let word_start = trimmed
        .iter()
        .rposition(|b| b.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    let Some(domain) = trimmed[word_start..].strip_prefix(b"Domain=") else {
        return false;
    };
    products_named(domain).vendors.is_empty()
}

/// Finds the SDK symbols of a catalogue in log lines (`error: ZIMErrorCodeNetworkModuleTokenInvalid`,
/// `ERR_SDK_NOT_LOGGED_IN(6014)`), whole words only, case-insensitively.
pub struct SymbolFinder {
    /// The names that are words (letters, digits, `_`: every SDK's), in lower case.
    words: rustc_hash::FxHashMap<Box<[u8]>, usize>,
    /// The shortest and the longest of them, in bytes.
    lengths: std::ops::RangeInclusive<usize>,
    /// The other names (a user's catalogue may have any), if any.
    others: Option<AhoCorasick>,
    /// Their indices in the order given.
    other_indices: Vec<usize>,
}

pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl SymbolFinder {
    /// A finder for these names; a match reports the index of its name in this order (the
    /// first of names alike but for case).
    pub fn new<'n>(names: impl IntoIterator<Item = &'n str>) -> Self {
        let mut words = rustc_hash::FxHashMap::default();
        let mut others: Vec<&str> = Vec::new();
        let mut other_indices = Vec::new();
        for (index, name) in names.into_iter().enumerate() {
            if !name.is_empty() && name.bytes().all(is_word_byte) {
                let lower = name.to_ascii_lowercase().into_bytes().into_boxed_slice();
                words.entry(lower).or_insert(index);
            } else if !name.is_empty() {
                others.push(name);
                other_indices.push(index);
            }
        }
        let lengths = words.keys().map(|w| w.len()).min().unwrap_or(1)
            ..=words.keys().map(|w| w.len()).max().unwrap_or(0);
        // A word is looked up as a whole (a hash per word of a candidate line, and nothing to
        // build but the table); only names with other characters need an automaton.
        let others = (!others.is_empty()).then(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&others)
                .expect("symbol names build an automaton")
        });
        SymbolFinder {
            words,
            lengths,
            others,
            other_indices,
        }
    }

    /// (span, index of the name) of each symbol standing as a word of its own in `line`, in
    /// order.
    pub fn find(&self, line: &[u8]) -> Vec<(Range<usize>, usize)> {
        let mut found = Vec::new();
        if !self.words.is_empty() {
            let mut lower = [0u8; 128];
            let mut at = 0;
            while at < line.len() {
                let Some(start) = line[at..].iter().position(|&b| is_word_byte(b)) else {
                    break;
                };
                let start = at + start;
                let len = line[start..]
                    .iter()
                    .position(|&b| !is_word_byte(b))
                    .unwrap_or(line.len() - start);
                at = start + len;
                if !self.lengths.contains(&len) || len > lower.len() {
                    continue;
                }
                let word = &mut lower[..len];
                word.copy_from_slice(&line[start..at]);
                word.make_ascii_lowercase();
                if let Some(&index) = self.words.get(&*word) {
                    found.push((start..at, index));
                }
            }
        }
        if let Some(others) = &self.others {
            let whole = others.find_iter(line).filter(|m| {
                let before = m.start().checked_sub(1).map(|i| line[i]);
                let after = line.get(m.end()).copied();
                !before.is_some_and(is_word_byte) && !after.is_some_and(is_word_byte)
            });
            found.extend(whole.map(|m| (m.range(), self.other_indices[m.pattern().as_usize()])));
            found.sort_by_key(|(span, _)| (span.start, std::cmp::Reverse(span.end)));
            let mut end = 0;
            found.retain(|(span, _)| {
                let keep = span.start >= end;
                end = end.max(span.end);
                keep
            });
        }
        found
    }
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
    /// Characters of the line before `text` (what `offset` bytes hold).
    pub chars_before: usize,
    /// The bytes, without the line's end; findings start inside `text`.
    pub text: &'b [u8],
    /// Where the line ends in this piece: the bytes to print after `text` ("\n", "\r\n" or "").
    pub ending: &'b [u8],
    /// The line goes on in the next piece.
    pub continued: bool,
    /// The text holds a key or a product's name, or starts a line as a table's row or a
    /// definition does (`candidate_at`): only such a piece can hold a code or change which SDK
    /// is speaking.
    pub candidate: bool,
}

impl<'b> Piece<'b> {
    /// A whole line, `with_ending` holding it and its line end (`\n`, `\r\n`, or none at the
    /// end of input).
    fn whole_line(line: u64, with_ending: &'b [u8], candidate: bool) -> Self {
        let text = with_ending.strip_suffix(b"\n").unwrap_or(with_ending);
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        Piece {
            line,
            offset: 0,
            chars_before: 0,
            text,
            ending: &with_ending[text.len()..],
            continued: false,
            candidate,
        }
    }
}

/// What receives the pieces of a scanned input.
pub trait Sink {
    /// A piece and the codes found in it.
    fn piece(&mut self, piece: &Piece<'_>, found: Vec<Found>) -> io::Result<()>;

    /// Whole lines in which the prefilter found no key and no name, none starting as a table's
    /// row does (most of a log): nothing to parse or explain. `text` ends in a newline; its
    /// first line is numbered `first`. By default each line is handed to [`Sink::piece`] with
    /// nothing found; a sink that only shows codes, or copies such lines as they are, can take
    /// them all at once.
    fn plain_lines(&mut self, text: &[u8], first: u64) -> io::Result<()> {
        for (line, with_ending) in (first..).zip(text.split_inclusive(|&b| b == b'\n')) {
            self.piece(&Piece::whole_line(line, with_ending, false), Vec::new())?;
        }
        Ok(())
    }

    /// The next read may block: anything written so far should go out now, so output reaches
    /// a `tail -f` pipe line by line without costing a write per line on a file.
    fn before_wait(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The characters UTF-8 bytes hold (bytes that are not UTF-8 count one each).
pub fn chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xc0 != 0x80).count()
}

/// Reads `input` piece by piece (a piece is a line, or part of a very long one) into `sink`.
pub fn scan_reader(input: &mut impl BufRead, sink: &mut impl Sink) -> io::Result<()> {
    let mut buf: Vec<u8> = Vec::new();
    let mut line: u64 = 1;
    let mut offset = 0;
    let mut chars_before = 0;
    loop {
        if buf.is_empty() && offset == 0 {
            // Whole lines straight from the reader's buffer, without a copy.
            let available = match input.fill_buf() {
                Ok([]) => return Ok(()),
                Ok(bytes) => bytes,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if let Some(last) = memchr::memrchr(b'\n', available) {
                let used = whole_lines(&available[..=last], &mut line, sink)?;
                if used > 0 {
                    let drained = used == available.len();
                    input.consume(used);
                    if drained {
                        // The next read may wait: what was written goes out first.
                        sink.before_wait()?;
                    }
                    continue;
                }
            }
            // No line ends in the buffer, or the first is too long for one piece: gather it.
        }
        let (ended, drained) = read_piece(input, &mut buf, sink)?;
        if buf.is_empty() && !ended {
            return Ok(());
        }
        // A line's codes are read without its ending, as `whole_lines` reads them: a number
        // right before `\r\n` stands at the line's end.
        let body = if ended {
            let body = buf.len() - usize::from(buf.last() == Some(&b'\n'));
            body - usize::from(body > 0 && buf[body - 1] == b'\r')
        } else {
            buf.len()
        };
        let mut found = codes_at(&buf[..body], offset == 0);
        let (text, ending, keep) = if ended {
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
            chars_before,
            text,
            ending,
            continued: keep,
            candidate: candidate_at(text, offset == 0),
        };
        sink.piece(&piece, found)?;
        if drained {
            // The next read may wait for more input: what this piece wrote goes out first.
            sink.before_wait()?;
        }
        let consumed = text.len() + ending.len();
        if keep {
            offset += consumed;
            chars_before += chars(text);
            buf.drain(..consumed);
        } else if ended {
            line += 1;
            offset = 0;
            chars_before = 0;
            buf.clear();
        } else {
            return Ok(());
        }
    }
}

/// Hands each line of `block` (whole lines, the last ending in a newline) to `sink`, up to one
/// longer than `MAX_PIECE`: the prefilter runs once over the block, only the lines it marks
/// and those starting as a table's row or a definition does (`next_row`) are parsed, and the
/// lines between them go to the sink as one run. Returns how many bytes it handed on.
fn whole_lines(block: &[u8], line: &mut u64, sink: &mut impl Sink) -> io::Result<usize> {
    let mut start = 0;
    let mut anchor = next_anchor(block, 0);
    while start < block.len() {
        // The lines before the one the next anchor stands in hold none, unless one starts as
        // a table's row or a definition.
        let plain_end = match anchor {
            Some(at) => memchr::memrchr(b'\n', &block[start..at]).map_or(start, |i| start + i + 1),
            None => block.len(),
        };
        let plain_end = next_row(block, start, plain_end).unwrap_or(plain_end);
        if plain_end > start {
            let plain = &block[start..plain_end];
            sink.plain_lines(plain, *line)?;
            *line += memchr::memchr_iter(b'\n', plain).count() as u64;
            start = plain_end;
            continue;
        }
        // The line the anchor stands in, or a table's row or a definition (which hold none).
        let end = memchr::memchr(b'\n', &block[start..]).map_or(block.len() - 1, |at| start + at);
        if end - start > MAX_PIECE {
            break;
        }
        let piece = Piece::whole_line(*line, &block[start..=end], true);
        let anchored = anchor.is_some_and(|at| at <= end) || defines(piece.text);
        let found = parse_codes(piece.text, anchored, table_row(piece.text));
        sink.piece(&piece, found)?;
        *line += 1;
        start = end + 1;
        // (A row's or a definition's line holds no anchor: the next one stands further on.)
        if start < block.len() && anchor.is_some_and(|at| at < start) {
            anchor = next_anchor(block, start);
        }
    }
    Ok(start)
}

/// Where the first line of `block[from..to]` that starts as a table's row or a definition
/// starts (`from` is a line's start, `to` one's end). Most lines of a log start with a timestamp
/// or a letter and a mark (`I/Tag:`), which a byte or a word tells apart.
fn next_row(block: &[u8], from: usize, to: usize) -> Option<usize> {
    let region = block.get(from..to)?;
    let starts = std::iter::once(0).chain(memchr::memchr_iter(b'\n', region).map(|at| at + 1));
    starts
        .filter(|&at| {
            let line = &region[at..];
            (may_be_row(line) && table_row(line).is_some()) || defines(line)
        })
        .map(|at| from + at)
        .next()
}

/// Whether a line may start as a table's row, told from its first bytes: most lines of a log
/// start with a letter or with a timestamp (`2024-05-01`, `12:00:01`), which this rules out
/// without parsing.
#[inline]
fn may_be_row(line: &[u8]) -> bool {
    match line.first() {
        Some(b'-' | b' ' | b'\t' | b'|' | b'*' | b'<') => true,
        Some(b'0'..=b'9') => {
            let figures = line
                .iter()
                .take(20)
                .take_while(|b| b.is_ascii_digit())
                .count();
            matches!(
                line.get(figures),
                Some(b' ' | b'\t' | b'|' | b'A'..=b'Z' | b'a'..=b'z' | 0x80..)
            )
        }
        _ => false,
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
        let (take, ended) = match memchr::memchr(b'\n', &available[..available.len().min(room)]) {
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
        assert_eq!(codes("> createGroup fail: 10025:group id used"), [10025]);
        assert_eq!(codes("LOGIN FAIL:70001"), [70001]);
        // Chinese 为 ("is") after a key, and an enum's name before its number in brackets
        assert_eq!(codes("发送失败，errorCode 为 7，reason 为 x"), [7]);
        assert_eq!(codes("//如:code为:USER_ALREADY_EXIST(203)"), [203]);
        assert_eq!(codes("code: ERR_SDK_NOT_LOGGED_IN(6014)"), [6014]);
        // 代码 (code) before the number
        assert_eq!(codes("网络连接失败代码 1001"), [1001]);
        // and Japanese コード (code)
        assert_eq!(codes("ログイン失敗 エラーコード：6014"), [6014]);
        assert_eq!(codes("コード:6205 desc: not ready"), [6205]);
        // a failure's message with its number in brackets closing the line
        assert_eq!(
            codes("创建群 失败：group id has been used!(10025)"),
            [10025]
        );
    }

    #[test]
    fn numbers_in_brackets_and_after_daima_that_are_no_codes() {
        for line in [
            // no failure said: a count, a year
            "群成员列表 返回 (1000)",
            "Tencent IM SDK (2024)",
            // 代码 as source code, its line number
            "错误在代码第 123 行",
            "我的代码 6014 行报错了",
            "ソースコード 6014 行目",
            // a word ending in fail, or holding it
            "detail: 10025 email: 70001",
        ] {
            assert_eq!(codes(line), Vec::<i64>::new(), "{line}");
        }
    }

    #[test]
    fn rows_start_with_a_number_then_a_cell_of_words() {
        let row = |line: &str| table_row(line.as_bytes()).map(|f| (f.code, f.span));
        assert_eq!(row("6000106 Token 过期。"), Some((6000106, 0..7)));
        assert_eq!(row("| -1 | REQUEST_TIMEOUT |"), Some((-1, 2..4)));
        assert_eq!(row("    7003\tInvalid UserID."), Some((7003, 4..8)));
        assert_eq!(row("6000002The SDK"), Some((6000002, 0..7)));
        assert_eq!(row("6012请求超时"), Some((6012, 0..4)));
        for line in [
            "2024-05-01 12:00:00 E/TIM: x",
            "12ms elapsed",
            "3 12:00",
            "6001.5 s",
            "4001",
            "4001 ",
            "0 OK",
            "code 6014",
        ] {
            assert_eq!(row(line), None, "{line}");
        }
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
    fn an_ascii_denial_is_read_as_the_clause_regexes_read_it() {
        for before in [
            "code not ",
            "I do NOT\t",
            "never",
            "without  ",
            "cannot ",
            "not_",
            "(not ",
            "it is not, ",
            "not found, so ",
            "without: ",
            "Never ",
            "xnever ",
            "",
            "  ",
            "a long line that says nothing of the kind before its key and goes on for long ",
            "a long line that says nothing of the kind before its key and goes on; never ",
        ] {
            let near = &before.as_bytes()[before.len().saturating_sub(DENIAL_REACH)..];
            assert_eq!(
                negated(before.as_bytes()),
                clause_denies(near),
                "{before:?}"
            );
        }
        assert!(negated(b"not "));
        assert!(!negated(b"cannot "));
        assert!(negated("没有返回错误码".as_bytes()));
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
        // A name that is no word (a user's) is found too, in order with the others.
        let finder = SymbolFinder::new(["Err.Token", "ERR_X", "X"]);
        let line = b"ERR_X then err.token, not err.tokens nor ERR_XY; X";
        let found: Vec<(&[u8], usize)> = finder
            .find(line)
            .into_iter()
            .map(|(span, i)| (&line[span], i))
            .collect();
        assert_eq!(
            found,
            [(&b"ERR_X"[..], 1), (&b"err.token"[..], 0), (&b"X"[..], 2)]
        );
    }

    #[test]
    fn lines_name_their_sdk() {
        assert_eq!(vendors_named(b"[ZIM] login failed"), ["zego"]);
        assert_eq!(vendors_named(b"ZegoUIKit"), ["zego"]);
        assert_eq!(vendors_named(b"I/TIMManager: onError"), ["tencent"]);
        assert_eq!(vendors_named(b"TUIKit: send failed"), ["tencent"]);
        // "IM SDK" is any vendor's word (Easemob's release notes say `[IM SDK]`)
        assert!(vendors_named(b"IM SDK error").is_empty());
        assert_eq!(vendors_named(b"E/EMClient: EMError code: 201"), ["agora"]);
        assert_eq!(vendors_named(b"AgoraChatClient login"), ["agora"]);
        assert!(vendors_named(b"TIMESTAMP=1 EMAIL=x ZIMBABWE").is_empty());
        // their names in Chinese: Tencent, ZEGO, Easemob (Agora Chat's maker)
        assert_eq!(vendors_named("腾讯IM 登录失败".as_bytes()), ["tencent"]);
        assert_eq!(vendors_named("腾讯云 IM 登录失败".as_bytes()), ["tencent"]);
        assert_eq!(vendors_named("腾讯云通信 登录失败".as_bytes()), ["tencent"]);
        assert_eq!(vendors_named("即构IM 登录失败".as_bytes()), ["zego"]);
        // the companies alone: any of their products
        assert!(vendors_named("腾讯会议 登录失败".as_bytes()).is_empty());
        assert!(vendors_named("即构 推流失败".as_bytes()).is_empty());
        assert_eq!(vendors_named("环信加入聊天室失败".as_bytes()), ["agora"]);
        assert!(
            vendors_named("TIM网络请求".as_bytes()) == ["tencent"],
            "TIM before CJK"
        );
        for other in [
            "AgoraRtmClient login failed",
            "agora_rtm: error",
            "ZegoExpressEngine",
            "zego_express_engine",
            "I/F-OpenIMSDK(native call flutter)",
            "login through RTM",
            "{\"operationID\": \"1\", \"errCode\": 1001}",
            "Server_WSListener:onClose code=1002",
            "WebSocket closed, code 1006",
            "融云 error",
            "SendSms failed",
            "短信发送失败",
            "D/OkHttp: <-- 500 https://a1.easemob.com/x (12ms)",
            "AxiosError: Request failed, code: 404",
            "DioException [bad response]: code: 500",
        ] {
            names_another_product_only(other);
        }
    }

    #[test]
    fn agora_alone_names_no_product() {
        // Agora Chat by its own names...
        for chat in [
            "AgoraChatClient login",
            "agora_chat_sdk: login failed",
            "agora-chat: open failed",
            "io.agora.chat.ChatClient: login",
            "Agora Chat: join failed",
        ] {
            assert_eq!(vendors_named(chat.as_bytes()), ["agora"], "{chat}");
        }
        // ...but the company's name alone says neither Chat nor another product.
        for company in [
            "I am trying to make an agora live stream",
            "Agora token expired",
        ] {
            assert_eq!(
                products_named(company.as_bytes()),
                Named::default(),
                "{company}"
            );
        }
    }

    fn names_another_product_only(line: &str) {
        let named = products_named(line.as_bytes());
        assert!(named.other && named.vendors.is_empty(), "{line}: {named:?}");
    }

    #[test]
    fn a_vendor_named_in_a_link_is_its_site_not_its_sdk() {
        for link in [
            "Please refer to https://docs.zegocloud.com/article/5547 for details",
            "see (https://cloud.tencent.com/document/product/269/1671)",
            "docs at www.easemob.com/errors",
            "`https://docs.agora.io/en/agora-chat/reference/error-codes`",
        ] {
            assert!(vendors_named(link.as_bytes()).is_empty(), "{link}");
        }
        // Named outside the link, the SDK still speaks; Tencent's REST path is still Tencent.
        assert_eq!(
            vendors_named(b"ZIM login failed, see https://docs.zegocloud.com/x"),
            ["zego"]
        );
        assert_eq!(
            vendors_named(b"POST https://console.tim.qq.com/v4/openim/sendmsg"),
            ["tencent"]
        );
        // A link to Tencent Cloud's SMS or TRTC pages names that product.
        for other in [
            "https://cloud.tencent.com/document/product/382/3773 ErrorCode: 60012",
            "see cloud.tencent.com/document/product/647/32221",
        ] {
            names_another_product_only(other);
        }
        assert!(!products_named(b"https://cloud.tencent.com/document/product/3820").other);
    }

    /// Teddy takes at most 64 words: one more anchor and the prefilter would fall back to an
    /// automaton several times slower (where the CPU has Teddy at all).
    #[test]
    fn the_prefilter_stays_vectorised() {
        assert!(ANCHORS.len() <= 64);
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("ssse3") {
            assert!(matches!(*PREFILTER, Prefilter::Packed(_)));
        }
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
