//! The embedded catalogue's vectors (models/entry-vectors.bin): one per entry (its
//! [`entry_text`](super::entry_text)) and one per sentence of our words for each concept (their
//! English lines), computed by [`write_vectors`] with the same forward pass as queries, and
//! stored as int8 rows with one f32 scale each.

use super::{Bert, ModelError, embed, entry_text};
use crate::catalogue::{Catalogue, Field};

const MAGIC: &[u8; 8] = b"CHVECS\x00\x01";
/// An entry without a concept (or with one that has no words).
const NO_CONCEPT: u16 = u16::MAX;

pub struct Meaning {
    dims: usize,
    /// Per embedded entry, the index of its concept.
    entry_concepts: Vec<u16>,
    concept_ids: Vec<&'static str>,
    /// Per concept, its sentences: a range of sentence rows.
    concept_sentences: Vec<(usize, usize)>,
    entries: usize,
    scales: Vec<f32>,
    /// Entries' rows, then sentences'.
    rows: &'static [u8],
    pub texts_hash: u64,
}

/// What the vectors were computed from: every entry's text and every concept's sentences, in
/// catalogue order (FNV-1a, 64 bits). A test compares it with the file's.
pub fn texts_hash(catalogue: &Catalogue) -> u64 {
    let mut hash = Fnv::new();
    for entry in catalogue.entries() {
        hash.write(entry_text(entry).as_bytes());
        hash.write(b"\x00");
        hash.write(entry.text(Field::Concept).unwrap_or("").as_bytes());
        hash.write(b"\x01");
    }
    for concept in catalogue.concepts() {
        hash.write(concept.id.as_bytes());
        hash.write(b"\x02");
        hash.write(concept.words.as_bytes());
        hash.write(b"\x03");
    }
    hash.0
}

/// The mean of the two nearest similarities, or the nearest where there is no second.
fn nearest_two(first: f32, second: f32) -> f32 {
    if second.is_finite() {
        (first + second) / 2.0
    } else {
        first
    }
}

struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The file for `catalogue` (the embedded one): every entry and concept sentence through the
/// model. `progress` is called after each text with (done, total).
pub fn write_vectors(
    model: &Bert,
    catalogue: &Catalogue,
    mut progress: impl FnMut(usize, usize),
) -> Vec<u8> {
    let concepts: Vec<_> = catalogue.concepts().collect();
    let concept_index = |id: &str| concepts.iter().position(|c| c.id.as_ref() == id);
    let entries: Vec<(String, u16)> = catalogue
        .entries()
        .map(|e| {
            let concept = e.text(Field::Concept).and_then(concept_index);
            (
                entry_text(e),
                concept
                    .and_then(|c| u16::try_from(c).ok())
                    .unwrap_or(NO_CONCEPT),
            )
        })
        .collect();
    let sentences: Vec<Vec<&str>> = concepts
        .iter()
        .map(|c| c.words.lines().filter(|l| !l.trim().is_empty()).collect())
        .collect();
    let texts: Vec<&str> = entries
        .iter()
        .map(|(t, _)| t.as_str())
        .chain(sentences.iter().flatten().copied())
        .collect();
    let dims = model.dims();
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    let ids: String = concepts
        .iter()
        .map(|c| c.id.as_ref())
        .collect::<Vec<_>>()
        .join("\n");
    for n in [
        dims,
        entries.len(),
        concepts.len(),
        texts.len() - entries.len(),
        ids.len(),
    ] {
        out.extend_from_slice(&u32::try_from(n).expect("fits u32").to_le_bytes());
    }
    out.extend_from_slice(&texts_hash(catalogue).to_le_bytes());
    out.extend_from_slice(ids.as_bytes());
    for (_, concept) in &entries {
        out.extend_from_slice(&concept.to_le_bytes());
    }
    for s in &sentences {
        out.extend_from_slice(&u32::try_from(s.len()).expect("fits u32").to_le_bytes());
    }
    let mut rows = Vec::with_capacity(texts.len() * dims);
    for (done, text) in texts.iter().enumerate() {
        let v = if text.trim().is_empty() {
            vec![0.0; dims]
        } else {
            embed(model, text)
        };
        let max = v.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        out.extend_from_slice(&scale.to_le_bytes());
        rows.extend(
            v.iter()
                .map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8 as u8),
        );
        progress(done + 1, texts.len());
    }
    // Scales first, then rows: written as [scale, row] pairs above would interleave; keep the
    // reader simple by moving the rows after all scales.
    out.extend_from_slice(&rows);
    out
}

