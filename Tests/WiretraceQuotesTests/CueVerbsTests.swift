import Testing
import WiretraceCore
@testable import WiretraceQuotes

/// The verb classes and lemmas the tagger's cue features rest on, and the feature-row table beside
/// the dictionary it stands in for.
@Suite struct CueVerbsTests {
    @Test func inflectionsShareALemma() {
        #expect(Set(["announce", "announces", "announced", "announcing"].map(CueVerbs.lemma)).count == 1)
        #expect(Set(["deny", "denies", "denied", "denying"].map(CueVerbs.lemma)).count == 1)
        #expect(Set(["say", "says", "said", "saying"].map(CueVerbs.lemma)).count == 1)
        #expect(Set(["discuss", "discussed"].map(CueVerbs.lemma)).count == 1)
        #expect(CueVerbs.lemma("said") != CueVerbs.lemma("sold"))
    }

    @Test func classesFollowTheComplementAVerbTakes() {
        #expect(CueVerbs.verbClass("insisted") == "speech")
        #expect(CueVerbs.verbClass("believes") == "thought")
        #expect(CueVerbs.verbClass("reckoned") == "thought")
        #expect(CueVerbs.verbClass("denied") == "stance")
        #expect(CueVerbs.verbClass("criticises") == "stance")
        #expect(CueVerbs.verbClass("showed") == "evidence")
        #expect(CueVerbs.verbClass("bridge") == nil)
        // Saying and thinking take a reported clause: cue candidates even when rare in training.
        #expect(CueVerbs.takesReport("contended"))
        #expect(CueVerbs.takesReport("suspects"))
        // A noun as often as a verb ("a report", "the call") is no cue candidate by its class alone.
        #expect(!CueVerbs.takesReport("report"))
        #expect(!CueVerbs.takesReport("call"))
    }

    @Test func rowTableAgreesWithTheDictionary() {
        var random = SplitMix64(seed: 7)
        var rows: [UInt64: Int32] = [:]
        for index in 0..<5_000 { rows[random.next() & 0xFF_FFFF_FFFF] = Int32(index) }
        let table = FeatureRowTable(rows)
        for (key, value) in rows { #expect(table.row(key) == value) }
        for _ in 0..<5_000 {
            let key = random.next() & 0xFF_FFFF_FFFF
            #expect(table.row(key) == (rows[key] ?? -1))
        }
        #expect(FeatureRowTable([:]).row(42) == -1)
    }

    @Test func flatFeaturesAreThePerTokenFeatures() {
        let input = TaggerInput.make(ScalarText("The mayor said: The bridge is closed. It reopens in May, she added."))
        let flat = QuoteFeatures.extractFlat(input, cueWords: ["said", "added"])
        let perToken = QuoteFeatures.extract(input, cueWords: ["said", "added"])
        #expect(flat.count == input.tokens.count * QuoteFeatures.perToken)
        #expect(perToken.flatMap { $0 } == flat)
        #expect(perToken.allSatisfy { $0.count == QuoteFeatures.perToken })
    }

    @Test func cueTokensAskedOncePerWordAgreeWithThePerTokenReference() {
        // Repeated words in both cases ("Said"/"said", "Warned"/"warned"), learned and unlearned
        // cues, a word the learned set holds only capitalised, and non-ASCII words.
        let text = """
            Warned by aides, the mayor warned that costs rose, she said. Said the minister: "We said so." \
            Officials said, and Officials believed, it was over; Zoë claimed it, zoë claimed it again, \
            believing it. The report said nothing; the reports say otherwise, according to aides. Said.
            """
        let input = TaggerInput.make(ScalarText(text))
        let lower = input.tokens.map { $0.isWord ? $0.lower : $0.text }
        let words = lower.map(QuoteFeatures.value)
        for cueWords: Set<String> in [[], ["said", "Officials", "according"], ["warned", "zoë", "report"]] {
            let fast = QuoteFeatures.cueTokens(input.tokens, lower: lower, words: words, cueWords: cueWords)
            let reference = QuoteFeatures.referenceCueTokens(input.tokens, lower: lower, cueWords: cueWords)
            #expect(fast == reference)
            #expect(reference.contains(true) && reference.contains(false))
        }
        // Repeats decide by their own capitalisation: "Warned" opens a sentence, "warned" is a cue.
        let cues = QuoteFeatures.cueTokens(input.tokens, lower: lower, words: words, cueWords: [])
        let warned = input.tokens.indices.filter { lower[$0] == "warned" }
        #expect(warned.map { cues[$0] } == [false, true])
    }

    @Test func pairHashOfPiecesIsThePairHashOfTheirConcatenation() {
        let pieces: [(String, String, String, String)] = [
            ("hd:", "role", "", ""), ("dq:", "iq", "ruleQuote+tagger", "B"), ("os:", "", "A", "12"),
            ("cw:", "zoë’s<", "", ""), ("kd:", "cap", "\u{65}\u{301}", "-1"),
        ]
        for (a, b, c, d) in pieces {
            #expect(QuoteFeatures.pairHash(a, b, c, d) == QuoteFeatures.pairHash(a + b + c + d))
        }
        #expect(QuoteFeatures.pairHash("hd:", "role") != QuoteFeatures.pairHash("hd:", "roles"))
    }

    @Test func shapeHashIsTheHashOfTheShape() {
        let tokens = Tokenizer.tokens(ScalarText("McDonald's 3rd-quarter SALES, rose 12% -- Zoë \u{201C}ok\u{201D} \u{2026}"))
        #expect(tokens.count > 8)
        for token in tokens { #expect(QuoteFeatures.shapeValue(token) == QuoteFeatures.value(QuoteFeatures.shape(token))) }
    }

    @Test func flatViterbiAgreesWithTheNestedOne() {
        var random = SplitMix64(seed: 3)
        let t = QuoteTag.count
        let transitions = (0..<((t + 1) * t)).map { _ in Float(random.next() % 200) / 100 - 1 }
        let emissions = (0..<40).map { _ in (0..<t).map { _ in Float(random.next() % 400) / 100 - 2 } }
        let nested = QuoteTaggerModel.viterbi(emissions, transitions: transitions)
        #expect(nested == QuoteTaggerModel.viterbi(flat: emissions.flatMap { $0 }, count: 40, transitions: transitions))
        // Inside tags only after their begin tag.
        for (previous, tag) in zip([QuoteTag.outside] + nested, nested) { #expect(previous.allows(tag)) }
    }
}
