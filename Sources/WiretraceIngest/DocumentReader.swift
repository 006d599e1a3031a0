import WiretraceCore
import Foundation
/// Limits the readers apply: the caps that keep hostile input (gzip bombs, endless lines,
/// giant pages) from exhausting memory or time. Each cap has its own reject reason.
public struct IngestConfiguration: Sendable, Equatable {
    /// The largest document, in bytes, a reader will hold: a bigger file, WARC record or JSONL
    /// `html`/`text` field becomes a `.tooLarge` rejection and is skipped without being held in memory.
    public var maxDocumentBytes: Int
    /// The longest JSONL line, in bytes: a longer line becomes a `.lineTooLong` rejection and is
    /// streamed past without being held.
    public var maxLineBytes: Int
    /// The longest WARC or HTTP header line, in bytes: a longer one makes its record a
    /// `.lineTooLong` rejection.
    public var maxHeaderLineBytes: Int
    /// The most bytes one compressed file (or compressed WARC response body) may inflate to:
    /// past it, reading stops with a `.tooLarge` rejection.
    public var maxDecompressedBytes: Int
    /// Limit on decompressed bytes per compressed byte: a stream that inflates more than this
    /// (once past ``ratioGraceBytes`` of output) stops with a `.decompressionBomb` rejection.
    /// News HTML compresses 4–10 times; a gzip bomb about 1000 times.
    public var maxCompressionRatio: Int
    /// Output a stream may produce before the ratio is checked, so that small, very repetitive
    /// pages are never mistaken for bombs.
    public var ratioGraceBytes: Int

    public init(
        maxDocumentBytes: Int = 50 << 20, maxLineBytes: Int = 64 << 20, maxHeaderLineBytes: Int = 64 << 10,
        maxDecompressedBytes: Int = 16 << 30, maxCompressionRatio: Int = 100, ratioGraceBytes: Int = 8 << 20
    ) {
        self.maxDocumentBytes = maxDocumentBytes
        self.maxLineBytes = maxLineBytes
        self.maxHeaderLineBytes = maxHeaderLineBytes
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioGraceBytes = ratioGraceBytes
    }

