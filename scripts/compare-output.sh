#!/usr/bin/env bash
# Runs a fixed battery of chaterr commands with two binaries and shows every difference in what
# they print: how a refactor proves that what users see is byte for byte what it was.
#
#   scripts/compare-output.sh OLD_BIN NEW_BIN
#   e.g. git worktree add ../before main && (cd ../before && cargo build)
#        scripts/compare-output.sh ../before/target/debug/chaterr target/debug/chaterr
#
# The battery: every command, help page and usage error; each query in every --format (table,
# plain, json), with and without --color always, and the colour variables; error cases with
# their exit statuses; user catalogues (flag, CHATERR_CATALOG, config dir, broken files);
# completion scripts, static and dynamic; scan in each mode over tests/logs and stdin.
#
# Each case runs from the repository's root in an empty environment (PATH, an empty HOME and
# config dir, COLUMNS=100, LANG=C.UTF-8), with stdin closed unless it pipes, and the binary
# copied to the same path for both sides, so that argv[0] and the binary's own path (which the
# dynamic completion script prints) are the same. Stdout, stderr and the exit status are
# compared; each case that differs is shown as `diff -u` of the two (escape characters as \e).
#
# Exit status: 0 every case the same, 1 some case differs, 2 a usage error.

set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: $0 OLD_BIN NEW_BIN" >&2
    exit 2
fi
for bin in "$1" "$2"; do
    if [[ ! -f $bin || ! -x $bin ]]; then
        echo "compare-output.sh: $bin is not an executable file" >&2
        exit 2
    fi
