//! Java: an enum per source (nested in one class when there are several, a file holding one
//! public type), `fromCode` returning an `Optional`, so a code not listed stays the caller's
//! int. Java 8 and later; 4-space indent.

use std::fmt::Write as _;

use super::{Case, Enumeration, Label, Options, comment, header_lines, member_doc};

pub fn generate(enumerations: &[Enumeration<'_>], options: &Options) -> String {
    let mut out = String::new();
    comment(&mut out, "", "//", &header_lines(enumerations, options));
    if let Some(package) = &options.package {
        let _ = writeln!(out, "\npackage {package};");
    }
    out.push_str(
        "\nimport java.util.HashMap;\nimport java.util.Map;\nimport java.util.Optional;\n",
    );
    let int = if super::fits_i32(enumerations) {
        ("int", "Integer")
    } else {
        ("long", "Long")
    };
    match enumerations {
        [one] => {
            out.push('\n');
            write_enum(&mut out, one, int, "");
        }
        _ => {
            let outer = outer_class(enumerations);
            let _ = writeln!(
                out,
                "\n/** The codes of each source, an enum per source (this file must be {outer}.java). */"
            );
            let _ = writeln!(
                out,
                "public final class {outer} {{\n    private {outer}() {{}}"
            );
            for enumeration in enumerations {
                out.push('\n');
                write_enum(&mut out, enumeration, int, "    ");
            }
            out.push_str("}\n");
        }
    }
    out
}

/// The class holding several sources' enums: the vendor's (`AgoraErrorCodes`) where they share
/// one, else `ChatErrorCodes`.
pub fn outer_class(enumerations: &[Enumeration<'_>]) -> String {
    let vendor = enumerations.first().map(|e| &e.source.vendor);
    match vendor {
        Some(vendor) if enumerations.iter().all(|e| e.source.vendor == *vendor) => {
            let mut words = super::words_of_identifier(vendor);
            words.extend(["error".to_owned(), "codes".to_owned()]);
            Case::UpperCamel.apply(&words)
        }
        _ => "ChatErrorCodes".to_owned(),
    }
}

fn write_enum(out: &mut String, e: &Enumeration<'_>, (int, boxed): (&str, &str), at: &str) {
    let ty = Case::UpperCamel.apply(&e.name);
    let names = super::member_identifiers(e, Case::ScreamingSnake, &["BY_CODE"]);
    let mut type_doc = super::type_doc(e);
    type_doc.push(String::new());
    type_doc.push("For a code not listed here, fromCode returns an empty Optional.".to_owned());
    doc(out, at, &type_doc);
    let _ = writeln!(out, "{at}public enum {ty} {{");
    let count = e.members.len();
    for (i, (member, name)) in e.members.iter().zip(&names).enumerate() {
        doc(out, &format!("{at}    "), &member_doc(member));
        let mut args = vec![member.code.to_string(), literal(member.description)];
        if e.classified {
            for value in [member.class, member.retry, member.concept] {
                args.push(value.map_or_else(|| "null".to_owned(), literal));
            }
        }
        let end = if i + 1 == count { ";" } else { "," };
        let _ = writeln!(out, "{at}    {name}({}){end}", args.join(", "));
    }
    if count == 0 {
        let _ = writeln!(out, "{at}    ;");
    }
    let fields: &[&str] = if e.classified {
        &["description", "errorClass", "retry", "concept"]
    } else {
        &["description"]
    };
    let _ = writeln!(
        out,
        "\n{at}    private static final Map<{boxed}, {ty}> BY_CODE = new HashMap<>();\n\n\
         {at}    static {{\n{at}        for ({ty} value : values()) {{\n\
         {at}            BY_CODE.put(value.code, value);\n{at}        }}\n{at}    }}\n\n\
         {at}    private final {int} code;"
    );
    for field in fields {
        let _ = writeln!(out, "{at}    private final String {field};");
    }
    let params: Vec<String> = fields.iter().map(|f| format!("String {f}")).collect();
    let _ = writeln!(
        out,
        "\n{at}    {ty}({int} code, {}) {{\n{at}        this.code = code;",
        params.join(", ")
    );
    for field in fields {
        let _ = writeln!(out, "{at}        this.{field} = {field};");
    }
    let _ = writeln!(
        out,
        "{at}    }}\n\n\
         {at}    /** The member for a code; empty for a code not listed. */\n\
         {at}    public static Optional<{ty}> fromCode({int} code) {{\n\
         {at}        return Optional.ofNullable(BY_CODE.get(code));\n{at}    }}\n\n\
         {at}    /** The code, as the vendor's SDK and server report it. */\n\
         {at}    public {int} code() {{\n{at}        return code;\n{at}    }}\n\n\
         {at}    /** The vendor's description of the code; empty where it gives none. */\n\
         {at}    public String description() {{\n{at}        return description;\n{at}    }}"
    );
    if e.classified {
        for label in Label::ALL {
            let (field, what) = (Case::LowerCamel.apply(&label.accessor(true)), label.what());
            let _ = writeln!(
                out,
                "\n{at}    /** {what}, not the vendor's; empty where chaterr has none. */\n\
                 {at}    public Optional<String> {field}() {{\n\
                 {at}        return Optional.ofNullable({field});\n{at}    }}"
            );
        }
        let _ = writeln!(
            out,
            "\n{at}    /** Whether chaterr advises retrying the code after a backoff (not the vendor's advice). */\n\
             {at}    public boolean isRetryable() {{\n{at}        return \"backoff\".equals(retry);\n{at}    }}"
        );
    }
    let _ = writeln!(out, "{at}}}");
}

/// A Javadoc comment; `*/`, `&`, `<`, `>`, `@` and backslashes (which would start a unicode
/// escape before the comment is read) are written as HTML entities.
fn doc(out: &mut String, indent: &str, lines: &[String]) {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| match l.as_str() {
            // A blank line is no paragraph break in Javadoc.
            "" => "<p>".to_owned(),
            l => l
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('@', "&#64;")
                .replace('\\', "&#92;")
                .replace("*/", "*&#47;"),
        })
        .collect();
    super::block_doc(out, indent, &lines);
}

/// A Java string literal; a backslash is escaped, so no unicode escape can begin in it.
fn literal(text: &str) -> String {
    super::quoted(text, &[], |c| format!("\\u{c:04x}"))
}
