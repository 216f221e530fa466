//! What a log's codes mean: which SDK is speaking (the line, the lines before it, the file so
//! far), the entries that explain each code `scan` finds (by number, narrowed to that SDK's
//! vendor, or by SDK symbol), and the tally a summary counts them in.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::cells::{Cells, described, is_identifier_like, meaning, ours_in_chinese};
use super::editions::Editions;
use crate::catalogue::{Catalogue, Entry, EntryRef, Field, Scope};
use crate::scan::{
    Found, Named, Needs, Piece, Row, SymbolFinder, in_envelope, number_after_name, products_named,
};

/// How many lines a product named in a log speaks for: its codes follow it closely.
pub const RECENT_LINES: u64 = 20;

/// Below this, a number names no code by itself (HTTP statuses, counts, small enums, and
/// 1000-1999, every API's first block of error codes: `errno:1000`, WeChat's `err_code: 1204`,
/// OpenIM's 1001-1004): it needs a chat SDK named on the line or before it.
pub const DISTINCTIVE: i64 = 2000;

/// Of the words of a code's meaning, how many a line must tell where nobody speaks for a number
/// that tells nobody's code by itself (`Cells::tell`).
const TOLD_WORDS: usize = 3;

/// The same for a number of `DISTINCTIVE` or more that tells nobody's code by itself (two
/// vendors', or after a weak key): the number says more, the words need say less.
const TOLD_WORDS_DISTINCTIVE: usize = 2;

/// Lines within which the same code again is the same failure reported on (`failed:70001`
/// then `ret : 70001`): a summary counts it once.
pub const CHAIN_LINES: u64 = 3;

/// A code found in a line, with the entries that explain it.
#[derive(Debug)]
pub struct Explained<'a> {
    pub found: Found,
    pub entries: Vec<EntryRef<'a>>,
    /// No entry has the code, but it stands in a code position of this vendor's SDK's line.
    pub unknown: Option<&'a str>,
}

/// A line of the summary: one code of one source (or of a vendor, when the catalogue does not
/// have it), how often, and where first.
#[derive(Debug)]
pub struct SummaryRow<'a> {
    pub vendor: &'a str,
    /// None: the code is not in the catalogue.
    pub entry: Option<EntryRef<'a>>,
    pub code: i64,
    pub count: u64,
    pub first: String,
}

/// Who speaks on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Speaker {
    /// These vendors' chat SDKs: named on the line (true), or lately or earlier in the file.
    Chat(Vec<&'static str>, bool),
    /// Another product (Agora RTM or RTC, ZEGO Express, OpenIM): its codes are not explained.
    Other,
    /// Nobody named yet.
    Nobody,
}

/// What the lines read so far of one input said about who speaks.
#[derive(Debug, Default)]
struct Context {
    /// The last line naming a chat SDK, and the vendors it named.
    chat: Option<(u64, Vec<&'static str>)>,
    /// The last line naming another product and no chat SDK.
    other: Option<u64>,
}

impl Context {
    fn speaker(&self, named: &Named, line: u64) -> Speaker {
        if !named.vendors.is_empty() {
            return Speaker::Chat(named.vendors.clone(), true);
        }
        if named.other {
            return Speaker::Other;
        }
        let recent = |at: u64| line.saturating_sub(at) <= RECENT_LINES;
        match (&self.chat, self.other) {
            (Some((chat, _)), Some(other)) if other > *chat && recent(other) => Speaker::Other,
            (Some((_, vendors)), _) => Speaker::Chat(vendors.clone(), false),
            (None, Some(other)) if recent(other) => Speaker::Other,
            (None, _) => Speaker::Nobody,
        }
    }

    fn remember(&mut self, named: Named, line: u64) {
        if !named.vendors.is_empty() {
            self.chat = Some((line, named.vendors));
        } else if named.other {
            self.other = Some(line);
        }
    }
}

/// Every entry by the code it documents; range entries apart, few as they are.
struct CodeIndex<'a> {
    exact: HashMap<i64, Vec<&'a Entry>>,
    ranges: Vec<&'a Entry>,
}

