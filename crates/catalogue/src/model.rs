//! The entry model: vendor documents (sources), their entries, and the names SDKs give codes.

use std::borrow::Cow;
use std::sync::Arc;

use crate::field::{Field, Texts};
use crate::symbols;

/// Text that is either part of the embedded catalogue or read at run time.
pub type Text = Cow<'static, str>;

/// One vendor document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: Text,
    pub vendor: Text,
    pub title: Option<Text>,
    pub edition: Option<Text>,
    pub url: Option<Text>,
    /// `en` or `zh`; `None` where the file does not say.
    pub language: Option<Text>,
    /// Where the document is platform-specific (android, ios, unity, web, server).
    pub platform: Option<Text>,
    /// Where the document is not the vendor's chat SDK (zpns).
    pub product: Option<Text>,
    /// The file that defined it; `None` for the embedded catalogue.
    pub origin: Option<Text>,
    /// Users' files that add to it or override its entries, in order.
    pub extended_by: Vec<Text>,
}

/// One code (or range of codes) of one source: documented, or defined by an SDK alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Index into the catalogue's sources.
    pub source: usize,
    pub code: i64,
    pub code_end: Option<i64>,
    /// The text fields, by [`Field`]; an absent or empty text is `None`.
    pub texts: Texts<Text>,
    /// The file it was read from; `None` for the embedded catalogue. Shared by the file's
    /// entries (a user's catalogue may hold 100,000).
    pub origin: Option<Arc<str>>,
    /// The names the vendor's SDKs give the code, by platform, then in the order read.
    pub symbols: Cow<'static, [Symbol]>,
    /// False for a code an SDK defines that the vendor's documents do not describe: its
    /// description is empty and its source is the SDK's (`zego-sdk`, …).
    pub documented: bool,
}

/// A concept of chaterr's classification (codes/ours/concepts.toml): one specific problem, the same
/// id wherever vendors mean it, with our title, guidance and words for it. Ours, not a vendor's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    pub id: Text,
    pub title: Text,
    pub title_zh: Text,
    /// One line of what to do next.
    pub guidance: Text,
    pub guidance_zh: Text,
    /// How people describe the problem, one per line (search reads them).
    pub words: Text,
    pub words_zh: Text,
}

/// A name an SDK gives a code on one platform, with where it was read (codes/symbols/*.toml).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: Text,
    /// ios, android, cpp, c, flutter.
    pub platform: Text,
    /// The SDK version(s) of the copies read, where known, with their provenance.
    pub sdk_version: Option<Text>,
    /// The public repository (or repositories, joined by " ; ") holding the copies read.
    pub repository: Text,
    pub path: Text,
    /// The constant's doc comment in the SDK, verbatim (Tencent's are Chinese).
    pub comment: Option<Text>,
}

impl Symbol {
    /// The SDK version without its provenance ("zego_zim 2.18.2+1"), where known.
    pub fn version(&self) -> Option<&str> {
        self.sdk_version.as_deref().and_then(symbols::short_version)
    }
}

impl Source {
    /// A source as a catalogue file declares it, read from `origin`.
    pub fn declared(decl: crate::file::SourceDecl, origin: Option<Text>) -> Source {
        Source {
            id: decl.id.into(),
            vendor: decl.vendor.into(),
            title: non_empty(decl.title),
            edition: non_empty(decl.edition),
            url: non_empty(decl.url),
            language: non_empty(decl.language),
            platform: non_empty(decl.platform),
            product: non_empty(decl.product),
            origin,
            extended_by: Vec::new(),
        }
    }
}

impl Entry {
    pub fn key(&self) -> Key {
        Key {
            source: self.source,
            code: self.code,
            code_end: self.code_end,
            documented: self.documented,
            named: self.texts[Field::Name.index()].is_some(),
        }
    }

    /// A text field; `None` where absent or empty.
    pub fn text(&self, field: Field) -> Option<&str> {
        self.texts[field.index()].as_deref()
    }

