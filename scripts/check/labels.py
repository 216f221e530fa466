#!/usr/bin/env python3
"""Check codes/labels/*.toml against codes/concepts.toml and the rules of docs/classification.md.

- every label has an allowed class and retry, and a concept id that codes/concepts.toml defines;
- every concept in codes/concepts.toml is used by at least one label;
- every concept has id, title, title_zh, guidance, guidance_zh (non-empty, one line);
- retry is never `backoff` with class `invalid_argument`;
- each label file has exactly one label per entry of its source, in the source's order.
Prints concepts whose labels disagree on class or retry (informational) and exits non-zero on errors.
Usage: python3 scripts/check/labels.py [--report]
"""
import collections, glob, os, re, sys, tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLASSES = {"auth", "permission", "invalid_argument", "not_found", "conflict", "limit", "rate_limit",
           "plan", "state", "network", "server", "content", "client", "unknown", "success"}
RETRIES = {"backoff", "relogin", "never"}
ID_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")


def load(path):
    with open(path, "rb") as f:
        return tomllib.load(f)


def sources():
    """source id -> (vendor, [codes in order]) for catalogues and SDK symbol files."""
    out = {}
    for p in glob.glob(os.path.join(ROOT, "codes", "*.toml")):
        d = load(p)
        if "source" in d:
            out[d["source"]["id"]] = (d["source"]["vendor"], [c["code"] for c in d.get("codes", [])])
    for p in glob.glob(os.path.join(ROOT, "codes", "symbols", "*.toml")):
        d = load(p)
        codes = []
        for s in d.get("symbols", []):
            if s["code"] not in codes:
                codes.append(s["code"])
        out[d["sdk"]["id"]] = (d["sdk"]["vendor"], codes, d["sdk"].get("sources", []))
    # an SDK source is labelled only for the codes that none of its documents lists
    for sid, v in list(out.items()):
        if len(v) == 3:
            documented = {c for doc in v[2] if doc in out for c in out[doc][1]}
            out[sid] = (v[0], [c for c in v[1] if c not in documented])
    return out


def main():
    errors = []
    concepts = load(os.path.join(ROOT, "codes", "concepts.toml"))["concepts"]
    ids = collections.Counter(c.get("id") for c in concepts)
    for cid, n in ids.items():
        if n > 1:
            errors.append(f"concepts.toml: duplicate id {cid}")
    for c in concepts:
        if not ID_RE.match(c.get("id") or ""):
            errors.append(f"concepts.toml: bad id {c.get('id')!r}")
        for k in ("title", "title_zh", "guidance", "guidance_zh"):
            v = c.get(k)
            if not isinstance(v, str) or not v.strip() or "\n" in v:
                errors.append(f"concepts.toml: {c.get('id')}: {k} missing, empty or multi-line")
    srcs = sources()
    used = collections.defaultdict(set)          # concept -> vendors
    pairs = collections.defaultdict(collections.Counter)
    for p in sorted(glob.glob(os.path.join(ROOT, "codes", "labels", "*.toml"))):
        src = os.path.basename(p)[:-5]
        labels = load(p).get("labels", [])
        if src not in srcs:
            errors.append(f"{src}: no such source")
            continue
        vendor, codes = srcs[src]
        got = [l.get("code") for l in labels]
        if got != codes:
            errors.append(f"{src}: labels do not follow the source's entries one for one, in order")
        for l in labels:
            where = f"{src} {l.get('code')}"
            cls, retry, concept = l.get("class"), l.get("retry"), l.get("concept")
            if cls not in CLASSES:
                errors.append(f"{where}: class {cls!r} not allowed")
            if retry not in RETRIES:
                errors.append(f"{where}: retry {retry!r} not allowed")
            if cls == "invalid_argument" and retry == "backoff":
                errors.append(f"{where}: backoff with invalid_argument")
            if concept not in ids:
                errors.append(f"{where}: concept {concept!r} not in codes/concepts.toml")
            used[concept].add(vendor)
            pairs[concept][(cls, retry)] += 1
    for cid in ids:
        if cid not in used:
            errors.append(f"concepts.toml: {cid} is used by no label")
    if "--report" in sys.argv:
        multi = sorted(c for c in used if len(used[c]) > 1)
        print(f"{len(ids)} concepts, {len(multi)} used by 2+ vendors, "
              f"{sum(1 for c in used if len(used[c]) == 3)} by all three")
        for c in sorted(pairs):
            if len(pairs[c]) > 1:
                print(f"  mixed class/retry: {c}: " + ", ".join(f"{k[0]}/{k[1]} x{n}" for k, n in sorted(pairs[c].items())))
    for e in errors:
        print("error:", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
