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

    @Test func relativeClauseSubjectIsThePronoun() {
        let page = article(["The plan was drafted by Councillor Ines Moro, who has long opposed the harbour tunnel, in May."])
        let found = ruleQuotes(page)
        #expect(offsetsHold(page, found))
        #expect(found.map(\.text) == ["the harbour tunnel"])
        #expect(found.first?.cue == "opposed")
        #expect(found.first.flatMap { speakerMention(page, $0) } == "who")
    }

    @Test func participleAfterCommaReportsForTheClauseSubject() {
        let page = article(["The teachers union walked out on Friday, criticizing the new exam timetable."])
        let found = ruleQuotes(page)
        #expect(found.map(\.text) == ["the new exam timetable"])
        #expect(found.first?.cue == "criticizing")
        #expect(found.first.flatMap { speakerMention(page, $0) } == "The teachers union")
    }

    @Test func callingForAfterComma() {
        let page = article(["Senator Ana Ruiz spoke in Leeds, calling for a review of bus fares."])
        let found = ruleQuotes(page)
        #expect(found.map(\.text) == ["a review of bus fares"])
        #expect(found.first?.cue == "calling for")
        #expect(found.first?.speaker == "Ana Ruiz")
    }

    @Test func sayingTakesTheClauseToTheSentenceEnd() {
        let page = article(["The ferry company cancelled the late sailings, saying the crews were tired, the weather poor and the pier unsafe."])
        let found = ruleQuotes(page)
        #expect(found.map(\.text) == ["the crews were tired, the weather poor and the pier unsafe"])
        #expect(found.first.flatMap { speakerMention(page, $0) } == "The ferry company")
    }

    @Test func stanceAndParticipleInOneSentence() {
        let page = article(["Mayor Tom Bell rejected the budget, praising the old one."])
        let found = ruleQuotes(page)
        #expect(found.map(\.text) == ["the budget", "the old one"])
    }

    @Test(arguments: [
        "The team, which the council opposed, won the final.",  // "which" is no speaker
        "Walking home, the boys sang loudly.",  // a participle opening the sentence
        "The bridge was closed on Friday, costing the town a market day.",  // no verb of stance
    ])
    func notAStanceReportEither(_ sentence: String) {
        #expect(ruleQuotes(article([sentence])).isEmpty)
    }

    @Test func switchedOff() {
        let page = article(["Senator Ana Ruiz endorsed the new transit levy."])
        #expect(ruleQuotes(page, stanceObjects: false).isEmpty)
    }
}
