#!/usr/bin/env python3
"""Body-text and author agreement of Wiretrace with trafilatura on pages without body gold.

    silver_extraction.py --gold GOLD.jsonl --html DIR --wiretrace BIN --python VENV_PYTHON
                         [--split train|dev|all] [--below 0.5] [--lines 3] [--cache FILE]

trafilatura is a *silver* reference, not the truth: a page where the two disagree has to be read
by eye to say who is right. GOLD is htmldate-dev's `gold.jsonl` (`{"file", "url", "date"}`; only
the file names and URLs are used), pages are `DIR/<file>`, read from the shared data at run time
and never copied.

Wiretrace: one `BIN extract --format jsonl PAGE...` over the split's pages (the way
`dates.py --authors` feeds them; the page's own canonical link gives its URL). trafilatura 2.3.1
runs in a child process under `--python` (a virtualenv with trafilatura, never the project's) as
`bare_extraction(html_bytes, url=gold_url, with_metadata=True)`; `--cache` keeps its answers in a
JSON file keyed by file name and trafilatura's version, so a rerun only runs Wiretrace.

Body metric: the Zyte benchmark's, as `wiretrace eval extraction` computes it, with trafilatura as
the reference: Unicode `\\w+` tokens, multiset of 4-token shingles (a shorter text is one shingle),
per page TP/FP/FN divided by their sum; precision and recall averaged over pages (a page with an
empty side enters only the average it can), F1 of the averages; also the mean of per-page F1
("agreement") and the pages whose F1 is below `--below`. For each such page the first `--lines`
lines only Wiretrace keeps (`+`) and only trafilatura keeps (`-`): a line is one side's alone
when fewer than half of its shingles occur in the other side's text.

Authors: both sides' names case-folded, punctuation removed, labels (`by`, `von`, `par`, ...)
dropped; a page agrees when the two token sets' F1 is at least 0.5. Counted over pages where at
least one side names an author.

Split: train = file name (SHA-1 of the URL) starting 0-7, dev = 8-f (as `dates.py`).
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
from collections import Counter

TRAFILATURA_CHILD = r"""
import gzip, json, sys, warnings, logging
warnings.filterwarnings("ignore")
logging.disable(logging.CRITICAL)
import trafilatura
directory, pages = sys.argv[1], json.loads(sys.argv[2])
out = {}
for name, url in pages:
    path = directory + "/" + name
    data = gzip.open(path).read() if name.endswith(".gz") else open(path, "rb").read()
    try:
        found = trafilatura.bare_extraction(data, url=url, with_metadata=True)
    except Exception:
        found = None
    out[name] = {"text": (found.text if found is not None else None) or "",
                 "author": (found.author if found is not None else None) or ""}
