import ArgumentParser
import Foundation
import WiretraceCore
import WiretraceReport
import WiretraceStore

struct EvalClusters: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Score a database's story clusters against a gold {id, cluster[, topic]} JSONL.",
        discussion: """
            Prints B-cubed and pairwise precision/recall/F1, the adjusted Rand index and, when the gold
            lines carry a topic, the share of documents merged with the paired event of their topic.
            Documents are compared on the ids both sides have; the counts of the others are printed.
            """)

    @Option(name: .long, help: "Gold JSONL: one {\"id\", \"cluster\"} object per line (\"topic\" optional).")
    var gold: String

    @Option(name: .long, help: "The SQLite database written by `wiretrace run` over the same documents.")
    var db: String

    @Flag(name: .long, help: "Print the scores as one JSON object.")
    var json = false

    func run() throws {
        let (goldClusters, topics) = try GoldFile.read(gold)
        let store = try openExistingStore(db)
        var predicted: [String: String] = [:]
        for cluster in try store.clusters() {
            for member in cluster.members { predicted[member.documentID] = cluster.id }
        }
        let result = ClusterEvaluation(gold: goldClusters, predicted: predicted, topics: topics)
        if json {
            var fields: [(String, JSONValue)] = [
                ("items", .int(result.items)), ("gold_clusters", .int(result.goldClusters)),
                ("predicted_clusters", .int(result.predictedClusters)),
                ("bcubed_precision", .double(result.bcubed.precision)), ("bcubed_recall", .double(result.bcubed.recall)),
                ("bcubed_f1", .double(result.bcubed.f1)), ("pairwise_precision", .double(result.pairwise.precision)),
                ("pairwise_recall", .double(result.pairwise.recall)), ("pairwise_f1", .double(result.pairwise.f1)),
                ("adjusted_rand_index", .double(result.adjustedRandIndex)),
                ("missing_from_prediction", .int(result.missingFromPrediction)), ("not_in_gold", .int(result.notInGold)),
            ]
            if let rate = result.crossEventMergeRate { fields.append(("cross_event_merge_rate", .double(rate))) }
            print(JSONValue.object(fields).serialized())
            return
        }
        func row(_ name: String, _ scores: ClusterEvaluation.Scores) -> String {
            "\(name)  P \(format(scores.precision))  R \(format(scores.recall))  F1 \(format(scores.f1))"
        }
        print("documents: \(result.items) scored; gold clusters \(result.goldClusters), predicted \(result.predictedClusters)")
        if result.missingFromPrediction > 0 || result.notInGold > 0 {
            print("warning: \(result.missingFromPrediction) gold ids not in the database, \(result.notInGold) stored ids not in the gold")
        }
        print(row("B-cubed ", result.bcubed))
        print(row("pairwise", result.pairwise))
        print("adjusted Rand index  \(format(result.adjustedRandIndex))")
        if let rate = result.crossEventMergeRate {
            print("merged across paired events of a topic: \(format(rate * 100, digits: 1))% of documents")
        }
    }

    private func format(_ value: Double, digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
}

/// Reads a gold clustering: JSONL with `id`, `cluster` and optionally `topic` (strings or numbers).
enum GoldFile {
    static func read(_ path: String) throws -> (clusters: [String: String], topics: [String: String]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read gold file \(path)")
        }
        var clusters: [String: String] = [:], topics: [String: String] = [:]
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard !line.allSatisfy({ $0 == 32 || $0 == 13 }) else { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw ValidationError("\(path) line \(number + 1): not a JSON object")
            }
            func string(_ key: String) -> String? {
                if let text = object[key] as? String { return text }
                if let number = object[key] as? NSNumber { return number.stringValue }
                return nil
            }
            guard let id = string("id"), let cluster = string("cluster") else {
                throw ValidationError("\(path) line \(number + 1): needs \"id\" and \"cluster\"")
            }
            clusters[id] = cluster
            if let topic = string("topic") { topics[id] = topic }
        }
        return (clusters, topics)
    }
}
