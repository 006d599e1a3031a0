#!/usr/bin/env python3
"""The peers' whole dedup path, JSONL in, near-duplicate groups out, as `wiretrace dedup` writes.

    peers.py {datasketch,rensa} CORPUS OUT [--processes 2] [--threshold 0.5] [--permutations 128]
             [--bands B --rows R]

Each worker process reads its share of the lines, tokenises with Wiretrace's normal form for the
corpus (lowercase, apostrophes deleted, runs of ASCII letters and digits), builds 5-word shingles
and signs them; the parent inserts every signature into the peer's own LSH index, queries each
document, and unions the candidates into groups (the peers do not verify candidates on exact
sets; this is their usual use). Output: one {"group", "members"} JSONL line per group of two or
more documents, members sorted, groups by first member.
"""
import argparse
import json
import multiprocessing
import re
import sys

TOKEN = re.compile(r"[a-z0-9]+")


def shingle_strings(text, k):
    words = TOKEN.findall(text.lower().replace("'", "").replace("\u2019", "").replace("\u2018", "").replace("\u02bc", ""))
    if not words:
        return []
    if len(words) < k:
        return [" ".join(words)]
    return list({" ".join(words[i:i + k]) for i in range(len(words) - k + 1)})


def read_share(path, share, shares):
    ids, texts = [], []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number % shares != share or not line.strip():
                continue
            record = json.loads(line)
            ids.append(str(record["id"]))
            texts.append(record.get("text") or "")
    return ids, texts


def sign_rensa(job):
    import rensa
    path, share, shares, k, permutations = job
    ids, texts = read_share(path, share, shares)
    minhashes = rensa.RMinHash.from_token_sets([shingle_strings(t, k) for t in texts], permutations, 42)
    return ids, minhashes


def sign_datasketch(job):
    from datasketch import MinHash
    path, share, shares, k, permutations = job
    ids, texts = read_share(path, share, shares)
    signatures = []
    for text in texts:
        m = MinHash(num_perm=permutations, seed=1)
        m.update_batch([s.encode("utf-8") for s in shingle_strings(text, k)])
        signatures.append(m.hashvalues)
    return ids, signatures


class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))

    def find(self, a):
        parent = self.parent
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("peer", choices=("datasketch", "rensa"))
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--permutations", type=int, default=128)
    parser.add_argument("--shingle", type=int, default=5)
    parser.add_argument("--bands", type=int)
    parser.add_argument("--rows", type=int)
    args = parser.parse_args()

    jobs = [(args.corpus, share, args.processes, args.shingle, args.permutations) for share in range(args.processes)]
    sign = sign_rensa if args.peer == "rensa" else sign_datasketch
    if args.processes > 1:
        with multiprocessing.get_context("fork").Pool(args.processes) as pool:
            parts = pool.map(sign, jobs)
    else:
        parts = [sign(jobs[0])]
    ids = [i for part_ids, _ in parts for i in part_ids]
    signatures = [s for _, part_signatures in parts for s in part_signatures]

    candidates = []
    if args.peer == "rensa":
        import rensa
        bands = args.bands or 16
        lsh = rensa.RMinHashLSH(args.threshold, args.permutations, bands)
        lsh.insert_many(signatures)
        for key, found in enumerate(lsh.query_all(signatures)):
            candidates.append(found)
    else:
        from datasketch import MinHash, MinHashLSH
        params = (args.bands, args.rows) if args.bands and args.rows else None
        lsh = MinHashLSH(threshold=args.threshold, num_perm=args.permutations, params=params)
        minhashes = [MinHash(num_perm=args.permutations, seed=1, hashvalues=h, scheme="affine32") for h in signatures]
        with lsh.insertion_session() as session:
            for key, m in enumerate(minhashes):
                session.insert(key, m, check_duplication=False)
        for m in minhashes:
            candidates.append(lsh.query(m))

    sets = UnionFind(len(ids))
    for key, found in enumerate(candidates):
        for other in found:
            if other != key:
                sets.union(key, other)
    groups = {}
    for key in range(len(ids)):
        groups.setdefault(sets.find(key), []).append(ids[key])
    result = sorted(sorted(members) for members in groups.values() if len(members) > 1)
    with open(args.out, "w") as out:
        for number, members in enumerate(result, 1):
            out.write(json.dumps({"group": number, "members": members}) + "\n")
    print("%s: %d documents, %d groups" % (args.peer, len(ids), len(result)), file=sys.stderr)


if __name__ == "__main__":
    main()
