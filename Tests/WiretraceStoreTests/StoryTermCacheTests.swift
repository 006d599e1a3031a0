import Foundation
import Testing
import WiretraceCore
@testable import WiretraceStore

/// The kept story terms are handed back only while the document's content is the one they were
/// computed from, and a new version of the rules empties them.
@Suite struct StoryTermCacheTests {
    private func cached(_ store: WiretraceStore) throws -> [String: String?] {
        var result: [String: String?] = [:]
        try store.forEachArticleWithStoryTerms { article, terms in result[article.id] = terms }
        return result
    }

    @Test func termsFollowTheContentAndTheVersion() throws {
        let path = WiretraceStoreTests.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try WiretraceStore(path: path)
        let run = try store.beginRun(inputs: [], parameters: "{}")
        try store.store([WiretraceStoreTests.document("a", text: "one"), WiretraceStoreTests.document("b", text: "two")], run: run)
        #expect(try cached(store) == ["a": nil, "b": nil])

        try store.cacheStoryTerms([("a", "moscow 1 2 0\n"), ("b", "kyiv 0 1 0\n")], version: "1")
        #expect(try cached(store) == ["a": "moscow 1 2 0\n", "b": "kyiv 0 1 0\n"])
        #expect(try store.analysisState("story_terms") == "1")

        // b's text changes: its terms no longer count; a's still do.
        try store.store([WiretraceStoreTests.document("b", text: "changed", hash: "h2")], run: run)
        #expect(try cached(store) == ["a": "moscow 1 2 0\n", "b": nil])

        // Other rules: everything kept before is dropped.
        try store.cacheStoryTerms([("b", "kharkiv 1 0 0\n")], version: "2")
        #expect(try cached(store) == ["a": nil, "b": "kharkiv 1 0 0\n"])
    }
}
