import FlyingSocks
import Foundation
import WiretraceCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The review site over HTTP/1.1 on an IPv4 address (127.0.0.1 unless told otherwise), made to
/// survive a hostile client: requests are bounded and parsed in linear time
/// (``HTTPRequestParser``), connections have deadlines and a cap (``HTTPConnections``), and the
/// site answers only requests addressed to this server by name (`Host`: no DNS rebinding) and
/// decisions posted by its own pages (`Origin`, `Sec-Fetch-Site`, and the site's form token).
public final class ReviewServer: Sendable {
    private let site: ReviewSite
    private let address: sockaddr_in
    private let host: String
    let limits: HTTPLimits
    private let state = Mutexed(State())

    private struct State {
        var listening: (socket: Socket, port: UInt16)?
        var failure: (any Error)?
        var waiters: [CheckedContinuation<Void, any Error>] = []
        var task: Task<Void, any Error>?
        var stopped = false
    }

    /// - Parameters:
    ///   - host: an IPv4 address to bind (dotted decimal).
    ///   - port: the port; 0 picks a free one (see ``port()``).
    public convenience init(site: ReviewSite, host: String = "127.0.0.1", port: UInt16) throws {
        try self.init(site: site, host: host, port: port, limits: HTTPLimits())
    }

    package init(site: ReviewSite, host: String = "127.0.0.1", port: UInt16, limits: HTTPLimits) throws {
        guard Self.isIPv4Address(host) else {
            throw WiretraceError(.usage, "not an IPv4 address to listen on", location: host)
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        _ = inet_pton(AF_INET, host, &address.sin_addr)
        self.address = address
        self.host = host
        self.site = site
        self.limits = limits
    }

    /// Whether `text` is an IPv4 address in dotted decimal ("127.0.0.1"), the only form `--host` takes.
    public static func isIPv4Address(_ text: String) -> Bool {
        var address = in_addr()
        return text.utf8.count <= 15 && inet_pton(AF_INET, text, &address) == 1
    }

    /// Serves until the task is cancelled or ``stop()`` is called.
    public func run() async throws {
        let socket: Socket
        do {
            socket = try Socket(domain: Int32(AF_INET), type: .stream)
            do {
                try socket.setValue(true, for: .localAddressReuse)
                try socket.bind(to: address)
                try socket.listen(maxPendingConnection: 1024)
                try socket.setFlags(.nonBlocking)
            } catch {
                try? socket.close()
                throw error
            }
        } catch {
            let failure = WiretraceError(.usage, "cannot listen", location: "\(host):\(UInt16(bigEndian: address.sin_port))", cause: "\(error)")
            finishWaiting(failure)
            throw failure
        }
        guard case .ip4(_, let port) = try socket.sockname() else { throw SocketError.unsupportedAddress }
        let connections = HTTPConnections(limits: limits) { [self] head, body in await self.respond(to: head, body: body, port: port) }
        let pool: some AsyncSocketPool = .make(maxEvents: 64)
        // On the server's own thread (see ``ServerExecutor``), inherited by every task below.
        let task = Task(executorPreference: ServerExecutor.shared) {
            try await pool.prepare()
            try await connections.run(listener: socket, pool: pool)
        }
        let stopped = state.withLock { state in
            state.listening = (socket, port)
            state.task = task
            let waiters = state.waiters
            state.waiters = []
            for waiter in waiters { waiter.resume() }
            return state.stopped
        }
        if stopped { task.cancel() }
        defer {
            state.withLock { $0.listening = nil }
            try? socket.close()
        }
        try await withTaskCancellationHandler {
            do {
                try await task.value
            } catch {
                // Stopping ends the pool and the loops with whatever error each sees first.
                guard task.isCancelled else { throw error }
            }
        } onCancel: {
            task.cancel()
        }
    }

    public func waitUntilListening() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            state.withLock { state in
                if state.listening != nil {
                    continuation.resume()
                } else if let failure = state.failure {
                    continuation.resume(throwing: failure)
                } else {
                    state.waiters.append(continuation)
                }
            }
        }
    }

    /// The port being listened on, once listening.
    public func port() async -> Int? { state.withLock { $0.listening.map { Int($0.port) } } }

    /// Stops accepting, closes every connection and ends ``run()``.
    public func stop() async {
        let task = state.withLock { state in
            state.stopped = true
            return state.task
        }
        task?.cancel()
        _ = await task?.result
    }

    private func finishWaiting(_ failure: any Error) {
        state.withLock { state in
            state.failure = failure
            for waiter in state.waiters { waiter.resume(throwing: failure) }
            state.waiters = []
        }
    }

    // MARK: Requests

    /// Fields on every answer: no framing by other sites, no scripts, no sniffing, no caching.
    static let securityHeaders: [(name: String, value: String)] = [
        ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        ("X-Frame-Options", "DENY"),
        ("X-Content-Type-Options", "nosniff"),
        // Not no-referrer: with it a browser sends `Origin: null` on the pages' own form posts.
        ("Referrer-Policy", "same-origin"),
        ("Cache-Control", "no-store"),
    ]

    /// Checks what the site cannot see (the address the request was sent to, where a POST comes
    /// from, the method) and hands the rest to the site.
    func respond(to head: HTTPRequestHead, body: [UInt8], port: UInt16) async -> HTTPResponse {
        let answer: ReviewSite.Response
        var extra: [(name: String, value: String)] = []
        if let refusal = refusal(of: head, port: port) {
            answer = refusal
            if refusal.status == 405 { extra.append(("Allow", "GET, HEAD, POST")) }
        } else {
            answer = await site.respond(
                method: head.method == "HEAD" ? "GET" : head.method, path: head.path, query: head.query, body: Data(body))
        }
        var headers = [(name: "Content-Type", value: answer.contentType)] + Self.securityHeaders + extra
        if let location = answer.location { headers.append(("Location", location)) }
        return HTTPResponse(status: answer.status, headers: headers, body: answer.body)
    }

    /// Why the request must not reach the site, or nil.
    func refusal(of head: HTTPRequestHead, port: UInt16) -> ReviewSite.Response? {
        guard let hostField = head.header("host"), !hostField.isEmpty else {
            return .error(400, "A request names the server it is for in a Host header.")
        }
        guard Self.isAllowedHost(hostField, bound: host, port: port) else {
            return .error(421, "This server answers for 127.0.0.1:\(port) and localhost:\(port), not for \(hostField).")
        }
        switch head.method {
        case "GET", "HEAD": return nil
        case "POST": break
        default: return .error(405, "Only GET, HEAD and POST are answered.")
        }
        if let origin = head.header("origin"), origin.lowercased() != "http://" + hostField.lowercased() {
            return .error(403, "A decision must be sent from this server's own pages (not from \(origin)).")
        }
        if let fetchSite = head.header("sec-fetch-site")?.lowercased(), fetchSite == "cross-site" || fetchSite == "same-site" {
            return .error(403, "A decision must be sent from this server's own pages.")
        }
        let mediaType = head.header("content-type")?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/x-www-form-urlencoded" else {
            return .error(415, "Decisions are sent as application/x-www-form-urlencoded forms.")
        }
        return nil
    }

    /// Whether a `Host` field names this server: the bound address, localhost, 127.0.0.1 or [::1],
    /// each with the port (which may be left out for port 80); when bound to 0.0.0.0, any IPv4
    /// address with the port. A name (as in DNS rebinding, where evil.example resolves to
    /// 127.0.0.1) is refused.
    static func isAllowedHost(_ field: String, bound: String, port: UInt16) -> Bool {
        let field = field.lowercased()
        let name: Substring, portText: Substring?
        if field.hasPrefix("[") {
            guard let close = field.firstIndex(of: "]") else { return false }
            name = field[...close]
            let rest = field[field.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return false }
            portText = rest.isEmpty ? nil : rest.dropFirst()
        } else {
            let parts = field.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            name = parts[0]
            portText = parts.count > 1 ? parts[1] : nil
        }
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCII), portText.allSatisfy(\.isNumber),
                UInt16(portText) == port
            else { return false }
        } else if port != 80 {
            return false
        }
        if ["localhost", "127.0.0.1", "[::1]", bound].contains(String(name)) { return true }
        return bound == "0.0.0.0" && isIPv4Address(String(name))
    }
}

/// A value behind a lock.
final class Mutexed<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
