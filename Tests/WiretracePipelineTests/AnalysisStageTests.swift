import Foundation
import Testing
import WiretraceCluster
@testable import WiretracePipeline
import WiretraceStore

/// The barrier stages of `Analysis`, each run alone over a store a whole run has filled.
@Suite struct AnalysisStageTests {
    /// A store after one whole run over the fixture dump's JSONL lines.
    static func filledStore(_ directory: URL) throws -> WiretraceStore {
        let path = directory.appendingPathComponent("stages.sqlite").path
        let input = IncrementalRunTests.fixtures.appendingPathComponent("jsonl/seed-story-text.jsonl").path
        _ = try PipelineRunner(configuration: PipelineConfiguration()).run(inputs: [input], databasePath: path)
        return try WiretraceStore(path: path)
    }

    @Test func eachStageAloneGivesWhatTheWholeRunStored() throws {
        let directory = try IncrementalRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.filledStore(directory)
        let analysis = Analysis(configuration: PipelineConfiguration(), progress: ProgressMeter(enabled: false))

        // Match: nothing is queued after the run, so the stored pairs are the answer.
        let pairs = try analysis.match(store: store)
        #expect(!pairs.isEmpty)
        #expect(pairs.map { "\($0.a) \($0.b) \($0.jaccard)" } == (try store.duplicatePairs()).map { "\($0.a) \($0.b) \($0.jaccard)" })

        // Terms: from the kept, packed terms, the same as computed again from the text.
        var kept = try analysis.terms(store: store, pairs: pairs)
        #expect(kept.articles.count == kept.ids.count && kept.words.count == kept.ids.count && kept.anchors.count == kept.ids.count)
        // Words and anchors apart, each term on its side, and both sides used by the fixture.
        func isAnchor(_ term: Int32) -> Bool { kept.vocabulary.terms[Int(term)].first == CrossLanguageAnchors.prefix }
        #expect(kept.ids.indices.allSatisfy { kept.words[$0].allSatisfy { !isAnchor($0.term) } })
        #expect(kept.ids.indices.allSatisfy { kept.anchors[$0].allSatisfy { isAnchor($0.term) } })
        #expect(kept.words.byteCount > 0 && kept.anchors.byteCount > 0)
        #expect(kept.links.count == pairs.count)
        try store.cacheStoryTerms([], newTerms: [], version: "other rules")
        let computed = try analysis.terms(store: store, pairs: pairs)
        #expect(computed.words == kept.words && computed.anchors == kept.anchors)
        #expect(computed.vocabulary.terms == kept.vocabulary.terms)
        #expect(computed.articles.map(\.textLength) == kept.articles.map(\.textLength))
        #expect(kept.articles.allSatisfy { $0.textLength > 0 })

        // Quote linking: one quote id per stored occurrence, as many quotes as stored.
        let quotes = try analysis.linkQuotes(store: store, corpus: kept)
        #expect(quotes.match.quoteIDs.count == quotes.starts.count)
        #expect(quotes.starts.count == (try store.quoteOccurrences()).count)
        #expect(quotes.match.quotes.count == (try store.quotes()).count)
        // Compacting (as linking does before it returns) keeps every value.
        var compacted = quotes.match
        Analysis.compact(&compacted)
        #expect(compacted.quotes == quotes.match.quotes)
        #expect(compacted.resolvedSpeakers == quotes.match.resolvedSpeakers)
        #expect(compacted.quoteIDs == quotes.match.quoteIDs)

        // Cluster, then evidence: the stories and their members as the run stored them.
        let stories = analysis.cluster(corpus: &kept, quotes: quotes)
        #expect(kept.words.isEmpty && kept.anchors.isEmpty)  // handed to the clusterer
        let snapshot = try analysis.evidence(store: store, corpus: kept, quotes: quotes, stories: stories, pairs: pairs)
        func members(_ clusters: [ClusterRecord]) -> Set<Set<String>> { Set(clusters.map { Set($0.members.map(\.documentID)) }) }
        #expect(members(snapshot.clusters) == members(try store.clusters()))
        #expect(snapshot.clusters.map(\.id).sorted() == (try store.clusters()).map(\.id).sorted())
    }

