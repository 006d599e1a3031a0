import Foundation
import Testing
import WiretraceStore
@testable import WiretraceServe

/// The attacks of issue 14 against a real server on 127.0.0.1 and a free port, each bounded in
/// time: the server must answer them with an error, stay up and keep serving other clients.
@Suite struct ServerHardeningTests {
    /// A database with one story of two documents (a wire text and its copy).
    static func storyDatabase() throws -> (database: String, story: String, a: String, b: String) {
        let (database, original, copy) = try EscapingTests.hostileDatabase()
        let story = try #require(try WiretraceStore(path: database).clusterID(containing: original))
        return (database, story, original, copy)
    }

    static func port(_ base: URL) -> Int { base.port! }

    static func get(_ port: Int, _ target: String, host: String? = nil, extra: String = "") async throws -> RawHTTPClient.Response {
        try await RawHTTPClient.exchange(
            port: port, "GET \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\n\(extra)Connection: close\r\n\r\n")
    }

    /// A POST of `form` to /review with the given extra header lines.
    static func post(_ port: Int, _ form: [(String, String)], extra: String = "") async throws -> RawHTTPClient.Response {
        let body = form.map { "\($0.0)=\(URLText.component($0.1))" }.joined(separator: "&")
        return try await RawHTTPClient.exchange(
            port: port,
            "POST /review HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/x-www-form-urlencoded\r\n\(extra)"
                + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
    }

    @Test func hugePageNumbersAreRefusedWithoutTrapping() async throws {
        let (database, _, _, _) = try Self.storyDatabase()
        defer { ServeFixtures.remove(database) }
        try await ReviewTests.withSite(database) { base, _ in
            let port = Self.port(base)
            for page in ["9223372036854775807", "9223372036854775808", "99999999999999999999999999", "-9223372036854775808", "0", "-1", "1e3", "", "1%00"] {
                let response = try await Self.get(port, "/stories?page=\(page)")
                #expect(response.status == 400, "page=\(page)")
            }
            #expect(try await Self.get(port, "/stories?page=1000000").status == 200, "a page past the last is empty, not an error")
            #expect(try await Self.get(port, "/stories?page=2&sort=date").status == 200)
        }
        // The page type itself saturates instead of overflowing.
        let pages = StoryPages(store: try WiretraceStore(path: database), links: SiteLinks(style: .server))
        #expect(try pages.stories(page: .max).rendered.contains("<h1>Stories</h1>"))
    }

    @Test(arguments: [100 * 1024, 1024 * 1024])
    func longRequestLinesAreAnswered414Quickly(length: Int) async throws {
        let (database, _, _, _) = try Self.storyDatabase()
        defer { ServeFixtures.remove(database) }
        try await ReviewTests.withSite(database) { base, _ in
            let port = Self.port(base)
            // Timed on the client's thread: the server's time, not the awaiting test's.
            let (response, elapsed) = try await RawHTTPClient.blocking {
                let start = Date()
                let client = try RawHTTPClient(port: port)
                // The line is sent from another thread: the server answers before it has all of it.
                let request = Array("GET /stories?q=".utf8) + Array(repeating: UInt8(ascii: "a"), count: length)
                    + Array(" HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
                RawHTTPClient.detached { client.send(request) }
                let response = try client.readResponse()
                return (response, Date().timeIntervalSince(start))
            }
            #expect(response.status == 414)
            #expect(elapsed < 5, "answered in \(elapsed) s")
            #expect(try await Self.get(port, "/stories").status == 200, "still serving")
        }
    }

    @Test func oversizedHeaderSectionsAre431() async throws {
        let (database, _, _, _) = try Self.storyDatabase()
        defer { ServeFixtures.remove(database) }
        try await ReviewTests.withSite(database) { base, _ in
            let port = Self.port(base)
            let filler = String(repeating: "X-Filler: \(String(repeating: "v", count: 1000))\r\n", count: 40)
            let long = try await Self.get(port, "/stories", extra: filler)
            let many = try await Self.get(port, "/stories", extra: String(repeating: "A: b\r\n", count: 150))
            #expect(long.status == 431 && many.status == 431)
            #expect(try await Self.get(port, "/stories").status == 200)
        }
    }

    @Test func oversizedBodiesAre413BeforeTheyAreRead() async throws {
        let (database, _, _, _) = try Self.storyDatabase()
        defer { ServeFixtures.remove(database) }
        try await ReviewTests.withSite(database) { base, _ in
            let port = Self.port(base)
            // 100 MB announced, 64 KiB sent: the answer comes without the rest.
            let response = try await RawHTTPClient.blocking {
                let client = try RawHTTPClient(port: port)
                client.send(
                    "POST /review HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 104857600\r\n\r\n")
                client.send(Array(repeating: UInt8(ascii: "a"), count: 64 * 1024))
                return try client.readResponse()
            }
            #expect(response.status == 413)
            for (fields, status) in [
                ("Content-Length: 1048577\r\n", 413), ("Content-Length: 99999999999999999999999\r\n", 413),
                ("Content-Length: -5\r\n", 400), ("Transfer-Encoding: chunked\r\n", 501),
            ] {
                let answer = try await RawHTTPClient.exchange(
                    port: port, "POST /review HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(fields)\r\n5\r\nhello\r\n0\r\n\r\n")
                #expect(answer.status == status, "\(fields)")
            }
            #expect(try await Self.get(port, "/stories").status == 200)
        }
    }

    @Test func abandonedRequestsDoNotStallOtherClients() async throws {
        let (database, _, _, _) = try Self.storyDatabase()
        defer { ServeFixtures.remove(database) }
        var limits = HTTPLimits()
        limits.requestSeconds = 1
        try await ReviewTests.withSite(database, limits: limits) { base, _ in
            let port = Self.port(base)
            // Two clients send 200 KB of request line and then nothing: they neither finish nor read.
            let abandoned = try await RawHTTPClient.blocking {
                try (0..<2).map { _ in
                    let client = try RawHTTPClient(port: port, timeout: 1)
                    client.send(Array("GET /".utf8) + Array(repeating: UInt8(ascii: "a"), count: 200 * 1024))
                    return client
                }
            }
            // A third client is answered meanwhile.
            let (third, elapsed) = try await RawHTTPClient.timedExchange(
                port: port, "GET /stories HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            #expect(third.status == 200 && elapsed < 5, "answered in \(elapsed) s")
            // A client that sends half a request head and stalls (Slowloris) is cut off at its deadline.
            let cutOff = try await RawHTTPClient.blocking {
                let client = try RawHTTPClient(port: port, timeout: 5)
                client.send("GET /stories HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Slow: ")
                return client.readEndsWithClose()
            }
            #expect(cutOff, "the stalled connection was closed by the server")
            _ = abandoned
        }
    }

    @Test func idleConnectionsBeyondTheCapDoNotLockOutAFreshClient() async throws {
        let (database, _, _, _) = try Self.storyDatabase()
        defer { ServeFixtures.remove(database) }
        var limits = HTTPLimits()
        limits.connections = 8
        try await ReviewTests.withSite(database, limits: limits) { base, _ in
            let port = Self.port(base)
            // 40 connections that send nothing (5 times the cap).
            let idle = try await RawHTTPClient.blocking { try (0..<40).map { _ in try RawHTTPClient(port: port, timeout: 1) } }
            let (fresh, elapsed) = try await RawHTTPClient.timedExchange(
                port: port, "GET /stories HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            #expect(fresh.status == 200 && elapsed < 5, "a fresh client is served (\(elapsed) s) while 40 idle ones are open")
            // The server closed the oldest idle connections to stay within its cap.
            let closed = try await RawHTTPClient.blocking { idle.prefix(20).filter { $0.readEndsWithClose() }.count }
            #expect(closed >= 20 - 8, "\(closed) of the 20 oldest idle connections closed by the server")
            _ = idle
            #expect(try await Self.get(port, "/stories").status == 200)
        }
    }

    @Test func crossSiteDecisionsAreRefusedAndNothingIsStored() async throws {
        let (database, story, a, b) = try Self.storyDatabase()
        defer { ServeFixtures.remove(database) }
        try await ReviewTests.withSite(database) { base, site in
            let port = Self.port(base)
            let form = [("token", site.formToken), ("kind", "not_same"), ("story", story), ("a", a), ("b", b)]
            for extra in [
                "Origin: http://evil.example\r\nSec-Fetch-Site: cross-site\r\n", "Origin: http://evil.example\r\n", "Origin: null\r\n",
                "Origin: http://127.0.0.1:\(port + 1)\r\n", "Sec-Fetch-Site: cross-site\r\n", "Sec-Fetch-Site: same-site\r\n",
            ] {
                #expect(try await Self.post(port, form, extra: extra).status == 403, "\(extra)")
            }
            // A form that is not a form: text/plain can be sent cross-site without a preflight.
            let plain = try await RawHTTPClient.exchange(
                port: port, "POST /review HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\na=b")
            #expect(plain.status == 415)
            #expect(try WiretraceStore(path: database).reviewDecisions().isEmpty, "nothing stored")
            // The same decision from the server's own page is taken.
            let own = try await Self.post(port, form, extra: "Origin: http://127.0.0.1:\(port)\r\nSec-Fetch-Site: same-origin\r\n")
            #expect(own.status == 303 && own.headers["location"] == "/story?id=\(URLText.component(story))")
            #expect(try WiretraceStore(path: database).reviewDecisions().count == 1)
        }
    }

    @Test func decisionsWithoutTheFormTokenAreRefused() async throws {
        let (database, story, a, b) = try Self.storyDatabase()
        defer { ServeFixtures.remove(database) }
        try await ReviewTests.withSite(database) { base, site in
            let port = Self.port(base)
            let form = [("kind", "not_same"), ("story", story), ("a", a), ("b", b)]
            #expect(try await Self.post(port, form).status == 403, "no token")
            #expect(try await Self.post(port, [("token", "0123456789abcdef")] + form).status == 403, "wrong token")
            #expect(try await Self.post(port, [("token", String(site.formToken.dropLast()))] + form).status == 403, "a prefix")
            #expect(try WiretraceStore(path: database).reviewDecisions().isEmpty, "nothing stored")
            // Every review form of the story page carries the token.
            let page = try await Self.get(port, "/story?id=\(URLText.component(story))")
            let forms = page.text.components(separatedBy: "<form method=\"post\"").count - 1
            let tokens = page.text.components(separatedBy: "<input type=\"hidden\" name=\"token\" value=\"\(site.formToken)\">").count - 1
            #expect(forms >= 3 && tokens == forms, "\(forms) forms, \(tokens) tokens")
            let other = try ReviewSite(databasePath: database, reviewer: "x")
            #expect(site.formToken.count == 64 && site.formToken != other.formToken, "random per site")
        }
    }

    @Test func requestsForAnotherHostAreRefused() async throws {
        let (database, _, _, _) = try Self.storyDatabase()
        defer { ServeFixtures.remove(database) }
        try await ReviewTests.withSite(database) { base, _ in
            let port = Self.port(base)
            #expect(try await Self.get(port, "/stories", host: "evil.example:\(port)").status == 421, "DNS rebinding")
            #expect(try await Self.get(port, "/stories", host: "evil.example").status == 421)
            #expect(try await Self.get(port, "/stories", host: "127.0.0.1:\(port + 1)").status == 421)
            let noHost = try await RawHTTPClient.exchange(port: port, "GET /stories HTTP/1.0\r\n\r\n")
            #expect(noHost.status == 400)
            #expect(try await Self.get(port, "/stories", host: "localhost:\(port)").status == 200)
            #expect(try await Self.get(port, "/stories", host: "[::1]:\(port)").status == 200)
        }
    }

    @Test func everyAnswerForbidsFramingAndScripts() async throws {
        let (database, _, _, _) = try Self.storyDatabase()
        defer { ServeFixtures.remove(database) }
        try await ReviewTests.withSite(database) { base, _ in
            let port = Self.port(base)
            for (target, status) in [("/stories", 200), ("/nothing", 404), ("/", 303)] {
                let response = try await Self.get(port, target)
                #expect(response.status == status)
                let policy = response.headers["content-security-policy"] ?? ""
                #expect(policy.contains("frame-ancestors 'none'") && policy.contains("default-src 'none'"), "\(target): \(policy)")
                #expect(response.headers["x-frame-options"] == "DENY" && response.headers["x-content-type-options"] == "nosniff")
            }
            let refused = try await Self.get(port, "/stories", host: "evil.example")
            #expect(refused.headers["x-frame-options"] == "DENY")
        }
    }

    @Test func bogusDecisionsAreRefusedAndNothingIsStored() async throws {
        let (database, story, a, b) = try Self.storyDatabase()
        defer { ServeFixtures.remove(database) }
        try await ReviewTests.withSite(database) { base, site in
            let port = Self.port(base)
            let token = ("token", site.formToken)
            let bogus: [[(String, String)]] = [
                [("kind", "not_same"), ("story", story), ("a", a), ("b", "no/such/document.html")],
                [("kind", "not_same"), ("story", story), ("a", "no/such/document.html"), ("b", b)],
                [("kind", "not_same"), ("story", story), ("a", a), ("b", a)],
                [("kind", "merge"), ("story", story), ("a", a), ("other", a)],
                [("kind", "merge"), ("story", story), ("a", a), ("other", story)],
                [("kind", "merge"), ("story", story), ("a", a), ("other", "S-no-such-story")],
                [("kind", "split"), ("story", story), ("a", "no/such/document.html")],
                [("kind", "confirm"), ("story", story), ("members", "\(a)\nno/such/document.html")],
                [("kind", "confirm"), ("story", story), ("members", "\(a)\n\(a)")],
                [("kind", "split"), ("story", "S-no-such-story"), ("a", a)],
                [("kind", "explode"), ("story", story), ("a", a)],
            ]
            for form in bogus {
                let response = try await Self.post(port, [token] + form)
                #expect(response.status == 400, "\(form)")
                #expect(response.text.contains("<p>"), "a message: \(form)")
            }
            #expect(try WiretraceStore(path: database).reviewDecisions().isEmpty, "nothing stored")
        }
    }

    @Test func methodsHeadAndPipelinedRequests() async throws {
        let (database, _, _, _) = try Self.storyDatabase()
        defer { ServeFixtures.remove(database) }
        try await ReviewTests.withSite(database) { base, _ in
            let port = Self.port(base)
            for method in ["PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PATCH", "get"] {
                let response = try await RawHTTPClient.exchange(port: port, "\(method) /stories HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
                #expect(response.status == 405 && response.headers["allow"] == "GET, HEAD, POST", "\(method)")
            }
            let host = "Host: 127.0.0.1:\(port)\r\n"
            let (head, get, last) = try await RawHTTPClient.blocking {
                let client = try RawHTTPClient(port: port)
                // Three requests in one write: each is answered, in order.
                client.send("HEAD /stories HTTP/1.1\r\n\(host)\r\nGET /runs HTTP/1.1\r\n\(host)\r\nGET /outlets HTTP/1.1\r\n\(host)Connection: close\r\n\r\n")
                return (try client.readResponse(head: true), try client.readResponse(), try client.readResponse())
            }
            #expect(head.status == 200 && head.body.isEmpty && Int(head.headers["content-length"] ?? "") ?? 0 > 0)
            #expect(get.status == 200 && get.text.contains("<h1>Runs</h1>"))
            #expect(last.status == 200 && last.text.contains("<h1>Outlets</h1>") && last.headers["connection"] == "close")
        }
    }

    /// Tests, and anything else in the process, may block every thread of Swift's cooperative
    /// pool at once (a synchronous wait on a subprocess): the server runs on a thread of its own
    /// and keeps answering. Before, a GET waited until the pool was free again.
    @Test func theServerKeepsServingWhileTheConcurrencyPoolIsBlocked() async throws {
        final class Latency: @unchecked Sendable {
            private let lock = NSLock()
            private var seconds: Double?
            func set(_ value: Double) { lock.withLock { seconds = value } }
            var value: Double? { lock.withLock { seconds } }
        }
        let (database, _, _, _) = try Self.storyDatabase()
        defer { ServeFixtures.remove(database) }
        try await ReviewTests.withSite(database) { base, _ in
            let port = Self.port(base)
            let latency = Latency()
            let blockers = (0..<(ProcessInfo.processInfo.activeProcessorCount * 2)).map { _ in
                Task.detached { usleep(1_500_000) }  // blocks a thread of the pool
            }
            RawHTTPClient.detached {
                Thread.sleep(forTimeInterval: 0.2)  // the blockers hold the pool by now
                let start = Date()
                guard let client = try? RawHTTPClient(port: port) else { return }
                client.send("GET /stories HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
                if let response = try? client.readResponse(), response.status == 200 { latency.set(Date().timeIntervalSince(start)) }
            }
            for blocker in blockers { await blocker.value }
            for _ in 0..<50 where latency.value == nil { try await Task.sleep(nanoseconds: 100_000_000) }
            let seconds = try #require(latency.value, "no answer")
            #expect(seconds < 1.0, "answered after \(seconds) s, when the pool was free again")
        }
    }
}
