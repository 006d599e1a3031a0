import Foundation
import WiretraceCore
import WiretraceQuotes
import WiretraceStore

/// Scores the quotes stored by `wiretrace run` against a gold file of attributions in the PolNeAR
/// shape (`{"id", "article", "annotator", "text", "attributions": [{"source", "cue", "content"}]}`,
/// offsets in Unicode scalars of `text`), with the protocol of ``QuoteScoring``.
///
/// One annotator per article: the first record of each `article` in file order. Every content
/// span of an attribution is one gold item (a quote split by its speech verb is two). Predictions
/// are all stored occurrences of the document with the record's `id` (direct and indirect), with
/// the offsets of their speaker mentions as stored.
public struct QuoteEvaluation: Sendable {
    /// Overlap thresholds reported: lenient, the issue's 0.5, strict.
    public static let thresholds: [Double] = [0.3, 0.5, 0.8]

    /// Counts per threshold, in the order of ``thresholds``.
    public var counts: [QuoteMatchCounts]
    /// Gold articles scored, and those missing from the database (by record id).
    public var articles: Int
    public var missing: [String]
    /// Records skipped because their article was already scored with another annotator.
    public var otherAnnotators: Int
    /// Matched direct quotes (lenient) whose speaker is wrong: document, gold source, predicted speaker
    /// and mention, the start of the quote. Printed on request for error analysis, never stored.
    public var speakerErrors: [(document: String, gold: String, predicted: String, quote: String)] = []

    /// Reads `goldPath` and scores the store's quotes.
    public static func evaluate(goldPath: String, store: WiretraceStore) throws -> QuoteEvaluation {
        let gold = try GoldQuoteFile.read(path: goldPath)
        let occurrences = Dictionary(grouping: try store.quoteOccurrences(), by: \.documentID)
        var counts = [QuoteMatchCounts](repeating: QuoteMatchCounts(), count: thresholds.count)
        var missing: [String] = []
        var speakerErrors: [(document: String, gold: String, predicted: String, quote: String)] = []
        for record in gold.records {
            guard let article = try store.article(record.id) else {
                missing.append(record.id)
                continue
            }
            let predicted = (occurrences[record.id] ?? []).map { o in
                PredictedQuoteSpan(
                    start: o.start, end: o.end, speaker: o.speaker,
                    speakerSpan: o.speakerStart.flatMap { s in o.speakerEnd.map { s..<max(s, $0) } },
                    isDirect: o.kind == QuoteKind.direct.rawValue)
            }
            let scored = score(record: record, text: article.text, predicted: predicted)
            speakerErrors += scored.speakerErrors
            for index in thresholds.indices { counts[index] = counts[index] + scored.counts[index] }
        }
        return QuoteEvaluation(
            counts: counts, articles: gold.records.count - missing.count, missing: missing,
            otherAnnotators: gold.otherAnnotators, speakerErrors: speakerErrors)
    }

