"""ZEGOCLOUD ZIM server API return codes -> codes/zego-server.toml.

The document is web text. Page furniture ("logo", "In-app Chat", "On this page", the page
title "Return codes") comes first; then each table is a section heading (-> category), a
blank line, the header line "CodeDescriptionPossible reasonsSuggested actions" (not a row)
and one row per line. A row glues the code to four columns with NO separator:

    1Request failed.Server busy.Please try again later.
    ^ code  ^ description  ^ reason ^ action

"--" marks empty cells; the only one here is "0Request successful.--" (one "--" for both
reason and action). Lines starting with "- " continue the row above; they are kept, dash
and all, on their own line of the column they continue (always the action here). After the
last table comes the page navigation ("Previous", "Next" and the titles of the two pages).

Splitting (product owner): "split description / reason / action where the boundary is
clear, keep the text whole in description where it is not". The general rule is in
split_row(); every row it cannot decide by itself is in OVERRIDES below, with the reason.
Whatever the split, description + reason + action must give back the row's text exactly
(ignoring "--" and whitespace); that is asserted for every row.
"""

import re

from catalogue_toml import squeeze

SEED = "001_c45225846dd5585f.txt"
OUTPUT = "zego-server.toml"
EXPECTED_CODES = 129

HEADER = "CodeDescriptionPossible reasonsSuggested actions"
HEADINGS = ("Public return codes", "Business-specific return codes")
# Lines of page furniture, before the first table and after the last one.
FURNITURE_BEFORE = ("logo", "In-app Chat", "On this page", "Return codes")
NAVIGATION = (
    "Previous",
    "Authenticating server-to-server callbacks",
    "Next",
    "Debugging guide of server API operations",
)
# The code, then text that must not start with a digit or blank (a digit glued to the code
# would be ambiguous, so such a line fails loudly). Page furniture such as "Page Content"
# can be glued in front of the code on some copies of these pages; it is tolerated here.
ROW = re.compile(r"(?:Page Content)?(\d+)([^\d\s].*)")
CONTINUATION = re.compile(r"- \S.*")

# A clear glue point: a full stop immediately followed by a capital letter (no space), e.g.
# "Request failed.Server busy.Please ...". Full stops followed by a space stay inside a cell
# ("... is correct. If correct, please ..."). This document has no abbreviations, decimals,
# URLs or "e.g." glued to a capital, which the pieces count check below would expose anyway.
GLUE = re.compile(r"(?<=\.)(?=[A-Z])")
EMPTY = "--"
# A second piece opening with one of these is a suggested action (the wording the product
# owner named). Any other 2-piece row must be decided in OVERRIDES.
ACTION_OPENERS = re.compile(r"Please |Do not process\.|Can be left blank")

# Per-code decisions the general rule does not make, or would make wrongly.
#   "action" / "reason": 2-piece row; the second piece is the action / the reason.
#   "whole":             keep the full text in description (boundary or column unclear).
#   ("cut", s, column):  there is no full stop at the glue point; cut before the text s,
#                        which starts `column` ("reason" or "action").
OVERRIDES = {
    # Imperative "Check ..." (the document's other actions are "Please check ..."): action.
    660300014: "action",  # Room already exists.|Check if the room has been created.
    660300015: "action",  # Room count exceeds limit.|Check if the room count exceeds ...
    # "If you need ..., please contact ZEGO technical support ...": an action.
    660000024: "action",  # Message withdrawal time exceeded.|If you need to withdraw ...
    661000001: "action",  # The editing time has exceeded the limit.|If you need to edit ...
    # Prescriptive "X needs to be ...", worded like the action of 51102 ("User needs to log
    # in ZIM."): action. Could also be read as the reason; flagged in the report.
    660600032: "action",  # FromUserId does not have permission.|FromUserId needs to be ...
    # "The maximum number of users added at one time when creating a group is 100." reads
    # both as the reason (cf. the reasons of 660000012 / 660700006, which state limits) and
    # as the hint of what to do; the column cannot be told, so the text stays whole.
    660600016: "whole",
    # The full stop is missing: "... the same as FromUserIdPlease modify the string ...".
    # "FromUserId" is a field name and "Please modify ..." is plainly the action.
    660800033: ("cut", "Please modify", "action"),
}

COLUMNS = ("description", "reason", "action")


