#!/usr/bin/env python3
"""Language identification scored on labelled JSONL sets: runs `wiretrace extract --format jsonl`
over each file and compares `language` with the gold field (`lang`, or a fixed language for sets
in one language). Prints accuracy per set and per gold language, and the confusions.

    scripts/eval_language.py [--wiretrace .build/release/wiretrace] [--data ../shared/data]
"""
import argparse, collections, json, os, subprocess, sys

SETS = [
    ("multilingual/ntrex-docs.jsonl", "lang"),
    ("multilingual/semeval8-train.jsonl", "lang"),
    ("quotes/polnear-dev.jsonl", "en"),
    ("quotes/redewiedergabe-dev.jsonl", "de"),
    ("stories/ecbplus-dev.jsonl", "en"),
]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wiretrace", default=".build/release/wiretrace")
    parser.add_argument("--data", default="../shared/data")
    args = parser.parse_args()
    if not os.path.isdir(args.data):
        print(f"skipping: no evaluation data at {args.data}", file=sys.stderr)
        return 0
    for path, gold_field in SETS:
        full = os.path.join(args.data, path)
        if not os.path.exists(full):
            print(f"{path}: missing, skipped")
            continue
        gold = {}
        with open(full, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                gold[record["id"]] = record.get(gold_field, gold_field) if gold_field == "lang" else gold_field
        out = subprocess.run([args.wiretrace, "extract", "--format", "jsonl", full], capture_output=True, text=True)
        predicted = {}
        for line in out.stdout.splitlines():
            record = json.loads(line)
            predicted[record.get("id") or record.get("source")] = record.get("language")
        per = collections.defaultdict(lambda: [0, 0])
        confusions = collections.Counter()
        for doc, language in gold.items():
            guess = predicted.get(doc)
            per[language][1] += 1
            if guess == language:
                per[language][0] += 1
            else:
                confusions[(language, guess)] += 1
        right = sum(v[0] for v in per.values()); total = sum(v[1] for v in per.values())
        detail = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(per.items()))
        print(f"{path}: {right}/{total} = {right / max(total, 1):.3f} ({detail})")
        if confusions:
            print("   confusions (gold -> predicted): " + ", ".join(f"{g}->{p} x{n}" for (g, p), n in confusions.most_common(8)))
    return 0

if __name__ == "__main__":
    sys.exit(main())
