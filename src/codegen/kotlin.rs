//! Kotlin: a sealed class per source, an object per code and `Unknown(code)` for any other, with
//! `fromCode` in its companion. Kotlin 1.3 and later; 4-space indent.

use std::fmt::Write as _;

use super::{Case, Enumeration, Label, Member, Options, member_doc};

pub fn generate(enumerations: &[Enumeration<'_>], options: &Options) -> String {
    let preamble = match &options.package {
        Some(package) => format!("\npackage {package}\n"),
        None => String::new(),
    };
    let int = if super::fits_i32(enumerations) {
        "Int"
    } else {
        "Long"
    };
    super::file(enumerations, options, "//", &preamble, |out, e| {
        write_enum(out, e, int)
    })
}

fn write_enum<'a>(out: &mut String, e: &Enumeration<'a>, int: &str) {
    let ty = Case::UpperCamel.apply(&e.name);
    let names = super::member_identifiers(e, Case::UpperCamel, &["Unknown", "Companion", &ty]);
    doc(out, "", &super::type_doc(e));
    let _ = writeln!(
        out,
        "sealed class {ty}(\n    /** The code, as the vendor's SDK and server report it. */\n    val code: {int},\n    \
         /** The vendor's description of the code; empty where it gives none. */\n    val description: String\n) {{"
    );
    for (member, name) in e.members.iter().zip(&names) {
        doc(out, "    ", &member_doc(member));
        let _ = writeln!(
            out,
            "    object {name} : {ty}({}, {})\n",
            member.code,
            literal(member.description)
        );
    }
    let _ = writeln!(
        out,
        "    /** A code not listed above, kept as it was received. */\n    \
         class Unknown(code: {int}) : {ty}(code, \"\") {{\n        \
         override fun equals(other: Any?): Boolean = other is Unknown && other.code == code\n\n        \
         override fun hashCode(): Int = code.hashCode()\n\n        \
         override fun toString(): String = \"{ty}.Unknown($code)\"\n    }}"
    );
    if e.classified {
        for label in Label::ALL {
            let (property, what) = (Case::LowerCamel.apply(&label.accessor(true)), label.what());
            let value = |m: &Member<'a>| m.label(label);
            let _ = writeln!(
                out,
                "\n    /** {what}, not the vendor's; null where chaterr has none. */\n    \
                 val {property}: String?\n        get() = when (this) {{"
            );
            for (member, name) in e.members.iter().zip(&names) {
                if let Some(value) = value(member) {
                    let _ = writeln!(out, "            {name} -> {}", literal(value));
                }
            }
            out.push_str("            else -> null\n        }\n");
        }
        out.push_str(
            "\n    /** Whether chaterr advises retrying the code after a backoff (not the vendor's advice). */\n    \
             val isRetryable: Boolean\n        get() = retry == \"backoff\"\n",
        );
    }
    let _ = writeln!(
        out,
        "\n    companion object {{\n        \
         /** The member for a code; [Unknown] for a code not listed. */\n        \
         @JvmStatic\n        fun fromCode(code: {int}): {ty} = when (code) {{"
    );
    for (member, name) in e.members.iter().zip(&names) {
        let _ = writeln!(out, "            {} -> {name}", member.code);
    }
    out.push_str("            else -> Unknown(code)\n        }\n    }\n}\n");
}

/// A KDoc comment. Kotlin's block comments nest, so `/*` would open one as `*/` closes it: both
/// are written with a space between.
fn doc(out: &mut String, indent: &str, lines: &[String]) {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| l.replace("*/", "* /").replace("/*", "/ *"))
        .collect();
    super::block_doc(out, indent, &lines);
}

/// A Kotlin string literal: `$` would start a template.
fn literal(text: &str) -> String {
    super::quoted(text, &[('$', "\\$")], |c| format!("\\u{c:04x}"))
}