def split_row(code: int, text: str) -> dict:
    """Splits a row's text (without the code, continuation lines included) into columns."""
    where = f"code {code}: {text!r}"
    override = OVERRIDES.get(code)
    cells = {"description": text, "reason": "", "action": ""}
    if override == "whole":
        return cells
    if isinstance(override, tuple):
        kind, cut, column = override
        assert kind == "cut" and column in ("reason", "action"), where
        assert text.count(cut) == 1, f"override cut {cut!r} not found once: {where}"
        head, tail = text.split(cut)
        cells["description"] = head
        cells[column] = cut + tail
        return cells

    # "--" cells are pieces of their own; the rest is cut at the glue points.
    pieces = []
    for part in re.split(r"(--)", text):
        if part == EMPTY:
            pieces.append(EMPTY)
        elif part:
            pieces.extend(GLUE.split(part))

    if len(pieces) == 3:
        assert override is None, f"override for a 3-piece row: {where}"
        for column, piece in zip(COLUMNS, pieces):
            cells[column] = "" if piece == EMPTY else piece
    elif len(pieces) == 2 and pieces[1] == EMPTY:
        # "Request successful.--": one "--" standing for both empty cells.
        assert override is None, where
        cells["description"] = pieces[0]
    elif len(pieces) == 2:
        if override in ("action", "reason"):
            column = override
        elif override is None and ACTION_OPENERS.match(pieces[1]):
            column = "action"
        else:
            raise ValueError(f"2-piece row, column of the second piece undecided: {where}")
        cells["description"], cells[column] = pieces
    else:
        raise ValueError(f"{len(pieces)} pieces, needs an override: {where} -> {pieces!r}")
    assert EMPTY not in cells["description"], where
    return cells


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text.replace(EMPTY, ""))


def convert(text: str):
    source = {
        "id": "zego-server",
        "vendor": "zego",
        "title": "ZEGOCLOUD ZIM server API return codes",
        "language": "en",
        "platform": "server",
    }
    rows = []  # [code, category, text lines, source line]
    category = None
    state = "before"  # before -> tables -> navigation
    for index, line in enumerate(text.splitlines()):
        where = f"{SEED}:{index + 1}: {line!r}"
        stripped = line.strip()
        if not stripped:
            continue
        if state == "navigation":
            if stripped not in NAVIGATION:
                raise ValueError(f"unexpected line after the tables: {where}")
            continue
        if stripped in HEADINGS:
            category = stripped
            state = "tables"
            continue
        if stripped == HEADER:
            assert state == "tables" and category, f"header without heading: {where}"
            continue
        if state == "before":
            if stripped not in FURNITURE_BEFORE:
                raise ValueError(f"unclassified line before the tables: {where}")
            continue
        if stripped == NAVIGATION[0]:
            state = "navigation"
            continue
        if CONTINUATION.fullmatch(stripped):
            assert rows, f"continuation without a row: {where}"
            rows[-1][2].append(stripped)
            continue
        match = ROW.fullmatch(stripped)
        if not match:
            raise ValueError(f"unclassified line: {where}")
        rows.append([int(match.group(1)), category, [match.group(2)], where])

    entries = []
    seen = {}
    for code, category, lines, where in rows:
        original = "\n".join(lines)
        cells = split_row(code, lines[0])
        # Continuation lines go, on their own lines, to the last filled column.
        last = [column for column in COLUMNS if cells[column]][-1]
        assert len(lines) == 1 or last == "action", f"continuation not of the action: {where}"
        cells[last] += "".join("\n" + extra for extra in lines[1:])
        entry = {"code": code, "category": category}
        for column in COLUMNS:
            entry[column] = squeeze(cells[column])
        assert entry["description"], where
        joined = "".join(entry[column] for column in COLUMNS)
        assert _bare(joined) == _bare(original), f"text changed by the split: {where}"
        if code in seen:
            if seen[code] == entry:
                continue
            raise ValueError(f"code {code} written twice with different text: {seen[code]!r} / {entry!r}")
        seen[code] = entry
        entries.append(entry)

    unused = set(OVERRIDES) - set(seen)
    assert not unused, f"overrides for codes not in the document: {sorted(unused)}"
    assert len(entries) == EXPECTED_CODES, f"expected {EXPECTED_CODES} codes, parsed {len(entries)}"
    return source, entries
