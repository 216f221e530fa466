//! Human output: cards for single entries, tables for lists, wrapped to the terminal.

use std::io::{self, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, ContentArrangement, Table};

use super::Paint;
use crate::catalogue::vendor::display_name;
use crate::catalogue::{Catalogue, Entry, EntryRef, Field, Source};
use crate::query::concepts::ConceptRow;
use crate::query::diff::Diff;
use crate::query::search::Highlight;
use chaterr_catalogue::field::CardPlace;

/// The longest run of characters without a space a table cell holds: comfy-table's time grows
/// with the square of a word's length when it splits it, so longer words are broken first.
const MAX_WORD_CHARS: usize = 200;

/// A cell whose long words (a 100 KB word in a user's description) are broken every
/// [`MAX_WORD_CHARS`] characters; colour escapes are kept whole and not counted.
pub(super) fn cell(content: impl ToString) -> Cell {
    let text = content.to_string();
    if text.len() <= MAX_WORD_CHARS {
        return Cell::new(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / MAX_WORD_CHARS);
    let (mut run, mut escape) = (0, false);
    for c in text.chars() {
        if escape {
            escape = c != 'm';
        } else if c == '\x1b' {
            escape = true;
        } else if c.is_whitespace() {
            run = 0;
        } else if run == MAX_WORD_CHARS {
            out.push(' ');
            run = 1;
        } else {
            run += 1;
        }
        out.push(c);
    }
    Cell::new(out)
}

pub(super) fn table(width: Option<u16>) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic);
    // A terminal that reports 0 columns (or COLUMNS=0) is a width not known: 100, as in a pipe.
    match width.or_else(|| t.width()) {
        Some(0) => t.set_width(100),
        Some(width) => t.set_width(width),
        None => &mut t,
    };
    t
}

pub(super) fn header(t: &mut Table, paint: &Paint, names: &[&str]) {
    t.set_header(names.iter().map(|n| cell(paint.label(n))));
}

