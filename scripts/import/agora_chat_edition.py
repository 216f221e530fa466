"""Agora Chat SDK error codes, current editions (Android, iOS, Unity, Web) ->
codes/agora-chat-{android,ios,unity,web}.toml.

Each document is a shared MDX snippet (no title of its own: the page that includes it,
agora-chat/reference/error-codes.mdx, is titled "Error codes" and is published, per platform,
at the URL below). Prose, a bullet list, a C# sample and a `<PlatformWrapper>` wrapper surround
one pipe table with no heading (so no category):
  Error code | Error message | Possible reason (Unity: Error description) | Fix
-> code (in backticks, Web has negative codes), name (`<code>EM<wbr/>_NO<wbr/>_ERROR</code>` ->
EM_NO_ERROR), description, action. `<ul><li>` lists in cells become "• item" lines.
Web numbers its errors its own way: the same number can mean something else than on Android.
"""

import re

import mdx

TITLE = "Error codes"
URL = "https://docs.agora.io/en/agora-chat/reference/error-codes?platform={}"
EDITIONS = [
    mdx.Edition(
        f"agora-chat.{platform}.en.mdx",
        f"agora-chat-{platform}.toml",
        {
            "id": f"agora-chat-{platform}",
            "vendor": "agora",
            "url": URL.format(platform),
            "language": "en",
            "platform": platform,
        },
        expected,
    )
    for platform, expected in (("android", 102), ("ios", 95), ("unity", 95), ("web", 67))
]

NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")


def convert(text: str, edition: mdx.Edition):
    rows = mdx.pipe_tables(
        text, edition.document, 4, allow_outside=lambda line: not re.match(r"\d", line)
    )
    pairs = []
    for row in rows:
        if len(row.cells) != 4:
            raise ValueError(f"row with {len(row.cells)} cells: {row.where}")
        code, name, description, action = row.cells
        entry = {
            "code": mdx.code_of(code, row.where),
            "name": mdx.cell_text(name),
            "description": mdx.cell_text(description),
            "action": mdx.cell_text(action),
        }
        if not NAME.fullmatch(entry["name"]):
            raise ValueError(f"odd name {entry['name']!r}: {row.where}")
        assert entry["description"] and entry["action"], row.where
        pairs.append((entry, row.where))
    entries, repeats = mdx.entries_from_rows(pairs)
    assert not repeats, f"{edition.document}: codes written twice: {repeats}"
    assert len(entries) == edition.expected_codes, (
        f"{edition.document}: {len(entries)} codes, expected {edition.expected_codes}"
    )
    assert mdx.title(text) is None
    return mdx.source_for(edition, TITLE), entries
