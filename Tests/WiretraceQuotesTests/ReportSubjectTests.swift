import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// "X said (that) <clause>" where the subject is not the sentence's first phrase, days after the
/// verb, and fronted or inverted reports that are neither (issue 16), on sentences written for
/// these tests. The rules are read alone (an empty tagger model).
@Suite struct ReportSubjectTests {
    private func ruleQuotes(_ page: Article, off: [String] = []) -> [QuoteOccurrence] {
        quotes(page, model: .empty, off: off)
    }

    // MARK: subjects beside commas

    @Test(arguments: [
        ("On Tuesday, the harbour commission said the ferry would resume service in June.",
         "the ferry would resume service in June", "the harbour commission"),
        ("Speaking to reporters outside the courthouse, the lawyer said her client would appeal the verdict.",
         "her client would appeal the verdict", "the lawyer"),
        ("Nora Quill, a nurse at the county hospital, said the night shifts were short of staff.",
         "the night shifts were short of staff", "Nora Quill"),
        ("Ben Oduya, who has coached the team for a decade, said the new field would help young players.",
         "the new field would help young players", "Ben Oduya"),
    ])
    func subjectAfterAnOpeningPhraseOrBeforeAnApposition(_ sentence: String, _ report: String, _ speaker: String) {
        let page = article(["The town met on Monday.", sentence])
        let found = ruleQuotes(page)
        #expect(offsetsHold(page, found))
        #expect(found.map(\.text) == [report], "found: \(found.map(\.text))")
        #expect(found.first.flatMap { speakerMention(page, $0) } == speaker)
        #expect(found.first?.kind == .indirect)
        #expect(!ruleQuotes(page, off: ["subjectsBesideCommas"]).contains { $0.text == report })
    }

    // MARK: days after the verb

    @Test func adverbBeforeThatIsNotReported() {
        let page = article(["The harbour commission has said repeatedly that the ferry fares will not rise."])
        #expect(ruleQuotes(page).map(\.text) == ["the ferry fares will not rise"])
        #expect(quotes(page).map(\.text) == ["the ferry fares will not rise"])
        #expect(ruleQuotes(page, off: ["adverbBeforeThat"]).map(\.text) != ["the ferry fares will not rise"])
    }

    @Test func dayAfterTheVerbIsNotReported() {
        let page = article(["The port authority said Thursday it would hire forty more inspectors."])
        #expect(ruleQuotes(page).map(\.text) == ["it would hire forty more inspectors"])
        #expect(ruleQuotes(page, off: ["timeAfterVerb"]).map(\.text) == ["Thursday it would hire forty more inspectors"])
    }

    @Test func dayAfterTheListenerIsNotReported() {
        let page = article(["Mayor Ines Moro told reporters on Monday the bridge plan was dead."])
        let found = ruleQuotes(page)
        #expect(found.map(\.text) == ["the bridge plan was dead"])
        #expect(found.first.flatMap { speakerMention(page, $0) }?.hasSuffix("Ines Moro") == true)
        #expect(ruleQuotes(page, off: ["timeAfterVerb"]).isEmpty)
    }

    // MARK: fronted and inverted reports

