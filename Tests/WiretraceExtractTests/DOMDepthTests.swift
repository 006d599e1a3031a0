import Foundation
import Testing
import WiretraceCore
import WiretraceExtract

/// The DOM depth cap: pages nested past it are `too-deep` rejections, pages within it extract
/// completely, and no nesting overflows the stack of the recursive tree walkers.
@Suite("DOM depth cap")
struct DOMDepthTests {
    /// A page with `depth` nested `<div>`s inside `<article>`, a paragraph at the bottom and one after.
    static func nestedPage(depth: Int) -> String {
        "<html><body><article>" + String(repeating: "<div>", count: depth)
            + "<p>The deepest paragraph reports that the harbour reopened on Monday morning.</p>"
            + String(repeating: "</div>", count: depth)
            + "<p>The paragraph after the nesting says ferries resumed their normal timetable.</p></article></body></html>"
    }

    @Test("100,000-deep nesting is a too-deep rejection naming the document, without a crash")
    func hundredThousandDeep() throws {
        let raw = htmlDocument(Self.nestedPage(depth: 100_000), id: "deep.html")
        guard case .failure(let rejection) = ArticleExtractor().extract(raw) else {
            Issue.record("a page nested 100,000 deep was accepted")
            return
        }
        #expect(rejection.reason == .tooDeep)
        #expect(rejection.location == SourceLocation(file: "dump/deep.html"))
        #expect(rejection.message == "document deep.html nests elements more than 256 deep (parsing stopped at line 1)")
    }

    @Test("nesting just within libxml2's limit extracts every paragraph, on a thread with a 1 MiB stack")
    func withinTheLimit() throws {
        let raw = htmlDocument(Self.nestedPage(depth: 253))
        final class Box: @unchecked Sendable { var result: Result<Article, Rejection>? }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = ArticleExtractor().extract(raw)
            done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
        done.wait()
        let article = try #require(try box.result?.get())
        #expect(article.text.contains("The deepest paragraph reports"))
        #expect(article.text.contains("ferries resumed their normal timetable"))
    }

    @Test("a configured cap below libxml2's rejects what the default accepts")
    func configuredCap() throws {
        let raw = htmlDocument(Self.nestedPage(depth: 40))
        #expect(try ArticleExtractor().extract(raw).get().text.contains("The deepest paragraph"))
        let capped = ArticleExtractor(configuration: ExtractionConfiguration(maximumDOMDepth: 32))
        guard case .failure(let rejection) = capped.extract(raw) else {
            Issue.record("a page nested 40 deep passed a cap of 32")
            return
        }
        #expect(rejection.reason == .tooDeep)
        #expect(rejection.message == "document page.html nests elements more than 32 deep")
    }
}
