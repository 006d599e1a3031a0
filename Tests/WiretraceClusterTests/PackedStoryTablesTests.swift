import Testing
import WiretraceCore
@testable import WiretraceCluster

/// The story level's packed tables (node vectors, postings, quote sets, scored pairs in blocks)
/// against the nested arrays, sets and single list they replace, on random input.
@Suite struct PackedStoryTablesTests {
    /// Random sorted sparse vectors over `termCount` ids, some empty.
    static func vectors(count: Int, termCount: Int, using random: inout SplitMix64) -> [[(term: Int, weight: Double)]] {
        (0..<count).map { _ in
            let size = Int.random(in: 0...12, using: &random)
            let terms = Set((0..<size).map { _ in Int.random(in: 0..<termCount, using: &random) }).sorted()
            return terms.map { (term: $0, weight: Double(Int.random(in: 1...64, using: &random)) / 64) }
        }
    }

    @Test(arguments: 0..<20)
    func vectorsAndPostingsAsTheNestedArrays(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let termCount = Int.random(in: 1...40, using: &random)
        let nested = Self.vectors(count: Int.random(in: 0...300, using: &random), termCount: termCount, using: &random)
        var packed = PackedVectors(nested)
        packed.shrink()
        #expect(packed.count == nested.count)
        for index in nested.indices {
            #expect(packed.vector(index).map(\.term) == nested[index].map(\.term))
            #expect(packed.vector(index).map(\.weight) == nested[index].map(\.weight))
        }
        var postings = [[Int]](repeating: [], count: termCount)
        var weights = [[Double]](repeating: [], count: termCount)
        for (node, vector) in nested.enumerated() {
            for entry in vector {
                postings[entry.term].append(node)
                weights[entry.term].append(entry.weight)
            }
        }
        let bound = Int.random(in: 0...8, using: &random)
        let packedPostings = PackedPostings(packed, termCount: termCount, weightsUpTo: bound)
        for term in 0..<termCount {
            #expect(packedPostings.nodes(of: term) == postings[term], "term \(term)")
            if postings[term].count <= bound {
                let start = packedPostings.weightStart(term)
                let held = (0..<postings[term].count).map { packedPostings.weights[start + $0] }
                #expect(held == weights[term], "term \(term)")
            }
        }
        #expect(packedPostings.weights.count == postings.filter { $0.count <= bound }.reduce(0) { $0 + $1.count })
    }

    /// The pruned search over the packed tables keeps what the nested version kept: the same
    /// accumulation (i's weight times j's, over i's terms in order), the same top k.
    @Test(arguments: 0..<10)
    func prunedCandidatesAsTheNestedSearch(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let count = Int.random(in: 100...400, using: &random)
        let termCount = Int.random(in: 20...120, using: &random)
        let nested = Self.vectors(count: count, termCount: termCount, using: &random)
        var postings = [[Int]](repeating: [], count: termCount)
        for (node, vector) in nested.enumerated() {
            for entry in vector { postings[entry.term].append(node) }
        }
        // The search as it was, on nested arrays.
        let bound = min(max(50, count / 100), StoryClusterer.maximumCandidatePostings)
        var expected: [[Int]] = []
        for i in 0..<count {
            var accumulator = [Int: Double]()
            for entry in nested[i] where postings[entry.term].count <= bound {
                for j in postings[entry.term] where j > i {
                    let weight = nested[j].first { $0.term == entry.term }!.weight
                    accumulator[j, default: 0] += entry.weight * weight
                }
            }
            let best = accumulator.map { (node: $0.key, score: $0.value) }
                .sorted { $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node }
                .prefix(StoryClusterer.candidatesPerNode)
            expected.append(best.map(\.node).sorted())
        }
        #expect(StoryClusterer.prunedCandidates(nested, termCount: postings.count) == expected)
    }

    @Test(arguments: 0..<20)
    func quoteSetsShareAsSets(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let sets: [[Int]] = (0..<Int.random(in: 1...60, using: &random)).map { _ in
            (0..<Int.random(in: 0...6, using: &random)).map { _ in Int.random(in: 0..<30, using: &random) }
        }
        var quotes = NodeQuotes()
        for set in sets { quotes.append(set) }
        quotes.shrink()
        #expect(quotes.count == sets.count)
        for a in sets.indices {
            #expect(quotes.quotes(a) == Set(sets[a]).sorted())
            for b in sets.indices {
                #expect(quotes.share(a, b) == !Set(sets[a]).isDisjoint(with: Set(sets[b])), "nodes \(a), \(b)")
            }
        }
    }

    /// Pairs past several blocks read back in order, and the linkage prepared while the blocks are
    /// freed merges as the one prepared from a plain list.
    @Test(arguments: 0..<4)
    func edgeBlocksAndTheirLinkage(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let nodes = 3_000
        var plain: [(a: Int, b: Int, similarity: Double)] = []
        var seen = Set<Int>()
        let total = EdgeList.blockSize * 2 + Int.random(in: 1..<EdgeList.blockSize, using: &random)
        while plain.count < total {
            let a = Int.random(in: 0..<nodes, using: &random), b = Int.random(in: 0..<nodes, using: &random)
            guard a < b, seen.insert(a * nodes + b).inserted else { continue }
            // Most pairs weak; a few strong ones make components to merge in.
            let strong = Int.random(in: 0..<40, using: &random) == 0
            plain.append((a, b, strong ? Double(Int.random(in: 8...16, using: &random)) / 16 : Double(Int.random(in: 0...5, using: &random)) / 16))
        }
        var blocks = EdgeList()
        for edge in plain { blocks.append(edge.a, edge.b, edge.similarity) }
        #expect(blocks.count == plain.count)
        #expect(blocks.blockCount == 3)
        for position in stride(from: 0, to: plain.count, by: 97) {
            #expect(blocks[position] == plain[position], "pair \(position)")
        }
        let sizes = Array(repeating: 1, count: nodes)
        var fromPlain = AverageLinkage.prepared(sizes: sizes, edges: plain, threshold: 0.5)
        var fromBlocks = AverageLinkage.prepared(sizes: sizes, consuming: &blocks, threshold: 0.5)
        #expect(blocks.isEmpty)
        let expected = fromPlain.run(threshold: 0.5)
        #expect(expected.contains { $0.count > 2 })
        #expect(fromBlocks.run(threshold: 0.5) == expected)
    }

    /// Vectors appended into a reservation (smaller or larger than what they need, as the story
    /// level reserves an upper bound) read back as those appended without one.
    @Test(arguments: 0..<10)
    func reservedVectorsAsAppended(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &+ 77)
        let nested = Self.vectors(count: Int.random(in: 0...200, using: &random), termCount: 50, using: &random)
        let entries = nested.reduce(0) { $0 + $1.count }
        for reserved in [0, entries / 2, entries, entries * 3] {
            var packed = PackedVectors(reservingVectors: nested.count, entries: reserved)
            for vector in nested { packed.append(vector) }
            #expect(packed.count == nested.count)
            #expect(packed.entryCount == entries)
            for index in nested.indices {
                #expect(packed.vector(index).map(\.term) == nested[index].map(\.term))
                #expect(packed.vector(index).map(\.weight) == nested[index].map(\.weight))
            }
        }
    }
}
