//! The forward pass of a BERT encoder (all-MiniLM-L6-v2: 6 layers, hidden 384, 12 heads, FFN
//! 1536) for one sequence, mean-pooled and L2-normalised, as sentence-transformers computes it.
//!
//! The file (models/minilm-l6-int8.bin, scripts/semantic/export.py writes it) holds the embedding
//! tables and linear weights as int8 rows with one f32 scale each, biases and LayerNorm in f32.
//! A linear layer's weights are dequantised into one scratch matrix just before its product, so
//! that only a layer's worth of f32 weights is ever in memory.

use crate::ModelError;
use crate::tokenizer::Tokenizer;

const MAGIC: &[u8; 8] = b"CHMINI\x00\x01";
const LAYER_NORM_EPS: f32 = 1e-12;
/// The longest sequence embedded, `[CLS]` and `[SEP]` included (sentence-transformers' limit).
pub const MAX_TOKENS: usize = 256;

/// Rows of int8 values, each with its f32 scale: `value = q × scale`.
struct Rows {
    scales: Vec<f32>,
    q: &'static [u8],
    cols: usize,
}

impl Rows {
    fn row_into(&self, row: usize, out: &mut [f32]) {
        let scale = self.scales[row];
        let q = &self.q[row * self.cols..(row + 1) * self.cols];
        for (o, &v) in out.iter_mut().zip(q) {
            *o = f32::from(v as i8) * scale;
        }
    }
}

struct Linear {
    /// out × in, one row per output.
    weights: Rows,
    bias: Vec<f32>,
}

struct Norm {
    gamma: Vec<f32>,
    beta: Vec<f32>,
}

struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    attention_out: Linear,
    attention_norm: Norm,
    up: Linear,
    down: Linear,
    out_norm: Norm,
}

pub struct Bert {
    pub tokenizer: Tokenizer,
    hidden: usize,
    heads: usize,
    words: Rows,
    positions: Rows,
    token_type: Vec<f32>,
    embedding_norm: Norm,
    layers: Vec<Layer>,
}

/// Reads the file front to back.
struct Reader {
    rest: &'static [u8],
}

impl Reader {
    fn take(&mut self, n: usize) -> Result<&'static [u8], ModelError> {
        let (head, tail) = self.rest.split_at_checked(n).ok_or(ModelError::Truncated)?;
        self.rest = tail;
        Ok(head)
    }

    fn u32(&mut self) -> Result<usize, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().expect("four bytes")) as usize)
    }

    fn floats(&mut self, n: usize) -> Result<Vec<f32>, ModelError> {
        Ok(self
            .take(n * 4)?
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes(b.try_into().expect("four bytes")))
            .collect())
    }

    fn rows(&mut self, rows: usize, cols: usize) -> Result<Rows, ModelError> {
        Ok(Rows {
            scales: self.floats(rows)?,
            q: self.take(rows * cols)?,
            cols,
        })
    }

    fn linear(&mut self, out: usize, input: usize) -> Result<Linear, ModelError> {
        Ok(Linear {
            weights: self.rows(out, input)?,
            bias: self.floats(out)?,
        })
    }

    fn norm(&mut self, n: usize) -> Result<Norm, ModelError> {
        Ok(Norm {
            gamma: self.floats(n)?,
            beta: self.floats(n)?,
        })
    }
}

