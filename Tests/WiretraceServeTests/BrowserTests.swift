import Foundation
import Testing
import WiretraceStore
@testable import WiretraceServe

/// The pages in a real headless browser (Debian's chromium): it loads the page, runs no script of
/// ours (there is none), and dumps the DOM it built. Skipped when no chromium is installed.
@Suite(.serialized) struct BrowserTests {
    static let browser: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The DOM chromium builds for `url`, serialised. Waits on a Dispatch thread, not on the
    /// concurrency pool, which the server under test needs to answer the browser.
    static func dumpDOM(_ url: URL) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try blockingDumpDOM(url) })
            }
        }
    }

    private static func blockingDumpDOM(_ url: URL) throws -> String {
        let profile = ServeFixtures.temporaryPath("-chromium")
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(browser))
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--timeout=15000",
            "--user-data-dir=" + profile, "--dump-dom", url.absoluteString,
        ]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: browser != nil, "no chromium installed (apt-get install chromium)"))
    func storyAndSideBySideRenderInAHeadlessBrowser() async throws {
        let database = try ReviewTests.fixtureDatabase()
        defer { ServeFixtures.remove(database) }
        let store = try WiretraceStore(path: database)
        let storyID = try #require(try store.clusterID(containing: Seed.tass))
        try await ReviewTests.withServer(database, reviewer: "browser") { base in
            let story = try await Self.dumpDOM(URL(string: "/story?id=\(storyID)", relativeTo: base)!.absoluteURL)
            for id in Seed.story { #expect(story.contains(id), "member \(id) in the browser's DOM") }
            let compare = try await Self.dumpDOM(
                URL(string: "/compare?a=\(URLText.component(Seed.cna))&b=\(URLText.component(Seed.reuters))", relativeTo: base)!.absoluteURL)
            #expect(compare.contains("<mark class=\"shared\" id=\"l1\""))
        }
    }

    @Test(.enabled(if: browser != nil, "no chromium installed (apt-get install chromium)"))
    func scrapedMarkupStaysTextInTheBrowser() async throws {
        let (database, original, _) = try EscapingTests.hostileDatabase()
        defer { ServeFixtures.remove(database) }
        let storyID = try #require(try WiretraceStore(path: database).clusterID(containing: original))
        try await ReviewTests.withServer(database, reviewer: "browser") { base in
            let dom = try await Self.dumpDOM(URL(string: "/story?id=\(storyID)", relativeTo: base)!.absoluteURL)
            #expect(dom.contains("<h1>"), "the page loaded")
            #expect(!dom.contains("<script") && !dom.contains("<img"), "no element made from scraped text")
            #expect(dom.contains(EscapingTests.escapedScript))
        }
    }
}
