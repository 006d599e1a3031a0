/// What the story level's pruned candidate search reads, built once for a collection: per term,
/// the weights of its postings, for terms in few enough nodes to propose candidates
/// (``StoryClusterer/prunedCandidates(_:postings:)``).
struct PrunedCandidateIndex: Sendable {
    /// Terms in more nodes than this propose no candidates.
    let maximumPostings: Int
    /// Per term, the weights of its postings in posting order (nodes ascending); empty for terms
    /// past ``maximumPostings``.
    private let weights: [[Double]]

    /// - Parameter postings: by term id, the nodes whose vector holds the term, ascending.
    init(_ vectors: [[(term: Int, weight: Double)]], postings: [[Int]]) {
        let maximumPostings = min(max(50, vectors.count / 100), StoryClusterer.maximumCandidatePostings)
        var weights = [[Double]](repeating: [], count: postings.count)
        for vector in vectors {
            for entry in vector where postings[entry.term].count <= maximumPostings { weights[entry.term].append(entry.weight) }
        }
        self.maximumPostings = maximumPostings
        self.weights = weights
    }

    /// Node i's candidates: the nodes j > i with the highest partial dot products over i's terms
    /// that propose candidates, the top ``StoryClusterer/candidatesPerNode``, ascending.
    ///
    /// - Parameters:
    ///   - accumulator: one zero per node; given back all zeros.
    ///   - touched: scratch, given back empty.
    func candidates(
        of i: Int, _ vectors: [[(term: Int, weight: Double)]], postings: [[Int]], accumulator: inout [Double], touched: inout [Int]
    ) -> [Int] {
        for entry in vectors[i] {
            let nodes = postings[entry.term]
            guard nodes.count <= maximumPostings else { continue }
            // Nodes are ascending: start after i. The inner loop reads only inside the three
            // buffers (positions below nodes.count, which weights and accumulator cover).
            nodes.withUnsafeBufferPointer { nodes in
                weights[entry.term].withUnsafeBufferPointer { termWeights in
                    accumulator.withUnsafeMutableBufferPointer { accumulator in
                        var low = 0
                        var high = nodes.count
                        while low < high {
                            let middle = (low + high) / 2
                            if nodes[middle] <= i { low = middle + 1 } else { high = middle }
                        }
                        var position = low
                        while position < nodes.count {
                            let j = nodes[position]
                            if accumulator[j] == 0 { touched.append(j) }
                            accumulator[j] += entry.weight * termWeights[position]
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
    let nodeVectors: [[(term: Int, weight: Double)]]
    let nodeEntities: [[(term: Int, weight: Double)]]
    let nodeTime: [Double?]
    let nodeQuotes: [Set<Int>]
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
    let postings: [[Int]]
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
            self.edges.removeAll(keepingCapacity: true)
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
            for entry in nodeVectors[i] {
                for j in postings[entry.term] where j > i { seen.insert(j) }
            }
            if let cross {
                for j in cross.neighbours[i] where j > i { seen.insert(j) }
            }
            candidates = seen.sorted()
        }
        guard !candidates.isEmpty else { return }
        for entry in nodeVectors[i] { scratch.dense[entry.term] = entry.weight }
        for entry in nodeEntities[i] { scratch.denseEntities[entry.term] = entry.weight }
        for j in candidates {
            let score = similarity(i, j, scratch)
            if score >= floor { scratch.edges.append(i, j, score) }
        }
        for entry in nodeVectors[i] { scratch.dense[entry.term] = 0 }
        for entry in nodeEntities[i] { scratch.denseEntities[entry.term] = 0 }
    }

    /// The similarity of node i, scattered in `scratch`, to node j.
    private func similarity(_ i: Int, _ j: Int, _ scratch: Scratch) -> Double {
        if let ti = nodeTime[i], let tj = nodeTime[j], abs(ti - tj) > window { return 0 }
        var score = (1 - share) * Self.denseDot(scratch.dense, nodeVectors[j])
        if share > 0 { score += share * Self.denseDot(scratch.denseEntities, nodeEntities[j]) }
        if !nodeQuotes[i].isEmpty, !nodeQuotes[j].isEmpty, !nodeQuotes[i].isDisjoint(with: nodeQuotes[j]) {
            score += sharedQuoteBonus
        }
        if let cross { score = max(score, cross.similarity(i, j)) }
        return min(score, 1)
    }

    private static func denseDot(_ dense: [Double], _ vector: [(term: Int, weight: Double)]) -> Double {
        dense.withUnsafeBufferPointer { dense in
            vector.withUnsafeBufferPointer { vector in
                var sum = 0.0
                for entry in vector {
                    let weight = dense[entry.term]
                    if weight != 0 { sum += weight * entry.weight }
                }
                return sum
            }
        }
    }
}
