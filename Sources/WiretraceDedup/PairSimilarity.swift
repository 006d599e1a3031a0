/// Exact similarity of two shingle sets.
public struct PairSimilarity: Sendable, Hashable, Codable {
    /// Shingles in both sets.
    public var intersection: Int
    public var sizeA: Int
    public var sizeB: Int
    /// |A ∩ B| / |A ∪ B|; 0 when both are empty.
    public var jaccard: Double
    /// |A ∩ B| / min(|A|, |B|): the share of the smaller text found in the larger; 0 when either
    /// is empty.
    public var containment: Double
    /// |A ∩ B| / |A|: the share of A found in B.
    public var aInB: Double
    /// |A ∩ B| / |B|: the share of B found in A.
    public var bInA: Double

    public init(intersection: Int, sizeA: Int, sizeB: Int) {
        self.intersection = intersection
        self.sizeA = sizeA
        self.sizeB = sizeB
        let union = sizeA + sizeB - intersection
        jaccard = union > 0 ? Double(intersection) / Double(union) : 0
        let smaller = min(sizeA, sizeB)
        containment = smaller > 0 ? Double(intersection) / Double(smaller) : 0
        aInB = sizeA > 0 ? Double(intersection) / Double(sizeA) : 0
        bInA = sizeB > 0 ? Double(intersection) / Double(sizeB) : 0
    }

    /// Exact similarity of two sorted, unique shingle sets (merge walk).
    ///
    /// - Precondition: both arrays are sorted ascending without repeats (as ``Shingler`` gives).
    /// - Complexity: O(m + n)
    public static func exact(_ a: [UInt64], _ b: [UInt64]) -> PairSimilarity {
        var i = 0
        var j = 0
        var common = 0
        while i < a.count && j < b.count {
            let x = a[i]
            let y = b[j]
            if x == y {
                common += 1
                i += 1
                j += 1
            } else if x < y {
                i += 1
            } else {
                j += 1
            }
        }
        return PairSimilarity(intersection: common, sizeA: a.count, sizeB: b.count)
    }
}

/// A candidate pair that passed exact verification, with its evidence.
public struct VerifiedPair: Sendable, Hashable {
    public var a: Int
    public var b: Int
    public var similarity: PairSimilarity

    public init(a: Int, b: Int, similarity: PairSimilarity) {
        self.a = a
        self.b = b
        self.similarity = similarity
    }
}
