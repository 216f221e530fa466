# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_chaterr_global_optspecs
    string join \n format= json color= catalog= no-user-catalog h/help V/version
end

function __fish_chaterr_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_chaterr_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_chaterr_using_subcommand
    set -l cmd (__fish_chaterr_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c chaterr -n "__fish_chaterr_needs_command" -l format -d 'Output format [default: table on a terminal, plain otherwise]' -r -f -a "table\t'Tables and cards, wrapped to the terminal'
plain\t'Tab-separated lines, one entry per line, for grep, cut and awk'
json\t'JSON (see docs/json.md)'"
complete -c chaterr -n "__fish_chaterr_needs_command" -l color -d 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_needs_command" -l catalog -d 'Also read this catalogue file or folder of *.toml (repeatable; later wins)' -r -F
complete -c chaterr -n "__fish_chaterr_needs_command" -l json -d 'Short for --format json'
complete -c chaterr -n "__fish_chaterr_needs_command" -l no-user-catalog -d 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
complete -c chaterr -n "__fish_chaterr_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chaterr -n "__fish_chaterr_needs_command" -s V -l version -d 'Print version'
complete -c chaterr -n "__fish_chaterr_needs_command" -f -a "lookup" -d 'Explain codes: the vendor\'s text for each, from every vendor that defines it'
complete -c chaterr -n "__fish_chaterr_needs_command" -f -a "search" -d 'Search codes, names and texts, best match first'
complete -c chaterr -n "__fish_chaterr_needs_command" -f -a "list" -d 'List entries in code order'
complete -c chaterr -n "__fish_chaterr_needs_command" -f -a "sources" -d 'List the vendor documents in the catalogue'
complete -c chaterr -n "__fish_chaterr_needs_command" -f -a "diff" -d 'Compare two catalogues: vendors, source ids or catalogue files'
complete -c chaterr -n "__fish_chaterr_needs_command" -f -a "scan" -d 'Explain every error code in logs (standard input when no file is given)'
complete -c chaterr -n "__fish_chaterr_needs_command" -f -a "concepts" -d 'The same problem across vendors: chaterr\'s concepts and each vendor\'s codes for them'
complete -c chaterr -n "__fish_chaterr_needs_command" -f -a "check" -d 'Validate catalogue files, reporting every problem as file:line:column'
complete -c chaterr -n "__fish_chaterr_needs_command" -f -a "gen" -d 'Write the catalogue as code: an enumeration per source, in your app\'s language'
complete -c chaterr -n "__fish_chaterr_needs_command" -f -a "mcp" -d 'Serve the catalogue to coding agents over MCP (Model Context Protocol) on stdio'
complete -c chaterr -n "__fish_chaterr_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c chaterr -n "__fish_chaterr_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chaterr -n "__fish_chaterr_using_subcommand lookup" -l lang -d 'The language to read: en or zh [default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh]' -r -f -a "en\t''
zh\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand lookup" -l platform -d 'That platform\'s numbering and pages (Agora Web numbers its errors differently)' -r -f -a "android\t''
ios\t''
unity\t''
web\t''
server\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand lookup" -l format -d 'Output format [default: table on a terminal, plain otherwise]' -r -f -a "table\t'Tables and cards, wrapped to the terminal'
plain\t'Tab-separated lines, one entry per line, for grep, cut and awk'
json\t'JSON (see docs/json.md)'"
complete -c chaterr -n "__fish_chaterr_using_subcommand lookup" -l color -d 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand lookup" -l catalog -d 'Also read this catalogue file or folder of *.toml (repeatable; later wins)' -r -F
complete -c chaterr -n "__fish_chaterr_using_subcommand lookup" -l documented-only -d 'Leave out codes the vendor\'s documents do not describe (defined only by an SDK)'
complete -c chaterr -n "__fish_chaterr_using_subcommand lookup" -l all-editions -d 'Every edition\'s entry, not just the newest in your language (older ones where they differ)'
complete -c chaterr -n "__fish_chaterr_using_subcommand lookup" -l json -d 'Short for --format json'
complete -c chaterr -n "__fish_chaterr_using_subcommand lookup" -l no-user-catalog -d 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
complete -c chaterr -n "__fish_chaterr_using_subcommand lookup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chaterr -n "__fish_chaterr_using_subcommand lookup" -s V -l version -d 'Print version'
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l vendor -d 'Only this vendor or source id' -r -f -a "agora\t''
tencent\t''
zego\t''
agora-chat-android\t''
agora-chat-ios\t''
agora-chat-unity\t''
agora-chat-web\t''
agora-chat\t''
tencent-chat\t''
tencent-im\t''
zego-server-en\t''
zego-server-zh\t''
zego-server\t''
zego-zim-en\t''
zego-zim-zh\t''
zego-zim\t''
zego-zpns-en\t''
zego-zpns-zh\t''
agora-sdk\t''
tencent-sdk\t''
zego-sdk\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -s n -l limit -d 'At most this many results (0: no limit)' -r
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l class -d 'Only entries of this kind of failure (chaterr\'s classification)' -r -f -a "auth\t''
permission\t''
invalid_argument\t''
not_found\t''
conflict\t''
limit\t''
rate_limit\t''
plan\t''
state\t''
network\t''
server\t''
content\t''
client\t''
unknown\t''
success\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l retry -d 'Only entries with this retry advice (chaterr\'s classification)' -r -f -a "backoff\t''
relogin\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l concept -d 'Only entries of this problem, the same across vendors (see `chaterr concepts`)' -r
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l lang -d 'The language to read: en or zh [default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh]' -r -f -a "en\t''
zh\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l platform -d 'That platform\'s numbering and pages (Agora Web numbers its errors differently)' -r -f -a "android\t''
ios\t''
unity\t''
web\t''
server\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l format -d 'Output format [default: table on a terminal, plain otherwise]' -r -f -a "table\t'Tables and cards, wrapped to the terminal'
plain\t'Tab-separated lines, one entry per line, for grep, cut and awk'
json\t'JSON (see docs/json.md)'"
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l color -d 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l catalog -d 'Also read this catalogue file or folder of *.toml (repeatable; later wins)' -r -F
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -s F -l fixed-strings -d 'Match QUERY as a literal substring, like grep -F'
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -s e -l regex -d 'Match QUERY as a regular expression, like grep -e'
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -s i -l ignore-case -d 'Ignore case with -F or -e (ranked search always does)'
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l documented-only -d 'Leave out codes the vendor\'s documents do not describe (defined only by an SDK)'
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l explain -d 'Say why each result ranked: its tier, its score\'s parts, and the query words it matched in which text (the vendor\'s or chaterr\'s own words)'
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l all-editions -d 'Every edition\'s entry, not just the newest in your language (older ones where they differ)'
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l json -d 'Short for --format json'
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -l no-user-catalog -d 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chaterr -n "__fish_chaterr_using_subcommand search" -s V -l version -d 'Print version'
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l category -d 'Only entries whose category contains TEXT (case-insensitive)' -r
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l range -d 'Only codes in LOW..HIGH (inclusive; LOW.. and ..HIGH are open)' -r
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l class -d 'Only entries of this kind of failure (chaterr\'s classification)' -r -f -a "auth\t''
permission\t''
invalid_argument\t''
not_found\t''
conflict\t''
limit\t''
rate_limit\t''
plan\t''
state\t''
network\t''
server\t''
content\t''
client\t''
unknown\t''
success\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l retry -d 'Only entries with this retry advice (chaterr\'s classification)' -r -f -a "backoff\t''
relogin\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l concept -d 'Only entries of this problem, the same across vendors (see `chaterr concepts`)' -r
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l lang -d 'The language to read: en or zh [default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh]' -r -f -a "en\t''
zh\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l platform -d 'That platform\'s numbering and pages (Agora Web numbers its errors differently)' -r -f -a "android\t''
ios\t''
unity\t''
web\t''
server\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l format -d 'Output format [default: table on a terminal, plain otherwise]' -r -f -a "table\t'Tables and cards, wrapped to the terminal'
plain\t'Tab-separated lines, one entry per line, for grep, cut and awk'
json\t'JSON (see docs/json.md)'"
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l color -d 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l catalog -d 'Also read this catalogue file or folder of *.toml (repeatable; later wins)' -r -F
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l documented-only -d 'Leave out codes the vendor\'s documents do not describe (defined only by an SDK)'
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l all-editions -d 'Every edition\'s entry, not just the newest in your language (older ones where they differ)'
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l json -d 'Short for --format json'
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -l no-user-catalog -d 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chaterr -n "__fish_chaterr_using_subcommand list" -s V -l version -d 'Print version'
complete -c chaterr -n "__fish_chaterr_using_subcommand sources" -l format -d 'Output format [default: table on a terminal, plain otherwise]' -r -f -a "table\t'Tables and cards, wrapped to the terminal'
plain\t'Tab-separated lines, one entry per line, for grep, cut and awk'
json\t'JSON (see docs/json.md)'"
complete -c chaterr -n "__fish_chaterr_using_subcommand sources" -l color -d 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand sources" -l catalog -d 'Also read this catalogue file or folder of *.toml (repeatable; later wins)' -r -F
complete -c chaterr -n "__fish_chaterr_using_subcommand sources" -l json -d 'Short for --format json'
complete -c chaterr -n "__fish_chaterr_using_subcommand sources" -l no-user-catalog -d 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
complete -c chaterr -n "__fish_chaterr_using_subcommand sources" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chaterr -n "__fish_chaterr_using_subcommand sources" -s V -l version -d 'Print version'
complete -c chaterr -n "__fish_chaterr_using_subcommand diff" -l format -d 'Output format [default: table on a terminal, plain otherwise]' -r -f -a "table\t'Tables and cards, wrapped to the terminal'
plain\t'Tab-separated lines, one entry per line, for grep, cut and awk'
json\t'JSON (see docs/json.md)'"
complete -c chaterr -n "__fish_chaterr_using_subcommand diff" -l color -d 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand diff" -l catalog -d 'Also read this catalogue file or folder of *.toml (repeatable; later wins)' -r -F
complete -c chaterr -n "__fish_chaterr_using_subcommand diff" -l json -d 'Short for --format json'
complete -c chaterr -n "__fish_chaterr_using_subcommand diff" -l no-user-catalog -d 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
complete -c chaterr -n "__fish_chaterr_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chaterr -n "__fish_chaterr_using_subcommand diff" -s V -l version -d 'Print version'
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -l vendor -d 'Only this vendor\'s or source\'s codes (lines naming another SDK narrow no further)' -r -f -a "agora\t''
tencent\t''
zego\t''
agora-chat-android\t''
agora-chat-ios\t''
agora-chat-unity\t''
agora-chat-web\t''
agora-chat\t''
tencent-chat\t''
tencent-im\t''
zego-server-en\t''
zego-server-zh\t''
zego-server\t''
zego-zim-en\t''
zego-zim-zh\t''
zego-zim\t''
zego-zpns-en\t''
zego-zpns-zh\t''
agora-sdk\t''
tencent-sdk\t''
zego-sdk\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -l lang -d 'The language to read: en or zh [default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh]' -r -f -a "en\t''
zh\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -l platform -d 'That platform\'s numbering and pages (Agora Web numbers its errors differently)' -r -f -a "android\t''
ios\t''
unity\t''
web\t''
server\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -l format -d 'Output format [default: table on a terminal, plain otherwise]' -r -f -a "table\t'Tables and cards, wrapped to the terminal'
plain\t'Tab-separated lines, one entry per line, for grep, cut and awk'
json\t'JSON (see docs/json.md)'"
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -l color -d 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -l catalog -d 'Also read this catalogue file or folder of *.toml (repeatable; later wins)' -r -F
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -s o -l only-matching -d 'Print only the lines with codes'
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -s s -l summary -d 'Print a table of the codes found, with counts, instead of the lines'
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -l known-only -d 'Leave out codes the catalogue does not have (found after a key in a chat SDK\'s line)'
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -l all-editions -d 'Every edition\'s entry, not just the newest in your language (older ones where they differ)'
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -l json -d 'Short for --format json'
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -l no-user-catalog -d 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chaterr -n "__fish_chaterr_using_subcommand scan" -s V -l version -d 'Print version'
complete -c chaterr -n "__fish_chaterr_using_subcommand concepts" -l format -d 'Output format [default: table on a terminal, plain otherwise]' -r -f -a "table\t'Tables and cards, wrapped to the terminal'
plain\t'Tab-separated lines, one entry per line, for grep, cut and awk'
json\t'JSON (see docs/json.md)'"
complete -c chaterr -n "__fish_chaterr_using_subcommand concepts" -l color -d 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand concepts" -l catalog -d 'Also read this catalogue file or folder of *.toml (repeatable; later wins)' -r -F
complete -c chaterr -n "__fish_chaterr_using_subcommand concepts" -l shared -d 'Only concepts that two or more vendors share'
complete -c chaterr -n "__fish_chaterr_using_subcommand concepts" -l json -d 'Short for --format json'
complete -c chaterr -n "__fish_chaterr_using_subcommand concepts" -l no-user-catalog -d 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
complete -c chaterr -n "__fish_chaterr_using_subcommand concepts" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chaterr -n "__fish_chaterr_using_subcommand concepts" -s V -l version -d 'Print version'
complete -c chaterr -n "__fish_chaterr_using_subcommand check" -l format -d 'Output format [default: table on a terminal, plain otherwise]' -r -f -a "table\t'Tables and cards, wrapped to the terminal'
plain\t'Tab-separated lines, one entry per line, for grep, cut and awk'
json\t'JSON (see docs/json.md)'"
complete -c chaterr -n "__fish_chaterr_using_subcommand check" -l color -d 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand check" -l catalog -d 'Also read this catalogue file or folder of *.toml (repeatable; later wins)' -r -F
complete -c chaterr -n "__fish_chaterr_using_subcommand check" -l json -d 'Short for --format json'
complete -c chaterr -n "__fish_chaterr_using_subcommand check" -l no-user-catalog -d 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
complete -c chaterr -n "__fish_chaterr_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chaterr -n "__fish_chaterr_using_subcommand check" -s V -l version -d 'Print version'
complete -c chaterr -n "__fish_chaterr_using_subcommand gen" -s o -l output -d 'Write to FILE instead of standard output' -r -F
complete -c chaterr -n "__fish_chaterr_using_subcommand gen" -l package -d 'The package the file declares (Go: `chaterr` when not given; Java, Kotlin, Dart: none)' -r
complete -c chaterr -n "__fish_chaterr_using_subcommand gen" -l format -d 'Output format [default: table on a terminal, plain otherwise]' -r -f -a "table\t'Tables and cards, wrapped to the terminal'
plain\t'Tab-separated lines, one entry per line, for grep, cut and awk'
json\t'JSON (see docs/json.md)'"
complete -c chaterr -n "__fish_chaterr_using_subcommand gen" -l color -d 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand gen" -l catalog -d 'Also read this catalogue file or folder of *.toml (repeatable; later wins)' -r -F
complete -c chaterr -n "__fish_chaterr_using_subcommand gen" -l json -d 'Short for --format json'
complete -c chaterr -n "__fish_chaterr_using_subcommand gen" -l no-user-catalog -d 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
complete -c chaterr -n "__fish_chaterr_using_subcommand gen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chaterr -n "__fish_chaterr_using_subcommand gen" -s V -l version -d 'Print version'
complete -c chaterr -n "__fish_chaterr_using_subcommand mcp" -l format -d 'Output format [default: table on a terminal, plain otherwise]' -r -f -a "table\t'Tables and cards, wrapped to the terminal'
plain\t'Tab-separated lines, one entry per line, for grep, cut and awk'
json\t'JSON (see docs/json.md)'"
complete -c chaterr -n "__fish_chaterr_using_subcommand mcp" -l color -d 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand mcp" -l catalog -d 'Also read this catalogue file or folder of *.toml (repeatable; later wins)' -r -F
complete -c chaterr -n "__fish_chaterr_using_subcommand mcp" -l json -d 'Short for --format json'
complete -c chaterr -n "__fish_chaterr_using_subcommand mcp" -l no-user-catalog -d 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
complete -c chaterr -n "__fish_chaterr_using_subcommand mcp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chaterr -n "__fish_chaterr_using_subcommand mcp" -s V -l version -d 'Print version'
complete -c chaterr -n "__fish_chaterr_using_subcommand completions" -l format -d 'Output format [default: table on a terminal, plain otherwise]' -r -f -a "table\t'Tables and cards, wrapped to the terminal'
plain\t'Tab-separated lines, one entry per line, for grep, cut and awk'
json\t'JSON (see docs/json.md)'"
complete -c chaterr -n "__fish_chaterr_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaterr -n "__fish_chaterr_using_subcommand completions" -l catalog -d 'Also read this catalogue file or folder of *.toml (repeatable; later wins)' -r -F
complete -c chaterr -n "__fish_chaterr_using_subcommand completions" -l json -d 'Short for --format json'
complete -c chaterr -n "__fish_chaterr_using_subcommand completions" -l no-user-catalog -d 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
complete -c chaterr -n "__fish_chaterr_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c chaterr -n "__fish_chaterr_using_subcommand completions" -s V -l version -d 'Print version'
complete -c chaterr -n "__fish_chaterr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list sources diff scan concepts check gen mcp completions help" -f -a "lookup" -d 'Explain codes: the vendor\'s text for each, from every vendor that defines it'
complete -c chaterr -n "__fish_chaterr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list sources diff scan concepts check gen mcp completions help" -f -a "search" -d 'Search codes, names and texts, best match first'
complete -c chaterr -n "__fish_chaterr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list sources diff scan concepts check gen mcp completions help" -f -a "list" -d 'List entries in code order'
complete -c chaterr -n "__fish_chaterr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list sources diff scan concepts check gen mcp completions help" -f -a "sources" -d 'List the vendor documents in the catalogue'
complete -c chaterr -n "__fish_chaterr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list sources diff scan concepts check gen mcp completions help" -f -a "diff" -d 'Compare two catalogues: vendors, source ids or catalogue files'
complete -c chaterr -n "__fish_chaterr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list sources diff scan concepts check gen mcp completions help" -f -a "scan" -d 'Explain every error code in logs (standard input when no file is given)'
complete -c chaterr -n "__fish_chaterr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list sources diff scan concepts check gen mcp completions help" -f -a "concepts" -d 'The same problem across vendors: chaterr\'s concepts and each vendor\'s codes for them'
complete -c chaterr -n "__fish_chaterr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list sources diff scan concepts check gen mcp completions help" -f -a "check" -d 'Validate catalogue files, reporting every problem as file:line:column'
complete -c chaterr -n "__fish_chaterr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list sources diff scan concepts check gen mcp completions help" -f -a "gen" -d 'Write the catalogue as code: an enumeration per source, in your app\'s language'
complete -c chaterr -n "__fish_chaterr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list sources diff scan concepts check gen mcp completions help" -f -a "mcp" -d 'Serve the catalogue to coding agents over MCP (Model Context Protocol) on stdio'
complete -c chaterr -n "__fish_chaterr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list sources diff scan concepts check gen mcp completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c chaterr -n "__fish_chaterr_using_subcommand help; and not __fish_seen_subcommand_from lookup search list sources diff scan concepts check gen mcp completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chaterr -n "__fish_seen_subcommand_from lookup" -a "agora tencent zego agora-chat-android agora-chat-ios agora-chat-unity agora-chat-web agora-chat tencent-chat tencent-im zego-server-en zego-server-zh zego-server zego-zim-en zego-zim-zh zego-zim zego-zpns-en zego-zpns-zh agora-sdk tencent-sdk zego-sdk"
complete -c chaterr -n "__fish_seen_subcommand_from list" -a "agora tencent zego agora-chat-android agora-chat-ios agora-chat-unity agora-chat-web agora-chat tencent-chat tencent-im zego-server-en zego-server-zh zego-server zego-zim-en zego-zim-zh zego-zim zego-zpns-en zego-zpns-zh agora-sdk tencent-sdk zego-sdk"
complete -c chaterr -n "__fish_seen_subcommand_from diff" -a "agora tencent zego agora-chat-android agora-chat-ios agora-chat-unity agora-chat-web agora-chat tencent-chat tencent-im zego-server-en zego-server-zh zego-server zego-zim-en zego-zim-zh zego-zim zego-zpns-en zego-zpns-zh agora-sdk tencent-sdk zego-sdk"
complete -c chaterr -n "__fish_seen_subcommand_from gen" -a "rust typescript kotlin swift dart go java python agora tencent zego agora-chat-android agora-chat-ios agora-chat-unity agora-chat-web agora-chat tencent-chat tencent-im zego-server-en zego-server-zh zego-server zego-zim-en zego-zim-zh zego-zim zego-zpns-en zego-zpns-zh agora-sdk tencent-sdk zego-sdk"
complete -c chaterr -n "__fish_seen_subcommand_from completions" -a "bash elvish fish powershell zsh"