impl Bert {
    /// Reads the format export.py writes (little-endian): magic; u32 vocabulary size, hidden,
    /// layers, heads, FFN size, positions, vocabulary bytes; the vocabulary, one token a line; the
    /// word and position tables (scales, then int8 rows); token type 0's row, the embeddings'
    /// LayerNorm; per layer query, key, value, attention output (+ LayerNorm), intermediate,
    /// output (+ LayerNorm), each linear as scales, int8 rows (out × in) and bias.
    ///
    /// `index` is the vocabulary's index ([`vocabulary_index`](crate::vocabulary_index) of
    /// [`Bert::vocabulary`]) when it was built beforehand; `None` builds it here (a few
    /// milliseconds).
    pub fn parse(bytes: &'static [u8], index: Option<&'static [u8]>) -> Result<Bert, ModelError> {
        let mut r = Reader {
            rest: bytes.strip_prefix(MAGIC).ok_or(ModelError::Magic)?,
        };
        let [size, hidden, layers, heads, ffn, positions, vocab_len] =
            std::array::from_fn(|_| r.u32());
        let (size, hidden, layers, heads, ffn, positions) =
            (size?, hidden?, layers?, heads?, ffn?, positions?);
        if heads == 0 || hidden % heads != 0 || positions < MAX_TOKENS {
            return Err(ModelError::Shape);
        }
        let words = std::str::from_utf8(r.take(vocab_len?)?).map_err(|_| ModelError::Vocab)?;
        if words.split('\n').count() != size {
            return Err(ModelError::Vocab);
        }
        let tokenizer = Tokenizer::new(words, index).ok_or(ModelError::Vocab)?;
        let words = r.rows(size, hidden)?;
        let positions = r.rows(positions, hidden)?;
        let token_type = r.floats(hidden)?;
        let embedding_norm = r.norm(hidden)?;
        let layers = (0..layers)
            .map(|_| {
                Ok(Layer {
                    query: r.linear(hidden, hidden)?,
                    key: r.linear(hidden, hidden)?,
                    value: r.linear(hidden, hidden)?,
                    attention_out: r.linear(hidden, hidden)?,
                    attention_norm: r.norm(hidden)?,
                    up: r.linear(ffn, hidden)?,
                    down: r.linear(hidden, ffn)?,
                    out_norm: r.norm(hidden)?,
                })
            })
            .collect::<Result<Vec<_>, ModelError>>()?;
        if !r.rest.is_empty() {
            return Err(ModelError::Shape);
        }
        Ok(Bert {
            tokenizer,
            hidden,
            heads,
            words,
            positions,
            token_type,
            embedding_norm,
            layers,
        })
    }

    /// The vocabulary of a model file (its tokens separated by `\n`, in id order), without
    /// reading the rest: what build.rs indexes.
    pub fn vocabulary(bytes: &[u8]) -> Result<&str, ModelError> {
        let rest = bytes.strip_prefix(MAGIC).ok_or(ModelError::Magic)?;
        let header = rest.get(..28).ok_or(ModelError::Truncated)?;
        let len = u32::from_le_bytes(header[24..28].try_into().expect("four bytes")) as usize;
        let words = rest.get(28..28 + len).ok_or(ModelError::Truncated)?;
        std::str::from_utf8(words).map_err(|_| ModelError::Vocab)
    }

    pub fn dims(&self) -> usize {
        self.hidden
    }

    /// `[CLS]`, the text's tokens (as many as fit), `[SEP]`.
    pub fn sequence(&self, text: &str) -> Vec<u32> {
        let t = &self.tokenizer;
        let mut ids = t.ids(text);
        ids.truncate(MAX_TOKENS - 2);
        ids.insert(0, t.cls);
        ids.push(t.sep);
        ids
    }

