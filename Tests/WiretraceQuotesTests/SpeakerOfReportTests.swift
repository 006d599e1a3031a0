import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// The speaker the grammar of a report names (``TaggedAttributions/cueSubject(for:cue:)``,
/// ``TaggedAttributions/colonSpeaker(for:)``) and the sentence-opening candidate cut before its
/// verb, on tags set by hand and sentences written for these tests.
@Suite struct SpeakerOfReportTests {
    private func tagged(_ text: String, cue: String?, content: String) throws -> TaggedAttributions {
        try handTagged(text, cue: cue, content: content)
    }

    private func words(_ a: TaggedAttributions, _ range: ClosedRange<Int>?) -> String? {
        range.map { a.input.tokens[$0].map(\.text).joined(separator: " ") }
    }

    private func subject(_ text: String, cue: String, content: String) throws -> String? {
        let a = try tagged(text, cue: cue, content: content)
        let c = try #require(a.contents.first)
        let verb = try #require(a.cue(for: c))
        return words(a, a.cueSubject(for: c, cue: verb))
    }

    @Test func subjectBeforeTheVerbOfAReportedClause() throws {
        // The phrase opening the sentence runs into another verb; the speaker is who "said".
        #expect(try subject(
            "The quarrel began when the harbour master said the ferry would not sail .", cue: "said",
            content: "the ferry would not sail") == "the harbour master")
        #expect(try subject(
            "The council has repeatedly argued that the bridge is safe .", cue: "argued",
            content: "the bridge is safe") == "The council")
    }

    @Test func subjectAfterAFrontedClause() throws {
        #expect(try subject(
            "Rents will keep rising next year , she warned .", cue: "warned",
            content: "Rents will keep rising next year") == "she")
        // Inverted: the phrase after the verb.
        #expect(try subject(
            "Rents will keep rising next year , said the housing minister .", cue: "said",
            content: "Rents will keep rising next year") == "the housing minister")
        #expect(try subject(
            "According to the port authority , the ferry will not sail .", cue: "According to",
            content: "the ferry will not sail") == "the port authority")
    }

    @Test func noSubjectForPassiveOrRelayingVerbsOrNonReportingCues() throws {
        // Passive: the rules tell speaker and reporter apart, not this.
        #expect(try subject(
            "The mayor was quoted as saying the ferry would sail .", cue: "quoted",
            content: "the ferry would sail") == nil)
        #expect(try subject(
            "The paper cited the mayor as saying the ferry would sail .", cue: "cited",
            content: "the ferry would sail") == nil)
        // A verb of belief outside the reporting lexicon is left to the ranker.
        #expect(try subject(
            "The treasurer hopes the gap will close by June .", cue: "hopes",
            content: "the gap will close by June") == nil)
    }

    @Test func colonAfterAnOpeningNameAttributesTheClaim() throws {
        let a = try tagged("Mayor Ann Holt: Ferry Service Will Resume in May .", cue: nil,
            content: "Ferry Service Will Resume in May")
        let c = try #require(a.contents.first)
        #expect(words(a, a.colonSpeaker(for: c)) == "Mayor Ann Holt")
        // A colon after a longer clause introduces a list or an explanation, not a speaker.
        let b = try tagged("The council voted on three things yesterday : Ferry fares , tolls and parking .", cue: nil,
            content: "Ferry fares , tolls and parking")
        #expect(b.colonSpeaker(for: try #require(b.contents.first)) == nil)
    }

    @Test func openingPhraseStopsBeforeItsVerb() throws {
        let a = try tagged(
            "The dispute erupted after the vote . Later the mayor said the ferry would not sail .", cue: "said",
            content: "the ferry would not sail")
        let c = try #require(a.contents.first)
        let phrases = a.candidates(for: c, cue: a.cue(for: c), rule: nil).map { words(a, $0.range) }
        #expect(phrases.contains("The dispute"))
        #expect(!phrases.contains("The dispute erupted"))
    }
}

extension SpeakerOfReportTests {
    @Test func relativePronounSubjectStaysTheMention() throws {
        let a = try tagged("The ferry stayed in port after Ann Holt , who said the weather was too rough .", cue: "said",
            content: "the weather was too rough")
        let c = try #require(a.contents.first)
        // No subject is forced (the antecedent is not taken for the pronoun); the ranker chooses
        // among the candidates, "who" one of them.
        let cue = try #require(a.cue(for: c))
        #expect(a.cueSubject(for: c, cue: cue) == nil)
        #expect(a.candidates(for: c, cue: cue, rule: nil).contains { words(a, $0.range) == "who" })
    }
}

extension SpeakerOfReportTests {
    @Test func roleBeforeForIsTheSubject() throws {
        #expect(try subject(
            "A spokesperson for the port authority said the ferry would not sail .", cue: "said",
            content: "the ferry would not sail") == "A spokesperson for the port authority")
    }
}
