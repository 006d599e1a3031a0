import WiretraceCore
/// Reads WARC files (WARC/1.0 and 1.1, `.warc` or `.warc.gz` with one gzip member per record):
/// one document per HTTP response record.
///
/// Other record types (warcinfo, request, metadata, revisit, ...) are skipped silently. A
/// response is decoded as a browser would: chunked transfer coding removed, gzip or deflate
/// content coding undone. Responses that are not HTML pages (another Content-Type, a non-2xx
/// status) become `.nonHTMLRecord` rejections.
final class WARCReader: RecordReader {
    /// The most header lines one WARC record (or its HTTP response) may have.
    static let headerCountLimit = 1000

    private let file: InputFile
    private let stream: ByteStream
    private let configuration: IngestConfiguration
    /// Records of every type seen so far.
    private var recordCount = 0
    /// Response records seen so far: the `n` of the `<path>#<n>` ids.
    private var responseCount = 0
    private var sawContent = false
    /// After garbage: skip lines until the next `WARC/1.` version line.
    private var resynchronising = false
    private var finished = false

    init(file: InputFile, stream: ByteStream, configuration: IngestConfiguration) {
        self.file = file
        self.stream = stream
        self.configuration = configuration
    }

    private enum Step {
        case item(IngestItem)
        case skipped
        case end
    }

    func next() -> IngestItem? {
        while !finished {
            let step: Step
            do {
                step = try nextRecord()
            } catch {
                finished = true
                return .rejected(Rejection(
                    location: SourceLocation(file: file.path, offset: stream.offset),
                    reason: error.reason, message: error.message))
            }
            switch step {
            case .item(let item): return item
            case .skipped: continue
            case .end:
                finished = true
                if !sawContent {
                    return .rejected(Rejection(location: file.location, reason: .emptyFile, message: "file has no WARC records"))
                }
            }
        }
        return nil
    }

    private func reject(_ reason: RejectReason, _ message: String, _ location: SourceLocation) -> Step {
        .item(.rejected(Rejection(location: location, reason: reason, message: message)))
    }

    private static let versionPrefix = Array("WARC/".utf8)
    private static let resyncPrefix = Array("WARC/1.".utf8)

    private func nextRecord() throws(IngestFailure) -> Step {
        // The version line: blank lines between records are skipped.
        var versionLineOffset = 0
        while true {
            guard let line = try stream.readLine(limit: configuration.maxHeaderLineBytes) else { return .end }
            switch line {
            case .tooLong(let offset, let length):
                sawContent = true
                if !resynchronising {
                    return startResync(
                        at: offset, recordCount + 1, reason: .lineTooLong,
                        why: "a \(length)-byte line where WARC record \(recordCount + 1) should start, over the "
                            + "\(configuration.maxHeaderLineBytes)-byte header line limit; skipping to the next record")
                }
            case .bytes(let bytes, let offset):
                if TextSniffer.isBlank(bytes) { continue }
                sawContent = true
                if resynchronising {
                    if bytes.starts(with: Self.resyncPrefix) {
                        resynchronising = false
                        versionLineOffset = offset
                    } else {
                        continue
                    }
                } else if bytes.starts(with: Self.versionPrefix) {
                    versionLineOffset = offset
                } else {
                    return startResync(at: offset, recordCount + 1)
                }
            }
            if !resynchronising { break }
        }
        recordCount += 1
        let recordNumber = recordCount

        // Named fields up to the blank line.
        var headers: [(name: String, value: String)] = []
        while true {
            guard let line = try stream.readLine(limit: configuration.maxHeaderLineBytes) else {
                return reject(.truncatedWARC, "file ends inside the header of WARC record \(recordNumber)",
                              SourceLocation(file: file.path, offset: versionLineOffset))
            }
            let bytes: [UInt8]
            switch line {
            case .bytes(let lineBytes, _):
                bytes = lineBytes
            case .tooLong(_, let length):
                return startResync(
                    at: versionLineOffset, recordNumber, reason: .lineTooLong,
                    why: "WARC record \(recordNumber) has a \(length)-byte header line, over the "
                        + "\(configuration.maxHeaderLineBytes)-byte header line limit")
            }
            guard headers.count < Self.headerCountLimit else {
                return startResync(
                    at: versionLineOffset, recordNumber,
                    why: "WARC record \(recordNumber) has more than \(Self.headerCountLimit) header lines")
            }
            if bytes.isEmpty { break }
            if bytes.first == 0x20 || bytes.first == 0x09, !headers.isEmpty {
                headers[headers.count - 1].value += " " + String(decoding: bytes, as: UTF8.self).trimmed
                continue
            }
            guard let colon = bytes.firstIndex(of: 0x3A) else {
                return startResync(at: versionLineOffset, recordNumber, why: "WARC record \(recordNumber) has a header line without a colon")
            }
            headers.append((
                String(decoding: bytes[..<colon], as: UTF8.self).trimmed.lowercased(),
                String(decoding: bytes[(colon + 1)...], as: UTF8.self).trimmed))
        }
        func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

        guard let lengthText = header("content-length"), let length = Int(lengthText), length >= 0 else {
            return startResync(at: versionLineOffset, recordNumber, why: "WARC record \(recordNumber) has no valid Content-Length")
        }
        let type = header("warc-type")?.lowercased() ?? ""
        let recordID = header("warc-record-id")
        guard type == "response" else {
            let skipped = try stream.skip(count: length)
            if skipped < length {
                return reject(.truncatedWARC,
                              "WARC record \(recordNumber) (\(type)) declares \(length) bytes but the file ends after \(skipped)",
                              SourceLocation(file: file.path, offset: versionLineOffset, recordID: recordID))
            }
            return .skipped
        }

        responseCount += 1
        let location = SourceLocation(file: file.path, record: responseCount, offset: versionLineOffset, recordID: recordID)
        let limit = configuration.maxDocumentBytes
        if length > limit {
            let skipped = try stream.skip(count: length)
            if skipped < length {
                return reject(.truncatedWARC, "response record \(responseCount) declares \(length) bytes but the file ends after \(skipped)", location)
            }
            return reject(.tooLarge, "response record is \(length) bytes, over the \(limit)-byte limit", location)
        }
        let block = try stream.read(count: length)
        if block.count < length {
            return reject(.truncatedWARC,
                          "response record \(responseCount) declares \(length) bytes but the file ends after \(block.count)",
                          location)
        }
        var url = header("warc-target-uri")
        if let value = url, value.hasPrefix("<"), value.hasSuffix(">") { url = String(value.dropFirst().dropLast()) }
        let id = "\(file.relativePath)#\(responseCount)"
        switch HTTPResponse.decode(block, configuration: configuration) {
        case .rejected(let reason, let message):
            return reject(reason, message, location)
        case .page(let body, let charset):
            if body.isEmpty || TextSniffer.isBlank(body) {
                return reject(.emptyFile, "response record has an empty body", location)
            }
            if TextSniffer.looksBinary(body) {
                return reject(.binaryContent, "response body looks binary (NUL or control bytes in its first 4 KiB)", location)
            }
            return .item(.document(RawDocument(
                id: id, location: location, format: .warc, url: url, fetched: header("warc-date"),
                payload: .html(bytes: body, charset: charset))))
        }
    }

