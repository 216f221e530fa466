
use builtin;
use str;

set edit:completion:arg-completer[chaterr] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'chaterr'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'chaterr'= {
            cand --format 'Output format [default: table on a terminal, plain otherwise]'
            cand --color 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)'
            cand --catalog 'Also read this catalogue file or folder of *.toml (repeatable; later wins)'
            cand --json 'Short for --format json'
            cand --no-user-catalog 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand lookup 'Explain codes: the vendor''s text for each, from every vendor that defines it'
            cand search 'Search codes, names and texts, best match first'
            cand list 'List entries in code order'
            cand sources 'List the vendor documents in the catalogue'
            cand diff 'Compare two catalogues: vendors, source ids or catalogue files'
            cand scan 'Explain every error code in logs (standard input when no file is given)'
            cand concepts 'The same problem across vendors: chaterr''s concepts and each vendor''s codes for them'
            cand check 'Validate catalogue files, reporting every problem as file:line:column'
            cand gen 'Write the catalogue as code: an enumeration per source, in your app''s language'
            cand mcp 'Serve the catalogue to coding agents over MCP (Model Context Protocol) on stdio'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chaterr;lookup'= {
            cand --lang 'The language to read: en or zh [default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh]'
            cand --platform 'That platform''s numbering and pages (Agora Web numbers its errors differently)'
            cand --format 'Output format [default: table on a terminal, plain otherwise]'
            cand --color 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)'
            cand --catalog 'Also read this catalogue file or folder of *.toml (repeatable; later wins)'
            cand --documented-only 'Leave out codes the vendor''s documents do not describe (defined only by an SDK)'
            cand --all-editions 'Every edition''s entry, not just the newest in your language (older ones where they differ)'
            cand --json 'Short for --format json'
            cand --no-user-catalog 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chaterr;search'= {
            cand --vendor 'Only this vendor or source id'
            cand -n 'At most this many results (0: no limit)'
            cand --limit 'At most this many results (0: no limit)'
            cand --class 'Only entries of this kind of failure (chaterr''s classification)'
            cand --retry 'Only entries with this retry advice (chaterr''s classification)'
            cand --concept 'Only entries of this problem, the same across vendors (see `chaterr concepts`)'
            cand --lang 'The language to read: en or zh [default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh]'
            cand --platform 'That platform''s numbering and pages (Agora Web numbers its errors differently)'
            cand --format 'Output format [default: table on a terminal, plain otherwise]'
            cand --color 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)'
            cand --catalog 'Also read this catalogue file or folder of *.toml (repeatable; later wins)'
            cand -F 'Match QUERY as a literal substring, like grep -F'
            cand --fixed-strings 'Match QUERY as a literal substring, like grep -F'
            cand -e 'Match QUERY as a regular expression, like grep -e'
            cand --regex 'Match QUERY as a regular expression, like grep -e'
            cand -i 'Ignore case with -F or -e (ranked search always does)'
            cand --ignore-case 'Ignore case with -F or -e (ranked search always does)'
            cand --documented-only 'Leave out codes the vendor''s documents do not describe (defined only by an SDK)'
            cand --explain 'Say why each result ranked: its tier, its score''s parts, and the query words it matched in which text (the vendor''s or chaterr''s own words)'
            cand --all-editions 'Every edition''s entry, not just the newest in your language (older ones where they differ)'
            cand --json 'Short for --format json'
            cand --no-user-catalog 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chaterr;list'= {
            cand --category 'Only entries whose category contains TEXT (case-insensitive)'
            cand --range 'Only codes in LOW..HIGH (inclusive; LOW.. and ..HIGH are open)'
            cand --class 'Only entries of this kind of failure (chaterr''s classification)'
            cand --retry 'Only entries with this retry advice (chaterr''s classification)'
            cand --concept 'Only entries of this problem, the same across vendors (see `chaterr concepts`)'
            cand --lang 'The language to read: en or zh [default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh]'
            cand --platform 'That platform''s numbering and pages (Agora Web numbers its errors differently)'
            cand --format 'Output format [default: table on a terminal, plain otherwise]'
            cand --color 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)'
            cand --catalog 'Also read this catalogue file or folder of *.toml (repeatable; later wins)'
            cand --documented-only 'Leave out codes the vendor''s documents do not describe (defined only by an SDK)'
            cand --all-editions 'Every edition''s entry, not just the newest in your language (older ones where they differ)'
            cand --json 'Short for --format json'
            cand --no-user-catalog 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chaterr;sources'= {
            cand --format 'Output format [default: table on a terminal, plain otherwise]'
            cand --color 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)'
            cand --catalog 'Also read this catalogue file or folder of *.toml (repeatable; later wins)'
            cand --json 'Short for --format json'
            cand --no-user-catalog 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chaterr;diff'= {
            cand --format 'Output format [default: table on a terminal, plain otherwise]'
            cand --color 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)'
            cand --catalog 'Also read this catalogue file or folder of *.toml (repeatable; later wins)'
            cand --json 'Short for --format json'
            cand --no-user-catalog 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chaterr;scan'= {
            cand --vendor 'Only this vendor''s or source''s codes (lines naming another SDK narrow no further)'
            cand --lang 'The language to read: en or zh [default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh]'
            cand --platform 'That platform''s numbering and pages (Agora Web numbers its errors differently)'
            cand --format 'Output format [default: table on a terminal, plain otherwise]'
            cand --color 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)'
            cand --catalog 'Also read this catalogue file or folder of *.toml (repeatable; later wins)'
            cand -o 'Print only the lines with codes'
            cand --only-matching 'Print only the lines with codes'
            cand -s 'Print a table of the codes found, with counts, instead of the lines'
            cand --summary 'Print a table of the codes found, with counts, instead of the lines'
            cand --known-only 'Leave out codes the catalogue does not have (found after a key in a chat SDK''s line)'
            cand --all-editions 'Every edition''s entry, not just the newest in your language (older ones where they differ)'
            cand --json 'Short for --format json'
            cand --no-user-catalog 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chaterr;concepts'= {
            cand --format 'Output format [default: table on a terminal, plain otherwise]'
            cand --color 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)'
            cand --catalog 'Also read this catalogue file or folder of *.toml (repeatable; later wins)'
            cand --shared 'Only concepts that two or more vendors share'
            cand --json 'Short for --format json'
            cand --no-user-catalog 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chaterr;check'= {
            cand --format 'Output format [default: table on a terminal, plain otherwise]'
            cand --color 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)'
            cand --catalog 'Also read this catalogue file or folder of *.toml (repeatable; later wins)'
            cand --json 'Short for --format json'
            cand --no-user-catalog 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chaterr;gen'= {
            cand -o 'Write to FILE instead of standard output'
            cand --output 'Write to FILE instead of standard output'
            cand --package 'The package the file declares (Go: `chaterr` when not given; Java, Kotlin, Dart: none)'
            cand --format 'Output format [default: table on a terminal, plain otherwise]'
            cand --color 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)'
            cand --catalog 'Also read this catalogue file or folder of *.toml (repeatable; later wins)'
            cand --json 'Short for --format json'
            cand --no-user-catalog 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chaterr;mcp'= {
            cand --format 'Output format [default: table on a terminal, plain otherwise]'
            cand --color 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)'
            cand --catalog 'Also read this catalogue file or folder of *.toml (repeatable; later wins)'
            cand --json 'Short for --format json'
            cand --no-user-catalog 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chaterr;completions'= {
            cand --format 'Output format [default: table on a terminal, plain otherwise]'
            cand --color 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)'
            cand --catalog 'Also read this catalogue file or folder of *.toml (repeatable; later wins)'
            cand --json 'Short for --format json'
            cand --no-user-catalog 'Ignore the catalogues in the config dir and CHATERR_CATALOG'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'chaterr;help'= {
            cand lookup 'Explain codes: the vendor''s text for each, from every vendor that defines it'
            cand search 'Search codes, names and texts, best match first'
            cand list 'List entries in code order'
            cand sources 'List the vendor documents in the catalogue'
            cand diff 'Compare two catalogues: vendors, source ids or catalogue files'
            cand scan 'Explain every error code in logs (standard input when no file is given)'
            cand concepts 'The same problem across vendors: chaterr''s concepts and each vendor''s codes for them'
            cand check 'Validate catalogue files, reporting every problem as file:line:column'
            cand gen 'Write the catalogue as code: an enumeration per source, in your app''s language'
            cand mcp 'Serve the catalogue to coding agents over MCP (Model Context Protocol) on stdio'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'chaterr;help;lookup'= {
        }
        &'chaterr;help;search'= {
        }
        &'chaterr;help;list'= {
        }
        &'chaterr;help;sources'= {
        }
        &'chaterr;help;diff'= {
        }
        &'chaterr;help;scan'= {
        }
        &'chaterr;help;concepts'= {
        }
        &'chaterr;help;check'= {
        }
        &'chaterr;help;gen'= {
        }
        &'chaterr;help;mcp'= {
        }
        &'chaterr;help;completions'= {
        }
        &'chaterr;help;help'= {
        }
    ]
    $completions[$command]
}
