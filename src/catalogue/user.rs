//! Users' own catalogues: where they are found, and how they merge over the embedded one.
//!
//! Precedence, later wins: the embedded catalogue; `$XDG_CONFIG_HOME/chaterr/codes/*.toml` (the
//! platform's config dir elsewhere); the paths in `CHATERR_CATALOG`; `--catalog` paths.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::file::{self, CatalogueFile};
use super::{Catalogue, Source, Text, load};
use crate::error::{Error, path_label, quoted};

/// The environment variable holding extra catalogue paths (files or folders).
pub const ENV_VAR: &str = "CHATERR_CATALOG";

/// Where to look for users' catalogues.
#[derive(Debug, Clone, Default)]
pub struct Locations {
    /// The config dir's `chaterr/codes` folder, if the platform has a config dir.
    pub config_dir: Option<PathBuf>,
    /// The value of CHATERR_CATALOG, a path list.
    pub env: Option<OsString>,
    /// `--catalog` paths, in command-line order.
    pub flags: Vec<PathBuf>,
    /// `--no-user-catalog`: ignore the config dir and CHATERR_CATALOG.
    pub no_user_catalog: bool,
}

impl Locations {
    /// The locations this process would use: the platform's config dir and CHATERR_CATALOG.
    pub fn from_env(flags: Vec<PathBuf>, no_user_catalog: bool) -> Self {
        Locations {
            config_dir: dirs::config_dir().map(|dir| dir.join("chaterr").join("codes")),
            env: std::env::var_os(ENV_VAR).filter(|v| !v.is_empty()),
            flags,
            no_user_catalog,
        }
    }

    /// Catalogue files in order of precedence (later wins), each with how to bypass it.
    pub fn files(&self) -> Result<Vec<(PathBuf, Bypass)>, Error> {
        let mut files = Vec::new();
        if !self.no_user_catalog {
            let hinted = |err: Error| err.with_hint(Bypass::NoUserCatalog.hint());
            if let Some(dir) = self.config_dir.as_ref().filter(|dir| dir.is_dir()) {
                files.extend(
                    toml_files(dir)
                        .map_err(hinted)?
                        .into_iter()
                        .map(|f| (f, Bypass::NoUserCatalog)),
                );
            }
            // An empty entry (`CHATERR_CATALOG=:a.toml`) is skipped, as PATH skips one.
            let env_paths = self.env.iter().flat_map(std::env::split_paths);
            for path in env_paths.filter(|p| !p.as_os_str().is_empty()) {
                files.extend(
                    expand(&path)
                        .map_err(hinted)?
                        .into_iter()
                        .map(|f| (f, Bypass::NoUserCatalog)),
                );
            }
        }
        for path in &self.flags {
            let expanded = expand(path).map_err(|err| err.with_hint(Bypass::DropFlag.hint()))?;
            files.extend(expanded.into_iter().map(|f| (f, Bypass::DropFlag)));
        }
        Ok(files)
    }
}

/// How a user gets past a broken catalogue file, for the error message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bypass {
    NoUserCatalog,
    DropFlag,
}

impl Bypass {
    pub fn hint(self) -> &'static str {
        match self {
            Bypass::NoUserCatalog => "run with --no-user-catalog to ignore users' catalogues",
            Bypass::DropFlag => "fix it or leave out its --catalog",
        }
    }
}

/// A file as it is; a folder as its `*.toml` files in name order.
pub fn expand(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let meta = fs::metadata(path).map_err(|error| Error::Read {
        path: path_label(path),
        error,
    })?;
    if meta.is_dir() {
        toml_files(path)
    } else {
        Ok(vec![path.to_owned()])
    }
}

