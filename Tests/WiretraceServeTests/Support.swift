import Foundation
import Testing
import WiretraceCore
import WiretracePipeline
import WiretraceStore

/// Databases built by the real pipeline over inputs the tests write or the repository's fixtures.
enum ServeFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixture(_ path: String) -> String { root.appendingPathComponent("fixtures/\(path)").path }

    static func temporaryPath(_ suffix: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-serve-\(UUID().uuidString)\(suffix)").path
    }

    static func remove(_ database: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    }

    /// Runs the whole pipeline over `inputs` into `database` (created if needed).
    @discardableResult
    static func run(_ inputs: [String], into database: String) throws -> RunSummary {
        try PipelineRunner(configuration: PipelineConfiguration()).run(inputs: inputs, databasePath: database)
    }

    /// A JSONL file of `documents` (id, outlet, title, published, text) in a fresh temporary folder.
    static func jsonl(_ documents: [[String: String]]) throws -> String {
        let folder = temporaryPath("-in")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/docs.jsonl"
        let lines = try documents.map { document in
            String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

/// The seed story of fixtures/html (see fixtures/README.md), by document id.
enum Seed {
    static let tass = "tass/2021-06-22-myanmar-army-strongest-thanks-to-russia-shoigu-talks.html"
    static let reuters = "reuters/2021-06-22-myanmar-junta-thanks-russia.html"
    static let cna = "cna/2021-06-22-myanmar-junta-thanks-russia.html"
    static let ledger = "straits-ledger/2021-06-22-myanmar-junta-chief-thanks-russia-for-military-support.html"
    static let digest = "mandalay-wire-digest/2021-06-22-junta-chief-thanks-russia.html"
    static let monitor = "irrawaddy-monitor/2021-06-23-min-aung-hlaing-courts-moscow.html"
    static let parade = "reuters/2021-03-27-russian-deputy-minister-attends-myanmar-parade.html"
    static let story: Set<String> = [tass, reuters, cna, ledger, digest, monitor]
}
