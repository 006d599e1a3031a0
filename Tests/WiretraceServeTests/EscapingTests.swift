import Foundation
import Testing
import WiretraceStore
@testable import WiretraceServe

/// A fixture whose title, outlet and body carry markup must render as text in every page.
@Suite struct EscapingTests {
    static let script = "<script>alert(1)</script>"
    static let image = "\"><img src=x onerror=alert(1)>"
    static let escapedScript = "&lt;script&gt;alert(1)&lt;/script&gt;"
    static let escapedImage = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"

    /// Two outlets with markup in their names; a wire text and a copy of it, both with markup in
    /// their titles and bodies.
    static func hostileDatabase() throws -> (database: String, original: String, copy: String) {
        let paragraphs = (1...8).map { n in
            "Paragraph \(n) of the council report says the harbour budget rose by \(n * 7) million after the vote on Tuesday, "
                + "while officials in the northern district warned that repairs to the old sea wall would take years."
        }
        let body = paragraphs[0...2].joined(separator: "\n\n") + "\n\nThe note read \(script) and then \(image) in full.\n\n"
            + paragraphs[3...].joined(separator: "\n\n")
        let original = "evil-wire/harbour-budget.html", copy = "mirror/harbour-budget-copy.html"
        let input = try ServeFixtures.jsonl([
            ["id": original, "outlet": "Evil \(script) Wire", "title": "Budget \(script) vote \(image)",
             "published": "2024-03-05T08:00:00Z", "text": body],
            ["id": copy, "outlet": "Mirror \(image) Times", "title": "Copied \(image) budget \(script)",
             "published": "2024-03-05T09:30:00Z", "text": body + "\n\nThe mirror adds one closing line of its own here."],
        ])
        let database = ServeFixtures.temporaryPath(".sqlite")
        try ServeFixtures.run([input], into: database)
        return (database, original, copy)
    }

    static func assertEscaped(_ page: String, _ name: String, expectMarkupText: Bool = true) {
        #expect(!page.contains(script), "raw <script> in \(name)")
        #expect(!page.contains(image), "raw <img onerror> in \(name)")
        #expect(!page.contains("<img"), "an <img> element in \(name)")
        if expectMarkupText {
            #expect(page.contains(escapedScript), "escaped <script> missing from \(name)")
            #expect(page.contains(escapedImage), "escaped <img> missing from \(name)")
        }
    }

    @Test func everyServedPageShowsScrapedMarkupAsText() async throws {
        let (database, original, copy) = try Self.hostileDatabase()
        defer { ServeFixtures.remove(database) }
        let store = try WiretraceStore(path: database)
        // The fixture really carries the markup into the database.
        let stored = try #require(try store.article(original))
        #expect(stored.title?.contains(Self.script) == true && stored.outlet?.contains(Self.script) == true)
        #expect(stored.text.contains(Self.script) && stored.text.contains(Self.image))
        let storyID = try #require(try store.clusterID(containing: copy))
        #expect(try store.clusterID(containing: original) == storyID, "the copy and its original form one story")
        // A reviewer name with markup too: it is shown with each decision.
        let site = try ReviewSite(databasePath: database, reviewer: "rev \(Self.script) \(Self.image)")
        let split = await site.respond(
            method: "POST", path: "/review", query: "",
            body: Data("token=\(site.formToken)&kind=not_same&story=\(URLText.component(storyID))&a=\(URLText.component(original))&b=\(URLText.component(copy))".utf8))
        #expect(split.status == 303)

        let outlet = try #require(stored.outlet)
        let targets: [(String, String, Bool)] = [
            ("/stories", "", true),
            ("/stories", "sort=outlets&q=" + URLText.component("Budget"), true),
            ("/story", "id=" + URLText.component(storyID), true),
            ("/compare", "a=\(URLText.component(copy))&b=\(URLText.component(original))", true),
            ("/outlets", "", true),
            ("/outlet", "name=" + URLText.component(outlet), true),
            ("/quotes", "", false),
            ("/runs", "", false),
            ("/story", "id=" + URLText.component(Self.script + Self.image), true),
        ]
        for (path, query, markupExpected) in targets {
            let response = await site.respond(method: "GET", path: path, query: query, body: Data())
            #expect(response.status == (path == "/story" && query.contains("alert") ? 404 : 200), "\(path)?\(query)")
            Self.assertEscaped(String(decoding: response.body, as: UTF8.self), "\(path)?\(query)", expectMarkupText: markupExpected)
        }
    }

    @Test func everyStaticPageShowsScrapedMarkupAsText() throws {
        let (database, _, _) = try Self.hostileDatabase()
        defer { ServeFixtures.remove(database) }
        let folder = ServeFixtures.temporaryPath("-html")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let summary = try StaticSite(store: try WiretraceStore(path: database)).write(to: folder)
        #expect(summary.stories == 1 && summary.comparisons == 1 && summary.outlets == 2)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == summary.files && files.contains("index.html"))
        for file in files {
            let page = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            Self.assertEscaped(page, file, expectMarkupText: !["runs.html", "quotes.html"].contains(file))
            #expect(!page.contains("<form"), "no review forms in a static page (\(file))")
        }
    }
}
