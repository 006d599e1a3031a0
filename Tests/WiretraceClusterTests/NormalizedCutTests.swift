import Testing
@testable import WiretraceCluster

@Suite struct NormalizedCutTests {
    /// Two blocks of sizes `a` and `b`: strong inside, weak across, with seeded noise.
    static func blocks(_ a: Int, _ b: Int, inside: Double, across: Double, seed: UInt64) -> [[Double]] {
        var state = seed
        func noise() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * 0.1
        }
        let n = a + b
        var similarity = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let value = ((i < a) == (j < a) ? inside : across) + noise()
                similarity[i][j] = value
                similarity[j][i] = value
            }
        }
        return similarity
    }

    @Test(arguments: [(5, 4, 1 as UInt64), (6, 6, 2), (3, 9, 3), (7, 3, 4), (4, 4, 5)])
    func spectralFindsTheSameCutAsTryingEverySplit(a: Int, b: Int, seed: UInt64) throws {
        let similarity = Self.blocks(a, b, inside: 0.5, across: 0.1, seed: seed)
        let spectral = try #require(NormalizedCut.spectral(similarity, minimumSide: 2))
        let reference = try #require(NormalizedCut.exhaustive(similarity, minimumSide: 2))
        #expect(spectral.left == reference.left)
        #expect(abs(spectral.value - reference.value) < 1e-9)
        #expect(spectral.left == Array(0..<a))
        #expect(spectral.right == Array(a..<(a + b)))
    }

    @Test func oneCommunityHasAHighCutAndTwoALowOne() throws {
        let one = Self.blocks(5, 5, inside: 0.4, across: 0.4, seed: 7)
        let two = Self.blocks(5, 5, inside: 0.4, across: 0, seed: 7)
        let high = try #require(NormalizedCut.spectral(one, minimumSide: 2)).value
        let low = try #require(NormalizedCut.spectral(two, minimumSide: 2)).value
        #expect(high > 0.9)
        #expect(low < 0.4)
    }

    @Test func weightsAndTheMinimumSideAreRespected() throws {
        // Node 0 alone is the weakest part, but a side needs weight 3: node 0 weighs 3 itself.
        var similarity = Self.blocks(1, 5, inside: 0.5, across: 0.05, seed: 9)
        #expect(NormalizedCut.spectral(similarity, minimumSide: 2)?.left != [0])
        let weighted = try #require(NormalizedCut.spectral(similarity, weights: [3, 1, 1, 1, 1, 1], minimumSide: 3))
        #expect(weighted.left == [0])
        #expect(NormalizedCut.spectral(similarity, minimumSide: 4) == nil)
        // No edges at all: nothing to cut on.
        similarity = [[Double]](repeating: [0, 0, 0, 0], count: 4)
        #expect(NormalizedCut.spectral(similarity, minimumSide: 1) == nil)
    }
}
