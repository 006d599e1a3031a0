import Testing
@testable import WiretraceCluster

/// The byte path of `StoryVocabulary.tokens` gives exactly the Character-by-Character tokens.
@Suite struct StoryTokenTests {
    @Test(arguments: [
        "Aung San Suu Kyi met U.N. envoy Christine Schraner Burgener in Naypyitaw on Friday.",
        "Russia's foreign minister said: \"We will respond.\" Moscow’s envoy left.\r\nNew line\rCR alone\n\nEnd",
        "cafe\u{301} Cafe\u{301}s naïve ÉCOLE Straße İstanbul ǅemal 北京 東京の記者 ２０２４ Ⅻ ½",
        "\u{0600}123 prepend, 👩‍👩‍👧 family, 🇫🇷 flag, e\u{301}\u{302} stacked, a\u{200D}b zwj",
        "한국어 뉴스 기사 — Hangul; हिन्दी समाचार — Devanagari; ภาษาไทย — Thai",
        "x-ray co-operation well-known 'quoted' ''double'' O'Neil l'État rock’n’roll",
        "trailing combining at end e\u{301}",
        "\u{301}leading mark and \r\n\u{301} after CRLF",
        "",
    ])
    func bytePathEqualsCharacterPath(_ text: String) {
        #expect(StoryVocabulary.tokens(text) == StoryVocabulary.referenceTokens(text))
    }

    @Test func randomMixesOfTheAwkwardPieces() {
        let pieces = [
            "A", "b", "Z", "9", " ", "-", ".", "\n", "\r", "\r\n", "'", "’", "é", "e\u{301}", "\u{301}", "Ω", "ß",
            "北", "🇫🇷", "👩‍👧", "\u{0600}", "\u{200D}", "“", "”", ":", "|", "İ", "ǅ", "２", "\t", "\u{00A0}",
        ]
        var state: UInt64 = 42
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(state % 40) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            #expect(StoryVocabulary.tokens(text) == StoryVocabulary.referenceTokens(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}

/// Terms kept between runs intern to the same ids and counts as terms computed from the text.
@Suite struct TermOccurrenceTests {
    @Test func encodedOccurrencesInternLikeTheText() {
        let texts = [
            ("Aung San Suu Kyi met envoy Christine Schraner Burgener in Naypyitaw on Friday, 2019.", "Suu Kyi meets UN envoy"),
            ("Russia's envoy said Moscow would respond. Russia’s ministry agreed; 42 diplomats left.", nil),
            ("", ""),
        ]
        var fromText = StoryVocabulary()
        var fromKept = StoryVocabulary()
        for (text, title) in texts {
            let occurrences = StoryVocabulary.occurrences(text: text, title: title)
            let decoded = TermOccurrence.decode(TermOccurrence.encode(occurrences))
            #expect(decoded == occurrences)
            #expect(fromKept.intern(decoded ?? []) == fromText.counts(text: text, title: title))
        }
        #expect(fromKept.terms == fromText.terms)
        #expect(fromText.terms.contains("aung_san"))
        #expect(TermOccurrence.decode("moscow 1 x 0\n") == nil)
    }
}

@Suite struct PackedTermOccurrenceTests {
    @Test func packedOccurrencesComeBackInOrderWithTheirCounts() {
        var vocabulary: [String] = []
        var ids: [String: UInt32] = [:]
        func id(_ term: String) -> UInt32 {
            if let known = ids[term] { return known }
            ids[term] = UInt32(vocabulary.count)
            vocabulary.append(term)
            return UInt32(vocabulary.count - 1)
        }
        let text = "Russia's envoy said Moscow would respond. Russia’s ministry agreed; 42 diplomats left Moscow."
        let occurrences = StoryVocabulary.occurrences(text: text, title: "Moscow responds")
            + [TermOccurrence(term: "half", plain: 0.5, entity: 0, title: 0),
               TermOccurrence(term: "big", plain: 300, entity: 70_000, title: 1),
               TermOccurrence(term: "negative", plain: -1, entity: 0, title: 0)]
        let packed = TermOccurrence.pack(occurrences, id: id)
        #expect(TermOccurrence.unpack(packed, term: { $0 < vocabulary.count ? vocabulary[Int($0)] : nil }) == occurrences)
        // A plain whole count under 128 with a term id under 32: two bytes.
        #expect(TermOccurrence.pack([TermOccurrence(term: "russia", plain: 3, entity: 0, title: 0)], id: { _ in 5 }) == [20, 3])
        #expect(packed.count < TermOccurrence.encode(occurrences).utf8.count / 2)
        // Unknown ids and cut blobs are refused.
        #expect(TermOccurrence.unpack(packed, term: { _ in nil }) == nil)
        #expect(TermOccurrence.unpack([0x80], term: { _ in "x" }) == nil)
        #expect(TermOccurrence.unpack([2, 0, 0], term: { _ in "x" }) == nil)
    }

    @Test func keptDocumentsInternedByIDGiveTheIDsAndCountsOfInterningByName() {
        // A kept vocabulary in one order; this pass meets the documents (and so their terms) in
        // another, with a document computed from its text in between.
        let texts = [
            ("Russia's envoy said Moscow would respond. Russia’s ministry agreed; 42 diplomats left.", "Moscow responds"),
            ("Aung San Suu Kyi met envoy Christine Schraner Burgener in Naypyitaw on Friday, 2019.", nil),
            ("The envoy left Moscow on Friday; the ministry said 42 diplomats would follow.", "Envoy leaves"),
            ("", ""),
        ]
        let occurrences = texts.map { StoryVocabulary.occurrences(text: $0.0, title: $0.1) }
        var keptTerms: [String] = []
        var keptIDs: [String: UInt32] = [:]
        func id(_ term: String) -> UInt32 {
            if let known = keptIDs[term] { return known }
            keptIDs[term] = UInt32(keptTerms.count)
            keptTerms.append(term)
            return UInt32(keptTerms.count - 1)
        }
        let packed = occurrences.reversed().map { TermOccurrence.pack($0, id: id) }.reversed().map { $0 }
        var byName = StoryVocabulary()
        var byID = StoryVocabulary()
        var ownID = [Int32](repeating: -1, count: keptTerms.count)
        for (index, document) in occurrences.enumerated() {
            let named = byName.intern(document)
            if index == 2 {
                // Computed from its text this time: interned by name in both passes.
                #expect(byID.intern(document) == named)
            } else {
                let kept = TermOccurrence.unpackIDs(packed[index])!
                #expect(byID.intern(kept: kept, keptTerms: keptTerms, ownID: &ownID) == named)
            }
        }
        #expect(byID.terms == byName.terms)
        // Ids follow this pass's order, not the kept vocabulary's.
        #expect(byID.terms.first != keptTerms.first)
        // An id outside the kept vocabulary is refused before anything is interned.
        var untouched = StoryVocabulary()
        var fresh = [Int32](repeating: -1, count: keptTerms.count)
        let bad = [(id: UInt32(0), plain: Float(1), entity: Float(0), title: Float(0)), (id: UInt32(keptTerms.count), plain: 1, entity: 0, title: 0)]
        #expect(untouched.intern(kept: bad, keptTerms: keptTerms, ownID: &fresh) == nil)
        #expect(untouched.terms.isEmpty)
        #expect(fresh.allSatisfy { $0 == -1 })
    }
}
