import WiretraceCore
import Testing
@testable import WiretraceQuotes

@Suite struct QuoteMatcherTests {
    @Test func keyDropsPunctuationAndCase() {
        #expect(QuoteMatcher.key("“Thanks to Russia, our army has become one of the strongest!”")
            == "thanks to russia our army has become one of the strongest")
        #expect(QuoteMatcher.key("Don’t   stop") == QuoteMatcher.key("don't stop"))
        #expect(QuoteMatcher.key("time-tested") == "time tested")
    }

    @Test func equalUpToPunctuationGroupTogether() {
        let groups = QuoteMatcher.group([
            "Thanks to Russia, our army has become one of the strongest in the region",
            "\"Thanks to Russia our army has become one of the strongest in the region.\"",
        ])
        #expect(groups == [[0, 1]])
    }

    @Test func truncationGroupsWhenTheRunIsLongEnough() {
        let groups = QuoteMatcher.group([
            "Thanks to Russia, our army has become one of the strongest in the region",
            "our army has become one of the strongest",
            "the strongest in the region",  // only five words: too short to call a truncation
        ])
        #expect(groups == [[0, 1], [2]])
    }

    @Test func smallEditGroups() {
        let groups = QuoteMatcher.group([
            "We are committed to continue making efforts to strengthen bilateral ties",
            "We are committed to continuing making efforts to strengthen bilateral ties",
        ])
        #expect(groups == [[0, 1]])
    }

    @Test func differentQuotesStayApart() {
        let quotes = [
            "Myanmar for us is a time-tested strategic partner and reliable ally",
            "We are committed to continue making efforts to strengthen bilateral ties",
            "Myanmar for us is a time-tested strategic partner and reliable ally!",
            "stronger and stronger",
        ]
        let groups = QuoteMatcher.group(quotes)
        #expect(groups == [[0, 2], [1], [3]])
        #expect(groups.flatMap { $0 }.sorted() == Array(quotes.indices))
    }
}

@Suite struct QuoteMatcherFastPathTests {

    /// Quotes built from a small vocabulary, with exact repeats, truncations, one-word edits and
    /// punctuation changes, so that every matching rule fires many times.
    static func corpus(seed: UInt64, count: Int) -> [String] {
        let vocabulary = ["the", "army", "russia", "strong", "region", "we", "will", "not", "allow", "talks",
                          "peace", "minister", "said", "our", "people", "trust", "never", "again", "deal", "time",
                          "partner", "ally", "reliable", "support", "future", "border", "security", "a", "of", "to"]
        var random = SplitMix64(seed: seed)
        var quotes: [String] = []
        for _ in 0..<count {
            if !quotes.isEmpty, random.next(3) == 0 {
                var words = quotes[random.next(quotes.count)].split(separator: " ").map(String.init)
                switch random.next(3) {
                case 0 where words.count > 7: words = Array(words.prefix(words.count - 2))
                case 1: words[random.next(words.count)] = vocabulary[random.next(vocabulary.count)]
                default: words[words.count - 1] += ","
                }
                quotes.append(words.joined(separator: " "))
            } else {
                let length = 3 + random.next(14)
                quotes.append((0..<length).map { _ in vocabulary[random.next(vocabulary.count)] }.joined(separator: " "))
            }
        }
        quotes.append("")
        quotes.append("—")
        return quotes
    }

