#!/usr/bin/env python3
"""Seeded corpus of realistic news text for timing the whole pipeline (`wiretrace run`).

Writes OUT/realistic-N.jsonl: one {"id","outlet","published","title","text"} line per document,
~3 KB of English text each. Nothing of it is committed: the sentences are read at run time from
the shared evaluation sets (`--data`, default ../shared/data: the English news texts of the
Helsinki dump, PolNeAR, ECB+ and NTREX), split into sentences and drawn in short contiguous runs,
so the text has real words, real quotes and real repetition: with a finite pool, sentences (and
the quotes in them) recur across unrelated families, far more than the pseudo-word corpus of
`generate_corpus.py`.

Families: an original plus 1-5 derived documents from other outlets, each an exact copy (with a
wire credit line), a near copy (word edits at 1-8 %), an excerpt (a contiguous 40-90 % of the
sentences) or a rewrite (the quoted sentences kept, half the others replaced by new draws, the
order shuffled). No truth file: this corpus times the pipeline, `generate_corpus.py`'s scores it.

Same seed, same N, same data -> byte-identical file. Exits 2 with a message when the data is absent.
"""
import argparse
import json
import os
import random
import re
import sys

SOURCES = [
    ("dumps/helsinki-2018.jsonl", "text"),
    ("quotes/polnear-train.jsonl", "text"),
    ("quotes/polnear-dev.jsonl", "text"),
    ("stories/ecbplus-dev.jsonl", "text"),
]
SPLIT = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z“\"‘])|\n+")
OUTLETS = ["wire-a.example", "wire-b.example", "wire-c.example"] + ["outlet%02d.example" % i for i in range(60)]
CREDITS = ["By Reuters", "(AP) —", "AFP", "Source: Reuters", "— Associated Press"]


def load_articles(data, without=()):
    seen, articles = set(), []
    for path, field in SOURCES:
        full = os.path.join(data, path)
        if not os.path.exists(full) or any(name in path for name in without):
            continue
        with open(full, encoding="utf-8") as lines:
            for line in lines:
                text = json.loads(line).get(field) or ""
                key = hash(text[:200])
                if key in seen:
                    continue  # PolNeAR repeats an article once per annotator
                seen.add(key)
                sentences = [s.strip() for s in SPLIT.split(text) if len(s.strip().split()) >= 5]
                if len(sentences) >= 4:
                    articles.append(sentences)
    # NTREX: the English documents only.
    ntrex = os.path.join(data, "multilingual/ntrex-docs.jsonl")
    if os.path.exists(ntrex) and not any(name in ntrex for name in without):
        with open(ntrex, encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record.get("lang") == "en":
                    sentences = [s.strip() for s in SPLIT.split(record.get("text") or "") if len(s.strip().split()) >= 5]
                    if len(sentences) >= 4:
                        articles.append(sentences)
    return articles


class Writer:
    def __init__(self, rng, articles):
        self.rng = rng
        self.articles = articles

    def run(self):
        """A contiguous run of 2-6 sentences of one source article."""
        source = self.rng.choice(self.articles)
        length = min(len(source), self.rng.randint(2, 6))
        start = self.rng.randrange(len(source) - length + 1)
        return source[start:start + length]

    def article(self):
        target = self.rng.randint(2200, 3800)
        sentences, size = [], 0
        while size < target:
            for sentence in self.run():
                sentences.append(sentence)
                size += len(sentence.encode()) + 1
        return sentences

    def title(self):
        words = self.rng.choice(self.rng.choice(self.articles)).split()
        return " ".join(words[:self.rng.randint(6, 12)]).rstrip(".,;:")

    def near_copy(self, sentences):
        rng = self.rng
        rate = rng.uniform(0.01, 0.08)
        vocabulary = rng.choice(self.articles)[0].split()
        edited = []
        for sentence in sentences:
            out = []
            for word in sentence.split(" "):
                roll = rng.random()
                if roll < rate / 3:
                    continue
                if roll < 2 * rate / 3:
                    out.append(rng.choice(vocabulary))
                    continue
                out.append(word)
                if roll < rate:
                    out.append(rng.choice(vocabulary))
            if out:
                edited.append(" ".join(out))
        return edited

    def excerpt(self, sentences):
        length = max(1, round(len(sentences) * self.rng.uniform(0.4, 0.9)))
        start = self.rng.randrange(len(sentences) - length + 1)
        return sentences[start:start + length]

    def rewrite(self, sentences):
        rng = self.rng
        kept = [s for s in sentences if any(mark in s for mark in "\"“”") or rng.random() < 0.5]
        while sum(len(s) for s in kept) < 0.8 * sum(len(s) for s in sentences):
            kept.extend(self.run())
        head, tail = kept[:1], kept[1:]
        rng.shuffle(tail)
        return head + tail


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data"))
    parser.add_argument("--out", default=".build-bench")
    parser.add_argument("--family-share", type=float, default=0.3)
    parser.add_argument("--without", action="append", default=[], metavar="NAME",
                        help="leave out the source files whose path contains NAME (e.g. ecbplus, for distractors "
                             "around that set); the file is then named realistic-N-without-NAME.jsonl")
    args = parser.parse_args()
    articles = load_articles(args.data, args.without)
    if not articles:
        print("no sentences found under %s (the shared evaluation data); skipping" % args.data, file=sys.stderr)
        sys.exit(2)
    rng = random.Random(args.seed)
    writer = Writer(rng, articles)
    os.makedirs(args.out, exist_ok=True)
    suffix = "".join("-without-" + name for name in args.without)
    path = os.path.join(args.out, "realistic-%d%s.jsonl" % (args.docs, suffix))
    base = 1_531_000_000  # seconds: a week of publication times
    count = 0
    families = 0
    with open(path + ".tmp", "w", encoding="utf-8") as out:
        def emit(outlet, published, title, sentences):
            nonlocal count
            record = {"id": "r%07d" % count, "outlet": outlet,
                      "published": "2018-07-%02dT%02d:%02d:00Z" % (9 + published // 86400, published // 3600 % 24, published // 60 % 60),
                      "title": title, "text": "\n\n".join(sentences)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        while count < args.docs:
            sentences = writer.article()
            title = writer.title()
            published = rng.randrange(6 * 86400)
            emit(rng.choice(OUTLETS), published, title, sentences)
            if rng.random() < args.family_share:
                families += 1
                for _ in range(rng.randint(1, 5)):
                    if count >= args.docs:
                        break
                    kind = rng.random()
                    if kind < 0.2:
                        derived = [rng.choice(CREDITS)] + sentences
                    elif kind < 0.5:
                        derived = writer.near_copy(sentences)
                    elif kind < 0.7:
                        derived = writer.excerpt(sentences)
                    else:
                        derived = writer.rewrite(sentences)
                    emit(rng.choice(OUTLETS), min(published + rng.randrange(36 * 3600), 6 * 86400 - 1), title, derived)
    os.replace(path + ".tmp", path)
    print("corpus %s: %d documents, %.1f MB, %d families, %d source articles"
          % (path, count, os.path.getsize(path) / 1e6, families, len(articles)))


if __name__ == "__main__":
    main()