    /// Scores one gold record against the predictions for its text, at every threshold; also the
    /// matched quotes whose speaker is wrong.
    static func score(record: GoldQuoteFile.Record, text: String, predicted: [PredictedQuoteSpan]) -> (
        counts: [QuoteMatchCounts], speakerErrors: [(document: String, gold: String, predicted: String, quote: String)]
    ) {
        let spans = record.goldSpans()
        let scalars = Array(text.unicodeScalars)
        func snippet(_ r: Range<Int>?) -> String {
            guard let r, r.lowerBound >= 0, r.upperBound <= scalars.count else { return "-" }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[r.lowerBound..<min(r.upperBound, r.lowerBound + 60)])
            return String(view)
        }
        var errors: [(document: String, gold: String, predicted: String, quote: String)] = []
        for span in spans where !span.sources.isEmpty {
            guard let (index, share) = QuoteScoring.bestMatch(span, predicted), share >= 0.5,
                !QuoteScoring.speakerIsRight(predicted[index], gold: span)
            else { continue }
            let p = predicted[index]
            errors.append((
                record.id, "\(span.sourceText) (\(span.sourceName ?? "-"))",
                "\(p.speaker ?? "-") [\(snippet(p.speakerSpan))]", snippet(span.start..<span.end)))
        }
        let counts = thresholds.map { QuoteScoring.score(gold: spans, predicted: predicted, threshold: $0) }
        return (counts, errors)
    }

    /// The figures as printed by `wiretrace eval quotes`.
    public func render(goldPath: String) -> String {
        var out = "Quotes against \(goldPath): \(articles) articles (one annotator each; \(otherAnnotators) records of "
        out += "other annotators skipped)\n"
        if !missing.isEmpty {
            out += "  \(missing.count) gold articles are not in the database (first: \(missing[0])): "
            out += "run `wiretrace run --db FILE \(goldPath)` first\n"
        }
        out += Self.table(counts)
        return out
    }

    /// The table of figures per threshold, over all attributions.
    static func table(_ counts: [QuoteMatchCounts]) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        let all = counts[0]
        var out = "  \(all.gold) gold content spans (\(all.goldDirect) direct, \(all.goldIndirect) not), "
        out += "\(all.predicted) predicted (\(all.predictedDirect) direct)\n"
        out += "  overlap  precision recall  F1    | direct recall | indirect recall | speaker strict  lenient\n"
        for (index, threshold) in thresholds.enumerated() {
            let c = counts[index]
            out += "  \(String(format: "%.1f", threshold))      \(f(c.precision))     \(f(c.recall))  \(f(c.f1)) |"
            out += " \(f(c.directRecall))         | \(f(c.indirectRecall))           |"
            out += " \(f(c.speakerAccuracy)) (\(c.speakerCorrect)/\(c.speakerJudged)) \(f(c.lenientSpeakerAccuracy))\n"
        }
        return out
    }
}

/// A gold file of attributions, one record per (article, annotator) line.
struct GoldQuoteFile {
    struct Span: Decodable {
        var start: Int
        var end: Int
        var text: String?
    }
    struct Attribution: Decodable {
        var source: [Span]?
        var cue: [Span]?
        var content: [Span]?
    }
    struct Record: Decodable {
        var id: String
        var article: String?
        var text: String
        var attributions: [Attribution]

        /// Every content span, with its attribution's sources (and the full name the first resolves
        /// to), marked direct or not.
        func goldSpans() -> [GoldQuoteSpan] {
            let scalars = Array(text.unicodeScalars)
            let names = SpeakerNames(text: text)
            var spans: [GoldQuoteSpan] = []
            for attribution in attributions {
                let sources = (attribution.source ?? []).map { $0.start..<$0.end }
                let sourceText = (attribution.source ?? []).compactMap(\.text).joined(separator: " ")
                let sourceName = sources.first.flatMap { names.name(of: $0) }
                for content in attribution.content ?? [] where content.end > content.start {
                    spans.append(GoldQuoteSpan(
                        start: content.start, end: content.end, sources: sources, sourceText: sourceText,
                        sourceName: sourceName, isDirect: QuoteScoring.isDirect(content.start..<content.end, in: scalars)))
                }
            }
            return spans
        }
    }

    var records: [Record]
    var otherAnnotators: Int

    /// Reads the file, keeping the first record of each article (every record with `allAnnotators`).
    static func read(path: String, allAnnotators: Bool = false) throws -> GoldQuoteFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WiretraceError(.io, "cannot read the gold file", location: path)
        }
        var records: [Record] = []
        var seen = Set<String>()
        var skipped = 0
        let decoder = JSONDecoder()
        for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { continue }
            let record: Record
            do {
                record = try decoder.decode(Record.self, from: Data(line))
            } catch {
                throw WiretraceError(
                    .io, "gold record is not an attribution record", location: "\(path):\(number + 1)",
                    cause: "\(error)")
            }
            if !seen.insert(record.article ?? record.id).inserted, !allAnnotators {
                skipped += 1
                continue
            }
            records.append(record)
        }
        return GoldQuoteFile(records: records, otherAnnotators: skipped)
    }
}