impl<'a> CodeIndex<'a> {
    fn new(catalogue: &'a Catalogue, scope: &Scope) -> Self {
        let mut exact: HashMap<i64, Vec<&Entry>> = HashMap::new();
        let mut ranges = Vec::new();
        for entry in catalogue.entries_in(scope) {
            match entry.code_end {
                Some(_) => ranges.push(entry),
                None => exact.entry(entry.code).or_default().push(entry),
            }
        }
        CodeIndex { exact, ranges }
    }

    fn get(&self, code: i64) -> impl Iterator<Item = &'a Entry> + '_ {
        let exact = self.exact.get(&code).into_iter().flatten().copied();
        exact.chain(self.ranges.iter().copied().filter(move |e| e.covers(code)))
    }
}

/// The SDK symbols of the entries in scope, and the entries' own names, and which entries
/// carry each.
struct SymbolIndex<'a> {
    finder: SymbolFinder,
    entries: Vec<Vec<&'a Entry>>,
    /// Whether the name is an SDK's symbol, which stands for its code by itself; else it is
    /// only an entry's name (`USER_NOT_FOUND`, `SERVER_GET_DNSLIST_FAILED`: words another
    /// product may use), a code only where its own number follows it (`number_after_name`).
    symbol: Vec<bool>,
}

impl<'a> SymbolIndex<'a> {
    fn new(catalogue: &'a Catalogue, scope: &Scope) -> Self {
        let mut at: HashMap<String, usize> = HashMap::new();
        let mut names: Vec<&'a str> = Vec::new();
        let mut entries: Vec<Vec<&'a Entry>> = Vec::new();
        let mut symbol: Vec<bool> = Vec::new();
        // An entry's own name counts only where no entry has it as a symbol, and then for the
        // entries of that name only: the names wait until every symbol is in.
        let mut own_names: Vec<(&'a str, &'a Entry)> = Vec::new();
        let mut add = |name: &'a str, entry: &'a Entry, is_symbol: bool| {
            let lower = name.to_ascii_lowercase();
            let index = match at.get(&lower) {
                Some(&index) if symbol[index] != is_symbol => return,
                Some(&index) => index,
                None => {
                    at.insert(lower, names.len());
                    names.push(name);
                    entries.push(Vec::new());
                    symbol.push(is_symbol);
                    names.len() - 1
                }
            };
            if !entries[index].iter().any(|e| std::ptr::eq(*e, entry)) {
                entries[index].push(entry);
            }
        };
        // ZIM's Flutter SDK names codes 0 and 1 `success` and `failed`: words any log has.
        // Only names that read as identifiers (an underscore, or camelCase) are looked for.
        for entry in catalogue.entries_in(scope) {
            for s in entry.symbols.iter().filter(|s| is_identifier_like(&s.name)) {
                add(&s.name, entry, true);
            }
            if let Some(name) = entry.text(Field::Name).filter(|n| is_identifier_like(n)) {
                own_names.push((name, entry));
            }
        }
        for (name, entry) in own_names {
            add(name, entry, false);
        }
        SymbolIndex {
            finder: SymbolFinder::new(names),
            entries,
            symbol,
        }
    }
}

