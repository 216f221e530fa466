#!/usr/bin/env python3
"""Score `chaterr scan` on the real-log corpus (tests/data/scan-corpus/corpus.toml).

For every [[line]] the context lines and the line itself are written to a temporary file and
scanned with `chaterr scan --json`; only the findings on the last line (the corpus line) count.

Figures, per split (tune, heldout, fresh, fresh2, fresh3, fresh4, fresh5, fresh6, fresh7, fresh8, fresh9a, fresh9b, fresh10a, fresh10b, fresh11a, fresh11b, fresh12, fresh13, fresh14) and overall, and per shape:
  recall      documented expected codes found with their vendor (a finding listing several
              vendors counts when the expected vendor is among them)
  precision   findings whose code is expected on that line (whatever the vendor); a finding is
              one (column, code), however many vendors or sources the JSON lists for it
  vendor acc  of the correct findings, the share naming the expected vendor and no other
  fp lines    negative lines (no expected code) on which scan reports anything

Python 3.11, standard library only.

    scripts/eval/scan_eval.py [--bin target/release/chaterr] [--corpus PATH] [--split tune|heldout|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|fresh7|fresh8|fresh9a|fresh9b|fresh10a|fresh10b|fresh11a|fresh11b|fresh12|fresh13|fresh14]
                              [--json] [--misses]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT / "tests" / "data" / "scan-corpus" / "corpus.toml"
DEFAULT_BIN = ROOT / "target" / "release" / "chaterr"


def scan(binary: str, context: list[str], text: str) -> list[dict]:
    """The findings `chaterr scan --json` reports on the last line of context + text."""
    body = "".join(c + "\n" for c in context) + text + "\n"
    with tempfile.NamedTemporaryFile("wb", suffix=".log", delete=False) as f:
        f.write(body.encode("utf-8"))
        path = f.name
    try:
        proc = subprocess.run(
            [binary, "scan", "--json", path], capture_output=True, check=False
        )
    finally:
        os.unlink(path)
    if proc.returncode not in (0, 1):
        raise SystemExit(
            f"chaterr scan failed ({proc.returncode}): {proc.stderr.decode(errors='replace')}"
        )
    last = len(context) + 1
    findings: dict[tuple[int, int], set[str]] = {}
    for raw in proc.stdout.decode("utf-8", errors="replace").splitlines():
        if not raw.strip():
            continue
        obj = json.loads(raw)
        if obj.get("line") != last:
            continue
        key = (int(obj["column"]), int(obj["code"]))
        findings.setdefault(key, set()).add(obj["vendor"])
    return [
        {"column": col, "code": code, "vendors": sorted(vendors)}
        for (col, code), vendors in sorted(findings.items())
    ]


class Tally:
    def __init__(self) -> None:
        self.lines = 0
        self.expected = 0  # documented expected codes
        self.found = 0  # of those, found with their vendor
        self.findings = 0
        self.correct = 0
        self.vendor_right = 0
        self.negatives = 0
        self.fp_lines = 0

    def add(self, other: "Tally") -> None:
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)

    @staticmethod
    def ratio(num: int, den: int) -> float | None:
        return None if den == 0 else num / den

    def figures(self) -> dict:
        return {
            "lines": self.lines,
            "expected_documented": self.expected,
            "found": self.found,
            "recall": self.ratio(self.found, self.expected),
            "findings": self.findings,
            "correct": self.correct,
            "precision": self.ratio(self.correct, self.findings),
            "vendor_accuracy": self.ratio(self.vendor_right, self.correct),
            "negative_lines": self.negatives,
            "negative_lines_with_findings": self.fp_lines,
        }


def score_line(
    entry: dict, findings: list[dict]
) -> tuple[Tally, list[dict], list[dict], list[dict]]:
    t = Tally()
    t.lines = 1
    codes = entry.get("codes", [])
    expected_vendors: dict[int, set[str]] = defaultdict(set)
    for c in codes:
        expected_vendors[int(c["code"])].add(c["vendor"])
    misses = []
    for c in codes:
        if not c.get("documented", False):
            continue
        t.expected += 1
        code, vendor = int(c["code"]), c["vendor"]
        if any(f["code"] == code and vendor in f["vendors"] for f in findings):
            t.found += 1
        else:
            misses.append({"vendor": vendor, "code": code})
    wrong, vendor_wrong = [], []
    for f in findings:
        t.findings += 1
        if f["code"] in expected_vendors:
            t.correct += 1
            if len(f["vendors"]) == 1 and f["vendors"][0] in expected_vendors[f["code"]]:
                t.vendor_right += 1
            else:
                vendor_wrong.append(f)
        else:
            wrong.append(f)
    if not codes:
        t.negatives = 1
        t.fp_lines = 1 if findings else 0
    return t, misses, wrong, vendor_wrong


def pct(x: float | None) -> str:
    return "   -  " if x is None else f"{100 * x:5.1f}%"


def table(rows: list[tuple[str, dict]]) -> str:
    head = f"{'':<28} {'lines':>5} {'recall':>7} {'found':>9} {'precision':>9} {'correct':>9} {'vendor':>7} {'neg FP':>8}"
    out = [head, "-" * len(head)]
    for name, f in rows:
        out.append(
            f"{name:<28} {f['lines']:>5} {pct(f['recall']):>7} "
            f"{f['found']:>4}/{f['expected_documented']:<4} {pct(f['precision']):>9} "
            f"{f['correct']:>4}/{f['findings']:<4} {pct(f['vendor_accuracy']):>7} "
            f"{f['negative_lines_with_findings']:>3}/{f['negative_lines']:<4}"
        )
    return "\n".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=str(DEFAULT_BIN), help="chaterr binary")
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="corpus TOML")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--misses", action="store_true", help="list misses and false positives")
    ap.add_argument("--split", choices=["tune", "heldout", "fresh", "fresh2", "fresh3", "fresh4", "fresh5", "fresh6", "fresh7", "fresh8", "fresh9a", "fresh9b", "fresh10a", "fresh10b", "fresh11a", "fresh11b", "fresh12", "fresh13", "fresh14"],
                    help="score only the lines of this split (tune, fresh, fresh2, fresh3 while tuning; heldout for aggregates only; fresh4 and fresh5 were studied in the seventh round; fresh6 was studied in the ninth; fresh7 was scored once before and after it; fresh8 and fresh9b are never tuned on; fresh9a is studied in the tenth round; fresh10a in the eleventh, fresh10b never; fresh11a and fresh11b, collected in the twelfth, scored once before and once after its changes; fresh12, collected in the sixteenth, never read; fresh13, collected in the eighteenth, never read; fresh14, collected in the twentieth, never read)")
    args = ap.parse_args()

    if not Path(args.bin).exists():
        print(f"no binary at {args.bin}: run `cargo build --release` first", file=sys.stderr)
        return 2
    with open(args.corpus, "rb") as f:
        corpus = tomllib.load(f)["line"]

    overall = Tally()
    splits: dict[str, Tally] = defaultdict(Tally)
    shapes: dict[str, Tally] = defaultdict(Tally)
    split_shapes: dict[tuple[str, str], Tally] = defaultdict(Tally)
    miss_list, fp_list, vendor_list = [], [], []
    for idx, entry in enumerate(corpus, 1):
        if args.split and entry["split"] != args.split:
            continue
        context = entry.get("context", [])
        if not (isinstance(context, list) and all(isinstance(c, str) for c in context)):
            sys.exit(f"scan_eval.py: line {idx} ({entry['url']}): context must be a list of lines")
        findings = scan(args.bin, context, entry["text"])
        t, misses, wrong, vendor_wrong = score_line(entry, findings)
        overall.add(t)
        splits[entry["split"]].add(t)
        shapes[entry["shape"]].add(t)
        split_shapes[(entry["split"], entry["shape"])].add(t)
        for m in misses:
            miss_list.append({"index": idx, "split": entry["split"], "shape": entry["shape"],
                              "expected": m, "found": findings, "text": entry["text"],
                              "url": entry["url"]})
        for w in wrong:
            fp_list.append({"index": idx, "split": entry["split"], "shape": entry["shape"],
                            "finding": w, "expected": entry.get("codes", []),
                            "text": entry["text"], "url": entry["url"]})

        for v in vendor_wrong:
            vendor_list.append({"index": idx, "split": entry["split"], "shape": entry["shape"],
                                "finding": v, "expected": entry.get("codes", []),
                                "text": entry["text"], "url": entry["url"]})

    result = {
        "corpus": str(args.corpus),
        "overall": overall.figures(),
        "splits": {k: splits[k].figures() for k in sorted(splits)},
        "shapes": {k: shapes[k].figures() for k in sorted(shapes)},
        "split_shapes": {f"{s}/{h}": v.figures() for (s, h), v in sorted(split_shapes.items())},
    }
    if args.misses:
        result["misses"] = miss_list
        result["false_positives"] = fp_list
        result["vendor_wrong"] = vendor_list

    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0

    print(table([("overall", result["overall"])]
                + [(f"split {k}", v) for k, v in result["splits"].items()]))
    print()
    print(table([(f"shape {k}", v) for k, v in result["shapes"].items()]))
    if args.misses:
        print("\nmisses (documented expected code not found with its vendor):")
        for m in miss_list:
            got = ", ".join(f"{f['code']}[{'/'.join(f['vendors'])}]" for f in m["found"]) or "nothing"
            print(f"  #{m['index']} {m['split']} {m['shape']}: {m['expected']['vendor']} "
                  f"{m['expected']['code']} -- scan found {got}\n      {m['text'][:160]}")
        print("\nfalse positives (finding whose code is not expected on the line):")
        for w in fp_list:
            f = w["finding"]
            print(f"  #{w['index']} {w['split']} {w['shape']}: {f['code']}[{'/'.join(f['vendors'])}]"
                  f" col {f['column']}\n      {w['text'][:160]}")
        print("\nright code, vendor wrong or not decided:")
        for v in vendor_list:
            f = v["finding"]
            want = "/".join(sorted({c["vendor"] for c in v["expected"] if int(c["code"]) == f["code"]}))
            print(f"  #{v['index']} {v['split']} {v['shape']}: {f['code']}[{'/'.join(f['vendors'])}]"
                  f" expected {want}\n      {v['text'][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
