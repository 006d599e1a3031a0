import Dispatch
import WiretraceCore
import WiretraceDedup

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds the two cluster levels: near-duplicate groups from verified links, and stories above
/// them by average-linkage agglomeration on TF-IDF similarity, shared quotes and time, then a
/// normalised-cut pass that cuts a story holding two similar events in two.
///
/// Average linkage (the mean similarity over all pairs of the two clusters, absent pairs counting
/// as zero) resists chaining: one shared name cannot pull two different events together, and a
/// pair published further apart than the time window adds nothing.
public struct StoryClusterer: Sendable {
    public var configuration: StoryConfiguration
    /// Jaccard at or above which a linked pair is a copy rather than an excerpt.
    public var copyJaccard: Double
    /// Share of the shorter text inside the longer above which a pair is an excerpt.
    public var excerptContainment: Double

    /// Threads for the parts that are independent per node or per story (node centroids,
    /// candidate scoring, the cut pass) in collections of up to ``parallelDocumentLimit``
    /// documents; the result is the same for any number.
    public var workers: Int
    /// Collections of more documents than this are clustered on one thread (``workers`` is
    /// ignored): memory before speed.
    static let parallelDocumentLimit = 25_000
    /// ``exhaustiveCandidateNodes``, lowered by tests to take the pruned search on a small collection.
    var exhaustiveCandidateLimit = Self.exhaustiveCandidateNodes

    public init(
        configuration: StoryConfiguration = .init(), copyJaccard: Double = 0.5, excerptContainment: Double = 0.8, workers: Int = 1
    ) {
        self.configuration = configuration
        self.copyJaccard = copyJaccard
        self.excerptContainment = excerptContainment
        self.workers = max(1, workers)
    }

    /// - Complexity: O(d·t) for the vectors (d documents, t terms each), O(e log e) for the linkage
    ///   over the e node pairs that share a term.
    public func cluster(_ documents: [StoryInput], vocabulary: StoryVocabulary, links: [DuplicateLink]) -> StoryResult {
        cluster(
            documents, terms: TermCountTable(documents.map(\.terms)), anchors: TermCountTable(documents.map(\.anchors)),
            vocabulary: vocabulary, links: links)
    }

    /// Called with the name of each step of ``cluster(_:terms:anchors:vocabulary:links:)`` as it
    /// ends (a measurement aid: the run sets it to report resident memory when asked).
    public var probe: (@Sendable (String) -> Void)? = nil

    /// A directory where the word and anchor counts are parked (``ParkedTermTables``) while
    /// candidate pairs are scored and linked, which do not read them; nil: they stay in memory.
    /// The result is the same either way.
    public var parkingDirectory: String? = nil

    /// Called once the linkage has run, before parked counts are read back: hands the heap's
    /// free memory back to the system (the run sets it to glibc's `malloc_trim`). The linkage's
    /// freed rows otherwise stay mapped under the counts read back, and the stage's peak is
    /// there. Nil: nothing is done; the result is the same either way.
    public var releaseFreeMemory: (@Sendable () -> Void)? = nil

