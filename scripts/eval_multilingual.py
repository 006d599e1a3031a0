#!/usr/bin/env python3
"""Scores story clusters on multilingual sets (see /work/shared/data/README.md, "Metrics").

Reads `wiretrace export clusters --db FILE` output (JSONL) and either

  * a gold JSONL with `id`, `cluster` and `lang` (ntrex-docs): B-cubed P/R/F1, and cross-language
    pair recall and precision per language pair (pairs of documents in different languages with
    the same gold cluster that share a predicted story; precision over the cross-language pairs
    that share a predicted story), or
  * a pairs JSONL with `a`, `b`, `lang1`, `lang2`, `overall` (semeval8): of the pairs rated
    overall <= 1.5 the share placed in one story, of those >= 3.5 the share kept apart, same-language
    and cross-language pairs apart.

Each figure is given for all items and for the two halves of a stated split: `fit` and `held`, by
the parity of the first byte of md5 over the gold cluster id (ntrex) or over "a|b" (pairs).
Parameters were fitted on the `fit` half only.

    wiretrace export clusters --db /tmp/ntrex.sqlite > /tmp/ntrex.clusters.jsonl
    python3 scripts/eval_multilingual.py --clusters /tmp/ntrex.clusters.jsonl \\
        --gold ../shared/data/multilingual/ntrex-docs.jsonl
    python3 scripts/eval_multilingual.py --clusters /tmp/semeval.clusters.jsonl \\
        --pairs ../shared/data/multilingual/semeval8-train.pairs.jsonl

Python 3 standard library only; reads the shared data where it lies, copies nothing.
"""
import argparse
import hashlib
import itertools
import json
import sys
from collections import Counter, defaultdict


def half(key):
    return "fit" if hashlib.md5(key.encode()).digest()[0] % 2 == 0 else "held"


