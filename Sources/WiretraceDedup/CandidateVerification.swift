import Dispatch
import Foundation
import WiretraceCore

/// The candidate → verify half shared by `wiretrace dedup` and `wiretrace run`: LSH candidate
/// pairs split into parts whose exact shingle sets fit a memory budget, and each part's pairs
/// verified on those sets in parallel.
public enum CandidateVerification {
    /// The first document of a pair packed as `a << 32 | b`.
    @inline(__always) public static func first(_ packed: UInt64) -> Int { Int(packed >> 32) }
    /// The second document of a pair packed as `a << 32 | b`.
    @inline(__always) public static func second(_ packed: UInt64) -> Int { Int(packed & 0xFFFF_FFFF) }
    /// A pair packed as `a << 32 | b`.
    @inline(__always) public static func packed(_ pair: DocumentPair) -> UInt64 { UInt64(pair.a) << 32 | UInt64(pair.b) }

    /// One part: the candidate documents whose exact sets are held at once, and the pairs among
    /// them — a range of the candidates as ``parts(of:documentCount:budget:shingleCount:)``
    /// reordered them (no copy of the pairs: at 1M documents of news text they are 400M).
    public struct Part: Sendable, Equatable {
        public var documents: [Int]
        public var pairs: Range<Int>
    }

