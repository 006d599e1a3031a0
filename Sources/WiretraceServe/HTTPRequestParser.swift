import Foundation

/// The limits the review server puts on a client: sizes it will read and how long it waits.
package struct HTTPLimits: Sendable {
    /// Longest request line (method, target, version) in bytes, without its line end: 414 beyond.
    package var requestLine = 8 * 1024
    /// Longest header section (every header line with its line end): 431 beyond.
    package var headerBytes = 32 * 1024
    /// Most header lines in one request: 431 beyond.
    package var headerCount = 100
    /// Largest request body (`Content-Length`): 413 beyond, answered before any of it is read.
    package var body = 1024 * 1024
    /// Most connections open at once; a new one beyond closes the oldest idle one.
    package var connections = 256
    /// Seconds a client has to send a whole request (head and body), counted from the moment the
    /// server starts waiting for it; the connection is closed after that (slow or abandoned clients).
    package var requestSeconds = 10.0
    /// Seconds a client has to take a response.
    package var responseSeconds = 10.0
    /// Requests answered on one connection before it is closed.
    package var requestsPerConnection = 100

    package init() {}
}

/// The head of an HTTP/1.x request, as the parser accepted it.
package struct HTTPRequestHead: Sendable, Equatable {
    /// The method token as sent (case-sensitive: "GET").
    package var method: String
    /// The path part of the origin-form target, still percent-encoded ("/story").
    package var path: String
    /// The query after `?`, still percent-encoded; empty when there is none.
    package var query: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    package var minorVersion: Int
    /// Header fields in order, names lowercased, values with surrounding blanks removed.
    package var headers: [(name: String, value: String)]
    /// The body length (0 when no `Content-Length` was sent).
    package var contentLength: Int
    /// Whether the client expects `100 Continue` before it sends the body.
    package var expectsContinue: Bool
    /// Whether the connection may carry another request after this one.
    package var keepAlive: Bool

    /// The value of the only field called `name` (lowercase), or nil when there is none.
    package func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.method == rhs.method && lhs.path == rhs.path && lhs.query == rhs.query && lhs.minorVersion == rhs.minorVersion
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
            && lhs.contentLength == rhs.contentLength && lhs.expectsContinue == rhs.expectsContinue && lhs.keepAlive == rhs.keepAlive
    }
}

/// Why a request was refused before it reached the site: the status to answer and a sentence.
package struct HTTPRequestError: Error, Sendable, Equatable {
    package var status: Int
    package var message: String

    package init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }
}

