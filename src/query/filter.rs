//! Which entries a query answers with: one [`Filter`], built by each command from its
//! arguments and applied by the queries the same way.

use std::ops::RangeInclusive;

use super::editions::{At, Editions, Row};
use crate::catalogue::{Catalogue, Entry, Field, Key, Scope};

/// The entries a command asks about: a part of the catalogue, and what else an entry must be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub scope: Scope,
    /// Leave out the codes only an SDK defines (`--documented-only`).
    pub documented_only: bool,
    /// Only entries documenting a code in this range (`list --range`).
    pub range: Option<RangeInclusive<i64>>,
    /// Only entries whose category contains this, lowercased, case-insensitively (`list
    /// --category`).
    pub category: Option<String>,
    /// Fields that must have these values: chaterr's class, retry or concept (`--class`, …).
    pub equals: Vec<(Field, String)>,
    /// Which editions answer, in which language, for which platform.
    pub editions: Editions,
}

impl From<Scope> for Filter {
    fn from(scope: Scope) -> Self {
        Filter {
            scope,
            documented_only: false,
            range: None,
            category: None,
            equals: Vec::new(),
            editions: Editions::every(),
        }
    }
}

impl Filter {
    /// Everything in the catalogue.
    pub fn all() -> Self {
        Scope::All.into()
    }

    /// The entries of those given (in scope and admitted) that the editions' choice keeps.
    pub fn choose<'a, R: Row<'a>>(&self, catalogue: &'a Catalogue, entries: Vec<R>) -> Vec<R> {
        self.editions.select(catalogue, entries)
    }

    /// The catalogue's entries in scope that pass the filter's other conditions, by index: built
    /// only where a condition reads their texts.
    pub fn admitted(&self, catalogue: &Catalogue) -> Vec<At> {
        let reads_texts = self.category.is_some() || !self.equals.is_empty();
        (catalogue.indices_in(&self.scope))
            .filter(|&index| {
                if reads_texts {
                    self.admits(catalogue.entry(index))
                } else {
                    self.admits_key(&catalogue.key(index))
                }
            })
            .map(At)
            .collect()
    }

    /// Whether an entry passes the conditions that read no text (`--documented-only`,
    /// `--range`).
    fn admits_key(&self, key: &Key) -> bool {
        (key.documented || !self.documented_only)
            && (self.range.as_ref())
                .is_none_or(|r| key.code <= *r.end() && key.last_code() >= *r.start())
    }

    /// Whether an entry in scope passes the filter's other conditions.
    pub fn admits(&self, entry: &Entry) -> bool {
        let category = |wanted: &String| {
            entry
                .text(Field::Category)
                .is_some_and(|c| c.to_lowercase().contains(wanted.as_str()))
        };
        self.admits_key(&entry.key())
            && self.category.as_ref().is_none_or(category)
            && self
                .equals
                .iter()
                .all(|(field, value)| entry.text(*field) == Some(value.as_str()))
    }
}
