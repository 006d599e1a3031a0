import Testing
@testable import WiretraceCluster

/// The lexical channel: words of other languages keyed to the English words they translate.
@Suite struct CrossLanguageLexiconTests {
    static func lexical(_ text: String) -> Set<String> { Set(CrossLanguageLexicon.anchors(text)) }

    @Test func keysAreCutStemsPerScript() {
        // Short words go; Latin loses its diacritics; every key is cut to six letters.
        #expect(CrossLanguageLexicon.keys("Die Präsidentin und ihr Team") == ["prasid", "team"])
        #expect(CrossLanguageLexicon.keys("Straße, STRASSE") == ["strass", "strass"])
        #expect(CrossLanguageLexicon.keys("Ёлка и ёлки") == ["елка", "елки"])
        // A hyphen or a digit ends a word; a change of script too.
        #expect(CrossLanguageLexicon.keys("US-Präsident 2024er") == ["prasid"])
        // Han text gives its character pairs, Arabic nothing.
        #expect(CrossLanguageLexicon.keys("政府说") == ["政府", "府说"])
        #expect(CrossLanguageLexicon.keys("قالت الحكومة").isEmpty)
    }

    @Test func everyKeyOfTheTableIsAKeyTheRuleGives() {
        // The generator (scripts/learn_lexicon.py) and `keys` must cut words alike: a key the
        // rule cannot give would never be looked up.
        for key in Array(CrossLanguageLexicon.translations.keys) + Array(CrossLanguageLexicon.englishKeys) {
            #expect(CrossLanguageLexicon.keys(key) == [key], "\(key)")
        }
        for english in CrossLanguageLexicon.translations.values {
            #expect(CrossLanguageLexicon.englishKeys.contains(english), "\(english)")
        }
    }

    @Test func aTranslationSharesWordsWithItsOriginal() {
        let english = Self.lexical("The government asked the police to investigate.")
        #expect(english.isSuperset(of: ["~&govern", "~&police"]))
        for text in [
            "Die Regierung bat die Polizei um Ermittlungen.", "Le gouvernement a demandé une enquête.",
            "Правительство попросило полицию провести расследование.", "政府要求警方调查。",
        ] {
            #expect(Self.lexical(text).contains("~&govern"), "\(text): \(Self.lexical(text))")
        }
    }

    @Test func functionWordsAndUnknownWordsGiveNoAnchor() {
        #expect(Self.lexical("which would have been there").isEmpty)
        #expect(Self.lexical("Zzyzx qwertyuiop").isEmpty)
    }

    @Test func lexicalAnchorsAreAnchorTermsOfTheirOwnKind() {
        let terms = CrossLanguageAnchors.occurrences(text: "Die Regierung in Berlin", title: "Polizei").map(\.term)
        #expect(terms.contains("~&govern"))
        #expect(terms.contains("~&police"))
        #expect(terms.allSatisfy { $0.first == CrossLanguageAnchors.prefix })
        #expect(AnchorKind(term: "~&govern") == .lexical)
        #expect(AnchorKind(term: "~@berlin") == .spelled)
    }

    /// Three documents over term 0 (a name) and term 1 (a lexical anchor), each term in two of them.
    static func vectors(lexicalWeight: Double) -> [[(term: Int, weight: Double)]] {
        let table = TermCountTable([
            [TermCount(term: 0, plain: 0, entity: 1, title: 0), TermCount(term: 1, plain: 0, entity: 1, title: 0)],
            [TermCount(term: 0, plain: 0, entity: 1, title: 0), TermCount(term: 1, plain: 0, entity: 1, title: 0)],
            [TermCount(term: 2, plain: 0, entity: 1, title: 0)],
        ])
        let kinds: [AnchorKind] = [.sound, .lexical, .number]
        let anchors = AnchorVectors(anchors: table, termCount: 3, kind: { kinds[$0] }, lexicalWeight: lexicalWeight)
        return (0..<3).map(anchors.vector)
    }

    @Test func theLexicalWeightScalesLexicalAnchorsOnly() {
        let even = Self.vectors(lexicalWeight: 1)[0]
        #expect(even.count == 2)
        #expect(abs(even[0].weight - even[1].weight) < 1e-12)
        let double = Self.vectors(lexicalWeight: 2)[0]
        #expect(abs(double[1].weight - 2 * double[0].weight) < 1e-12)
        let none = Self.vectors(lexicalWeight: 0)[0]
        #expect(none.map(\.term) == [0])
        #expect(abs(none[0].weight - 1) < 1e-12)
    }
}
