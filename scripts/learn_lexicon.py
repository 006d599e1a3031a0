#!/usr/bin/env python3
"""Learns a small word lexicon into English from parallel news text, for the story level's
cross-language term channel (Sources/WiretraceCluster/CrossLanguageLexicon.swift, generated).

Input: a JSONL of the same article in several languages (`id`, `lang`, `cluster`, `text`), such
as ntrex-docs. Only the articles of the md5 FIT half of their cluster id are read (the split of
scripts/eval_multilingual.py), so the other half stays held out.

Method:
  * Aligned units: the articles' paragraphs (split on blank lines), paired by position when an
    article and its English counterpart have the same number of paragraphs (else the article is
    left out).
  * Word keys (the same rule as `CrossLanguageLexicon.key` in Swift): a run of letters,
    lower-cased; Latin letters without diacritics (ß as ss, æ as ae, ...); words of fewer than
    four letters dropped; the first six letters kept (a crude stem: "government", "governments"
    and "governing" share "govern"). Cyrillic keeps its letters (ё as е). Han text gives its
    character pairs (bigrams) as keys.
  * For each language L and each pair of keys (f in L, e in English), co-occurrence counts over
    the aligned paragraph pairs; Dice = 2·c(f,e) / (c(f) + c(e)).
  * Kept: English keys of content words only (not in a short stop list, in at most 8% of the
    English paragraphs, and mostly written in lower case inside a sentence: names are the anchors'
    work); pairs seen together at least MIN_COOCCURRENCE times with Dice at least MIN_DICE, and
    mutual best matches (e is f's best English key and f is e's best key in L).

Output: a Swift source with the table, sorted, so that the file is the same on every run.

    python3 scripts/learn_lexicon.py --docs ../shared/data/multilingual/ntrex-docs.jsonl \\
        --out Sources/WiretraceCluster/CrossLanguageLexicon+Table.swift

Python 3 standard library only.
"""
import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict

MIN_COOCCURRENCE = 3
MIN_DICE = 0.5
MAX_ENGLISH_SHARE = 0.08
KEY_LENGTH = 6
MIN_WORD_LENGTH = 4

# Function words and reporting verbs whose keys say nothing of a story.
ENGLISH_STOP = set("""
about above after again against also although among another because been before being below
between both cannot could does doing down during each either even every from further have having
here however into itself just least less made make many more most much must neither never often
once only other ought over same says said should since some still such than that their theirs them
themselves then there these they this those though through thus under until upon very were what
when where whether which while whom whose will with within without would year years your told
according added including first last next week month today yesterday tomorrow people time
""".split())

LETTERS = re.compile(r"[^\W\d_]+")


def half(key):
    return "fit" if hashlib.md5(key.encode()).digest()[0] % 2 == 0 else "held"


def fold_latin(char):
    special = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "ı": "i", "þ": "th"}
    if char in special:
        return special[char]
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    return base if base.isascii() else ""


def script(char):
    code = ord(char)
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    if 0x400 <= code <= 0x52F:
        return "cyrillic"
    if 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF:
        return "han"
    return "other"


def keys(text):
    """The word keys of a text, as CrossLanguageLexicon.keys does in Swift."""
    out = []
    for run in LETTERS.findall(text):
        # Split the run where its script changes.
        start = 0
        for index in range(1, len(run) + 1):
            if index == len(run) or script(run[index]) != script(run[start]):
                part = run[start:index]
                kind = script(part[0])
                if kind == "han":
                    out.extend(part[i:i + 2] for i in range(len(part) - 1))
                elif kind == "latin":
                    folded = "".join(fold_latin(c) for c in part.lower())
                    if len(folded) >= MIN_WORD_LENGTH:
                        out.append(folded[:KEY_LENGTH])
                elif kind == "cyrillic":
                    word = part.lower().replace("ё", "е")
                    if len(word) >= MIN_WORD_LENGTH:
                        out.append(word[:KEY_LENGTH])
                start = index
    return out


