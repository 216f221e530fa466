//! Word diffs of two texts, for `chaterr diff`.

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
