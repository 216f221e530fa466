"""ZEGOCLOUD In-app Chat (ZIM) 2.x client SDK error codes -> codes/zego-zim.toml.

The document is web text. Before the first table there is prose and a JavaScript example,
which are not rows. Each table is introduced by a section heading (-> category), a blank
line and the header line "Return codePossible cause and solutions" (not a row). Rows glue
the code to its text ("6000001The parameter is invalid..."); the codes are 0, 1 and seven
digit 6xxxxxx values. A few rows continue on indented bullet lines ("  • For a single API
call..."), which belong to the row above and are kept, bullet and all, on their own line.
A table ends at the first blank line.
"""

import re

import sdk_symbols
from catalogue_toml import squeeze

SEED = "000_e1b717a1bc6fbc85.txt"
OUTPUT = "zego-zim.toml"
EXPECTED_CODES = 149

HEADER = "Return codePossible cause and solutions"
# The code is 0, 1 or exactly seven digits starting with 6; the text must not start with
# a digit or blank (a glued digit would be ambiguous), so such a line fails loudly below.
ROW = re.compile(r"(0|1|6\d{6})([^\d\s].*)")
BULLET = re.compile(r"\s+•\s.*")


def _sdk_name(code: int, ios: str, flutter: str) -> str:
    """A note's opening: the SDK's iOS name, then its Flutter name and comment, checked against
    the data."""
    sdk_symbols.row("zego-zim.tsv", code, ios)
    comment = sdk_symbols.row("zego-zim.tsv", code, flutter)["comment"]
    assert comment, f"no Flutter comment for {code}"
    return f'The SDK names this code {ios} (Flutter {flutter}, "{comment}")'


def _notes(by_code: dict) -> dict:
    """Where the SDK's symbol contradicts the document's text: one sentence per code."""
    for code, twin in ((6000803, 6000802), (6000811, 6000810)):
        assert by_code[code]["description"] == by_code[twin]["description"], (
            f"the note on {code} assumes the document repeats the text of {twin}"
        )
    assert by_code[6000286]["description"].startswith("A normal mode call ID"), (
        "the note on 6000286 assumes the document describes a call-mode error"
    )
    return {
        6000803: _sdk_name(
            6000803, "ZIMErrorCodeFriendModuleIsAlreadyYourFriend", "friendModuleIsAlreadyYourFriend"
        )
        + ", but the document repeats the text of 6000802.",
        6000811: _sdk_name(
            6000811, "ZIMErrorCodeFriendModuleFriendAreUnregistered", "friendModuleFriendAreUnregistered"
        )
        + ", but the document repeats the text of 6000810.",
        6000286: _sdk_name(
            6000286, "ZIMErrorCodeMessageModuleMessageExceedsEditTime", "messageModuleMessageExceedsEditTime"
        )
        + ", but the document describes a call-mode error.",
    }


def convert(text: str):
    source = {
        "id": "zego-zim",
        "vendor": "zego",
        "title": "ZEGOCLOUD In-app Chat (ZIM) SDK error codes",
        # The page introduces these codes as those of "In-app Chat 2.0.0" and later and
        # sends users of versions "earlier than 2.0.0" to the "1.x.x" page.
        "edition": "2.x",
        "language": "en",
    }
    lines = text.splitlines()
    entries = []
    seen = {}
    in_table = False
    category = None
    tables = 0
    rows_in_table = 0
    trailer = []  # non-heading lines outside tables after the first table

    for index, line in enumerate(lines):
        where = f"{SEED}:{index + 1}: {line!r}"
        if in_table:
            if not line.strip():
                assert rows_in_table, f"table without rows ({category!r}): {where}"
                in_table = False
                continue
            if line == HEADER:
                raise ValueError(f"header repeated inside a table: {where}")
            if BULLET.fullmatch(line):
                if not rows_in_table:
                    raise ValueError(f"bullet line before any row of its table: {where}")
                entries[-1]["description"] += "\n" + line
                continue
            match = ROW.fullmatch(line)
            if not match:
                raise ValueError(f"unclassified line inside a table: {where}")
            code = int(match.group(1))
            entry = {"code": code, "category": category, "description": match.group(2)}
            entries.append(entry)
            rows_in_table += 1
            continue

        if line == HEADER:
            # The heading is the last non-blank line before the header, separated from it
            # by a blank line; it must itself be preceded by a blank line.
            back = index - 1
            while back >= 0 and not lines[back].strip():
                back -= 1
            assert back >= 0 and back < index - 1, f"no heading before table: {where}"
            assert back == 0 or not lines[back - 1].strip(), f"heading not alone: {where}"
            heading = squeeze(lines[back])
            assert heading and not ROW.fullmatch(heading), f"odd heading {heading!r}: {where}"
            if tables:
                # Between two tables the only text allowed is the next table's heading.
                assert trailer == [lines[back]], f"text between tables {trailer!r}: {where}"
            category = heading
            in_table = True
            rows_in_table = 0
            tables += 1
            trailer.clear()
            continue

        if tables and line.strip():
            # Outside a table after the first one: either the heading of the next table
            # (checked when its header arrives) or the page's trailing text (checked below).
            if ROW.fullmatch(line) or BULLET.fullmatch(line):
                raise ValueError(f"row-like line outside a table: {where}")
            trailer.append(line)

    # After the last table the page ends with two navigation links, not a table.
    assert trailer == ["ResourcesID introduction", "Migration solution"], (
        f"unexpected text after the last table: {trailer!r}"
    )

    for entry in entries:
        entry["description"] = squeeze(entry["description"])
        code = entry["code"]
        if code in seen:
            if seen[code] == entry:
                continue
            raise ValueError(f"code {code} written twice with different text: {seen[code]!r} / {entry!r}")
        seen[code] = entry
    unique = []
    for entry in entries:
        if seen.get(entry["code"]) is entry:
            unique.append(entry)

    for code, note in _notes(seen).items():
        seen[code]["note"] = note

    assert len(unique) == EXPECTED_CODES, f"expected {EXPECTED_CODES} codes, parsed {len(unique)}"
    return source, unique
