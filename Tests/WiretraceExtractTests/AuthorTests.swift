import Foundation
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
        // A web page object names the writer where the graph has no article object; an
        // article object's author goes first; an organization on the web page is no writer.
        ("fr", """
            <script type="application/ld+json">{"@graph":[{"@type":"WebSite","@id":"#site","name":"Le Continent"},\
            {"@type":"WebPage","author":{"@id":"#p2"}},{"@type":["Person"],"@id":"#p2","name":"Jeanne Dupont"}]}</script>
            """, "", "Jeanne Dupont", nil),
        ("fr", """
            <script type="application/ld+json">{"@graph":[{"@type":"WebPage","author":{"@type":"Person","name":"Paul Martin"}},\
            {"@type":"NewsArticle","author":{"@type":"Person","name":"Jeanne Dupont"}}]}</script>
            """, "", "Jeanne Dupont", nil),
        ("fr", """
            <script type="application/ld+json">{"@type":"WebPage","author":{"@type":"Organization","name":"Le Continent"}}</script>
            """, "", nil, nil),
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
        // Dutch, Swedish, Danish, Italian openers, capitalised or not, and several writers.
        ("nl", "", "<p>Door Jan de Vries en Pieter Bakker</p>", "Jan de Vries en Pieter Bakker", nil),
        ("sv", "", "<p>Av Anna Svensson</p>", "Anna Svensson", nil),
        ("da", "", "<p>Af Mette Hansen</p>", "Mette Hansen", nil),
        ("it", "", "<p>di Marco Rossi e Giulia Bianchi</p>", "Marco Rossi e Giulia Bianchi", nil),
        ("es", "", "<p>Por María López y Juan Pérez</p>", "María López y Juan Pérez", nil),
        ("de", "", "<p>Ein Gastbeitrag von Anna Berger</p>", "Anna Berger", nil),
        // A possessive and a role before the names; a place after them.
        ("de", "", "<p>Von unserem Korrespondenten Tom Krause</p>", "Tom Krause", nil),
        ("it", "", "<p>Dal nostro inviato Marco Rossi</p>", "Marco Rossi", nil),
        ("de", "", "<p>Von Tom Krause, Berlin</p>", "Tom Krause", nil),
        ("de", "", "<p>Von Anna Berger, Tom Krause</p>", "Anna Berger, Tom Krause", nil),
        // Date lines, labels, links and places run into the names are cut away.
        ("de", "", "<div class=\"byline\">Anna Berger Di 12 Mär 2019</div>", "Anna Berger", nil),
        ("en", "", "<div class=\"byline\">March 9, 2021 5:01 AM ET By Jane Doe</div>", "Jane Doe", nil),
        ("de", "", "<div class=\"byline\">10. Dezember 2019 · von lisa_m · in Allgemein</div>", "lisa_m", nil),
        ("de", "", "<div class=\"byline\">Publiziert am</div>", nil, nil),
        ("de", "", "<div class=\"byline\">Veröffentlicht von Lisa Maier</div>", "Lisa Maier", nil),
        ("de", "<meta name=\"author\" content=\"Anna Berger https://example.org/anna\">", "", "Anna Berger", nil),
        ("de", "", "<div class=\"autor\">Anna Berger, Zürich, Tom Krause</div>", "Anna Berger, Tom Krause", nil),
        ("en", "<meta name=\"author\" content=\"Jane Doe, BSc, MD\">", "", "Jane Doe", nil),
        ("en", "<meta name=\"author\" content=\"Reuters, Washington\">", "", nil, "Reuters"),
        ("fr", "", "<div class=\"signature\">Propos recueillis par Jeanne DUPONT.</div>", "Jeanne DUPONT", nil),
        // An association by its legal form is no writer (AuthorFormsTests.legalForms).
        ("de", "<meta name=\"author\" content=\"Förderverein Hafen e.V.\">", "", nil, nil),
        ("en", "<meta name=\"author\" content=\"Harbour News Staff Report\">", "", nil, nil),
        ("en", "<meta name=\"author\" content=\"Staff and news service reports\">", "", nil, nil),
        ("de", "<meta name=\"author\" content=\"hafenblatt.de\">", "", nil, nil),
        ("de", "<meta name=\"author\" content=\"siteadmin\">", "", nil, nil),
        ("en", "<meta name=\"author\" content=\"J.Doe\">", "", "J.Doe", nil),
        ("de", "", "<div class=\"byline\">Erstellt von Lisa Maier</div>", "Lisa Maier", nil),
        // A date line run into the byline, after a place at most; prose before "von" is none.
        ("de", "", "<p>Hamburg, 27.01.2020, 14:05 Uhr - Von Anna Müller</p>", "Anna Müller", nil),
        ("fr", "", "<p>Le 3 mars 2020 | Par Marie Dupont</p>", "Marie Dupont", nil),
        ("de", "", "<p>(dpa) - Von Anna Müller</p>", "Anna Müller", "dpa"),
        ("de", "", "<p>Hamburg (dpa) - Von Anna Müller</p>", "Anna Müller", "dpa"),
        // An agency closing a byline after a separator, or named by a desk's line, is the credit;
        // the desk's line leaves the text. A surname spelled like an agency is no credit.
        ("pl", "", "<p>Autor: Jan Kowalski, PAP</p>", "Jan Kowalski", "PAP"),
        ("it", "", "<p>Redazione ANSA</p>", nil, "ANSA"),
        ("es", "", "<p>Redacción</p>", nil, nil),
        ("es", "", "<p>Por Ana Efe</p>", "Ana Efe", nil),
        // A role after the comma, capitalised or not, is no second name.
        ("de", "", "<p>Von Anna Berger, freie Journalistin</p>", "Anna Berger", nil),
        ("fr", "", "<p>Par Jeanne Dupont, Rédactrice en chef adjointe</p>", "Jeanne Dupont", nil),
        ("es", "", "<p>Por Luis García, Corresponsal en Bruselas</p>", "Luis García", nil),
        // Desks, with a possessive too, are nobody; an agency's service is the agency's credit.
        ("nl", "", "<p>Door onze redactie</p>", nil, nil),
        ("fr", "<meta name=\"author\" content=\"Rédaction\">", "<p>Par La Rédaction</p>", nil, nil),
        ("de", "<meta name=\"author\" content=\"dpa-AFX\">", "", nil, "dpa"),
        ("de", "", "<p>Von dpa-AFX</p>", nil, "dpa"),
        // A writer typed `Person` in the article's JSON-LD over the publisher in `<meta name="author">`;
        // an untyped JSON-LD name does not outrank the meta value.
        ("en", """
            <meta name="author" content="Harbour Media Group"><script type="application/ld+json">{"@type":"NewsArticle",\
            "author":{"@type":"Person","name":"Jane Doe"}}</script>
            """, "", "Jane Doe", nil),
        ("de", """
            <meta name="author" content="Anna Berger"><script type="application/ld+json">{"@type":"NewsArticle",\
            "author":"Tom Krause"}</script>
            """, "", "Anna Berger", nil),
        // A group label typed as a person is nobody: the next source names the writers.
        ("de", """
            <meta name="author" content="Anna Berger/Tom Krause"><script type="application/ld+json">{"@type":"NewsArticle",\
            "author":{"@type":"Person","name":"Externe Autoren (EA)"}}</script>
            """, "", "Anna Berger, Tom Krause", nil),
        ("en", "<meta name=\"author\" content=\"Guest Contributors\">", "", nil, nil),
        // The publication written for is no part of the names.
        ("en", """
            <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person",\
            "name":"Jane Doe And John Roe For The Sunday Harbour"}}</script>
            """, "", "Jane Doe And John Roe", nil),
        ("en", "", "<p>By Jane Doe for The Harbour Weekly</p>", "Jane Doe", nil),
        // A separator left in the element before its label opens no name.
        ("de", "", "<small class=\"post-meta\"><span class=\"author-link\">| <b>Autor:</b> <a href=\"/a/lm\">lisa_m</a></span></small>", "lisa_m", nil),
        // Writers listed one per semicolon in metadata.
        ("de", "<meta name=\"author\" content=\"Anna Berger; Tom Krause\">", "", "Anna Berger, Tom Krause", nil),
        ("de", "<meta name=\"author\" content=\"Anna Berger; Redaktion\">", "", "Anna Berger", nil),
        // Hand-written JSON-LD with a raw line break inside a string, a trailing comma and a
        // closing semicolon is read all the same.
        ("en", "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"articleBody\":\"First line.\nSecond line.\","
            + "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\",},};</script>", "", "Jane Doe", nil),
        // An opener written as a label; a weekday before the comma of a run-on date.
        ("de", "", "<div class=\"byline\">Von: Anna Berger</div>", "Anna Berger", nil),
        ("en", "", "<div class=\"byline\">By Jane Doe Friday, 3 Nov, 2023 9:59 am</div>", "Jane Doe", nil),
        ("en", "", "<div class=\"byline\">By Harbour News staff Friday, 3 Nov, 2023 9:59 am</div>", nil, nil),
        // Dublin Core's creator, as institutions' CMSs state it.
        ("de", "<meta name=\"dcterms.creator\" content=\"Anna Berger\">", "", "Anna Berger", nil),
        ("de", "<meta name=\"DC.creator\" content=\"Tom Krause\">", "", "Tom Krause", nil),
    ] as [(String, String, String, String?, String?)])
    func author(language: String, head: String, byline: String, author: String?, agency: String?) throws {
        let article = try extractArticle(htmlDocument(Self.page(lang: language, head: head, byline: byline)))
        #expect(article.byline == author)
        #expect(article.credits.first?.agency == agency)
        // The byline never stays in the text.
        #expect(article.text.hasPrefix("Der Stadtrat"))
    }

    @Test("desks, an agency's regional desk, role titles and posting labels leave the names alone", arguments: [
        // (language, head, byline markup, author, agency)
        ("en", "", "<p class=\"byline\">Newsdesk</p>", nil, nil),
        ("de", "<meta name=\"author\" content=\"Newsdesk\">", "", nil, nil),
        ("de", "<meta name=\"author\" content=\"dpa/lnw\">", "", nil, "dpa"),
        ("de", "", "<p class=\"byline\">AFP/jt</p>", nil, "AFP"),
        ("de", "", "<p>Von Redakteur Max Mustermann</p>", "Max Mustermann", nil),
        ("de", "", "<p class=\"autor\">Redakteurin Anna Berger</p>", "Anna Berger", nil),
        ("fr", "<meta name=\"author\" content=\"Journaliste Jeanne Dupont\">", "", "Jeanne Dupont", nil),
        ("en", "<meta name=\"author\" content=\"Senior Reporter Jane Doe\">", "", "Jane Doe", nil),
        // A qualifier alone is no title: the words after it stay whole.
        ("en", "<meta name=\"author\" content=\"Business Harbour Weekly\">", "", "Business Harbour Weekly", nil),
        ("de", "<meta name=\"author\" content=\"Max Mustermann (Redakteur)\">", "", "Max Mustermann", nil),
        ("de", "<meta name=\"author\" content=\"Anna Berger (freie Journalistin)\">", "", "Anna Berger", nil),
        ("de", "", "<div class=\"author\">Gespeichert von Max Mustermann am 24. Juli 2017</div>", "Max Mustermann", nil),
        ("en", "", "<div class=\"submitted\">Submitted by Jane Doe on 24 July 2017</div>", "Jane Doe", nil),
        ("de", "", "<p class=\"meta\">Eingestellt von Max Mustermann um 10:14</p>", "Max Mustermann", nil),
        ("fr", "", "<p>Rédigé par Jeanne Dupont</p>", "Jeanne Dupont", nil),
    ] as [(String, String, String, String?, String?)])
    func desksRolesAndLabels(language: String, head: String, byline: String, author: String?, agency: String?) throws {
        let article = try extractArticle(htmlDocument(Self.page(lang: language, head: head, byline: byline)))
        #expect(article.byline == author)
        #expect(article.credits.first?.agency == agency)
    }

    @Test("a sentence that opens with a date or a credit and goes on to \"von\" is prose, not a byline", arguments: [
        "Am 27.01.2020 sprach der Leiter von Hafen Hamburg.",
        "Berlin (dpa) - Von der Leyen reist am Montag nach Kiew.",
    ])
    func dateThenVonInProse(sentence: String) throws {
        let article = try extractArticle(htmlDocument(Self.page(lang: "de", byline: "<p>\(sentence)</p>")))
        #expect(article.byline == nil)
        #expect(article.text.hasPrefix(sentence))
    }

    @Test("fixture pages in German, Dutch and Italian give their writers, credits and days", arguments: [
        ("byline-de-two-writers-agency", "Jana Petersen und Ole Brandt", "dpa", "2019-08-16"),
        ("byline-nl-desk", nil, nil, "2020-01-27"),
        ("byline-it-correspondent", "Marco Ferri", nil, "2021-05-05"),
    ] as [(String, String?, String?, String)])
    func fixturePage(name: String, author: String?, agency: String?, day: String) throws {
        let html = try Data(contentsOf: ExtractionFixtureTests.directory.appendingPathComponent(name + ".html"))
        let raw = RawDocument(
            id: name, location: SourceLocation(file: name + ".html"), format: .html,
            payload: .html(bytes: Array(html), charset: nil))
        let article = try ArticleExtractor().extract(raw).get()
        #expect(article.byline == author)
        #expect(article.credits.first?.agency == agency)
        #expect(article.published.map { String($0.prefix(10)) } == day)
    }

    @Test("the site's own name is no author (its og:site_name, application name, host's label, publisher); the option keeps it as pages state it", arguments: [
        // (head, byline markup, page URL)
        ("<meta property=\"og:site_name\" content=\"VDHV\"><meta name=\"author\" content=\"VDHV\">", "", nil),
        // A blog named for its writer too: the option keeps the writer.
        ("<meta property=\"og:site_name\" content=\"Lisa Maier\"><meta name=\"author\" content=\"Lisa Maier\">", "",
         "https://lisamaier.de/2020/01/hafen"),
        ("<meta property=\"og:site_name\" content=\"Hafen Heute\"><meta name=\"author\" content=\"Hafen Heute\">", "", nil),
        // Its abbreviations: initials, or capitals before the same last word.
        ("<meta property=\"og:site_name\" content=\"Harzer Allgemeine Zeitung\"><meta name=\"author\" content=\"HAZ\">", "", nil),
        ("<meta property=\"og:site_name\" content=\"Oberösterreichisches Hafenblatt\"><meta name=\"author\" content=\"OÖ Hafenblatt\">", "", nil),
        ("<meta name=\"application-name\" content=\"Hafenwoche\">", "<p class=\"byline\">Von Hafenwoche</p>", nil),
        ("<meta name=\"author\" content=\"Hafenwoche\">", "", "https://www.hafenwoche.de/a/1"),
        ("<meta property=\"og:site_name\" content=\"Hafenwoche\">", "<p class=\"info-author\">30/10/23 | Hafenwoche</p>", nil),
        ("""
            <script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Der Hafenbote"},\
            "author":{"@type":"Person","name":"Der Hafenbote"}}</script>
            """, "", nil),
    ] as [(String, String, String?)])
    func siteNameIsNoAuthor(head: String, byline: String, url: String?) throws {
        let raw = htmlDocument(Self.page(lang: "de", head: head, byline: byline), url: url)
        #expect(try extractArticle(raw).byline == nil)
        let kept = try ArticleExtractor(configuration: ExtractionConfiguration(siteNameAsAuthor: true)).extract(raw).get()
        #expect(kept.byline != nil)
    }

    @Test("the site's name after the title's separator is no author either", arguments: [
        "<title>Hafen bekommt neue Kaianlage | Hafen Heute</title>", "<title>Hafen bekommt neue Kaianlage – Hafen Heute</title>",
    ])
    func titleSuffixIsNoAuthor(title: String) throws {
        let html = Self.page(lang: "de", byline: "<p class=\"byline\">Von Hafen Heute</p>")
            .replacingOccurrences(of: "<title>Hafen bekommt neue Kaianlage</title>", with: title)
        #expect(try extractArticle(htmlDocument(html)).byline == nil)
        // The same byline under a title without the site's name is a writer's, as far as the page tells.
        #expect(try extractArticle(htmlDocument(Self.page(lang: "de", byline: "<p class=\"byline\">Von Hafen Heute</p>"))).byline == "Hafen Heute")
    }

    @Test("a writer's name goes before the site's own (its abbreviation, application name, host's label)", arguments: [
        // (head, byline markup, page URL, author)
        ("<meta property=\"og:site_name\" content=\"HK - Hafenkurier\"><meta name=\"author\" content=\"HK\">",
         "<p>Der Stadtrat tagt.</p><p><em>Von Lisa Maier</em></p>", nil, "Lisa Maier"),
        ("<meta name=\"application-name\" content=\"Hafenwoche\"><meta name=\"author\" content=\"Hafenwoche\">",
         "<p>Der Stadtrat tagt.</p><p><em>Von Lisa Maier</em></p>", "https://www.example.de/a/1", "Lisa Maier"),
        ("<meta name=\"author\" content=\"Hafenwoche\">", "<p>Der Stadtrat tagt.</p><p><em>Von Lisa Maier</em></p>",
         "https://www.hafenwoche.de/a/1", "Lisa Maier"),
        // A writer's lower-case handle that is also the blog's host is the writer.
        ("<meta name=\"author\" content=\"hafenlotse\">", "", "https://hafenlotse.de/2020/01/a", "hafenlotse"),
        // A date ahead of the names in a meta line is cut.
        ("", "<p class=\"info-author\">12.03.2021 | Lisa Maier</p>", nil, "Lisa Maier"),
        ("", "<p class=\"info-author\">12.03.2021 | 3</p>", nil, nil),
    ] as [(String, String, String?, String?)])
    func writerBeforeSiteName(head: String, byline: String, url: String?, author: String?) throws {
        let article = try extractArticle(htmlDocument(Self.page(lang: "de", head: head, byline: byline), url: url))
        #expect(article.byline == author)
    }

    @Test("a page wrapper named like furniture around the article keeps its byline", arguments: [
        "<div id=\"navigation-container\">", "<div class=\"sidebar-wrapper\">",
    ])
    func furnitureNamedWrapper(wrapper: String) throws {
        let html = Self.page(lang: "de", byline: "<p class=\"author\">Anna Berger</p>")
            .replacingOccurrences(of: "<article>", with: wrapper + "<article>")
            .replacingOccurrences(of: "</article>", with: "</article></div>")
        #expect(try extractArticle(htmlDocument(html)).byline == "Anna Berger")
        // The same byline in a real sidebar beside the article is no byline.
        let sidebar = Self.page(lang: "de")
            .replacingOccurrences(of: "</article>", with: "</article><div class=\"sidebar\"><p class=\"author\">Anna Berger</p></div>")
        #expect(try extractArticle(htmlDocument(sidebar)).byline == nil)
    }

    @Test("a byline element whose whole reads as a desk gives the name inside it")
    func namedPartOfByline() throws {
        let byline = """
            <div class="article-byline"><div class="author-image"><img alt="" src="/a.png"></div><div class="author">\
            <span class="by">By</span> <a class="author-name" href="/staff/adam-berg/">Adam Berg</a><br>\
            <span class="author-staff">Harbour Daily Staff</span></div></div>
            """
        #expect(try extractArticle(htmlDocument(Self.page(lang: "en", byline: byline))).byline == "Adam Berg")
        // An agency with its place and day is a credit; its parts are no names.
        let agency = """
            <div class="article-author"><a class="article-author__name" href="/author/reuters">Reuters, </a>\
            <span class="article-author__name"> Washington, </span><span class="author-date">19 NOV 2019</span></div>
            """
        let credited = try extractArticle(htmlDocument(Self.page(lang: "en", byline: agency)))
        #expect(credited.byline == nil)
        #expect(credited.credits.map(\.agency) == ["Reuters"])
        // A desk alone stays no author.
        let desk = "<div class=\"article-byline\"><span class=\"author-staff\">Harbour Daily Staff</span></div>"
        #expect(try extractArticle(htmlDocument(Self.page(lang: "en", byline: desk))).byline == nil)
    }

    @Test("a byline just below the headline counts inside a box named like a teaser; the same box further down does not")
    func bylineBelowHeadline() throws {
        let box = "<div class=\"teaser-small__metadata\"><p class=\"byline__author\">VON <a href=\"/autoren/berger\">ANNA BERGER</a> am 21. April 2020</p></div>"
        #expect(try extractArticle(htmlDocument(Self.page(lang: "de", byline: box))).byline == "ANNA BERGER")
        let below = Self.page(lang: "de").replacingOccurrences(of: "</p>\n</article>", with: "</p>\n" + box + "</article>")
        #expect(below.contains(box))
        #expect(try extractArticle(htmlDocument(below)).byline == nil)
    }

    @Test("a date after a preposition ends the names", arguments: [
        ("<p class=\"byline\">Von Anna Berger am 21. April 2020</p>", "de", "Anna Berger"),
        ("<p class=\"byline\">By Adam Berg on 3 May 2021</p>", "en", "Adam Berg"),
        ("<p class=\"byline\">Par Jeanne Dupont le 3 mai 2021</p>", "fr", "Jeanne Dupont"),
    ])
    func prepositionBeforeDate(markup: String, lang: String, author: String) throws {
        #expect(try extractArticle(htmlDocument(Self.page(lang: lang, byline: markup))).byline == author)
    }

    @Test("an author-named element holding only a date line's label gives way to the next one", arguments: [
        ("en", "<div class=\"entry-meta\"><span class=\"meta-prep meta-prep-author\">Posted on</span> <a href=\"/2015/04/05/\">"
            + "<span class=\"entry-date\">April 5, 2015</span></a> <span class=\"by-author\"><span class=\"sep\">by</span> "
            + "<span class=\"author vcard\"><a class=\"url fn n\" href=\"/author/lm/\">lisa_m</a></span></span></div>", "lisa_m"),
        ("de", "<div class=\"entry-meta\"><span class=\"meta-prep meta-prep-author\">Veröffentlicht am</span> "
            + "<span class=\"entry-date\">13. Januar 2014</span> <span class=\"meta-sep\">von</span> "
            + "<span class=\"author vcard\"><a class=\"url fn n\" href=\"/author/tk/\">Tom Krause</a></span></div>", "Tom Krause"),
    ])
    func dateLabelInAuthorElement(lang: String, markup: String, author: String) throws {
        #expect(try extractArticle(htmlDocument(Self.page(lang: lang, byline: markup))).byline == author)
    }

    @Test("an article's own margin (<aside> under <article>) holds its byline; a related box there does not")
    func articleMargin() throws {
        let margin = "<aside class=\"meta\"><p class=\"authors\">Von:<br><i><a href=\"/autor/lm\" class=\"author-name\">Lisa Maier</a></i></p></aside>"
        let page = Self.page(lang: "de").replacingOccurrences(of: "<article>", with: "<article>" + margin)
        #expect(page.contains(margin))
        #expect(try extractArticle(htmlDocument(page)).byline == "Lisa Maier")
        let related = "<aside class=\"related-stories\"><p class=\"author\">Von Tom Krause</p></aside>"
        let box = Self.page(lang: "de").replacingOccurrences(of: "<article>", with: "<article>" + related)
        #expect(try extractArticle(htmlDocument(box)).byline == nil)
    }

    @Test("a blog post's own footer holds its byline; the site's footer does not")
    func articleFooter() throws {
        let posted = "<footer class=\"post-footer\"><span class=\"author\">Posted by <span class=\"vcard\"><a class=\"url fn\" rel=\"author\" href=\"/author/lm\">Lisa Maier</a></span> at 18:52</span></footer>"
        let inArticle = Self.page(lang: "de").replacingOccurrences(of: "</p>\n</article>", with: "</p>\n" + posted + "</article>")
        #expect(inArticle.contains(posted))
        let footerByline = try extractArticle(htmlDocument(inArticle)).byline
        #expect(footerByline == "Lisa Maier")
        let labelled = "<footer class=\"article-footer\"><ul><li>Author: <span>Lisa Maier</span></li></ul></footer>"
        let label = Self.page(lang: "de").replacingOccurrences(of: "</p>\n</article>", with: "</p>\n" + labelled + "</article>")
        #expect(try extractArticle(htmlDocument(label)).byline == "Lisa Maier")
        // An author box's description in the post's footer is no name.
        let box = "<footer class=\"entry-footer\"><div class=\"post-author\">kaianlage42 Wir sind ein Blog über den alten Hafen und seine Schiffe!</div></footer>"
        let described = Self.page(lang: "de").replacingOccurrences(of: "</p>\n</article>", with: "</p>\n" + box + "</article>")
        #expect(try extractArticle(htmlDocument(described)).byline == nil)
        // The block-element-modifier spelling of the same footer.
        let modifier = "<footer class=\"footer--article\"><i class=\"authors\">Von <a class=\"author-name\" href=\"/autor/lm\">Lisa Maier</a></i></footer>"
        let bem = Self.page(lang: "de").replacingOccurrences(of: "</p>\n</article>", with: "</p>\n" + modifier + "</article>")
        #expect(bem.contains(modifier))
        #expect(try extractArticle(htmlDocument(bem)).byline == "Lisa Maier")
        let site = Self.page(lang: "de").replacingOccurrences(
            of: "</body>", with: "<footer class=\"site-footer\"><span class=\"author\">Posted by Lisa Maier</span></footer></body>")
        #expect(try extractArticle(htmlDocument(site)).byline == nil)
    }

    @Test("a quotation's source is not the writer")
    func quotationSource() throws {
        let quote = "<blockquote><p>„Wir bauen schneller als geplant.“</p><cite class=\"author\">Eva Roth, Hafenmeisterin</cite></blockquote>"
        let article = try extractArticle(htmlDocument(Self.page(lang: "de", byline: quote)))
        #expect(article.byline == nil)
    }

    @Test("a reader's signed letter or comment below the article is not its byline", arguments: [
        "<div id=\"reader_comments\"><div class=\"letter\"><span class=\"autor\">Eva Roth</span> / 12.03.2021</div></div>",
        "<section class=\"leserbriefe\"><p class=\"author\">Von Eva Roth</p></section>",
        "<ol class=\"comment-list\"><li><span class=\"byline\">Eva Roth</span></li></ol>",
    ])
    func readerComment(markup: String) throws {
        let html = Self.page(lang: "de").replacingOccurrences(of: "</article>", with: "</article>" + markup)
        let article = try extractArticle(htmlDocument(html))
        #expect(article.byline == nil)
    }

    @Test("an opinion piece's byline, and one on a page whose body class mentions comments, stay the writer's")
    func opinionPiece() throws {
        let html = Self.page(lang: "de", byline: "<div class=\"kommentar-autor\">Von Anna Berger</div>")
            .replacingOccurrences(of: "<article>", with: "<article class=\"commentary\">")
        #expect(try extractArticle(htmlDocument(html)).byline == "Anna Berger")
        let blog = Self.page(lang: "de", byline: "<span class=\"author vcard\">von <span class=\"fn\">lisa_m</span></span>")
            .replacingOccurrences(of: "<body>", with: "<body class=\"single-post front_hidecomments comments-open\">")
        #expect(try extractArticle(htmlDocument(blog)).byline == "lisa_m")
    }

    @Test("headlines and prose that open with a byline word are no bylines", arguments: [
        "<h2>Von der Leyen kritisiert den Plan der Regierung</h2>",
        "<div class=\"kicker\">Par ailleurs, la mairie a prévu une réunion</div>",
        "<p>di recente il consiglio ha deciso</p>",
        "<p>Av alla förslag var detta det dyraste</p>",
    ])
    func notBylines(markup: String) throws {
        let article = try extractArticle(htmlDocument(Self.page(lang: "de", byline: markup)))
        #expect(article.byline == nil)
    }
}