/// A folder's `*.toml` entries in name order, sub-folders left out. A broken link or a named
/// pipe is kept, to be reported when it is read, not skipped without a word.
fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let refuse = |error| Error::Read {
        path: path_label(dir),
        error,
    };
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(refuse)? {
        let path = entry.map_err(refuse)?.path();
        if path.extension().is_some_and(|ext| ext == "toml") && !path.is_dir() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// The embedded catalogue with every user file merged over it, in order.
pub fn load(locations: &Locations) -> Result<Catalogue, Error> {
    let files = locations.files()?;
    let mut catalogue = Catalogue::embedded();
    if files.is_empty() {
        return Ok(catalogue);
    }
    let mut merger = Merger::new(&mut catalogue);
    for (path, bypass) in files {
        let (file, text) = load::read_file(&path).map_err(|err| err.with_hint(bypass.hint()))?;
        merger
            .merge(file, &text, &path_label(&path))
            .map_err(|err| err.with_hint(bypass.hint()))?;
    }
    drop(merger);
    catalogue.sort();
    Ok(catalogue)
}

/// Why a file's source cannot join these sources, if it cannot: each word `lookup` and `list`
/// take must name one thing, so a new source id may not be a vendor key or another name of a
/// vendor, and a new vendor key may not be another source's id or another vendor's name. (A new
/// vendor's first source may share its key: the word then names the vendor.) A source that
/// exists is being extended: the file must give its vendor.
pub fn clash(sources: &[Source], id: &str, vendor: &str) -> Option<String> {
    let (id_q, vendor_q) = (quoted(id), quoted(vendor));
    if let Some(s) = sources.iter().find(|s| s.id == id) {
        return (s.vendor != vendor).then(|| {
            format!(
                "source {id_q} belongs to vendor {:?}, not {vendor_q}",
                s.vendor
            )
        });
    }
    if let Some(s) = sources.iter().find(|s| s.vendor == id) {
        return Some(format!(
            "source id {id_q} is the key of vendor {:?}: the word could not name both; choose another id",
            s.vendor
        ));
    }
    if let Some(key) = super::vendor::canonical(id).filter(|key| *key != vendor) {
        return Some(format!(
            "source id {id_q} is another name of vendor {key:?}: the word could not name both; choose another id"
        ));
    }
    if let Some(s) = sources
        .iter()
        .find(|s| s.id == vendor && s.vendor != vendor)
    {
        return Some(format!(
            "vendor {vendor_q} is the id of source {:?} (of vendor {:?}): the word could not name both; choose another vendor key",
            s.id, s.vendor
        ));
    }
    if let Some(key) = super::vendor::canonical(vendor).filter(|key| *key != vendor) {
        return Some(format!(
            "vendor {vendor_q} is another name of vendor {key:?}: write vendor = {key:?}, or choose another key"
        ));
    }
    None
}

/// Merges files into a catalogue, overriding entries by (source, code).
struct Merger<'c> {
    catalogue: &'c mut Catalogue,
    index: FxHashMap<(usize, i64), usize>,
}

impl<'c> Merger<'c> {
    fn new(catalogue: &'c mut Catalogue) -> Self {
        let index = (0..catalogue.len())
            .map(|i| {
                let key = catalogue.key(i);
                ((key.source, key.code), i)
            })
            .collect();
        Merger { catalogue, index }
    }

    fn merge(&mut self, file: CatalogueFile, text: &str, origin: &str) -> Result<(), Error> {
        let origin: Text = Text::Owned(origin.to_owned());
        let decl = file.source;
        let sources = &mut self.catalogue.sources;
        if let Some(message) = clash(sources, &decl.id, &decl.vendor) {
            let (line, column) = file::line_column(text, decl.vendor_offset);
            return Err(Error::Catalogue {
                path: origin.to_string(),
                line,
                column,
                message,
            });
        }
        let source = match sources.iter().position(|s| s.id == decl.id.as_str()) {
            Some(index) => {
                let existing = &mut sources[index];
                // What the file says of the document replaces what was known.
                for (slot, value) in [
                    (&mut existing.title, decl.title),
                    (&mut existing.edition, decl.edition),
                    (&mut existing.url, decl.url),
                    (&mut existing.language, decl.language),
                    (&mut existing.platform, decl.platform),
                    (&mut existing.product, decl.product),
                ] {
                    if let Some(value) = value.filter(|v| !v.is_empty()) {
                        *slot = Some(value.into());
                    }
                }
                existing.extended_by.push(origin.clone());
                index
            }
            None => {
                sources.push(Source::declared(decl, Some(origin.clone())));
                sources.len() - 1
            }
        };
        let shared = Arc::from(origin.as_ref());
        let entries = self.catalogue.entries_mut();
        entries.reserve(file.codes.len());
        self.index.reserve(file.codes.len());
        for code in file.codes {
            let mut entry = load::entry(code, source, &shared);
            match self.index.get(&(source, entry.code)) {
                Some(&at) => {
                    // The file replaces what the document says; the SDKs still name the code.
                    entry.symbols = std::mem::take(&mut entries[at].symbols);
                    entries[at] = entry;
                }
                None => {
                    self.index.insert((source, entry.code), entries.len());
                    entries.push(entry);
                }
            }
        }
        Ok(())
    }
}
