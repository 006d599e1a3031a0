import Foundation
import Testing
import WiretraceCore
@testable import WiretraceStore

@Suite struct WiretraceStoreTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-store-\(UUID().uuidString).sqlite").path
    }

    static func document(_ id: String, text: String, hash: String = "h1") -> StoredDocument {
        let article = Article(
            id: id, source: "dump/\(id)", url: "https://example.org/\(id)", outlet: "Example",
            title: "Title of \(id)", published: "2021-06-22T10:00:00Z",
            credits: [WireCredit(agency: "Reuters", text: "Source: Reuters/jt")], text: text)
        return StoredDocument(
            article: article, format: .html, contentHash: hash, signatureParameters: "k=5;p=2",
            shingleCount: 3, signature: [1, 2, 3, 4],
            quotes: [
                QuoteOccurrenceRecord(
                    documentID: id, start: 1, end: 5, text: "word", kind: "direct", speaker: "Someone", cue: "said",
                    via: ["TASS", "Reuters"])
            ])
    }

    @Test func storesDocumentsAndReadsThemBack() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try WiretraceStore(path: path)
        let run = try store.beginRun(inputs: ["fixtures/html"], parameters: "{}")
        try store.store([Self.document("a.html", text: "First text"), Self.document("b.html", text: "Second")], run: run)
        #expect(try store.documentCount() == 2)
        let article = try #require(try store.article("a.html"))
        #expect(article.text == "First text")
        #expect(article.credits == [WireCredit(agency: "Reuters", text: "Source: Reuters/jt")])
        var signatures: [String] = []
        try store.forEachSignature { id, parameters, count, bytes in
            signatures.append(id)
            #expect(parameters == "k=5;p=2" && count == 3 && bytes == [1, 2, 3, 4])
        }
        #expect(signatures == ["a.html", "b.html"])
        let quotes = try store.quoteOccurrences()
        #expect(quotes.count == 2)
        #expect(quotes.first?.via == ["TASS", "Reuters"])
    }

    @Test func storingTheSameDocumentTwiceDoesNotDuplicateIt() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try WiretraceStore(path: path)
        let run1 = try store.beginRun(inputs: [], parameters: "{}")
        try store.store([Self.document("a.html", text: "old")], run: run1)
        let run2 = try store.beginRun(inputs: [], parameters: "{}")
        try store.store([Self.document("a.html", text: "new", hash: "h2")], run: run2)
        #expect(try store.documentCount() == 1)
        #expect(try store.article("a.html")?.text == "new")
        #expect(try store.contentHash(of: "a.html") == "h2")
        #expect(try store.quoteOccurrences().count == 1)
    }

    @Test func reopeningKeepsDataAndRunsRecordRejects() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let store = try WiretraceStore(path: path)
            let run = try store.beginRun(inputs: ["x"], parameters: "{\"threshold\":0.5}")
            try store.store([Self.document("a.html", text: "kept")], run: run)
            let rejection = Rejection(
                location: SourceLocation(file: "bad.jsonl", record: 3), reason: .malformedJSON, message: "not JSON")
            try store.record(rejections: [rejection], run: run)
            var counts = RunCounts()
            counts.documentsRead = 2
            counts.documentsStored = 1
            counts.rejects.add(.malformedJSON)
            try store.finishRun(run, counts: counts)
        }
        let store = try WiretraceStore(path: path)
        #expect(try store.article("a.html")?.text == "kept")
        let runs = try store.runs()
        #expect(runs.count == 1)
        #expect(runs[0].status == "finished")
        #expect(runs[0].rejected == 1)
        #expect(runs[0].rejectsByReason == ["malformed-json": 1])
        let rejects = try store.rejections(run: runs[0].id)
        #expect(rejects.map(\.location.record) == [3])
    }

    @Test func analysisIsReplacedAsAWhole() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try WiretraceStore(path: path)
        let run = try store.beginRun(inputs: [], parameters: "{}")
        try store.store([Self.document("a", text: "x"), Self.document("b", text: "y")], run: run)
        func snapshot(_ role: String) -> AnalysisSnapshot {
            AnalysisSnapshot(
                pairs: [DuplicatePairRecord(a: "a", b: "b", jaccard: 0.9, containment: 0.95, aInB: 0.95, bInA: 0.9)],
                groups: [(id: "g1", members: ["a", "b"])],
                clusters: [
                    ClusterRecord(
                        id: "S1", title: "T", firstPublished: nil, lastPublished: nil,
                        members: [
                            ClusterMemberRecord(documentID: "a", outlet: "Example", role: "origin", of: nil, group: "g1", evidence: "{}"),
                            ClusterMemberRecord(documentID: "b", outlet: "Example", role: role, of: "a", group: "g1", evidence: "{}"),
                        ])
                ],
                quotes: [QuoteRecord(id: 1, text: "word", speaker: "Someone", firstReporter: "TASS", firstDocument: "a", firstOutlet: "Example", firstSeen: nil, sightings: 2, relayedBy: ["Reuters"], carriedBy: ["CNA"])],
                quoteAssignments: [QuoteAssignment(documentID: "a", start: 1, end: 5, quoteID: 1, resolvedSpeaker: role == "copy" ? "Full Name" : nil)])
        }
        try store.replaceAnalysis(snapshot("copy"))
        #expect(try store.quoteOccurrences().first { $0.documentID == "a" }?.speaker == "Full Name")
        #expect(try store.quoteOccurrences().first { $0.documentID == "a" }?.speakerMention == "Someone")
        try store.replaceAnalysis(snapshot("excerpt"))
        // A later analysis that does not resolve the speaker puts the document's own mention back.
        #expect(try store.quoteOccurrences().first { $0.documentID == "a" }?.speaker == "Someone")
        let clusters = try store.clusters()
        #expect(clusters.count == 1)
        #expect(clusters[0].members.map(\.role) == ["origin", "excerpt"])
        #expect(try store.duplicatePairs().count == 1)
        #expect(try store.quotes().first?.relayedBy == ["Reuters"])
        #expect(try store.quotes().first?.carriedBy == ["CNA"])
        #expect(try store.quoteOccurrences().first { $0.documentID == "a" }?.quoteID == 1)
    }
}
