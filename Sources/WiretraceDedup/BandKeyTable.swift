import Dispatch
import Foundation
import WiretraceCore

/// LSH over compact signatures, kept as one 64-bit key per band per document and nothing else:
/// bands × 8 bytes per document (200 bytes at 25 bands) plus one flag byte.
///
/// Two documents are candidates when they share the key of some band. Band keys are computed by
/// the signing workers (``keys(of:banding:)``), so the signatures themselves need not be kept.
public struct BandKeyTable: Sendable {
    public let banding: LSHBanding
    /// The keys in blocks of ``blockDocuments`` documents, band-major inside a block: the key of
    /// band k of document d is `blocks[d / B][k·B + d % B]`. A block is allocated once at its
    /// full size (the last block holds room for up to 4,095 more documents), so appending never
    /// copies the keys already held (one growing array was copied, to fresh pages, at every
    /// doubling), and one band's keys lie together for the candidate stage.
    private var blocks: [[UInt64]] = []
    /// False for documents without shingles: they are never candidates.
    public private(set) var indexed: [Bool] = []

    /// Documents per block of keys.
    static let blockDocuments = 4096

    public init(banding: LSHBanding) {
        self.banding = banding
    }

    /// Documents appended so far.
    public var count: Int { indexed.count }

    /// Bytes the table holds per document.
    public var bytesPerDocument: Int { banding.bands * MemoryLayout<UInt64>.stride + MemoryLayout<Bool>.stride }

