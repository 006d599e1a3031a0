import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The review pages in a real headless Chromium (Debian's package), driven over the DevTools
/// protocol: the built `wiretrace serve` answers the browser, the story page shows the seed story,
/// its "side by side" link leads to the highlighted shared passages, and review decisions made
/// with the page's own controls (a "split out" button; the merge form's text field typed into and
/// its button clicked: native form POSTs, the pages have no script) change what the next
/// `wiretrace run` exports. Skipped when no chromium is installed.
@Suite(.serialized) struct BrowserReviewTests {
    static let reviewer = "browser-reviewer"

    @Test(.enabled(if: DevToolsBrowser.executable != nil, "no chromium installed (apt-get install chromium): browser review test skipped"))
    func decisionsMadeThroughThePageChangeTheNextRun() throws {
        let database = CLI.temporaryDatabase()
        defer { CLI.remove(database) }
        let first = try CLI.run(["run", "--db", database, "--no-progress", CLI.fixture("html")])
        try #require(first.status == 0, "\(first.stderr)")
        let before = try StoryExport(database: database)
        let storyID = try #require(before.story(containing: Seed.tass))
        try #require(before.members(of: storyID) == Seed.story, "the fixture's seed story, before any review")
        let paradeStory = try #require(before.story(containing: Seed.parade))
        try #require(paradeStory != storyID)

        let shots = Screenshots()
        defer { shots.finish() }
        var serverID: pid_t = 0, browserGroup: pid_t = 0
        try ServedDatabase.serve(database, reviewer: Self.reviewer) { server in
            let base = server.base
            serverID = server.pid
            let browser = try DevToolsBrowser()
            defer { browser.close() }
            browserGroup = browser.processGroup
            let page = try browser.openPage()
            let storyURL = URL(string: "/story?id=\(storyID)", relativeTo: base)!.absoluteURL

            // The story page lists the seed story's members, TASS as the origin.
            try page.navigate(to: storyURL)
            let listed = try #require(try page.evaluate(
                "[...document.querySelectorAll('tbody tr code.muted')].map(e => e.textContent)") as? [String])
            #expect(Set(listed) == Seed.story && listed.count == Seed.story.count, "members shown: \(listed)")
            #expect(try page.string("document.querySelector('tr.role-origin code.muted')?.textContent ?? ''") == Seed.tass)
            try shots.save(try page.screenshot(), as: "story")

            // CNA's row links to CNA and Reuters side by side: the shared passages are highlighted.
            let cnaRow = "[...document.querySelectorAll('tbody tr')].find(r => r.querySelector('code.muted')?.textContent === \(DevToolsPage.literal(Seed.cna)))"
            try page.clickAndWaitForLoad("\(cnaRow)?.querySelector('a[href^=\"/compare\"]')")
            #expect(try page.string("location.pathname") == "/compare")
            let marks = try #require(try page.evaluate("""
                [...document.querySelectorAll('mark.shared')].map(m => ({id: m.id, text: m.textContent,
                  background: getComputedStyle(m).backgroundColor, height: m.getBoundingClientRect().height,
                  column: [...document.querySelectorAll('.column')].indexOf(m.closest('.column'))}))
                """) as? [[String: Any]])
            let left = try #require(marks.first { $0["id"] as? String == "l1" }, "passage 1 marked in the left column")
            let right = try #require(marks.first { $0["id"] as? String == "r1" }, "passage 1 marked in the right column")
            let passage = try #require(left["text"] as? String)
            #expect(passage.count > 40 && passage == right["text"] as? String, "the same passage on both sides")
            #expect(left["column"] as? Int == 0 && right["column"] as? Int == 1)
            for mark in marks {
                #expect(mark["background"] as? String == "rgb(255, 241, 118)", "drawn highlighted: \(mark)")
                #expect(((mark["height"] as? NSNumber)?.doubleValue ?? 0) > 0, "laid out: \(mark)")
            }
            #expect(try page.string("document.querySelector('.reuse')?.textContent ?? ''").contains("% of this text is shared"))
            try shots.save(try page.screenshot(), as: "compare")

            // Back on the story page, the monitor's own "split out" button: the browser posts the
            // form and follows the redirect back to the story, which now lists the decision.
            try page.navigate(to: storyURL)
            let monitorSplit = """
                [...document.querySelectorAll('form[action="/review"]')].find(f => f.elements.kind.value === 'split' \
                && f.elements.a?.value === \(DevToolsPage.literal(Seed.monitor)))?.querySelector('button[type=submit]')
                """
            try page.clickAndWaitForLoad(monitorSplit)
            #expect(try page.string("location.pathname + location.search") == "/story?id=\(storyID)")
            let decision = try page.string("document.querySelector('li.decision-split')?.textContent ?? ''")
            #expect(decision.hasPrefix("\(Self.reviewer), ") && decision.hasSuffix("split \(Seed.monitor) out of its story"),
                    "decision shown: \(decision)")

            // The merge form: type the parade story's id into its field, press its button.
            try page.type(paradeStory, into: "document.querySelector('form input[name=other]')")
            #expect(try page.string("document.querySelector('form input[name=other]').value") == paradeStory)
            try page.clickAndWaitForLoad("document.querySelector('input[name=other]').form.querySelector('button[type=submit]')")
            #expect(try page.string("location.pathname + location.search") == "/story?id=\(storyID)")
            let merge = try page.string("document.querySelector('li.decision-merge')?.textContent ?? ''")
            #expect(merge.hasPrefix("\(Self.reviewer), ") && merge.hasSuffix("merged the stories of \(Seed.tass) and \(Seed.parade)"),
                    "decision shown: \(merge)")
            _ = try page.evaluate("document.querySelector('section.decisions').scrollIntoView()")
            try shots.save(try page.screenshot(), as: "after-review")
        }
        #expect(shots.saved.count == 3 && Set(shots.saved.values).count == 3, "three different renderings")
        Self.expectEnded(server: serverID, browser: browserGroup)

        // The next run over the same database honours both decisions, and changes nothing else.
        let second = try CLI.run(["run", "--db", database, "--no-progress", CLI.fixture("html")])
        try #require(second.status == 0, "\(second.stderr)")
        let after = try StoryExport(database: database)
        let monitorStory = try #require(after.story(containing: Seed.monitor))
        #expect(after.members(of: monitorStory) == [Seed.monitor], "split out: a story of its own")
        let seedStory = try #require(after.story(containing: Seed.tass))
        #expect(after.members(of: seedStory) == Seed.story.subtracting([Seed.monitor]).union([Seed.parade]), "merged with the parade")
        let untouched = { (export: StoryExport) in
            Set(export.stories.values.filter { $0.isDisjoint(with: [Seed.tass, Seed.monitor, Seed.parade]) })
        }
        #expect(untouched(after) == untouched(before), "every other story as before")
    }

    @Test(.enabled(if: DevToolsBrowser.executable != nil, "no chromium installed (apt-get install chromium): browser test skipped"))
    func failuresThrowInsteadOfHangingAndLeaveNoProcessBehind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("one.jsonl"), database = folder.appendingPathComponent("one.sqlite").path
        try Data(#"{"id": "one", "outlet": "Somewhere", "title": "Only", "text": "A single short story."}"#.utf8).write(to: input)
        try #require(try CLI.run(["run", "--db", database, "--no-progress", input.path]).status == 0)

        var serverID: pid_t = 0, browserGroup: pid_t = 0
        do {
            try ServedDatabase.serve(database, reviewer: Self.reviewer) { server in
                serverID = server.pid
                let browser = try DevToolsBrowser()
                defer { browser.close() }
                browserGroup = browser.processGroup
                let page = try browser.openPage()
                // A navigation that fails throws (chromium refuses port 1) rather than awaiting a load.
                #expect(throws: DevToolsError.self) { try page.navigate(to: URL(string: "http://127.0.0.1:1/")!) }
                try page.navigate(to: server.base.appendingPathComponent("stories"))
                #expect(try page.string("document.querySelector('h1')?.textContent ?? ''") == "Stories")
                #expect(throws: DevToolsError.self) { try page.evaluate("no.such.thing") }
                try browser.waitForEvent("Page.neverSent", timeout: 0.5)
                Issue.record("an event that never comes was received")
            }
        } catch let error as DevToolsError {
            #expect(error.message.contains("timed out waiting for Page.neverSent"), "\(error)")
        }
        Self.expectEnded(server: serverID, browser: browserGroup)
    }

    /// Expects the server process and every process of the browser's group to be gone. Processes
    /// of the group that the browser left behind are orphans until init reaps them, so this waits
    /// (at most five seconds) for that.
    static func expectEnded(server: pid_t, browser: pid_t, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(server > 0 && browser > 0, sourceLocation: sourceLocation)
        func gone(_ target: pid_t) -> Bool { kill(target, 0) == -1 && errno == ESRCH }
        let deadline = Date().addingTimeInterval(5)
        while !(gone(server) && gone(-browser)), Date() < deadline { usleep(50_000) }
        #expect(gone(server), "server \(server) stopped", sourceLocation: sourceLocation)
        #expect(gone(-browser), "chromium's process group \(browser) ended", sourceLocation: sourceLocation)
    }
}

/// `wiretrace export clusters` of a database: each story's members by story id.
struct StoryExport {
    var stories: [String: Set<String>] = [:]

    init(database: String) throws {
        let export = try CLI.run(["export", "clusters", "--db", database])
        try #require(export.status == 0, "\(export.stderr)")
        for object in try CLI.objects(export) {
            let id = try #require(object["cluster"] as? String)
            let members = try #require(object["members"] as? [[String: Any]]).compactMap { $0["id"] as? String }
            stories[id] = Set(members)
        }
    }

    func story(containing document: String) -> String? { stories.first { $0.value.contains(document) }?.key }
    func members(of story: String) -> Set<String>? { stories[story] }
}

/// `wiretrace serve` (the built executable) on 127.0.0.1 and a free port, for the length of a body.
enum ServedDatabase {
    /// Starts the server on `database`, waits (at most `timeout` seconds) for the address it
    /// announces on stderr, runs `body` with it, and stops the server on every path.
    /// A running server: the address it announced and its process id.
    struct Server {
        var base: URL
        var pid: pid_t
    }

    static func serve(_ database: String, reviewer: String, timeout: Double = 60, _ body: (Server) throws -> Void) throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["serve", "--db", database, "--port", "0", "--reviewer", reviewer]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        defer { stop(process) }
        // "wiretrace: serving DB at http://127.0.0.1:PORT/ (reviewer NAME); Ctrl-C stops"
        let deadline = Date().addingTimeInterval(timeout)
        var announced: URL?
        while announced == nil {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                announced = URL(string: String(text[range]))
            } else if !process.isRunning {
                throw DevToolsError("wiretrace serve exited (\(process.terminationStatus)) before listening: \(text)")
            } else if Date() > deadline {
                throw DevToolsError("wiretrace serve did not announce its address within \(timeout) s: \(text)")
            } else {
                usleep(50_000)
            }
        }
        try body(Server(base: announced!, pid: process.processIdentifier))
    }

    /// SIGTERM, then SIGKILL if it is still there after five seconds; always reaped.
    private static func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}

/// The browser's screenshots, checked to be PNG images of a plausible size, in a temporary
/// folder (or in `$WIRETRACE_SCREENSHOTS`, kept, when that is set).
final class Screenshots {
    let folder: URL
    private let keep: Bool
    private(set) var saved: [String: Data] = [:]

    init() {
        if let kept = ProcessInfo.processInfo.environment["WIRETRACE_SCREENSHOTS"], !kept.isEmpty {
            folder = URL(fileURLWithPath: kept)
            keep = true
        } else {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-shots-\(UUID().uuidString)")
            keep = false
        }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes `png` as `name.png` after checking its signature, its header's size and its length
    /// (an empty page compresses to about 3 KB; a page of text is well over 10 KB).
    func save(_ png: Data, as name: String) throws {
        let bytes = [UInt8](png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(name): a PNG signature")
        #expect(bytes.count > 24 && Array(bytes[12..<16]) == Array("IHDR".utf8), "\(name): a PNG header")
        if bytes.count > 24 {
            func integer(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
            let width = integer(16), height = integer(20)
            #expect((800...4096).contains(width) && (500...4096).contains(height), "\(name): \(width)×\(height)")
        }
        #expect((10_000...20_000_000).contains(bytes.count), "\(name): \(bytes.count) bytes")
        try png.write(to: folder.appendingPathComponent("\(name).png"))
        saved[name] = png
    }

    func finish() { if !keep { try? FileManager.default.removeItem(at: folder) } }
}
