import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// A noun of saying with its "that" clause in the sentence's subject ("The board's statement that
/// <clause> calmed parents"): the clause ends before the sentence's own verb (issue 16), on
/// sentences written for these tests; the rules alone (an empty tagger model).
@Suite struct ReportNounClauseEndTests {
    private func ruleQuotes(_ page: Article, off: [String] = []) -> [QuoteOccurrence] {
        quotes(page, model: .empty, off: off)
    }

    @Test(arguments: [
        ("The school board's statement that the rural school will stay open calmed parents on Monday.",
         "the rural school will stay open", "The school board's"),
        ("The minister's warning that grocery prices will keep rising came a day after the vote.",
         "grocery prices will keep rising", "The minister's"),
        ("The company's claim that the old mill was closed for repairs was never true.",
         "the old mill was closed for repairs", "The company's"),
    ])
    func clauseEndsBeforeTheSentencesVerb(_ sentence: String, _ report: String, _ holder: String) {
        let page = article([sentence])
        let found = ruleQuotes(page)
        #expect(offsetsHold(page, found))
        #expect(found.contains { $0.text == report && speakerMention(page, $0) == holder }, "found: \(found.map(\.text))")
        #expect(!ruleQuotes(page, off: ["nounClauseEndsAtMainVerb"]).contains { $0.text == report })
    }

    @Test(arguments: [
        // The noun is no subject: the clause runs to the sentence's end.
        ("Parents read the board's statement that the rural school will stay open next year.",
         "the rural school will stay open next year"),
        // A subordinate clause's verb is not the sentence's.
        ("Her warning that prices will rise if the bank raised rates again went unheeded.",
         "prices will rise if the bank raised rates again went unheeded"),
    ])
    func clauseKeepsItsEnd(_ sentence: String, _ report: String) {
        let found = ruleQuotes(article([sentence]))
        #expect(found.contains { $0.text == report }, "found: \(found.map(\.text))")
    }
}
