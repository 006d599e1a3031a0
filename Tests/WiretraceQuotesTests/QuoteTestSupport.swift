import Testing
import WiretraceCore
import WiretraceQuotes

/// Builds an article from paragraphs, the way extraction joins them.
func article(
    _ paragraphs: [String], outlet: String? = "Example Daily", credits: [String] = []
) -> Article {
    Article(
        id: "test", source: "test.txt", outlet: outlet,
        credits: credits.map { WireCredit(agency: $0, text: "Source: \($0)") },
        text: paragraphs.joined(separator: "\n\n"))
}

/// Extracts quotes and checks the offset contract on every occurrence.
func quotes(_ article: Article) -> [QuoteOccurrence] {
    QuoteExtractor().quotes(in: article)
}

/// The quotes of `model` (the rules alone with `.empty`) with the named options switched off; each
/// name must be a switchable option.
func quotes(_ article: Article, model: QuoteTaggerModel, off: [String]) -> [QuoteOccurrence] {
    var options = QuoteExtractorOptions()
    for name in off { #expect(QuoteExtractorOptions.switchOff(name, in: &options), "unknown option \(name)") }
    return QuoteExtractor(model: model, options: options).quotes(in: article)
}

/// Whether every occurrence's text is exactly the article's scalars start..<end (and the speaker span is valid).
func offsetsHold(_ article: Article, _ found: [QuoteOccurrence]) -> Bool {
    let scalars = Array(article.text.unicodeScalars)
    for quote in found {
        guard quote.start >= 0, quote.end <= scalars.count, quote.start < quote.end else { return false }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[quote.start..<quote.end])
        if String(view) != quote.text { return false }
        if let s = quote.speakerStart, let e = quote.speakerEnd, !(0 <= s && s < e && e <= scalars.count) {
            return false
        }
    }
    return true
}

/// The text of the speaker mention of an occurrence.
func speakerMention(_ article: Article, _ quote: QuoteOccurrence) -> String? {
    guard let s = quote.speakerStart, let e = quote.speakerEnd else { return nil }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: Array(article.text.unicodeScalars)[s..<e])
    return String(view)
}

/// The token range of the first occurrence of `words` (space-separated tokens) in a tagger input.
func tokenSpan(_ words: String, in input: TaggerInput) -> ClosedRange<Int>? {
    let wanted = words.split(separator: " ").map(String.init)
    let texts = input.tokens.map(\.text)
    guard wanted.count <= texts.count else { return nil }
    for start in 0...(texts.count - wanted.count) where Array(texts[start..<(start + wanted.count)]) == wanted {
        return start...(start + wanted.count - 1)
    }
    return nil
}

/// The speaker mentions of a German text's quotes, in order, with the given German switches.
func germanSpeakerMentions(_ text: String, _ options: MultilingualQuoteOptions = MultilingualQuoteOptions()) -> [String?] {
    var settings = QuoteExtractorOptions()
    settings.multilingual = options
    let page = Article(id: "t", source: "t", text: text, language: "de")
    return QuoteExtractor(model: .shared, options: settings).quotes(in: page).map { speakerMention(page, $0) }
}