    /// The sentence vector of a token sequence (from [`Bert::sequence`]): the last layer's
    /// outputs averaged over every token, L2-normalised.
    pub fn embed_ids(&self, ids: &[u32]) -> Vec<f32> {
        let (t, h) = (ids.len(), self.hidden);
        let mut x = vec![0f32; t * h];
        let mut row = vec![0f32; h];
        for (i, &id) in ids.iter().enumerate() {
            let out = &mut x[i * h..(i + 1) * h];
            self.words.row_into(id as usize, out);
            self.positions.row_into(i, &mut row);
            for ((o, p), tt) in out.iter_mut().zip(&row).zip(&self.token_type) {
                *o += p + tt;
            }
        }
        layer_norm(&mut x, &self.embedding_norm, h);
        let ffn = self.layers.first().map_or(0, |l| l.up.bias.len());
        let mut scratch = Scratch {
            weights: Vec::with_capacity(h * ffn.max(h)),
        };
        let (mut q, mut k, mut v) = (vec![0f32; t * h], vec![0f32; t * h], vec![0f32; t * h]);
        let mut attended = vec![0f32; t * h];
        let mut projected = vec![0f32; t * h];
        let mut up = vec![0f32; t * ffn];
        for layer in &self.layers {
            scratch.apply(&layer.query, &x, t, &mut q);
            scratch.apply(&layer.key, &x, t, &mut k);
            scratch.apply(&layer.value, &x, t, &mut v);
            self.attention(&q, &k, &v, t, &mut attended);
            scratch.apply(&layer.attention_out, &attended, t, &mut projected);
            for (p, xi) in projected.iter_mut().zip(&x) {
                *p += xi;
            }
            layer_norm(&mut projected, &layer.attention_norm, h);
            std::mem::swap(&mut x, &mut projected);
            scratch.apply(&layer.up, &x, t, &mut up);
            up.iter_mut().for_each(|u| *u = gelu(*u));
            scratch.apply(&layer.down, &up, t, &mut projected);
            for (p, xi) in projected.iter_mut().zip(&x) {
                *p += xi;
            }
            layer_norm(&mut projected, &layer.out_norm, h);
            std::mem::swap(&mut x, &mut projected);
        }
        let mut pooled = vec![0f32; h];
        for token in x.chunks_exact(h) {
            for (p, v) in pooled.iter_mut().zip(token) {
                *p += v;
            }
        }
        let norm = pooled.iter().map(|v| v * v).sum::<f32>().sqrt();
        if norm > 0.0 {
            pooled.iter_mut().for_each(|v| *v /= norm);
        }
        pooled
    }

    /// Multi-head self-attention over the whole sequence (no padding, so no mask).
    fn attention(&self, q: &[f32], k: &[f32], v: &[f32], t: usize, out: &mut [f32]) {
        let h = self.hidden;
        let d = h / self.heads;
        let scale = 1.0 / (d as f32).sqrt();
        let mut weights = vec![0f32; t];
        out.fill(0.0);
        for head in 0..self.heads {
            let lane = head * d..(head + 1) * d;
            for i in 0..t {
                let qi = &q[i * h..][lane.clone()];
                for (j, w) in weights.iter_mut().enumerate() {
                    let kj = &k[j * h..][lane.clone()];
                    *w = qi.iter().zip(kj).map(|(a, b)| a * b).sum::<f32>() * scale;
                }
                let max = weights.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                let mut sum = 0.0;
                for w in &mut weights {
                    *w = (*w - max).exp();
                    sum += *w;
                }
                let oi = &mut out[i * h..][lane.clone()];
                for (j, w) in weights.iter().enumerate() {
                    let vj = &v[j * h..][lane.clone()];
                    let w = w / sum;
                    for (o, x) in oi.iter_mut().zip(vj) {
                        *o += w * x;
                    }
                }
            }
        }
    }
}

/// The f32 weights of the linear layer being applied.
struct Scratch {
    weights: Vec<f32>,
}

/// Up to this many tokens a linear layer reads its int8 rows directly (a query); longer
/// sequences (the catalogue's texts, embedded once) dequantise the matrix for matrixmultiply.
const DIRECT_TOKENS: usize = 48;

impl Scratch {
    /// `out = x · Wᵀ + b` for `t` rows of `x`.
    fn apply(&mut self, linear: &Linear, x: &[f32], t: usize, out: &mut [f32]) {
        if t <= DIRECT_TOKENS {
            direct(linear, x, t, out);
        } else {
            self.product(linear, x, t, out);
        }
    }