/// Explains what the scanner finds, against the entries in scope.
pub struct Explainer<'a> {
    catalogue: &'a Catalogue,
    index: CodeIndex<'a>,
    symbols: SymbolIndex<'a>,
    /// A vendor was chosen (`--vendor`): every line speaks for it.
    chosen: Option<&'a str>,
    /// Leave out codes the catalogue does not have (`--known-only`).
    known_only: bool,
    /// Per vendor, the shapes (sign, number of digits) of the codes it documents: a number of
    /// another shape in its SDK's line is no code of it (ZEGO Express's 50001006 in a ZEGO log).
    shapes: Vec<(&'a str, Vec<(bool, usize)>)>,
    context: Context,
    /// Which editions explain a code, in which language.
    editions: Editions,
    /// The entries explaining a code for a set of vendors (a bit per vendor of `shapes`; all
    /// set for nobody named), as found before: a log reports the same few codes again and
    /// again. Emptied when full, so that a log of ever new numbers keeps it bounded.
    explained: RefCell<FxHashMap<(i64, u64), Vec<EntryRef<'a>>>>,
    /// What the piece being explained tells of each number nobody speaks for
    /// (`told_on_line`), read where the number first stands: the same number again on the
    /// line is read the same, so that a long line's many codes cost each of its numbers one
    /// reading (the catalogue's few thousand codes at most), not one per place.
    told_here: RefCell<FxHashMap<i64, Option<Vec<EntryRef<'a>>>>>,
    /// The words a line may tell each entry by (`cells::meaning`), with our Chinese words for
    /// its problem or without, as worked out before: a log that reports a code nobody speaks
    /// for on many lines reads them all against the same words. Emptied when full.
    meanings: RefCell<FxHashMap<(*const Entry, bool), Rc<Meaning>>>,
}

/// The words a line may tell an entry by (`cells::meaning`), and those of its description
/// alone (`cells::described`).
struct Meaning {
    words: FxHashSet<String>,
    description: FxHashSet<String>,
}

impl Meaning {
    /// Whether a line tells every word of a description too short to hold `TOLD_WORDS` but of
    /// more than one word, where nobody speaks for the number `code`: a line cannot tell more
    /// of it than it holds. Agora Chat's 108, `Token has expired.`, is told by `token expired,
    /// code: 108` or `token 已过期（错误码 108）`. (A number of `DISTINCTIVE` or more needs
    /// `TOLD_WORDS_DISTINCTIVE`, two, anyway.) Not a number an HTTP status may be (Agora Chat's
    /// 500, `Server is busy.`, is any server's 500).
    fn told_whole(&self, cells: &Cells, code: i64) -> bool {
        (2..TOLD_WORDS).contains(&self.description.len())
            && !HTTP_STATUSES.contains(&code)
            && cells.tell_all(&self.description)
    }
}

/// The numbers an HTTP status may be (but the informational 1xx, which logs hardly show).
const HTTP_STATUSES: std::ops::Range<i64> = 200..600;

/// How many codes the explainer remembers at once.
const REMEMBERED: usize = 4096;

fn shape(code: i64) -> (bool, usize) {
    (code < 0, code.unsigned_abs().to_string().len())
}

