import Foundation
import WiretraceCore
import WiretraceExtract
import WiretraceIngest

/// Reads the pages of a labelled set as a run would read them: through the ingest readers, with
/// the extractor a run with these extraction settings builds, on several threads.
public struct LabelledPageReader: Sendable {
    public var extractor: ArticleExtractor
    public var ingest: IngestConfiguration
    /// Worker threads.
    public var workers: Int

    /// `workers` 0: one per core.
    public init(extraction: ExtractionConfiguration = .init(), ingest: IngestConfiguration = .init(), workers: Int = 0) {
        extractor = ArticleExtractor(configuration: extraction)
        self.ingest = ingest
        self.workers = workers > 0 ? workers : ProcessInfo.processInfo.activeProcessorCount
    }

    /// The first document of the file at `path`, or why there is none.
    func document(at path: String) -> PageRead {
        var item: IngestItem?
        DocumentReader(inputs: [path], configuration: ingest).read { item = item ?? $0 }
        switch item {
        case .document(let raw): return .document(raw)
        case .rejected(let rejection): return .problem("\(rejection.reason.rawValue): \(rejection.message)")
        case nil: return .problem("nothing read from \(path)")
        }
    }

    enum PageRead {
        case document(RawDocument)
        case problem(String)
    }
}
