"""ZEGOCLOUD ZPNs (push) Android error codes (en, zh) -> codes/zego-zpns-en.toml, -zh.toml.

Each document is a bare pipe table (a snippet included by the ZIM pages): no title, no heading,
so no title and no category. en: "Return Code | Possible Cause and Solutions" (-> description);
zh: 错误码 | 说明 (-> description) | 处理建议 (-> action), "-" for an empty cell. Rows are read as
zego_zim_edition.py reads the ZIM tables. The README gives the zh snippet no last-change date
and the file has none either, so zego-zpns-zh has no edition.
"""

import mdx
import zego_zim_edition

COMMON = {"vendor": "zego", "platform": "android", "product": "zpns"}
EDITIONS = [
    mdx.Edition("zego-zpns.en.mdx", "zego-zpns-en.toml", {"id": "zego-zpns-en", **COMMON, "language": "en"}, 6),
    mdx.Edition("zego-zpns.zh.mdx", "zego-zpns-zh.toml", {"id": "zego-zpns-zh", **COMMON, "language": "zh"}, 6),
]

HEADER_CELLS = {"en": 2, "zh": 3}


def convert(text: str, edition: mdx.Edition):
    entries, repeats = zego_zim_edition.table_entries(
        text, edition, HEADER_CELLS[edition.source["language"]]
    )
    assert not repeats, f"{edition.document}: codes written twice: {repeats}"
    assert all(entry.get("category") is None for entry in entries)
    assert len(entries) == edition.expected_codes, (
        f"{edition.document}: {len(entries)} codes, expected {edition.expected_codes}"
    )
    assert mdx.title(text) is None and not mdx.front_matter(text)
    return mdx.source_for(edition, None), entries