    /// The band keys of document `document` (zeros for one without shingles).
    public func keys(of document: Int) -> [UInt64] {
        let block = blocks[document / Self.blockDocuments]
        let column = document % Self.blockDocuments
        return (0..<banding.bands).map { block[$0 * Self.blockDocuments + column] }
    }

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
        if count % Self.blockDocuments == 0 {
            blocks.append([UInt64](repeating: 0, count: banding.bands * Self.blockDocuments))
        }
        indexed.append(false)
        replace(count - 1, with: documentKeys)
    }

    /// Replaces the keys of document `document` (nil: no shingles, never a candidate).
    public mutating func replace(_ document: Int, with documentKeys: [UInt64]?) {
        let bands = banding.bands
        if let documentKeys {
            precondition(documentKeys.count == bands, "expected \(bands) band keys, got \(documentKeys.count)")
        }
        let column = document % Self.blockDocuments
        blocks[document / Self.blockDocuments].withUnsafeMutableBufferPointer { block in
            for band in 0..<bands { block[band * Self.blockDocuments + column] = documentKeys?[band] ?? 0 }
        }
        indexed[document] = documentKeys != nil
    }

    /// Unique candidate pairs (a < b), sorted; bands are processed on up to `workers` threads.
    ///
    /// Each band's pairs go straight into partitions by their first document's range (the top
    /// bits of a), each partition's array sized exactly beforehand; the partitions are then
    /// sorted and deduplicated independently, on up to `workers` threads, and copied into the
    /// result in order. All pairs with a given a lie in one partition, so the joined list is the
    /// globally sorted, unique list (one serial sort of every pair was most of the candidate
    /// stage's wall time at 100k documents).
    ///
    /// Memory: every pair a band proposes (8 bytes each) until its partition is sorted, then
    /// released partition by partition; a partition sorts with one scratch array of its own size
    /// (``sortedUniquePairs(_:documentBits:constantTopBits:)``), and the result is written once.
    /// Fresh memory is what this stage pays for at 100k documents (the kernel zeroes every new
    /// page), so no array is copied whole.
    ///
    /// - Complexity: O(b·n log n + p log p) for n documents and p pairs; a bucket of m documents
    ///   contributes m(m−1)/2 pairs.
    public func candidatePairs(workers: Int = 1) -> [DocumentPair] {
        candidatePairs(workers: workers) { DocumentPair(a: Int($0 >> 32), b: Int($0 & 0xFFFF_FFFF)) }
    }

    /// ``candidatePairs(workers:)`` packed as `a << 32 | b`: 8 bytes a pair instead of 16 (at 1M
    /// documents of news text, 397M pairs: 3.2 GB instead of 6.4).
    public func packedCandidatePairs(workers: Int = 1) -> [UInt64] {
        candidatePairs(workers: workers) { $0 }
    }

    /// ``packedCandidatePairs(workers:)`` with the proposals made in rounds of at most
    /// `roundPairs` (``candidatePairsInRounds``) whatever the table's size. For tests.
    func packedCandidatePairs(workers: Int, roundPairs: Int) -> [UInt64] {
        candidatePairs(workers: workers, roundPairs: roundPairs) { $0 }
    }

    /// Tables of at least this many documents make their candidates in rounds
    /// (``candidatePairsInRounds``); smaller ones hold every band's proposals at once.
    static let roundsFromDocuments = 1 << 18
    /// Proposed pairs (repeats across bands included) held at once by a round: 128Mi pairs, 1 GiB.
    static let defaultRoundPairs = 128 << 20

    /// The candidate pairs, each made by `make` from its packed form `a << 32 | b`.
    private func candidatePairs<Pair>(workers: Int, roundPairs: Int? = nil, _ make: @Sendable (UInt64) -> Pair) -> [Pair] {
        let bands = banding.bands
        let count = self.count
        precondition(count < Int(UInt32.max), "at most \(UInt32.max - 1) documents, got \(count)")
        let documentBits = UInt64.bitWidth - UInt64(max(count - 1, 1)).leadingZeroBitCount
        let roundLimit = roundPairs ?? (count >= Self.roundsFromDocuments ? Self.defaultRoundPairs : nil)
        // Partitions by the top bits of a: a power of two, about 8 per worker (at least 64 when
        // made in rounds, so that a round can stop short of the limit), at most one per document.
        let perWorker = workers > 1 ? Int.bitWidth - (workers * 8 - 1).leadingZeroBitCount : 0
        let partitionBits = min(documentBits, roundLimit == nil ? perWorker : max(perWorker, 6))
        let partitions = 1 << partitionBits
        let partitionShift = 32 + documentBits - partitionBits
        let sorted: PartitionedPairs
        if let roundLimit {
            sorted = candidatePairsInRounds(
                workers: workers, documentBits: documentBits, partitionBits: partitionBits, roundPairs: roundLimit)
        } else {
            sorted = candidatePairsAtOnce(workers: workers, documentBits: documentBits, partitionBits: partitionBits)
        }
        let offsets = (0..<partitions).reduce(into: [0]) { offsets, partition in
            offsets.append(offsets[partition] + sorted.count(partition))
        }
        let total = offsets[partitions]
        return [Pair](unsafeUninitializedCapacity: total) { result, initialized in
            let target = UncheckedPairs(buffer: result)
            DispatchQueue.concurrentPerform(iterations: partitions) { partition in
                var index = offsets[partition]
                for packed in sorted.take(partition).joined() {
                    (target.buffer.baseAddress! + index).initialize(to: make(packed))
                    index += 1
                }
            }
            initialized = total
        }
    }

    /// One band's entries (key, document) of the indexed documents, in document order.
    private func bandEntries(_ band: Int, into entries: inout [BandEntry]) {
        entries.removeAll(keepingCapacity: true)
        for (blockIndex, block) in blocks.enumerated() {
            let first = blockIndex * Self.blockDocuments
            let row = band * Self.blockDocuments
            for column in 0..<min(Self.blockDocuments, count - first) where indexed[first + column] {
                entries.append(BandEntry(key: block[row + column], document: UInt32(first + column)))
            }
        }
    }

    /// The candidate stage of a large table, in rounds: every band's entries are sorted once and
    /// kept (16 bytes a document a band), its proposals counted per partition; then partitions
    /// are taken in rounds whose proposals total at most `roundPairs` (a partition alone may pass
    /// it), each round making only its partitions' proposals from the kept entries and sorting
    /// them. At 1M documents of news text every band's proposals held at once were 7.5 GiB.
    /// The same pairs as ``candidatePairsAtOnce``: each partition gets the same proposals.
    private func candidatePairsInRounds(workers: Int, documentBits: Int, partitionBits: Int, roundPairs: Int) -> PartitionedPairs {
        let bands = banding.bands
        let partitions = 1 << partitionBits
        let partitionShift = 32 + documentBits - partitionBits
        let entrySlots = ChunkSlots<BandEntry>(count: bands)
        let sizeSlots = ChunkSlots<Int>(count: bands)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, bands))) { worker in
            var band = worker
            while band < bands {
                var entries: [BandEntry] = []
                bandEntries(band, into: &entries)
                Self.sortByKey(&entries)
                var sizes = [Int](repeating: 0, count: partitions)
                Self.forEachRun(entries) { runStart, runEnd in
                    for first in runStart..<(runEnd - 1) {
                        sizes[Int(entries[first].document) &>> (partitionShift - 32)] += runEnd - first - 1
                    }
                }
                entrySlots.set(band, entries)
                sizeSlots.set(band, sizes)
                band += workers
            }
        }
        let sortedBands = entrySlots.values()
        let sizes = sizeSlots.values()
        var rounds: [Range<Int>] = []
        var roundStart = 0
        var held = 0
        for partition in 0..<partitions {
            let proposals = sizes.reduce(0) { $0 + $1[partition] }
            if partition > roundStart && held + proposals > roundPairs {
                rounds.append(roundStart..<partition)
                roundStart = partition
                held = 0
            }
            held += proposals
        }
        rounds.append(roundStart..<partitions)
        let sorted = PartitionedPairs(partitions: partitions)
        for round in rounds {
            let proposed = PartitionedPairs(partitions: partitions)
            DispatchQueue.concurrentPerform(iterations: max(1, min(workers, bands))) { worker in
                var band = worker
                while band < bands {
                    let entries = sortedBands[band]
                    var pairs = (0..<partitions).map { partition -> [UInt64] in
                        var pairs: [UInt64] = []
                        if round.contains(partition) { pairs.reserveCapacity(sizes[band][partition]) }
                        return pairs
                    }
                    Self.forEachRun(entries) { runStart, runEnd in
                        for first in runStart..<(runEnd - 1) {
                            let high = UInt64(entries[first].document) << 32
                            let partition = Int(high &>> UInt64(partitionShift))
                            guard round.contains(partition) else { continue }
                            for second in (first + 1)..<runEnd {
                                pairs[partition].append(high | UInt64(entries[second].document))
                            }
                        }
                    }
                    proposed.add(pairs)
                    band += workers
                }
            }
            DispatchQueue.concurrentPerform(iterations: round.count) { index in
                let partition = round.lowerBound + index
                let unique = Self.sortedUniquePairs(
                    proposed.take(partition), documentBits: documentBits, constantTopBits: partitionBits)
                sorted.add(unique, to: partition)
            }
        }
        return sorted
    }

    /// Every band's proposals made and held at once, then sorted partition by partition.
    private func candidatePairsAtOnce(workers: Int, documentBits: Int, partitionBits: Int) -> PartitionedPairs {
        let bands = banding.bands
        let count = self.count
        let partitions = 1 << partitionBits
        let partitionShift = 32 + documentBits - partitionBits
        // Each band's pairs, partition by partition, handed over as the band finishes.
        let proposed = PartitionedPairs(partitions: partitions)
        DispatchQueue.concurrentPerform(iterations: max(1, min(workers, bands))) { worker in
            var entries: [BandEntry] = []
            entries.reserveCapacity(count)
            var sizes = [Int](repeating: 0, count: partitions)
            var band = worker
            while band < bands {
                bandEntries(band, into: &entries)
                Self.sortByKey(&entries)
                // Runs of equal keys, first counted per partition (so each array is allocated
                // once at its size), then emitted.
                for partition in 0..<partitions { sizes[partition] = 0 }
                Self.forEachRun(entries) { runStart, runEnd in
                    for first in runStart..<(runEnd - 1) {
                        sizes[Int(entries[first].document) &>> (partitionShift - 32)] += runEnd - first - 1
                    }
                }
                var pairs = sizes.map { size -> [UInt64] in
                    var pairs: [UInt64] = []
                    pairs.reserveCapacity(size)
                    return pairs
                }
                Self.forEachRun(entries) { runStart, runEnd in
                    for first in runStart..<(runEnd - 1) {
                        let high = UInt64(entries[first].document) << 32
                        let partition = Int(high &>> UInt64(partitionShift))
                        for second in (first + 1)..<runEnd {
                            pairs[partition].append(high | UInt64(entries[second].document))
                        }
                    }
                }
                proposed.add(pairs)
                band += workers
            }
        }
        // Sorted and deduplicated partition by partition (a partition's band arrays are released
        // as soon as it is sorted), then copied into the result at each partition's offset.
        let sorted = PartitionedPairs(partitions: partitions)
        DispatchQueue.concurrentPerform(iterations: partitions) { partition in
            // The partition's pairs share a's top bits: the sort skips them.
            let unique = Self.sortedUniquePairs(
                proposed.take(partition), documentBits: documentBits, constantTopBits: partitionBits)
            sorted.add(unique, to: partition)
        }
        return sorted
    }

    /// Calls `body(start, end)` for every run of two or more entries with the same key.
    @inline(__always)
    private static func forEachRun(_ entries: [BandEntry], _ body: (Int, Int) -> Void) {
        var runStart = 0
        while runStart < entries.count {
            var runEnd = runStart + 1
            while runEnd < entries.count && entries[runEnd].key == entries[runStart].key { runEnd += 1 }
            if runEnd - runStart > 1 { body(runStart, runEnd) }
            runStart = runEnd
        }
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
        pairs = radixSorted([pairs], documentBits: documentBits, constantTopBits: constantTopBits, unique: false)
    }

    /// The pairs of all `lists` (packed as `a << 32 | b`, a, b < 2^`documentBits`, every a with
    /// the same top `constantTopBits` bits), sorted, repeats removed.
    ///
    /// - Complexity: O(p · ⌈(2·documentBits − constantTopBits) / 11⌉) for p pairs in all.
    static func sortedUniquePairs(_ lists: [[UInt64]], documentBits: Int, constantTopBits: Int = 0) -> [UInt64] {
        radixSorted(lists, documentBits: documentBits, constantTopBits: constantTopBits, unique: true)
    }

    /// LSD radix sort, 11 bits per pass, of the pairs of `lists` in a compact form (the
    /// significant bits of a and b side by side): one reading of the lists counts every pass's
    /// digits, the first pass scatters straight from the lists, the passes alternate between the
    /// result and one scratch array so that the last lands in the result, and the packed form is
    /// restored in place (repeats dropped when `unique`).
    private static func radixSorted(_ lists: [[UInt64]], documentBits: Int, constantTopBits: Int, unique: Bool) -> [UInt64] {
        let total = lists.reduce(0) { $0 + $1.count }
        guard documentBits <= 32 else {
            var all = Array(lists.joined())
            all.sort()
            if unique { all = Shingler.uniqued(sorted: all) }
            return all
        }
        guard total > 0 else { return [] }
        let width = UInt64(documentBits)
        let low: UInt64 = (1 << width) - 1
        let digitBits: UInt64 = 11
        let mask: UInt64 = (1 << digitBits) - 1
        let significant = 2 * width - UInt64(constantTopBits)
        let passes = Int((significant + digitBits - 1) / digitBits)
        @inline(__always) func compact(_ packed: UInt64) -> UInt64 { (packed >> 32) << width | (packed & low) }
        // Every pass's digit counts, then each digit's first place (exclusive prefix sums).
        var next = [Int](repeating: 0, count: passes << digitBits)
        for list in lists {
            for packed in list {
                let key = compact(packed)
                for pass in 0..<passes { next[pass << digitBits | Int((key >> (UInt64(pass) * digitBits)) & mask)] += 1 }
            }
        }
        for pass in 0..<passes {
            var start = 0
            for digit in (pass << digitBits)..<((pass + 1) << digitBits) {
                let size = next[digit]
                next[digit] = start
                start += size
            }
        }
        let scratch = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: total)
        defer { scratch.deallocate() }
        return [UInt64](unsafeUninitializedCapacity: total) { result, initialized in
            next.withUnsafeMutableBufferPointer { next in
                // Pass p writes the result when an even number of passes follow it.
                func target(_ pass: Int) -> UnsafeMutableBufferPointer<UInt64> { (passes - 1 - pass) % 2 == 0 ? result : scratch }
                let first = target(0)
                for list in lists {
                    for packed in list {
                        let key = compact(packed)
                        let digit = Int(key & mask)
                        first[next[digit]] = key
                        next[digit] += 1
                    }
                }
                for pass in 1..<max(1, passes) {
                    let (source, destination) = (target(pass - 1), target(pass))
                    let shift = UInt64(pass) * digitBits
                    let base = pass << digitBits
                    for key in source {
                        let digit = base | Int((key >> shift) & mask)
                        destination[next[digit]] = key
                        next[digit] += 1
                    }
                }
            }
            var written = 0
            var previous = UInt64.max
            for index in 0..<total {
                let key = result[index]
                if unique && key == previous { continue }
                previous = key
                result[written] = (key >> width) << 32 | (key & low)
                written += 1
            }
            initialized = written
        }
    }

    struct BandEntry {
        var key: UInt64
        var document: UInt32
    }
}