/// "Title, edition, product, platform, language (source-id)", each where known.
fn document(source: &Source) -> String {
    let parts: Vec<&str> = [
        source.title.as_deref().or(Some(&source.id)),
        source.edition.as_deref(),
        source.product.as_deref(),
        source.platform.as_deref(),
        source.language.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    format!("{} ({})", parts.join(", "), source.id)
}

/// The entry's description; for a code only an SDK defines, a warning that says so (in full on
/// a card, `long`; in short in a table row).
fn description(
    e: &EntryRef<'_>,
    paint: &Paint,
    highlight: Option<&Highlight>,
    long: bool,
) -> String {
    if !e.entry.documented {
        paint.warning(if long {
            "Not described in the vendor's error-code document: only the SDK defines this code"
        } else {
            "SDK only: not in the vendor's document"
        })
    } else if e.entry.description().is_empty() {
        paint.dim("(the document gives no description)")
    } else {
        paint.highlighted(e.entry.description(), highlight)
    }
}

/// One line per platform: its names, each with the SDK version it was read from, where known.
fn symbols(e: &EntryRef<'_>, paint: &Paint) -> Option<String> {
    let lines: Vec<String> = e
        .entry
        .symbols_by_platform()
        .map(|(platform, symbols)| {
            let names: Vec<String> = symbols
                .map(|s| match s.version() {
                    Some(version) => format!(
                        "{} {}",
                        paint.code(&s.name),
                        paint.dim(&format!("({version})"))
                    ),
                    None => paint.code(&s.name),
                })
                .collect();
            format!("{platform}: {}", names.join(", "))
        })
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The SDKs' doc comments for the code, each once, with the platforms that carry it.
fn sdk_comments(e: &EntryRef<'_>) -> Option<String> {
    let mut comments: Vec<(&str, Vec<&str>)> = Vec::new();
    for s in e.entry.symbols.iter() {
        let Some(comment) = s.comment.as_deref() else {
            continue;
        };
        match comments.iter_mut().find(|(c, _)| *c == comment) {
            Some((_, platforms)) if platforms.contains(&&*s.platform) => {}
            Some((_, platforms)) => platforms.push(&s.platform),
            None => comments.push((comment, vec![&s.platform])),
        }
    }
    let lines: Vec<String> = comments
        .iter()
        .map(|(comment, platforms)| format!("{comment} ({})", platforms.join(", ")))
        .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// How a retry value reads on a card.
fn retry_advice(retry: &str) -> &str {
    match retry {
        "backoff" => "later, with backoff: the same call may succeed",
        "relogin" => "log in again (renew the credentials), then retry",
        "never" => "not as is: change the request, configuration, plan or state first",
        other => other,
    }
}

/// "tencent 70001, 6206 · agora 202": the codes of the same problem elsewhere, by vendor,
/// each code once, at most eight a vendor.
fn elsewhere(catalogue: &Catalogue, equivalents: &[&Entry]) -> String {
    const SHOWN: usize = 8;
    let mut groups: Vec<(&str, Vec<i64>)> = Vec::new();
    for e in equivalents {
        let vendor: &str = &catalogue.source_of(e).vendor;
        let at = match groups.iter().position(|(v, _)| *v == vendor) {
            Some(at) => at,
            None => {
                groups.push((vendor, Vec::new()));
                groups.len() - 1
            }
        };
        if !groups[at].1.contains(&e.code) {
            groups[at].1.push(e.code);
        }
    }
    groups
        .iter()
        .map(|(vendor, codes)| {
            let mut shown: Vec<String> = codes.iter().take(SHOWN).map(i64::to_string).collect();
            if codes.len() > SHOWN {
                shown.push(format!("and {} more", codes.len() - SHOWN));
            }
            format!("{vendor} {}", shown.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn card(
    e: &EntryRef<'_>,
    catalogue: &Catalogue,
    paint: &Paint,
    width: Option<u16>,
    language: &str,
) -> Table {
    let entry = e.entry;
    let mut t = table(width);
    let mut row = |label: &str, value: String| {
        t.add_row(vec![cell(paint.label(label)), cell(value)]);
    };
    // The fields of one place on the card, each with its label.
    let fields = |place: CardPlace| {
        Field::ALL
            .into_iter()
            .filter(move |f| f.card_place() == place)
            .filter_map(|f| entry.text(f).map(|text| (f.label(), text)))
    };
    row("Code", paint.code(&entry.code_label()));
    for (label, text) in fields(CardPlace::Heading) {
        row(label, paint.code(text));
    }
    row(
        "Vendor",
        format!("{} ({})", display_name(&e.source.vendor), e.source.vendor),
    );
    row("Document", document(e.source));
    for (label, text) in fields(CardPlace::Filing) {
        row(label, text.to_owned());
    }
    for field in Field::ALL
        .into_iter()
        .filter(|f| f.card_place() == CardPlace::Body)
    {
        row(field.label(), description(e, paint, None, true));
    }
    if let Some(symbols) = symbols(e, paint) {
        row("SDK symbols", symbols);
    }
    if let Some(comments) = sdk_comments(e) {
        row("SDK comments", comments);
    }
    for (label, text) in fields(CardPlace::Detail) {
        row(label, text.to_owned());
    }
    // chaterr's own reading, together and labelled as such.
    let mut ours = false;
    for field in Field::ALL
        .into_iter()
        .filter(|f| f.card_place() == CardPlace::Ours)
    {
        let Some(text) = entry.text(field) else {
            continue;
        };
        ours = true;
        let value = match field {
            Field::Retry => retry_advice(text).to_owned(),
            Field::Concept => match catalogue.concept(text) {
                Some(concept) => {
                    let (title, guidance) = match language {
                        "zh" => (&concept.title_zh, &concept.guidance_zh),
                        _ => (&concept.title, &concept.guidance),
                    };
                    format!("{title} {}\n{guidance}", paint.dim(&format!("({text})")))
                }
                None => text.to_owned(),
            },
            _ => text.to_owned(),
        };
        row(field.label(), value);
        if field == Field::Concept {
            let equivalents = catalogue.equivalents(entry);
            if !equivalents.is_empty() {
                row("Elsewhere", elsewhere(catalogue, &equivalents));
            }
        }
    }
    if ours {
        row(
            "",
            paint.dim("Kind, retry, problem and elsewhere are chaterr's reading, not the vendor's"),
        );
    }
    if let Some(origin) = entry.origin.as_deref() {
        row("From", origin.to_owned());
    }
    t
}

/// One row per entry: source, code, name (when any entry has one), description.
pub fn entries<'a>(
    rows: impl Iterator<Item = (EntryRef<'a>, Option<&'a Highlight>)>,
    paint: &Paint,
    width: Option<u16>,
) -> Table {
    let rows: Vec<_> = rows.collect();
    let names = rows.iter().any(|(e, _)| e.entry.name().is_some());
    let mut t = table(width);
    if names {
        header(&mut t, paint, &["Source", "Code", "Name", "Description"]);
    } else {
        header(&mut t, paint, &["Source", "Code", "Description"]);
    }
    for (e, highlight) in rows {
        let mut cells = vec![cell(&e.source.id), cell(paint.code(&e.entry.code_label()))];
        if names {
            let name = e.entry.name().unwrap_or_default();
            cells.push(cell(paint.highlighted(name, highlight)));
        }
        cells.push(cell(description(&e, paint, highlight, false)));
        t.add_row(cells);
    }
    t
}

pub fn sources(sources: &[Source], counts: &[usize], paint: &Paint, width: Option<u16>) -> Table {
    let mut t = table(width);
    header(
        &mut t,
        paint,
        &[
            "Source", "Vendor", "Title", "Edition", "Lang", "Platform", "Codes", "From",
        ],
    );
    for (s, count) in sources.iter().zip(counts) {
        let vendor = match s.product.as_deref() {
            Some(product) => format!("{} ({product})", s.vendor),
            None => s.vendor.to_string(),
        };
        t.add_row(vec![
            cell(paint.code(&s.id)),
            cell(vendor),
            cell(s.title.as_deref().unwrap_or_default()),
            cell(s.edition.as_deref().unwrap_or_default()),
            cell(s.language.as_deref().unwrap_or_default()),
            cell(s.platform.as_deref().unwrap_or_default()),
            cell(count),
            cell(source_origin(s)),
        ]);
    }
    t
}

/// "embedded" or a file, then the files that extend it, one per line.
fn source_origin(source: &Source) -> String {
    let mut lines = vec![source.origin.as_deref().unwrap_or("embedded")];
    lines.extend(source.extended_by.iter().map(|f| f.as_ref()));
    lines.join("\n+ ")
}

pub fn diff(
    out: &mut impl Write,
    a: &str,
    b: &str,
    diff: &Diff<'_>,
    paint: &Paint,
    width: Option<u16>,
) -> io::Result<()> {
    writeln!(
        out,
        "{} {a} → {b}: {} only in {a}, {} only in {b}, {} changed",
        paint.label("diff"),
        diff.only_a.len(),
        diff.only_b.len(),
        diff.changed.len()
    )?;
    for (label, side) in [(a, &diff.only_a), (b, &diff.only_b)] {
        if side.is_empty() {
            continue;
        }
        writeln!(
            out,
            "\n{} ({})",
            paint.label(&format!("Only in {label}")),
            side.len()
        )?;
        let rows = side.iter().map(|e| (*e, None));
        writeln!(out, "{}", entries(rows, paint, width))?;
    }
    if !diff.changed.is_empty() {
        writeln!(out, "\n{} ({})", paint.label("Changed"), diff.changed.len())?;
        let mut t = table(width);
        header(&mut t, paint, &["Code", "Field", &format!("{a} → {b}")]);
        for change in &diff.changed {
            for aspect in &change.fields {
                let old = aspect.value(&change.a).unwrap_or_default();
                let new = aspect.value(&change.b).unwrap_or_default();
                t.add_row(vec![
                    cell(paint.code(&change.code.to_string())),
                    cell(aspect.name()),
                    cell(paint.word_diff(&old, &new)),
                ]);
            }
        }
        writeln!(out, "{t}")?;
    }
    Ok(())
}

/// One row per concept: its id and title (ours), then each vendor's codes.
pub fn concepts(rows: &[ConceptRow<'_>], paint: &Paint, width: Option<u16>) -> Table {
    let mut vendors: Vec<&str> = Vec::new();
    for (vendor, _) in rows.iter().flat_map(|r| &r.codes) {
        if !vendors.contains(vendor) {
            vendors.push(vendor);
        }
    }
    let mut t = table(width);
    let mut names = vec!["Concept (chaterr's)"];
    names.extend(vendors.iter().copied());
    header(&mut t, paint, &names);
    for row in rows {
        let mut cells = vec![cell(format!(
            "{}\n{}",
            paint.code(&row.concept.id),
            row.concept.title
        ))];
        for vendor in &vendors {
            let codes = row
                .codes
                .iter()
                .find(|(v, _)| v == vendor)
                .map(|(_, codes)| {
                    let codes: Vec<String> = codes.iter().map(i64::to_string).collect();
                    codes.join(", ")
                })
                .unwrap_or_default();
            cells.push(cell(codes));
        }
        t.add_row(cells);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_are_broken_and_colour_escapes_kept_whole() {
        let longest = |text: &str| text.split_whitespace().map(|w| w.chars().count()).max();
        let broken = cell("é".repeat(1000)).content();
        assert_eq!(longest(&broken), Some(MAX_WORD_CHARS));
        assert_eq!(broken.chars().filter(|c| *c != ' ').count(), 1000);
        let short = "a few short words";
        assert_eq!(cell(short).content(), short);
        let coloured = format!("\x1b[1;33m{}\x1b[0m", "y".repeat(500));
        let broken = cell(&coloured).content();
        assert!(broken.starts_with("\x1b[1;33m"), "{broken:?}");
        assert!(broken.ends_with("\x1b[0m"), "{broken:?}");
        assert_eq!(broken.matches(' ').count(), 2);
    }
}
