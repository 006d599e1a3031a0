import WiretraceCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// TF-IDF vectors over the documents' anchors (``CrossLanguageAnchors``: numbers and name sound
/// keys), for the similarity of documents in different languages, which share few or no words.
///
/// IDF is taken over all documents, so a number every article carries ("2024") or a name every
/// story of the day mentions weighs little, and the rare ones that a translation keeps from its
/// original weigh most.
struct AnchorVectors {
    /// Per document, its anchor counts: a document's vector is computed from them when asked
    /// for, so the collection's vectors are not all held at once.
    private var anchors: TermCountTable
    private let documentFrequency: [Int32]
    /// Per term id, the factor its weight is scaled by before normalising (empty: all 1).
    private let termScale: [Double]

    /// The term-id space the vectors use: the vocabulary's, or more when an input names a
    /// larger id (inputs built outside a vocabulary).
    let termCount: Int

    /// - Parameters:
    ///   - anchors: per document, its anchor counts (``StoryInput/anchors``).
    ///   - kind: the kind of a term id below `vocabularyCount` (nil: every term weighs as a
    ///     name or number); lexical anchors (``AnchorKind/lexical``) weigh `lexicalWeight`
    ///     times theirs (0: left out).
    /// - Complexity: O(d·a) for d documents of a anchors.
    init(anchors: TermCountTable, termCount vocabularyCount: Int, kind: ((Int) -> AnchorKind)? = nil, lexicalWeight: Double = 1) {
        var termCount = vocabularyCount
        for document in 0..<anchors.count {
            var last: Int32?
            anchors.forEach(document) { last = $0.term }
            if let last, Int(last) >= termCount { termCount = Int(last) + 1 }
        }
        self.termCount = termCount
        var documentFrequency = [Int32](repeating: 0, count: termCount)
        for document in 0..<anchors.count {
            anchors.forEach(document) { entry in documentFrequency[Int(entry.term)] += 1 }
        }
        self.anchors = anchors
        self.documentFrequency = documentFrequency
        if let kind, lexicalWeight != 1 {
            termScale = (0..<termCount).map { $0 < vocabularyCount && kind($0) == .lexical ? lexicalWeight : 1 }
        } else {
            termScale = []
        }
    }

    /// Moves the anchor counts out (to be parked while no vector is needed): until
    /// ``restoreCounts(_:)`` gives them back, no vector can be computed.
    mutating func takeCounts() -> TermCountTable {
        defer { anchors = TermCountTable() }
        return anchors
    }

    /// Gives back the counts ``takeCounts()`` took.
    mutating func restoreCounts(_ counts: TermCountTable) { anchors = counts }

    /// A document's vector: sorted by term id, L2-normalised.
    ///
    /// - Complexity: O(a) for a anchors of the document.
    func vector(_ document: Int) -> [(term: Int, weight: Double)] {
        let n = Double(anchors.count)
        let documentFrequency = documentFrequency
        let termScale = termScale
        var weighted: [(term: Int, weight: Double)] = []
        anchors.forEach(document) { entry in
            let tf = Double(entry.entity + entry.title)
            guard tf > 0 else { return }
            let df = Double(max(documentFrequency[Int(entry.term)], 1))
            // A term only one document has cannot link two: it weighs nothing (its weight
            // would only dilute the norm).
            guard df > 1 else { return }
            let scale = termScale.isEmpty ? 1 : termScale[Int(entry.term)]
            guard scale > 0 else { return }
            weighted.append((Int(entry.term), scale * (1 + log(tf)) * (log((n + 1) / (df + 1)) + 1)))
        }
        let norm = weighted.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        return weighted.map { ($0.term, norm > 0 ? $0.weight / norm : 0) }
    }

    /// The normalised sum of some documents' vectors (a near-duplicate group's).
    func centroid(_ members: [Int]) -> [(term: Int, weight: Double)] {
        if members.count == 1 { return vector(members[0]) }
        var sums: [Int: Double] = [:]
        for member in members {
            for entry in vector(member) { sums[entry.term, default: 0] += entry.weight }
        }
        let sorted = sums.sorted { $0.key < $1.key }
        let norm = sorted.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
        return sorted.map { ($0.key, norm > 0 ? $0.value / norm : 0) }
    }
}

/// The language of a near-duplicate group: its members' when they agree, else nil (unknown).
func nodeLanguage(_ members: [Int], _ documents: [StoryInput]) -> String? {
    guard let first = documents[members[0]].language else { return nil }
    return members.allSatisfy { documents[$0].language == first } ? first : nil
}

/// What an anchor term is: a number, a name's sound key, a Latin-script name's spelling, or a
/// word's English key (``CrossLanguageLexicon``).
enum AnchorKind: UInt8 {
    case number, sound, spelled, lexical

