import Foundation
import Testing
import WiretraceCore
@testable import WiretraceExtract

/// Publication dates: every form pages write them in, the order of the sources, plausibility,
/// and ISO 8601 on the way out.
@Suite("Publication dates")
struct PublicationDateTests {
    /// A page with the given `<head>` additions and article markup.
    static func page(head: String = "", lang: String = "en", body: String) -> String {
        """
        <html lang="\(lang)"><head><title>Council approves the harbour budget</title>\(head)</head>
        <body><nav><a href="/">Home</a></nav><article><h1>Council approves the harbour budget</h1>\(body)
        <p>The council approved the harbour budget on Monday after a long debate about dredging and berths.</p>
        </article></body></html>
        """
    }

    static func published(_ markup: String, url: String? = nil, fetched: String? = nil, published: String? = nil) throws -> String? {
        var raw = htmlDocument(markup, url: url)
        raw.fetched = fetched
        raw.published = published
        return try extractArticle(raw).published
    }

    // MARK: Sources

    @Test("JSON-LD: datePublished, not dateModified, whatever their order")
    func jsonLD() throws {
        let head = """
            <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
            "dateModified": "2021-06-24T09:00:00+08:00", "datePublished": "2021-06-22T10:05:00+08:00"}</script>
            """
        #expect(try Self.published(Self.page(head: head, body: "")) == "2021-06-22T10:05:00+08:00")
    }

    @Test("JSON-LD that is not valid JSON still gives its datePublished")
    func invalidJSONLD() throws {
        let head = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"a\nb\", \"datePublished\": \"2021-06-22\",}</script>"
        #expect(try Self.published(Self.page(head: head, body: "")) == "2021-06-22")
    }

    @Test("meta tags of publication dates", arguments: [
        ("<meta property=\"article:published_time\" content=\"2021-06-22T10:05:00Z\">", "2021-06-22T10:05:00Z"),
        ("<meta name=\"DC.date.issued\" content=\"2021-06-22\">", "2021-06-22"),
        ("<meta name=\"parsely-pub-date\" content=\"2021-06-22T10:05:00-04:00\">", "2021-06-22T10:05:00-04:00"),
        ("<meta name=\"sailthru.date\" content=\"Tue, 22 Jun 2021 10:05:00 +0000\">", "2021-06-22T10:05:00Z"),
        ("<meta itemprop=\"datePublished\" content=\"2021-06-22\">", "2021-06-22"),
        ("<meta name=\"pubdate\" content=\"20210622\">", "2021-06-22"),
    ])
    func metaTags(head: String, expected: String) throws {
        #expect(try Self.published(Self.page(head: head, body: "")) == expected)
    }

    /// Links into an archive day: the weakest evidence a page has, which a stronger source must beat.
    static let archiveLinks = "<p><a href=\"/archive/2020-01-01/\">Archive</a> <a href=\"/archive/2020-01-01/\">More</a></p>"

    @Test("a script's data names the publication in any spelling of its key", arguments: [
        "<script>window.pageData = {\"section\": \"ports\", \"Publish_Time\": \"2021-06-22 10:05\"};</script>",
        "<script>var state = \"{\\\"headline\\\":\\\"x\\\",\\\"datePublished\\\":\\\"2021-06-22\\\"}\";</script>",
        "<script>dataLayer.push({'x': 1, \"article-publish-date\" : \"22.06.2021\"});</script>",
    ])
    func scriptDataKeys(script: String) throws {
        #expect(try Self.published(Self.page(body: script + Self.archiveLinks)) == "2021-06-22")
    }

    @Test("a creation time in a script's data is not its publication; the more specific key wins")
    func scriptDataKeyRank() throws {
        let script = "<script>var d = {\"createTime\": \"2021-06-20\", \"publishTime\": \"2021-06-23\"};</script>"
        #expect(try Self.published(Self.page(body: script + Self.archiveLinks)) == "2021-06-23")
        let both = "<script>var d = {\"publishTime\": \"2021-06-23\", \"datePublished\": \"2021-06-22\"};</script>"
        #expect(try Self.published(Self.page(body: both + Self.archiveLinks)) == "2021-06-22")
    }

    @Test("htmldate's modification meta names count only when nothing states the publication", arguments: [
        "article:modified_date", "article:post_modified", "bt:moddate", "modificationdate", "revision_date", "lastdate",
    ])
    func modifiedMetaNames(name: String) throws {
        let head = "<meta name=\"\(name)\" content=\"2021-06-24\">"
        #expect(try Self.published(Self.page(head: head, body: Self.archiveLinks)) == "2021-06-24")
        let both = head + "<meta name=\"og:question:published_time\" content=\"2021-06-22\">"
        #expect(try Self.published(Self.page(head: both, body: Self.archiveLinks)) == "2021-06-22")
    }

    @Test("<time pubdate> and itemprop=datePublished in the article")
    func timeElement() throws {
        let body = "<p class=\"byline\">By Ana Lim, <time pubdate datetime=\"2021-06-22T10:05:00+02:00\">22 June</time></p>"
        #expect(try Self.published(Self.page(body: body)) == "2021-06-22T10:05:00+02:00")
        let itemprop = "<span itemprop=\"datePublished\" content=\"2021-06-21\">21.06.2021</span>"
        #expect(try Self.published(Self.page(body: itemprop)) == "2021-06-21")
    }

