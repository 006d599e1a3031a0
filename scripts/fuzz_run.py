#!/usr/bin/env python3
"""`make fuzz-run`: the release `wiretrace run` over real inputs, one document at a time and in
random subsets, each into a fresh database, checked against the export contracts.

Reads the shared evaluation data at run time (default ../shared/data relative to the repo
root) and copies nothing of it into the repo: subsets are written under --out (git-ignored,
default .build-fuzz-run/) and deleted after each run unless it failed. Skips with a message
and exit 0 when the data is absent.

Every run must exit 0, and then:
  - `export clusters`: every stored document in exactly one cluster, every member's "of"
    inside its cluster;
  - `export duplicates`: every pair names two different stored documents, scores in [0, 1];
  - `export quotes`: every occurrence names a stored document, 0 <= start < end <= the length
    of its text in Unicode scalars, and "quote" equals the text's slice [start, end);
  - subsets also: `report`, `report quotes` and `report syndication --format csv` exit 0.
The stored texts are read from the run's SQLite database (the `documents` table).

Exit status 1 when any run failed; the failing inputs stay under --out/failures/.
"""
import argparse
import concurrent.futures
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

JSONL_SETS = [
    # (name, path under the data root, singles (None: every document), subsets)
    ("helsinki", "dumps/helsinki-2018.jsonl", None, 200),
    ("ecbplus", "stories/ecbplus-dev.jsonl", 100, 30),
    ("polnear", "quotes/polnear-dev.jsonl", 100, 30),
    ("ntrex", "multilingual/ntrex-docs.jsonl", 100, 30),
    ("semeval8", "multilingual/semeval8-train.jsonl", 100, 30),
    ("redewiedergabe", "quotes/redewiedergabe-dev.jsonl", 100, 30),
]
PAGE_SETS = [
    ("zyte-pages", "extraction/zyte-aeb/html", 100, 30),
    ("date-pages", "dates/htmldate-dev/html", 100, 30),
]


class Failure(Exception):
    pass


