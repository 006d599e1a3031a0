import Testing
import WiretraceCore
@testable import WiretraceDedup

@Suite struct ShingleBitmapsTests {
    /// A sorted set of `count` hashes: `shared` of them from `common`, the rest fresh.
    func set(_ count: Int, sharing shared: Int, of common: [UInt64], random: inout SplitMix64) -> [UInt64] {
        Set(common.prefix(shared) + (0..<max(0, count - shared)).map { _ in random.next() }).sorted()
    }

    @Test func boundIsNeverBelowTheIntersection() {
        var random = SplitMix64(seed: 23)
        var paths: Set<String> = []
        for _ in 0..<600 {
            // Sizes from empty to past the largest bitmap, so equal, folded and probed pairs all occur.
            let sizeA = [0, 1, 10, 63, 100, 550, 3000, 9000].randomElement(using: &random)! + Int.random(in: 0...40, using: &random)
            let sizeB = [0, 1, 10, 63, 100, 550, 3000, 9000].randomElement(using: &random)! + Int.random(in: 0...40, using: &random)
            let common = (0..<min(sizeA, sizeB)).map { _ in random.next() }
            let shared = Int.random(in: 0...common.count, using: &random)
            let a = set(sizeA, sharing: shared, of: common, random: &random)
            let b = set(sizeB, sharing: shared, of: common, random: &random)
            let bitmaps = ShingleBitmaps(sets: [a, nil, b], workers: 2)
            let exact = PairSimilarity.exact(a, b).intersection
            #expect(bitmaps.upperBound(0, 2, sets: [a, nil, b]) >= exact, "\(a.count) and \(b.count) sharing \(exact)")
            #expect(bitmaps.upperBound(2, 0, sets: [a, nil, b]) >= exact, "\(b.count) and \(a.count) sharing \(exact)")
            #expect(bitmaps.size(0) == a.count && bitmaps.size(1) == nil && bitmaps.size(2) == b.count)
            let words = [ShingleBitmaps.words(forHashes: a.count), ShingleBitmaps.words(forHashes: b.count)].sorted()
            paths.insert(words[0] == words[1] ? "equal" : (words[1] >= 8 * words[0] ? "probed" : "folded"))
        }
        #expect(paths == ["equal", "folded", "probed"])
        // Hashes that agree on every low bit but differ above: the bitmap cannot tell them apart,
        // and the bound still holds.
        let a: [UInt64] = (0..<200).map { UInt64($0) << 40 | 5 }
        let b: [UInt64] = (100..<300).map { UInt64($0) << 40 | 5 }
        #expect(ShingleBitmaps(sets: [a, b]).upperBound(0, 1, sets: [a, b]) >= 100)
    }

    /// Stopping early decides every pair as the full bound does: the same value when it reaches
    /// what is needed, a value below it (and never below the intersection) otherwise.
    @Test func boundStoppingEarlyDecidesAsTheFullBound() {
        var random = SplitMix64(seed: 43)
        var stopped = 0
        for _ in 0..<400 {
            let sizeA = [1, 10, 63, 100, 550, 3000, 9000].randomElement(using: &random)! + Int.random(in: 0...40, using: &random)
            let sizeB = [1, 10, 63, 100, 550, 3000, 9000].randomElement(using: &random)! + Int.random(in: 0...40, using: &random)
            let common = (0..<min(sizeA, sizeB)).map { _ in random.next() }
            let shared = Int.random(in: 0...common.count, using: &random)
            let a = set(sizeA, sharing: shared, of: common, random: &random)
            let b = set(sizeB, sharing: shared, of: common, random: &random)
            let bitmaps = ShingleBitmaps(sets: [a, b])
            let exact = PairSimilarity.exact(a, b).intersection
            for (x, y) in [(0, 1), (1, 0)] {
                let full = bitmaps.upperBound(x, y, sets: [a, b])
                for needed in [0, 1, exact, exact + 1, full, full + 1, min(sizeA, sizeB) * 2 / 3, min(sizeA, sizeB)] {
                    let early = bitmaps.upperBound(x, y, sets: [a, b], stoppingBelow: needed)
                    #expect(early >= exact)
                    if full >= needed {
                        #expect(early == full, "\(a.count) and \(b.count), needed \(needed)")
                    } else {
                        #expect(early < needed, "\(a.count) and \(b.count), needed \(needed)")
                        if early > full { stopped += 1 }
                    }
                }
            }
        }
        #expect(stopped > 100)
    }

    @Test func boundSeparatesUnrelatedSets() {
        var random = SplitMix64(seed: 29)
        for (sizeA, sizeB) in [(500, 500), (500, 700), (100, 2000), (4000, 4000)] {
            let a = set(sizeA, sharing: 0, of: [], random: &random)
            let b = set(sizeB, sharing: 0, of: [], random: &random)
            let bound = ShingleBitmaps(sets: [a, b]).upperBound(0, 1, sets: [a, b])
            // A quarter of the smaller set: far below the 0.8·min or 2/3·min that acceptance needs.
            #expect(bound < min(sizeA, sizeB) / 4, "\(sizeA) and \(sizeB) unrelated: bound \(bound)")
        }
    }

