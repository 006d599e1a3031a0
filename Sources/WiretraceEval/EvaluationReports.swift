import Foundation
import WiretraceCore

// What `wiretrace eval` prints for each evaluation: the command parses its options and prints
// these lines; the figures and their layout live beside the metrics.

extension ClusterEvaluation {
    /// The scores as one JSON object (`eval clusters --json`).
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("items", .int(items)), ("gold_clusters", .int(goldClusters)),
            ("predicted_clusters", .int(predictedClusters)),
            ("bcubed_precision", .double(bcubed.precision)), ("bcubed_recall", .double(bcubed.recall)),
            ("bcubed_f1", .double(bcubed.f1)), ("pairwise_precision", .double(pairwise.precision)),
            ("pairwise_recall", .double(pairwise.recall)), ("pairwise_f1", .double(pairwise.f1)),
            ("adjusted_rand_index", .double(adjustedRandIndex)),
            ("missing_from_prediction", .int(missingFromPrediction)), ("not_in_gold", .int(notInGold)),
        ]
        if let rate = crossEventMergeRate { fields.append(("cross_event_merge_rate", .double(rate))) }
        return .object(fields)
    }

    /// The scores as text lines.
    public func lines() -> [String] {
        func format(_ value: Double, digits: Int = 3) -> String { String(format: "%.\(digits)f", value) }
        func row(_ name: String, _ scores: Scores) -> String {
            "\(name)  P \(format(scores.precision))  R \(format(scores.recall))  F1 \(format(scores.f1))"
        }
        var lines = ["documents: \(items) scored; gold clusters \(goldClusters), predicted \(predictedClusters)"]
        if missingFromPrediction > 0 || notInGold > 0 {
            lines.append("warning: \(missingFromPrediction) gold ids not in the database, \(notInGold) stored ids not in the gold")
        }
        lines.append(row("B-cubed ", bcubed))
        lines.append(row("pairwise", pairwise))
        lines.append("adjusted Rand index  \(format(adjustedRandIndex))")
        if let rate = crossEventMergeRate {
            lines.append("merged across paired events of a topic: \(format(rate * 100, digits: 1))% of documents")
        }
        return lines
    }
}

extension ExtractionScores {
    /// The averages, then the `worst` lowest-F1 pages.
    public func lines(worst count: Int) -> [String] {
        let missing = pages.filter { $0.problem != nil }
        var lines = [
            String(format: "pages %d (no text: %d)", pages.count, missing.count),
            String(format: "precision %.4f", precision),
            String(format: "recall    %.4f", recall),
            String(format: "F1        %.4f", f1),
        ]
        let worstPages = worst(count)
        if !worstPages.isEmpty {
            lines.append("worst \(worstPages.count) pages (F1, precision, recall, id, url):")
            for page in worstPages {
                let p = page.counts.precision.map { String(format: "%.3f", $0) } ?? "  -  "
                let r = page.counts.recall.map { String(format: "%.3f", $0) } ?? "  -  "
                var line = String(format: "  %.3f  ", page.f1) + "\(p)  \(r)  \(page.id)  \(page.url ?? "")"
                if let problem = page.problem { line += "  (\(problem))" }
                lines.append(line)
            }
        }
        return lines
    }

    /// Extracted texts in the benchmark's own output format: `{id: {"articleBody", "url"}}`.
    public static func benchmarkOutput(_ texts: [(GoldPage, String)]) -> JSONValue {
        .object(texts.map { page, text in
            (page.id, .object([("articleBody", .string(text)), ("url", page.url.map(JSONValue.string) ?? .null)]))
        })
    }
}

extension DateEvaluation {
    /// Accuracy per part (train, dev) and overall, right/pages per source, and with `listWrong`
    /// every page given a wrong date or none.
    public static func lines(_ results: [DatedPageResult], listWrong: Bool) -> [String] {
        var lines: [String] = []
        func summary(_ name: String, _ subset: [DatedPageResult]) {
            guard !subset.isEmpty else { return }
            let right = subset.filter(\.isRight).count
            let none = subset.filter { $0.found == nil && $0.page.date != nil }.count
            lines.append(name.padding(toLength: 6, withPad: " ", startingAt: 0)
                + String(format: " pages %4d  right %4d  no date %3d  accuracy %.3f",
                         subset.count, right, none, Double(right) / Double(subset.count)))
        }
        summary("train", results.filter { $0.page.part == "train" })
        summary("dev", results.filter { $0.page.part == "dev" })
        summary("all", results)
        var sources: [String: (Int, Int)] = [:]
        for result in results {
            let key = result.source ?? "none"
            sources[key, default: (0, 0)].0 += result.isRight ? 1 : 0
            sources[key, default: (0, 0)].1 += 1
        }
        // Most pages first, ties by name: the report is the same from run to run.
        lines.append("by source (right/pages): " + sources.sorted { ($1.value.1, $0.key) < ($0.value.1, $1.key) }
            .map { "\($0.key) \($0.value.0)/\($0.value.1)" }.joined(separator: ", "))
        if listWrong {
            for result in results where !result.isRight {
                lines.append("  \(result.page.part ?? "-")  gold \(result.page.date ?? "null")  found \(result.found ?? "none")"
                    + "  (\(result.source ?? result.problem ?? "-"))  \(result.page.file)  \(result.page.url ?? "")")
            }
        }
        return lines
    }
}

extension DatedPageResult {
    /// `{"file", "url", "gold", "found", "source"}`.
    public var json: JSONValue {
        .object([
            ("file", .string(page.file)), ("url", page.url.map(JSONValue.string) ?? .null),
            ("gold", page.date.map(JSONValue.string) ?? .null),
            ("found", found.map(JSONValue.string) ?? .null),
            ("source", source.map(JSONValue.string) ?? .null),
        ])
    }
}
