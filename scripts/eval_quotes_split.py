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
import re
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
    parser.add_argument("--categories", action="store_true",
                        help="print counts of judged speakers by category per half (no text)")
    parser.add_argument("--misses", action="store_true",
                        help="print each half's speaker misses counted once in the first category that fits, "
                             "and the gold kind of pronoun mentions taken without a speech verb (counts only)")
    args = parser.parse_args()
    predicted = defaultdict(list)
    with open(args.quotes, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                q = json.loads(line)
                predicted[q["id"]].append(q)
    counts = defaultdict(lambda: defaultdict(int))
    categories = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    misses = defaultdict(lambda: defaultdict(int))
    verbless = defaultdict(lambda: defaultdict(int))
    rows = defaultdict(list)
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
                if args.misses and right is not None:
                    for group in (part, "all"):
                        misses[group][miss_category(text, flags, start, end, sources, best, right)] += 1
                        s0 = best.get("speaker_start")
                        if s0 is not None and kind_of(text[s0:best["speaker_end"]]) == "pronoun" \
                                and not (best.get("cue") or "").strip(":."):
                            gold_kind = kind_of(" ".join(text[a:b] for a, b in sources))
                            verbless[group][("gold pronoun" if gold_kind == "pronoun" else "gold other", right)] += 1
                if args.categories and right is not None:
                    outcome = "right" if right else ("null" if best.get("speaker_start") is None else "wrong")
                    for name, value in categorise(text, flags, start, end, sources, best, preds).items():
                        for group in (part, "all"):
                            categories[group][name][(value, outcome)] += 1
                    if outcome != "right":
                        rows[part].append(categorise(text, flags, start, end, sources, best, preds))
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
    if args.misses:
        for group in ("fit", "held", "all"):
            row = "  ".join(f"{name}: {misses[group][name]}" for name in MISS_CATEGORIES)
            print(f"{group:5} judged speakers  {row}")
        for group in ("fit", "held", "all"):
            cells = verbless[group]
            print(f"{group:5} pronoun mentions without a speech verb:  " + "  ".join(
                f"{kind} {cells[(kind, True)]} right / {cells[(kind, False)]} wrong" for kind in ("gold pronoun", "gold other")))
    if args.categories:
        for group in ("fit", "held", "all"):
            print(f"\n== {group}: judged speakers by category (right / null / wrong)")
            for name, cells in categories[group].items():
                values = sorted({value for value, _ in cells}, key=str)
                row = "  ".join(f"{value}: {cells[(value, 'right')]}/{cells[(value, 'null')]}/{cells[(value, 'wrong')]}"
                                for value in values)
                print(f"  {name:18} {row}")
            if group != "all":
                print(f"  -- each {group} miss as its categories (no text):")
                for row in sorted(rows[group], key=lambda r: sorted((k, str(v)) for k, v in r.items())):
                    keys = ("gold kind", "gold place", "gold gap words", "colon before quote", "predicted kind",
                            "predicted place", "predicted vs gold", "cue", "quote before fits", "any mention fits")
                    print("    " + " | ".join(str(row.get(k, "-")) for k in keys))


# Speaker outcomes, each judged segment in the first that fits (the order of the list).
MISS_CATEGORIES = ("right", "no prediction", "pronoun unresolved", "speaker in previous sentence", "after colon",
                   "no speech verb", "wrong person")


def miss_category(text, flags, start, end, sources, best, right):
    """One category per judged segment: right, or the first of the miss categories that fits. A pronoun
    is unresolved when the predicted mention is one and the gold source is not; the gold speaker is in a
    previous sentence when it stands before the quote across a sentence or paragraph end; after colon
    when a colon opens the quote; no speech verb when the attribution had no verb as its cue."""
    if right:
        return "right"
    s0 = best.get("speaker_start")
    if s0 is None:
        return "no prediction"
    gold = " ".join(text[a:b] for a, b in sources)
    if kind_of(text[s0:best["speaker_end"]]) == "pronoun" and kind_of(gold) != "pronoun":
        return "pronoun unresolved"
    a, b = min(s for s, _ in sources), max(e for _, e in sources)
    if place(text, flags, start, end, a, b) in ("before-sentence", "before-paragraph"):
        return "speaker in previous sentence"
    if text[max(0, start - 3):start].rstrip(" „»\"").endswith(":"):
        return "after colon"
    if not (best.get("cue") or "").strip(":."):
        return "no speech verb"
    return "wrong person"


PRONOUNS = {"er", "sie", "es", "ich", "wir", "ihr", "du", "man", "jener", "jene", "dieser", "diese", "derselbe",
            "dieselbe", "welcher", "welche", "der", "die"}
ARTICLES = {"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "sein",
            "seine", "ihr", "ihre", "unser", "unsere", "mein", "meine"}
SENTENCE_END = re.compile(r"[.!?][\"“”»«‘’]?\s+[„»«\"A-ZÄÖÜ]")


def kind_of(phrase):
    words = re.findall(r"\w+", phrase)
    if not words:
        return "none"
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if words[0].lower() in ARTICLES:
        return "article-noun"
    if words[0][0].isupper():
        return "name" if len(words) <= 3 else "long"
    return "lowercase"


def place(text, flags, start, end, a, b):
    """Where span a..b stands from the quote start..end: inside, or before/after it in the same
    sentence, another sentence of the paragraph, or another paragraph."""
    if start <= a and b <= end:
        return "inside"
    if b <= start:
        side, gap = "before", text[b:start]
    else:
        side, gap = "after", text[end:a]
    if "\n" in gap:
        return side + "-paragraph"
    # A sentence end outside quote marks in the gap.
    offset = b if side == "before" else end
    for m in SENTENCE_END.finditer(gap):
        if not flags[offset + m.start()]:
            return side + "-sentence"
    return side + "-same"


def categorise(text, flags, start, end, sources, best, preds):
    a, b = min(s for s, _ in sources), max(e for _, e in sources)
    gold = " ".join(text[s:e] for s, e in sources)
    result = {
        "gold kind": kind_of(gold),
        "gold place": place(text, flags, start, end, a, b),
        "sources": min(len(sources), 2),
    }
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    outside = text[para_start:start] + text[end:para_end]
    result["paragraph words"] = min(len(re.findall(r"\w+", outside)) // 5 * 5, 20)
    gap = text[b:start] if b <= start else text[end:a] if a >= end else ""
    gap_words = len(re.findall(r"\w+", gap))
    result["gold gap words"] = next(f"<={n}" for n in (0, 2, 5, 10, 20, 40, 10**9) if gap_words <= n)
    result["gap has quote"] = any(flags[k] for k in range(b, start)) if b <= start else \
        any(flags[k] for k in range(end, a)) if a >= end else False
    result["colon before quote"] = text[max(0, start - 3):start].rstrip(" „»\"").endswith(":")
    def fits(q):
        return q.get("speaker_start") is not None and any(q["speaker_start"] < e and s < q["speaker_end"] for s, e in sources)
    # What another quote's speaker would have given: the attributed quote before this one, after it.
    earlier = [q for q in preds if q["end"] <= start and q.get("speaker_start") is not None]
    later = [q for q in preds if q["start"] >= end and q.get("speaker_start") is not None]
    if earlier:
        q = max(earlier, key=lambda q: q["end"])
        between = len(re.findall(r"\w+", text[q["end"]:start]))
        result["quote before fits"] = f"{fits(q)} {'<=3' if between <= 3 else '<=30' if between <= 30 else '>30'} words"
    else:
        result["quote before fits"] = "no quote"
    result["quote after fits"] = fits(min(later, key=lambda q: q["start"])) if later else "no quote"
    result["any mention fits"] = any(fits(q) for q in preds)
    s0 = best.get("speaker_start")
    if s0 is not None:
        result["predicted vs gold"] = "overlap" if s0 < b and a < best["speaker_end"] else \
            ("nearer quote" if abs(s0 - start) < abs(a - start) else "farther")
        s1 = best["speaker_end"]
        result["predicted kind"] = kind_of(text[s0:s1])
        result["predicted place"] = place(text, flags, start, end, s0, s1)
        result["cue"] = "verb" if best.get("cue") and best["cue"] not in (":", ".") else (best.get("cue") or "none")
    else:
        result["predicted kind"] = "null"
    result["cue, quote before fits"] = f"{result.get('cue', 'null')}, {result['quote before fits'].split(' ')[0]}"
    return result


if __name__ == "__main__":
    main()
