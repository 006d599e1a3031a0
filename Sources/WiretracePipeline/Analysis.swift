import Foundation
import WiretraceCluster
import WiretraceCore
import WiretraceDedup
import WiretraceQuotes
import WiretraceStore

/// The barrier stages, run over every stored document: LSH candidates verified on exact shingle
/// sets, near-duplicate groups, cross-outlet quote matching, stories and roles.
struct Analysis {
    let configuration: PipelineConfiguration
    let progress: ProgressMeter
    /// Seconds spent per stage, in order, for the run summary.
    final class Timings: @unchecked Sendable {
        var stages: [(String, Double)] = []
        private var last = Date()
        func mark(_ stage: String) {
            let now = Date()
            stages.append((stage, now.timeIntervalSince(last)))
            last = now
        }
    }
    let timings = Timings()
    /// Verified pairs found elsewhere (`wiretrace import` of a Spark run), by document id: used
    /// instead of LSH and verification over the store, so the groups are exactly that run's.
    var precomputedPairs: [IdentifiedPair]? = nil

    func run(store: WiretraceStore) throws -> AnalysisSnapshot {
        // Signatures (and ids) in id order; stale signatures (other parameters) are recomputed.
        var ids: [String] = []
        var signatures: [MinHashSignature] = []
        var stale: [Int] = []
        let parameters = configuration.signatureParameters
        try store.forEachSignature { id, stored, _, bytes in
            if stored == parameters, let signature = MinHashSignature(bytes: bytes) {
                signatures.append(signature)
            } else {
                stale.append(ids.count)
                signatures.append(MinHashSignature(values: []))
            }
            ids.append(id)
        }
        let pairs: [VerifiedPair]
        if let precomputedPairs {
            pairs = try Self.resolve(precomputedPairs, ids: ids, location: store.path)
            timings.mark("candidates+verify")
        } else {
            pairs = try verifiedPairs(store: store, ids: ids, signatures: &signatures, stale: stale)
        }
        return try stories(store: store, ids: ids, pairs: pairs)
    }

    /// Precomputed pairs as indices into `ids`, `a` before `b` (the orientation the story level
    /// reads `aInB`/`bInA` in).
    static func resolve(_ pairs: [IdentifiedPair], ids: [String], location: String) throws -> [VerifiedPair] {
        let indexByID = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        return try pairs.map { pair in
            guard let a = indexByID[pair.a], let b = indexByID[pair.b] else {
                throw WiretraceError(
                    .internalInvariant, "verified pair \(pair.a) – \(pair.b) names a document that is not stored", location: location)
            }
            return a < b
                ? VerifiedPair(a: a, b: b, similarity: PairSimilarity(intersection: pair.intersection, sizeA: pair.sizeA, sizeB: pair.sizeB))
                : VerifiedPair(a: b, b: a, similarity: PairSimilarity(intersection: pair.intersection, sizeA: pair.sizeB, sizeB: pair.sizeA))
        }
        .sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }

    /// Signatures brought up to date, LSH candidates, exact verification.
    private func verifiedPairs(
        store: WiretraceStore, ids: [String], signatures: inout [MinHashSignature], stale: [Int]
    ) throws -> [VerifiedPair] {
        let hasher = MinHasher(permutations: configuration.dedup.permutations, seed: configuration.dedup.seed)
        let shingleSize = configuration.dedup.shingleSize
        var staleDocuments: [StoredDocument] = []
        let processor = DocumentProcessor(configuration: configuration)
        for index in stale {
            guard let article = try store.article(ids[index]) else { continue }
            let document = processor.sketch(article, format: .text)
            signatures[index] = hasher.signature(of: Shingler.shingles(article.text, size: shingleSize))
            staleDocuments.append(document)
        }
        if !staleDocuments.isEmpty {
            try store.updateSignatures(staleDocuments.map { ($0.article.id, $0.signatureParameters, $0.shingleCount, $0.signature) })
        }

        // Candidates and verification. Shingle sets are recomputed from the stored text when a
        // candidate pair needs them, and kept while the pass lasts.
        progress.begin("verify")
        let finder = DuplicateFinder(configuration: configuration.dedup)
        var shingleCache: [Int: [UInt64]] = [:]
        var loadError: Error?
        let pairs = finder.verifiedPairs(signatures: signatures) { index in
            if let cached = shingleCache[index] { return cached }
            do {
                let text = try store.article(ids[index])?.text ?? ""
                let shingles = Shingler.shingles(text, size: shingleSize)
                shingleCache[index] = shingles
                return shingles
            } catch {
                loadError = error
                return []
            }
        }
        if let loadError { throw loadError }
        shingleCache = [:]
        progress.end()
        timings.mark("candidates+verify")
        return pairs
    }