/// A linear, bounded HTTP/1.1 request parser over the bytes of one connection.
///
/// Feed it what the socket gives with ``append(_:)``; ask for the next request head with
/// ``nextHead()`` and then for its body with ``takeBody(_:)``. Every byte is looked at a bounded
/// number of times: a line end is searched for only in bytes not searched before, so a request
/// that arrives one byte at a time costs as much as one that arrives at once. Nothing beyond the
/// limits is kept: the request line and header section fail as soon as they pass their limit, and a
/// body longer than the limit fails on its `Content-Length`, before any of it is read.
///
/// What it refuses (status): a request line over the limit (414); a header section over the limit
/// or with too many fields (431); a body over the limit (413); a version other than HTTP/1.0 or
/// HTTP/1.1 (505); `Transfer-Encoding` (501: bodies must have a length); an `Expect` other than
/// `100-continue` (417); and with 400: a malformed request line or header line, a target that is
/// not an absolute path of visible ASCII, folded header lines, control characters or a bare CR in
/// a field, several or malformed `Content-Length` fields, several `Host` fields.
package struct HTTPRequestParser {
    package let limits: HTTPLimits
    /// Received bytes not yet consumed; `buffer[start...]` is the current request.
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next line end resumes (bytes before it hold no LF of the current line).
    private var scanned = 0
    /// Where the current line starts.
    private var lineStart = 0
    private var state = State.requestLine
    private var pending: Pending?
    /// Empty lines skipped before the current request line.
    private var emptyLines = 0

    private enum State {
        case requestLine
        case headers(headerStart: Int)
        case body(HTTPRequestHead)
        case failed(HTTPRequestError)
    }

    private struct Pending {
        var method: String
        var path: String
        var query: String
        var minorVersion: Int
        var headers: [(name: String, value: String)] = []
    }

    package init(limits: HTTPLimits = HTTPLimits()) { self.limits = limits }

    /// Bytes held and not yet consumed by a request (a pipelined next request, or part of one).
    package var bufferedCount: Int { buffer.count - start }

    /// Whether no byte of a next request has arrived.
    package var isIdle: Bool {
        if case .requestLine = state { return buffer.count == start }
        return false
    }

    package mutating func append(_ bytes: some Collection<UInt8>) {
        // A refused request keeps nothing of what still comes.
        if case .failed = state { return }
        // Drop consumed bytes now and then; what is kept is bounded by the limits.
        if start > 0, start >= buffer.count / 2 {
            buffer.removeSubrange(0..<start)
            scanned -= start
            lineStart -= start
            if case .headers(let headerStart) = state { state = .headers(headerStart: headerStart - start) }
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next request head: nil when more bytes are needed.
    /// - Throws: ``HTTPRequestError`` when the request is refused; the parser stays failed after.
    /// - Complexity: O(n) over the bytes appended since the last call.
    package mutating func nextHead() throws(HTTPRequestError) -> HTTPRequestHead? {
        while true {
            switch state {
            case .failed(let error):
                throw error
            case .body(let head):
                return head
            case .requestLine:
                guard let end = nextLineEnd() else {
                    // An unfinished line: refuse it once it is longer than a request line may be
                    // (one byte more for a CR that may come before the LF).
                    if buffer.count - lineStart > limits.requestLine + 1 {
                        try fail(414, "The request line is longer than \(limits.requestLine) bytes.")
                    }
                    return nil
                }
                let line = lineContent(lineStart, end)
                lineStart = end + 1
                if line.isEmpty {
                    // RFC 9112 §2.2: empty lines before a request line are ignored (a few of them).
                    start = lineStart
                    emptyLines += 1
                    guard emptyLines <= 4 else { try fail(400, "Empty lines instead of a request.") }
                    continue
                }
                emptyLines = 0
                guard line.count <= limits.requestLine else {
                    try fail(414, "The request line is longer than \(limits.requestLine) bytes.")
                }
                pending = try parseRequestLine(line)
                state = .headers(headerStart: lineStart)
            case .headers(let headerStart):
                guard let end = nextLineEnd() else {
                    if buffer.count - headerStart > limits.headerBytes {
                        try fail(431, "The header fields are longer than \(limits.headerBytes) bytes.")
                    }
                    return nil
                }
                guard end + 1 - headerStart <= limits.headerBytes else {
                    try fail(431, "The header fields are longer than \(limits.headerBytes) bytes.")
                }
                let line = lineContent(lineStart, end)
                lineStart = end + 1
                if line.isEmpty {
                    let head = try finishHead()
                    state = .body(head)
                    return head
                }
                guard pending!.headers.count < limits.headerCount else {
                    try fail(431, "More than \(limits.headerCount) header fields.")
                }
                pending!.headers.append(try parseHeaderLine(line))
            }
        }
    }

    /// The body of the request whose head ``nextHead()`` returned, once all of it has arrived
    /// (nil before); consumes the request, so that the next call to ``nextHead()`` reads the next one.
    package mutating func takeBody() -> [UInt8]? {
        guard case .body(let head) = state else { return nil }
        guard buffer.count - lineStart >= head.contentLength else { return nil }
        let body = Array(buffer[lineStart..<(lineStart + head.contentLength)])
        start = lineStart + head.contentLength
        lineStart = start
        scanned = start
        state = .requestLine
        pending = nil
        return body
    }

    // MARK: Lines

    /// The index of the next LF at or after `scanned`, or nil (then everything has been scanned).
    private mutating func nextLineEnd() -> Int? {
        if let end = buffer[scanned...].firstIndex(of: Self.lf) {
            scanned = end + 1
            return end
        }
        scanned = buffer.count
        return nil
    }

    /// The line from `from` to the LF at `end`, without a CR just before the LF.
    private func lineContent(_ from: Int, _ end: Int) -> ArraySlice<UInt8> {
        end > from && buffer[end - 1] == Self.cr ? buffer[from..<(end - 1)] : buffer[from..<end]
    }

    private mutating func fail(_ status: Int, _ message: String) throws(HTTPRequestError) -> Never {
        let error = HTTPRequestError(status, message)
        state = .failed(error)
        // Nothing of a refused request is needed any more.
        buffer = []
        start = 0
        scanned = 0
        lineStart = 0
        throw error
    }

    // MARK: Request line and fields

    private mutating func parseRequestLine(_ line: ArraySlice<UInt8>) throws(HTTPRequestError) -> Pending {
        let parts = line.split(separator: Self.space, maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(Self.isTokenByte) else {
            try fail(400, "A request line is a method, a target and a version, separated by single spaces.")
        }
        let version = parts[2]
        guard version.count == 8, version.starts(with: Array("HTTP/".utf8)), let major = Self.digit(version[version.startIndex + 5]),
            version[version.startIndex + 6] == UInt8(ascii: "."), let minor = Self.digit(version[version.startIndex + 7])
        else { try fail(400, "Not an HTTP version.") }
        guard major == 1, minor <= 1 else { try fail(505, "Only HTTP/1.0 and HTTP/1.1 are served.") }
        let target = parts[1]
        guard target.first == Self.slash else { try fail(400, "The target must be a path that starts with /.") }
        guard target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            try fail(400, "The target must be percent-encoded ASCII.")
        }
        let question = target.firstIndex(of: UInt8(ascii: "?"))
        let pathBytes = target[..<(question ?? target.endIndex)]
        var queryBytes = question.map { target[($0 + 1)...] } ?? []
        if let hash = queryBytes.firstIndex(of: UInt8(ascii: "#")) { queryBytes = queryBytes[..<hash] }
        if pathBytes.contains(UInt8(ascii: "#")) { try fail(400, "A fragment is not sent to a server.") }
        return Pending(
            method: String(decoding: parts[0], as: UTF8.self), path: String(decoding: pathBytes, as: UTF8.self),
            query: String(decoding: queryBytes, as: UTF8.self), minorVersion: minor)
    }

    private mutating func parseHeaderLine(_ line: ArraySlice<UInt8>) throws(HTTPRequestError) -> (name: String, value: String) {
        guard let first = line.first, first != Self.space, first != Self.tab else {
            try fail(400, "Folded header lines are not accepted.")
        }
        guard let colon = line.firstIndex(of: Self.colon), colon > line.startIndex,
            line[..<colon].allSatisfy(Self.isTokenByte)
        else { try fail(400, "A header line is a name, a colon and a value.") }
        var value = line[(colon + 1)...]
        while let byte = value.first, byte == Self.space || byte == Self.tab { value = value.dropFirst() }
        while let byte = value.last, byte == Self.space || byte == Self.tab { value = value.dropLast() }
        // Visible characters, blanks and obs-text only: no CR, LF, NUL or other controls.
        guard value.allSatisfy({ $0 == Self.tab || ($0 >= 0x20 && $0 != 0x7F) }) else {
            try fail(400, "A header value holds a control character.")
        }
        let name = String(decoding: line[..<colon].map { $0 | (($0 >= 0x41 && $0 <= 0x5A) ? 0x20 : 0) }, as: UTF8.self)
        return (name, String(decoding: value, as: UTF8.self))
    }

    private mutating func finishHead() throws(HTTPRequestError) -> HTTPRequestHead {
        let request = pending!
        let headers = request.headers
        func all(_ name: String) -> [String] { headers.filter { $0.name == name }.map(\.value) }
        if !all("transfer-encoding").isEmpty {
            try fail(501, "Transfer-Encoding is not accepted; send a Content-Length.")
        }
        let lengths = all("content-length")
        guard lengths.count <= 1 else { try fail(400, "More than one Content-Length.") }
        var contentLength = 0
        if let text = lengths.first {
            guard !text.isEmpty, text.utf8.allSatisfy({ Self.digit($0) != nil }) else {
                try fail(400, "Content-Length must be a decimal number.")
            }
            // Digit by digit, stopping past the limit: no overflow, whatever the number of digits.
            for byte in text.utf8 {
                contentLength = contentLength * 10 + Int(byte - UInt8(ascii: "0"))
                if contentLength > limits.body { try fail(413, "The body is longer than \(limits.body) bytes.") }
            }
        }
        guard all("host").count <= 1 else { try fail(400, "More than one Host.") }
        var expectsContinue = false
        if let expect = headers.first(where: { $0.name == "expect" })?.value {
            guard expect.lowercased() == "100-continue" else { try fail(417, "Only Expect: 100-continue is understood.") }
            expectsContinue = request.minorVersion >= 1
        }
        let connection = all("connection").flatMap { $0.lowercased().split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let keepAlive = request.minorVersion >= 1 ? !connection.contains("close") : connection.contains("keep-alive")
        return HTTPRequestHead(
            method: request.method, path: request.path, query: request.query, minorVersion: request.minorVersion,
            headers: headers, contentLength: contentLength, expectsContinue: expectsContinue, keepAlive: keepAlive)
    }

    // MARK: Bytes

    private static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    private static let colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/")

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// RFC 9110 `tchar`: the characters of a method or a field name.
    static func isTokenByte(_ byte: UInt8) -> Bool { tokenBytes[Int(byte)] }

    private static let tokenBytes: [Bool] = (0...255).map { value in
        let byte = UInt8(value)
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