    /// Splits the candidate documents into parts whose exact sets total at most `budget` hashes
    /// (`shingleCount(d)` estimates document d's set size), every candidate pair in exactly one
    /// part with both its documents. The candidates are packed as `a << 32 | b`
    /// (``BandKeyTable/packedCandidatePairs(workers:)``, 8 bytes each) and reordered in place so that each part's
    /// pairs are one range of it (in no particular order within a part; unchanged when
    /// everything is one part).
    ///
    /// Whole connected components of the candidate graph are packed into parts in order of their
    /// first document. A component larger than the budget is cut, in document order, into
    /// blocks of at most half the budget each, and its pairs go to one part per pair of blocks
    /// they join (a block with itself when both ends lie in it), holding only the documents of
    /// those pairs: at most two blocks, so within the budget whatever the component's size (a
    /// part exceeds it only when a single document's set is larger than half of it). Parts of
    /// blocks come row by row — blocks (i, i), (i, i + 1), … — so the documents of block i can
    /// stay held along its row (``verify(_:of:documentCount:finder:workers:sets:)``). Re-reading
    /// cost: a component of k blocks whose pairs join every pair of blocks reads block i once
    /// for its own row and once more for each earlier row, about k/2 + 1 times per set on average.
    ///
    /// Memory: O(n) for n documents besides the pairs (reordered in place, American flag sort).
    ///
    /// - Complexity: O((n + p) α(n)) for n documents and p pairs.
    public static func parts(
        of candidates: inout [UInt64], documentCount: Int, budget: Int, shingleCount: (Int) -> Int
    ) -> [Part] {
        var isCandidate = [Bool](repeating: false, count: documentCount)
        for pair in candidates {
            isCandidate[Self.first(pair)] = true
            isCandidate[Self.second(pair)] = true
        }
        let documents = isCandidate.indices.filter { isCandidate[$0] }
        guard !documents.isEmpty else { return [] }
        // When every candidate document's set fits the budget together, the split below would
        // make one part of them all: no components needed (their union-find, on one thread, was
        // a tenth of the wall time at 100k documents).
        var totalHashes = 0
        for document in documents {
            totalHashes += shingleCount(document)
            if totalHashes > budget { break }
        }
        if totalHashes <= budget { return [Part(documents: documents, pairs: candidates.indices)] }
        var components = UnionFind(count: documentCount)
        for pair in candidates { components.union(Self.first(pair), Self.second(pair)) }
        // Arrays indexed by document (roots are documents) rather than dictionaries: one find per
        // candidate document, none per pair.
        var rootOf = [Int](repeating: -1, count: documentCount)
        var hashesOfRoot = [Int](repeating: 0, count: documentCount)
        for document in documents {
            let root = components.find(document)
            rootOf[document] = root
            hashesOfRoot[root] += shingleCount(document)
        }
        // Whole components (those within the budget) packed into parts; an oversized component's
        // documents are cut into blocks instead, numbered from 0 across all such components.
        var partOfRoot = [Int32](repeating: -1, count: documentCount)
        var partOfDocument = [Int32](repeating: -1, count: documentCount)
        var parts: [Part] = []
        var partHashes = 0
        var blockOf = [Int32](repeating: -1, count: documentCount)
        var blocks = 0
        var openBlockOfRoot: [Int: (block: Int, hashes: Int)] = [:]
        for document in documents {
            let root = rootOf[document]
            let size = hashesOfRoot[root]
            if size > budget {
                let hashes = shingleCount(document)
                var open = openBlockOfRoot[root] ?? (block: -1, hashes: 0)
                if open.block < 0 || (open.hashes > 0 && open.hashes + hashes > budget / 2) {
                    open = (blocks, 0)
                    blocks += 1
                }
                open.hashes += hashes
                openBlockOfRoot[root] = open
                blockOf[document] = Int32(open.block)
                continue
            }
            if partOfRoot[root] < 0 {
                if parts.isEmpty || (partHashes > 0 && partHashes + size > budget) {
                    parts.append(Part(documents: [], pairs: 0..<0))
                    partHashes = 0
                }
                partOfRoot[root] = Int32(parts.count - 1)
                partHashes += size
            }
            partOfDocument[document] = partOfRoot[root]
            parts[Int(partOfRoot[root])].documents.append(document)
        }
        rootOf = []
        hashesOfRoot = []
        partOfRoot = []
        components = UnionFind(count: 0)
        // Parts of block pairs after the whole components' parts, row by row: numbered once the
        // block pairs that have pairs are known.
        let wholeParts = parts.count
        let dense = blocks <= 2048
        var partOfBlocks = [Int32](repeating: -1, count: dense ? blocks * blocks : 0)
        var partOfBlockKey: [UInt64: Int32] = [:]
        if blocks > 0 {
            var used = Set<UInt64>()
            var isUsed = [Bool](repeating: false, count: dense ? blocks * blocks : 0)
            for pair in candidates where blockOf[Self.first(pair)] >= 0 {
                let (x, y) = (Int(blockOf[Self.first(pair)]), Int(blockOf[Self.second(pair)]))
                if dense { isUsed[min(x, y) * blocks + max(x, y)] = true } else { used.insert(UInt64(min(x, y)) << 32 | UInt64(max(x, y))) }
            }
            let keys = dense ? isUsed.indices.filter { isUsed[$0] }.map { UInt64($0 / blocks) << 32 | UInt64($0 % blocks) } : used.sorted()
            for key in keys {
                let part = Int32(parts.count)
                if dense { partOfBlocks[Int(key >> 32) * blocks + Int(key & 0xFFFF_FFFF)] = part } else { partOfBlockKey[key] = part }
                parts.append(Part(documents: [], pairs: 0..<0))
            }
        }
        @inline(__always) func part(of pair: UInt64) -> Int {
            let (x, y) = (blockOf[Self.first(pair)], blockOf[Self.second(pair)])
            if x < 0 { return Int(partOfDocument[Self.first(pair)]) }
            let (low, high) = (Int(min(x, y)), Int(max(x, y)))
            return dense ? Int(partOfBlocks[low * blocks + high]) : Int(partOfBlockKey[UInt64(low) << 32 | UInt64(high)]!)
        }
        // Counts per part, then the pairs moved into their parts' ranges in place.
        var counts = [Int](repeating: 0, count: parts.count)
        for pair in candidates { counts[part(of: pair)] += 1 }
        var next = [Int](repeating: 0, count: parts.count)
        var start = 0
        for index in parts.indices {
            next[index] = start
            parts[index].pairs = start..<(start + counts[index])
            start += counts[index]
        }
        for index in parts.indices {
            let end = parts[index].pairs.upperBound
            while next[index] < end {
                var carried = candidates[next[index]]
                var target = part(of: carried)
                while target != index {
                    swap(&carried, &candidates[next[target]])
                    next[target] += 1
                    target = part(of: carried)
                }
                candidates[next[index]] = carried
                next[index] += 1
            }
        }
        // A block pair's part holds only the documents of its pairs.
        var inPart = [Bool](repeating: false, count: documentCount)
        for index in wholeParts..<parts.count {
            var documents: [Int] = []
            for pair in candidates[parts[index].pairs] {
                let (a, b) = (Self.first(pair), Self.second(pair))
                if !inPart[a] {
                    inPart[a] = true
                    documents.append(a)
                }
                if !inPart[b] {
                    inPart[b] = true
                    documents.append(b)
                }
            }
            for document in documents { inPart[document] = false }
            parts[index].documents = documents.sorted()
        }
        return parts
    }

