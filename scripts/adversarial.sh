#!/usr/bin/env bash
# Runs the release binary on several hundred bad inputs (issue #19) and counts the outcomes: ok,
# panic, hang, wrong exit, unclear message, huge memory. Each run has a timeout and a memory cap;
# the inputs (named pipes, devices, closed and full streams, huge arguments, odd UTF-8, broken
# catalogue files, broken pipes) are made in a temporary folder.
#
#   cargo build --release && scripts/adversarial.sh      # CHATERR=path/to/chaterr to choose
#
# Exit status 0 when every input is ok; the failures are listed above the table. Not part of
# `cargo test`: it wants a release build, and takes a minute.
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${CHATERR:-$ROOT/target/release/chaterr}
[[ -x $BIN ]] || { echo "adversarial: no binary at $BIN (cargo build --release)" >&2; exit 2; }
TIMEOUT=${TIMEOUT:-10}        # seconds per input
MEMORY_MB=${MEMORY_MB:-1024}  # address-space cap per input
HUGE_MB=${HUGE_MB:-200}       # resident memory above this is "huge memory"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export BIN T
# An empty home and config folder: only the catalogues an input names are read.
mkdir -p "$T/home" "$T/files" "$T/toml"
export HOME=$T/home XDG_CONFIG_HOME=$T/home/.config COLUMNS=100
unset CHATERR_CATALOG NO_COLOR CLICOLOR_FORCE COMPLETE

declare -A COUNT=([ok]=0 [panic]=0 [hang]=0 [wrong exit]=0 [unclear message]=0 [huge memory]=0)
TOTAL=0
LARGEST_KB=0
LARGEST=''
FAILURES=$T/failures
: > "$FAILURES"

# run NAME EXPECTED MESSAGE SCRIPT: runs SCRIPT (bash, with $BIN and $T) and classifies it.
# EXPECTED: the exit statuses allowed, as "0", "1", "0|1". MESSAGE: "one" (a failure says
# exactly one line, "chaterr: …" or clap's "error: …"; a success or "nothing found" at most
# one), or "any"
# where the script sends stderr elsewhere or many lines are the answer.
run() {
    local name=$1 expected=$2 message=$3 script=$4
    TOTAL=$((TOTAL + 1))
    local err=$T/stderr rss=$T/rss
    : > "$err"; : > "$rss"
    (
        ulimit -v $((MEMORY_MB * 1024))
        exec /usr/bin/time -f '%M' -o "$rss" timeout -k 2 "$TIMEOUT" bash -c "$script"
    ) > /dev/null 2> "$err" < /dev/null
    local status=$?
    local kb
    kb=$(tail -n 1 "$rss" 2>/dev/null)
    [[ $kb =~ ^[0-9]+$ ]] || kb=0
    if ((kb > LARGEST_KB)); then
        LARGEST_KB=$kb
        LARGEST=$name
    fi
    # time's own note of a killed child is not the program's.
    sed -i '/^Command \(exited with non-zero status\|terminated by signal\)/d' "$err"
    local outcome=ok
    if grep -q 'memory allocation of' "$err" || ((kb > HUGE_MB * 1024)); then
        outcome="huge memory"
    elif ((status == 124 || status == 137)); then
        outcome=hang
    elif grep -q 'panicked' "$err" || ((status == 134 || status == 139 || status == 136 || status == 101)); then
        outcome=panic
    elif ! [[ "|$expected|" == *"|$status|"* ]]; then
        outcome="wrong exit"
    elif [[ $message == one ]] && ! clear_message "$status" "$err"; then
        outcome="unclear message"
    fi
    COUNT[$outcome]=$((COUNT[$outcome] + 1))
    if [[ $outcome != ok ]]; then
        {
            echo "$outcome: $name (status $status, expected $expected, ${kb} KB)"
            head -c 300 "$err" | sed 's/^/    /'
            echo
        } >> "$FAILURES"
    fi
}

