//! Reading one catalogue file at run time.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

use super::file::{self, CatalogueFile, CodeDecl};
use super::{Catalogue, Entry, Source, Text};
use crate::error::{Error, path_label};
use chaterr_catalogue::model::non_empty;

/// The most a catalogue file may hold, 64 MiB: a hundred times the largest vendor document,
/// and a limit on the memory a mistaken path (`--catalog /dev/zero`) can take.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// A catalogue file's text. What is not a regular file (a named pipe, a device, a folder) is
/// refused before it is opened, so that nothing waits for a writer or reads for ever; a file
/// over [`MAX_FILE_BYTES`] is refused too.
pub fn read_text(path: &Path) -> Result<String, Error> {
    let refuse = |error: io::Error| Error::Read {
        path: path_label(path),
        error,
    };
    let meta = fs::metadata(path).map_err(refuse)?;
    if !meta.is_file() {
        let message = format!("not a regular file ({})", file_kind(&meta));
        return Err(refuse(io::Error::new(io::ErrorKind::InvalidInput, message)));
    }
    let too_big = || {
        let message = format!(
            "larger than {} MiB, the most a catalogue file may hold",
            MAX_FILE_BYTES >> 20
        );
        refuse(io::Error::new(io::ErrorKind::InvalidData, message))
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big());
    }
    super::heap::expect_file(meta.len());
    // Sized to the file once (plus the byte that tells a grown file), not grown by doubling:
    // every doubling copies the text into memory the system must first hand over and zero.
    let mut text = String::with_capacity(meta.len() as usize + 1);
    File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_string(&mut text))
        .map_err(refuse)?;
    // A file that grew since, or one whose size the system does not know (/proc).
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big());
    }
    Ok(text)
}

/// What a path that is not a regular file is, for the message.
fn file_kind(meta: &fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if meta.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// Reads and validates one file; the error is its first problem, with a count of the rest.
pub fn read_file(path: &Path) -> Result<(CatalogueFile, String), Error> {
    let label = path_label(path);
    let text = read_text(path)?;
    match file::parse(&text) {
        Ok(parsed) => Ok((parsed, text)),
        Err(problems) => {
            let more = problems.len().saturating_sub(1);
            let first = problems.into_iter().next().unwrap_or(file::Problem {
                line: 1,
                column: 1,
                message: "invalid catalogue".to_owned(),
            });
            let message = match more {
                0 => first.message,
                n => format!("{} (and {n} more: chaterr check {label})", first.message),
            };
            Err(Error::Catalogue {
                path: label,
                line: first.line,
                column: first.column,
                message,
            })
        }
    }
}

/// One file as a catalogue of its own (`chaterr diff zego ./newer-zego.toml`).
pub fn load_file(path: &Path) -> Result<Catalogue, Error> {
    let (file, _) = read_file(path)?;
    let origin: Text = Text::Owned(path_label(path));
    let source = Source::declared(file.source, Some(origin.clone()));
    let shared = Arc::from(origin.as_ref());
    let entries = file
        .codes
        .into_iter()
        .map(|c| entry(c, 0, &shared))
        .collect();
    Ok(Catalogue::new(vec![source], entries))
}

pub(super) fn entry(c: CodeDecl, source: usize, origin: &Arc<str>) -> Entry {
    Entry {
        source,
        code: c.code,
        code_end: c.code_end,
        texts: c.texts.map(non_empty),
        origin: Some(Arc::clone(origin)),
        // The SDKs' names belong to the embedded catalogue; an override keeps them (user.rs).
        symbols: std::borrow::Cow::Borrowed(&[]),
        documented: true,
    }
}
