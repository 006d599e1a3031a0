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
}
