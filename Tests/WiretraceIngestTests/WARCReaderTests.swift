import Foundation
import Testing
import WiretraceCore
@testable import WiretraceIngest

@Suite("WARCReader")
struct WARCReaderTests {
    static let chunkedPage = newsPage("Min Aung Hlaing meets officials", body: "The visit was reported by state media.")
    static let gzipPage = newsPage("Wire copy republished", body: "Source: Reuters/jt")
    static let latin1Page: [UInt8] = Array("<html><body><p>Caf".utf8) + [0xE9] + Array(" society reopens</p></body></html>".utf8)
    static let deflatePage = newsPage("Deflated page", body: "Sent with Content-Encoding: deflate.")

    /// The records of a small crawl: one [UInt8] per WARC record.
    static func records() throws -> [[UInt8]] {
        let request = WARCFixture.record(
            type: "request", number: 2, uri: "https://news.example.com/myanmar",
            contentType: "application/http; msgtype=request",
            block: Array("GET /myanmar HTTP/1.1\r\nHost: news.example.com\r\n\r\n".utf8))
        let chunked = WARCFixture.record(
            type: "response", number: 3, uri: "https://news.example.com/myanmar", date: "2024-05-02T08:15:00Z",
            block: WARCFixture.http(
                headers: [("Content-Type", "text/html; charset=UTF-8"), ("Transfer-Encoding", "chunked")],
                body: WARCFixture.chunked(Array(chunkedPage.utf8), chunkSize: 37)))
        let gzipped = WARCFixture.record(
            type: "response", number: 4, uri: "https://outlet.example.net/wire", date: "2024-05-02T08:16:00Z",
            block: WARCFixture.http(
                headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                body: try Gzip.compress(Array(gzipPage.utf8))))
        let pdf = WARCFixture.record(
            type: "response", number: 5, uri: "https://news.example.com/report.pdf",
            block: WARCFixture.http(headers: [("Content-Type", "application/pdf")], body: Array("%PDF-1.7\n".utf8)))
        let metadata = WARCFixture.record(
            type: "metadata", number: 6, uri: "https://news.example.com/report.pdf",
            contentType: "application/warc-fields", block: Array("fetchTimeMs: 212\r\n".utf8))
        let latin1 = WARCFixture.record(
            type: "response", number: 7, uri: "<https://fr.example.org/cafe>",
            block: WARCFixture.http(headers: [("content-type", "text/html; charset=\"ISO-8859-1\"")], body: latin1Page))
        let deflated = WARCFixture.record(
            type: "response", number: 8, uri: "https://deflate.example.com/",
            block: WARCFixture.http(
                headers: [("Content-Type", "application/xhtml+xml"), ("Content-Encoding", "deflate")],
                body: try Gzip.compress(Array(deflatePage.utf8), format: .zlib)))
        let redirect = WARCFixture.record(
            type: "response", number: 9, uri: "https://news.example.com/old",
            block: WARCFixture.http(status: "301 Moved Permanently",
                                    headers: [("Location", "https://news.example.com/new")], body: []))
        return [WARCFixture.warcinfo, request, chunked, gzipped, pdf, metadata, latin1, deflated, redirect]
    }

    static func check(_ items: [IngestItem], file: String, name: String) throws {
        #expect(items.count == 6)
        let first = try #require(items[0].document)
        #expect(first.id == "\(name)#1")
        #expect(first.format == .warc)
        #expect(first.url == "https://news.example.com/myanmar")
        #expect(first.fetched == "2024-05-02T08:15:00Z")
        #expect(first.htmlText == chunkedPage)
        #expect(first.htmlCharset == "UTF-8")
        #expect(first.location.file == file)
        #expect(first.location.record == 1)
        #expect(first.location.recordID == "<urn:uuid:00000000-0000-4000-8000-000000000003>")

        let second = try #require(items[1].document)
        #expect(second.id == "\(name)#2")
        #expect(second.htmlText == Self.gzipPage)
        #expect(second.htmlCharset == nil)
        #expect(second.fetched == "2024-05-02T08:16:00Z")

        let pdf = try #require(items[2].rejection)
        #expect(pdf.reason == .nonHTMLRecord)
        #expect(pdf.location.record == 3)
        #expect(pdf.message.contains("application/pdf"))

        let latin1 = try #require(items[3].document)
        #expect(latin1.id == "\(name)#4")
        #expect(latin1.url == "https://fr.example.org/cafe")
        #expect(latin1.htmlCharset == "ISO-8859-1")
        guard case .html(let bytes, _) = latin1.payload else {
            Issue.record("expected HTML")
            return
        }
        #expect(bytes == latin1Page)

        #expect(items[4].document?.htmlText == deflatePage)
        #expect(items[5].rejection?.reason == .nonHTMLRecord)
        #expect(items[5].rejection?.message.contains("301") == true)
    }

