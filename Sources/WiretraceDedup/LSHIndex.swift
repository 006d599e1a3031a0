/// Two documents, by index, with `a < b`.
public struct DocumentPair: Sendable, Hashable, Comparable {
    public var a: Int
    public var b: Int

    /// A pair in canonical order (the smaller index first).
    public init(_ first: Int, _ second: Int) {
        a = min(first, second)
        b = max(first, second)
    }

    public init(a: Int, b: Int) {
        self.init(a, b)
    }

    public static func < (lhs: DocumentPair, rhs: DocumentPair) -> Bool {
        (lhs.a, lhs.b) < (rhs.a, rhs.b)
    }
}

/// Locality-sensitive hashing over MinHash signatures: documents that agree on every row of some
/// band become candidate pairs.
///
/// Each band keeps (band key, document) entries; ``candidatePairs()`` sorts each band and pairs
/// the documents of every run of equal keys. Empty signatures (empty texts) are not indexed.
public struct LSHIndex: Sendable {
    public let banding: LSHBanding
    private var bandEntries: [[BandEntry]]

    private struct BandEntry: Sendable, Comparable {
        var key: UInt64
        var document: Int
        static func < (lhs: BandEntry, rhs: BandEntry) -> Bool { (lhs.key, lhs.document) < (rhs.key, rhs.document) }
    }

    public init(banding: LSHBanding) {
        self.banding = banding
        bandEntries = Array(repeating: [], count: banding.bands)
    }

    /// Indexes `document` under each band of its signature.
    ///
    /// - Precondition: the signature has at least bands × rows values.
    /// - Complexity: O(b·r).
    public mutating func insert(_ document: Int, signature: MinHashSignature) {
        guard let keys = Self.bandKeys(of: signature, banding: banding) else { return }
        for (band, key) in keys.enumerated() {
            bandEntries[band].append(BandEntry(key: key, document: document))
        }
    }

    /// The key of each band of a signature (what ``insert(_:signature:)`` indexes), or nil for an
    /// empty signature, which is never a candidate. Stable across runs and processes, so the keys
    /// can be stored and looked up later (the store's band index).
    ///
    /// - Precondition: the signature has at least bands × rows values.
    /// - Complexity: O(b·r).
    public static func bandKeys(of signature: MinHashSignature, banding: LSHBanding) -> [UInt64]? {
        let rows = banding.rows
        precondition(
            signature.values.count >= banding.permutationsUsed,
            "signature has \(signature.values.count) values; banding \(banding.bands) × \(rows) needs \(banding.permutationsUsed)")
        guard !signature.isEmpty else { return nil }
        return (0..<banding.bands).map { band in
            var key = UInt64(truncatingIfNeeded: band) &* 0x9E37_79B9_7F4A_7C15
            for value in signature.values[(band * rows)..<((band + 1) * rows)] {
                key = StableHash.mix(key ^ value)
            }
            return key
        }
    }

    /// Unique candidate pairs (a < b), sorted.
    ///
    /// - Complexity: O(b·n log n + p log p) for n documents and p pairs; a band bucket of m
    ///   documents contributes m(m−1)/2 pairs.
    public func candidatePairs() -> [DocumentPair] {
        var pairs: [DocumentPair] = []
        for entries in bandEntries {
            let sorted = entries.sorted()
            var runStart = 0
            while runStart < sorted.count {
                var runEnd = runStart + 1
                while runEnd < sorted.count && sorted[runEnd].key == sorted[runStart].key { runEnd += 1 }
                if runEnd - runStart > 1 {
                    for first in runStart..<(runEnd - 1) {
                        for second in (first + 1)..<runEnd where sorted[first].document != sorted[second].document {
                            pairs.append(DocumentPair(sorted[first].document, sorted[second].document))
                        }
                    }
                }
                runStart = runEnd
            }
        }
        pairs.sort()
        var unique: [DocumentPair] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last != pair { unique.append(pair) }
        return unique
    }
}
