import Testing
import WiretraceCore
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

    /// Many sightings of few quotes, speakers and chains, as copies carry them: linking over the
    /// occurrence table gives what linking over the sightings gives, quote for quote.
    @Test(arguments: [7, 8, 9] as [UInt64])
    func occurrenceTableLinksAsSightings(seed: UInt64) {
        let texts = QuoteMatcherFastPathTests.cutCorpus(seed: seed, count: 80) + [
            "Prices will fall before the winter, the ministry expects", "Prices will fall before the winter",
            "caf\u{E9} shut", "cafe\u{301} shut",
        ]
        let speakers: [String?] = [nil, "the minister", "Ana Lima", "Ana Lima", "he", "Jos\u{E9} Lima", "Jose\u{301} Lima", "Maria Pereira da Silva", "The spokesperson"]
        let chains = [["Agency One"], ["Agency One", "Daily Paper"], ["Wire Two", "Agency One", "Daily Paper"], ["Daily Paper"], []]
        var random = SplitMix64(seed: seed)
        var sources: [QuoteLinker.Source] = []
        for index in 0..<40 {
            let outlet: String? = index % 5 == 0 ? nil : "Outlet \(index % 7)"
            let dated = index % 3 != 0
            let day = 1 + index % 9
            sources.append(QuoteLinker.Source(
                id: "d\(index)", outlet: outlet, published: dated ? "2026-01-0\(day)T08:00:00Z" : nil,
                time: dated ? Double(day * 86_400) : nil))
        }
        let documentIDs = sources.map { $0.id }
        var sightings: [QuoteLinker.Sighting] = []
        var table = QuoteLinker.OccurrenceTable(documentIDs: documentIDs)
        for _ in 0..<1_500 {
            // A few occurrences name a document no source has (a store out of step).
            let stray = random.next(100) == 0
            let documentID = stray ? "stray\(random.next(3))" : documentIDs[random.next(documentIDs.count)]
            let sighting = QuoteLinker.Sighting(
                documentID: documentID, start: random.next(5_000), text: texts[random.next(texts.count)],
                kind: random.next(3) == 0 ? "indirect" : "direct", speaker: speakers[random.next(speakers.count)],
                via: chains[random.next(chains.count)])
            sightings.append(sighting)
            let document = stray ? table.addDocument(documentID) : Int32(documentIDs.firstIndex(of: documentID)!)
            table.append(
                document: document, start: sighting.start, text: sighting.text, kind: sighting.kind, speaker: sighting.speaker,
                via: sighting.via)
        }
        table.finishReading()
        #expect(table.count == sightings.count)
        #expect(table.textValues.count == Set(texts.map { Array($0.utf8) }).count)  // each text held once
        for (index, sighting) in sightings.enumerated() {
            let read = table.sighting(index)
            #expect(read.documentID == sighting.documentID && read.start == sighting.start && read.kind == sighting.kind)
            #expect(read.text == sighting.text && read.speaker == sighting.speaker && read.via == sighting.via)
        }
        let plain = QuoteLinker.link(sightings, sources: sources)
        let compact = QuoteLinker.link(table, sources: sources, workers: 2)
        #expect(compact.quoteIDs == plain.quoteIDs)
        #expect(compact.resolvedSpeakers == plain.resolvedSpeakers)
        #expect(compact.quotes == plain.quotes)
        // Distinct texts of a kind really were matched into fewer quotes.
        #expect(plain.quotes.count < Set(sightings.map { [$0.kind] + [$0.text] }).count)
        #expect(plain.resolvedSpeakers.contains { $0 != nil })
    }

    /// A text longer than 15 bytes shares the storage of the first `==` one, as the run has read
    /// occurrences since equal texts were shared; a shorter one only a byte-identical one.
    @Test func occurrenceTableSharesAsTheRunReadsThem() {
        var table = QuoteLinker.OccurrenceTable(documentIDs: ["a"])
        for text in ["caf\u{E9} shut", "cafe\u{301} shut", "caf\u{E9} will stay shut all week", "cafe\u{301} will stay shut all week"] {
            table.append(document: 0, start: 0, text: text, kind: "direct", speaker: nil, via: [])
        }
        #expect(table.textValues.count == 3)
        #expect(Array(table.text(1).utf8) == Array("cafe\u{301} shut".utf8))
        #expect(Array(table.text(3).utf8) == Array("caf\u{E9} will stay shut all week".utf8))
    }
}
