import Foundation
import Testing
@testable import WiretraceServe

/// The request parser on bytes: what it accepts, what it refuses and with which status, and that
/// it stays linear and bounded however the bytes arrive.
@Suite struct HTTPRequestParserTests {
    /// Every head and body in `bytes`, fed `chunk` bytes at a time; the error that ended parsing, if any.
    static func parse(_ bytes: [UInt8], chunk: Int = .max, limits: HTTPLimits = HTTPLimits())
        -> (requests: [(HTTPRequestHead, [UInt8])], error: HTTPRequestError?)
    {
        var parser = HTTPRequestParser(limits: limits)
        var requests: [(HTTPRequestHead, [UInt8])] = []
        var offset = 0
        repeat {
            let end = offset + min(chunk, bytes.count - offset)
            parser.append(bytes[offset..<end])
            offset = end
            do {
                while let head = try parser.nextHead() {
                    guard let body = parser.takeBody() else { break }
                    requests.append((head, body))
                }
            } catch {
                return (requests, error)
            }
        } while offset < bytes.count
        return (requests, nil)
    }

    static func parse(_ text: String, chunk: Int = .max, limits: HTTPLimits = HTTPLimits())
        -> (requests: [(HTTPRequestHead, [UInt8])], error: HTTPRequestError?)
    {
        parse(Array(text.utf8), chunk: chunk, limits: limits)
    }

    static func status(_ text: String) -> Int? { parse(text).error?.status }

    @Test func pipelinedRequestsParseTheSameWholeOrByteByByte() throws {
        let text = "GET /stories?page=2&q=a%20b HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-Empty:\r\n\r\n"
            + "POST /review HTTP/1.1\r\nHost: localhost:8080\r\nContent-Length: 7\r\nConnection: close\r\n\r\nkind=ab"
            + "\nHEAD / HTTP/1.0\nHost:  x  \n\n"
        let whole = Self.parse(text), bytewise = Self.parse(text, chunk: 1)
        #expect(whole.error == nil && bytewise.error == nil)
        #expect(whole.requests.count == 3)
        #expect(whole.requests.map(\.0) == bytewise.requests.map(\.0) && whole.requests.map(\.1) == bytewise.requests.map(\.1))
        let (get, post, head) = (whole.requests[0].0, whole.requests[1], whole.requests[2].0)
        #expect(get.method == "GET" && get.path == "/stories" && get.query == "page=2&q=a%20b" && get.keepAlive)
        #expect(get.header("host") == "127.0.0.1:8080" && get.header("x-empty") == "")
        #expect(post.0.method == "POST" && post.0.contentLength == 7 && String(decoding: post.1, as: UTF8.self) == "kind=ab" && !post.0.keepAlive)
        #expect(head.method == "HEAD" && head.minorVersion == 0 && head.header("host") == "x" && !head.keepAlive, "bare LF ends lines too")
    }

    @Test func requestLinesAreCappedAt8KiB() {
        let prefix = "GET /", suffix = " HTTP/1.1\r\nHost: h\r\n\r\n"
        let longest = prefix + String(repeating: "a", count: 8192 - prefix.count - " HTTP/1.1".count) + suffix
        #expect(Self.parse(longest).requests.count == 1, "8192 bytes is allowed")
        let over = prefix + String(repeating: "a", count: 8193 - prefix.count - " HTTP/1.1".count) + suffix
        #expect(Self.status(over) == 414)
        // Without any line end the parser gives up as soon as the line passes the limit, holding
        // no more than that: a megabyte fed in 4 KiB pieces fails within the first 12 KiB.
        var parser = HTTPRequestParser()
        var fed = 0
        var refused: HTTPRequestError?
        while fed < 1 << 20, refused == nil {
            parser.append(repeatElement(UInt8(ascii: "a"), count: 4096))
            fed += 4096
            do { _ = try parser.nextHead() } catch { refused = error }
        }
        #expect(refused?.status == 414 && fed <= 12 * 1024)
        parser.append(repeatElement(UInt8(ascii: "a"), count: 4096))
        #expect(parser.bufferedCount == 0, "nothing kept after the refusal")
    }

    @Test func headerSectionsAreCapped() {
        let field = "X-Filler: " + String(repeating: "v", count: 1000) + "\r\n"
        #expect(Self.status("GET / HTTP/1.1\r\n" + String(repeating: field, count: 32) + "\r\n") == nil, "32 KB of fields is fine")
        #expect(Self.status("GET / HTTP/1.1\r\n" + String(repeating: field, count: 33) + "\r\n") == 431)
        #expect(Self.status("GET / HTTP/1.1\r\n" + String(repeating: "A: b\r\n", count: 101) + "\r\n") == 431)
        // One endless field line, no line end.
        #expect(Self.status("GET / HTTP/1.1\r\nX: " + String(repeating: "v", count: 40_000)) == 431)
    }

    @Test func bodiesAreFramedByContentLengthOnly() {
        #expect(Self.status("POST / HTTP/1.1\r\nContent-Length: 1048576\r\n\r\n") == nil)
        #expect(Self.status("POST / HTTP/1.1\r\nContent-Length: 1048577\r\n\r\n") == 413, "refused on the length alone")
        #expect(Self.status("POST / HTTP/1.1\r\nContent-Length: 104857600\r\n\r\n") == 413)
        #expect(Self.status("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999999999999\r\n\r\n") == 413, "no overflow")
        #expect(Self.status("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") == 400)
        #expect(Self.status("POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\n") == 400)
        #expect(Self.status("POST / HTTP/1.1\r\nContent-Length: 5, 5\r\n\r\n") == 400)
        #expect(Self.status("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n") == 400)
        #expect(Self.status("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n") == 501)
        #expect(Self.status("POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n") == 501)
        let expect = Self.parse("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\nabc")
        #expect(expect.requests.first?.0.expectsContinue == true)
        #expect(Self.status("POST / HTTP/1.1\r\nExpect: something-else\r\n\r\n") == 417)
    }