    /// Longer quotes cut at either end or both (runs from the middle), with repeated words, so
    /// that the six-word-run index and the size-ordered prefix index both do the matching.
    static func cutCorpus(seed: UInt64, count: Int) -> [String] {
        let vocabulary = (0..<60).map { "w\($0)" } + ["the", "the", "of", "said"]
        var random = SplitMix64(seed: seed)
        var quotes: [String] = []
        for _ in 0..<count {
            if !quotes.isEmpty, random.next(2) == 0 {
                let words = quotes[random.next(quotes.count)].split(separator: " ").map(String.init)
                let cutFront = random.next(4)
                let cutBack = random.next(4)
                guard words.count > cutFront + cutBack else { quotes.append(words.joined(separator: " ")); continue }
                var kept = Array(words[cutFront..<(words.count - cutBack)])
                if random.next(4) == 0 { kept[random.next(kept.count)] = vocabulary[random.next(vocabulary.count)] }
                quotes.append(kept.joined(separator: " "))
            } else {
                let length = 4 + random.next(24)
                quotes.append((0..<length).map { _ in vocabulary[random.next(vocabulary.count)] }.joined(separator: " "))
            }
        }
        return quotes
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func runAndPrefixIndexesEqualAllPairsOnCutQuotes(seed: UInt64) {
        let quotes = Self.cutCorpus(seed: seed, count: 600)
        let fast = QuoteMatcher.group(quotes)
        #expect(fast == QuoteMatcher.referenceGroup(quotes))
        #expect(fast.count < quotes.count - 100)
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func prefixFilteredGroupingEqualsAllPairs(seed: UInt64) {
        let quotes = Self.corpus(seed: seed, count: 300)
        let fast = QuoteMatcher.group(quotes)
        #expect(fast == QuoteMatcher.referenceGroup(quotes))
        #expect(fast.count < quotes.count - 50)  // the corpus really has matches to find
    }

    /// Copies repeat each quote many times: equal texts are grouped once and every copy joins
    /// its text's group. Canonically equal texts that differ in their bytes (a precomposed and a
    /// decomposed accent) are kept apart as the reference keeps them.
    @Test(arguments: [41, 42] as [UInt64])
    func repeatedTextsGroupAsAllPairs(seed: UInt64) {
        let distinct = Self.cutCorpus(seed: seed, count: 120) + ["caf\u{E9} was closed all of last week by order", "cafe\u{301} was closed all of last week by order"]
        var random = SplitMix64(seed: seed)
        let quotes = (0..<900).map { _ in distinct[random.next(distinct.count)] }
        let fast = QuoteMatcher.group(quotes)
        #expect(fast == QuoteMatcher.referenceGroup(quotes))
        #expect(fast.count < distinct.count)  // copies really were grouped
        // One label per distinct text, equal exactly when the texts share a group.
        let labels = QuoteMatcher.groupDistinct(distinct)
        let groups = QuoteMatcher.referenceGroup(distinct)
        for group in groups { #expect(Set(group.map { labels[$0] }).count == 1) }
        #expect(Set(groups.map { labels[$0[0]] }).count == groups.count)
    }

    /// Keys are found a block of 4,096 quotes at a time on several threads: the groups are the
    /// ones one thread gives, across block ends.
    @Test func threadsGiveWhatOneThreadGives() {
        let quotes = Self.cutCorpus(seed: 21, count: 9_000)
        let one = QuoteMatcher.group(quotes)
        #expect(one.count < quotes.count - 1_000)
        #expect(QuoteMatcher.group(quotes, workers: 2) == one)
        #expect(QuoteMatcher.group(quotes, workers: 3) == one)
    }
}

/// ``QuoteMatcher/keyWords(_:)`` cuts words as it reads; ``QuoteMatcher/key(_:)`` split at its
/// spaces is the reference it must equal.
@Suite struct QuoteKeyWordsTests {
    @Test func everyASCIIScalarSeparatesAsTheKeyDoes() {
        for value in 0..<0x80 {
            let scalar = Unicode.Scalar(UInt8(value))
            #expect(
                QuoteMatcher.isKeySeparator(scalar) == (scalar.isSpace || scalar.properties.isDash || scalar == "/"),
                "U+\(String(value, radix: 16))")
        }
    }

    @Test func wordsAreTheKeySplitAtSpaces() {
        let fixed = [
            "", " ", "—", "a-b", "time–tested / proven", "Don’t   stop", " lead and trail ", "x\u{00A0}y", "İstanbul’s mayor",
            "naïve café, 12/3", "Straße — ГОСУДАРСТВО", "a\u{2010}b\u{2212}c", "tab\there\nline", "“quoted,” he said.",
        ]
        for quote in fixed {
            #expect(QuoteMatcher.keyWords(quote) == QuoteMatcher.key(quote).split(separator: " ").map(String.init), "\(quote)")
        }
    }

    /// Random strings over letters, digits, punctuation, spaces and dashes of several scripts.
    @Test(arguments: [31, 32, 33] as [UInt64])
    func randomTextGivesTheKeysWords(seed: UInt64) {
        let pieces: [String] = [
            "a", "Z", "7", " ", "  ", "-", "/", "'", "’", ",", ".", "\t", "\n", "—", "–", "\u{00A0}", "\u{2010}", "é", "É",
            "ß", "İ", "Ж", "ж", "٣", "中", "!", "\"", "“", "”", "_", "(", ")", "\u{0301}", "\u{3000}",
        ]
        var random = SplitMix64(seed: seed)
        for _ in 0..<2_000 {
            let quote = (0..<random.next(24)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(QuoteMatcher.keyWords(quote) == QuoteMatcher.key(quote).split(separator: " ").map(String.init), "\(quote)")
        }
    }
}