impl<'a> Explainer<'a> {
    pub fn new(catalogue: &'a Catalogue, scope: &Scope, editions: Editions) -> Self {
        let chosen = match scope {
            Scope::All => None,
            Scope::Vendor(_) | Scope::Source(_) => catalogue
                .entries_in(scope)
                .next()
                .map(|e| catalogue.source_of(e).vendor.as_ref()),
        };
        let mut shapes: Vec<(&'a str, Vec<(bool, usize)>)> = Vec::new();
        for entry in catalogue.entries_in(scope).filter(|e| e.code != 0) {
            let vendor: &'a str = &catalogue.source_of(entry).vendor;
            let at = match shapes.iter().position(|(v, _)| *v == vendor) {
                Some(at) => at,
                None => {
                    shapes.push((vendor, Vec::new()));
                    shapes.len() - 1
                }
            };
            let shape = shape(entry.code);
            if !shapes[at].1.contains(&shape) {
                shapes[at].1.push(shape);
            }
        }
        Explainer {
            catalogue,
            index: CodeIndex::new(catalogue, scope),
            symbols: SymbolIndex::new(catalogue, scope),
            chosen,
            known_only: false,
            shapes,
            context: Context::default(),
            editions,
            explained: RefCell::default(),
            told_here: RefCell::default(),
            meanings: RefCell::default(),
        }
    }

    /// The words a line may tell `entry` by, with our Chinese words for its problem where the
    /// line has Chinese.
    fn meaning(&self, entry: &'a Entry, chinese: bool) -> Rc<Meaning> {
        let key = (std::ptr::from_ref(entry), chinese);
        if let Some(known) = self.meanings.borrow().get(&key) {
            return Rc::clone(known);
        }
        let ours = match entry.text(Field::Concept).filter(|_| chinese) {
            Some(id) => ours_in_chinese(self.catalogue, id),
            None => FxHashSet::default(),
        };
        let description = described(entry);
        let built = Rc::new(Meaning {
            words: meaning(entry, &description, &ours),
            description,
        });
        let mut meanings = self.meanings.borrow_mut();
        if meanings.len() == REMEMBERED {
            meanings.clear();
        }
        meanings.insert(key, Rc::clone(&built));
        built
    }

    /// The entries that explain a code, as the editions' choice keeps them.
    fn chosen(&self, entries: Vec<&'a Entry>) -> Vec<EntryRef<'a>> {
        self.editions
            .select(self.catalogue, entries)
            .into_iter()
            .map(|e| self.catalogue.entry_ref(e))
            .collect()
    }

    /// Leaves out the codes the catalogue does not have.
    pub fn known_only(mut self, yes: bool) -> Self {
        self.known_only = yes;
        self
    }

    /// A new input begins: what the last one said about who speaks no longer holds.
    pub fn next_input(&mut self) {
        self.context = Context::default();
    }

    /// The codes of a piece of a line with their entries, in the order they stand.
    pub fn explain(&mut self, piece: &Piece<'_>, found: Vec<Found>) -> Vec<Explained<'a>> {
        if !piece.candidate {
            return Vec::new();
        }
        let named = products_named(piece.text);
        let speaker = self.context.speaker(&named, piece.line);
        self.context.remember(named, piece.line);
        let other_speaks = speaker == Speaker::Other;
        let mut explained = self.explain_numbers(&speaker, found, piece.text);
        // A symbol names its SDK, and so its vendor: no narrowing needed.
        for (span, index) in self.symbols.finder.find(piece.text) {
            if !self.symbols.symbol[index] {
                if let Some(defined) = self.defined(piece.text, span, index, other_speaks) {
                    explained.retain(|e| e.found.span != defined.found.span);
                    explained.push(defined);
                }
                continue;
            }
            let entries = self.chosen(self.symbols.entries[index].clone());
            let code = entries[0].entry.code;
            // `6014 ERR_SDK_NOT_LOGGED_IN …`: a table's row and its name cell are one finding,
            // the row's.
            if explained
                .iter()
                .any(|e| e.found.row != Row::No && e.found.code == code)
            {
                continue;
            }
            // `ERR_SDK_NOT_LOGGED_IN(6014)`, `…（6014）`: the symbol's own number after it is
            // the same finding, which the symbol makes.
            let own = number_after_name(&piece.text[span.end..])
                .map(|(digits, _)| span.end + digits.start..span.end + digits.end);
            explained.retain(|e| {
                e.found.code != code
                    || !(e.found.key_start == span.start || own.as_ref() == Some(&e.found.span))
            });
            let found = Found {
                code,
                key_start: span.start,
                span,
                by_name: true,
                loose: false,
                needs: Needs::Nothing,
                row: Row::No,
            };
            explained.push(Explained {
                found,
                entries,
                unknown: None,
            });
        }
        explained.sort_by_key(|e| e.found.span.start);
        explained
    }

    /// An entry's own name defined as its number (`static final int USER_NOT_FOUND = 204;`,
    /// `SERVER_GET_DNSLIST_FAILED: 304`): the code of the entries of that name and number, a
    /// finding at the number. A name that is no SDK's symbol (`USER_NOT_FOUND`) may be any
    /// product's word, so it counts only with its own number after it, and not where another
    /// product speaks.
    fn defined(
        &self,
        text: &[u8],
        name: std::ops::Range<usize>,
        index: usize,
        other_speaks: bool,
    ) -> Option<Explained<'a>> {
        if other_speaks {
            return None;
        }
        let (digits, code) = number_after_name(&text[name.end..])?;
        let entries: Vec<&'a Entry> = (self.symbols.entries[index].iter())
            .filter(|e| e.covers(code))
            .copied()
            .collect();
        if entries.is_empty() {
            return None;
        }
        let found = Found {
            code,
            span: name.end + digits.start..name.end + digits.end,
            key_start: name.start,
            by_name: false,
            loose: false,
            needs: Needs::Nothing,
            row: Row::No,
        };
        Some(Explained {
            found,
            entries: self.chosen(entries),
            unknown: None,
        })
    }

    /// A bit per vendor of `shapes` that `vendors` names (a vendor without entries in scope
    /// explains nothing, and needs none); every bit for none named. `None` past 64 vendors.
    fn vendor_bits(&self, vendors: Option<&Vec<&str>>) -> Option<u64> {
        if self.shapes.len() > 64 {
            return None;
        }
        let Some(vendors) = vendors else {
            return Some(u64::MAX);
        };
        Some(
            (self.shapes.iter().enumerate())
                .filter(|(_, (vendor, _))| vendors.contains(vendor))
                .fold(0, |bits, (i, _)| bits | 1 << i),
        )
    }

    /// The vendor whose source has the entry.
    fn vendor_of(&self, entry: &Entry) -> &'a str {
        &self.catalogue.source_of(entry).vendor
    }

    /// The entries explaining a row's number that the row's cells speak for (`Cells::say`),
    /// with the other editions and pages of the same vendor that mean the same problem; of
    /// those, the vendors the line or the log names, where any is. A number below `DISTINCTIVE`,
    /// or one where another product speaks, needs more: four words of a description, or the
    /// name only.
    fn said_in_row(
        &self,
        found: &Found,
        text: &[u8],
        named: Option<&Vec<&str>>,
        other: bool,
    ) -> Option<Vec<EntryRef<'a>>> {
        let entries: Vec<&'a Entry> = self.index.get(found.code).collect();
        if entries.is_empty() {
            return None;
        }
        let cells = Cells::new(text.get(found.span.end..)?);
        let words = match (other, found.code.abs() < DISTINCTIVE) {
            (true, _) => None,
            (false, true) => Some(4),
            (false, false) => Some(2),
        };
        let mut said: Vec<&'a Entry> = entries
            .iter()
            .copied()
            .filter(|e| cells.say(e, words))
            .collect();
        // A Chinese row of a code the vendor documents in English only (Tencent's server
        // codes: `<tr><td>10007</td><td>操作权限不足…`) is read against our Chinese words for
        // the entry's problem, as an SDK's message is (`told_on_line`), and counts where it
        // tells one vendor's.
        if said.is_empty() && !other && cells.has_chinese() {
            let needed = match found.code.abs() < DISTINCTIVE {
                true => TOLD_WORDS,
                false => TOLD_WORDS_DISTINCTIVE,
            };
            said = entries
                .iter()
                .copied()
                .filter(|e| {
                    e.text(Field::Concept).is_some()
                        && cells.tell_meaning(e, needed, &self.meaning(e, true).words)
                })
                .collect();
            if said
                .windows(2)
                .any(|pair| self.vendor_of(pair[0]) != self.vendor_of(pair[1]))
            {
                said.clear();
            }
        }
        if let Some(named) = named
            && said.iter().any(|e| named.contains(&self.vendor_of(e)))
        {
            said.retain(|e| named.contains(&self.vendor_of(e)));
        }
        self.with_same_problem(said, entries)
    }

