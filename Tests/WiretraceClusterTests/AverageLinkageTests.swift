import Testing
import WiretraceCore
@testable import WiretraceCluster

/// Average linkage against a reference that rescans every pair of clusters before each merge.
@Suite struct AverageLinkageTests {
    /// The reference: while the best pair of clusters (average over all member pairs, missing
    /// edges 0; ties to the smaller ids, a cluster named by its smallest member) reaches the
    /// threshold, merge it.
    static func reference(count: Int, edges: [(a: Int, b: Int, similarity: Double)], threshold: Double) -> [[Int]] {
        var similarity = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
        for edge in edges {
            similarity[edge.a][edge.b] = edge.similarity
            similarity[edge.b][edge.a] = edge.similarity
        }
        var clusters = (0..<count).map { [$0] }
        while true {
            var best: (score: Double, i: Int, j: Int)?
            for i in clusters.indices {
                for j in clusters.indices where j > i {
                    let sum = clusters[i].reduce(0.0) { total, x in clusters[j].reduce(total) { $0 + similarity[x][$1] } }
                    let score = sum / Double(clusters[i].count * clusters[j].count)
                    if best == nil || score > best!.score { best = (score, i, j) }
                }
            }
            guard let best, best.score >= threshold else { break }
            clusters[best.i] = (clusters[best.i] + clusters[best.j]).sorted()
            clusters.remove(at: best.j)
        }
        return clusters
    }

    @Test(arguments: 0..<60)
    func mergesAsTheReference(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let count = Int.random(in: 4...24, using: &random)
        var edges: [(a: Int, b: Int, similarity: Double)] = []
        for a in 0..<count {
            for b in (a + 1)..<count where Int.random(in: 0..<3, using: &random) == 0 {
                // Multiples of 1/16, so every sum is exact and averages tie at the threshold.
                edges.append((a, b, Double(Int.random(in: 1...16, using: &random)) / 16))
            }
        }
        let threshold = [0.25, 0.5, 0.625][seed % 3]
        #expect(
            AverageLinkage.clusters(sizes: Array(repeating: 1, count: count), edges: edges, threshold: threshold)
                == Self.reference(count: count, edges: edges, threshold: threshold))
    }
}
