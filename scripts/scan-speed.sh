#!/usr/bin/env bash
# scan's reading speed against `grep -c code` on the same generated log, in the same run (the
# goal of issue 16: scan at no less than half grep's speed). The log is bench.sh's: Android-style
# lines, a Tencent SDK error every 20th line, the others ordinary app lines full of numbers.
#
#   scripts/scan-speed.sh                 100 MiB log, 5 runs each, target/release/chaterr
#   SCAN_MIB=200 SCAN_RUNS=10 BIN=target/dist/chaterr scripts/scan-speed.sh
#
# Prints MB/s of each command and the ratio scan / grep; exit 1 when a ratio is under 0.5.
set -euo pipefail
cd "$(dirname "$0")/.."
mib=${SCAN_MIB:-100} runs=${SCAN_RUNS:-5} bin=${BIN:-target/release/chaterr}
for tool in hyperfine jq grep; do
    command -v "$tool" >/dev/null || { echo "scan-speed.sh: $tool missing (apt-get install hyperfine jq)" >&2; exit 2; }
done
[[ -x $bin ]] || { echo "scan-speed.sh: no $bin: cargo build --release" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log=$tmp/scan.log
scripts/gen-log.sh "$mib" >"$log"
size=$(stat -c %s "$log")
export XDG_CONFIG_HOME=$tmp/config
cat "$log" >/dev/null # into the page cache
echo "log: $((size / 1048576)) MiB, a code every 20 lines; $runs runs each; $bin; load $(cut -d' ' -f1 /proc/loadavg)"
hyperfine -N --output=pipe --warmup 1 --runs "$runs" --style none \
    -n "grep -c code" "grep -c code $log" \
    -n "scan -o" "$bin --no-user-catalog scan -o $log" \
    -n "scan --summary" "$bin --no-user-catalog scan --summary $log" \
    -n "scan --json" "$bin --no-user-catalog scan --json $log" \
    -n "scan (annotate)" "$bin --no-user-catalog scan $log" \
    --export-json "$tmp/speed.json" 2>/dev/null
grep_s=$(jq -r '.results[] | select(.command == "grep -c code") | .median' "$tmp/speed.json")
failed=0
for name in "grep -c code" "scan -o" "scan --summary" "scan --json" "scan (annotate)"; do
    median=$(jq -r --arg n "$name" '.results[] | select(.command == $n) | .median' "$tmp/speed.json")
    ratio=$(jq -n "$grep_s / $median")
    verdict=""
    if [[ $name == scan* ]]; then
        verdict=$(jq -nr "if $ratio >= 0.5 then \"PASS\" else \"FAIL\" end")
        [[ $verdict == PASS ]] || failed=1
        verdict="ratio to grep $(printf %.2f "$ratio") (goal >= 0.5) $verdict"
    fi
    printf '%-16s median %7.3f s %8.1f MB/s  %s\n' "$name" "$median" "$(jq -n "$size / $median / 1000000")" "$verdict"
done
if [[ -x /usr/bin/time ]]; then
    printf 'peak RSS, scan -o: %s KiB\n' "$(/usr/bin/time -f %M "$bin" --no-user-catalog scan -o "$log" 2>&1 >/dev/null | tail -1)"
fi
exit "$failed"
