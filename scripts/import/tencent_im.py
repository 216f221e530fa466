"""Tencent Cloud IM error codes (earlier edition) -> codes/tencent-im.toml.

The seed is Markdown: `## 1. Error Codes of the IM SDK` parts, `### General error codes`
categories (part 3 has none), and two-column tables `| 6015 | text |` after a header row and a
`| --- | --- |` delimiter row. A blank line ends a table. `>` lines are notes of the document
itself, not rows, and are left out.

Cell text: Markdown links `[text](url)` become their text, `**strong**` markers are dropped,
`<br>` becomes a line break, and backslash escapes of ASCII punctuation (`\\_`, `\\|`, ...) are
unescaped. Any other markup left in a cell, and any line in a table that is not a row, stops the
conversion with the offending line.
"""

import re

import tencent_chat
from catalogue_toml import squeeze

SEED = "003_e5b64014ee79040d.txt"
OUTPUT = "tencent-im.toml"
EXPECTED_CODES = 331

SOURCE = {
    "id": "tencent-im",
    "vendor": "tencent",
    "title": "Tencent Cloud IM error codes",
    "edition": "earlier edition",
    "language": "en",
}

PART = re.compile(r"^## \d+\. (\S.*)$")
CATEGORY = re.compile(r"^### (\S.*)$")
HEADER = re.compile(r"^\|\s*Error Code\s*\|\s*Description\s*\|$")
DELIMITER = re.compile(r"^\|\s*:?-{3,}:?\s*\|\s*:?-{3,}:?\s*\|$")
CODE = re.compile(r"^(-?\d+)(?:\s*-\s*(\d+))?$")
LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)\)")
STRONG = re.compile(r"\*\*([^*]+)\*\*")
BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def split_row(line):
    """Cells of a `| a | b |` line, splitting on pipes that are not backslash-escaped."""
    if not (line.startswith("|") and line.endswith("|")):
        return None
    cells = re.split(r"(?<!\\)\|", line[1:-1])
    return [cell.strip() for cell in cells]


def cell_text(cell, fail):
    text = LINK.sub(lambda m: m.group(1), cell)
    text = STRONG.sub(lambda m: m.group(1), text)
    text = BREAK.sub("\n", text)
    text = ESCAPE.sub(lambda m: m.group(1), text)
    for leftover in ("](", "[", "]", "*", "`", "<", ">", "\\", "&"):
        if leftover in text:
            fail(f"unhandled markup {leftover!r} in cell")
    return squeeze(text)


def convert(text: str):
    lines = text.splitlines()
    entries = []
    by_code = {}
    part = None
    category = None
    state = "out"  # out -> header -> rows

    for number, raw in enumerate(lines, 1):
        line = raw.strip()

        def fail(why):
            raise ValueError(f"{SEED}:{number}: {why}: {raw!r}")

        if state == "header":
            if not DELIMITER.match(line):
                fail("expected the table's delimiter row")
            state = "rows"
            continue
        if state == "rows":
            if not line:
                state = "out"
                continue
            cells = split_row(line)
            if cells is None or len(cells) != 2:
                fail("not a two-column table row")
            code = CODE.match(cells[0])
            if not code:
                fail("first cell is not a code")
            entry = {"code": int(code.group(1))}
            if code.group(2) is not None:
                entry["code_end"] = int(code.group(2))
                if entry["code_end"] <= entry["code"]:
                    fail("range does not ascend")
            entry["part"] = part
            entry["category"] = category
            entry["description"] = cell_text(cells[1], fail)
            earlier = by_code.get(entry["code"])
            if earlier is None:
                by_code[entry["code"]] = entry
                entries.append(entry)
            elif all(earlier.get(k) == entry.get(k) for k in ("code_end", "part", "category", "description")):
                pass  # the same row written twice: one entry
            else:
                other = entry["description"]
                extra = f'The document also gives this code the text: "{other}"'
                if entry.get("part") != earlier.get("part") or entry.get("category") != earlier.get("category"):
                    extra += f' (under {entry.get("part")} / {entry.get("category")})'
                earlier["note"] = (earlier["note"] + "\n" + extra) if earlier.get("note") else extra
            continue

        # Outside a table.
        if not line or line.startswith(">"):
            continue
        if HEADER.match(line):
            state = "header"
            continue
        heading = PART.match(line)
        if heading:
            part = heading.group(1)
            category = None
            continue
        heading = CATEGORY.match(line)
        if heading:
            category = heading.group(1)
            continue
        fail("unclassified line")

    if state == "header":
        raise ValueError(f"{SEED}: table header at end of document without rows")
    # The SDK notes of the current edition, on the codes this edition has too (none today: 51007
    # is only in the current edition).
    for code, note in tencent_chat.notes(by_code).items():
        entry = by_code[code]
        entry["note"] = (entry["note"] + "\n" + note) if entry.get("note") else note

    assert len(entries) == EXPECTED_CODES, f"{len(entries)} codes, expected {EXPECTED_CODES}"
    assert len({e["code"] for e in entries}) == len(entries)
    return dict(SOURCE), entries
