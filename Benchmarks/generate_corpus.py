#!/usr/bin/env python3
"""Seeded synthetic news corpus with known copy families, and its exact-Jaccard truth.

Writes OUT/corpus-N.jsonl (one {"id","text"} line per document, ~3 KB of text each, lines
shuffled) and OUT/truth-N.jsonl (one {"a","b","jaccard"} line for every pair of documents of the
same family, with the exact Jaccard similarity of their 5-word-shingle sets under the same
normalisation Wiretrace applies to ASCII text: lowercase, apostrophes deleted, tokens are runs of
letters and digits).

Families: an original plus 1-5 derived documents, each an exact copy, a near copy (word
substitutions, insertions, deletions and a swapped sentence pair at a random edit rate) or an
excerpt (a contiguous run of 40-90% of the sentences). Documents of different families share only
incidental shingles (Zipf vocabulary of 40k synthetic words), so their Jaccard is ~0: the truth
lists within-family pairs only (`check_background` samples cross-family pairs to confirm).

Same seed, same N -> byte-identical files.
"""
import argparse
import json
import os
import random
import re

TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text):
    """Wiretrace's normal form for ASCII text (plus the curly apostrophe the corpus uses)."""
    return TOKEN.findall(text.lower().replace("'", "").replace("\u2019", "").replace("\u2018", "").replace("\u02bc", ""))


def shingles(text, k=5):
    words = tokens(text)
    if not words:
        return set()
    if len(words) < k:
        return {tuple(words)}
    return set(zip(*(words[i:] for i in range(k))))


def jaccard(a, b):
    union = len(a | b)
    return len(a & b) / union if union else 0.0


class Writer:
    def __init__(self, rng):
        self.rng = rng
        consonants = "bcdfghjklmnprstvwz"
        vowels = "aeiou"
        seen = set()
        vocabulary = []
        while len(vocabulary) < 40000:
            syllables = rng.choice((1, 2, 2, 3, 3, 4))
            word = "".join(rng.choice(consonants) + rng.choice(vowels) + (rng.choice("nrst") if rng.random() < 0.3 else "")
                           for _ in range(syllables))
            if word not in seen:
                seen.add(word)
                vocabulary.append(word)
        self.vocabulary = vocabulary
        weights = [1.0 / (rank + 10) ** 1.05 for rank in range(len(vocabulary))]
        total = 0.0
        self.cumulative = []
        for weight in weights:
            total += weight
            self.cumulative.append(total)

    def words(self, count):
        return self.rng.choices(self.vocabulary, cum_weights=self.cumulative, k=count)

    def sentence(self, pool):
        rng = self.rng
        length = rng.randint(8, 30)
        words = pool[-length:]
        del pool[-length:]
        words[0] = words[0].capitalize()
        if rng.random() < 0.15:
            words[rng.randrange(len(words))] += rng.choice(("\u2019s", "'s"))
        if rng.random() < 0.2:
            words[rng.randrange(len(words))] = str(rng.randint(1, 2030))
        if len(words) > 10 and rng.random() < 0.3:
            words[rng.randrange(3, len(words) - 3)] += ","
        text = " ".join(words) + rng.choice((".", ".", ".", "?", "!"))
        if rng.random() < 0.1:
            text = "\u201c" + text + "\u201d said " + pool.pop().capitalize() + "."
        return text

    def article(self):
        """About 3 KB: sentences until the text passes a length drawn around 3000 bytes."""
        target = self.rng.randint(2200, 3800)
        sentences, size = [], 0
        pool = []
        while size < target:
            if len(pool) < 40:
                pool = self.words(600)
            sentence = self.sentence(pool)
            sentences.append(sentence)
            size += len(sentence.encode()) + 1
        return sentences

    def near_copy(self, sentences):
        rng = self.rng
        rate = rng.uniform(0.01, 0.12)
        edited = []
        for sentence in sentences:
            words = sentence.split(" ")
            out = []
            for word in words:
                roll = rng.random()
                if roll < rate / 3:
                    continue  # deletion
                if roll < 2 * rate / 3:
                    out.append(self.words(1)[0])  # substitution
                    continue
                out.append(word)
                if roll < rate:
                    out.append(self.words(1)[0])  # insertion
            if out:
                edited.append(" ".join(out))
        if len(edited) > 3 and rng.random() < 0.5:
            i = rng.randrange(len(edited) - 1)
            edited[i], edited[i + 1] = edited[i + 1], edited[i]
        return edited

    def excerpt(self, sentences):
        rng = self.rng
        share = rng.uniform(0.4, 0.9)
        length = max(1, round(len(sentences) * share))
        start = rng.randrange(len(sentences) - length + 1)
        return sentences[start:start + length]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20181)
    parser.add_argument("--out", default=".build-bench")
    parser.add_argument("--family-share", type=float, default=0.3,
                        help="share of documents that start a copy family")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    writer = Writer(rng)
    os.makedirs(args.out, exist_ok=True)

    documents = []  # (family, text)
    families = []  # member indices
    while len(documents) < args.docs:
        sentences = writer.article()
        members = [len(documents)]
        documents.append(" ".join(sentences))
        if rng.random() < args.family_share:
            for _ in range(rng.randint(1, 5)):
                if len(documents) >= args.docs:
                    break
                kind = rng.random()
                if kind < 0.2:
                    derived = sentences
                elif kind < 0.7:
                    derived = writer.near_copy(sentences)
                else:
                    derived = writer.excerpt(sentences)
                members.append(len(documents))
                documents.append(" ".join(derived))
            families.append(members)

    order = list(range(len(documents)))
    rng.shuffle(order)
    ids = {}
    for position, index in enumerate(order):
        ids[index] = "d%07d" % position
    corpus_path = os.path.join(args.out, "corpus-%d.jsonl" % args.docs)
    with open(corpus_path + ".tmp", "w", encoding="utf-8") as out:
        for index in order:
            out.write(json.dumps({"id": ids[index], "text": documents[index]}, ensure_ascii=False) + "\n")
    os.replace(corpus_path + ".tmp", corpus_path)

    truth_path = os.path.join(args.out, "truth-%d.jsonl" % args.docs)
    pairs = 0
    with open(truth_path + ".tmp", "w") as out:
        for members in families:
            sets = [shingles(documents[m]) for m in members]
            for i in range(len(members)):
                for j in range(i + 1, len(members)):
                    a, b = sorted((ids[members[i]], ids[members[j]]))
                    out.write(json.dumps({"a": a, "b": b, "jaccard": round(jaccard(sets[i], sets[j]), 6)}) + "\n")
                    pairs += 1
    os.replace(truth_path + ".tmp", truth_path)

    # Cross-family pairs must be far below any threshold for the truth to be complete.
    sample = [rng.randrange(len(documents)) for _ in range(400)]
    family_of = {m: f for f, members in enumerate(families) for m in members}
    worst = 0.0
    for i in range(0, len(sample) - 1, 2):
        a, b = sample[i], sample[i + 1]
        if a != b and (family_of.get(a, -1 - a) != family_of.get(b, -1 - b)):
            worst = max(worst, jaccard(shingles(documents[a]), shingles(documents[b])))
    size = os.path.getsize(corpus_path)
    print("corpus %s: %d documents, %.1f MB, %d families, %d within-family pairs; "
          "largest sampled cross-family Jaccard %.4f" % (corpus_path, len(documents), size / 1e6, len(families), pairs, worst))


if __name__ == "__main__":
    main()
