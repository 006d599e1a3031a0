import Testing
import WiretraceCore
@testable import WiretraceExtract

/// Titles of scraped text dumps (JSONL `text`, kept verbatim): the first line that reads as a
/// headline, not the page furniture that scraping kept above it.
@Suite struct TextDumpTitleTests {
    static func verbatim(_ text: String, outlet: String? = "harbourtimes.example", id: String = "d1") -> RawDocument {
        RawDocument(
            id: id, location: SourceLocation(file: "dump.jsonl", record: 1), format: .jsonl, outlet: outlet,
            payload: .verbatimText(text))
    }

    static let body = "The harbour board voted on Tuesday to rebuild the northern pier, which was closed after winter storms cracked its pilings and left the ferry service without a landing."

    @Test("furniture above the headline is passed over", arguments: [
        "The Harbour Times",
        "Harbour Times",
        "Sunday, Jul 14th 2024 5-Day Forecast",
        "Updated 2:08 AM ET, Thu August 3, 2023",
        "3 Hours Ago | 04:15",
        "FacebookEmail Twitter Google+ LinkedIn Pinterest",
        "Tags: harbour board | ferries | storms",
        "Fullscreen",
        "share",
        "By Ana Lima and Tom Price - The Harbour Times - Sunday, July 14, 2024",
        "by Coastal Money - Jul 14, 2024 7:00 am",
        "Harbour Times Videos •",
        "The mayor (L) and the harbour master at the pier.Daniel Price / Reuters",
        "Enter City and State or Zip Code",
        "- - - - -",
    ])
    func furnitureIsNotTheTitle(furniture: String) throws {
        let text = "\(furniture)\n\nHarbour board votes to rebuild storm-hit pier\n\n\(Self.body)"
        let article = try ArticleExtractor().extract(Self.verbatim(text)).get()
        #expect(article.title == "Harbour board votes to rebuild storm-hit pier", "after \(furniture)")
        #expect(article.text == text)
    }

    @Test func aPlainHeadlineFirstIsTheTitle() throws {
        let text = "Harbour board votes to rebuild storm-hit pier\n\n\(Self.body)"
        #expect(try ArticleExtractor().extract(Self.verbatim(text)).get().title == "Harbour board votes to rebuild storm-hit pier")
    }

    @Test func aTitleCaseHeadlineMayEndInAFullStop() throws {
        let text = "Tap here to turn on desktop notifications to get the news sent to you.\n\nEDITION\n\nThe Pier Wants Money. The Board Is About To Give It.\n\n\(Self.body)"
        #expect(try ArticleExtractor().extract(Self.verbatim(text)).get().title == "The Pier Wants Money. The Board Is About To Give It.")
    }

    @Test func noHeadlineBeforeTheBodyMeansNoTitle() throws {
        let text = "share\n\n\(Self.body)\n\nFerry service to resume next month, officials say"
        #expect(try ArticleExtractor().extract(Self.verbatim(text)).get().title == nil)
    }

    @Test func theRecordsOwnTitleWins() throws {
        var raw = Self.verbatim("The Harbour Times\n\n\(Self.body)")
        raw.title = "Pier to be rebuilt"
        #expect(try ArticleExtractor().extract(raw).get().title == "Pier to be rebuilt")
    }