    @Test("response records become documents; other record types are skipped")
    func plainWARC() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("crawl.warc", try Self.records().flatMap { $0 })
        try Self.check(readItems([path]), file: path, name: "crawl.warc")
    }

    @Test(".warc.gz with one gzip member per record, as Common Crawl writes it")
    func perRecordGzipMembers() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let members = try Self.records().map { try Gzip.compress($0) }
        let path = try scratch.write("CC-NEWS-test.warc.gz", members.flatMap { $0 })
        try Self.check(readItems([path]), file: path, name: "CC-NEWS-test.warc.gz")
    }

    @Test("a truncated last record is rejected; the records before it are delivered")
    func truncatedWARC() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let records = try Self.records()
        let bytes = records[0..<4].flatMap { $0 } + records[6].prefix(records[6].count - 60)
        let path = try scratch.write("cut.warc", bytes)
        let items = readItems([path])
        #expect(items.count == 3)
        #expect(items[0].document?.id == "cut.warc#1")
        #expect(items[1].document?.id == "cut.warc#2")
        let cut = try #require(items[2].rejection)
        #expect(cut.reason == .truncatedWARC)
        #expect(cut.location.file == path)
        #expect(cut.location.record == 3)
        #expect(cut.message.contains("record 3"))
    }

    @Test("a .warc.gz cut inside a member is truncated-gzip after the complete records")
    func truncatedWARCGzip() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let members = try Self.records().map { try Gzip.compress($0) }
        let bytes = members[0..<4].flatMap { $0 } + members[4].prefix(members[4].count / 2)
        let path = try scratch.write("cut.warc.gz", bytes)
        let items = readItems([path])
        #expect(items.compactMap(\.document).map(\.id) == ["cut.warc.gz#1", "cut.warc.gz#2"])
        #expect(items.last?.rejection?.reason == .truncatedGzip)
    }

    @Test("garbage where a record header should be is malformed; reading resumes at the next record")
    func garbageResync() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let records = try Self.records()
        let garbage = Array("this is not a WARC header\r\nnor is this line\r\n".utf8)
        let path = try scratch.write("dirty.warc", records[2] + garbage + records[3])
        let items = readItems([path])
        #expect(items.count == 3)
        #expect(items[0].document?.id == "dirty.warc#1")
        #expect(items[1].rejection?.reason == .malformedWARC)
        #expect(items[1].rejection?.location.offset == records[2].count)
        #expect(items[2].document?.htmlText == Self.gzipPage)
    }

    @Test("a gzip body sent with chunked transfer coding is dechunked, then inflated")
    func chunkedAndGzipped() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let page = newsPage("Both codings", body: "Chunked on the wire, gzip inside.")
        let body = WARCFixture.chunked(try Gzip.compress(Array(page.utf8)), chunkSize: 50)
        let record = WARCFixture.record(
            type: "response", number: 11, uri: "https://both.example.com/",
            block: WARCFixture.http(
                headers: [("Content-Type", "text/html;charset=windows-1252"), ("Transfer-Encoding", "chunked"),
                          ("Content-Encoding", "gzip")],
                body: body))
        let items = readItems([try scratch.write("both.warc", record)])
        #expect(items.count == 1)
        #expect(items.first?.document?.htmlText == page)
        #expect(items.first?.document?.htmlCharset == "windows-1252")
    }

    @Test("a record without Content-Length is malformed")
    func missingContentLength() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let text = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>"
        let items = readItems([try scratch.write("nolength.warc", text)])
        #expect(items.first?.rejection?.reason == .malformedWARC)
        #expect(items.first?.rejection?.message.contains("Content-Length") == true)
    }
}
