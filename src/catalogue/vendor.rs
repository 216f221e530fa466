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
