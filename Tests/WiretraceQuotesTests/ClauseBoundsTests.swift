import Testing
@testable import WiretraceQuotes

/// The reported clause's bounds around a tagged content (``QuoteExtractor/extendedToClauseBounds``)
/// and the inverted attribution "<report>, said X" (``QuoteExtractor/invertedReport``), on token
/// spans given by hand, independent of the trained weights.
@Suite struct ClauseBoundsTests {
    /// The input of `text`, and the token range of the first occurrence of `words` (space-separated tokens).

    private func text(_ range: ClosedRange<Int>, _ input: TaggerInput) -> String {
        input.tokens[range].map(\.text).joined(separator: " ")
    }

    /// Tags with the given content and cue spans, everything else outside.
    private func tagged(_ input: TaggerInput, contents: [ClosedRange<Int>], cues: [ClosedRange<Int>]) -> TaggedAttributions {
        var tags = [QuoteTag](repeating: .outside, count: input.tokens.count)
        for c in contents {
            tags[c.lowerBound] = .contentBegin
            for k in c.dropFirst() { tags[k] = .contentInside }
        }
        for c in cues {
            tags[c.lowerBound] = .cueBegin
            for k in c.dropFirst() { tags[k] = .cueInside }
        }
        return TaggedAttributions(input: input, tags: tags)
    }

    @Test func clauseAfterItsVerbRunsToTheSentenceEnd() throws {
        let input = TaggerInput.make(ScalarText("The minister said the budget would grow, but the deficit would shrink next year. Then she left."))
        let content = try #require(tokenSpan("the budget would grow", in: input))
        let cue = try #require(tokenSpan("said", in: input))
        let t = tagged(input, contents: [content], cues: [cue])
        let bounds = QuoteExtractor.extendedToClauseBounds(content, cue: cue, input: input, tagged: t, toEnd: true, fromStart: false)
        #expect(text(bounds, input) == "the budget would grow , but the deficit would shrink next year")
        // Off: unchanged.
        #expect(QuoteExtractor.extendedToClauseBounds(content, cue: cue, input: input, tagged: t, toEnd: false, fromStart: false) == content)
    }

    @Test func clauseStopsAtAnotherContentOrAQuote() throws {
        let input = TaggerInput.make(ScalarText("The minister said the budget would grow, and \"nobody will pay more\"."))
        let content = try #require(tokenSpan("the budget would grow", in: input))
        let cue = try #require(tokenSpan("said", in: input))
        let t = tagged(input, contents: [content], cues: [cue])
        // A quote later in the sentence: the rest of the sentence is not free, the span stays.
        #expect(QuoteExtractor.extendedToClauseBounds(content, cue: cue, input: input, tagged: t, toEnd: true, fromStart: true) == content)
    }

    @Test func frontedClauseStartsTheSentence() throws {
        let input = TaggerInput.make(ScalarText("Rents rose again. In the old quarter, rents have doubled in five years, he said."))
        let content = try #require(tokenSpan("rents have doubled in five years", in: input))
        let cue = try #require(tokenSpan("said", in: input))
        let t = tagged(input, contents: [content], cues: [cue])
        let bounds = QuoteExtractor.extendedToClauseBounds(content, cue: cue, input: input, tagged: t, toEnd: true, fromStart: true)
        #expect(text(bounds, input) == "In the old quarter , rents have doubled in five years")
    }

    @Test func invertedSubjectIsTheSpeakerNotTheReport() throws {
        let input = TaggerInput.make(ScalarText(
            "The mill lost money. The plant is under pressure from cheap imports, said the company's chief executive, Rolf Amundsen."))
        let speaker = try #require(tokenSpan("the company's chief executive , Rolf Amundsen", in: input))
        let report = try #require(QuoteExtractor.invertedReport(speaker, input: input))
        #expect(text(report, input) == "The plant is under pressure from cheap imports")
    }

    @Test func clauseAfterACommaAndAVerbIsNoInvertedSubject() throws {
        let input = TaggerInput.make(ScalarText("He paused, said he was tired of the delays, and left."))
        let content = try #require(tokenSpan("he was tired of the delays", in: input))
        // A pronoun opens a clause, not a noun phrase; and the content does not end the sentence.
        #expect(QuoteExtractor.invertedReport(content, input: input) == nil)
        // A capitalised clause after "said" has its own verb: it is what was said, not the speaker.
        let input3 = TaggerInput.make(ScalarText("The senator, however, said The Ledger had erred in its report."))
        let clause = try #require(tokenSpan("The Ledger had erred in its report", in: input3))
        #expect(QuoteExtractor.invertedReport(clause, input: input3) == nil)
        let input2 = TaggerInput.make(ScalarText("\"We will rebuild,\" said the mayor."))
        let mayor = try #require(tokenSpan("the mayor", in: input2))
        // The verb follows a closing mark, the report is a direct quote: the quote-mark rules attribute it.
        #expect(QuoteExtractor.invertedReport(mayor, input: input2) == nil)
    }
}
