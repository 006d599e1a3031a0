import Foundation
import WiretraceCore
import WiretraceExtract
import WiretraceIngest

/// The article-extraction benchmark's text metric (Zyte/ScrapingHub `evaluate.py`), so that the
/// project's figures are comparable with the published ones.
///
/// Text is tokenised into Unicode `\w+` runs (letters, numbers, underscore, as Python's `re`
/// reads `\w`; case kept), cut into a multiset of 4-token shingles, and prediction and gold are
/// compared shingle by shingle: TP the shared count, FP the prediction's surplus, FN the gold's,
/// each divided by TP+FP+FN so that every page weighs the same.
public enum ShingleMatch {
    /// Normalised per-page counts; they sum to 1 unless both texts are empty (then all are 0).
    public struct Counts: Sendable, Equatable {
        public var truePositive: Double
        public var falsePositive: Double
        public var falseNegative: Double

        public init(truePositive: Double, falsePositive: Double, falseNegative: Double) {
            self.truePositive = truePositive
            self.falsePositive = falsePositive
            self.falseNegative = falseNegative
        }

        /// TP/(TP+FP); 1 when nothing differs (both texts empty or identical); nil when the
        /// prediction is empty but the gold is not (such a page does not enter the precision
        /// average, as in the benchmark's `evaluate.py`).
        public var precision: Double? {
            if falsePositive == 0 && falseNegative == 0 { return 1 }
            if truePositive + falsePositive == 0 { return nil }
            return truePositive / (truePositive + falsePositive)
        }

        /// TP/(TP+FN); 1 when nothing differs; nil when the gold is empty but the prediction is not.
        public var recall: Double? {
            if falsePositive == 0 && falseNegative == 0 { return 1 }
            if truePositive + falseNegative == 0 { return nil }
            return truePositive / (truePositive + falseNegative)
        }
    }

    /// Shingle length of the benchmark.
    public static let shingleSize = 4

    /// Whether a scalar belongs to a `\w` run: a letter (L*), a number (any numeric type) or `_`.
    /// Combining marks are not word characters, as in Python's `re`.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A) || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// The `\w+` tokens of a text, in order.
    ///
    /// - Complexity: O(n) in the text's scalars.
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    /// The multiset of shingles: every run of `size` consecutive tokens, or the whole token list
    /// as one shorter shingle when the text has fewer tokens (none for an empty text).
    ///
    /// - Complexity: O(n·size) for n tokens.
    public static func shingles(_ text: String, size: Int = shingleSize) -> [String: Int] {
        let tokens = tokens(text)
        var counts: [String: Int] = [:]
        guard !tokens.isEmpty else { return counts }
        for start in 0..<max(1, tokens.count - size + 1) {
            // U+0001 cannot occur inside a token, so joined shingles are unambiguous.
            let key = tokens[start..<min(tokens.count, start + size)].joined(separator: "\u{1}")
            counts[key, default: 0] += 1
        }
        return counts
    }

    /// The normalised TP/FP/FN of one page.
    ///
    /// - Complexity: O(p + g) in the two texts' lengths.
    public static func counts(predicted: String, gold: String) -> Counts {
        let predictedShingles = shingles(predicted)
        let goldShingles = shingles(gold)
        var tp = 0, fp = 0, fn = 0
        for (key, goldCount) in goldShingles {
            let predictedCount = predictedShingles[key] ?? 0
            tp += min(goldCount, predictedCount)
            fn += max(0, goldCount - predictedCount)
        }
        for (key, predictedCount) in predictedShingles {
            fp += max(0, predictedCount - (goldShingles[key] ?? 0))
        }
        let total = Double(tp + fp + fn)
        guard total > 0 else { return Counts(truePositive: 0, falsePositive: 0, falseNegative: 0) }
        return Counts(
            truePositive: Double(tp) / total, falsePositive: Double(fp) / total, falseNegative: Double(fn) / total)
    }
}

/// One labelled page: its id (the benchmark's sha256), the gold article text and the page URL.
public struct GoldPage: Sendable {
    public var id: String
    public var body: String
    public var url: String?

