import Foundation
import Testing
import WiretraceCore
@testable import WiretraceIngest

/// The caps on hostile input: each rejection names its reason, file and record, and reading
/// goes on with the other documents.
@Suite("Hostile input caps: gzip bombs, decompressed size, line length")
struct HostileInputTests {
    /// A gzip bomb: `members` gzip members of 4 MiB of spaces each (about 4 KiB compressed apiece).
    static func gzipBomb(members: Int) throws -> [UInt8] {
        let member = try Gzip.compress([UInt8](repeating: 0x20, count: 4 << 20))
        var bomb: [UInt8] = []
        bomb.reserveCapacity(member.count * members)
        for _ in 0..<members { bomb += member }
        return bomb
    }

    static func items(_ inputs: [String], _ configuration: IngestConfiguration) -> [IngestItem] {
        var items: [IngestItem] = []
        DocumentReader(inputs: inputs, configuration: configuration).read { items.append($0) }
        return items
    }

    static func summary(_ items: [IngestItem]) -> [String] {
        items.map { $0.document?.id ?? "rejected:\($0.rejection!.reason.rawValue)" }
    }

    @Test("a gzip bomb (1 GiB from 1 MiB) stops early as decompression-bomb in a page, a JSONL dump and a WARC body")
    func gzipBombs() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let bomb = try Self.gzipBomb(members: 256)
        #expect(bomb.count < 2 << 20)
        try scratch.write("1-bomb.html.gz", bomb)
        try scratch.write("2-bomb.jsonl.gz", try Gzip.compress(Array("{\"id\": \"before-bomb\", \"text\": \"Kept.\"}\n".utf8)) + bomb)
        try scratch.write("3-page.html", newsPage("Harbour reopens"))
        let bombBody = WARCFixture.http(headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: bomb)
        let goodBody = WARCFixture.http(headers: [("Content-Type", "text/html")], body: Array(newsPage("Port strike ends").utf8))
        try scratch.write("4-crawl.warc",
            WARCFixture.record(type: "response", number: 2, uri: "https://example.org/bomb", block: bombBody)
            + WARCFixture.record(type: "response", number: 3, uri: "https://example.org/page", block: goodBody))

