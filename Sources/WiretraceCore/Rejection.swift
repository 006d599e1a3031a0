/// Why a document (or a whole file) was not taken. The raw values are stable: they are stored
/// in the database and printed in run summaries.
public enum RejectReason: String, Sendable, Codable, CaseIterable, Comparable {
    case emptyFile = "empty-file"
    case unreadable = "unreadable"
    /// A FIFO, socket or device where a file was expected: never opened, since opening a FIFO
    /// blocks until a writer comes and a device may never end.
    case notARegularFile = "not-a-regular-file"
    case unsupportedFormat = "unsupported-format"
    case malformedJSON = "malformed-json"
    case missingField = "missing-field"
    case invalidUTF8 = "invalid-utf8"
    case truncatedGzip = "truncated-gzip"
    case corruptGzip = "corrupt-gzip"
    case truncatedWARC = "truncated-warc"
    case malformedWARC = "malformed-warc"
    case nonHTMLRecord = "non-html-record"
    case binaryContent = "binary-content"
    case tooLarge = "too-large"
    /// A compressed stream that inflates far more than real pages do (a gzip bomb).
    case decompressionBomb = "decompression-bomb"
    /// A JSONL line or a WARC/HTTP header line longer than the line cap.
    case lineTooLong = "line-too-long"
    /// A page whose elements nest deeper than the DOM depth cap.
    case tooDeep = "too-deep"
    case duplicateID = "duplicate-id"
    case noText = "no-text"

    public static func < (lhs: RejectReason, rhs: RejectReason) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// A document or file that was skipped, with where and why. Never holds article text.
/// An `Error` so that stages can return `Result<_, Rejection>`.
public struct Rejection: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    public var reason: RejectReason
    /// A short human message ("line is not JSON: unexpected character at column 12").
    public var message: String

    public init(location: SourceLocation, reason: RejectReason, message: String) {
        self.location = location
        self.reason = reason
        self.message = message
    }

    public var description: String { "\(location): \(reason.rawValue): \(message)" }
}

/// Counts of rejects by reason, as a run summary prints them.
public struct RejectCounts: Sendable, Hashable, Codable {
    public private(set) var counts: [RejectReason: Int] = [:]

    public init() {}

    public mutating func add(_ reason: RejectReason, count: Int = 1) {
        counts[reason, default: 0] += count
    }

    public var total: Int { counts.values.reduce(0, +) }

    /// Sorted "reason: n" pairs, most frequent first.
    public var sorted: [(reason: RejectReason, count: Int)] {
        counts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }
}