clear_message() {
    local status=$1 err=$2
    local lines first
    lines=$(grep -c '' "$err")
    first=$(head -n 1 "$err")
    if ((status == 0 || status == 1)); then
        # Found, or nothing found: scan and diff say nothing (as grep and diff), the others
        # one line ("no vendor documents code 999999").
        ((lines == 0)) || { ((lines == 1)) && [[ $first == chaterr:* || status -eq 0 ]]; }
    elif [[ $first == error:* ]]; then
        true # clap's usage error: its first line, then usage and a tip
    else
        ((lines == 1)) && [[ $first == chaterr:* ]]
    fi
}

# --- inputs -----------------------------------------------------------------------------------

F=$T/files
mkfifo "$F/fifo.toml" "$F/fifo.log"
ln -s "$F/absent/target.toml" "$F/dangling.toml"  # not /nonexistent: some machines have it
ln -s loop.toml "$F/loop.toml"
mkdir -p "$F/dir.toml" "$F/folder"
: > "$F/empty.toml"
truncate -s 65M "$F/sparse.toml"
head -c 4096 /dev/urandom > "$F/random.toml"
printf '[source]\nid = "ok"\nvendor = "ok"\n\n[[codes]]\ncode = 424242\ndescription = "Mine."\n' > "$F/good.toml"
cp "$F/good.toml" "$F/folder/good.toml"
printf 'login failed, errorCode: 6000103\ncode=6015\n' > "$F/codes.log"
LONG=$(head -c 100000 /dev/zero | tr '\0' a)
NEWLINE_NAME=$(printf 'a\nb\033[31m.toml')
export LONG NEWLINE_NAME
if (($(id -u) != 0)); then
    cp "$F/good.toml" "$F/unreadable.toml" && chmod 000 "$F/unreadable.toml"
fi

