import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// What a speaker candidate's head is (``SpeakerHead``) and the candidates that can speak
/// (``TaggedAttributions/canSpeak(_:cue:)``), on sentences written for these tests.
@Suite struct SpeakerHeadTests {
    /// The head class of the word sequence `phrase` (first occurrence) in `text`.
    private func head(_ phrase: String, in text: String) throws -> SpeakerHead {
        let tokens = Tokenizer.tokens(ScalarText(text))
        let wanted = phrase.split(separator: " ").map(String.init)
        let texts = tokens.map(\.text)
        let start = try #require((0...(texts.count - wanted.count)).first { Array(texts[$0..<($0 + wanted.count)]) == wanted })
        return SpeakerHead.of(start...(start + wanted.count - 1), in: tokens)
    }

    @Test func headsThatNameSomeone() throws {
        #expect(try head("Greta Lind", in: "Greta Lind said so .") == .name)
        #expect(try head("she", in: "Later she said so .") == .pronoun)
        #expect(try head("The harbour spokesman", in: "The harbour spokesman said so .") == .role)
        #expect(try head("county officials", in: "Two county officials said so .") == .role)
        #expect(try head("the ferry company's", in: "He cited the ferry company's figures .") == .role)
        // By the ending of the word: someone who does something.
        #expect(try head("the beekeeper", in: "He said the beekeeper agreed .") == .role)
        #expect(try head("the novelist", in: "He said the novelist agreed .") == .role)
    }

    @Test func headsThatNameNoOne() throws {
        #expect(try head("The question", in: "The question , she said , is money .") == .other)
        #expect(try head("The move", in: "The move surprised the port .") == .other)
        #expect(try head("the number", in: "He said the number was small .") == .other)
        // A phrase cut after its adjective is no mention.
        #expect(try head("The federal", in: "The federal inquiry , he said , was slow .") == .modifier)
        #expect(try head("the study", in: "the study found the ferry slow .") == .publication)
    }

    @Test func aCapitalisedWordOpeningASentenceIsANameOnlyWhenItIsNoOtherWord() throws {
        let text = "Weeks of rain followed . Weeks later Odile said the road was open . Odile agreed ."
        let tokens = Tokenizer.tokens(ScalarText(text))
        let lower: Set<String> = ["of", "rain", "followed", "later", "said", "the", "road", "was", "open", "agreed", "weeks"]
        let weeks = try #require(tokens.indices.first { tokens[$0].text == "Weeks" })
        // Written in lower case elsewhere: the common noun, not a name.
        #expect(SpeakerHead.of(weeks...weeks, in: tokens, opensSentence: true, lowercaseWords: lower) == .other)
        // The same word inside a sentence, or a word the text never writes in lower case, is a name.
        #expect(SpeakerHead.of(weeks...weeks, in: tokens, opensSentence: false, lowercaseWords: lower) == .name)
        let odile = try #require(tokens.indices.last { tokens[$0].text == "Odile" })
        #expect(SpeakerHead.of(odile...odile, in: tokens, opensSentence: true, lowercaseWords: lower) == .name)
        // Closed-class words and days are never names; a name that ends like an adverb still is one.
        let t = Tokenizer.tokens(ScalarText("Unless Sunday , Kelly Polls ."))
        #expect(SpeakerHead.of(0...0, in: t, opensSentence: true) == .noNoun)
        #expect(SpeakerHead.of(1...1, in: t) == .noNoun)
        #expect(SpeakerHead.of(3...3, in: t, opensSentence: true) == .name)
        #expect(SpeakerHead.of(4...4, in: t, opensSentence: true, lowercaseWords: ["polls"]) == .publication)
        #expect(SpeakerHead.of(0...0, in: Tokenizer.tokens(ScalarText("I'm sure ."))) == .pronoun)
    }

    @Test func lowerCaseWordsThatAreNoNouns() throws {
        #expect(try head("promised", in: "Others promised the news .") == .noNoun)
        #expect(try head("boldly", in: "He spoke boldly .") == .noNoun)
        #expect(try head("ago", in: "Two days ago .") == .noNoun)
        #expect(try head("the speed", in: "He cut the speed .") == .other)
    }

    @Test func aPhraseThatMentionsNothingIsNoCandidate() throws {
        // "Sunday" opens the sentence and stands before the cue, but names no one; "The federal"
        // is a phrase cut after its adjective.
        func phrases(_ options: QuoteExtractorOptions) throws -> [String] {
            let a = try handTagged(
                "The federal budget passed . Sunday , the harbour master said the ferry would wait .", cue: "said",
                content: "the ferry would wait", options: options)
            let c = try #require(a.contents.first)
            return a.candidates(for: c, cue: a.cue(for: c), rule: nil).map { a.input.tokens[$0.range].map(\.text).joined(separator: " ") }
        }
        let kept = try phrases(QuoteExtractorOptions())
        #expect(kept.contains("the harbour master"))
        #expect(!kept.contains("Sunday"))
        // Switched off, the same phrase is offered.
        var off = QuoteExtractorOptions()
        off.speakersMustSpeak = false
        #expect(try phrases(off).contains("Sunday"))
    }

    @Test func aSubjectThatCannotSpeakIsNotForced() throws {
        // "The question" is the verb's subject by position; it names no one, so no subject is forced.
        let a = try handTagged(
            "The question came after the vote . The question has also said the ferry stays .", cue: "said",
            content: "the ferry stays")
        let c = try #require(a.contents.first)
        let cue = try #require(a.cue(for: c))
        let subject = try #require(a.cueSubject(for: c, cue: cue))
        #expect(!a.canSpeak(subject, cue: cue))
        // A publication speaks as its verb's subject.
        let b = try handTagged("The report has also said the ferry stays .", cue: "said", content: "the ferry stays")
        let d = try #require(b.contents.first)
        let bcue = try #require(b.cue(for: d))
        #expect(b.canSpeak(try #require(b.cueSubject(for: d, cue: bcue)), cue: bcue))
    }

    @Test func aPublicationSpeaksOnlyAsTheSubjectOfItsCue() throws {
        let a = try handTagged(
            "The annual report says the harbour lost money .", cue: "says", content: "the harbour lost money")
        let c = try #require(a.contents.first)
        let cue = try #require(a.cue(for: c))
        #expect(a.canSpeak(0...2, cue: cue))  // The annual report
        #expect(!a.canSpeak(0...2, cue: nil))
        #expect(a.input.tokens[0...2].map(\.text).joined(separator: " ") == "The annual report")
    }

    @Test func theRankerSeesTheHeadClass() throws {
        func features(_ options: QuoteExtractorOptions) throws -> [UInt64] {
            let a = try handTagged(
                "The port spokesman said the ferry would not sail .", cue: "said", content: "the ferry would not sail",
                options: options)
            let c = try #require(a.contents.first)
            return try #require(a.candidates(for: c, cue: a.cue(for: c), rule: nil).first).features
        }
        #expect(try features(QuoteExtractorOptions()).contains(QuoteFeatures.pairHash("hd:role")))
        var off = QuoteExtractorOptions()
        off.speakerHeadFeatures = false
        #expect(try !features(off).contains(QuoteFeatures.pairHash("hd:role")))
    }

    @Test func singularOfPlurals() {
        #expect(SpeakerHead.singular("officials") == "official")
        #expect(SpeakerHead.singular("companies") == "company")
        #expect(SpeakerHead.singular("congressmen") == "congressman")
        #expect(SpeakerHead.singular("witness") == "witness")
    }
}
