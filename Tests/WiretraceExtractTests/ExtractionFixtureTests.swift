import Foundation
import Testing
import WiretraceCore
import WiretraceExtract

/// Each page in `fixtures/extraction/` (written for this project, one per boilerplate pattern)
/// must yield exactly the text in its `.txt` twin.
@Suite("Extraction fixtures")
struct ExtractionFixtureTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/extraction")

    static let pages: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }.sorted()
    }()

    @Test func everyPatternHasAFixture() {
        #expect(Self.pages.count >= 1)
    }

    @Test(arguments: pages)
    func pageYieldsExactlyItsArticleText(name: String) throws {
        let html = try Data(contentsOf: Self.directory.appendingPathComponent(name + ".html"))
        let expected = try String(contentsOf: Self.directory.appendingPathComponent(name + ".txt"), encoding: .utf8)
        let raw = RawDocument(
            id: name, location: SourceLocation(file: name + ".html"), format: .html,
            payload: .html(bytes: Array(html), charset: nil))
        let article = try ArticleExtractor().extract(raw).get()
        #expect(article.text == expected.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
