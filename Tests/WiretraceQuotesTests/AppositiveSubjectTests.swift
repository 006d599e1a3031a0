import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// A fronted report whose subject is a name and a role in apposition ("<clause>, the union's
/// president, Tom Reyes, said."), on sentences written for these tests
/// (``QuoteExtractorOptions/appositiveSubjects``).
@Suite struct AppositiveSubjectTests {
    private func subject(_ sentence: String, verb: String) -> String? {
        let tokens = Tokenizer.tokens(ScalarText(sentence))
        guard let v = tokens.firstIndex(where: { $0.text == verb }),
            let found = QuoteExtractor.appositiveSubject(verbAt: v, sentenceStart: 0, tokens: tokens, finder: SpeakerFinder(tokens: tokens))
        else { return nil }
        return tokens[found.subject].map(\.text).joined(separator: " ")
    }

    @Test func nameAndRoleInEitherOrder() {
        #expect(subject("Workers will vote next week, the union's president, Tom Reyes, said.", verb: "said")
            == "the union's president , Tom Reyes")
        #expect(subject("Workers will vote next week, Tom Reyes, a spokesman for the union, told reporters.", verb: "told")
            == "Tom Reyes , a spokesman for the union")
        #expect(subject("The bridge stays shut, Its engineer, Dr. Ann Berg, said on Monday.", verb: "said")
            == "Its engineer , Dr . Ann Berg")
    }

    @Test(arguments: [
        // Two roles, two names, a list, a clause between the commas, no comma before the verb.
        "The deal is fair, the mayor, the council's chair, said.",
        "The deal is fair, Tom Reyes, Ann Berg, said.",
        "We need bread, milk, cheese, she said.",
        "The deal is fair, the mayor, who chairs the council, said.",
        "The deal is fair, the union's president, Tom Reyes said.",
    ])
    func otherCommasAreNoApposition(_ sentence: String) {
        #expect(subject(sentence, verb: "said") == nil)
    }

    @Test func rulesReportTheClauseForTheApposition() throws {
        let page = article(["The town will rebuild the old bridge by spring, the county's chief engineer, Ann Berg, said on Tuesday."])
        let found = quotes(page, model: .empty, off: [])
        #expect(offsetsHold(page, found))
        let report = try #require(found.first { $0.text == "The town will rebuild the old bridge by spring" })
        #expect(speakerMention(page, report)?.contains("Berg") == true)
        #expect(!quotes(page, model: .empty, off: ["appositiveSubjects"]).contains { $0.text.hasPrefix("The town will rebuild") })
        // The speaker is the name, whichever part comes first.
        #expect(report.speaker == "Ann Berg")
        let nameFirst = article(["The town will rebuild the old bridge by spring, Ann Berg, the county's chief engineer, said."])
        let named = try #require(quotes(nameFirst, model: .empty, off: []).first { $0.text.hasPrefix("The town will rebuild") })
        #expect(named.speaker == "Ann Berg")
        #expect(speakerMention(nameFirst, named) == "Ann Berg")
    }

    @Test func taggedPartOfTheAppositionIsNoContent() throws {
        let input = TaggerInput.make(ScalarText("Workers will vote on the offer next week, the union's president, Tom Reyes, said."))
        let role = try #require(tokenSpan("the union's president", in: input))
        let clause = try #require(tokenSpan("Workers will vote on the offer next week", in: input))
        #expect(QuoteExtractor.appositiveReport(role, input: input) == clause)
        // The clause with the name after it gives the clause alone.
        let name = try #require(tokenSpan("Tom Reyes", in: input))
        #expect(QuoteExtractor.appositiveReport(clause.lowerBound...name.upperBound, input: input) == clause)
        // The clause itself is no part of the apposition.
        #expect(QuoteExtractor.appositiveReport(clause, input: input) == nil)
    }

    @Test func extractorGivesTheClauseAndTheSpeaker() throws {
        for text in [
            "Workers will vote on the offer next week, the union's president, Tom Reyes, said.",
            "The plan is far too costly for the city, the minister's spokeswoman, Ann Berg, said in an email.",
            "The plan is far too costly for the city, Ann Berg, the minister's spokeswoman, told reporters.",
            "\u{201C}The plan is far too costly for the city,\u{201D} the minister's spokeswoman, Ann Berg, said.",
        ] {
            let page = article([text])
            let found = quotes(page)
            #expect(offsetsHold(page, found))
            // No part of the apposition is reported as said.
            #expect(!found.contains { $0.text.contains("president") || $0.text.contains("spokeswoman") }, "\(text)")
            let report = try #require(found.first { $0.text.contains("Workers will vote") || $0.text.contains("The plan is far") }, "\(text)")
            let mention = try #require(speakerMention(page, report), "\(text)")
            #expect(mention.contains("Reyes") || mention.contains("Berg") || mention.contains("president") || mention.contains("spokeswoman"), "\(text)")
        }
    }
}
