import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Forms of reported speech the tagger rarely finds (issue 16), on sentences written for these
/// tests: a stance's object of one word, the -ing forms of stance verbs, "<speaker>: <claim>"
/// opening a paragraph, and the head of a report split by a parenthetical "X said". The rules are
/// read alone (an empty tagger model), the split head on tokens given by hand.
@Suite struct IndirectFormsTests {
    private func ruleQuotes(_ page: Article, off: [String] = []) -> [QuoteOccurrence] {
        quotes(page, model: .empty, off: off)
    }

    // MARK: a stance's object of one word

    @Test func nameAloneIsAStanceObject() {
        let page = article(["The teachers union endorsed Ruiz."])
        let found = ruleQuotes(page)
        #expect(offsetsHold(page, found))
        #expect(found.map(\.text) == ["Ruiz"])
        #expect(found.first.flatMap { speakerMention(page, $0) } == "The teachers union")
        #expect(ruleQuotes(page, off: ["stanceNameObjects"]).isEmpty)
    }

    @Test func objectPronounAloneIsAStanceObject() {
        let page = article(["Governor Ana Ruiz spoke in May.", "The mayor later backed her."])
        #expect(ruleQuotes(page).map(\.text) == ["her"])
    }

    @Test(arguments: [
        "Maria Lopez denied it.",  // "it" stands for no one
        "The council opposed The.",  // a determiner is no name
    ])
    func oneWordThatIsNoObject(_ sentence: String) {
        #expect(ruleQuotes(article([sentence])).isEmpty)
    }

    // MARK: the -ing forms of stance verbs

    @Test func progressiveStanceVerb() {
        let page = article(["Mayor Tom Bell is backing the new harbour plan."])
        let found = ruleQuotes(page)
        #expect(found.map(\.text) == ["the new harbour plan"])
        #expect(found.first.flatMap { speakerMention(page, $0) }?.hasSuffix("Tom Bell") == true)
        #expect(found.first?.cue == "backing")
        #expect(ruleQuotes(page, off: ["stanceGerunds"]).isEmpty)
    }

    @Test func reducedRelativeClause() {
        let page = article(["Last year the bank gave money to a group backing Ana Ruiz."])
        let found = ruleQuotes(page)
        #expect(found.map(\.text) == ["Ana Ruiz"])
        #expect(found.first.flatMap { speakerMention(page, $0) } == "a group")
    }

    @Test(arguments: [
        "The company was backing out of the deal.",  // a particle, not an object
        "The senators, backing away from the vote, left early.",  // after a comma: the participle rule's
        "Supporters of the mayor are opposing.",  // no object
    ])
    func gerundThatReportsNothing(_ sentence: String) {
        #expect(ruleQuotes(article([sentence]), off: ["stanceParticiples"]).isEmpty)
    }

    // MARK: "<speaker>: <claim>"

    @Test func colonAfterAShortOpeningPhrase() {
        let page = article(["Insiders: the mayor will win the vote.", "The count starts on Monday."])
        let found = ruleQuotes(page)
        #expect(offsetsHold(page, found))
        #expect(found.map(\.text) == ["the mayor will win the vote"])
        #expect(found.first.flatMap { speakerMention(page, $0) } == "Insiders")
        #expect(found.first?.kind == .indirect)
        #expect(ruleQuotes(page, off: ["colonClaims"]).isEmpty)
    }

    @Test func transcriptTurnWithoutQuoteMarks() {
        let page = article(["KATE BELL: Why not hold a debate?", "JOE NOLAN: We will hold one soon."])
        let found = ruleQuotes(page)
        #expect(found.map(\.text) == ["Why not hold a debate", "We will hold one soon"])
        #expect(found.map { speakerMention(page, $0) } == ["KATE BELL", "JOE NOLAN"])
    }

    @Test(arguments: [
        "5:45 p.m. The polls close in the west.",  // a time
        "The mayor had one message for the council: build more homes now.",  // not a short opening phrase
        "The city said the plan had two parts: roads and rail.",  // a colon inside a report
        "Prices: up.",  // one word after the colon
    ])
    func colonThatIsNoClaim(_ sentence: String) {
        let found = ruleQuotes(article([sentence, "Nothing else happened."]))
        #expect(!found.contains { $0.cue == ":" }, "found: \(found.map(\.text))")
    }

