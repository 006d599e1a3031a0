#!/usr/bin/env python3
"""Exits 0 when two dedup group outputs hold exactly the same groups, 1 (with the differences)
otherwise.

    python3 pipelines/spark/compare_groups.py EXPECTED ACTUAL

Each side is a `wiretrace dedup` output file or a directory of JSONL part files (the Spark job's
`groups.jsonl/`): one {"group", "members"} object per line. Groups are compared as sets of
member sets, and their numbering (by first member) must agree too.
"""
import json
import os
import sys


def load(path):
    files = [path]
    if os.path.isdir(path):
        files = sorted(os.path.join(path, name) for name in os.listdir(path)
                       if not name.startswith((".", "_")) and not name.endswith(".crc"))
    groups = {}
    for file in files:
        with open(file, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                record = json.loads(line)
                members = tuple(sorted(record["members"]))
                if len(members) < 2 or len(set(members)) != len(members):
                    sys.exit(f"{file} line {number}: a group needs two or more distinct members")
                groups[record["group"]] = members
    return groups


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    expected, actual = load(sys.argv[1]), load(sys.argv[2])
    expected_sets, actual_sets = set(expected.values()), set(actual.values())
    missing, extra = expected_sets - actual_sets, actual_sets - expected_sets
    documents = sum(len(group) for group in expected_sets)
    if missing or extra:
        print(f"groups differ: {len(expected_sets)} expected, {len(actual_sets)} found; "
              f"{len(missing)} missing, {len(extra)} unexpected", file=sys.stderr)
        for group in sorted(missing)[:5]:
            print(f"  missing:    {list(group)}", file=sys.stderr)
        for group in sorted(extra)[:5]:
            print(f"  unexpected: {list(group)}", file=sys.stderr)
        return 1
    if expected != actual:
        print("same groups, numbered differently", file=sys.stderr)
        return 1
    print(f"identical: {len(expected_sets)} groups, {documents} documents in them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
