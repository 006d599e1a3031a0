#!/usr/bin/env python3
"""`wiretrace dedup` on Apache Spark, with the same groups.

    python pipelines/spark/wiretrace_dedup.py --wiretrace .build/release/wiretrace --out OUT INPUT...
    spark-submit pipelines/spark/wiretrace_dedup.py --wiretrace /path/to/wiretrace --out OUT INPUT...

1. Sign (per document, on executors): the `wiretrace` binary is shipped with SparkContext.addFile
   and run once per partition as a subprocess (`wiretrace sign`). A plain `.jsonl` input is split
   into line ranges and piped to `wiretrace sign -`; any other input (`.jsonl.gz`, WARC, a
   directory of HTML pages) is one task that runs `wiretrace sign PATH` (paths must be readable on
   the executors). Each document comes back with its LSH band keys and its exact shingle set.
2. Ids read twice: like `wiretrace dedup`, the first in input order is kept.
3. Candidates: documents sharing a (band, key) pair: a self-join on the exploded band keys.
4. Verification: exact Jaccard and containment on the shingle sets, with the rule and thresholds
   `wiretrace sign --parameters` prints (the binary is the single source of truth).
5. Groups: connected components by min-label propagation, iterated until no label changes.
6. Output under OUT: `groups/` and `groups.jsonl/` ({"group", "members"}, numbered by first member
   as `wiretrace dedup` does), `documents/` (per document: metadata, shingle count, group),
   `pairs/` (Parquet) and `pairs.jsonl/` (verified pairs, for `wiretrace import`), with
   --articles `articles/` (the extracted documents, for `wiretrace import`), and `summary.json`
   (counts, seconds, and shuffle bytes read from Spark's REST API).
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.request

from pyspark import SparkFiles, StorageLevel
from pyspark.sql import SparkSession, Window
from pyspark.sql import functions as F
from pyspark.sql.types import ArrayType, LongType, StringType, StructField, StructType

SIGNED_SCHEMA = StructType([
    StructField("_p", LongType()), StructField("_s", LongType()),
    StructField("id", StringType()), StructField("url", StringType()), StructField("outlet", StringType()),
    StructField("title", StringType()), StructField("published", StringType()),
    StructField("keys", ArrayType(StringType())), StructField("shingle_count", LongType()),
    StructField("shingles", StringType()),
    # The extract object (with --articles): the JSON reader keeps a nested object as its JSON text.
    StructField("article", StringType()),
])


def sign_partitions(binary_name, sign_arguments, mode):
    """A mapPartitionsWithIndex function running `wiretrace sign` once per partition, fed by mode:
    "lines" pipes the partition's JSONL lines to `sign -`; "bytes" pipes each (path, content) of
    sc.binaryFiles to `sign -:NAME` (ids as for the file given by name); "path" runs `sign PATH`
    (a directory the executors can read). Output lines are tagged with the partition index and
    their position, so that input order can be restored for ids read twice."""

    def run(index, elements):
        binary = SparkFiles.get(binary_name)
        if not os.access(binary, os.X_OK):
            os.chmod(binary, 0o755)
        if mode == "lines":
            jobs = [(["-"], elements)]
        elif mode == "bytes":
            jobs = [(["-:" + os.path.basename(path)], [content]) for path, content in elements]
        else:
            jobs = [([path], None) for path in elements]
        position = 0
        for inputs, feed_items in jobs:
            process = subprocess.Popen([binary, "sign", *sign_arguments, "--", *inputs],
                                       stdin=subprocess.DEVNULL if feed_items is None else subprocess.PIPE,
                                       stdout=subprocess.PIPE)
            failure = []

            def feed(items=feed_items, stdin=process.stdin):
                try:
                    for item in items:
                        stdin.write(item)
                        if mode == "lines":
                            stdin.write(b"\n")
                except BaseException as error:  # noqa: BLE001 - reported after the process ends
                    failure.append(error)
                finally:
                    stdin.close()

            writer = None
            if feed_items is not None:
                writer = threading.Thread(target=feed, daemon=True)
                writer.start()
            for line in process.stdout:
                if not line.strip():
                    continue
                text = line.decode("utf-8").rstrip("\n")
                yield '{"_p":%d,"_s":%d,%s' % (index, position, text[1:])
                position += 1
            if writer:
                writer.join()
            status = process.wait()
            if status != 0 or failure:
                raise RuntimeError(f"wiretrace sign {' '.join(inputs)} failed in partition {index}: exit {status} {failure}")

    return run


def input_units(inputs):
    """(path, mode) per input in order (see sign_partitions for the modes): plain .jsonl/.ndjson
    files are split into line ranges ("lines"); other files (.gz, WARC, single pages) are read
    whole ("bytes", any Hadoop file system); a directory holding only JSONL and WARC files, none
    in a subdirectory, is expanded into them (their ids, JSONL `id` or WARC `NAME#n`, are the same
    as when the directory is given); any other directory is one "path" task (HTML page ids are
    paths under it, so it must be read whole, from a file system the executors share)."""
    def file_mode(path):
        return "lines" if path.lower().endswith((".jsonl", ".ndjson")) else "bytes"

    units = []
    for path in inputs:
        if "://" not in path and os.path.isdir(path):
            names = []
            for root, directories, files in os.walk(path):
                directories[:] = [d for d in directories if not d.startswith(".")]
                names += [os.path.relpath(os.path.join(root, name), path) for name in files if not name.startswith(".")]
            names.sort(key=lambda name: name.encode("utf-8"))
            record_files = (".jsonl", ".ndjson", ".warc", ".jsonl.gz", ".ndjson.gz", ".warc.gz")
            if names and all(name.lower().endswith(record_files) and os.sep not in name for name in names):
                units += [(os.path.abspath(os.path.join(path, name)), file_mode(name)) for name in names]
            else:
                units.append((os.path.abspath(path), "path"))
        else:
            units.append((path if "://" in path else os.path.abspath(path), file_mode(path)))
    return units


def shuffle_bytes(spark):
    """Shuffle bytes written and read over all stages, from the driver's REST API (None if the UI
    is off)."""
    url = spark.sparkContext.uiWebUrl
    if not url:
        return None
    application = spark.sparkContext.applicationId
    with urllib.request.urlopen(f"{url}/api/v1/applications/{application}/stages") as response:
        stages = json.load(response)
    return {
        "shuffle_write_bytes": sum(stage.get("shuffleWriteBytes", 0) for stage in stages),
        "shuffle_read_bytes": sum(stage.get("shuffleReadBytes", 0) for stage in stages),
        "input_bytes": sum(stage.get("inputBytes", 0) for stage in stages),
        "stages": len(stages),
    }


def accepts(intersection, size_a, size_b, threshold, containment_threshold, minimum_shingles):
    """DuplicateFinder.accepts over PairSimilarity(intersection:sizeA:sizeB:), operation for
    operation: Python's int / int is the correctly rounded quotient, as Swift's Double / Double of
    exactly representable integers is."""
    union = size_a + size_b - intersection
    jaccard = intersection / union if union > 0 else 0.0
    if jaccard >= threshold and intersection > 0:
        return True
    smaller = min(size_a, size_b)
    containment = intersection / smaller if smaller > 0 else 0.0
    return smaller >= minimum_shingles and containment >= containment_threshold


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", help="JSONL, WARC, HTML directories (as `wiretrace dedup` takes)")
    parser.add_argument("--wiretrace", required=True, help="the wiretrace binary to ship to the executors")
    parser.add_argument("--out", required=True, help="output directory (replaced)")
    parser.add_argument("--threshold", help="Jaccard threshold, passed to `wiretrace sign`")
    parser.add_argument("--config", help="pipeline file, passed to `wiretrace sign` (must exist on the executors)")
    parser.add_argument("--articles", action="store_true", help="also write articles/ for `wiretrace import`")
    parser.add_argument("--sign-partitions", type=int, default=None,
                        help="at least this many sign tasks per JSONL file (default: one per HDFS block, "
                             "and at least spark.default.parallelism)")
    parser.add_argument("--driver-memory", help="spark.driver.memory (local mode: the one JVM), e.g. 4g")
    parser.add_argument("--shuffle-partitions", type=int, default=None, help="spark.sql.shuffle.partitions")
    arguments = parser.parse_args(argv)

    started = time.time()
    builder = SparkSession.builder.appName("wiretrace-dedup")
    if arguments.driver_memory:
        # Effective when this script starts the JVM (python, local mode); spark-submit takes
        # --driver-memory itself.
        builder = builder.config("spark.driver.memory", arguments.driver_memory)
    if arguments.shuffle_partitions:
        builder = builder.config("spark.sql.shuffle.partitions", str(arguments.shuffle_partitions))
    spark = builder.getOrCreate()
    context = spark.sparkContext
    context.setLogLevel("WARN")

    sign_arguments = []
    if arguments.threshold:
        sign_arguments += ["--threshold", arguments.threshold]
    if arguments.config:
        sign_arguments += ["--config", arguments.config]
    # The rule and thresholds verification applies, from the binary itself.
    parameters = json.loads(subprocess.run([arguments.wiretrace, "sign", *sign_arguments, "--parameters"],
                                           check=True, capture_output=True, text=True).stdout)
    threshold = float(parameters["threshold"])
    containment_threshold = float(parameters["containment_threshold"])
    minimum_shingles = int(parameters["minimum_shingles"])
    if arguments.articles:
        sign_arguments.append("--article")

    binary_name = os.path.basename(arguments.wiretrace)
    context.addFile(os.path.abspath(arguments.wiretrace))

    # 1. Sign, one RDD per input unit, in input order (union keeps partition order).
    tagged = []
    offset = 0
    for path, mode in input_units(arguments.inputs):
        if mode == "lines":
            rdd = context.textFile(path, minPartitions=arguments.sign_partitions, use_unicode=False)
        elif mode == "bytes":
            rdd = context.binaryFiles(path, minPartitions=1)
        else:
            rdd = context.parallelize([path], 1)
        function = sign_partitions(binary_name, sign_arguments, mode)
        tagged.append(rdd.mapPartitionsWithIndex(lambda index, elements, f=function, b=offset: f(b + index, elements)))
        offset += rdd.getNumPartitions()
    signed_lines = context.union(tagged) if len(tagged) > 1 else tagged[0]
    signed = (spark.read.schema(SIGNED_SCHEMA).json(signed_lines)
              .withColumn("set", F.unbase64("shingles")).drop("shingles")
              .persist(StorageLevel.MEMORY_AND_DISK))
    signed.count()

    # 2. An id read twice keeps its first occurrence in input order, as the readers do.
    order = signed.select("id", "_p", "_s")
    repeated = (order.groupBy("id").agg(F.count("*").alias("n"), F.min(F.struct("_p", "_s")).alias("first"))
                .where("n > 1").select("id", F.col("first._p").alias("_fp"), F.col("first._s").alias("_fs")))
    if repeated.limit(1).count() > 0:
        signed = (signed.join(F.broadcast(repeated), "id", "left")
                  .where(F.col("_fp").isNull() | ((F.col("_p") == F.col("_fp")) & (F.col("_s") == F.col("_fs"))))
                  .drop("_fp", "_fs")).persist(StorageLevel.MEMORY_AND_DISK)
    documents = signed.count()
    signed_at = time.time()

    # 3. Candidates: shared (band, key).
    entries = signed.select("id", F.posexplode("keys").alias("band", "key"))
    left, right = entries.alias("l"), entries.alias("r")
    candidates = (left.join(right, (F.col("l.band") == F.col("r.band")) & (F.col("l.key") == F.col("r.key"))
                            & (F.col("l.id") < F.col("r.id")))
                  .select(F.col("l.id").alias("a"), F.col("r.id").alias("b")).distinct()
                  .persist(StorageLevel.MEMORY_AND_DISK))
    candidate_count = candidates.count()

    # 4. Verification on the exact shingle sets (only candidate documents' sets are joined).
    sets = signed.select("id", "set")
    with_sets = (candidates.join(sets.withColumnRenamed("id", "a").withColumnRenamed("set", "set_a"), "a")
                 .join(sets.withColumnRenamed("id", "b").withColumnRenamed("set", "set_b"), "b"))

    def verify(row):
        set_a = set(memoryview(row.set_a).cast("Q"))
        size_b = len(row.set_b) // 8
        intersection = len(set_a.intersection(memoryview(row.set_b).cast("Q")))
        size_a = len(set_a)
        return (row.a, row.b, intersection, size_a, size_b)

    verified_rdd = with_sets.rdd.map(verify).filter(
        lambda pair: accepts(pair[2], pair[3], pair[4], threshold, containment_threshold, minimum_shingles))
    pair_schema = StructType([StructField("a", StringType()), StructField("b", StringType()),
                              StructField("intersection", LongType()), StructField("size_a", LongType()),
                              StructField("size_b", LongType())])
    verified = spark.createDataFrame(verified_rdd, pair_schema).persist(StorageLevel.MEMORY_AND_DISK)
    verified_count = verified.count()
    verified_at = time.time()

    # 5. Connected components: every vertex takes the least label among itself and its neighbours
    # until no label changes (iterations ~ the largest component's diameter).
    edges = verified.select(F.col("a").alias("src"), F.col("b").alias("dst"))
    edges = edges.union(edges.select(F.col("dst").alias("src"), F.col("src").alias("dst"))).persist(StorageLevel.MEMORY_AND_DISK)
    labels = edges.select(F.col("src").alias("id")).distinct().withColumn("label", F.col("id")).localCheckpoint()
    iterations = 0
    while True:
        iterations += 1
        messages = edges.join(labels.withColumnRenamed("id", "src"), "src").select(F.col("dst").alias("id"), "label")
        updated = labels.union(messages).groupBy("id").agg(F.min("label").alias("label")).localCheckpoint()
        changed = (updated.alias("n").join(labels.alias("o"), "id")
                   .where(F.col("n.label") != F.col("o.label")).count())
        labels = updated
        if changed == 0:
            break
    components_at = time.time()

    # 6. Groups numbered by first member, as `wiretrace dedup` numbers them.
    grouped = labels.groupBy("label").agg(F.sort_array(F.collect_list("id")).alias("members"))
    numbered = (grouped.select("members").rdd.map(lambda row: row.members)
                .sortBy(lambda members: members[0].encode("utf-8")).zipWithIndex()
                .map(lambda pair: (pair[1] + 1, pair[0])))
    groups = spark.createDataFrame(numbered, StructType([
        StructField("group", LongType()), StructField("members", ArrayType(StringType()))])).persist()
    if os.path.exists(arguments.out):
        shutil.rmtree(arguments.out)
    out = arguments.out
    groups.write.parquet(os.path.join(out, "groups"))
    groups.coalesce(1).write.json(os.path.join(out, "groups.jsonl"))
    membership = groups.select("group", F.explode("members").alias("id"))
    (signed.join(membership, "id", "left")
     .select("id", "url", "outlet", "title", "published", "shingle_count", F.size("keys").alias("bands"), "group")
     .write.parquet(os.path.join(out, "documents")))
    verified.write.parquet(os.path.join(out, "pairs"))
    verified.write.json(os.path.join(out, "pairs.jsonl"))
    if arguments.articles:
        signed.where(F.col("article").isNotNull()).select("article").write.text(os.path.join(out, "articles"))
    group_count = groups.count()
    finished = time.time()

    summary = {
        "documents": documents, "candidate_pairs": candidate_count, "verified_pairs": verified_count,
        "groups": group_count, "label_propagation_iterations": iterations,
        "seconds": {"total": round(finished - started, 2), "sign": round(signed_at - started, 2),
                    "candidates_verify": round(verified_at - signed_at, 2),
                    "components": round(components_at - verified_at, 2),
                    "write": round(finished - components_at, 2)},
        "parameters": parameters, "master": context.master, "default_parallelism": context.defaultParallelism,
        "spark": spark.version,
    }
    try:
        summary["shuffle"] = shuffle_bytes(spark)
    except OSError as error:
        summary["shuffle"] = f"unavailable: {error}"
    with open(os.path.join(out, "summary.json"), "w") as handle:
        json.dump(summary, handle, indent=2)
    print(json.dumps(summary), file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
