/// What the story level's pruned candidate search reads, built once for a collection: per term,
/// the weights of its postings, for terms in few enough nodes to propose candidates
/// (``StoryClusterer/prunedCandidates(_:termCount:)``); they are kept in the ``PackedPostings``.
struct PrunedCandidateIndex: Sendable {
    /// Terms in more nodes than this propose no candidates.
    let maximumPostings: Int

    /// The bound for a collection of `nodeCount` nodes: 1% of them, at least 50, at most
    /// ``StoryClusterer/maximumCandidatePostings``.
    static func maximumPostings(nodeCount: Int) -> Int {
        min(max(50, nodeCount / 100), StoryClusterer.maximumCandidatePostings)
    }

    /// - Parameter postings: built with weights up to ``maximumPostings(nodeCount:)``.
    init(nodeCount: Int, postings: PackedPostings) {
        let maximumPostings = Self.maximumPostings(nodeCount: nodeCount)
        precondition(postings.maximumPostings == maximumPostings, "postings built with the weights of another bound")
        self.maximumPostings = maximumPostings
    }

    /// Node i's candidates: the nodes j > i with the highest partial dot products over i's terms
    /// that propose candidates, the top ``StoryClusterer/candidatesPerNode``, ascending.
    ///
    /// - Parameters:
    ///   - accumulator: one zero per node; given back all zeros.
    ///   - touched: scratch, given back empty.
    func candidates(
        of i: Int, _ vectors: PackedVectors, postings: PackedPostings, accumulator: inout [Double], touched: inout [Int]
    ) -> [Int] {
        let bound = Int32(truncatingIfNeeded: i)
        for entryPosition in vectors.range(i) {
            let term = Int(vectors.terms[entryPosition])
            let weight = vectors.weights[entryPosition]
            let range = postings.range(term)
            guard range.count <= maximumPostings else { continue }
            let weightStart = postings.weightStart(term)
            // Nodes are ascending: start after i. The inner loop reads only inside the three
            // buffers (positions inside the term's range, which the weights and the accumulator cover).
            postings.nodes.withUnsafeBufferPointer { nodes in
                postings.weights.withUnsafeBufferPointer { termWeights in
                    accumulator.withUnsafeMutableBufferPointer { accumulator in
                        var low = range.lowerBound
                        var high = range.upperBound
                        while low < high {
                            let middle = (low + high) / 2
                            if nodes[middle] <= bound { low = middle + 1 } else { high = middle }
                        }
                        var position = low
                        while position < range.upperBound {
                            let j = Int(nodes[position])
                            if accumulator[j] == 0 { touched.append(j) }
                            accumulator[j] += weight * termWeights[weightStart + position - range.lowerBound]
                            position += 1
                        }
                    }
                }
            }
        }
        var best = touched.map { (node: $0, score: accumulator[$0]) }
        let keep = StoryClusterer.candidatesPerNode
        if best.count > keep {
            // The top k by (score descending, node ascending), a strict order: selected in
            // linear time rather than by sorting thousands of touched nodes.
            StoryClusterer.selectFirst(keep, of: &best) { $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node }
            best.removeLast(best.count - keep)
        }
        for j in touched { accumulator[j] = 0 }
        touched.removeAll(keepingCapacity: true)
        return best.map(\.node).sorted()
    }
}

/// Scores each node against its candidate nodes j > i into edges: what the story level's first
/// pass reads, shared (read only) by the threads that score, each with a ``Scratch`` of its own.
struct CandidateScoring: Sendable {
    let nodeVectors: PackedVectors
    let nodeEntities: PackedVectors
    let nodeTime: [Double?]
    let nodeQuotes: NodeQuotes
    /// Seconds: nodes published further apart score 0.
    let window: Double
    /// Weight of the entity cosine in the mix.
    let share: Double
    let sharedQuoteBonus: Double
    /// Across languages, nodes linked by their anchors are candidates too and score at least
    /// that similarity; nil in a collection of one language.
    let cross: CrossLanguageNodes?
    /// Scores below it make no edge.
    let floor: Double
    /// By term id, the nodes holding it, ascending.
    let postings: PackedPostings
    /// The pruned search for large collections; nil: every node sharing a term is a candidate.
    let pruned: PrunedCandidateIndex?

    /// One thread's working memory: node i's weights scattered by term id, so that its
    /// similarity to each candidate j is one pass over j's terms instead of a merge walk (the
    /// same products, added in the same ascending term order, so the same sums), and the edges
    /// it has scored since it was last drained.
    final class Scratch: @unchecked Sendable {
        fileprivate var dense: [Double]
        fileprivate var denseEntities: [Double]
        fileprivate var accumulator: [Double]
        fileprivate var touched: [Int] = []
        fileprivate var edges = EdgeList()

        init(termCount: Int, nodeCount: Int) {
            dense = Array(repeating: 0, count: termCount)
            denseEntities = Array(repeating: 0, count: termCount)
            accumulator = Array(repeating: 0, count: nodeCount)
        }

