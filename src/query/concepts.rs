//! The cross-vendor map: chaterr's concepts, each with every vendor's codes for it.

use crate::catalogue::{Catalogue, Concept, EntryRef};

/// A concept and its entries, grouped by vendor.
#[derive(Debug)]
pub struct ConceptRow<'a> {
    pub concept: Concept,
    /// Vendor → its codes for the concept, each once, in code order; vendors in catalogue order.
    pub codes: Vec<(&'a str, Vec<i64>)>,
    /// Every entry of the concept, in catalogue order.
    pub entries: Vec<EntryRef<'a>>,
}

/// The concepts whose id or title contains `text` (case-insensitive; all without it), only those
/// at least two vendors share when `shared`; in the order of codes/ours/concepts.toml.
pub fn concepts<'a>(
    catalogue: &'a Catalogue,
    text: Option<&str>,
    shared: bool,
) -> Vec<ConceptRow<'a>> {
    let text = text.map(str::to_lowercase);
    let vendors = catalogue.vendors();
    catalogue
        .concepts()
        .filter(|c| {
            text.as_deref().is_none_or(|t| {
                c.id.contains(t) || c.title.to_lowercase().contains(t) || c.title_zh.contains(t)
            })
        })
        .map(|concept| {
            let entries: Vec<EntryRef<'a>> = catalogue
                .members(&concept.id)
                .into_iter()
                .map(|e| catalogue.entry_ref(e))
                .collect();
            let mut codes: Vec<(&'a str, Vec<i64>)> = Vec::new();
            for vendor in &vendors {
                let mut list: Vec<i64> = entries
                    .iter()
                    .filter(|e| e.source.vendor == *vendor)
                    .map(|e| e.entry.code)
                    .collect();
                list.sort_unstable();
                list.dedup();
                if !list.is_empty() {
                    codes.push((vendor, list));
                }
            }
            ConceptRow {
                concept,
                codes,
                entries,
            }
        })
        .filter(|row| !shared || row.codes.len() >= 2)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_expired_is_shared_by_every_vendor() {
        let catalogue = Catalogue::embedded();
        let rows = concepts(&catalogue, Some("token_expired"), true);
        let row = rows
            .iter()
            .find(|r| r.concept.id == "token_expired")
            .expect("token_expired is a shared concept");
        let mut vendors: Vec<&str> = row.codes.iter().map(|(v, _)| *v).collect();
        vendors.sort_unstable();
        assert_eq!(vendors, ["agora", "tencent", "zego"]);
        let codes = |vendor: &str| &row.codes.iter().find(|(v, _)| *v == vendor).unwrap().1;
        assert!(codes("zego").contains(&6000106));
        assert!(codes("tencent").contains(&70001) && codes("tencent").contains(&6206));
    }
}
