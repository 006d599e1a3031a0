import Dispatch
import WiretraceCore

/// LSH over compact signatures, kept as one 64-bit key per band per document and nothing else:
/// bands × 8 bytes per document (200 bytes at 25 bands) plus one flag byte.
///
/// Two documents are candidates when they share the key of some band. Band keys are computed by
/// the signing workers (``keys(of:banding:)``), so the signatures themselves need not be kept.
public struct BandKeyTable: Sendable {
    public let banding: LSHBanding
    /// Document-major: the keys of document d are `keys[d·bands ..< (d+1)·bands]`.
    public private(set) var keys: [UInt64] = []
    /// False for documents without shingles: they are never candidates.
    public private(set) var indexed: [Bool] = []

    public init(banding: LSHBanding) {
        self.banding = banding
    }

    /// Documents appended so far.
    public var count: Int { indexed.count }

    /// Bytes the table holds per document.
    public var bytesPerDocument: Int { banding.bands * MemoryLayout<UInt64>.stride + MemoryLayout<Bool>.stride }

    /// The band keys of a signature, or nil for an empty one.
    ///
    /// - Precondition: the signature has at least bands × rows values.
    /// - Complexity: O(b·r).
    public static func keys(of signature: CompactSignature, banding: LSHBanding) -> [UInt64]? {
        precondition(
            signature.values.count >= banding.permutationsUsed,
            "signature has \(signature.values.count) values; banding \(banding.bands) × \(banding.rows) needs \(banding.permutationsUsed)")
        guard !signature.isEmpty else { return nil }
        let rows = banding.rows
        return (0..<banding.bands).map { band in
            var key = UInt64(truncatingIfNeeded: band) &* 0x9E37_79B9_7F4A_7C15
            for value in signature.values[(band * rows)..<((band + 1) * rows)] {
                key = StableHash.mix(key ^ UInt64(value))
            }
            return key
        }
    }

    /// Appends the next document: its band keys, or nil when it has no shingles.
    public mutating func append(_ documentKeys: [UInt64]?) {
        if let documentKeys {
            precondition(documentKeys.count == banding.bands, "expected \(banding.bands) band keys, got \(documentKeys.count)")
            keys.append(contentsOf: documentKeys)
            indexed.append(true)
        } else {
            keys.append(contentsOf: repeatElement(0, count: banding.bands))
            indexed.append(false)
        }
    }

    /// Replaces the keys of document `document` (nil: no shingles, never a candidate).
    public mutating func replace(_ document: Int, with documentKeys: [UInt64]?) {
        let bands = banding.bands
        if let documentKeys {
            precondition(documentKeys.count == bands, "expected \(bands) band keys, got \(documentKeys.count)")
            keys.replaceSubrange((document * bands)..<((document + 1) * bands), with: documentKeys)
            indexed[document] = true
        } else {
            keys.replaceSubrange((document * bands)..<((document + 1) * bands), with: repeatElement(0, count: bands))
            indexed[document] = false
        }
    }

