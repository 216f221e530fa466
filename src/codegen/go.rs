//! Go: a typed integer per source, its codes as constants, `String()`, `Code()`,
//! `Description()` and `Known()`; any other code is kept in the same type. Written as gofmt
//! leaves it (a test runs gofmt where Go is installed).

use std::fmt::Write as _;

use super::{Case, Enumeration, Label, Member, Options, comment, member_doc};

pub fn generate(enumerations: &[Enumeration<'_>], options: &Options) -> String {
    let package = options.package.as_deref().unwrap_or("chaterr");
    let preamble = format!("\npackage {package}\n\nimport \"strconv\"\n");
    let int = if super::fits_i32(enumerations) {
        "int"
    } else {
        "int64"
    };
    super::file(enumerations, options, "//", &preamble, |out, e| {
        write_enum(out, e, int)
    })
}

fn write_enum<'a>(out: &mut String, e: &Enumeration<'a>, int: &str) {
    let ty = Case::UpperCamel.apply(&e.name);
    let names: Vec<String> = super::member_identifiers(e, Case::UpperCamel, &["FromCode"])
        .into_iter()
        .map(|n| format!("{ty}{n}"))
        .collect();
    let mut doc = super::type_doc(e);
    doc[0] = format!("{ty} is {}", lower_first(&doc[0]));
    doc.push(String::new());
    doc.push("A code not listed here is kept as it is: Known reports false for it.".to_owned());
    comment(out, "", "//", &doc);
    let _ = writeln!(out, "type {ty} {int}\n");
    let _ = writeln!(out, "// The codes of {ty}.\nconst (");
    for (i, (member, name)) in e.members.iter().zip(&names).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut doc = member_doc(member);
        doc[0] = format!("{name}: {}", doc[0]);
        comment(out, "\t", "//", &doc);
        let _ = writeln!(out, "\t{name} {ty} = {}", member.code);
    }
    out.push_str(")\n\n");

    let _ = writeln!(
        out,
        "// {ty}FromCode returns the code as a {ty}, listed or not.\n\
         func {ty}FromCode(code {int}) {ty} {{\n\treturn {ty}(code)\n}}\n"
    );
    let _ = writeln!(
        out,
        "// Code returns the code, as the vendor's SDK and server report it.\n\
         func (c {ty}) Code() {int} {{\n\treturn {int}(c)\n}}\n"
    );
    let _ = writeln!(
        out,
        "// Known reports whether the code is one listed in {ty}.\n\
         func (c {ty}) Known() bool {{\n\treturn c.name() != \"\"\n}}\n"
    );
    let _ = writeln!(
        out,
        "// String returns the code's name, or {ty}(code) for one not listed.\n\
         func (c {ty}) String() string {{\n\tif name := c.name(); name != \"\" {{\n\t\treturn name\n\t}}\n\t\
         return \"{ty}(\" + strconv.FormatInt(int64(c), 10) + \")\"\n}}\n"
    );
    let quoted: Vec<Option<String>> = names.iter().map(|n| Some(literal(n))).collect();
    switch(out, &ty, "name", "string", None, &names, &quoted, "\"\"");
    out.push('\n');
    let descriptions: Vec<Option<String>> = e
        .members
        .iter()
        .map(|m| Some(literal(m.description)))
        .collect();
    switch(
        out,
        &ty,
        "Description",
        "string",
        Some("returns the vendor's description of the code; empty where it gives none"),
        &names,
        &descriptions,
        "\"\"",
    );
    if e.classified {
        for label in Label::ALL {
            let method = Case::UpperCamel.apply(&label.accessor(false));
            let method = method.as_str();
            let doc = format!("returns {}, not the vendor's", label.what());
            let value = |m: &Member<'a>| m.label(label);
            let values: Vec<Option<String>> =
                e.members.iter().map(|m| value(m).map(literal)).collect();
            out.push('\n');
            let doc = format!("{doc}; empty where chaterr has none");
            switch(
                out,
                &ty,
                method,
                "string",
                Some(&doc),
                &names,
                &values,
                "\"\"",
            );
        }
        let _ = writeln!(
            out,
            "\n// IsRetryable reports whether chaterr advises retrying the code after a backoff\n\
             // (not the vendor's advice).\n\
             func (c {ty}) IsRetryable() bool {{\n\treturn c.Retry() == \"backoff\"\n}}"
        );
    }
}

/// A method switching on the code: a case per member with a value, then the default.
#[allow(clippy::too_many_arguments)]
fn switch(
    out: &mut String,
    ty: &str,
    method: &str,
    returns: &str,
    doc: Option<&str>,
    names: &[String],
    values: &[Option<String>],
    default: &str,
) {
    if let Some(doc) = doc {
        let _ = writeln!(out, "// {method} {doc}.");
    }
    let _ = writeln!(out, "func (c {ty}) {method}() {returns} {{\n\tswitch c {{");
    for (name, value) in names.iter().zip(values) {
        if let Some(value) = value {
            let _ = writeln!(out, "\tcase {name}:\n\t\treturn {value}");
        }
    }
    let _ = writeln!(out, "\t}}\n\treturn {default}\n}}");
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().collect::<String>() + chars.as_str()
    })
}

/// A Go interpreted string literal.
fn literal(text: &str) -> String {
    super::quoted(text, &[], |c| format!("\\u{c:04x}"))
}
