import Testing
@testable import WiretraceQuotes

/// The extra content bias of sentences that hold a verb of saying, thinking, stance or evidence
/// (``QuoteExtractor/cueSentenceBias(input:bias:)``) and its use by the tagger.
@Suite struct CueSentenceBiasTests {
    @Test func onlySentencesWithACueVerbOutsideQuoteMarks() {
        let input = TaggerInput.make(ScalarText(
            "The ferry left at noon. The harbour board denied the claims. \"They will deny it,\" a sailor warned on deck."))
        let bias = QuoteExtractor.cueSentenceBias(input: input, bias: 300)
        let tokens = input.tokens
        func biasOf(_ word: String) -> Float? { tokens.firstIndex { $0.text == word }.map { bias[$0] } }
        // No cue verb: nothing added.
        #expect(biasOf("ferry") == 0)
        #expect(biasOf("noon") == 0)
        // "denied": every word of the sentence.
        #expect(biasOf("harbour") == 300)
        #expect(biasOf("claims") == 300)
        // "warned" outside the marks: the words outside them, not the quoted ones.
        #expect(biasOf("sailor") == 300)
        #expect(biasOf("They") == 0)
        #expect(biasOf("deny") == 0)
    }

    @Test func aVerbInsideQuoteMarksIsNoCue() {
        let input = TaggerInput.make(ScalarText("The banner read \"we deny nothing\" in red letters."))
        let bias = QuoteExtractor.cueSentenceBias(input: input, bias: 300)
        #expect(bias.allSatisfy { $0 == 0 })
    }

    @Test func taggerAddsTheExtraBiasPerToken() {
        let input = TaggerInput.make(ScalarText("The ferry left at noon. The harbour board denied the claims."))
        let model = QuoteTaggerModel.shared
        let plain = model.tag(input)
        // An overwhelming bias on the second sentence alone makes it content, the first untouched.
        var extra = [Float](repeating: 0, count: input.tokens.count)
        let second = input.tokens.indices.filter { input.sentence[$0] == input.sentence[input.tokens.count - 1] }
        for k in second { extra[k] = 1e6 }
        let biased = model.tag(input, extraContentBias: extra)
        #expect(second.allSatisfy { [.contentBegin, .contentInside].contains(biased[$0]) })
        let first = input.tokens.indices.filter { !second.contains($0) }
        #expect(first.map { biased[$0] } == first.map { plain[$0] })
    }
}