    /// Unique candidate pairs (a < b), sorted; bands are processed on up to `workers` threads.
    ///
    /// Each band's pairs go straight into partitions by their first document's range (the top
    /// bits of a); the partitions are then sorted and deduplicated independently, on up to
    /// `workers` threads, and joined in order. All pairs with a given a lie in one partition, so
    /// the joined list is the globally sorted, unique list (one serial sort of every pair was
    /// most of the candidate stage's wall time at 100k documents).
    ///
    /// - Complexity: O(b·n log n + p log p) for n documents and p pairs; a bucket of m documents
    ///   contributes m(m−1)/2 pairs.
    public func candidatePairs(workers: Int = 1) -> [DocumentPair] {
        let bands = banding.bands
        let count = self.count
        precondition(count < Int(UInt32.max), "at most \(UInt32.max - 1) documents, got \(count)")
        let documentBits = UInt64.bitWidth - UInt64(max(count - 1, 1)).leadingZeroBitCount
        // Partitions by the top bits of a: a power of two, about 8 per worker, at most one per document.
        let partitionBits = min(documentBits, workers > 1 ? Int.bitWidth - (workers * 8 - 1).leadingZeroBitCount : 0)
        let partitions = 1 << partitionBits
        let partitionShift = UInt64(32 + documentBits - partitionBits)
        // Slot band: that band's pairs, partition by partition.
        let perBand = ChunkSlots<[UInt64]>(count: bands)
        let keys = self.keys
        let indexed = self.indexed
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, bands))) { worker in
            var entries: [BandEntry] = []
            entries.reserveCapacity(count)
            var band = worker
            while band < bands {
                entries.removeAll(keepingCapacity: true)
                for document in 0..<count where indexed[document] {
                    entries.append(BandEntry(key: keys[document * bands + band], document: UInt32(document)))
                }
                Self.sortByKey(&entries)
                var pairs = [[UInt64]](repeating: [], count: partitions)
                var runStart = 0
                while runStart < entries.count {
                    var runEnd = runStart + 1
                    while runEnd < entries.count && entries[runEnd].key == entries[runStart].key { runEnd += 1 }
                    if runEnd - runStart > 1 {
                        for first in runStart..<(runEnd - 1) {
                            let high = UInt64(entries[first].document) << 32
                            let partition = Int(high &>> partitionShift)
                            for second in (first + 1)..<runEnd {
                                pairs[partition].append(high | UInt64(entries[second].document))
                            }
                        }
                    }
                    runStart = runEnd
                }
                perBand.set(band, pairs)
                band += workers
            }
        }
        let byBand = perBand.values()
        let sorted = ChunkSlots<DocumentPair>(count: partitions)
        DispatchQueue.concurrentPerform(iterations: partitions) { partition in
            var all: [UInt64] = []
            all.reserveCapacity(byBand.reduce(0) { $0 + $1[partition].count })
            for band in byBand { all.append(contentsOf: band[partition]) }
            // The partition's pairs share a's top bits: the sort skips them.
            Self.radixSortPairs(&all, documentBits: documentBits, constantTopBits: partitionBits)
            var unique: [DocumentPair] = []
            unique.reserveCapacity(all.count)
            var previous = UInt64.max
            for packed in all where packed != previous {
                previous = packed
                unique.append(DocumentPair(a: Int(packed >> 32), b: Int(packed & 0xFFFF_FFFF)))
            }
            sorted.set(partition, unique)
        }
        return sorted.values().flatMap { $0 }
    }

    /// Sorts entries by key, keeping document order among equal keys (entries arrive in
    /// document order): ``BucketSort`` on the (uniform) keys.
    ///
    /// - Complexity: O(n) for uniform keys, O(n log n) at worst.
    static func sortByKey(_ entries: inout [BandEntry]) {
        entries = entries.withUnsafeBufferPointer { entries in
            BucketSort.sorted(entries, maximumBucketBits: 20, key: \.key) {
                $0.key < $1.key || ($0.key == $1.key && $0.document < $1.document)
            }
        }
    }

    /// Sorts pairs packed as `a << 32 | b` (a, b < 2^`documentBits`) by LSD radix sort on the
    /// 2 × `documentBits` bits that can be set, 11 bits per pass; when every pair has the same top
    /// `constantTopBits` bits of a, those are not sorted on.
    ///
    /// - Complexity: O(p · ⌈(2·documentBits − constantTopBits) / 11⌉) for p pairs.
    static func radixSortPairs(_ pairs: inout [UInt64], documentBits: Int, constantTopBits: Int = 0) {
        guard pairs.count > 1 else { return }
        guard documentBits <= 32 else { pairs.sort(); return }
        let width = UInt64(documentBits)
        // Compact form: the significant bits of a and b side by side.
        var keys = pairs.map { ($0 >> 32) << width | ($0 & 0xFFFF_FFFF) }
        var scratch = [UInt64](repeating: 0, count: keys.count)
        let digitBits: UInt64 = 11
        var shift: UInt64 = 0
        while shift < 2 * width - UInt64(constantTopBits) {
            var counts = [Int](repeating: 0, count: 1 << digitBits + 1)
            let mask: UInt64 = (1 << digitBits) - 1
            for key in keys { counts[Int((key >> shift) & mask) + 1] += 1 }
            for digit in 1..<counts.count { counts[digit] += counts[digit - 1] }
            keys.withUnsafeBufferPointer { keys in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    for key in keys {
                        let digit = Int((key >> shift) & mask)
                        scratch[counts[digit]] = key
                        counts[digit] += 1
                    }
                }
            }
            swap(&keys, &scratch)
            shift += digitBits
        }
        let low: UInt64 = (1 << width) - 1
        pairs = keys.map { ($0 >> width) << 32 | ($0 & low) }
    }

    struct BandEntry {
        var key: UInt64
        var document: UInt32
    }
}
