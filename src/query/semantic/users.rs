//! The vectors of users' own entries (their files in the config dir, CHATERR_CATALOG, --catalog):
//! computed by the model on the searches that run it, a few per search, and kept in a cache
//! file, so that a user's wording is read by meaning as the vendors' is.
//!
//! The cache is a convenience, never a cause of failure: a missing, corrupt, foreign or
//! unwritable file means the vectors are computed again (or the entry searched by its words
//! alone), without a word on stderr.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rustc_hash::FxHashMap as HashMap;

use super::{Bert, embed, entry_text};
use crate::catalogue::{Entry, Field};

const MAGIC: &[u8; 8] = b"CHUVEC\x00\x01";
/// The most vectors the cache file keeps (about 4 MB at 396 bytes each).
pub const MAX_VECTORS: usize = 10_000;
/// The most entries one search embeds that the cache does not have yet; the others are read by
/// their words (and concept) alone until a later search has embedded them.
pub const EMBED_PER_SEARCH: usize = 16;
/// And the longest one search spends embedding them (after the first, which is always done).
pub const EMBED_TIME: Duration = Duration::from_millis(20);
/// Which model computed the vectors: a hash of its file (build.rs). A cache written by another
/// model is not read.
const MODEL_HASH: &str = match option_env!("CHATERR_MODEL_HASH") {
    Some(hash) => hash,
    None => "0",
};

/// Users' entries' vectors, as int8 rows with one f32 scale each, by a hash of the text the
/// model reads.
pub struct UserVectors {
    path: Option<PathBuf>,
    dims: usize,
    row_of: HashMap<u64, usize>,
    keys: Vec<u64>,
    scales: Vec<f32>,
    rows: Vec<i8>,
    used: Vec<bool>,
    added: usize,
    embedding_since: Option<Instant>,
}

impl UserVectors {
    /// The cache of this user (`$XDG_CACHE_HOME/chaterr/user-vectors.bin`, the platform's cache
    /// dir elsewhere), or an empty one when it cannot be read.
    pub fn open(dims: usize) -> UserVectors {
        let path = dirs::cache_dir().map(|dir| dir.join("chaterr").join("user-vectors.bin"));
        let mut vectors = UserVectors {
            path,
            dims,
            row_of: HashMap::default(),
            keys: Vec::new(),
            scales: Vec::new(),
            rows: Vec::new(),
            used: Vec::new(),
            added: 0,
            embedding_since: None,
        };
        if let Some(bytes) = vectors.path.as_deref().and_then(|p| read(p, dims)) {
            vectors.parse(&bytes);
        }
        vectors
    }