        let configuration = IngestConfiguration()
        let items = Self.items([scratch.path], configuration)
        #expect(Self.summary(items) == [
            "rejected:decompression-bomb", "before-bomb", "rejected:decompression-bomb", "3-page.html",
            "rejected:decompression-bomb", "4-crawl.warc#2",
        ])
        let page = try #require(items[0].rejection)
        #expect(page.location == SourceLocation(file: scratch.path + "/1-bomb.html.gz"))
        #expect(page.message.contains("gzip bomb"))
        let dump = try #require(items[2].rejection)
        #expect(dump.location.file == scratch.path + "/2-bomb.jsonl.gz")
        #expect(dump.location.record == 2)
        let record = try #require(items[4].rejection)
        #expect(record.location.file == scratch.path + "/4-crawl.warc")
        #expect(record.location.record == 1)
        #expect(record.location.recordID == "<urn:uuid:00000000-0000-4000-8000-000000000002>")
        #expect(record.message.hasPrefix("Content-Encoding gzip:"))
        // Stopped soon after the grace, not after a gigabyte: the message says how far it got.
        for rejection in [page, dump, record] {
            let inflated = rejection.message.split(separator: " ").compactMap { Int($0) }.max() ?? .max
            #expect(inflated <= configuration.ratioGraceBytes + 2 * ingestChunkSize, "\(rejection)")
        }
    }

    @Test("a compressed file inflating past max_decompressed_bytes is too-large after the records before it")
    func decompressedSizeCap() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var lines = ""
        for index in 0..<200 {
            lines += "{\"id\": \"item-\(index)\", \"text\": \"\(String(repeating: "Story \(index) text. ", count: 40))\"}\n"
        }
        try scratch.write("feed.jsonl.gz", try Gzip.compress(Array(lines.utf8)))
        try scratch.write("later.html", newsPage("Later page"))
        var configuration = IngestConfiguration()
        configuration.maxDecompressedBytes = 64 << 10
        let items = Self.items([scratch.path], configuration)
        let rejection = try #require(items.compactMap(\.rejection).first)
        #expect(rejection.reason == .tooLarge)
        #expect(rejection.location.file == scratch.path + "/feed.jsonl.gz")
        #expect(rejection.message.contains("65536-byte decompressed-size limit"))
        let ids = items.compactMap(\.document?.id)
        #expect(ids.count > 10 && ids.count < 200)
        #expect(ids.first == "item-0")
        #expect(ids.last == "later.html")
    }

    @Test("small, very repetitive pages are not mistaken for bombs")
    func repetitivePagesPass() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let padded = newsPage("Padded page") + String(repeating: " ", count: 4 << 20)
        try scratch.write("padded.html.gz", try Gzip.compress(Array(padded.utf8)))
        let items = Self.items([scratch.path], IngestConfiguration())
        #expect(Self.summary(items) == ["padded.html.gz"])
    }

    @Test("an over-long JSONL line is line-too-long with its line number; the lines after it are read")
    func longJSONLLine() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("feed.jsonl", """
            {"id": "short-1", "text": "Brief item."}
            {"id": "long-1", "text": "\(String(repeating: "word ", count: 200_000))"}
            {"id": "short-2", "text": "Another brief item."}

            """)
        var configuration = IngestConfiguration()
        configuration.maxLineBytes = 64 << 10
        let items = Self.items([scratch.path + "/feed.jsonl"], configuration)
        #expect(Self.summary(items) == ["short-1", "rejected:line-too-long", "short-2"])
        let rejection = try #require(items[1].rejection)
        #expect(rejection.location.file == scratch.path + "/feed.jsonl")
        #expect(rejection.location.record == 2)
        // 26 bytes of `{"id": "long-1", "text": "`, a million of text, and `"}`.
        #expect(rejection.message == "line is 1000028 bytes, over the 65536-byte line limit")
    }

    @Test("over-long WARC and HTTP header lines are line-too-long; the next record is read")
    func longHeaderLines() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let page = WARCFixture.http(headers: [("Content-Type", "text/html")], body: Array(newsPage("Kept page").utf8))
        let longHTTP = WARCFixture.http(
            headers: [("Content-Type", "text/html"), ("Set-Cookie", String(repeating: "c", count: 5000))],
            body: Array(newsPage("Cookie page").utf8))
        var longWARC = WARCFixture.record(type: "response", number: 2, uri: "https://example.org/a", block: page)
        let uri = Array("WARC-Target-URI: ".utf8)
        let at = try #require(longWARC.firstRange(of: uri)).upperBound
        longWARC.insert(contentsOf: Array(String(repeating: "x", count: 5000).utf8), at: at)
        try scratch.write("crawl.warc",
            longWARC
            + WARCFixture.record(type: "response", number: 3, uri: "https://example.org/b", block: longHTTP)
            + WARCFixture.record(type: "response", number: 4, uri: "https://example.org/c", block: page))
        var configuration = IngestConfiguration()
        configuration.maxHeaderLineBytes = 1024
        let items = Self.items([scratch.path + "/crawl.warc"], configuration)
        #expect(Self.summary(items) == ["rejected:line-too-long", "rejected:line-too-long", "crawl.warc#2"])
        let warcLine = try #require(items[0].rejection)
        #expect(warcLine.location.file == scratch.path + "/crawl.warc")
        #expect(warcLine.location.offset == 0)
        // "WARC-Target-URI: ", 5000 bytes, the 21-byte URI and the CR before the LF.
        #expect(warcLine.message.contains("WARC record 1 has a \(17 + 5000 + 21 + 1)-byte header line, over the 1024-byte header line limit"))
        let httpLine = try #require(items[1].rejection)
        #expect(httpLine.location.record == 1)
        #expect(httpLine.location.recordID == "<urn:uuid:00000000-0000-4000-8000-000000000003>")
        #expect(httpLine.message.contains("HTTP header line is 5012 bytes"))
    }

    @Test("reading bytes in memory gives what reading the same file from disk gives")
    func inMemoryMatchesDisk() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let page = WARCFixture.http(headers: [("Content-Type", "text/html")], body: Array(newsPage("Same page").utf8))
        let warc = WARCFixture.warcinfo + WARCFixture.record(type: "response", number: 2, uri: "https://example.org/a", block: page)
            + Array("garbage line\n".utf8)
            + WARCFixture.record(type: "response", number: 3, uri: "https://example.org/b", block: page)
        let jsonl = Array("{\"id\": \"a\", \"text\": \"One.\"}\nnot json\n{\"id\": \"a\", \"text\": \"Again.\"}\n".utf8)
        for (name, bytes) in [("dump.warc", warc), ("dump.warc.gz", try Gzip.compress(warc)), ("feed.jsonl", jsonl),
                              ("page.html", Array(newsPage("Page").utf8)), ("empty.txt", [])] {
            let path = try scratch.write(name, bytes)
            var fromMemory: [String] = []
            DocumentReader.read(bytes: bytes, fileName: name) { item in
                fromMemory.append(Self.summary([item])[0] + "@\(item.document?.location.record ?? item.rejection?.location.record ?? 0)")
            }
            let fromDisk = Self.items([path], IngestConfiguration()).map {
                Self.summary([$0])[0] + "@\($0.document?.location.record ?? $0.rejection?.location.record ?? 0)"
            }
            #expect(fromMemory == fromDisk, "\(name)")
            #expect(!fromMemory.isEmpty)
        }
    }
}
