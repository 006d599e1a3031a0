import Foundation
import Testing
import WiretraceCore
import WiretraceExtract

/// The forms European pages give their writers in: picture credits beside the names, contact
/// details, several writers in one value or in several tags, organizations and the site's own
/// accounts (which are no writers).
@Suite("Author forms")
struct AuthorFormsTests {
    private func author(head: String = "", byline: String = "", url: String? = nil, language: String = "de") throws -> Article {
        try extractArticle(htmlDocument(AuthorTests.page(lang: language, head: head, byline: byline), url: url))
    }

    @Test("a picture credit after the names is no part of them; a photographer alone is no author", arguments: [
        ("<p>Text: Anna Berger Fotos: Tom Krause</p>", "Anna Berger"),
        ("<div class=\"byline\">Fotos: Tom Krause, Text: Anna Berger</div>", "Anna Berger"),
        ("<div class=\"byline\">Foto: Tom Krause</div>", nil),
        ("<div class=\"autor\">Par Jeanne Dupont Photo : Paul Martin</div>", "Jeanne Dupont"),
        ("<p>Text und Foto: Anna Berger</p>", "Anna Berger"),
    ] as [(String, String?)])
    func pictureCredits(byline: String, expected: String?) throws {
        #expect(try author(byline: byline).byline == expected)
    }

    @Test("an e-mail address or a handle beside the names is left out; a handle alone is no author", arguments: [
        ("", "<div class=\"byline\">Von Anna Berger anna.berger@example.org</div>", "Anna Berger"),
        ("", "<div class=\"byline\">By Jane Doe @janedoe</div>", "Jane Doe"),
        ("", "<div class=\"byline\">By Jane Doe (@janedoe)</div>", "Jane Doe"),
        ("<meta name=\"author\" content=\"@hafenwoche\">", "", nil),
    ] as [(String, String, String?)])
    func contactDetails(head: String, byline: String, expected: String?) throws {
        #expect(try author(head: head, byline: byline).byline == expected)
    }

    @Test("a bare slash joins two writers")
    func slashes() throws {
        #expect(try author(byline: "<div class=\"byline\">Anna Berger/Tom Krause</div>").byline == "Anna Berger, Tom Krause")
        #expect(try author(head: "<meta name=\"author\" content=\"Anna Berger/Tom Krause/dpa\">").byline == "Anna Berger, Tom Krause")
    }

    @Test("a writer named twice stands once", arguments: [
        ("", "<div class=\"byline\">Von Anna Berger, Anna Berger</div>"),
        ("""
            <script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Anna Berger"},\
            {"@type":"Person","name":"Anna Berger"}]}</script>
            """, ""),
    ])
    func namedTwice(head: String, byline: String) throws {
        #expect(try author(head: head, byline: byline).byline == "Anna Berger")
    }

    @Test("a date after a capitalised preposition ends the names")
    func capitalisedPreposition() throws {
        #expect(try author(byline: "<div class=\"signature\">Par Jeanne Dupont Le 17/02/2020</div>", language: "fr").byline == "Jeanne Dupont")
    }

    @Test("an agency and a title after the names, the line break between them lost, are no part of them")
    func agencyAndTitle() throws {
        let article = try author(byline: "<div class=\"byline\">By JANE DOE<br>AP Harbour Writer</div>", language: "en")
        #expect(article.byline == "JANE DOE")
        #expect(article.credits.first?.agency == "AP")
    }

    @Test("a job title after the names and a comma is no part of them, whatever its words", arguments: [
        ("<p><strong>Autorin: Anna Berger, Projektleiterin der Stiftung in Tunis.</strong></p>", "Anna Berger"),
        ("<div class=\"byline\">Von Tom Krause, Pressesprecher des Hafenvereins</div>", "Tom Krause"),
        ("<div class=\"byline\">By Jane Doe, Professor of Maritime Law</div>", "Jane Doe"),
        // A title in lower case after the names, without a comma.
        ("<div class=\"byline\">By Jane Doe News reporter</div>", "Jane Doe"),
        ("<div class=\"byline\">By Jane Doe Senior writer</div>", "Jane Doe"),
        // A second writer after the comma stays.
        ("<div class=\"byline\">Von Anna Berger, Tom Krause</div>", "Anna Berger, Tom Krause"),
    ] as [(String, String)])
    func trailingJobTitles(byline: String, expected: String) throws {
        #expect(try author(byline: byline).byline == expected)
    }

