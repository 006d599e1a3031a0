import Foundation
import Testing
import WiretraceCore
@testable import WiretraceIngest

@Suite("JSONLReader")
struct JSONLReaderTests {
    static let lines = [
        #"{"id": "afp-311", "url": "https://news.example.com/a/311", "outlet": "Example News", "published": "2024-05-02T07:00:00Z", "scraped": "2024-05-02T09:30:00Z", "title": "Ceasefire talks", "html": "<article><p>Talks resumed in Cairo.</p></article>"}"#,
        #"{"id": 90210, "text": "  Verbatim text\n\nkept exactly, \"quotes\" and all.  "}"#,
        #"{"outlet": "No Id Daily", "text": "A story without an id."}"#,
        #"{"id": "broken", "text": "Minister says budget will pass", "#,
        "",
        #"{"id": "no-body", "title": "Headline only"}"#,
        #"{"id": "last", "text": "The final line, with no newline after it."}"#,
    ]

    static func check(_ items: [IngestItem], file: String, anonymousID: String) throws {
        #expect(items.count == 6)
        let html = try #require(items[0].document)
        #expect(html.id == "afp-311")
        #expect(html.format == .jsonl)
        #expect(html.url == "https://news.example.com/a/311")
        #expect(html.outlet == "Example News")
        #expect(html.published == "2024-05-02T07:00:00Z")
        #expect(html.fetched == "2024-05-02T09:30:00Z")
        #expect(html.title == "Ceasefire talks")
        #expect(html.htmlText == "<article><p>Talks resumed in Cairo.</p></article>")
        #expect(html.htmlCharset == "utf-8")
        #expect(html.location == SourceLocation(file: file, record: 1, offset: 0, recordID: "afp-311"))

        let numeric = try #require(items[1].document)
        #expect(numeric.id == "90210")
        #expect(numeric.verbatimText == "  Verbatim text\n\nkept exactly, \"quotes\" and all.  ")
        #expect(numeric.location.record == 2)
        #expect(numeric.location.offset == lines[0].utf8.count + 1)

        let anonymous = try #require(items[2].document)
        #expect(anonymous.id == anonymousID)
        #expect(anonymous.outlet == "No Id Daily")

        let malformed = try #require(items[3].rejection)
        #expect(malformed.reason == .malformedJSON)
        #expect(malformed.location.record == 4)
        #expect(malformed.message.hasPrefix("line is not JSON"))
        #expect(!malformed.message.contains("budget"))

        let missing = try #require(items[4].rejection)
        #expect(missing.reason == .missingField)
        #expect(missing.location.record == 6)  // the blank line 5 still counts

        #expect(items[5].document?.id == "last")
        #expect(items[5].document?.location.record == 7)
    }

    @Test("fields, numeric and missing ids, bad lines in the middle")
    func plainJSONL() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("feed.jsonl", Self.lines.joined(separator: "\n"))
        try Self.check(readItems([path]), file: path, anonymousID: "feed.jsonl#3")
    }

    @Test("the same lines gzip-compressed read the same")
    func gzippedJSONL() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let compressed = try Gzip.compress(Array(Self.lines.joined(separator: "\n").utf8))
        let path = try scratch.write("feed.jsonl.gz", compressed)
        // The missing-id fallback uses the file's own relative path.
        try Self.check(readItems([path]), file: path, anonymousID: "feed.jsonl.gz#3")
    }

    @Test("a line that is not UTF-8 is rejected and the next is read; CRLF line ends work")
    func invalidUTF8Line() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var bytes = Array(#"{"id": "ok-1", "text": "Fine."}"#.utf8) + [0x0D, 0x0A]
        bytes += Array(#"{"id": "bad", "text": "Caf"#.utf8) + [0xE9] + Array(#""}"#.utf8) + [0x0D, 0x0A]
        bytes += Array(#"{"id": "ok-2", "text": "Also fine."}"#.utf8) + [0x0D, 0x0A]
        let path = try scratch.write("mixed.ndjson", bytes)
        let items = readItems([path])
        #expect(items.count == 3)
        #expect(items[0].document?.verbatimText == "Fine.")
        #expect(items[1].rejection?.reason == .invalidUTF8)
        #expect(items[1].rejection?.location.record == 2)
        #expect(items[2].document?.id == "ok-2")
    }

    @Test("JSON that is not an object, and ids of the wrong type, are malformed")
    func wrongShapes() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("shapes.jsonl", """
            ["an", "array"]
            {"id": true, "text": "Boolean id."}
            {"id": 12.5, "text": "Fractional id."}

            """)
        let items = readItems([path])
        #expect(items.count == 3)
        #expect(items[0].rejection?.reason == .malformedJSON)
        #expect(items[0].rejection?.message == "line is JSON but not an object")
        #expect(items[1].rejection?.reason == .malformedJSON)
        #expect(items[2].document?.id == "12.5")
    }

    @Test("a truncated .jsonl.gz delivers the lines before the cut, then truncated-gzip")
    func truncatedGzip() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var text = ""
        for number in 1...3000 {
            text += #"{"id": "item-\#(number)", "text": "Item \#(number): \#(String(repeating: "filler words vary \(number % 97) ", count: 6))"}"# + "\n"
        }
        let compressed = try Gzip.compress(Array(text.utf8))
        let path = try scratch.write("cut.jsonl.gz", Array(compressed.prefix(compressed.count / 2)))
        let items = readItems([path])
        let documents = items.compactMap(\.document)
        #expect(documents.count > 100)
        #expect(documents.count < 3000)
        #expect(documents.map(\.id) == (1...documents.count).map { "item-\($0)" })
        let last = try #require(items.last?.rejection)
        #expect(last.reason == .truncatedGzip)
        #expect(last.location.file == path)
        #expect(items.count == documents.count + 1)
    }

    @Test("corrupt gzip data is rejected as corrupt")
    func corruptGzip() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var text = ""
        for number in 1...500 { text += #"{"id": "c-\#(number)", "text": "Entry \#(number) of the corrupt feed."}"# + "\n" }
        var compressed = try Gzip.compress(Array(text.utf8))
        for index in stride(from: compressed.count / 3, to: compressed.count / 3 + 64, by: 1) { compressed[index] ^= 0x5A }
        let path = try scratch.write("bad.jsonl.gz", compressed)
        let items = readItems([path])
        #expect(items.last?.rejection?.reason == .corruptGzip)
        #expect(items.last?.rejection?.message.contains("gzip") == true)
    }

    @Test("a file that is not gzip but named .gz is corrupt")
    func notGzipAtAll() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write("plain.jsonl.gz", #"{"id": "x", "text": "Not compressed."}"# + "\n")
        let items = readItems([path])
        #expect(items.count == 1)
        #expect(items[0].rejection?.reason == .corruptGzip)
    }
}
