import WiretraceCore
import Testing
@testable import WiretraceDedup

@Suite struct OnePermutationHasherTests {
    /// Random sets with a chosen overlap: `shared` common values plus `own` values each.
    private func pair(shared: Int, own: Int, random: inout SplitMix64) -> ([UInt64], [UInt64]) {
        let common = (0..<shared).map { _ in random.next() }
        return (common + (0..<own).map { _ in random.next() }, common + (0..<own).map { _ in random.next() })
    }

    @Test func fastEqualsReferenceIncludingDensification() {
        var random = SplitMix64(seed: 11)
        let hasher = OnePermutationHasher(bins: 128, seed: 0x5749_5245_5452_4143)
        // 500 shingles fill every bin; 40 and 3 leave most bins to densification.
        for size in [500, 40, 3, 1] {
            let shingles = (0..<size).map { _ in random.next() }
            let signature = hasher.signature(of: shingles)
            #expect(signature == hasher.referenceSignature(of: shingles), "size \(size)")
            #expect(signature == hasher.signature(of: shingles.reversed() + shingles), "order and repeats must not matter")
            #expect(!signature.isEmpty)
        }
        #expect(hasher.signature(of: [1, 2, 3]) != OnePermutationHasher(bins: 128, seed: 1).signature(of: [1, 2, 3]))
    }

    /// The keys made straight from the bins, with buffers reused from set to set, are the keys of
    /// the full signature: sizes that fill every bin and sizes that leave most to densification,
    /// in an order where a reused buffer would carry a previous set's bins over.
    @Test func bandKeysWithScratchEqualKeysOfTheSignature() {
        var random = SplitMix64(seed: 12)
        let hasher = OnePermutationHasher(bins: 128, seed: 0x5749_5245_5452_4143)
        var scratch = OnePermutationHasher.Scratch()
        for banding in [LSHBanding(bands: 28, rows: 2), LSHBanding(bands: 32, rows: 4), LSHBanding(bands: 1, rows: 1)] {
            for size in [600, 3, 0, 1, 40, 2000, 7] {
                let shingles = (0..<size).map { _ in random.next() }
                let keys = shingles.withUnsafeBufferPointer { hasher.bandKeys(of: $0, banding: banding, scratch: &scratch) }
                #expect(keys == BandKeyTable.keys(of: hasher.signature(of: shingles), banding: banding), "size \(size)")
                #expect((keys == nil) == (size == 0))
            }
        }
    }

    @Test func emptySetIsEmptyAndSimilarToNothing() {
        let hasher = OnePermutationHasher(bins: 64, seed: 3)
        let empty = hasher.signature(of: [])
        #expect(empty.isEmpty)
        #expect(hasher.referenceSignature(of: []).isEmpty)
        #expect(empty.estimatedJaccard(with: empty) == 0)
        #expect(BandKeyTable.keys(of: empty, banding: LSHBanding(bands: 16, rows: 4)) == nil)
    }

    /// Estimates against exact Jaccard on 60 pairs of 300-700 shingles over J in 0.1...0.95.
    /// Tolerance: mean absolute error ≤ 0.04 and every error ≤ 0.15 (the standard error at 128
    /// bins is at most 0.044, so 0.15 is > 3 standard errors).
    @Test func estimatesMatchExactJaccard() {
        var random = SplitMix64(seed: 21)
        let hasher = OnePermutationHasher(bins: 128, seed: 0x5749_5245_5452_4143)
        var errors: [Double] = []
        for trial in 0..<60 {
            let total = 300 + trial * 7
            let shared = Int(Double(total) * (0.15 + 0.8 * Double(trial % 10) / 9))
            let (a, b) = pair(shared: shared, own: total - shared, random: &random)
            let exact = PairSimilarity.exact(a.sorted(), b.sorted()).jaccard
            let estimate = hasher.signature(of: a).estimatedJaccard(with: hasher.signature(of: b))
            errors.append(abs(estimate - exact))
        }
        let mean = errors.reduce(0, +) / Double(errors.count)
        #expect(mean <= 0.04, "mean error \(mean)")
        #expect(errors.max()! <= 0.15, "worst error \(errors.max()!)")
    }

