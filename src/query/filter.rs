//! Which entries a query answers with: one [`Filter`], built by each command from its
//! arguments and applied by the queries the same way.

use std::ops::RangeInclusive;

use super::editions::Editions;
use crate::catalogue::{Catalogue, Entry, Field, Scope};

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
    pub fn choose<'a>(&self, catalogue: &Catalogue, entries: Vec<&'a Entry>) -> Vec<&'a Entry> {
        self.editions.select(catalogue, entries)
    }

    /// Whether an entry in scope passes the filter's other conditions.
    pub fn admits(&self, entry: &Entry) -> bool {
        let category = |wanted: &String| {
            entry
                .text(Field::Category)
                .is_some_and(|c| c.to_lowercase().contains(wanted.as_str()))
        };
        (entry.documented || !self.documented_only)
            && self
                .range
                .as_ref()
                .is_none_or(|r| entry.code <= *r.end() && entry.last_code() >= *r.start())
            && self.category.as_ref().is_none_or(category)
            && self
                .equals
                .iter()
                .all(|(field, value)| entry.text(*field) == Some(value.as_str()))
    }
}
