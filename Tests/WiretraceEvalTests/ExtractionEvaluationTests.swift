import Foundation
import Testing
import WiretraceCore
@testable import WiretraceEval

/// The benchmark metric against examples worked out by hand.
@Suite struct ExtractionEvaluationTests {
    @Test func tokensAreUnicodeWordRunsWithCaseKept() {
        #expect(ShingleMatch.tokens("Hello, world! It's 2024.") == ["Hello", "world", "It", "s", "2024"])
        #expect(ShingleMatch.tokens("Café naïve_ok 北京 ２０２４") == ["Café", "naïve_ok", "北京", "２０２４"])
        // A combining mark is not a word character (Python's `\w`): it splits the token.
        #expect(ShingleMatch.tokens("cafe\u{301}x") == ["cafe", "x"])
        #expect(ShingleMatch.tokens(" -- ").isEmpty)
    }

    @Test func shinglesAreAMultisetAndShortTextsGiveOneShorterShingle() {
        #expect(ShingleMatch.shingles("a b c d e").count == 2)
        #expect(ShingleMatch.shingles("Hello world") == ["Hello\u{1}world": 1])
        #expect(ShingleMatch.shingles("").isEmpty)
        let repeated = ShingleMatch.shingles("x y z w x y z w x y z w")
        #expect(repeated["x\u{1}y\u{1}z\u{1}w"] == 3)
        #expect(repeated.values.reduce(0, +) == 9)
    }

    @Test func identicalTextsScoreOne() {
        let counts = ShingleMatch.counts(predicted: "a b c d e", gold: "a  b, c d e")
        #expect(counts == .init(truePositive: 1, falsePositive: 0, falseNegative: 0))
        #expect(counts.precision == 1 && counts.recall == 1)
    }

    @Test func oneChangedWordInSixTokens() {
        // Prediction shingles: [the cat sat on] [cat sat on the] [sat on the mat]
        // Gold shingles:       [the cat sat on] [cat sat on a]   [sat on a mat]
        // TP 1, FP 2, FN 2 -> 0.2, 0.4, 0.4.
        let counts = ShingleMatch.counts(predicted: "the cat sat on the mat", gold: "the cat sat on a mat")
        #expect(abs(counts.truePositive - 0.2) < 1e-12)
        #expect(abs(counts.falsePositive - 0.4) < 1e-12)
        #expect(abs(counts.falseNegative - 0.4) < 1e-12)
        #expect(abs(counts.precision! - 1.0 / 3) < 1e-12)
        #expect(abs(counts.recall! - 1.0 / 3) < 1e-12)
    }

    @Test func repeatedShinglesCountOnce() {
        // Gold: 9 shingles, of which [x y z w] 3 times; prediction: that shingle once.
        let counts = ShingleMatch.counts(predicted: "x y z w", gold: "x y z w x y z w x y z w")
        #expect(counts.precision == 1)
        #expect(abs(counts.recall! - 1.0 / 9) < 1e-12)
    }

    @Test func caseMatters() {
        let counts = ShingleMatch.counts(predicted: "hello world", gold: "Hello world")
        #expect(counts.precision == 0 && counts.recall == 0)
    }

    @Test func emptyPagesFollowTheBenchmark() {
        let both = ShingleMatch.counts(predicted: "", gold: "  ")
        #expect(both.precision == 1 && both.recall == 1)
        let noPrediction = ShingleMatch.counts(predicted: "", gold: "some gold text here")
        #expect(noPrediction.precision == nil)
        #expect(noPrediction.recall == 0)
    }

    @Test func averagesArePerPageAndF1IsOfTheAverages() {
        func page(_ id: String, _ predicted: String, _ gold: String) -> PageScore {
            PageScore(id: id, url: nil, counts: ShingleMatch.counts(predicted: predicted, gold: gold),
                      predictedLength: predicted.count, problem: nil)
        }
        let scores = ExtractionScores(pages: [
            page("a", "x y z w", "x y z w x y z w x y z w"),  // P 1, R 1/9
            page("b", "the cat sat on the mat", "the cat sat on a mat"),  // P 1/3, R 1/3
            page("c", "", "gold without any prediction"),  // P none, R 0
        ])
        #expect(abs(scores.precision - 2.0 / 3) < 1e-12)
        #expect(abs(scores.recall - 4.0 / 27) < 1e-12)
        #expect(abs(scores.f1 - 8.0 / 33) < 1e-12)
        #expect(scores.worst(2).map(\.id) == ["c", "a"])
    }

    @Test func evaluationReadsPagesAndScoresMissingOnesAsEmpty() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wt-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let body = "The harbour board voted on Tuesday to extend the pier by forty metres before the winter storms."
        let html = """
            <html><head><title>Pier vote</title></head><body><nav><a href="/">Home</a> <a href="/x">World</a></nav>
            <article><h1>Pier vote</h1><p>\(body)</p></article><footer>Copyright 2024 Example</footer></body></html>
            """
        try Data(html.utf8).write(to: directory.appendingPathComponent("page1.html"))
        let gold = directory.appendingPathComponent("gold.json")
        try Data("""
            {"page1": {"articleBody": "\(body)", "url": "https://example.org/pier"},
             "page2": {"articleBody": "A page whose file is missing.", "url": null}}
            """.utf8).write(to: gold)

        let pages = try GoldPage.load(path: gold.path)
        #expect(pages.map(\.id) == ["page1", "page2"])
        let scores = ExtractionEvaluation().run(gold: pages, htmlDirectory: directory.path)
        #expect(scores.pages[0].counts.precision == 1 && scores.pages[0].counts.recall == 1)
        #expect(scores.pages[1].problem != nil && scores.pages[1].counts.recall == 0)
        #expect(scores.precision == 1)
        #expect(abs(scores.recall - 0.5) < 1e-12)
    }
}
