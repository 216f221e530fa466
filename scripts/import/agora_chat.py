"""Agora Chat error codes -> codes/agora-chat.toml.

The document is web text with one table and no section headings (so no category). Prose
and a bulleted list come first and are not rows. The table starts after the header line
"Error codeError messagePossible reason" (not a row) and ends at the first blank line.
Each row glues three columns: the code, the symbolic name in UPPER_SNAKE (-> name) and the
possible reason (-> description), e.g. "0EM_NO_ERRORNone" or
"203USER_ALREADY_EXISTA user with the same user ID...".
"""

import re

import sdk_symbols
from catalogue_toml import squeeze

SEED = "004_5a55a220397e3132.txt"
OUTPUT = "agora-chat.toml"
EXPECTED_CODES = 77

HEADER = "Error codeError messagePossible reason"
# Names contain no lower-case letters or blanks, so the reason starts at the first capital
# followed by a lower-case letter or a blank ("None", "When", "A user"). The name is matched
# lazily up to there. A reason that started with an all-capital word ("SDK ...") would split
# wrongly, which the checks in _split catch for the forms they can see.
ROW = re.compile(r"(\d+)([A-Z][A-Z0-9_]*?)([A-Z](?:[a-z]| ).*)")
NAME = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")

# Remarks on the document, the SDK's symbols among them (checked against the data in convert()).
NOTES = {
    203: (
        'The SDK names this code AgoraChatErrorUserAlreadyExist ("The user already exists."), but '
        "the document's text is about a user ID already logged in, which the SDK names "
        "AgoraChatErrorUserAlreadyLoginSame (200)."
    ),
    403: (
        "The document names this code FILE_UPLOAD_FAILED, but its text is about downloads, as is "
        "the SDK's name for it, AgoraChatErrorFileDownloadFailed; 402 is the upload failure."
    ),
    1500: (
        "The SDK's iOS enum has no code 1500: it gives AgoraChatErrorNotSupportPush the code 1403."
    ),
}


def _check_notes(seen: dict):
    """The NOTES say what the document and the SDK's symbols say."""
    assert seen[402]["name"] == seen[403]["name"] == "FILE_UPLOAD_FAILED", (
        "the 403 note assumes the document names both 402 and 403 FILE_UPLOAD_FAILED"
    )
    assert "downloaded" in seen[403]["description"]
    sdk_symbols.row("agora-chat.tsv", 403, "AgoraChatErrorFileDownloadFailed")
    assert "already logged in" in seen[203]["description"]
    comment = sdk_symbols.row("agora-chat.tsv", 203, "AgoraChatErrorUserAlreadyExist")["comment"]
    assert comment == "The user already exists.", comment
    sdk_symbols.row("agora-chat.tsv", 200, "AgoraChatErrorUserAlreadyLoginSame")
    assert not [r for r in sdk_symbols.read("agora-chat.tsv") if r["code"] == 1500]
    sdk_symbols.row("agora-chat.tsv", 1403, "AgoraChatErrorNotSupportPush")


def _split(line: str, where: str):
    match = ROW.fullmatch(line)
    if not match:
        raise ValueError(f"unclassified line inside the table: {where}")
    code, name, description = match.groups()
    if not NAME.fullmatch(name):
        raise ValueError(f"odd symbolic name {name!r}: {where}")
    first_word = description.split(" ", 1)[0]
    # A one-letter first word can only be "A" or "I"; anything else means the split fell
    # inside an all-capital word of the reason.
    if len(first_word) == 1 and first_word not in ("A", "I"):
        raise ValueError(f"ambiguous split between name and reason: {where}")
    return int(code), name, description


def convert(text: str):
    source = {
        "id": "agora-chat",
        "vendor": "agora",
        "title": "Agora Chat error codes",
        "language": "en",
    }
    lines = text.splitlines()
    starts = [i for i, line in enumerate(lines) if line == HEADER]
    assert len(starts) == 1, f"expected one table header line, found {len(starts)}"

    entries = []
    index = starts[0] + 1
    while index < len(lines) and lines[index].strip():
        line = lines[index]
        code, name, description = _split(line, f"{SEED}:{index + 1}: {line!r}")
        entry = {"code": code, "name": name, "description": squeeze(description)}
        if code in NOTES:
            entry["note"] = NOTES[code]
        entries.append(entry)
        index += 1

    # Nothing after the table may look like a row that was cut off by a blank line.
    for later in range(index, len(lines)):
        assert not re.match(r"\s*\d", lines[later]), (
            f"row-like line after the table: {SEED}:{later + 1}: {lines[later]!r}"
        )

    seen = {}
    unique = []
    for entry in entries:
        code = entry["code"]
        if code in seen:
            if seen[code] == entry:
                continue
            raise ValueError(f"code {code} written twice with different text: {seen[code]!r} / {entry!r}")
        seen[code] = entry
        unique.append(entry)

    _check_notes(seen)
    assert len(unique) == EXPECTED_CODES, f"expected {EXPECTED_CODES} codes, parsed {len(unique)}"
    return source, unique
