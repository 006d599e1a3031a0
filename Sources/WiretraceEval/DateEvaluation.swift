import Foundation
import WiretraceCore
import WiretraceExtract
import WiretraceIngest

/// One page of a publication-date gold file: `{"file", "url", "date"}` with `date` YYYY-MM-DD or null.
public struct DatedPage: Sendable {
    public var file: String
    public var url: String?
    public var date: String?

    /// The evaluation part of a page whose file is named by a hex hash (htmldate's evaluation
    /// pages are `<sha1(url)>.html.gz`): "train" for 0-7, "dev" for 8-f, nil for other names.
    public var part: String? {
        guard let first = file.lowercased().first, first.isHexDigit else { return nil }
        return "01234567".contains(first) ? "train" : "dev"
    }

    /// Reads a gold file of JSON lines.
    public static func load(path: String) throws -> [DatedPage] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw WiretraceError(.io, "cannot read gold file", location: path, cause: error.localizedDescription)
        }
        var pages: [DatedPage] = []
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let file = object["file"] as? String
            else {
                throw WiretraceError(.usage, "gold line \(number + 1) is not an object with a \"file\"", location: path)
            }
            pages.append(DatedPage(file: file, url: object["url"] as? String, date: object["date"] as? String))
        }
        return pages
    }
}

/// The date found for one page.
public struct DatedPageResult: Sendable {
    public var page: DatedPage
    /// The publication date as `extract` exports it (ISO 8601), nil when none was found.
    public var found: String?
    /// Where it was found ("meta", "url", "dateLine", ...).
    public var source: String?
    /// Why the page could not be read, when it could not.
    public var problem: String?

    /// Right when the found day equals the gold day, or when both are absent.
    public var isRight: Bool {
        guard let gold = page.date else { return found == nil }
        return found.map { String($0.prefix(10)) } == gold
    }
}

/// Scores the extractor's publication dates against a gold file (`wiretrace eval dates`).
///
/// The date scored is the one `extract` exports (`ArticleExtractor.publication`), read with the
/// gold URL as the document's URL, as a JSONL `{url, html}` line would give it.
public struct DateEvaluation {
    /// How the pages are read and extracted.
    public var reader: LabelledPageReader

    public init(reader: LabelledPageReader = .init()) { self.reader = reader }

    public func run(gold: [DatedPage], htmlDirectory: String) -> [DatedPageResult] {
        let reader = reader
        return gold.parallelMap(workers: reader.workers) { page -> DatedPageResult in
            let path = (htmlDirectory as NSString).appendingPathComponent(page.file)
            guard FileManager.default.fileExists(atPath: path) else {
                return DatedPageResult(page: page, problem: "no file \(page.file) in \(htmlDirectory)")
            }
            switch reader.document(at: path) {
            case .document(var raw):
                raw.url = page.url ?? raw.url
                let publication = reader.extractor.publication(raw)
                return DatedPageResult(page: page, found: publication?.date.iso8601, source: publication?.source.rawValue)
            case .problem(let problem):
                return DatedPageResult(page: page, problem: problem)
            }
        }
    }
}
