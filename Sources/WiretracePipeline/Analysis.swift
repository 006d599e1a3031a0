import Foundation
import WiretraceCluster
import WiretraceCore
import WiretraceDedup
import WiretraceExtract
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
            StageMemory.stageEnded(stage)
            last = now
        }
    }
    let timings = Timings()
    /// Verified pairs found elsewhere (`wiretrace import` of a Spark run), by document id: used
    /// instead of LSH and verification over the store, so the groups are exactly that run's.
    var precomputedPairs: [IdentifiedPair]? = nil

    /// The barrier stages over everything stored, in order, each taking what the earlier ones
    /// made: ``match(store:)`` → ``terms(store:pairs:)`` → ``linkQuotes(store:corpus:)`` →
    /// ``cluster(corpus:quotes:)`` → ``evidence(store:corpus:quotes:stories:pairs:)``.
    ///
    /// Matching is incremental: only the documents queued since the last finished analysis (new
    /// or changed) are matched; pairs among the others are kept as stored. Groups, quotes and
    /// stories are then recomputed over every document (their weights are corpus-wide), so the
    /// result is the one a single run over all the input would give; stories keep the ids they
    /// had (``StoryIDAssigner``).
    func run(store: WiretraceStore, runID: Int = 0) throws -> AnalysisSnapshot {
        let pairs = try match(store: store)
        timings.mark("candidates+verify")
        var corpus = try terms(store: store, pairs: pairs)
        timings.mark("terms")
        let quotes = try linkQuotes(store: store, corpus: corpus)
        timings.mark("quote matching")
        let stories = cluster(corpus: &corpus, quotes: quotes)
        timings.mark("stories")
        CrashPoint.reach("cluster")
        return try evidence(store: store, corpus: corpus, quotes: quotes, stories: stories, pairs: pairs)
    }

    /// What the terms stage makes: every stored article's metadata (store order), its story
    /// terms interned in one vocabulary, and the verified pairs as links between indices.
    struct Corpus {
        var articles: [ArticleSummary]
        var ids: [String]
        var published: [Double?]
        var vocabulary: StoryVocabulary
        /// Per article, its word counts and its anchor counts, packed (a few bytes a term);
        /// emptied by the cluster stage, which hands them to the clusterer.
        var words: TermCountTable
        var anchors: TermCountTable
        var links: [DuplicateLink]
    }

    /// What the quote-link stage makes: every stored occurrence (speaker as the document names
    /// it) and the quotes they were matched into.
    ///
    /// Of each occurrence only its place is held (document, start, end: 20 bytes), not its text,
    /// speaker and chain: what the story level needs of those is taken out per document here,
    /// and joining a translation's quotes to its original's reads the occurrences again.
    struct LinkedQuotes {
        /// Per occurrence, its document (index into the corpus), start and end.
        var documents: [Int32]
        var starts: [Int]
        var ends: [Int]
        /// The documents of occurrences whose document is not in the corpus (none in a
        /// consistent store), by occurrence.
        var strayDocuments: [Int: String]
        /// Per document (index), the ids of the cross-outlet quotes its direct speech carries,
        /// and the first reporters its quoted words name (as the story level reads them).
        var quoteIDsByDocument: [Int: [Int]]
        var citedByDocument: [Int: [String]]
        var sources: [QuoteLinker.Source]
        /// One quote id per occurrence, the speaker resolved across outlets where the
        /// occurrence's own was a description or missing, and the quotes.
        var match: QuoteLinker.Result
    }

    /// Stage 1: the verified pairs over everything stored (``matchPending(store:)``), or those
    /// of an imported run.
    func match(store: WiretraceStore) throws -> [DuplicatePairRecord] {
        try precomputedPairs.map { $0.map(\.record) } ?? matchPending(store: store)
    }

    /// Stage 2: what the story level and the quote chains need of each article, streamed from
    /// the store: metadata and term counts, not the text.
    func terms(store: WiretraceStore, pairs pairRecords: [DuplicatePairRecord]) throws -> Corpus {
        // Term counts are kept between runs
        // (story_terms, packed against a kept vocabulary), so only new and changed documents
        // are read and tokenised.
        var vocabulary = StoryVocabulary()
        var articles: [ArticleSummary] = []
        // Words and anchors (numbers and name sound keys, compared across languages only) go
        // to two packed tables as each document is interned, the tables the clusterer reads:
        // one table split in two at the story level held it beside both halves.
        var words = TermCountTable()
        var anchors = TermCountTable()
        var isAnchor: [Bool] = []  // per term id of this pass's vocabulary
        // One document's counts split in two, the buffers reused from document to document.
        var wordCounts: [TermCount] = []
        var anchorCounts: [TermCount] = []
        func append(_ counts: [TermCount]) {
            while isAnchor.count < vocabulary.terms.count {
                isAnchor.append(vocabulary.terms[isAnchor.count].first == CrossLanguageAnchors.prefix)
            }
            wordCounts.removeAll(keepingCapacity: true)
            anchorCounts.removeAll(keepingCapacity: true)
            for count in counts {
                if isAnchor[Int(count.term)] { anchorCounts.append(count) } else { wordCounts.append(count) }
            }
            words.append(wordCounts)
            anchors.append(anchorCounts)
        }
        var computedTerms: [(id: String, terms: [UInt8])] = []
        let cacheIsCurrent = try store.analysisState("story_terms") == Self.storyTermsVersion
        let keptTerms = cacheIsCurrent ? try store.storyVocabulary() : []
        var keptIDs = Dictionary(keptTerms.enumerated().map { ($1, UInt32($0)) }, uniquingKeysWith: { first, _ in first })
        var newTerms: [(id: Int, term: String)] = []
        func keptID(_ term: String) -> UInt32 {
            if let id = keptIDs[term] { return id }
            let id = UInt32(keptTerms.count + newTerms.count)
            keptIDs[term] = id
            newTerms.append((Int(id), term))
            return id
        }
        // A batch of documents at a time: the reading thread hands each document's packed kept
        // terms or packed text to workers, which inflate them and compute the terms of those
        // without kept ones; then every document's are interned in store order (ids as one pass
        // gives). While workers take batch N, the reading thread fills batch N + 1.
        let workers = configuration.workers > 0 ? configuration.workers : ProcessInfo.processInfo.activeProcessorCount
        typealias KeptTerms = [(id: UInt32, plain: Float, entity: Float, title: Float)]
        enum Prepared: Sendable {
            case kept(KeptTerms)
            /// Kept terms that do not read (or name no kept term): the text is read again.
            case unreadable
            case computed([TermOccurrence])
            case failed(WiretraceError)
        }
        var batch: [(id: String, title: String?, textByteCount: Int, packed: WiretraceStore.PackedStoryInput)] = []
        // The id this pass's vocabulary gives each kept term (-1 until it is first seen), so a
        // kept document's terms are interned by id, not hashed again by name.
        var ownID = [Int32](repeating: -1, count: keptTerms.count)
        let keptCount = keptTerms.count
        let location = store.path
        @Sendable func prepare(_ batch: [(id: String, title: String?, textByteCount: Int, packed: WiretraceStore.PackedStoryInput)]) -> [Prepared] {
            let chunkSize = max(1, (batch.count + workers * 4 - 1) / (workers * 4))
            let chunks = stride(from: 0, to: batch.count, by: chunkSize).map { $0..<min($0 + chunkSize, batch.count) }
            // One reader (decompressor) per chunk.
            return CandidateVerification.parallelMap(chunks, workers: workers) { range -> [Prepared] in
                let reader = PackedValueReader(location: location)
                return batch[range].map { document -> Prepared in
                    do {
                        switch document.packed {
                        case .terms(let packed):
                            guard cacheIsCurrent, let occurrences = TermOccurrence.unpackIDs(try reader.bytes(packed)),
                                occurrences.allSatisfy({ Int($0.id) < keptCount })
                            else { return .unreadable }
                            return .kept(occurrences)
                        case .text(let packed):
                            let text = try reader.text(packed)
                            return .computed(
                                StoryVocabulary.occurrences(text: text, title: document.title)
                                    + CrossLanguageAnchors.occurrences(text: text, title: document.title))
                        }
                    } catch let error as WiretraceError {
                        return .failed(error)
                    } catch {
                        return .failed(WiretraceError(.database, "\(error)", location: location))
                    }
                }
            }.flatMap { $0 }
        }
        func intern(_ batch: [(id: String, title: String?, textByteCount: Int, packed: WiretraceStore.PackedStoryInput)], _ prepared: [Prepared]) throws {
            for (document, prepared) in zip(batch, prepared) {
                switch prepared {
                case .kept(let kept):
                    if let counts = vocabulary.intern(kept: kept, keptTerms: keptTerms, ownID: &ownID) {
                        append(counts)
                    } else {
                        computedTerms.append((document.id, TermOccurrence.pack([], id: keptID)))
                        append(vocabulary.intern([]))
                    }
                case .unreadable:
                    let text = document.textByteCount > 0 ? try store.article(document.id)?.text ?? "" : ""
                    let fresh = StoryVocabulary.occurrences(text: text, title: document.title)
                        + CrossLanguageAnchors.occurrences(text: text, title: document.title)
                    computedTerms.append((document.id, TermOccurrence.pack(fresh, id: keptID)))
                    append(vocabulary.intern(fresh))
                case .computed(let fresh):
                    computedTerms.append((document.id, TermOccurrence.pack(fresh, id: keptID)))
                    append(vocabulary.intern(fresh))
                case .failed(let error):
                    throw error
                }
            }
        }
        var inFlight: (batch: [(id: String, title: String?, textByteCount: Int, packed: WiretraceStore.PackedStoryInput)], prepared: BackgroundResult<[Prepared]>)?
        func flush() throws {
            let full = batch
            batch.removeAll(keepingCapacity: true)
            let started = full.isEmpty ? nil : (batch: full, prepared: BackgroundResult { prepare(full) })
            if let previous = inFlight { try intern(previous.batch, previous.prepared.wait()) }
            inFlight = started
        }
        try store.forEachPackedArticleWithStoryTerms { article, textByteCount, packed in
            articles.append(ArticleSummary(article, textLength: textByteCount))
            batch.append((article.id, article.title, textByteCount, packed))
            if batch.count >= 256 { try flush() }
        }
        try flush()
        try flush()
        // Written a slice at a time, each slice's rows freed once written: the store compresses
        // what it is given, and the compressed copy of every computed document (a first run
        // computes all) stood beside the rows. The new terms go with the first slice; a run
        // stopped between slices leaves some documents without kept terms, which the next
        // run computes again.
        if !computedTerms.isEmpty || !cacheIsCurrent {
            var start = 0
            repeat {
                let end = min(start + Self.storyTermsSlice, computedTerms.count)
                try store.cacheStoryTerms(
                    Array(computedTerms[start..<end]), newTerms: start == 0 ? newTerms : [], version: Self.storyTermsVersion)
                for index in start..<end { computedTerms[index] = ("", []) }
                start = end
            } while start < computedTerms.count
        }
        computedTerms = []
        newTerms = []
        keptIDs = [:]
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
        return Corpus(
            articles: articles, ids: ids, published: published, vocabulary: vocabulary, words: words, anchors: anchors, links: links)
    }

    /// Computed story terms written to the store per call (see ``terms(store:pairs:)``).
    static let storyTermsSlice = 4_096

    /// Stage 3: quotes matched across outlets. As the documents name the speakers: resolution
    /// across outlets is redone from scratch.
    func linkQuotes(store: WiretraceStore, corpus: Corpus) throws -> LinkedQuotes {
        let sources = corpus.articles.indices.map { index in
            let article = corpus.articles[index]
            return QuoteLinker.Source(id: article.id, outlet: article.outlet, published: article.published, time: corpus.published[index])
        }
        let indexByID = Dictionary(uniqueKeysWithValues: corpus.ids.enumerated().map { ($1, $0) })
        var documents: [Int32] = []
        var starts: [Int] = []
        var strayDocuments: [Int: String] = [:]
        var quoteIDsByDocument: [Int: [Int]] = [:]
        var citedByDocument: [Int: [String]] = [:]
        // The occurrences (texts, speakers, chains) live only in this block: what outlasts it
        // is copied out below, once they are freed.
        var match: QuoteLinker.Result
        let ends: [Int]
        do {
            StageMemory.probe("quotes start")
            // Each occurrence as a few integers (document, start, kind, text, speaker, chain),
            // each distinct value held once; documents not in the corpus (none in a consistent
            // store) are added to the table's ids.
            var table = QuoteLinker.OccurrenceTable(documentIDs: corpus.ids)
            var readEnds: [Int] = []
            try store.forEachQuoteOccurrence(linked: false) { occurrence in
                let document: Int32
                if let index = indexByID[occurrence.documentID] {
                    document = Int32(index)
                } else {
                    strayDocuments[table.count] = occurrence.documentID
                    document = table.addDocument(occurrence.documentID)
                }
                table.append(
                    document: document, start: occurrence.start, text: occurrence.text, kind: occurrence.kind,
                    speaker: occurrence.speakerMention, via: occurrence.via)
                readEnds.append(occurrence.end)
            }
            table.finishReading()
            ends = readEnds
            StageMemory.probe("occurrences read \(table.count), \(table.textValues.count) texts")
            match = QuoteLinker.link(
                table, sources: sources,
                workers: configuration.workers > 0 ? configuration.workers : ProcessInfo.processInfo.activeProcessorCount)
            StageMemory.probe("linked")
            let corpusCount = corpus.ids.count
            documents = table.documents.map { Int($0) < corpusCount ? $0 : -1 }
            starts = table.starts
            let direct = table.kindValues.firstIndex(of: QuoteKind.direct.rawValue).map(UInt8.init)
            for (position, quoteID) in match.quoteIDs.enumerated() {
                let index = Int(table.documents[position])
                guard index < corpusCount, table.kinds[position] == direct else { continue }
                quoteIDsByDocument[index, default: []].append(quoteID)
                // Only quoted words name a first reporter: a paraphrase's chain is the page's credits.
                let via = table.via(position)
                if let first = via.first, via.count > 1 || first != corpus.articles[index].outlet {
                    citedByDocument[index, default: []].append(first)
                }
            }
        }
        StageMemory.probe("sightings freed")
        // What outlasts the stage was allocated among the occurrences' many small strings and
        // arrays, one survivor on most of their pages, so freeing the occurrences returned
        // little: copied now into fresh memory, and the old copies freed, their pages go back.
        Self.compact(&match)
        quoteIDsByDocument = quoteIDsByDocument.mapValues { $0.map { $0 } }
        citedByDocument = citedByDocument.mapValues { $0.map(Self.freshCopy) }
        StageMemory.probe("compacted")
        return LinkedQuotes(
            documents: documents, starts: starts, ends: ends, strayDocuments: strayDocuments,
            quoteIDsByDocument: quoteIDsByDocument, citedByDocument: citedByDocument, sources: sources, match: match)
    }

    /// `string` in storage of its own (equal to it, never sharing its buffer).
    static func freshCopy(_ string: String) -> String {
        let utf8 = string.utf8
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in buffer.initialize(from: utf8).1 }
    }

    /// The linked quotes with every string and array in fresh storage, equal to what they were:
    /// each resolved speaker is its quote's (copied) speaker, as linking resolves them.
    static func compact(_ match: inout QuoteLinker.Result) {
        match.quotes = match.quotes.map { quote in
            var copy = quote
            copy.text = freshCopy(quote.text)
            copy.speaker = quote.speaker.map(freshCopy)
            copy.firstReporter = quote.firstReporter.map(freshCopy)
            copy.firstDocument = quote.firstDocument.map(freshCopy)
            copy.firstOutlet = quote.firstOutlet.map(freshCopy)
            copy.firstSeen = quote.firstSeen.map(freshCopy)
            copy.relayedBy = quote.relayedBy.map(freshCopy)
            copy.carriedBy = quote.carriedBy.map(freshCopy)
            return copy
        }
        let quotes = match.quotes
        match.resolvedSpeakers = zip(match.resolvedSpeakers, match.quoteIDs).map { (resolved, quoteID) -> String? in
            guard let resolved else { return nil }
            if let speaker = quotes[quoteID - 1].speaker, speaker == resolved { return speaker }
            return freshCopy(resolved)
        }
        match.quoteIDs = match.quoteIDs.map { $0 }
    }

    /// Every stored quote occurrence as quote linking reads it (the speaker as the document
    /// names it), in store order, and each one's end.
    /// The stored records are read one at a time, not all held beside their sightings.
    static func sightings(store: WiretraceStore) throws -> (sightings: [QuoteLinker.Sighting], ends: [Int]) {
        var sightings: [QuoteLinker.Sighting] = []
        var ends: [Int] = []
        // Copies and excerpts repeat the same quotes, speakers and chains: equal values share
        // one buffer instead of one allocation per occurrence (a large collection has millions).
        var texts: [String: String] = [:]
        var speakers: [String: String] = [:]
        var chains: [[String]: [String]] = [:]
        func shared(_ value: String, in table: inout [String: String]) -> String {
            guard value.utf8.count > 15 else { return value }  // held inline, no buffer
            if let known = table[value] { return known }
            table[value] = value
            return value
        }
        try store.forEachQuoteOccurrence(linked: false) { occurrence in
            var via = occurrence.via
            if let known = chains[via] { via = known } else { chains[via] = via }
            sightings.append(QuoteLinker.Sighting(
                documentID: occurrence.documentID, start: occurrence.start, text: shared(occurrence.text, in: &texts),
                kind: occurrence.kind, speaker: occurrence.speakerMention.map { shared($0, in: &speakers) }, via: via))
            ends.append(occurrence.end)
        }
        return (sightings, ends)
    }

    /// Stage 4: near-duplicate groups and stories over the corpus, its links and its quotes.
    func cluster(corpus: inout Corpus, quotes: LinkedQuotes) -> StoryResult {
        let (articles, published, vocabulary, links) = (corpus.articles, corpus.published, corpus.vocabulary, corpus.links)
        let (quoteIDsByDocument, citedByDocument) = (quotes.quoteIDsByDocument, quotes.citedByDocument)
        StageMemory.probe("stories start")
        let (words, anchors) = (corpus.words, corpus.anchors)
        (corpus.words, corpus.anchors) = (TermCountTable(), TermCountTable())
        let inputs = articles.enumerated().map { index, article in
            StoryInput(
                id: article.id, outlet: article.outlet, title: article.title, published: published[index],
                creditedAgencies: article.credits.map(\.agency), citedReporters: citedByDocument[index] ?? [],
                quoteIDs: Array(Set(quoteIDsByDocument[index] ?? [])).sorted(),
                terms: [], textLength: article.textLength, language: article.language, anchors: [])
        }
        var clusterer = StoryClusterer(
            configuration: configuration.story, copyJaccard: configuration.dedup.threshold,
            excerptContainment: configuration.dedup.containmentThreshold,
            workers: configuration.workers > 0 ? configuration.workers : ProcessInfo.processInfo.activeProcessorCount)
        if StageMemory.reporting { clusterer.probe = { StageMemory.probe($0) } }
        // The counts are handed over (no copy held here), so that the clusterer can park them
        // in a temporary file while it scores and links pairs.
        clusterer.parkingDirectory = FileManager.default.temporaryDirectory.path
        clusterer.releaseFreeMemory = { StageMemory.releaseFreeMemory() }
        let result = clusterer.cluster(inputs, terms: consume words, anchors: consume anchors, vocabulary: vocabulary, links: links)
        return result
    }

    /// Stage 5: the records of the analysis: groups, stories with reviewers' decisions applied
    /// and stable ids, each member's evidence (shared passages of copies and excerpts, aligned
    /// anchors of translations), titles, and the quotes' assignments.
    func evidence(
        store: WiretraceStore, corpus: Corpus, quotes: LinkedQuotes, stories result: StoryResult, pairs pairRecords: [DuplicatePairRecord]
    ) throws -> AnalysisSnapshot {
        let (articles, ids, published) = (corpus.articles, corpus.ids, corpus.published)
        var quoteMatch = quotes.match
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
        if !translations.isEmpty {
            // The occurrences' texts, speakers and chains, read again (the same rows, in the same
            // order): only a collection with translations needs them here.
            quoteMatch = QuoteLinker.joinTranslations(
                quoteMatch, sightings: try Self.sightings(store: store).sightings, translations: translations, sources: quotes.sources)
        }
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
        // Members whose evidence needs both texts: read a batch at a time (in order), the
        // passages and anchors found in parallel. A copy's texts are handed over packed and
        // inflated by the workers; while they take batch N, the reading thread fills batch N + 1.
        enum Job: Sendable {
            case translation(story: Int, member: Int, text: String, title: String?, source: String, sourceTitle: String?, spelled: Bool)
            case passages(story: Int, member: Int, text: PackedValue, source: PackedValue)
        }
        enum Found: Sendable {
            case anchors(Int, Int, [String])
            case passages(Int, Int, [[Int]])
            case failed(WiretraceError)
        }
        let workers = configuration.workers > 0 ? configuration.workers : ProcessInfo.processInfo.activeProcessorCount
        let location = store.path
        @Sendable func find(_ jobs: [Job]) -> [Found] {
            let chunkSize = max(1, (jobs.count + workers * 4 - 1) / (workers * 4))
            let chunks = stride(from: 0, to: jobs.count, by: chunkSize).map { $0..<min($0 + chunkSize, jobs.count) }
            // One reader (decompressor) per chunk.
            return CandidateVerification.parallelMap(chunks, workers: workers) { range -> [Found] in
                let reader = PackedValueReader(location: location)
                return jobs[range].map { job -> Found in
                    switch job {
                    case .translation(let story, let member, let text, let title, let source, let sourceTitle, let spelled):
                        return .anchors(
                            story, member,
                            TranslationEvidence.alignedAnchors(text, title: title, source, sourceTitle: sourceTitle, spelled: spelled))
                    case .passages(let story, let member, let text, let source):
                        do {
                            let (text, source) = (try reader.text(text), try reader.text(source))
                            return .passages(story, member, SharedPassages.find(text, source).map { [$0.start, $0.end, $0.otherStart, $0.otherEnd] })
                        } catch let error as WiretraceError {
                            return .failed(error)
                        } catch {
                            return .failed(WiretraceError(.database, "\(error)", location: location))
                        }
                    }
                }
            }.flatMap { $0 }
        }
        var jobs: [Job] = []
        var inFlight: BackgroundResult<[Found]>?
        func runJobs() throws {
            let started = jobs.isEmpty ? nil : BackgroundResult { [jobs] in find(jobs) }
            jobs.removeAll(keepingCapacity: true)
            for result in inFlight?.wait() ?? [] {
                switch result {
                case .anchors(let story, let member, let anchors): stories[story].members[member].evidence.anchors = anchors
                case .passages(let story, let member, let passages): stories[story].members[member].evidence.passages = passages
                case .failed(let error): throw error
                }
            }
            inFlight = started
        }
        for storyIndex in stories.indices {
            for memberIndex in stories[storyIndex].members.indices {
                let member = stories[storyIndex].members[memberIndex]
                if member.role == .translation, let source = member.of,
                    let text = try store.article(ids[member.index]), let sourceText = try store.article(ids[source])
                {
                    let latin = CrossLanguageAnchors.latinScriptLanguages
                    jobs.append(.translation(
                        story: storyIndex, member: memberIndex, text: text.text, title: text.title, source: sourceText.text,
                        sourceTitle: sourceText.title,
                        spelled: text.language.map(latin.contains) == true && sourceText.language.map(latin.contains) == true))
                } else if member.role == .copy || member.role == .excerpt, let source = member.of {
                    if let kept = keptPassages(ids[member.index], source: ids[source]) {
                        stories[storyIndex].members[memberIndex].evidence.passages = kept
                    } else if let text = try store.packedText(ids[member.index]), let sourceText = try store.packedText(ids[source]) {
                        jobs.append(.passages(story: storyIndex, member: memberIndex, text: text, source: sourceText))
                    }
                }
                if jobs.count >= 256 { try runJobs() }
            }
        }
        try runJobs()
        try runJobs()
        timings.mark("passages")
        // A title that heads documents of several stories (a site's name, a widget, a section
        // label that scraping kept above the headline) labels none of them. A document in no
        // story counts as a story of its own: furniture heads an outlet's unrelated pages too,
        // most of which join no story, while a headline heads only its own story's copies.
        func titleKey(_ title: String) -> String { title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var storiesByTitle: [String: Int] = [:]
        var inStory = [Bool](repeating: false, count: articles.count)
        for story in stories {
            for member in story.members { inStory[member.index] = true }
            for title in Set(story.members.compactMap { articles[$0.index].title.map(titleKey) }) { storiesByTitle[title, default: 0] += 1 }
        }
        // The same count with each document of no story as a story of its own.
        var pagesByTitle = storiesByTitle
        for index in articles.indices where !inStory[index] {
            if let title = articles[index].title { pagesByTitle[titleKey(title), default: 0] += 1 }
        }
        // Stories whose every title also heads pages of at least two other stories or of no
        // story (widgets and section labels head an outlet's unrelated pages, most of which join
        // no story) take a line of the origin's text instead; lines that other pages of the same
        // outlet carry (among its first `leadOutletPages`, outside the story), captions, credits
        // and bylines are furniture too. Each outlet's pages are read once, however many of its
        // stories need a lead: per line, the first pages carrying it.
        let collapsed = Self.collapsedLine
        var outletPages: [String: [Int]]?
        var outletLines: [String: [String: [Int]]] = [:]
        func linesOfOutlet(_ outlet: String) -> [String: [Int]] {
            if let lines = outletLines[outlet] { return lines }
            if outletPages == nil {
                var pages: [String: [Int]] = [:]
                for index in articles.indices {
                    if let key = articles[index].outlet?.lowercased(), pages[key, default: []].count < Self.leadOutletPages {
                        pages[key, default: []].append(index)
                    }
                }
                outletPages = pages
            }
            var lines: [String: [Int]] = [:]
            for index in outletPages?[outlet] ?? [] {
                guard let text = try? store.article(ids[index])?.text else { continue }
                for line in Set(text.split(whereSeparator: \.isNewline).map(collapsed)) where lines[line, default: []].count < Self.leadPagesPerLine {
                    lines[line, default: []].append(index)
                }
            }
            outletLines[outlet] = lines
            return lines
        }
        func leadLabel(_ story: Story) -> String? {
            guard story.members.allSatisfy({ articles[$0.index].title.map { (pagesByTitle[titleKey($0)] ?? 0) > 2 } ?? true })
            else { return nil }
            let stored = try? store.article(ids[story.members[0].index])
            guard let text = stored?.text else { return nil }
            let members = Set(story.members.map(\.index))
            let lines = articles[story.members[0].index].outlet.map { linesOfOutlet($0.lowercased()) } ?? [:]
            return StoryLabel.lead(
                of: text,
                isFurniture: { line in
                    (lines[line] ?? []).contains { !members.contains($0) }
                        || (!pagesByTitle.isEmpty && (pagesByTitle[titleKey(line)] ?? 0) > 1)
                        || LineFurniture.contains(line)
                },
                isPhotoCredit: LineFurniture.isPhotoCredit)
        }
        let clusters = stories.map { story -> ClusterRecord in
            let times = story.members.compactMap { member in published[member.index].map { ($0, articles[member.index].published!) } }
            return ClusterRecord(
                id: story.id, title: StoryLabel.title(
                    of: story.members.map { (articles[$0.index].title, articles[$0.index].outlet) }, origin: 0,
                    isFurniture: { (storiesByTitle[titleKey($0)] ?? 0) > 1 })
                    // Every title heads other stories too: a line of the origin's text that
                    // no other page of its outlet carries, else the title that heads the fewest.
                    ?? leadLabel(story)
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
            pairs: pairRecords, groups: groups, clusters: clusters,
            quotes: quoteMatch.quotes.map {
                QuoteRecord(
                    id: $0.id, text: $0.text, speaker: $0.speaker, firstReporter: $0.firstReporter, firstDocument: $0.firstDocument,
                    firstOutlet: $0.firstOutlet, firstSeen: $0.firstSeen, sightings: $0.sightings, relayedBy: $0.relayedBy,
                    carriedBy: $0.carriedBy)
            },
            quoteAssignments: quotes.starts.indices.map { index in
                let document = Int(quotes.documents[index])
                return QuoteAssignment(
                    documentID: document >= 0 ? ids[document] : quotes.strayDocuments[index] ?? "", start: quotes.starts[index],
                    end: quotes.ends[index],
                    quoteID: quoteMatch.quoteIDs[index], resolvedSpeaker: quoteMatch.resolvedSpeakers[index])
            })
        snapshot.newStoryIDs = assignment.newIDs
        snapshot.storyMerges = assignment.merges
        return snapshot
    }

    /// `line`'s words (cut at whitespace characters) joined by single spaces: how a line of an
    /// outlet's pages is compared with a story's lines when labels are chosen. Most lines are
    /// that already, and cutting every line of an outlet's pages into characters and words was
    /// most of the labels' cost: a line whose every whitespace scalar is one U+0020 between two
    /// ASCII scalars that are not whitespace (so that no space is a character together with a
    /// scalar beside it) is returned as it is.
    /// - Complexity: O(n) in the line's length.
    static func collapsedLine(_ line: Substring) -> String {
        var previousIsASCIIWord = false  // false at the start: a leading space is cut
        var afterSpace = false
        for scalar in line.unicodeScalars {
            let value = scalar.value
            if value == 0x20 {
                guard previousIsASCIIWord else { return slowlyCollapsed(line) }
                afterSpace = true
                previousIsASCIIWord = false
            } else if value < 0x80 {
                guard value &- 0x09 >= 5 else { return slowlyCollapsed(line) }  // tab, line and page breaks
                afterSpace = false
                previousIsASCIIWord = true
            } else {
                guard !afterSpace, !scalar.properties.isWhitespace else { return slowlyCollapsed(line) }
                previousIsASCIIWord = false
            }
        }
        return afterSpace ? slowlyCollapsed(line) : String(line)
    }

    /// ``collapsedLine(_:)`` by characters: the reference it is tested against.
    static func slowlyCollapsed(_ line: Substring) -> String { line.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    /// Names how ``StoryVocabulary/occurrences(text:title:)`` computes terms: change it with
    /// the rules, and the kept term counts are computed again.
    /// "2": anchors (``CrossLanguageAnchors``) kept with the words.
    /// "3": Latin-script names also as spelling anchors.
    /// "4": packed against a kept vocabulary (``TermOccurrence/pack(_:id:)``).
    static let storyTermsVersion = "5"
    /// Pages of an outlet read to tell its furniture lines, for a story labelled from its text.
    static let leadOutletPages = 100
    /// Pages kept per line of those: a line is furniture when one of them is outside the story.
    static let leadPagesPerLine = 8

    /// The key that says which band keys and which verified pairs are valid: the signature
    /// parameters, the banding and the acceptance rule. When it changes, everything is matched again.
    var matchingParameters: String {
        let dedup = configuration.dedup
        return "\(configuration.bandKeyParameters);t=\(dedup.threshold);c=\(dedup.containmentThreshold);min=\(dedup.minimumShingles)"
    }

    /// Shingle hashes (8 bytes each) of exact sets held at once during verification, as
    /// ``DedupRun/verificationMemoryBudget``.
    var verificationMemoryBudget = DedupRun.defaultVerificationMemoryBudget

    /// Matches the queued documents with `wiretrace dedup`'s engine and returns every verified
    /// pair: the stored pairs between documents not queued, plus the verified candidate pairs
    /// with a queued document in them.
    ///
    /// The band keys of every stored document (computed at ingest by ``DedupSketcher``, the
    /// signer `dedup` and `sign` use, and kept as one blob per document) are loaded into one
    /// in-memory ``BandKeyTable``: queued documents are matched among themselves and against the
    /// stored ones in one pass over it. Candidates are verified on exact shingle sets recomputed
    /// from the stored text, a part of the candidate graph at a time
    /// (``CandidateVerification``), so `run` and `dedup` verify the same pairs the same way.
    /// Nothing is written but recomputed band keys, so a crash here leaves the queue as it was.
    ///
    /// - Complexity: O(n·b) to load n documents' b band keys, LSH as ``BandKeyTable``, plus
    ///   O(s log s) per candidate document of s shingles and O(m + n) per candidate pair.
    private func matchPending(store: WiretraceStore) throws -> [DuplicatePairRecord] {
        let dedup = configuration.dedup
        let finder = DuplicateFinder(configuration: dedup)
        let banding = finder.banding
        let workers = configuration.workers > 0 ? configuration.workers : ProcessInfo.processInfo.activeProcessorCount
        let parameters = matchingParameters
        if try store.analysisState("matching") != parameters {
            try store.resetBandIndex(stateKey: "matching", value: parameters)
        }
        let pendingIDs = Set(try store.pendingDocumentIDs())
        guard !pendingIDs.isEmpty else { return try store.duplicatePairs() }
        let keyParameters = configuration.bandKeyParameters

        // The band index: every stored document's keys, in store order (ids in binary order).
        progress.begin("index")
        var ids: [String] = []
        var shingleCounts: [Int32] = []
        var isPending: [Bool] = []
        var stale: [Int] = []
        var table = BandKeyTable(banding: banding)
        try store.forEachSignature { id, storedParameters, shingleCount, bytes in
            ids.append(id)
            shingleCounts.append(Int32(clamping: shingleCount))
            isPending.append(pendingIDs.contains(id))
            if storedParameters == keyParameters, let keys = BandKeyBytes.decode(bytes, bands: banding.bands) {
                table.append(keys)
            } else {
                stale.append(ids.count - 1)
                table.append(nil)
            }
        }
        // Keys from other parameters (a database of an earlier version): recomputed from the text.
        let sketcher = DedupSketcher(configuration: dedup, banding: banding)
        var batchStart = 0
        while batchStart < stale.count {
            let batch = Array(stale[batchStart..<min(batchStart + configuration.batchSize, stale.count)])
            batchStart += batch.count
            let texts = try batch.map { try store.article(ids[$0])?.text ?? "" }
            let sketched = CandidateVerification.parallelMap(texts, workers: workers) { text -> ([UInt64]?, Int) in
                var sketcher = sketcher
                return (sketcher.bandKeys(of: text), sketcher.shingleSet(of: text).count)
            }
            var rows: [(id: String, parameters: String, shingleCount: Int, bandKeys: [UInt8])] = []
            for (document, (keys, count)) in zip(batch, sketched) {
                table.replace(document, with: keys)
                shingleCounts[document] = Int32(clamping: count)
                rows.append((ids[document], keyParameters, count, BandKeyBytes.encode(keys)))
            }
            try store.updateSignatures(rows)
            CrashPoint.reach("lsh")
        }
        progress.end()
        CrashPoint.reach("lsh")

        // Candidates with a queued document in them, verified a part at a time.
        progress.begin("verify")
        var candidates = table.packedCandidatePairs(workers: workers)
        table = BandKeyTable(banding: banding)  // its keys are done with
        // In place (the kept pairs keep their order): a filtered copy stood beside every
        // candidate (8 bytes a pair: 397M pairs, 3 GiB, at 1M realistic documents), and a first
        // run, where every document is queued, keeps them all.
        candidates.removeAll { !isPending[CandidateVerification.first($0)] && !isPending[CandidateVerification.second($0)] }
        let parts = CandidateVerification.parts(
            of: &candidates, documentCount: ids.count, budget: verificationMemoryBudget,
            shingleCount: { Int(shingleCounts[$0]) })
        let verified = try CandidateVerification.verify(parts, of: candidates, documentCount: ids.count, finder: finder, workers: workers) { documents in
            var sets: [(Int, [UInt64])] = []
            var start = 0
            while start < documents.count {
                let chunk = Array(documents[start..<min(start + configuration.batchSize, documents.count)])
                start += chunk.count
                let texts = try store.transaction { try chunk.map { try store.article(ids[$0])?.text ?? "" } }
                let chunkSets = CandidateVerification.parallelMap(texts, workers: workers) { text -> [UInt64] in
                    var sketcher = sketcher
                    return sketcher.shingleSet(of: text)
                }
                sets += zip(chunk, chunkSets).map { ($0, $1) }
            }
            return sets
        }
        progress.end()
        let pairs = verified.map { pair in
            let similarity = pair.similarity
            return DuplicatePairRecord(
                a: ids[pair.a], b: ids[pair.b], jaccard: similarity.jaccard, containment: similarity.containment,
                aInB: similarity.aInB, bInA: similarity.bInA)
        }
        let kept = try store.duplicatePairs().filter { !pendingIDs.contains($0.a) && !pendingIDs.contains($0.b) }
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

    init(_ article: Article, textLength: Int? = nil) {
        language = article.language
        id = article.id
        outlet = article.outlet
        title = article.title
        published = article.published
        credits = article.credits
        self.textLength = textLength ?? article.text.utf8.count
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

/// A value computed on another thread: started at once, read (waiting for it) once.
private final class BackgroundResult<Value: Sendable>: @unchecked Sendable {
    // Written once by the worker before `done` is signalled, read only after waiting on it.
    private var value: Value?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async {
            self.value = work()
            self.done.signal()
        }
    }

    /// The value, once computed.
    func wait() -> Value {
        done.wait()
        return value!
    }
}