    /// Reads what [`UserVectors::save`] writes: magic; u64 model hash; u32 dims, count; count ×
    /// u64 text hash; count × f32 scale; count × dims int8. Anything else is left unread.
    fn parse(&mut self, bytes: &[u8]) {
        let Some(rest) = bytes.strip_prefix(MAGIC) else {
            return;
        };
        let u32_at = |at: usize| {
            rest.get(at..at + 4)
                .map(|b| u32::from_le_bytes(b.try_into().expect("four bytes")) as usize)
        };
        let (Some(model), Some(dims), Some(count)) = (rest.get(..8), u32_at(8), u32_at(12)) else {
            return;
        };
        if model != model_hash().to_le_bytes() || dims != self.dims || count > MAX_VECTORS {
            return;
        }
        let body = &rest[16..];
        if body.len() != count * (8 + 4 + dims) {
            return;
        }
        let (keys, body) = body.split_at(count * 8);
        let (scales, rows) = body.split_at(count * 4);
        self.keys = keys
            .chunks_exact(8)
            .map(|b| u64::from_le_bytes(b.try_into().expect("eight bytes")))
            .collect();
        self.scales = scales
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes(b.try_into().expect("four bytes")))
            .collect();
        self.rows = rows.iter().map(|&b| b as i8).collect();
        self.used = vec![false; count];
        self.row_of = self.keys.iter().enumerate().map(|(i, &k)| (k, i)).collect();
    }

    /// The similarity of a user's entry to the query: from the cache, or computed now while
    /// this search may still embed; `None` when it may not (or the entry has no text).
    pub fn similarity(&mut self, model: &Bert, entry: &Entry, query: &[f32]) -> Option<f32> {
        let key = text_key(entry);
        let row = match self.row_of.get(&key) {
            Some(&row) => row,
            None => self.embed(model, entry, key)?,
        };
        self.used[row] = true;
        let dims = self.dims;
        let dot: f32 = self.rows[row * dims..(row + 1) * dims]
            .iter()
            .zip(query)
            .map(|(&v, &x)| f32::from(v) * x)
            .sum();
        Some(dot * self.scales[row])
    }

    fn embed(&mut self, model: &Bert, entry: &Entry, key: u64) -> Option<usize> {
        let used = self.used.iter().filter(|&&u| u).count();
        let late = self
            .embedding_since
            .is_some_and(|since| since.elapsed() > EMBED_TIME);
        if self.added >= EMBED_PER_SEARCH || late || used >= MAX_VECTORS {
            return None;
        }
        let text = entry_text(entry);
        if text.trim().is_empty() {
            return None;
        }
        self.embedding_since.get_or_insert_with(Instant::now);
        let v = embed(model, &text);
        // As the embedded entries' vectors are stored (vectors.rs): int8, one scale per row.
        let max = v.iter().fold(0f32, |m, x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        self.rows.extend(
            v.iter()
                .map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8),
        );
        self.scales.push(scale);
        self.keys.push(key);
        self.used.push(false);
        self.added += 1;
        let row = self.keys.len() - 1;
        self.row_of.insert(key, row);
        Some(row)
    }

    /// Writes the cache when this search computed vectors it did not have: the vectors this
    /// search used first, then the others, up to [`MAX_VECTORS`]; into a file beside it, then
    /// renamed over it, so that a reader never sees half a file. A failure is ignored.
    pub fn save(self) {
        if self.added == 0 {
            return;
        }
        let Some(path) = self.path.as_deref() else {
            return;
        };
        let order: Vec<usize> = (0..self.keys.len())
            .filter(|&r| self.used[r])
            .chain((0..self.keys.len()).filter(|&r| !self.used[r]))
            .take(MAX_VECTORS)
            .collect();
        let dims = self.dims;
        let mut out = Vec::with_capacity(24 + order.len() * (12 + dims));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&model_hash().to_le_bytes());
        for n in [dims, order.len()] {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        for &r in &order {
            out.extend_from_slice(&self.keys[r].to_le_bytes());
        }
        for &r in &order {
            out.extend_from_slice(&self.scales[r].to_le_bytes());
        }
        for &r in &order {
            out.extend(self.rows[r * dims..(r + 1) * dims].iter().map(|&v| v as u8));
        }
        let _ = write_atomically(path, &out);
    }
}

fn model_hash() -> u64 {
    u64::from_str_radix(MODEL_HASH, 16).unwrap_or(0)
}

/// The cache file's bytes, if it is a regular file no larger than the most it can hold.
fn read(path: &Path, dims: usize) -> Option<Vec<u8>> {
    let meta = fs::metadata(path).ok()?;
    let most = 24 + MAX_VECTORS * (12 + dims);
    if !meta.is_file() || meta.len() > most as u64 {
        return None;
    }
    fs::read(path).ok()
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let temporary = dir.join(format!(".user-vectors.{}.tmp", std::process::id()));
    let written = fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    match written.and_then(|()| fs::rename(&temporary, path)) {
        Ok(()) => Ok(()),
        Err(error) => {
            let _ = fs::remove_file(&temporary);
            Err(error)
        }
    }
}

/// A hash of what the model reads of an entry ([`entry_text`]'s parts), eight bytes at a time:
/// computed for every user entry in scope at every search, so it must cost little for 100,000.
fn text_key(entry: &Entry) -> u64 {
    let mut hash: u64 = 0x243f_6a88_85a3_08d3;
    let mut write = |bytes: &[u8]| {
        let chunks = bytes.chunks_exact(8);
        let tail = chunks.remainder();
        for chunk in chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            hash = (hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        let mut last = [0u8; 8];
        last[..tail.len()].copy_from_slice(tail);
        let word = u64::from_le_bytes(last) ^ ((bytes.len() as u64) << 56);
        hash = (hash.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    };
    write(entry.name().unwrap_or("").as_bytes());
    for field in [Field::Description, Field::Reason, Field::Action] {
        write(entry.text(field).unwrap_or("").as_bytes());
    }
    write(
        entry
            .symbols
            .first()
            .map_or("", |s| s.name.as_ref())
            .as_bytes(),
    );
    // splitmix64's finaliser: every bit of the input reaches every bit of the key.
    let mut z = hash;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