    /// The same clustering, with the documents' word and anchor counts given apart, packed (one
    /// row per document, in the documents' order): the documents' own `terms` and `anchors` are
    /// not read, so a large collection need not hold its counts as arrays of ``TermCount``.
    ///
    /// - Complexity: as ``cluster(_:vocabulary:links:)``.
    ///
    /// The counts are taken (`consuming`): with ``parkingDirectory`` set they are out of memory
    /// while pairs are scored and linked, which a caller holding its own copy would prevent.
    public func cluster(
        _ documents: [StoryInput], terms: consuming TermCountTable, anchors anchorCounts: consuming TermCountTable,
        vocabulary: StoryVocabulary, links: [DuplicateLink]
    ) -> StoryResult {
        let count = documents.count
        // Threads while the collection is small enough that their working memory does not
        // matter; above ``parallelDocumentLimit`` one thread, so the stage's peak stays that of one
        // set of scratch arrays and one allocator arena (at 100k realistic documents, two
        // threads raised the stage's peak from 992 to 1,101 MiB).
        let workers = count <= Self.parallelDocumentLimit ? self.workers : 1
        precondition(terms.count == count && anchorCounts.count == count, "one row of counts per document")
        guard count > 0 else { return StoryResult(groups: [], stories: []) }

        // Level 1: near-duplicate groups.
        var components = UnionFind(count: count)
        for link in links { components.union(link.a, link.b) }
        var membersByRoot: [Int: [Int]] = [:]
        for index in 0..<count { membersByRoot[components.find(index), default: []].append(index) }
        let nodes = membersByRoot.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        let groups = nodes.filter { $0.count > 1 }
        var groupOfDocument = [Int?](repeating: nil, count: count)
        for (groupIndex, members) in groups.enumerated() {
            for member in members { groupOfDocument[member] = groupIndex }
        }

        // Level 2: stories over nodes (a group, or a single document).
        var vectors = TermVectors(terms: terms, vocabulary: vocabulary, configuration: configuration)
        terms = TermCountTable()  // held by `vectors` alone (parked from there)
        let share = configuration.entityShare
        let nodeTime: [Double?] = nodes.map { members in members.compactMap { documents[$0].published }.min() }
        var nodeQuotes = NodeQuotes()
        for members in nodes { nodeQuotes.append(members.lazy.flatMap { documents[$0].quoteIDs }) }
        nodeQuotes.shrink()
        let window = configuration.timeWindowDays * 86_400
        let vocabularyKinds = Self.anchorKinds(vocabulary: vocabulary, termCount: vocabulary.terms.count)
        var anchors = AnchorVectors(
            anchors: anchorCounts, termCount: vocabulary.terms.count, kind: { vocabularyKinds[$0] },
            lexicalWeight: configuration.translationLexiconWeight)
        anchorCounts = TermCountTable()  // held by `anchors` alone
        // The nodes' anchor centroids only where nodes of two languages are compared: in a
        // collection of one language they would be made for nothing (a vector per node).
        let languages = nodes.map { nodeLanguage($0, documents) }
        let cross = CrossLanguageNodes(
            anchors: CrossLanguageNodes.compares(languages: languages, configuration: configuration)
                ? nodes.map { anchors.centroid($0) } : [],
            languages: languages,
            published: nodeTime, window: window, termCount: anchors.termCount, configuration: configuration,
            kinds: anchors.termCount == vocabularyKinds.count
                ? vocabularyKinds : Self.anchorKinds(vocabulary: vocabulary, termCount: anchors.termCount))
        let multilingual = !cross.isEmpty
        probe?("vectors anchors cross")

        // Candidate pairs scored into edges. What only scoring needs (the nodes' vectors, the
        // postings, the scattered weights) lives in this block and is gone before the merges,
        // which hold the edges.
        var edges = EdgeList()
        let floor = configuration.linkThreshold / 4
        var parked: ParkedTermTables?
        do {
            // Each member's vectors are computed from its counts here and gone once its node's
            // centroids are made: only the nodes' are held. Nodes are independent: computed on
            // `workers` threads, kept in node order.
            // Made a block of nodes at a time and packed as they come, so the unpacked arrays of
            // one block at most are held beside the packed ones. A centroid has at most its
            // members' entries, each member's vectors at most `termsPerDocument`: the packed
            // arrays are reserved at that bound once (see ``PackedVectors/init(reservingVectors:entries:)``),
            // so they are never copied as they grow nor shrunk (a copy) when done.
            let entryBound = count * configuration.termsPerDocument
            var nodeVectors = PackedVectors(reservingVectors: nodes.count, entries: entryBound)
            var nodeEntities = PackedVectors(reservingVectors: nodes.count, entries: entryBound)
            do {
                let memberSource = vectors
                var centroidStart = 0
                while centroidStart < nodes.count {
                    let centroidEnd = min(centroidStart + 4_096, nodes.count)
                    let centroids = Array(nodes[centroidStart..<centroidEnd]).parallelMap(workers: workers) { members in
                        let memberVectors = members.map { memberSource.vectors($0) }
                        return (all: Self.centroid(memberVectors.map(\.all)), entity: Self.centroid(memberVectors.map(\.entity)))
                    }
                    for centroid in centroids {
                        nodeVectors.append(centroid.all)
                        nodeEntities.append(centroid.entity)
                    }
                    centroidStart = centroidEnd
                }
            }
            probe?("centroids \(nodes.count)")
            // The counts are read again only by the cut pass and the roles: parked until then.
            if let parkingDirectory {
                var tables = [vectors.takeCounts(), anchors.takeCounts()]
                parked = ParkedTermTables(parking: &tables, in: parkingDirectory)
                if parked == nil {
                    vectors.restoreCounts(tables[0])
                    anchors.restoreCounts(tables[1])
                }
                probe?("counts parked \(parked != nil)")
            }

            // Every array indexed by term id spans the whole id space: the vocabulary's, and at least
            // every id of both vector sets. Each set keeps its own strongest terms, so a name can be
            // among a document's strongest entity terms and cut from its full vector: sizing from the
            // full vectors alone let an entity id fall past the end.
            let termCount = Self.termIDSpace(vocabulary: vocabulary, nodeVectors, nodeEntities)

            // Candidate node pairs: those sharing a term (inverted index, by term id); with the
            // weights the pruned search reads when the collection takes it.
            let prunes = nodes.count > exhaustiveCandidateLimit
            let postings = PackedPostings(
                nodeVectors, termCount: termCount,
                weightsUpTo: prunes ? PrunedCandidateIndex.maximumPostings(nodeCount: nodes.count) : nil)
            let pruned = prunes ? PrunedCandidateIndex(nodeCount: nodes.count, postings: postings) : nil
            probe?("postings pruned")
            let scoring = CandidateScoring(
                nodeVectors: nodeVectors, nodeEntities: nodeEntities, nodeTime: nodeTime, nodeQuotes: nodeQuotes, window: window,
                share: share, sharedQuoteBonus: configuration.sharedQuoteBonus, cross: multilingual ? cross : nil, floor: floor,
                postings: postings, pruned: pruned)
            // Node i is scored against its candidates j > i on one thread; a block of nodes is
            // spread over the workers in contiguous runs, and their edges are appended in node
            // order, so the edges are those (and in the order) one thread gives.
            let scratches = (0..<workers).map { _ in CandidateScoring.Scratch(termCount: termCount, nodeCount: nodes.count) }
            let block = 512 * workers
            var blockStart = 0
            while blockStart < nodes.count {
                let blockEnd = min(blockStart + block, nodes.count)
                let run = (blockEnd - blockStart + workers - 1) / workers
                let first = blockStart
                if workers == 1 {
                    for i in first..<blockEnd { scoring.score(i, into: scratches[0]) }
                } else {
                    DispatchQueue.concurrentPerform(iterations: workers) { worker in
                        let start = first + worker * run
                        guard start < blockEnd else { return }
                        for i in start..<min(start + run, blockEnd) { scoring.score(i, into: scratches[worker]) }
                    }
                }
                for scratch in scratches { scratch.drain(into: &edges) }
                blockStart = blockEnd
            }
        }
        probe?("scored \(edges.count)")
        if multilingual, !cross.unlinked.isEmpty {
            // Pairs in two languages whose anchors were compared and found apart count in the
            // averages with similarity 0 (``AverageLinkage`` leaves out the pairs never compared).
            let present = Set(edges.map { Pair($0.a, $0.b) })
            for pair in cross.unlinked where !present.contains(pair) { edges.append(pair.low, pair.high, 0) }
        }
        // The scored pairs are freed before the merges, which need only their sums; the
        // linkage is freed with this block.
        var storyNodes: [[Int]]
        do {
            var linkage = AverageLinkage.prepared(
                sizes: Array(repeating: 1, count: nodes.count), consuming: &edges, threshold: configuration.linkThreshold,
                languages: multilingual ? nodeLanguageIDs(nodes, documents) : nil)
            probe?("linkage prepared \(linkage.edgeCount) pairs, largest component \(linkage.largestComponent) nodes")
            storyNodes = linkage.run(threshold: configuration.linkThreshold)
            probe?("linkage run")
        }
        if let parked {
            releaseFreeMemory?()
            let tables = parked.restore()
            vectors.restoreCounts(tables[0])
            anchors.restoreCounts(tables[1])
            probe?("counts restored")
        }
        let wordCounts = vectors.counts
        // The cut pass, then the local re-clustering, story by story: each story's parts depend on
        // it alone, so stories are taken on `workers` threads and their parts kept in story order.
        let splitThreshold = configuration.splitThreshold
        storyNodes = storyNodes.parallelMap(workers: workers) { nodeSet in
            let parts = bisect(nodeSet, nodes: nodes, terms: wordCounts, cross: cross)
            guard splitThreshold > 0 else { return parts }
            return parts.flatMap { $0.count >= 4 ? split($0, nodes: nodes, terms: wordCounts, cross: cross) : [$0] }
        }.flatMap { $0 }

        probe?("cut split")
        // Roles. Links by pair and by document, built once for all stories.
        var linkByPair: [Pair: DuplicateLink] = [:]
        var linksOfDocument = [[Int]](repeating: [], count: count)
        for (index, link) in links.enumerated() {
            linkByPair[Pair(link.a, link.b)] = link
            linksOfDocument[link.a].append(index)
            if link.b != link.a { linksOfDocument[link.b].append(index) }
        }
        var stories: [Story] = []
        for nodeSet in storyNodes {
            let storyDocuments = nodeSet.flatMap { nodes[$0] }
            stories.append(
                assignRoles(
                    nodeMembers: nodeSet.map { nodes[$0] }, allMembers: storyDocuments, documents: documents,
                    links: links, linkByPair: linkByPair, linksOfDocument: linksOfDocument, vectors: vectors,
                    groupOfDocument: groupOfDocument, anchors: anchors))
        }
        probe?("roles")
        stories.sort { $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.id < $1.id }
        return StoryResult(groups: groups, stories: stories)
    }

