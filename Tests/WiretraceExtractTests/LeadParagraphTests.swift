import Testing
import WiretraceCore
@testable import WiretraceExtract

/// Lead paragraphs set between the headline and the body in a container of their own.
@Suite("Lead paragraphs")
struct LeadParagraphTests {
    static func page(lead: String, between: String = "") -> String {
        """
        <html><head><title>Rivers rise in the valley</title></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <div class="page">
          <div class="heading"><h1>Rivers rise in the valley</h1></div>
          \(between)
          <div class="standfirst">\(lead)</div>
          <div class="story-body">
            <p>Water levels on the lower river climbed through the night, and the town closed two bridges by morning.</p>
            <p>Farmers moved their herds to higher fields while volunteers filled sandbags outside the school.</p>
            <p>The weather service expects the rain to ease on Thursday, though the river may keep rising until the weekend.</p>
          </div>
        </div>
        <footer><p>All rights reserved.</p></footer>
        </body></html>
        """
    }

    static let lead = "<p>Three days of heavy rain have pushed the river over its banks in several villages.</p>"

    @Test("a standfirst between the headline and the body opens the text")
    func leadJoins() throws {
        let article = try extractArticle(htmlDocument(Self.page(lead: Self.lead)))
        #expect(article.text.hasPrefix("Three days of heavy rain have pushed the river over its banks in several villages.\n\nWater levels"))
    }

    @Test("a short standfirst of loose text in a <div> is kept, though loose runs that short are not")
    func shortLooseLead() throws {
        let article = try extractArticle(htmlDocument(Self.page(lead: "Heavy rain has flooded several villages since Monday.")))
        #expect(article.text.hasPrefix("Heavy rain has flooded several villages since Monday.\n\nWater levels"))
    }

    @Test("switched off, the standfirst stays out")
    func switchedOff() throws {
        let root = try #require(HTMLDocument.parse(Array(Self.page(lead: Self.lead).utf8), encoding: "UTF-8").root)
        let off = ContentSelector(document: root, options: .init(leadParagraphs: false)).contentBlocks.map(\.text)
        #expect(!off.contains { $0.hasPrefix("Three days") })
        let on = ContentSelector(document: root).contentBlocks.map(\.text)
        #expect(on.first?.hasPrefix("Three days") == true)
    }

    @Test("short lines, link lines and lines that end without a sentence's close are no lead")
    func notLeads() throws {
        for lead in [
            "<p>Updated 14 March 2024, 08:15</p>",
            "<p>Weather, Valley news, Rivers and floods in the region this week</p>",
            "<p><a href=\"/a\">Read more about the floods in our special coverage of the valley today.</a></p>",
        ] {
            let article = try extractArticle(htmlDocument(Self.page(lead: lead)))
            #expect(article.text.hasPrefix("Water levels"), "\(lead)")
        }
    }

    @Test("with the headline more than eight blocks above the body, nothing above the body joins")
    func farHeadline() throws {
        let topics = "<ul class=\"topics\">" + (1...9).map { "<li>Topic \($0)</li>" }.joined() + "</ul>"
        let article = try extractArticle(htmlDocument(Self.page(lead: Self.lead, between: topics)))
        #expect(article.text.hasPrefix("Water levels"))
    }

    @Test("a lead repeated as the body's first paragraph is kept once")
    func repeatedLead() throws {
        let markup = Self.page(lead: "<p>Water levels on the lower river climbed through the night, and the town closed two bridges by morning.</p>")
        let article = try extractArticle(htmlDocument(markup))
        #expect(article.text.components(separatedBy: "Water levels").count == 2)
    }

    // MARK: The article's own header

