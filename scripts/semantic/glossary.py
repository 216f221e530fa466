#!/usr/bin/env python3
"""Write models/zh-en-glossary.tsv: Chinese words (character bigrams) put in English, learned from
texts that say the same thing in both languages, for the sentence model, which reads English
only, to read a Chinese query (src/query/semantic/glossary.rs).

The pairs, all from this repository:
- ZEGO's Chinese and English editions of one document, the same code's texts (zego-zim-zh and
  zego-zim-en, zego-server-zh and zego-server-en, zego-zpns-zh and zego-zpns-en);
- a Tencent SDK symbol's Chinese comment (codes/symbols/tencent.toml) and the English description
  of its code (tencent-chat, else tencent-im);
- our own words for each concept (codes/ours/words/), its Chinese sentences and its English ones.

IBM Model 1 (EM, eight rounds) is trained both ways, English words given Chinese bigrams and
bigrams given words; a bigram's English word is the one with the highest geometric mean of the
two probabilities, kept when that mean is at least MIN_SCORE and the bigram is in at least
MIN_PAIRS pairs. The first line records a SHA-256 of the input files, which a test compares with
the files as they are (`cargo test glossary`): run this again when they change.

    python3 scripts/semantic/glossary.py        # Python 3.11, standard library only
"""

from __future__ import annotations

import collections
import hashlib
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "models" / "zh-en-glossary.tsv"
EDITIONS = [("zego-zim-en", "zego-zim-zh"), ("zego-server-en", "zego-server-zh"), ("zego-zpns-en", "zego-zpns-zh")]
TENCENT = ["tencent-chat", "tencent-im"]
MIN_SCORE = 0.2
MIN_PAIRS = 2
ROUNDS = 8
STOP = set(
    "a an the of to in on is are was be been by for with and or not this that it its as at from please when if "
    "you your can will has have do does which than then there their other after before into no may should must "
    "also more only use used using call calls called etc we our they he she his her them us me my so but all any one".split()
)
CJK = re.compile(r"[\u4e00-\u9fff]+")


def inputs() -> list[Path]:
    """The files read, in the order their bytes are hashed (the test hashes them the same way)."""
    files = [ROOT / "codes" / f"{name}.toml" for pair in EDITIONS for name in pair]
    files += [ROOT / "codes" / f"{name}.toml" for name in TENCENT]
    files.append(ROOT / "codes" / "symbols" / "tencent.toml")
    files += sorted((ROOT / "codes" / "ours" / "words").glob("*.toml"))
    return files


def inputs_hash(files: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def load(path: Path) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


def text(entry: dict) -> str:
    return " ".join(entry[k] for k in ("description", "reason", "action") if entry.get(k))


def pairs() -> list[tuple[str, str]]:
    out = []
    for en, zh in EDITIONS:
        english = {c["code"]: text(c) for c in load(ROOT / "codes" / f"{en}.toml")["codes"]}
        chinese = {c["code"]: text(c) for c in load(ROOT / "codes" / f"{zh}.toml")["codes"]}
        out += [(chinese[k], english[k]) for k in sorted(english.keys() & chinese.keys()) if english[k] and chinese[k]]
    described: dict[int, str] = {}
    for source in TENCENT:
        for c in load(ROOT / "codes" / f"{source}.toml")["codes"]:
            described.setdefault(c["code"], text(c))
    seen = set()
    for symbol in load(ROOT / "codes" / "symbols" / "tencent.toml")["symbols"]:
        comment, code = symbol.get("comment"), symbol["code"]
        if comment and described.get(code) and (code, comment) not in seen:
            seen.add((code, comment))
            out.append((comment, described[code]))
    for path in sorted((ROOT / "codes" / "ours" / "words").glob("*.toml")):
        for words in load(path)["words"]:
            if words.get("zh") and words.get("en"):
                out.append(("。".join(words["zh"]), ". ".join(words["en"])))
    return out


def bigrams(text: str) -> list[str]:
    return [run[i : i + 2] for run in CJK.findall(text) for i in range(len(run) - 1)]


def english_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 1 and w not in STOP]


def model1(data: list[tuple[list[str], list[str]]]) -> dict[tuple[str, str], float]:
    """t[(target, source)]: the probability of a target word given a source word."""
    t: dict[tuple[str, str], float] = collections.defaultdict(lambda: 1.0)
    for _ in range(ROUNDS):
        count: dict[tuple[str, str], float] = collections.defaultdict(float)
        total: dict[str, float] = collections.defaultdict(float)
        for source, target in data:
            sources = source + ["NULL"]
            for word in target:
                norm = sum(t[(word, s)] for s in sources)
                for s in sources:
                    share = t[(word, s)] / norm
                    count[(word, s)] += share
                    total[s] += share
        t = collections.defaultdict(float, {k: v / total[k[1]] for k, v in count.items()})
    return t


def main() -> None:
    files = inputs()
    data = [(bigrams(z), english_words(e)) for z, e in pairs()]
    data = [(z, e) for z, e in data if z and e]
    in_pairs = collections.Counter(b for z, _ in data for b in set(z))
    english_given = model1(data)
    chinese_given = model1([(e, z) for z, e in data])
    best: dict[str, tuple[str, float]] = {}
    for (word, bigram), p in english_given.items():
        if bigram == "NULL":
            continue
        score = (p * chinese_given.get((bigram, word), 0.0)) ** 0.5
        # Ties go to the word first in alphabetical order, so the file is the same every run.
        held = best.get(bigram)
        if held is None or score > held[1] or (score == held[1] and word < held[0]):
            best[bigram] = (word, score)
    kept = sorted((b, w, s) for b, (w, s) in best.items() if in_pairs[b] >= MIN_PAIRS and s >= MIN_SCORE)
    lines = [f"# inputs-sha256\t{inputs_hash(files)}", "# bigram\tenglish\tscore\tpairs"]
    lines += [f"{b}\t{w}\t{s:.3f}\t{in_pairs[b]}" for b, w, s in kept]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(kept)} bigrams from {len(data)} pairs")


if __name__ == "__main__":
    main()
