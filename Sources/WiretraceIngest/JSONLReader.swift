import WiretraceCore
import Foundation

/// Reads JSONL dumps (`.jsonl`, `.ndjson`, optionally `.gz`): one document per line.
///
/// Each line is an object with `id`, optional `url`, `outlet`, `published`, `scraped`, `title`,
/// and `html` (extracted later) or `text` (used as is). When a line has both, `html` wins.
/// A bad line becomes a rejection and reading goes on with the next; blank lines are ignored.
final class JSONLReader: RecordReader {
    private let file: InputFile
    private let stream: ByteStream
    private let configuration: IngestConfiguration
    private var lineNumber = 0
    private var sawContent = false
    private var finished = false

    init(file: InputFile, stream: ByteStream, configuration: IngestConfiguration) {
        self.file = file
        self.stream = stream
        self.configuration = configuration
    }

    func next() -> IngestItem? {
        nextPending()?.resolved()
    }

    /// The next line, not yet parsed (parsing is the costly part: ``JSONLLine/parse()`` can run
    /// on another thread), or the rejection of a line that cannot be read.
    func nextPending() -> PendingItem? {
        while !finished {
            let line: ByteStream.Line?
            do {
                line = try stream.readLine(limit: configuration.maxLineBytes)
            } catch {
                finished = true
                return .item(reject(error.reason, error.message, location: SourceLocation(file: file.path, record: lineNumber + 1)))
            }
            guard let line else {
                finished = true
                return sawContent ? nil : .item(reject(.emptyFile, "file has no JSONL lines", location: file.location))
            }
            lineNumber += 1
            switch line {
            case .tooLong(let offset, let length):
                sawContent = true
                return .item(reject(
                    .lineTooLong, "line is \(length) bytes, over the \(configuration.maxLineBytes)-byte line limit",
                    location: SourceLocation(file: file.path, record: lineNumber, offset: offset)))
            case .bytes(let bytes, let offset):
                if TextSniffer.isBlank(bytes) { continue }
                sawContent = true
                return .jsonlLine(JSONLLine(
                    bytes: bytes, location: SourceLocation(file: file.path, record: lineNumber, offset: offset),
                    relativePath: file.relativePath, maxDocumentBytes: configuration.maxDocumentBytes))
            }
        }
        return nil
    }

    private func reject(_ reason: RejectReason, _ message: String, location: SourceLocation) -> IngestItem {
        .rejected(Rejection(location: location, reason: reason, message: message))
    }
}