    @Test("a date split over sibling elements is read from its pieces")
    func dateInPieces() throws {
        let monthDayTimeYear = "<p class=\"box\"><span>Mar 09</span> <span>14:20</span> <span>2021</span></p>"
        #expect(try Self.published(Self.page(body: monthDayTimeYear)) == "2021-03-09")
        let dayMonthYear = "<div class=\"box\"><b>9.</b><b>März</b><b>2021</b></div>"
        #expect(try Self.published(Self.page(lang: "de", body: dayMonthYear)) == "2021-03-09")
        // A date read whole is not read again, joined to a number in the next element.
        let whole = "<p class=\"box\"><span>9 March 2021</span><span>15</span></p>"
        #expect(try Self.published(Self.page(body: whole)) == "2021-03-09")
    }

    @Test("the URL path states the date when the page does not", arguments: [
        ("https://example.org/2018/10/09/harbour-budget/", "2018-10-09"),
        ("https://example.org/news/harbour-budget-2018-10-09", "2018-10-09"),
        ("https://example.org/archive/20181009/harbour-budget.html", "2018-10-09"),
        ("https://example.org/detail/~22-10-2018-harbour-budget", "2018-10-22"),
        ("https://example.org/bericht_vom_09.10.2018_hafen", "2018-10-09"),
    ])
    func urlPath(url: String, expected: String) throws {
        #expect(try Self.published(Self.page(body: ""), url: url) == expected)
    }

    @Test("a date line on the URL's day gives the time the URL does not have")
    func urlDayWithTime() throws {
        let body = "<div class=\"article-meta\"><span class=\"byline\">By Reuters</span> <time datetime=\"2021-06-22T22:20:00+08:00\">22 June 2021, 22:20</time></div>"
        #expect(try Self.published(Self.page(body: body), url: "https://example.org/asia/2021/06/22/budget") == "2021-06-22T22:20:00+08:00")
    }

