import Foundation
import Testing
import WiretraceCore
@testable import WiretraceIngest

@Suite("DocumentReader: inputs, whole files, ids, limits")
struct DocumentReaderTests {
    @Test("a directory is walked in path order, hidden entries skipped, ids relative to the root")
    func directoryOrderAndIDs() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("dump/world/myanmar-visit.html", newsPage("General to visit Moscow"))
        try scratch.write("dump/world/asia.htm", newsPage("Port strike enters third day"))
        try scratch.write("dump/briefs.txt", "\n\nMarkets close higher\nShares rose 2% on Tuesday.\n")
        try scratch.write("dump/wire.jsonl", """
            {"id": "rtr-0001", "url": "https://example.com/a", "text": "A first wire item."}
            {"id": "rtr-0002", "html": "<p>A second wire item.</p>"}

            """)
        try scratch.write("dump/.cache/stale.html", newsPage("Stale copy"))
        try scratch.write("dump/.draft.html", newsPage("Draft"))
        try scratch.write("dump/world/photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0])

        let root = scratch.path + "/dump"
        let items = readItems([root])
        let ids = items.map { $0.document?.id ?? "rejected:\($0.rejection!.reason.rawValue)" }
        #expect(ids == [
            "briefs.txt", "rtr-0001", "rtr-0002", "world/asia.htm", "world/myanmar-visit.html",
            "rejected:unsupported-format",
        ])
        let text = try #require(items[0].document)
        #expect(text.format == .text)
        #expect(text.title == nil)
        #expect(text.location.file == root + "/briefs.txt")
        #expect(text.scrapedText == "\n\nMarkets close higher\nShares rose 2% on Tuesday.\n")
        let page = try #require(items[4].document)
        #expect(page.format == .html)
        #expect(page.location == SourceLocation(file: root + "/world/myanmar-visit.html"))
        #expect(page.htmlText == newsPage("General to visit Moscow"))
        #expect(page.htmlCharset == nil)
        #expect(items[5].rejection?.location.file == root + "/world/photo.jpg")
    }

    @Test("a file argument gets its file name as id; a missing path is unreadable")
    func fileArgumentsAndMissingPaths() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("pages/cna-report.html", newsPage("Junta chief in Russia"))
        let missing = scratch.path + "/pages/nowhere.html"
        let items = readItems([path, missing])
        #expect(items.count == 2)
        #expect(items[0].document?.id == "cna-report.html")
        #expect(items[0].document?.location.file == path)
        #expect(items[1].rejection?.reason == .unreadable)
        #expect(items[1].rejection?.location.file == missing)
    }

    @Test("gzip-compressed HTML pages are decoded")
    func gzippedHTML() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let page = newsPage("Rice exports rise", body: "Exports rose 14% in April, traders said.")
        let path = try scratch.write("rice.html.gz", try Gzip.compress(Array(page.utf8)))
        let items = readItems([path])
        #expect(items.count == 1)
        #expect(items[0].document?.id == "rice.html.gz")
        #expect(items[0].document?.htmlText == page)
    }

    @Test("empty and whitespace-only files are rejected as empty")
    func emptyFiles() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("a.html", [])
        try scratch.write("b.txt", " \n\t\r\n  \n")
        try scratch.write("c.jsonl", "\n\n   \n")
        try scratch.write("d.warc", [])
        let items = readItems([scratch.path])
        #expect(items.map { $0.rejection?.reason } == [.emptyFile, .emptyFile, .emptyFile, .emptyFile])
        #expect(items[0].rejection?.message == "file is empty")
    }

    @Test("binary junk saved as .html or .txt is rejected as binary")
    func binaryJunk() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("junk.html", pseudoRandomBytes(count: 8000, seed: 7))
        // No NUL byte, but full of control characters.
        var controls = Array("Report".utf8)
        for index in 0..<400 { controls.append(UInt8(1 + index % 8)) }
        try scratch.write("controls.txt", controls)
        // A page with a couple of stray control bytes is still a page.
        try scratch.write("ok.html", Array(newsPage("Floods recede").utf8) + [0x07, 0x0B])
        let items = readItems([scratch.path])
        #expect(items[0].rejection?.reason == .binaryContent)
        #expect(items[1].rejection?.reason == .binaryContent)
        #expect(items[2].document?.id == "ok.html")
    }

    @Test("a .txt file that is not UTF-8 names the offset of the first bad byte")
    func invalidUTF8Text() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        // "Caf" then a Latin-1 é (0xE9) at byte 3.
        let path = try scratch.write("latin1.txt", [0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x70, 0x65, 0x6E, 0x73])
        let items = readItems([path])
        let rejection = try #require(items.first?.rejection)
        #expect(rejection.reason == .invalidUTF8)
        #expect(rejection.message.contains("byte 3"))
    }

    @Test("HTML bytes in another charset pass through untouched")
    func htmlBytesUntouched() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let bytes = Array("<html><body><p>Caf".utf8) + [0xE9] + Array(" de la Paix</p></body></html>".utf8)
        let path = try scratch.write("paris.html", bytes)
        let document = try #require(readItems([path]).first?.document)
        guard case .html(let read, _) = document.payload else {
            Issue.record("expected an HTML payload")
            return
        }
        #expect(read == bytes)
    }

    @Test("a repeated id is rejected with where it was first read")
    func duplicateIDs() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write("a.jsonl", #"{"id": "wire-77", "text": "Original wire copy."}"# + "\n")
        try scratch.write("b.jsonl", """
            {"id": "wire-78", "text": "Another story."}
            {"id": "wire-77", "text": "The same id again."}

            """)
        let items = readItems([scratch.path, scratch.path + "/a.jsonl"])
        #expect(items.count == 4)
        #expect(items[0].document?.id == "wire-77")
        #expect(items[1].document?.id == "wire-78")
        let duplicate = try #require(items[2].rejection)
        #expect(duplicate.reason == .duplicateID)
        #expect(duplicate.message == "id wire-77 already read from \(scratch.path)/a.jsonl record 1")
        #expect(duplicate.location.file == scratch.path + "/b.jsonl")
        #expect(duplicate.location.record == 2)
        #expect(items[3].rejection?.reason == .duplicateID)
    }

    @Test("documents over the configured limit are rejected as too large and skipped")
    func tooLarge() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let big = newsPage("Long read", body: String(repeating: "Paragraph after paragraph. ", count: 40))
        try scratch.write("1-big.html", big)
        try scratch.write("2-big.html.gz", try Gzip.compress(Array(big.utf8)))
        let longText = String(repeating: "word ", count: 200)
        try scratch.write("3-feed.jsonl", """
            {"id": "short-1", "text": "Brief item."}
            {"id": "long-1", "text": "\(longText)"}
            {"id": "short-2", "text": "Another brief item."}

            """)
        let small = WARCFixture.http(headers: [("Content-Type", "text/html")], body: Array("<p>Short page.</p>".utf8))
        let large = WARCFixture.http(headers: [("Content-Type", "text/html")], body: Array(big.utf8))
        try scratch.write("4-crawl.warc",
            WARCFixture.record(type: "response", number: 2, uri: "https://example.org/long", block: large)
            + WARCFixture.record(type: "response", number: 3, uri: "https://example.org/short", block: small))
        let items = readItems([scratch.path], maxDocumentBytes: 400)
        let summary = items.map { $0.document?.id ?? "rejected:\($0.rejection!.reason.rawValue)" }
        #expect(summary == [
            "rejected:too-large", "rejected:too-large",
            "short-1", "rejected:too-large", "short-2",
            "rejected:too-large", "4-crawl.warc#2",
        ])
        #expect(items[3].rejection?.location.record == 2)
        #expect(items[5].rejection?.location.record == 1)
    }
}
