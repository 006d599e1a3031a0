#!/usr/bin/env python3
"""The whole `wiretrace run` beside `wiretrace dedup`, stage by stage, on the same corpus.

    run_pipeline.py --wiretrace .build/release/wiretrace [--docs 100000] [--corpus realistic|pseudo]...
                    [--out .build-bench] [--data ../shared/data]

For each corpus (default both: `realistic`, real English sentences from the shared evaluation data,
built by `generate_realistic.py`; `pseudo`, the pseudo-word corpus of `generate_corpus.py`), times
`wiretrace dedup` and `wiretrace run` into a fresh database under /usr/bin/time -v and prints wall
time, CPU, peak RSS, the run's stages (its summary line), the database size (with its WAL) beside
the input's, and run / dedup. The realistic corpus is skipped with a message when the data is absent.
"""
import argparse
import os
import re
import subprocess
import sys

import run_bench  # the same /usr/bin/time measurement as the dedup benchmark

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(command, label, out_dir):
    """(wall seconds, peak RSS in MiB, CPU seconds, the stage times the command printed)."""
    seconds, peak_mib, cpu, output = run_bench.timed(command, label, out_dir, capture=True)
    stages = re.search(r"stages: (.*)", output)
    return seconds, peak_mib, cpu, stages.group(1) if stages else ""


def corpus_path(kind, docs, out, data):
    if kind == "realistic":
        path = os.path.join(out, "realistic-%d.jsonl" % docs)
        if not os.path.exists(path):
            generated = subprocess.run([sys.executable, os.path.join(HERE, "generate_realistic.py"), "--docs", str(docs),
                                        "--out", out, "--data", data])
            if generated.returncode != 0:
                return None
        return path
    path = os.path.join(out, "corpus-%d.jsonl" % docs)
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), "--docs", str(docs), "--out", out], check=True)
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wiretrace", required=True)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--corpus", action="append", choices=("realistic", "pseudo"))
    parser.add_argument("--out", default=".build-bench")
    parser.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data"))
    parser.add_argument("--skip-dedup", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rows = []
    for kind in args.corpus or ["realistic", "pseudo"]:
        corpus = corpus_path(kind, args.docs, args.out, args.data)
        if corpus is None:
            print("%s corpus: no shared data at %s, skipped" % (kind, args.data))
            continue
        size = os.path.getsize(corpus)
        dedup = None
        if not args.skip_dedup:
            dedup = timed([args.wiretrace, "dedup", "--out", os.path.join(args.out, "groups-%s.jsonl" % kind), corpus],
                          "dedup-%s" % kind, args.out)
        database = os.path.join(args.out, "run-%s-%d.sqlite" % (kind, args.docs))
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(database + suffix):
                os.remove(database + suffix)
        run = timed([args.wiretrace, "run", "--no-progress", "--db", database, corpus], "run-%s" % kind, args.out)
        stored = sum(os.path.getsize(database + suffix) for suffix in ("", "-wal") if os.path.exists(database + suffix))
        rows.append((kind, size, dedup, run, stored))
        print("%s: input %.1f MB" % (kind, size / 1e6), flush=True)
        if dedup:
            print("  dedup: %.2f s wall, %.2f s CPU, %.0f MiB peak" % (dedup[0], dedup[2], dedup[1]))
        print("  run:   %.2f s wall, %.2f s CPU, %.0f MiB peak; database %.1f MB (%.2fx the input)"
              % (run[0], run[2], run[1], stored / 1e6, stored / size))
        print("  run stages: %s" % run[3])
        if dedup:
            print("  run / dedup wall: %.1fx" % (run[0] / dedup[0]), flush=True)


if __name__ == "__main__":
    main()
