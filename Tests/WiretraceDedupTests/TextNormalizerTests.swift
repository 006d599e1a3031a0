import WiretraceCore
import Testing
@testable import WiretraceDedup

@Suite struct TextNormalizerTests {
    /// Fixed cases across scripts and punctuation; the fast path must equal the reference.
    static let cases: [String] = [
        "",
        "   \n\t  ",
        "Myanmar's junta chief on Tuesday thanked Russia, a major weapons supplier.",
        "Russia's defence minister met Min Aung Hlaing in Moscow on June 22, 2021.",
        "“Thanks to Russia, our army has become one of the strongest,” he said — according to TASS’ report.",
        "Café Zürich: naïve façade, São Paulo, Ångström, Øresund, Łódź, Dvořák",
        "Cafe\u{301} with a combining accent, and A\u{30A} too",
        "Министр обороны России Сергей Шойгу заявил: «Мьянма — надёжный союзник».",
        "ΟΔΥΣΣΕΥΣ και Οδυσσεύς στην Αθήνα",
        "緬甸軍政府領導人感謝俄羅斯 東京で会談した。서울에서 회담",
        "Die Straße in München ist groß; STRASSE",
        "ＡＢＣ ｆｕｌｌｗｉｄｔｈ １２３ and the ﬁnal oﬃce",
        "In 2021-22 the 3rd-quarter GDP rose 4.5% to $1,200bn (½ of ²⁄₃)",
        "rock 'n' roll, the players' union, ʼokina and ‘single’ quotes",
        "soft\u{AD}hyphen and zero\u{200B}width and ZWJ\u{200D}joined",
        "İstanbul’da DİYARBAKIR ve ıspanak; Kelvin \u{212A}",
        "हिन्दी समाचार एजेंसी ने कहा, ক্ষমতা দখল",
        "한국어 ᄒ\u{1161}\u{11AB}글 ㄱㅏ compatibility jamo",
        "a = b but a =\u{338} b and x <\u{338} y",
        "emoji 🇲🇲 flags 👍🏽 and math 𝐀𝐁𝐂 letters",
        "مرحبا بِالعالَم العربي",
        "据塔斯社(TASS)6月22日报道，缅甸国防军总司令敏昂莱表示：“多亏了俄罗斯”。ｶﾀｶﾅ ㍿ ภาษาไทย ข่าว ភាសាខ្មែរ",
        "tab\tseparated\r\nlines\u{2028}and\u{00A0}nbsp",
    ]

    @Test(arguments: cases)
    func fastPathEqualsReference(_ text: String) {
        #expect(TextNormalizer.tokenHashes(text) == TextNormalizer.referenceTokenHashes(text))
    }

