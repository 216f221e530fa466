//! The short text a tool's answer carries for the model, beside the JSON: plain lines, no
//! colour, no table borders, every field an entry has (the loop is over `Field::ALL`).

use crate::catalogue::{EntryRef, Field, Source};
use crate::render::scan::short;

/// "zego 6000103 (zego-zim)", or "tencent-chat 120001-130000 (tencent-chat)" for a range.
fn heading(e: &EntryRef<'_>) -> String {
    format!(
        "{} {} ({})",
        e.source.vendor,
        e.entry.code_label(),
        e.source.id
    )
}

/// What the entry says, or that only an SDK defines the code.
fn description(e: &EntryRef<'_>, long: bool) -> String {
    let text = e.entry.description();
    if !e.entry.documented {
        "not described in the vendor's error-code document: only the SDK defines this code"
            .to_owned()
    } else if text.is_empty() {
        "(the document gives no description)".to_owned()
    } else if long {
        text.to_owned()
    } else {
        short(text).into_owned()
    }
}

/// An entry in full: the heading and description, then each other field the entry has, its
/// origin when a user's file gave it, and the SDKs' symbols.
pub fn card(e: &EntryRef<'_>) -> String {
    let mut text = format!("{}: {}", heading(e), description(e, true));
    for field in Field::ALL.into_iter().filter(|f| *f != Field::Description) {
        if let Some(value) = e.entry.text(field) {
            // chaterr's classification says whose it is, as everywhere it is shown.
            let ours = if field.is_ours() {
                " (chaterr's reading)"
            } else {
                ""
            };
            text.push_str(&format!("\n  {}{ours}: {}", field.label(), one_line(value)));
        }
    }
    if e.entry.origin_label() != "embedded" {
        text.push_str(&format!("\n  From: {}", e.entry.origin_label()));
    }
    let symbols: Vec<String> = e
        .entry
        .symbols_by_platform()
        .map(|(platform, symbols)| {
            let names: Vec<&str> = symbols.map(|s| s.name.as_ref()).collect();
            format!("{platform} {}", names.join(", "))
        })
        .collect();
    if !symbols.is_empty() {
        text.push_str(&format!("\n  SDK symbols: {}", symbols.join("; ")));
    }
    text
}

/// An entry on one line: heading, category, and the first sentence of its description.
pub fn line(e: &EntryRef<'_>) -> String {
    let name = e.entry.name().map(|n| format!(" {n}")).unwrap_or_default();
    let category = e
        .entry
        .text(Field::Category)
        .map(|c| format!(" [{c}]"))
        .unwrap_or_default();
    format!(
        "{}{name}{category}: {}",
        heading(e),
        one_line(&description(e, false))
    )
}

/// A source: id, vendor, title and edition, how many codes.
pub fn source(s: &Source, codes: usize) -> String {
    let title = s.title.as_deref().unwrap_or_default();
    let edition = s
        .edition
        .as_deref()
        .map(|e| format!(", {e}"))
        .unwrap_or_default();
    let origin = s
        .origin
        .as_deref()
        .map(|o| format!(", from {o}"))
        .unwrap_or_default();
    format!(
        "{} ({}): {title}{edition}{origin}; {codes} codes",
        s.id, s.vendor
    )
}

/// Line breaks inside a field would split what reads as one item.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters of `text`, "…" marking a cut.
pub fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}
