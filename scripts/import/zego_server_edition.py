"""ZEGOCLOUD ZIM server API return codes, current editions (en, zh) -> codes/zego-server-en.toml,
codes/zego-server-zh.toml.

Both documents: a `# ` title, a "- - -" rule, then one table per `## ` heading (-> category),
with the columns code | description | possible reasons (-> reason) | suggested actions
(-> action). en writes pipe tables; zh writes HTML tables, where a cell spanning the description
and reason columns (`<td colspan="2">`) is the description and the row has no reason. "-" marks
an empty cell. `<br />` and the `- ` lines inside zh cells stay line breaks (dash and all, as in
zego_server.py); `<ul><li>` lists become "• item" lines (mdx.cell_text).
"""

import mdx

COMMON = {"vendor": "zego", "platform": "server"}
EDITIONS = [
    mdx.Edition("zego-server.en.mdx", "zego-server-en.toml", {"id": "zego-server-en", **COMMON, "language": "en"}, 129),
    mdx.Edition("zego-server.zh.mdx", "zego-server-zh.toml", {"id": "zego-server-zh", **COMMON, "language": "zh"}, 133),
]

OUTSIDE = {"# Return codes", "# 全局返回码", "- - -"}
COLUMNS = ("description", "reason", "action")


def convert(text: str, edition: mdx.Edition):
    allowed = OUTSIDE.__contains__
    if edition.source["language"] == "en":
        rows = mdx.pipe_tables(text, edition.document, 4, allowed)
    else:
        rows = mdx.html_tables(text, edition.document, 4, allowed)
    pairs = []
    for row in rows:
        if len(row.cells) != 4:
            raise ValueError(f"row with {len(row.cells)} cells: {row.where}")
        entry = {"code": mdx.code_of(row.cells[0], row.where), "category": row.category}
        for column, cell in zip(COLUMNS, row.cells[1:]):
            value = mdx.cell_text(cell)
            if not mdx.empty_cell(value):
                entry[column] = value
        assert entry.get("description"), f"no description: {row.where}"
        pairs.append((entry, row.where))
    entries, repeats = mdx.entries_from_rows(pairs)
    assert not repeats, f"{edition.document}: codes written twice: {repeats}"
    assert len(entries) == edition.expected_codes, (
        f"{edition.document}: {len(entries)} codes, expected {edition.expected_codes}"
    )
    return mdx.source_for(edition, mdx.title(text)), entries
