import Testing
import WiretraceCore
import WiretraceExtract

/// Metadata taken from the `<title>` suffix and the URL when the page states nothing better.
@Suite("Metadata fallbacks")
struct MetadataFallbackTests {
    static func page(title: String, head: String = "", body: String = "<p>The council approved the budget on Monday after a long debate.</p>") -> String {
        "<html lang=\"en\"><head><title>\(title)</title>\(head)</head><body><article>\(body)</article></body></html>"
    }

    @Test("the <title> suffix names the outlet when it spells the host", arguments: [
        ("Budget approved — The Straits Ledger", "https://www.straitsledger.example/2021/06/22/budget", "The Straits Ledger"),
        ("Budget approved · Mandalay Wire Digest", "https://mandalaywiredigest.example/budget/", "Mandalay Wire Digest"),
        ("Budget approved - Lakeside Evening Post", "https://lakesideeveningpost.example/local/budget", "Lakeside Evening Post"),
    ])
    func outletFromTitleSuffix(title: String, url: String, outlet: String) throws {
        let article = try extractArticle(htmlDocument(Self.page(title: title), url: url))
        #expect(article.outlet == outlet)
        #expect(article.title == "Budget approved")
    }

    @Test("a headline's second half is not an outlet; the host is the fallback")
    func headlineDashIsNotAnOutlet() throws {
        let article = try extractArticle(htmlDocument(
            Self.page(title: "Council approves budget - Mayor Welcomes Vote"), url: "https://www.citypaper.example/news/budget"))
        #expect(article.outlet == "citypaper.example")
    }

    @Test("og:site_name still wins over the <title> suffix")
    func siteNameWins() throws {
        let article = try extractArticle(htmlDocument(
            Self.page(title: "Budget approved | City Paper", head: "<meta property=\"og:site_name\" content=\"The City Paper Online\">"),
            url: "https://citypaper.example/budget"))
        #expect(article.outlet == "The City Paper Online")
    }

    @Test("the URL's date is the publication date when nothing else gives one", arguments: [
        ("https://example.org/asia/2021/06/22/junta-chief", "2021-06-22"),
        ("https://example.org/news/budget-approved-2019-11-18", "2019-11-18"),
        ("https://example.org/2021/06/22", "2021-06-22"),
    ])
    func publishedFromURL(url: String, date: String) throws {
        let article = try extractArticle(htmlDocument(Self.page(title: "Budget approved"), url: url))
        #expect(article.published == date)
    }

    @Test("no date in a URL without one, nor in numbers that are not dates", arguments: [
        "https://example.org/news/budget-approved-14848382.php",
        "https://example.org/2021/13/40/budget",
        "https://example.org/id/20210622123/budget",
    ])
    func noDateInURL(url: String) throws {
        let article = try extractArticle(htmlDocument(Self.page(title: "Budget approved"), url: url))
        #expect(article.published == nil)
    }

    @Test("the URL's full day outweighs a stated date on another day; on the same day the stated time stands")
    func urlDayOutweighsStatedDate() throws {
        let head = "<meta property=\"article:published_time\" content=\"2021-06-23T08:00:00Z\">"
        let otherDay = try extractArticle(htmlDocument(
            Self.page(title: "Budget approved", head: head), url: "https://example.org/2021/06/22/budget"))
        #expect(otherDay.published == "2021-06-22")
        let sameDay = try extractArticle(htmlDocument(
            Self.page(title: "Budget approved", head: head), url: "https://example.org/2021/06/23/budget"))
        #expect(sameDay.published == "2021-06-23T08:00:00Z")
    }
}