    @Test(arguments: [
        ("GET  / HTTP/1.1", 400), ("GET / HTTP/1.1 extra", 400), ("G(T / HTTP/1.1", 400), ("GET http://evil.example/ HTTP/1.1", 400),
        ("GET * HTTP/1.1", 400), ("GET /caf\u{E9} HTTP/1.1", 400), ("GET /a\u{7F} HTTP/1.1", 400), ("GET /#frag HTTP/1.1", 400),
        ("GET / HTTP/2.0", 505), ("GET / HTTP/1.2", 505), ("GET / HTTPS/1.1", 400), ("GET / http/1.1", 400), ("GET /", 400),
    ])
    func malformedRequestLinesAreRefused(line: String, status: Int) {
        #expect(Self.status(line + "\r\nHost: h\r\n\r\n") == status, "\(line)")
    }

    @Test(arguments: [
        "Host : h", " Folded: x", "\tFolded: x", "No colon", ": empty name", "Bad\u{1}Name: v", "X: a\rb", "X: a\u{0}b",
        "X: a\u{7F}b", "Host: a\r\nHost: b",
    ])
    func malformedHeaderLinesAreRefused(line: String) {
        #expect(Self.status("GET / HTTP/1.1\r\n" + line + "\r\n\r\n") == 400, "\(line.debugDescription)")
    }

    @Test func parsingIsLinearInTheBytesFed() {
        // A request whose head is as long as the caps allow, fed a byte at a time: each byte is
        // searched once, so this takes milliseconds (a parser that rescans its buffer on every
        // byte does ~40k² steps here).
        let text = "GET /" + String(repeating: "a", count: 8000) + " HTTP/1.1\r\n"
            + String(repeating: "X-Filler: " + String(repeating: "v", count: 300) + "\r\n", count: 100) + "\r\n"
        let clock = ContinuousClock()
        var result: (requests: [(HTTPRequestHead, [UInt8])], error: HTTPRequestError?) = ([], nil)
        let elapsed = clock.measure { result = Self.parse(text, chunk: 1) }
        #expect(result.requests.count == 1 && result.error == nil)
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test func responsesNeverCarryAFieldThatCouldSplitThem() {
        let injected = HTTPResponse(status: 303, headers: [("Location", "/story?id=x\r\nSet-Cookie: a=b")], body: Data("see".utf8))
        let text = String(decoding: injected.serialized(headOnly: false, keepAlive: true), as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.1 500 ") && !text.contains("Set-Cookie") && text.contains("Connection: close"))
        let badName = HTTPResponse(status: 200, headers: [("X Y", "v")])
        #expect(String(decoding: badName.serialized(headOnly: false, keepAlive: true), as: UTF8.self).hasPrefix("HTTP/1.1 500 "))
        let fine = HTTPResponse(status: 200, headers: [("Content-Type", "text/plain")], body: Data("hello".utf8))
        #expect(String(decoding: fine.serialized(headOnly: true, keepAlive: true), as: UTF8.self)
            == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\n", "HEAD: no body")
    }

    @Test func percentDecodingTakesOnlyHexDigits() {
        #expect(URLText.decode("%41%2b%+F%-1%zz%4") == "A+% F%-1%zz%4", "a plus is a space")
        #expect(URLText.decode("%FF%FE") == "\u{FFFD}\u{FFFD}", "bytes that are not UTF-8 become replacement characters")
        #expect(ReviewSite.wholeNumber("9223372036854775807", in: 1...1_000_000) == nil)
        #expect(ReviewSite.wholeNumber("99999999999999999999999", in: 1...1_000_000) == nil)
        #expect(ReviewSite.wholeNumber("-1", in: 1...1_000_000) == nil && ReviewSite.wholeNumber("+2", in: 1...1_000_000) == nil)
        #expect(ReviewSite.wholeNumber("0", in: 1...1_000_000) == nil && ReviewSite.wholeNumber(" 2", in: 1...1_000_000) == nil)
        #expect(ReviewSite.wholeNumber("1000000", in: 1...1_000_000) == 1_000_000 && ReviewSite.wholeNumber("02", in: 1...1_000_000) == 2)
    }

    @Test func hostFieldsMustNameThisServer() {
        let allowed = ["127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080"]
        for host in allowed { #expect(ReviewServer.isAllowedHost(host, bound: "127.0.0.1", port: 8080), "\(host)") }
        let refused = ["evil.example:8080", "evil.example", "127.0.0.1", "127.0.0.1:8081", "127.0.0.1:08080x", "127.0.0.1:", "localhost.:8080",
                       "127.0.0.2:8080", "[::2]:8080", "[::1]x:8080", "127.0.0.1:8080:1", "localhost:+8080", "10.0.0.1:8080"]
        for host in refused { #expect(!ReviewServer.isAllowedHost(host, bound: "127.0.0.1", port: 8080), "\(host)") }
        #expect(ReviewServer.isAllowedHost("10.0.0.1:8080", bound: "10.0.0.1", port: 8080))
        #expect(ReviewServer.isAllowedHost("192.168.1.9:8080", bound: "0.0.0.0", port: 8080), "any address when bound to all")
        #expect(!ReviewServer.isAllowedHost("rebind.example:8080", bound: "0.0.0.0", port: 8080))
        #expect(ReviewServer.isAllowedHost("localhost", bound: "127.0.0.1", port: 80), "port 80 may be left out")
    }
}