    fn product(&mut self, linear: &Linear, x: &[f32], t: usize, out: &mut [f32]) {
        let (n, k) = (linear.bias.len(), linear.weights.cols);
        self.weights.resize(n * k, 0.0);
        for (r, row) in self.weights.chunks_exact_mut(k).enumerate() {
            linear.weights.row_into(r, row);
        }
        for row in out.chunks_exact_mut(n) {
            row.copy_from_slice(&linear.bias);
        }
        // SAFETY: x is t × k, the weights n × k (read transposed as k × n: row stride 1,
        // column stride k) and out t × n, all row-major, with the lengths asserted here.
        assert!(x.len() >= t * k && self.weights.len() == n * k && out.len() >= t * n);
        unsafe {
            matrixmultiply::sgemm(
                t,
                k,
                n,
                1.0,
                x.as_ptr(),
                k as isize,
                1,
                self.weights.as_ptr(),
                1,
                k as isize,
                1.0,
                out.as_mut_ptr(),
                n as isize,
                1,
            );
        }
    }
}

/// `out = x · Wᵀ + b` four tokens at a time: their activations stay in the first-level cache
/// while every weight row meets them, its int8 values made f32 in registers. (Row by row over
/// every token instead, a long query's activations were read again from the second-level cache
/// for each of the layer's rows: that, not the arithmetic, was the cost of each token.) With
/// AVX2 where the processor has it (the baseline x86-64 target has only SSE2).
fn direct(linear: &Linear, x: &[f32], t: usize, out: &mut [f32]) {
    let (n, k) = (linear.bias.len(), linear.weights.cols);
    let weights = &linear.weights;
    for i in (0..t).step_by(4) {
        // The last block of fewer than four tokens repeats its last token: the sums of one
        // vector never depend on the others', so a token's result does not depend on the
        // sequence's length.
        let tokens: [&[f32]; 4] = std::array::from_fn(|j| {
            let token = (i + j).min(t - 1);
            &x[token * k..(token + 1) * k]
        });
        let block = (t - i).min(4);
        for o in 0..n {
            let q = &weights.q[o * k..(o + 1) * k];
            let sums = dot_q8_4(q, tokens);
            let (scale, bias) = (weights.scales[o], linear.bias[o]);
            for (j, sum) in sums[..block].iter().enumerate() {
                out[(i + j) * n + o] = sum * scale + bias;
            }
        }
    }
}

/// [`dot_q8`] of four vectors, in AVX2 registers where the processor has them.
#[inline(always)]
fn dot_q8_4(q: &[u8], b: [&[f32]; 4]) -> [f32; 4] {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor has AVX2, checked just above.
        return unsafe { dot_q8_4_avx2(q, b) };
    }
    dot_q8::<4>(q, b)
}

/// `N` dot products of one int8 row with `N` vectors, each in eight lanes: lane `l` of vector
/// `j` sums `q[8c + l] × b[j][8c + l]` in order of `c`, then the lanes are added in order and
/// the tail (`q.len() % 8` values) after them.
#[inline(always)]
fn dot_q8<const N: usize>(q: &[u8], b: [&[f32]; N]) -> [f32; N] {
    let mut lanes = [[0f32; 8]; N];
    let whole = q.len() / 8 * 8;
    let b = b.map(|v| &v[..q.len()]);
    for (c, w) in q[..whole].chunks_exact(8).enumerate() {
        let w: [f32; 8] = std::array::from_fn(|l| f32::from(w[l] as i8));
        for (lanes, y) in lanes.iter_mut().zip(&b) {
            let y = &y[c * 8..c * 8 + 8];
            for l in 0..8 {
                lanes[l] += w[l] * y[l];
            }
        }
    }
    std::array::from_fn(|j| {
        let tail: f32 = q[whole..]
            .iter()
            .zip(&b[j][whole..])
            .map(|(&w, y)| f32::from(w as i8) * y)
            .sum();
        lanes[j].iter().sum::<f32>() + tail
    })
}

