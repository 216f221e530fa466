//! Plain output: tab-separated lines, one record per line, for grep, cut and awk; no colour
//! unless asked for (`--color always`: codes, and a diff's removed and added words).

use std::io::{self, Write};

use super::Paint;
use crate::catalogue::{EntryRef, Field, Source};
use crate::query::concepts::ConceptRow;
use crate::query::diff::Diff;
use chaterr_catalogue::field::ORIGIN_COLUMN;

/// Tabs and line breaks inside a field would break the columns: they become spaces.
fn cell(text: &str) -> String {
    text.split(['\t', '\n', '\r'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn opt(text: Option<&str>) -> String {
    text.map(cell).unwrap_or_default()
}

/// The fields in their plain columns' order ([`Field::plain_column`]).
fn fields_in_column_order() -> [Field; Field::COUNT] {
    let mut fields = Field::ALL;
    fields.sort_by_key(|f| f.plain_column());
    fields
}

/// Columns: vendor, source, code, then the fields (name, description, reason, action,
/// category, part, note), origin, and chaterr's class, retry and concept. Search adds the
/// score; then come [`sdk_columns`], always the last two.
fn entry_line(e: &EntryRef<'_>, paint: &Paint) -> String {
    let entry = e.entry;
    let mut columns = vec![
        cell(&e.source.vendor),
        cell(&e.source.id),
        paint.code(&entry.code_label()),
    ];
    for field in fields_in_column_order() {
        if field.plain_column() > ORIGIN_COLUMN && columns.len() < ORIGIN_COLUMN {
            columns.push(cell(entry.origin_label()));
        }
        columns.push(opt(entry.text(field)));
    }
    if columns.len() < ORIGIN_COLUMN {
        columns.push(cell(entry.origin_label()));
    }
    columns.join("\t")
}

/// The last two columns: `documented` or `sdk-only`, then the SDKs' symbols as
/// `platform:name`, separated by spaces (empty where there are none).
fn sdk_columns(e: &EntryRef<'_>) -> String {
    let status = if e.entry.documented {
        "documented"
    } else {
        "sdk-only"
    };
    let symbols: Vec<String> = e
        .entry
        .symbols
        .iter()
        .map(|s| format!("{}:{}", s.platform, s.name))
        .collect();
    format!("{status}\t{}", symbols.join(" "))
}

pub fn entries(
    out: &mut impl Write,
    entries: &[EntryRef<'_>],
    scores: Option<&[f64]>,
    paint: &Paint,
) -> io::Result<()> {
    for (i, e) in entries.iter().enumerate() {
        let (line, sdk) = (entry_line(e, paint), sdk_columns(e));
        match scores {
            Some(scores) => writeln!(out, "{line}\t{:.3}\t{sdk}", scores[i])?,
            None => writeln!(out, "{line}\t{sdk}")?,
        }
    }
    Ok(())
}

/// Columns: id, vendor, codes, title, edition, origin ("embedded" or the file defining it), the
/// files extending it (comma-separated), language, platform, product.
pub fn sources(out: &mut impl Write, sources: &[Source], counts: &[usize]) -> io::Result<()> {
    for (s, count) in sources.iter().zip(counts) {
        writeln!(
            out,
            "{}\t{}\t{count}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            s.id,
            s.vendor,
            opt(s.title.as_deref()),
            opt(s.edition.as_deref()),
            s.origin.as_deref().unwrap_or("embedded"),
            s.extended_by.join(", "),
            opt(s.language.as_deref()),
            opt(s.platform.as_deref()),
            opt(s.product.as_deref()),
        )?;
    }
    Ok(())
}

/// `only_a`/`only_b` lines carry the entry's columns; `changed` lines carry the code, the
/// field and its word diff (`[-old-]{+new+}`, as wdiff writes it).
pub fn diff(out: &mut impl Write, diff: &Diff<'_>, paint: &Paint) -> io::Result<()> {
    for (label, side) in [("only_a", &diff.only_a), ("only_b", &diff.only_b)] {
        for e in side {
            writeln!(out, "{label}\t{}\t{}", entry_line(e, paint), sdk_columns(e))?;
        }
    }
    for change in &diff.changed {
        for aspect in &change.fields {
            let old = aspect.value(&change.a).unwrap_or_default();
            let new = aspect.value(&change.b).unwrap_or_default();
            writeln!(
                out,
                "changed\t{}\t{}\t{}",
                change.code,
                aspect.name(),
                paint.word_diff(&cell(&old), &cell(&new))
            )?;
        }
    }
    Ok(())
}

/// Columns: concept id, title, then each vendor's codes as `vendor:code,code`, space-separated.
pub fn concepts(out: &mut impl Write, rows: &[ConceptRow<'_>]) -> io::Result<()> {
    for row in rows {
        let codes: Vec<String> = row
            .codes
            .iter()
            .map(|(vendor, codes)| {
                let codes: Vec<String> = codes.iter().map(i64::to_string).collect();
                format!("{vendor}:{}", codes.join(","))
            })
            .collect();
        writeln!(
            out,
            "{}\t{}\t{}",
            row.concept.id,
            cell(&row.concept.title),
            codes.join(" ")
        )?;
    }
    Ok(())
}