    @Test("several author tags name several writers; the site's name and repeats among them are left out", arguments: [
        ("<meta name=\"author\" content=\"Anna Berger\"><meta name=\"author\" content=\"Tom Krause\">", "Anna Berger, Tom Krause"),
        ("<meta name=\"author\" content=\"Anna Berger\"><meta name=\"author\" content=\"Anna Berger\">", "Anna Berger"),
        ("<meta property=\"og:site_name\" content=\"Hafenwoche\"><meta name=\"author\" content=\"Hafenwoche\"><meta name=\"author\" content=\"Anna Berger\">",
         "Anna Berger"),
    ])
    func severalAuthorTags(head: String, expected: String) throws {
        #expect(try author(head: head).byline == expected)
    }

    @Test("other vocabularies' author keys name the writer where the author tag holds the site's name", arguments: [
        "<meta property=\"og:article:author\" content=\"Anna Berger\">",
        "<meta property=\"cXenseParse:author\" content=\"Anna Berger\">",
        "<meta property=\"article:author_name\" content=\"Anna Berger\">",
    ])
    func otherAuthorKeys(tag: String) throws {
        let head = "<meta property=\"og:site_name\" content=\"Hafenwoche\"><meta name=\"author\" content=\"Hafenwoche\">" + tag
        #expect(try author(head: head).byline == "Anna Berger")
    }

    @Test("JSON-LD names a person by a list, a tagged value, or given and family names", arguments: [
        "{\"@type\":\"Person\",\"name\":[\"Anna Berger\"]}",
        "{\"@type\":\"Person\",\"name\":{\"@value\":\"Anna Berger\",\"@language\":\"de\"}}",
        "{\"@type\":\"Person\",\"givenName\":\"Anna\",\"familyName\":\"Berger\"}",
    ])
    func structuredPersonNames(person: String) throws {
        let head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":\(person)}</script>"
        #expect(try author(head: head).byline == "Anna Berger")
    }

    @Test("an organization by its legal form is no author", arguments: [
        "Hafenverein Nord e.V.", "Hafen Medien GmbH", "Harbour Media Ltd", "Port Media Group Inc.", "Éditions du Port SARL",
    ])
    func legalForms(name: String) throws {
        #expect(try author(head: "<meta name=\"author\" content=\"\(name)\">").byline == nil)
        // The writer after it is read.
        #expect(try author(head: "<meta name=\"author\" content=\"\(name)\">", byline: "<p>Von Anna Berger</p>").byline == "Anna Berger")
    }

    @Test("the organization the host abbreviates, and the site's numbered account, are the site's own", arguments: [
        ("Deutsches Hafen Kontor", "https://www.dhk.de/aktuell/1"),
        ("Hafenwoche1", "https://www.hafenwoche.de/a/1"),
    ])
    func hostInitialsAndAccounts(name: String, url: String) throws {
        #expect(try author(head: "<meta name=\"author\" content=\"\(name)\">", url: url).byline == nil)
        let raw = htmlDocument(AuthorTests.page(lang: "de", head: "<meta name=\"author\" content=\"\(name)\">"), url: url)
        let kept = try ArticleExtractor(configuration: ExtractionConfiguration(siteNameAsAuthor: true)).extract(raw).get()
        #expect(kept.byline == name)
        // A writer whose initials are not the host's keeps the name.
        #expect(try author(head: "<meta name=\"author\" content=\"Anna Berger\">", url: url).byline == "Anna Berger")
    }

    @Test("an element whose id names the author holds the byline, as one whose class does")
    func authorByID() throws {
        #expect(try author(byline: "<div id=\"author_header\">Anna Berger</div>").byline == "Anna Berger")
        #expect(try author(byline: "<div id=\"article-byline\">Von Anna Berger</div>").byline == "Anna Berger")
        // A script inside such an element (an ad slot's) is no name.
        #expect(try author(byline: "<div id=\"autor-2421\"><script>(slots = window.slots || []).push({});</script></div>").byline == nil)
        #expect(try author(byline: "<div class=\"author\"><script>track('author')</script>Anna Berger</div>").byline == "Anna Berger")
    }

    @Test("a name and a date on either side of a separator, just below the headline, give the writer", arguments: [
        ("<p class=\"meta\">Anna Berger | 12. März 2021</p>", "Anna Berger"),
        ("<div class=\"info\">12.03.2021 · Anna Berger</div>", "Anna Berger"),
        // A section's name, a lower-case word or a line further down is none.
        ("<p class=\"meta\">Politik | 12.03.2021</p>", nil),
        ("<p class=\"meta\">Stadt und Land | 12.03.2021</p>", nil),
        ("<p>Der Stadtrat hat getagt und beraten.</p><p>Der Hafen wächst weiter.</p><p class=\"meta\">Anna Berger | 12. März 2021</p>", nil),
    ] as [(String, String?)])
    func nameBesideDate(byline: String, expected: String?) throws {
        #expect(try author(byline: byline).byline == expected)
    }
}
