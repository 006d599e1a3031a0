import Testing
import WiretraceCore
import WiretraceExtract

/// Builds an HTML raw document from UTF-8 markup.
func htmlDocument(
    _ markup: String, id: String = "page.html", url: String? = nil, charset: String? = nil
) -> RawDocument {
    RawDocument(
        id: id, location: SourceLocation(file: "dump/\(id)"), format: .html, url: url,
        payload: .html(bytes: Array(markup.utf8), charset: charset))
}

/// Extracts and fails the test on rejection.
func extractArticle(_ raw: RawDocument) throws -> Article {
    try ArticleExtractor().extract(raw).get()
}

@Suite("HTML extraction")
struct HTMLExtractionTests {
    static let newsPage = """
        <!DOCTYPE html>
        <html lang="en"><head>
        <meta charset="utf-8">
        <title>Harbour strike halts grain exports | Coastline News</title>
        <meta property="og:site_name" content="Coastline News">
        <link rel="canonical" href="https://www.coastline.example/world/harbour-strike-123">
        </head><body>
        <a href="#main">Skip to main content</a>
        <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
        <div id="cookie-banner"><p>We use cookies to improve your experience. Accept all?</p></div>
        <main>
          <article>
            <header><h1>Harbour strike halts grain exports</h1>
              <p class="byline">By Ilse Marten</p>
              <time datetime="2024-05-14T08:30:00Z">14 May 2024</time></header>
            <div class="share-bar"><p>Share this article</p><a href="#">Facebook</a></div>
            <p>ROTTERDAM: Dock workers walked out on Monday, halting grain shipments for a second day.</p>
            <p>The union said talks with port operators had <a href="/talks">broken down</a> over pay.</p>
            <p>READ: Port operators report record container volumes</p>
            <figure><img src="cranes.jpg"><figcaption>Cranes stand idle at the grain terminal.</figcaption></figure>
            <h2>Talks to resume</h2>
            <p>Mediators hope to bring both sides back to the table by Thursday.</p>
            <blockquote>"We are ready to talk at any hour," the union leader said.</blockquote>
            <div class="related-articles"><ul><li><a href="/a">Rail strike ends</a></li><li><a href="/b">Ferry fares rise</a></li></ul></div>
            <p>Advertisement</p>
            <p>Source: Reuters/jt</p>
          </article>
        </main>
        <aside><h3>Most read</h3><p>Other story teaser text that should not appear.</p></aside>
        <footer><p>© 2024 Coastline News. All rights reserved.</p></footer>
        </body></html>
        """

