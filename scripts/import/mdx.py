"""Reading the vendors' current editions (MDX, ../shared/editions) for the edition converters.

What is here:
- Edition: one document -> one codes/ file, with its [source] table.
- readme_editions(): the "last change" column of ../shared/editions/README.md, per file.
- title(), front_matter(): the document's own `# ` title and `---` front matter.
- pipe_tables(): the Markdown pipe tables of a document, with the `## ` heading each stands under.
- html_tables(): the same for HTML `<table>`s (the Chinese server page).
- cell_text(): a cell's markup reduced to its text (see there); document_text() applies the same
  reduction to a whole document, for the word-for-word check in test_editions.py.
- entries_from_rows(): rows -> entries, a code written twice kept as tencent_chat.py does.

Anything a converter cannot classify stops it with the file, line and text.
"""

import html
import html.parser
import re
from typing import NamedTuple

from catalogue_toml import EDITIONS, squeeze


class Edition(NamedTuple):
    document: str  # file name in ../shared/editions
    output: str  # file name in codes/
    source: dict  # [source] keys besides title and edition, which come from the document/README
    expected_codes: int


def readme_editions() -> dict:
    """file name -> its "last change" cell in the README's table ("" where it has none)."""
    result = {}
    for line in (EDITIONS / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0].endswith(".mdx"):
            assert len(cells) == 6, f"README row with {len(cells)} cells: {line!r}"
            result[cells[0]] = cells[5]
    return result


def source_for(edition: Edition, title) -> dict:
    """The [source] table: the edition's keys, the document's title and the README's date."""
    date = readme_editions()[edition.document]
    assert date == "" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", date), date
    source = dict(edition.source)
    source["title"] = title
    source["edition"] = date or None
    return source


def front_matter(text: str) -> dict:
    lines = text.splitlines()
    if not lines or lines[0] != "---":
        return {}
    end = lines.index("---", 1)
    result = {}
    for line in lines[1:end]:
        key, _, value = line.partition(":")
        result[key.strip()] = value.strip().strip('"')
    return result


def title(text: str):
    """The first `# ` heading, None if the document has none."""
    for line in text.splitlines():
        if line.startswith("# "):
            return cell_text(line[2:])
    return None


# --- cell text -------------------------------------------------------------------------------

LINK = re.compile(r"\[([^\[\]]*)\]\(([^()\s]*)\)")
STRONG = re.compile(r"\*\*([^*]+)\*\*")
CODE_SPAN = re.compile(r"`([^`]*)`")
BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Inline tags that only style their text: the tag goes, the text stays.
INLINE = re.compile(r"</?(?:code|strong|b|em|i)>|<wbr\s*/?>", re.IGNORECASE)
PARAGRAPH = re.compile(r"</?p>", re.IGNORECASE)
LIST = re.compile(r"<(ul|ol)>(.*?)</\1>", re.IGNORECASE | re.DOTALL)
ITEM = re.compile(r"<li>(.*?)</li>", re.IGNORECASE | re.DOTALL)


def _list(match) -> str:
    """`<ul><li>a</li><li>b</li></ul>` -> "\n• a\n• b\n"; `<ol>` items are numbered "1. a"."""
    kind, body = match.group(1).lower(), match.group(2)
    items = ITEM.findall(body)
    rest = ITEM.sub("", body).strip()
    if not items or rest:
        raise ValueError(f"odd list {match.group(0)!r}")
    marks = ["•"] * len(items) if kind == "ul" else [f"{n}." for n in range(1, len(items) + 1)]
    return "".join(f"\n{mark} {' '.join(item.split())}" for mark, item in zip(marks, items)) + "\n"


def reduce_markup(text: str) -> str:
    """Markup reduced to its text; whatever it does not know is left as it is."""
    text = LIST.sub(_list, text)
    text = BREAK.sub("\n", text)
    text = PARAGRAPH.sub("\n", text)
    text = INLINE.sub("", text)
    text = LINK.sub(lambda m: m.group(1), text)
    text = STRONG.sub(lambda m: m.group(1), text)
    text = CODE_SPAN.sub(lambda m: m.group(1), text)
    return html.unescape(text)


def cell_text(cell: str) -> str:
    """A table cell as text: lists become "• item" lines (`<ol>`: "1. item"), `<br>` and `<p>` line
    breaks; `<code>`, `<wbr/>`, backticks, `**` and link targets go (links keep their text).
    Whitespace is folded by squeeze(). Markup left over after that stops the conversion."""
    text = squeeze(reduce_markup(cell))
    for leftover in ("<", "](", "`", "**", "\\", "{", "}"):
        if leftover in text:
            raise ValueError(f"unhandled markup {leftover!r} in cell {cell!r}")
    return text


def empty_cell(text: str) -> bool:
    """A cell that is only a dash: the document's mark for "nothing here"."""
    return text in ("", "-", "--")


# --- tables ------------------------------------------------------------------------------------

HEADING = re.compile(r"## (\S.*)")
DELIMITER = re.compile(r"\|(\s*:?-+:?\s*\|)+")


class Row(NamedTuple):
    category: object  # the heading above the table, or None
    cells: list  # raw cells, code cell first
    where: str  # file:line for messages


def split_pipe_row(line: str) -> list:
    """`| a | b |` -> ["a", "b"]; a last cell without its closing pipe is still a cell."""
    body = line.strip()
    assert body.startswith("|"), body
    body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    if "\\|" in body:
        raise ValueError(f"escaped pipe in {line!r}")
    return [cell.strip() for cell in body.split("|")]


