import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// The speaker candidates offered to the ranker for a content span, given tags set by hand (so
/// that the tests do not depend on the trained weights), on sentences written for these tests.
@Suite struct SpeakerCandidateTests {
    private func tagged(_ text: String, cue: String, content: String, source: String? = nil) throws -> TaggedAttributions {
        try handTagged(text, cue: cue, content: content, source: source)
    }

    private func words(_ attributions: TaggedAttributions, _ range: ClosedRange<Int>) -> String {
        attributions.input.tokens[range].map(\.text).joined(separator: " ")
    }

    @Test func subjectOfAVerbOutsideTheLexiconIsACandidate() throws {
        // "believes" is no reporting verb of the rules' lexicon, but the tagger may tag it as a cue.
        let a = try tagged("The treasurer believes the budget gap will close by June .", cue: "believes",
            content: "the budget gap will close by June")
        let content = try #require(a.contents.first)
        let found = a.candidates(for: content, cue: a.cue(for: content), rule: nil)
        let phrases = found.map { words(a, $0.range) }
        #expect(phrases == ["The treasurer"])
        // Found both as the cue's subject and as the phrase opening the sentence.
        #expect(found.first?.origins == [.cuePhrase, .mention])
        #expect(found.first?.features.isEmpty == false)
    }

    @Test func objectAfterAnotherVerbIsNoCandidate() throws {
        // After a verb that is not one of reporting, the phrase after it is its object.
        let a = try tagged("The ministry expects exporters to absorb most of the new tariff .", cue: "expects",
            content: "to absorb most of the new tariff")
        let content = try #require(a.contents.first)
        let phrases = a.candidates(for: content, cue: a.cue(for: content), rule: nil).map { words(a, $0.range) }
        #expect(phrases == ["The ministry"])
    }

    @Test func phraseAfterTheCueIsACandidateWhenTheContentComesFirst() throws {
        // "<clause>, believes X": the inverted subject, whatever the verb.
        let a = try tagged("The budget gap will close by June , believes the treasurer .", cue: "believes",
            content: "The budget gap will close by June")
        let content = try #require(a.contents.first)
        let phrases = a.candidates(for: content, cue: a.cue(for: content), rule: nil).map { words(a, $0.range) }
        #expect(phrases == ["the treasurer"])
    }

    @Test func namesAndPronounsNearTheContentAreCandidatesWhenNothingIsTagged() throws {
        // No source and no cue tagged: the names and pronouns of the content's sentence and the one
        // before still reach the ranker, each with its own offsets; words inside quote marks do not.
        let text = "Mayor Lena Ortiz met the unions on Monday . She \u{201C}Tomas agrees\u{201D} the depot will stay open ."
        let input = TaggerInput.make(ScalarText(text))
        var tags = [QuoteTag](repeating: .outside, count: input.tokens.count)
        let texts = input.tokens.map(\.text)
        let the = try #require(texts.lastIndex(of: "the"))
        tags[the] = .contentBegin
        for k in (the + 1)...(the + 4) { tags[k] = .contentInside }  // the depot will stay open
        let a = TaggedAttributions(input: input, tags: tags)
        let content = try #require(a.contents.first)
        let found = a.candidates(for: content, cue: nil, rule: nil)
        let phrases = found.map { words(a, $0.range) }
        #expect(phrases.contains("Lena Ortiz"))
        #expect(phrases.contains("She"))
        #expect(!phrases.contains("Tomas"))
        #expect(found.allSatisfy { $0.origins == [.mention] })
        let she = try #require(found.first { words(a, $0.range) == "She" })
        let scalars = Array(text.unicodeScalars)
        let start = input.tokens[she.range.lowerBound].start
        #expect(String(String.UnicodeScalarView(scalars[start..<(start + 3)])) == "She")
    }

    @Test func aNameInsideAnotherContentSpanIsMarked() throws {
        // The two candidates differ in the feature that says whether they stand inside another
        // content span (a name in what someone said is rarely who said it).
        let text = "Ruth Okafor said Daniel Weiss had left the firm . He denied it , she added ."
        let input = TaggerInput.make(ScalarText(text))
        var tags = [QuoteTag](repeating: .outside, count: input.tokens.count)
        let texts = input.tokens.map(\.text)
        tags[0] = .sourceBegin; tags[1] = .sourceInside                        // Ruth Okafor
        tags[2] = .cueBegin                                                      // said
        tags[3] = .contentBegin; for k in 4...7 { tags[k] = .contentInside }     // Daniel Weiss had left the firm
        let he = try #require(texts.firstIndex(of: "He"))
        tags[he] = .contentBegin; tags[he + 1] = .contentInside; tags[he + 2] = .contentInside  // He denied it
        tags[he + 4] = .sourceBegin; tags[he + 5] = .cueBegin                   // she added
        let a = TaggedAttributions(input: input, tags: tags)
        let second = try #require(a.contents.last)
        // Daniel Weiss is no tagged source; offer it through a rule quote's speaker to see its features.
        let weiss = QuoteOccurrence(
            start: input.tokens[he].start, end: input.tokens[he + 2].end, text: "He denied it", kind: .indirect,
            speakerStart: input.tokens[3].start, speakerEnd: input.tokens[4].end)
        let found = a.candidates(for: second, cue: a.cue(for: second), rule: weiss)
        let inside = try #require(found.first { words(a, $0.range) == "Daniel Weiss" })
        let outside = try #require(found.first { words(a, $0.range) == "Ruth Okafor" })
        #expect(inside.features.contains(QuoteFeatures.pairHash("icd:iniq")))
        #expect(outside.features.contains(QuoteFeatures.pairHash("icd:outiq")))
    }
}
