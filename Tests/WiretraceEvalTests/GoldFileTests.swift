import Foundation
import Testing
import WiretraceCore
@testable import WiretraceEval

/// Every gold-file parser of `wiretrace eval`, on files written here for the purpose.
@Suite struct GoldFileTests {
    static func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wt-gold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url
    }

    // MARK: Story clusters

    @Test func clusterGoldKeepsIdsClustersAndTopicsAsText() throws {
        let url = try Self.temporaryFile("stories.jsonl", """
            {"id": "pier-1", "cluster": "pier vote", "topic": "harbour", "text": "ignored"}

            {"id": 7, "cluster": 12, "topic": 3}
            {"id": "pier-2", "cluster": "pier vote"}\r
            """)
        let gold = try GoldClusters.load(path: url.path)
        #expect(gold.clusters == ["pier-1": "pier vote", "7": "12", "pier-2": "pier vote"])
        #expect(gold.topics == ["pier-1": "harbour", "7": "3"])
    }

    @Test func clusterGoldScoresThroughTheMetric() throws {
        let gold = try GoldClusters.parse(Data("""
            {"id": "a", "cluster": "x"}
            {"id": "b", "cluster": "x"}
            {"id": "c", "cluster": "y"}
            """.utf8), name: "inline")
        let result = ClusterEvaluation(gold: gold.clusters, predicted: ["a": "1", "b": "1", "c": "2"], topics: gold.topics)
        #expect(result.items == 3)
        #expect(result.bcubed.f1 == 1)
        #expect(result.crossEventMergeRate == nil)
    }

    @Test func clusterGoldNamesTheBadLine() throws {
        func message(_ text: String) -> String? {
            do {
                _ = try GoldClusters.parse(Data(text.utf8), name: "gold.jsonl")
                return nil
            } catch let error as WiretraceError {
                #expect(error.code == .usage)
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message("{\"id\": \"a\", \"cluster\": \"x\"}\n[1, 2]") == "gold.jsonl line 2: not a JSON object")
        #expect(message("{\"id\": \"a\"}") == "gold.jsonl line 1: needs \"id\" and \"cluster\"")
        #expect(message("{\"id\": \"a\", \"cluster\": null}") == "gold.jsonl line 1: needs \"id\" and \"cluster\"")
        #expect(throws: WiretraceError.self) { try GoldClusters.load(path: "/nonexistent/gold.jsonl") }
    }

    // MARK: Quote attributions

    // "The pier will open in May," the mayor said. Officials said the work was late.
    static let quoteText = "\u{201C}The pier will open in May,\u{201D} the mayor said. Officials said the work was late."

    static func quoteGold() throws -> URL {
        // Offsets in Unicode scalars: the quoted words 1-26, "the mayor" 28-37, "Officials" 44-53,
        // "the work was late" 59-76. The second line is another annotator of the same article.
        let text = quoteText.replacingOccurrences(of: "\u{201C}", with: "\\u201C").replacingOccurrences(of: "\u{201D}", with: "\\u201D")
        return try temporaryFile("quotes.jsonl", """
            {"id": "pier-a1", "article": "pier", "annotator": "a1", "text": "\(text)", "attributions": [{"source": [{"start": 28, "end": 37, "text": "the mayor"}], "cue": [{"start": 38, "end": 42}], "content": [{"start": 1, "end": 26}]}, {"source": [{"start": 44, "end": 53, "text": "Officials"}], "content": [{"start": 59, "end": 76}, {"start": 80, "end": 80}]}]}
            {"id": "pier-a2", "article": "pier", "annotator": "a2", "text": "\(text)", "attributions": []}

            """)
    }

    @Test func quoteGoldKeepsOneAnnotatorPerArticle() throws {
        let url = try Self.quoteGold()
        let first = try GoldQuoteFile.read(path: url.path)
        #expect(first.records.map(\.id) == ["pier-a1"])
        #expect(first.otherAnnotators == 1)
        let all = try GoldQuoteFile.read(path: url.path, allAnnotators: true)
        #expect(all.records.map(\.id) == ["pier-a1", "pier-a2"])
        #expect(all.otherAnnotators == 0)
    }

    @Test func quoteGoldSpansAreDirectWhenQuotedAndCarryTheirSource() throws {
        let record = try GoldQuoteFile.read(path: try Self.quoteGold().path).records[0]
        let spans = record.goldSpans()
        // The empty content span is not an item.
        #expect(spans.map { $0.start..<$0.end } == [1..<26, 59..<76])
        #expect(spans.map(\.isDirect) == [true, false])
        #expect(spans[0].sources == [28..<37])
        #expect(spans[0].sourceText == "the mayor")
        #expect(spans[1].sourceText == "Officials")
    }

    @Test func quoteGoldScoresPredictionsAtEveryThreshold() throws {
        let record = try GoldQuoteFile.read(path: try Self.quoteGold().path).records[0]
        let predicted = [
            PredictedQuoteSpan(start: 1, end: 26, speaker: "mayor", speakerSpan: 32..<37, isDirect: true),
            PredictedQuoteSpan(start: 59, end: 66),  // "the wor": 7 of 17 scalars
        ]
        let scored = QuoteEvaluation.score(record: record, text: record.text, predicted: predicted)
        #expect(QuoteEvaluation.thresholds == [0.3, 0.5, 0.8])
        #expect(scored.counts.map(\.matchedGold) == [2, 1, 1])
        #expect(scored.counts.map(\.gold) == [2, 2, 2])
        #expect(scored.counts[0].speakerCorrect == 1)
        #expect(scored.speakerErrors.isEmpty)
    }

    @Test func quoteGoldRejectsALineThatIsNotARecord() throws {
        let url = try Self.temporaryFile("bad.jsonl", "{\"id\": \"x\", \"text\": \"t\", \"attributions\": []}\n{\"id\": 3}\n")
        #expect {
            try GoldQuoteFile.read(path: url.path)
        } throws: { error in
            (error as? WiretraceError)?.location == "\(url.path):2"
        }
    }

    // MARK: Publication dates

    @Test func dateGoldReadsPagesAndTheirParts() throws {
        let url = try Self.temporaryFile("gold.jsonl", """
            {"file": "3a9f.html.gz", "url": "https://example.org/a", "date": "2019-04-02"}
            {"file": "c011.html", "url": null, "date": null}
            {"file": "pier.html", "date": "2020-01-31"}
            """)
        let pages = try DatedPage.load(path: url.path)
        #expect(pages.map(\.file) == ["3a9f.html.gz", "c011.html", "pier.html"])
        #expect(pages.map(\.url) == ["https://example.org/a", nil, nil])
        #expect(pages.map(\.date) == ["2019-04-02", nil, "2020-01-31"])
        #expect(pages.map(\.part) == ["train", "dev", nil])
        let bad = try Self.temporaryFile("bad.jsonl", "{\"url\": \"https://example.org\"}\n")
        #expect(throws: WiretraceError.self) { try DatedPage.load(path: bad.path) }
    }

    @Test func dateEvaluationFindsTheDateOfAPageAndScoresIt() throws {
        let directory = try Self.temporaryFile("gold.jsonl", """
            {"file": "pier.html", "url": "https://example.org/news/pier", "date": "2020-01-31"}
            {"file": "missing.html", "url": null, "date": "2020-02-01"}
            """).deletingLastPathComponent()
        let html = """
            <html><head><title>Pier vote</title><meta property="article:published_time" content="2020-01-31T09:00:00Z"></head>
            <body><article><h1>Pier vote</h1><p>The harbour board voted on Friday to extend the pier by forty metres.</p></article></body></html>
            """
        try Data(html.utf8).write(to: directory.appendingPathComponent("pier.html"))
        let pages = try DatedPage.load(path: directory.appendingPathComponent("gold.jsonl").path)
        let results = DateEvaluation(reader: LabelledPageReader(workers: 1)).run(gold: pages, htmlDirectory: directory.path)
        #expect(results[0].found?.hasPrefix("2020-01-31") == true)
        #expect(results[0].isRight)
        #expect(results[1].problem != nil)
        #expect(!results[1].isRight)
    }
}