    /// Where nobody speaks, a number that tells nobody's code by itself (below `DISTINCTIVE`,
    /// two vendors', or after a weak key) is the code of the entries whose meaning the line
    /// tells (`Cells::tell`), with the same problem's other editions: `Login failed, Code: 1,
    /// Description: SDK has not been initialized` is Agora Chat's 1. Not where two vendors'
    /// entries are told alike.
    fn told_on_line(&self, found: &Found, text: &[u8]) -> Option<Vec<EntryRef<'a>>> {
        let entries: Vec<&'a Entry> = self.index.get(found.code).collect();
        if entries.is_empty() {
            return None;
        }
        let cells = Cells::around(text, found.span.clone());
        let needed = match found.code.abs() < DISTINCTIVE {
            true => TOLD_WORDS,
            false => TOLD_WORDS_DISTINCTIVE,
        };
        // Our Chinese words for the entry's concept, read only where the line has Chinese.
        let chinese = cells.has_chinese();
        let told: Vec<&'a Entry> = entries
            .iter()
            .copied()
            .filter(|e| {
                let meaning = self.meaning(e, chinese);
                cells.tell_meaning(e, needed, &meaning.words)
                    || meaning.told_whole(&cells, found.code)
            })
            .collect();
        if told
            .windows(2)
            .any(|pair| self.vendor_of(pair[0]) != self.vendor_of(pair[1]))
        {
            return None;
        }
        self.with_same_problem(told, entries)
    }

    /// The entries said, with the code's other entries of the same vendor and concept: the
    /// same problem in another edition or on another page (Agora Web's 500 is a busy server
    /// where the other pages' 500 is an invalid message). None where nothing was said.
    fn with_same_problem(
        &self,
        said: Vec<&'a Entry>,
        entries: Vec<&'a Entry>,
    ) -> Option<Vec<EntryRef<'a>>> {
        if said.is_empty() {
            return None;
        }
        let problem = |e: &'a Entry| -> (&'a str, Option<&'a str>) {
            (self.vendor_of(e), e.text(Field::Concept))
        };
        let problems: Vec<_> = said.iter().map(|e| problem(e)).collect();
        let same = entries.into_iter().filter(|e| {
            said.iter().any(|s| std::ptr::eq(*s, *e))
                || (e.text(Field::Concept).is_some() && problems.contains(&problem(e)))
        });
        Some(self.chosen(same.collect()))
    }

    fn explain_numbers(
        &self,
        speaker: &Speaker,
        found: Vec<Found>,
        text: &[u8],
    ) -> Vec<Explained<'a>> {
        if found.is_empty() {
            return Vec::new();
        }
        // The vendors the line speaks for, and whether that was said on the line itself.
        let (vendors, on_line): (Option<Vec<&str>>, bool) = match (self.chosen, speaker) {
            // --vendor decides, whatever the line says.
            (Some(vendor), _) => (Some(vec![vendor]), true),
            (None, Speaker::Other) => (None, false),
            (None, Speaker::Chat(vendors, on_line)) => (Some(vendors.clone()), *on_line),
            (None, Speaker::Nobody) => (None, false),
        };
        let other = self.chosen.is_none() && *speaker == Speaker::Other;
        // A number nobody speaks for, explained by what its line tells of it, if anything.
        self.told_here.borrow_mut().clear();
        // Whether the line holds an app's reply envelope, read once (`in_envelope`).
        let envelope = OnceCell::new();
        let told = |found: Found| -> Option<Explained<'a>> {
            let known = self.told_here.borrow().get(&found.code).cloned();
            let entries = match known {
                Some(entries) => entries,
                None => {
                    let entries = self.told_on_line(&found, text);
                    (self.told_here.borrow_mut()).insert(found.code, entries.clone());
                    entries
                }
            }?;
            Some(Explained {
                found,
                entries,
                unknown: None,
            })
        };
        found
            .into_iter()
            .filter_map(|found| {
                // A table's row that says what the catalogue says of its number: that entry's
                // vendor, whoever spoke before (`16 | WEBIM_CONNCTION_DISCONNECTED | WebSocket
                // 断开连接 |` names WebSocket, whose close codes are no chat SDK's).
                if found.row != Row::No
                    && let Some(entries) = self.said_in_row(&found, text, vendors.as_ref(), other)
                {
                    return Some(Explained {
                        found,
                        entries,
                        unknown: None,
                    });
                }
                // Another product speaks: its codes are not explained. A number only a row's
                // shape found is a code only as the row says.
                if other || found.row == Row::Only {
                    return None;
                }
                // A type is a code only where the line tells what it means.
                if found.needs == Needs::Meaning {
                    return told(found);
                }
                // Nobody named: only a distinctive number after a key that means error, or a
                // number whose meaning the line tells.
                if vendors.is_none()
                    && (found.code.abs() < DISTINCTIVE || found.needs == Needs::Speaker)
                {
                    return told(found);
                }
                let of = |vendors: Option<&Vec<&str>>| -> Vec<EntryRef<'a>> {
                    let key = self.vendor_bits(vendors).map(|bits| (found.code, bits));
                    if let Some(known) =
                        key.and_then(|key| self.explained.borrow().get(&key).cloned())
                    {
                        return known;
                    }
                    let entries = self.chosen(
                        self.index
                            .get(found.code)
                            .filter(|e| vendors.is_none_or(|v| v.contains(&self.vendor_of(e))))
                            .collect(),
                    );
                    if let Some(key) = key {
                        let mut explained = self.explained.borrow_mut();
                        if explained.len() == REMEMBERED {
                            explained.clear();
                        }
                        explained.insert(key, entries.clone());
                    }
                    entries
                };
                let mut entries = of(vendors.as_ref());
                // Whether the code's vendor is read off the number alone (no SDK speaks for it).
                let mut by_number = vendors.is_none();
                // An SDK named lines before is a weaker word than the line's own: a distinctive
                // code another vendor documents is that vendor's.
                if entries.is_empty() && !on_line && found.code.abs() >= DISTINCTIVE {
                    entries = of(None);
                    by_number = true;
                }
                // A number distinguishes only if one vendor documents it: where no SDK speaks
                // for it, a code two vendors share (1001, 1004) tells nobody's, and is no
                // finding (OpenIM's `errCode: 1001`).
                if by_number && (!of_one_vendor(&entries) || in_envelope(text, &found, &envelope)) {
                    return told(found);
                }
                if !entries.is_empty() {
                    return Some(Explained {
                        found,
                        entries,
                        unknown: None,
                    });
                }
                // Not in the catalogue: still a code where a chat SDK speaks, after a key, in
                // the shape of that vendor's codes.
                if self.known_only || found.loose {
                    return None;
                }
                let shape = shape(found.code);
                let vendor = self.shapes.iter().find(|(vendor, shapes)| {
                    vendors.as_ref().is_some_and(|v| v.contains(vendor)) && shapes.contains(&shape)
                })?;
                Some(Explained {
                    found,
                    entries: Vec::new(),
                    unknown: Some(vendor.0),
                })
            })
            .collect()
    }
}

