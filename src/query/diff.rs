//! Comparing two sets of entries code by code: what only one side documents, and what both
//! document with different text.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::catalogue::{EntryRef, Field};

/// What two entries of one code can differ in: the end of their range, or a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aspect {
    CodeEnd,
    Text(Field),
}

impl Aspect {
    /// What a difference is looked for in, in order: the range's end, then every field that
    /// [`Field::compared`] says makes a code "changed".
    pub fn compared() -> impl Iterator<Item = Aspect> {
        std::iter::once(Aspect::CodeEnd).chain(
            Field::ALL
                .into_iter()
                .filter(|f| f.compared())
                .map(Aspect::Text),
        )
    }

    /// Its name in diff's output: `code_end`, or the field's key.
    pub fn name(self) -> &'static str {
        match self {
            Aspect::CodeEnd => "code_end",
            Aspect::Text(field) => field.name(),
        }
    }

    /// The entry's value of it; `None` where absent or empty.
    pub fn value<'a>(self, e: &EntryRef<'a>) -> Option<Cow<'a, str>> {
        match self {
            Aspect::CodeEnd => e.entry.code_end.map(|end| end.to_string().into()),
            Aspect::Text(field) => e.entry.text(field).map(Into::into),
        }
    }
}

#[derive(Debug)]
pub struct Change<'a> {
    pub code: i64,
    pub a: EntryRef<'a>,
    pub b: EntryRef<'a>,
    pub fields: Vec<Aspect>,
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

pub fn diff<'a>(a: &[EntryRef<'a>], b: &[EntryRef<'a>]) -> Diff<'a> {
    let (a, b) = (by_code(a), by_code(b));
    let mut out = Diff::default();
    for (code, ea) in &a {
        match b.get(code) {
            None => out.only_a.push(*ea),
            Some(eb) => {
                let fields: Vec<Aspect> = Aspect::compared()
                    .filter(|aspect| aspect.value(ea) != aspect.value(eb))
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
            assert!(change.fields.contains(&Aspect::Text(Field::Description)));
        }
    }
}