def run(command, timeout):
    try:
        result = subprocess.run(command, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise Failure(f"timed out after {timeout} s: {' '.join(command[:3])}")
    return result


def describe(status):
    return f"with signal {-status}" if status < 0 else f"with status {status}"


def crash_summary(stderr):
    """The lines of a crash report that say what and where (not the whole backtrace)."""
    lines = stderr.decode("utf-8", "replace").splitlines()
    keep = [line.strip() for line in lines
            if "Fatal error" in line or "Program crashed" in line or line.startswith("Error")
            or (".swift:" in line and " in wiretrace" in line)]
    return " | ".join(keep[:4]) if keep else " | ".join(lines[-3:])


def stored_text(body):
    """A document's text from its stored body (Sources/WiretraceStore/PackedBytes.swift): a method
    byte, 0 for the UTF-8 bytes as they are, 1 for their length (varint) and a raw deflate stream."""
    body = bytes(body)
    if not body:
        return ""
    if body[0] == 0:
        return body[1:].decode("utf-8")
    if body[0] != 1:
        raise Failure(f"stored text with unknown method {body[0]}")
    length, shift, index = 0, 0, 1
    while True:
        byte = body[index]
        index += 1
        length |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            break
    data = zlib.decompress(body[index:], -15)
    if len(data) != length:
        raise Failure(f"stored text inflates to {len(data)} bytes, its header says {length}")
    return data.decode("utf-8")


def check_run(wiretrace, inputs, workdir, with_reports, timeout):
    """Runs the pipeline over `inputs` into a fresh database in `workdir`; raises Failure."""
    db = os.path.join(workdir, "run.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    result = run([wiretrace, "run", "--quiet-rejects", "--db", db] + inputs, timeout)
    if result.returncode != 0:
        raise Failure(f"run exited {describe(result.returncode)}: {crash_summary(result.stderr)}")

    connection = sqlite3.connect(db)
    try:
        texts = {identifier: stored_text(body) for identifier, body in connection.execute("SELECT id, body FROM documents")}
    finally:
        connection.close()

    def export(what):
        result = run([wiretrace, "export", what, "--db", db], timeout)
        if result.returncode != 0:
            raise Failure(f"export {what} exited {result.returncode}: {result.stderr[-500:]!r}")
        lines = result.stdout.decode("utf-8").splitlines()
        try:
            return [json.loads(line) for line in lines if line]
        except json.JSONDecodeError as error:
            raise Failure(f"export {what}: not JSONL: {error}")

    seen = {}
    for cluster in export("clusters"):
        members = cluster.get("members") or []
        inside = {member.get("id") for member in members}
        for member in members:
            identifier = member.get("id")
            if identifier in seen:
                raise Failure(f"document {identifier!r} in clusters {seen[identifier]!r} and {cluster.get('cluster')!r}")
            seen[identifier] = cluster.get("cluster")
            if "of" in member and member["of"] not in inside:
                raise Failure(f"{identifier!r} is {member.get('role')} of {member['of']!r}, outside its cluster")
    if set(seen) != set(texts):
        missing = sorted(set(texts) - set(seen))[:5]
        extra = sorted(set(seen) - set(texts))[:5]
        raise Failure(f"clusters do not hold exactly the stored documents: missing {missing}, not stored {extra}")

    for pair in export("duplicates"):
        a, b = pair.get("a"), pair.get("b")
        if a not in texts or b not in texts or a == b:
            raise Failure(f"duplicate pair {a!r}-{b!r} does not name two stored documents")
        for key in ("jaccard", "containment"):
            value = pair.get(key)
            if not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise Failure(f"duplicate pair {a!r}-{b!r}: {key} {value!r}")

    for quote in export("quotes"):
        identifier, start, end, words = quote.get("id"), quote.get("start"), quote.get("end"), quote.get("quote")
        if identifier not in texts:
            raise Failure(f"quote of a document not stored: {identifier!r}")
        text = texts[identifier]
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise Failure(f"quote [{start}, {end}) outside {identifier!r}'s {len(text)} scalars")
        if text[start:end] != words:
            raise Failure(f"quote [{start}, {end}) of {identifier!r} is {text[start:end]!r}, export says {words!r}")

    if with_reports:
        for arguments in (["report"], ["report", "quotes"], ["report", "syndication", "--format", "csv"]):
            result = run([wiretrace] + arguments + ["--db", db], timeout)
            if result.returncode != 0:
                raise Failure(f"{' '.join(arguments)} exited {result.returncode}: {result.stderr[-500:]!r}")
    return len(texts)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--wiretrace", default=os.path.join(ROOT, ".build/release/wiretrace"))
    parser.add_argument("--data", default=os.path.join(os.path.dirname(ROOT), "shared/data"))
    parser.add_argument("--out", default=os.path.join(ROOT, ".build-fuzz-run"))
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=int, default=300, help="seconds per command")
    parser.add_argument("--singles", default="", help="'all': every document of every set alone")
    parser.add_argument("--only", default="", help="comma-separated set names")
    options = parser.parse_args()

    if not os.path.isdir(options.data):
        print(f"fuzz-run: skipped: no shared data at {options.data} (it is read at run time, never copied into the repo)")
        return 0
    if not os.access(options.wiretrace, os.X_OK):
        print(f"fuzz-run: no executable at {options.wiretrace} (swift build -c release)", file=sys.stderr)
        return 2
    wiretrace = os.path.abspath(options.wiretrace)
    only = set(filter(None, options.only.split(",")))
    os.makedirs(options.out, exist_ok=True)
    failures_dir = os.path.join(options.out, "failures")
    shutil.rmtree(failures_dir, ignore_errors=True)
    random.seed(options.seed)

    # Jobs: (set name, job name, function writing the inputs into a work dir -> input paths, reports?)
    jobs = []
    for name, relative, singles, subsets in JSONL_SETS:
        path = os.path.join(options.data, relative)
        if (only and name not in only) or not os.path.exists(path):
            if not os.path.exists(path):
                print(f"fuzz-run: {name}: {relative} not found, skipped")
            continue
        with open(path, encoding="utf-8") as handle:
            lines = [line for line in handle.read().splitlines() if line.strip()]
        indices = list(range(len(lines)))
        chosen = indices if singles is None or options.singles == "all" else sorted(random.sample(indices, min(singles, len(indices))))
        for index in chosen:
            jobs.append((name, f"{name}-line{index + 1}", [lines[index]], "jsonl", False))
        for number in range(subsets):
            size = random.choice([2, 3, 5, 8, 13, 21, 40, 80])
            picked = random.sample(lines, min(size, len(lines)))
            jobs.append((name, f"{name}-subset{number + 1}", picked, "jsonl", True))
    for name, relative, singles, subsets in PAGE_SETS:
        directory = os.path.join(options.data, relative)
        if (only and name not in only) or not os.path.isdir(directory):
            if not os.path.isdir(directory):
                print(f"fuzz-run: {name}: {relative} not found, skipped")
            continue
        pages = sorted(os.path.join(directory, page) for page in os.listdir(directory) if ".htm" in page)
        chosen = pages if options.singles == "all" else sorted(random.sample(pages, min(singles, len(pages))))
        for page in chosen:
            jobs.append((name, f"{name}-{os.path.basename(page).split('.')[0][:12]}", [page], "pages", False))
        for number in range(subsets):
            picked = random.sample(pages, min(random.choice([2, 3, 5, 8, 13, 21, 40]), len(pages)))
            jobs.append((name, f"{name}-subset{number + 1}", picked, "pages", True))

    counts = {}
    lock = threading.Lock()
    failed = []

    def execute(job):
        name, job_name, items, kind, with_reports = job
        workdir = tempfile.mkdtemp(prefix="fuzz-run-", dir=options.out)
        try:
            if kind == "jsonl":
                input_path = os.path.join(workdir, "input.jsonl")
                with open(input_path, "w", encoding="utf-8") as handle:
                    handle.write("\n".join(items) + "\n")
                inputs = [input_path]
            elif len(items) == 1:
                inputs = items  # the page itself, as a file argument
            else:
                pages = os.path.join(workdir, "pages")
                os.makedirs(pages)
                for page in items:
                    os.symlink(page, os.path.join(pages, os.path.basename(page)))
                inputs = [pages]
            error = None
            try:
                check_run(wiretrace, inputs, workdir, with_reports, options.timeout)
            except Failure as failure:
                error = str(failure)
            with lock:
                runs, failures = counts.get(name, (0, 0))
                counts[name] = (runs + 1, failures + (1 if error else 0))
                done = sum(runs for runs, _ in counts.values())
                if done % 100 == 0:
                    print(f"fuzz-run: {done} of {len(jobs)} runs, {len(failed) + (1 if error else 0)} failed", flush=True)
                if error:
                    failed.append((job_name, error))
                    print(f"FAIL {job_name}: {error}", flush=True)
            if error:
                os.makedirs(failures_dir, exist_ok=True)
                destination = os.path.join(failures_dir, job_name)
                shutil.copytree(workdir, destination, symlinks=True, dirs_exist_ok=True)
                with open(os.path.join(destination, "inputs.txt"), "w") as handle:
                    handle.write("\n".join(inputs) + "\n" + error + "\n")
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    print(f"fuzz-run: {len(jobs)} runs of {wiretrace} ({options.jobs} at a time)", flush=True)
    with concurrent.futures.ThreadPoolExecutor(max_workers=options.jobs) as pool:
        for _ in pool.map(execute, jobs):
            pass

    total_runs = sum(runs for runs, _ in counts.values())
    total_failures = sum(failures for _, failures in counts.values())
    print("\nfuzz-run summary (set: runs, failures)")
    for name in [entry[0] for entry in JSONL_SETS + PAGE_SETS]:
        if name in counts:
            runs, failures = counts[name]
            print(f"  {name}: {runs} runs, {failures} failures")
    print(f"  total: {total_runs} runs, {total_failures} failures")
    if failed:
        print(f"failing inputs kept under {failures_dir}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
