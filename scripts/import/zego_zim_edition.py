"""ZEGOCLOUD ZIM SDK error codes, current editions (en, zh) -> codes/zego-zim-en.toml, -zh.toml.

MDX: front matter, a `# ` title, a <Warning>, prose and `:::if{props.platform=...}` blocks with
code samples (none of them rows), then one pipe table per `## ` heading (-> category).
- en: the header has two columns ("Return code | Possible cause and solutions" -> description);
  some rows carry a third cell, a suggested action (-> action); two rows lack the closing pipe.
- zh: three columns, 错误码 | 说明 (-> description) | 处理建议 (-> action); "-" is an empty cell.
Cells are reduced to their text by mdx.cell_text (lists -> "• item" / "1. item" lines).
Both editions write 6000286 twice (a call-mode error, then a message-editing error): the first
row is the entry, the second row's text is quoted in its note (mdx.entries_from_rows).
"""

import re

import mdx

EDITIONS = [
    mdx.Edition(
        "zego-zim.en.mdx",
        "zego-zim-en.toml",
        {"id": "zego-zim-en", "vendor": "zego", "language": "en"},
        160,
    ),
    mdx.Edition(
        "zego-zim.zh.mdx",
        "zego-zim-zh.toml",
        {"id": "zego-zim-zh", "vendor": "zego", "language": "zh"},
        200,
    ),
]

HEADER_CELLS = {"en": 2, "zh": 3}
REPEATED = [6000286]  # codes the documents write on two rows (checked)


def convert(text: str, edition: mdx.Edition):
    entries, repeats = table_entries(text, edition, HEADER_CELLS[edition.source["language"]])
    assert repeats == REPEATED, f"{edition.document}: codes written twice: {repeats}"
    assert len(entries) == edition.expected_codes, (
        f"{edition.document}: {len(entries)} codes, expected {edition.expected_codes}"
    )
    return mdx.source_for(edition, mdx.title(text)), entries


def table_entries(text: str, edition: mdx.Edition, header_cells: int):
    """Entries of ZEGO's client-side tables (also zego_zpns.py): code | description [| action]."""
    language = edition.source["language"]
    rows = mdx.pipe_tables(
        text,
        edition.document,
        header_cells,
        allow_outside=lambda line: not re.match(r"\d", line),
    )
    pairs = []
    for row in rows:
        code = mdx.code_of(row.cells[0], row.where)
        texts = [mdx.cell_text(cell) for cell in row.cells[1:]]
        if len(texts) == 1:
            texts.append("")
        if len(texts) != 2:
            raise ValueError(f"row with {len(texts)} text cells: {row.where}")
        description, action = texts
        if language == "zh" and action == "-":
            action = ""
        assert description and not mdx.empty_cell(description), row.where
        assert action != "-", row.where
        entry = {"code": code, "category": row.category, "description": description}
        if action:
            entry["action"] = action
        pairs.append((entry, row.where))
    return mdx.entries_from_rows(pairs)
