import Testing
import WiretraceCore
import WiretraceExtract

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("one extractor serves many tasks at once with the same results")
    func parallelExtraction() async throws {
        let extractor = ArticleExtractor()
        let expected = try extractor.extract(htmlDocument(HTMLExtractionTests.newsPage)).get()
        let results = await withTaskGroup(of: Article?.self) { group in
            for index in 0..<32 {
                group.addTask {
                    try? extractor.extract(htmlDocument(HTMLExtractionTests.newsPage, id: "page.html")).get()
                        .withID(index)
                }
            }
            var articles: [Article?] = []
            for await article in group { articles.append(article) }
            return articles
        }
        #expect(results.count == 32)
        for article in results {
            #expect(article?.text == expected.text)
            #expect(article?.credits == expected.credits)
        }
    }
}

extension Article {
    fileprivate func withID(_ index: Int) -> Article {
        var copy = self
        copy.id = "page-\(index)"
        return copy
    }
}
