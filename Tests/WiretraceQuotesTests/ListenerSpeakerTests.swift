import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// Who listened is not who spoke: "An official who spoke to the Valley Gazette said ...", "X told
/// reporters ...", on sentences written for these tests (``QuoteExtractorOptions/listenerNotSpeaker``).
@Suite struct ListenerSpeakerTests {
    private let sentence = "An official who spoke to the Valley Gazette said the talks had stalled over pensions."

    private func words(_ tokens: [Token], _ range: ClosedRange<Int>?) -> String? {
        range.map { tokens[$0].map(\.text).joined(separator: " ") }
    }

    @Test func antecedentOfARelativeClauseOfSpeaking() throws {
        let tokens = Tokenizer.tokens(ScalarText(sentence))
        let finder = SpeakerFinder(tokens: tokens)
        let said = try #require(tokens.firstIndex { $0.text == "said" })
        let phrase = try #require(finder.backwardPhrase(endingAt: said - 1, lowerBound: 0)).phrase
        #expect(words(tokens, phrase) == "the Valley Gazette")
        #expect(words(tokens, finder.listenerAntecedent(of: phrase, lowerBound: 0)) == "An official")
    }

    @Test(arguments: [
        "The editor of the Valley Gazette said the talks had stalled.",
        "A lawyer who works with the Valley Gazette said the talks had stalled.",
        "A reporter for the Valley Gazette said the talks had stalled.",
    ])
    func otherPhrasesBeforeTheVerbStay(_ text: String) throws {
        let tokens = Tokenizer.tokens(ScalarText(text))
        let finder = SpeakerFinder(tokens: tokens)
        let said = try #require(tokens.firstIndex { $0.text == "said" })
        let phrase = try #require(finder.backwardPhrase(endingAt: said - 1, lowerBound: 0)).phrase
        #expect(finder.listenerAntecedent(of: phrase, lowerBound: 0) == nil)
    }

    @Test func rulesAttributeTheReportToTheAntecedent() {
        let page = article(["The union met on Monday.", sentence])
        let found = quotes(page, model: .empty, off: [])
        #expect(offsetsHold(page, found))
        let quote = found.first { $0.text == "the talks had stalled over pensions" }
        #expect(quote.flatMap { speakerMention(page, $0) } == "An official", "found: \(found.map(\.text))")
        let off = quotes(page, model: .empty, off: ["listenerNotSpeaker"])
        #expect(!off.contains { $0.text == "the talks had stalled over pensions" && speakerMention(page, $0) == "An official" })
    }

    @Test func cueSubjectIsTheAntecedent() throws {
        let a = try handTagged(sentence, cue: "said", content: "the talks had stalled over pensions")
        let content = try #require(a.contents.first)
        let cue = try #require(a.cue(for: content))
        #expect(words(a.input.tokens, a.cueSubject(for: content, cue: cue)) == "An official")
        var options = QuoteExtractorOptions()
        options.listenerNotSpeaker = false
        let off = try handTagged(sentence, cue: "said", content: "the talks had stalled over pensions", options: options)
        #expect(words(off.input.tokens, off.cueSubject(for: content, cue: cue)) != "An official")
    }

    @Test func objectOfToldIsNoCandidate() throws {
        let text = "The premier told reporters the province would not back down."
        let a = try handTagged(text, cue: "told", content: "the province would not back down")
        let content = try #require(a.contents.first)
        let phrases = a.candidates(for: content, cue: a.cue(for: content), rule: nil).map { words(a.input.tokens, $0.range) }
        #expect(phrases.contains("The premier"))
        #expect(!phrases.contains("reporters"))
        var options = QuoteExtractorOptions()
        options.listenerNotSpeaker = false
        let off = try handTagged(text, cue: "told", content: "the province would not back down", options: options)
        #expect(off.candidates(for: content, cue: off.cue(for: content), rule: nil).map { words(off.input.tokens, $0.range) }.contains("reporters"))
    }
}
