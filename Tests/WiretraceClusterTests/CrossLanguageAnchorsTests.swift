import Testing
@testable import WiretraceCluster

/// Anchors: what a translation keeps of its original, written alike whatever the script.
@Suite struct CrossLanguageAnchorsTests {
    static func keys(_ text: String) -> Set<String> { Set(CrossLanguageAnchors.anchors(text).map(\.key)) }

    static func nameKeys(_ text: String) -> Set<String> { keys(text).filter { $0.hasPrefix("~$") } }

    @Test(arguments: [
        // The same name as the English, German, Russian, Arabic and Chinese press write it.
        ["He met Shoigu.", "Er traf Schoigu.", "Он встретился с Шойгу.", "التقى شويغو."],
        ["She thanked Patrushev.", "Sie dankte Patruschew.", "Она поблагодарила Патрушева."],
        ["The talks in Moscow ended.", "Die Gespräche in Moskau endeten.", "Переговоры в Москве завершились.", "会谈在莫斯科结束。"],
        ["A rally for Trump began.", "Митинг Трампа начался.", "Митинг с Трампом начался.", "بدأ تجمع ترامب.", "特朗普的集会开始了。"],
    ])
    func aNameGetsOneKeyInEveryScript(_ texts: [String]) {
        let keys = texts.map(Self.nameKeys)
        for (text, own) in zip(texts, keys) {
            #expect(!own.isDisjoint(with: keys[0]), "\(text) shares no name key with \(texts[0]): \(own) vs \(keys[0])")
        }
    }

    @Test func numbersAreWrittenOneWay() {
        #expect(Self.keys("a rate of 1.5 percent").contains("~#1.5"))
        #expect(Self.keys("ein Satz von 1,5 Prozent").contains("~#1.5"))
        for text in ["1,500 troops", "1.500 Soldaten", "1 500 военных", "1\u{00A0}500 военных", "１５００名士兵", "١٥٠٠ جندي"] {
            #expect(Self.keys(text).contains("~#1500"), "\(text): \(Self.keys(text))")
        }
        // One digit alone is left out (most languages write it as a word); leading zeros go.
        #expect(Self.keys("on June 7 at 07:30").isSuperset(of: ["~#30"]))
        #expect(!Self.keys("on June 7").contains("~#7"))
    }

    @Test func aCapitalAtTheStartOfASentenceIsANameOnlyWhenItIsOneElsewhere() {
        let text = "Officials met on Tuesday. Warren spoke first. The meeting ended."
        let keys = Self.nameKeys(text)
        #expect(keys.isEmpty == false)  // Tuesday, inside a sentence
        #expect(!Self.nameKeys("Warren spoke first. The meeting ended.").contains("~$RN"))
        #expect(Self.nameKeys("Warren spoke first. Then they heard Warren again.").contains("~$RN"))
    }

    @Test func aNameInBracketsAfterItsTransliterationIsKept() {
        #expect(Self.nameKeys("据报道，伊丽莎白·沃伦(Elizabeth Warren)表示").contains("~$RN"))
    }

    @Test func soundKeysFoldSpellings() {
        func key(_ s: String) -> String? { CrossLanguageAnchors.soundKey(Array(s.utf8)) }
        #expect(key("shoigu") == key("schoigu"))
        #expect(key("hlaing") == key("khlain"))
        #expect(key("warren") == key("uorren"))
        #expect(key("massachusetts") == key("massachusets"))
        #expect(key("al") == nil)  // one class: too many names share it
    }

    @Test func evidenceListsWhatBothTextsCarry() {
        let aligned = TranslationEvidence.alignedAnchors(
            "Министр Шойгу встретился с Патрушевым в Москве 22 июня.", title: nil,
            "Minister Shoigu met Patrushev in Moscow on June 22.", sourceTitle: nil)
        #expect(aligned.contains("Шойгу = Shoigu"))
        #expect(aligned.contains("Патрушевым = Patrushev"))
        #expect(aligned.contains("22"))
        #expect(Set(aligned).count == aligned.count)
    }
}

/// Story terms in scripts written without spaces, and the letter variants of one word.
@Suite struct ScriptSegmentTests {
    static func terms(_ text: String) -> [String] {
        StoryVocabulary.occurrences(text: text, title: nil).map(\.term)
    }

    @Test func hanAndKanaRunsBecomeBigrams() {
        #expect(Self.terms("俄罗斯国防部长") == ["俄罗", "罗斯", "斯国", "国防", "防部", "部长"])
        #expect(Self.terms("東京の記者").contains("記者"))
        // A single character stays a term of its own; Latin words around a run are words.
        #expect(Self.terms("据TASS报道").contains("tass"))
    }

    @Test func thaiRunsBecomeTrigrams() {
        #expect(Self.terms("ภาษาไทย").allSatisfy { $0.count == 3 })
    }

    @Test func lettersAreWrittenOneWay() {
        #expect(Self.terms("Ещё всё") == Self.terms("Еще все"))
        #expect(Self.terms("ＴＯＫＹＯ Ｍａｒａｔｈｏｎ") == Self.terms("TOKYO Marathon"))
        // Arabic: the article and what is written onto it, marks, alef and ta marbuta variants.
        #expect(Self.terms("والرئيس") == Self.terms("رئيس"))
        #expect(Self.terms("أحمد") == Self.terms("احمد"))
        #expect(Self.terms("مُحَمَّد") == Self.terms("محمد"))
        #expect(Self.terms("مدينة") == Self.terms("مدينه"))
    }
}

