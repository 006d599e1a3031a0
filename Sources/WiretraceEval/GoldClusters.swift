import Foundation
import WiretraceCore

/// A gold clustering: JSONL, one document a line, with `id`, `cluster` and optionally `topic`
/// (strings or numbers; numbers are kept as their decimal text). Blank lines are skipped.
public struct GoldClusters: Sendable, Hashable {
    /// The gold cluster of each document, by id.
    public var clusters: [String: String]
    /// The topic of each document that has one, by id.
    public var topics: [String: String]

    public init(clusters: [String: String], topics: [String: String] = [:]) {
        self.clusters = clusters
        self.topics = topics
    }

    /// Reads a gold file; a usage error names the file and the line that is not a record.
    public static func load(path: String) throws -> GoldClusters {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WiretraceError(.usage, "cannot read gold file \(path)")
        }
        return try parse(data, name: path)
    }

    /// Parses gold JSONL; `name` is how errors refer to it.
    ///
    /// - Complexity: O(n) in the bytes.
    public static func parse(_ data: Data, name: String) throws -> GoldClusters {
        var clusters: [String: String] = [:], topics: [String: String] = [:]
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard !line.allSatisfy({ $0 == 32 || $0 == 13 }) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw WiretraceError(.usage, "\(name) line \(number + 1): not a JSON object")
            }
            func string(_ key: String) -> String? {
                if let text = object[key] as? String { return text }
                if let number = object[key] as? NSNumber { return number.stringValue }
                return nil
            }
            guard let id = string("id"), let cluster = string("cluster") else {
                throw WiretraceError(.usage, "\(name) line \(number + 1): needs \"id\" and \"cluster\"")
            }
            clusters[id] = cluster
            if let topic = string("topic") { topics[id] = topic }
        }
        return GoldClusters(clusters: clusters, topics: topics)
    }
}
