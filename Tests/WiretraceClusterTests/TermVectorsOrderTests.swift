import Testing
import WiretraceCore
@testable import WiretraceCluster

/// A story's cut pass builds its node vectors from `Dictionary` values, whose order changes from one
/// process to the next; the normalised vector (and so every similarity and cut made of it) must
/// not depend on that order, down to the last bit.
@Suite struct TermVectorsOrderTests {
    /// Seeded weights of very different sizes, so that summing their squares in another order
    /// changes the norm's last bits.
    static func weights(count: Int, seed: UInt64) -> [(term: Int, weight: Double)] {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        return (0..<count).map { index in
            let mantissa = Double(next() % 1_000_000) / 1_000_000 + 0.001
            let scale = [1e-6, 0.003, 0.7, 1.0, 13.0, 4_000.0][Int(next() % 6)]
            return (term: index * 3 + 1, weight: mantissa * scale)
        }
    }

    @Test("the same weights in any order give the same vector, bit for bit", arguments: [5, 40, 300])
    func orderDoesNotMatter(count: Int) {
        for seed in UInt64(1)...20 {
            let inOrder = Self.weights(count: count, seed: seed)
            let reference = TermVectors.normalised(inOrder, keeping: 1_000)
            #expect(zip(reference, reference.dropFirst()).allSatisfy { $0.term < $1.term })
            var shuffled = inOrder
            var generator = SplitMix64(seed: seed &* 7919)
            for round in 0..<8 {
                shuffled.shuffle(using: &generator)
                let vector = TermVectors.normalised(shuffled, keeping: 1_000)
                #expect(vector.map(\.term) == reference.map(\.term), "seed \(seed), round \(round)")
                let differing = zip(vector, reference).filter { $0.weight.bitPattern != $1.weight.bitPattern }.count
                #expect(differing == 0, "seed \(seed), round \(round): \(differing) of \(count) weights differ")
            }
            // Cut to the strongest terms: the order of the input does not matter either.
            let cut = TermVectors.normalised(inOrder, keeping: count / 2 + 1)
            shuffled.shuffle(using: &generator)
            let shuffledCut = TermVectors.normalised(shuffled, keeping: count / 2 + 1)
            #expect(shuffledCut.map(\.term) == cut.map(\.term))
            #expect(zip(shuffledCut, cut).allSatisfy { $0.weight.bitPattern == $1.weight.bitPattern }, "seed \(seed), cut")
        }
    }
}
