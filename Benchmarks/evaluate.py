#!/usr/bin/env python3
"""Pair precision and recall of near-duplicate groups against the exact-Jaccard truth.

    evaluate.py TRUTH GROUPS [--threshold 0.5]  ->  prints "precision recall truth_pairs reported_pairs"

Truth: the connected components of the graph of document pairs with exact Jaccard >= threshold
(from generate_corpus.py). Reported: the groups file (`{"group", "members"}` lines). A pair counts
when both documents are in one group; precision = shared / reported pairs, recall = shared / truth
pairs. Grouping is transitive for every contender and for the truth alike.
"""
import argparse
import itertools
import json


def component_pairs(edges):
    parent = {}

    def find(a):
        parent.setdefault(a, a)
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups = {}
    for node in list(parent):
        groups.setdefault(find(node), []).append(node)
    return group_pairs(groups.values())


def group_pairs(groups):
    pairs = set()
    for members in groups:
        pairs.update(itertools.combinations(sorted(members), 2))
    return pairs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("truth")
    parser.add_argument("groups")
    parser.add_argument("--threshold", type=float, default=0.5)
    args = parser.parse_args()
    edges = []
    with open(args.truth) as lines:
        for line in lines:
            record = json.loads(line)
            if record["jaccard"] >= args.threshold:
                edges.append((record["a"], record["b"]))
    truth = component_pairs(edges)
    with open(args.groups) as lines:
        reported = group_pairs(json.loads(line)["members"] for line in lines if line.strip())
    shared = len(truth & reported)
    precision = shared / len(reported) if reported else 1.0
    recall = shared / len(truth) if truth else 1.0
    print("%.4f %.4f %d %d" % (precision, recall, len(truth), len(reported)))


if __name__ == "__main__":
    main()
