import Foundation
import Testing
import WiretraceCore
@testable import WiretraceStore

/// Texts, quote occurrences and story terms are kept packed (deflated, quote texts sliced from
/// the document); what comes back out must be what went in, and a store written by the schema
/// before must open with everything in it.
@Suite struct PackedStorageTests {
    /// A text long enough to be deflated, with letters outside ASCII and outside the BMP.
    static let longText = String(
        repeating: "The harbour council voted on Tuesday — «a decisive step», its chair said. Ça ira 🚢. ", count: 12)

    @Test(arguments: [0, 1, 63, 64, 500, 20_000])
    func packedBytesRoundTrip(count: Int) throws {
        var random = SplitMix64(seed: UInt64(count))
        let noise = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let words = Array(String(repeating: "wire copy of the story ", count: count / 20 + 1).utf8.prefix(count))
        let packer = PackedBytes.Packer()
        let unpacker = PackedBytes.Unpacker()
        for value in [noise, words] {
            let packed = packer.encode(value)
            #expect(try unpacker.decode(packed) == value)
            #expect(PackedBytes.decodedCount(packed) == value.count)
            #expect(PackedBytes.decodedCount(Array(packed.prefix(11))) == value.count || packed.first == PackedBytes.stored)
        }
        // Repetitive text is deflated; random bytes are kept as they are (never grown past one byte).
        if count >= 500 {
            #expect(packer.encode(words).count < words.count / 4)
            #expect(packer.encode(noise).count == noise.count + 1)
        }
    }

    @Test func parallelPackingKeepsTheOrder() throws {
        let values = (0..<300).map { Array(String(repeating: "value \($0) ", count: $0 % 40).utf8) }
        let packed = PackedBytes.encode(values, workers: 3)
        let unpacker = PackedBytes.Unpacker()
        #expect(try packed.map { try unpacker.decode($0) } == values)
    }

    @Test func relayChainsRoundTrip() {
        for chain in [
            QuoteChain(relayedBy: [], carriedBy: []), QuoteChain(relayedBy: ["Wire A"], carriedBy: ["Outlet B", "Wire A", "Ça"]),
            QuoteChain(relayedBy: ["", "x"], carriedBy: [""]),
        ] {
            #expect(QuoteChain(packed: chain.packed()) == chain)
        }
        #expect(QuoteChain(packed: [1]) == nil)
        #expect(QuoteChain(packed: QuoteChain(relayedBy: [], carriedBy: []).packed() + [0]) == nil)
    }

    @Test func damagedPackingsAreRefused() throws {
        let packed = PackedBytes.Packer().encode(Array(Self.longText.utf8))
        #expect(packed.first == PackedBytes.deflated)
        let unpacker = PackedBytes.Unpacker()
        #expect(throws: WiretraceError.self) { try unpacker.decode(Array(packed.dropLast(8))) }
        var wrongLength = packed
        wrongLength[1] ^= 1
        #expect(throws: WiretraceError.self) { try unpacker.decode(wrongLength) }
        #expect(throws: WiretraceError.self) { try unpacker.decode([7, 1, 2]) }
        // The unpacker still works after a failure.
        #expect(try unpacker.decode(packed) == Array(Self.longText.utf8))
    }

    static func occurrence(
        _ id: String, _ text: String, _ start: Int, _ end: Int, quote: String? = nil, speaker: String? = "Ana Ruiz"
    ) -> QuoteOccurrenceRecord {
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return QuoteOccurrenceRecord(
            documentID: id, start: start, end: end, text: quote ?? String(view), kind: "direct", speaker: speaker,
            cue: "said", via: ["Wire A", "Outlet B"], speakerStart: speaker == nil ? nil : 3, speakerEnd: speaker == nil ? nil : 11)
    }

