#!/usr/bin/env python3
"""Fills a Wiretrace database with N synthetic documents and stories, for timing the review pages.

Usage: generate-large-db.py DB [N]   (DB must already exist with the current schema, e.g. made by
`wiretrace run --db DB SOMETHING`; its analysis tables are replaced). Deterministic (seeded).
Not a test: the numbers it lets one measure are reported, not asserted.
"""
import json, random, sqlite3, sys

path = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
rng = random.Random(7)
words = "harbour budget council vote minister army river storm election court strike market wire report".split()
outlets = [f"Outlet {i}" for i in range(300)]
db = sqlite3.connect(path)
db.executescript("DELETE FROM cluster_members; DELETE FROM clusters; DELETE FROM documents; DELETE FROM signatures;")
docs, clusters, members = [], [], []
i = 0
while i < n:
    size = min(n - i, rng.choice([1, 1, 1, 2, 3, 5, 8, 13]))
    cid = f"S{i:012x}"
    title = " ".join(rng.choice(words) for _ in range(7)).capitalize()
    day = rng.randrange(0, 365)
    times = sorted(f"2024-{1 + day // 31:02d}-{1 + day % 28:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00Z" for _ in range(size))
    ids = [f"gen/{i + k:07d}.html" for k in range(size)]
    used = set()
    for k, doc in enumerate(ids):
        outlet = rng.choice(outlets); used.add(outlet)
        text = " ".join(rng.choice(words) for _ in range(300))
        # The stored body: a method byte (0: kept as it is) and the UTF-8 text (see PackedBytes.swift).
        docs.append((doc, "gen", "text", None, outlet, title, times[k], None, None, "[]", b"\x00" + text.encode(), "h", 1, 1))
        role = "origin" if k == 0 else rng.choice(["copy", "excerpt", "rewrite"])
        evidence = {"link": role} if k == 0 else {"link": role, "of": ids[0], "credited": rng.random() < 0.5,
                                                  "passages": [[0, 100, 0, 100]] if role != "rewrite" else None}
        members.append((cid, doc, role, None if k == 0 else ids[0], None, json.dumps(evidence)))
    clusters.append((cid, title, size, len(used), times[0], times[-1]))
    i += size
db.executemany("INSERT INTO documents(id, source, format, url, outlet, title, published, byline, dateline, credits, body, "
               "content_hash, first_run, last_run) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", docs)
db.executemany("INSERT INTO clusters VALUES (?,?,?,?,?,?)", clusters)
db.executemany("INSERT INTO cluster_members VALUES (?,?,?,?,?,?)", members)
db.commit()
print(f"{len(docs)} documents, {len(clusters)} stories, {sum(1 for c in clusters if c[2] >= 2)} with 2+ documents")
