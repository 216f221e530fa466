"""Regenerates codes/*.toml from the vendor documents in ../shared/seeds, and codes/symbols/*.toml
from the SDKs' symbol tables in ../shared/sdk-symbols.

    python3 scripts/import/run_all.py           # rewrite the catalogue files
    python3 scripts/import/run_all.py --check   # exit 1 if any committed file is stale

Each converter module exposes SEED (the seed file name), OUTPUT (the codes/ file name) and
convert(text) -> (source, entries), where entries are dicts in document order. sdk_symbols
writes the symbol files (see its docstring).
"""

import importlib
import sys

import catalogue_toml
import sdk_symbols

CONVERTERS = ("zego_zim", "zego_server", "tencent_chat", "tencent_im", "agora_chat")


def main() -> int:
    check = "--check" in sys.argv[1:]
    stale = []
    for name in CONVERTERS:
        module = importlib.import_module(name)
        text = (catalogue_toml.SEEDS / module.SEED).read_text(encoding="utf-8")
        source, entries = module.convert(text)
        rendered = catalogue_toml.render(source, entries, module.SEED, f"{name}.py")
        path = catalogue_toml.REPO / "codes" / module.OUTPUT
        if not catalogue_toml.write(path, rendered, check):
            stale.append(path.name)
        print(f"{module.OUTPUT}: {len(entries)} entries")
    for path, rendered, rows in sdk_symbols.files():
        path.parent.mkdir(exist_ok=True)
        if not catalogue_toml.write(path, rendered, check):
            stale.append(f"symbols/{path.name}")
        print(f"symbols/{path.name}: {len(rows)} symbols")
    if stale:
        verb = "stale" if check else "rewritten"
        print(f"{verb}: {', '.join(stale)}", file=sys.stderr)
        return 1 if check else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
