import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Two reports in one sentence (issue 16): "X said A, but Y said B", "X argued A, while Y claimed
/// B", "X said A, adding that B". Each report is a content of its own with its own speaker, on
/// sentences written for these tests; the rules alone (an empty tagger model) and with the
/// checked-in tagger.
@Suite struct ReportsInOneSentenceTests {
    private func ruleQuotes(_ page: Article, off: [String] = []) -> [QuoteOccurrence] {
        quotes(page, model: .empty, off: off)
    }

    @Test(arguments: [
        ("The nurses union said the offer was far too low, but the health authority said it could not pay more.",
         "the offer was far too low", "The nurses union", "it could not pay more", "the health authority"),
        ("The premier argued the tax cut would help young families, while critics claimed it would drain the school budget.",
         "the tax cut would help young families", "The premier", "it would drain the school budget", "critics"),
        ("Harbour officials said the ferry would sail on Friday; the crew said the engine was still broken.",
         "the ferry would sail on Friday", "Harbour officials", "the engine was still broken", "the crew"),
        ("The mayor said the rink would open in October, and the arena manager said the ice plant was ready.",
         "the rink would open in October", "The mayor", "the ice plant was ready", "the arena manager"),
    ])
    func secondSubjectStartsASecondReport(_ sentence: String, _ first: String, _ firstSpeaker: String, _ second: String, _ secondSpeaker: String) {
        let page = article(["The talks resumed on Monday.", sentence])
        let found = ruleQuotes(page)
        #expect(offsetsHold(page, found))
        #expect(found.map(\.text) == [first, second], "found: \(found.map(\.text))")
        #expect(found.map { speakerMention(page, $0) ?? "-" } == [firstSpeaker, secondSpeaker])
        // Off: one clause runs over the second report's attribution.
        #expect(ruleQuotes(page, off: ["reportsInOneSentence"]).count == 1)
        // The tagger's content stops where the second report starts too.
        let tagged = quotes(page)
        #expect(tagged.contains { $0.text == first }, "tagged: \(tagged.map(\.text))")
        #expect(tagged.contains { $0.text == second && speakerMention(page, $0) == secondSpeaker }, "tagged: \(tagged.map(\.text))")
    }

    @Test func participleContinuesTheSameSpeaker() {
        let page = article(["Chief Ann Moreau said the band council supports the project, adding that talks with Ottawa are going well."])
        let found = ruleQuotes(page)
        #expect(found.map(\.text) == ["the band council supports the project", "talks with Ottawa are going well"])
        #expect(found.map { speakerMention(page, $0) ?? "-" } == ["Ann Moreau", "Ann Moreau"])
        #expect(found.last?.cue == "adding")
        #expect(ruleQuotes(page, off: ["reportsInOneSentence"]).map(\.text)
            == ["the band council supports the project, adding that talks with Ottawa are going well"])
    }

    @Test(arguments: [
        // A list of subjects, not a second report.
        "The coach said the goalie and the captain said nothing to the referee after the game.",
        // A parenthetical attribution inside one report.
        "The clerk said the vote, the lawyers said, would be held again in the spring.",
        // A relative clause's verb.
        "The minister said the plan, which critics called rushed, would cost little.",
    ])
    func oneReportStaysWhole(_ sentence: String) {
        let page = article([sentence])
        let on = ruleQuotes(page)
        #expect(on.map(\.text) == ruleQuotes(page, off: ["reportsInOneSentence"]).map(\.text), "found: \(on.map(\.text))")
    }
}
