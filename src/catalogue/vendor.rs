//! Vendor keys and the other names people call the vendors by.

/// (alias, vendor key). Source ids are resolved separately, by the catalogue.
const ALIASES: &[(&str, &str)] = &[
    ("zegocloud", "zego"),
    ("zego-cloud", "zego"),
    ("zim", "zego"),
    ("tencent-cloud", "tencent"),
    ("tencentcloud", "tencent"),
    ("tim", "tencent"),
    ("timsdk", "tencent"),
    ("tencent-im", "tencent"),
    ("qcloud", "tencent"),
    ("agora-io", "agora"),
    ("agora.io", "agora"),
    ("agoraio", "agora"),
    ("easemob", "agora"),
    ("hyphenate", "agora"),
];

/// Words that name a vendor in a sentence, besides its key and the aliases above (which name it
/// too): the names of its SDKs and UI kits, and its names in Chinese (Easemob, 环信, is Agora
/// Chat's maker).
const NAMES_IN_TEXT: &[(&str, &str)] = &[
    ("zimkit", "zego"),
    ("zpns", "zego"),
    ("即构", "zego"),
    ("imsdk", "tencent"),
    ("v2tim", "tencent"),
    ("tuikit", "tencent"),
    ("腾讯", "tencent"),
    ("环信", "agora"),
    ("声网", "agora"),
];

/// The vendor keys a sentence names, by a key of `vendors` (a user catalogue's vendor too), an
/// alias or one of [`NAMES_IN_TEXT`] (whole words; the Chinese names anywhere), each once, in
/// the order of `vendors`.
pub fn named_in<'v>(text: &str, vendors: &[&'v str]) -> Vec<&'v str> {
    let lower = text.to_lowercase();
    let said: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() || !c.is_ascii())
        .filter(|w| !w.is_empty())
        .collect();
    let names = |key: &str| {
        says(&lower, &said, key)
            || ALIASES
                .iter()
                .chain(NAMES_IN_TEXT)
                .any(|&(name, k)| k == key && says(&lower, &said, name))
    };
    vendors.iter().copied().filter(|key| names(key)).collect()
}

/// Whether a lowercased text says a name: a word of letters and digits as one of its words
/// (`said`), one with other characters (`tencent-cloud`, `agora.io`) standing between
/// non-alphanumerics, a Chinese one anywhere.
fn says(lower: &str, said: &[&str], name: &str) -> bool {
    if name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return said.contains(&name);
    }
    if !name.is_ascii() {
        return lower.contains(name);
    }
    lower.match_indices(name).any(|(at, _)| {
        let before = lower[..at].chars().next_back();
        let after = lower[at + name.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_alphanumeric())
            && !after.is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// The vendor key an alias stands for.
pub fn canonical(alias: &str) -> Option<&'static str> {
    ALIASES
        .iter()
        .find(|(name, _)| *name == alias)
        .map(|&(_, key)| key)
}

/// Every alias with its vendor key.
pub fn aliases() -> impl Iterator<Item = (&'static str, &'static str)> {
    ALIASES.iter().copied()
}

/// A readable vendor name for cards and tables.
pub fn display_name(key: &str) -> &str {
    match key {
        "zego" => "ZEGOCLOUD",
        "tencent" => "Tencent Cloud",
        "agora" => "Agora",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::named_in;

    const VENDORS: &[&str] = &["agora", "tencent", "zego", "acme"];

    #[test]
    fn a_sentence_names_vendors_by_key_sdk_and_chinese_name() {
        assert_eq!(
            named_in("tencent im add friend fails", VENDORS),
            ["tencent"]
        );
        assert_eq!(named_in("ZIM query history error", VENDORS), ["zego"]);
        assert_eq!(named_in("环信 Android 发消息 被拦截", VENDORS), ["agora"]);
        assert_eq!(named_in("腾讯IM登录失败", VENDORS), ["tencent"]);
        assert_eq!(named_in("TUIKit: send failed", VENDORS), ["tencent"]);
        assert_eq!(named_in("acme login broken", VENDORS), ["acme"]);
        assert_eq!(named_in("qcloud im kicked offline", VENDORS), ["tencent"]);
        assert_eq!(
            named_in("my-shop: login broken", &["my-shop", "zego"]),
            ["my-shop"]
        );
        assert!(named_in("my-shopper login", &["my-shop"]).is_empty());
        assert_eq!(
            named_in("zego and agora differ on token expiry", VENDORS),
            ["agora", "zego"]
        );
    }

    #[test]
    fn a_name_inside_another_word_names_nothing() {
        assert!(named_in("timeout when sending", VENDORS).is_empty());
        assert!(named_in("the optimizer zimmed", VENDORS).is_empty());
        assert!(named_in("token expired", VENDORS).is_empty());
    }
}