    init(term: String) {
        if term.hasPrefix(CrossLanguageLexicon.prefix) {
            self = .lexical
        } else if term.hasPrefix(CrossLanguageAnchors.spelledPrefix) {
            self = .spelled
        } else if term.hasPrefix(CrossLanguageAnchors.soundPrefix) {
            self = .sound
        } else {
            self = .number
        }
    }
}

/// A small id per node's language (nil when its members' languages differ or are unknown), for
/// ``AverageLinkage``.
func nodeLanguageIDs(_ nodes: [[Int]], _ documents: [StoryInput]) -> [Int?] {
    var ids: [String: Int] = [:]
    return nodes.map { members in
        guard let language = nodeLanguage(members, documents) else { return nil }
        if let id = ids[language] { return id }
        ids[language] = ids.count
        return ids.count - 1
    }
}

/// The pairs of nodes (near-duplicate groups or documents) in different languages that the
/// story level links, with their similarity.
///
/// A pair is linked when its anchor cosine reaches ``StoryConfiguration/translationMinimum``
/// and ``StoryConfiguration/translationRatio`` of the best cosine either node has with any node
/// in the other's language: a translation is its original's closest counterpart in its
/// language (or nearly: several rewrites of one story in one language score alike), while two
/// stories that share names (two about one politician) are not each other's closest. The
/// similarity is the cosine times ``StoryConfiguration/translationWeight``.
struct CrossLanguageNodes {
    let languages: [String?]
    /// Linked pairs (low, high node index) and their similarity.
    private(set) var linked: [Pair: Double] = [:]
    /// Per node, the nodes it is linked to (both directions).
    private(set) var neighbours: [[Int]]
    /// Pairs whose anchors were compared (enough shared anchors) but that were not linked: their
    /// anchors say they are different stories, where a pair never compared says nothing.
    private(set) var unlinked: [Pair] = []

    /// - Parameters:
    ///   - anchors: per node, its anchor vector (sorted by term id, normalised).
    ///   - published: per node, the earliest publication time, when known: pairs further apart
    ///     than `window` seconds are not compared.
    /// - Complexity: O(n·a·p + c·a) for n nodes of a anchors, p the posting bound, c the pairs
    ///   compared (at most ``candidatesPerNode`` per node).
    /// - Parameter kinds: per anchor term id, ``AnchorKind`` (sound keys and spellings are compared
    ///   apart: spellings between two languages written in Latin letters, sound keys otherwise);
    ///   empty: every anchor is compared.
    init(
        anchors: [[(term: Int, weight: Double)]], languages: [String?], published: [Double?], window: Double,
        termCount: Int, configuration: StoryConfiguration, kinds: [AnchorKind] = []
    ) {
        self.languages = languages
        let count = languages.count
        neighbours = Array(repeating: [], count: count)
        let weight = configuration.translationWeight
        guard Self.compares(languages: languages, configuration: configuration) else { return }
        precondition(anchors.count == count, "one anchor vector per node")
        var languageIDs: [String: Int] = [:]
        let language = languages.map { code in code.map { code in
            if let id = languageIDs[code] { return id }
            languageIDs[code] = languageIDs.count
            return languageIDs.count - 1
        } }
        // Inverted index over anchors, nodes ascending; anchors in more nodes than the bound
        // (numbers such as the year) propose no pairs, though they count in the cosine.
        var postings = [[Int]](repeating: [], count: termCount)
        for (node, vector) in anchors.enumerated() where language[node] != nil {
            for entry in vector { postings[entry.term].append(node) }
        }
        let bound = min(max(50, count / 100), 400)
        var accumulator = [Double](repeating: 0, count: count)
        var touched: [Int] = []
        var compared: [(a: Int, b: Int, cosine: Double)] = []
        var best = [[Double]](repeating: Array(repeating: 0, count: languageIDs.count), count: count)
        let latin = languages.map { $0.map(CrossLanguageAnchors.latinScriptLanguages.contains) ?? false }
        let caseless = languages.map { $0.map(Self.caselessNameLanguages.contains) ?? false }
        // Per node, the norms of its vector without sound keys and without spellings.
        func norm(_ vector: [(term: Int, weight: Double)], without kind: AnchorKind) -> Double {
            guard !kinds.isEmpty else { return 1 }
            var sum = 0.0
            for entry in vector where kinds[entry.term] != kind { sum += entry.weight * entry.weight }
            return sum.squareRoot()
        }
        let spelledNorm = anchors.map { norm($0, without: .sound) }
        let soundNorm = anchors.map { norm($0, without: .spelled) }
        for i in 0..<count {
            guard let li = language[i] else { continue }
            for entry in anchors[i] {
                let nodes = postings[entry.term]
                guard nodes.count <= bound else { continue }
                for j in nodes where j > i {
                    guard let lj = language[j], lj != li else { continue }
                    if accumulator[j] == 0 { touched.append(j) }
                    accumulator[j] += entry.weight
                }
            }
            var candidates = touched.map { (node: $0, score: accumulator[$0]) }
            for j in touched { accumulator[j] = 0 }
            touched.removeAll(keepingCapacity: true)
            if candidates.count > Self.candidatesPerNode {
                StoryClusterer.selectFirst(Self.candidatesPerNode, of: &candidates) {
                    $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node
                }
                candidates.removeLast(candidates.count - Self.candidatesPerNode)
            }
            for candidate in candidates.sorted(by: { $0.node < $1.node }) {
                let j = candidate.node
                if let ti = published[i], let tj = published[j], abs(ti - tj) > window { continue }
                let spelled = latin[i] && latin[j]
                let skip: AnchorKind = spelled ? .sound : .spelled
                let (dot, shared) = Self.dotAndShared(anchors[i], anchors[j], skipping: kinds.isEmpty ? nil : skip, kinds: kinds)
                let norms = spelled ? spelledNorm[i] * spelledNorm[j] : soundNorm[i] * soundNorm[j]
                let cosine = norms > 0 ? dot / norms : 0
                // One or two shared names say little: documents with few anchors would score
                // high on one rare name alone.
                // In a script without capitals every longer word is a candidate name, so chance
                // collisions of sound keys are many more: such a pair needs more shared anchors.
                let minimum = caseless[i] || caseless[j]
                    ? configuration.translationMinimumShared * Self.caselessSharedFactor : configuration.translationMinimumShared
                guard cosine > 0, shared >= minimum else { continue }
                compared.append((i, j, cosine))
                best[i][language[j]!] = max(best[i][language[j]!], cosine)
                best[j][li] = max(best[j][li], cosine)
            }
        }
        for pair in compared {
            let reference = max(best[pair.a][language[pair.b]!], best[pair.b][language[pair.a]!])
            guard pair.cosine >= configuration.translationMinimum else {
                unlinked.append(Pair(pair.a, pair.b))
                continue
            }
            // Below the ratio, a pair still counts with a share of its similarity (0: not at
            // all), so that averages over a story's pairs see it.
            let share = pair.cosine >= configuration.translationRatio * reference ? 1 : configuration.translationOtherShare
            guard share > 0 else {
                unlinked.append(Pair(pair.a, pair.b))
                continue
            }
            linked[Pair(pair.a, pair.b)] = min(weight * share * pair.cosine, 1)
            neighbours[pair.a].append(pair.b)
            neighbours[pair.b].append(pair.a)
        }
    }

