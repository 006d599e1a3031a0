import Testing
import WiretraceCore
import WiretraceExtract

/// Authors from metadata, JSON-LD and bylines in English, German, French, Spanish and Italian:
/// names only, desks ("Redaktion") never, agencies as credits.
@Suite("Authors")
struct AuthorTests {
    static func page(lang: String, head: String = "", byline: String = "") -> String {
        """
        <html lang="\(lang)"><head><title>Hafen bekommt neue Kaianlage</title>\(head)</head><body>
        <nav><a href="/">Start</a></nav><article><h1>Hafen bekommt neue Kaianlage</h1>\(byline)
        <p>Der Stadtrat hat am Dienstag den Bau einer neuen Kaianlage im alten Hafen beschlossen. Die Arbeiten sollen im Frühjahr beginnen.</p>
        <p>Die Kosten von rund zwölf Millionen Euro teilen sich Stadt und Land. Nachts soll auf der Baustelle nicht gearbeitet werden.</p>
        </article></body></html>
        """
    }

    @Test("bylines and author values give the writer's names and the agency's credit", arguments: [
        // (language, head, byline markup, author, agency)
        ("fr", "", "<p>Par Jeanne Dupont, AFP</p>", "Jeanne Dupont", "AFP"),
        ("es", "", "<p>Por María López | EFE</p>", "María López", "EFE"),
        ("it", "", "<p>Di Marco Rossi</p>", "Marco Rossi", nil),
        ("de", "<meta name=\"author\" content=\"Redaktion\">", "<p class=\"autor\">Von Max Mustermann</p>", "Max Mustermann", nil),
        ("de", "", "<div class=\"article-autor\">Von Anna Berger und Tom Krause</div>", "Anna Berger und Tom Krause", nil),
        ("de", "", "<p>Ein Beitrag von Anna Berger</p>", "Anna Berger", nil),
        ("de", "", "<div class=\"meta\">Autor: Anna Berger | 12.03.2021</div>", "Anna Berger", nil),
        ("fr", "", "<div class=\"signature\">Par <a href=\"/a/jd\">Jeanne Dupont</a> et <a href=\"/a/pm\">Paul Martin</a></div>",
         "Jeanne Dupont et Paul Martin", nil),
        ("en", "", "<p>By JANE DOE Associated Press</p>", "JANE DOE", "AP"),
        ("de", "", "<p class=\"byline\">Von Anna Berger (dpa)</p>", "Anna Berger", "dpa"),
        ("es", "<meta name=\"author\" content=\"Redacción\">", "<span class=\"autor\">Por Luis García</span>", "Luis García", nil),
        ("it", "<meta name=\"author\" content=\"Redazione ANSA\">", "", nil, "ANSA"),
        ("de", "<meta name=\"author\" content=\"Anna Berger, dpa\">", "", "Anna Berger", "dpa"),
        ("de", "", "<p>Text: Anna Berger, Fotos: Tom Krause</p>", "Anna Berger", nil),
        ("de", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"Redaktion Stadtanzeiger\"}}</script>",
         "", nil, nil),
        ("de", """
            <script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Anna Berger"},\
            {"@type":"Organization","name":"Stadtanzeiger"}]}</script>
            """, "", "Anna Berger", nil),
        ("de", """
            <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","author":{"@id":"#p1"}},\
            {"@type":"Person","@id":"#p1","name":"Anna Berger"}]}</script>
            """, "", "Anna Berger", nil),
        ("de", "<meta name=\"author\" content=\"Stadtwerke Editorial Team\">", "<p>Von Lisa Maier</p>", "Lisa Maier", nil),
        ("de", "<meta name=\"author\" content=\"Lokalredaktion\">", "", nil, nil),
        ("en", "", "<p>By Example News Staff | November 18, 2019 at 2:26 PM</p>", nil, nil),
        ("de", "<meta name=\"author\" content=\"Anna Berger, 01.12.2021\">", "", "Anna Berger", nil),
        ("en", "<meta name=\"author\" content=\"Court Reporter\">", "", nil, nil),
        ("de", "<meta name=\"author\" content=\"abg/dpa\">", "", "abg", "dpa"),
        ("en", "", "<div class=\"byline\">Jane Doe Published 3rd Nov 2023, 09:25 GMT</div>", "Jane Doe", nil),
        ("en", "", "<div class=\"byline\">Court Reporter Published 3rd Nov 2023, 09:25 GMT</div>", nil, nil),
        ("fr", "<meta property=\"og:site_name\" content=\"Le Quotidien\"><meta name=\"author\" content=\"Le Quotidien avec AFP\">",
         "", nil, "AFP"),
    ] as [(String, String, String, String?, String?)])
    func author(language: String, head: String, byline: String, author: String?, agency: String?) throws {
        let article = try extractArticle(htmlDocument(Self.page(lang: language, head: head, byline: byline)))
        #expect(article.byline == author)
        #expect(article.credits.first?.agency == agency)
        // The byline never stays in the text.
        #expect(article.text.hasPrefix("Der Stadtrat"))
    }

    @Test("a blog named for its writer keeps the writer as author")
    func blogNamedForItsWriter() throws {
        let head = "<meta property=\"og:site_name\" content=\"Lisa Maier\"><meta name=\"author\" content=\"Lisa Maier\">"
        let article = try extractArticle(htmlDocument(Self.page(lang: "de", head: head)))
        #expect(article.byline == "Lisa Maier")
    }

    @Test("a quotation's source is not the writer")
    func quotationSource() throws {
        let quote = "<blockquote><p>„Wir bauen schneller als geplant.“</p><cite class=\"author\">Eva Roth, Hafenmeisterin</cite></blockquote>"
        let article = try extractArticle(htmlDocument(Self.page(lang: "de", byline: quote)))
        #expect(article.byline == nil)
    }

    @Test("headlines and prose that open with a byline word are no bylines", arguments: [
        "<h2>Von der Leyen kritisiert den Plan der Regierung</h2>",
        "<div class=\"kicker\">Par ailleurs, la mairie a prévu une réunion</div>",
    ])
    func notBylines(markup: String) throws {
        let article = try extractArticle(htmlDocument(Self.page(lang: "de", byline: markup)))
        #expect(article.byline == nil)
    }
}
