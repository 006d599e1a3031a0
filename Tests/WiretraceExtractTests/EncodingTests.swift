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

    /// "東京で記者会見が開かれた。首相は新しい計画を発表した。" in Shift_JIS.
    private static let shiftJISSentence: [UInt8] = [
        0x93, 0x8C, 0x8B, 0x9E, 0x82, 0xC5, 0x8B, 0x4C, 0x8E, 0xD2, 0x89, 0xEF, 0x8C, 0xA9, 0x82, 0xAA, 0x8A, 0x4A,
        0x82, 0xA9, 0x82, 0xEA, 0x82, 0xBD, 0x81, 0x42, 0x8E, 0xF1, 0x91, 0x8A, 0x82, 0xCD, 0x90, 0x56, 0x82, 0xB5,
        0x82, 0xA2, 0x8C, 0x76, 0x89, 0xE6, 0x82, 0xF0, 0x94, 0xAD, 0x95, 0x5C, 0x82, 0xB5, 0x82, 0xBD, 0x81, 0x42,
    ]
    /// "大阪の天気は晴れ。" in Shift_JIS.
    private static let shiftJISTitle: [UInt8] = [
        0x91, 0xE5, 0x8D, 0xE3, 0x82, 0xCC, 0x93, 0x56, 0x8B, 0x43, 0x82, 0xCD, 0x90, 0xB0, 0x82, 0xEA, 0x81, 0x42,
    ]

    private func japanesePage(head: String) -> [UInt8] {
        Array("<html><head>\(head)<title>".utf8) + Self.shiftJISTitle + Array("</title></head><body><article><p>".utf8)
            + Self.shiftJISSentence + Array("</p></article></body></html>".utf8)
    }

    @Test("a Shift_JIS page without any declared charset is recognised by its byte structure")
    func shiftJISUndeclared() throws {
        let article = try ArticleExtractor().extract(raw(japanesePage(head: ""))).get()
        #expect(article.text == "東京で記者会見が開かれた。首相は新しい計画を発表した。")
        #expect(article.title == "大阪の天気は晴れ。")
    }

    @Test("a Shift_JIS page with <meta charset=shift_jis> decodes")
    func shiftJISDeclared() throws {
        let article = try ArticleExtractor().extract(raw(japanesePage(head: "<meta charset=shift_jis>"))).get()
        #expect(article.text == "東京で記者会見が開かれた。首相は新しい計画を発表した。")
    }

    @Test("an undeclared EUC-JP page is told apart from Shift_JIS")
    func eucJPUndeclared() throws {
        // "東京で記者会見が開かれた。" in EUC-JP.
        let sentence: [UInt8] = [
            0xC5, 0xEC, 0xB5, 0xFE, 0xA4, 0xC7, 0xB5, 0xAD, 0xBC, 0xD4, 0xB2, 0xF1, 0xB8, 0xAB, 0xA4, 0xAC, 0xB3, 0xAB,
            0xA4, 0xAB, 0xA4, 0xEC, 0xA4, 0xBF, 0xA1, 0xA3,
        ]
        let bytes = Array("<html><body><p>".utf8) + sentence + Array("</p></body></html>".utf8)
        let article = try ArticleExtractor().extract(raw(bytes)).get()
        #expect(article.text == "東京で記者会見が開かれた。")
    }

    @Test("a windows-1252 page served with a UTF-8 header but <meta charset=windows-1252> decodes as windows-1252")
    func utf8HeaderWindows1252Meta() throws {
        let bytes = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><p>Caf".utf8)
            + [0xE9] + Array(" owners say it".utf8) + [0x92] + Array("s busy this summer.</p></body></html>".utf8)
        let article = try ArticleExtractor().extract(raw(bytes, charset: "UTF-8")).get()
        #expect(article.text == "Café owners say it’s busy this summer.")
    }

    @Test("a UTF-8 header over valid UTF-8 still wins over a wrong <meta> declaration")
    func utf8HeaderWinsWhenTrue() throws {
        let bytes = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>Zoë’s café reopened.</p></body></html>".utf8)
        let article = try ArticleExtractor().extract(raw(bytes, charset: "utf-8")).get()
        #expect(article.text == "Zoë’s café reopened.")
    }
}

@Suite("Declared language, where the text is too short to tell")
struct LanguageTests {
    private func language(_ head: String, htmlAttributes: String = "") throws -> String? {
        let page = "<html\(htmlAttributes)><head>\(head)</head><body><article><p>The council met on Monday.</p></article></body></html>"
        return try ArticleExtractor().extract(htmlDocument(page)).get().language
    }

    @Test("<html lang> gives its ISO 639-1 primary subtag")
    func htmlLang() throws {
        #expect(try language("", htmlAttributes: " lang=\"EN-gb\"") == "en")
        #expect(try language("", htmlAttributes: " lang=\"nl-BE\"") == "nl")
        // A declaration the text's script contradicts (Chinese over Latin letters) is not taken.
        #expect(try language("", htmlAttributes: " lang=\"zh-hant-tw\"") == nil)
    }

    @Test("og:locale is read when <html lang> is missing, its underscore made a hyphen")
    func ogLocale() throws {
        #expect(try language("<meta property=\"og:locale\" content=\"pt_BR\">") == "pt")
    }

    @Test("a Content-Language meta is the last source")
    func contentLanguage() throws {
        #expect(try language("<meta http-equiv=\"content-language\" content=\"de, en\">") == "de")
    }

    @Test("<html lang> wins over og:locale; a template placeholder is passed over")
    func precedence() throws {
        #expect(try language("<meta property=\"og:locale\" content=\"fr_FR\">", htmlAttributes: " lang=\"es\"") == "es")
        #expect(try language("<meta property=\"og:locale\" content=\"fr_FR\">", htmlAttributes: " lang=\"{{lang}}\"") == "fr")
        #expect(try language("") == nil)
    }

    @Test("a page's text outweighs its declaration")
    func textWins() throws {
        let page = """
            <html lang="en"><head></head><body><article><p>Die Stadtverwaltung teilte am Montag mit, dass die neue \
            Brücke im Herbst eröffnet werde und die Arbeiten nach dem Hochwasser wieder aufgenommen worden seien.</p>\
            </article></body></html>
            """
        #expect(try ArticleExtractor().extract(htmlDocument(page)).get().language == "de")
    }
}