    @Test("a news page yields only the article's paragraphs, in order")
    func articleParagraphsOnly() throws {
        let article = try extractArticle(htmlDocument(Self.newsPage))
        #expect(article.text == """
            ROTTERDAM: Dock workers walked out on Monday, halting grain shipments for a second day.

            The union said talks with port operators had broken down over pay.

            Talks to resume

            Mediators hope to bring both sides back to the table by Thursday.

            "We are ready to talk at any hour," the union leader said.
            """)
        #expect(article.credits == [WireCredit(agency: "Reuters", text: "Source: Reuters/jt")])
        #expect(article.title == "Harbour strike halts grain exports")
        #expect(article.outlet == "Coastline News")
        #expect(article.url == "https://www.coastline.example/world/harbour-strike-123")
        #expect(article.published == "2024-05-14T08:30:00Z")
        #expect(article.byline == "Ilse Marten")
        #expect(article.dateline == "ROTTERDAM")
        #expect(article.id == "page.html")
        #expect(article.source == "dump/page.html")
    }

    @Test("without <article>, the densest block of paragraphs is the content")
    func densityChoice() throws {
        let page = """
            <html><head><title>Orchard growers count frost losses - Valley Courier</title></head><body>
            <div class="top"><p><a href="/">Home</a> <a href="/farm">Farming</a> <a href="/weather">Weather</a></p></div>
            <div class="layout">
              <div class="column-left"><p>Short note.</p><p><a href="/x">A link</a></p></div>
              <div class="story-text">
                <p>Apple growers across the valley are counting losses after two nights of hard frost.</p>
                <p>Some orchards lost most of their blossom, according to the growers' cooperative.</p>
                <p>Insurers expect claims to arrive over the coming weeks as the damage becomes clear.</p>
              </div>
            </div>
            </body></html>
            """
        let article = try extractArticle(htmlDocument(page, url: "https://www.valleycourier.example/news/1"))
        #expect(article.text.split(separator: "\n\n").count == 3)
        #expect(article.text.hasPrefix("Apple growers across the valley"))
        #expect(!article.text.contains("Short note"))
        #expect(article.title == "Orchard growers count frost losses")
        // No og:site_name or publisher: the <title> suffix that spells the host names the outlet.
        #expect(article.outlet == "Valley Courier")
        #expect(article.url == "https://www.valleycourier.example/news/1")
    }

    @Test("an article built of CMS content blocks keeps every block, a block folded into an accordion too")
    func contentBlocksAtDifferentDepths() throws {
        // The article's sections are `div.media` blocks; its longest one sits deeper, in a
        // collapsible panel, so it is the density choice, and its siblings of the same kind stand
        // higher up. The teaser list beside the article is made of other elements.
        func section(_ n: Int, _ topic: String) -> String {
            """
            <div class="media" id="c\(n)"><h3>\(topic.capitalized)</h3>
            <p>The council discussed \(topic) for most of the evening, and several members asked for more time before the vote.</p>
            <p>Residents who spoke at the meeting said the plans for \(topic) had changed too often over the past year.</p></div>
            """
        }
        let long = (1...6).map { "<p>In the interview the mayor answered question \($0) at length, saying the town would publish every contract and every invoice from the harbour works.</p>" }.joined()
        let page = """
            <html><head><title>Council weighs harbour works - Fjord Post</title></head><body>
            <div class="page"><div class="col--news-detail">
            <h1>Council weighs harbour works</h1>
            \(section(1, "harbour dredging"))
            \(section(2, "ferry timetables"))
            <div id="c9"><div class="panel-group"><div class="panel"><div class="panel-collapse collapse"><div class="panel-body">
            <div class="row"><div class="col-xs-12"><div class="media">\(long)</div></div></div>
            </div></div></div></div></div>
            \(section(3, "parking fees"))
            </div>
            <ul class="teasers"><li><a href="/a">Another story about the ferry</a></li><li><a href="/b">Weather for the weekend</a></li></ul>
            </div></body></html>
            """
        let article = try extractArticle(htmlDocument(page, url: "https://www.fjordpost.example/news/7"))
        for topic in ["harbour dredging", "ferry timetables", "parking fees"] {
            #expect(article.text.contains("The council discussed \(topic)"))
        }
        #expect(article.text.contains("question 6"))
        #expect(!article.text.contains("Weather for the weekend"))
    }

    @Test("a leading run of label and value lines (a forum post's profile box) is not text; a heading and a date line are")
    func leadingFieldLines() throws {
        func page(_ fields: [String]) -> String {
            """
            <html><head><title>Garden pond freezes solid - Pond Forum</title></head><body>
            <div class="post">\(fields.map { "<p>\($0)</p>" }.joined())
            <p>Every winter my garden pond freezes solid for a week or two, and the fish seem to sleep through it without any trouble at all.</p>
            <p>This year the ice came early, though, and I wonder whether I should cut a hole in it or leave it alone until the thaw.</p>
            </div></body></html>
            """
        }
        let profile = try extractArticle(htmlDocument(page(["Senior member", "Member since", "3 May 2015", "Posts", "1,204", "Location", "Leeds"])))
        #expect(profile.text.hasPrefix("Every winter my garden pond"))
        let heading = try extractArticle(htmlDocument(page(["Winter care", "3 May 2015"])))
        #expect(heading.text.hasPrefix("Winter care"))
    }

    @Test("metadata from og and meta tags")
    func openGraphAndMeta() throws {
        let page = """
            <html><head>
            <title>Ignored title | Site</title>
            <meta property="og:title" content="Bridge reopens after repairs">
            <meta property="og:url" content="https://news.example.org/bridge">
            <meta property="og:site_name" content="Example Gazette">
            <meta name="author" content="Ruth Okafor">
            <meta property="article:published_time" content="2023-11-02T06:00:00+01:00">
            </head><body><p>The old river bridge reopened to traffic this morning after eight months of work.</p></body></html>
            """
        let article = try extractArticle(htmlDocument(page))
        #expect(article.title == "Bridge reopens after repairs")
        #expect(article.url == "https://news.example.org/bridge")
        #expect(article.outlet == "Example Gazette")
        #expect(article.byline == "Ruth Okafor")
        #expect(article.published == "2023-11-02T06:00:00+01:00")
    }

    @Test("an og:title repeating the site name loses it")
    func openGraphTitleSuffix() throws {
        let page = """
            <html><head><meta property="og:title" content="Tyre pressure gauges compared | GearCheck">
            <meta property="og:site_name" content="GearCheck"></head>
            <body><p>We tested nine gauges over a month of commuting.</p></body></html>
            """
        #expect(try extractArticle(htmlDocument(page)).title == "Tyre pressure gauges compared")
    }

    @Test("metadata and body from JSON-LD")
    func jsonLD() throws {
        let page = """
            <html><head><title>Page</title>
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Not the publisher"},
              {"@type": "NewsArticle", "headline": "Lake levels fall",
               "datePublished": "2022-08-19T10:15:00Z",
               "author": [{"@type": "Person", "name": "Karl Vos"}],
               "publisher": {"@type": "Organization", "name": "Lakeside Herald"},
               "articleBody": "Water levels in the lake fell to a record low this week.\\nBoat clubs have moved their moorings further out.\\nThe regional council has asked residents to save water."}
            ]}
            </script></head><body>
            <article><p>Water levels in the lake fell to a record low this week.</p></article>
            </body></html>
            """
        let article = try extractArticle(htmlDocument(page))
        #expect(article.outlet == "Lakeside Herald")
        #expect(article.published == "2022-08-19T10:15:00Z")
        #expect(article.byline == "Karl Vos")
        #expect(article.text == """
            Water levels in the lake fell to a record low this week.

            Boat clubs have moved their moorings further out.

            The regional council has asked residents to save water.
            """)
    }

    @Test("the RawDocument's own fields win over the page's")
    func rawFieldsWin() throws {
        var raw = htmlDocument(
            "<html><head><meta property=\"og:title\" content=\"Page title\"></head><body><p>Enough text to keep.</p></body></html>",
            url: "https://given.example/a")
        raw.title = "Given title"
        raw.outlet = "Given Outlet"
        raw.fetched = "2024-01-01T00:00:00Z"
        let article = try extractArticle(raw)
        #expect(article.title == "Given title")
        #expect(article.outlet == "Given Outlet")
        #expect(article.url == "https://given.example/a")
        #expect(article.published == "2024-01-01T00:00:00Z")  // fetched is the last fallback
    }

    @Test("site suffixes are stripped from <title>", arguments: [
        ("Myanmar leader visits Moscow | CNA", "Myanmar leader visits Moscow"),
        ("Oil prices climb - Reuters", "Oil prices climb"),
        ("Storm hits coast — The Daily Planet", "Storm hits coast"),
        ("Anti-war protest draws thousands - and counter-protesters", "Anti-war protest draws thousands - and counter-protesters"),
    ])
    func titleSuffix(title: String, expected: String) throws {
        let page = "<html><head><title>\(title)</title></head><body><p>Body text of the story.</p></body></html>"
        #expect(try extractArticle(htmlDocument(page)).title == expected)
    }

    @Test("credits in an HTML page: inline marker, sign-off and byline")
    func htmlCredits() throws {
        let page = """
            <html><body><article>
            <p class="byline">By The Associated Press</p>
            <p>NAIROBI, Kenya (AP) — Heavy rains flooded roads across the capital on Wednesday.</p>
            <p>Schools closed early as water rose in several districts.</p>
            <p>(Reporting by Ann Kiriu; Editing by Leo Gant)</p>
            </article></body></html>
            """
        let article = try extractArticle(htmlDocument(page))
        #expect(article.credits.map(\.agency) == ["AP", "Reuters"])
        #expect(article.dateline == "NAIROBI, Kenya")
        #expect(!article.text.contains("Reporting by"))
        #expect(!article.text.contains("By The Associated Press"))
    }

    @Test("a comment thread made of <article> elements is not the story")
    func commentThread() throws {
        let page = """
            <html><body>
            <article class="post has-comments">
              <div class="entry-content">
                <p>The city council approved the new tram line after a four-hour debate on Tuesday evening.</p>
                <p>Construction is due to begin next spring.</p>
              </div>
            </article>
            <ol class="comment-list">
              <li><article class="comment-body"><div class="comment-content">
                <p>This tram line is a waste of money and will never be finished on time, mark my words, never ever.</p>
                <p>Totally agree with everything said here, the council has lost the plot on transport spending.</p>
              </div></article></li>
            </ol>
            </body></html>
            """
        let article = try extractArticle(htmlDocument(page))
        #expect(article.text == """
            The city council approved the new tram line after a four-hour debate on Tuesday evening.

            Construction is due to begin next spring.
            """)
    }

    @Test("dialogs kept in the page until a click opens them are not the story")
    func hiddenDialogs() throws {
        let page = """
            <html lang="de"><body>
            <div class="video-info"><p>Die Stadtwerke erhöhen zum Jahresbeginn die Preise für Fernwärme um acht Prozent. \
            Betroffen sind rund 12.000 Haushalte.</p></div>
            <article class="account-modal dark-modal"><div class="inner">
              <h2>Deine Anmeldung war erfolgreich</h2>
              <p>Willkommen! Du erhältst von uns in Kürze eine E-Mail. Bitte bestätige den Link darin innerhalb von \
            24 Stunden, um dein Konto freizuschalten, und melde dich danach mit deinem neuen Passwort an.</p>
            </div></article>
            <div class="newsletter-popup"><p>Verpasse keine Nachricht mehr: Unser Newsletter kommt jeden Morgen um sieben \
            Uhr mit allem, was in der Stadt wichtig ist.</p></div>
            </body></html>
            """
        let article = try extractArticle(htmlDocument(page))
        #expect(article.text == """
            Die Stadtwerke erhöhen zum Jahresbeginn die Preise für Fernwärme um acht Prozent. Betroffen sind rund 12.000 Haushalte.
            """)
    }

    @Test("a media page with a line of text gets its visible summary, the one its description repeats")
    func mediaPageSummary() throws {
        func page(description: String) -> String {
            """
            <html lang="de"><head><meta property="og:description" content="\(description)"></head><body>
            <div class="player"><h1>Der alte Hafen im Wandel</h1><p>Video verfügbar bis 31.12.2025</p></div>
            <div class="teasertext"><p>Wo früher Getreide verladen wurde, entstehen Wohnungen und Ateliers. Die Reportage \
            begleitet drei Familien, die seit Generationen am Kai leben.</p></div>
            </body></html>
            """
        }
        let cut = "Wo früher Getreide verladen wurde, entstehen Wohnungen und Ateliers. Die Reportage begleitet drei…"
        let article = try extractArticle(htmlDocument(page(description: cut)))
        #expect(article.text.hasPrefix("Wo früher Getreide verladen wurde"))
        #expect(article.text.hasSuffix("Video verfügbar bis 31.12.2025"))
        // A description the page does not show adds nothing.
        let unseen = try extractArticle(htmlDocument(page(description: "Eine Reportage über Familien am Kai, die seit Generationen dort leben und arbeiten.")))
        #expect(!unseen.text.contains("Wo früher"))
    }

    @Test("furniture rules leave prose alone")
    func proseSurvives() throws {
        let page = """
            <html><body><article>
            <p>Copyright lawsuits against the streaming service were dismissed on Friday.</p>
            <p>Copyright 2022 Example Media Group. All rights reserved.</p>
            <p>READ MORE: Streaming prices rise again</p>
            </article></body></html>
            """
        let article = try extractArticle(htmlDocument(page))
        #expect(article.text == "Copyright lawsuits against the streaming service were dismissed on Friday.")
    }

    @Test("malformed HTML with unclosed tags still yields text")
    func malformed() throws {
        let page = "<html><body><div><p>First paragraph about the vote<p>Second paragraph <b>with bold<div>Third"
        let article = try extractArticle(htmlDocument(page))
        #expect(article.text.contains("First paragraph about the vote"))
        #expect(article.text.contains("Second paragraph with bold"))
    }

    @Test("deeply nested markup does not crash: it is a too-deep rejection naming the document")
    func deepNesting() throws {
        let page = "<html><body><p>Shallow paragraph about the storm.</p>"
            + String(repeating: "<div><span>", count: 20_000) + "deep text" + "</body></html>"
        guard case .failure(let rejection) = ArticleExtractor().extract(htmlDocument(page)) else {
            Issue.record("a page nested 40,000 deep was accepted")
            return
        }
        #expect(rejection.reason == .tooDeep)
        #expect(rejection.location == SourceLocation(file: "dump/page.html"))
        #expect(rejection.message.contains("page.html nests elements more than 256 deep"))
    }

    @Test("an empty page is a no-text rejection with its location")
    func emptyPage() {
        for markup in ["", "   \n ", "<html><head><title>Only a title</title></head><body><nav><a href=/>Home</a></nav></body></html>"] {
            let result = ArticleExtractor().extract(htmlDocument(markup))
            guard case .failure(let rejection) = result else {
                Issue.record("expected a rejection for \(markup.debugDescription)")
                continue
            }
            #expect(rejection.reason == .noText)
            #expect(rejection.location == SourceLocation(file: "dump/page.html"))
            #expect(!rejection.message.isEmpty)
        }
    }

    @Test("binary junk is a binary-content rejection")
    func binaryJunk() {
        var generator = SplitMix64(seed: 7)
        let junk = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        for bytes in [junk, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("rest".utf8)] {
            let raw = RawDocument(
                id: "x.html", location: SourceLocation(file: "x.html"), format: .html,
                payload: .html(bytes: bytes, charset: nil))
            guard case .failure(let rejection) = ArticleExtractor().extract(raw) else {
                Issue.record("expected binary content to be rejected")
                continue
            }
            #expect(rejection.reason == .binaryContent)
        }
    }
}