print(json.dumps({"version": trafilatura.__version__, "pages": out}))
"""

WORD = re.compile(r"\w+")
LABELS = {"by", "von", "par", "por", "di", "de", "da", "door", "av", "autor", "autorin", "author",
          "auteur", "text", "texte", "and", "und", "et", "y", "e"}


def part(file_name):
    return "train" if file_name[0] in "01234567" else "dev"


def shingles(text, size=4):
    tokens = WORD.findall(text)
    if not tokens:
        return Counter()
    return Counter("\x01".join(tokens[i:i + size]) for i in range(max(1, len(tokens) - size + 1)))


def counts(predicted, reference):
    p, g = shingles(predicted), shingles(reference)
    tp = sum(min(c, p[k]) for k, c in g.items())
    fn = sum(max(0, c - p[k]) for k, c in g.items())
    fp = sum(max(0, c - g[k]) for k, c in p.items())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision_recall(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp > 0 else None
    recall = tp / (tp + fn) if tp + fn > 0 else None
    return precision, recall


def f1(precision, recall):
    if precision is None or recall is None or precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def lines_alone(text, other, limit):
    """The first `limit` lines of `text` most of whose shingles the `other` text lacks."""
    other_shingles = shingles(other)
    found = []
    for line in text.splitlines():
        own = shingles(line)
        if not own:
            continue
        shared = sum(min(c, other_shingles[k]) for k, c in own.items())
        if shared * 2 < sum(own.values()):
            found.append(line.strip()[:140])
            if len(found) == limit:
                break
    return found


def author_tokens(text):
    return {t for t in WORD.findall((text or "").casefold()) if t not in LABELS and not t.isdigit()}


def trafilatura_answers(args, pages):
    cached = {}
    if args.cache and os.path.exists(args.cache):
        cached = json.load(open(args.cache, encoding="utf-8"))
    missing = [(name, url) for name, url in pages if name not in cached.get("pages", {})]
    if missing:
        child = subprocess.run([args.python, "-c", TRAFILATURA_CHILD, args.html, json.dumps(missing)],
                               check=True, capture_output=True, text=True)
        result = json.loads(child.stdout.strip().splitlines()[-1])
        cached.setdefault("pages", {}).update(result["pages"])
        cached["version"] = result["version"]
        if args.cache:
            json.dump(cached, open(args.cache, "w", encoding="utf-8"))
    return cached["version"], cached["pages"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", required=True)
    parser.add_argument("--html", required=True)
    parser.add_argument("--wiretrace", default=".build/release/wiretrace")
    parser.add_argument("--python", default="/tmp/bench-venv/bin/python")
    parser.add_argument("--split", choices=["train", "dev", "all"], default="train")
    parser.add_argument("--below", type=float, default=0.5, help="list pages whose agreement F1 is below this")
    parser.add_argument("--lines", type=int, default=3, help="lines shown per side for each listed page")
    parser.add_argument("--cache", help="JSON file keeping trafilatura's answers between runs")
    parser.add_argument("--quiet", action="store_true", help="figures only, no per-page lines")
    args = parser.parse_args()

    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    pages = [(p["file"], p["url"]) for p in gold if args.split == "all" or part(p["file"]) == args.split]
    paths = [os.path.join(args.html, name) for name, _ in pages]
    run = subprocess.run([args.wiretrace, "extract", "--format", "jsonl", *paths], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"silver_extraction: {args.wiretrace} extract failed ({run.returncode}): {run.stderr[-500:]}")
    ours = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        ours[os.path.basename(record["source"])] = record
    rejected = [line for line in run.stderr.splitlines() if "no-text" in line]
    version, theirs = trafilatura_answers(args, pages)

    precisions, recalls, agreements, low = [], [], [], []
    author_pages = author_agree = 0
    for name, url in pages:
        text = (ours.get(name) or {}).get("text") or ""
        reference = theirs[name]["text"]
        tp, fp, fn = counts(text, reference)
        precision, recall = precision_recall(tp, fp, fn)
        if precision is not None:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
        score = f1(precision, recall)
        agreements.append(score)
        if score < args.below:
            low.append((score, name, url, text, reference))
        a, b = author_tokens((ours.get(name) or {}).get("byline")), author_tokens(theirs[name]["author"])
        if a or b:
            author_pages += 1
            shared = len(a & b)
            author_agree += bool(shared) and 2 * shared / (len(a) + len(b)) >= 0.5

    mean = lambda values: sum(values) / len(values) if values else 0.0
    p, r = mean(precisions), mean(recalls)
    print(f"split {args.split}: {len(pages)} pages, reference trafilatura {version}, Wiretrace {args.wiretrace}")
    print(f"body: P {p:.3f} R {r:.3f} F1 {f1(p, r):.3f} (Zyte metric, trafilatura as reference); "
          f"mean per-page agreement {mean(agreements):.3f}; pages below {args.below}: {len(low)}; "
          f"no-text rejections: {len(rejected)}; pages without a Wiretrace text: {sum(1 for n, _ in pages if n not in ours)}")
    print(f"authors: {author_pages} pages where either side names one; agree (token F1 >= 0.5) on {author_agree}")
    if args.quiet:
        return
    for score, name, url, text, reference in sorted(low, key=lambda item: (item[0], item[1])):
        print(f"\n{score:.3f} {name} {url} (ours {len(WORD.findall(text))} words, trafilatura {len(WORD.findall(reference))})")
        for line in lines_alone(text, reference, args.lines):
            print(f"  + {line}")
        for line in lines_alone(reference, text, args.lines):
            print(f"  - {line}")


if __name__ == "__main__":
    sys.exit(main())
