//! Dart: a final class per source with a constant per code (an open enum: `fromCode` keeps any
//! other code, `isKnown` false), equal by code. Dart 3; 2-space indent, as dart format writes.

use std::fmt::Write as _;

use super::{Case, Enumeration, Label, Member, Options, comment, member_doc};

/// dart format's line length.
const PAGE_WIDTH: usize = 80;

/// Dart's reserved words, and the class's own members: a constant may not share a name with them.
const RESERVED: &[&str] = &[
    "assert",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "default",
    "do",
    "else",
    "enum",
    "extends",
    "false",
    "final",
    "finally",
    "for",
    "if",
    "in",
    "is",
    "new",
    "null",
    "rethrow",
    "return",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "var",
    "void",
    "while",
    "with",
    "code",
    "description",
    "isKnown",
    "errorClass",
    "retry",
    "concept",
    "isRetryable",
    "values",
    "fromCode",
    "hashCode",
    "runtimeType",
    "toString",
    "noSuchMethod",
];

pub fn generate(enumerations: &[Enumeration<'_>], options: &Options) -> String {
    let preamble = match &options.package {
        Some(package) => format!("\nlibrary {package};\n"),
        None => String::new(),
    };
    super::file(enumerations, options, "//", &preamble, write_enum)
}

fn write_enum<'a>(out: &mut String, e: &Enumeration<'a>) {
    let ty = Case::UpperCamel.apply(&e.name);
    let names = super::member_identifiers(e, Case::LowerCamel, RESERVED);
    let mut doc = super::type_doc(e);
    doc.push(String::new());
    doc.push("A code not listed here is kept by [fromCode], with [isKnown] false.".to_owned());
    comment(out, "", "///", &doc);
    let _ = writeln!(
        out,
        "final class {ty} {{\n  const {ty}._(this.code) : isKnown = true;\n\n  \
         const {ty}._unknown(this.code) : isKnown = false;\n"
    );
    for (member, name) in e.members.iter().zip(&names) {
        comment(out, "  ", "///", &member_doc(member));
        let line = format!("  static const {name} = {ty}._({});", member.code);
        if line.len() <= PAGE_WIDTH {
            let _ = writeln!(out, "{line}\n");
        } else {
            let _ = writeln!(
                out,
                "  static const {name} =\n      {ty}._({});\n",
                member.code
            );
        }
    }
    let _ = writeln!(
        out,
        "  /// Every code listed here, in code order.\n  static const values = <{ty}>["
    );
    for name in &names {
        let _ = writeln!(out, "    {name},");
    }
    let _ = writeln!(
        out,
        "  ];\n\n  \
         /// The code, as the vendor's SDK and server report it.\n  final int code;\n\n  \
         /// Whether the code is one listed here.\n  final bool isKnown;\n\n  \
         /// The constant for a code; one not listed is kept, with [isKnown] false.\n  \
         factory {ty}.fromCode(int code) {{\n    switch (code) {{"
    );
    for (member, name) in e.members.iter().zip(&names) {
        let _ = writeln!(out, "      case {}:\n        return {name};", member.code);
    }
    let _ = writeln!(
        out,
        "      default:\n        return {ty}._unknown(code);\n    }}\n  }}\n\n  \
         /// The vendor's description of the code; empty where it gives none.\n  \
         String get description {{\n    switch (code) {{"
    );
    for member in &e.members {
        let _ = writeln!(
            out,
            "      case {}:\n        return {};",
            member.code,
            literal(member.description)
        );
    }
    out.push_str("      default:\n        return '';\n    }\n  }\n");
    if e.classified {
        for label in Label::ALL {
            let (getter, what) = (Case::LowerCamel.apply(&label.accessor(true)), label.what());
            let value = |m: &Member<'a>| m.label(label);
            let _ = writeln!(
                out,
                "\n  /// {what}, not the vendor's; null where chaterr has none.\n  \
                 String? get {getter} {{\n    switch (code) {{"
            );
            for member in &e.members {
                if let Some(value) = value(member) {
                    let _ = writeln!(
                        out,
                        "      case {}:\n        return {};",
                        member.code,
                        literal(value)
                    );
                }
            }
            out.push_str("      default:\n        return null;\n    }\n  }\n");
        }
        out.push_str(
            "\n  /// Whether chaterr advises retrying the code after a backoff (not the vendor's advice).\n  \
             bool get isRetryable => retry == 'backoff';\n",
        );
    }
    let _ = writeln!(
        out,
        "\n  @override\n  bool operator ==(Object other) => other is {ty} && other.code == code;\n\n  \
         @override\n  int get hashCode => code.hashCode;\n\n  \
         @override\n  String toString() => '{ty}($code)';\n}}"
    );
}

/// A Dart string literal in single quotes: `$` would interpolate.
fn literal(text: &str) -> String {
    let inner = super::quoted(text, &[('"', "\""), ('\'', "\\'"), ('$', "\\$")], |c| {
        format!("\\u{{{c:x}}}")
    });
    format!("'{}'", &inner[1..inner.len() - 1])
}
