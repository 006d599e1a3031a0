import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// A fronted report whose subject is followed by a relative clause between commas ("<clause>, Tom
/// Reyes, who leads the union, said."), on sentences written for these tests
/// (``QuoteExtractorOptions/relativeClauseSubjects``).
@Suite struct RelativeClauseSubjectTests {
    private func subject(_ sentence: String, verb: String) -> String? {
        let tokens = Tokenizer.tokens(ScalarText(sentence))
        guard let v = tokens.lastIndex(where: { $0.text == verb }),
            let found = QuoteExtractor.relativeClauseSubject(verbAt: v, sentenceStart: 0, tokens: tokens, finder: SpeakerFinder(tokens: tokens))
        else { return nil }
        return tokens[found.name].map(\.text).joined(separator: " ")
    }

    @Test func nameOrRoleBeforeTheRelativeClause() {
        #expect(subject("Workers will vote next week, Tom Reyes, who leads the union, said.", verb: "said") == "Tom Reyes")
        #expect(subject("The ferry will run again in May, the harbour master, whose office runs the dock, told reporters.", verb: "told")
            == "the harbour master")
    }

    @Test(arguments: [
        // No relative clause, a pronoun, a clause before it, a quote mark inside it, no comma before the verb.
        "The deal is fair, the mayor, the council's chair, said.",
        "The deal is fair, she, who chairs the council, said.",
        "The deal is fair, the board voted, who chairs the council, said.",
        "The deal is fair, the mayor, who chairs the council said.",
    ])
    func otherCommasAreNoRelativeSubject(_ sentence: String) {
        #expect(subject(sentence, verb: "said") == nil)
    }

    @Test func rulesReportTheClauseForTheSubject() throws {
        let page = article([
            "Ann Berg runs the county's roads office.",
            "The town will rebuild the old bridge by spring, Berg, who was re-elected last fall, said.",
        ])
        let found = quotes(page, model: .empty, off: [])
        #expect(offsetsHold(page, found))
        let report = try #require(found.first { $0.text == "The town will rebuild the old bridge by spring" })
        #expect(report.speaker == "Ann Berg")
        #expect(!quotes(page, model: .empty, off: ["relativeClauseSubjects"]).contains { $0.text.hasPrefix("The town will rebuild") })
    }

    @Test func extractorGivesTheClauseAndTheSpeaker() throws {
        let page = article([
            "Tom Reyes has led the union since 2019.",
            "Workers will vote on the offer next week, Reyes, whose term ends in May, said.",
        ])
        let found = quotes(page)
        #expect(offsetsHold(page, found))
        let report = try #require(found.first { $0.text.hasPrefix("Workers will vote") })
        #expect(!report.text.contains("Reyes"))
        #expect(report.speaker == "Tom Reyes")
        #expect(!quotes(page, model: .shared, off: ["relativeClauseSubjects"]).contains { $0.speaker == "Tom Reyes" })
    }
}
