import Foundation
import Testing
import WiretraceCore
@testable import WiretraceDedup
@testable import WiretracePipeline
import WiretraceStore

/// `DedupRun` end to end on files written here: groups must equal those of the reference path
/// (every document's exact shingle set, exact Jaccard/containment over all pairs, union-find).
@Suite struct DedupRunTests {
    private func json(_ id: String, _ text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "text": text], options: [.sortedKeys]), as: UTF8.self)
    }

    /// Verification memory budgets: everything in one part, a few components per part, one
    /// component per part.
    @Test(arguments: [64 << 20, 3_000, 0])
    func groupsEqualBruteForceAndBadLinesAreRejected(verificationMemoryBudget: Int) throws {
        var words = SeededWords(state: 99)
        var documents: [(String, String)] = []
        for family in 0..<8 {
            let original = words.text(300)
            documents.append(("f\(family)-a", original.joined(separator: " ") + "."))
            documents.append(("f\(family)-b", words.edit(original, rate: 3).joined(separator: " ")))
            documents.append(("f\(family)-c", original[60..<240].joined(separator: " ")))  // excerpt
            documents.append(("f\(family)-d", "“" + words.edit(original, rate: 40).joined(separator: ", ") + "”"))
        }
        for single in 0..<20 { documents.append(("s\(single)", words.text(250).joined(separator: " "))) }
        documents.append(("short", "Too short."))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dedup-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Half the documents in lines the flat fast path parses, half in a second file whose
        // lines Foundation must parse (an escaped key) or that are bad; batches of 5 documents
        // exercise the ordered hand-back of several batches in flight.
        var plain: [String] = []
        var other: [String] = []
        for (index, (id, text)) in documents.enumerated() {
            if index % 2 == 0 {
                plain.append(try json(id, text))
            } else {
                other.append(#"{"\u0069d": "\#(id)", "text": \#(String(decoding: try JSONSerialization.data(withJSONObject: [text], options: []), as: UTF8.self).dropFirst().dropLast())}"#)
            }
        }
        other.append(#"{"id": "broken", "text": "#)
        other.append(#"{"id": "no-text"}"#)
        try (plain.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("a.jsonl"), atomically: true, encoding: .utf8)
        try (other.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("b.jsonl"), atomically: true, encoding: .utf8)

        var configuration = PipelineConfiguration()
        configuration.workers = 2
        var run = DedupRun(configuration: configuration)
        run.batchSize = 5
        run.verificationMemoryBudget = verificationMemoryBudget
        var rejections: [Rejection] = []
        let result = try run.run(inputs: [directory.path]) { rejections.append($0) }
        #expect(result.documents == documents.count)
        #expect(rejections.count == 2)

        // Reference: all pairs, exact sets.
        let finder = DuplicateFinder(configuration: configuration.dedup)
        let sets = documents.map { Shingler.shingles($0.1, size: 5) }
        var reference = UnionFind(count: documents.count)
        var referencePairs = 0
        for a in 0..<documents.count {
            for b in (a + 1)..<documents.count where finder.accepts(PairSimilarity.exact(sets[a], sets[b])) {
                reference.union(a, b)
                referencePairs += 1
            }
        }
        let expected = reference.groups().map { $0.map { documents[$0].0 }.sorted() }.sorted { $0[0] < $1[0] }
        #expect(result.groups == expected)
        #expect(result.pairs == referencePairs)
        #expect(expected.count == 8, "each family's copy and excerpt group with the original")
        #expect(expected.allSatisfy { $0.count == 3 }, "the 40%-edited rewrite is not a near-duplicate")
    }

    @Test func plainTextCheckAgreesWithTheExtractorsRules() {
        #expect(DedupRun.isPlainlyText("Plain news text.\n\nSecond paragraph\twith a tab."))
        #expect(!DedupRun.isPlainlyText("   \n  "), "blank goes to the extractor")
        #expect(!DedupRun.isPlainlyText("Has a \u{01} control byte"))
        #expect(!DedupRun.isPlainlyText("%PDF-1.4 looks binary"))
        #expect(!DedupRun.isPlainlyText("text with DEL \u{7F} inside it, long enough to use the word loop"))
        #expect(DedupRun.isPlainlyText("Grand Prix: PK and GIF are fine when not a signature"))
    }

    /// The word test is exact: every ASCII byte, and the bytes of a few multi-byte scalars, at every
    /// position of a word (and in the tail past the last whole word) gives the byte loop's answer.
    @Test func plainTextWordTestIsExactForEveryByteAndPosition() {
        let filler = Array("Plain words and more plain words.".utf8)
        var pieces: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        pieces += ["\u{80}", "é", "\u{7FF}", "\u{800}", "\u{FFFD}", "\u{1F600}"]
        var checked = 0
        for piece in pieces {
            for position in 0..<filler.count {
                let text = String(decoding: filler[..<position], as: UTF8.self) + piece
                    + String(decoding: filler[position...], as: UTF8.self)
                #expect(DedupRun.isPlainlyText(text) == DedupRun.referenceIsPlainlyText(text), "\(piece.unicodeScalars.map(\.value)) at \(position)")
                checked += 1
            }
        }
        #expect(checked == 134 * filler.count)
        #expect(!DedupRun.isPlainlyText("Eight by\u{0B}es then more words here"), "vertical tab is not allowed")
        #expect(DedupRun.isPlainlyText("Eight by\r\n\t\u{0C}s then more words here"))
    }

    @Test func plainTextCheckEqualsTheByteLoop() {
        var random = SplitMix64(seed: 41)
        let pieces = ["word ", "Paragraph.\n\n", "tab\t", "é ", "\r\n", "\u{01}", "\u{7F}", "\u{0B}", "\u{0C}", "x"]
        var rejected = 0
        for _ in 0..<400 {
            // Mostly allowed pieces, a rare bad byte anywhere, including past the first 8 KiB.
            var text = ""
            let length = [20, 300, 3000, 9000].randomElement(using: &random)!
            while text.utf8.count < length {
                let piece = random.next(100) < 99 ? pieces[[0, 1, 2, 3, 4, 8, 9].randomElement(using: &random)!] : pieces[5 + random.next(3)]
                text += piece
            }
            #expect(DedupRun.isPlainlyText(text) == DedupRun.referenceIsPlainlyText(text), "\(text.utf8.count) bytes")
            if !DedupRun.referenceIsPlainlyText(text) { rejected += 1 }
        }
        #expect(rejected > 50 && rejected < 350, "both answers occur (\(rejected) rejected)")
    }

    /// One engine: `wiretrace run` (into a store, first in one run, then with half the documents
    /// in a second, incremental run) verifies exactly the pairs `wiretrace dedup` verifies on the
    /// same input, with the same similarities.
    @Test func runAndDedupVerifyTheSamePairs() throws {
        var words = SeededWords(state: 7)
        var documents: [(String, String)] = []
        for family in 0..<10 {
            let original = words.text(280)
            documents.append(("f\(family)-a", original.joined(separator: " ") + "."))
            documents.append(("f\(family)-b", words.edit(original, rate: 4).joined(separator: " ")))
            documents.append(("f\(family)-c", original[40..<200].joined(separator: " ")))
            documents.append(("f\(family)-d", words.edit(original, rate: 25).joined(separator: " ")))
        }
        for single in 0..<15 { documents.append(("s\(single)", words.text(240).joined(separator: " "))) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("run-dedup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = try documents.map { try json($0.0, $0.1) }
        let all = directory.appendingPathComponent("all.jsonl").path
        let first = directory.appendingPathComponent("first.jsonl").path
        let second = directory.appendingPathComponent("second.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: all, atomically: true, encoding: .utf8)
        try (stride(from: 0, to: lines.count, by: 2).map { lines[$0] }.joined(separator: "\n") + "\n")
            .write(toFile: first, atomically: true, encoding: .utf8)
        try (stride(from: 1, to: lines.count, by: 2).map { lines[$0] }.joined(separator: "\n") + "\n")
            .write(toFile: second, atomically: true, encoding: .utf8)

        var configuration = PipelineConfiguration()
        configuration.workers = 2
        let dedup = try DedupRun(configuration: configuration).run(inputs: [all]) { _ in }
        let expected = dedup.verifiedPairs.map { "\($0.a) \($0.b) \($0.similarity.jaccard) \($0.similarity.containment)" }
        #expect(expected.count >= 25)  // copies, near copies and excerpts of every family

        func storedPairs(_ path: String) throws -> [String] {
            try WiretraceStore(path: path).duplicatePairs().map { "\($0.a) \($0.b) \($0.jaccard) \($0.containment)" }
        }
        let runner = PipelineRunner(configuration: configuration)
        let once = directory.appendingPathComponent("once.sqlite").path
        _ = try runner.run(inputs: [all], databasePath: once)
        #expect(try storedPairs(once) == expected)
        let twice = directory.appendingPathComponent("twice.sqlite").path
        _ = try runner.run(inputs: [first], databasePath: twice)
        _ = try runner.run(inputs: [second], databasePath: twice)
        #expect(try storedPairs(twice) == expected)
    }
}
