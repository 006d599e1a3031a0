import Foundation
import Testing
import WiretraceCore
import WiretraceExtract

@Suite("Character sets")
struct EncodingTests {
    private func raw(_ bytes: [UInt8], charset: String? = nil) -> RawDocument {
        RawDocument(
            id: "enc.html", location: SourceLocation(file: "enc.html"), format: .html,
            payload: .html(bytes: bytes, charset: charset))
    }

    /// "Café owners say it’s busy" in windows-1252: é = 0xE9, ’ = 0x92.
    private let windows1252Body: [UInt8] =
        Array("<html><body><p>Caf".utf8) + [0xE9] + Array(" owners say it".utf8) + [0x92]
        + Array("s busy this summer.</p></body></html>".utf8)

    @Test("a windows-1252 page without a declared charset decodes é and ’")
    func windows1252Undeclared() throws {
        let article = try ArticleExtractor().extract(raw(windows1252Body)).get()
        #expect(article.text == "Café owners say it’s busy this summer.")
    }

    @Test("a transport charset hint wins")
    func hint() throws {
        let article = try ArticleExtractor().extract(raw(windows1252Body, charset: "ISO-8859-1")).get()
        #expect(article.text == "Café owners say it’s busy this summer.")
    }

    @Test("a <meta charset> declaration is honoured")
    func metaCharset() throws {
        // "Grüße" in ISO-8859-15 is byte-identical to Latin-1 for these letters.
        let bytes = Array("<html><head><meta charset=\"iso-8859-15\"></head><body><p>Gr".utf8) + [0xFC, 0xDF]
            + Array("e aus Bremen.</p></body></html>".utf8)
        let article = try ArticleExtractor().extract(raw(bytes)).get()
        #expect(article.text == "Grüße aus Bremen.")
    }

    @Test("a UTF-8 byte-order mark is honoured and dropped")
    func utf8BOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<p>Zoë’s team won.</p>".utf8)
        let article = try ArticleExtractor().extract(raw(bytes)).get()
        #expect(article.text == "Zoë’s team won.")
    }

    @Test("a raw invalid byte in a UTF-8 page does not crash and keeps the other paragraphs")
    func invalidByteInUTF8() throws {
        let bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><article><p>Straße closed in München.</p><p>Bad ".utf8)
            + [0xFF] + Array(" byte here.</p><p>Émile reported from Zürich.</p></article></body></html>".utf8)
        let article = try ArticleExtractor().extract(raw(bytes)).get()
        let paragraphs = article.text.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 3)
        #expect(paragraphs.first == "Straße closed in München.")
        #expect(paragraphs.last == "Émile reported from Zürich.")
        #expect(paragraphs[1].hasPrefix("Bad ") && paragraphs[1].hasSuffix(" byte here."))
    }

    @Test("an undeclared UTF-8 page with one stray byte stays UTF-8")
    func mostlyUTF8() throws {
        let bytes = Array("<p>Señora Núñez spoke in Málaga ".utf8) + [0x81] + Array(" today.</p>".utf8)
        let article = try ArticleExtractor().extract(raw(bytes)).get()
        #expect(article.text.hasPrefix("Señora Núñez spoke in Málaga"))
    }
}