    @Test func aTitleLearnedAsTheOutletsBoilerplateIsChosenAgain() throws {
        // Ten pages of one outlet, each opening with the same promotion line, then its headline.
        // (Paragraphs that differ only in their digits count as one, so the pages differ in words.)
        let places = ["Aldous", "Brenning", "Calder", "Dunmore", "Eastwick", "Fairhaven", "Glenroy", "Hollins", "Ivybridge", "Jarrow"]
        let headlines = places.map { "Storm damage in \($0) reaches the harbour council" }
        var articles = try headlines.enumerated().map { index, headline in
            let text = "Get breaking news alerts from the Coast Courier app\n\n\(headline)\n\n\(Self.body) Filed from \(places[index])."
            return try ArticleExtractor().extract(Self.verbatim(text, outlet: "coastcourier.example", id: "c\(index)")).get()
        }
        #expect(articles.allSatisfy { $0.title == "Get breaking news alerts from the Coast Courier app" })
        let texts = articles.map(\.text)
        let learner = OutletBoilerplate()
        learner.clean(&articles, eligible: Array(repeating: false, count: articles.count))
        #expect(articles.map(\.title) == headlines)
        #expect(articles.map(\.text) == texts)
        #expect(learner.retitledDocuments == 10)
    }
    @Test func aTitleThatIsALearnedLineInsideAnotherParagraphIsChosenAgain() throws {
        // The promotion line is learned as a paragraph of its own on ten pages; on the eleventh it
        // opens a longer paragraph, and the record's title is that line with stray spaces, so
        // neither the title as given nor that paragraph is learned: only the line is.
        let promotion = "Get breaking news alerts from the Coast Courier app"
        let places = ["Aldous", "Brenning", "Calder", "Dunmore", "Eastwick", "Fairhaven", "Glenroy", "Hollins", "Ivybridge", "Jarrow"]
        var articles = try places.enumerated().map { index, place in
            let text = "\(promotion)\n\nStorm damage in \(place) reaches the harbour council\n\n\(Self.body)"
            return try ArticleExtractor().extract(Self.verbatim(text, outlet: "coastcourier.example", id: "c\(index)")).get()
        }
        let text = "\(promotion)\nTide warning issued for the Kirkby seafront\n\n\(Self.body) Filed from Kirkby."
        var last = try ArticleExtractor().extract(Self.verbatim(text, outlet: "coastcourier.example", id: "c10")).get()
        last.title = "  " + promotion.replacingOccurrences(of: " app", with: "  app")
        articles.append(last)
        let learner = OutletBoilerplate()
        learner.clean(&articles, eligible: Array(repeating: false, count: articles.count))
        #expect(learner.retitledDocuments == 11)
        #expect(articles[10].title == "Tide warning issued for the Kirkby seafront")
    }
}

/// The lines around a text dump's headline: a caption below a photo credit, a headline scraped twice.
@Suite struct TextDumpHeadlineNeighbourTests {
    static let body = TextDumpTitleTests.body

    static func title(_ text: String) throws -> String? {
        try ArticleExtractor().extract(TextDumpTitleTests.verbatim(text)).get().title
    }

    @Test func aTitleCaseCaptionBelowAPhotoCreditIsNotTheHeadline() throws {
        let caption = "Harbour Master Ana Lima and Mayor Tom Price at the 2023 Pier Summit in Eastwick, Maine."
        let text = "The Harbour Times\n\nCouncil Pool Photo via Associated Press/file\n\n\(caption)\n\nBy Jane Roe\n\n\(Self.body)"
        #expect(try Self.title(text) == nil)
        // Without the credit above it, the same title-case line reads as a headline.
        #expect(try Self.title("The Harbour Times\n\n\(caption)\n\n\(Self.body)") == caption)
    }

    @Test func aHeadlineBelowAPhotoCreditStaysTheHeadline() throws {
        let text = "AP Photo/Jane Roe\n\nHarbour board votes to rebuild storm-hit pier\n\n\(Self.body)"
        #expect(try Self.title(text) == "Harbour board votes to rebuild storm-hit pier")
    }

    @Test func aHeadlineOfTwoSentencesShownTwiceIsTheHeadline() throws {
        let headline = "The board opens its purse for the pier. The ferry operators close theirs."
        #expect(try Self.title("\(headline)\n\n\(headline)\n\n\(Self.body)") == headline)
        // Shown once, a line ending in a full stop reads as a sentence, not a headline.
        #expect(try Self.title("\(headline)\n\n\(Self.body)") == nil)
    }

    @Test func furnitureShownTwiceIsStillNoHeadline() throws {
        let promo = "Subscribe to Breaking News emails."
        #expect(try Self.title("\(promo)\n\n\(promo)\n\n\(Self.body)") == nil)
        let dateLine = "Updated Thursday, August 3, 2023."
        #expect(try Self.title("\(dateLine)\n\n\(dateLine)\n\n\(Self.body)") == nil)
    }
}
