import Testing
@testable import WiretraceQuotes

/// Quotes linked across outlets: the earliest sighting names the first reporter, agencies in
/// between relay it, other publishers carry it, and a named speaker is lent to sightings that
/// only describe the speaker.
@Suite struct QuoteLinkerTests {
    @Test func chainsAndSpeakersAcrossOutlets() {
        let text = "We will never accept a deal that hurts our farmers and our workers"
        let sightings = [
            QuoteLinker.Sighting(documentID: "late", start: 10, text: "\(text).", kind: "direct", speaker: "the minister",
                                 via: ["Agency One", "Wire Two", "Daily Paper"]),
            QuoteLinker.Sighting(documentID: "first", start: 0, text: "“\(text)”", kind: "direct", speaker: "Ana Lima", via: ["Agency One"]),
            QuoteLinker.Sighting(documentID: "other", start: 5, text: "A different remark about the harvest this year", kind: "direct",
                                 speaker: nil, via: ["Daily Paper"]),
            QuoteLinker.Sighting(documentID: "first", start: 90, text: text, kind: "indirect", speaker: nil, via: ["Agency One"]),
        ]
        let sources = [
            QuoteLinker.Source(id: "first", outlet: "Agency One", published: "2026-01-01T08:00:00Z", time: 100),
            QuoteLinker.Source(id: "late", outlet: "Daily Paper", published: "2026-01-01T12:00:00Z", time: 200),
            QuoteLinker.Source(id: "other", outlet: "Daily Paper", published: nil, time: nil),
        ]
        let result = QuoteLinker.link(sightings, sources: sources)
        // Direct quotes first (the two sightings of one quote, then the other), then the paraphrase.
        #expect(result.quoteIDs == [1, 1, 2, 3])
        let quote = result.quotes[0]
        #expect(quote.firstDocument == "first" && quote.firstSeen == "2026-01-01T08:00:00Z")
        #expect(quote.firstReporter == "Agency One")
        #expect(quote.speaker == "Ana Lima")
        #expect(quote.relayedBy == ["Wire Two"])
        #expect(quote.carriedBy == ["Daily Paper"])
        #expect(quote.sightings == 2)
        #expect(quote.text == "“\(text)”")
        #expect(result.resolvedSpeakers == ["Ana Lima", nil, nil, nil])
    }
}
