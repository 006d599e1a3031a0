import WiretraceCore
import WiretraceDedup
import WiretraceExtract
import WiretraceIngest

/// `wiretrace extract`: ingest and extract only, articles handed out in input order.
public struct ExtractionRun {
    var configuration: PipelineConfiguration

    public init(configuration: PipelineConfiguration) { self.configuration = configuration }

    /// Returns the number of articles extracted.
    @discardableResult
    public func run(inputs: [String], onArticle: (Article) throws -> Void, onRejection: (Rejection) -> Void) throws -> Int {
        let processor = DocumentProcessor(configuration: configuration)
        let reader = DocumentReader(inputs: inputs, configuration: configuration.ingest)
        var batch: [RawDocument] = []
        var budget = BatchBudget(configuration)
        let boilerplate = OutletBoilerplate(configuration: configuration.boilerplate)
        var extracted = 0
        func flush() throws {
            let results = processor.extract(batch, boilerplate: boilerplate)
            batch.removeAll()
            budget.reset()
            for result in results {
                switch result {
                case .success(let article):
                    extracted += 1
                    try onArticle(article)
                case .failure(let rejection):
                    onRejection(rejection)
                }
            }
        }
        try reader.read { item in
            switch item {
            case .rejected(let rejection): onRejection(rejection)
            case .document(let raw):
                if budget.needsCut(before: raw.payloadByteCount) { try flush() }
                batch.append(raw)
                if budget.add(byteCount: raw.payloadByteCount) { try flush() }
            }
        }
        try flush()
        return extracted
    }
}
