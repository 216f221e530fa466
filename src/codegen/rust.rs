//! Rust: an enum per source, `Unknown(i64)` keeping any other code, written as rustfmt leaves
//! it (a test runs `rustfmt --check` on it).

use std::fmt::Write as _;

use super::{Case, Enumeration, Label, Options, comment, member_doc, member_identifiers};

/// rustfmt's default `max_width`.
const MAX_WIDTH: usize = 100;

pub fn generate(enumerations: &[Enumeration<'_>], options: &Options) -> String {
    super::file(enumerations, options, "//", "", write_enum)
}

fn write_enum<'a>(out: &mut String, e: &Enumeration<'a>) {
    let ty = Case::UpperCamel.apply(&e.name);
    let names = member_identifiers(e, Case::UpperCamel, &["Unknown", "Self"]);
    comment(out, "", "///", &super::type_doc(e));
    out.push_str("#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\n");
    let _ = writeln!(out, "pub enum {ty} {{");
    for (member, name) in e.members.iter().zip(&names) {
        comment(out, "    ", "///", &member_doc(member));
        let _ = writeln!(out, "    {name},");
    }
    out.push_str("    /// A code not listed above, kept as it was received.\n");
    out.push_str("    Unknown(i64),\n}\n\n");

    let _ = writeln!(out, "impl {ty} {{");
    out.push_str("    /// The member for a code; a code not listed is `Unknown(code)`.\n");
    out.push_str("    pub fn from_code(code: i64) -> Self {\n        match code {\n");
    for (member, name) in e.members.iter().zip(&names) {
        arm(out, &member.code.to_string(), &format!("Self::{name}"));
    }
    out.push_str("            code => Self::Unknown(code),\n        }\n    }\n\n");

    out.push_str("    /// The code, as the vendor's SDK and server report it.\n");
    out.push_str("    pub fn code(self) -> i64 {\n        match self {\n");
    for (member, name) in e.members.iter().zip(&names) {
        arm(out, &format!("Self::{name}"), &member.code.to_string());
    }
    out.push_str("            Self::Unknown(code) => code,\n        }\n    }\n\n");

    out.push_str("    /// The vendor's description of the code; empty where it gives none.\n");
    out.push_str("    pub fn description(self) -> &'static str {\n        match self {\n");
    for (member, name) in e.members.iter().zip(&names) {
        arm(out, &format!("Self::{name}"), &literal(member.description));
    }
    out.push_str("            Self::Unknown(_) => \"\",\n        }\n    }\n");

    if e.classified {
        for label in Label::ALL {
            let (method, doc) = (Case::Snake.apply(&label.accessor(false)), label.what());
            let value = |m: &super::Member<'a>| m.label(label);
            let _ = write!(
                out,
                "\n    /// {doc}, not the vendor's; `None` where chaterr has none.\n    \
                 pub fn {method}(self) -> Option<&'static str> {{\n        match self {{\n"
            );
            let mut all = true;
            for (member, name) in e.members.iter().zip(&names) {
                match value(member) {
                    Some(v) => arm(out, &format!("Self::{name}"), &format!("Some({v:?})")),
                    None => all = false,
                }
            }
            let rest = if all { "Self::Unknown(_)" } else { "_" };
            let _ = write!(out, "            {rest} => None,\n        }}\n    }}\n");
        }
        out.push_str(
            "\n    /// Whether chaterr advises retrying after a backoff (not the vendor's advice).\n    \
             pub fn is_retryable(self) -> bool {\n        \
             self.retry() == Some(\"backoff\")\n    }\n",
        );
    }
    out.push_str("}\n");
}

/// One arm of a `match`: on one line where it fits, else its value in a block, as rustfmt does.
fn arm(out: &mut String, pattern: &str, value: &str) {
    let line = format!("            {pattern} => {value},");
    if super::width(&line) <= MAX_WIDTH {
        out.push_str(&line);
        out.push('\n');
    } else {
        let _ = write!(
            out,
            "            {pattern} => {{\n                {value}\n            }}\n"
        );
    }
}

/// A Rust string literal.
fn literal(text: &str) -> String {
    super::quoted(text, &[], |c| format!("\\u{{{c:x}}}"))
}
