//! How many codes the embedded catalogue holds, in one place: every test that counts reads it
//! here. A change to codes/ that moves a count changes this file, and the tests say where.

/// A source of the embedded catalogue.
pub struct Source {
    pub id: &'static str,
    pub vendor: &'static str,
    /// The entries it holds.
    pub codes: usize,
    /// A vendor's error-code document; else the codes only an SDK defines (`*-sdk`).
    pub documented: bool,
}

const fn source(id: &'static str, vendor: &'static str, codes: usize, documented: bool) -> Source {
    Source {
        id,
        vendor,
        codes,
        documented,
    }
}

/// Every source, in the order `chaterr sources` lists them: the documents by id, then the SDK
/// sources by id.
pub const SOURCES: [Source; 18] = [
    source("agora-chat-android", "agora", 102, true),
    source("agora-chat-ios", "agora", 95, true),
    source("agora-chat-unity", "agora", 95, true),
    source("agora-chat-web", "agora", 67, true),
    source("agora-chat", "agora", 77, true),
    source("tencent-chat", "tencent", 428, true),
    source("tencent-im", "tencent", 331, true),
    source("zego-server-en", "zego", 129, true),
    source("zego-server-zh", "zego", 133, true),
    source("zego-server", "zego", 129, true),
    source("zego-zim-en", "zego", 160, true),
    source("zego-zim-zh", "zego", 200, true),
    source("zego-zim", "zego", 149, true),
    source("zego-zpns-en", "zego", 6, true),
    source("zego-zpns-zh", "zego", 6, true),
    source("agora-sdk", "agora", 36, false),
    source("tencent-sdk", "tencent", 16, false),
    source("zego-sdk", "zego", 0, false),
];

/// The vendors' documents: one catalogue file each in codes/.
pub const DOCUMENTS: usize = count_sources(true);

/// The entries of the vendors' documents.
pub const DOCUMENTED: usize = sum(true);

/// The entries only an SDK defines.
pub const SDK_ONLY: usize = sum(false);

/// Every entry: `chaterr list`.
pub const ALL: usize = DOCUMENTED + SDK_ONLY;

/// `chaterr diff tencent-im tencent-chat`: the codes only the earlier edition has, and only the
/// current one.
pub const ONLY_TENCENT_IM: usize = 13;
pub const ONLY_TENCENT_CHAT: usize = 110;

/// The source with this id.
pub fn of(id: &str) -> &'static Source {
    SOURCES
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no source {id} in tests/common/counts.rs"))
}

/// The entries of a source.
pub fn codes(id: &str) -> usize {
    of(id).codes
}

/// A vendor's entries: its documents' (`documented`), or its SDK's.
pub fn of_vendor(vendor: &str, documented: bool) -> usize {
    SOURCES
        .iter()
        .filter(|s| s.vendor == vendor && s.documented == documented)
        .map(|s| s.codes)
        .sum()
}

const fn sum(documented: bool) -> usize {
    let mut total = 0;
    let mut i = 0;
    while i < SOURCES.len() {
        if SOURCES[i].documented == documented {
            total += SOURCES[i].codes;
        }
        i += 1;
    }
    total
}

const fn count_sources(documented: bool) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < SOURCES.len() {
        if SOURCES[i].documented == documented {
            n += 1;
        }
        i += 1;
    }
    n
}

// The totals the README and docs state.
const _: () = assert!(DOCUMENTED == 2107 && SDK_ONLY == 52);
