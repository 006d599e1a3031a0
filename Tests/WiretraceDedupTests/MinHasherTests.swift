import WiretraceCore
import Testing
@testable import WiretraceDedup

@Suite struct MinHasherTests {
    @Test func emptySetGivesAllMax() {
        let signature = MinHasher(permutations: 16, seed: 1).signature(of: [])
        #expect(signature.values == Array(repeating: UInt64.max, count: 16))
        #expect(signature.isEmpty)
        #expect(signature.estimatedJaccard(with: signature) == 0, "empty texts are similar to nothing")
    }

    @Test func fastEqualsReferenceAndIsDeterministic() {
        var random = SplitMix64(seed: 7)
        let shingles = (0..<500).map { _ in random.next() }
        let hasher = MinHasher(permutations: 128, seed: 0x5749_5245_5452_4143)
        let signature = hasher.signature(of: shingles)
        #expect(signature == hasher.referenceSignature(of: shingles))
        #expect(signature == MinHasher(permutations: 128, seed: 0x5749_5245_5452_4143).signature(of: shingles.reversed()))
        #expect(signature != MinHasher(permutations: 128, seed: 1).signature(of: shingles))
    }

    @Test func pinnedValuesAreStableAcrossRuns() {
        // Computed independently (Python SplitMix64) for seed "WIRETRAC" over {1, 2, 3}.
        let signature = MinHasher(permutations: 2, seed: 0x5749_5245_5452_4143).signature(of: [1, 2, 3])
        #expect(signature.values == [0x17AE_9EF1_E821_02D8, 0x7065_B99C_CFE4_B5D0])
    }

    @Test func bytesRoundTrip() {
        var random = SplitMix64(seed: 9)
        let signature = MinHashSignature(values: (0..<128).map { _ in random.next() } + [0, .max])
        let bytes = signature.bytes
        #expect(bytes.count == 130 * 8)
        #expect(MinHashSignature(bytes: bytes) == signature)
        #expect(Array(MinHashSignature(values: [0x0102_0304_0506_0708]).bytes) == [8, 7, 6, 5, 4, 3, 2, 1])
        #expect(MinHashSignature(bytes: [1, 2, 3]) == nil)
    }

    /// Structured inputs (consecutive integers) are mixed before permuting: {0..<1000} and
    /// {500..<1500} have Jaccard 1/3; tolerance 0.15 (> 3 standard errors at 128 permutations).
    @Test func structuredShinglesEstimateWell() {
        let hasher = MinHasher(permutations: 128, seed: 1)
        let a = hasher.signature(of: (0..<1000).map { UInt64($0) })
        let b = hasher.signature(of: (500..<1500).map { UInt64($0) })
        #expect(abs(a.estimatedJaccard(with: b) - 1.0 / 3.0) < 0.15, "\(a.estimatedJaccard(with: b))")
    }

    /// 200 seeded pairs of generated texts with known overlap (a share of words replaced).
    /// Tolerance at 128 permutations: mean absolute error < 0.05 and every error < 0.2
    /// (the standard error is at most √(0.25/128) ≈ 0.044, so 0.2 is > 4.5 σ).
    @Test func estimateTracksExactJaccard() {
        var generator = TextGenerator(seed: 2021)
        let hasher = MinHasher(permutations: 128, seed: 0x5749_5245_5452_4143)
        var errors: [Double] = []
        var exacts: [Double] = []
        for pair in 0..<200 {
            let words = generator.words(Int.random(in: 80...400, using: &generator.random))
            let rate = Double(pair % 20) / 40  // 0 ... 0.475 of words replaced
            let a = Shingler.shingles(generator.text(words), size: 5)
            let b = Shingler.shingles(generator.text(generator.mutate(words, rate: rate)), size: 5)
            let exact = PairSimilarity.exact(a, b).jaccard
            let estimate = hasher.signature(of: a).estimatedJaccard(with: hasher.signature(of: b))
            errors.append(abs(exact - estimate))
            exacts.append(exact)
        }
        let mean = errors.reduce(0, +) / Double(errors.count)
        #expect(mean < 0.05, "mean absolute error \(mean)")
        #expect(errors.max()! < 0.2, "max error \(errors.max()!)")
        // The pairs cover the range, so the check is not only near 0 or 1.
        #expect(exacts.contains { $0 > 0.3 && $0 < 0.7 })
        #expect(exacts.min()! < 0.1 && exacts.max()! == 1)
        print("MinHash 128 permutations on 200 pairs: mean abs error \(mean), max \(errors.max()!)")
    }
}
