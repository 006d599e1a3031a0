import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// A fronted report whose attribution ends in adverbials of place, time or manner, however long
/// ("<clause>, X said during a briefing at the terminal on Monday.", "<clause>, X told reporters
/// outside the council chamber."), on sentences written for these tests
/// (``QuoteExtractorOptions/adverbialTails``).
@Suite struct AdverbialTailTests {
    private func ruleQuotes(_ page: Article, off: [String] = []) -> [QuoteOccurrence] {
        quotes(page, model: .empty, off: off)
    }

    /// The tail's first word after the verb `verb` of `sentence`, or nil.
    private func tail(_ sentence: String, verb: String) -> String? {
        let tokens = Tokenizer.tokens(ScalarText(sentence))
        guard let v = tokens.firstIndex(where: { $0.text == verb }) else { return nil }
        var end = tokens.count
        while end > 0, !tokens[end - 1].isWord { end -= 1 }
        return QuoteExtractor.adverbialTailStart(afterVerbAt: v, end: end, tokens: tokens, finder: SpeakerFinder(tokens: tokens))
            .map { tokens[$0].text }
    }

    @Test func tailsOfPlaceTimeAndListener() {
        #expect(tail("The ferry will run daily, the harbour master said during a briefing at the terminal on Monday.", verb: "said") == "during")
        #expect(tail("The vote was never in doubt, Lena Park told reporters outside the council chamber.", verb: "told") == "outside")
        #expect(tail("Talks will go on, Lena Park told The Valley Gazette in an interview from her farm.", verb: "told") == "in")
        #expect(tail("Talks will go on, the union said late Sunday after a weekend of bargaining.", verb: "said") == "late")
    }

    @Test(arguments: [
        // A clause after the verb: what was said, not where.
        ("Speaking at the terminal, the harbour master said in a letter the ferry would run daily.", "said"),
        ("The storm passed, and officials said on Monday that the roads would reopen by noon.", "said"),
        ("The vote was close, Lena Park told reporters as she left the council chamber.", "told"),
        // A clause after the listener, its last words a preposition's phrase.
        ("Lena Park told reporters the talks had stalled over pensions.", "told"),
        // A noun phrase right after the verb.
        ("Ferries are late, the harbour master said the new schedule starts in June.", "said"),
    ])
    func clausesAreNoTail(_ sentence: String, _ verb: String) {
        #expect(tail(sentence, verb: verb) == nil)
    }

    @Test(arguments: [
        ("The ferry will run twice a day from June, the harbour master said during a briefing at the terminal on Monday.",
         "The ferry will run twice a day from June", "the harbour master"),
        ("The vote was never in doubt, Lena Park told reporters outside the council chamber after the meeting.",
         "The vote was never in doubt", "Lena Park"),
        ("Our members are tired of waiting, the union said in a statement issued late Sunday after a weekend of talks.",
         "Our members are tired of waiting", "the union"),
    ])
    func rulesReportTheClauseBeforeALongTail(_ sentence: String, _ report: String, _ speaker: String) {
        let page = article(["The council met on Monday.", sentence])
        let found = ruleQuotes(page)
        #expect(offsetsHold(page, found))
        let quote = found.first { $0.text == report }
        #expect(quote != nil, "found: \(found.map(\.text))")
        #expect(quote?.kind == .indirect)
        #expect(quote.flatMap { speakerMention(page, $0) } == speaker)
        #expect(!ruleQuotes(page, off: ["adverbialTails"]).contains { $0.text == report })
    }

    @Test func sceneBeforeAReportedClauseStaysUnreported() {
        let page = article(["Speaking at the terminal, the harbour master said in a letter the ferry would run daily."])
        #expect(!ruleQuotes(page).contains { $0.text.hasPrefix("Speaking") })
    }

    @Test func taggedContentInsideTheTailIsReplacedByTheClause() throws {
        let input = TaggerInput.make(ScalarText("The vote was never in doubt, Lena Park told reporters outside the council chamber after the meeting."))
        let content = try #require(tokenSpan("the council chamber after the meeting", in: input))
        let found = try #require(QuoteExtractor.adverbialTailReport(content, input: input))
        #expect(input.tokens[found.clause].map(\.text).joined(separator: " ") == "The vote was never in doubt")
        #expect(!found.quoted)
        // Not a part of the tail: the clause itself.
        let clause = try #require(tokenSpan("The vote was never in doubt", in: input))
        #expect(QuoteExtractor.adverbialTailReport(clause, input: input) == nil)
    }

    @Test func tailAfterAQuotedReportIsDropped() throws {
        let input = TaggerInput.make(ScalarText("\u{201C}We are tired of waiting,\u{201D} Lena Park told reporters outside the council chamber."))
        let content = try #require(tokenSpan("the council chamber", in: input))
        let found = try #require(QuoteExtractor.adverbialTailReport(content, input: input))
        #expect(found.quoted)
    }

    @Test func contentAfterAClauseVerbIsNoTail() throws {
        let input = TaggerInput.make(ScalarText("Speaking at the terminal, the harbour master said in a letter the ferry would run daily."))
        let content = try #require(tokenSpan("the ferry would run daily", in: input))
        #expect(QuoteExtractor.adverbialTailReport(content, input: input) == nil)
    }
}

extension AdverbialTailTests {
    @Test func shortTailAfterAListenerIsNoClause() {
        // Seven tokens after the verb: the plain "X said <clause>" form must not take the words
        // after the listener for what was said.
        let page = article(["The town met.", "The plan will fail, she told reporters outside the legislature on Tuesday."])
        let found = quotes(page, model: .empty, off: [])
        #expect(found.map(\.text) == ["The plan will fail"], "found: \(found.map(\.text))")
        #expect(found.first.flatMap { speakerMention(page, $0) } == "she")
        #expect(quotes(page, model: .empty, off: ["adverbialTails"]).map(\.text) != ["The plan will fail"])
    }
}

extension AdverbialTailTests {
    @Test func taggerAndRulesTogetherReportTheClauseNotTheTail() {
        let page = article(["The school board met.", "The board will review the decision next month, the chair said in an email to parents late Thursday."])
        let found = quotes(page)
        #expect(offsetsHold(page, found))
        #expect(found.map(\.text) == ["The board will review the decision next month"], "found: \(found.map(\.text))")
        #expect(found.first.flatMap { speakerMention(page, $0) } == "the chair")
        // Without the mechanism the tagger's span in the tail is reported too.
        let off = quotes(page, model: .shared, off: ["adverbialTails"])
        #expect(off.map(\.text) != ["The board will review the decision next month"])
    }
}
