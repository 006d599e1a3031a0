/// Many sparse vectors in three flat arrays: per vector a range of entries (a 32-bit term id and
/// its weight), in the order they were appended. An array of `[(term: Int, weight: Double)]`
/// takes 16 bytes an entry plus an allocation per vector (its header, the allocator's rounding
/// and the growth slack); these take 12 an entry and 8 a vector.
struct PackedVectors: Sendable {
    /// Per vector, where its entries start; one more at the end (the entry count).
    private var starts: [Int] = [0]
    private(set) var terms: [Int32] = []
    private(set) var weights: [Double] = []

    init() {}

    /// The vectors given, in order (their entries as given).
    init(_ vectors: [[(term: Int, weight: Double)]]) {
        starts.reserveCapacity(vectors.count + 1)
        let total = vectors.reduce(0) { $0 + $1.count }
        terms.reserveCapacity(total)
        weights.reserveCapacity(total)
        for vector in vectors { append(vector) }
    }

    /// Room for `vectors` vectors of `entries` entries in all, reserved once: appending up to
    /// that never copies the arrays, and ``shrink()`` is not needed. A large reservation the
    /// vectors do not fill costs address space, not memory: the allocator maps it as a whole
    /// and the system gives a page memory when it is first written, so an upper bound can be
    /// reserved where the exact count is not known in advance. (Growing by doubling held the
    /// old and the new array side by side at each step, and shrinking held two copies.)
    init(reservingVectors vectors: Int, entries: Int) {
        starts.reserveCapacity(vectors + 1)
        terms.reserveCapacity(entries)
        weights.reserveCapacity(entries)
    }

    var count: Int { starts.count - 1 }
    var entryCount: Int { terms.count }

    mutating func append(_ vector: [(term: Int, weight: Double)]) {
        for entry in vector {
            precondition(entry.term >= 0 && entry.term <= Int(Int32.max), "term id \(entry.term) past 32 bits")
            terms.append(Int32(truncatingIfNeeded: entry.term))
            weights.append(entry.weight)
        }
        starts.append(terms.count)
    }

    /// Vector `index`'s entries: positions into ``terms`` and ``weights``.
    @inline(__always) func range(_ index: Int) -> Range<Int> { starts[index]..<starts[index + 1] }

    /// Vector `index` as an array of pairs (for tests and small uses).
    func vector(_ index: Int) -> [(term: Int, weight: Double)] {
        range(index).map { (Int(terms[$0]), weights[$0]) }
    }

    /// Frees the growth slack of the entry arrays (appending doubles a full array's capacity).
    mutating func shrink() {
        terms = terms.withUnsafeBufferPointer { Array($0) }
        weights = weights.withUnsafeBufferPointer { Array($0) }
        starts = starts.withUnsafeBufferPointer { Array($0) }
    }
}

/// By term id, the vectors (nodes) holding the term, ascending, in one flat array of 32-bit node
/// indices; and, for terms in at most `maximumPostings` nodes, the weight each of those nodes
/// gives the term, in posting order (what ``PrunedCandidateIndex`` reads). A `[[Int]]` took
/// 8 bytes a posting plus an array per term.
struct PackedPostings: Sendable {
    /// Per term id, where its postings start; one more at the end.
    private let starts: [Int]
    let nodes: [Int32]
    /// Per term id, where its weights start in ``weights`` (terms past the bound hold none).
    private let weightStarts: [Int]
    let weights: [Double]
    /// Terms in more nodes than this hold no weights; nil: no weights are kept.
    let maximumPostings: Int?

    /// - Parameters:
    ///   - vectors: per node, its vector sorted by term id.
    ///   - termCount: the term-id space (every id in `vectors` is below it).
    init(_ vectors: PackedVectors, termCount: Int, weightsUpTo maximumPostings: Int?) {
        let nodeCount = vectors.count
        precondition(nodeCount <= Int(Int32.max), "node index past 32 bits")
        var counts = [Int](repeating: 0, count: termCount + 1)
        for term in vectors.terms { counts[Int(term)] += 1 }
        // Starts by prefix sums (counts becomes the starts), and the weighted terms' starts.
        var weightStarts = [Int](repeating: 0, count: maximumPostings == nil ? 0 : termCount + 1)
        var total = 0
        var weightTotal = 0
        for term in 0..<termCount {
            let count = counts[term]
            counts[term] = total
            total += count
            if let maximumPostings {
                weightStarts[term] = weightTotal
                if count <= maximumPostings { weightTotal += count }
            }
        }
        counts[termCount] = total
        if maximumPostings != nil { weightStarts[termCount] = weightTotal }
        var nodes = [Int32](repeating: 0, count: total)
        var weights = [Double](repeating: 0, count: weightTotal)
        // Filled node by node: each term's postings come out ascending. `fill` counts what each
        // term has received so far.
        var fill = [Int32](repeating: 0, count: termCount)
        for node in 0..<nodeCount {
            for position in vectors.range(node) {
                let term = Int(vectors.terms[position])
                let offset = Int(fill[term])
                fill[term] += 1
                nodes[counts[term] + offset] = Int32(truncatingIfNeeded: node)
                if let maximumPostings, counts[term + 1] - counts[term] <= maximumPostings {
                    weights[weightStarts[term] + offset] = vectors.weights[position]
                }
            }
        }
        self.starts = counts
        self.nodes = nodes
        self.weightStarts = weightStarts
        self.weights = weights
        self.maximumPostings = maximumPostings
    }

    /// Term `term`'s postings: positions into ``nodes``.
    @inline(__always) func range(_ term: Int) -> Range<Int> { starts[term]..<starts[term + 1] }

    @inline(__always) func postingCount(_ term: Int) -> Int { starts[term + 1] - starts[term] }

    /// Where term `term`'s weights start in ``weights`` (valid when it has at most
    /// ``maximumPostings`` postings).
    @inline(__always) func weightStart(_ term: Int) -> Int { weightStarts[term] }

    /// Term `term`'s nodes, ascending (for tests and small uses).
    func nodes(of term: Int) -> [Int] { range(term).map { Int(nodes[$0]) } }
}
