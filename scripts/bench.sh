#!/usr/bin/env bash
# Whole-process timings of chaterr against moreutils' `errno` (C, a static table), the goals of
# issue 5. CI does not run this: it is the performance gate a person runs, on a quiet machine.
#
#   scripts/bench.sh            build (cargo xtask dist), time every pair, print ratios, PASS/FAIL
#   ROUNDS=20 RUNS=100 USER_RUNS=10 scripts/bench.sh   (more rounds: steadier medians)
#
# Each round is one hyperfine invocation timing every command of every pair in turn; medians
# are taken over the runs of all rounds together, so A and B of a pair are measured
# alternately through the same stretch of time rather than one after the other.
# Exit status: 0 every goal met, 1 some goal missed, 2 a tool is missing or a command failed.

set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-10}
RUNS=${RUNS:-100} # per command per round
WARMUP=${WARMUP:-10}

missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$1 (package $2)"); }
need hyperfine hyperfine
need errno moreutils
need jq jq
need cargo "a Rust toolchain, https://rustup.rs"
need rustc "a Rust toolchain, https://rustup.rs"
[[ -x /usr/bin/time ]] || missing+=("/usr/bin/time (package time)")
if ((${#missing[@]})); then
    echo "bench.sh: missing tools:" >&2
    printf '  %s\n' "${missing[@]}" >&2
    echo "help: apt-get install moreutils hyperfine jq time" >&2
    exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The binary timed is the one we ship: `cargo xtask dist` (on Linux with glibc, statically
# linked). `cargo build --release` (dynamically linked, as `cargo install` builds it) is timed
# beside it for reference.
echo "building: cargo xtask dist; cargo build --release --bin chaterr"
bin=$(cargo xtask dist 2>"$tmp/stderr" | tail -1) || { cat "$tmp/stderr" >&2; exit 2; }
[[ -x "$bin" ]] || { echo "bench.sh: no chaterr binary from cargo xtask dist" >&2; exit 2; }
linking=$(grep -o '[a-z]*ally linked' "$tmp/stderr" || echo "?")
dynamic=$(cargo build --release --bin chaterr --message-format=json-render-diagnostics |
    jq -r 'select(.reason == "compiler-artifact" and .target.name == "chaterr" and .executable != null) | .executable')
[[ -x "$dynamic" ]] || { echo "bench.sh: no chaterr binary from cargo build --release" >&2; exit 2; }

# The floor for any Rust program: what std alone costs at start, built and linked as chaterr is.
echo 'fn main() { println!("hello"); }' >"$tmp/hello.rs"
hello_flags=()
[[ $linking == "statically linked" ]] && hello_flags=(-C target-feature=+crt-static)
rustc --edition 2024 -C opt-level=3 -C panic=abort -C strip=symbols -C codegen-units=1 \
    "${hello_flags[@]}" -o "$tmp/hello" "$tmp/hello.rs"

# name|command. Names are what the pairs and the JSON refer to.
commands=(
    "lookup|$bin lookup zego 6000103"
    "errno ENOENT|errno ENOENT"
    "search|$bin search -F \"token has expired\""
    "search, by meaning|$bin search \"token expired\""
    "errno -s token|errno -s token"
    "list --json|$bin list --json"
    "rust hello|$tmp/hello"
    "lookup, cargo build --release|$dynamic lookup zego 6000103"
)
# A name|B name|goal for A/B (none for a reference)|label|note shown in place of a verdict
pairs=(
    "lookup|errno ENOENT|1.3|chaterr lookup zego 6000103 / errno ENOENT"
    "search|errno -s token|2|chaterr search -F \"token has expired\" / errno -s token"
    "list --json|errno ENOENT|3|chaterr list --json >/dev/null / errno ENOENT"
    # References, without a goal: the note stands where the verdict would.
    "rust hello|errno ENOENT||reference: a Rust hello world / errno ENOENT|(floor for Rust)"
    # Words run the sentence model (issue 13): its goal is 25 ms whole, not a ratio.
    "search, by meaning|errno -s token||reference: chaterr search \"token expired\" / errno -s token|(goal: <= 25 ms)"
    "lookup, cargo build --release|errno ENOENT||reference: lookup, cargo build --release / errno|(dynamically linked)"
)
RSS_GOAL_KIB=8192

# The figures are for the embedded catalogue: no user catalogue from the config dir or the
# environment (the user-catalogue timings below pass theirs with --catalog).
export XDG_CONFIG_HOME="$tmp/config"
unset CHATERR_CATALOG

# A timing of a command that fails says nothing: check each once, as hyperfine will run it.
for c in "${commands[@]}"; do
    name=${c%%|*} cmd=${c#*|}
    if ! eval "$cmd" >/dev/null 2>"$tmp/stderr"; then
        echo "bench.sh: '$name' failed: $cmd" >&2
        cat "$tmp/stderr" >&2
        exit 2
    fi
done
entries=$("$bin" list --json | jq length)

machine() {
    echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "cpu:     $(nproc) x $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(awk '/^cpu MHz/ {printf "%.0f MHz", $4; exit}' /proc/cpuinfo)"
    echo "memory:  $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
    echo "kernel:  $(uname -srm)"
    echo "tools:   $(hyperfine --version), $(rustc --version)"
    echo "tree:    $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD 2>/dev/null || echo ' + uncommitted changes')"
    echo "config:  no user catalogue (XDG_CONFIG_HOME=$XDG_CONFIG_HOME, CHATERR_CATALOG unset)"
    echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; a busy machine skews ratios)"
}
machine

hyperfine_args=(-N --output=null --warmup "$WARMUP" --runs "$RUNS" --style none)
for c in "${commands[@]}"; do
    hyperfine_args+=(-n "${c%%|*}" "${c#*|}")
done
echo "timing: $ROUNDS rounds of $RUNS runs of each command (warmup $WARMUP)"
for ((round = 1; round <= ROUNDS; round++)); do
    # hyperfine's stderr is its outlier warnings; the spread over rounds says the same.
    if ! hyperfine "${hyperfine_args[@]}" --export-json "$tmp/round-$round.json" 2>"$tmp/stderr"; then
        cat "$tmp/stderr" >&2
        exit 2
    fi
done
jq -s '.' "$tmp"/round-*.json >"$tmp/all.json"

# Median of one command over every run of every round, in milliseconds.
median_ms() {
    jq -r --arg name "$1" '
        [.[].results[] | select(.command == $name) | .times[]] | sort
        | (length / 2 | floor) as $m
        | (if length % 2 == 1 then .[$m] else (.[$m - 1] + .[$m]) / 2 end) * 1000' "$tmp/all.json"
}
# min and max over the rounds of the ratio of the two commands' per-round medians.
round_spread() {
    jq -r --arg a "$1" --arg b "$2" '
        [.[] | .results as $r
         | ($r[] | select(.command == $a) | .median) / ($r[] | select(.command == $b) | .median)]
        | "\(min * 100 | round / 100)-\(max * 100 | round / 100)"' "$tmp/all.json"
}

failed=0
echo
printf '%-52s %9s %9s %6s %12s %5s %s\n' "A / B" "A median" "B median" "A/B" "rounds" "goal" ""
for p in "${pairs[@]}"; do
    IFS='|' read -r a b goal label note <<<"$p"
    ma=$(median_ms "$a") mb=$(median_ms "$b")
    ratio=$(jq -n "$ma / $mb")
    if [[ -n $goal ]]; then
        verdict=$(jq -nr "if $ratio <= $goal then \"PASS\" else \"FAIL\" end")
        [[ $verdict == PASS ]] || failed=1
        goal="<=$goal"
    else
        verdict=$note
    fi
    printf '%-52s %6.3f ms %6.3f ms %6.2f %12s %5s %s\n' \
        "$label" "$ma" "$mb" "$ratio" "$(round_spread "$a" "$b")" "$goal" "$verdict"
done
echo "(chaterr: $bin, $linking, from cargo xtask dist; list --json wrote $entries entries;"
echo " 'rounds' is the range of the ratio over the $ROUNDS rounds)"

# Peak memory: the largest max RSS of a few runs, as /usr/bin/time reports it (KiB).
max_rss_kib() {
    local worst=0 kib
    for _ in 1 2 3 4 5; do
        kib=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1)
        ((kib > worst)) && worst=$kib
    done
    echo "$worst"
}
echo
rss=$(max_rss_kib "$bin" lookup zego 6000103)
verdict=PASS
((rss <= RSS_GOAL_KIB)) || { verdict=FAIL; failed=1; }
printf 'peak RSS, chaterr lookup zego 6000103:   %6d KiB (goal <= %d KiB) %s\n' "$rss" "$RSS_GOAL_KIB" "$verdict"
printf 'peak RSS, chaterr search "token expired": %6d KiB (no goal)\n' "$(max_rss_kib "$bin" search "token expired")"
printf 'peak RSS, chaterr list --json:            %6d KiB (no goal)\n' "$(max_rss_kib "$bin" list --json)"
printf 'peak RSS, errno ENOENT:                   %6d KiB (reference)\n' "$(max_rss_kib errno ENOENT)"

size=$(stat -c %s "$bin")
echo
echo "shipped binary: $bin, $linking, $size bytes ($(jq -nr "$size / 1048576 * 100 | round / 100") MiB)"
size=$(stat -c %s "$dynamic")
echo "cargo build --release: $dynamic, dynamically linked, $size bytes ($(jq -nr "$size / 1048576 * 100 | round / 100") MiB)"

# A user catalogue of n generated entries, shaped like tests/common/mod.rs's
# generated_catalogue: one source, each entry a code, a name, a category and a description.
generate_catalogue() {
    awk -v n="$1" 'BEGIN {
        print "[source]\nid = \"big-backend\"\nvendor = \"bigco\"\ntitle = \"Generated\""
        for (i = 0; i < n; i++)
            printf "\n[[codes]]\ncode = %d\nname = \"BIG_ERROR_%d\"\ncategory = \"Group %d\"\ndescription = \"Backend failure number %d: the shard %d rejected the request.\"\n",
                10000000 + i, i, i % 100, i, i % 977
    }'
}

# Search with a user catalogue, loading included. The query matches every generated entry
# ("failure", "number"), so all of them are ranked: the expensive case.
user_catalogue() {
    local sizes=(1000 10000 100000) runs=${USER_RUNS:-10} n query='failure number 4242'
    local args=(-N --output=null --warmup 2 --runs "$runs" --style none)
    args+=(-n 0 "$bin --no-user-catalog search \"$query\"")
    for n in "${sizes[@]}"; do
        generate_catalogue "$n" >"$tmp/user-$n.toml"
        args+=(-n "$n" "$bin --no-user-catalog --catalog $tmp/user-$n.toml search \"$query\"")
    done
    "$bin" --no-user-catalog --catalog "$tmp/user-1000.toml" search "$query" >/dev/null ||
        { echo "bench.sh: search with a generated catalogue failed" >&2; exit 2; }
    echo
    echo "user catalogue: chaterr --catalog FILE search \"$query\", $ROUNDS rounds of $runs runs"
    for ((round = 1; round <= ROUNDS; round++)); do
        hyperfine "${args[@]}" --export-json "$tmp/user-round-$round.json" 2>"$tmp/stderr" ||
            { cat "$tmp/stderr" >&2; exit 2; }
    done
    jq -s '.' "$tmp"/user-round-*.json >"$tmp/all.json"
    local base t cost per previous=0 verdict
    base=$(median_ms 0)
    printf '%-10s %11s %14s %16s\n' entries median "minus no-file" "per 1k entries"
    printf '%-10s %8.2f ms\n' none "$base"
    for n in "${sizes[@]}"; do
        t=$(median_ms "$n")
        cost=$(jq -n "$t - $base")
        per=$(jq -n "$cost / $n * 1000")
        printf '%-10s %8.2f ms %11.2f ms %13.3f ms\n' "$n" "$t" "$cost" "$per"
        # Linear or better: the cost of a thousand entries does not rise as the file grows
        # (20% allowed for noise).
        if [[ $previous != 0 ]] && jq -ne "$per > $previous * 1.2" >/dev/null; then
            grew_faster=1
        fi
        previous=$per
    done
    verdict=PASS
    jq -ne "$t < 500" >/dev/null || { verdict=FAIL; failed=1; }
    printf 'search with 100,000 entries, loading included: %.0f ms (goal < 500 ms) %s\n' "$t" "$verdict"
    if ((${grew_faster:-0})); then
        verdict=FAIL failed=1
    else
        verdict=PASS
    fi
    echo "cost per entry from 1k to 100k: linear or better (per-1k cost rising at most 20%) $verdict"
}
user_catalogue

# scan over a generated Android-style log: 200 MiB, a Tencent SDK error every 20th line, the
# others ordinary app lines full of numbers (ids, ports, sizes, durations, pids) that are not
# codes. Goal: at least 150 MB/s; memory flat (peak RSS reported).
scan_throughput() {
    local runs=${SCAN_RUNS:-5} log="$tmp/scan.log" size mib=${SCAN_MIB:-200}
    scripts/gen-log.sh "$mib" >"$log"
    size=$(stat -c %s "$log")
    "$bin" --no-user-catalog scan -o "$log" >/dev/null ||
        { echo "bench.sh: scan of the generated log found nothing" >&2; exit 2; }
    echo
    echo "scan: $(jq -nr "$size / 1048576 | round") MiB log, a code every 20 lines, $runs runs each"
    hyperfine -N --output=null --warmup 1 --runs "$runs" --style none \
        -n annotate "$bin --no-user-catalog scan $log" \
        -n only-matching "$bin --no-user-catalog scan -o $log" \
        -n summary "$bin --no-user-catalog scan --summary $log" \
        --export-json "$tmp/scan.json" 2>"$tmp/stderr" || { cat "$tmp/stderr" >&2; exit 2; }
    local name median rate verdict
    for name in annotate only-matching summary; do
        median=$(jq -r --arg n "$name" '.results[] | select(.command == $n) | .median' "$tmp/scan.json")
        rate=$(jq -n "$size / $median / 1000000")
        verdict=PASS
        jq -ne "$rate >= 150" >/dev/null || { verdict=FAIL; failed=1; }
        printf 'scan %-14s median %7.3f s  %7.1f MB/s (goal >= 150 MB/s) %s\n' "$name" "$median" "$rate" "$verdict"
    done
    printf 'peak RSS, chaterr scan of the %d MiB log: %d KiB\n' "$(jq -nr "$size / 1048576 | round")" \
        "$(max_rss_kib "$bin" --no-user-catalog scan -o "$log")"
}
scan_throughput

echo
if ((failed)); then
    echo "result: some goals are not met"
else
    echo "result: every goal is met"
fi
exit "$failed"