    @Test func quoteOccurrencesComeBackAsStoredWithTheirLinks() throws {
        let path = WiretraceStoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try WiretraceStore(path: path)
        let run = try store.beginRun(inputs: [], parameters: "{}")
        let text = Self.longText
        var document = WiretraceStoreTests.document("d1", text: text)
        // Sliced texts (one past the BMP), one that is not the text at its offsets, one unattributed,
        // and the same offsets twice (the last wins, as a primary key replace did).
        document.quotes = [
            Self.occurrence("d1", text, 60, 83),
            Self.occurrence("d1", text, 0, 12, quote: "not the text at these offsets"),
            Self.occurrence("d1", text, 70, 90, speaker: nil),
            Self.occurrence("d1", text, 60, 83, speaker: "Someone Else"),
        ]
        try store.store([document], run: run)
        // Read back, the document's own speaker is also the mention.
        func read(_ records: [QuoteOccurrenceRecord]) -> [QuoteOccurrenceRecord] {
            records.map { record in
                var read = record
                read.speakerMention = record.speaker
                return read
            }
        }
        let expected = read([document.quotes[1], document.quotes[3], document.quotes[2]])
        #expect(try store.quoteOccurrences() == expected)

        var snapshot = AnalysisSnapshot(pairs: [], groups: [], clusters: [], quotes: [], quoteAssignments: [
            QuoteAssignment(documentID: "d1", start: 60, end: 83, quoteID: 7, resolvedSpeaker: "Ana Ruiz"),
            QuoteAssignment(documentID: "d1", start: 70, end: 90, quoteID: 8),
            QuoteAssignment(documentID: "d1", start: 1, end: 2, quoteID: 9),  // no such occurrence: ignored
        ])
        try store.replaceAnalysis(snapshot)
        let linked = try store.quoteOccurrences()
        #expect(linked.map(\.quoteID) == [nil, 7, 8])
        #expect(linked.map(\.speaker) == ["Ana Ruiz", "Ana Ruiz", nil])
        #expect(linked.map(\.speakerMention) == ["Ana Ruiz", "Someone Else", nil])
        #expect(linked.map(\.text) == expected.map(\.text))

        // A new analysis replaces the links; storing the document again drops them.
        snapshot.quoteAssignments = [QuoteAssignment(documentID: "d1", start: 0, end: 12, quoteID: 3)]
        try store.replaceAnalysis(snapshot)
        #expect(try store.quoteOccurrences().map(\.quoteID) == [3, nil, nil])
        #expect(try store.quoteOccurrences().map(\.speaker) == ["Ana Ruiz", "Someone Else", nil])
        let run2 = try store.beginRun(inputs: [], parameters: "{}")
        var changed = WiretraceStoreTests.document("d1", text: text + " More.", hash: "h2")
        changed.quotes = [Self.occurrence("d1", text, 0, 12)]
        try store.store([changed], run: run2)
        #expect(try store.quoteOccurrences() == read(changed.quotes))
        // Without quotes, none are left.
        changed.quotes = []
        changed.contentHash = "h3"
        try store.store([changed], run: run2)
        #expect(try store.quoteOccurrences().isEmpty)
    }

    @Test func textsAreStoredDeflatedAndReadBackWhole() throws {
        let path = WiretraceStoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try WiretraceStore(path: path)
        let run = try store.beginRun(inputs: [], parameters: "{}")
        try store.store([WiretraceStoreTests.document("long", text: Self.longText), WiretraceStoreTests.document("short", text: "Hi")], run: run)
        #expect(try store.article("long")?.text == Self.longText)
        #expect(try store.article("short")?.text == "Hi")
        let stored = try #require(try store.scalarInt("SELECT length(body) FROM documents WHERE id = 'long'"))
        #expect(stored < Self.longText.utf8.count / 4)
        #expect(try store.scalarInt("PRAGMA page_size") == WiretraceStore.newDatabasePageSize)
        var lengths: [String: Int] = [:]
        try store.forEachArticleWithStoryTerms { article, count, _ in lengths[article.id] = count }
        #expect(lengths == ["long": Self.longText.utf8.count, "short": 2])
    }

