#!/usr/bin/env bash
# Writes an Android-style log of about MIB mebibytes to standard output, a Tencent SDK error
# every 20th line: the input of the scan timings in bench.sh and scan-speed.sh.
#   scripts/gen-log.sh MIB > file
set -euo pipefail
mib=${1:?usage: scripts/gen-log.sh MIB}
awk -v target=$((mib * 1048576)) 'BEGIN {
    split("6000103 70001 6014 201 6015 -10001 6206 2 7005", codes, " ")
    f[0] = "I/ChatActivity: message list refreshed, 42 items, took 17ms, user=alice room=8812"
    f[1] = "D/Network: GET https://api.example.com/v1/conversations?page=3 200 OK in 88ms (1432 bytes)"
    f[2] = "V/Render: frame 1882 drawn, 16.6ms budget, 0 dropped, pid=4242 tid=4250"
    while (bytes < target) {
        if (i % 20 == 0) line = sprintf("2024-05-01 12:00:%02d.%03d E/TIMManager: onError code=%s desc=operation failed", i % 60, i % 1000, codes[i % 9 + 1])
        else line = sprintf("2024-05-01 12:00:%02d.%03d %s", i % 60, i % 1000, f[i % 3])
        print line
        bytes += length(line) + 1
        i++
    }
}'
