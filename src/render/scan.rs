//! What `chaterr scan` prints: annotated lines, JSON Lines, or a summary table.

use std::io::{self, Write};

use owo_colors::Style;
use serde::Serialize;

use super::table::cell;
use super::{Output, Paint};
use crate::query::explain::{Explained, SummaryRow};
use crate::render::Format;
use crate::scan::Piece;

/// The first sentence of a description, at most about 100 characters.
pub fn short(description: &str) -> String {
    if description.is_empty() {
        return "(the document gives no description)".to_owned();
    }
    let first = description
        .find(". ")
        .map_or(description, |end| &description[..=end])
        .lines()
        .next()
        .unwrap_or_default();
    if first.chars().count() <= 100 {
        first.to_owned()
    } else {
        let cut: String = first.chars().take(99).collect();
        format!("{}…", cut.trim_end())
    }
}

/// "[zego: Token is invalid.]", one explanation per vendor (a vendor's first source speaks
/// for it: Tencent's current edition before the earlier one).
fn annotation(explained: &Explained<'_>, paint: &Paint) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut parts = Vec::new();
    for e in &explained.entries {
        let vendor = e.source.vendor.as_ref();
        if seen.contains(&vendor) {
            continue;
        }
        seen.push(vendor);
        let text = if e.entry.description().is_empty() && !e.entry.documented {
            "(not described in the vendor's error-code document)".to_owned()
        } else {
            short(e.entry.description())
        };
        // A symbol does not show the code: say it.
        match explained.found.by_name {
            true => parts.push(format!("{vendor} {}: {text}", e.entry.code_label())),
            false => parts.push(format!("{vendor}: {text}")),
        }
    }
    paint.style(&format!("[{}]", parts.join(" | ")), Style::new().yellow())
}

#[derive(Serialize)]
struct FindingJson<'a> {
    file: &'a str,
    line: u64,
    column: usize,
    code: i64,
    vendor: &'a str,
    source: &'a str,
    name: Option<&'a str>,
    description: &'a str,
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
        for e in explained {
            let span = e.found.span.clone();
            self.out.write_all(&piece.text[at..span.start])?;
            let digits = String::from_utf8_lossy(&piece.text[span.clone()]);
            write!(
                self.out,
                "{} {}",
                paint.code(&digits),
                annotation(e, &paint)
            )?;
            at = span.end;
        }
        self.out.write_all(&piece.text[at..])?;
        if only_matching && piece.continued {
            self.out.write_all("…\n".as_bytes())?;
        }
        self.out.write_all(piece.ending)
    }

    /// One JSON object per line for each code found and each entry explaining it.
    pub fn scan_json(
        &mut self,
        file: &str,
        piece: &Piece<'_>,
        explained: &[Explained<'_>],
    ) -> io::Result<()> {
        for e in explained {
            for entry in &e.entries {
                let finding = FindingJson {
                    file,
                    line: piece.line,
                    column: piece.offset + e.found.span.start + 1,
                    code: e.found.code,
                    vendor: &entry.source.vendor,
                    source: &entry.source.id,
                    name: entry.entry.name(),
                    description: entry.entry.description(),
                };
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
                    source: &'a str,
                    code: i64,
                    count: u64,
                    first: &'a str,
                    description: &'a str,
                }
                let rows: Vec<RowJson<'_>> = rows
                    .iter()
                    .map(|r| RowJson {
                        vendor: &r.entry.source.vendor,
                        source: &r.entry.source.id,
                        code: r.code,
                        count: r.count,
                        first: &r.first,
                        description: r.entry.entry.description(),
                    })
                    .collect();
                serde_json::to_writer_pretty(&mut self.out, &rows).map_err(io::Error::from)?;
                writeln!(self.out)
            }
            Format::Plain => {
                for r in rows {
                    writeln!(
                        self.out,
                        "{}\t{}\t{}\t{}\t{}\t{}",
                        r.entry.source.vendor,
                        r.entry.source.id,
                        r.code,
                        r.count,
                        r.first,
                        short(r.entry.entry.description())
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
                        cell(&r.entry.source.vendor),
                        cell(paint.code(&r.code.to_string())),
                        cell(r.count),
                        cell(&r.first),
                        cell(short(r.entry.entry.description())),
                    ]);
                }
                writeln!(self.out, "{t}")
            }
        }
    }
}