        /// Appends the edges scored here to `edges` and forgets them.
        func drain(into edges: inout EdgeList) {
            edges.append(contentsOf: self.edges)
            self.edges.removeAll()
        }
    }

    /// Scores node i against its candidates, appending those at or above ``floor`` to the
    /// scratch's edges in ascending j.
    func score(_ i: Int, into scratch: Scratch) {
        var candidates: [Int]
        if let pruned {
            candidates = pruned.candidates(
                of: i, nodeVectors, postings: postings, accumulator: &scratch.accumulator, touched: &scratch.touched)
            if let cross, !cross.neighbours[i].isEmpty {
                candidates = Array(Set(candidates).union(cross.neighbours[i].filter { $0 > i })).sorted()
            }
        } else {
            var seen = Set<Int>()
            for entryPosition in nodeVectors.range(i) {
                for position in postings.range(Int(nodeVectors.terms[entryPosition])) {
                    let j = Int(postings.nodes[position])
                    if j > i { seen.insert(j) }
                }
            }
            if let cross {
                for j in cross.neighbours[i] where j > i { seen.insert(j) }
            }
            candidates = seen.sorted()
        }
        guard !candidates.isEmpty else { return }
        for position in nodeVectors.range(i) { scratch.dense[Int(nodeVectors.terms[position])] = nodeVectors.weights[position] }
        for position in nodeEntities.range(i) {
            scratch.denseEntities[Int(nodeEntities.terms[position])] = nodeEntities.weights[position]
        }
        for j in candidates {
            let score = similarity(i, j, scratch)
            if score >= floor { scratch.edges.append(i, j, score) }
        }
        for position in nodeVectors.range(i) { scratch.dense[Int(nodeVectors.terms[position])] = 0 }
        for position in nodeEntities.range(i) { scratch.denseEntities[Int(nodeEntities.terms[position])] = 0 }
    }

    /// The similarity of node i, scattered in `scratch`, to node j.
    private func similarity(_ i: Int, _ j: Int, _ scratch: Scratch) -> Double {
        if let ti = nodeTime[i], let tj = nodeTime[j], abs(ti - tj) > window { return 0 }
        var score = (1 - share) * Self.denseDot(scratch.dense, nodeVectors, j)
        if share > 0 { score += share * Self.denseDot(scratch.denseEntities, nodeEntities, j) }
        if nodeQuotes.share(i, j) { score += sharedQuoteBonus }
        if let cross { score = max(score, cross.similarity(i, j)) }
        return min(score, 1)
    }

    /// The dot product of the scattered weights with vector `index`, its terms in order.
    private static func denseDot(_ dense: [Double], _ vectors: PackedVectors, _ index: Int) -> Double {
        let range = vectors.range(index)
        return dense.withUnsafeBufferPointer { dense in
            vectors.terms.withUnsafeBufferPointer { terms in
                vectors.weights.withUnsafeBufferPointer { weights in
                    // Positions inside `range`, which both entry buffers cover; term ids below
                    // the term-id space `dense` spans.
                    var sum = 0.0
                    for position in range {
                        let weight = dense[Int(terms[position])]
                        if weight != 0 { sum += weight * weights[position] }
                    }
                    return sum
                }
            }
        }
    }
}

/// Per node, the ids of the quotes its members carry, sorted and distinct, as ranges of one flat
/// array of 32-bit ids (a `Set<Int>` per node took a hash table each).
struct NodeQuotes: Sendable {
    private var starts: [Int] = [0]
    private var ids: [Int32] = []

    init() {}

    /// Appends the next node's quotes (any order, repeats allowed).
    mutating func append<S: Sequence<Int>>(_ quotes: S) {
        let sorted = Set(quotes).sorted()
        for id in sorted {
            precondition(id >= Int(Int32.min) && id <= Int(Int32.max), "quote id \(id) past 32 bits")
            ids.append(Int32(truncatingIfNeeded: id))
        }
        starts.append(ids.count)
    }

    var count: Int { starts.count - 1 }

    /// Node `index`'s quote ids, ascending.
    func quotes(_ index: Int) -> [Int] { (starts[index]..<starts[index + 1]).map { Int(ids[$0]) } }

    /// Whether nodes a and b carry a quote in common (a merge walk of the two sorted ranges).
    func share(_ a: Int, _ b: Int) -> Bool {
        var i = starts[a], j = starts[b]
        let endA = starts[a + 1], endB = starts[b + 1]
        while i < endA, j < endB {
            let x = ids[i], y = ids[j]
            if x == y { return true }
            if x < y { i += 1 } else { j += 1 }
        }
        return false
    }

    mutating func shrink() {
        ids = ids.withUnsafeBufferPointer { Array($0) }
        starts = starts.withUnsafeBufferPointer { Array($0) }
    }
}
