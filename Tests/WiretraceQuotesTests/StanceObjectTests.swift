import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// The object of a verb of stance as the reported content of its subject, read by the rules alone
/// (an empty tagger model) so the rule's own spans are what is checked.
@Suite struct StanceObjectTests {
    private func ruleQuotes(_ page: Article, stanceObjects: Bool = true) -> [QuoteOccurrence] {
        var options = QuoteExtractorOptions()
        options.stanceObjects = stanceObjects
        return QuoteExtractor(model: .empty, options: options).quotes(in: page)
    }

    @Test func objectOfStanceVerbIsIndirectContent() {
        let page = article(["Senator Ana Ruiz endorsed the new transit levy."])
        let found = ruleQuotes(page)
        #expect(offsetsHold(page, found))
        #expect(found.count == 1)
        #expect(found.first?.kind == .indirect)
        #expect(found.first?.text == "the new transit levy")
        #expect(found.first?.speaker == "Ana Ruiz")
        #expect(found.first?.cue == "endorsed")
    }

    @Test func shortSentenceWithPronounSubject() {
        let page = article(["Mayor Tom Bell spoke at the depot.", "He denied the charges."])
        let found = ruleQuotes(page)
        #expect(found.count == 1)
        #expect(found.first?.text == "the charges")
        #expect(found.first.flatMap { speakerMention(page, $0) } == "He")
    }

    @Test func calledForTakesWhatFollowsFor() {
        let page = article(["The union has called for an independent review of the exams."])
        let found = ruleQuotes(page)
        #expect(found.first?.text == "an independent review of the exams")
        #expect(found.first?.cue == "called for")
        #expect(found.first.flatMap { speakerMention(page, $0) } == "The union")
    }

    @Test func subjectAfterFrontedPhrase() {
        let page = article(["On Monday, the harbour authority opposed the new shipping lane."])
        let found = ruleQuotes(page)
        #expect(found.first?.text == "the new shipping lane")
        #expect(found.first.flatMap { speakerMention(page, $0) } == "the harbour authority")
    }

    @Test func objectStopsAtComma() {
        let page = article(["Councillor Ines Moro rejected the proposal, arguing it cost too much."])
        let found = ruleQuotes(page)
        #expect(found.first?.text == "the proposal")
    }

    @Test(arguments: [
        "The plan was backed by the council last spring.",  // passive: the subject is not the holder
        "The road that the council opposed will open in May.",  // a relative clause
        "Nobody expected the team to win the final.",  // no verb of stance
        "Maria Lopez denied it.",  // an object of one word
    ])
    func notAStanceReport(_ sentence: String) {
        #expect(ruleQuotes(article([sentence])).isEmpty)
    }

    @Test func switchedOff() {
        let page = article(["Senator Ana Ruiz endorsed the new transit levy."])
        #expect(ruleQuotes(page, stanceObjects: false).isEmpty)
    }
}