# Catalogue files, one problem (or oddity) each.
TOML=$T/toml
n=0
bad() { n=$((n + 1)); printf '%b' "$1" > "$TOML/bad-$n.toml"; }
good() { n=$((n + 1)); printf '%b' "$1" > "$TOML/good-$n.toml"; }
S='[source]\nid = "mine"\nvendor = "mine"\n'
C='\n[[codes]]\ncode = 1\ndescription = "d"\n'
bad ''
bad '\n\n\n'
bad 'not toml at all'
bad '[source'
bad '[source]\nid = "mine"\n'
bad '[source]\nvendor = "mine"\n'
bad '[source]\nid = "Mine"\nvendor = "mine"\n'
bad '[source]\nid = "mine"\nvendor = "mi ne"\n'
bad '[source]\nid = 5\nvendor = "mine"\n'
bad '[source]\nid = "mine"\nvendor = "mine"\nextra = 1\n'
bad 'source = 5\n'
bad 'source = []\n'
bad "${S}codes = 5\n"
bad "${S}codes = [1, 2]\n"
bad "${S}[[codes]]\ndescription = \"no code\"\n"
bad "${S}[[codes]]\ncode = 1\n"
bad "${S}[[codes]]\ncode = \"1\"\ndescription = \"d\"\n"
bad "${S}[[codes]]\ncode = 1.5\ndescription = \"d\"\n"
bad "${S}[[codes]]\ncode = 99999999999999999999999\ndescription = \"d\"\n"
bad "${S}[[codes]]\ncode = 1\ndescription = 5\n"
bad "${S}[[codes]]\ncode = 1\ndescription = 1979-05-27T07:32:00Z\n"
bad "${S}[[codes]]\ncode = 9\ncode_end = 3\ndescription = \"d\"\n"
bad "${S}${C}${C}"
bad "${S}[[codes]]\ncode = 1\ncode_end = 100\ndescription = \"d\"\n[[codes]]\ncode = 50\ndescription = \"d\"\n"
bad "${S}[[codes]]\ncode = 1\ndescripton = \"typo\"\n"
bad "${S}[[codes]]\ncode = 1\ndescription = \"d\"\nname = [1]\n"
bad "${S}[[codes]]\ncode = 1\ndescription = \"unterminated\n"
bad "${S}[[codes]]\ncode = 1\ndescription = \"bad escape \\\\q\"\n"
bad "${S}[source]\nid = \"again\"\n"
bad '[source]\nid = "agora"\nvendor = "agora"\n'
bad '[source]\nid = "zego"\nvendor = "tencent"\n'
bad '[source]\nid = "mine"\nvendor = "zego-zim"\n'
bad '[source]\nid = "mine"\nvendor = "zim"\n'
bad '[source]\nid = "easemob"\nvendor = "mine"\n'
bad '[source]\nid = "zego-zim"\nvendor = "acme"\n'
bad '\xff\xfe[source]\n'
bad "${S}[[codes]]\ncode = 1\ndescription = \"\xc3\x28\"\n"
bad "${S}\x00\x00\x00"
bad "a = $(printf '%.0s[' {1..5000})"
bad "a = $(printf '%.0s{ b = ' {1..5000})"
bad "${S}[[codes]]\ncode = 1\ndescription = \"d\"\n[[codes]]\ncode = -9223372036854775808\ncode_end = 9223372036854775807\ndescription = \"all\"\n"
bad "[source]\nid = \"$LONG\"\nvendor = \"mine\"\nid = 2\n"
bad "${S}[[codes]]\ncode = 1\n$LONG = 1\ndescription = \"d\"\n"
bad "${S}[[codes]]\ncode = 1\n\"\\\\u001b[31m\" = 1\ndescription = \"d\"\n"
good "$S"
good "${S}${C}"
good "\xef\xbb\xbf${S}${C}"
good "$(printf '%b' "$S$C" | sed 's/$/\r/')\n" # CRLF line ends
good "${S}[[codes]]\ncode = 1\ndescription = \"$LONG\"\n"
good "${S}[[codes]]\ncode = 1\nname = \"$LONG\"\ndescription = \"long name\"\n"
good "${S}[[codes]]\ncode = 1\ndescription = \"line one\\\\nline two\\\\tand a tab \\\\u001b[31m\"\n"
good "${S}[[codes]]\ncode = -9223372036854775808\ncode_end = 9223372036854775807\ndescription = \"all\"\n"
good "${S}[[codes]]\ncode = 1\ndescription = \"ünïcödé 未登录 🎉\"\n"
good "[source]\nid = \"zego-zim\"\nvendor = \"zego\"\n\n[[codes]]\ncode = 6000103\ndescription = \"overridden\"\n"
good "[source]\nid = \"mine\"\nvendor = \"mine\"\ntitle = \"$LONG\"\n"
# Many problems in one file: 40,000 duplicate codes, 20,000 overlapping ranges.
python3 - "$TOML" <<'EOF'
import sys
d = sys.argv[1]
with open(f"{d}/bad-dups.toml", "w") as f:
    f.write('[source]\nid = "dup"\nvendor = "dup"\n')
    f.write('[[codes]]\ncode = 7\ndescription = "d"\n' * 40000)
with open(f"{d}/bad-overlaps.toml", "w") as f:
    f.write('[source]\nid = "ovl"\nvendor = "ovl"\n')
    for i in range(20000):
        f.write(f'[[codes]]\ncode = {i}\ncode_end = {i + 100000}\ndescription = "d"\n')
with open(f"{d}/good-big.toml", "w") as f:
    f.write('[source]\nid = "big"\nvendor = "big"\n')
    for i in range(50000):
        f.write(f'[[codes]]\ncode = {10_000_000 + i}\nname = "BIG_{i}"\ndescription = "Failure number {i}."\n')
EOF

# --- 1. paths a user names as a catalogue ---------------------------------------------------

paths=("$F/fifo.toml" /dev/zero /dev/urandom /dev/null /dev/full "$F/dir.toml" "$F/dangling.toml"
    "$F/loop.toml" "$F/nonexistent.toml" "$F/sparse.toml" "$F/random.toml" "$F/empty.toml"
    "$F/$NEWLINE_NAME" "$F/$LONG.toml" /proc/self/status)