    /// Sets a text field; an empty text leaves it absent.
    pub fn set_text(&mut self, field: Field, text: impl Into<Text>) {
        let text = text.into();
        self.texts[field.index()] = (!text.is_empty()).then_some(text);
    }

    /// The symbolic name the document gives the code.
    pub fn name(&self) -> Option<&str> {
        self.text(Field::Name)
    }

    /// The document's text for the code; empty where it has none.
    pub fn description(&self) -> &str {
        self.text(Field::Description).unwrap_or_default()
    }

    /// The last code this entry documents (itself, unless it documents a range).
    pub fn last_code(&self) -> i64 {
        self.key().last_code()
    }

    pub fn covers(&self, code: i64) -> bool {
        self.key().covers(code)
    }

    /// "embedded", or the file the entry was read from.
    pub fn origin_label(&self) -> &str {
        self.origin.as_deref().unwrap_or("embedded")
    }

    /// The SDKs' symbols by platform, platforms in alphabetical order, each's in the order read.
    pub fn symbols_by_platform(
        &self,
    ) -> impl ExactSizeIterator<Item = (&str, impl Iterator<Item = &Symbol> + Clone)> {
        let mut platforms: Vec<&str> = self.symbols.iter().map(|s| s.platform.as_ref()).collect();
        platforms.sort_unstable();
        platforms.dedup();
        platforms.into_iter().map(move |platform| {
            let symbols = self.symbols.iter().filter(move |s| s.platform == platform);
            (platform, symbols)
        })
    }

    /// Whether an SDK gives the code this name (case-insensitive).
    pub fn has_symbol(&self, name: &str) -> bool {
        self.symbols
            .iter()
            .any(|s| s.name.eq_ignore_ascii_case(name))
    }

    /// Whether this is the entry's name in the document or one of its SDK symbols
    /// (case-insensitive).
    pub fn is_named(&self, name: &str) -> bool {
        self.name().is_some_and(|n| n.eq_ignore_ascii_case(name)) || self.has_symbol(name)
    }

    /// `6000103`, or `120001..=130000` for a range.
    pub fn code_label(&self) -> String {
        self.key().code_label().to_string()
    }
}

/// A code as shown: `6000103`, or `120001..=130000` for a range.
pub struct CodeLabel {
    code: i64,
    code_end: Option<i64>,
}

impl std::fmt::Display for CodeLabel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.code_end {
            Some(end) => write!(f, "{}..={end}", self.code),
            None => write!(f, "{}", self.code),
        }
    }
}

/// An entry with the source it belongs to: what render needs to show it.
#[derive(Debug, Clone, Copy)]
pub struct EntryRef<'a> {
    pub entry: &'a Entry,
    pub source: &'a Source,
}

/// What can be read of an entry without building it: enough to tell whether it is in scope and
/// whether it has a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub source: usize,
    pub code: i64,
    pub code_end: Option<i64>,
    pub documented: bool,
    /// Whether the document gives it a name.
    pub named: bool,
}

impl Key {
    /// How the code is shown ([`Entry::code_label`]), without a string made of it.
    pub fn code_label(&self) -> CodeLabel {
        CodeLabel {
            code: self.code,
            code_end: self.code_end,
        }
    }

    /// The last code the entry documents (itself, unless it documents a range).
    pub fn last_code(&self) -> i64 {
        self.code_end.unwrap_or(self.code)
    }

    pub fn covers(&self, code: i64) -> bool {
        (self.code..=self.last_code()).contains(&code)
    }
}

/// The catalogue's order: documented entries first, each part in code order, then source
/// order. The compiler writes the embedded entries in it; a catalogue with users' entries
/// sorts by it.
pub fn order(documented: bool, code: i64, source: usize) -> impl Ord {
    (!documented, code, source)
}

/// Optional text, an empty one taken as absent.
pub fn non_empty(value: Option<String>) -> Option<Text> {
    value.filter(|t| !t.is_empty()).map(Text::Owned)
}
