#!/usr/bin/env python3
"""Splits the labelled triage corpus into the training part and the held-out part.

Usage: bench/triage/split-corpus.py SOURCE.jsonl... > (writes src/main/resources/triage/corpus/)

The split is stable: an example's side depends only on a hash of its id, so adding examples never
moves an old one from held-out into training. About one example in five is held out; the model
never trains on them.
"""
import hashlib, json, sys, pathlib

out = pathlib.Path(__file__).resolve().parents[2] / "src/main/resources/triage/corpus"
examples = []
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                examples.append(json.loads(line))
ids = [e["id"] for e in examples]
assert len(ids) == len(set(ids)), "duplicate ids"
train, held = [], []
for e in examples:
    # The first 64 bits of the id's SHA-256 as a fraction of 2^64: below 0.2 is held out.
    share = int(hashlib.sha256(e["id"].encode()).hexdigest()[:16], 16) / 2**64
    (held if share < 0.2 else train).append(e)
order = {e["id"]: i for i, e in enumerate(examples)}
for name, part in (("train.jsonl", train), ("heldout.jsonl", held)):
    part.sort(key=lambda e: order[e["id"]])
    with open(out / name, "w", encoding="utf-8") as f:
        for e in part:
            f.write(json.dumps({k: e[k] for k in ("id", "text", "lang", "category", "priority", "sentiment")}, ensure_ascii=False) + "\n")
print(f"train {len(train)}, held out {len(held)}", file=sys.stderr)