/// [`dot_q8`] for four vectors in AVX2 registers: the same conversions, multiplications and
/// additions in the same order (no fused multiply-add), so the same sums to the bit.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn dot_q8_4_avx2(q: &[u8], b: [&[f32]; 4]) -> [f32; 4] {
    use std::arch::x86_64::{__m256, _mm_loadl_epi64, _mm256_add_ps, _mm256_cvtepi8_epi32};
    use std::arch::x86_64::{_mm256_cvtepi32_ps, _mm256_loadu_ps, _mm256_mul_ps};
    use std::arch::x86_64::{_mm256_setzero_ps, _mm256_storeu_ps};
    let whole = q.len() / 8 * 8;
    assert!(b.iter().all(|v| v.len() >= q.len()));
    let mut acc: [__m256; 4] = [_mm256_setzero_ps(); 4];
    for c in (0..whole).step_by(8) {
        // SAFETY: c + 8 <= whole <= q.len() <= each b's length, asserted above.
        unsafe {
            let w = _mm_loadl_epi64(q.as_ptr().add(c).cast());
            let w = _mm256_cvtepi32_ps(_mm256_cvtepi8_epi32(w));
            for (acc, v) in acc.iter_mut().zip(&b) {
                let y = _mm256_loadu_ps(v.as_ptr().add(c));
                *acc = _mm256_add_ps(*acc, _mm256_mul_ps(w, y));
            }
        }
    }
    std::array::from_fn(|j| {
        let mut lanes = [0f32; 8];
        // SAFETY: lanes holds eight f32.
        unsafe { _mm256_storeu_ps(lanes.as_mut_ptr(), acc[j]) };
        let tail: f32 = q[whole..]
            .iter()
            .zip(&b[j][whole..])
            .map(|(&w, y)| f32::from(w as i8) * y)
            .sum();
        lanes.iter().sum::<f32>() + tail
    })
}

fn layer_norm(x: &mut [f32], norm: &Norm, h: usize) {
    for row in x.chunks_exact_mut(h) {
        let mean = row.iter().sum::<f32>() / h as f32;
        let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / h as f32;
        let inv = 1.0 / (var + LAYER_NORM_EPS).sqrt();
        for ((v, g), b) in row.iter_mut().zip(&norm.gamma).zip(&norm.beta) {
            *v = (*v - mean) * inv * g + b;
        }
    }
}

/// Exact (erf) GELU, as BERT; erf by Abramowitz and Stegun 7.1.26 (error below 1.5e-7), the
/// same approximation as export.py's numpy pass.
fn gelu(x: f32) -> f32 {
    let z = x.abs() / std::f32::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_6
            + t * (-0.284_496_74 + t * (1.421_413_8 + t * (-1.453_152 + t * 1.061_405_4))));
    let erf = (1.0 - poly * (-z * z).exp()).copysign(x);
    0.5 * x * (1.0 + erf)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The AVX2 kernel adds in the portable loop's order: the sums are equal to the bit, so a
    /// query's vector does not depend on the processor.
    #[test]
    fn the_vector_kernel_sums_as_the_portable_loop() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 40) as f32 / (1u64 << 23) as f32 - 1.0
        };
        for len in [384, 1536, 13] {
            let a: Vec<u8> = (0..len).map(|_| (next() * 127.0) as i8 as u8).collect();
            let b: Vec<Vec<f32>> = (0..4).map(|_| (0..len).map(|_| next()).collect()).collect();
            let b = [&b[0][..], &b[1], &b[2], &b[3]];
            let portable = dot_q8::<4>(&a, b);
            assert_eq!(
                dot_q8_4(&a, b).map(f32::to_bits),
                portable.map(f32::to_bits)
            );
            for (j, v) in b.iter().enumerate() {
                assert_eq!(dot_q8::<1>(&a, [v])[0].to_bits(), portable[j].to_bits());
                let pair = dot_q8::<2>(&a, [v, b[0]]);
                assert_eq!(
                    pair.map(f32::to_bits),
                    [portable[j], portable[0]].map(f32::to_bits)
                );
            }
        }
    }
}
