import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Nouns of stance with their object ("his support for X") and nouns of report with a "that"
/// clause ("her warning that ..."), on sentences written for these tests, the rules read alone
/// (an empty tagger model).
@Suite struct StanceNounTests {
    private func ruleQuotes(_ page: Article, off: [String] = []) -> [QuoteOccurrence] {
        quotes(page, model: .empty, off: off)
    }

    private func reports(_ page: Article, off: [String] = []) -> [String] {
        ruleQuotes(page, off: off).map { "\(speakerMention(page, $0) ?? "-"): \($0.text)" }
    }

    @Test func possessivePronounHoldsTheStance() {
        let page = article(["Governor Ana Ruiz spoke in May.", "Her support for the harbour plan surprised the council."])
        let found = ruleQuotes(page)
        #expect(offsetsHold(page, found))
        #expect(reports(page) == ["Her: the harbour plan"])
        #expect(found.first?.cue == "support for")
        // The speaker is the person the possessive stands for; the mention stays "Her".
        #expect(found.first?.speaker == "Ana Ruiz")
        #expect(found.first?.kind == .indirect)
        #expect(ruleQuotes(page, off: ["stanceNouns"]).isEmpty)
    }

    @Test func possessiveNameWithModifiers() {
        let page = article(["Sen. Tom Bell's energetic endorsement of Ruiz came late."])
        #expect(reports(page) == ["Tom Bell's: Ruiz"])  // the mention without the title
        // Without one-word objects the name alone is no object.
        #expect(ruleQuotes(page, off: ["stanceNameObjects"]).isEmpty)
    }

    @Test func appositionBeforeTheNoun() {
        let page = article(["The money came from Ines Moro, a fierce critic of the new rail tax, on Monday."])
        #expect(reports(page) == ["Ines Moro: the new rail tax"])
    }

    @Test func subjectOfBe() {
        let page = article(["The union has been an early opponent of the harbour plan."])
        #expect(reports(page) == ["The union: the harbour plan"])
    }

    @Test func inSupportOf() {
        let page = article(["The teachers union came out in support of the new school budget on Friday."])
        #expect(reports(page) == ["The teachers union: the new school budget on Friday"])
    }

    @Test(arguments: [
        "The attack on the embassy killed two guards.",  // no one holds it
        "The plan passed with the support of the unions.",  // the object holds the stance
        "Many supporters of the plan came to the hall.",  // no determiner, no possessor
        "The mayor praised the support for the plan.",  // "the" with neither "be" nor a comma
    ])
    func nounWithNoHolderReportsNothing(_ sentence: String) {
        #expect(reports(article([sentence]), off: ["stanceObjects"]).isEmpty, "\(reports(article([sentence])))")
    }

    @Test func reportNounWithAThatClause() {
        let page = article(["Tom Bell spoke on Monday.", "His warning that the bridge would close next week upset the drivers."])
        let found = ruleQuotes(page)
        #expect(offsetsHold(page, found))
        #expect(reports(page) == ["His: the bridge would close next week upset the drivers"])
        #expect(found.first?.cue == "warning that")
        #expect(ruleQuotes(page, off: ["reportNounClauses"]).isEmpty)
    }

    @Test func possessiveNameBeforeAClaim() {
        let page = article(["The company's claim that prices will fall next year drew laughter."])
        // The clause ends before the sentence's own verb (``QuoteExtractorOptions/nounClauseEndsAtMainVerb``).
        #expect(reports(page) == ["The company's: prices will fall next year"])
    }

    @Test(arguments: [
        "His claim that he made was false.",  // a relative clause, too short
        "The claim that prices will fall next year drew laughter.",  // no holder
    ])
    func thatClauseWithNoReport(_ sentence: String) {
        #expect(reports(article([sentence])).isEmpty, "\(reports(article([sentence])))")
    }

    @Test func verbOfAttackReportsItsObject() {
        let page = article(["The mayor attacked the new rail tax."])
        #expect(reports(page) == ["The mayor: the new rail tax"])
        #expect(ruleQuotes(page, off: ["moreStanceVerbs"]).isEmpty)
    }

    @Test func theirStandsForTheClauseSubject() {
        let page = article(["Both unions renewed their criticism of the harbour plan."])
        #expect(reports(page) == ["Both unions: the harbour plan"])
    }

    @Test func objectEndsBeforeASecondVerb() {
        let page = article(["The mayor thanked the harbour workers and spoke of her plans for the port."])
        #expect(reports(page).first == "The mayor: the harbour workers")
        #expect(reports(page, off: ["objectStopsAtVerb"]).first == "The mayor: the harbour workers and spoke of her plans for the port")
    }

    @Test func loneIngWordIsNoSubject() {
        let page = article(["Having lambasted the council for its delays, the mayor left."])
        #expect(reports(page).isEmpty, "\(reports(page))")
    }

    @Test func possessiveNameAfterAVerb() {
        let page = article(["The council president rebutted Ana Ruiz's claim that the port would lose money next year."])
        #expect(reports(page) == ["Ana Ruiz's: the port would lose money next year"])
    }

    @Test func appositionThatIsNoName() {
        let page = article(["Since last week, the special prosecutor investigating allegations that the port lost money has met twice."])
        #expect(!reports(page).contains { $0.hasPrefix("last week") }, "\(reports(page))")
    }
}
