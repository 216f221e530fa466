
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'chaterr' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'chaterr'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'chaterr' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also read this catalogue file or folder of *.toml (repeatable; later wins)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-user-catalog', '--no-user-catalog', [CompletionResultType]::ParameterName, 'Ignore the catalogues in the config dir and CHATERR_CATALOG')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('lookup', 'lookup', [CompletionResultType]::ParameterValue, 'Explain codes: the vendor''s text for each, from every vendor that defines it')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search codes, names and texts, best match first')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List entries in code order')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'List the vendor documents in the catalogue')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two catalogues: vendors, source ids or catalogue files')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Explain every error code in logs (standard input when no file is given)')
            [CompletionResult]::new('concepts', 'concepts', [CompletionResultType]::ParameterValue, 'The same problem across vendors: chaterr''s concepts and each vendor''s codes for them')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate catalogue files, reporting every problem as file:line:column')
            [CompletionResult]::new('gen', 'gen', [CompletionResultType]::ParameterValue, 'Write the catalogue as code: an enumeration per source, in your app''s language')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the catalogue to coding agents over MCP (Model Context Protocol) on stdio')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chaterr;lookup' {
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language to read: en or zh [default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh]')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'That platform''s numbering and pages (Agora Web numbers its errors differently)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also read this catalogue file or folder of *.toml (repeatable; later wins)')
            [CompletionResult]::new('--documented-only', '--documented-only', [CompletionResultType]::ParameterName, 'Leave out codes the vendor''s documents do not describe (defined only by an SDK)')
            [CompletionResult]::new('--all-editions', '--all-editions', [CompletionResultType]::ParameterName, 'Every edition''s entry, not just the newest in your language (older ones where they differ)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-user-catalog', '--no-user-catalog', [CompletionResultType]::ParameterName, 'Ignore the catalogues in the config dir and CHATERR_CATALOG')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chaterr;search' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor or source id')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'At most this many results (0: no limit)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many results (0: no limit)')
            [CompletionResult]::new('--class', '--class', [CompletionResultType]::ParameterName, 'Only entries of this kind of failure (chaterr''s classification)')
            [CompletionResult]::new('--retry', '--retry', [CompletionResultType]::ParameterName, 'Only entries with this retry advice (chaterr''s classification)')
            [CompletionResult]::new('--concept', '--concept', [CompletionResultType]::ParameterName, 'Only entries of this problem, the same across vendors (see `chaterr concepts`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language to read: en or zh [default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh]')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'That platform''s numbering and pages (Agora Web numbers its errors differently)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also read this catalogue file or folder of *.toml (repeatable; later wins)')
            [CompletionResult]::new('-F', '-F ', [CompletionResultType]::ParameterName, 'Match QUERY as a literal substring, like grep -F')
            [CompletionResult]::new('--fixed-strings', '--fixed-strings', [CompletionResultType]::ParameterName, 'Match QUERY as a literal substring, like grep -F')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Match QUERY as a regular expression, like grep -e')
            [CompletionResult]::new('--regex', '--regex', [CompletionResultType]::ParameterName, 'Match QUERY as a regular expression, like grep -e')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Ignore case with -F or -e (ranked search always does)')
            [CompletionResult]::new('--ignore-case', '--ignore-case', [CompletionResultType]::ParameterName, 'Ignore case with -F or -e (ranked search always does)')
            [CompletionResult]::new('--documented-only', '--documented-only', [CompletionResultType]::ParameterName, 'Leave out codes the vendor''s documents do not describe (defined only by an SDK)')
            [CompletionResult]::new('--explain', '--explain', [CompletionResultType]::ParameterName, 'Say why each result ranked: its tier, its score''s parts, and the query words it matched in which text (the vendor''s or chaterr''s own words)')
            [CompletionResult]::new('--all-editions', '--all-editions', [CompletionResultType]::ParameterName, 'Every edition''s entry, not just the newest in your language (older ones where they differ)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-user-catalog', '--no-user-catalog', [CompletionResultType]::ParameterName, 'Ignore the catalogues in the config dir and CHATERR_CATALOG')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chaterr;list' {
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'Only entries whose category contains TEXT (case-insensitive)')
            [CompletionResult]::new('--range', '--range', [CompletionResultType]::ParameterName, 'Only codes in LOW..HIGH (inclusive; LOW.. and ..HIGH are open)')
            [CompletionResult]::new('--class', '--class', [CompletionResultType]::ParameterName, 'Only entries of this kind of failure (chaterr''s classification)')
            [CompletionResult]::new('--retry', '--retry', [CompletionResultType]::ParameterName, 'Only entries with this retry advice (chaterr''s classification)')
            [CompletionResult]::new('--concept', '--concept', [CompletionResultType]::ParameterName, 'Only entries of this problem, the same across vendors (see `chaterr concepts`)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language to read: en or zh [default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh]')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'That platform''s numbering and pages (Agora Web numbers its errors differently)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also read this catalogue file or folder of *.toml (repeatable; later wins)')
            [CompletionResult]::new('--documented-only', '--documented-only', [CompletionResultType]::ParameterName, 'Leave out codes the vendor''s documents do not describe (defined only by an SDK)')
            [CompletionResult]::new('--all-editions', '--all-editions', [CompletionResultType]::ParameterName, 'Every edition''s entry, not just the newest in your language (older ones where they differ)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-user-catalog', '--no-user-catalog', [CompletionResultType]::ParameterName, 'Ignore the catalogues in the config dir and CHATERR_CATALOG')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chaterr;sources' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also read this catalogue file or folder of *.toml (repeatable; later wins)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-user-catalog', '--no-user-catalog', [CompletionResultType]::ParameterName, 'Ignore the catalogues in the config dir and CHATERR_CATALOG')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chaterr;diff' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also read this catalogue file or folder of *.toml (repeatable; later wins)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-user-catalog', '--no-user-catalog', [CompletionResultType]::ParameterName, 'Ignore the catalogues in the config dir and CHATERR_CATALOG')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chaterr;scan' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor''s or source''s codes (lines naming another SDK narrow no further)')
            [CompletionResult]::new('--lang', '--lang', [CompletionResultType]::ParameterName, 'The language to read: en or zh [default: from LC_ALL, LC_MESSAGES or LANG; zh_* is zh]')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'That platform''s numbering and pages (Agora Web numbers its errors differently)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also read this catalogue file or folder of *.toml (repeatable; later wins)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print only the lines with codes')
            [CompletionResult]::new('--only-matching', '--only-matching', [CompletionResultType]::ParameterName, 'Print only the lines with codes')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Print a table of the codes found, with counts, instead of the lines')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'Print a table of the codes found, with counts, instead of the lines')
            [CompletionResult]::new('--known-only', '--known-only', [CompletionResultType]::ParameterName, 'Leave out codes the catalogue does not have (found after a key in a chat SDK''s line)')
            [CompletionResult]::new('--all-editions', '--all-editions', [CompletionResultType]::ParameterName, 'Every edition''s entry, not just the newest in your language (older ones where they differ)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-user-catalog', '--no-user-catalog', [CompletionResultType]::ParameterName, 'Ignore the catalogues in the config dir and CHATERR_CATALOG')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chaterr;concepts' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also read this catalogue file or folder of *.toml (repeatable; later wins)')
            [CompletionResult]::new('--shared', '--shared', [CompletionResultType]::ParameterName, 'Only concepts that two or more vendors share')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-user-catalog', '--no-user-catalog', [CompletionResultType]::ParameterName, 'Ignore the catalogues in the config dir and CHATERR_CATALOG')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chaterr;check' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also read this catalogue file or folder of *.toml (repeatable; later wins)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-user-catalog', '--no-user-catalog', [CompletionResultType]::ParameterName, 'Ignore the catalogues in the config dir and CHATERR_CATALOG')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chaterr;gen' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE instead of standard output')
            [CompletionResult]::new('--package', '--package', [CompletionResultType]::ParameterName, 'The package the file declares (Go: `chaterr` when not given; Java, Kotlin, Dart: none)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also read this catalogue file or folder of *.toml (repeatable; later wins)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-user-catalog', '--no-user-catalog', [CompletionResultType]::ParameterName, 'Ignore the catalogues in the config dir and CHATERR_CATALOG')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chaterr;mcp' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also read this catalogue file or folder of *.toml (repeatable; later wins)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-user-catalog', '--no-user-catalog', [CompletionResultType]::ParameterName, 'Ignore the catalogues in the config dir and CHATERR_CATALOG')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chaterr;completions' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, plain otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR and CLICOLOR_FORCE are honoured under auto)')
            [CompletionResult]::new('--catalog', '--catalog', [CompletionResultType]::ParameterName, 'Also read this catalogue file or folder of *.toml (repeatable; later wins)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('--no-user-catalog', '--no-user-catalog', [CompletionResultType]::ParameterName, 'Ignore the catalogues in the config dir and CHATERR_CATALOG')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'chaterr;help' {
            [CompletionResult]::new('lookup', 'lookup', [CompletionResultType]::ParameterValue, 'Explain codes: the vendor''s text for each, from every vendor that defines it')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search codes, names and texts, best match first')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List entries in code order')
            [CompletionResult]::new('sources', 'sources', [CompletionResultType]::ParameterValue, 'List the vendor documents in the catalogue')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Compare two catalogues: vendors, source ids or catalogue files')
            [CompletionResult]::new('scan', 'scan', [CompletionResultType]::ParameterValue, 'Explain every error code in logs (standard input when no file is given)')
            [CompletionResult]::new('concepts', 'concepts', [CompletionResultType]::ParameterValue, 'The same problem across vendors: chaterr''s concepts and each vendor''s codes for them')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate catalogue files, reporting every problem as file:line:column')
            [CompletionResult]::new('gen', 'gen', [CompletionResultType]::ParameterValue, 'Write the catalogue as code: an enumeration per source, in your app''s language')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve the catalogue to coding agents over MCP (Model Context Protocol) on stdio')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'chaterr;help;lookup' {
            break
        }
        'chaterr;help;search' {
            break
        }
        'chaterr;help;list' {
            break
        }
        'chaterr;help;sources' {
            break
        }
        'chaterr;help;diff' {
            break
        }
        'chaterr;help;scan' {
            break
        }
        'chaterr;help;concepts' {
            break
        }
        'chaterr;help;check' {
            break
        }
        'chaterr;help;gen' {
            break
        }
        'chaterr;help;mcp' {
            break
        }
        'chaterr;help;completions' {
            break
        }
        'chaterr;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
