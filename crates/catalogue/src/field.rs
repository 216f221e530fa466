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
}

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
}

impl Field {
    /// Every field, in the order of a catalogue file's keys and of the JSON output.
    pub const ALL: [Field; 7] = [
        Field::Name,
        Field::Part,
        Field::Category,
        Field::Description,
        Field::Reason,
        Field::Action,
        Field::Note,
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
        }
    }

    /// Whether a difference in it makes a code "changed" in `chaterr diff`. Part and category
    /// are where a document files a code, not what it says about it, so a re-organised page
    /// does not flag every code.
    pub const fn compared(self) -> bool {
        match self {
            Field::Name | Field::Description | Field::Reason | Field::Action | Field::Note => true,
            Field::Part | Field::Category => false,
        }
    }

    /// Its column in plain output (1-based, after vendor, source and code).
    pub const fn plain_column(self) -> usize {
        match self {
            Field::Name => 4,
            Field::Description => 5,
            Field::Reason => 6,
            Field::Action => 7,
            Field::Category => 8,
            Field::Part => 9,
            Field::Note => 10,
        }
    }

    /// Where it stands on a card.
    pub const fn card_place(self) -> CardPlace {
        match self {
            Field::Name => CardPlace::Heading,
            Field::Part | Field::Category => CardPlace::Filing,
            Field::Description => CardPlace::Body,
            Field::Reason | Field::Action | Field::Note => CardPlace::Detail,
        }
    }
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
    fn plain_columns_are_distinct_and_contiguous() {
        let mut columns: Vec<usize> = Field::ALL.iter().map(|f| f.plain_column()).collect();
        columns.sort_unstable();
        let expected: Vec<usize> = (4..4 + Field::COUNT).collect();
        assert_eq!(columns, expected);
    }
}
