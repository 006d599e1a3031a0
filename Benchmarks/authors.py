#!/usr/bin/env python3
"""Author accuracy against a hand-made gold of the pages' human authors.

    authors.py --gold AUTHORS.jsonl --html DIR --wiretrace BIN [--split train|dev|all]
               [--cache TRAFILATURA.json] [--show]

AUTHORS.jsonl holds one `{"file", "authors": [...]}` per page, written by reading each page by eye
(its visible byline, `<meta>` and JSON-LD): the article's human author(s) as it states them, or
none for a page that names no person (a site, a desk, an agency). It is derived from third-party
pages, so it lives outside the repository, beside the shared data. Pages are `DIR/<file>`.

Wiretrace: one `BIN extract --format jsonl PAGE...` over the split's gold pages; its `byline`.
trafilatura: the `author` of the answers `silver_extraction.py --cache` keeps
(`{"pages": {file: {"author"}}}`), when `--cache` is given.

A byline is split into names at ", ", "; ", " / ", " & " and the joining words of the languages
the pages are in ("and", "und", "et", "y", "e", "en", "och", "og", "i"). A name is normalised to
lower case with its whitespace collapsed and the punctuation at its ends removed; accents are kept.

- strict: right when the set of normalised names equals the gold's (a page without a gold author
  is right when no name is given);
- lenient: right when some gold surname (a gold name's last word) is a word of the answer (a page
  without a gold author as in strict).

Split: train = file name (SHA-1 of the URL) starting 0-7, dev = 8-f (as `dates.py`).
"""
import argparse
import json
import os
import re
import subprocess

JOINERS = re.compile(r"\s*(?:,|;|\s/\s|\s&\s|\s(?:and|und|et|y|e|en|och|og|i)\s)\s*", re.IGNORECASE)


def normalised(name):
    return " ".join(name.lower().split()).strip(" .,;:|-–—·•()[]\"'")


def names(byline):
    if not byline:
        return set()
    return {n for n in (normalised(part) for part in JOINERS.split(byline)) if n}


def words(byline):
    return set(re.findall(r"\w+", (byline or "").lower()))


def part(file_name):
    return "train" if file_name[0] in "01234567" else "dev"


def judge(gold_names, answer):
    gold = {normalised(n) for n in gold_names if normalised(n)}
    given = names(answer)
    strict = given == gold
    if not gold:
        return strict, strict
    surnames = {g.split()[-1] for g in gold}
    found = words(answer)
    return strict, any(set(re.findall(r"\w+", s)) <= found for s in surnames)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", required=True)
    parser.add_argument("--html", required=True)
    parser.add_argument("--wiretrace", default=".build/release/wiretrace")
    parser.add_argument("--split", choices=["train", "dev", "all"], default="train")
    parser.add_argument("--cache", help="silver_extraction.py's trafilatura answers")
    parser.add_argument("--show", action="store_true", help="list the pages Wiretrace gets wrong (strict)")
    args = parser.parse_args()

    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    gold = [g for g in gold if args.split == "all" or part(g["file"]) == args.split]
    if not gold:
        raise SystemExit(f"no gold pages in split {args.split}")
    pages = [os.path.join(args.html, g["file"]) for g in gold]
    run = subprocess.run([args.wiretrace, "extract", "--format", "jsonl", *pages], check=True, capture_output=True, text=True)
    ours = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        ours[os.path.basename(record["source"])] = record.get("byline")
    answers = {"wiretrace": ours}
    if args.cache:
        cached = json.load(open(args.cache, encoding="utf-8")).get("pages", {})
        answers["trafilatura"] = {name: (page.get("author") or None) for name, page in cached.items()}

    with_author = sum(1 for g in gold if g["authors"])
    print(f"split {args.split}: {len(gold)} pages, {with_author} with a gold author, {len(gold) - with_author} without")
    for system, given in answers.items():
        strict = lenient = named = named_right = unnamed_right = 0
        for g in gold:
            s, l = judge(g["authors"], given.get(g["file"]))
            strict += s
            lenient += l
            if g["authors"]:
                named_right += s
            else:
                unnamed_right += s
        print(f"{system:12s} strict {strict}/{len(gold)} = {strict / len(gold):.3f}   lenient {lenient}/{len(gold)} = "
              f"{lenient / len(gold):.3f}   (with author {named_right}/{with_author}, without {unnamed_right}/{len(gold) - with_author})")
    if args.show:
        for g in gold:
            s, _ = judge(g["authors"], ours.get(g["file"]))
            if not s:
                print(f"  {g['file'][:8]} gold={g['authors']} ours={ours.get(g['file'])!r}")


if __name__ == "__main__":
    main()
