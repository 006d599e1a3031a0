#!/usr/bin/env python3
"""Publication-date accuracy of Wiretrace and htmldate on the same labelled pages, in one run.

    dates.py --gold GOLD.jsonl --html DIR --wiretrace BIN [--python VENV_PYTHON] [--split train|dev]

GOLD: one `{"file", "url", "date"}` line per page (`date` YYYY-MM-DD or null); pages are
`DIR/<file>`. A page is right when the YYYY-MM-DD of the date found equals the gold date; a null
gold is right only when no date is found.

Wiretrace is run as `BIN eval dates --gold GOLD --html DIR --predictions FILE` and its per-page
predictions are read back; htmldate runs in a child process under `--python` (a virtualenv with
`pip install 'htmldate==1.11.*'`, never the project's), as
`find_date(html, extensive_search=True, original_date=True)`; `--htmldate-url` also passes the
gold URL, which htmldate otherwise takes from the page's canonical link.

Split: a page is in the train part when the first hex digit of its file name (the SHA-1 of its
URL) is 0-7, in the dev part when it is 8-f. Both contenders are scored on train, dev and all;
`--split train` runs and prints the train part alone (for work in progress, which must not look at dev).

`--strip jsonld|meta|url|markup` checks the fallbacks on the train part only, with its pages' strong
sources removed (the dev part is never stripped: looking at which of its pages fail would be
fitting): `jsonld` drops JSON-LD only (the `<meta>` tags decide); `meta` drops JSON-LD and every
`<meta>` but the charset; `url` also drops the canonical
link and the gold URL; `markup` also drops `datetime`, `content`, `title`, `itemprop`, date and time
`data-` attributes and every script, leaving the visible text.

`--authors` scores bylines instead of dates, on the train part only (the pages carry no author
gold): `BIN extract --format jsonl` over its pages, set beside the author the page states itself
(JSON-LD `author` names of an article-typed object, else `<meta name="author">` or
`article:author` when it is no link). Coverage: pages with a byline; agreement: of pages that state
an author, those whose byline equals it or contains it (or is contained by it), after case folding
and with punctuation removed. `--sample N` prints N bylines (seeded) of pages that state no author,
taken from visible bylines alone, for checking by eye.
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import random
import tempfile
from html.parser import HTMLParser

HTMLDATE_CHILD = r"""
import gzip, json, sys, warnings, logging
warnings.filterwarnings("ignore")
logging.disable(logging.CRITICAL)
import htmldate
from htmldate import find_date
gold, directory, use_url = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
out = {}
for line in open(gold, encoding="utf-8"):
    page = json.loads(line)
    with gzip.open(directory + "/" + page["file"], "rb") if page["file"].endswith(".gz") else open(directory + "/" + page["file"], "rb") as f:
        data = f.read()
    try:
        html = data.decode("utf-8")
    except UnicodeDecodeError:
        html = data
    kwargs = {"extensive_search": True, "original_date": True}
    if use_url:
        kwargs["url"] = page["url"]
    try:
        found = find_date(html, **kwargs)
    except Exception:
        found = None
    out[page["file"]] = found
print(json.dumps({"version": htmldate.__version__, "predictions": out}))
"""


def strip_pages(gold, html_dir, level, scratch):
    """Copies of the train part's pages without their strong date sources, and their gold file."""
    out_dir = os.path.join(scratch, "stripped")
    os.makedirs(out_dir)
    gold_path = os.path.join(scratch, "stripped.jsonl")
    with open(gold_path, "w", encoding="utf-8") as gold_file:
        for page in gold:
            if part(page["file"]) != "train":
                continue
            path = os.path.join(html_dir, page["file"])
            data = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
            text = re.sub(r"<script[^>]*application/ld\+json[^>]*>.*?</script>", "", text, flags=re.S | re.I)
            if level != "jsonld":
                text = re.sub(r"<meta\b[^>]*>", "", text, flags=re.I)
            if level in ("url", "markup"):
                text = re.sub(r"<link\b[^>]*rel=[\"']?canonical[^>]*>", "", text, flags=re.I)
                page = dict(page, url=None)
            if level == "markup":
                text = re.sub(r'\s(datetime|content|data-[\w-]*(?:date|time|publish)[\w-]*|title|itemprop)="[^"]*"', "", text, flags=re.I)
                text = re.sub(r"<script\b.*?</script>", "", text, flags=re.S | re.I)
            text = re.sub(r"<head[^>]*>", lambda m: m.group(0) + f'<meta charset="{encoding}">', text, count=1, flags=re.I)
            with gzip.open(os.path.join(out_dir, page["file"]), "wb") as page_file:
                page_file.write(text.encode(encoding))
            gold_file.write(json.dumps(page) + "\n")
    return gold_path, out_dir


