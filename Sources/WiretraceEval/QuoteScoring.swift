/// One gold content span to be found: its scalar offsets, the source spans of its attribution
/// (empty when the attribution has no source), and whether it is a direct quote.
public struct GoldQuoteSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    /// Scalar ranges of the attribution's source (the speaker as written).
    public var sources: [Range<Int>]
    /// The source as written ("President Obama", "she").
    public var sourceText: String
    /// The full name the source mention resolves to in its document ("Barack Obama"), when it does.
    public var sourceName: String?
    public var isDirect: Bool

    public init(
        start: Int, end: Int, sources: [Range<Int>] = [], sourceText: String = "", sourceName: String? = nil,
        isDirect: Bool = false
    ) {
        self.start = start
        self.end = end
        self.sources = sources
        self.sourceText = sourceText
        self.sourceName = sourceName
        self.isDirect = isDirect
    }
}

/// One predicted quote: content offsets, the resolved speaker and the offsets of its mention.
public struct PredictedQuoteSpan: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var speaker: String?
    public var speakerSpan: Range<Int>?
    public var isDirect: Bool

    public init(start: Int, end: Int, speaker: String? = nil, speakerSpan: Range<Int>? = nil, isDirect: Bool = false) {
        self.start = start
        self.end = end
        self.speaker = speaker
        self.speakerSpan = speakerSpan
        self.isDirect = isDirect
    }
}

/// Counts for one overlap threshold, summed over articles.
public struct QuoteMatchCounts: Sendable, Hashable {
    public var gold = 0
    public var matchedGold = 0
    public var predicted = 0
    /// Predictions that are the best match of at least one gold span.
    public var matchedPredicted = 0
    public var goldDirect = 0
    public var matchedGoldDirect = 0
    public var predictedDirect = 0
    public var matchedPredictedDirect = 0
    /// Matched gold spans that have a gold source, and those whose predicted speaker is right:
    /// strictly (the predicted mention overlaps the gold source) and leniently (that, or the same
    /// resolved full name).
    public var speakerJudged = 0
    public var speakerCorrect = 0
    public var speakerCorrectLenient = 0
    public var speakerJudgedDirect = 0
    public var speakerCorrectDirect = 0
    /// Gold spans that are not direct quotes, and those matched.
    public var goldIndirect: Int { gold - goldDirect }
    public var matchedGoldIndirect: Int { matchedGold - matchedGoldDirect }

    public init() {}

    public var precision: Double { predicted == 0 ? 0 : Double(matchedPredicted) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(matchedGold) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public var directRecall: Double { goldDirect == 0 ? 0 : Double(matchedGoldDirect) / Double(goldDirect) }
    public var directPrecision: Double {
        predictedDirect == 0 ? 0 : Double(matchedPredictedDirect) / Double(predictedDirect)
    }
    public var indirectRecall: Double { goldIndirect == 0 ? 0 : Double(matchedGoldIndirect) / Double(goldIndirect) }
    /// Strict speaker accuracy: the predicted mention overlaps the gold source.
    public var speakerAccuracy: Double { speakerJudged == 0 ? 0 : Double(speakerCorrect) / Double(speakerJudged) }
    /// Lenient speaker accuracy: the mention overlaps, or the resolved full names are the same.
    public var lenientSpeakerAccuracy: Double {
        speakerJudged == 0 ? 0 : Double(speakerCorrectLenient) / Double(speakerJudged)
    }
    public var directSpeakerAccuracy: Double {
        speakerJudgedDirect == 0 ? 0 : Double(speakerCorrectDirect) / Double(speakerJudgedDirect)
    }

    /// Adds another article's counts.
    public static func + (a: QuoteMatchCounts, b: QuoteMatchCounts) -> QuoteMatchCounts {
        var sum = a
        sum.gold += b.gold
        sum.matchedGold += b.matchedGold
        sum.predicted += b.predicted
        sum.matchedPredicted += b.matchedPredicted
        sum.goldDirect += b.goldDirect
        sum.matchedGoldDirect += b.matchedGoldDirect
        sum.predictedDirect += b.predictedDirect
        sum.matchedPredictedDirect += b.matchedPredictedDirect
        sum.speakerJudged += b.speakerJudged
        sum.speakerCorrect += b.speakerCorrect
        sum.speakerCorrectLenient += b.speakerCorrectLenient
        sum.speakerJudgedDirect += b.speakerJudgedDirect
        sum.speakerCorrectDirect += b.speakerCorrectDirect
        return sum
    }
}

/// The quote metric of the project's evaluation protocol (PolNeAR): each gold content span is
/// matched to the prediction with the highest overlap |gold ∩ pred| / |gold| (ties: the earlier
/// prediction); the match counts when the overlap reaches the threshold (0.3 lenient, 0.8 strict).
/// Unmatched gold spans are false negatives; predictions that are no gold span's match are false
/// positives. A prediction may be the match of several gold spans (a quote the gold splits in two).
/// Over matched gold spans that have a source, the speaker is right strictly when the predicted
/// mention overlaps a gold source span, and leniently also when the predicted speaker's resolved
/// name is the gold source's resolved full name ("Bill Clinton" is not "Hillary Clinton").
public enum QuoteScoring {
    /// Scores one article.
    /// - Complexity: O(g · p) for g gold and p predicted spans.
    public static func score(gold: [GoldQuoteSpan], predicted: [PredictedQuoteSpan], threshold: Double)
        -> QuoteMatchCounts
    {
        var counts = QuoteMatchCounts()
        counts.gold = gold.count
        counts.goldDirect = gold.filter(\.isDirect).count
        counts.predicted = predicted.count
        counts.predictedDirect = predicted.filter(\.isDirect).count
        var used = [Bool](repeating: false, count: predicted.count)
        for g in gold {
            guard let (index, best) = bestMatch(g, predicted), best >= threshold else { continue }
            used[index] = true
            counts.matchedGold += 1
            if g.isDirect { counts.matchedGoldDirect += 1 }
            guard !g.sources.isEmpty else { continue }
            let right = speakerIsRight(predicted[index], gold: g)
            counts.speakerJudged += 1
            if right { counts.speakerCorrect += 1 }
            if right || sameName(predicted[index], gold: g) { counts.speakerCorrectLenient += 1 }
            if g.isDirect {
                counts.speakerJudgedDirect += 1
                if right { counts.speakerCorrectDirect += 1 }
            }
        }
        for (index, prediction) in predicted.enumerated() where used[index] {
            counts.matchedPredicted += 1
            if prediction.isDirect { counts.matchedPredictedDirect += 1 }
        }
        return counts
    }

