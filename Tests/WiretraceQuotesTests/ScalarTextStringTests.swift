import Testing

@testable import WiretraceQuotes

/// The byte-wise fast paths of the quote module give what the character-wise code gave.
@Suite struct ScalarTextStringTests {
    @Test func stringOfEveryRangeIsTheReference() {
        let text = ScalarText("Ana said “café” — e\u{301} 🇫🇷 Жители\r\n👩‍👩‍👧 x\u{0}y ok")
        for lower in 0...text.count {
            for upper in lower...text.count {
                let fast = text.string(lower..<upper)
                let reference = text.referenceString(lower..<upper)
                #expect(Array(fast.unicodeScalars) == Array(reference.unicodeScalars))
                #expect(fast.utf8.count == reference.utf8.count)
            }
        }
    }

    @Test(arguments: [
        "said", "says", "told", "announces", "announced", "announcing", "denies", "denied", "tries", "sing",
        "bring", "using", "need", "fled", "agreed", "discuss", "status", "focus", "is", "was", "ties", "die",
        "a", "", "see", "free", "alleges", "criticised", "emphasises", "warns", "mess", "ings", "eds",
        "café", "naïve", "créé", "résumés", "e\u{301}es", "über", "x\r\nes", "x\r\ning", "SAID", "Ed", "sue",
    ])
    func lemmaIsTheCharacterWiseLemma(word: String) {
        let irregular = ["said": "say", "says": "say", "told": "tell"]
        let expected = irregular[word] ?? CueVerbs.regularLemma(word)
        #expect(CueVerbs.lemma(word) == expected)
    }
}

/// A word's stem by bytes is its stem by characters.
@Suite struct TokenStemTests {
    @Test(arguments: [
        "russia's", "russia’s", "trump'", "voters’", "'s", "’s", "'", "’", "s", "it's", "its", "boss's'",
        "o'neill", "e\u{301}'s", "naïve's", "x\r\n's", "", "a's", "ab'", "jones''",
    ])
    func stemIsTheCharacterWiseStem(lower: String) {
        let token = Token(start: 0, end: 1, text: lower, lower: lower, kind: .word, paragraph: 0)
        #expect(token.stem == token.referenceStem)
    }
}
