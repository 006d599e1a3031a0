import Foundation
import Testing
import WiretraceCore
import WiretraceIngest
@testable import WiretracePipeline

/// `ParallelIngest` parses JSONL lines on worker threads and checks ids on the calling thread:
/// what comes out must be exactly what a serial `DocumentReader.read` gives, in the same order.
@Suite struct ParallelIngestTests {
    private enum Event: Equatable {
        case document(String, textLength: Int)
        case rejected(RejectReason, String, String)
    }

    @Test func sameItemsInTheSameOrderAsASerialRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var words = SeededWords(state: 7)
        var first: [String] = []
        for index in 0..<40 {
            let id = index % 9 == 8 ? "dup-\(index / 9)" : "a\(index)"  // dup-0 ... dup-3, each once here
            first.append(#"{"id": "\#(id)", "text": "\#(words.text(20 + index).joined(separator: " "))"}"#)
            if index == 13 { first.append(#"{"id": "broken", "text": "#) }
            if index == 21 { first.append(#"{"id": "a3", "text": "the same id as an earlier line"}"#) }
            if index == 30 { first.append(#"{"\u0069d": "escaped-key", "text": "Foundation parses this line."}"#) }
        }
        var second: [String] = []
        for index in 0..<12 {
            // The dup-N ids again (read before, in the first file), and lines of other shapes.
            second.append(#"{"id": "\#(index < 4 ? "dup-\(index)" : "b\(index)")", "text": "\#(words.text(30).joined(separator: " "))"}"#)
        }
        second.append(#"{"id": "no-text"}"#)
        second.append(#"{"id": "c-html", "html": "<html><body><article><p>\#(words.text(60).joined(separator: " ")).</p></article></body></html>"}"#)
        try (first.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("1.jsonl"), atomically: true, encoding: .utf8)
        try (second.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("2.jsonl"), atomically: true, encoding: .utf8)
        try "<html><body><p>\(words.text(80).joined(separator: " "))</p></body></html>"
            .write(to: directory.appendingPathComponent("3.html"), atomically: true, encoding: .utf8)
        try "".write(to: directory.appendingPathComponent("4.jsonl"), atomically: true, encoding: .utf8)

        let reader = DocumentReader(inputs: [directory.path])
        var serial: [Event] = []
        reader.read { item in
            switch item {
            case .document(let raw): serial.append(.document(raw.id, textLength: Self.payloadLength(raw)))
            case .rejected(let rejection): serial.append(.rejected(rejection.reason, rejection.location.description, rejection.message))
            }
        }
        #expect(serial.count(where: { if case .rejected(.duplicateID, _, _) = $0 { true } else { false } }) == 5)
        #expect(serial.contains { if case .rejected(.malformedJSON, _, _) = $0 { true } else { false } })
        #expect(serial.contains { if case .document("escaped-key", _) = $0 { true } else { false } })

        for (workers, batchSize) in [(1, 1), (2, 3), (3, 64)] {
            var parallel: [Event] = []
            try ParallelIngest(reader: reader, workers: workers, batchSize: batchSize).run(
                process: { documents in documents.map { (id: $0.id, length: Self.payloadLength($0)) } },
                onDocument: { id, output in
                    #expect(id == output.id)
                    parallel.append(.document(id, textLength: output.length))
                },
                onRejection: { parallel.append(.rejected($0.reason, $0.location.description, $0.message)) })
            #expect(parallel == serial, "workers \(workers), batches of \(batchSize)")
        }
    }

    /// An error thrown on the calling thread stops the run; the worker threads are let go.
    @Test func anErrorFromTheConsumerStopsTheRun() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-ingest-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try (0..<500).map { #"{"id": "d\#($0)", "text": "text \#($0)"}"# }.joined(separator: "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try ParallelIngest(reader: DocumentReader(inputs: [file.path]), workers: 2, batchSize: 4).run(
                process: { $0.map(\.id) },
                onDocument: { _, _ in
                    seen += 1
                    if seen == 50 { throw Stop() }
                },
                onRejection: { _ in })
        }
        #expect(seen == 50)
    }

    /// Regression (issue 14): batches were cut by count only, so a run of large pages was held
    /// and processed all at once (six 45 MB pages: 2.5 GB). A batch now stops before its input
    /// would pass `batchBytes`; only a single document larger than that is a batch on its own.
    @Test func batchesAreCutByBytesAsWellAsByCount() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("parallel-ingest-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        var words = SeededWords(state: 11)
        // 40 documents of 2 KB to 700 KB of text (two of them over the 1 MiB bound on their own).
        var lines: [String] = []
        for index in 0..<40 {
            let wordCount = index == 7 || index == 30 ? 260_000 : 400 + words.next() % 100_000
            lines.append(#"{"id": "d\#(index)", "text": "\#(words.text(wordCount).joined(separator: " "))"}"#)
        }
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let bound = 1 << 20
        final class Batches: @unchecked Sendable {
            let lock = NSLock()
            var sizes: [(documents: Int, bytes: Int)] = []
        }
        let batches = Batches()
        var seen = 0
        try ParallelIngest(reader: DocumentReader(inputs: [file.path]), workers: 2, batchSize: 1000, batchBytes: bound).run(
            process: { documents in
                let bytes = documents.reduce(0) { $0 + Self.payloadLength($1) }
                batches.lock.lock()
                batches.sizes.append((documents.count, bytes))
                batches.lock.unlock()
                return documents.map(\.id)
            },
            onDocument: { _, _ in seen += 1 },
            onRejection: { Issue.record("rejected \($0)") })
        #expect(seen == 40)
        #expect(batches.sizes.reduce(0) { $0 + $1.documents } == 40)
        #expect(batches.sizes.count > 2, "everything in one or two batches: \(batches.sizes)")
        for batch in batches.sizes {
            #expect(batch.bytes <= bound || batch.documents == 1, "a batch of \(batch.documents) documents holds \(batch.bytes) bytes")
        }
    }

    @Test func theBatchBudgetCutsBeforeTheBoundAndAtTheCount() {
        var budget = BatchBudget(documents: 3, bytes: 100)
        var full: [Bool] = []
        #expect(!budget.needsCut(before: 500))  // an empty batch takes any document
        full.append(budget.add(byteCount: 60))
        #expect(budget.needsCut(before: 41))
        #expect(!budget.needsCut(before: 40))
        full.append(budget.add(byteCount: 40))  // at the bound: full
        #expect(full == [false, true])
        budget.reset()
        full = [budget.add(byteCount: 1), budget.add(byteCount: 1), budget.add(byteCount: 1)]
        #expect(full == [false, false, true])  // at the count
        budget.reset()
        full = [budget.add(byteCount: 0), budget.add(byteCount: .max)]  // no overflow
        #expect(full == [false, true])
        #expect(budget.needsCut(before: .max))
    }

    private static func payloadLength(_ raw: RawDocument) -> Int {
        switch raw.payload {
        case .verbatimText(let text): text.utf8.count
        case .html(let bytes, _): bytes.count
        default: -1
        }
    }
}
