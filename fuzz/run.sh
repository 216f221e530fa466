#!/usr/bin/env bash
# Runs one fuzz target for a while: fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags...]
# TARGET is catalogue_file, scan or query; SECONDS defaults to 600. Seeds the corpus first.
#
# No sanitizer: chaterr is safe Rust, the checks that matter here (panics, overflow, assertions)
# need none, the targets run 2-10 times faster without ASan, and the build needs no nightly -Z
# flag, so the stable toolchain builds it as it is.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh catalogue_file|scan|query [SECONDS] [libFuzzer flags...]}
seconds=${2:-600}
shift $(( $# < 2 ? $# : 2 ))
case $target in
    catalogue_file) dict=catalogue ;;
    scan | query) dict=$target ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
esac
./seed.sh
exec cargo fuzz run --sanitizer none "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 \
    -dict="dicts/$dict.dict" -print_final_stats=1 "$@"