    @Test func sceneBeforeTheSubjectIsNoReport() {
        let page = article(["Speaking at the town hall on Friday, the mayor said the budget would grow."])
        // Without the subject rule the sentence reads as "<clause>, X said": the scene is no report.
        #expect(!ruleQuotes(page, off: ["subjectsBesideCommas"]).contains { $0.text.hasPrefix("Speaking") })
        #expect(ruleQuotes(page, off: ["subjectsBesideCommas", "complementNotFronted", "openingSceneNotReported"])
            .contains { $0.text.hasPrefix("Speaking") })
    }

    @Test func clauseAfterSaidIsNoInvertedSpeaker() {
        let page = article(["Jo Park, a farmer near the river, said the water came up overnight."])
        let off = ruleQuotes(page, off: ["subjectsBesideCommas"])
        #expect(!off.contains { $0.text.hasPrefix("Jo Park") }, "found: \(off.map(\.text))")
        let bothOff = ruleQuotes(page, off: ["subjectsBesideCommas", "complementNotFronted"])
        #expect(bothOff.contains { $0.text.hasPrefix("Jo Park") })
    }

    @Test(arguments: [
        ("The shelter is full most nights, said Maria Gomez, who runs the program.", "The shelter is full most nights", "Maria Gomez"),
        ("Waiting lists will come down by the spring, the minister said Tuesday.", "Waiting lists will come down by the spring", "the minister"),
        ("The new rules will cost farmers dearly, the federation said in a statement.", "The new rules will cost farmers dearly", "the federation"),
        // A comma after the verb: the words before the subject are the report, not a scene.
        ("The roads flooded near the river, she said, adding that crews were out.", "The roads flooded near the river", "she"),
    ])
    func frontedReportsStillFound(_ sentence: String, _ report: String, _ speaker: String) {
        let page = article([sentence])
        let found = ruleQuotes(page)
        #expect(found.map(\.text) == [report], "found: \(found.map(\.text))")
        #expect(found.first.flatMap { speakerMention(page, $0) } == speaker)
    }

    @Test func irregularPastIsNoSpeakerPhrase() throws {
        let input = TaggerInput.make(ScalarText("Jo Park, a farmer near the river, said the water came up overnight."))
        let texts = input.tokens.map(\.text)
        let start = try #require(texts.firstIndex(of: "said")) + 1
        let content = start...(try #require(texts.firstIndex(of: "overnight")))
        #expect(QuoteExtractor.invertedReport(content, input: input, irregularPasts: true) == nil)
        #expect(QuoteExtractor.invertedReport(content, input: input, irregularPasts: false) != nil)
    }

    // MARK: attributions with a tail

    @Test(arguments: [
        ("Most of the damage came from wind rather than water, she said, adding that crews would clear the main roads overnight.",
         "Most of the damage came from wind rather than water", "she"),
        ("The vote will be close in the northern ridings, said Omar Reyes, a pollster who has tracked the region for two decades.",
         "The vote will be close in the northern ridings", "Omar Reyes"),
    ])
    func reportBeforeAnAttributionWithATail(_ sentence: String, _ report: String, _ speaker: String) {
        let page = article([sentence])
        let found = ruleQuotes(page)
        #expect(offsetsHold(page, found))
        let quote = found.first { $0.text == report }
        #expect(quote != nil, "found: \(found.map(\.text))")
        #expect(quote.flatMap { speakerMention(page, $0) } == speaker)
        #expect(!ruleQuotes(page, off: ["attributionTails"]).contains { $0.text == report })
    }

    @Test func longClauseAfterTheVerbIsNoTail() {
        // Nine words and no comma after "said": what follows is no attribution's tail.
        let page = article(["The region is dry this year, and officials said the reservoirs would stay below half their usual level all summer."])
        #expect(!ruleQuotes(page).contains { $0.text.hasPrefix("The region is dry") })
    }

    // MARK: an opening scene is no report

    @Test(arguments: [
        "Asked about the delays at the new terminal, the airport's director told reporters over the weekend, \"We are hiring.\"",
        "In his weekly newsletter, the councillor continued to question the budget.",
        "Though the talks with the province were tense, the chief has told band members he expects a deal soon, according to two people at the meeting.",
    ])
    func openingSceneIsNoReport(_ sentence: String) {
        let page = article(["The meeting ran late.", sentence])
        let scene = String(sentence.prefix { $0 != "," })
        #expect(!ruleQuotes(page).contains { $0.text.hasPrefix(scene) }, "found: \(ruleQuotes(page).map(\.text))")
    }

    @Test func openingSceneSwitchedOff() {
        let page = article(["In his weekly newsletter, the councillor continued to question the budget."])
        #expect(ruleQuotes(page, off: ["openingSceneNotReported"]).contains { $0.text.hasPrefix("In his weekly newsletter") })
    }

    @Test func conditionalBeforeTheAttributionIsStillReported() {
        let page = article(["If the river keeps rising, the bridge will close, the mayor said."])
        #expect(ruleQuotes(page).map(\.text) == ["If the river keeps rising, the bridge will close"])
    }

    // MARK: a second reporting verb

    @Test func secondReportingVerbEndsTheClause() {
        let page = article(["The mayor said the ferry would run all winter and later said the fares would stay the same."])
        #expect(ruleQuotes(page).first?.text == "the ferry would run all winter")
        #expect(ruleQuotes(page, off: ["secondVerbEndsClause"]).first?.text
            == "the ferry would run all winter and later said the fares would stay the same")
    }

    @Test func andWithoutAReportingVerbStaysInTheClause() {
        let page = article(["The mayor said the ferry would run all winter and the fares would stay the same."])
        #expect(ruleQuotes(page).first?.text == "the ferry would run all winter and the fares would stay the same")
    }

    // MARK: a subject with a prepositional phrase

    @Test func subjectRunsBackOverItsPreposition() {
        let page = article(["The county's head of public works told council members the bridge repairs were months behind schedule."])
        let found = ruleQuotes(page)
        #expect(found.map(\.text) == ["the bridge repairs were months behind schedule"])
        #expect(found.first.flatMap { speakerMention(page, $0) } == "The county's head of public works")
        #expect(!ruleQuotes(page, off: ["subjectsWithPrepositions"]).contains { $0.text == "the bridge repairs were months behind schedule" })
    }
}

extension ReportSubjectTests {
    @Test func thatInsideTheClauseIsNotItsStart() {
        let page = article(["The coach said he hoped that the new arena would open before the season."])
        #expect(ruleQuotes(page).map(\.text) == ["he hoped that the new arena would open before the season"])
        #expect(ruleQuotes(page, off: ["thatBeforeRuleClause"]).map(\.text) == ["the new arena would open before the season"])
        let adverbial = article(["The board said in a letter to parents that classes would resume on Monday."])
        #expect(ruleQuotes(adverbial).map(\.text) == ["classes would resume on Monday"])
    }
}

/// When a tagged span is taken for a rule's clause (``QuoteExtractorOptions/thatBeforeRuleClause``).
@Suite struct ThatBeforeRuleClauseTests {
    @Test func complementiserIsNoWordOutsideTheClause() throws {
        let text = ScalarText("The school board said in a letter to parents that classes would resume on Monday.")
        let input = TaggerInput.make(text)
        let texts = input.tokens.map(\.text)
        let to = try #require(texts.firstIndex(of: "to"))
        let classes = try #require(texts.firstIndex(of: "classes"))
        let monday = try #require(texts.firstIndex(of: "Monday"))
        let range = input.tokens[classes].start..<input.tokens[monday].end
        let rule = QuoteOccurrence(start: range.lowerBound, end: range.upperBound, text: text.string(range), kind: .indirect, cue: "said")
        // The tagged "to parents that classes would resume on Monday": two words and "that" before the clause.
        #expect(QuoteExtractor(model: .empty).covers(rule, to...monday, input: input))
        var options = QuoteExtractorOptions()
        #expect(QuoteExtractorOptions.switchOff("thatBeforeRuleClause", in: &options))
        #expect(!QuoteExtractor(model: .empty, options: options).covers(rule, to...monday, input: input))
    }
}