    /// Reports garbage where a record header should be, and skips to the next `WARC/1.` line.
    private func startResync(
        at offset: Int, _ recordNumber: Int, reason: RejectReason = .malformedWARC, why: String? = nil
    ) -> Step {
        resynchronising = true
        let message = why ?? "expected a WARC/1.x version line for record \(recordNumber); skipping to the next record"
        return reject(reason, message, SourceLocation(file: file.path, offset: offset))
    }
}

/// The HTTP response inside a WARC response record, decoded to the page bytes.
enum HTTPResponse {
    enum Decoded {
        case page(body: [UInt8], charset: String?)
        case rejected(RejectReason, String)
    }

    private static let htmlTypes: Set<String> = ["text/html", "application/xhtml+xml"]

    /// Parses the status line and headers, and undoes transfer and content codings.
    static func decode(_ block: [UInt8], configuration: IngestConfiguration) -> Decoded {
        let limit = configuration.maxDocumentBytes
        let lineLimit = configuration.maxHeaderLineBytes
        guard block.starts(with: Array("HTTP/".utf8)) else {
            return .rejected(.nonHTMLRecord, "response record does not hold an HTTP response")
        }
        // Header lines up to the first empty line (CRLF or bare LF line ends).
        var lines: [String] = []
        var lineStart = 0
        var bodyStart: Int?
        var index = 0
        while index < block.count {
            if block[index] == 0x0A {
                var end = index
                if end > lineStart, block[end - 1] == 0x0D { end -= 1 }
                if end == lineStart {
                    bodyStart = index + 1
                    break
                }
                if end - lineStart > lineLimit {
                    return .rejected(.lineTooLong, "HTTP header line is \(end - lineStart) bytes, over the \(lineLimit)-byte header line limit")
                }
                if lines.count >= WARCReader.headerCountLimit {
                    return .rejected(.malformedWARC, "HTTP response has more than \(WARCReader.headerCountLimit) header lines")
                }
                lines.append(String(decoding: block[lineStart..<end], as: UTF8.self))
                lineStart = index + 1
            }
            index += 1
        }
        if bodyStart == nil, block.count - lineStart > lineLimit {
            return .rejected(.lineTooLong, "HTTP header line is over the \(lineLimit)-byte header line limit")
        }
        guard let bodyStart, let statusLine = lines.first else {
            return .rejected(.malformedWARC, "HTTP headers of the response do not end")
        }
        let statusParts = statusLine.split(separator: " ", maxSplits: 2)
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            return .rejected(.malformedWARC, "HTTP status line does not parse")
        }
        guard (200..<300).contains(status) else {
            return .rejected(.nonHTMLRecord, "HTTP status \(status), not a page")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmed.lowercased()
            let value = line[line.index(after: colon)...].trimmed
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        var charset: String?
        if let contentType = headers["content-type"] {
            let parameters = contentType.split(separator: ";").map { $0.trimmed }
            let mediaType = parameters.first?.lowercased() ?? ""
            if !mediaType.isEmpty, !htmlTypes.contains(mediaType) {
                return .rejected(.nonHTMLRecord, "Content-Type \(mediaType) is not HTML")
            }
            for parameter in parameters.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmed }
                if pair.count == 2, pair[0].lowercased() == "charset" {
                    let value = pair[1].trimmingCharacters(in: "\"'")
                    if !value.isEmpty { charset = value }
                }
            }
        }
        var body = Array(block[bodyStart...])
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true,
           let dechunked = dechunk(body) {
            body = dechunked
        }
        if let coding = headers["content-encoding"]?.lowercased(), !coding.isEmpty, coding != "identity" {
            switch decodeContent(body, coding: coding, configuration: configuration) {
            case .success(let decoded): body = decoded
            case .failure(let rejection): return rejection
            }
        }
        if body.count > limit {
            return .rejected(.tooLarge, "decoded response body passes the \(limit)-byte limit")
        }
        return .page(body: body, charset: charset)
    }

    private enum ContentResult {
        case success([UInt8])
        case failure(Decoded)
    }

    /// Undoes `Content-Encoding`. Crawlers often store bodies already decoded while keeping
    /// the header, so a body that does not start like the declared coding passes through.
    private static func decodeContent(_ body: [UInt8], coding: String, configuration: IngestConfiguration) -> ContentResult {
        let limit = configuration.maxDocumentBytes
        let formats: [CompressionFormat]
        switch coding {
        case "gzip", "x-gzip":
            guard body.starts(with: [0x1F, 0x8B]) else { return .success(body) }
            formats = [.gzip]
        case "deflate":
            formats = [.zlib, .rawDeflate]
        default:
            return .failure(.rejected(.unsupportedFormat, "Content-Encoding \(coding) is not supported"))
        }
        var lastFailure = IngestFailure.corruptGzip("no decoder")
        for format in formats {
            switch Gzip.inflate(body, format: format, limit: limit, limits: configuration.inflationLimits) {
            case .success(let decoded): return .success(decoded)
            case .tooLarge:
                return .failure(.rejected(.tooLarge, "decoded response body passes the \(limit)-byte limit"))
            case .failed(let failure):
                if case .decompressionBomb = failure {
                    return .failure(.rejected(failure.reason, "Content-Encoding \(coding): \(failure.message)"))
                }
                if case .tooLarge = failure {
                    return .failure(.rejected(failure.reason, "Content-Encoding \(coding): \(failure.message)"))
                }
                lastFailure = failure
            }
        }
        if coding == "deflate", let first = body.first(where: { !(0x09...0x0D).contains($0) && $0 != 0x20 }), first == 0x3C {
            return .success(body)  // "<": stored already inflated
        }
        return .failure(.rejected(lastFailure.reason, "Content-Encoding \(coding): \(lastFailure.message)"))
    }

    /// Removes chunked transfer coding; nil when the body is not chunked after all.
    /// A body cut short keeps the chunks read so far.
    static func dechunk(_ body: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var index = 0
        var chunks = 0
        while index < body.count {
            guard let lineEnd = body[index...].firstIndex(of: 0x0A) else { break }
            var sizeText = String(decoding: body[index..<lineEnd], as: UTF8.self)
            if let semicolon = sizeText.firstIndex(of: ";") { sizeText = String(sizeText[..<semicolon]) }
            guard let size = Int(sizeText.trimmed, radix: 16), size >= 0 else {
                return chunks == 0 ? nil : output
            }
            chunks += 1
            if size == 0 { return output }
            let dataStart = lineEnd + 1
            let dataEnd = min(body.count, dataStart + size)
            output.append(contentsOf: body[dataStart..<dataEnd])
            index = dataEnd
            if index < body.count, body[index] == 0x0D { index += 1 }
            if index < body.count, body[index] == 0x0A { index += 1 }
        }
        return chunks == 0 ? nil : output
    }
}

extension StringProtocol {
    /// The string without ASCII spaces and tabs (and CR/LF) at either end.
    var trimmed: String {
        var scalars = unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" || first == "\n" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" || last == "\n" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