    /// A store written by schema 9 (texts as text, one quote occurrence per row with its text):
    /// opened by this version, it is upgraded and reads back the same documents and quotes.
    @Test func aStoreOfTheSchemaBeforeIsUpgraded() throws {
        let path = WiretraceStoreTests.temporaryPath()
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let text = Self.longText
        do {
            let old = try SQLiteConnection(path: path)
            try old.execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;")
            for migration in Schema.migrations.prefix(9) {
                #expect(migration.rewrite == nil)
                try old.execute(migration.sql)
            }
            try old.execute("PRAGMA user_version = 9; PRAGMA application_id = \(WiretraceStore.applicationID)")
            let insert = try old.prepare(
                """
                INSERT INTO documents(id, source, format, url, outlet, title, published, byline, dateline, credits, text,
                  content_hash, first_run, last_run, text_hash, language, outlet_evidence)
                VALUES (?, 'dump', 'jsonl', NULL, 'Outlet B', 'A title', NULL, NULL, NULL, '[]', ?, 'h', 1, 1, 'th', 'en', 'input')
                """)
            try insert.run([.text("d1"), .text(text)])
            try insert.run([.text("d2"), .text("Short.")])
            let quote = try old.prepare(
                """
                INSERT INTO quote_occurrences(document_id, start, end, text, kind, speaker, speaker_mention, cue, via,
                  quote_id, speaker_start, speaker_end) VALUES (?, ?, ?, ?, 'direct', ?, ?, 'said', '["Wire A"]', ?, 3, 11)
                """)
            let sliced = Self.occurrence("d1", text, 60, 83).text
            try quote.run([.text("d1"), .int(60), .int(83), .text(sliced), .text("Ana Ruiz"), .text("the chair"), .int(4)])
            try quote.run([.text("d1"), .int(0), .int(12), .text("other words"), .text("Bo Li"), .text("Bo Li"), .null])
            try quote.run([.text("d2"), .int(0), .int(5), .text("Short"), .text("Bo Li"), .text("Bo Li"), .int(5)])
            try old.execute(
                """
                INSERT INTO signatures(document_id, parameters, shingle_count, band_keys) VALUES ('d1', 'k=5;p=2', 3, x'0102');
                INSERT INTO signatures(document_id, parameters, shingle_count, band_keys) VALUES ('d2', 'k=5;p=2', 1, x'03');
                INSERT INTO clusters(id, title, size, outlets) VALUES ('S1', 'A title', 2, 1);
                INSERT INTO cluster_members(cluster_id, document_id, role, of, group_id, evidence)
                  VALUES ('S1', 'd1', 'origin', NULL, NULL, '{"link":"origin"}'),
                         ('S1', 'd2', 'copy', 'd1', 'G1', '{"credited":true,"link":"copy"}');
                INSERT INTO quotes(id, text, speaker, first_reporter, first_document, first_outlet, first_seen, sightings, chain)
                  VALUES (4, 'a quote', 'Ana Ruiz', 'Wire A', 'd1', 'Wire A', NULL, 2,
                          '{"carried_by":["Outlet B","Outlet C"],"relayed_by":["Wire A"]}');
                INSERT INTO story_terms(document_id, content_hash, terms) VALUES ('d1', 'h', x'0102');
                INSERT INTO story_vocabulary(id, term) VALUES (0, 'harbour');
                INSERT INTO analysis_state(key, value) VALUES ('story_terms', '4');
                """)
        }
        // Read-only opens refuse the old schema until a read-write open upgrades it.
        #expect(throws: WiretraceError.self) { try WiretraceStore(path: path, access: .readOnly) }
        do {
            let store = try WiretraceStore(path: path)
            #expect(try store.scalarInt("PRAGMA user_version") == Schema.migrations.count)
        }
        let store = try WiretraceStore(path: path, access: .readOnly)
        #expect(try store.article("d1")?.text == text)
        #expect(try store.article("d2")?.text == "Short.")
        #expect(try store.article("d1")?.outlet == "Outlet B")
        let quotes = try store.quoteOccurrences()
        #expect(quotes.map(\.documentID) == ["d1", "d1", "d2"])
        #expect(quotes.map(\.text) == ["other words", Self.occurrence("d1", text, 60, 83).text, "Short"])
        #expect(quotes.map(\.quoteID) == [nil, 4, 5])
        #expect(quotes.map(\.speaker) == ["Bo Li", "Ana Ruiz", "Bo Li"])
        #expect(quotes.map(\.speakerMention) == ["Bo Li", "the chair", "Bo Li"])
        #expect(quotes.map(\.via) == [["Wire A"], ["Wire A"], ["Wire A"]])
        #expect(quotes.map(\.speakerStart) == [3, 3, 3])
        // Migration 11: parameters kept once, chains and evidence packed, and read back the same.
        var signatures: [String] = []
        try store.forEachSignature { id, parameters, count, keys in signatures.append("\(id) \(parameters) \(count) \(keys)") }
        #expect(signatures == ["d1 k=5;p=2 3 [1, 2]", "d2 k=5;p=2 1 [3]"])
        #expect(try store.scalarInt("SELECT count(*) FROM signature_parameters") == 1)
        let matched = try store.quotes()
        #expect(matched.map(\.relayedBy) == [["Wire A"]] && matched.map(\.carriedBy) == [["Outlet B", "Outlet C"]])
        let members = try store.clusters().flatMap(\.members)
        #expect(members.map(\.evidence) == ["{\"link\":\"origin\"}", "{\"credited\":true,\"link\":\"copy\"}"])
        #expect(try store.copyEvidence()["d2"]?.evidence == "{\"credited\":true,\"link\":\"copy\"}")
        #expect(try store.outletDocuments("Outlet B").rows.map(\.credited) == [nil, true])
        // The old term cache is dropped (its blobs are not packed); the next run computes it again.
        #expect(try store.scalarInt("SELECT count(*) FROM story_terms") == 0)
        #expect(try store.analysisState("story_terms") == nil)
        #expect(try store.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'quote_occurrences'") == 0)
        // A quote whose text is the document's at its offsets is not kept a second time.
        let blob = try store.connection.prepare("SELECT occurrences FROM document_quotes WHERE document_id = 'd1'")
        #expect(try blob.step())
        let packed = String(decoding: try store.unpacker.decode(blob.blob(0)), as: UTF8.self)
        #expect(packed.contains("other words") && packed.contains("the chair"))
        #expect(!packed.contains(Self.occurrence("d1", text, 60, 83).text))
    }
}
