//! What `chaterr scan` prints: annotated lines, JSON Lines, or a summary table.

use std::borrow::Cow;
use std::io::{self, Write};

use owo_colors::Style;
use serde::Serialize;

use super::Output;
use super::table::cell;
use crate::catalogue::Field;
use crate::query::explain::{Explained, SummaryRow};
use crate::render::Format;
use crate::scan::{Piece, chars};

/// The first sentence of a description, at most about 100 characters.
pub fn short(description: &str) -> Cow<'_, str> {
    if description.is_empty() {
        return Cow::Borrowed("(the document gives no description)");
    }
    let first = description
        .find(". ")
        .map_or(description, |end| &description[..=end])
        .lines()
        .next()
        .unwrap_or_default();
    match first.char_indices().nth(100) {
        None => Cow::Borrowed(first),
        Some(_) => {
            let cut: String = first.chars().take(99).collect();
            Cow::Owned(format!("{}…", cut.trim_end()))
        }
    }
}

/// "[zego: Token is invalid.]", one explanation per vendor (a vendor's first source speaks
/// for it: Tencent's current edition before the earlier one). Written into `text`, which it
/// empties first: a scan writes one for every code it finds.
fn annotation(explained: &Explained<'_>, text: &mut String) {
    use std::fmt::Write as _;
    // Each part after the first (past the opening bracket) is set off by a bar.
    let part = |text: &mut String| {
        if text.len() > 1 {
            text.push_str(" | ");
        }
    };
    text.clear();
    text.push('[');
    if let Some(vendor) = explained.unknown {
        part(text);
        let _ = write!(text, "{vendor}: {NOT_IN_CATALOGUE}");
    }
    for (i, e) in explained.entries.iter().enumerate() {
        let vendor = e.source.vendor.as_ref();
        if explained.entries[..i]
            .iter()
            .any(|s| *s.source.vendor == *vendor)
        {
            continue;
        }
        let description = if e.entry.description().is_empty() && !e.entry.documented {
            Cow::Borrowed("(not described in the vendor's error-code document)")
        } else {
            short(e.entry.description())
        };
        part(text);
        // A symbol does not show the code: say it.
        let _ = match explained.found.by_name {
            true => write!(text, "{vendor} {}: {description}", e.entry.code_label()),
            false => write!(text, "{vendor}: {description}"),
        };
    }
    text.push(']');
}

/// A summary row's short description, or what stands for it when the catalogue lacks the code.
fn row_description(row: &SummaryRow<'_>) -> String {
    match row.entry {
        Some(entry) => short(entry.entry.description()).into_owned(),
        None => NOT_IN_CATALOGUE.to_owned(),
    }
}

const NOT_IN_CATALOGUE: &str = "not in the catalogue";

#[derive(Serialize)]
struct FindingJson<'a> {
    file: &'a str,
    line: u64,
    column: usize,
    code: i64,
    vendor: &'a str,
    /// None: the code is not in the catalogue.
    source: Option<&'a str>,
    name: Option<&'a str>,
    description: Option<&'a str>,
    documented: bool,
    /// chaterr's classification: what kind of failure, and whether to retry.
    class: Option<&'a str>,
    retry: Option<&'a str>,
}

impl<W: Write> Output<W> {
    pub fn format(&self) -> Format {
        self.format
    }

