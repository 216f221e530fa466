"""Regenerates codes/*.toml from the vendor documents in ../shared/seeds and ../shared/editions,
and codes/symbols/*.toml from the SDKs' symbol tables in ../shared/sdk-symbols.

    python3 scripts/import/run_all.py           # rewrite the catalogue files
    python3 scripts/import/run_all.py --check   # exit 1 if any committed file is stale or
                                                # test_editions.py finds a problem

Each seed converter module exposes SEED (the seed file name), OUTPUT (the codes/ file name) and
convert(text) -> (source, entries), where entries are dicts in document order. Each edition
converter exposes EDITIONS (mdx.Edition: document, output, ...) and convert(text, edition) ->
(source, entries). sdk_symbols writes the symbol files (see its docstring).
"""

import importlib
import sys

import catalogue_toml
import sdk_symbols
import test_editions

CONVERTERS = ("zego_zim", "zego_server", "tencent_chat", "tencent_im", "agora_chat")
EDITION_CONVERTERS = ("zego_zim_edition", "zego_zpns", "zego_server_edition", "agora_chat_edition")


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
    for name in EDITION_CONVERTERS:
        module = importlib.import_module(name)
        for edition in module.EDITIONS:
            text = (catalogue_toml.EDITIONS / edition.document).read_text(encoding="utf-8")
            source, entries = module.convert(text, edition)
            rendered = catalogue_toml.render(source, entries, edition.document, f"{name}.py", "editions")
            path = catalogue_toml.REPO / "codes" / edition.output
            if not catalogue_toml.write(path, rendered, check):
                stale.append(path.name)
            print(f"{edition.output}: {len(entries)} entries")
    for path, rendered, rows in sdk_symbols.files():
        path.parent.mkdir(exist_ok=True)
        if not catalogue_toml.write(path, rendered, check):
            stale.append(f"symbols/{path.name}")
        print(f"symbols/{path.name}: {len(rows)} symbols")
    failed = test_editions.run() if check else 0
    if stale:
        verb = "stale" if check else "rewritten"
        print(f"{verb}: {', '.join(stale)}", file=sys.stderr)
        return 1 if check else 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
