//! Python: an `IntEnum` per source whose `_missing_` keeps any other code as a member named
//! UNKNOWN with that value; texts in module-level dicts. Typed for `mypy --strict`, written as
//! black leaves it.

use std::fmt::Write as _;

use super::{Case, Enumeration, Label, Member, Options, comment, member_doc};

pub fn generate(enumerations: &[Enumeration<'_>], options: &Options) -> String {
    let preamble = "\nfrom __future__ import annotations\n\nimport enum\n";
    // black: two blank lines between top-level definitions.
    super::file(enumerations, options, "#", preamble, |out, e| {
        out.push('\n');
        write_enum(out, e);
    })
}

fn write_enum<'a>(out: &mut String, e: &Enumeration<'a>) {
    let ty = Case::UpperCamel.apply(&e.name);
    let table = format!("_{}", Case::ScreamingSnake.apply(&e.name));
    let names = super::member_identifiers(e, Case::ScreamingSnake, &["UNKNOWN"]);
    let mut doc = super::type_doc(e);
    doc.push(String::new());
    doc.push("A code not listed here is a member named UNKNOWN with that value.".to_owned());
    let _ = writeln!(out, "class {ty}(enum.IntEnum):");
    docstring(out, "    ", &doc);
    out.push('\n');
    for (member, name) in e.members.iter().zip(&names) {
        comment(out, "    ", "#:", &member_doc(member));
        let _ = writeln!(out, "    {name} = {}", member.code);
    }
    let _ = writeln!(
        out,
        "\n    @classmethod\n    def _missing_(cls, value: object) -> {ty} | None:\n        \
         if not isinstance(value, int):\n            return None\n        \
         member = int.__new__(cls, value)\n        member._name_ = \"UNKNOWN\"\n        \
         member._value_ = value\n        return member\n\n    \
         @classmethod\n    def from_code(cls, code: int) -> {ty}:\n        \
         \"\"\"The member for a code; UNKNOWN, with the code as its value, for one not listed.\"\"\"\n        \
         return cls(code)\n\n    \
         def code(self) -> int:\n        \
         \"\"\"The code, as the vendor's SDK and server report it.\"\"\"\n        \
         return int(self)\n\n    \
         def is_known(self) -> bool:\n        \
         \"\"\"Whether the code is one listed here.\"\"\"\n        \
         return int(self) in {table}_DESCRIPTIONS\n\n    \
         def description(self) -> str:\n        \
         \"\"\"The vendor's description of the code; empty where it gives none.\"\"\"\n        \
         return {table}_DESCRIPTIONS.get(int(self), \"\")"
    );
    if e.classified {
        for label in Label::ALL {
            let method = Case::Snake.apply(&label.accessor(true));
            let suffix = Case::ScreamingSnake.apply(&label.accessor(true));
            let what = label.what();
            let _ = writeln!(
                out,
                "\n    def {method}(self) -> str | None:\n        \
                 \"\"\"{what}, not the vendor's; None where chaterr has none.\"\"\"\n        \
                 return {table}_{suffix}.get(int(self))"
            );
        }
        out.push_str(
            "\n    def is_retryable(self) -> bool:\n        \
             \"\"\"Whether chaterr advises retrying the code after a backoff (not the vendor's advice).\"\"\"\n        \
             return self.retry() == \"backoff\"\n",
        );
    }
    let _ = writeln!(out, "\n\n{table}_DESCRIPTIONS: dict[int, str] = {{");
    for member in &e.members {
        let _ = writeln!(out, "    {}: {},", member.code, literal(member.description));
    }
    out.push_str("}\n");
    if e.classified {
        for label in Label::ALL {
            let suffix = Case::ScreamingSnake.apply(&label.accessor(true));
            let value = |m: &Member<'a>| m.label(label);
            let _ = writeln!(out, "\n{table}_{suffix}: dict[int, str] = {{");
            for member in &e.members {
                if let Some(value) = value(member) {
                    let _ = writeln!(out, "    {}: {},", member.code, literal(value));
                }
            }
            out.push_str("}\n");
        }
    }
}

/// A docstring; backslashes and quotes that would end it are escaped.
fn docstring(out: &mut String, indent: &str, lines: &[String]) {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| l.replace('\\', "\\\\").replace("\"\"\"", "\\\"\\\"\\\""))
        .collect();
    match lines.as_slice() {
        [line] => {
            // A quote at the end would run into the closing ones.
            let line = match line.strip_suffix('"') {
                Some(rest) => format!("{rest}\\\""),
                None => line.clone(),
            };
            let _ = writeln!(out, "{indent}\"\"\"{line}\"\"\"");
        }
        [first, rest @ ..] => {
            let _ = writeln!(out, "{indent}\"\"\"{first}");
            for line in rest {
                if line.is_empty() {
                    out.push('\n');
                } else {
                    let _ = writeln!(out, "{indent}{line}");
                }
            }
            let _ = writeln!(out, "{indent}\"\"\"");
        }
        [] => {}
    }
}

/// A Python string literal in double quotes, as black writes it.
fn literal(text: &str) -> String {
    super::quoted(text, &[], |c| format!("\\u{c:04x}"))
}