impl Meaning {
    /// Reads what [`write_vectors`] writes: magic; u32 dims, entries, concepts, sentences and
    /// concept-id bytes; u64 texts hash; the concept ids, one a line; u16 concept per entry
    /// (65535: none); u32 sentence count per concept; f32 scale per row; int8 rows (entries,
    /// then sentences).
    pub fn parse(bytes: &'static [u8]) -> Result<Meaning, ModelError> {
        let mut rest = bytes.strip_prefix(MAGIC).ok_or(ModelError::Magic)?;
        let mut take = |n: usize| -> Result<&'static [u8], ModelError> {
            let (head, tail) = rest.split_at_checked(n).ok_or(ModelError::Truncated)?;
            rest = tail;
            Ok(head)
        };
        let mut header = [0usize; 5];
        for h in &mut header {
            *h = u32::from_le_bytes(take(4)?.try_into().expect("four bytes")) as usize;
        }
        let [dims, entries, concepts, sentences, ids_len] = header;
        let texts_hash = u64::from_le_bytes(take(8)?.try_into().expect("eight bytes"));
        let ids = std::str::from_utf8(take(ids_len)?).map_err(|_| ModelError::Vocab)?;
        let concept_ids: Vec<&'static str> = ids.split('\n').filter(|s| !s.is_empty()).collect();
        if concept_ids.len() != concepts {
            return Err(ModelError::Shape);
        }
        let entry_concepts = take(entries * 2)?
            .chunks_exact(2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .collect();
        let mut start = 0;
        let mut concept_sentences = Vec::with_capacity(concepts);
        for b in take(concepts * 4)?.chunks_exact(4) {
            let n = u32::from_le_bytes(b.try_into().expect("four bytes")) as usize;
            concept_sentences.push((start, start + n));
            start += n;
        }
        if start != sentences {
            return Err(ModelError::Shape);
        }
        let count = entries + sentences;
        let scales = take(count * 4)?
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes(b.try_into().expect("four bytes")))
            .collect();
        let rows = take(count * dims)?;
        if !rest.is_empty() {
            return Err(ModelError::Shape);
        }
        Ok(Meaning {
            dims,
            entry_concepts,
            concept_ids,
            concept_sentences,
            entries,
            scales,
            rows,
            texts_hash,
        })
    }

    /// How many embedded entries the file has vectors for.
    pub fn entries(&self) -> usize {
        self.entries
    }

    fn similarity(&self, row: usize, query: &[f32]) -> f32 {
        let q = &self.rows[row * self.dims..(row + 1) * self.dims];
        let dot: f32 = q
            .iter()
            .zip(query)
            .map(|(&v, &x)| f32::from(v as i8) * x)
            .sum();
        dot * self.scales[row]
    }

    /// The query's similarity to each concept: the mean of its two nearest sentences (its one
    /// sentence's where it has one). The nearest alone favoured the concepts with the most
    /// sentences, one of which is near a query by chance more often.
    pub fn concept_similarities(&self, query: &[f32]) -> Vec<f32> {
        self.concept_sentences
            .iter()
            .map(|&(start, end)| {
                let (first, second) = (start..end)
                    .map(|s| self.similarity(self.entries + s, query))
                    .fold((f32::NEG_INFINITY, f32::NEG_INFINITY), |(a, b), x| {
                        if x > a { (x, a) } else { (a, b.max(x)) }
                    });
                nearest_two(first, second)
            })
            .collect()
    }

    /// The query's similarity to an embedded entry's text.
    pub fn entry_similarity(&self, entry: usize, query: &[f32]) -> f32 {
        self.similarity(entry, query)
    }

    /// The concept index of an embedded entry.
    pub fn entry_concept(&self, entry: usize) -> Option<usize> {
        let c = self.entry_concepts[entry];
        (c != NO_CONCEPT).then_some(usize::from(c))
    }

    /// A concept's index by its id.
    pub fn concept_index(&self, id: &str) -> Option<usize> {
        self.concept_ids.iter().position(|c| *c == id)
    }
}

#[cfg(test)]
mod tests {
    use super::nearest_two;

    #[test]
    fn a_concept_is_as_near_as_its_two_nearest_sentences() {
        assert!((nearest_two(0.8, 0.4) - 0.6).abs() < 1e-6);
        assert_eq!(nearest_two(0.7, f32::NEG_INFINITY), 0.7);
        assert_eq!(
            nearest_two(f32::NEG_INFINITY, f32::NEG_INFINITY),
            f32::NEG_INFINITY
        );
    }

    #[cfg(all(chaterr_model, chaterr_vectors))]
    #[test]
    fn a_concept_s_similarity_is_not_its_nearest_sentence_alone() {
        let meaning = crate::query::semantic::meaning().expect("built with the vectors");
        let model = crate::query::semantic::model().expect("built with the model");
        let query = crate::query::semantic::embed(model, "the photo will not send in the group");
        let concepts = meaning.concept_similarities(&query);
        let mut checked = 0;
        for (c, &(start, end)) in meaning.concept_sentences.iter().enumerate() {
            let mut sims: Vec<f32> = (start..end)
                .map(|s| meaning.similarity(meaning.entries + s, &query))
                .collect();
            sims.sort_by(|a, b| b.total_cmp(a));
            if sims.len() >= 2 && sims[0] > sims[1] {
                assert!(
                    (concepts[c] - (sims[0] + sims[1]) / 2.0).abs() < 1e-6,
                    "{c}"
                );
                assert!(concepts[c] < sims[0]);
                checked += 1;
            }
        }
        assert!(checked > 100, "{checked}");
    }
}
