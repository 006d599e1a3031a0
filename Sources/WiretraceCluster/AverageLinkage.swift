import WiretraceCore

/// Agglomerative clustering with average linkage over a sparse similarity graph.
///
/// The similarity of two clusters is the sum of their members' pairwise similarities divided by
/// the number of member pairs that can be compared (pairs without an edge count as zero). The best
/// pair is merged while its similarity reaches the threshold. Ties break on the smaller cluster
/// ids, so the result does not depend on hash order.
///
/// Without languages every pair can be compared, and the divisor is the product of the sizes. With
/// a language per node, a pair in two different languages can be compared only when it has an
/// edge (one of similarity 0 for a pair whose anchors were compared and found apart): word
/// similarity says nothing across languages, so a pair nothing compared is no evidence that two
/// stories differ. Otherwise a translation linked early would halve the average of its original
/// with a later rewrite in the original's language.
///
/// - Complexity: O(e log e) heap operations plus O(degree + languages) work per merge.
struct AverageLinkage {
    private var sizes: [Int]
    private var alive: [Bool]
    private var version: [Int]
    /// Per cluster, the sum of its edges to each neighbouring cluster. Keys are 32-bit (node
    /// indices fit: ``EdgeList`` holds them so) to keep the rows of a large collection small.
    private var edges: [[Int32: Double]]
    private var members: [[Int]]
    /// Per cluster, its nodes per language id (nodes of unknown language under -1); empty when
    /// no languages were given.
    private var languageCounts: [[Int: Int]]
    /// Per pair of clusters, the edges between members in two different known languages.
    private var crossEdges: [[Int32: Int]]

    init(sizes: [Int], languages: [Int?]? = nil) {
        self.sizes = sizes
        alive = Array(repeating: true, count: sizes.count)
        version = Array(repeating: 0, count: sizes.count)
        edges = Array(repeating: [:], count: sizes.count)
        members = (0..<sizes.count).map { [$0] }
        crossEdges = Array(repeating: [:], count: sizes.count)
        if let languages {
            languageCounts = sizes.indices.map { [languages[$0] ?? -1: sizes[$0]] }
        } else {
            languageCounts = []
        }
        self.languages = languages
    }

    private let languages: [Int?]?

    /// The clusters of average linkage over `edges` (each pair at most once), as
    /// ``run(threshold:)`` gives them with every edge added.
    ///
    /// A merge needs an average at or above the threshold, hence a pair of members with a
    /// similarity at or above it (the average is at most the largest member pair). So clusters
    /// only form inside the connected components of those edges, and only edges inside a
    /// component of two or more nodes are indexed; the rest (most edges of a large collection)
    /// cannot take part in a merge. Merges in one component do not change averages in another,
    /// so the order of merges inside each component, and the result, are as before.
    static func clusters<Edges: Collection<(a: Int, b: Int, similarity: Double)>>(
        sizes: [Int], edges: Edges, threshold: Double, languages: [Int?]? = nil
    ) -> [[Int]] {
        var linkage = prepared(sizes: sizes, edges: edges, threshold: threshold, languages: languages)
        return linkage.run(threshold: threshold)
    }

    /// The linkage of ``clusters(sizes:edges:threshold:languages:)`` before its merges, holding
    /// what the merges need of `edges` (their sums within components that can reach the
    /// threshold), so that a caller can free `edges` before calling ``run(threshold:)``.
    static func prepared<Edges: Collection<(a: Int, b: Int, similarity: Double)>>(
        sizes: [Int], edges: Edges, threshold: Double, languages: [Int?]? = nil
    ) -> AverageLinkage {
        var strong = UnionFind(count: sizes.count)
        // A margin below the threshold covers rounding in the averages' sums.
        let strongEnough = threshold * (1 - 1e-9)
        for edge in edges where edge.similarity >= strongEnough { strong.union(edge.a, edge.b) }
        var linkage = AverageLinkage(sizes: sizes, languages: languages)
        for edge in edges where strong.find(edge.a) == strong.find(edge.b) {
            linkage.addEdge(edge.a, edge.b, similarity: edge.similarity)
        }
        return linkage
    }

    /// ``prepared(sizes:edges:threshold:languages:)`` over scored pairs held in blocks, each
    /// block freed once its pairs are indexed: the pairs and the linkage's rows are not held in
    /// full side by side. `edges` is left empty. The same linkage (the same pairs added in the
    /// same order).
    static func prepared(sizes: [Int], consuming edges: inout EdgeList, threshold: Double, languages: [Int?]? = nil) -> AverageLinkage {
        var strong = UnionFind(count: sizes.count)
        let strongEnough = threshold * (1 - 1e-9)
        for edge in edges where edge.similarity >= strongEnough { strong.union(edge.a, edge.b) }
        var linkage = AverageLinkage(sizes: sizes, languages: languages)
        for block in 0..<edges.blockCount {
            edges.forEach(inBlock: block) { a, b, similarity in
                if strong.find(a) == strong.find(b) {
                    linkage.addEdge(a, b, similarity: similarity)
                    linkage.edgeCount += 1
                }
            }
            edges.releaseBlock(block)
        }
        edges.removeAll()
        var componentSize = [Int32](repeating: 0, count: sizes.count)
        for node in sizes.indices where !linkage.edges[node].isEmpty {
            let root = strong.find(node)
            componentSize[root] += 1
            linkage.largestComponent = max(linkage.largestComponent, Int(componentSize[root]))
        }
        return linkage
    }

