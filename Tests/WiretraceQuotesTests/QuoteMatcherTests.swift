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