    /// Structured shingles (consecutive integers) are mixed before binning: {0..<1000} and
    /// {500..<1500} have Jaccard 1/3.
    @Test func structuredShinglesEstimateWell() {
        let hasher = OnePermutationHasher(bins: 128, seed: 5)
        let estimate = hasher.signature(of: Array(0..<1000)).estimatedJaccard(with: hasher.signature(of: Array(500..<1500)))
        #expect(abs(estimate - 1.0 / 3) <= 0.15, "estimate \(estimate)")
    }

    @Test func sketcherSignsTextsAndGivesTheShinglerSet() {
        var generator = TextGenerator(seed: 4)
        let words = generator.words(400)
        let text = generator.text(words)
        let near = generator.text(generator.mutate(words, rate: 0.03))
        var sketcher = DedupSketcher(configuration: DedupConfiguration(), banding: LSHBanding(bands: 25, rows: 5))
        #expect(sketcher.shingleSet(of: text) == Shingler.shingles(text, size: 5))
        let hasher = OnePermutationHasher(bins: 128, seed: DedupConfiguration().seed)
        #expect(sketcher.signature(of: text) == hasher.signature(of: Shingler.shingles(text, size: 5)))
        let exact = PairSimilarity.exact(Shingler.shingles(text, size: 5), Shingler.shingles(near, size: 5)).jaccard
        let estimate = sketcher.signature(of: text).estimatedJaccard(with: sketcher.signature(of: near))
        #expect(abs(estimate - exact) <= 0.15, "estimate \(estimate), exact \(exact)")
        #expect(sketcher.bandKeys(of: text) == BandKeyTable.keys(of: sketcher.signature(of: text), banding: sketcher.banding))
        #expect(sketcher.bandKeys(of: "  ... ") == nil)
        #expect(sketcher.sketchSet(near).bandKeys == BandKeyTable.keys(of: sketcher.signature(of: near), banding: sketcher.banding))
        #expect(sketcher.sketchSet(near).set == Shingler.shingles(near, size: 5))
    }

    @Test func bandKeyTableFindsTheSameCandidatesAsLSHIndex() {
        // A corpus of families (a text and near copies of it) plus unrelated texts; the flat
        // table must propose exactly what the reference LSHIndex proposes over the same values.
        var generator = TextGenerator(seed: 8)
        var texts: [String] = []
        for _ in 0..<12 {
            let words = generator.words(300)
            texts.append(generator.text(words))
            texts.append(generator.text(generator.mutate(words, rate: 0.02)))
            texts.append(generator.text(generator.mutate(words, rate: 0.3)))
        }
        texts.append("")
        let banding = LSHBanding(bands: 25, rows: 5)
        var sketcher = DedupSketcher(configuration: DedupConfiguration(), banding: banding)
        var table = BandKeyTable(banding: banding)
        var reference = LSHIndex(banding: banding)
        for (document, text) in texts.enumerated() {
            let signature = sketcher.signature(of: text)
            table.append(BandKeyTable.keys(of: signature, banding: banding))
            let widened = MinHashSignature(values: signature.isEmpty ? Array(repeating: .max, count: 128) : signature.values.map(UInt64.init))
            reference.insert(document, signature: widened)
        }
        let pairs = table.candidatePairs(workers: 2)
        #expect(pairs == reference.candidatePairs())
        #expect(pairs == table.candidatePairs(workers: 1))
        for family in 0..<12 {
            #expect(pairs.contains(DocumentPair(3 * family, 3 * family + 1)), "2% edits (J ≈ 0.8, candidate probability > 0.999) must be candidates")
        }
        #expect(table.bytesPerDocument == 25 * 8 + 1)
    }
}
