import Foundation
import Testing
import WiretraceCore
@testable import WiretraceEval
import WiretraceQuotes

/// The quote trainer on a small annotated file written for this test: deterministic, and the
/// speaker ranker's examples taken from fold taggers when asked.
@Suite struct QuoteTrainingTests {
    /// Articles of two people each reporting a clause, with gold source, cue and content: the
    /// first speaker stands nearer the start, so that ranking the candidates has something to learn.
    private func goldFile() throws -> String {
        let people = [("Ana Costa", "Mark Lee"), ("Ruth Okafor", "Daniel Weiss"), ("Lena Ortiz", "Tomas Berg"),
                      ("Priya Nair", "Carla Mendes")]
        let clauses = ["the port would reopen before the winter", "the talks on pensions had stalled again",
                       "the new rules would raise costs for farms", "the bridge repairs were running late"]
        var lines: [String] = []
        for n in 0..<16 {
            let (a, b) = people[n % people.count]
            var text = ""
            var attributions: [[String: Any]] = []
            func span(_ start: Int, _ words: String) -> [[String: Int]] { [["start": start, "end": start + words.unicodeScalars.count]] }
            for (speaker, clause) in [(a, clauses[n % 4]), (b, clauses[(n + 1) % 4])] {
                let source = text.unicodeScalars.count
                let cue = source + speaker.unicodeScalars.count + 1
                let content = cue + "said ".unicodeScalars.count
                attributions.append(["source": span(source, speaker), "cue": span(cue, "said"), "content": span(content, clause)])
                text += "\(speaker) said \(clause). "
            }
            let record: [String: Any] = ["id": "doc\(n)", "article": "doc\(n)", "text": text, "attributions": attributions]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self))
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quote-train-\(UUID().uuidString).jsonl")
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func settings(folds: Int) -> QuoteTraining.Settings {
        var settings = QuoteTraining.Settings()
        settings.epochs = 3
        settings.foldEpochs = 2
        settings.pairFolds = folds
        settings.minimumCount = 1
        settings.cueMinimumCount = 1
        settings.prune = 0.005
        return settings
    }

    @Test func foldedTrainingIsDeterministicAndTagsEachFoldWithAnotherTagger() throws {
        let path = try goldFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var log: [String] = []
        let first = try QuoteTraining.train(goldPath: path, settings: settings(folds: 2)) { log.append($0) }
        let second = try QuoteTraining.train(goldPath: path, settings: settings(folds: 2))
        #expect(first.model == second.model)
        let folds = log.filter { $0.hasPrefix("pairing fold") }
        #expect(folds.count == 2)
        // Every record is tagged by exactly one fold's tagger, which was trained on the others.
        let tagged = folds.compactMap { line in
            line.split(separator: ":").last?.split(separator: " ").first.flatMap { Int($0) }
        }
        #expect(tagged.reduce(0, +) == 16)
        for line in folds {
            let numbers = line.split(whereSeparator: { $0 == " " || $0 == ":" }).compactMap { Int($0) }
            // "pairing fold F of K: N records tagged by a tagger of M": N + M = all records.
            #expect(numbers.count == 4 && numbers[2] + numbers[3] == 16)
        }
        let model = try #require(QuoteTaggerModel(serialized: first.model))
        #expect(!model.pairWeights.isEmpty)
    }

    @Test func unfoldedTrainingTakesTheFullTaggersCandidates() throws {
        let path = try goldFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var log: [String] = []
        let outcome = try QuoteTraining.train(goldPath: path, settings: settings(folds: 1)) { log.append($0) }
        #expect(!log.contains { $0.hasPrefix("pairing fold") })
        #expect(log.contains { $0.hasPrefix("pairing: ") })
        #expect(QuoteTaggerModel(serialized: outcome.model) != nil)
    }
}
