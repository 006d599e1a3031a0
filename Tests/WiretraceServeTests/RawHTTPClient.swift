import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP client on 127.0.0.1 that sends exactly the bytes it is given, for requests no
/// well-behaved client would send. Every call has a deadline (socket timeouts), and the blocking
/// calls run on threads of their own (``RawHTTPClient/blocking(_:)``), never on the concurrency pool,
/// which the server under test needs.
final class RawHTTPClient: @unchecked Sendable {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let file: Int32
    /// Bytes read past the last response (a pipelined next one).
    private var pending = Data()

    /// Connects to 127.0.0.1:`port`; reads and writes give up after `timeout` seconds.
    init(port: Int, timeout: Double = 5) throws {
        file = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard file >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(file, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(file, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(file, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let message = String(cString: strerror(errno))
            Glibc.close(file)
            throw Failure(description: "connect: \(message)")
        }
    }

    deinit { Glibc.close(file) }

    /// Runs blocking socket calls on a thread of their own: not on the concurrency pool, and not
    /// on Dispatch's global queues either, which the server's event loop needs (a client blocked
    /// there for seconds would stall the server it is waiting for).
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    /// Runs `body` on a thread of its own and does not wait for it.
    static func detached(_ body: @escaping @Sendable () -> Void) { Thread { body() }.start() }

    /// Sends `bytes`; false when the server stopped taking them (closed, reset or timed out).
    @discardableResult
    func send(_ bytes: some Collection<UInt8>) -> Bool {
        let bytes = Array(bytes)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(file, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return false }
            sent += count
        }
        return true
    }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Reads until the server closes the connection or `timeout` passes without data.
    func readToEnd() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(file, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return data }
            data.append(contentsOf: buffer[..<count])
        }
    }

    /// Whether the server closed the connection (end of file or reset) rather than the read timing out.
    func readEndsWithClose() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(file, $0.baseAddress, $0.count, 0) }
            if count > 0 { continue }
            return count == 0 || errno == ECONNRESET
        }
    }

    /// Reads one response (head, then `Content-Length` bytes of body unless `head` is set).
    func readResponse(head: Bool = false) throws -> Response {
        var data = pending
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let separator = Data("\r\n\r\n".utf8)
        while data.range(of: separator) == nil {
            let count = buffer.withUnsafeMutableBytes { recv(file, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw Failure(description: "no response head (got \(data.count) bytes)") }
            data.append(contentsOf: buffer[..<count])
        }
        let end = data.range(of: separator)!
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        let length = head || status == 100 ? 0 : Int(headers["content-length"] ?? "0") ?? 0
        while body.count < length {
            let count = buffer.withUnsafeMutableBytes { recv(file, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw Failure(description: "body cut short at \(body.count) of \(length)") }
            body.append(contentsOf: buffer[..<count])
        }
        pending = Data(body.dropFirst(length))
        return Response(status: status, headers: headers, body: Data(body.prefix(length)))
    }

    /// Sends `request` and reads the response on a thread of its own, timed on that thread (so
    /// the time is the server's, not how long the awaiting test waited for a pool thread).
    static func timedExchange(port: Int, _ request: String) async throws -> (response: Response, seconds: Double) {
        try await blocking {
            let start = Date()
            let client = try RawHTTPClient(port: port)
            client.send(request)
            let response = try client.readResponse()
            return (response, Date().timeIntervalSince(start))
        }
    }

    /// Sends `request` and reads the response, on a thread of its own.
    static func exchange(port: Int, _ request: String, head: Bool = false) async throws -> Response {
        try await blocking {
            let client = try RawHTTPClient(port: port)
            client.send(request)
            return try client.readResponse(head: head)
        }
    }
}