    /// Quote matching, stories, roles and evidence over the stored documents and verified pairs.
    private func stories(store: WiretraceStore, ids: [String], pairs: [VerifiedPair]) throws -> AnalysisSnapshot {

        // What the story level and the quote chains need of each article, streamed from the
        // store: metadata and term counts, not the text.
        var vocabulary = StoryVocabulary()
        var articles: [ArticleSummary] = []
        var terms: [[TermCount]] = []
        articles.reserveCapacity(ids.count)
        try store.forEachArticle { article in
            articles.append(ArticleSummary(article))
            terms.append(vocabulary.counts(text: article.text, title: article.title))
        }
        guard articles.map(\.id) == ids else {
            throw WiretraceError(.internalInvariant, "documents and signatures are out of step", location: store.path)
        }
        let published = articles.map { $0.published.flatMap(Timestamp.seconds) }
        timings.mark("terms")

        // Quotes matched across outlets.
        // As the documents name the speakers: resolution across outlets is redone from scratch.
        let occurrences = try store.quoteOccurrences().map { occurrence in
            var own = occurrence
            own.speaker = occurrence.speakerMention
            return own
        }
        let quoteMatch = QuoteLinker.link(occurrences, articles: articles, published: published)
        timings.mark("quote matching")

        // Stories.
        let indexByID = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var quoteIDsByDocument: [Int: [Int]] = [:]
        var citedByDocument: [Int: [String]] = [:]
        for (occurrence, quoteID) in zip(occurrences, quoteMatch.quoteIDs) {
            guard let index = indexByID[occurrence.documentID] else { continue }
            if occurrence.kind == QuoteKind.direct.rawValue { quoteIDsByDocument[index, default: []].append(quoteID) }
            if let first = occurrence.via.first, occurrence.via.count > 1 || first != articles[index].outlet {
                citedByDocument[index, default: []].append(first)
            }
        }
        let inputs = articles.enumerated().map { index, article in
            StoryInput(
                id: article.id, outlet: article.outlet, title: article.title, published: published[index],
                creditedAgencies: article.credits.map(\.agency), citedReporters: citedByDocument[index] ?? [],
                quoteIDs: Array(Set(quoteIDsByDocument[index] ?? [])).sorted(), terms: terms[index],
                textLength: article.textLength)
        }
        terms = []
        let links = pairs.map { pair in
            DuplicateLink(a: pair.a, b: pair.b, jaccard: pair.similarity.jaccard, aInB: pair.similarity.aInB, bInA: pair.similarity.bInA)
        }
        let clusterer = StoryClusterer(
            configuration: configuration.story, copyJaccard: configuration.dedup.threshold,
            excerptContainment: configuration.dedup.containmentThreshold)
        let result = clusterer.cluster(inputs, vocabulary: vocabulary, links: links)
        timings.mark("stories")

        // Records.
        let pairRecords = pairs.map { pair in
            DuplicatePairRecord(
                a: ids[pair.a], b: ids[pair.b], jaccard: pair.similarity.jaccard,
                containment: pair.similarity.containment, aInB: pair.similarity.aInB, bInA: pair.similarity.bInA)
        }
        let groupIDs = result.groups.map { "G" + StableHash.hex(ids[$0[0]]).prefix(12) }
        let groups = zip(groupIDs, result.groups).map { (id: $0, members: $1.map { ids[$0] }) }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Evidence: the passages each copy or excerpt shares with its source, with offsets.
        // Reviewers' decisions (split, merge, not the same story, confirm) outlast re-clustering.
        var stories = ReviewApplication(decisions: try store.reviewDecisions())
            .apply(to: result.stories, ids: ids, published: published)
        for storyIndex in stories.indices {
            for memberIndex in stories[storyIndex].members.indices {
                let member = stories[storyIndex].members[memberIndex]
                guard member.role == .copy || member.role == .excerpt, let source = member.of,
                    let text = try store.article(ids[member.index])?.text, let sourceText = try store.article(ids[source])?.text
                else { continue }
                stories[storyIndex].members[memberIndex].evidence.passages = SharedPassages.find(text, sourceText).map {
                    [$0.start, $0.end, $0.otherStart, $0.otherEnd]
                }
            }
        }
        timings.mark("passages")
        let clusters = stories.map { story -> ClusterRecord in
            let times = story.members.compactMap { member in published[member.index].map { ($0, articles[member.index].published!) } }
            let origin = story.members[0].index
            return ClusterRecord(
                id: story.id, title: articles[origin].title, firstPublished: times.min { $0.0 < $1.0 }?.1,
                lastPublished: times.max { $0.0 < $1.0 }?.1,
                members: story.members.map { member in
                    ClusterMemberRecord(
                        documentID: ids[member.index], outlet: articles[member.index].outlet, role: member.role.rawValue,
                        of: member.of.map { ids[$0] }, group: member.group.map { groupIDs[$0] },
                        evidence: (try? encoder.encode(member.evidence)).map { String(decoding: $0, as: UTF8.self) } ?? "{}")
                })
        }
        return AnalysisSnapshot(
            pairs: pairRecords, groups: groups, clusters: clusters, quotes: quoteMatch.quotes,
            quoteAssignments: occurrences.indices.map { index in
                let occurrence = occurrences[index]
                return QuoteAssignment(
                    documentID: occurrence.documentID, start: occurrence.start, end: occurrence.end,
                    quoteID: quoteMatch.quoteIDs[index], resolvedSpeaker: quoteMatch.resolvedSpeakers[index])
            })
    }
}

/// A verified pair by document ids, with the sizes its similarity follows from.
public struct IdentifiedPair: Sendable, Hashable {
    public var a: String
    public var b: String
    public var intersection: Int
    public var sizeA: Int
    public var sizeB: Int

    public init(a: String, b: String, intersection: Int, sizeA: Int, sizeB: Int) {
        self.a = a
        self.b = b
        self.intersection = intersection
        self.sizeA = sizeA
        self.sizeB = sizeB
    }
}

/// The metadata of an article, without its text.
struct ArticleSummary {
    var id: String
    var outlet: String?
    var title: String?
    var published: String?
    var credits: [WireCredit]
    var textLength: Int

    init(_ article: Article) {
        id = article.id
        outlet = article.outlet
        title = article.title
        published = article.published
        credits = article.credits
        textLength = article.text.utf8.count
    }
}
