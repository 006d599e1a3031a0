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

    /// The same similarity with A and B exchanged.
    public var swapped: PairSimilarity { PairSimilarity(intersection: intersection, sizeA: sizeB, sizeB: sizeA) }

    /// Exact similarity of two sorted, unique shingle sets (merge walk).
    ///
    /// - Precondition: both arrays are sorted ascending without repeats (as ``Shingler`` gives).
    /// - Complexity: O(m + n)
    public static func exact(_ a: [UInt64], _ b: [UInt64]) -> PairSimilarity {
        // Branch-free merge walk: each step advances the side(s) holding the smaller value, so
        // the loop carries no data-dependent branch (the comparisons of random hashes are
        // unpredictable).
        let common = a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0
                var j = 0
                var common = 0
                while i < a.count && j < b.count {
                    let x = a[i]
                    let y = b[j]
                    i &+= x <= y ? 1 : 0
                    j &+= y <= x ? 1 : 0
                    common &+= x == y ? 1 : 0
                }
                return common
            }
        }
        return PairSimilarity(intersection: common, sizeA: a.count, sizeB: b.count)
    }

    /// ``exact(_:_:)``, or nil as soon as the intersection is certain to stay below `needed`
    /// (checked every 64 steps of the walk): for candidate pairs that cannot be accepted, most
    /// of the walk is skipped. When it returns a value, the value is exact.
    ///
    /// - Complexity: O(m + n) at most.
    public static func exact(_ a: [UInt64], _ b: [UInt64], unlessBelow needed: Int) -> PairSimilarity? {
        guard min(a.count, b.count) >= needed else { return nil }
        let common: Int? = a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var i = 0
                var j = 0
                var common = 0
                while i < a.count && j < b.count {
                    let stop = min(64, a.count - i, b.count - j)  // steps that cannot overrun either set
                    for _ in 0..<stop {
                        let x = a[i]
                        let y = b[j]
                        i &+= x <= y ? 1 : 0
                        j &+= y <= x ? 1 : 0
                        common &+= x == y ? 1 : 0
                    }
                    if common + min(a.count - i, b.count - j) < needed { return nil }
                }
                return common
            }
        }
        return common.map { PairSimilarity(intersection: $0, sizeA: a.count, sizeB: b.count) }
    }

    /// The same similarity by set intersection, as plainly as possible: the reference the
    /// branch-free ``exact(_:_:)`` is tested against.
    ///
    /// - Complexity: O(m + n) expected
    public static func referenceExact(_ a: [UInt64], _ b: [UInt64]) -> PairSimilarity {
        PairSimilarity(intersection: Set(a).intersection(Set(b)).count, sizeA: a.count, sizeB: b.count)
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