    @Test("a full day in the URL path outweighs a stated day that differs from it")
    func urlDayOutweighsTheStatedOne() throws {
        let head = "<meta property=\"article:published_time\" content=\"2021-09-14T08:00:00+02:00\">"
        for (url, expected) in [
            ("https://example.org/2021/06/22/harbour-budget/", "2021-06-22"),
            ("https://example.org/2021/09/13/harbour-budget/", "2021-09-13"),
            ("https://example.org/2021/10/02/harbour-budget/", "2021-10-02"),
            // The same day: the stated time and zone stand.
            ("https://example.org/2021/09/14/harbour-budget/", "2021-09-14T08:00:00+02:00"),
            // A month without a day is no full date: the stated one stands.
            ("https://example.org/2021/09/harbour-budget/", "2021-09-14T08:00:00+02:00"),
        ] {
            #expect(try Self.published(Self.page(head: head, body: ""), url: url) == expected)
        }
        // A date line on the URL's day gives the time and zone the URL lacks.
        let line = "<p class=\"date\"><time datetime=\"2021-07-03T09:30:00+02:00\">3 July 2021</time></p>"
        #expect(try Self.published(Self.page(head: head, body: line), url: "https://example.org/2021/07/03/budget")
            == "2021-07-03T09:30:00+02:00")
    }

    @Test("a date line under the headline, in the page's language", arguments: [
        ("de", "<p class=\"meta\">Veröffentlicht am 27.01.2020, 15:28 Uhr</p>", "2020-01-27"),
        ("de", "<div class=\"article-date\">16. August 2019</div>", "2019-08-16"),
        ("fr", "<p class=\"date\">Publié le 1er mars 2020</p>", "2020-03-01"),
        ("fr", "<span class=\"date\">27 janvier 2020</span>", "2020-01-27"),
        ("es", "<p class=\"fecha\">5 de mayo de 2019</p>", "2019-05-05"),
        ("it", "<p class=\"data\">Pubblicato il 14 gennaio 2020</p>", "2020-01-14"),
        ("pt", "<p class=\"data\">5 de maio de 2019</p>", "2019-05-05"),
        ("nl", "<p class=\"datum\">5 mei 2019</p>", "2019-05-05"),
        ("pl", "<p class=\"data\">3 września 2019</p>", "2019-09-03"),
        ("ru", "<p class=\"date\">16 августа 2019 г.</p>", "2019-08-16"),
        ("tr", "<p class=\"tarih\">12 Ekim 2020</p>", "2020-10-12"),
        ("en", "<p class=\"dateline\">March 27, 2021</p>", "2021-03-27"),
    ])
    func dateLines(lang: String, line: String, expected: String) throws {
        #expect(try Self.published(Self.page(lang: lang, body: line)) == expected)
    }

    @Test("a date line labelled as an update is passed over for the one labelled as published")
    func publishedBeforeUpdated() throws {
        let body = "<p class=\"meta\">Aktualisiert am 29.01.2020 – Veröffentlicht am 27.01.2020</p>"
        #expect(try Self.published(Self.page(lang: "de", body: body)) == "2020-01-27")
    }

    @Test("a generic <meta name=date> gives way to the date line at the headline; a specific key does not")
    func genericMeta() throws {
        let line = "<p class=\"timestamp\">November 18, 2019 at 2:26 PM HST - Updated November 18 at 4:46 PM</p>"
        let generic = "<meta name=\"date\" content=\"2019-11-19T01:48:03.835Z\">"
        #expect(try Self.published(Self.page(head: generic, body: line)) == "2019-11-18T14:26:00-10:00")
        #expect(try Self.published(Self.page(head: generic, body: "")) == "2019-11-19T01:48:03Z")
        let specific = "<meta property=\"article:published_time\" content=\"2019-11-19T00:26:00Z\">"
        #expect(try Self.published(Self.page(head: specific, body: line)) == "2019-11-18T14:26:00-10:00")
    }

    @Test("a modification date is taken only when nothing states the publication")
    func modifiedOnly() throws {
        let modified = "<meta property=\"article:modified_time\" content=\"2021-06-24T09:00:00Z\">"
        #expect(try Self.published(Self.page(head: modified, body: "")) == "2021-06-24T09:00:00Z")
        let both = modified + "<meta property=\"article:published_time\" content=\"2021-06-22T10:05:00Z\">"
        #expect(try Self.published(Self.page(head: both, body: "")) == "2021-06-22T10:05:00Z")
    }

    @Test("dates after the scrape time or before 1995 are not publication dates")
    func implausibleDates() throws {
        let future = "<meta property=\"article:published_time\" content=\"2099-01-01T00:00:00Z\">"
        #expect(try Self.published(Self.page(head: future, body: "<p class=\"date\">22.06.2021</p>")) == "2021-06-22")
        let afterScrape = "<meta property=\"article:published_time\" content=\"2021-07-01T00:00:00Z\">"
        #expect(try Self.published(
            Self.page(head: afterScrape, body: ""), url: "https://example.org/2021/06/22/budget",
            fetched: "2021-06-25T12:00:00Z") == "2021-06-22")
        let ancient = "<meta property=\"article:published_time\" content=\"0001-01-01T00:00:00Z\">"
        #expect(try Self.published(Self.page(head: ancient, body: "")) == nil)
    }

    @Test("a UTC time is given in the zone of the local time the page shows")
    func localTime() throws {
        let head = "<meta property=\"article:published_time\" content=\"2023-11-09T05:30:59+00:00\">"
        let body = "<p class=\"date\">Published: November 8, 2023 at 11:30 p.m.</p>"
        #expect(try Self.published(Self.page(head: head, body: body)) == "2023-11-08T23:30:59-06:00")
    }

    @Test("dates in teasers of other stories are not the page's")
    func teasersElsewhere() throws {
        let markup = """
            <html lang="de"><head><title>Hafen bekommt neues Budget</title></head><body>
            <aside class="related"><p class="date">01.01.2019</p><a href="/x">Andere Meldung</a></aside>
            <article><h1>Hafen bekommt neues Budget</h1><p class="date">27.01.2020</p>
            <p>Der Rat hat das Budget für den Hafen am Montag nach langer Debatte beschlossen.</p></article>
            </body></html>
            """
        #expect(try Self.published(markup) == "2020-01-27")
    }

    @Test("links to the story before and after this one carry their own dates, not the page's")
    func previousAndNextStories() throws {
        for (name, other) in [("prev-item", "14 April 2021"), ("previous-story", "14 April 2021"), ("next-item", "16 April 2021")] {
            let body = """
                <div class="stories-around"><div class="\(name)"><span class="date">\(other)</span> <a href="/x">Another story</a></div></div>
                <p class="date">15 April 2021</p>
                """
            #expect(try Self.published(Self.page(body: body)) == "2021-04-15", "\(name)")
        }
    }

    @Test("an element classed as a date that shows more than two days is a strip of days, not a date line")
    func stripOfDays() throws {
        let strip = "<div class=\"date-strip\"><span>13.04.2021</span> <span>14.04.2021</span> <span>15.04.2021</span></div>"
        #expect(try Self.published(Self.page(body: strip + "<p class=\"date\">15 April 2021</p>")) == "2021-04-15")
        // Two days (published and updated) are still one date line.
        let two = "<div class=\"date\">13.04.2021, updated 14.04.2021</div>"
        #expect(try Self.published(Self.page(body: two)) == "2021-04-13")
    }

    @Test("a framework's root element named \"__next\" is the page, not a link to the next story")
    func frameworkRootIsNoNextLink() throws {
        let markup = """
            <html lang="en"><head><title>Harbour budget</title></head><body>
            <aside class="related"><p class="date">1 January 2020</p></aside>
            <div id="__next"><h2>Council approves the budget</h2><p class="date">15 April 2021</p>
            <p>The council approved the harbour budget on Monday after a long debate about dredging and berths.</p></div>
            </body></html>
            """
        #expect(try Self.published(markup) == "2021-04-15")
    }

    @Test("a date line just below the headline, even in a share bar, outweighs the site's date above it")
    func belowHeadlineOutweighsAbove() throws {
        let markup = """
            <html lang="fr"><head><title>Le conseil adopte le budget du port</title></head><body>
            <div class="player"><span class="schedule-timespan">11/11/2021</span></div>
            <h1>Le conseil adopte le budget du port</h1>
            <div class="date-and-social"><span class="date">23/10/2020</span> <a href="/s">Partager</a></div>
            <p>Le conseil a adopté lundi le budget du port après un long débat sur le dragage et les quais.</p>
            </body></html>
            """
        #expect(try Self.published(markup) == "2020-10-23")
        // Without a date line below it, the one above the headline still dates the page.
        let above = markup.replacingOccurrences(of: "<span class=\"date\">23/10/2020</span>", with: "")
        #expect(try Self.published(above) == "2021-11-11")
    }

    @Test("the permalink (rel=bookmark) of a page saved without its URL dates it; bookmarks on several days do not")
    func permalinkDate() throws {
        let prose = "<p>Members recalled the first debate on 2 March 2021 and the study that followed it in the spring of that year.</p>"
        let permalink = "<footer><a rel=\"bookmark\" href=\"https://blog.example.org/2021/04/14/harbour-budget/\">Permalink</a></footer>"
        #expect(try Self.published(Self.page(body: prose + permalink)) == "2021-04-14")
        // A URL without a date (an id) lets the permalink speak too.
        #expect(try Self.published(Self.page(body: prose + permalink), url: "https://blog.example.org/?p=462") == "2021-04-14")
        let list = permalink + "<p><a rel=\"bookmark\" href=\"https://blog.example.org/2021/04/10/ferry/\">Ferry</a></p>"
        #expect(try Self.published(Self.page(body: prose + list)) == "2021-03-02")
    }

    // MARK: Reading dates

    @Test("machine values are normalised to ISO 8601", arguments: [
        ("Tue Jan 28 15:28:56 CET 2020", "2020-01-28T15:28:56+01:00"),
        ("2019-05-15 05:28:29", "2019-05-15"),
        ("2019-05-15T05:28:29.123+0200", "2019-05-15T05:28:29+02:00"),
        ("2019-05-15T05:28Z", "2019-05-15T05:28:00Z"),
        ("Tue, 28 Jan 2020 15:28:56 GMT", "2020-01-28T15:28:56Z"),
        ("Wed, 15 May 2019 05:28:29 -0400", "2019-05-15T05:28:29-04:00"),
        ("1580221736", "2020-01-28T14:28:56Z"),
        ("20190515", "2019-05-15"),
        ("Tue Nov 19 2019 03:05:46 GMT+0000", "2019-11-19T03:05:46Z"),
        ("Monday, November 18, 2019, 08:19 PM", "2019-11-18"),
        ("2020年1月27日", "2020-01-27"),
    ])
    func machineValues(value: String, expected: String) {
        #expect(DateText.parse(value)?.iso8601 == expected)
    }

    @Test("numeric orders: day first in Europe, month first in American English, the numbers decide when they can", arguments: [
        ("03/04/2020", NumericDateOrder.monthFirst, "2020-03-04"),
        ("03/04/2020", NumericDateOrder.dayFirst, "2020-04-03"),
        ("13/04/2020", NumericDateOrder.monthFirst, "2020-04-13"),
        ("04/13/2020", NumericDateOrder.dayFirst, "2020-04-13"),
        ("03.04.2020", NumericDateOrder.monthFirst, "2020-04-03"),
        ("2020/04/03", NumericDateOrder.monthFirst, "2020-04-03"),
    ])
    func numericOrders(text: String, order: NumericDateOrder, expected: String) {
        #expect(DateText.matches(in: "Posted " + text, order: order).first?.date.isoDay == expected)
    }

    @Test("Arabic month names, of Egypt and the Gulf and the Levantine ones", arguments: [
        ("القاهرة 22 يونيو 2021", "2021-06-22"),
        ("بيروت 22 حزيران 2021", "2021-06-22"),
        ("3 أكتوبر 2020", "2020-10-03"),
    ])
    func arabicMonths(text: String, expected: String) {
        #expect(DateText.matches(in: text, order: .dayFirst).first?.date.isoDay == expected)
    }

    @Test("month names of Catalan, Slovak, Slovenian, Croatian, Serbian, Bulgarian, Estonian and Indonesian", arguments: [
        ("Barcelona, 5 de maig de 2019", "2019-05-05"),
        ("Bratislava 15. októbra 2020", "2020-10-15"),
        ("Ljubljana, 3. junija 2021", "2021-06-03"),
        ("Zagreb, 12. studenoga 2019.", "2019-11-12"),
        ("Beograd, 7. avgust 2020", "2020-08-07"),
        ("София, 22 ноември 2018", "2018-11-22"),
        ("Tallinn, 4. märts 2021", "2021-03-04"),
        ("Jakarta, 17 Agustus 2020", "2020-08-17"),
    ])
    func moreEuropeanMonths(text: String, expected: String) {
        #expect(DateText.matches(in: text, order: .dayFirst).first?.date.isoDay == expected)
    }

    @Test("a two-digit year counts in running text after a weekday's name, not alone", arguments: [
        ("Opinion mardi 10.12.19 Pour le moment", "2019-12-10"),
        ("Stand: Dienstag, 10.12.19, 14:05 Uhr", "2019-12-10"),
        ("Lisboa, terça-feira, 10/12/19", "2019-12-10"),
        ("Tabelle 10.12.19 zeigt die Werte", nil),
    ] as [(String, String?)])
    func twoDigitYearAfterWeekday(text: String, expected: String?) {
        #expect(DateText.matches(in: text, order: .dayFirst).first?.date.isoDay == expected)
    }

    @Test("a date line's words in more languages say published or updated", arguments: [
        ("Publiceret 3. maj 2021", DateSightings.Cue.published),
        ("Objavljeno: 12. studenoga 2019.", .published),
        ("Aktualizováno 15. října 2020", .modified),
        ("Frissítve: 2021. május 15.", .modified),
    ])
    func moreCues(text: String, cue: DateSightings.Cue) {
        let start = DateText.matches(in: text, order: .dayFirst).first?.start ?? 0
        #expect(start > 0)
        #expect(DateSightings.cue(before: start, in: text) == cue)
    }

    @Test("digits of other scripts: Arabic-Indic, Persian, full-width", arguments: [
        ("القاهرة ٢٢ يونيو ٢٠٢١", "2021-06-22"),
        ("نشر في ٢٠٢١/٠٦/٢٢", "2021-06-22"),
        ("تهران ۱۴:۳۰ - ۲۰۲۱-۰۶-۲۲", "2021-06-22"),
        ("２０２０年１月２７日", "2020-01-27"),
    ])
    func otherScriptsDigits(text: String, expected: String) {
        #expect(DateText.matches(in: text, order: .dayFirst).first?.date.isoDay == expected)
    }

    @Test("the numeric order a page suggests")
    func pageOrder() {
        #expect(NumericDateOrder.forPage(language: "en-US", host: "example.co.uk") == .monthFirst)
        #expect(NumericDateOrder.forPage(language: "en", host: "example.com") == .monthFirst)
        #expect(NumericDateOrder.forPage(language: "en-GB", host: "example.com") == .dayFirst)
        #expect(NumericDateOrder.forPage(language: "de", host: "example.com") == .dayFirst)
        #expect(NumericDateOrder.forPage(language: nil, host: "example.co.uk") == .dayFirst)
    }

    @Test("a date line just below the headline counts even in a box classed like furniture")
    func dateLineInAShareBar() throws {
        let page = """
            <html lang="en"><head><title>Council approves the harbour budget</title></head><body>
            <h1>Council approves the harbour budget</h1>
            <div class="byline-and-share"><div class="date">19 November 2019</div><a href="/share">Share</a></div>
            <p>The council approved the harbour budget on Monday after a long debate about dredging and berths.</p>
            \(String(repeating: "<p>Members argued for hours over the cost of the new berths and the timetable for dredging.</p>\n", count: 20))
            <ul class="list"><li><a href="/older">Ferry timetable changes</a><div class="date">22 August 2019</div></li></ul>
            </body></html>
            """
        #expect(try Self.published(page) == "2019-11-19")
    }

    @Test("an author box and an entry footer inside <main> are the article's own, not furniture")
    func boxesInsideMain() throws {
        // No <article>: the author box is an <aside> in <main>; a caption above it names an older day.
        let authorBox = """
            <html lang="fr"><head><title>La ville retire les trottinettes</title></head><body>
            <header class="site"><a href="/">Accueil</a></header>
            <main><div class="header"><h1>La ville retire les trottinettes</h1></div>
            <figure><img src="/a.jpg"><figcaption>Des trottinettes garées le 3 octobre 2019 près du marché.</figcaption></figure>
            <aside class="author"><a href="/auteurs/x">Marie Dulac</a><time datetime="2020-02-19">19 février 2020</time></aside>
            \(String(repeating: "<p>Le conseil municipal a voté contre le renouvellement du projet pilote après une longue séance.</p>\n", count: 6))
            </main></body></html>
            """
        #expect(try Self.published(authorBox) == "2020-02-19")
        // The entry footer inside <main>: labelled published and updated; published wins.
        let entryFooter = """
            <html lang="en"><head><title>Faster loops in practice</title></head><body><main>
            <h1>Faster loops in practice</h1>
            \(String(repeating: "<p>Measuring before changing anything is the first rule of making a loop faster.</p>\n", count: 6))
            <footer><ul><li><span>Published: </span><time datetime="2019-12-03T00:00:00.000Z">03 December 2019</time></li>
            <li><span>Updated: </span><time datetime="2019-12-06T00:00:00.000Z">06 December 2019</time></li></ul></footer>
            </main></body></html>
            """
        #expect(try Self.published(entryFooter)?.prefix(10) == "2019-12-03")
        // The same footer outside <main> is furniture: still, published before updated.
        let pageFooter = entryFooter.replacingOccurrences(of: "<footer>", with: "</main><footer>")
            .replacingOccurrences(of: "</footer>\n</main>", with: "</footer>")
        #expect(try Self.published(pageFooter)?.prefix(10) == "2019-12-03")
    }

    @Test("an <aside> in <main> classed as a sidebar is furniture; an author box there is not")
    func sidebarInsideMain() throws {
        let markup = """
            <html lang="en"><head><title>Faster loops in practice</title></head><body><main>
            <aside class="sidebar"><ul><li><a href="/a">Older post</a> <span class="date">14 November 2019</span></li>
            <li><a href="/b">Oldest post</a> <span class="date">2 October 2019</span></li></ul></aside>
            <article><h1>Faster loops in practice</h1>
            \(String(repeating: "<p>Measuring before changing anything is the first rule of making a loop faster.</p>\n", count: 8))
            <footer><time datetime="2019-12-03">03 December 2019</time></footer></article>
            </main></body></html>
            """
        #expect(try Self.published(markup) == "2019-12-03")
        // An author box in the same place keeps its date: the article's own.
        let sidebar = markup[markup.range(of: "<aside")!.lowerBound..<markup.range(of: "</aside>")!.upperBound]
        let authorBox = markup.replacingOccurrences(
            of: sidebar, with: "<aside class=\"author-box\"><a href=\"/a\">Jane Roe</a> <span>14 November 2019</span></aside>")
        #expect(try Self.published(authorBox) == "2019-11-14")
    }

    @Test("readers' comments in European languages are furniture", arguments: ["kommentare", "commentaires", "comentarios", "commenti", "reacties", "komentarze"])
    func commentsInOtherLanguages(name: String) throws {
        let body = """
            <p>Am Freitag, dem 16. August 2019, hat der Rat nach langer Debatte den Bau einer neuen Kaianlage beschlossen.</p>
            <div class="\(name)"><div class="c"><b>leser1</b> <span class="date">03.01.2020</span><p>Gut so.</p></div>
            <div class="c"><b>leser2</b> <span class="date">04.01.2020</span><p>Endlich.</p></div></div>
            """
        #expect(try Self.published(Self.page(lang: "de", body: body)) == "2019-08-16")
    }

    @Test("a date standing alone as a line outweighs dates inside sentences")
    func dateLineBeforeProse() throws {
        // Just below the headline a sentence names another day; the short line after it is the date line.
        let body = """
            <p class="teaser">The vote follows a first reading on 2.3.2019, when members asked for a study of the berths.</p>
            <h4 class="sub"><strong>14.10.2019</strong> City council</h4>
            """
        #expect(try Self.published(Self.page(lang: "de", body: body)) == "2019-10-14")
        // No headline at all: the day most often shown counts only lines, not dates in sentences.
        let noHeadline = """
            <html lang="en"><head><title>Harbour</title></head><body><div class="wrap">
            <p>On 1 March 2019 the council first debated the berths, and on 1 March 2019 it voted to study them.</p>
            <div class="x">14 October 2019</div>
            <p>The council approved the harbour budget on Monday after a long debate about dredging and berths.</p>
            </div></body></html>
            """
        #expect(try Self.published(noHeadline) == "2019-10-14")
    }

    /// A page whose article shows `line` below its headline, with a column of other stories
    /// beside the article (a plain wrapper, no class that names it furniture), each with a
    /// classed date on its own day.
    static func pageWithColumn(lang: String, line: String) -> String {
        """
        <html lang="\(lang)"><head><title>Hafen bekommt neue Kaianlage</title></head><body>
        <div class="wrap"><div class="content"><h1>Hafen bekommt neue Kaianlage</h1>\(line)
        <p>Der Stadtrat hat am Dienstag den Bau einer neuen Kaianlage im alten Hafen beschlossen.</p>
        <p>Die Arbeiten sollen im Frühjahr beginnen und rund zwei Jahre dauern, sagte die Baudezernentin.</p></div>
        <div class="col-right"><h3>Weitere Meldungen</h3><ul>
        <li><a href="/a">Brücke wird saniert</a> <span class="date">03.01.2020</span></li>
        <li><a href="/b">Neue Buslinie</a> <span class="date">02.01.2020</span></li></ul></div></div>
        </body></html>
        """
    }

    @Test("a text holding only a date, its label, weekday and time is a date line in any element", arguments: [
        ("de", "<div>16. August 2019</div>", "2019-08-16"),
        ("de", "<p>Veröffentlicht am 16.08.2019, 14:05 Uhr</p>", "2019-08-16"),
        ("de", "<span>Stand: 16.08.2019</span>", "2019-08-16"),
        ("de", "<p>Fr., 16.08.2019 | 14:05 Uhr</p>", "2019-08-16"),
        ("nl", "<p>vr 16-08-2019, 14:05</p>", "2019-08-16"),
        ("fr", "<p>publié le vendredi 16 août 2019 à 14h05</p>", "2019-08-16"),
        ("es", "<p>Publicado el 16/8/2019</p>", "2019-08-16"),
        ("it", "<p>venerdì 16 agosto 2019</p>", "2019-08-16"),
        ("nl", "<p>16 augustus 2019, 14:05</p>", "2019-08-16"),
        ("pl", "<p>16 sierpnia 2019, godz. 14:05</p>", "2019-08-16"),
        // A two-digit year with a clock time: the time makes it a date line.
        ("nl", "<p>16-08-19, 14:05</p>", "2019-08-16"),
        ("de", "<span>16.08.19 um 14:05 Uhr</span>", "2019-08-16"),
    ])
    func dateOnlyText(lang: String, line: String, expected: String) throws {
        #expect(try Self.published(Self.pageWithColumn(lang: lang, line: line)) == expected)
    }

    @Test("a <time>'s own text is no second date line beside it: its datetime keeps the time")
    func timeTextNotASecondLine() throws {
        // The date stands above the headline, where a sighting one character nearer would win.
        let markup = """
            <html lang="en"><head><title>Aggression in pictures</title></head><body>
            <div class="head"><time datetime="2017-01-26T16:05:25+01:00">
            26 January 2017</time></div><h1>Aggression in pictures</h1>
            <p>What a camera pointed at someone does to them, and to the one who holds it, is the question here.</p>
            </body></html>
            """
        #expect(try Self.published(markup) == "2017-01-26T16:05:25+01:00")
    }

    @Test("a short text with other words or numbers beside its date is not a date line of its own")
    func dateInShortText() throws {
        #expect(DateSightings.holdsOnlyDates("Veröffentlicht am 27.01.2020, 14:05 Uhr", order: .dayFirst))
        #expect(DateSightings.holdsOnlyDates("Erstellt: 10.02.2021 Aktualisiert: 11.02.2021", order: .dayFirst))
        #expect(!DateSightings.holdsOnlyDates("Hamburg, 27.01.2020", order: .dayFirst))
        #expect(!DateSightings.holdsOnlyDates("27.01.2020 · 5 Kommentare", order: .dayFirst))
        #expect(!DateSightings.holdsOnlyDates("Der Rat tagte am 27.01.2020", order: .dayFirst))
        #expect(!DateSightings.holdsOnlyDates("Stand", order: .dayFirst))
        #expect(!DateSightings.holdsOnlyDates(String(repeating: "Stand: ", count: 8) + "27.01.2020", order: .dayFirst))
    }

    @Test("a date just after a calendar or clock icon, or in a subline or author box, is a date line")
    func iconAndClassCues() throws {
        // A short line right under the headline names another day; the icon marks the date line below it.
        let icon = """
            <p>Next vote: 2 June 2021</p>
            <div class="x"><span class="y"><i class="fa fa-calendar-o"></i> 14 April 2021</span></div>
            """
        #expect(try Self.published(Self.page(body: icon)) == "2021-04-14")
        let subline = """
            <p>Next vote: 2 June 2021</p>
            <div class="article-subline">Harbour desk, 14 April 2021</div>
            """
        #expect(try Self.published(Self.page(body: subline)) == "2021-04-14")
        let author = """
            <p>Next vote: 2 June 2021</p>
            <div class="autor-box">Ana Lim · 14.04.2021</div>
            """
        #expect(try Self.published(Self.page(lang: "de", body: author)) == "2021-04-14")
    }

    @Test("a page that declares no language reads ambiguous numeric dates in the language of its text")
    func undeclaredLanguageOrder() throws {
        func page(_ paragraph: String) -> String {
            """
            <html><head><title>Hafen</title></head><body><article><h1>Hafen</h1>
            <div class="date">03/04/2020</div>
            \(String(repeating: "<p>\(paragraph)</p>\n", count: 4))
            </article></body></html>
            """
        }
        let german = page("Der Stadtrat hat den Haushalt für den Hafen nach einer langen Debatte über die Liegeplätze und die Kosten beschlossen.")
        #expect(try Self.published(german, url: "https://example.com/hafen") == "2020-04-03")
        let english = page("The council approved the harbour budget on Monday after a long debate about the berths and what they will cost.")
        #expect(try Self.published(english, url: "https://example.com/harbour") == "2020-03-04")
    }

    @Test("the article image's path dates a page that states no date, before days its text mentions")
    func imagePathDate() throws {
        let head = "<meta property=\"og:image\" content=\"https://example.org/uploads/2021/04/14/berths.jpg\">"
        // The text mentions another day, far below the headline.
        let body = String(repeating: "<p>Members argued for hours over the cost of the new berths and the timetable for dredging.</p>", count: 20)
            + "<p>Members recalled the first debate of 2 March 2021 and the study that followed it in the spring.</p>"
        #expect(try Self.published(Self.page(head: head, body: body)) == "2021-04-14")
        // A date line at the headline still says more.
        let line = "<p class=\"date\">15 April 2021</p>"
        #expect(try Self.published(Self.page(head: head, body: line + body)) == "2021-04-15")
    }

    @Test("a data attribute naming the end of something is no publication date")
    func endDateAttribute() throws {
        let body = """
            <div class="player" data-availability-end-date="2021-02-28T23:59:00+01:00">Video</div>
            <span class="info">04.04.2020</span>
            """
        #expect(try Self.published(Self.page(lang: "de", body: body)) == "2020-04-04")
    }

    @Test("a page saved without its URL reads ambiguous numeric dates by the host its own links name")
    func orderFromLinkedHost() throws {
        func page(_ site: String) -> String {
            let links = (1...6).map { "<a href=\"https://\(site)/news/story-\($0)\">Story \($0)</a>" }.joined(separator: " ")
            return """
                <html lang="en"><head><title>Harbour strike ends</title></head><body><nav>\(links)</nav>
                <article><h1>Harbour strike ends</h1><p class="date">08/11/2023</p>
                <p>The dockers returned to work on the morning shift after the union accepted the offer.</p></article></body></html>
                """
        }
        // An Irish host writes day first, an American one month first.
        #expect(try Self.published(page("www.harbourtimes.ie")) == "2023-11-08")
        #expect(try Self.published(page("www.harbourtimes.com")) == "2023-08-11")
    }

    @Test("\"Stand\" (as of) labels the date a German page shows as its own, not a later revision")
    func standIsTheShownDate() throws {
        let body = """
            <p class="date">Stand: 12.03.2020, 15:00 Uhr</p>
            <p>Der Hafenrat hat den Haushalt nach langer Debatte über das Ausbaggern der Liegeplätze beschlossen.</p>
            <p class="meta">Archivbild vom 01.02.2020</p>
            """
        #expect(try Self.published(Self.page(lang: "de", body: body)) == "2020-03-12")
        // "Aktualisiert" still marks a revision: the other date line is the publication.
        let updated = body.replacingOccurrences(of: "Stand:", with: "Aktualisiert:")
        #expect(try Self.published(Self.page(lang: "de", body: updated)) == "2020-02-01")
    }

    @Test("a page's own unambiguous numeric dates decide its order")
    func orderShownByThePage() throws {
        #expect(NumericDateOrder.shown(in: "Posted 25/03/2021, updated 02/04/2021") == .dayFirst)
        #expect(NumericDateOrder.shown(in: "Posted 03/25/2021, updated 04/02/2021") == .monthFirst)
        #expect(NumericDateOrder.shown(in: "Posted 03/04/2021") == nil)
        #expect(NumericDateOrder.shown(in: "25/03/2021 and 03/25/2021") == nil)
        // An English page on a .com host reads month first, unless its own dates say otherwise.
        let body = "<p class=\"date\">03/04/2021</p><p>The next hearing is set for 19/05/2021 at the town hall.</p>"
        #expect(try Self.published(Self.page(body: body), url: "https://example.com/harbour-budget") == "2021-04-03")
        let american = "<p class=\"date\">03/04/2021</p><p>The next hearing is set for 05/19/2021 at the town hall.</p>"
        #expect(try Self.published(Self.page(body: american), url: "https://example.com/harbour-budget") == "2021-03-04")
    }

    @Test("numbers that are not dates", arguments: [
        "version 1.2.2019.5", "ISBN 978-3-16-148410-0", "call 12.34.5678", "31.02.2020", "2020-13-01", "room 12/2020",
    ])
    func notDates(text: String) {
        #expect(DateText.matches(in: text, order: .dayFirst).isEmpty)
    }

    @Test("date lines of text scrapes; a time without a zone keeps only its day", arguments: [
        ("March 27, 2021 9:45 AM UTC", "2021-03-27T09:45:00Z"),
        ("22 June 2021, 21:30", "2021-06-22"),
        ("Tue, Jun 22, 2021", "2021-06-22"),
        ("Updated: January 6, 2011, 11:34 PM ET", "2011-01-06"),
        ("Posted 5:10 pm, June 3, 2021", "2021-06-03"),
        ("September 18th, 2013, 05:31 GMT", "2013-09-18T05:31:00Z"),
        ("June 22, 2021 10:05 EDT", "2021-06-22T10:05:00-04:00"),
        ("22.06.2021, 21:30 Uhr MESZ", "2021-06-22T21:30:00+02:00"),
    ])
    func scrapeDateLines(line: String, expected: String) {
        #expect(DateText.dateLine(line)?.iso8601 == expected)
        #expect(Timestamp.seconds(expected) != nil)
    }

    @Test("lines that are not date lines", arguments: [
        "By Reuters Staff",
        "Myanmar's junta chief on Tuesday thanked Russia for strengthening the army in 2021 and more words",
        "June 2021",
        "Posted 3 hours ago",
    ])
    func notDateLines(line: String) {
        #expect(DateText.dateLine(line) == nil)
    }

    @Test("the input's own published value is normalised too; an unreadable one gives way to the page's")
    func givenPublished() throws {
        #expect(try Self.published(Self.page(body: ""), published: "Tue Jan 28 15:28:56 CET 2020") == "2020-01-28T15:28:56+01:00")
        let head = "<meta property=\"article:published_time\" content=\"2021-06-22T10:05:00Z\">"
        #expect(try Self.published(Self.page(head: head, body: ""), published: "sometime last week") == "2021-06-22T10:05:00Z")
    }
}