    @Test func verificationEqualsWalkingEveryPair() {
        var random = SplitMix64(seed: 31)
        let finder = DuplicateFinder(configuration: DedupConfiguration())
        // Families of sets around shared pools (copies, excerpts, rewrites) plus unrelated sets.
        var sets: [[UInt64]?] = []
        for _ in 0..<40 {
            let pool = (0..<Int.random(in: 20...1500, using: &random)).map { _ in random.next() }
            for _ in 0..<Int.random(in: 1...5, using: &random) {
                let keep = Double.random(in: 0.3...1, using: &random)
                let fresh = Int.random(in: 0...(pool.count / 3), using: &random)
                sets.append(Set(pool.filter { _ in Double.random(in: 0..<1, using: &random) < keep }
                    + (0..<fresh).map { _ in random.next() }).sorted())
            }
            if Bool.random(using: &random) { sets.append(nil) }
        }
        var candidates: [DocumentPair] = []
        for a in sets.indices {
            for b in (a + 1)..<sets.count where b - a < 8 || random.next(10) == 0 { candidates.append(DocumentPair(a, b)) }
        }
        let verified = CandidateVerification.verify(candidates, shingleSets: sets, finder: finder, workers: 2)
        let reference = CandidateVerification.referenceVerify(candidates, shingleSets: sets, finder: finder)
        #expect(verified == reference)
        // Tiles of a few documents each: pairs are taken in another order, results come back in
        // candidate order.
        for tileBytes in [1, 600, 5000] {
            let tiled = CandidateVerification.verify(candidates, shingleSets: sets, finder: finder, workers: 2, tileBytes: tileBytes)
            #expect(tiled == reference, "tiles of \(tileBytes) bytes")
        }
        #expect(reference.count > 20 && reference.count < candidates.count / 2,
                "\(reference.count) of \(candidates.count) pairs accepted: both outcomes occur")
    }

    @Test func tiledGroupsPairsByTileInCandidateOrder() {
        func tiles(_ pairs: [UInt64], _ bits: Int) -> [[Int]] {
            pairs.map { [CandidateVerification.first($0) >> bits, CandidateVerification.second($0) >> bits] }
        }
        func tiled(_ pairs: [UInt64], tileBits: Int) -> [UInt64] {
            pairs.withUnsafeBufferPointer { pairs in
                [UInt64](unsafeUninitializedCapacity: pairs.count) { order, initialized in
                    CandidateVerification.tiled(pairs, into: order, tileBits: tileBits)
                    initialized = pairs.count
                }
            }
        }
        let candidates = [
            DocumentPair(0, 9), DocumentPair(1, 2), DocumentPair(1, 8), DocumentPair(2, 3), DocumentPair(4, 9),
            DocumentPair(5, 6), DocumentPair(6, 12),
        ].map(CandidateVerification.packed)
        // Tiles of 4 documents: (0, 2), (0, 0), (0, 2), (0, 0), (1, 2), (1, 1), (1, 3).
        #expect(tiled(candidates, tileBits: 2) == [1, 3, 0, 2, 5, 4, 6].map { candidates[$0] })
        #expect(tiled(candidates, tileBits: 4) == candidates, "one tile: candidate order")
        #expect(tiled([], tileBits: 2).isEmpty)
        // Seeded sorted candidates: a narrow range of a (a chunk of them) and the whole range, at
        // several tile sizes (tiles of one document over the whole range are compared, not
        // counted); every pair kept, tiles in increasing order, candidate order within a tile.
        var random = SplitMix64(seed: 47)
        for (lowA, spanA) in [(5_000, 3_000), (0, 100_000), (99_990, 9)] {
            let pairs = Array(Set((0..<20_000).map { _ -> UInt64 in
                let a = lowA + random.next(spanA)
                let b = a + 1 + random.next(100_000 - a)
                return CandidateVerification.packed(DocumentPair(a, b))
            })).sorted()
            for bits in [0, 3, 9, 12, 17] {
                let order = tiled(pairs, tileBits: bits)
                #expect(order.sorted() == pairs, "a from \(lowA), tiles of 2^\(bits)")
                let keys = tiles(order, bits)
                #expect(zip(zip(keys, order), zip(keys, order).dropFirst()).allSatisfy { previous, next in
                    previous.0.lexicographicallyPrecedes(next.0) || (previous.0 == next.0 && previous.1 < next.1)
                }, "a from \(lowA), tiles of 2^\(bits)")
            }
        }
        // Chunks of sorted pairs are rows of tiles, a long row cut in pieces; unsorted pairs equal chunks.
        let rows = [DocumentPair(0, 1), DocumentPair(0, 5), DocumentPair(1, 2), DocumentPair(3, 9), DocumentPair(4, 5),
                    DocumentPair(9, 12), DocumentPair(12, 13)].map(CandidateVerification.packed)
        #expect(CandidateVerification.chunkBounds(rows[...], tileBits: 2, chunks: 2) == [0, 4, 5, 6, 7])
        #expect(CandidateVerification.chunkBounds(rows[...], tileBits: 4, chunks: 2) == [0, 7], "one row, not longer than twice 3.5")
        #expect(CandidateVerification.chunkBounds(rows[...], tileBits: 4, chunks: 4) == [0, 2, 4, 7], "one row of 7 cut in pieces of at most 3")
        #expect(CandidateVerification.chunkBounds(rows[2...], tileBits: 2, chunks: 2) == [2, 4, 5, 6, 7], "bounds are indices of the slice")
        #expect(CandidateVerification.chunkBounds(Array(rows.reversed())[...], tileBits: 2, chunks: 2) == [0, 3, 7])
        #expect(CandidateVerification.chunkBounds([][...], tileBits: 2, chunks: 2) == [0, 0])
        // ~1 KiB of bitmap per document: 4 MiB tiles of 4096 documents, and at most 1024 tiles a side.
        #expect(CandidateVerification.tileBits(documents: 100_000, bitmapWords: 100_000 * 128) == 12)
        #expect(CandidateVerification.tileBits(documents: 1 << 24, bitmapWords: (1 << 24) * 128) == 14)
    }
}
