//! The text fields of an entry, once: every place that reads, writes, checks, compares or
//! searches an entry's texts loops over [`Field::ALL`], so a new field is one variant here.

/// One text field of an entry: its key in a catalogue file and in the JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Name,
    Part,
    Category,
    Description,
    Reason,
    Action,
    Note,
    /// chaterr's classification: what kind of failure (docs/classification.md).
    Class,
    /// chaterr's classification: whether and how to retry.
    Retry,
    /// chaterr's classification: the specific problem, the same id across vendors.
    Concept,
}

/// The values of [`Field::Class`].
pub const CLASSES: [&str; 15] = [
    "auth",
    "permission",
    "invalid_argument",
    "not_found",
    "conflict",
    "limit",
    "rate_limit",
    "plan",
    "state",
    "network",
    "server",
    "content",
    "client",
    "unknown",
    "success",
];

/// The values of [`Field::Retry`].
pub const RETRIES: [&str; 3] = ["backoff", "relogin", "never"];

/// Where a field stands on a card (`chaterr lookup` on a terminal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardPlace {
    /// Right under the code, styled as one: the symbolic name.
    Heading,
    /// After the document: where the document files the code.
    Filing,
    /// The description itself.
    Body,
    /// After the SDKs' symbols and comments.
    Detail,
    /// chaterr's own reading, shown together and labelled as ours.
    Ours,
}

impl Field {
    /// Every field, in the order of a catalogue file's keys and of the JSON output.
    pub const ALL: [Field; 10] = [
        Field::Name,
        Field::Part,
        Field::Category,
        Field::Description,
        Field::Reason,
        Field::Action,
        Field::Note,
        Field::Class,
        Field::Retry,
        Field::Concept,
    ];

    pub const COUNT: usize = Field::ALL.len();

    /// Its position in [`Field::ALL`] (and in an entry's array of texts).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The key in a catalogue file and in the JSON output.
    pub const fn name(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Part => "part",
            Field::Category => "category",
            Field::Description => "description",
            Field::Reason => "reason",
            Field::Action => "action",
            Field::Note => "note",
            Field::Class => "class",
            Field::Retry => "retry",
            Field::Concept => "concept",
        }
    }

    /// The field a key names.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The label on a card.
    pub const fn label(self) -> &'static str {
        match self {
            Field::Name => "Name",
            Field::Part => "Part",
            Field::Category => "Category",
            Field::Description => "Description",
            Field::Reason => "Reason",
            Field::Action => "Action",
            Field::Note => "Note",
            Field::Class => "Kind",
            Field::Retry => "Retry",
            Field::Concept => "Problem",
        }
    }

    /// Whether chaterr wrote it (its classification), not the vendor: shown labelled as ours,
    /// and kept for the embedded catalogue in codes/ours/labels/, not in the vendors' files.
    pub const fn is_ours(self) -> bool {
        matches!(self, Field::Class | Field::Retry | Field::Concept)
    }

    /// Checks a value: a class or retry is one of its values, a concept a snake_case id.
    pub fn check(self, value: &str) -> Result<(), String> {
        let one_of = |values: &[&str]| {
            if values.contains(&value) {
                Ok(())
            } else {
                Err(format!(
                    "`{}` {value:?} is not one of {}",
                    self.name(),
                    values.join(", ")
                ))
            }
        };
        match self {
            Field::Class => one_of(&CLASSES),
            Field::Retry => one_of(&RETRIES),
            Field::Concept if is_snake_case(value) => Ok(()),
            Field::Concept => Err(format!(
                "concept {value:?} must be a snake_case id (lowercase letters, digits, _)"
            )),
            _ => Ok(()),
        }
    }

    /// Whether every entry must give it (the document's text may still be `""`).
    pub const fn required(self) -> bool {
        matches!(self, Field::Description)
    }

    /// How much a word in this field says about the entry, for ranked search; 0 where search
    /// does not read it.
    pub const fn weight(self) -> f64 {
        match self {
            Field::Name => 3.0,
            Field::Category => 1.2,
            Field::Description => 1.0,
            Field::Reason => 0.8,
            Field::Note => 0.6,
            Field::Action => 0.5,
            Field::Part => 0.3,
            Field::Class | Field::Retry | Field::Concept => 0.0,
        }
    }

    /// Whether a difference in it makes a code "changed" in `chaterr diff`. Part and category
    /// are where a document files a code, not what it says about it, so a re-organised page
    /// does not flag every code.
    pub const fn compared(self) -> bool {
        match self {
            Field::Name | Field::Description | Field::Reason | Field::Action | Field::Note => true,
            Field::Part | Field::Category => false,
            // Ours, not what a document says.
            Field::Class | Field::Retry | Field::Concept => false,
        }
    }

    /// Its column in plain output (1-based): after vendor, source and code; [`ORIGIN_COLUMN`]
    /// is the entry's origin.
    pub const fn plain_column(self) -> usize {
        match self {
            Field::Name => 4,
            Field::Description => 5,
            Field::Reason => 6,
            Field::Action => 7,
            Field::Category => 8,
            Field::Part => 9,
            Field::Note => 10,
            Field::Class => 12,
            Field::Retry => 13,
            Field::Concept => 14,
        }
    }

    /// Where it stands on a card.
    pub const fn card_place(self) -> CardPlace {
        match self {
            Field::Name => CardPlace::Heading,
            Field::Part | Field::Category => CardPlace::Filing,
            Field::Description => CardPlace::Body,
            Field::Reason | Field::Action | Field::Note => CardPlace::Detail,
            Field::Class | Field::Retry | Field::Concept => CardPlace::Ours,
        }
    }
}

/// Plain output's column of the entry's origin, between the fields.
pub const ORIGIN_COLUMN: usize = 11;

/// Lowercase ASCII letters, digits and inner underscores, starting with a letter.
pub fn is_snake_case(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && !id.ends_with('_')
        && !id.contains("__")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A value for each field, indexed by [`Field`].
pub type Texts<T> = [Option<T>; Field::COUNT];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_in_index_order_and_names_round_trip() {
        for (i, field) in Field::ALL.into_iter().enumerate() {
            assert_eq!(field.index(), i);
            assert_eq!(Field::from_name(field.name()), Some(field));
        }
        assert_eq!(Field::from_name("code"), None);
    }

    #[test]
    fn plain_columns_are_distinct_and_contiguous_around_the_origin() {
        let mut columns: Vec<usize> = Field::ALL.iter().map(|f| f.plain_column()).collect();
        columns.push(ORIGIN_COLUMN);
        columns.sort_unstable();
        let expected: Vec<usize> = (4..5 + Field::COUNT).collect();
        assert_eq!(columns, expected);
    }

    #[test]
    fn values_are_checked() {
        assert!(Field::Class.check("auth").is_ok());
        assert!(Field::Class.check("Auth").is_err());
        assert!(Field::Retry.check("relogin").is_ok());
        assert!(Field::Retry.check("later").is_err());
        assert!(Field::Concept.check("token_expired").is_ok());
        for bad in ["Token", "token-expired", "_x", "x_", "a__b", ""] {
            assert!(Field::Concept.check(bad).is_err(), "{bad}");
        }
        assert!(Field::Description.check("anything").is_ok());
    }
}