    /// The normalised sum of the members' vectors (given in member order), by term; sums and the
    /// norm are taken in member and term order, so the result does not depend on hash order.
    static func centroid(_ memberVectors: [[(term: Int, weight: Double)]]) -> [(term: Int, weight: Double)] {
        var sum: [(term: Int, weight: Double)]
        if memberVectors.count == 1 {
            sum = memberVectors[0]
        } else {
            let entries = memberVectors.joined().enumerated()
                .sorted { $0.element.term != $1.element.term ? $0.element.term < $1.element.term : $0.offset < $1.offset }
            sum = []
            for (_, entry) in entries {
                if let last = sum.last, last.term == entry.term {
                    sum[sum.count - 1].weight += entry.weight
                } else {
                    sum.append(entry)
                }
            }
        }
        let norm = sum.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        return sum.map { ($0.term, norm > 0 ? $0.weight / norm : 0) }
    }

    /// The kind of every term id up to `termCount` (words count as numbers: no anchor vector holds them).
    static func anchorKinds(vocabulary: StoryVocabulary, termCount: Int) -> [AnchorKind] {
        var kinds = [AnchorKind](repeating: .number, count: termCount)
        for (id, term) in vocabulary.terms.enumerated() where id < termCount && term.first == CrossLanguageAnchors.prefix {
            kinds[id] = AnchorKind(term: term)
        }
        return kinds
    }

