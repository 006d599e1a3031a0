import Foundation
import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// The extractor over probe-train, the first 26 articles of the project's wire-style quote probe
/// (`fixtures/quotes/wire-probe-train.jsonl`, written for Wiretrace: see its README), scored as
/// `eval quotes` scores: each gold content span matched to the found quote with the highest
/// overlap |gold ∩ found| / |gold|, at least 0.3; speakers strictly (the found mention overlaps a
/// gold source). The floors sit a little under the figures reached, so a change that loses
/// recall, precision or speakers on plain wire copy fails here.
@Suite struct WireProbeTests {
    struct Span: Decodable { var start: Int; var end: Int }
    struct Attribution: Decodable { var source: [Span]; var content: [Span] }
    struct Record: Decodable { var id: String; var text: String; var attributions: [Attribution] }

    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/quotes/wire-probe-train.jsonl")

    struct Score {
        var gold = 0, goldIndirect = 0, matched = 0, matchedIndirect = 0, found = 0, foundMatched = 0
        var speakerRight = 0
        var precision: Double { Double(foundMatched) / Double(max(found, 1)) }
        var recall: Double { Double(matched) / Double(max(gold, 1)) }
        var indirectRecall: Double { Double(matchedIndirect) / Double(max(goldIndirect, 1)) }
        var speaker: Double { Double(speakerRight) / Double(max(matched, 1)) }
    }

    static func score(off: [String] = []) throws -> Score {
        var options = QuoteExtractorOptions()
        for name in off { _ = QuoteExtractorOptions.switchOff(name, in: &options) }
        let extractor = QuoteExtractor(model: .shared, options: options)
        let data = try Data(contentsOf: path)
        var score = Score()
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let record = try JSONDecoder().decode(Record.self, from: Data(line))
            let page = Article(id: record.id, source: "probe", outlet: nil, text: record.text, language: "en")
            let found = extractor.quotes(in: page)
            let scalars = Array(record.text.unicodeScalars)
            var used = Set<Int>()
            score.found += found.count
            for attribution in record.attributions {
                for content in attribution.content {
                    score.gold += 1
                    let quoted = (content.start..<content.end).contains { k in
                        ["\"", "\u{201C}", "\u{201D}"].contains(scalars[k])
                    }
                    if !quoted { score.goldIndirect += 1 }
                    let overlaps = found.enumerated().map { index, quote in
                        (index, max(0, min(content.end, quote.end) - max(content.start, quote.start)))
                    }
                    guard let (best, shared) = overlaps.max(by: { $0.1 < $1.1 }),
                        Double(shared) >= 0.3 * Double(content.end - content.start)
                    else { continue }
                    used.insert(best)
                    score.matched += 1
                    if !quoted { score.matchedIndirect += 1 }
                    if let s = found[best].speakerStart, let e = found[best].speakerEnd,
                        attribution.source.contains(where: { $0.start < e && s < $0.end })
                    {
                        score.speakerRight += 1
                    }
                }
            }
            score.foundMatched += used.count
        }
        return score
    }

    @Test func probeTrainFloors() throws {
        let score = try Self.score()
        print("probe-train: precision \(score.precision) recall \(score.recall) indirect \(score.indirectRecall) speaker \(score.speaker) (\(score.gold) gold, \(score.found) found)")
        #expect(score.gold == 202)
        #expect(score.recall >= 0.97)
        #expect(score.indirectRecall >= 0.97)
        #expect(score.precision >= 0.89)
        #expect(score.speaker >= 0.97)
    }

    @Test func speechOnlyRaisesPrecisionOnWireCopy() throws {
        let score = try Self.score(off: ["nonSpeechReports"])
        print("probe-train, nonSpeechReports off: precision \(score.precision) recall \(score.recall) indirect \(score.indirectRecall) speaker \(score.speaker) (\(score.found) found)")
        #expect(score.precision >= 0.95)
        #expect(score.recall >= 0.97)
        #expect(score.precision > (try Self.score()).precision)
    }
}
