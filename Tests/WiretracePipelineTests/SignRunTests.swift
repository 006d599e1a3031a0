import Foundation
import Testing
import WiretraceCore
@testable import WiretraceDedup
@testable import WiretracePipeline

/// `wiretrace sign` (``SignRun``): deterministic lines whose band keys and shingle sets are
/// dedup's, so that banding and verifying them elsewhere gives `wiretrace dedup`'s groups.
@Suite struct SignRunTests {
    /// A JSONL corpus of families (original, light edit, excerpt, heavy rewrite) and singles.
    private func corpus() throws -> (directory: URL, documents: [(id: String, text: String)]) {
        var words = SeededWords(state: 7)
        var documents: [(id: String, text: String)] = []
        for family in 0..<6 {
            let original = words.text(250)
            documents.append(("f\(family)-a", original.joined(separator: " ")))
            documents.append(("f\(family)-b", words.edit(original, rate: 4).joined(separator: " ")))
            documents.append(("f\(family)-c", original[40..<200].joined(separator: " ")))
            documents.append(("f\(family)-d", words.edit(original, rate: 45).joined(separator: " ")))
        }
        for single in 0..<12 { documents.append(("s\(single)", words.text(200).joined(separator: " "))) }
        documents.append(("tiny", "Too short."))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sign-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let lines = try documents.map { document in
            String(decoding: try JSONSerialization.data(withJSONObject: ["id": document.id, "text": document.text], options: [.sortedKeys]),
                   as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("corpus.jsonl"), atomically: true, encoding: .utf8)
        return (directory, documents)
    }

    private func sign(_ inputs: [String], article: Bool = false, workers: Int = 2) throws -> [String] {
        var configuration = PipelineConfiguration()
        configuration.workers = workers
        var run = SignRun(configuration: configuration, includeArticle: article)
        run.batchSize = 4
        var lines: [String] = []
        try run.run(inputs: inputs, onLine: { lines.append($0) }, onRejection: { _ in })
        return lines
    }

    private func decode(_ line: String) throws -> (id: String, keys: [UInt64], shingles: [UInt64], object: [String: Any]) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let hexKeys = try #require(object["keys"] as? [String])
        let keys = hexKeys.compactMap { UInt64($0, radix: 16) }
        #expect(keys.count == hexKeys.count, "keys are hex: \(hexKeys)")
        let packed = try #require(object["shingles"] as? String)
        let shingles = try #require(SignedDocument.unpack(packed))
        return (try #require(object["id"] as? String), keys, shingles, object)
    }

    @Test func linesAreDeterministicAndCarryDedupsKeysAndSets() throws {
        let (directory, documents) = try corpus()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = try sign([directory.path], workers: 2)
        #expect(first == (try sign([directory.path], workers: 1)), "same lines whatever the threads")
        #expect(first.count == documents.count)

        let configuration = DedupConfiguration()
        var sketcher = DedupSketcher(configuration: configuration, banding: DuplicateFinder(configuration: configuration).banding)
        for (line, document) in zip(first, documents) {
            let signed = try decode(line)
            #expect(signed.id == document.id)
            #expect(signed.keys == (sketcher.bandKeys(of: document.text) ?? []))
            #expect(signed.shingles == sketcher.shingleSet(of: document.text))
            #expect(signed.object["shingle_count"] as? Int == signed.shingles.count)
        }
        let tiny = try decode(try #require(first.last))
        #expect(tiny.keys.count == 28 && tiny.shingles.count == 1, "a text shorter than a shingle is one shingle")
    }

    /// Banding and verifying the lines as the Spark job does (shared band key, exact Jaccard or
    /// containment, connected components) must give exactly `DedupRun`'s groups.
    @Test func bandingTheLinesGivesDedupsGroups() throws {
        let (directory, _) = try corpus()
        defer { try? FileManager.default.removeItem(at: directory) }
        let signed = try sign([directory.path]).map(decode)
        var configuration = PipelineConfiguration()
        configuration.workers = 2
        let dedup = try DedupRun(configuration: configuration).run(inputs: [directory.path]) { _ in }

        let finder = DuplicateFinder(configuration: configuration.dedup)
        var buckets: [String: [Int]] = [:]
        for (index, document) in signed.enumerated() {
            for (band, key) in document.keys.enumerated() { buckets["\(band):\(key)", default: []].append(index) }
        }
        var components = UnionFind(count: signed.count)
        var verified = Set<[Int]>()
        for members in buckets.values where members.count > 1 {
            for a in members.indices {
                for b in members.indices where b > a {
                    let similarity = PairSimilarity.exact(signed[members[a]].shingles, signed[members[b]].shingles)
                    if finder.accepts(similarity) {
                        verified.insert([members[a], members[b]])
                        components.union(members[a], members[b])
                    }
                }
            }
        }
        let groups = components.groups().map { $0.map { signed[$0].id }.sorted() }.sorted { $0[0] < $1[0] }
        #expect(groups == dedup.groups)
        #expect(verified.count == dedup.pairs)
        #expect(groups.count == 6, "every family's original, light edit and excerpt")
    }

    /// The same text signs to the same keys on every machine: pinned values (computed once, with
    /// the token hash of `tokens=2` in the signature parameters, English text unchanged by `tokens=3`; the token hash itself is pinned
    /// independently in TextNormalizerTests) catch a per-process seed (Swift's Hasher) or a
    /// change of hash function.
    @Test func bandKeysArePinned() throws {
        let configuration = DedupConfiguration()
        var sketcher = DedupSketcher(configuration: configuration, banding: DuplicateFinder(configuration: configuration).banding)
        let computed = sketcher.bandKeys(of: "The junta leader thanked Russia for strengthening the army, Reuters reported on Tuesday.")
        let keys = try #require(computed)
        #expect(SignedDocument.hex(keys[0]) == "d5d840aa112cba4e")
        #expect(SignedDocument.hex(keys[27]) == "b441d00d072926cf")
    }

    @Test func articleModeSignsTheSameTextAndCarriesTheArticle() throws {
        let (directory, documents) = try corpus()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = try sign([directory.path]).map(decode)
        let withArticles = try sign([directory.path], article: true).map(decode)
        #expect(plain.map(\.keys) == withArticles.map(\.keys))
        #expect(plain.map(\.shingles) == withArticles.map(\.shingles))
        let article = try #require(withArticles[0].object["article"] as? [String: Any])
        #expect(article["text"] as? String == documents[0].text)
        #expect(plain[0].object["article"] == nil)
    }

    @Test func packRoundTrips() {
        let values: [UInt64] = [0, 1, 0xFF, 0x0123_4567_89AB_CDEF, .max]
        #expect(SignedDocument.unpack(SignedDocument.pack(values)) == values)
        #expect(SignedDocument.unpack("AAAA") == nil, "not whole 8-byte words")
        #expect(SignedDocument.hex(0xAB) == "00000000000000ab")
    }
}