class StatedAuthor(HTMLParser):
    """The author a page states in its JSON-LD and `<meta>` tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.jsonld, self.meta, self.in_jsonld, self.buffer = [], [], False, []

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): (v or "") for k, v in attrs}
        if tag == "script" and "ld+json" in attrs.get("type", "").lower():
            self.in_jsonld, self.buffer = True, []
        elif tag == "meta":
            key = (attrs.get("name") or attrs.get("property") or "").lower()
            value = attrs.get("content", "").strip()
            if key in ("author", "article:author") and value and "://" not in value:
                self.meta.append(value)

    def handle_data(self, data):
        if self.in_jsonld:
            self.buffer.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.in_jsonld:
            self.in_jsonld = False
            try:
                self.read(json.loads("".join(self.buffer)))
            except ValueError:
                pass

    def read(self, value):
        objects = []
        self.collect(value, objects)
        ids = {o["@id"]: o.get("name") for o in objects if isinstance(o.get("@id"), str) and isinstance(o.get("name"), str)}
        for value in objects:
            types = value.get("@type")
            types = types if isinstance(types, list) else [types]
            if not self.jsonld and any(isinstance(t, str) and ("Article" in t or "Posting" in t) for t in types):
                self.jsonld = self.names(value.get("author"), ids)

    def collect(self, value, objects):
        if isinstance(value, list):
            for item in value:
                self.collect(item, objects)
        elif isinstance(value, dict):
            objects.append(value)
            for key in ("@graph", "mainEntity"):
                if key in value:
                    self.collect(value[key], objects)

    def names(self, value, ids):
        """Author names, people given by reference (`{"@id": ...}`) looked up in the graph."""
        if isinstance(value, str):
            return [value.strip()] if value.strip() else []
        if isinstance(value, dict):
            if "name" not in value and isinstance(value.get("@id"), str):
                return self.names(ids.get(value["@id"]), ids)
            return self.names(value.get("name"), ids)
        if isinstance(value, list):
            return [name for item in value for name in self.names(item, ids)]
        return []


def folded(text):
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def authors(args, gold):
    pages = [os.path.join(args.html, page["file"]) for page in gold if part(page["file"]) == "train"]
    run = subprocess.run([args.wiretrace, "extract", "--format", "jsonl", *pages], check=True, capture_output=True, text=True)
    bylines = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        bylines[os.path.basename(record["source"])] = record.get("byline")
    stated_pages = agree = covered = 0
    unstated = []
    for path in pages:
        name = os.path.basename(path)
        data = gzip.open(path).read() if path.endswith(".gz") else open(path, "rb").read()
        parser = StatedAuthor()
        parser.feed(data.decode("utf-8", errors="replace"))
        stated = ", ".join(parser.jsonld or parser.meta)
        byline = bylines.get(name)
        covered += byline is not None
        if stated:
            stated_pages += 1
            a, b = folded(stated), folded(byline or "")
            agree += bool(b) and (a == b or a in b or b in a)
        elif byline:
            unstated.append((name, byline))
    print(f"train part: {len(pages)} pages, byline on {covered}")
    print(f"pages stating an author (JSON-LD or meta): {stated_pages}; byline agrees on {agree}")
    print(f"pages stating none: {len(pages) - stated_pages}; byline from the page's text on {len(unstated)}")
    for name, byline in random.Random(17).sample(unstated, min(args.sample, len(unstated))):
        print(f"  {name} {byline}")


def part(file_name):
    return "train" if file_name[0] in "01234567" else "dev"


def score(gold, predictions):
    totals = {}
    for page in gold:
        found = predictions.get(page["file"])
        right = (found is None) if page["date"] is None else (found is not None and found[:10] == page["date"])
        for name in (part(page["file"]), "all"):
            good, count = totals.get(name, (0, 0))
            totals[name] = (good + int(right), count + 1)
    return totals


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", required=True)
    parser.add_argument("--html", required=True)
    parser.add_argument("--wiretrace", default=".build/release/wiretrace")
    parser.add_argument("--python", default=".build-bench/venv/bin/python")
    parser.add_argument("--htmldate-url", action="store_true", help="pass the gold URL to htmldate too")
    parser.add_argument("--diff", action="store_true", help="list the train-part pages where the two disagree")
    parser.add_argument("--strip", choices=["jsonld", "meta", "url", "markup"], help="train part only, strong sources removed")
    parser.add_argument("--authors", action="store_true", help="score bylines on the train part instead of dates")
    parser.add_argument("--sample", type=int, default=20, help="with --authors: bylines to print for checking by eye")
    parser.add_argument("--split", choices=["train", "dev"], help="score this part only (the other part is neither run nor printed)")
    args = parser.parse_args()

    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    if args.authors:
        return authors(args, gold)
    with tempfile.TemporaryDirectory() as scratch:
        if args.split and not args.strip:
            gold = [page for page in gold if part(page["file"]) == args.split]
            args.gold = os.path.join(scratch, "split.jsonl")
            with open(args.gold, "w", encoding="utf-8") as gold_file:
                gold_file.writelines(json.dumps(page) + "\n" for page in gold)
        if args.strip:
            args.gold, args.html = strip_pages(gold, args.html, args.strip, scratch)
            gold = [json.loads(line) for line in open(args.gold, encoding="utf-8")]
        predictions_path = os.path.join(scratch, "wiretrace.jsonl")
        subprocess.run(
            [args.wiretrace, "eval", "dates", "--gold", args.gold, "--html", args.html, "--predictions", predictions_path],
            check=True, stdout=subprocess.DEVNULL)
        wiretrace, sources = {}, {}
        for line in open(predictions_path, encoding="utf-8"):
            record = json.loads(line)
            wiretrace[record["file"]] = record["found"]
            sources[record["file"]] = record.get("source")
        child = subprocess.run(
            [args.python, "-c", HTMLDATE_CHILD, args.gold, args.html, "1" if args.htmldate_url else "0"],
            check=True, capture_output=True, text=True)
    result = json.loads(child.stdout.strip().splitlines()[-1])
    htmldate = result["predictions"]

    ours, theirs = score(gold, wiretrace), score(gold, htmldate)
    print(f"split: train = file name (SHA-1 of the URL) starting 0-7, dev = 8-f")
    print(f"{'part':6} {'pages':>5}  {'wiretrace':>9}  {'htmldate ' + result['version']:>15}")
    for name in ("train", "dev", "all"):
        if name not in ours:
            print(f"{name:6} {0:5d}  {'-':>9}  {'-':>15}")
            continue
        good, count = ours[name]
        other, _ = theirs[name]
        print(f"{name:6} {count:5d}  {good / count:9.3f}  {other / count:15.3f}")
    if args.diff:
        # Train part only: reading the dev part's pages one by one would be fitting to them.
        for page in gold:
            if part(page["file"]) != "train":
                continue
            a, b = wiretrace.get(page["file"]), htmldate.get(page["file"])
            if (a or "")[:10] != (b or "")[:10]:
                print(f"{part(page['file']):5} gold {page['date']} wiretrace {a} ({sources.get(page['file'])}) htmldate {b} {page['file']} {page['url']}")


if __name__ == "__main__":
    sys.exit(main())
