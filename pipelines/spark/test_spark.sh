#!/usr/bin/env bash
# `make test-spark`: the Spark job in local mode must find exactly `wiretrace dedup`'s groups.
#
# 1. fixtures/jsonl + fixtures/warc (debug binary): groups equal dedup's; `wiretrace import` of the
#    job's output gives a database whose verified pairs are the job's and whose reports work.
# 2. unless SPARK_DOCS=0: a generated corpus of SPARK_DOCS documents (default 100000; release
#    binary): groups equal dedup's; wall times and Spark's shuffle bytes printed.
# PySpark goes into a virtualenv under SPARK_DIR (default .build-spark, git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
SPARK_DIR=${SPARK_DIR:-.build-spark}
SPARK_VENV=${SPARK_VENV:-$SPARK_DIR/venv}
SPARK_DOCS=${SPARK_DOCS:-100000}
SWIFT=${SWIFT:-swift}
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
JOB=pipelines/spark/wiretrace_dedup.py
COMPARE=pipelines/spark/compare_groups.py

command -v java >/dev/null || { echo "test-spark: java not found (Spark needs Java 17)" >&2; exit 1; }
if [ ! -x "$SPARK_VENV/bin/python" ]; then
    python3 -m venv "$SPARK_VENV"
    "$SPARK_VENV/bin/pip" install -q pyspark
fi

# 1. Fixtures.
$SWIFT build --product wiretrace
out=$SPARK_DIR/fixtures
rm -rf "$out" && mkdir -p "$out"
.build/debug/wiretrace dedup --out "$out/dedup.jsonl" fixtures/jsonl fixtures/warc 2>/dev/null
"$SPARK_VENV/bin/python" $JOB --wiretrace .build/debug/wiretrace --out "$out/spark" --articles --shuffle-partitions 4 \
    fixtures/jsonl fixtures/warc 2>"$out/spark.log" || { tail -40 "$out/spark.log" >&2; exit 1; }
python3 $COMPARE "$out/dedup.jsonl" "$out/spark/groups.jsonl"
.build/debug/wiretrace import --db "$out/import.sqlite" "$out/spark"
python3 - "$out" <<'PY'
import json, subprocess, sys, os
out = sys.argv[1]
spark = set()
for name in sorted(os.listdir(f"{out}/spark/pairs.jsonl")):
    if name.startswith("part-"):
        for line in open(f"{out}/spark/pairs.jsonl/{name}"):
            pair = json.loads(line)
            spark.add(frozenset((pair["a"], pair["b"])))
exported = subprocess.run([".build/debug/wiretrace", "export", "duplicates", "--db", f"{out}/import.sqlite"],
                          check=True, capture_output=True, text=True).stdout.splitlines()
stored = {frozenset((json.loads(line)["a"], json.loads(line)["b"])) for line in exported}
if stored != spark:
    sys.exit(f"import: {len(stored)} pairs in the database, {len(spark)} in the Spark output")
print(f"import: the database holds the Spark run's {len(spark)} verified pairs")
PY
.build/debug/wiretrace report --db "$out/import.sqlite" --limit 3 >/dev/null
echo "fixtures: Spark groups equal wiretrace dedup's; import and report work"

# 2. Generated corpus.
if [ "$SPARK_DOCS" = 0 ]; then
    echo "generated corpus skipped (SPARK_DOCS=0)"
    exit 0
fi
$SWIFT build -c release --product wiretrace
corpus=$SPARK_DIR/corpus-$SPARK_DOCS.jsonl
[ -f "$corpus" ] || python3 Benchmarks/generate_corpus.py --docs "$SPARK_DOCS" --out "$SPARK_DIR" >/dev/null
out=$SPARK_DIR/generated-$SPARK_DOCS
rm -rf "$out" && mkdir -p "$out"
start=$(date +%s.%N)
.build/release/wiretrace dedup --out "$out/dedup.jsonl" "$corpus"
dedup_seconds=$(python3 -c "print(round($(date +%s.%N) - $start, 1))")
start=$(date +%s.%N)
"$SPARK_VENV/bin/python" $JOB --wiretrace .build/release/wiretrace --out "$out/spark" ${SPARK_JOB_OPTIONS:---driver-memory 4g} "$corpus" \
    2>"$out/spark.log" || { tail -40 "$out/spark.log" >&2; exit 1; }
spark_seconds=$(python3 -c "print(round($(date +%s.%N) - $start, 1))")
python3 $COMPARE "$out/dedup.jsonl" "$out/spark/groups.jsonl"
echo "generated corpus of $SPARK_DOCS documents: wiretrace dedup (release) ${dedup_seconds} s;" \
    "Spark local mode ${spark_seconds} s including JVM start-up"
python3 -c 'import json, sys; s = json.load(open(sys.argv[1])); print(json.dumps({k: s[k] for k in ("documents", "candidate_pairs", "verified_pairs", "groups", "label_propagation_iterations", "seconds", "shuffle")}))' "$out/spark/summary.json"