    /// The number of term ids arrays indexed by term id must hold: the vocabulary's size, or more
    /// if a vector holds a larger id. Vectors are sorted by term, so each one's last id is its largest.
    static func termIDSpace(vocabulary: StoryVocabulary, _ vectorSets: PackedVectors...) -> Int {
        var count = vocabulary.terms.count
        for vectors in vectorSets {
            for index in 0..<vectors.count {
                let range = vectors.range(index)
                if let last = range.last, Int(vectors.terms[last]) >= count { count = Int(vectors.terms[last]) + 1 }
            }
        }
        return count
    }

    /// Up to this many nodes, every pair of nodes sharing a term is scored (exhaustive); above
    /// it, ``prunedCandidates(_:termCount:)`` keeps the candidate count linear in the nodes. The
    /// evaluation sets and daily scrapes stay far below it.
    static let exhaustiveCandidateNodes = 5_000
    /// Candidates kept per node in the pruned mode.
    static let candidatesPerNode = 64

    /// Terms in more nodes than this never propose candidates in the pruned mode, however large
    /// the collection: with 1% of the nodes as the only bound, 100k nodes let terms of 1,000
    /// postings through and the pass took minutes.
    static let maximumCandidatePostings = 200

    /// Candidate pairs for large collections: for each node i, the nodes j > i with the highest
    /// partial dot products accumulated over i's terms that are not in more than 1% of the nodes
    /// (at least 50, at most ``maximumCandidatePostings``); the top ``candidatesPerNode`` of
    /// them, sorted. Common terms weigh little after IDF and would make every pair a candidate
    /// (quadratic); a rewrite of the same story shares its rarer names and words with the others.
    ///
    /// - Parameter termCount: the term-id space (every id in `vectors` is below it); the postings
    ///   are built from the vectors, as the story level builds them.
    /// - Complexity: O(n·t·p + n·k log k) for n nodes of t terms, p the posting bound.
    static func prunedCandidates(_ vectors: [[(term: Int, weight: Double)]], termCount: Int) -> [[Int]] {
        var result: [[Int]] = []
        result.reserveCapacity(vectors.count)
        let packed = PackedVectors(vectors)
        let packedPostings = PackedPostings(
            packed, termCount: termCount, weightsUpTo: PrunedCandidateIndex.maximumPostings(nodeCount: vectors.count))
        let index = PrunedCandidateIndex(nodeCount: vectors.count, postings: packedPostings)
        var accumulator = [Double](repeating: 0, count: vectors.count)
        var touched: [Int] = []
        touched.reserveCapacity(vectors.count)
        for i in 0..<vectors.count {
            result.append(index.candidates(of: i, packed, postings: packedPostings, accumulator: &accumulator, touched: &touched))
        }
        return result
    }

