//! Comparing two sets of entries code by code: what only one side documents, and what both
//! document with different text.

use std::collections::BTreeMap;

use crate::catalogue::EntryRef;

/// Fields whose difference makes a code "changed". Part and category are where a document
/// files a code, not what it says about it, so a re-organised page does not flag every code.
pub const COMPARED_FIELDS: [&str; 6] = [
    "code_end",
    "name",
    "description",
    "reason",
    "action",
    "note",
];

#[derive(Debug)]
pub struct Change<'a> {
    pub code: i64,
    pub a: EntryRef<'a>,
    pub b: EntryRef<'a>,
    pub fields: Vec<&'static str>,
}

#[derive(Debug, Default)]
pub struct Diff<'a> {
    pub only_a: Vec<EntryRef<'a>>,
    pub only_b: Vec<EntryRef<'a>>,
    pub changed: Vec<Change<'a>>,
}

impl Diff<'_> {
    pub fn is_empty(&self) -> bool {
        self.only_a.is_empty() && self.only_b.is_empty() && self.changed.is_empty()
    }
}

/// Keyed by code; where one side documents a code twice (a vendor with two editions), its
/// first entry in the order given stands for it.
fn by_code<'a>(entries: &[EntryRef<'a>]) -> BTreeMap<i64, EntryRef<'a>> {
    let mut map = BTreeMap::new();
    for e in entries {
        map.entry(e.entry.code).or_insert(*e);
    }
    map
}

fn field<'a>(e: &'a EntryRef<'_>, name: &str) -> Option<std::borrow::Cow<'a, str>> {
    match name {
        "code_end" => e.entry.code_end.map(|end| end.to_string().into()),
        other => e
            .entry
            .field(other)
            .filter(|t| !t.is_empty())
            .map(Into::into),
    }
}

pub fn diff<'a>(a: &[EntryRef<'a>], b: &[EntryRef<'a>]) -> Diff<'a> {
    let (a, b) = (by_code(a), by_code(b));
    let mut out = Diff::default();
    for (code, ea) in &a {
        match b.get(code) {
            None => out.only_a.push(*ea),
            Some(eb) => {
                let fields: Vec<&'static str> = COMPARED_FIELDS
                    .into_iter()
                    .filter(|name| field(ea, name) != field(eb, name))
                    .collect();
                if !fields.is_empty() {
                    out.changed.push(Change {
                        code: *code,
                        a: *ea,
                        b: *eb,
                        fields,
                    });
                }
            }
        }
    }
    out.only_b = b
        .iter()
        .filter(|(code, _)| !a.contains_key(code))
        .map(|(_, e)| *e)
        .collect();
    out
}

/// A piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Same(String),
    Removed(String),
    Added(String),
}

/// The word diff of two texts, with neighbouring changes of one kind merged into one piece
/// ("[-28 MB-]" rather than "[-28-] [-MB-]"); a lone space between two changes joins them.
pub fn word_diff(old: &str, new: &str) -> Vec<Piece> {
    let diff = similar::TextDiff::configure().diff_words(old, new);
    let mut pieces: Vec<Piece> = Vec::new();
    for change in diff.iter_all_changes() {
        let value = change.value();
        match (change.tag(), pieces.last_mut()) {
            (similar::ChangeTag::Equal, Some(Piece::Same(text))) => text.push_str(value),
            (similar::ChangeTag::Delete, Some(Piece::Removed(text))) => text.push_str(value),
            (similar::ChangeTag::Insert, Some(Piece::Added(text))) => text.push_str(value),
            (similar::ChangeTag::Equal, _) => pieces.push(Piece::Same(value.to_owned())),
            (similar::ChangeTag::Delete, _) => pieces.push(Piece::Removed(value.to_owned())),
            (similar::ChangeTag::Insert, _) => pieces.push(Piece::Added(value.to_owned())),
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Catalogue;

    #[test]
    fn the_tencent_editions_differ_as_documented() {
        let catalogue = Catalogue::embedded();
        let side = |id: &str| -> Vec<EntryRef<'_>> {
            let scope = catalogue.scope(id).unwrap();
            catalogue
                .entries_in(&scope)
                .map(|e| catalogue.entry_ref(e))
                .collect()
        };
        let d = diff(&side("tencent-im"), &side("tencent-chat"));
        assert_eq!(d.only_a.len(), 13);
        assert_eq!(d.only_b.len(), 110);
        for code in [7005, 8001] {
            let change = d.changed.iter().find(|c| c.code == code).unwrap();
            assert!(change.fields.contains(&"description"));
        }
    }

    #[test]
    fn word_diff_marks_the_changed_words() {
        let pieces = word_diff("limit is 28 MB.", "limit is 100 MB.");
        assert_eq!(
            pieces,
            [
                Piece::Same("limit is ".into()),
                Piece::Removed("28".into()),
                Piece::Added("100".into()),
                Piece::Same(" MB.".into()),
            ]
        );
    }
}