    @Test func randomStringsFastPathEqualsReference() {
        let pieces: [String] = [
            "the", "Reuters", "MOSCOW", "Said", "a", "x9", "2021", " ", " ", "  ", "\n", ",", ".", "-", "—", "–",
            "'", "’", "‘", "“", "”", "\"", "«", "»", "é", "e\u{301}", "\u{301}", "\u{308}", "ß", "ẞ", "ﬁ", "Ａ", "１",
            "Москва", "ЁЛКА", "ё", "Ω", "ς", "Σ", "東京", "緬甸", "。", "가", "\u{1161}", "\u{11A8}", "ᄀ", "ㄱ", "ㅏ",
            "न", "ि", "\u{94D}", "İ", "ı", "\u{212A}", "½", "²", "\u{AD}", "\u{200B}", "=", "\u{338}", "<", "🇲🇲",
            "👍🏽", "𝐀", "ʼ", "ŉ", "Ǆ", "ǅ", "\u{0345}", "ﷺ", "㍱", "™", "\u{FEFF}", "ʻ", "\t",
            "据", "报道", "ｶ", "ﾀ", "㍿", "ภา", "\u{E48}", "ข่", "ភា", "\u{17D2}",
        ]
        var random = SplitMix64(seed: 42)
        var sharedCache = ScalarCache()
        for iteration in 0..<200 {
            let length = Int.random(in: 0...40, using: &random)
            let text = (0..<length).map { _ in pieces.randomElement(using: &random)! }.joined()
            let fast = TextNormalizer.tokenHashes(text)
            let reference = TextNormalizer.referenceTokenHashes(text)
            #expect(TextNormalizer.tokenHashes(text, cache: &sharedCache) == reference, "shared cache, iteration \(iteration)")
            #expect(fast == reference, "iteration \(iteration): \(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Every scalar of General Punctuation (U+2000–U+206F, the scalar cache's direct table) and
    /// its neighbours on either side, between words, inside words and next to other punctuation:
    /// one cache shared by every text, so later texts read entries earlier ones filled in.
    @Test func generalPunctuationThroughOneSharedCacheMatchesTheReference() {
        var cache = ScalarCache()
        let scalars = (0x1FFE...0x2071).compactMap(Unicode.Scalar.init)
        for round in 0..<2 {
            for scalar in scalars {
                let mark = String(scalar)
                for text in ["word\(mark)word", "a \(mark) b", "Russia\(mark)s “x\(mark)”", "\(mark)", "é\(mark)Москва"] {
                    #expect(
                        TextNormalizer.tokenHashes(text, cache: &cache) == TextNormalizer.referenceTokenHashes(text),
                        "U+\(String(scalar.value, radix: 16)) in \(text.debugDescription), round \(round)")
                }
            }
        }
    }

    @Test func apostrophesInsideWordsAreDropped() {
        #expect(TextNormalizer.referenceTokens("Russia's") == ["russias"])
        #expect(TextNormalizer.tokenHashes("Russia's") == TextNormalizer.tokenHashes("Russia’s"))
        #expect(TextNormalizer.tokenHashes("Russia's") == TextNormalizer.tokenHashes("RUSSIAS"))
        #expect(TextNormalizer.referenceTokens("the players' union") == ["the", "players", "union"])
    }

    @Test func tokenHashIsPinnedAcrossReleases() {
        // The token hash of "russias" (7 bytes: one partial word) and of "internationally"
        // (15 bytes: one full word and a partial one), computed independently in Python from the
        // definition in StableHash.TokenHasher: pins the hash across runs and releases.
        #expect(TextNormalizer.tokenHashes("Russia’s") == [0x8C52_F582_FBD3_E565])
        #expect(TextNormalizer.tokenHashes("INTERNATIONALLY") == [0x61B7_47B3_26C3_EB49])
        #expect(TextNormalizer.tokenHashes("Internationally, ") == TextNormalizer.tokenHashes("internationally"))
    }

    @Test func tokensAtEveryLengthAndBufferEndMatchTheReference() {
        // Tokens of 1...20 bytes, ending the text or followed by a separator, an apostrophe, a
        // curly apostrophe or non-ASCII: every branch of the 8-byte-load path and its tail.
        let letters = Array("AbCdEfGhIjKlMnOpQrSt0123456789")
        for length in 1...20 {
            let word = String(letters[0..<length])
            for text in [word, word + " x", word + "'s", word + "’s", word + "é", "é" + word, word + "—", "x " + word] {
                #expect(TextNormalizer.tokenHashes(text) == TextNormalizer.referenceTokenHashes(text), "\(text)")
            }
        }
    }

    @Test func longPlainTextsThroughTheBlockPathMatchTheReference() {
        // Mostly plain ASCII over hundreds of bytes (the 64-byte block path), words of 1...40
        // bytes (past the two-word hash) at every alignment, tokens open across blocks, and now
        // and then an apostrophe or a non-ASCII word that sends a block to the chunk path.
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let separators = [" ", " ", " ", ", ", ". ", "\n", "-", "  ", "\t", "(", ")"]
        let rare = ["'s", "’s", " é ", " Москва ", "\u{301}", " ﬁne "]
        var random = SplitMix64(seed: 7)
        for iteration in 0..<300 {
            var text = String(repeating: " ", count: iteration % 64)
            let words = Int.random(in: 0...120, using: &random)
            for _ in 0..<words {
                let length = Int.random(in: 0...9, using: &random) == 0 ? Int.random(in: 17...40, using: &random)
                    : Int.random(in: 1...16, using: &random)
                text += String((0..<length).map { _ in letters.randomElement(using: &random)! })
                text += Int.random(in: 0...30, using: &random) == 0 ? rare.randomElement(using: &random)!
                    : separators.randomElement(using: &random)!
            }
            if Bool.random(using: &random) { text += "unterminatedlongtokenatthefinalbyte" }
            #expect(TextNormalizer.tokenHashes(text) == TextNormalizer.referenceTokenHashes(text), "iteration \(iteration)")
        }
    }

    @Test func longTextsWithTokensOfEveryKindInterleavedMatchTheReference() {
        // Thousands of tokens, past the tokeniser's output buffer many times over: plain ASCII
        // runs (whole 64-byte blocks, and the plain chunks of a block before a byte that is not)
        // broken every 1 to 1,000 words by a token of another kind (across an apostrophe,
        // non-ASCII, NFKC-mapped, sent to the reference path) at every offset inside a block.
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let others = ["Russia's", "Moscow’s", "café", "Москва", "ﬁnal", "e\u{301}", "é", "straße", "“quoted”", "x—y"]
        var random = SplitMix64(seed: 15)
        var cache = ScalarCache()
        for iteration in 0..<60 {
            let everyOther = [1, 2, 3, 7, 63, 64, 65, 255, 257, 1_000][iteration % 10]
            var text = ""
            for word in 0..<Int.random(in: 300...3_000, using: &random) {
                if word % everyOther == everyOther - 1 {
                    text += others.randomElement(using: &random)!
                } else {
                    let length = Int.random(in: 1...(word % 50 == 0 ? 30 : 12), using: &random)
                    text += String((0..<length).map { _ in letters.randomElement(using: &random)! })
                }
                text += Int.random(in: 0...8, using: &random) == 0 ? ", " : " "
            }
            #expect(TextNormalizer.tokenHashes(text, cache: &cache) == TextNormalizer.referenceTokenHashes(text), "iteration \(iteration)")
        }
    }

    @Test func quotesAndDashesSeparate() {
        let curly = "“Thanks to Russia,” he said — Moscow’s view–today"
        let straight = "\"Thanks to Russia,\" he said - Moscow's view-today"
        #expect(TextNormalizer.referenceTokens(curly) == ["thanks", "to", "russia", "he", "said", "moscows", "view", "today"])
        #expect(TextNormalizer.tokenHashes(curly) == TextNormalizer.tokenHashes(straight))
    }

    @Test func compatibilityFormsAndCaseFold() {
        #expect(TextNormalizer.tokenHashes("ＡＢＣ") == TextNormalizer.tokenHashes("abc"))
        #expect(TextNormalizer.referenceTokens("Straße") == ["strasse"])
        #expect(TextNormalizer.tokenHashes("Straße") == TextNormalizer.tokenHashes("STRASSE"))
        #expect(TextNormalizer.tokenHashes("ﬁnal") == TextNormalizer.tokenHashes("final"))
        #expect(TextNormalizer.tokenHashes("Café") == TextNormalizer.tokenHashes("cafe\u{301}"))
        #expect(TextNormalizer.tokenHashes("МОСКВА") == TextNormalizer.tokenHashes("москва"))
        #expect(TextNormalizer.tokenHashes("ΟΔΥΣΣΕΥΣ") == TextNormalizer.tokenHashes("οδυσσευς"))
    }

    @Test func tokensAreRunsOfLettersAndDigitsOfAnyScript() {
        #expect(TextNormalizer.referenceTokens("In 2021-22, GDP rose 4.5%") == ["in", "2021", "22", "gdp", "rose", "4", "5"])
        #expect(TextNormalizer.referenceTokens("Сергей Шойгу: «союзник»") == ["сергей", "шойгу", "союзник"])
        // Scripts written without spaces: one token per character (Hangul is spaced: words).
        #expect(TextNormalizer.referenceTokens("東京で会談した。 서울") == ["東", "京", "で", "会", "談", "し", "た", "서울"])
        #expect(TextNormalizer.referenceTokens("据TASS报道2021年") == ["据", "tass", "报", "道", "2021", "年"])
        #expect(TextNormalizer.referenceTokens("ｶﾀｶﾅ") == ["カ", "タ", "カ", "ナ"])
        #expect(TextNormalizer.referenceTokens("soft\u{AD}hyphen") == ["softhyphen"])
    }

    @Test func emptyAndWhitespaceGiveNoTokens() {
        #expect(TextNormalizer.tokenHashes("").isEmpty)
        #expect(TextNormalizer.tokenHashes(" \n\t — … ").isEmpty)
        #expect(TextNormalizer.referenceTokenHashes("").isEmpty)
    }
}
