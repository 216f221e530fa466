"""Checks the committed codes/*.toml of the current editions against their documents.

    python3 scripts/import/test_editions.py    (also run by `run_all.py --check`)

For every file of EXPECTED:
- [source] has the id, vendor, language, platform and product below, and the document's date
  from ../shared/editions/README.md as edition (none where the README has none);
- its distinct codes are exactly those of the document's table rows (first cells, found here
  by a plain pattern of their own, not by the converters' parser), and as many as expected;
- every name, description, reason and action is found word for word, whitespace folded and
  markup reduced as the converters reduce it (mdx.document_text), in a row of its own code;
  every category is a `## ` heading of the document, the title is the document's own, and every
  text a note quotes ("...") is found in a row of the entry's code (or is a heading: the
  category of the second row);
- a code written on two rows with different text has a note.
Prints each problem; run() returns their number.
"""

import re
import sys
import tomllib
from collections import defaultdict

import mdx
from catalogue_toml import REPO

# file -> (document, id, vendor, language, platform, product, distinct codes)
EXPECTED = {
    "zego-zim-en.toml": ("zego-zim.en.mdx", "zego-zim-en", "zego", "en", None, None, 160),
    "zego-zim-zh.toml": ("zego-zim.zh.mdx", "zego-zim-zh", "zego", "zh", None, None, 200),
    "zego-zpns-en.toml": ("zego-zpns.en.mdx", "zego-zpns-en", "zego", "en", "android", "zpns", 6),
    "zego-zpns-zh.toml": ("zego-zpns.zh.mdx", "zego-zpns-zh", "zego", "zh", "android", "zpns", 6),
    "zego-server-en.toml": ("zego-server.en.mdx", "zego-server-en", "zego", "en", "server", None, 129),
    "zego-server-zh.toml": ("zego-server.zh.mdx", "zego-server-zh", "zego", "zh", "server", None, 133),
    "agora-chat-android.toml": ("agora-chat.android.en.mdx", "agora-chat-android", "agora", "en", "android", None, 102),
    "agora-chat-ios.toml": ("agora-chat.ios.en.mdx", "agora-chat-ios", "agora", "en", "ios", None, 95),
    "agora-chat-unity.toml": ("agora-chat.unity.en.mdx", "agora-chat-unity", "agora", "en", "unity", None, 95),
    "agora-chat-web.toml": ("agora-chat.web.en.mdx", "agora-chat-web", "agora", "en", "web", None, 67),
}
TEXT_KEYS = ("name", "description", "reason", "action")
PIPE_ROW = re.compile(r"^\|\s*`?(-?\d+)`?\s*\|.*$", re.MULTILINE)
HTML_ROW = re.compile(r"<tr>\s*<td>(-?\d+)</td>.*?</tr>", re.DOTALL)
QUOTED = re.compile(r'"([^"]*)"')


def fold(text: str) -> str:
    return " ".join(text.split())


def document_rows(text: str) -> dict:
    """code -> the reduced, folded text of each table row whose first cell is that code."""
    rows = defaultdict(list)
    for pattern in (PIPE_ROW, HTML_ROW):
        for match in pattern.finditer(text):
            rows[int(match.group(1))].append(mdx.document_text(match.group(0)))
    return rows


def check_file(name: str, problems: list):
    document, sid, vendor, language, platform, product, expected = EXPECTED[name]
    path = REPO / "codes" / name
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    text = (mdx.EDITIONS / document).read_text(encoding="utf-8")

    def problem(why):
        problems.append(f"{name}: {why}")

    source = data["source"]
    date = mdx.readme_editions()[document] or None
    want = {"id": sid, "vendor": vendor, "language": language, "platform": platform,
            "product": product, "edition": date, "title": mdx.title(text)}
    if vendor == "agora":
        want["title"] = "Error codes"  # the including page's title (agora_chat_edition.py)
    for key, value in want.items():
        if source.get(key) != value:
            problem(f"[source] {key} = {source.get(key)!r}, expected {value!r}")

    rows = document_rows(text)
    entries = data.get("codes", [])
    codes = [entry["code"] for entry in entries]
    if len(codes) != len(set(codes)):
        problem("a code appears twice")
    if set(codes) != set(rows):
        problem(f"codes not as in the document: missing {sorted(set(rows) - set(codes))}, "
                f"extra {sorted(set(codes) - set(rows))}")
    if len(set(rows)) != expected or len(set(codes)) != expected:
        problem(f"{len(set(rows))} codes in the document, {len(set(codes))} in the file, "
                f"expected {expected}")

    headings = {mdx.cell_text(m.group(1)) for m in re.finditer(r"^## (.+)$", text, re.MULTILINE)}
    for entry in entries:
        code = entry["code"]
        own = rows.get(code, [])
        if entry.get("category") is not None and entry["category"] not in headings:
            problem(f"{code}: category {entry['category']!r} is not a heading")
        for key in TEXT_KEYS:
            value = entry.get(key)
            if value is not None and not (value and any(fold(value) in row for row in own)):
                problem(f"{code}: {key} {value!r} not found in a row of {code}")
        for quoted in QUOTED.findall(entry.get("note", "")):
            if not any(fold(quoted) in row for row in own) and quoted not in headings:
                problem(f"{code}: note quotes {quoted!r}, found neither in a row of {code} nor as a heading")
        if len(own) > 1 and "note" not in entry:
            if len({row for row in own}) > 1:
                problem(f"{code}: written on {len(own)} rows with different text, but no note")


def run() -> int:
    problems = []
    for name in EXPECTED:
        check_file(name, problems)
    for line in problems:
        print(line, file=sys.stderr)
    print(f"test_editions: {len(EXPECTED)} files, {len(problems)} problems")
    return len(problems)


if __name__ == "__main__":
    sys.exit(1 if run() else 0)