    /// Whether nodes of these languages are compared at all: a positive translation weight and
    /// two known languages. When not, ``init(anchors:languages:published:window:termCount:configuration:kinds:)``
    /// reads no anchors (a caller may pass none).
    static func compares(languages: [String?], configuration: StoryConfiguration) -> Bool {
        guard configuration.translationWeight > 0, let first = languages.lazy.compactMap({ $0 }).first else { return false }
        return languages.contains(where: { $0 != nil && $0 != first })
    }

    /// The dot product of two sorted sparse vectors and the number of terms they share.
    static func dotAndShared(
        _ x: [(term: Int, weight: Double)], _ y: [(term: Int, weight: Double)], skipping: AnchorKind? = nil,
        kinds: [AnchorKind] = []
    ) -> (Double, Int) {
        var i = 0, j = 0, sum = 0.0, shared = 0
        while i < x.count, j < y.count {
            if x[i].term == y[j].term {
                if skipping == nil || kinds[x[i].term] != skipping {
                    sum += x[i].weight * y[j].weight
                    shared += 1
                }
                i += 1
                j += 1
            } else if x[i].term < y[j].term {
                i += 1
            } else {
                j += 1
            }
        }
        return (sum, shared)
    }

    /// Languages written in a script without capitals whose every word of three letters or more
    /// is a name anchor (``CrossLanguageAnchors``: Arabic, Persian, Urdu, Hebrew, Georgian,
    /// Devanagari, Hangul).
    static let caselessNameLanguages: Set<String> = ["ar", "fa", "ur", "he", "ka", "hi", "mr", "ne", "ko"]

    /// How many times `translation_minimum_shared` a pair with such a language needs.
    /// Fitted on one half of a labelled set of multilingual article pairs (README): 1 and 2 left
    /// articles in such a script in other languages' stories, 3 and more gave the same.
    static let caselessSharedFactor = 3

    /// Nodes compared per node: the ones with the largest sums over their shared rarer anchors.
    static let candidatesPerNode = 64

    /// The cross-language similarity of two nodes: as linked, or 0.
    func similarity(_ i: Int, _ j: Int) -> Double {
        linked.isEmpty ? 0 : linked[Pair(i, j)] ?? 0
    }

    var isEmpty: Bool { linked.isEmpty }
}
