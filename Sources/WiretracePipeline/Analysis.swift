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

    /// The barrier stages over everything stored. Matching is incremental: only the documents
    /// queued since the last finished analysis (new or changed) are indexed and looked up in the
    /// stored band index; pairs among the others are kept as stored. Groups, quotes and stories
    /// are then recomputed over every document (their weights are corpus-wide), so the result is
    /// the one a single run over all the input would give; stories keep the ids they had
    /// (``StoryIDAssigner``).
    func run(store: WiretraceStore, runID: Int = 0) throws -> AnalysisSnapshot {
        let pairRecords = try precomputedPairs.map { $0.map(\.record) } ?? matchPending(store: store)
        timings.mark("candidates+verify")

        // What the story level and the quote chains need of each article, streamed from the
        // store: metadata and term counts, not the text. Term counts are kept between runs
        // (story_terms), so only new and changed documents are tokenised.
        var vocabulary = StoryVocabulary()
        var articles: [ArticleSummary] = []
        var terms: [[TermCount]] = []
        var computedTerms: [(id: String, terms: String)] = []
        let cacheIsCurrent = try store.analysisState("story_terms") == Self.storyTermsVersion
        try store.forEachArticleWithStoryTerms { article, cached in
            articles.append(ArticleSummary(article))
            if cacheIsCurrent, let cached, let occurrences = TermOccurrence.decode(cached) {
                terms.append(vocabulary.intern(occurrences))
            } else {
                let occurrences = StoryVocabulary.occurrences(text: article.text, title: article.title)
                    + CrossLanguageAnchors.occurrences(text: article.text, title: article.title)
                computedTerms.append((article.id, TermOccurrence.encode(occurrences)))
                terms.append(vocabulary.intern(occurrences))
            }
        }
        if !computedTerms.isEmpty || !cacheIsCurrent {
            try store.cacheStoryTerms(computedTerms, version: Self.storyTermsVersion)
        }
        computedTerms = []
        let ids = articles.map(\.id)
        let published = articles.map { $0.published.flatMap(Timestamp.seconds) }
        let indexOfID = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let links = try pairRecords.map { pair -> DuplicateLink in
            guard let a = indexOfID[pair.a], let b = indexOfID[pair.b] else {
                throw WiretraceError(.internalInvariant, "pair \(pair.a)–\(pair.b) names a document not stored", location: store.path)
            }
            // Oriented a before b (the orientation the story level reads aInB/bInA in).
            return a < b
                ? DuplicateLink(a: a, b: b, jaccard: pair.jaccard, aInB: pair.aInB, bInA: pair.bInA)
                : DuplicateLink(a: b, b: a, jaccard: pair.jaccard, aInB: pair.bInA, bInA: pair.aInB)
        }.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        timings.mark("terms")

        // Quotes matched across outlets.
        // As the documents name the speakers: resolution across outlets is redone from scratch.
        let occurrences = try store.quoteOccurrences().map { occurrence in
            var own = occurrence
            own.speaker = occurrence.speakerMention
            return own
        }
        var quoteMatch = QuoteLinker.link(occurrences, articles: articles, published: published)
        timings.mark("quote matching")

        // Stories.
        let indexByID = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var quoteIDsByDocument: [Int: [Int]] = [:]
        var citedByDocument: [Int: [String]] = [:]
        for (occurrence, quoteID) in zip(occurrences, quoteMatch.quoteIDs) {
            guard let index = indexByID[occurrence.documentID] else { continue }
            guard occurrence.kind == QuoteKind.direct.rawValue else { continue }
            quoteIDsByDocument[index, default: []].append(quoteID)
            // Only quoted words name a first reporter: a paraphrase's chain is the page's credits.
            if let first = occurrence.via.first, occurrence.via.count > 1 || first != articles[index].outlet {
                citedByDocument[index, default: []].append(first)
            }
        }
        // Anchor terms (numbers and name sound keys, compared across languages only) are kept
        // with the words and go apart here.
        let isAnchor = vocabulary.terms.map { $0.first == CrossLanguageAnchors.prefix }
        let inputs = articles.enumerated().map { index, article in
            StoryInput(
                id: article.id, outlet: article.outlet, title: article.title, published: published[index],
                creditedAgencies: article.credits.map(\.agency), citedReporters: citedByDocument[index] ?? [],
                quoteIDs: Array(Set(quoteIDsByDocument[index] ?? [])).sorted(),
                terms: terms[index].filter { !isAnchor[Int($0.term)] }, textLength: article.textLength,
                language: article.language, anchors: terms[index].filter { isAnchor[Int($0.term)] })
        }
        terms = []
        let clusterer = StoryClusterer(
            configuration: configuration.story, copyJaccard: configuration.dedup.threshold,
            excerptContainment: configuration.dedup.containmentThreshold)
        let result = clusterer.cluster(inputs, vocabulary: vocabulary, links: links)
        timings.mark("stories")
        CrashPoint.reach("cluster")

        // Records.
        let groupIDs = result.groups.map { "G" + StableHash.hex(ids[$0[0]]).prefix(12) }
        let groups = zip(groupIDs, result.groups).map { (id: $0, members: $1.map { ids[$0] }) }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Evidence: the passages each copy or excerpt shares with its source, with offsets.
        // Reviewers' decisions (split, merge, not the same story, confirm) outlast re-clustering.
        var stories = ReviewApplication(decisions: try store.reviewDecisions())
            .apply(to: result.stories, ids: ids, published: published)
        // Stable ids: a story keeps the id it had; when stories merge, the oldest id survives.
        let assignment = StoryIDAssigner(previousStory: try store.storyOfDocuments(), firstRuns: try store.storyIDFirstRuns())
            .assign(stories.map { story in (origin: ids[story.members[0].index], members: story.members.map { ids[$0.index] }) })
        for index in stories.indices { stories[index].id = assignment.ids[index] }
        // A translation's quotes are its original's, relayed through the translation.
        let translations = stories.flatMap { story in
            story.members.compactMap { member in
                member.role == .translation ? member.of.map { (translation: ids[member.index], original: ids[$0]) } : nil
            }
        }
        quoteMatch = QuoteLinker.joinTranslations(
            quoteMatch, occurrences: occurrences, translations: translations, articles: articles, published: published)
        // A copy linked to the same source as in the last analysis, neither text changed since
        // (neither queued), keeps the passages found then.
        let previousEvidence = try store.copyEvidence()
        let changed = Set(try store.pendingDocumentIDs())
        let evidenceDecoder = JSONDecoder()
        evidenceDecoder.keyDecodingStrategy = .convertFromSnakeCase
        func keptPassages(_ member: String, source: String) -> [[Int]]? {
            guard !changed.contains(member), !changed.contains(source), let previous = previousEvidence[member],
                previous.of == source
            else { return nil }
            return (try? evidenceDecoder.decode(StoryEvidence.self, from: Data(previous.evidence.utf8)))?.passages
        }
        for storyIndex in stories.indices {
            for memberIndex in stories[storyIndex].members.indices {
                let member = stories[storyIndex].members[memberIndex]
                if member.role == .translation, let source = member.of,
                    let text = try store.article(ids[member.index]), let sourceText = try store.article(ids[source])
                {
                    let latin = CrossLanguageAnchors.latinScriptLanguages
                    stories[storyIndex].members[memberIndex].evidence.anchors = TranslationEvidence.alignedAnchors(
                        text.text, title: text.title, sourceText.text, sourceTitle: sourceText.title,
                        spelled: text.language.map(latin.contains) == true && sourceText.language.map(latin.contains) == true)
                    continue
                }
                guard member.role == .copy || member.role == .excerpt, let source = member.of else { continue }
                if let kept = keptPassages(ids[member.index], source: ids[source]) {
                    stories[storyIndex].members[memberIndex].evidence.passages = kept
                    continue
                }
                guard let text = try store.article(ids[member.index])?.text, let sourceText = try store.article(ids[source])?.text
                else { continue }
                stories[storyIndex].members[memberIndex].evidence.passages = SharedPassages.find(text, sourceText).map {
                    [$0.start, $0.end, $0.otherStart, $0.otherEnd]
                }
            }
        }
        timings.mark("passages")
        // A title that heads documents of several stories (a site's name, a widget, a section
        // label that scraping kept above the headline) labels none of them.
        func titleKey(_ title: String) -> String { title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var storiesByTitle: [String: Int] = [:]
        for story in stories {
            for title in Set(story.members.compactMap { articles[$0.index].title.map(titleKey) }) { storiesByTitle[title, default: 0] += 1 }
        }
        let clusters = stories.map { story -> ClusterRecord in
            let times = story.members.compactMap { member in published[member.index].map { ($0, articles[member.index].published!) } }
            let origin = story.members[0].index
            return ClusterRecord(
                id: story.id, title: StoryLabel.title(
                    of: story.members.map { (articles[$0.index].title, articles[$0.index].outlet) }, origin: 0,
                    isFurniture: { (storiesByTitle[titleKey($0)] ?? 0) > 1 })
                    // Every title heads other stories too: the one that heads the fewest.
                    ?? story.members.compactMap { articles[$0.index].title }
                        .min { (storiesByTitle[titleKey($0)] ?? 0) < (storiesByTitle[titleKey($1)] ?? 0) },
                firstPublished: times.min { $0.0 < $1.0 }?.1,
                lastPublished: times.max { $0.0 < $1.0 }?.1,
                members: story.members.map { member in
                    ClusterMemberRecord(
                        documentID: ids[member.index], outlet: articles[member.index].outlet, role: member.role.rawValue,
                        of: member.of.map { ids[$0] }, group: member.group.map { groupIDs[$0] },
                        evidence: (try? encoder.encode(member.evidence)).map { String(decoding: $0, as: UTF8.self) } ?? "{}")
                })
        }
        var snapshot = AnalysisSnapshot(
            pairs: pairRecords, groups: groups, clusters: clusters, quotes: quoteMatch.quotes,
            quoteAssignments: occurrences.indices.map { index in
                let occurrence = occurrences[index]
                return QuoteAssignment(
                    documentID: occurrence.documentID, start: occurrence.start, end: occurrence.end,
                    quoteID: quoteMatch.quoteIDs[index], resolvedSpeaker: quoteMatch.resolvedSpeakers[index])
            })
        snapshot.newStoryIDs = assignment.newIDs
        snapshot.storyMerges = assignment.merges
        return snapshot
    }

    /// Names how ``StoryVocabulary/occurrences(text:title:)`` computes terms: change it with
    /// the rules, and the kept term counts are computed again.
    /// "2": anchors (``CrossLanguageAnchors``) kept with the words.
    /// "3": Latin-script names also as spelling anchors.
    static let storyTermsVersion = "3"

    /// The key that says which band index and which verified pairs are valid: the signature
    /// parameters, the banding and the acceptance rule. When it changes, everything is matched again.
    var matchingParameters: String {
        let dedup = configuration.dedup
        let banding = DuplicateFinder(configuration: dedup).banding
        return "\(configuration.signatureParameters);bands=\(banding.bands)x\(banding.rows);t=\(dedup.threshold);"
            + "c=\(dedup.containmentThreshold);min=\(dedup.minimumShingles)"
    }

    /// Matches the queued documents against the stored band index and returns every verified
    /// pair: the stored pairs between documents not queued, plus the pairs of each queued
    /// document with any document sharing one of its band keys (the candidates a single LSH pass
    /// over everything would give it), verified on exact shingle sets recomputed from the text.
    ///
    /// The band keys of queued documents are written first, in committed batches (idempotent:
    /// a document's keys are replaced), so queued documents find each other; nothing else is
    /// written, so a crash here leaves the queue as it was.
    ///
    /// - Complexity: O(q·b) indexed lookups for q queued documents and b bands, plus O(m + n)
    ///   per candidate pair.
    private func matchPending(store: WiretraceStore) throws -> [DuplicatePairRecord] {
        let finder = DuplicateFinder(configuration: configuration.dedup)
        let banding = finder.banding
        let parameters = matchingParameters
        if try store.analysisState("matching") != parameters {
            try store.resetBandIndex(stateKey: "matching", value: parameters)
        }
        let pending = try store.pendingDocumentIDs()
        let isPending = Set(pending)
        let hasher = MinHasher(permutations: configuration.dedup.permutations, seed: configuration.dedup.seed)
        let shingleSize = configuration.dedup.shingleSize
        let signatureParameters = configuration.signatureParameters

        // Index the queued documents (signatures from other parameters are recomputed).
        progress.begin("index")
        var keysByID: [String: [UInt64]] = [:]
        var batchStart = 0
        while batchStart < pending.count {
            let batch = pending[batchStart..<min(batchStart + configuration.batchSize, pending.count)]
            batchStart += batch.count
            var rows: [(id: String, keys: [UInt64]?)] = []
            var recomputed: [(id: String, parameters: String, shingleCount: Int, minhash: [UInt8])] = []
            for id in batch {
                var signature: MinHashSignature?
                if let stored = try store.signature(of: id), stored.parameters == signatureParameters {
                    signature = MinHashSignature(bytes: stored.minhash)
                }
                if signature == nil {
                    let shingles = Shingler.shingles(try store.article(id)?.text ?? "", size: shingleSize)
                    let fresh = hasher.signature(of: shingles)
                    recomputed.append((id, signatureParameters, shingles.count, fresh.bytes))
                    signature = fresh
                }
                let keys = LSHIndex.bandKeys(of: signature!, banding: banding)
                keysByID[id] = keys
                rows.append((id, keys))
            }
            try store.transaction {
                try store.updateSignatures(recomputed)
                try store.replaceBandKeys(rows)
            }
            CrashPoint.reach("lsh")
        }
        progress.end()

        // Candidates of each queued document, oriented as the store orders ids (binary).
        progress.begin("verify")
        // The lookups and text reads below run inside one transaction: outside one, SQLite takes
        // and releases its file lock for every statement, which cost more than the lookups.
        var candidates: Set<OrderedIDPair> = []
        try store.transaction {
            for id in pending {
                guard let keys = keysByID[id] else { continue }
                for other in try store.bandNeighbours(of: keys) where other != id {
                    candidates.insert(OrderedIDPair(id, other))
                }
            }
        }
        var shingleCache: [String: [UInt64]] = [:]
        func shingles(_ id: String) throws -> [UInt64] {
            if let cached = shingleCache[id] { return cached }
            let set = Shingler.shingles(try store.article(id)?.text ?? "", size: shingleSize)
            shingleCache[id] = set
            return set
        }
        var pairs: [DuplicatePairRecord] = []
        try store.transaction {
            for pair in candidates.sorted() {
                let similarity = PairSimilarity.exact(try shingles(pair.a), try shingles(pair.b))
                guard finder.accepts(similarity) else { continue }
                pairs.append(
                    DuplicatePairRecord(
                        a: pair.a, b: pair.b, jaccard: similarity.jaccard, containment: similarity.containment,
                        aInB: similarity.aInB, bInA: similarity.bInA))
            }
        }
        progress.end()
        let kept = try store.duplicatePairs().filter { !isPending.contains($0.a) && !isPending.contains($0.b) }
        return kept + pairs
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
    var language: String?

    init(_ article: Article) {
        language = article.language
        id = article.id
        outlet = article.outlet
        title = article.title
        published = article.published
        credits = article.credits
        textLength = article.text.utf8.count
    }
}

/// Two document ids, the smaller first in the store's order (SQLite's binary collation: UTF-8
/// bytes), so a pair is oriented as it would be by index in a pass over the ids in store order.
struct OrderedIDPair: Hashable, Comparable {
    let a: String
    let b: String

    init(_ first: String, _ second: String) {
        if Self.precedes(second, first) {
            (a, b) = (second, first)
        } else {
            (a, b) = (first, second)
        }
    }

    static func precedes(_ x: String, _ y: String) -> Bool { x.utf8.lexicographicallyPrecedes(y.utf8) }

    static func < (lhs: OrderedIDPair, rhs: OrderedIDPair) -> Bool {
        lhs.a != rhs.a ? precedes(lhs.a, rhs.a) : precedes(lhs.b, rhs.b)
    }
}

/// A verified pair named by document ids, as another run (Spark's) reports it.
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

    /// The stored form, the smaller id first (as matching stores pairs), with the similarities
    /// computed from the counts.
    var record: DuplicatePairRecord {
        let (first, second, firstSize, secondSize) = a <= b ? (a, b, sizeA, sizeB) : (b, a, sizeB, sizeA)
        let similarity = PairSimilarity(intersection: intersection, sizeA: firstSize, sizeB: secondSize)
        return DuplicatePairRecord(
            a: first, b: second, jaccard: similarity.jaccard, containment: similarity.containment, aInB: similarity.aInB,
            bInA: similarity.bInA)
    }
}
