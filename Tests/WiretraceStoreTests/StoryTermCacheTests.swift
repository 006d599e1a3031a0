import Foundation
import Testing
import WiretraceCore
@testable import WiretraceStore

/// The kept story terms are handed back only while the document's content is the one they were
/// computed from, and a new version of the rules empties them.
@Suite struct StoryTermCacheTests {
    private func cached(_ store: WiretraceStore) throws -> [String: [UInt8]?] {
        var result: [String: [UInt8]?] = [:]
        try store.forEachArticleWithStoryTerms { article, length, terms in
            result[article.id] = terms
            // The text is read only when no current terms are kept; its length always.
            #expect(article.text.isEmpty == (terms != nil))
            #expect(length == (article.id == "a" ? 3 : (terms == nil ? article.text.utf8.count : length)))
        }
        // The packed reading hands the same terms, texts and lengths, inflated by a reader.
        let reader = PackedValueReader(location: store.path)
        var packedResult: [String: [UInt8]?] = [:]
        var texts: [String: String] = [:]
        try store.forEachArticle { texts[$0.id] = $0.text }
        try store.forEachPackedArticleWithStoryTerms { article, length, packed in
            #expect(article.text.isEmpty)
            switch packed {
            case .terms(let terms): packedResult[article.id] = .some(try reader.bytes(terms))
            case .text(let text):
                packedResult[article.id] = .some(nil)
                #expect(try reader.text(text) == texts[article.id])
                #expect(length == texts[article.id]?.utf8.count)
            }
        }
        #expect(packedResult == result)
        #expect(try store.packedText("a").map(reader.text) == texts["a"])
        #expect(try store.packedText("missing") == nil)
        return result
    }

    @Test func termsFollowTheContentAndTheVersion() throws {
        let path = WiretraceStoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try WiretraceStore(path: path)
        let run = try store.beginRun(inputs: [], parameters: "{}")
        try store.store([WiretraceStoreTests.document("a", text: "one"), WiretraceStoreTests.document("b", text: "two")], run: run)
        #expect(try cached(store) == ["a": nil, "b": nil])

        try store.cacheStoryTerms([("a", [4, 1]), ("b", [9, 0, 1, 0])], newTerms: [(0, "moscow"), (1, "kyiv")], version: "1")
        #expect(try cached(store) == ["a": [4, 1], "b": [9, 0, 1, 0]])
        #expect(try store.analysisState("story_terms") == "1")
        #expect(try store.storyVocabulary() == ["moscow", "kyiv"])

        // b's text changes: its terms no longer count; a's still do.
        try store.store([WiretraceStoreTests.document("b", text: "changed", hash: "h2")], run: run)
        #expect(try cached(store) == ["a": [4, 1], "b": nil])

        // Other rules: everything kept before is dropped.
        try store.cacheStoryTerms([("b", [0, 1])], newTerms: [(0, "kharkiv")], version: "2")
        #expect(try cached(store) == ["a": nil, "b": [0, 1]])
        #expect(try store.storyVocabulary() == ["kharkiv"])
    }
}
