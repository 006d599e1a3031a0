#!/usr/bin/env python3
"""Scores quotes on an attribution gold file (PolNeAR shape) for all documents and for two halves.

The halves: `fit` and `held`, by the parity of the first byte of md5 over the document id. Rules
and word lists are read and adjusted on `fit` only; `held` is the figure to report.

Metric (see /work/shared/data/README.md, "German quotes"): every content span of an attribution
is one gold segment; a segment is direct when at least half its letters stand inside quote marks
(„ “ » « " and the other marks below). A gold segment is found when the predicted quote with the
highest overlap |gold ∩ pred| / |gold| reaches 0.5. Speaker accuracy: over found direct segments
whose attribution has a source, the share whose predicted speaker mention overlaps a source span.

    wiretrace run --db /tmp/rw.sqlite ../shared/data/quotes/redewiedergabe-dev.jsonl
    wiretrace export quotes --db /tmp/rw.sqlite > /tmp/rw.quotes.jsonl
    python3 scripts/eval_quotes_split.py --gold ../shared/data/quotes/redewiedergabe-dev.jsonl \\
        --quotes /tmp/rw.quotes.jsonl

Python 3 standard library only; reads the shared data where it lies, copies nothing.
"""
import argparse
import hashlib
import json
from collections import defaultdict

OPENERS = {"„": "“”\"", "‚": "‘’", "«": "»", "»": "«", "“": "”", "\"": "\"", "「": "」", "『": "』", "‹": "›", "›": "‹"}


def half(key):
    return "fit" if hashlib.md5(key.encode()).digest()[0] % 2 == 0 else "held"


def inside_marks(text):
    """A flag per character: inside a pair of quote marks (marks included)."""
    flags = [False] * len(text)
    i = 0
    while i < len(text):
        closers = OPENERS.get(text[i])
        if closers:
            j = i + 1
            while j < len(text) and text[j] not in closers and text[j] != "\n":
                j += 1
            if j < len(text) and text[j] in closers:
                for k in range(i, j + 1):
                    flags[k] = True
                i = j + 1
                continue
        i += 1
    return flags


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", required=True)
    parser.add_argument("--quotes", required=True, help="`wiretrace export quotes` output")
    parser.add_argument("--errors", choices=["fit", "held", "all"], help="print missed and wrong speakers")
    args = parser.parse_args()
    predicted = defaultdict(list)
    with open(args.quotes, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                q = json.loads(line)
                predicted[q["id"]].append(q)
    counts = defaultdict(lambda: defaultdict(int))
    for line in open(args.gold, encoding="utf-8"):
        if not line.strip():
            continue
        record = json.loads(line)
        text = record["text"]
        flags = inside_marks(text)
        part = half(record["id"])
        preds = predicted.get(record["id"], [])
        for group in (part, "all"):
            counts[group]["predicted"] += len(preds)
        for attribution in record.get("attributions", []):
            sources = [(s["start"], s["end"]) for s in attribution.get("source") or []]
            for content in attribution.get("content") or []:
                start, end = content["start"], content["end"]
                letters = [k for k in range(start, end) if text[k].isalpha()]
                if not letters or sum(flags[k] for k in letters) * 2 < len(letters):
                    continue
                best, share = None, 0.0
                for p in preds:
                    overlap = max(0, min(end, p["end"]) - max(start, p["start"])) / (end - start)
                    if overlap > share:
                        best, share = p, overlap
                found = share >= 0.5
                right = None
                if found and sources:
                    s0, s1 = best.get("speaker_start"), best.get("speaker_end")
                    right = s0 is not None and any(s0 < b and a < s1 for a, b in sources)
                for group in (part, "all"):
                    c = counts[group]
                    c["direct"] += 1
                    c["found"] += found
                    if right is not None:
                        c["judged"] += 1
                        c["right"] += right
                if args.errors in (part, "all") and (not found or right is False):
                    context = text[max(0, start - 70):start].replace("\n", " ")
                    what = "MISSED" if not found else f"SPEAKER {best.get('speaker')!r}"
                    gold = " ".join(text[a:b] for a, b in sources)
                    print(f"{what} gold={gold!r} ...{context!r} [{text[start:start + 50]!r}] {text[end:end + 50]!r}")
    for group in ("fit", "held", "all"):
        c = counts[group]
        recall = c["found"] / c["direct"] if c["direct"] else 0
        accuracy = c["right"] / c["judged"] if c["judged"] else 0
        print(f"{group:5} direct segments {c['direct']:4}  recall {recall:.3f} ({c['found']})  "
              f"speaker accuracy {accuracy:.3f} ({c['right']}/{c['judged']})  predicted quotes {c['predicted']}")


if __name__ == "__main__":
    main()
