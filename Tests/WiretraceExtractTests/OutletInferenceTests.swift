import Testing
import WiretraceCore
@testable import WiretraceExtract

/// The outlet of a page saved without its URL, from the page itself.
@Suite struct OutletInferenceTests {
    static func page(head: String = "", body: String) -> RawDocument {
        let html = "<html><head>\(head)</head><body>\(body)</body></html>"
        return RawDocument(
            id: "saved.html", location: SourceLocation(file: "saved.html"), format: .html, payload: .html(bytes: Array(html.utf8), charset: "utf-8"))
    }

    static let story = "<article><h1>Harbour board votes to rebuild pier</h1><p>The harbour board voted on Tuesday to rebuild the northern pier, which was closed after winter storms cracked its pilings and left the ferry service without a landing for most of the season.</p></article>"

    static func navigation(_ host: String, count: Int) -> String {
        (0..<count).map { "<a href=\"https://www.\(host)/section/\($0)\">Section \($0)</a>" }.joined()
    }

    @Test func theSiteMostOfItsLinksPointToIsTheOutlet() throws {
        let body = "<nav>\(Self.navigation("valleyherald.example", count: 9))</nav>\(Self.story)"
            + "<a href=\"https://twitter.com/valleyherald\">Follow</a><a href=\"https://www.facebook.com/vh\">Like</a>"
            + "<a href=\"https://other.example/story\">Partner</a>"
            + "<img src=\"https://cdn.mediagroup-static.example/logo.png\"><script src=\"https://www.googletagmanager.com/gtm.js\"></script>"
        let article = try ArticleExtractor().extract(Self.page(body: body)).get()
        #expect(article.outlet == "valleyherald.example")
        #expect(article.outletEvidence == "links: 9 of 10 point to valleyherald.example")
    }

    @Test func assetsOfAMediaGroupsCDNDoNotNameTheOutlet() throws {
        let assets = (0..<12).map { "<img src=\"https://cdn.groupmedia.example/\($0).jpg\">" }.joined()
        let body = "\(assets)\(Self.navigation("coastcourier.example", count: 6))\(Self.story)"
        #expect(try ArticleExtractor().extract(Self.page(body: body)).get().outlet == "coastcourier.example")
    }

    @Test func aCopyrightLineNamesTheOutletWhenLinksDoNot() throws {
        let body = "\(Self.story)<footer><p>© 2008 The Valley Herald. All rights reserved.</p></footer>"
        let article = try ArticleExtractor().extract(Self.page(body: body)).get()
        #expect(article.outlet == "The Valley Herald")
        #expect(article.outletEvidence == "copyright line")
    }

    @Test func whatThePageStatesComesFirst() throws {
        let head = "<meta property=\"og:site_name\" content=\"Valley Herald\">"
        let body = "<nav>\(Self.navigation("elsewhere.example", count: 9))</nav>\(Self.story)"
        let article = try ArticleExtractor().extract(Self.page(head: head, body: body)).get()
        #expect(article.outlet == "Valley Herald")
        #expect(article.outletEvidence == "og:site_name")
        var raw = Self.page(head: head, body: body)
        raw.outlet = "Given Outlet"
        #expect(try ArticleExtractor().extract(raw).get().outletEvidence == "input")
    }

    @Test func scatteredLinksNameNoOutlet() throws {
        let links = ["a.example", "b.example", "c.example", "d.example", "e.example"].map { "<a href=\"https://\($0)/x\">x</a>" }.joined()
        let article = try ArticleExtractor().extract(Self.page(body: links + Self.story)).get()
        #expect(article.outlet == nil)
        #expect(article.outletEvidence == nil)
    }

    @Test(arguments: [
        ("© 2008 The Daily Example. All rights reserved.", "The Daily Example"),
        ("Copyright © 2005-2019 Example Media Group", "Example Media Group"),
        ("Copyright 2018 Gannett 2018", "Gannett"),
        ("(c) 2020 Harbour Times | Impressum", "Harbour Times"),
        ("© Schweizer Alpen-Club SAC", "Schweizer Alpen-Club SAC"),
    ])
    func copyrightHolders(line: String, holder: String) {
        #expect(OutletInference.copyrightHolder(in: line) == holder)
    }

    @Test func notACopyrightHolder() {
        #expect(OutletInference.copyrightHolder(in: "The copyright lawsuit was dismissed on Monday.") == nil)
        #expect(OutletInference.copyrightHolder(in: "© 2008") == nil)
    }

    @Test func sitesOfHosts() {
        #expect(OutletInference.site(ofHost: "static.dailynews.com") == "dailynews.com")
        #expect(OutletInference.site(ofHost: "www.bbc.co.uk") == "bbc.co.uk")
        #expect(OutletInference.site(ofHost: "news.abc.net.au") == "abc.net.au")
        #expect(OutletInference.site(ofHost: "example.org") == "example.org")
    }
}

/// `no-text` only for pages that have none.
@Suite struct FallbackTextTests {
    @Test func prosePlacedWhereContentSelectionDoesNotLookIsStillText() throws {
        // A site that wraps its whole page in a block named like furniture.
        let prose = "The harbour board voted on Tuesday to rebuild the northern pier, which winter storms had cracked."
        let html = "<html><body><div class=\"footer sidebar\"><div>\(prose)</div><div>Ferry crews said the landing would reopen in spring after the repairs.</div></div></body></html>"
        let raw = RawDocument(id: "odd.html", location: SourceLocation(file: "odd.html"), format: .html, payload: .html(bytes: Array(html.utf8), charset: "utf-8"))
        let article = try ArticleExtractor().extract(raw).get()
        #expect(article.text.contains("rebuild the northern pier"))
    }

    @Test func aPageOfFurnitureAloneIsStillNoText() {
        let html = "<html><body><nav><a href=\"/\">Home</a></nav><div>Skip to content</div><script>var x = 'a long script text that is not prose at all';</script></body></html>"
        let raw = RawDocument(id: "empty.html", location: SourceLocation(file: "empty.html"), format: .html, payload: .html(bytes: Array(html.utf8), charset: "utf-8"))
        if case .failure(let rejection) = ArticleExtractor().extract(raw) {
            #expect(rejection.reason == .noText)
        } else {
            Issue.record("a page of furniture was given text")
        }
    }
}