    /// Reorders `elements` so that its first `k` are the `k` smallest under the strict order
    /// `precedes`, in some order (quickselect, median-of-three pivots).
    ///
    /// - Complexity: O(n) expected.
    static func selectFirst<Element>(_ k: Int, of elements: inout [Element], by precedes: (Element, Element) -> Bool) {
        guard k > 0, k < elements.count else { return }
        elements.withUnsafeMutableBufferPointer { buffer in
            var low = 0
            var high = buffer.count - 1
            while low < high {
                let middle = low + (high - low) / 2
                // Median of three to the middle, then Lomuto partition around it.
                if precedes(buffer[middle], buffer[low]) { buffer.swapAt(middle, low) }
                if precedes(buffer[high], buffer[low]) { buffer.swapAt(high, low) }
                if precedes(buffer[high], buffer[middle]) { buffer.swapAt(high, middle) }
                buffer.swapAt(middle, high)
                let pivot = buffer[high]
                var store = low
                for index in low..<high where precedes(buffer[index], pivot) {
                    buffer.swapAt(index, store)
                    store += 1
                }
                buffer.swapAt(store, high)
                if store == k - 1 || store == k { return }
                if store > k { high = store - 1 } else { low = store + 1 }
            }
        }
    }

    /// Re-clusters one story with term weights computed inside it (local IDF, floor 1): terms
    /// every member shares ("ferry", "capsized") weigh little, and the ones that tell two similar events
    /// apart ("aldous" against "brenning") weigh most. A story of one event stays whole, because
    /// its members still share what distinguishes it; two events of the same kind fall apart.
    private func split(_ nodeSet: [Int], nodes: [[Int]], terms: TermCountTable, cross: CrossLanguageNodes) -> [[Int]] {
        let similarity = localSimilarities(nodeSet, nodes: nodes, terms: terms, idfFloor: 1, cross: cross)
        let m = nodeSet.count
        var edges: [(a: Int, b: Int, similarity: Double)] = []
        for i in 0..<m {
            for j in (i + 1)..<m where similarity[i][j] > 0 { edges.append((i, j, similarity[i][j])) }
        }
        return AverageLinkage.clusters(sizes: Array(repeating: 1, count: m), edges: edges, threshold: configuration.splitThreshold)
            .map { $0.map { nodeSet[$0] } }
    }

    /// IDF floor of the term weights the cut pass uses: a term every member of the story has
    /// weighs 0.5 against up to log(m+1)+0.5 for one member's own name, so the names, places and
    /// numbers that tell two events of one kind apart (one arrested player against another)
    /// decide the cut while the shared vocabulary still holds one event's members together.
    /// Tuned on ECB+ dev (in the sweep 0 cut single events apart and 1 missed pairs).
    static let cutIDFFloor = 0.5

    /// Stories of more near-duplicate groups than this are not considered for a cut: the pass
    /// holds an m × m similarity table (8·m² bytes: 32 MB at 2,000), and average linkage has
    /// already kept such a story together on strong evidence.
    static let cutMaximumNodes = 2_000