done
old=$(realpath "$1")
new=$(realpath "$2")
cd "$(dirname "$0")/.."
root=$(pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/home" "$work/config" "$work/fixtures/broken-config/chaterr/codes" \
    "$work/fixtures/user-config/chaterr/codes"
fixtures=$work/fixtures

# ---- fixtures: user catalogues ------------------------------------------------------------

cat >"$fixtures/zego-override.toml" <<'EOF'
[source]
id = "zego-zim"
vendor = "zego"

[[codes]]
code = 6000103
description = "Our own words."
note = "Our correction."

[[codes]]
code = 6000105
description = "Request timed out."
EOF

cat >"$fixtures/acme.toml" <<'EOF'
[source]
id = "acme-backend"
vendor = "acme"
title = "Acme backend"

[[codes]]
code = 42
name = "ACME_ANSWER"
description = "The backend's answer to everything."

[[codes]]
code = 6015
description = "Acme's own 6015."
EOF

cat >"$fixtures/bad.toml" <<'EOF'
[source]
id = "Bad"
vendor = "x"
colour = 1

[[codes]]
description = "no code"

[[codes]]
code = 9
code_end = 3
description = ""

[[codes]]
code = 40
description = ""

[[codes]]
code = 40
description = 7
EOF

printf '[source\nid = 1\n' >"$fixtures/syntax.toml"
cp "$fixtures/bad.toml" "$fixtures/broken-config/chaterr/codes/bad.toml"
cp "$fixtures/zego-override.toml" "$fixtures/user-config/chaterr/codes/zego.toml"

# ---- the battery: one shell command line per case -----------------------------------------

cases() {
    local c f fmt color
    # Help pages and version.
    echo 'chaterr'
    echo 'chaterr --help'
    echo 'chaterr -h'
    echo 'chaterr --version'
    echo 'chaterr help'
    for c in lookup search list sources diff scan check completions; do
        echo "chaterr $c --help"
        echo "chaterr $c -h"
        echo "chaterr help $c"
    done

    # Queries, in every format, with and without colour.
    local queries=(
        'lookup zego 6000103'
        'lookup 6000103'
        'lookup 6015'
        'lookup tencent 7005'
        'lookup tim 6014'
        'lookup agora 403'
        'lookup agora USER_NOT_LOGIN'
        'lookup ZIMErrorCodeNetworkModuleTokenInvalid'
        'lookup tencent err_sdk_not_logged_in'
        'lookup AgoraChatErrorUserNotLogin 6000103'
        'lookup zego 6000105'
        'lookup zego 6000105 --documented-only'
        'lookup agora 108'
        'lookup zego-server 1'
        'lookup tencent-chat -10001'
        'lookup tencent-chat 125000'
        'lookup tencent-chat 6014'
        'lookup zego-zim 6000803'
        'lookup zego 6000120'
        'search "token expired"'
        'search tokne expird'
        'search "user kicked out" --limit 4'
        'search token --vendor agora --limit 3'
        'search -F UserSig --limit 0'
        'search -F -i usersig --limit 0'
        'search -e "^Token (is|has)" --limit 0'
        'search renewToken'
        'search getaddrinfo --limit 0'
        'search networkModuleRequestTimeout --limit 0 --documented-only'
        'list'
        'list --documented-only'
        'list agora'
        'list tencent --range 8500..8599'
        'list --range 125000..125000'
        'list zego-zim --category LOGIN'
        'list zego-sdk'
        'sources'
        'diff tencent-im tencent-chat'
        'diff zego zego'
        "diff zego-zim $fixtures/zego-override.toml"
        'scan tests/logs/agora-ios.log tests/logs/tencent-rest.log tests/logs/zim-android.log tests/logs/binary.log'
        'scan --summary tests/logs/agora-ios.log tests/logs/tencent-rest.log tests/logs/zim-android.log'
        "check codes/zego-zim.toml $fixtures/acme.toml"
        "check $fixtures/bad.toml $fixtures/syntax.toml"
    )
    for q in "${queries[@]}"; do
        for fmt in table plain json; do
            for color in '' ' --color always'; do
                echo "chaterr $q --format $fmt$color"
            done
        done
        echo "chaterr $q"
    done

    # Colour from the environment, and its order of precedence.
    for f in 'lookup zego 6000103 --format table' 'search renewToken --format table' \
        'scan tests/logs/agora-ios.log'; do
        echo "CLICOLOR_FORCE=1 chaterr $f"
        echo "NO_COLOR=1 chaterr $f --color always"
        echo "CLICOLOR_FORCE=1 NO_COLOR=1 chaterr $f"
        echo "CLICOLOR_FORCE=1 chaterr $f --color never"
        echo "chaterr $f --color auto"
    done
    echo 'COLUMNS=60 chaterr lookup zego 6000103 --format table'
    echo 'COLUMNS=200 chaterr sources --format table'
    echo 'chaterr --json lookup agora 201'

    # Standard input and pipes.
    echo 'printf "201\n 202\t203 " | chaterr lookup agora -'
    echo 'printf "201\n 202\t203 " | chaterr lookup agora - --json'
    echo 'set -o pipefail; chaterr list | head -1'

    # Scan, every mode, over the logs and stdin.
    for f in tests/logs/*.log; do
        for c in '' '-o' '--json' '--summary' '--summary --format table' '--color always' \
            '-o --color always' '--vendor tencent-im'; do
            echo "chaterr scan $c $f"
        done
    done
    echo 'chaterr scan tests/logs/zim-android.log - tests/logs/agora-ios.log --json <tests/logs/agora-ios.log'
    echo 'printf "[ZIM] callback code=6014\n" | chaterr scan'
    echo 'printf "[ZIM] callback code=6014\n" | chaterr scan --vendor tencent-im --json'
    echo 'printf "request failed code=6015\n" | chaterr scan --json'
    echo 'printf "code=6014\nI/TIMManager: code=6014\nerr=201 [EMClient]\ncode=6014\n" | chaterr scan --summary --format table'
    echo 'printf "E/ZIM: error: ZIMErrorCodeNetworkModuleTokenInvalid\nE/TIM: ERR_SDK_NOT_LOGGED_IN(6014)\n" | chaterr scan -o'
    echo 'printf "nothing to see, ret=0\n" | chaterr scan'
    echo 'chaterr scan -o /nonexistent.log tests/logs/zim-android.log'

    # Errors and their exit statuses.
    local errors=(
        'lookup'
        'lookup zego'
        'lookup zeg 6000103'
        'lookup zego 12ab'
        'lookup zego 99999999999999999999'
        'lookup nosuchvendor 1'
        'lookup zego ERR_SDK_NOT_LOGGED_IN'
        'lookup zego networkModuleTokenInvalidd'
        'frobnicate'
        'list --format yaml'
        'list --color sometimes'
        'list --range 9..1'
        'list --range a..b'
        'list agora --range 999999..1000000'
        'search " "'
        'search -e "(unclosed"'
        'search zzzzqqqq'
        'search token --vendor zeg'
        'diff zego'
        'diff zego /nonexistent.toml'
        "diff zego $fixtures/bad.toml"
        'check'
        'check /nonexistent.toml'
        'scan --vendor zeg </dev/null'
        'completions'
        'completions tcsh'
        '--catalog /nonexistent/y.toml lookup 1'
    )
    for c in "${errors[@]}"; do
        echo "chaterr $c"
        echo "chaterr $c --json"
    done
    echo 'CHATERR_CATALOG=/nonexistent/x.toml chaterr lookup 1'

    # User catalogues: each place one is found, precedence, a broken one.
    local user=(
        "--catalog $fixtures/zego-override.toml lookup zego 6000103"
        "--catalog $fixtures/zego-override.toml lookup zego 6000105"
        "--catalog $fixtures/zego-override.toml sources"
        "--catalog $fixtures/acme.toml lookup 6015"
        "--catalog $fixtures/acme.toml lookup ACME_ANSWER"
        "--catalog $fixtures/acme.toml search \"answer to everything\""
        "--catalog $fixtures/acme.toml list acme"
        "--catalog $fixtures/acme.toml sources"
    )
    for c in "${user[@]}"; do
        for fmt in table plain json; do
            echo "chaterr $c --format $fmt"
        done
    done
    echo "CHATERR_CATALOG=$fixtures/acme.toml:$fixtures/zego-override.toml chaterr sources"
    echo "CHATERR_CATALOG=$fixtures/acme.toml chaterr --no-user-catalog lookup 6015"
    echo "XDG_CONFIG_HOME=$fixtures/user-config chaterr lookup zego 6000103 --format table"
    echo "XDG_CONFIG_HOME=$fixtures/user-config CHATERR_CATALOG=$fixtures/acme.toml chaterr sources --json"
    for c in 'lookup zego 6000103' 'search token' 'list' 'sources' 'diff zego tencent' \
        '--no-user-catalog lookup zego 6000103' 'completions bash'; do
        echo "XDG_CONFIG_HOME=$fixtures/broken-config chaterr $c"
    done

    # Completion: the static scripts, the dynamic registration, and dynamic answers.
    for c in bash elvish fish powershell zsh; do
        echo "chaterr completions $c"
    done
    for c in bash zsh fish elvish powershell; do
        echo "COMPLETE=$c chaterr"
    done
    local dynamic=(
        'chaterr lookup agora USER_NOT_LO'
        'chaterr lookup zego 600010'
        'chaterr lookup tenc'
        'chaterr lo'
        'chaterr search --vendor t'
        'chaterr --format '
    )
    local words index
    for c in "${dynamic[@]}"; do
        # The word being completed: the last one, or a new empty one after a space.
        read -r -a words <<<"$c"
        index=$((${#words[@]} - 1))
        if [[ $c == *' ' ]]; then
            c="$c''"
            index=$((index + 1))
        fi
        echo "_CLAP_IFS=, _CLAP_COMPLETE_INDEX=$index COMPLETE=bash chaterr -- $c"
        echo "COMPLETE=fish chaterr -- $c"
    done
}

# ---- run both sides -------------------------------------------------------------------------

cases >"$work/cases"
total=$(wc -l <"$work/cases")

run_side() {
    local side=$1 bin=$2 i=0 line
    mkdir -p "$work/$side"
    cp "$bin" "$work/bin/chaterr"
    while IFS= read -r line; do
        i=$((i + 1))
        local out=$work/$side/$i
        set +e
        env -i PATH="$work/bin:/usr/local/bin:/usr/bin:/bin" HOME="$work/home" \
            XDG_CONFIG_HOME="$work/config" COLUMNS=100 LANG=C.UTF-8 \
            bash -c "$line" >"$out.stdout" 2>"$out.stderr" </dev/null
        echo "exit status $?" >"$out.status"
        set -e
    done <"$work/cases"
}

run_side old "$old"
run_side new "$new"

# ---- compare --------------------------------------------------------------------------------

differ=0
i=0
while IFS= read -r line; do
    i=$((i + 1))
    same=1
    for part in status stdout stderr; do
        if ! cmp -s "$work/old/$i.$part" "$work/new/$i.$part"; then
            if ((same)); then
                echo "=== case $i differs: $line"
                same=0
            fi
            # Escape characters shown as \e, so that colour codes are read, not obeyed.
            diff -u --text --label "old $part" --label "new $part" \
                "$work/old/$i.$part" "$work/new/$i.$part" | sed 's/\x1b/\\e/g' || true
        fi
    done
    ((same)) || differ=$((differ + 1))
done <"$work/cases"

if ((differ)); then
    echo "compare-output.sh: $differ of $total cases differ (old: $old, new: $new)"
    exit 1
fi
echo "compare-output.sh: all $total cases the same (old: $old, new: $new)"
