import Foundation
import Testing
import WiretraceCore
@testable import WiretraceExtract

/// The last resort: date strings of the whole page source, when nothing visible dates a page.
@Suite("Page source date search")
struct PageDateSearchTests {
    /// A finder for pages scraped on 1 June 2024.
    static let finder = PublicationDateFinder(notAfter: 1_717_200_000, order: .dayFirst)

    static func search(_ html: String) -> String? {
        guard let root = HTMLDocument.parse(Array(html.utf8), encoding: "UTF-8").root else { return nil }
        return PageDateSearch(finder: finder).date(in: root)?.isoDay
    }

    /// A page with no date anywhere in its visible text.
    static func page(head: String = "", body: String = "") -> String {
        """
        <html><head><title>Ferry timetable changes</title>\(head)</head><body>
        <h1>Ferry timetable changes</h1>
        <p>The island ferry will run two extra crossings on weekdays, the operator said.</p>\(body)
        </body></html>
        """
    }

    @Test("a full timestamp in a script dates a page that shows no date")
    func timestampInScript() throws {
        let html = Self.page(body: "<script>var tracking = {section: 'travel', stamp: '2019-05-15 05:28:29'};</script>")
        #expect(Self.search(html) == "2019-05-15")
        // Through the extractor: nothing visible, so the source decides.
        #expect(try PublicationDateTests.published(html) == "2019-05-15")
    }

    @Test("the most frequent date string of a form; an image path before a loose date")
    func mostFrequent() {
        let body = """
            <img src="/media/2021/03/04/ferry.jpg"><img src="/media/2021/03/04/pier.jpg">
            <a href="/archive?d=2020-12-01">archive</a><a href="/archive?d=2020-12-01">older</a><a href="/archive?d=2020-12-01">x</a>
            """
        #expect(Self.search(Self.page(body: body)) == "2021-03-04")
        let loose = "<a data-x=\"2020-12-01\">a</a><a data-x=\"2020-12-01\">b</a><a data-x=\"2022-02-02\">c</a>"
        #expect(Self.search(Self.page(body: loose)) == "2020-12-01")
    }

    @Test("a copyright year is a floor for the dates of the source")
    func copyrightFloor() {
        let old = "<a data-x=\"2019-05-15\">a</a><footer>© 2022 Island Ferries</footer>"
        #expect(Self.search(Self.page(body: old)) == nil)
        let recent = "<a data-x=\"2022-05-15\">a</a><footer>© 2022 Island Ferries</footer>"
        #expect(Self.search(Self.page(body: recent)) == "2022-05-15")
    }

    @Test("day-first strings are read day first and merged with their other spellings")
    func dayFirst() {
        let body = "<a data-d=\"15.05.2019\">a</a><a data-d=\"15/05/2019\">b</a><a data-d=\"03.04.2018\">c</a>"
        #expect(Self.search(Self.page(body: body)) == "2019-05-15")
    }

    @Test("a date after a label, in the words of several languages")
    func labelled() {
        #expect(Self.search(Self.page(body: "<div data-info=\"Stand: 07.08.2020\"></div>")) == "2020-08-07")
        #expect(Self.search(Self.page(body: "<div data-info=\"posted on 2020/08/07\"></div>")) == "2020-08-07")
        #expect(Self.search(Self.page(body: "<div data-info=\"07.08.2020 tarihinde güncellendi\"></div>")) == "2020-08-07")
    }

    @Test("no date string, or only implausible ones, gives nothing")
    func nothing() {
        #expect(Self.search(Self.page()) == nil)
        // After the scrape day, before the first news sites.
        #expect(Self.search(Self.page(body: "<a data-x=\"2031-01-01\">a</a><a data-x=\"1989-01-01\">b</a>")) == nil)
    }

    @Test("of two frequent strings, the newer wins when more than half as frequent and of another year")
    func selection() {
        let search = PageDateSearch(finder: Self.finder)
        #expect(search.select([("2019-11-20", 3), ("2020-03-01", 1)]) == "2019-11-20")
        #expect(search.select([("2019-11-20", 2), ("2020-03-01", 3)]) == "2020-03-01")
        // Ties and the same year keep the older.
        #expect(search.select([("2020-03-01", 2), ("2019-11-20", 2)]) == "2019-11-20")
        #expect(search.select([("2020-01-20", 2), ("2020-03-01", 3)]) == "2020-01-20")
        #expect(search.select([]) == nil)
    }
}