    /// Cuts a story in two while its nodes form two communities: the best normalised cut of their
    /// similarities (term weights local to the story) is below `cutThreshold` and leaves at least
    /// `cutMinimumDocuments` documents on each side; then tries each side again. Average linkage
    /// over the whole collection merges two similar events when their shared vocabulary outweighs
    /// their names; inside the merged story that vocabulary weighs little and the names split it.
    /// - Complexity: O(m² · (t + k)) per story of m nodes (see ``NormalizedCut``), times the depth.
    private func bisect(_ nodeSet: [Int], nodes: [[Int]], terms: TermCountTable, cross: CrossLanguageNodes) -> [[Int]] {
        let threshold = configuration.cutThreshold
        let minimumSide = Double(configuration.cutMinimumDocuments)
        let weights = nodeSet.map { Double(nodes[$0].count) }
        guard threshold > 0, nodeSet.count <= Self.cutMaximumNodes, weights.reduce(0, +) >= 2 * minimumSide else {
            return [nodeSet]
        }
        let similarity = localSimilarities(nodeSet, nodes: nodes, terms: terms, idfFloor: Self.cutIDFFloor, cross: cross)
        guard let cut = NormalizedCut.spectral(similarity, weights: weights, minimumSide: minimumSide) else { return [nodeSet] }
        guard cut.value < threshold else { return [nodeSet] }
        return bisect(cut.left.map { nodeSet[$0] }, nodes: nodes, terms: terms, cross: cross)
            + bisect(cut.right.map { nodeSet[$0] }, nodes: nodes, terms: terms, cross: cross)
    }

    /// Pairwise cosine of a story's nodes on term weights local to the story: IDF over the story's
    /// nodes, `log((m+1)/(df+1)) + idfFloor`, so that with a floor of 0 a term every node has
    /// weighs nothing. The same mix of all terms and names/numbers as the first pass.
    /// - Complexity: O(m² · t) for m nodes of t terms.
    /// Nodes in different languages score at least their cross-language similarity
    /// (``CrossLanguageNodes``; anchor weights from the whole collection).
    private func localSimilarities(
        _ nodeSet: [Int], nodes: [[Int]], terms: TermCountTable, idfFloor: Double, cross: CrossLanguageNodes
    ) -> [[Double]] {
        let m = nodeSet.count
        var nodeTerms: [[Int32: TermCount]] = []
        var frequency: [Int32: Int] = [:]
        for node in nodeSet {
            var merged: [Int32: TermCount] = [:]
            for member in nodes[node] {
                terms.forEach(member) { entry in
                    var sum = merged[entry.term] ?? TermCount(term: entry.term, plain: 0, entity: 0, title: 0)
                    sum.plain += entry.plain
                    sum.entity += entry.entity
                    sum.title += entry.title
                    merged[entry.term] = sum
                }
            }
            for term in merged.keys { frequency[term, default: 0] += 1 }
            nodeTerms.append(merged)
        }
        func vector(_ counts: [Int32: TermCount], entityOnly: Bool) -> [(term: Int, weight: Double)] {
            let weighted: [(term: Int, weight: Double)] = counts.values.compactMap { entry -> (term: Int, weight: Double)? in
                let tf = entityOnly
                    ? Double(entry.entity)
                    : Double(entry.plain) + configuration.entityWeight * Double(entry.entity)
                        + configuration.titleWeight * Double(entry.title)
                guard tf > 0 else { return nil }
                let idf = log(Double(m + 1)) - log(Double(frequency[entry.term]!) + 1) + idfFloor
                guard idf > 0 else { return nil }
                return (Int(entry.term), (1 + log(tf)) * idf)
            }
            return TermVectors.normalised(weighted, keeping: configuration.termsPerDocument)
        }
        let full = nodeTerms.map { vector($0, entityOnly: false) }
        let entity = nodeTerms.map { vector($0, entityOnly: true) }
        let share = configuration.entityShare
        var similarity = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        for i in 0..<m {
            for j in (i + 1)..<m {
                let score = max(
                    (1 - share) * TermVectors.dot(full[i], full[j]) + share * TermVectors.dot(entity[i], entity[j]),
                    cross.similarity(nodeSet[i], nodeSet[j]))
                similarity[i][j] = score
                similarity[j][i] = score
            }
        }
        return similarity
    }