    /// Verifies the pairs of `parts` (from ``parts(of:documentCount:budget:shingleCount:)``, with
    /// the candidates it reordered) a part at a time: the sets a part needs and the last part did
    /// not hold are taken from `sets` (document indices in increasing order; it returns each with
    /// its set, sorted and unique), the last part's other sets are dropped first, and the part's
    /// pairs are verified with ``verify(_:shingleSets:finder:workers:tileBytes:)``. Accepted pairs
    /// sorted by (a, b): the same pairs as verifying every candidate at once.
    ///
    /// Memory: the sets of one part at a time, as `parts` bounds them, and its pairs unpacked
    /// (16 bytes each).
    public static func verify(
        _ parts: [Part], of candidates: [UInt64], documentCount: Int, finder: DuplicateFinder, workers: Int,
        sets: ([Int]) throws -> [(Int, [UInt64])]
    ) rethrows -> [VerifiedPair] {
        var shingleSets = [[UInt64]?](repeating: nil, count: documentCount)
        var held: [Int] = []
        var inPart = [Bool](repeating: false, count: documentCount)
        var verified: [VerifiedPair] = []
        for part in parts {
            for document in part.documents { inPart[document] = true }
            for document in held where !inPart[document] { shingleSets[document] = nil }
            let missing = part.documents.filter { shingleSets[$0] == nil }
            for document in part.documents { inPart[document] = false }
            held = part.documents
            for (document, set) in try sets(missing) { shingleSets[document] = set }
            verified += verify(packed: candidates[part.pairs], shingleSets: shingleSets, finder: finder, workers: workers)
        }
        verified.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        return verified
    }

    /// Verifies candidate pairs on exact shingle sets (every candidate document's set present),
    /// in parallel on `workers` threads; accepted pairs sorted by (a, b) (candidate order for
    /// sorted candidates, as LSH gives them). Pairs are taken tile by tile (tiles of documents
    /// whose bitmaps take about `tileBytes`, ``tiled(_:into:tileBits:)``), so the bitmaps a bound
    /// reads are mostly cached.
    ///
    /// A pair is walked only when its sets are large enough and their ``ShingleBitmaps`` bound
    /// allows the intersection acceptance needs; both are exact upper bounds, so the result is
    /// that of walking every pair (``referenceVerify(_:shingleSets:finder:)``).
    ///
    /// - Complexity: O(Σ s) for the bitmaps of the sets, then per pair of sets of m and n
    ///   shingles O(w) for the bound (w ≤ (m + n)/4 words) and O(m + n) for a walk.
    public static func verify(
        _ candidates: [DocumentPair], shingleSets: [[UInt64]?], finder: DuplicateFinder, workers: Int,
        tileBytes: Int = 4 << 20
    ) -> [VerifiedPair] {
        verify(packed: candidates.map(packed)[...], shingleSets: shingleSets, finder: finder, workers: workers, tileBytes: tileBytes)
            .sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }

