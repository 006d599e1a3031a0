import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// A transcript's turn without quote marks, "LABEL: <sentence>. <sentence>.", is one content over
/// its paragraph (issue 16), on text written for these tests; the rules alone (an empty tagger
/// model) and with the checked-in tagger.
@Suite struct ColonTurnTests {
    private func ruleQuotes(_ page: Article, off: [String] = []) -> [QuoteOccurrence] {
        quotes(page, model: .empty, off: off)
    }

    @Test func turnRunsToTheParagraphEnd() {
        let page = article([
            "The candidates met on a local radio show.",
            "KATE BELL: The ferry schedule is a mess. Families wait two hours to cross. We will fix it in the first year.",
            "JOE NOLAN: My opponent voted for the cuts.",
        ])
        let found = ruleQuotes(page)
        #expect(offsetsHold(page, found))
        #expect(found.map(\.text) == [
            "The ferry schedule is a mess. Families wait two hours to cross. We will fix it in the first year",
            "My opponent voted for the cuts",
        ], "found: \(found.map(\.text))")
        #expect(found.map { speakerMention(page, $0) ?? "-" } == ["KATE BELL", "JOE NOLAN"])
        // Off: the claim's sentence alone.
        #expect(ruleQuotes(page, off: ["colonTurnParagraphs"]).first?.text == "The ferry schedule is a mess")
        // With the tagger the turn is one content too.
        #expect(quotes(page).contains { $0.text.hasPrefix("The ferry schedule is a mess. Families") && $0.text.hasSuffix("first year") })
    }

    @Test func quotedSentenceEndsNoTurn() {
        // A sentence quoting someone else after the claim: the claim's sentence alone.
        let page = article([
            "Insiders: the mayor will win the vote. The clerk said, \"The count starts on Monday.\"",
        ])
        let found = ruleQuotes(page)
        #expect(found.first?.text == "the mayor will win the vote", "found: \(found.map(\.text))")
    }
}
