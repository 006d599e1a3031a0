/// When to cut a batch: at a number of documents, or before the documents held would pass a
/// number of bytes, whichever comes first. Counting documents alone let six 45 MB pages make one
/// batch (held, extracted and signed side by side: 2.5 GB); with a byte bound a batch holds at
/// most that many bytes of input, or one document when a single one is larger (itself capped by
/// `ingest.max_document_bytes`).
///
/// Use: `if budget.needsCut(before: n) { flush() }`, append, `if budget.add(byteCount: n) { flush() }`,
/// and `reset()` in the flush.
struct BatchBudget {
    let maximumDocuments: Int
    let maximumBytes: Int
    private(set) var documents = 0
    private(set) var bytes = 0

    init(documents: Int, bytes: Int) {
        maximumDocuments = max(1, documents)
        maximumBytes = max(1, bytes)
    }

    init(_ configuration: PipelineConfiguration) {
        self.init(documents: configuration.batchSize, bytes: configuration.batchBytes)
    }

    /// Whether a document of `byteCount` bytes must go to a new batch: this one holds documents
    /// and would pass the byte bound with it.
    func needsCut(before byteCount: Int) -> Bool {
        documents > 0 && byteCount > maximumBytes - bytes
    }

    /// Counts one more document of `byteCount` bytes; true when the batch is now full.
    mutating func add(byteCount: Int) -> Bool {
        documents += 1
        bytes = bytes.addingReportingOverflow(max(0, byteCount)).overflow ? .max : bytes + max(0, byteCount)
        return documents >= maximumDocuments || bytes >= maximumBytes
    }

    /// Starts the next batch.
    mutating func reset() {
        documents = 0
        bytes = 0
    }
}
