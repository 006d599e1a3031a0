import Testing
@testable import WiretraceDedup

@Suite struct LSHTests {
    @Test func optimalBandingFor05And128() {
        let banding = LSHBanding.optimal(threshold: 0.5, permutations: 128)
        print("LSHBanding.optimal(0.5, 128) = \(banding.bands) × \(banding.rows), S-curve ~\(banding.approximateThreshold)")
        #expect(banding.bands * banding.rows <= 128)
        #expect(banding.bands >= 2 && banding.rows >= 2)
        #expect(abs(banding.approximateThreshold - 0.5) < 0.1)
        #expect(banding.candidateProbability(similarity: 0.8) > 0.99)
        #expect(banding.candidateProbability(similarity: 0.2) < 0.05)
    }

    @Test func optimalBandingFor08HasLongerRows() {
        let loose = LSHBanding.optimal(threshold: 0.5, permutations: 128)
        let strict = LSHBanding.optimal(threshold: 0.8, permutations: 128)
        print("LSHBanding.optimal(0.8, 128) = \(strict.bands) × \(strict.rows), S-curve ~\(strict.approximateThreshold)")
        #expect(strict.bands * strict.rows <= 128)
        #expect(strict.rows > loose.rows)
        #expect(abs(strict.approximateThreshold - 0.8) < 0.1)
        #expect(strict.candidateProbability(similarity: 0.5) < 0.1)
    }

    @Test func optimalBandingRespectsSmallPermutationCounts() {
        for permutations in [1, 2, 7, 16, 64, 256] {
            for threshold in [0.2, 0.5, 0.9] {
                let banding = LSHBanding.optimal(threshold: threshold, permutations: permutations)
                #expect(banding.bands * banding.rows <= permutations)
            }
        }
    }

    /// The optimum with s^rows computed once per rows value picks exactly the band shape the
    /// plain integral does, over thresholds, permutation counts and weights.
    @Test func optimalBandingEqualsThePlainIntegral() {
        for permutations in [1, 3, 16, 100, 128, 200] {
            for threshold in [0.05, 0.3, 0.5, 0.55, 0.7, 0.85, 0.95, 1.0] {
                for (falsePositive, falseNegative) in [(0.5, 0.5), (0.9, 0.1), (0.2, 0.8)] {
                    let fast = LSHBanding.optimal(
                        threshold: threshold, permutations: permutations,
                        falsePositiveWeight: falsePositive, falseNegativeWeight: falseNegative)
                    let plain = LSHBanding.referenceOptimal(
                        threshold: threshold, permutations: permutations,
                        falsePositiveWeight: falsePositive, falseNegativeWeight: falseNegative)
                    #expect(fast == plain, "t \(threshold), k \(permutations), weights \(falsePositive)/\(falseNegative)")
                }
            }
        }
    }

    @Test func identicalSignaturesPairAndEmptyOnesDoNot() {
        let hasher = MinHasher(permutations: 32, seed: 3)
        let text = Shingler.shingles("Myanmar junta leader thanks Russia for boosting military in Moscow talks", size: 3)
        var index = LSHIndex(banding: LSHBanding(bands: 8, rows: 4))
        index.insert(4, signature: hasher.signature(of: text))
        index.insert(1, signature: hasher.signature(of: text))
        index.insert(2, signature: hasher.signature(of: []))
        index.insert(3, signature: hasher.signature(of: []))
        #expect(index.candidatePairs() == [DocumentPair(a: 1, b: 4)])
        #expect(DocumentPair(5, 2) == DocumentPair(a: 2, b: 5))
    }

    /// Families of near-duplicates among unrelated texts: every pair with exact Jaccard ≥ 0.7 is a
    /// candidate under the finder's derived banding.
    @Test func findsAllPairsAboveSevenTenths() {
        var generator = TextGenerator(seed: 77)
        var documents: [[UInt64]] = []
        for _ in 0..<25 {
            let words = generator.words(Int.random(in: 150...350, using: &generator.random))
            documents.append(Shingler.shingles(generator.text(words), size: 5))
            for copy in 0..<3 {
                let variant = generator.mutate(words, rate: [0.0, 0.02, 0.05][copy])
                documents.append(Shingler.shingles(generator.text(variant), size: 5))
            }
        }
        for _ in 0..<50 {
            documents.append(Shingler.shingles(generator.text(generator.words(200)), size: 5))
        }
        let finder = DuplicateFinder(configuration: DedupConfiguration())
        let hasher = MinHasher(permutations: 128, seed: DedupConfiguration().seed)
        var index = LSHIndex(banding: finder.banding)
        for (id, shingles) in documents.enumerated() {
            index.insert(id, signature: hasher.signature(of: shingles))
        }
        let candidates = Set(index.candidatePairs())
        var similarPairs = 0
        for a in 0..<documents.count {
            for b in (a + 1)..<documents.count where PairSimilarity.exact(documents[a], documents[b]).jaccard >= 0.7 {
                similarPairs += 1
                #expect(candidates.contains(DocumentPair(a: a, b: b)), "missed \(a)-\(b)")
            }
        }
        #expect(similarPairs >= 75, "each family gives at least 3 pairs at J ≥ 0.7 (\(similarPairs))")
    }
}

@Suite struct LSHBandingDatasketchTests {
    /// datasketch 1.x `_optimal_param(t, 128, 0.5, 0.5)` gives these (checked with pip's datasketch).
    @Test(arguments: [(0.5, 25, 5), (0.8, 9, 13), (0.2, 28, 2)])
    func matchesDatasketch(_ threshold: Double, _ bands: Int, _ rows: Int) {
        #expect(LSHBanding.optimal(threshold: threshold, permutations: 128) == LSHBanding(bands: bands, rows: rows))
    }
}
