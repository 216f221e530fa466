"""Tencent Cloud Chat error codes (current edition) -> codes/tencent-chat.toml.

The seed is web text, one table row per line: `CODE | Description |` (a blank description is
`CODE | |`; one row is a range, `120001-130000 | ... |`). Top-level parts are numbered
("1. Chat SDK Error Codes"); section headings ("Common error codes", ...) are bare lines, each
immediately followed by the header row `Error Code | Description |`. Part 3 has no section
heading, so its rows carry no category. "Note" and "Caution" are admonition labels of the
document itself; the bare lines after one, up to the next heading or table, are its body ("Note"
has none left in the text; "Caution" ends the document with one line). "Error Codes" on the first
line is the page title. None of these are entries.

Any other line, or a row outside a table, stops the conversion with the offending line.
"""

import re

import sdk_symbols
from catalogue_toml import squeeze

SEED = "002_92e847829f256d34.txt"
OUTPUT = "tencent-chat.toml"
EXPECTED_CODES = 428

SOURCE = {
    "id": "tencent-chat",
    "vendor": "tencent",
    "title": "Tencent Cloud Chat error codes",
    "edition": "current edition",
    "language": "en",
}

# Where the SDK's symbol contradicts the document's text: one sentence per code, for each edition
# that has the code (tencent_im.py applies them too). Checked against the data in notes().
NOTES = {
    51007: (
        "The SDK names this code ERR_SVR_CONV_CONV_MARK_OPERATE_FAILED (a conversation mark "
        "operation failed), but the document speaks of replacing GroupID with GroupCode."
    ),
}


def notes(by_code: dict) -> dict:
    """NOTES for the codes this edition has, after checking that the data still says so."""
    sdk_symbols.row("tencent.tsv", 51007, "ERR_SVR_CONV_CONV_MARK_OPERATE_FAILED")
    present = {code: note for code, note in NOTES.items() if code in by_code}
    if 51007 in present:
        assert "GroupID with GroupCode" in by_code[51007]["description"], (
            "the note on 51007 assumes the document speaks of GroupID and GroupCode"
        )
    return present


TITLE = "Error Codes"
ADMONITIONS = ("Note", "Caution")
HEADER = re.compile(r"^Error Code \| Description \|$")
PART = re.compile(r"^(\d+)\. (\S.*)$")
ROW = re.compile(r"^(-?\d+)(?:-(\d+))? \|(.*)\|$")


def convert(text: str):
    lines = [line.strip() for line in text.splitlines()]
    entries = []
    by_code = {}
    part = None
    category = None
    in_table = False
    in_admonition = False

    def fail(number, why):
        raise ValueError(f"{SEED}:{number}: {why}: {lines[number - 1]!r}")

    for number, line in enumerate(lines, 1):
        if "\\" in line:
            fail(number, "backslash in a plain-text document (escape?)")
        row = ROW.match(line)
        if row:
            if not in_table:
                fail(number, "row outside a table")
            cell = row.group(3)
            if "|" in cell:
                fail(number, "more than two columns")
            entry = {"code": int(row.group(1))}
            if row.group(2) is not None:
                entry["code_end"] = int(row.group(2))
                if entry["code_end"] <= entry["code"]:
                    fail(number, "range does not ascend")
            entry["part"] = part
            entry["category"] = category
            entry["description"] = squeeze(cell)
            earlier = by_code.get(entry["code"])
            if earlier is None:
                by_code[entry["code"]] = entry
                entries.append(entry)
            elif all(earlier.get(k) == entry.get(k) for k in ("code_end", "part", "category", "description")):
                pass  # the same row written twice: one entry
            else:
                # Same code, different text: keep the first, say so verbatim.
                other = entry["description"]
                extra = f'The document also gives this code the text: "{other}"'
                if entry.get("part") != earlier.get("part") or entry.get("category") != earlier.get("category"):
                    extra += f' (under {entry.get("part")} / {entry.get("category")})'
                earlier["note"] = (earlier["note"] + "\n" + extra) if earlier.get("note") else extra
            continue
        in_table = False
        if HEADER.match(line):
            if number >= 2 and lines[number - 2] and (
                PART.match(lines[number - 2]) or _is_heading(lines, number - 1)
            ):
                in_table = True
                continue
            fail(number, "header row not preceded by a heading")
        if "|" in line:
            fail(number, "unclassified table line")
        if not line:
            continue
        if number == 1 and line == TITLE:
            continue
        if line in ADMONITIONS:
            in_admonition = True
            continue
        heading = PART.match(line)
        if heading:
            part = heading.group(2)
            category = None
            in_admonition = False
            continue
        if _is_heading(lines, number):
            category = line
            in_admonition = False
            continue
        if in_admonition:
            continue  # body of a document note, not an entry
        fail(number, "unclassified line")

    for code, note in notes(by_code).items():
        entry = by_code[code]
        entry["note"] = (entry["note"] + "\n" + note) if entry.get("note") else note

    assert len(entries) == EXPECTED_CODES, f"{len(entries)} codes, expected {EXPECTED_CODES}"
    assert len({e["code"] for e in entries}) == len(entries)
    return dict(SOURCE), entries


def _is_heading(lines, number):
    """A bare line is a section heading only when the next line is the table header."""
    line = lines[number - 1]
    return (
        bool(line)
        and "|" not in line
        and not PART.match(line)
        and number < len(lines)
        and bool(HEADER.match(lines[number]))
    )