def pipe_tables(text: str, name: str, header_cells: int, allow_outside=None) -> list:
    """Every row of every pipe table. A table is a header line and a delimiter line, then rows
    up to the first line that is not one. Outside tables, allow_outside(line) -> bool says which
    lines are prose (defaults: everything); a row-like line outside a table always fails."""
    rows = []
    lines = text.splitlines()
    category = None
    in_table = False
    index = 0
    while index < len(lines):
        line = lines[index]
        where = f"{name}:{index + 1}"
        stripped = line.strip()
        if in_table and stripped.startswith("|"):
            rows.append(Row(category, split_pipe_row(stripped), where))
            index += 1
            continue
        in_table = False
        heading = HEADING.fullmatch(stripped)
        if heading:
            category = cell_text(heading.group(1))
        elif stripped.startswith("|"):
            header = split_pipe_row(stripped)
            following = lines[index + 1].strip() if index + 1 < len(lines) else ""
            if not DELIMITER.fullmatch(following):
                raise ValueError(f"table line without a header: {where}: {line!r}")
            if len(header) != header_cells:
                raise ValueError(f"header with {len(header)} cells: {where}: {line!r}")
            in_table = True
            index += 2
            continue
        elif allow_outside is not None and stripped and not allow_outside(stripped):
            raise ValueError(f"unclassified line outside the tables: {where}: {line!r}")
        index += 1
    return rows


class _TableParser(html.parser.HTMLParser):
    """Collects the rows of HTML tables: (heading, [(raw cell html, colspan)], line)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.rows = []
        self.row = None
        self.cell = None
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.cell is None:
            self.cell = [dict(attrs), [], tag]
        elif self.cell is not None:
            self.cell[1].append(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        if self.cell is not None:
            self.cell[1].append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            attrs, parts, kind = self.cell
            span = int(attrs.get("colspan", 1))
            self.row.append(("".join(parts), span, kind))
            self.cell = None
        elif tag == "tr":
            self.rows.append((self.row, self.getpos()[0]))
            self.row = None
        elif self.cell is not None:
            self.cell[1].append(f"</{tag}>")

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[1].append(data)

    def handle_entityref(self, name):
        if self.cell is not None:
            self.cell[1].append(f"&{name};")

    def handle_charref(self, name):
        if self.cell is not None:
            self.cell[1].append(f"&#{name};")


def html_tables(text: str, name: str, columns: int, allow_outside) -> list:
    """Rows of the HTML tables, cells spread over the columns they span (a cell spanning two
    columns fills the first; the others get ""). Header rows (`<th>`) are left out."""
    rows = []
    category = None
    lines = text.splitlines()
    block = []
    start = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        if start is not None:
            block.append(line)
            if stripped == "</table>":
                parser = _TableParser()
                parser.feed("\n".join(block))
                parser.close()
                for cells, line_no in parser.rows:
                    if all(kind == "th" for _, _, kind in cells):
                        assert len(cells) == columns, f"{name}:{start + line_no}: header"
                        continue
                    spread = []
                    for raw, span, kind in cells:
                        assert kind == "td", f"{name}:{start + line_no}: mixed row"
                        spread += [raw] + [""] * (span - 1)
                    if len(spread) != columns:
                        raise ValueError(f"{name}:{start + line_no}: row with {len(spread)} columns")
                    rows.append(Row(category, spread, f"{name}:{start + line_no}"))
                start = None
                block = []
            continue
        heading = HEADING.fullmatch(stripped)
        if heading:
            category = cell_text(heading.group(1))
        elif stripped == "<table>":
            start = index
            block = [line]
        elif stripped and not allow_outside(stripped):
            raise ValueError(f"unclassified line outside the tables: {name}:{index + 1}: {line!r}")
    assert start is None, f"{name}: unclosed table"
    return rows


# --- entries -------------------------------------------------------------------------------------

CODE = re.compile(r"`?(-?\d+)`?")
TEXT_KEYS = ("name", "description", "reason", "action")


def code_of(cell: str, where: str) -> int:
    match = CODE.fullmatch(cell.strip())
    if not match:
        raise ValueError(f"first cell is not a code: {where}: {cell!r}")
    return int(match.group(1))


def entries_from_rows(pairs: list) -> tuple:
    """[(entry, where)] in document order -> (entries, repeats). A code written again with the
    same text is one entry; with other text the first row stays the entry and the later row's
    text goes, quoted, into its note (as tencent_chat.py does). repeats lists the codes written
    more than once, for the report."""
    by_code = {}
    entries = []
    repeats = []
    for entry, where in pairs:
        earlier = by_code.get(entry["code"])
        if earlier is None:
            by_code[entry["code"]] = entry
            entries.append(entry)
            continue
        repeats.append(entry["code"])
        if all(earlier.get(k) == entry.get(k) for k in ("category",) + TEXT_KEYS):
            continue
        quoted = "; ".join(
            f'{key} "{entry[key]}"' for key in TEXT_KEYS if entry.get(key)
        )
        extra = f"The document also gives this code, in a second row, the text: {quoted}"
        if entry.get("category") != earlier.get("category"):
            extra += f' (under "{entry["category"]}")'
        extra += "."
        earlier["note"] = (earlier["note"] + "\n" + extra) if earlier.get("note") else extra
    return entries, repeats


def document_text(text: str) -> str:
    """The whole document reduced as cells are, whitespace folded to single blanks; tags the
    reduction does not know (`<td>`, `<Warning>`, ...) become a "|" cell boundary, so that no
    text can be matched across cells."""
    text = re.sub(r"^```.*?^```", " | ", text, flags=re.MULTILINE | re.DOTALL)
    text = reduce_markup(text)
    text = re.sub(r"<[^<>]*>", " | ", text)
    return " ".join(text.split())
