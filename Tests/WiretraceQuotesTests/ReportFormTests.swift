import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Indirect reports whose clause does not start right after the verb, and reports without a verb
/// of saying, on sentences written for these tests (issue 16): the rules alone (no tagger), each
/// form with its option switched off as well (``QuoteExtractorOptions``).
@Suite struct ReportFormTests {
    /// The rules' reports (no tagger) of one paragraph, with `off` switched off.
    private func reports(_ text: String, off: [String] = []) -> [QuoteOccurrence] {
        let page = article([text])
        let found = quotes(page, model: .empty, off: off)
        #expect(offsetsHold(page, found))
        return found
    }

    private func mention(_ text: String, _ quote: QuoteOccurrence) -> String? { speakerMention(article([text]), quote) }

    @Test(arguments: [
        ("The minister said in a news release the money will go to rural clinics.", "the money will go to rural clinics"),
        ("The principal wrote in a letter to Ann Berg on Monday the gym will stay closed.", "the gym will stay closed"),
        ("The agency said during a briefing Tuesday it had found no trace of the virus.", "it had found no trace of the virus"),
    ])
    func mediumBeforeTheClause(_ text: String, _ clause: String) {
        #expect(reports(text).contains { $0.text == clause }, "\(reports(text).map(\.text))")
        #expect(!reports(text, off: ["mediumBeforeClause"]).contains { $0.text == clause })
    }

    @Test func mediumNeedsAMediumNoun() {
        // "in Ottawa" names a place, not a medium: no clause is read after it.
        #expect(QuoteExtractor.clauseAfterMedium(from: 0, end: 6, tokens: Tokenizer.tokens(ScalarText("in Ottawa the plan will fail"))) == nil)
        #expect(QuoteExtractor.clauseAfterMedium(from: 0, end: 7, tokens: Tokenizer.tokens(ScalarText("in a statement the plan will fail"))) == 3)
    }

    @Test(arguments: [
        ("Environment Canada warned residents Tuesday that the storm could bring 40 centimetres of snow.",
         "the storm could bring 40 centimetres of snow"),
        ("The coach assured parents that the trip to Halifax would go ahead.", "the trip to Halifax would go ahead"),
        ("The landlord reminded them that rent is due on the first of the month.", "rent is due on the first of the month"),
    ])
    func listenerBeforeThat(_ text: String, _ clause: String) {
        let found = reports(text)
        #expect(found.contains { $0.text == clause }, "\(found.map(\.text))")
        #expect(!reports(text, off: ["listenerBeforeThat"]).contains { $0.text == clause })
    }

    @Test func otherVerbsKeepTheirObject() {
        // "said the plan that ...": a relative "that" after another verb's object opens no clause.
        let tokens = Tokenizer.tokens(ScalarText("The mayor said the plan that the council passed was flawed."))
        #expect(QuoteExtractor.listenerThat(afterVerbAt: 2, end: tokens.count - 1, tokens: tokens, finder: SpeakerFinder(tokens: tokens)) == nil)
    }

    @Test func beliefAfterAnAdjective() throws {
        let text = "The fire chief is confident that the new radios will be in place by July."
        let found = try #require(reports(text).first { $0.text == "the new radios will be in place by July" })
        #expect(mention(text, found) == "The fire chief")
        #expect(!reports(text, off: ["stanceAdjectiveClauses"]).contains { $0.text.hasPrefix("the new radios") })
        // An adjective of another kind says nothing of what the subject holds.
        #expect(reports("The road is so narrow that two trucks cannot pass each other.").isEmpty)
    }

    @Test func viewOpeningTheSentence() throws {
        let text = "In the minister's view, the pipeline poses little risk to the river."
        let found = try #require(reports(text).first { $0.text == "the pipeline poses little risk to the river" })
        #expect(mention(text, found) == "the minister's")
        #expect(!reports(text, off: ["viewPhrases"]).contains { $0.text.hasPrefix("the pipeline") })
        let other = "In the view of the panel, the rules should be simpler for small farms."
        #expect(reports(other).contains { $0.text == "the rules should be simpler for small farms" })
        // "In the end," is no one's view.
        #expect(reports("In the end, the council voted to keep the old library open.").isEmpty)
    }

    @Test func parentheticalWithADay() throws {
        let text = "The plan, the mayor said Tuesday, will cost about $4 million."
        let found = reports(text)
        let rest = try #require(found.first { $0.text == "will cost about $4 million" }, "\(found.map(\.text))")
        #expect(mention(text, rest) == "the mayor")
        #expect(!reports(text, off: ["parentheticalAttributions"]).contains { $0.text == "will cost about $4 million" })
        // "..., she said, adding that ...": the participle goes on with the same speaker, not a rest.
        #expect(QuoteExtractor.parentheticalRest(
            subject: 2...2, comma: 4, sentenceStart: 0, end: 10,
            tokens: Tokenizer.tokens(ScalarText("Fares, she said, adding that buses run late.")),
            finder: SpeakerFinder(tokens: Tokenizer.tokens(ScalarText("Fares, she said, adding that buses run late.")))) == nil)
    }

    @Test func headBeforeAParentheticalWithADay() throws {
        let input = TaggerInput.make(ScalarText("The plan, the mayor said Tuesday, will cost about $4 million."))
        let first = try #require(tokenSpan("will", in: input)).lowerBound
        let head = try #require(QuoteExtractor.splitReportHead(before: first, input: input, timeWords: true))
        #expect(input.tokens[head].map(\.text).joined(separator: " ") == "The plan")
        #expect(QuoteExtractor.splitReportHead(before: first, input: input, timeWords: false) == nil)
    }

    @Test(arguments: [
        ("Most economists believe the central bank will hold rates steady.", "the central bank will hold rates steady"),
        ("Farmers fear the drought will cut the wheat harvest in half.", "the drought will cut the wheat harvest in half"),
    ])
    func thoughtVerbs(_ text: String, _ clause: String) {
        #expect(reports(text).contains { $0.text == clause }, "\(reports(text).map(\.text))")
        #expect(!reports(text, off: ["thoughtVerbClauses"]).contains { $0.text == clause })
    }

    @Test func thoughtInsideASpeechReportOrBeforeAnInfinitive() {
        // The verb of saying reports the whole clause, the thought with it.
        #expect(!reports("I think the council will vote on Tuesday, one member said.").contains { $0.cue == "think" })
        #expect(reports("Nobody expected the team to win the final.").isEmpty)
    }
}