    /// Matching everything again under verification budgets far below the candidate documents'
    /// sets (every component cut into blocks at 0): the pairs the whole run stored.
    @Test func matchingUnderTinyVerificationBudgetsGivesTheSamePairs() throws {
        let directory = try IncrementalRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Self.filledStore(directory)
        func described(_ pairs: [DuplicatePairRecord]) -> [String] {
            pairs.map { "\($0.a) \($0.b) \($0.jaccard) \($0.containment) \($0.aInB) \($0.bInA)" }
        }
        let stored = described(try store.duplicatePairs())
        #expect(stored.count >= 3)
        for budget in [0, 1_500, 64 << 20] {
            // A changed matching state queues every document again, its pairs dropped.
            try store.resetBandIndex(stateKey: "matching", value: "other parameters")
            #expect(try store.duplicatePairs().isEmpty)
            var analysis = Analysis(configuration: PipelineConfiguration(), progress: ProgressMeter(enabled: false))
            analysis.verificationMemoryBudget = budget
            #expect(described(try analysis.match(store: store)) == stored, "budget \(budget)")
        }
    }

    /// A fresh copy is equal to its string and holds its own buffer (what compacting relies on
    /// to let the occurrences' pages go).
    @Test func aFreshCopyIsEqualAndDoesNotShareItsBuffer() {
        let long = String(repeating: "the harbour board voted ", count: 4) + "é"
        let copy = Analysis.freshCopy(long)
        #expect(copy == long && copy.utf8.count == long.utf8.count)
        var original = long
        var fresh = copy
        let buffers = original.withUTF8 { a in fresh.withUTF8 { b in (a.baseAddress, b.baseAddress) } }
        #expect(buffers.0 != buffers.1)
        #expect(Analysis.freshCopy("short") == "short" && Analysis.freshCopy("") == "")
    }

    /// A text scrape that kept an outlet's widget line as every page's title: the story is
    /// labelled with the headline in its origin's text, past the widget lines the outlet's
    /// other pages carry too.
    @Test func aStoryTitledOnlyByFurnitureIsLabelledFromItsText() throws {
        let directory = try IncrementalRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let body = """
            The harbour board voted on Tuesday to rebuild the pier that the March storms broke in two, \
            at a cost the board put at four million, with work to start in June and end before the \
            summer ferries return. Fishermen who moor at the pier told the board that a year without it \
            had cost them a third of their catch, and the chair said the new deck would stand a metre \
            higher than the old one so that spring tides no longer wash over it. The vote was seven to \
            two; the two against wanted the money spent on the sea wall first.
            """
        func page(_ id: String, _ text: String) -> String {
            let record: [String: String] = [
                "id": id, "outlet": "coastcourier.example", "title": "Scroll to the top", "text": text,
            ]
            return String(decoding: try! JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self)
        }
        let widgets = "Scroll to the top\n\nYou are signed in as\n\n"
        let lines = [
            page("a", widgets + "Harbour board votes to rebuild storm-hit pier\n\n" + body),
            page("b", widgets + "Harbour board votes to rebuild storm-hit pier\n\n" + body + " Updated at noon."),
            page("c", widgets + "Harbour board votes to rebuild storm-hit pier\n\n" + body + " Corrected a figure."),
            page("d", widgets + "Library opens on Sundays\n\nThe town library will open on Sundays from May, the council said."),
            page("e", widgets + "Ferry fares rise\n\nFerry fares to the islands rise by a tenth next month, the operator said."),
        ]
        let input = directory.appendingPathComponent("scrape.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let path = directory.appendingPathComponent("labels.sqlite").path
        _ = try PipelineRunner(configuration: PipelineConfiguration()).run(inputs: [input.path], databasePath: path)
        let clusters = try WiretraceStore(path: path).clusters()
        let story = try #require(clusters.first { Set($0.members.map(\.documentID)) == ["a", "b", "c"] })
        #expect(story.title == "Harbour board votes to rebuild storm-hit pier")
    }
}

