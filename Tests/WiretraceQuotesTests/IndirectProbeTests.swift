import Foundation
import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// The extractor over the project's indirect-speech probe (`fixtures/quotes/indirect-probe.jsonl`,
/// 45 paragraphs written for issue 16 in plain wire style: see the fixtures' README). A gold content
/// counts when a found quote and it overlap by at least 0.8 of each one's length (the boundaries
/// right, not merely touched) and the found speaker mention overlaps a gold source (or the gold has
/// none). 32 of 45 before two reports in one sentence, transcript turns and noun clauses in the
/// subject were read; 47 of 56 before an adverbial of medium, a listener before "that" and an
/// attribution between commas with a day after its verb were read (nine paragraphs added for them,
/// five of which main already found); the floor sits at the figure reached.
@Suite struct IndirectProbeTests {
    struct Span: Decodable { var start: Int; var end: Int }
    struct Attribution: Decodable { var source: [Span]; var content: [Span] }
    struct Record: Decodable { var id: String; var text: String; var attributions: [Attribution] }

    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/quotes/indirect-probe.jsonl")
    /// Beliefs and views without a verb of saying (`fixtures/quotes/belief-probe.jsonl`, 10 paragraphs).
    static let beliefPath = path.deletingLastPathComponent().appendingPathComponent("belief-probe.jsonl")

    /// Gold contents found with their bounds and speaker, and gold contents in all.
    static func score(off: [String] = [], path: URL = path) throws -> (right: Int, gold: Int) {
        var options = QuoteExtractorOptions()
        for name in off { _ = QuoteExtractorOptions.switchOff(name, in: &options) }
        let extractor = QuoteExtractor(model: .shared, options: options)
        var right = 0, gold = 0
        for line in try Data(contentsOf: path).split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            let record = try JSONDecoder().decode(Record.self, from: Data(line))
            let found = extractor.quotes(in: Article(id: record.id, source: "probe", outlet: nil, text: record.text, language: "en"))
            for attribution in record.attributions {
                for content in attribution.content {
                    gold += 1
                    let match = found.first { quote in
                        let shared = min(content.end, quote.end) - max(content.start, quote.start)
                        return Double(shared) >= 0.8 * Double(content.end - content.start)
                            && Double(shared) >= 0.8 * Double(quote.end - quote.start)
                    }
                    guard let match else { continue }
                    if attribution.source.isEmpty {
                        right += 1
                    } else if let s = match.speakerStart, let e = match.speakerEnd,
                        attribution.source.contains(where: { $0.start < e && s < $0.end })
                    {
                        right += 1
                    }
                }
            }
        }
        return (right, gold)
    }

    @Test func plainIndirectFormsFoundWithTheirBounds() throws {
        let score = try Self.score()
        #expect(score.gold == 56)
        #expect(score.right >= 52, "\(score.right) of \(score.gold)")
    }

    @Test func eachMechanismCountsOnTheProbe() throws {
        let all = try Self.score().right
        for name in [
            "reportsInOneSentence", "colonTurnParagraphs", "nounClauseEndsAtMainVerb", "mediumBeforeClause", "listenerBeforeThat",
            "parentheticalAttributions",
        ] {
            #expect(try Self.score(off: [name]).right < all, "\(name)")
        }
    }

    @Test func beliefsAndViewsFoundWithTheirBounds() throws {
        let score = try Self.score(path: Self.beliefPath)
        #expect(score.gold == 10)
        #expect(score.right >= 10, "\(score.right) of \(score.gold)")
        for name in ["stanceAdjectiveClauses", "viewPhrases"] {
            #expect(try Self.score(off: [name], path: Self.beliefPath).right < score.right, "\(name)")
        }
    }
}