    /// ``verify(_:shingleSets:finder:workers:tileBytes:)`` on pairs packed as `a << 32 | b`, as
    /// the parts of ``verify(_:of:documentCount:finder:workers:sets:)`` hold them; accepted pairs
    /// in no particular order. The pairs are cut into chunks (rows of tiles,
    /// ``chunkBounds(_:tileBits:chunks:)``), and each chunk, on whichever thread takes it, is
    /// copied in tile order into a buffer of its own (``tiled(_:into:tileBits:)``, a few MiB at
    /// most) and verified in that order. A tiled copy of all the pairs at once (12 bytes a pair
    /// with its candidate index: 49 MB of fresh memory at 100k documents) was filled on one
    /// thread while the other waited.
    static func verify(
        packed candidates: ArraySlice<UInt64>, shingleSets: [[UInt64]?], finder: DuplicateFinder, workers: Int,
        tileBytes: Int = 4 << 20
    ) -> [VerifiedPair] {
        guard !candidates.isEmpty else { return [] }
        let bitmaps = ShingleBitmaps(sets: shingleSets, workers: workers)
        let tileBits = tileBits(documents: shingleSets.count, bitmapWords: bitmaps.totalWords, tileBytes: tileBytes)
        let bounds = chunkBounds(candidates, tileBits: tileBits, chunks: workers * 8)
        let chunks = bounds.count - 1
        let slots = ChunkSlots<VerifiedPair>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let (start, end) = (bounds[chunk], bounds[chunk + 1])
            var accepted: [VerifiedPair] = []
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: end - start) { order in
                candidates[start..<end].withUnsafeBufferPointer { tiled($0, into: order, tileBits: tileBits) }
                for pair in order {
                    let (pairA, pairB) = (first(pair), second(pair))
                    // Sizes and bounds from the bitmaps' dense records: the sets themselves (a cache
                    // miss each) are touched only by pairs the bound lets through.
                    guard let sizeA = bitmaps.size(pairA), let sizeB = bitmaps.size(pairB) else { continue }
                    let needed = finder.minimumIntersection(sizeA: sizeA, sizeB: sizeB)
                    guard min(sizeA, sizeB) >= needed, bitmaps.upperBound(pairA, pairB, sets: shingleSets, stoppingBelow: needed) >= needed,
                        let a = shingleSets[pairA], let b = shingleSets[pairB]
                    else { continue }
                    if let similarity = PairSimilarity.exact(a, b, unlessBelow: needed), finder.accepts(similarity) {
                        accepted.append(VerifiedPair(a: pairA, b: pairB, similarity: similarity))
                    }
                }
            }
            slots.set(chunk, accepted)
        }
        return slots.values().flatMap { $0 }
    }

    /// Where verification cuts `pairs` into chunks (indices of `pairs`, first and last
    /// included). Pairs sorted by a (the candidates as LSH gives them, one part) are cut at each
    /// row of tiles — a new range of 2^`tileBits` first documents — so that a chunk reads the
    /// bitmaps of its range of a once and each range of b once, as a tiled order of all the pairs
    /// did; a row longer than twice the average of `chunks` equal chunks is cut in equal pieces.
    /// Pairs in any other order are cut into `chunks` equal chunks.
    ///
    /// - Complexity: O(p) for p pairs.
    static func chunkBounds(_ pairs: ArraySlice<UInt64>, tileBits: Int, chunks: Int) -> [Int] {
        let equal = max(1, min(chunks, pairs.count))
        let equalBounds = (0...equal).map { pairs.startIndex + $0 * pairs.count / equal }
        guard var row = pairs.first.map({ first($0) >> tileBits }) else { return equalBounds }
        var rows = [pairs.startIndex]
        for index in pairs.indices {
            let tile = first(pairs[index]) >> tileBits
            if tile == row { continue }
            if tile < row { return equalBounds }
            rows.append(index)
            row = tile
        }
        rows.append(pairs.endIndex)
        let longest = max(1, 2 * pairs.count / equal)
        var bounds = [pairs.startIndex]
        for (start, end) in zip(rows, rows.dropFirst()) {
            let pieces = (end - start + longest - 1) / longest
            for piece in 1...pieces { bounds.append(start + piece * (end - start) / pieces) }
        }
        return bounds
    }

    /// Documents per tile side (as bits) so that a tile's bitmaps take about `tileBytes`: the
    /// documents' bitmaps average `bitmapWords · 8 / documents` bytes.
    static func tileBits(documents: Int, bitmapWords: Int, tileBytes: Int = 4 << 20) -> Int {
        let perDocument = max(1, bitmapWords * 8 / max(1, documents))
        let tileDocuments = max(1, tileBytes / perDocument)
        var bits = Int.bitWidth - 1 - tileDocuments.leadingZeroBitCount
        // At most 1024 tiles a side (a million counters).
        while (documents - 1) >> bits >= 1024 { bits += 1 }
        return bits
    }

    /// Copies pairs packed as `a << 32 | b` into `order` (of the same count) by tile — (a >>
    /// `tileBits`, b >> `tileBits`), in increasing order — and in their given order within a
    /// tile (stable). Sorted candidates walk every b across all documents for each a, so each
    /// bound read the second bitmap from memory (the bitmaps of 100k news articles are ~100 MB,
    /// past the caches); within a tile, the bitmaps of both ranges stay cached and are reread by
    /// every pair of the tile, and pairs with one a follow each other as before.
    ///
    /// A counting sort over the tiles of the ranges present, counted from the smallest range of
    /// a present: a chunk of sorted candidates (a narrow range of a) needs a few dozen counters.
    ///
    /// - Complexity: O(p + r·t) for p pairs, r ranges of a between the smallest and the largest
    ///   present, and t ranges of b up to the largest present; O(p log p) when r·t exceeds
    ///   max(2^20, 4p) (compared instead of counted, ties by the pair).
    static func tiled(_ pairs: UnsafeBufferPointer<UInt64>, into order: UnsafeMutableBufferPointer<UInt64>, tileBits: Int) {
        precondition(order.count == pairs.count, "\(order.count) places for \(pairs.count) pairs")
        guard !pairs.isEmpty else { return }
        var lowestA = Int.max
        var highestA = 0
        var highestB = 0
        for pair in pairs {
            lowestA = min(lowestA, first(pair) >> tileBits)
            highestA = max(highestA, first(pair) >> tileBits)
            highestB = max(highestB, second(pair) >> tileBits)
        }
        let side = highestB + 1
        let tiles = (highestA - lowestA + 1) * side
        @inline(__always) func tile(_ pair: UInt64) -> Int { ((first(pair) >> tileBits) - lowestA) * side + (second(pair) >> tileBits) }
        if tiles > max(1 << 20, 4 * pairs.count) {
            // More counters than pairs would pay for (tiny tiles over a wide range): compare instead.
            var order = order  // the same memory: sorted in place
            _ = order.initialize(fromContentsOf: pairs)
            order.sort { (tile($0), $0) < (tile($1), $1) }
            return
        }
        var next = [Int](repeating: 0, count: tiles)
        for pair in pairs { next[tile(pair)] += 1 }
        var start = 0
        for index in 0..<tiles {
            let size = next[index]
            next[index] = start
            start += size
        }
        for pair in pairs {
            let index = tile(pair)
            (order.baseAddress! + next[index]).initialize(to: pair)
            next[index] += 1
        }
    }

    /// ``verify(_:shingleSets:finder:workers:)`` as plainly as possible: every pair walked in full
    /// on one thread. For tests.
    public static func referenceVerify(
        _ candidates: [DocumentPair], shingleSets: [[UInt64]?], finder: DuplicateFinder
    ) -> [VerifiedPair] {
        candidates.compactMap { pair in
            guard let a = shingleSets[pair.a], let b = shingleSets[pair.b] else { return nil }
            let similarity = PairSimilarity.exact(a, b)
            return finder.accepts(similarity) ? VerifiedPair(a: pair.a, b: pair.b, similarity: similarity) : nil
        }
    }

    /// Applies `transform` to every element on `workers` threads, keeping the order.
    public static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], workers: Int, _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1, workers > 1 else { return items.map(transform) }
        let chunks = min(workers * 4, items.count)
        let slots = ChunkSlots<(Int, R)>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var results: [(Int, R)] = []
            var index = chunk
            while index < items.count {
                results.append((index, transform(items[index])))
                index += chunks
            }
            slots.set(chunk, results)
        }
        var ordered = [R?](repeating: nil, count: items.count)
        for (index, result) in slots.values().joined() { ordered[index] = result }
        return ordered.map { $0! }
    }
}

/// Band keys as stored: little-endian 64-bit values, bands × 8 bytes; empty for a document
/// without shingles (never a candidate).
public enum BandKeyBytes {
    public static func encode(_ keys: [UInt64]?) -> [UInt8] {
        guard let keys else { return [] }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(keys.count * 8)
        for key in keys { withUnsafeBytes(of: key.littleEndian) { bytes.append(contentsOf: $0) } }
        return bytes
    }

    /// The keys, `.some(nil)` for an empty blob, nil when the blob is not `bands` keys.
    public static func decode(_ bytes: [UInt8], bands: Int) -> [UInt64]?? {
        if bytes.isEmpty { return .some(nil) }
        guard bytes.count == bands * 8 else { return nil }
        return .some((0..<bands).map { band in
            var key: UInt64 = 0
            for byte in bytes[(band * 8)..<(band * 8 + 8)].reversed() { key = key << 8 | UInt64(byte) }
            return key
        })
    }
}