def name_share(paragraphs):
    """Per English key, the share of its occurrences inside a sentence written with a capital."""
    capital = Counter()
    seen = Counter()
    for paragraph in paragraphs:
        for sentence in re.split(r"[.!?:;\"“”]\s*", paragraph):
            words = LETTERS.findall(sentence)
            for position, word in enumerate(words):
                if position == 0:
                    continue
                found = keys(word)
                if not found:
                    continue
                seen[found[0]] += 1
                capital[found[0]] += word[0].isupper()
    return {key: capital[key] / seen[key] for key in seen}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    by_cluster = defaultdict(dict)
    with open(args.docs, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                by_cluster[str(row["cluster"])][row["lang"]] = row["text"]
    clusters = sorted(c for c in by_cluster if half(c) == "fit" and "en" in by_cluster[c])
    english_paragraphs = []
    aligned = defaultdict(list)  # language -> [(english keys, foreign keys)]
    for cluster in clusters:
        english = [p for p in by_cluster[cluster]["en"].split("\n\n") if p.strip()]
        english_paragraphs.extend(english)
        for language, text in sorted(by_cluster[cluster].items()):
            if language == "en":
                continue
            foreign = [p for p in text.split("\n\n") if p.strip()]
            if len(foreign) != len(english):
                continue
            for e, f in zip(english, foreign):
                aligned[language].append((set(keys(e)), set(keys(f))))
    english_frequency = Counter()
    for paragraph in english_paragraphs:
        english_frequency.update(set(keys(paragraph)))
    names = name_share(english_paragraphs)
    limit = MAX_ENGLISH_SHARE * len(english_paragraphs)
    content = {
        key for key, count in english_frequency.items()
        if count <= limit and names.get(key, 0) < 0.5 and not any(key == word[:KEY_LENGTH] for word in ENGLISH_STOP)
    }
    table = {}  # foreign key -> (english key, dice, language)
    for language, units in sorted(aligned.items()):
        count_e = Counter()
        count_f = Counter()
        together = Counter()
        for english, foreign in units:
            english = english & content
            count_e.update(english)
            count_f.update(foreign)
            for f in foreign:
                for e in english:
                    together[f, e] += 1
        best_e = {}
        best_f = {}
        for (f, e), c in together.items():
            if c < MIN_COOCCURRENCE:
                continue
            dice = 2 * c / (count_f[f] + count_e[e])
            if dice > best_e.get(f, ("", 0))[1] or (dice == best_e[f][1] and e < best_e[f][0]):
                best_e[f] = (e, dice)
            if dice > best_f.get(e, ("", 0))[1] or (dice == best_f[e][1] and f < best_f[e][0]):
                best_f[e] = (f, dice)
        kept = 0
        for f, (e, dice) in best_e.items():
            if dice < MIN_DICE or best_f[e][0] != f:
                continue
            if f in table and table[f][1] >= dice:
                continue
            table[f] = (e, dice, language)
            kept += 1
        print(f"{language}: {len(units)} aligned paragraphs, {kept} pairs", file=sys.stderr)
    # A foreign key that is also an English content key of another meaning would map English
    # words away from themselves: left out.
    table = {f: v for f, v in table.items() if f not in content or v[0] == f}
    entries = sorted((f, e) for f, (e, _, _) in table.items() if f != e)
    targets = sorted({e for _, (e, _, _) in table.items()})
    print(f"{len(entries)} entries, {len(targets)} English keys", file=sys.stderr)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("// Generated by scripts/learn_lexicon.py (make lexicon) from the fit half of a parallel\n")
        out.write("// news set; do not edit. Keys as CrossLanguageLexicon.keys gives them.\n\n")
        out.write("extension CrossLanguageLexicon {\n")
        out.write("    /// Word keys of other languages and the English key each translates to.\n")
        out.write("    static let translations: [String: String] = [\n")
        for f, e in entries:
            out.write(f"        {json.dumps(f, ensure_ascii=False)}: {json.dumps(e)},\n")
        out.write("    ]\n\n")
        out.write("    /// The English keys of the table (an English word with one of these keys is its own entry).\n")
        out.write("    static let englishKeys: Set<String> = [\n")
        for e in targets:
            out.write(f"        {json.dumps(e)},\n")
        out.write("    ]\n}\n")


if __name__ == "__main__":
    main()
