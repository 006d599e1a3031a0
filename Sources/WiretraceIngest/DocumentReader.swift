import WiretraceCore
/// Limits the readers apply.
public struct IngestConfiguration: Sendable {
    /// The largest document, in bytes, a reader will hold: a bigger file, JSONL line or WARC
    /// record becomes a `.tooLarge` rejection and is skipped without being held in memory.
    public var maxDocumentBytes: Int

    public init(maxDocumentBytes: Int = 50 << 20) {
        self.maxDocumentBytes = maxDocumentBytes
    }
}

/// What reading yields: a document, or a document or file that was skipped and why.
public enum IngestItem: Sendable {
    case document(RawDocument)
    case rejected(Rejection)
}

/// Reads documents from files and directories: HTML pages, plain-text scrapes, JSONL and WARC
/// dumps, each optionally gzip-compressed.
///
/// Reading streams: memory holds one document (at most `maxDocumentBytes`) plus 64 KiB buffers,
/// and the set of ids already read, whatever the size of the inputs.
public struct DocumentReader: Sendable {
    public var inputs: [String]
    public var configuration: IngestConfiguration

    public init(inputs: [String], configuration: IngestConfiguration = .init()) {
        self.inputs = inputs
        self.configuration = configuration
    }

    /// Streams every document of every input in a stable order (directory entries sorted by path),
    /// calling `body` for each document or rejection.
    ///
    /// Inputs are read in the order given. A document whose id was already read in this call
    /// becomes a `.duplicateID` rejection. Bad input never throws; only `body` does.
    public func read(_ body: (IngestItem) throws -> Void) rethrows {
        var items = makeItemIterator()
        while let item = items.next() {
            try body(item)
        }
    }

    /// The items of ``read(_:)``, pulled one at a time.
    package func makeItemIterator() -> ItemIterator {
        ItemIterator(inputs: inputs, configuration: configuration)
    }
}

/// Reads one record at a time from a multi-record file.
protocol RecordReader: AnyObject {
    /// The next document or rejection of the file, or nil when the file is done.
    func next() -> IngestItem?
}

/// Pulls the items of a ``DocumentReader`` one at a time, input by input, file by file.
package struct ItemIterator: IteratorProtocol {
    private let inputs: [String]
    private let configuration: IngestConfiguration
    private var nextInput = 0
    private var entries: [InputEntry] = []
    private var nextEntry = 0
    private var records: (any RecordReader)?
    /// Where each id was first read: file and record only, never text.
    private var firstSeen: [String: (file: String, record: Int?)] = [:]

    init(inputs: [String], configuration: IngestConfiguration) {
        self.inputs = inputs
        self.configuration = configuration
    }

    package mutating func next() -> IngestItem? {
        while true {
            if let reader = records {
                if let item = reader.next() { return admit(item) }
                records = nil
            }
            if nextEntry < entries.count {
                let entry = entries[nextEntry]
                nextEntry += 1
                switch entry {
                case .rejected(let rejection):
                    return .rejected(rejection)
                case .file(let file):
                    switch open(file) {
                    case .item(let item): return admit(item)
                    case .records(let reader): records = reader
                    }
                }
                continue
            }
            guard nextInput < inputs.count else { return nil }
            entries = InputWalker.entries(for: inputs[nextInput])
            nextEntry = 0
            nextInput += 1
        }
    }

    private enum Opened {
        case item(IngestItem)
        case records(any RecordReader)
    }

    private func open(_ file: InputFile) -> Opened {
        guard let (kind, gzipped) = InputKind.of(fileName: file.relativePath) else {
            return .item(.rejected(Rejection(
                location: file.location, reason: .unsupportedFormat,
                message: "not a known input type (.html, .htm, .txt, .jsonl, .ndjson, .warc, optionally .gz)")))
        }
        let limit = configuration.maxDocumentBytes
        switch kind {
        case .html, .text:
            return .item(WholeFileReader.read(file, kind: kind, gzipped: gzipped, limit: limit))
        case .jsonl, .warc:
            let stream: ByteStream
            do {
                var source: any ChunkSource = try FileChunkSource(path: file.path)
                if gzipped { source = try InflatingChunkSource(upstream: source, format: .gzip) }
                stream = ByteStream(source)
            } catch {
                return .item(.rejected(Rejection(location: file.location, reason: error.reason, message: error.message)))
            }
            if kind == .jsonl { return .records(JSONLReader(file: file, stream: stream, limit: limit)) }
            return .records(WARCReader(file: file, stream: stream, limit: limit))
        }
    }

    /// Passes an item on, turning a document whose id was already read into a `.duplicateID` rejection.
    private mutating func admit(_ item: IngestItem) -> IngestItem {
        guard case .document(let document) = item else { return item }
        if let first = firstSeen[document.id] {
            var message = "id \(document.id) already read from \(first.file)"
            if let record = first.record { message += " record \(record)" }
            return .rejected(Rejection(location: document.location, reason: .duplicateID, message: message))
        }
        firstSeen[document.id] = (document.location.file, document.location.record)
        return item
    }
}
