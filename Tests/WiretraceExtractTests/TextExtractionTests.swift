import Testing
import WiretraceCore
import WiretraceExtract

@Suite("Text extraction")
struct TextExtractionTests {
    /// A scrape in the shape of a republished wire story: navigation line, repeated title, photo
    /// caption, dateline, "READ:" teasers, a credit line and a trailing teaser heading.
    static let scrape = """
        Skip to main content



        Port city votes to ban cruise ships from old harbour

        Port city votes to ban cruise ships from old harbour

        A cruise liner is moored beside the old harbour wall in Valletta, Malta May 3, 2023. Picture taken May 3, 2023. Jon Grech/Handout via REUTERS

        VALLETTA: City councillors on Thursday (May 4) voted to keep large cruise ships out of the old harbour from next year.

        "The harbour cannot carry this traffic any longer," the mayor said after the vote.

        READ: Cruise bookings hit new record as travel rebounds

        Shipping lines have said they will appeal the decision.

        Source: Reuters/ab


        Also worth reading
        """

    private func scraped(_ text: String, title: String? = nil) -> RawDocument {
        RawDocument(
            id: "scrape.txt", location: SourceLocation(file: "dump/scrape.txt"), format: .text,
            title: title, payload: .scrapedText(text))
    }

    @Test("a scraped page keeps body paragraphs and moves the credit line to credits")
    func scrapedPage() throws {
        let article = try ArticleExtractor().extract(scraped(Self.scrape)).get()
        #expect(article.title == "Port city votes to ban cruise ships from old harbour")
        #expect(article.text == """
            VALLETTA: City councillors on Thursday (May 4) voted to keep large cruise ships out of the old harbour from next year.

            "The harbour cannot carry this traffic any longer," the mayor said after the vote.

            Shipping lines have said they will appeal the decision.
            """)
        #expect(article.credits == [WireCredit(agency: "Reuters", text: "Source: Reuters/ab")])
        #expect(article.dateline == "VALLETTA")
    }

    /// A full-page scrape: site name, menu, section label, title, byline with date, body with an
    /// advertisement slot and a subheading, then teasers and a newsletter promo.
    static let pageScrape = """
        Skip to main content

        Fenland Gazette

        Home  Local  Farming  Sport  Weather

        Farming

        Sugar beet harvest starts early after a dry autumn

        By Orla Quinn
        3 October 2023, 07:10

        ELY — Farmers across the fens began lifting sugar beet a fortnight early this week, after weeks of dry weather left the crop ready ahead of schedule.

        Advertisement · Scroll to continue with content

        The processing plant at Wissington said it would open its gates on Monday to cope with the early loads.

        Prices

        Growers said contract prices had held steady, though fuel costs for the lifting machines had risen sharply since last year.

        More from the Gazette

        Village fete raises record sum for the church roof

        Fenland Gazette Daily: the morning's local news, straight to your inbox.

        © 2023 Fenland Gazette Ltd.
        """

    @Test("a full-page scrape keeps the body run and reads title and byline before it")
    func pageScrapeBody() throws {
        let article = try ArticleExtractor().extract(scraped(Self.pageScrape)).get()
        #expect(article.title == "Sugar beet harvest starts early after a dry autumn")
        #expect(article.byline == "Orla Quinn")
        #expect(article.dateline == "ELY")
        #expect(article.text == """
            ELY — Farmers across the fens began lifting sugar beet a fortnight early this week, after weeks of dry weather left the crop ready ahead of schedule.

            The processing plant at Wissington said it would open its gates on Monday to cope with the early loads.

            Prices

            Growers said contract prices had held steady, though fuel costs for the lifting machines had risen sharply since last year.
            """)
        #expect(article.credits.isEmpty)
    }

    @Test("the record's title wins over the first line")
    func scrapedKnownTitle() throws {
        let article = try ArticleExtractor().extract(scraped(Self.scrape, title: "Given")).get()
        #expect(article.title == "Given")
        #expect(!article.text.contains("Port city votes to ban cruise ships from old harbour\n"))
    }

    @Test("photo captions are recognised in their common shapes", arguments: [
        "Protesters gather outside parliament in Lima, Peru, June 1, 2023. REUTERS/Ana Ruiz",
        "Firefighters work at the scene. (AP Photo/Joe Bloggs)",
        "The minister arrives for talks. Photo: Sam Lee/Example Times",
    ])
    func captionsDropped(caption: String) throws {
        let text = "Headline of the day\n\n\(caption)\n\nThe talks lasted three hours and ended without agreement."
        let article = try ArticleExtractor().extract(scraped(text)).get()
        #expect(article.text == "The talks lasted three hours and ended without agreement.")
    }

    @Test("verbatim text is returned byte-identical, metadata read around it")
    func verbatim() throws {
        let text = "Drought cuts hydro output\r\nBy Reuters\n\n  OSLO (Reuters) - Norway's hydropower output fell  sharply in July as reservoirs ran low.\u{00A0}\n\nAnalysts expect prices to stay high.\n"
        let raw = RawDocument(
            id: "rec-1", location: SourceLocation(file: "dump.jsonl", record: 3), format: .jsonl,
            payload: .verbatimText(text))
        let article = try ArticleExtractor().extract(raw).get()
        #expect(Array(article.text.utf8) == Array(text.utf8))
        #expect(article.title == "Drought cuts hydro output")
        #expect(article.byline == nil, "an agency is a credit, not an author")
        #expect(article.dateline == "OSLO")
        #expect(article.credits.map(\.agency) == ["Reuters"])
        #expect(article.source == "dump.jsonl record 3")
    }

    @Test("a long first sentence is not taken as a verbatim title")
    func verbatimNoTitle() throws {
        let raw = RawDocument(
            id: "rec-2", location: SourceLocation(file: "dump.jsonl"), format: .jsonl,
            payload: .verbatimText("The council met on Monday and approved the budget."))
        #expect(try ArticleExtractor().extract(raw).get().title == nil)
    }

    @Test("whitespace-only text is a no-text rejection; control-byte text is binary")
    func textRejections() {
        let location = SourceLocation(file: "dump.jsonl", record: 9)
        let blank = RawDocument(id: "b", location: location, format: .jsonl, payload: .verbatimText(" \n\t "))
        let junk = String(repeating: "\u{0}\u{1}\u{2}x", count: 100)
        let binary = RawDocument(id: "j", location: location, format: .text, payload: .scrapedText(junk))
        if case .failure(let rejection) = ArticleExtractor().extract(blank) {
            #expect(rejection.reason == .noText)
            #expect(rejection.location == location)
        } else {
            Issue.record("blank text was accepted")
        }
        if case .failure(let rejection) = ArticleExtractor().extract(binary) {
            #expect(rejection.reason == .binaryContent)
        } else {
            Issue.record("binary text was accepted")
        }
    }
}
