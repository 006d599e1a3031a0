import Testing
@testable import WiretraceServe

@Suite struct HTMLTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(HTML.escape(#"<a href="x" title='y'>&</a>"#) == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(HTML.escape("plain text, ünïcödé") == "plain text, ünïcödé")
    }

    @Test func interpolatedStringsAreTextAndInterpolatedHTMLIsMarkup() {
        let title = "<script>alert(1)</script>"
        let inner: HTML = "<em>\(title)</em>"
        let page: HTML = "<p title=\"\(title)\">\(inner)</p>"
        #expect(page.rendered == "<p title=\"&lt;script&gt;alert(1)&lt;/script&gt;\"><em>&lt;script&gt;alert(1)&lt;/script&gt;</em></p>")
    }

    @Test func highlightsRangesInTextOrderAndClipsOverlaps() {
        let text = Array("<b>one</b> two three".unicodeScalars)
        // The second passage (in passage order) comes first in the text.
        let html = StoryPages.highlighted(text, [11..<14, 0..<3, 2..<5], side: "l").rendered
        #expect(html == "<mark class=\"shared\" id=\"l2\" title=\"shared passage 2\">&lt;b&gt;</mark>"
            + "<mark class=\"shared\" id=\"l3\" title=\"shared passage 3\">on</mark>e&lt;/b&gt; "
            + "<mark class=\"shared\" id=\"l1\" title=\"shared passage 1\">two</mark> three")
    }

    @Test func coverageCountsTheUnionOfRanges() {
        #expect(StoryPages.coverage([0..<10, 5..<15, 30..<40], length: 100) == 0.25)
        #expect(StoryPages.coverage([90..<120], length: 100) == 0.1)
        #expect(StoryPages.coverage([], length: 0) == 0)
    }

    @Test func formAndQueryTextRoundTrips() {
        let value = "reuters/2021 a+b&c=d/ü"
        let encoded = URLText.component(value)
        #expect(!encoded.contains("/") && !encoded.contains("&") && !encoded.contains("+"))
        #expect(URLText.form("a=\(encoded)&b=x+y&a=ignored") == ["a": value, "b": "x y"])
    }

    @Test func staticFileNamesAreSafe() {
        #expect(SiteLinks.fileSafe("S0123abcdef01") == "S0123abcdef01")
        #expect(SiteLinks.fileSafe("../../etc/passwd").allSatisfy { $0.isHexDigit })
        let links = SiteLinks(style: .staticFiles)
        #expect(links.outlet("\"><img src=x>").hasPrefix("outlet-") && !links.outlet("\"><img src=x>").contains("<"))
    }
}