    public init(id: String, body: String, url: String?) {
        self.id = id
        self.body = body
        self.url = url
    }

    /// Reads a gold file shaped `{id: {"articleBody": ..., "url": ...}}`, pages sorted by id.
    public static func load(path: String) throws -> [GoldPage] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw WiretraceError(.io, "cannot read gold file", location: path, cause: error.localizedDescription)
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw WiretraceError(.usage, "gold file is not a JSON object keyed by page id", location: path)
        }
        var pages: [GoldPage] = []
        for (id, value) in object {
            guard let entry = value as? [String: Any] else {
                throw WiretraceError(.usage, "gold entry \(id) is not an object", location: path)
            }
            pages.append(GoldPage(id: id, body: entry["articleBody"] as? String ?? "", url: entry["url"] as? String))
        }
        return pages.sorted { $0.id < $1.id }
    }
}

/// The score of one page.
public struct PageScore: Sendable {
    public var id: String
    public var url: String?
    public var counts: ShingleMatch.Counts
    /// Characters of extracted text (0 when the page was rejected or missing).
    public var predictedLength: Int
    /// Why the page gave no text, when it did not (missing file, rejection).
    public var problem: String?

    /// Harmonic mean of the page's own precision and recall (0 when either is missing or 0).
    public var f1: Double {
        guard let p = counts.precision, let r = counts.recall, p + r > 0 else { return 0 }
        return 2 * p * r / (p + r)
    }
}

/// The scores of a labelled set: precision and recall averaged over pages, F1 of the averages.
public struct ExtractionScores: Sendable {
    public var pages: [PageScore]

    public init(pages: [PageScore]) { self.pages = pages }

    /// Mean page precision over pages that have one (a non-empty prediction, or both empty).
    public var precision: Double { Self.mean(pages.compactMap(\.counts.precision)) }
    /// Mean page recall over pages that have one (a non-empty gold, or both empty).
    public var recall: Double { Self.mean(pages.compactMap(\.counts.recall)) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }

    /// The `count` pages with the lowest F1, worst first (ties by id).
    public func worst(_ count: Int) -> [PageScore] {
        Array(pages.sorted { ($0.f1, $0.id) < ($1.f1, $1.id) }.prefix(count))
    }

    private static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}

/// Scores the extractor against a labelled set of pages (`wiretrace eval extraction`).
public struct ExtractionEvaluation {
    /// How the pages are read and extracted.
    public var reader: LabelledPageReader

    public init(reader: LabelledPageReader = .init()) { self.reader = reader }

    /// The file of a page in `directory`: `<id>.html.gz`, `<id>.html` or `<id>.htm`.
    static func pagePath(id: String, in directory: String) -> String? {
        for suffix in [".html.gz", ".html", ".htm", ".htm.gz"] {
            let path = (directory as NSString).appendingPathComponent(id + suffix)
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// Extracts every gold page found in `htmlDirectory` and scores it. A missing or rejected page
    /// scores as an empty prediction. `onText` receives each page's extracted text.
    public func run(
        gold: [GoldPage], htmlDirectory: String, onText: (GoldPage, String) -> Void = { _, _ in }
    ) -> ExtractionScores {
        let reader = reader
        let results = gold.parallelMap(workers: reader.workers) { page -> (text: String, problem: String?) in
            guard let path = Self.pagePath(id: page.id, in: htmlDirectory) else {
                return ("", "no file \(page.id).html(.gz) in \(htmlDirectory)")
            }
            switch reader.document(at: path) {
            case .document(var raw):
                raw.url = raw.url ?? page.url
                switch reader.extractor.extract(raw) {
                case .success(let article): return (article.text, nil)
                case .failure(let rejection): return ("", "\(rejection.reason.rawValue): \(rejection.message)")
                }
            case .problem(let problem):
                return ("", problem)
            }
        }
        var pages: [PageScore] = []
        for (page, result) in zip(gold, results) {
            onText(page, result.text)
            pages.append(PageScore(
                id: page.id, url: page.url, counts: ShingleMatch.counts(predicted: result.text, gold: page.body),
                predictedLength: result.text.count, problem: result.problem))
        }
        return ExtractionScores(pages: pages)
    }
}
