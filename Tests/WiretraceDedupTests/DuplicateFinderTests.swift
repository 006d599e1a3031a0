import Testing
@testable import WiretraceDedup
import WiretraceCore
import Foundation

@Suite struct DuplicateFinderTests {
    let configuration = DedupConfiguration()

    func run(_ texts: [String], configuration: DedupConfiguration = DedupConfiguration()) -> (pairs: [VerifiedPair], groups: [[Int]]) {
        let shingles = texts.map { Shingler.shingles($0, size: configuration.shingleSize) }
        let hasher = MinHasher(permutations: configuration.permutations, seed: configuration.seed)
        let finder = DuplicateFinder(configuration: configuration)
        let pairs = finder.verifiedPairs(signatures: shingles.map(hasher.signature(of:)), shingles: { shingles[$0] })
        return (pairs, finder.groups(documentCount: texts.count, pairs: pairs))
    }

    @Test func derivedBandingReachesTheContainmentFloor() {
        let banding = DuplicateFinder(configuration: configuration).banding
        print("DuplicateFinder banding for threshold 0.5: \(banding.bands) × \(banding.rows)")
        #expect(banding == LSHBanding(bands: 28, rows: 2), "datasketch's optimum for J = 0.2 at 128")
        #expect(banding.candidateProbability(similarity: 0.3) > 0.9, "a 30% excerpt (J ≈ 0.3) is almost always a candidate")
        var overridden = configuration
        overridden.bands = 16
        overridden.rows = 8
        #expect(DuplicateFinder(configuration: overridden).banding == LSHBanding(bands: 16, rows: 8))
    }

    @Test func excerptPairsByContainment() {
        var generator = TextGenerator(seed: 5)
        let words = generator.words(400)
        let story = generator.text(words)
        let excerpt = generator.text(Array(words.prefix(120)))
        let unrelated = generator.text(generator.words(400))
        let (pairs, groups) = run([story, unrelated, excerpt])
        #expect(pairs.count == 1)
        let pair = try! #require(pairs.first)
        #expect(pair.a == 0 && pair.b == 2)
        #expect(pair.similarity.jaccard < configuration.threshold)
        #expect(pair.similarity.bInA == 1)
        #expect(pair.similarity.containment == 1)
        #expect(groups == [[0, 2]])
    }

    @Test func shortTextsNeverPairOnContainment() {
        let story = "Myanmar's junta chief thanked Russia on Tuesday for strengthening the army, "
            + "which seized power in a coup earlier this year, during talks with Sergei Shoigu in Moscow."
        let headline = "Myanmar's junta chief thanked Russia"  // 1 shingle, wholly inside the story
        var configuration = DedupConfiguration()
        configuration.bands = 128
        configuration.rows = 1  // every shared shingle makes a candidate
        let (pairs, _) = run([story, headline], configuration: configuration)
        #expect(pairs.isEmpty)
    }

    @Test func unrelatedTextsDoNotPair() {
        var generator = TextGenerator(seed: 11)
        let texts = (0..<60).map { _ in generator.text(generator.words(250)) }
        #expect(run(texts).pairs.isEmpty)
    }

    @Test func verificationDropsFalseCandidates() {
        var generator = TextGenerator(seed: 13)
        var texts: [String] = []
        for _ in 0..<20 {
            let words = generator.words(300)
            texts.append(generator.text(words))
            texts.append(generator.text(generator.mutate(words, rate: 0.12)))  // J ≈ 0.3, not a duplicate
        }
        var loose = DedupConfiguration()
        loose.bands = 64
        loose.rows = 2
        let shingles = texts.map { Shingler.shingles($0, size: 5) }
        let hasher = MinHasher(permutations: 128, seed: loose.seed)
        var index = LSHIndex(banding: LSHBanding(bands: 64, rows: 2))
        for (id, set) in shingles.enumerated() { index.insert(id, signature: hasher.signature(of: set)) }
        let candidates = index.candidatePairs()
        #expect(candidates.count >= 15, "loose banding proposes the mutated pairs (\(candidates.count))")
        let verified = run(texts, configuration: loose).pairs
        #expect(verified.isEmpty, "none reaches Jaccard 0.5 or containment 0.8")
        for pair in candidates {
            let similarity = PairSimilarity.exact(shingles[pair.a], shingles[pair.b])
            #expect(similarity.jaccard < 0.5 && similarity.containment < 0.8)
        }
    }

