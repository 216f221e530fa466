//! A sentence-embedding model run in plain Rust: BERT's WordPiece tokenizer and encoder forward
//! pass (all-MiniLM-L6-v2's shape) over int8 weights, mean pooling, L2 normalisation. The file
//! it reads is written by chaterr's scripts/semantic/export.py; it imports nothing of chaterr.

mod bert;
mod tokenizer;

pub use bert::{Bert, MAX_TOKENS};
pub use tokenizer::{Tokenizer, vocabulary_index};

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("the model file does not start with the expected magic bytes")]
    Magic,
    #[error("the model file is truncated")]
    Truncated,
    #[error("the model file's shape is not one this crate reads")]
    Shape,
    #[error(
        "the model file's vocabulary is not UTF-8, lacks [UNK], [CLS] or [SEP], or is not the one its index was built from"
    )]
    Vocab,
}

impl Bert {
    /// A text's vector: the model's mean-pooled, L2-normalised output.
    pub fn embed(&self, text: &str) -> Vec<f32> {
        self.embed_ids(&self.sequence(text))
    }
}

/// Dot product: the cosine similarity of two L2-normalised vectors.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
