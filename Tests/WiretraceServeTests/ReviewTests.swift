import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import WiretraceCore
import WiretraceStore
@testable import WiretraceServe

/// The pages and review decisions on the fixture dump (fixtures/html), through a real server.
@Suite struct ReviewTests {
    /// A database of fixtures/html, built by the pipeline.
    static func fixtureDatabase() throws -> String {
        let database = ServeFixtures.temporaryPath(".sqlite")
        try ServeFixtures.run([ServeFixtures.fixture("html")], into: database)
        return database
    }

    /// A started server on 127.0.0.1 and a free port; stopped by `body`'s end.
    static func withServer(_ database: String, reviewer: String, _ body: (URL) async throws -> Void) async throws {
        try await withSite(database, reviewer: reviewer) { base, _ in try await body(base) }
    }

    /// A started server (with `limits`) on 127.0.0.1 and a free port, and its site (for its form
    /// token); stopped by `body`'s end.
    static func withSite(
        _ database: String, reviewer: String = "tester", limits: HTTPLimits = HTTPLimits(),
        _ body: (URL, ReviewSite) async throws -> Void
    ) async throws {
        let site = try ReviewSite(databasePath: database, reviewer: reviewer)
        let server = try ReviewServer(site: site, port: 0, limits: limits)
        let task = Task { try await server.run() }
        defer { task.cancel() }
        try await server.waitUntilListening()
        let port = try #require(await server.port())
        try await body(URL(string: "http://127.0.0.1:\(port)")!, site)
        await server.stop()
    }