/// Whether the entries are all one vendor's.
fn of_one_vendor(entries: &[EntryRef<'_>]) -> bool {
    entries
        .windows(2)
        .all(|pair| pair[0].source.vendor == pair[1].source.vendor)
}

/// A summary's count of each code per vendor, with where it was first seen. The same code
/// again within `CHAIN_LINES` lines of its last sighting is the same failure: not counted again.
/// The codes of the catalogue are as many as its entries; the numbers a log puts where an SDK's
/// codes stand are not bounded. A summary holds this many codes the catalogue does not have, so
/// that its memory stays bounded however many different numbers a log or a stream holds; the
/// sightings of any more are counted, not kept (`Tally::left_out`).
pub const SUMMARY_UNKNOWN: usize = 10_000;

#[derive(Default)]
pub struct Tally<'a> {
    rows: Vec<SummaryRow<'a>>,
    /// (vendor, code) → its row, and the input and line it was last seen on.
    at: HashMap<(&'a str, i64), (usize, u32, u64)>,
    input: u32,
    /// Rows of codes the catalogue does not have.
    unknown_rows: usize,
    /// Sightings of codes the catalogue does not have past `SUMMARY_UNKNOWN` of them.
    left_out: u64,
}

impl<'a> Tally<'a> {
    /// A new input begins: a chain does not run from one file into the next.
    pub fn next_input(&mut self) {
        self.input += 1;
    }

    /// Counts each finding once per vendor; the vendor's first source describes it.
    pub fn count(
        &mut self,
        line: u64,
        first_seen: impl Fn() -> String,
        explained: &[Explained<'a>],
    ) {
        for e in explained {
            let mut counted: Vec<&str> = Vec::new();
            let sightings = e
                .entries
                .iter()
                .map(|entry| (entry.source.vendor.as_ref(), Some(*entry)))
                .chain(e.unknown.map(|vendor| (vendor, None)));
            for (vendor, entry) in sightings {
                if counted.contains(&vendor) {
                    continue;
                }
                counted.push(vendor);
                let key = (vendor, e.found.code);
                match self.at.get_mut(&key) {
                    Some((at, input, last)) => {
                        let chained = *input == self.input && line - *last <= CHAIN_LINES;
                        if !chained {
                            self.rows[*at].count += 1;
                        }
                        (*input, *last) = (self.input, line);
                    }
                    None if entry.is_none() && self.unknown_rows == SUMMARY_UNKNOWN => {
                        self.left_out += 1;
                    }
                    None => {
                        self.unknown_rows += usize::from(entry.is_none());
                        self.at.insert(key, (self.rows.len(), self.input, line));
                        self.rows.push(SummaryRow {
                            vendor,
                            entry,
                            code: e.found.code,
                            count: 1,
                            first: first_seen(),
                        });
                    }
                }
            }
        }
    }

    /// Sightings of codes the catalogue does not have that the summary has no room for: past
    /// `SUMMARY_UNKNOWN` such codes, a new one is counted here rather than kept.
    pub fn left_out(&self) -> u64 {
        self.left_out
    }

    /// The rows, most frequent first, then by code.
    pub fn into_rows(mut self) -> Vec<SummaryRow<'a>> {
        self.rows
            .sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(&b.code)));
        self.rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::codes_in;

    fn explain_line(explainer: &mut Explainer<'_>, line: u64, text: &str) -> Vec<(String, i64)> {
        let piece = Piece {
            line,
            offset: 0,
            chars_before: 0,
            text: text.as_bytes(),
            ending: b"\n",
            continued: false,
            candidate: true,
        };
        let found = codes_in(text.as_bytes());
        explainer
            .explain(&piece, found)
            .iter()
            .flat_map(|e| e.entries.iter())
            .map(|r| (r.source.vendor.to_string(), r.entry.code))
            .collect()
    }

    /// A code explained again is explained as the first time, whoever speaks; the codes
    /// remembered stay bounded however many different numbers a log holds.
    #[test]
    fn codes_explained_again_are_remembered_within_a_bound() {
        let catalogue = Catalogue::embedded();
        let mut explainer = Explainer::new(&catalogue, &Scope::All, Editions::every());
        let tencent = explain_line(&mut explainer, 1, "TIMManager onError code=6014");
        let zego = explain_line(&mut explainer, 2, "[ZIM] login failed, errorCode: 6000103");
        for (i, code) in (100_000..100_000 + REMEMBERED as i64 + 10).enumerate() {
            explain_line(
                &mut explainer,
                3 + i as u64,
                &format!("TIM onError code={code}"),
            );
            assert!(explainer.explained.borrow().len() <= REMEMBERED);
        }
        assert!(!tencent.is_empty() && tencent.iter().all(|(v, c)| v == "tencent" && *c == 6014));
        assert!(!zego.is_empty() && zego.iter().all(|(v, c)| v == "zego" && *c == 6000103));
        let line = 10 * REMEMBERED as u64;
        assert_eq!(
            explain_line(&mut explainer, line, "TIMManager onError code=6014"),
            tencent
        );
        assert_eq!(
            explain_line(
                &mut explainer,
                line + 1,
                "[ZIM] login failed, errorCode: 6000103"
            ),
            zego
        );
        // Not the Tencent entry for a ZEGO line: the vendors are part of what is remembered.
        let zego_line = explain_line(&mut explainer, line + 2, "[ZIM] onError code=6014");
        assert!(zego_line.iter().all(|(v, _)| v == "zego"), "{zego_line:?}");
    }
}