/// Names between two languages written in Latin letters are compared by spelling, not sound.
@Suite struct SpelledAnchorTests {
    static func keys(_ text: String) -> Set<String> { Set(CrossLanguageAnchors.anchors(text).map(\.key)) }

    @Test func latinNamesCarryTheirSpellingAndItsGenitive() {
        let keys = Self.keys("Die Rede Merkels in Paris dauerte lange.")
        #expect(keys.contains("~@merkels"))
        #expect(keys.contains("~@merkel"))
        #expect(keys.contains("~@paris"))
        #expect(!Self.keys("Речь Меркель в Париже.").contains { $0.hasPrefix("~@") })
    }

    @Test func anApostropheKeepsTheNameAndDropsAnElidedArticle() {
        // A possessive or a suffix after the apostrophe keeps the name before it.
        let possessive = Self.keys("The talks at Obrenovac's town hall and Kerimoğlu'nun office ended.")
        #expect(possessive.contains("~@obrenovac"))
        #expect(possessive.contains("~@kerimoglu"))
        #expect(!possessive.contains { $0.hasPrefix("~@obrenovacs") })
        // An elided article of one or two letters goes, the name after it stays.
        let elided = Self.keys("Le ministre s'est rendu à l'Élysée puis chez d’Andrézieux, ainsi qu'Ankaran.")
        #expect(elided.contains("~@ankaran"))  // an article of two letters
        #expect(elided.contains("~@elysee"))
        #expect(elided.contains("~@andrezieux"))
        #expect(!elided.contains { $0.hasPrefix("~@lelysee") || $0.hasPrefix("~@dandrezieux") })
        // A lower-case word is no name, whatever its apostrophes; an apostrophe alone gives nothing.
        #expect(Self.keys("they didn't say it's over ' ").isEmpty)
    }

    @Test func soundAlikeLatinWordsLinkNoPairWrittenInLatin() {
        // "Lima" and "Lomé" share a sound key; two Latin-script languages compare spellings.
        let english = Self.keys("Talks in Lima ended. Later Lima hosted more.")
        let spanish = Self.keys("Las charlas en Lomé terminaron. Luego Lomé recibió más.")
        let sound = english.filter { $0.hasPrefix("~$") }.intersection(spanish)
        #expect(!sound.isEmpty)
        #expect(english.filter { $0.hasPrefix("~@") }.isDisjoint(with: spanish))
        let evidence = TranslationEvidence.alignedAnchors(
            "Talks in Lima ended. Later Lima hosted more.", title: nil, "Las charlas en Lomé terminaron. Luego Lomé recibió más.",
            sourceTitle: nil, spelled: true)
        #expect(evidence.isEmpty)
        #expect(!TranslationEvidence.alignedAnchors(
            "Talks in Lima ended. Later Lima hosted more.", title: nil, "Las charlas en Lomé terminaron. Luego Lomé recibió más.",
            sourceTitle: nil).isEmpty)
    }
}

/// Average linkage with languages: a pair in two languages without an edge is not compared.
@Suite struct LanguageAwareLinkageTests {
    @Test func aTranslationDoesNotDiluteARewriteInTheOriginalsLanguage() {
        // 0 (de) and 1 (en) are a translation pair; 2 (de) rewrites 0. 2 and 1 share no words.
        let edges: [(a: Int, b: Int, similarity: Double)] = [(0, 1, 0.5), (0, 2, 0.2)]
        let withLanguages = AverageLinkage.clusters(sizes: [1, 1, 1], edges: edges, threshold: 0.15, languages: [0, 1, 0])
        #expect(withLanguages == [[0, 1, 2]])
        // Without languages the absent pair 1-2 counts as zero: (0.2 + 0) / 2 < 0.15.
        #expect(AverageLinkage.clusters(sizes: [1, 1, 1], edges: edges, threshold: 0.15) == [[0, 1], [2]])
    }

    @Test func anAbsentPairInOneLanguageStillCounts() {
        // All in one language: the same as without languages.
        let edges: [(a: Int, b: Int, similarity: Double)] = [(0, 1, 0.5), (0, 2, 0.2)]
        #expect(AverageLinkage.clusters(sizes: [1, 1, 1], edges: edges, threshold: 0.15, languages: [0, 0, 0]) == [[0, 1], [2]])
    }
}

/// A language whose every longer word is a name anchor needs more shared anchors to be linked.
@Suite struct CaselessScriptAnchorTests {
    /// Node vectors over anchor terms `0..<n`, each normalised.
    func vector(_ terms: Range<Int>) -> [(term: Int, weight: Double)] {
        let weight = 1 / Double(terms.count).squareRoot()
        return terms.map { ($0, weight) }
    }

    func linked(_ other: String, shared: Int) -> Bool {
        let anchors = [vector(0..<20), vector(0..<shared)]
        let nodes = CrossLanguageNodes(
            anchors: anchors, languages: ["en", other], published: [nil, nil], window: 86_400, termCount: 20,
            configuration: StoryConfiguration())
        return nodes.similarity(0, 1) > 0
    }

    @Test func tenSharedAnchorsLinkACasedScriptButNotACaselessOne() {
        #expect(linked("ru", shared: 10))
        #expect(!linked("ar", shared: 10))
    }

    @Test func enoughSharedAnchorsLinkACaselessScript() {
        #expect(linked("ar", shared: 16))
        #expect(!linked("ar", shared: 14))
    }
}
