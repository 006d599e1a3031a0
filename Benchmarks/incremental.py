#!/usr/bin/env python3
"""An incremental run against a rebuild: time, stages, and proof that the results are the same.

    incremental.py --wiretrace .build/release/wiretrace [--docs 20000] [--new 2000]
                   [--corpus realistic|pseudo]... [--split tail|random] [--out .build-bench]
                   [--data ../shared/data]

For each corpus (default both; `realistic` from `generate_realistic.py`, sentences of the shared
evaluation data, skipped with a message when absent; `pseudo` from `generate_corpus.py`), the
DOCS-document corpus is split into a base (DOCS - NEW documents) and NEW new ones: the last NEW
lines (`--split tail`, a day's dump after the earlier ones) or NEW lines drawn with a fixed seed
(`--split random`, so new documents join stories of the base). Then, each under /usr/bin/time -v
with WIRETRACE_STAGE_MEMORY=1:

  1. `wiretrace run --db INC base.jsonl`    (not the figure: it makes the database to add to)
  2. `wiretrace run --db INC new.jsonl`     the incremental run
  3. `wiretrace run --db FULL base.jsonl new.jsonl`   the rebuild of the same documents

and prints wall, CPU, peak RSS and the stages of 2 and 3, incremental / rebuild, and whether
`wiretrace export clusters|duplicates|quotes` of INC and FULL are the same. Story ids may differ
between the two (an incremental run keeps the ids the base run gave), so clusters are compared
with the cluster id replaced by its sorted member ids; pairs and quotes are compared as sorted lines.
Exits 1 when the exports differ.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys

import run_bench  # the same /usr/bin/time measurement as the dedup benchmark
from run_pipeline import corpus_path  # the corpora `make bench-run` builds, made the same way

HERE = os.path.dirname(os.path.abspath(__file__))


def split(corpus, new, how, out, label):
    """Writes the base and the new part of `corpus`; returns their paths."""
    with open(corpus, encoding="utf-8") as source:
        lines = source.readlines()
    if how == "tail":
        chosen = set(range(len(lines) - new, len(lines)))
    else:
        chosen = set(random.Random(15).sample(range(len(lines)), new))
    base_path = os.path.join(out, "incremental-%s-base.jsonl" % label)
    new_path = os.path.join(out, "incremental-%s-new.jsonl" % label)
    with open(base_path, "w", encoding="utf-8") as base, open(new_path, "w", encoding="utf-8") as fresh:
        for index, line in enumerate(lines):
            (fresh if index in chosen else base).write(line)
    return base_path, new_path


def fresh_database(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def run(wiretrace, database, inputs, label, out):
    """(wall s, peak MiB, CPU s, stage times, largest stage peak MiB) of one `wiretrace run`."""
    os.environ["WIRETRACE_STAGE_MEMORY"] = "1"
    seconds, peak, cpu, output = run_bench.timed([wiretrace, "run", "--no-progress", "--db", database] + inputs,
                                                 label, out, capture=True)
    stages = re.search(r"stages: (.*)", output)
    stage_peaks = [int(value) for value in re.findall(r"stage [^:]+: peak (\d+) MiB", output)]
    return seconds, peak, cpu, stages.group(1) if stages else "", max(stage_peaks, default=0)


def export(wiretrace, database, what):
    result = subprocess.run([wiretrace, "export", what, "--db", database], capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    if what == "clusters":
        normalised = []
        for line in lines:
            record = json.loads(line)
            record["cluster"] = " ".join(sorted(member["id"] for member in record["members"]))
            normalised.append(json.dumps(record, sort_keys=True, ensure_ascii=False))
        lines = normalised
    return sorted(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wiretrace", required=True)
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--new", type=int, default=2_000)
    parser.add_argument("--corpus", action="append", choices=("realistic", "pseudo"))
    parser.add_argument("--split", choices=("tail", "random"), default="tail")
    parser.add_argument("--out", default=".build-bench")
    parser.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    failed = False
    for kind in args.corpus or ["realistic", "pseudo"]:
        corpus = corpus_path(kind, args.docs, args.out, args.data)
        if corpus is None:
            print("%s corpus: no shared data at %s, skipped" % (kind, args.data))
            continue
        label = "%s-%d-%d-%s" % (kind, args.docs, args.new, args.split)
        base, new = split(corpus, args.new, args.split, args.out, label)
        incremental_db = os.path.join(args.out, "incremental-%s.sqlite" % label)
        rebuild_db = os.path.join(args.out, "rebuild-%s.sqlite" % label)
        fresh_database(incremental_db)
        fresh_database(rebuild_db)
        first = run(args.wiretrace, incremental_db, [base], "incremental-base-" + label, args.out)
        added = run(args.wiretrace, incremental_db, [new], "incremental-new-" + label, args.out)
        rebuild = run(args.wiretrace, rebuild_db, [base, new], "rebuild-" + label, args.out)
        print("%s: %d documents, %d of them new (%s split)" % (kind, args.docs, args.new, args.split))
        for name, measured in (("base run", first), ("incremental", added), ("rebuild", rebuild)):
            print("  %-11s %7.1f s wall, %7.1f s CPU, %5.0f MiB peak (largest stage %d MiB)"
                  % (name, measured[0], measured[2], measured[1], measured[4]))
            print("              stages: %s" % measured[3])
        print("  incremental / rebuild: %.3f wall, %.3f CPU" % (added[0] / rebuild[0], added[2] / rebuild[2]))
        for what in ("clusters", "duplicates", "quotes"):
            one, other = export(args.wiretrace, incremental_db, what), export(args.wiretrace, rebuild_db, what)
            same = one == other
            failed |= not same
            differing = len(set(one) ^ set(other))
            print("  export %-10s %s (%d lines%s)" % (what, "identical" if same else "DIFFERENT", len(one),
                                                     "" if same else ", %d lines in one only" % differing), flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