    static func articlePage(head: String, banner: String = "<header class=\"site\"><p>Home</p></header>") -> String {
        """
        <html><head><title>Bridge reopens after repairs</title></head><body>
        \(banner)
        <div class="page">
          <article>
            <header>\(head)</header>
            <div class="story-body">
              <p>Engineers replaced the worn bearings over six weeks, working mostly at night to spare the traffic.</p>
              <p>The council said the work came in under budget and that the footpath would open next month.</p>
              <p>Commuters had faced detours of up to twenty minutes while the crossing was shut.</p>
            </div>
          </article>
        </div>
        </body></html>
        """
    }

    static let headWithIntro = """
        <p class="kicker">Transport</p><h1>Bridge reopens after repairs</h1>
        <p class="intro">The old river crossing carries cars again after a summer of repairs.</p>
        <p class="meta">By A. Writer, 3 June</p>
        """

    @Test("an intro paragraph in the article's own <header>, after its headline, opens the text; the kicker and byline do not")
    func articleHeaderIntro() throws {
        let article = try extractArticle(htmlDocument(Self.articlePage(head: Self.headWithIntro)))
        #expect(article.text.hasPrefix("The old river crossing carries cars again after a summer of repairs.\n\nEngineers replaced"))
        #expect(!article.text.contains("Transport"))
        #expect(!article.text.contains("By A. Writer"))
    }

    @Test("an intro of loose text in a <div> of the article's header joins too")
    func articleHeaderLooseIntro() throws {
        let head = "<h1>Bridge reopens after repairs</h1><div class=\"summary\"> The old river crossing carries cars again from today. </div>"
        let article = try extractArticle(htmlDocument(Self.articlePage(head: head)))
        #expect(article.text.hasPrefix("The old river crossing carries cars again from today.\n\nEngineers replaced"))
    }

    @Test("the site's banner <header> outside the article stays out, even with a headline and a sentence")
    func bannerHeaderStaysOut() throws {
        let banner = "<header><h1>The Valley Gazette</h1><p>Independent local news for the whole valley since the year of its founding.</p></header>"
        let article = try extractArticle(htmlDocument(Self.articlePage(head: "<h1>Bridge reopens after repairs</h1>", banner: banner)))
        #expect(article.text.hasPrefix("Engineers replaced"))
        #expect(!article.text.contains("Independent local news"))
    }

    @Test("a header in the article without a headline is not read, and text before the headline is no lead")
    func headerWithoutHeadline() throws {
        let noHeadline = "<p class=\"intro\">The old river crossing carries cars again after a summer of repairs.</p>"
        let first = try extractArticle(htmlDocument(Self.articlePage(head: noHeadline)))
        #expect(first.text.hasPrefix("Engineers replaced"))
        let before = "<p>The old river crossing carries cars again after a summer of repairs.</p><h1>Bridge reopens after repairs</h1>"
        let second = try extractArticle(htmlDocument(Self.articlePage(head: before)))
        #expect(second.text.hasPrefix("Engineers replaced"))
    }

    @Test("switched off, the article header's intro stays out")
    func articleHeaderSwitchedOff() throws {
        let root = try #require(HTMLDocument.parse(Array(Self.articlePage(head: Self.headWithIntro).utf8), encoding: "UTF-8").root)
        let off = ContentSelector(document: root, options: .init(leadParagraphs: false)).contentBlocks.map(\.text)
        #expect(off.first?.hasPrefix("Engineers") == true)
        let on = ContentSelector(document: root).contentBlocks.map(\.text)
        #expect(on.first?.hasPrefix("The old river crossing") == true)
    }

    @Test("a sentence-like metadata line in the article's header (a class or id naming meta, info or date) is no lead")
    func articleHeaderMetadata() throws {
        for name in ["entry-meta", "post-info", "dateline"] {
            let head = "<h1>Bridge reopens after repairs</h1><p class=\"\(name)\">Posted on 3 June by the desk. This post may contain links to partner shops.</p>"
            let article = try extractArticle(htmlDocument(Self.articlePage(head: head)))
            #expect(article.text.hasPrefix("Engineers replaced"), "\(name)")
        }
    }
}
