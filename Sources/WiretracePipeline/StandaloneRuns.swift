import WiretraceCore
import WiretraceDedup
import WiretraceExtract
import WiretraceIngest

/// `wiretrace extract`: ingest and extract only, articles handed out in input order.
public struct ExtractionRun {
    public var configuration: PipelineConfiguration

    public init(configuration: PipelineConfiguration) { self.configuration = configuration }

    /// Returns the number of articles extracted.
    @discardableResult
    public func run(inputs: [String], onArticle: (Article) throws -> Void, onRejection: (Rejection) -> Void) throws -> Int {
        let processor = DocumentProcessor(configuration: configuration)
        let reader = DocumentReader(inputs: inputs, configuration: configuration.ingest)
        var batch: [RawDocument] = []
        let boilerplate = OutletBoilerplate(configuration: configuration.boilerplate)
        var extracted = 0
        func flush() throws {
            let results = processor.extract(batch, boilerplate: boilerplate)
            batch.removeAll(keepingCapacity: true)
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
                batch.append(raw)
                if batch.count >= configuration.batchSize { try flush() }
            }
        }
        try flush()
        return extracted
    }
}

/// `wiretrace dedup`: the dedup path alone, no store and no story level.
public struct DedupRun {
    public var configuration: PipelineConfiguration
    public var progress: ProgressMeter

    public init(configuration: PipelineConfiguration, progress: ProgressMeter = ProgressMeter(enabled: false)) {
        self.configuration = configuration
        self.progress = progress
    }

    public struct Result: Sendable {
        /// Groups of document ids (size ≥ 2), members sorted, groups by first member.
        public var groups: [[String]]
        public var pairs: Int
        public var documents: Int
        public var rejects: RejectCounts
    }

    public func run(inputs: [String], onRejection: (Rejection) -> Void) throws -> Result {
        let processor = DocumentProcessor(configuration: configuration)
        let hasher = processor.hasher
        let size = configuration.dedup.shingleSize
        let reader = DocumentReader(inputs: inputs, configuration: configuration.ingest)
        var ids: [String] = []
        var shingles: [[UInt64]] = []
        var signatures: [MinHashSignature] = []
        var rejects = RejectCounts()
        var batch: [RawDocument] = []
        let boilerplate = OutletBoilerplate(configuration: configuration.boilerplate)
        progress.begin("sign")
        func reject(_ rejection: Rejection) {
            rejects.add(rejection.reason)
            onRejection(rejection)
        }
        func flush() {
            let articles = processor.extract(batch, boilerplate: boilerplate)
            let results = processor.parallelMap(articles) { extracted -> Swift.Result<(String, [UInt64], MinHashSignature), Rejection> in
                extracted.map { article in
                    let set = Shingler.shingles(article.text, size: size)
                    return (article.id, set, hasher.signature(of: set))
                }
            }
            batch.removeAll(keepingCapacity: true)
            for result in results {
                switch result {
                case .success(let (id, set, signature)):
                    ids.append(id)
                    shingles.append(set)
                    signatures.append(signature)
                case .failure(let rejection):
                    reject(rejection)
                }
            }
            progress.update(done: ids.count)
        }
        reader.read { item in
            switch item {
            case .rejected(let rejection): reject(rejection)
            case .document(let raw):
                batch.append(raw)
                if batch.count >= configuration.batchSize { flush() }
            }
        }
        flush()
        progress.end()
        let finder = DuplicateFinder(configuration: configuration.dedup)
        let pairs = finder.verifiedPairs(signatures: signatures) { shingles[$0] }
        let groups = finder.groups(documentCount: ids.count, pairs: pairs).map { $0.map { ids[$0] }.sorted() }
            .sorted { $0[0] < $1[0] }
        return Result(groups: groups, pairs: pairs.count, documents: ids.count, rejects: rejects)
    }
}