    /// The decompression caps, as the inflating sources apply them.
    var inflationLimits: InflationLimits {
        InflationLimits(
            maxOutputBytes: maxDecompressedBytes, maxRatio: maxCompressionRatio, graceBytes: ratioGraceBytes)
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

    /// Reads one file that is already in memory (a dump received over the network, a fuzzer's
    /// input) exactly as ``read(_:)`` reads a file on disk; `fileName`'s extension picks the reader
    /// and names the file in ids and rejections.
    public static func read(
        bytes: [UInt8], fileName: String, configuration: IngestConfiguration = .init(),
        _ body: (IngestItem) throws -> Void
    ) rethrows {
        let file = InputFile(path: fileName, relativePath: fileName)
        switch ItemIterator.open(file, configuration: configuration, makeSource: { MemoryChunkSource(bytes) }) {
        case .item(let item):
            try body(item)
        case .records(let records):
            var duplicates = DuplicateIDFilter()
            while let item = records.next() {
                try body(duplicates.admit(item))
            }
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
    /// ``next()``, with the record's parsing left to the caller where the reader can (JSONL).
    func nextPending() -> PendingItem?
}

extension RecordReader {
    func nextPending() -> PendingItem? { next().map(PendingItem.item) }
}

/// An item as read, possibly before its costly part (parsing a JSONL line) is done, so that the
/// reading thread can hand that part to workers.
///
/// Ids are not yet checked for duplicates: resolve items and pass them through a
/// ``DuplicateIDFilter`` in input order, as ``ItemIterator/next()`` does.
package enum PendingItem: Sendable {
    case item(IngestItem)
    case jsonlLine(JSONLLine)

    /// Bytes the item holds in memory (a JSONL line's, or a document's payload).
    package var byteCount: Int {
        switch self {
        case .item(.document(let document)): document.payloadByteCount
        case .item(.rejected): 0
        case .jsonlLine(let line): line.bytes.count
        }
    }

    /// The document or rejection. May run on any thread.
    package func resolved() -> IngestItem {
        switch self {
        case .item(let item): item
        case .jsonlLine(let line): line.parse()
        }
    }
}

/// Turns a document whose id was already read into a `.duplicateID` rejection naming where the
/// id was first read. Holds the ids and their first file and record, never text.
///
/// An open-addressing table keyed by a stable 64-bit hash of the id (ids are compared only when
/// hashes are equal): it runs on the reading thread for every document, where Swift's seeded
/// `Dictionary` hashing cost more than reading the lines.
package struct DuplicateIDFilter {
    private struct Entry {
        var hash: UInt64
        var id: String
        var file: String
        var record: Int?
    }

    private var entries: [Entry] = []
    /// Index into `entries` plus one, 0 for an empty slot; a power of two long, at most half full.
    private var slots = [Int32](repeating: 0, count: 1024)

    package init() {}

    /// The item, or the duplicate-id rejection of a document whose id was seen before.
    package mutating func admit(_ item: IngestItem) -> IngestItem {
        guard case .document(let document) = item else { return item }
        if let rejection = rejection(id: document.id, location: document.location) { return .rejected(rejection) }
        return item
    }

    /// Nil, remembering the id, when it is new; otherwise its duplicate-id rejection.
    package mutating func rejection(id: String, location: SourceLocation) -> Rejection? {
        var hasher = StableHash()
        hasher.combine(id)
        let hash = hasher.value
        var slot = Self.start(hash, slotCount: slots.count)
        while slots[slot] != 0 {
            let first = entries[Int(slots[slot]) - 1]
            if first.hash == hash && first.id == id {
                var message = "id \(id) already read from \(first.file)"
                if let record = first.record { message += " record \(record)" }
                return Rejection(location: location, reason: .duplicateID, message: message)
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        entries.append(Entry(hash: hash, id: id, file: location.file, record: location.record))
        slots[slot] = Int32(truncatingIfNeeded: entries.count)
        if entries.count * 2 > slots.count { grow() }
        return nil
    }

    private static func start(_ hash: UInt64, slotCount: Int) -> Int {
        Int(truncatingIfNeeded: (hash ^ (hash &>> 29)) &* 0x9E37_79B9_7F4A_7C15 &>> 32) & (slotCount - 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for (index, entry) in entries.enumerated() {
            var slot = Self.start(entry.hash, slotCount: slots.count)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(truncatingIfNeeded: index + 1)
        }
    }
}

/// Pulls the items of a ``DocumentReader`` one at a time, input by input, file by file.
package struct ItemIterator: IteratorProtocol {
    private let inputs: [String]
    private let configuration: IngestConfiguration
    private var nextInput = 0
    private var entries: [InputEntry] = []
    private var nextEntry = 0
    private var records: (any RecordReader)?
    private var duplicates = DuplicateIDFilter()

    init(inputs: [String], configuration: IngestConfiguration) {
        self.inputs = inputs
        self.configuration = configuration
    }

    package mutating func next() -> IngestItem? {
        nextPending().map { duplicates.admit($0.resolved()) }
    }

    /// The next item with its parsing possibly not done yet and its id not yet checked for
    /// duplicates (see ``PendingItem``): for a caller that parses on worker threads.
    package mutating func nextPending() -> PendingItem? {
        while true {
            if let reader = records {
                if let item = reader.nextPending() { return item }
                records = nil
            }
            if nextEntry < entries.count {
                let entry = entries[nextEntry]
                nextEntry += 1
                switch entry {
                case .rejected(let rejection):
                    return .item(.rejected(rejection))
                case .file(let file):
                    switch open(file) {
                    case .item(let item): return .item(item)
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

    private func open(_ file: InputFile) -> Opened {
        // A plain page over the limit is rejected by its size, without reading it.
        if let (kind, gzipped) = InputKind.of(fileName: file.relativePath), kind == .html || kind == .text, !gzipped,
           let size = Self.fileSize(file.path), size > configuration.maxDocumentBytes {
            return .item(.rejected(Rejection(
                location: file.location, reason: .tooLarge,
                message: "file is \(size) bytes, over the \(configuration.maxDocumentBytes)-byte limit")))
        }
        return Self.open(file, configuration: configuration) { () throws(IngestFailure) in
            try FileChunkSource(path: file.path, allowStreams: file.isStandardInput)
        }
    }

    private static func fileSize(_ path: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }

    /// A whole-file item, or the record reader of a multi-record file.
    enum Opened {
        case item(IngestItem)
        case records(any RecordReader)
    }

    /// Opens a file of any kind over the bytes `makeSource` serves (from disk or from memory).
    static func open(
        _ file: InputFile, configuration: IngestConfiguration,
        makeSource: () throws(IngestFailure) -> any ChunkSource
    ) -> Opened {
        guard let (kind, gzipped) = InputKind.of(fileName: file.relativePath) else {
            return .item(.rejected(Rejection(
                location: file.location, reason: .unsupportedFormat,
                message: "not a known input type (.html, .htm, .txt, .jsonl, .ndjson, .warc, optionally .gz)")))
        }
        let stream: ByteStream
        do {
            var source = try makeSource()
            if gzipped {
                source = try InflatingChunkSource(upstream: source, format: .gzip, limits: configuration.inflationLimits)
            }
            stream = ByteStream(source)
        } catch {
            return .item(.rejected(Rejection(location: file.location, reason: error.reason, message: error.message)))
        }
        switch kind {
        case .html, .text:
            return .item(WholeFileReader.read(file, kind: kind, stream: stream, gzipped: gzipped, configuration: configuration))
        case .jsonl:
            return .records(JSONLReader(file: file, stream: stream, configuration: configuration))
        case .warc:
            return .records(WARCReader(file: file, stream: stream, configuration: configuration))
        }
    }
}