    static func get(_ url: URL) async throws -> (status: Int, body: String) {
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    static func post(_ url: URL, _ form: [(String, String)]) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(form.map { "\($0.0)=\(URLText.component($0.1))" }.joined(separator: "&").utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func storyPageShowsTheSeedMembersAndTheSideBySideHighlightsSharedPassages() async throws {
        let database = try Self.fixtureDatabase()
        defer { ServeFixtures.remove(database) }
        let store = try WiretraceStore(path: database)
        let storyID = try #require(try store.clusterID(containing: Seed.tass))
        try await Self.withServer(database, reviewer: "tester") { base in
            let story = try await Self.get(URL(string: "/story?id=\(storyID)", relativeTo: base)!)
            #expect(story.status == 200)
            for id in Seed.story { #expect(story.body.contains("<code class=\"muted\">\(id)</code>"), "member \(id) listed") }
            #expect(!story.body.contains("<code class=\"muted\">\(Seed.parade)</code>"))
            #expect(story.body.contains("<svg class=\"chart\""), "timeline chart")
            // CNA copies Reuters: the side-by-side page marks the shared passages in both texts.
            let compare = try await Self.get(
                URL(string: "/compare?a=\(URLText.component(Seed.cna))&b=\(URLText.component(Seed.reuters))", relativeTo: base)!)
            #expect(compare.status == 200)
            let marks = compare.body.components(separatedBy: "<mark class=\"shared\"").count - 1
            #expect(marks >= 2, "shared passages highlighted on both sides")
            // The first highlighted passage is text found in both documents.
            let passage = try #require(compare.body.components(separatedBy: "<mark class=\"shared\" id=\"l1\"").dropFirst().first?
                .split(separator: ">", maxSplits: 1).last?.components(separatedBy: "</mark>").first)
            let cna = try #require(try store.article(Seed.cna)).text, reuters = try #require(try store.article(Seed.reuters)).text
            let unescaped = passage.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            #expect(unescaped.count > 40 && cna.contains(unescaped) && reuters.contains(unescaped))
            #expect(compare.body.contains("of this text is shared with the other document"))
        }
    }

    @Test func serverAnswersPagesErrorsAndRedirects() async throws {
        let database = try Self.fixtureDatabase()
        defer { ServeFixtures.remove(database) }
        try await Self.withSite(database, reviewer: "tester") { base, site in
            let root = try await Self.get(base)
            #expect(root.status == 200 && root.body.contains("<h1>Stories</h1>"), "/ redirects to the stories")
            for path in ["/runs", "/quotes", "/outlets", "/stories?sort=date&page=1", "/stories?q=junta+russia"] {
                #expect(try await Self.get(URL(string: path, relativeTo: base)!).status == 200, "\(path)")
            }
            let search = try await Self.get(URL(string: "/stories?q=nothing-like-this-title", relativeTo: base)!)
            #expect(search.body.contains("<p>0 stories"))
            #expect(try await Self.get(URL(string: "/nothing", relativeTo: base)!).status == 404)
            #expect(try await Self.get(URL(string: "/story?id=S000", relativeTo: base)!).status == 404)
            #expect(try await Self.get(URL(string: "/review", relativeTo: base)!).status == 405)
            #expect(try await Self.post(URL(string: "/review", relativeTo: base)!, [("token", site.formToken), ("kind", "explode")]).status == 400)
            // A run made while the server is up shows on the next request (no stale read snapshot).
            #expect(!(try await Self.get(URL(string: "/runs", relativeTo: base)!).body.contains("<td>#2</td>")))
            try ServeFixtures.run([ServeFixtures.fixture("html")], into: database)
            #expect(try await Self.get(URL(string: "/runs", relativeTo: base)!).body.contains("<td>#2</td>"))
        }
    }

    @Test func decisionsMadeThroughThePagesChangeTheNextRun() async throws {
        let database = try Self.fixtureDatabase()
        defer { ServeFixtures.remove(database) }
        let store = try WiretraceStore(path: database)
        let storyID = try #require(try store.clusterID(containing: Seed.tass))
        let paradeStory = try #require(try store.clusterID(containing: Seed.parade))
        #expect(paradeStory != storyID)
        #expect(try store.cluster(storyID)?.members.count == Seed.story.count)
        try await Self.withSite(database, reviewer: "ana") { base, site in
            let review = URL(string: "/review", relativeTo: base)!
            // Split the monitor out; merge the parade story in (by its story id).
            let split = try await Self.post(review, [("token", site.formToken), ("kind", "split"), ("story", storyID), ("a", Seed.monitor)])
            #expect(split.status == 200 && split.body.contains("split \(Seed.monitor) out of its story"))
            let merge = try await Self.post(
                review, [("token", site.formToken), ("kind", "merge"), ("story", storyID), ("a", Seed.tass), ("other", paradeStory)])
            #expect(merge.status == 200 && merge.body.contains("ana, "))
        }
        let decisions = try store.reviewDecisions()
        #expect(decisions.map(\.kind) == [.split, .merge], "\(decisions)")
        #expect(decisions.allSatisfy { $0.reviewer == "ana" && !$0.decidedAt.isEmpty })

        try ServeFixtures.run([ServeFixtures.fixture("html")], into: database)
        let monitorStory = try #require(try store.clusterID(containing: Seed.monitor))
        #expect(try store.cluster(monitorStory)?.members.map(\.documentID) == [Seed.monitor], "split out: a story of its own")
        let merged = try #require(try store.clusterID(containing: Seed.tass))
        let members = Set(try #require(try store.cluster(merged)).members.map(\.documentID))
        #expect(members == Seed.story.subtracting([Seed.monitor]).union([Seed.parade]))
        // The page shows the decisions after the re-run too.
        let page = try #require(try StoryPages(store: store, links: SiteLinks(style: .server)).story(merged)).rendered
        #expect(page.contains("merged the stories of") && page.contains("ana, "))
    }

    @Test func notTheSameStoryAndConfirmHoldAcrossRuns() throws {
        let database = try Self.fixtureDatabase()
        defer { ServeFixtures.remove(database) }
        let store = try WiretraceStore(path: database)
        let before = try store.clusters().map { Set($0.members.map(\.documentID)) }
        let storyID = try #require(try store.clusterID(containing: Seed.tass))
        let members = try #require(try store.cluster(storyID)).members.map(\.documentID)
        try store.record(ReviewDecision(kind: .confirm, clusterID: storyID, members: members, reviewer: "bo"))
        try store.record(ReviewDecision(kind: .notSame, clusterID: storyID, documentA: Seed.tass, documentB: Seed.digest, reviewer: "bo"))
        try ServeFixtures.run([ServeFixtures.fixture("html")], into: database)

        let tassStory = try #require(try store.clusterID(containing: Seed.tass))
        let digestStory = try #require(try store.clusterID(containing: Seed.digest))
        #expect(tassStory != digestStory, "never in one story, although confirmed together earlier")
        #expect(Set(try #require(try store.cluster(tassStory)).members.map(\.documentID)) == Seed.story.subtracting([Seed.digest]))
        // Every other story is as before.
        let after = try store.clusters().map { Set($0.members.map(\.documentID)) }
        #expect(Set(after.filter { !$0.contains(Seed.tass) && !$0.contains(Seed.digest) })
            == Set(before.filter { !$0.contains(Seed.tass) }))
    }
}