    private func assignRoles(
        nodeMembers: [[Int]], allMembers: [Int], documents: [StoryInput], links: [DuplicateLink],
        linkByPair: [Pair: DuplicateLink], linksOfDocument: [[Int]], vectors: TermVectors, groupOfDocument: [Int?],
        anchors: AnchorVectors
    ) -> Story {
        func outletKey(_ index: Int) -> String? {
            guard let outlet = documents[index].outlet else { return nil }
            return NewsAgency.canonical(outlet) ?? outlet.lowercased()
        }
        func mentions(_ name: String) -> String { NewsAgency.canonical(name) ?? name.lowercased() }

        // Story origin: the member other members name as first reporter (score 2 each) or credit
        // (1 each); then the earliest; then the longest text; then the id.
        var originBasis = "earliest publication time"
        func score(_ candidate: Int) -> Int {
            guard let key = outletKey(candidate) else { return 0 }
            var total = 0
            for other in allMembers where other != candidate && outletKey(other) != key {
                if documents[other].citedReporters.contains(where: { mentions($0) == key }) { total += 2 }
                if documents[other].creditedAgencies.contains(where: { mentions($0) == key }) { total += 1 }
            }
            return total
        }
        func earlier(_ a: Int, _ b: Int) -> Bool {
            switch (documents[a].published, documents[b].published) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default:
                let la = documents[a].textLength, lb = documents[b].textLength
                return la != lb ? la > lb : documents[a].id < documents[b].id
            }
        }
        let scores = Dictionary(uniqueKeysWithValues: allMembers.map { ($0, score($0)) })
        let origin = allMembers.min { a, b in
            scores[a]! != scores[b]! ? scores[a]! > scores[b]! : earlier(a, b)
        }!
        if scores[origin]! > 0 { originBasis = "named as source by other members (score \(scores[origin]!))" }

        // The origin's vectors, computed from its counts once for all the nodes compared with it.
        var originVector: [(term: Int, weight: Double)]?
        var originAnchors: [(term: Int, weight: Double)]?
        var members: [StoryMember] = [
            StoryMember(
                index: origin, role: .origin, of: nil, group: groupOfDocument[origin],
                evidence: StoryEvidence(link: "origin", basis: originBasis))
        ]
        for node in nodeMembers {
            // The node's own origin: the story origin if it is here, else by the same rules.
            let nodeOrigin: Int
            if node.contains(origin) {
                nodeOrigin = origin
            } else {
                let nodeScores = Dictionary(uniqueKeysWithValues: node.map { candidate -> (Int, Int) in
                    guard let key = outletKey(candidate) else { return (candidate, 0) }
                    let credited = node.filter { $0 != candidate && documents[$0].creditedAgencies.contains { mentions($0) == key } }
                    return (candidate, credited.count)
                })
                nodeOrigin = node.min { a, b in nodeScores[a]! != nodeScores[b]! ? nodeScores[a]! > nodeScores[b]! : earlier(a, b) }!
                let nodeVector = vectors.vector(nodeOrigin)
                if originVector == nil { originVector = vectors.vector(origin) }
                let similarity = TermVectors.dot(nodeVector, originVector!)
                let shared = Set(documents[nodeOrigin].quoteIDs).intersection(documents[origin].quoteIDs).count
                if let language = documents[nodeOrigin].language, let originLanguage = documents[origin].language,
                    language != originLanguage
                {
                    // Another language: a translation or adaptation of the origin. The anchors
                    // both carry are the evidence (readable forms are added where the texts are).
                    if originAnchors == nil { originAnchors = anchors.vector(origin) }
                    var evidence = StoryEvidence(
                        link: "translation", of: documents[origin].id,
                        similarity: rounded(TermVectors.dot(anchors.vector(nodeOrigin), originAnchors!)),
                        sharedQuotes: shared)
                    evidence.languages = language + "<" + originLanguage
                    members.append(
                        StoryMember(
                            index: nodeOrigin, role: .translation, of: origin, group: groupOfDocument[nodeOrigin],
                            evidence: evidence))
                } else {
                members.append(
                    StoryMember(
                        index: nodeOrigin, role: .rewrite, of: origin, group: groupOfDocument[nodeOrigin],
                        evidence: StoryEvidence(
                            link: "rewrite", of: documents[origin].id, similarity: rounded(similarity),
                            sharedQuotes: shared, sharedTerms: vectors.sharedTerms(nodeVector, originVector!))))
                }
            }
            for member in node where member != nodeOrigin {
                // A copy of the node origin when that pair was verified; otherwise of the member it
                // was verified against most strongly (copies of copies keep their real evidence).
                let direct = linkByPair[Pair(member, nodeOrigin)]
                let best = direct ?? linksOfDocument[member].lazy.map { links[$0] }.max { $0.jaccard < $1.jaccard }
                let source = best.map { $0.a == member ? $0.b : $0.a } ?? nodeOrigin
                let (jaccard, inside) = best.map { l in (l.jaccard, l.a == member ? l.aInB : l.bInA) } ?? (0, 0)
                let isExcerpt = jaccard < copyJaccard && inside >= excerptContainment
                    && documents[member].textLength < documents[source].textLength
                // Credited: it names the source's outlet, or an agency the source credits itself.
                var sourceNames = Set(documents[source].creditedAgencies.map(mentions))
                if let key = outletKey(source) { sourceNames.insert(key) }
                let credited = outletKey(member).map { sourceNames.contains($0) } == true
                    || documents[member].creditedAgencies.contains { sourceNames.contains(mentions($0)) }
                members.append(
                    StoryMember(
                        index: member, role: isExcerpt ? .excerpt : .copy, of: source, group: groupOfDocument[member],
                        evidence: StoryEvidence(
                            link: isExcerpt ? "excerpt" : "copy", of: documents[source].id, jaccard: rounded(jaccard),
                            containment: rounded(inside), credited: credited)))
            }
        }
        return Story(id: StableHash.storyID(origin: documents[origin].id), members: members)
    }

    private func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// Scored node pairs in 16 bytes each (two 32-bit node indices and the similarity), where an