/// Pair arrays by partition, handed between the threads of ``BandKeyTable/candidatePairs(workers:)``:
/// added whole, taken whole (and so released by the taker).
private final class PartitionedPairs: @unchecked Sendable {
    private let lock = NSLock()
    private var lists: [[[UInt64]]]

    init(partitions: Int) {
        lists = Array(repeating: [], count: partitions)
    }

    /// Adds one array to each partition (`pairs[p]` to partition p).
    func add(_ pairs: [[UInt64]]) {
        lock.withLock {
            for (partition, list) in pairs.enumerated() where !list.isEmpty { lists[partition].append(list) }
        }
    }

    func add(_ pairs: [UInt64], to partition: Int) {
        lock.withLock { lists[partition].append(pairs) }
    }

    /// Pairs held for a partition.
    func count(_ partition: Int) -> Int {
        lock.withLock { lists[partition].reduce(0) { $0 + $1.count } }
    }

    /// A partition's arrays, no longer held here.
    func take(_ partition: Int) -> [[UInt64]] {
        lock.withLock {
            defer { lists[partition] = [] }
            return lists[partition]
        }
    }
}

/// The result buffer of ``BandKeyTable/candidatePairs(workers:)``, written by its partitions, each
/// at its own offsets. Do not let it escape that function.
private struct UncheckedPairs<Pair>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Pair>
}