/// What `wiretrace eval clusters` and `eval dates` print, from the metrics.
@Suite struct EvaluationReportTests {
    @Test func clusterScoresPrintAsLinesAndAsJSON() {
        let gold = ["a": "x", "b": "x", "c": "y", "d": "y"]
        let result = ClusterEvaluation(gold: gold, predicted: ["a": "1", "b": "1", "c": "1", "e": "2"], topics: gold.mapValues { _ in "t" })
        let lines = result.lines()
        #expect(lines[0] == "documents: 3 scored; gold clusters 2, predicted 1")
        #expect(lines[1] == "warning: 1 gold ids not in the database, 1 stored ids not in the gold")
        #expect(lines[2].hasPrefix("B-cubed   P 0.556  R 1.000  F1 0.714"))
        #expect(lines.last?.hasPrefix("merged across paired events of a topic: ") == true)
        let json = result.json.serialized()
        #expect(json.hasPrefix(#"{"items":3,"gold_clusters":2,"predicted_clusters":1,"bcubed_precision":0.5556,"#))
        #expect(json.contains(#""missing_from_prediction":1,"not_in_gold":1,"cross_event_merge_rate":"#))
    }

    @Test func dateResultsPrintPerPartAndPerSource() {
        let results = [
            DatedPageResult(page: DatedPage(file: "1a.html", url: nil, date: "2020-01-31"), found: "2020-01-31T09:00:00Z", source: "meta"),
            DatedPageResult(page: DatedPage(file: "9b.html", url: "https://example.org/b", date: "2020-02-01"), found: nil),
        ]
        let lines = DateEvaluation.lines(results, listWrong: true)
        // Sources with as many pages in name order.
        #expect(lines[3] == "by source (right/pages): meta 1/1, none 0/1")
        #expect(lines.enumerated().filter { $0.offset != 3 }.map(\.element) == [
            "train  pages    1  right    1  no date   0  accuracy 1.000",
            "dev    pages    1  right    0  no date   1  accuracy 0.000",
            "all    pages    2  right    1  no date   1  accuracy 0.500",
            "  dev  gold 2020-02-01  found none  (-)  9b.html  https://example.org/b",
        ])
        #expect(results[1].json.serialized() == #"{"file":"9b.html","url":"https://example.org/b","gold":"2020-02-01","found":null,"source":null}"#)
    }
}