    /// The line as it was, each explained code followed by its explanation. With
    /// `only_matching`, a part of a very long line stands on a line of its own, marked "…" where
    /// the line goes on before or after it.
    pub fn scan_annotated(
        &mut self,
        piece: &Piece<'_>,
        explained: &[Explained<'_>],
        only_matching: bool,
    ) -> io::Result<()> {
        let paint = self.paint();
        if only_matching && piece.offset > 0 {
            self.out.write_all("…".as_bytes())?;
        }
        let mut at = 0;
        let mut text = String::new();
        for e in explained {
            let span = e.found.span.clone();
            self.out.write_all(&piece.text[at..span.start])?;
            paint.write(
                &mut self.out,
                &String::from_utf8_lossy(&piece.text[span.clone()]),
                Style::new().bold().cyan(),
            )?;
            self.out.write_all(b" ")?;
            annotation(e, &mut text);
            paint.write(&mut self.out, &text, Style::new().yellow())?;
            at = span.end;
        }
        self.out.write_all(&piece.text[at..])?;
        if only_matching && piece.continued {
            self.out.write_all("…\n".as_bytes())?;
        }
        self.out.write_all(piece.ending)
    }

    /// Lines with nothing to explain, as they are.
    pub fn scan_plain(&mut self, text: &[u8]) -> io::Result<()> {
        self.out.write_all(text)
    }

    /// One JSON object per line for each code found and each entry explaining it.
    pub fn scan_json(
        &mut self,
        file: &str,
        piece: &Piece<'_>,
        explained: &[Explained<'_>],
    ) -> io::Result<()> {
        // Characters before the last code's start: the codes stand in order, each counted on
        // from the last, so that a long line of many codes is counted once.
        let (mut at, mut before) = (0, piece.chars_before);
        for e in explained {
            // A character column, as editors count: 报错6012 puts the code at 3, not 7.
            let start = e.found.span.start;
            if start >= at {
                before += chars(&piece.text[at..start]);
            } else {
                before = piece.chars_before + chars(&piece.text[..start]);
            }
            at = start;
            let column = before + 1;
            let findings = e
                .entries
                .iter()
                .map(|entry| (entry.source.vendor.as_ref(), Some(entry)))
                .chain(e.unknown.map(|vendor| (vendor, None)))
                .map(|(vendor, entry)| FindingJson {
                    file,
                    line: piece.line,
                    column,
                    code: e.found.code,
                    vendor,
                    source: entry.map(|e| e.source.id.as_ref()),
                    name: entry.and_then(|e| e.entry.name()),
                    description: entry.map(|e| e.entry.description()),
                    documented: entry.is_some_and(|e| e.entry.documented),
                    class: entry.and_then(|e| e.entry.text(Field::Class)),
                    retry: entry.and_then(|e| e.entry.text(Field::Retry)),
                });
            for finding in findings {
                serde_json::to_writer(&mut self.out, &finding).map_err(io::Error::from)?;
                self.out.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    /// The codes found, most frequent first: vendor, code, count, first line, and the
    /// description of the vendor's first source that documents it.
    pub fn scan_summary(&mut self, rows: &[SummaryRow<'_>]) -> io::Result<()> {
        match self.format {
            Format::Json => {
                #[derive(Serialize)]
                struct RowJson<'a> {
                    vendor: &'a str,
                    source: Option<&'a str>,
                    code: i64,
                    count: u64,
                    first: &'a str,
                    description: Option<&'a str>,
                    documented: bool,
                    class: Option<&'a str>,
                    retry: Option<&'a str>,
                }
                let rows: Vec<RowJson<'_>> = rows
                    .iter()
                    .map(|r| RowJson {
                        vendor: r.vendor,
                        source: r.entry.map(|e| e.source.id.as_ref()),
                        code: r.code,
                        count: r.count,
                        first: &r.first,
                        description: r.entry.map(|e| e.entry.description()),
                        documented: r.entry.is_some_and(|e| e.entry.documented),
                        class: r.entry.and_then(|e| e.entry.text(Field::Class)),
                        retry: r.entry.and_then(|e| e.entry.text(Field::Retry)),
                    })
                    .collect();
                serde_json::to_writer_pretty(&mut self.out, &rows).map_err(io::Error::from)?;
                writeln!(self.out)
            }
            Format::Plain => {
                for r in rows {
                    let ours = |field| r.entry.and_then(|e| e.entry.text(field)).unwrap_or("");
                    writeln!(
                        self.out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        r.vendor,
                        r.entry.map_or("-", |e| e.source.id.as_ref()),
                        r.code,
                        r.count,
                        r.first,
                        row_description(r),
                        ours(Field::Class),
                        ours(Field::Retry),
                    )?;
                }
                Ok(())
            }
            Format::Table => {
                let paint = self.paint();
                let mut t = super::table::table(self.width);
                super::table::header(
                    &mut t,
                    &paint,
                    &["Vendor", "Code", "Count", "First seen", "Description"],
                );
                for r in rows {
                    t.add_row(vec![
                        cell(r.vendor),
                        cell(paint.code(&r.code.to_string())),
                        cell(r.count),
                        cell(&r.first),
                        cell(row_description(r)),
                    ]);
                }
                writeln!(self.out, "{t}")
            }
        }
    }
}