/// Every `published` the extractor gives for the project's fixture pages is ISO 8601.
@Suite("Published is ISO 8601")
struct PublishedISO8601Tests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures")

    /// "2021-06-22", or a time with seconds and a zone: "2021-06-22T10:05:00Z", "…+08:00".
    static func isISO8601(_ value: String) -> Bool {
        let pattern = #"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2}))?$"#
        return value.range(of: pattern, options: .regularExpression) != nil
    }

    /// Raw documents of every fixture: HTML pages, JSONL records (html or text, with their url
    /// and published), text scrapes.
    static func documents() throws -> [RawDocument] {
        var documents: [RawDocument] = []
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: fixtures.path) else { return [] }
        for case let path as String in walker where !path.hasPrefix("bad/") {
            let url = fixtures.appendingPathComponent(path)
            let location = SourceLocation(file: path)
            if path.hasSuffix(".html") {
                let bytes = Array(try Data(contentsOf: url))
                documents.append(RawDocument(id: path, location: location, format: .html, payload: .html(bytes: bytes, charset: nil)))
            } else if path.hasSuffix(".txt"), path.hasPrefix("text/") {
                let text = try String(contentsOf: url, encoding: .utf8)
                documents.append(RawDocument(id: path, location: location, format: .text, payload: .scrapedText(text)))
            } else if path.hasSuffix(".jsonl") {
                for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
                    guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
                    let payload: RawPayload
                    if let html = object["html"] as? String {
                        payload = .html(bytes: Array(html.utf8), charset: nil)
                    } else if let text = object["text"] as? String {
                        payload = .verbatimText(text)
                    } else {
                        continue
                    }
                    documents.append(RawDocument(
                        id: object["id"] as? String ?? path, location: location, format: .jsonl, url: object["url"] as? String,
                        published: object["published"] as? String, fetched: object["scraped"] as? String, payload: payload))
                }
            }
        }
        return documents
    }

    @Test func everyFixturePublishedIsISO8601() throws {
        let documents = try Self.documents()
        #expect(documents.count >= 40)
        var dated = 0
        for raw in documents {
            guard case .success(let article) = ArticleExtractor().extract(raw) else { continue }
            if let published = article.published {
                dated += 1
                #expect(Self.isISO8601(published), "\(raw.id): \(published)")
            }
        }
        #expect(dated >= 30)
    }
}