/// One non-blank JSONL line as read, before parsing: ``parse()`` needs nothing of the reader, so
/// it may run on any thread.
package struct JSONLLine: Sendable {
    var bytes: [UInt8]
    var location: SourceLocation
    /// The file's path relative to its input root, which names documents without an id.
    var relativePath: String
    var maxDocumentBytes: Int

    /// The line's document, or the rejection of a line that is not a usable record.
    package func parse() -> IngestItem {
        var location = location
        let record: JSONLRecord
        do {
            // Flat all-string objects (the usual dump line, valid UTF-8 when they parse) skip
            // Foundation's decoder; any other line is checked for UTF-8 and goes through it, so
            // both give the same record or rejection.
            if let fields = FlatJSONObject.fields(bytes) {
                record = JSONLRecord(fields: fields)
            } else {
                if let bad = TextSniffer.firstInvalidUTF8Offset(bytes) {
                    return reject(.invalidUTF8, "line is not valid UTF-8 at byte \(bad) of the line", location: location)
                }
                record = try JSONDecoder().decode(JSONLRecord.self, from: Data(bytes))
            }
        } catch let error as DecodingError {
            return reject(.malformedJSON, Self.describe(error), location: location)
        } catch {
            return reject(.malformedJSON, "line is not JSON: \(error)", location: location)
        }
        let id: String
        switch record.id {
        case .some(.value(let value)) where !value.isEmpty:
            id = value
            location.recordID = value
        case .some(.invalid(let kind)):
            return reject(.malformedJSON, "field id must be a string or a number, not \(kind)", location: location)
        default:
            id = "\(relativePath)#\(location.record ?? 0)"
        }
        let limit = maxDocumentBytes
        if let size = (record.html ?? record.text)?.utf8.count, size > limit {
            let field = record.html != nil ? "html" : "text"
            return reject(.tooLarge, "\(field) field is \(size) bytes, over the \(limit)-byte limit", location: location)
        }
        let payload: RawPayload
        if let html = record.html {
            payload = .html(bytes: Array(html.utf8), charset: "utf-8")
        } else if let text = record.text {
            payload = .verbatimText(text)
        } else {
            return reject(.missingField, "line has neither an html nor a text string field", location: location)
        }
        return .document(RawDocument(
            id: id, location: location, format: .jsonl, url: record.url, outlet: record.outlet,
            published: record.published, fetched: record.scraped, title: record.title, payload: payload))
    }

    /// For a reader that needs only a document's id, location and text (`wiretrace dedup`):
    /// when ``parse()`` would give a document whose payload is `.verbatimText(text)` (a flat
    /// all-string object with a `text` field within the size limit and no `html` field), calls
    /// `body` with its id, its location, the UTF-8 bytes of `text` — the field read straight
    /// from the line when it has no escapes, else decoded into `scratch` — and the offset there
    /// of its first control byte other than tab, line feed, form feed and carriage return, or
    /// DEL (nil when none), and returns what `body` returns. No `String` is made of the text.
    /// Nil for every other line: ``parse()`` says what it is.
    ///
    /// The bytes are borrowed for the call only.
    ///
    /// - Complexity: O(n) in the line length.
    package func withVerbatimText<R>(
        scratch: inout FlatJSONObject.Scratch,
        _ body: (_ id: String, _ location: SourceLocation, _ text: UnsafeBufferPointer<UInt8>, _ firstControl: Int?) throws -> R
    ) rethrows -> R? {
        try bytes.withUnsafeBufferPointer { line -> R? in
            guard let fields = FlatJSONObject.textFields(line, scratch: &scratch), !fields.hasHTML,
                let text = fields.text
            else { return nil }
            var location = location
            let id: String
            if let value = fields.id, !value.isEmpty {
                id = value
                location.recordID = value
            } else {
                id = "\(relativePath)#\(location.record ?? 0)"
            }
            switch text {
            case .inPlace(let range):
                guard range.count <= maxDocumentBytes else { return nil }
                return try body(id, location, UnsafeBufferPointer(rebasing: line[range]), fields.firstControl)
            case .decoded:
                guard scratch.text.count <= maxDocumentBytes else { return nil }
                return try scratch.text.withUnsafeBufferPointer { try body(id, location, $0, fields.firstControl) }
            }
        }
    }

    private func reject(_ reason: RejectReason, _ message: String, location: SourceLocation) -> IngestItem {
        .rejected(Rejection(location: location, reason: reason, message: message))
    }

    /// A decoding error as a short message: what is wrong and where, never the line's text.
    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            if let underlying = context.underlyingError {
                let detail = (underlying as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
                    ?? String(describing: underlying)
                return "line is not JSON: \(detail)"
            }
            return "line is not JSON: \(context.debugDescription)"
        case .typeMismatch:
            return "line is JSON but not an object"
        default:
            return "line does not decode: \(error.localizedDescription)"
        }
    }
}

/// The fields of a JSONL line. Fields of the wrong type count as absent, except `id`.
private struct JSONLRecord: Decodable {
    enum ID {
        case value(String)
        case invalid(String)
    }

    var id: ID?
    var url: String?
    var outlet: String?
    var published: String?
    var scraped: String?
    var title: String?
    var html: String?
    var text: String?

    private enum CodingKeys: String, CodingKey {
        case id, url, outlet, published, scraped, title, html, text
    }

    /// The record of a flat object whose values are all strings (see ``FlatJSONObject``).
    /// The record of a flat object's fields (keys unique), as ``FlatJSONObject/fields(_:)`` gives them.
    init(fields: [(key: String, value: String)]) {
        func field(_ key: String) -> String? { fields.first { $0.key == key }?.value }
        id = field("id").map { .value($0) }
        url = field("url")
        outlet = field("outlet")
        published = field("published")
        scraped = field("scraped")
        title = field("title")
        html = field("html")
        text = field("text")
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func string(_ key: CodingKeys) -> String? {
            (try? container.decodeIfPresent(String.self, forKey: key)) ?? nil
        }
        url = string(.url)
        outlet = string(.outlet)
        published = string(.published)
        scraped = string(.scraped)
        title = string(.title)
        html = string(.html)
        text = string(.text)
        guard container.contains(.id), !((try? container.decodeNil(forKey: .id)) ?? false) else {
            id = nil
            return
        }
        if let value = string(.id) {
            id = .value(value)
        } else if let value = try? container.decode(Int64.self, forKey: .id) {
            id = .value(String(value))
        } else if let value = try? container.decode(UInt64.self, forKey: .id) {
            id = .value(String(value))
        } else if let value = try? container.decode(Double.self, forKey: .id), value.isFinite {
            if value == value.rounded(), abs(value) < 9.0e15 {
                id = .value(String(Int64(value)))
            } else {
                id = .value(String(value))
            }
        } else if (try? container.decode(Bool.self, forKey: .id)) != nil {
            id = .invalid("a boolean")
        } else {
            id = .invalid("an object or array")
        }
    }
}
