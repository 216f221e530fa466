//! TypeScript: a const object and the union of its values per source, with functions from a
//! code to its name and texts; any other code is kept as the number it is. Written as Prettier
//! leaves it (2-space indent, 80 columns where it can break a line).

use std::fmt::Write as _;

use super::{Case, Enumeration, Label, Member, Options, member_doc};

const PRINT_WIDTH: usize = 80;

pub fn generate(enumerations: &[Enumeration<'_>], options: &Options) -> String {
    super::file(enumerations, options, "//", "", write_enum)
}

fn write_enum<'a>(out: &mut String, e: &Enumeration<'a>) {
    let ty = Case::UpperCamel.apply(&e.name);
    let fun = Case::LowerCamel.apply(&e.name);
    let names = super::member_identifiers(e, Case::UpperCamel, &[]);
    doc(out, "", &super::type_doc(e));
    let _ = writeln!(out, "export const {ty} = {{");
    for (member, name) in e.members.iter().zip(&names) {
        doc(out, "  ", &member_doc(member));
        let _ = writeln!(out, "  {name}: {},", member.code);
    }
    out.push_str("} as const;\n\n");
    let _ = writeln!(out, "/** A code listed in {{@link {ty}}}. */");
    let union = format!("export type {ty} = (typeof {ty})[keyof typeof {ty}];");
    if union.len() <= PRINT_WIDTH {
        let _ = writeln!(out, "{union}");
    } else {
        let _ = writeln!(
            out,
            "export type {ty} =\n  (typeof {ty})[keyof typeof {ty}];"
        );
    }

    out.push('\n');
    let _ = writeln!(
        out,
        "/** Whether a code is listed in {{@link {ty}}}; any other is kept as the number it is. */"
    );
    function(out, &format!("is{ty}"), &format!("code is {ty}"));
    let _ = writeln!(out, "  return {fun}Name(code) !== undefined;\n}}");

    let names_of: Vec<Option<String>> = names.iter().map(|n| Some(literal(n))).collect();
    out.push('\n');
    let _ = writeln!(
        out,
        "/** The name of a code in {{@link {ty}}}; `undefined` for one not listed. */"
    );
    switch(
        out,
        &ty,
        &format!("{fun}Name"),
        "string | undefined",
        &names,
        &names_of,
        "undefined",
    );

    let descriptions: Vec<Option<String>> = e
        .members
        .iter()
        .map(|m| Some(literal(m.description)))
        .collect();
    out.push('\n');
    out.push_str("/** The vendor's description of a code; empty where it gives none. */\n");
    switch(
        out,
        &ty,
        &format!("{fun}Description"),
        "string",
        &names,
        &descriptions,
        "\"\"",
    );

    if e.classified {
        for label in Label::ALL {
            let (suffix, what) = (Case::UpperCamel.apply(&label.accessor(true)), label.what());
            let value = |m: &Member<'a>| m.label(label);
            let values: Vec<Option<String>> =
                e.members.iter().map(|m| value(m).map(literal)).collect();
            out.push('\n');
            let _ = writeln!(
                out,
                "/** {what}, not the vendor's; `undefined` where chaterr has none. */"
            );
            switch(
                out,
                &ty,
                &format!("{fun}{suffix}"),
                "string | undefined",
                &names,
                &values,
                "undefined",
            );
        }
        out.push('\n');
        out.push_str("/** Whether chaterr advises retrying a code after a backoff (not the vendor's advice). */\n");
        function(out, &format!("{fun}IsRetryable"), "boolean");
        let _ = writeln!(out, "  return {fun}Retry(code) === \"backoff\";\n}}");
    }
}

/// `export function name(code: number): returns {`, its parameter on a line of its own where
/// the line is too long, as Prettier breaks it.
fn function(out: &mut String, name: &str, returns: &str) {
    let line = format!("export function {name}(code: number): {returns} {{");
    if line.len() <= PRINT_WIDTH {
        let _ = writeln!(out, "{line}");
    } else {
        let _ = writeln!(
            out,
            "export function {name}(\n  code: number,\n): {returns} {{"
        );
    }
}

/// A function switching on the code: a case per member with a value, then the default.
fn switch(
    out: &mut String,
    ty: &str,
    name: &str,
    returns: &str,
    names: &[String],
    values: &[Option<String>],
    default: &str,
) {
    function(out, name, returns);
    out.push_str("  switch (code) {\n");
    for (member, value) in names.iter().zip(values) {
        if let Some(value) = value {
            let _ = writeln!(out, "    case {ty}.{member}:\n      return {value};");
        }
    }
    let _ = writeln!(out, "    default:\n      return {default};\n  }}\n}}");
}

/// A JSDoc comment: on one line where it is one line.
fn doc(out: &mut String, indent: &str, lines: &[String]) {
    let lines: Vec<String> = lines.iter().map(|l| l.replace("*/", "*\\/")).collect();
    super::block_doc(out, indent, &lines);
}

/// A string literal in the quotes Prettier picks: double, unless the text holds more double
/// quotes than single ones.
fn literal(text: &str) -> String {
    let doubles = text.matches('"').count();
    let singles = text.matches('\'').count();
    let unicode = |c: u32| format!("\\u{c:04x}");
    if doubles > singles {
        let inner = super::quoted(text, &[('"', "\""), ('\'', "\\'")], unicode);
        format!("'{}'", &inner[1..inner.len() - 1])
    } else {
        super::quoted(text, &[], unicode)
    }
}