def read_jsonl(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def predicted_stories(path):
    story = {}
    role = {}
    for line in read_jsonl(path):
        for member in line["members"]:
            story[member["id"]] = line["cluster"]
            role[member["id"]] = member.get("role")
    return story, role


def bcubed(items, gold, predicted):
    gold_members = defaultdict(set)
    predicted_members = defaultdict(set)
    for item in items:
        gold_members[gold[item]].add(item)
        predicted_members[predicted[item]].add(item)
    precision = recall = 0.0
    for item in items:
        g = gold_members[gold[item]]
        p = predicted_members[predicted[item]]
        overlap = len(g & p)
        precision += overlap / len(p)
        recall += overlap / len(g)
    precision /= len(items)
    recall /= len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_gold(args, predicted, roles):
    rows = [row for row in read_jsonl(args.gold) if row["id"] in predicted]
    gold = {row["id"]: str(row["cluster"]) for row in rows}
    lang = {row["id"]: row.get("lang") or row.get("language") or "?" for row in rows}
    missing = sum(1 for row in read_jsonl(args.gold) if row["id"] not in predicted)
    if missing:
        print(f"warning: {missing} gold ids not in the clusters", file=sys.stderr)
    report = {}
    for part in ("all", "fit", "held"):
        items = [row["id"] for row in rows if part == "all" or half(gold[row["id"]]) == part]
        # B-cubed inside the part: predicted stories restricted to the part's documents.
        p, r, f = bcubed(items, gold, predicted)
        # Cross-language pairs.
        by_story = defaultdict(list)
        for item in items:
            by_story[predicted[item]].append(item)
        true_pairs = Counter()   # gold same cluster, different languages
        found = Counter()        # ... and same predicted story
        predicted_pairs = Counter()  # same predicted story, different languages
        correct = Counter()
        by_gold = defaultdict(list)
        for item in items:
            by_gold[gold[item]].append(item)
        for members in by_gold.values():
            for a, b in itertools.combinations(members, 2):
                if lang[a] == lang[b]:
                    continue
                key = "-".join(sorted((lang[a], lang[b])))
                true_pairs[key] += 1
                if predicted[a] == predicted[b]:
                    found[key] += 1
        for members in by_story.values():
            for a, b in itertools.combinations(members, 2):
                if lang[a] == lang[b]:
                    continue
                key = "-".join(sorted((lang[a], lang[b])))
                predicted_pairs[key] += 1
                if gold[a] == gold[b]:
                    correct[key] += 1
        pairs = {}
        for key in sorted(set(true_pairs) | set(predicted_pairs)):
            pairs[key] = {
                "recall": found[key] / true_pairs[key] if true_pairs[key] else None,
                "precision": correct[key] / predicted_pairs[key] if predicted_pairs[key] else None,
                "gold_pairs": true_pairs[key],
            }
        total_true = sum(true_pairs.values())
        total_predicted = sum(predicted_pairs.values())
        same_language_joined = 0
        same_language_pairs = 0
        for members in by_story.values():
            for a, b in itertools.combinations(members, 2):
                if lang[a] == lang[b]:
                    same_language_pairs += 1
                    same_language_joined += gold[a] != gold[b]
        translation_roles = sum(1 for item in items if roles.get(item) == "translation")
        report[part] = {
            "documents": len(items), "clusters": len(by_gold),
            "bcubed": {"precision": p, "recall": r, "f1": f},
            "cross_language": {
                "recall": sum(found.values()) / total_true if total_true else None,
                "precision": sum(correct.values()) / total_predicted if total_predicted else None,
            },
            "same_language_pairs_joined_wrongly": same_language_joined,
            "translation_roles": translation_roles,
            "pairs": pairs,
        }
    return report


def score_pairs(args, predicted):
    pairs = read_jsonl(args.pairs)
    report = {}
    for part in ("all", "fit", "held"):
        counts = Counter()
        hits = Counter()
        skipped = 0
        for pair in pairs:
            if part != "all" and half(pair["a"] + "|" + pair["b"]) != part:
                continue
            if pair["a"] not in predicted or pair["b"] not in predicted:
                skipped += 1
                continue
            same_language = "same" if pair["lang1"] == pair["lang2"] else "cross"
            together = predicted[pair["a"]] == predicted[pair["b"]]
            if pair["overall"] <= 1.5:
                key = f"together_le_1.5_{same_language}"
                counts[key] += 1
                hits[key] += together
            elif pair["overall"] >= 3.5:
                key = f"apart_ge_3.5_{same_language}"
                counts[key] += 1
                hits[key] += not together
        report[part] = {key: {"share": hits[key] / counts[key], "pairs": counts[key]} for key in sorted(counts)}
        if skipped:
            report[part]["skipped_missing_ids"] = skipped
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clusters", required=True, help="export clusters JSONL")
    parser.add_argument("--gold", help="gold JSONL with id, cluster, lang")
    parser.add_argument("--pairs", help="pairs JSONL with a, b, lang1, lang2, overall")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    predicted, roles = predicted_stories(args.clusters)
    if args.gold:
        report = score_gold(args, predicted, roles)
    elif args.pairs:
        report = score_pairs(args, predicted)
    else:
        parser.error("give --gold or --pairs")
    if args.json:
        print(json.dumps(report, sort_keys=True))
        return
    for part, scores in report.items():
        print(f"== {part}")
        if "bcubed" in scores:
            b = scores["bcubed"]
            c = scores["cross_language"]
            fmt = lambda v: "  -  " if v is None else f"{v:.3f}"
            print(f"documents {scores['documents']}, gold clusters {scores['clusters']}")
            print(f"B-cubed P {b['precision']:.3f} R {b['recall']:.3f} F1 {b['f1']:.3f}")
            print(f"cross-language pairs: recall {fmt(c['recall'])} precision {fmt(c['precision'])}")
            print(f"same-language pairs of different gold clusters joined: {scores['same_language_pairs_joined_wrongly']}")
            print(f"members with role translation: {scores['translation_roles']}")
            for key, value in scores["pairs"].items():
                print(f"  {key}: recall {fmt(value['recall'])} precision {fmt(value['precision'])} ({value['gold_pairs']} gold pairs)")
        else:
            for key, value in scores.items():
                if isinstance(value, dict):
                    print(f"  {key}: {value['share']:.3f} of {value['pairs']}")
                else:
                    print(f"  {key}: {value}")


if __name__ == "__main__":
    main()