    @Test func colonLaterInTheParagraphIsNoClaim() {
        let page = article(["The vote was close. Insiders: the mayor will win."])
        #expect(!ruleQuotes(page).contains { $0.cue == ":" })
    }

    // MARK: the head of a split report

    private func firstIndex(of word: String, in input: TaggerInput, after k: Int = 0) -> Int? {
        input.tokens.indices.first { $0 >= k && input.tokens[$0].text == word }
    }

    private func text(_ range: ClosedRange<Int>?, _ input: TaggerInput) -> String? {
        range.map { input.tokens[$0].map(\.text).joined(separator: " ") }
    }

    @Test func headBeforeHeSaid() throws {
        let input = TaggerInput.make(ScalarText("Loyalty, he noted, has long been a core value of the party."))
        let first = try #require(firstIndex(of: "has", in: input))
        #expect(text(QuoteExtractor.splitReportHead(before: first, input: input), input) == "Loyalty")
    }

    @Test func headBeforeSaidName() throws {
        let input = TaggerInput.make(ScalarText("Rents rose. At the time, said Ana Ruiz, the city had no plan."))
        let first = try #require(firstIndex(of: "the", in: input, after: 8))
        #expect(text(QuoteExtractor.splitReportHead(before: first, input: input), input) == "At the time")
    }

    @Test func headBeforeAQuotedRest() throws {
        let input = TaggerInput.make(ScalarText("Above all, Ruiz said, \u{201C}we need homes.\u{201D}"))
        let first = try #require(firstIndex(of: "we", in: input))
        #expect(text(QuoteExtractor.splitReportHead(before: first, input: input), input) == "Above all")
    }

    @Test func noHeadWithoutAParentheticalCue() throws {
        // Between commas, but no reporting verb.
        let a = TaggerInput.make(ScalarText("In May, the old mayor, the council voted for the plan."))
        #expect(QuoteExtractor.splitReportHead(before: try #require(firstIndex(of: "the", in: a, after: 6)), input: a) == nil)
        // A quote split by its attribution: the head is quoted, the rules' direct quote.
        let b = TaggerInput.make(ScalarText("\u{201C}The plan,\u{201D} he said, \u{201C}will fail.\u{201D}"))
        #expect(QuoteExtractor.splitReportHead(before: try #require(firstIndex(of: "will", in: b)), input: b) == nil)
        // The head holds a reporting verb of its own.
        let c = TaggerInput.make(ScalarText("Ruiz said the plan, he added, would fail."))
        #expect(QuoteExtractor.splitReportHead(before: try #require(firstIndex(of: "would", in: c)), input: c) == nil)
    }
}

extension IndirectFormsTests {
    @Test(arguments: [
        "Contributors: Ann Berg, Tom Bell and Ines Moro.",  // a credit line
        "Staff: Nicholas Zazulia, Medill News Service.",
        "Credit: The Associated Press.",  // a credit line
    ])
    func listOfNamesAfterAColonIsNoClaim(_ sentence: String) {
        let found = QuoteExtractor(model: .empty).quotes(in: article([sentence, "Nothing else happened."]))
        #expect(!found.contains { $0.cue == ":" }, "found: \(found.map(\.text))")
    }
}

extension IndirectFormsTests {
    @Test func pageFurnitureBeforeAColonIsNoSpeaker() {
        // "Video" and "More" are written in lower case elsewhere in the text; "Posted" is a past form.
        let page = article([
            "Video: heavy rain floods the old harbour road.", "More: the storm will reach the coast tonight.",
            "Posted: early on Monday morning.", "The video shows more water than last year.",
        ])
        let found = ruleQuotes(page)
        #expect(!found.contains { $0.cue == ":" }, "found: \(found.map { "\($0.speaker ?? "-"): \($0.text)" })")
    }
}