    /// Pairs indexed by ``prepared(sizes:consuming:threshold:languages:)``, and the nodes of the
    /// largest component they join (what the merges hold: reported by the run's memory probes).
    private(set) var edgeCount = 0
    private(set) var largestComponent = 0

    mutating func addEdge(_ a: Int, _ b: Int, similarity: Double) {
        edges[a][Int32(b), default: 0] += similarity
        edges[b][Int32(a), default: 0] += similarity
        if let languages, let la = languages[a], let lb = languages[b], la != lb {
            crossEdges[a][Int32(b), default: 0] += 1
            crossEdges[b][Int32(a), default: 0] += 1
        }
    }

    /// Member pairs of clusters a and b that can be compared (see the type's summary).
    private func comparablePairs(_ a: Int, _ b: Int) -> Int {
        guard languages != nil else { return sizes[a] * sizes[b] }
        let unknownA = languageCounts[a][-1] ?? 0
        let unknownB = languageCounts[b][-1] ?? 0
        var pairs = unknownA * sizes[b] + unknownB * sizes[a] - unknownA * unknownB
        let (small, large) = languageCounts[a].count <= languageCounts[b].count ? (a, b) : (b, a)
        for (language, count) in languageCounts[small] where language != -1 {
            pairs += count * (languageCounts[large][language] ?? 0)
        }
        return pairs + (crossEdges[a][Int32(b)] ?? 0)
    }

    private func average(_ a: Int, _ b: Int) -> Double {
        (edges[a][Int32(b)] ?? 0) / Double(max(1, comparablePairs(a, b)))
    }

    /// Merges until no pair reaches `threshold`; returns the clusters (sorted member lists),
    /// sorted by their first member.
    ///
    /// Only pairs whose average reaches the threshold enter the heap: merging stops at the
    /// first one below it, so the others could only ever be popped last. (Each merge re-scores
    /// every neighbour of the merged cluster, and a large component pushed millions of
    /// candidates that never merge: most of the story stage's memory.) Candidates that rank
    /// equal name the same pair and pop one after the other, so the merges are the same.
    mutating func run(threshold: Double) -> [[Int]] {
        var heap = MaxHeap()
        func push(_ a: Int, _ b: Int) {
            let score = average(a, b)
            if score >= threshold {
                heap.push(Candidate(score: score, a: Int32(a), b: Int32(b), versionA: Int32(version[a]), versionB: Int32(version[b])))
            }
        }
        for a in 0..<sizes.count {
            for b in edges[a].keys where b > a { push(a, Int(b)) }
        }
        while let best = heap.pop() {
            guard best.score >= threshold else { break }
            let (keep, drop) = (Int(best.a), Int(best.b))
            guard alive[keep], alive[drop], version[keep] == Int(best.versionA), version[drop] == Int(best.versionB)
            else { continue }
            alive[drop] = false
            sizes[keep] += sizes[drop]
            members[keep] += members[drop]
            version[keep] += 1
            Self.absorb(drop, into: keep, of: &edges)
            if languages != nil {
                for (language, count) in languageCounts[drop] { languageCounts[keep][language, default: 0] += count }
                languageCounts[drop] = [:]
                Self.absorb(drop, into: keep, of: &crossEdges)
            }
            for key in edges[keep].keys where alive[Int(key)] {
                let neighbour = Int(key)
                let (a, b) = keep < neighbour ? (keep, neighbour) : (neighbour, keep)
                push(a, b)
            }
        }
        return (0..<sizes.count).filter { alive[$0] }.map { members[$0].sorted() }.sorted { $0[0] < $1[0] }
    }
}

/// A pair of clusters and its average when pushed (24 bytes: a large component pushes millions).
struct Candidate {
    var score: Double
    var a: Int32
    var b: Int32
    var versionA: Int32
    var versionB: Int32

    /// Higher score first; ties to the smaller ids.
    func outranks(_ other: Candidate) -> Bool {
        if score != other.score { return score > other.score }
        if a != other.a { return a < other.a }
        return b < other.b
    }
}

/// A binary max-heap of candidates.
struct MaxHeap {
    private var items: [Candidate] = []

    mutating func push(_ item: Candidate) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].outranks(items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Candidate? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < items.count, items[left].outranks(items[best]) { best = left }
            if right < items.count, items[right].outranks(items[best]) { best = right }
            if best == parent { break }
            items.swapAt(parent, best)
            parent = best
        }
        return top
    }
}

extension AverageLinkage {
    /// Merges row `drop` of a symmetric sparse matrix (edge sums, cross-language counts) into row
    /// `keep`: `keep`'s entry for each of `drop`'s neighbours gains `drop`'s, both sides of each
    /// pair are kept equal, and `drop`'s row and the entry between the two are removed.
    ///
    /// - Complexity: O(degree of `drop`).
    fileprivate static func absorb<Value: AdditiveArithmetic>(_ drop: Int, into keep: Int, of rows: inout [[Int32: Value]]) {
        let (dropKey, keepKey) = (Int32(drop), Int32(keep))
        rows[keep][dropKey] = nil
        for (neighbour, value) in rows[drop] where neighbour != keepKey {
            rows[keep][neighbour, default: .zero] += value
            rows[Int(neighbour)][dropKey] = nil
            rows[Int(neighbour)][keepKey] = rows[keep][neighbour]
        }
        rows[drop] = [:]
    }
}
