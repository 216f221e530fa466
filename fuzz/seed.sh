#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the project's own files (codes/*.toml, tests/logs/*.log), so a
# fresh checkout needs no committed corpus. Safe to run again: it only adds files.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/catalogue_file corpus/scan corpus/query

# catalogue_file: the head of each catalogue and symbol file (its table and first four entries;
# whole files are 30-80 KB and slow the fuzzer down), and one file using every key.
for f in ../codes/*.toml ../codes/symbols/*.toml; do
    awk '/^\[\[/ { n++ } n < 5' "$f" > "corpus/catalogue_file/seed-$(basename "$f")"
done
cat > corpus/catalogue_file/seed-every-key.toml <<'TOML'
[source]
id = "acme-chat"
vendor = "acme"
title = "Acme Chat error codes"
edition = "2024-05"
url = "https://example.com/errors"

[[codes]]
code = -1
description = ""

[[codes]]
code = 10
code_end = 20
name = "RANGE"
part = "Client"
category = "Network"
description = """A range,
over two lines."""
reason = 'literal'
action = "Retry."
note = "ü ✓"

[[codes]]
code = 0x7fffffff
description = "Hex."
TOML

# scan: two header bytes (how the input is read; whether it is repeated past MAX_PIECE), then
# the log. One copy of each log is also repeated into a long line.
for f in ../tests/logs/*.log; do
    name=$(basename "$f" .log)
    { printf '\x05\x00'; cat "$f"; } > "corpus/scan/seed-$name"
    { printf '\x2a\x1f'; tr '\n' ' ' < "$f"; } > "corpus/scan/seed-$name-long"
done

# The long-line finding of docs/FUZZING.md: repeated into a line over 1 MiB, with a `code` of
# `barcode` right at the first cut.
printf '\x00\x03barcode=6014 ..........' > corpus/scan/seed-barcode-cut

# query: one header byte (mode, case, limit), then the query.
i=0
for q in 6000103 -10001 USER_NOT_LOGIN 'token expired' 'kick*ed (off|out)' 'sig' 'rate limit' 'frend not found'; do
    for mode in '\x00' '\x01' '\x06'; do
        printf "${mode}%s" "$q" > "corpus/query/seed-$i"
        i=$((i + 1))
    done
done