[[ -e $F/unreadable.toml ]] && paths+=("$F/unreadable.toml")
for p in "${paths[@]}"; do
    export P=$p
    label=${p:0:60}
    # A folder is allowed where catalogues are read (this one holds none), not by diff.
    load=2
    [[ -d $p ]] && load=0
    run "--catalog $label" $load one '"$BIN" --catalog "$P" lookup 6015'
    run "check $label" "1|2" one '"$BIN" check "$P"'
    run "diff $label zego" 2 one '"$BIN" diff "$P" zego'
    run "CHATERR_CATALOG=$label" $load one 'CHATERR_CATALOG="$P" "$BIN" lookup 6015'
    run "CHATERR_CATALOG=:$label: list" $load one 'CHATERR_CATALOG=":$P:" "$BIN" list'
done
for p in "$F/dir.toml" "$F/nonexistent.log" "$F/$NEWLINE_NAME" "$F/$LONG.log"; do
    export P=$p
    run "scan ${p:0:60}" 2 one '"$BIN" scan "$P"'
done
[[ -e $F/unreadable.toml ]] && run "scan unreadable" 2 one '"$BIN" scan "$F/unreadable.toml"'
run "scan /dev/null" 1 one '"$BIN" scan /dev/null'
run "scan a fifo with a writer" 0 one '(echo code=6015 > "$T/files/fifo.log" &); "$BIN" scan "$T/files/fifo.log"'
run "dynamic completion, CHATERR_CATALOG a fifo" 0 one \
    'COMPLETE=bash _CLAP_COMPLETE_INDEX=2 _CLAP_COMPLETE_COMP_TYPE=9 CHATERR_CATALOG="$T/files/fifo.toml" "$BIN" -- chaterr lookup 60001'
run "dynamic completion, CHATERR_CATALOG /dev/zero" 0 one \
    'COMPLETE=bash _CLAP_COMPLETE_INDEX=2 _CLAP_COMPLETE_COMP_TYPE=9 CHATERR_CATALOG=/dev/zero "$BIN" -- chaterr lookup 60001'
run "good folder" 0 one '"$BIN" --catalog "$T/files/folder" lookup 424242'
run "CHATERR_CATALOG=:" 0 one 'CHATERR_CATALOG=: "$BIN" lookup 6015'
run "CHATERR_CATALOG=::good::" 0 one 'CHATERR_CATALOG="::$T/files/good.toml::" "$BIN" lookup 424242'

# The config folder: what it holds is read as the user's catalogue.
cfg() { # cfg NAME EXPECTED SETUP
    export SETUP=$3
    run "config folder: $1" "$2" one 'd=$(mktemp -d "$T/cfg.XXXX"); mkdir -p "$d/chaterr/codes"; (cd "$d/chaterr/codes" && eval "$SETUP"); XDG_CONFIG_HOME=$d "$BIN" lookup 6015'
}
cfg "a fifo" 2 'mkfifo a.toml'
cfg "a dangling link" 2 'ln -s ./absent-target a.toml'
cfg "a link loop" 2 'ln -s a.toml a.toml'
cfg "a folder named x.toml" 0 'mkdir x.toml'
cfg "a device link" 2 'ln -s /dev/zero a.toml'
cfg "a bad file" 2 'echo "[source" > a.toml'
cfg "100 good files" 0 'for i in $(seq 100); do printf "[source]\nid = \"s$i\"\nvendor = \"v$i\"\n" > f$i.toml; done'
cfg "not toml files" 0 'echo junk > a.txt; echo junk > toml'
run "config dir is a file" 0 one 'echo x > "$T/cfgfile"; XDG_CONFIG_HOME="$T/cfgfile" "$BIN" lookup 6015'
run "config dir is a fifo" 0 one 'XDG_CONFIG_HOME="$T/files/fifo.toml" "$BIN" lookup 6015'
run "HOME unset" 0 one 'unset HOME XDG_CONFIG_HOME; "$BIN" lookup 6015'

