/// Disjoint sets over 0..<count, with union by size and path halving.
public struct UnionFind: Sendable {
    private var parent: [Int]
    private var size: [Int]

    public init(count: Int) {
        precondition(count >= 0, "count must not be negative, got \(count)")
        parent = Array(0..<count)
        size = Array(repeating: 1, count: count)
    }

    public var count: Int { parent.count }

    /// The representative of `a`'s set.
    ///
    /// - Complexity: amortised O(α(n)).
    public mutating func find(_ a: Int) -> Int {
        var node = a
        while parent[node] != node {
            parent[node] = parent[parent[node]]
            node = parent[node]
        }
        return node
    }

    /// Merges the sets of `a` and `b`.
    ///
    /// - Complexity: amortised O(α(n)).
    public mutating func union(_ a: Int, _ b: Int) {
        var rootA = find(a)
        var rootB = find(b)
        guard rootA != rootB else { return }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = rootA
        size[rootA] += size[rootB]
    }

    /// Groups of size ≥ 2, each sorted, groups sorted by first member.
    ///
    /// - Complexity: O(n α(n)).
    public mutating func groups() -> [[Int]] {
        var membersByRoot: [Int: [Int]] = [:]
        for element in 0..<parent.count where size[find(element)] > 1 {
            membersByRoot[find(element), default: []].append(element)
        }
        return membersByRoot.values.sorted { $0[0] < $1[0] }
    }
}