    @Test func copiesGroupTogether() {
        var generator = TextGenerator(seed: 17)
        let wire = generator.words(300)
        let other = generator.words(300)
        let texts = [
            generator.text(wire),
            generator.text(other),
            generator.text(generator.mutate(wire, rate: 0.02)),
            generator.text(generator.mutate(other, rate: 0.01)),
            generator.text(generator.words(300)),
            generator.text(Array(wire.prefix(200))) + " Source: Reuters",
        ]
        let (pairs, groups) = run(texts)
        #expect(groups == [[0, 2, 5], [1, 3]])
        #expect(pairs.allSatisfy { $0.a < $0.b })
        #expect(pairs.contains { $0.a == 0 && $0.b == 2 && $0.similarity.jaccard >= 0.5 })
    }
}

@Suite struct PairSimilarityTests {
    @Test func exactMergeWalk() {
        let similarity = PairSimilarity.exact([1, 3, 5, 7, 9, 11], [3, 4, 5, 11])
        #expect(similarity.intersection == 3)
        #expect(similarity.jaccard == 3.0 / 7.0)
        #expect(similarity.containment == 0.75)
        #expect(similarity.aInB == 0.5)
        #expect(similarity.bInA == 0.75)
        #expect(PairSimilarity.exact([], []).jaccard == 0)
        #expect(PairSimilarity.exact([], [1]).containment == 0)
    }

