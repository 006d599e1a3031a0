#!/usr/bin/env python3
"""Story quality at scale: ECB+ dev alone, then inside N distractor documents.

    stories_at_scale.py --wiretrace .build/release/wiretrace [--docs 20000 --docs 100000]
                        [--out .build-bench] [--data ../shared/data]

The bench target of issue 15: `../shared/data/stories/ecbplus-dev.jsonl` run inside 20k and 100k
realistic distractors keeps its B-cubed F1 within 0.01 of the run alone. The distractors are built
by `generate_realistic.py --without ecbplus` (real English sentences of the other shared sets, never
committed), so no distractor repeats an ECB+ sentence and any change comes from scale, not from
copied text. `wiretrace eval clusters` scores the ids both sides have, so the figure is the gold
documents' clustering; beside it the script counts the distractors that joined a story holding a
gold document (each such story is listed once with its gold and distractor counts).
"""
import argparse
import json
import os
import subprocess
import sys

import run_bench  # the same /usr/bin/time measurement as the dedup benchmark

HERE = os.path.dirname(os.path.abspath(__file__))
GOLD = "stories/ecbplus-dev.jsonl"


def run_and_score(wiretrace, inputs, db, gold, label, out):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    seconds, peak_mib, cpu, _ = run_bench.timed([wiretrace, "run", "--no-progress", "--db", db] + inputs, label, out,
                                                capture=True)
    scored = subprocess.run([wiretrace, "eval", "clusters", "--gold", gold, "--db", db, "--json"],
                            check=True, capture_output=True, text=True)
    return seconds, peak_mib, cpu, json.loads(scored.stdout)


def distractors_in_gold_stories(wiretrace, db, gold_ids):
    """(stories holding a gold document, distractor documents in them), read from `export clusters`."""
    exported = subprocess.run([wiretrace, "export", "clusters", "--db", db], check=True, capture_output=True, text=True)
    stories, joined = 0, 0
    for line in exported.stdout.splitlines():
        ids = [member["id"] for member in json.loads(line)["members"]]
        if any(doc in gold_ids for doc in ids):
            stories += 1
            joined += sum(1 for doc in ids if doc not in gold_ids)
    return stories, joined


def b_cubed(scores):
    return scores["bcubed_f1"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wiretrace", required=True)
    parser.add_argument("--docs", type=int, action="append")
    parser.add_argument("--out", default=".build-bench")
    parser.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data"))
    args = parser.parse_args()
    gold = os.path.join(args.data, GOLD)
    if not os.path.exists(gold):
        print("no %s under %s: skipped" % (GOLD, args.data))
        return 0
    os.makedirs(args.out, exist_ok=True)
    gold_ids = set()
    with open(gold, encoding="utf-8") as lines:
        for line in lines:
            gold_ids.add(json.loads(line)["id"])

    rows = []
    seconds, peak, cpu, scores = run_and_score(args.wiretrace, [gold], os.path.join(args.out, "ecb-alone.sqlite"), gold,
                                               "ecb-alone", args.out)
    alone = b_cubed(scores)
    rows.append(("alone", len(gold_ids), seconds, peak, alone, 0, 0))
    failed = False
    for docs in args.docs or [20_000]:
        corpus = os.path.join(args.out, "realistic-%d-without-ecbplus.jsonl" % docs)
        if not os.path.exists(corpus):
            subprocess.run([sys.executable, os.path.join(HERE, "generate_realistic.py"), "--docs", str(docs),
                            "--out", args.out, "--data", args.data, "--without", "ecbplus"], check=True)
        db = os.path.join(args.out, "ecb-in-%d.sqlite" % docs)
        seconds, peak, cpu, scores = run_and_score(args.wiretrace, [gold, corpus], db, gold, "ecb-in-%d" % docs, args.out)
        stories, joined = distractors_in_gold_stories(args.wiretrace, db, gold_ids)
        f1 = b_cubed(scores)
        rows.append(("in %d distractors" % docs, len(gold_ids) + docs, seconds, peak, f1, stories, joined))
        failed = failed or abs(f1 - alone) > 0.01

    print("| ECB+ dev | documents | wall s | peak RSS MiB | B-cubed F1 | Δ vs alone | stories with gold docs | distractors in them |")
    print("|---|---|---|---|---|---|---|---|")
    for label, count, seconds, peak, f1, stories, joined in rows:
        print("| %s | %d | %.1f | %.0f | %.3f | %+.3f | %s | %s |"
              % (label, count, seconds, peak, f1, f1 - alone, stories or "", joined if label != "alone" else ""))
    print("target: within 0.01 of the run alone: %s" % ("missed" if failed else "met"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
