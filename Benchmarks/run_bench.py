#!/usr/bin/env python3
"""`make bench`: Wiretrace, rensa and datasketch on the same corpus, same parameters, same run.

    run_bench.py --wiretrace .build/release/wiretrace --python VENV/bin/python [--docs 100000]
                 [--out .build-bench] [--skip datasketch]

Generates the seeded corpus and its truth when missing, then times each contender's whole dedup
path (JSONL in, groups out) under /usr/bin/time -v and prints wall time, docs/s, MB/s, peak
memory (maximum resident set size) and pair precision/recall against the exact-Jaccard truth.
With --repeat N (default 3) the contenders run in N interleaved rounds (all of them once per
round), so a host that speeds up or slows down during the run affects each alike; the table
shows each contender's median run (by wall time) and the range, and the ratios are of medians.
Parameters for all: 5-word shingles, 128 permutations, threshold 0.5 and the LSH banding
datasketch derives for them (its `_optimal_param`, equal weights) for the peers, whose output is
their LSH candidates; Wiretrace keeps its own wider banding because it verifies every candidate
on exact shingle sets, and its containment rule is switched off, so every contender is judged on
Jaccard alone.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def optimal_banding(threshold, permutations, dividing=False):
    """datasketch's _optimal_param (false-positive and false-negative weights 0.5); with
    `dividing`, only bandings whose band count divides the permutations (rensa requires it)."""
    def integrate(f, a, b, n=1000):
        if b <= a:
            return 0.0
        step = (b - a) / n
        return sum(f(a + (i + 0.5) * step) for i in range(n)) * step

    best, best_error = None, float("inf")
    for b in range(1, permutations + 1):
        for r in range(1, permutations // b + 1):
            if dividing and b * r != permutations:
                continue
            fp = integrate(lambda s: 1 - (1 - s ** r) ** b, 0.0, threshold)
            fn = integrate(lambda s: 1 - (1 - (1 - s ** r) ** b), threshold, 1.0)
            error = 0.5 * fp + 0.5 * fn
            if error < best_error:
                best, best_error = (b, r), error
    return best


def timed(command, label, out_dir, capture=False):
    """Runs `command` under /usr/bin/time -v: (wall seconds, peak RSS in MiB, CPU seconds), plus
    the command's stdout and stderr when `capture`."""
    report = os.path.join(out_dir, "time-%s.txt" % label)
    print("$ " + " ".join(command), flush=True)
    result = subprocess.run(["/usr/bin/time", "-v", "-o", report] + command, capture_output=capture, text=capture)
    if result.returncode != 0:
        if capture:
            sys.stderr.write(result.stderr[-4000:])
        sys.exit("%s failed with exit status %d" % (label, result.returncode))
    text = open(report).read()
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = 0.0
    for part in clock.split(":"):
        seconds = seconds * 60 + float(part)
    peak_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    user = float(re.search(r"User time \(seconds\): (\S+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): (\S+)", text).group(1))
    measured = (seconds, peak_kib / 1024, user + system)
    return measured + (result.stdout + result.stderr,) if capture else measured


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--wiretrace", required=True)
    parser.add_argument("--python", required=True, help="the virtualenv's python with datasketch and rensa")
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--out", default=".build-bench")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--permutations", type=int, default=128)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--skip", action="append", default=[], choices=("datasketch", "rensa", "wiretrace"))
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds; medians are reported")
    parser.add_argument("--corpus", help="time on this JSONL instead (e.g. generate_realistic.py's); it has no "
                                         "truth file, so precision and recall are not scored")
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    corpus = args.corpus or os.path.join(args.out, "corpus-%d.jsonl" % args.docs)
    truth = None if args.corpus else os.path.join(args.out, "truth-%d.jsonl" % args.docs)
    if args.corpus:
        with open(corpus, "rb") as lines:
            args.docs = sum(1 for _ in lines)
    elif not (os.path.exists(corpus) and os.path.exists(truth)):
        subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), "--docs", str(args.docs),
                        "--out", args.out], check=True)
    megabytes = os.path.getsize(corpus) / 1e6
    bands, rows = optimal_banding(args.threshold, args.permutations)
    rensa_bands, rensa_rows = optimal_banding(args.threshold, args.permutations, dividing=True)
    config = os.path.join(args.out, "bench-pipeline.yml")
    with open(config, "w") as out:
        # Wiretrace verifies every candidate on exact sets, so it keeps its own (wider) banding;
        # the peers report LSH candidates as they are, so they use the banding for the threshold.
        out.write("dedup:\n  shingle_size: 5\n  permutations: %d\n  threshold: %s\n"
                  "  minimum_shingles: 1000000000\n" % (args.permutations, args.threshold))
    print("corpus %s: %d documents, %.1f MB; k=5, %d permutations, threshold %s, LSH %d bands x %d rows "
          "(rensa: %d x %d, its band count must divide the permutations)"
          % (corpus, args.docs, megabytes, args.permutations, args.threshold, bands, rows, rensa_bands, rensa_rows),
          flush=True)

    contenders = []
    if "wiretrace" not in args.skip:
        contenders.append(("wiretrace", [args.wiretrace, "dedup", "--config", config, "--out",
                                         os.path.join(args.out, "groups-wiretrace.jsonl"), corpus]))
    for peer in ("rensa", "datasketch"):
        if peer in args.skip:
            continue
        peer_bands, peer_rows = (rensa_bands, rensa_rows) if peer == "rensa" else (bands, rows)
        contenders.append((peer, [args.python, os.path.join(HERE, "peers.py"), peer, corpus,
                                  os.path.join(args.out, "groups-%s.jsonl" % peer), "--processes", str(args.processes),
                                  "--threshold", str(args.threshold), "--permutations", str(args.permutations),
                                  "--bands", str(peer_bands), "--rows", str(peer_rows)]))
    runs = {name: [] for name, _ in contenders}
    for round_number in range(1, max(1, args.repeat) + 1):
        if args.repeat > 1:
            print("round %d of %d" % (round_number, args.repeat), flush=True)
        for name, command in contenders:
            runs[name].append(timed(command, name, args.out))
    results = {}
    for name, _ in contenders:
        ordered = sorted(runs[name])
        seconds, peak, cpu = ordered[(len(ordered) - 1) // 2]
        if truth is None:
            results[name] = (seconds, peak, cpu, float("nan"), float("nan"), 0, 0)
            continue
        quality = subprocess.run([sys.executable, os.path.join(HERE, "evaluate.py"), truth,
                                  os.path.join(args.out, "groups-%s.jsonl" % name), "--threshold", str(args.threshold)],
                                 check=True, capture_output=True, text=True).stdout.split()
        results[name] = (seconds, peak, cpu, float(quality[0]), float(quality[1]), int(quality[2]), int(quality[3]))

    print()
    print("%-11s %9s %9s %9s %10s %9s %10s %8s" % ("contender", "wall s", "cpu s", "docs/s", "MB/s", "peak MiB",
                                                  "precision", "recall"))
    for name, (seconds, peak, cpu, precision, recall, truth_pairs, reported) in results.items():
        print("%-11s %9.2f %9.2f %9.0f %10.1f %9.0f %10.4f %8.4f" % (
            name, seconds, cpu, args.docs / seconds, megabytes / seconds, peak, precision, recall))
    if args.repeat > 1:
        for name, _ in contenders:
            walls = sorted(run[0] for run in runs[name])
            print("%-11s wall over %d runs: %s" % (name, len(walls), ", ".join("%.2f" % wall for wall in walls)))
        if "wiretrace" in runs:
            for peer in ("rensa", "datasketch"):
                if peer in runs:
                    ratios = [p[0] / w[0] for w, p in zip(runs["wiretrace"], runs[peer])]
                    print("wiretrace vs %s, round by round: %s" % (peer, ", ".join("%.1fx" % ratio for ratio in ratios)))
    if results and truth:
        any_result = next(iter(results.values()))
        print("truth: %d same-group pairs (components of exact Jaccard >= %s)" % (any_result[5], args.threshold))
    if "wiretrace" in results:
        for peer in ("rensa", "datasketch"):
            if peer in results:
                print("wiretrace vs %s: %.1fx faster (median wall), %.2fx the peak memory, recall %+.4f"
                      % (peer, results[peer][0] / results["wiretrace"][0], results["wiretrace"][1] / results[peer][1],
                         results["wiretrace"][4] - results[peer][4]))


if __name__ == "__main__":
    main()
