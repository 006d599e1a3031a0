#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The best split of a small similarity graph in two, by normalised cut (Shi and Malik 2000).
///
/// The normalised cut of a split (A, B) is cut(A, B)/assoc(A) + cut(A, B)/assoc(B), where cut sums
/// the similarities across the split and assoc sums every similarity touching one side. It is low
/// only when both sides hold together better than they hold to each other, whatever the overall
/// level of similarity: a story of one event has no such split, two events of one kind do.
///
/// The split is found as in the paper: the nodes are ordered by the second eigenvector of the
/// normalised similarity matrix (found by power iteration), every cut along that order is tried,
/// and then single nodes move to the other side while that lowers the cut (the borderline ones).
/// ``exhaustive(_:weights:minimumSide:)`` is the reference that tries every split; tests compare.
struct NormalizedCut: Equatable {
    /// Node indices of the two sides, each sorted; `left` holds node 0.
    var left: [Int]
    var right: [Int]
    /// The normalised cut of the split, in [0, 2].
    var value: Double

    /// The split with the lowest normalised cut among the cuts along the spectral order, with at
    /// least `minimumSide` weight on each side (`weights` default to 1 per node). Nil when no cut
    /// leaves that much on both sides or the graph has no edges.
    ///
    /// - Parameter similarity: symmetric, non-negative, the diagonal ignored.
    /// - Complexity: O(n² · k) for k = 300 power iterations, and O(n²) for the sweep.
    static func spectral(_ similarity: [[Double]], weights: [Double]? = nil, minimumSide: Double) -> NormalizedCut? {
        let n = similarity.count
        guard n >= 2 else { return nil }
        let degree = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + ($1 == i ? 0 : similarity[i][$1]) } }
        guard degree.contains(where: { $0 > 0 }) else { return nil }
        // An isolated node has nothing to hold it: it goes to the side the vector puts it on, with
        // a tiny degree so the normalisation stays finite.
        let scale = degree.map { 1 / max($0, 1e-12).squareRoot() }
        // The top eigenvector of D^-1/2 W D^-1/2 is D^1/2·1; iterate (M + I)/2 against it.
        var top = degree.map { $0.squareRoot() }
        let topNorm = top.reduce(0) { $0 + $1 * $1 }.squareRoot()
        top = top.map { $0 / topNorm }
        // Deterministic start that is not orthogonal to a two-block split.
        var vector = (0..<n).map { Double($0 + 1) / Double(n) - 0.5 + (($0 % 2 == 0) ? 0.1 : -0.1) }
        for _ in 0..<300 {
            let projection = zip(vector, top).reduce(0) { $0 + $1.0 * $1.1 }
            for i in 0..<n { vector[i] -= projection * top[i] }
            var next = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var sum = 0.0
                for j in 0..<n where j != i { sum += similarity[i][j] * scale[j] * vector[j] }
                next[i] = 0.5 * (scale[i] * sum + vector[i])
            }
            let norm = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { break }
            vector = next.map { $0 / norm }
        }
        let order = (0..<n).sorted { a, b in
            let x = vector[a] * scale[a], y = vector[b] * scale[b]
            return x != y ? x < y : a < b
        }
        let weights = weights ?? Array(repeating: 1, count: n)
        return sweep(similarity, order: order, degree: degree, weights: weights, minimumSide: minimumSide)
    }

    /// The best cut among the prefixes of `order`. - Complexity: O(n²)
    private static func sweep(
        _ similarity: [[Double]], order: [Int], degree: [Double], weights: [Double], minimumSide: Double
    ) -> NormalizedCut? {
        let n = order.count
        let total = degree.reduce(0, +), totalWeight = weights.reduce(0, +)
        var inLeft = [Bool](repeating: false, count: n)
        var cut = 0.0, assocLeft = 0.0, weightLeft = 0.0
        var best: (value: Double, size: Int)?
        for size in 1..<n {
            let node = order[size - 1]
            // Moving `node` left: its edges to the left stop being cut, those to the right start.
            for other in 0..<n where other != node {
                cut += inLeft[other] ? -similarity[node][other] : similarity[node][other]
            }
            inLeft[node] = true
            assocLeft += degree[node]
            weightLeft += weights[node]
            guard weightLeft >= minimumSide, totalWeight - weightLeft >= minimumSide else { continue }
            let value = value(cut: max(cut, 0), assocLeft: assocLeft, assocRight: total - assocLeft)
            if best == nil || value < best!.value { best = (value, size) }
        }
        guard let best else { return nil }
        return refine(similarity, left: Set(order.prefix(best.size)), degree: degree, weights: weights, minimumSide: minimumSide)
    }

    /// Moves one node at a time to the other side while that lowers the normalised cut (and both
    /// sides keep `minimumSide`): the spectral order places most nodes, this places the borderline
    /// ones. - Complexity: O(n²) per move, at most 4n moves.
    private static func refine(
        _ similarity: [[Double]], left start: Set<Int>, degree: [Double], weights: [Double], minimumSide: Double
    ) -> NormalizedCut {
        let n = similarity.count
        var inLeft = (0..<n).map { start.contains($0) }
        let total = degree.reduce(0, +), totalWeight = weights.reduce(0, +)
        func state() -> (cut: Double, assocLeft: Double, weightLeft: Double) {
            var cut = 0.0, assocLeft = 0.0, weightLeft = 0.0
            for i in 0..<n where inLeft[i] {
                assocLeft += degree[i]
                weightLeft += weights[i]
                for j in 0..<n where !inLeft[j] { cut += similarity[i][j] }
            }
            return (cut, assocLeft, weightLeft)
        }
        var current = state()
        var currentValue = value(cut: current.cut, assocLeft: current.assocLeft, assocRight: total - current.assocLeft)
        for _ in 0..<(4 * n) {
            var best: (node: Int, value: Double)?
            for node in 0..<n {
                var toLeft = 0.0, toRight = 0.0
                for other in 0..<n where other != node {
                    if inLeft[other] { toLeft += similarity[node][other] } else { toRight += similarity[node][other] }
                }
                let sign = inLeft[node] ? -1.0 : 1.0
                let weightLeft = current.weightLeft + sign * weights[node]
                guard weightLeft >= minimumSide, totalWeight - weightLeft >= minimumSide else { continue }
                let cut = inLeft[node] ? current.cut - toRight + toLeft : current.cut - toLeft + toRight
                let assocLeft = current.assocLeft + sign * degree[node]
                let moved = value(cut: max(cut, 0), assocLeft: assocLeft, assocRight: total - assocLeft)
                if moved < currentValue - 1e-12, best == nil || moved < best!.value { best = (node, moved) }
            }
            guard let best else { break }
            inLeft[best.node].toggle()
            current = state()
            currentValue = best.value
        }
        return make(Set((0..<n).filter { inLeft[$0] }), n: n, value: currentValue)
    }

    /// The best split of all 2ⁿ⁻¹ − 1, for tests and small graphs. - Complexity: O(2ⁿ · n²)
    static func exhaustive(_ similarity: [[Double]], weights: [Double]? = nil, minimumSide: Double) -> NormalizedCut? {
        let n = similarity.count
        guard n >= 2, n <= 20 else { return nil }
        let weights = weights ?? Array(repeating: 1, count: n)
        var best: NormalizedCut?
        // Node 0 always on the left: each split is visited once.
        for mask in 0..<(1 << (n - 1)) {
            let left = Set([0] + (1..<n).filter { mask & (1 << ($0 - 1)) != 0 })
            guard left.count < n else { continue }
            let weightLeft = left.reduce(0) { $0 + weights[$1] }
            guard weightLeft >= minimumSide, weights.reduce(0, +) - weightLeft >= minimumSide else { continue }
            var cut = 0.0, assocLeft = 0.0, assocRight = 0.0
            for i in 0..<n {
                for j in 0..<n where j != i {
                    if left.contains(i) { assocLeft += similarity[i][j] } else { assocRight += similarity[i][j] }
                    if left.contains(i), !left.contains(j) { cut += similarity[i][j] }
                }
            }
            let value = value(cut: cut, assocLeft: assocLeft, assocRight: assocRight)
            if best == nil || value < best!.value - 1e-12 { best = make(left, n: n, value: value) }
        }
        return best
    }

    private static func value(cut: Double, assocLeft: Double, assocRight: Double) -> Double {
        (assocLeft > 0 ? cut / assocLeft : 1) + (assocRight > 0 ? cut / assocRight : 1)
    }

    private static func make(_ side: Set<Int>, n: Int, value: Double) -> NormalizedCut {
        let other = (0..<n).filter { !side.contains($0) }
        let one = side.sorted()
        return one.contains(0)
            ? NormalizedCut(left: one, right: other, value: value)
            : NormalizedCut(left: other, right: one, value: value)
    }
}
