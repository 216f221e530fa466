//! Completion while the shell asks chaterr itself (`source <(COMPLETE=bash chaterr)`, through
//! clap_complete's dynamic engine): after `lookup`, vendors and source ids, then the codes, the
//! documents' names and the SDKs' symbols that start with what has been typed, from the embedded
//! catalogue and the user's own (config dir and `CHATERR_CATALOG`).

use std::collections::BTreeMap;
use std::ffi::OsStr;

use clap_complete::engine::{CompletionCandidate, ValueCompleter};

use crate::catalogue::user::{self, Locations};
use crate::catalogue::{Catalogue, Entry};

/// How many characters of a description a code's candidate shows (zsh and fish show it).
const HELP_CHARS: usize = 60;

/// The words of `lookup`: `[VENDOR] CODE...`.
#[derive(Debug, Clone, Copy)]
pub struct LookupWords;

impl ValueCompleter for LookupWords {
    fn complete(&self, current: &OsStr) -> Vec<CompletionCandidate> {
        self.complete_at(1, current)
    }

    fn complete_at(&self, index: usize, current: &OsStr) -> Vec<CompletionCandidate> {
        let Some(typed) = current.to_str() else {
            return Vec::new();
        };
        // A broken user catalogue is `chaterr check`'s to report; complete from what is sound.
        let catalogue = user::load(&Locations::from_env(Vec::new(), false))
            .unwrap_or_else(|_| Catalogue::embedded());
        lookup_words(&catalogue, index, typed)
            .into_iter()
            .map(|(value, help)| CompletionCandidate::new(value).help(Some(help.into())))
            .collect()
    }
}

/// The candidates for the `index`th word of `lookup` (0 may be a vendor), as (value, help), in
/// order: scope words, then codes in numeric order or names in alphabetical order. Nothing but
/// scope words for an empty word: every code would be thousands of candidates.
pub fn lookup_words(catalogue: &Catalogue, index: usize, typed: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let lower = typed.to_ascii_lowercase();
    if index == 0 {
        for vendor in catalogue.vendors() {
            if vendor.starts_with(&lower) {
                out.push((vendor.to_owned(), "vendor".to_owned()));
            }
        }
        for source in catalogue.sources() {
            if source.id.starts_with(&lower) {
                let title = source.title.as_deref().unwrap_or("source");
                out.push((source.id.to_string(), title.to_owned()));
            }
        }
    }
    if typed.is_empty() {
        return out;
    }
    let digits = typed.strip_prefix(['-', '+']).unwrap_or(typed);
    if digits.bytes().all(|b| b.is_ascii_digit()) {
        let mut codes: BTreeMap<i64, String> = BTreeMap::new();
        for entry in catalogue.entries() {
            if entry.code.to_string().starts_with(typed) {
                codes
                    .entry(entry.code)
                    .or_insert_with(|| code_help(catalogue, entry));
            }
        }
        out.extend(
            codes
                .into_iter()
                .map(|(code, help)| (code.to_string(), help)),
        );
    } else {
        let mut names: BTreeMap<&str, String> = BTreeMap::new();
        for entry in catalogue.entries() {
            let symbols = entry.symbols.iter().map(|s| s.name.as_ref());
            for name in entry.name().into_iter().chain(symbols) {
                let start = name.get(..typed.len());
                if start.is_some_and(|start| start.eq_ignore_ascii_case(typed)) {
                    let source = &catalogue.source_of(entry).id;
                    names
                        .entry(name)
                        .or_insert_with(|| format!("{source} {}", entry.code_label()));
                }
            }
        }
        out.extend(
            names
                .into_iter()
                .map(|(name, help)| (name.to_owned(), help)),
        );
    }
    out
}

/// "zego-zim: Token is invalid. Please call the renewToken method…"
fn code_help(catalogue: &Catalogue, entry: &Entry) -> String {
    let source = &catalogue.source_of(entry).id;
    let text = match entry.description() {
        "" => entry.name().unwrap_or_default(),
        description => description,
    };
    let mut help = format!("{source}: ");
    let mut chars = text.chars();
    help.extend(chars.by_ref().take(HELP_CHARS));
    if chars.next().is_some() {
        help.push('…');
    }
    help
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(index: usize, typed: &str) -> Vec<String> {
        lookup_words(&Catalogue::embedded(), index, typed)
            .into_iter()
            .map(|(value, _)| value)
            .collect()
    }

    #[test]
    fn the_first_word_may_be_a_vendor_or_a_source() {
        let zego = values(0, "ze");
        assert_eq!(zego[0], "zego");
        for id in [
            "zego-zim",
            "zego-zim-zh",
            "zego-server",
            "zego-zpns-en",
            "zego-sdk",
        ] {
            assert!(zego.contains(&id.to_owned()), "{zego:?}");
        }
        assert!(values(0, "").contains(&"agora".to_owned()));
        assert!(
            values(1, "").is_empty(),
            "no code is offered for an empty word"
        );
        assert!(
            values(1, "ze").is_empty(),
            "after the first word, no vendor"
        );
    }

    #[test]
    fn codes_complete_in_numeric_order_with_their_text() {
        let found = lookup_words(&Catalogue::embedded(), 1, "600010");
        let codes: Vec<&str> = found.iter().map(|(v, _)| v.as_str()).collect();
        assert!(codes.contains(&"6000103"), "{codes:?}");
        assert!(codes.iter().all(|c| c.starts_with("600010")), "{codes:?}");
        let help = &found[codes.iter().position(|c| *c == "6000103").unwrap()].1;
        assert!(help.starts_with("zego-zim-en: Token is invalid."), "{help}");
        assert!(values(1, "-100").contains(&"-10001".to_owned()));
    }

    #[test]
    fn a_word_that_cuts_a_character_in_two_is_no_prefix() {
        let mut entry = Catalogue::embedded().entry(0).clone();
        entry.set_text(crate::catalogue::Field::Name, "ÉCHEC_RÉSEAU");
        entry.symbols = Vec::new().into();
        let catalogue = Catalogue::new(Catalogue::embedded().sources().to_vec(), vec![entry]);
        let names = |typed| -> Vec<String> {
            lookup_words(&catalogue, 1, typed)
                .into_iter()
                .map(|(v, _)| v)
                .collect()
        };
        assert!(names("E").is_empty());
        assert_eq!(names("ÉCHEC"), ["ÉCHEC_RÉSEAU"]);
    }

    #[test]
    fn names_and_every_platforms_symbols_complete_case_insensitively() {
        assert!(values(1, "USER_NOT_LOG").contains(&"USER_NOT_LOGIN".to_owned()));
        assert!(values(1, "user_not_log").contains(&"USER_NOT_LOGIN".to_owned()));
        let zim = values(1, "ZIMErrorCodeNetworkModuleToken");
        assert!(
            zim.contains(&"ZIMErrorCodeNetworkModuleTokenInvalid".to_owned()),
            "{zim:?}"
        );
        assert!(
            values(1, "networkModuleTokenInv").contains(&"networkModuleTokenInvalid".to_owned())
        );
    }
}