    /// The prediction overlapping `gold` most, with the overlap share of the gold span.
    public static func bestMatch(_ gold: GoldQuoteSpan, _ predicted: [PredictedQuoteSpan]) -> (Int, Double)? {
        let length = gold.end - gold.start
        guard length > 0 else { return nil }
        var best: (Int, Double)? = nil
        for (index, p) in predicted.enumerated() {
            let shared = min(gold.end, p.end) - max(gold.start, p.start)
            guard shared > 0 else { continue }
            let share = Double(shared) / Double(length)
            if best == nil || share > best!.1 { best = (index, share) }
        }
        return best
    }

    /// Whether the predicted speaker mention overlaps a gold source span (the strict judgement).
    public static func speakerIsRight(_ prediction: PredictedQuoteSpan, gold: GoldQuoteSpan) -> Bool {
        guard let span = prediction.speakerSpan else { return false }
        return gold.sources.contains { $0.overlaps(span) }
    }

    /// Whether the predicted speaker's name is the gold source's resolved full name, compared
    /// case-insensitively with white space collapsed (the lenient judgement's second way).
    public static func sameName(_ prediction: PredictedQuoteSpan, gold: GoldQuoteSpan) -> Bool {
        guard let predicted = prediction.speaker, let expected = gold.sourceName else { return false }
        let a = normalizedName(predicted)
        return !a.isEmpty && a == normalizedName(expected)
    }

    static func normalizedName(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\u{A0}" }).joined(separator: " ")
    }

    /// Whether the span `range` of `text` is a direct quote: at least half of its letters stand
    /// between quote marks. Marks pair within a paragraph, independently of ``QuoteScanner``, so
    /// the gold side of the metric does not depend on the extractor: a straight `"` toggles, `“ ”`,
    /// `« »` and PTB marks open and close, and two apostrophes toggle; German `„` opens and the `“`
    /// after it closes, as the `«` after a German `»` does.
    /// - Complexity: O(n) in the length of the paragraphs holding the span.
    public static func isDirect(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Bool {
        guard range.lowerBound >= 0, range.upperBound <= scalars.count, !range.isEmpty else { return false }
        var start = range.lowerBound
        while start > 0, !scalars[start - 1].isLineBreak { start -= 1 }
        var inside = false
        var german: Unicode.Scalar? = nil  // the closing mark a German opening mark waits for
        var letters = 0
        var quoted = 0
        var i = start
        while i < range.upperBound {
            let c = scalars[i]
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            if c.isLineBreak {
                inside = false
                german = nil
            } else if c == "\u{201E}" {
                inside = true
                german = "\u{201C}"
            } else if c == "\u{BB}", !inside, let next, !next.properties.isWhitespace {
                inside = true
                german = "\u{AB}"
            } else if let closing = german, c == closing || (closing == "\u{201C}" && (c == "\"" || c == "\u{201D}")) {
                inside = false
                german = nil
            } else if c == "\"" {
                inside.toggle()
            } else if c == "\u{201C}" || c == "\u{AB}" {
                inside = true
            } else if c == "\u{201D}" || c == "\u{BB}" {
                inside = false
            } else if c == "`", next == "`" {
                inside = true
                i += 1
            } else if c == "'", next == "'" {
                inside.toggle()  // PTB closes with it; New York Times archive style also opens with it
                i += 1
            } else if i >= range.lowerBound, c.properties.isAlphabetic {
                letters += 1
                if inside { quoted += 1 }
            }
            i += 1
        }
        return letters > 0 && quoted * 2 >= letters
    }
}