/// array of `(Int, Int, Double)` takes 24: a large collection scores millions of pairs. Held in
/// blocks of ``blockSize`` pairs, each allocated at its full size once: one growing array would
/// carry up to its size again in slack, and copy itself (old and new side by side) as it grows.
/// ``releaseBlock(_:)`` frees a block once read, so a reader that takes the pairs in order
/// (``AverageLinkage/prepared(sizes:consuming:threshold:languages:)``) holds less as it goes.
struct EdgeList: RandomAccessCollection {
    static let blockShift = 16
    static let blockSize = 1 << blockShift
    private var nodeBlocks: [[UInt64]] = []
    private var similarityBlocks: [[Double]] = []
    private(set) var count = 0

    init() {}

    mutating func append(_ a: Int, _ b: Int, _ similarity: Double) {
        precondition(a >= 0 && b >= 0 && a <= Int(UInt32.max) && b <= Int(UInt32.max), "node index past 32 bits")
        if count & (Self.blockSize - 1) == 0 {
            var nodes: [UInt64] = []
            nodes.reserveCapacity(Self.blockSize)
            var similarities: [Double] = []
            similarities.reserveCapacity(Self.blockSize)
            nodeBlocks.append(nodes)
            similarityBlocks.append(similarities)
        }
        nodeBlocks[nodeBlocks.count - 1].append(UInt64(a) << 32 | UInt64(b))
        similarityBlocks[similarityBlocks.count - 1].append(similarity)
        count += 1
    }

    mutating func append(contentsOf other: EdgeList) {
        for edge in other { append(edge.a, edge.b, edge.similarity) }
    }

    /// Forgets every pair and frees the blocks.
    mutating func removeAll() {
        nodeBlocks = []
        similarityBlocks = []
        count = 0
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// Blocks the pairs fill (the last one may be partly full).
    var blockCount: Int { nodeBlocks.count }

    /// Frees block `block`'s pairs; reading them afterwards traps.
    mutating func releaseBlock(_ block: Int) {
        nodeBlocks[block] = []
        similarityBlocks[block] = []
    }

    /// The pairs of block `block`, in order, given to `body`.
    func forEach(inBlock block: Int, _ body: (_ a: Int, _ b: Int, _ similarity: Double) -> Void) {
        let nodes = nodeBlocks[block], similarities = similarityBlocks[block]
        for offset in nodes.indices {
            let pair = nodes[offset]
            body(Int(pair >> 32), Int(pair & 0xFFFF_FFFF), similarities[offset])
        }
    }

    subscript(position: Int) -> (a: Int, b: Int, similarity: Double) {
        let block = position >> Self.blockShift, offset = position & (Self.blockSize - 1)
        let pair = nodeBlocks[block][offset]
        return (Int(pair >> 32), Int(pair & 0xFFFF_FFFF), similarityBlocks[block][offset])
    }
}

struct Pair: Hashable {
    let low: Int
    let high: Int
    init(_ a: Int, _ b: Int) {
        low = min(a, b)
        high = max(a, b)
    }
}
