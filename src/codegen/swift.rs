//! Swift: an enum per source, `case unknown(Int)` keeping any other code, `init(code:)`, and
//! `code` and `description` properties. 4-space indent, as Xcode writes Swift.

use std::fmt::Write as _;

use super::{Case, Enumeration, Label, Member, Options, comment, member_doc};

/// Swift's keywords, and the enum's own members: a case may not share a name with them.
const RESERVED: &[&str] = &[
    "associatedtype",
    "class",
    "deinit",
    "enum",
    "extension",
    "fileprivate",
    "func",
    "import",
    "init",
    "inout",
    "internal",
    "let",
    "open",
    "operator",
    "private",
    "precedencegroup",
    "protocol",
    "public",
    "rethrows",
    "static",
    "struct",
    "subscript",
    "typealias",
    "var",
    "break",
    "case",
    "catch",
    "continue",
    "default",
    "defer",
    "do",
    "else",
    "fallthrough",
    "for",
    "guard",
    "if",
    "in",
    "repeat",
    "return",
    "throw",
    "switch",
    "where",
    "while",
    "as",
    "any",
    "false",
    "is",
    "nil",
    "self",
    "super",
    "throws",
    "true",
    "try",
    "unknown",
    "code",
    "description",
    "errorClass",
    "retry",
    "concept",
    "isRetryable",
    "hashValue",
    "hash",
];

pub fn generate(enumerations: &[Enumeration<'_>], options: &Options) -> String {
    super::file(enumerations, options, "//", "", write_enum)
}

fn write_enum<'a>(out: &mut String, e: &Enumeration<'a>) {
    let ty = Case::UpperCamel.apply(&e.name);
    let names = super::member_identifiers(e, Case::LowerCamel, RESERVED);
    comment(out, "", "///", &super::type_doc(e));
    let _ = writeln!(out, "public enum {ty}: Hashable, Sendable {{");
    for (member, name) in e.members.iter().zip(&names) {
        comment(out, "    ", "///", &member_doc(member));
        let _ = writeln!(out, "    case {name}");
    }
    out.push_str(
        "    /// A code not listed above, kept as it was received.\n    case unknown(Int)\n\n    \
         /// The member for a code; `.unknown(code)` for a code not listed.\n    \
         public init(code: Int) {\n        switch code {\n",
    );
    for (member, name) in e.members.iter().zip(&names) {
        let _ = writeln!(
            out,
            "        case {}:\n            self = .{name}",
            member.code
        );
    }
    out.push_str(
        "        default:\n            self = .unknown(code)\n        }\n    }\n\n    \
         /// The code, as the vendor's SDK and server report it.\n    \
         public var code: Int {\n        switch self {\n",
    );
    for (member, name) in e.members.iter().zip(&names) {
        let _ = writeln!(
            out,
            "        case .{name}:\n            return {}",
            member.code
        );
    }
    out.push_str(
        "        case .unknown(let code):\n            return code\n        }\n    }\n\n    \
         /// The vendor's description of the code; empty where it gives none.\n    \
         public var description: String {\n        switch self {\n",
    );
    for (member, name) in e.members.iter().zip(&names) {
        let _ = writeln!(
            out,
            "        case .{name}:\n            return {}",
            literal(member.description)
        );
    }
    out.push_str("        case .unknown:\n            return \"\"\n        }\n    }\n");
    if e.classified {
        for label in Label::ALL {
            let (property, what) = (Case::LowerCamel.apply(&label.accessor(true)), label.what());
            let value = |m: &Member<'a>| m.label(label);
            let _ = writeln!(
                out,
                "\n    /// {what}, not the vendor's; nil where chaterr has none.\n    \
                 public var {property}: String? {{\n        switch self {{"
            );
            for (member, name) in e.members.iter().zip(&names) {
                if let Some(value) = value(member) {
                    let _ = writeln!(
                        out,
                        "        case .{name}:\n            return {}",
                        literal(value)
                    );
                }
            }
            out.push_str("        default:\n            return nil\n        }\n    }\n");
        }
        out.push_str(
            "\n    /// Whether chaterr advises retrying the code after a backoff (not the vendor's advice).\n    \
             public var isRetryable: Bool {\n        retry == \"backoff\"\n    }\n",
        );
    }
    out.push_str("}\n");
}

/// A Swift string literal: `\(` would interpolate, so backslashes are escaped.
fn literal(text: &str) -> String {
    super::quoted(text, &[], |c| format!("\\u{{{c:x}}}"))
}
