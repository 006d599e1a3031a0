import WiretraceCore

/// Finds near-duplicate pairs and groups: LSH candidates over MinHash signatures, verified on
/// the exact shingle sets.
public struct DuplicateFinder: Sendable {
    public let configuration: DedupConfiguration

    /// The lowest Jaccard similarity the derived banding aims to catch, whatever the threshold.
    ///
    /// Excerpts have low Jaccard: a text that is a share ρ of a longer one and lies inside it
    /// with containment c has J = cρ / (1 + ρ − cρ). The first 30% of a story, wholly contained,
    /// has J ≈ 0.30; at containment 0.8 a 30% excerpt has J ≈ 0.23. Banding tuned for the Jaccard
    /// threshold (0.5) would almost never propose such pairs, so candidates are generated for
    /// J ≥ 0.2 — fully contained excerpts down to a fifth of the longer text, 0.8-contained ones
    /// down to about a quarter — and exact verification decides. The price is more candidates to
    /// verify, each O(m + n).
    public static let containmentCandidateFloor = 0.2

    /// The LSH banding: `bands` × `rows` from the configuration when both are given, otherwise
    /// ``LSHBanding/optimal(threshold:permutations:falsePositiveWeight:falseNegativeWeight:)``
    /// for min(threshold, ``containmentCandidateFloor``) — see the floor for why. With the
    /// defaults (threshold 0.5, 128 permutations) that is 28 bands × 2 rows: pairs of Jaccard
    /// 0.3 become candidates with probability 0.93, pairs of 0.5 with 0.9997.
    public let banding: LSHBanding

    /// - Precondition: the configuration is valid (see ``DedupConfiguration/validate()``).
    public init(configuration: DedupConfiguration) {
        self.configuration = configuration
        if let bands = configuration.bands, let rows = configuration.rows {
            banding = LSHBanding(bands: bands, rows: rows)
        } else {
            banding = LSHBanding.optimal(
                threshold: min(configuration.threshold, Self.containmentCandidateFloor),
                permutations: configuration.permutations)
        }
    }

    /// True when an exact similarity makes the pair a near-duplicate: Jaccard at or above the
    /// threshold, or containment at or above the containment threshold while the smaller text has
    /// at least `minimumShingles` shingles.
    public func accepts(_ similarity: PairSimilarity) -> Bool {
        if similarity.jaccard >= configuration.threshold && similarity.intersection > 0 { return true }
        return min(similarity.sizeA, similarity.sizeB) >= configuration.minimumShingles
            && similarity.containment >= configuration.containmentThreshold
    }

    /// A lower bound on the intersection a pair of sets of these sizes needs to be accepted
    /// (one below the smallest exact value, so rounding cannot reject an accepted pair). For
    /// ``PairSimilarity/exact(_:_:unlessBelow:)``; ``accepts(_:)`` still decides.
    public func minimumIntersection(sizeA: Int, sizeB: Int) -> Int {
        // Jaccard c / (m + n − c) ≥ t  ⇔  c ≥ t·(m + n) / (1 + t).
        let threshold = configuration.threshold
        var needed = max(1, Int((threshold * Double(sizeA + sizeB) / (1 + threshold)).rounded(.down)) - 1)
        if min(sizeA, sizeB) >= configuration.minimumShingles {
            needed = min(needed, max(0, Int((configuration.containmentThreshold * Double(min(sizeA, sizeB))).rounded(.down)) - 1))
        }
        return needed
    }

    /// Candidates from LSH over the signatures, verified on the exact shingle sets.
    ///
    /// `shingles(i)` must return document i's sorted unique shingles (as ``Shingler`` gives); it
    /// is called once per candidate pair for the second document and once per run of pairs for
    /// the first. Pairs come out sorted by (a, b).
    ///
    /// - Complexity: O(LSH) + O(m + n) per candidate pair.
    public func verifiedPairs(signatures: [MinHashSignature], shingles: (Int) -> [UInt64]) -> [VerifiedPair] {
        var index = LSHIndex(banding: banding)
        for (document, signature) in signatures.enumerated() {
            index.insert(document, signature: signature)
        }
        var verified: [VerifiedPair] = []
        var currentA = -1
        var shinglesA: [UInt64] = []
        for pair in index.candidatePairs() {
            if pair.a != currentA {
                currentA = pair.a
                shinglesA = shingles(pair.a)
            }
            let similarity = PairSimilarity.exact(shinglesA, shingles(pair.b))
            if accepts(similarity) {
                verified.append(VerifiedPair(a: pair.a, b: pair.b, similarity: similarity))
            }
        }
        return verified
    }

    /// Near-duplicate groups (size ≥ 2) from verified pairs: connected components, each sorted,
    /// groups sorted by first member.
    ///
    /// - Complexity: O((n + p) α(n)) for n documents and p pairs.
    public func groups(documentCount: Int, pairs: [VerifiedPair]) -> [[Int]] {
        var sets = UnionFind(count: documentCount)
        for pair in pairs { sets.union(pair.a, pair.b) }
        return sets.groups()
    }
}