# --- 2. catalogue files ---------------------------------------------------------------------

for f in "$TOML"/*.toml; do
    export P=$f
    name=$(basename "$f")
    case $name in
    bad-*)
        # Not UTF-8 text: check cannot read it (2); the others are read and have problems (1).
        run "check $name" "1|2" one '"$BIN" check "$P"'
        run "--catalog $name" 2 one '"$BIN" --catalog "$P" lookup 6015'
        ;;
    good-*)
        run "check $name" 0 one '"$BIN" check "$P"'
        run "--catalog $name list" 0 one '"$BIN" --catalog "$P" --format table list'
        ;;
    esac
done
# check's exit status, messages aside (it reports every problem).
run "check every bad file at once" 2 any '"$BIN" check "$T"/toml/bad-*.toml'
run "check good and missing" 2 any '"$BIN" check "$T/files/good.toml" "$T/files/nonexistent.toml"'

# --- 3. arguments ---------------------------------------------------------------------------

arg() { # arg EXPECTED ARGS...
    local expected=$1
    shift
    export ARGS
    ARGS=$(printf '%q ' "$@")
    run "${ARGS:0:80}" "$expected" one 'eval "\"\$BIN\" $ARGS"'
}
arg 0 lookup 6015
arg 0 lookup zego 6000103
arg 0 lookup ZIMErrorCodeNetworkModuleTokenInvalid
arg 1 lookup 999999
arg 1 lookup agora 6000103
arg 0 lookup -- -1
arg 1 lookup -- -424242
arg 0 lookup 0
arg 1 lookup 9223372036854775807
arg 1 lookup -- -9223372036854775808
arg 2 lookup 99999999999999999999
arg 2 lookup 1e9
arg 2 lookup 0x10
arg 2 lookup ''
arg 2 lookup ' '
arg 2 lookup 'ä'
arg 2 lookup "$(printf 'x\033[31m')"
arg 2 lookup "$(printf 'a\nb')"
arg 2 lookup "$LONG!"
arg 1 lookup "$LONG"
arg 2 lookup "9$LONG"
arg 2 lookup zego
arg 2 lookup nosuchvendor 5 6
arg 2 lookup "$(printf '\xff\xfe')"
arg 2 lookup
arg 0 search token
arg 0 search 'token expired'
arg 1 search of
arg 1 search 'is in'
arg 1 search the
arg 1 search qqqqzzzzxxxx
arg 2 search ''
arg 2 search '   '
arg 2 search -e '('
arg 2 search -e 'a{1000}{1000}{1000}'
arg 0 search -e '.*' --limit 1
arg 0 search -F '(' --limit 1
arg 0 search -F 未登录
arg 1 search "$LONG"
arg 1 search -F "$LONG"
arg 0 search "$(printf 'tok\033[31men')"
arg 2 search token --vendor nosuch
arg 2 search token --limit -1
arg 0 search token --limit 0
arg 1 search '🎉'
arg 0 list
arg 0 list zego
arg 0 list --range 8500..8599
arg 0 list --range ..
arg 1 list --range 9000000000000..
arg 2 list --range 9..1
arg 2 list --range a..b
arg 2 list --range ''
arg 2 list --range "$LONG"
arg 2 list --range 99999999999999999999..
arg 0 list --category ''
arg 1 list --category nothing-at-all
arg 2 list nosuchvendor
arg 2 list "x$LONG"
arg 0 sources
arg 2 sources extra
arg 0 diff zego zego
arg 1 diff tencent-im tencent-chat
arg 2 diff zego nosuch
arg 2 diff zego
arg 2 diff "$LONG" zego
arg 0 completions bash
arg 2 completions nosuch
arg 2 --bogus
arg 2 nosuchcommand
arg 0 --help
arg 0 --version
arg 2 --format nosuch list
arg 2 --color nosuch list
arg 0 --format table lookup 6015
arg 0 --format json lookup 6015
arg 0 --color always list zego
arg 2 scan --vendor nosuch /dev/null
arg 1 lookup --documented-only agora-sdk 1
for columns in 0 -1 1 5 99999 abc ''; do
    export COLS=$columns
    run "COLUMNS=$columns" 0 one 'COLUMNS="$COLS" "$BIN" --format table lookup zego 6000103'
done
run "COMPLETE=nosuch" 2 one 'COMPLETE=nosuch "$BIN"'
run "COMPLETE=bash" 0 one 'COMPLETE=bash "$BIN"'
run "dynamic completion" 0 one 'COMPLETE=bash _CLAP_COMPLETE_INDEX=2 _CLAP_COMPLETE_COMP_TYPE=9 "$BIN" -- chaterr lookup 60001'
run "dynamic completion, a long word" 0 one 'COMPLETE=bash _CLAP_COMPLETE_INDEX=2 _CLAP_COMPLETE_COMP_TYPE=9 "$BIN" -- chaterr lookup "$LONG"'

# Work that grows with the input: a 10,000-word query, word diffs of 100,000-word texts, a
# table of a 50,000-entry catalogue.
export WORDS
WORDS=$(python3 -c 'import random; print(" ".join("w%d" % random.randrange(10**6) for _ in range(10000)))')
run "search a 10,000-word query" 1 one '"$BIN" search "$WORDS"'
run "search -F a 10,000-word query" 1 one '"$BIN" search -F "$WORDS"'
python3 - "$T/files" <<'EOF2'
import random, sys
for seed in (1, 2):
    random.seed(seed)
    words = " ".join("w%d" % random.randrange(10**6) for _ in range(100000))
    with open(f"{sys.argv[1]}/long-{seed}.toml", "w") as f:
        f.write(f'[source]\nid = "zego-zim"\nvendor = "zego"\n[[codes]]\ncode = 1\ndescription = "{words}"\n')
EOF2
run "diff of 100,000-word texts" 1 one '"$BIN" diff "$T/files/long-1.toml" "$T/files/long-2.toml"'
run "diff of 100,000-word texts, table" 1 one '"$BIN" --format table diff "$T/files/long-1.toml" "$T/files/long-2.toml"'
run "list a 50,000-entry catalogue as a table" 0 one '"$BIN" --catalog "$T/toml/good-big.toml" --format table list big'
run "search a 50,000-entry catalogue" 0 one '"$BIN" --catalog "$T/toml/good-big.toml" search "failure number"'

# --- 4. standard input ----------------------------------------------------------------------

run "lookup - </dev/zero" 2 one '"$BIN" lookup - </dev/zero'
run "lookup - </dev/urandom" 2 one '"$BIN" lookup - </dev/urandom'
run "lookup - </dev/null" 2 one '"$BIN" lookup - </dev/null'
run "lookup - <&-" 2 one '"$BIN" lookup - <&-'
run "lookup - blank" 2 one 'printf "  \n\t\n" | "$BIN" lookup -'
run "lookup - 2 MB" 2 one 'yes 6015 | head -c 2000000 | "$BIN" lookup -'
run "lookup - 100,000 codes" 0 one 'yes 6015 | head -n 100000 | "$BIN" lookup -'
run "lookup - bad UTF-8" 2 one 'printf "\xff\xfe" | "$BIN" lookup -'
run "lookup - a bad code" 2 one 'echo "6015 zz!" | "$BIN" lookup -'
run "lookup - - -" 0 one 'echo 6015 | "$BIN" lookup - - -'
run "scan stdin 50 MB of NUL" 1 one 'head -c 50000000 /dev/zero | "$BIN" scan'
run "scan stdin 20 MB random" "0|1" one 'head -c 20000000 /dev/urandom | "$BIN" scan -o'
run "scan stdin one 5 MB line" 0 one '{ head -c 5000000 /dev/zero | tr "\0" x; echo " code=6015"; } | "$BIN" scan -o'
# One 4 MB line of `{"code":7487}`: whether the line holds an app's reply envelope is read once
# per line, not once per code (400 KB of it took 10 s before).
run "scan stdin one 4 MB line of \"code\" keys" 1 one '{ yes "{\"code\":7487} " | head -c 4000000 | tr -d "\n"; echo; } | "$BIN" scan -o'
run "scan stdin CRLF" 0 one 'printf "code=6015\r\n" | "$BIN" scan'
run "scan stdin closed" 1 one '"$BIN" scan <&-'
run "scan summary of 200,000 codes" 0 one 'yes code=6015 | head -n 200000 | "$BIN" scan --summary'
run "scan json" 0 one 'printf "code=6015\n" | "$BIN" scan --json'
run "lookup - <folder" 2 one '"$BIN" lookup - < "$T/files/folder"'
run "scan <folder" 2 one '"$BIN" scan < "$T/files/folder"'
run "scan - - (stdin twice)" 0 one 'echo code=6015 | "$BIN" scan - -'
run "scan a file and a missing one" 2 one '"$BIN" scan "$T/files/codes.log" "$T/files/missing.log"'

# --- 5. output streams: full, closed, broken pipes, and stderr ------------------------------

# command, its exit status, and whether it writes to stdout.
commands=(
    "lookup 6015|0|yes"
    "lookup 999999|1|no"
    "list|0|yes"
    "search token|0|yes"
    "search of|1|no"
    "sources|0|yes"
    "diff tencent-im tencent-chat|1|yes"
    "diff zego zego|0|no"
    "scan $F/codes.log|0|yes"
    "check $F/good.toml|0|no"
    "check $TOML/bad-dups.toml|1|yes"
    "completions bash|0|yes"
    "--help|0|yes"
    "--version|0|yes"
    "--format table list|0|yes"
    "--format json list|0|yes"
)
for entry in "${commands[@]}"; do
    IFS='|' read -r args status writes <<< "$entry"
    export ARGS=$args
    full=$status
    [[ $writes == yes ]] && full=2
    run "$args >/dev/full" "$full" one '"$BIN" $ARGS >/dev/full'
    run "$args >&-" 2 one '"$BIN" $ARGS >&-'
    run "$args 2>/dev/full" "$status" any '"$BIN" $ARGS 2>/dev/full'
    run "$args 2>&-" "$status" any '"$BIN" $ARGS 2>&-'
    run "$args <&-" "$status" one '"$BIN" $ARGS <&-'
    run "$args | head -c1" "$status" one '"$BIN" $ARGS | head -c1 >/dev/null; exit ${PIPESTATUS[0]}'
    run "$args | closed at once" "$status" one '"$BIN" $ARGS | true; exit ${PIPESTATUS[0]}'
    run "$args 2>/dev/full >/dev/full" "$full" any '"$BIN" $ARGS 2>/dev/full >/dev/full'
done
run "scan of a stream | head -1" 0 one 'yes code=6015 | "$BIN" scan | head -n 1 >/dev/null; exit ${PIPESTATUS[1]}'
run "scan nothing | head -1" 1 one 'yes nothing | head -n 300000 | "$BIN" scan | head -n 1 >/dev/null; exit ${PIPESTATUS[2]}'
run "lookup - many missing | head" 1 any 'seq 6000 9000 | "$BIN" lookup - 2>/dev/null | head -c1 >/dev/null; exit ${PIPESTATUS[1]}'

# --- the table --------------------------------------------------------------------------------

cat "$FAILURES"
echo "$TOTAL inputs against $BIN (timeout ${TIMEOUT}s, memory cap ${MEMORY_MB} MB, huge above ${HUGE_MB} MB)"
echo "largest resident memory: $((LARGEST_KB / 1024)) MB (${LARGEST:0:60})"
printf '| %-16s | %5s |\n' outcome count
printf '|%s|%s|\n' ------------------ -------
for outcome in ok panic hang "wrong exit" "unclear message" "huge memory"; do
    printf '| %-16s | %5d |\n' "$outcome" "${COUNT[$outcome]}"
done
((COUNT[ok] == TOTAL))