    @Test func branchFreeWalkEqualsSetIntersection() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<300 {
            // Small value ranges make overlaps, repeats across the sets and equal extremes common.
            let range = UInt64.random(in: 1...200, using: &random)
            let a = Set((0..<Int.random(in: 0...60, using: &random)).map { _ in UInt64.random(in: 0...range, using: &random) }).sorted()
            let b = Set((0..<Int.random(in: 0...60, using: &random)).map { _ in UInt64.random(in: 0...range, using: &random) }).sorted()
            #expect(PairSimilarity.exact(a, b) == PairSimilarity.referenceExact(a, b))
        }
        #expect(PairSimilarity.exact([.max], [.max]).intersection == 1)
    }

    @Test func earlyExitNeverRejectsAnAcceptedPair() {
        var random = SplitMix64(seed: 17)
        for (threshold, minimumShingles) in [(0.5, 1_000_000_000), (0.5, 20), (0.8, 1)] {
            var configuration = DedupConfiguration()
            configuration.threshold = threshold
            configuration.minimumShingles = minimumShingles
            let finder = DuplicateFinder(configuration: configuration)
            var stoppedEarly = 0
            for _ in 0..<400 {
                // Two sets drawn from a shared pool of varying size: overlaps from none to all.
                let pool = (0..<Int.random(in: 1...400, using: &random)).map { _ in random.next() }
                let a = Set((0..<Int.random(in: 0...300, using: &random)).compactMap { _ in pool.randomElement(using: &random) }).sorted()
                let b = Set((0..<Int.random(in: 0...300, using: &random)).compactMap { _ in pool.randomElement(using: &random) }).sorted()
                let full = PairSimilarity.exact(a, b)
                let bounded = PairSimilarity.exact(a, b, unlessBelow: finder.minimumIntersection(sizeA: a.count, sizeB: b.count))
                if finder.accepts(full) { #expect(bounded == full) }
                if let bounded { #expect(bounded == full) } else { stoppedEarly += 1 }
            }
            #expect(stoppedEarly > 0, "pairs far below the threshold stop early")
        }
        let disjoint = PairSimilarity.exact(Array(0..<1000), Array(1000..<2000), unlessBelow: 600)
        #expect(disjoint == nil)
    }
}

@Suite struct BandKeyTableSortingTests {
    @Test func bucketSortByKeyEqualsStableSort() {
        var random = SplitMix64(seed: 11)
        for count in [0, 1, 63, 64, 65, 1000, 5000] {
            // Uniform keys, plus runs of equal keys and a skewed block that overflows a bucket.
            var entries: [BandKeyTable.BandEntry] = (0..<count).map { document in
                let key: UInt64 = document % 7 == 0 ? 42 : (document % 11 == 0 ? UInt64(document % 50) : random.next())
                return BandKeyTable.BandEntry(key: key, document: UInt32(document))
            }
            let expected = entries.sorted { $0.key < $1.key || ($0.key == $1.key && $0.document < $1.document) }
            BandKeyTable.sortByKey(&entries)
            #expect(entries.map(\.key) == expected.map(\.key), "\(count) entries")
            #expect(entries.map(\.document) == expected.map(\.document), "\(count) entries")
        }
    }

    @Test func radixSortOfPackedPairsEqualsSort() {
        var random = SplitMix64(seed: 13)
        for documents in [2, 3, 1000, 70_000, 1 << 20] {
            let bits = UInt64.bitWidth - UInt64(documents - 1).leadingZeroBitCount
            var pairs: [UInt64] = (0..<3000).map { _ in
                let a = UInt64.random(in: 0..<UInt64(documents), using: &random)
                let b = UInt64.random(in: 0..<UInt64(documents), using: &random)
                return min(a, b) << 32 | max(a, b)
            }
            let expected = pairs.sorted()
            BandKeyTable.radixSortPairs(&pairs, documentBits: bits)
            #expect(pairs == expected, "\(documents) documents")
        }
    }
}

@Suite struct UnionFindTests {
    @Test func groupsAreSortedComponents() {
        var sets = UnionFind(count: 9)
        sets.union(7, 2)
        sets.union(4, 8)
        sets.union(2, 5)
        sets.union(5, 7)
        #expect(sets.find(7) == sets.find(5))
        #expect(sets.find(0) == 0)
        #expect(sets.groups() == [[2, 5, 7], [4, 8]])
        #expect(UnionFind(count: 0).count == 0)
    }
}

@Suite struct DedupConfigurationTests {
    @Test func defaultsValidate() throws {
        try DedupConfiguration().validate()
        try DedupConfiguration(bands: 16, rows: 8).validate()
    }

    @Test(arguments: [
        (DedupConfiguration(shingleSize: 0), "shingleSize"),
        (DedupConfiguration(permutations: 0), "permutations"),
        (DedupConfiguration(threshold: 1.5), "threshold"),
        (DedupConfiguration(containmentThreshold: 0), "containmentThreshold"),
        (DedupConfiguration(minimumShingles: 0), "minimumShingles"),
        (DedupConfiguration(bands: 20, rows: 8), "bands × rows"),
        (DedupConfiguration(bands: 20), "bands and rows"),
    ])
    func badParametersAreNamed(_ configuration: DedupConfiguration, _ name: String) {
        do {
            try configuration.validate()
            Issue.record("\(name) should not validate")
        } catch let error as WiretraceError {
            #expect(error.code == .configuration)
            #expect(error.message.hasPrefix(name), "\(error.message)")
            #expect(error.message.contains("allowed") || error.message.contains("together"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func partialJSONKeepsDefaults() throws {
        let decoded = try JSONDecoder().decode(DedupConfiguration.self, from: Data(#"{"threshold": 0.7}"#.utf8))
        #expect(decoded == DedupConfiguration(threshold: 0.7))
        let encoded = try JSONEncoder().encode(DedupConfiguration(bands: 8, rows: 4))
        #expect(try JSONDecoder().decode(DedupConfiguration.self, from: encoded) == DedupConfiguration(bands: 8, rows: 4))
    }
}

@Suite struct CandidateStageTests {
    /// A table whose band keys are drawn from a small range, so buckets of every size occur; the
    /// candidates must be every pair sharing a band key, sorted and unique, whatever the workers
    /// (two workers split the pairs into partitions by their first document).
    @Test func candidatePairsAreEveryPairSharingABandKey() {
        var random = SplitMix64(seed: 29)
        let banding = LSHBanding(bands: 3, rows: 1)
        for documents in [1, 2, 17, 700, 5000] {
            var table = BandKeyTable(banding: banding)
            var keys: [[UInt64]?] = []
            for document in 0..<documents {
                let documentKeys: [UInt64]? = document % 11 == 5
                    ? nil : (0..<3).map { _ in UInt64.random(in: 0..<UInt64(max(2, documents / 3)), using: &random) &* 0x9E37_79B9_7F4A_7C15 }
                keys.append(documentKeys)
                table.append(documentKeys)
            }
            var expected: [DocumentPair] = []
            for a in 0..<documents {
                guard let keysA = keys[a] else { continue }
                for b in (a + 1)..<max(a + 1, documents) {
                    guard let keysB = keys[b] else { continue }
                    if (0..<3).contains(where: { keysA[$0] == keysB[$0] }) { expected.append(DocumentPair(a: a, b: b)) }
                }
            }
            #expect(table.candidatePairs(workers: 2) == expected, "\(documents) documents")
            #expect(table.candidatePairs(workers: 1) == expected, "\(documents) documents")
            #expect(table.candidatePairs(workers: 3) == expected, "\(documents) documents")
            #expect(table.packedCandidatePairs(workers: 2) == expected.map(CandidateVerification.packed), "\(documents) documents")
            // Made in rounds (as tables of 2^18 documents and more are): rounds of at most 1, 50 and
            // 1,000 proposals, so that most rounds hold a few partitions and some one alone.
            for roundPairs in [1, 50, 1000] {
                for workers in [1, 2, 3] {
                    #expect(
                        table.packedCandidatePairs(workers: workers, roundPairs: roundPairs) == expected.map(CandidateVerification.packed),
                        "\(documents) documents, rounds of \(roundPairs), \(workers) workers")
                }
            }
        }
    }

    @Test func radixSortSkipsOnlyTheConstantTopBits() {
        var random = SplitMix64(seed: 31)
        let documents = 100_000
        let bits = UInt64.bitWidth - UInt64(documents - 1).leadingZeroBitCount
        for partition in 0..<16 {
            // a's top 4 bits fixed to `partition`; b anywhere above a.
            let low = UInt64(partition) << UInt64(bits - 4)
            let high = min(UInt64(partition + 1) << UInt64(bits - 4), UInt64(documents - 1))
            guard low < high else { continue }
            var pairs: [UInt64] = (0..<4000).map { _ in
                let a = UInt64.random(in: low..<high, using: &random)
                let b = UInt64.random(in: (a + 1)..<UInt64(documents), using: &random)
                return a << 32 | b
            }
            let expected = pairs.sorted()
            BandKeyTable.radixSortPairs(&pairs, documentBits: bits, constantTopBits: 4)
            #expect(pairs == expected, "partition \(partition)")
        }
    }

    /// Keys kept in blocks of documents: appended and replaced across block boundaries, every
    /// document's keys read back as given (zeros for a document without shingles).
    @Test func bandKeysSurviveBlocksAndReplacement() {
        var random = SplitMix64(seed: 41)
        let banding = LSHBanding(bands: 5, rows: 2)
        var table = BandKeyTable(banding: banding)
        var expected: [[UInt64]?] = []
        for document in 0..<(2 * BandKeyTable.blockDocuments + 3) {
            let keys: [UInt64]? = document % 9 == 4 ? nil : (0..<5).map { _ in random.next() }
            table.append(keys)
            expected.append(keys)
        }
        for document in [0, BandKeyTable.blockDocuments - 1, BandKeyTable.blockDocuments, expected.count - 1, 4] {
            let keys: [UInt64]? = document == 0 ? nil : (0..<5).map { _ in random.next() }
            table.replace(document, with: keys)
            expected[document] = keys
        }
        #expect(table.count == expected.count)
        for (document, keys) in expected.enumerated() {
            #expect(table.keys(of: document) == (keys ?? [0, 0, 0, 0, 0]), "document \(document)")
            #expect(table.indexed[document] == (keys != nil), "document \(document)")
        }
    }

    /// Several bands' arrays of one partition, with pairs repeated within and across arrays
    /// (documents sharing several bands): one sorted list without repeats, for one to four passes.
    @Test func sortedUniquePairsJoinsListsAndDropsRepeats() {
        var random = SplitMix64(seed: 37)
        for documents in [2, 3, 40, 1000, 100_000, 1 << 22] {
            let bits = UInt64.bitWidth - UInt64(documents - 1).leadingZeroBitCount
            let topBits = min(bits, 4)
            // Every a below 2^(bits − topBits): the top `topBits` bits of a are zero.
            let aLimit = UInt64(max(1, documents >> topBits))
            let shared: [UInt64] = (0..<300).map { _ in
                let a = UInt64.random(in: 0..<aLimit, using: &random)
                return a << 32 | UInt64.random(in: a..<UInt64(documents), using: &random)
            }
            let lists: [[UInt64]] = [[], shared] + (0..<3).map { _ in
                (0..<700).map { index in
                    if index % 3 == 0 { return shared.randomElement(using: &random)! }
                    let a = UInt64.random(in: 0..<aLimit, using: &random)
                    return a << 32 | UInt64.random(in: a..<UInt64(documents), using: &random)
                } + shared.prefix(50)
            }
            let expected = Set(lists.joined()).sorted()
            #expect(expected.count < lists.joined().count)
            #expect(BandKeyTable.sortedUniquePairs(lists, documentBits: bits, constantTopBits: topBits) == expected, "\(documents) documents")
            #expect(BandKeyTable.sortedUniquePairs(lists, documentBits: bits) == expected, "\(documents) documents")
        }
        #expect(BandKeyTable.sortedUniquePairs([[], []], documentBits: 17).isEmpty)
    }

    /// Parts as the component split gives them; when everything fits, one part of every candidate
    /// document in order, with all the pairs, and the split's parts otherwise.
    @Test func partsHoldWholeComponentsWithinTheBudget() {
        // Components {0, 3, 9}, {1, 4}, {6, 7}; documents 2, 5, 8 are in no pair.
        let candidates = [DocumentPair(a: 0, b: 3), DocumentPair(a: 1, b: 4), DocumentPair(a: 3, b: 9), DocumentPair(a: 6, b: 7)]
        let size: (Int) -> Int = { 10 + $0 }
        let total = [0, 1, 3, 4, 6, 7, 9].reduce(0) { $0 + size($1) }
        var reordered = candidates.map(CandidateVerification.packed)
        let whole = CandidateVerification.parts(of: &reordered, documentCount: 10, budget: total, shingleCount: size)
        #expect(whole.count == 1)
        #expect(whole.first?.documents == [0, 1, 3, 4, 6, 7, 9])
        #expect(whole.first?.pairs == 0..<4 && reordered == candidates.map(CandidateVerification.packed))
        // {0, 3, 9} = 42, {1, 4} = 25, {6, 7} = 33 (100 in all): at 99 the first two share a part, the third gets its own.
        let split = CandidateVerification.parts(of: &reordered, documentCount: 10, budget: total - 1, shingleCount: size)
        #expect(split.map(\.documents) == [[0, 1, 3, 4, 9], [6, 7]])
        #expect(split.map { reordered[$0.pairs].sorted().map { DocumentPair(a: CandidateVerification.first($0), b: CandidateVerification.second($0)) } } == [
            [DocumentPair(a: 0, b: 3), DocumentPair(a: 1, b: 4), DocumentPair(a: 3, b: 9)], [DocumentPair(a: 6, b: 7)],
        ])
        var none: [UInt64] = []
        #expect(CandidateVerification.parts(of: &none, documentCount: 10, budget: total, shingleCount: size).isEmpty)
    }
}
