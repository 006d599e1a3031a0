import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An HTTP response to write: status, header fields (without framing ones) and body.
package struct HTTPResponse: Sendable {
    package var status: Int
    package var headers: [(name: String, value: String)]
    package var body: Data

    package init(status: Int, headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    package static func phrase(_ status: Int) -> String {
        [
            100: "Continue", 200: "OK", 303: "See Other", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 408: "Request Timeout", 413: "Content Too Large", 414: "URI Too Long",
            415: "Unsupported Media Type", 417: "Expectation Failed", 421: "Misdirected Request",
            431: "Request Header Fields Too Large", 500: "Internal Server Error", 501: "Not Implemented",
            503: "Service Unavailable", 505: "HTTP Version Not Supported",
        ][status] ?? "Status \(status)"
    }

    /// Whether `value` can go into a header field as it is: no CR, LF, NUL or other control character
    /// (so no text can end a field and start another one).
    package static func isSafeFieldValue(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }
    }

    /// The response as bytes: status line, fields, `Content-Length`, `Connection` and, unless
    /// `headOnly` (an answer to HEAD), the body. A field whose name is not a token or whose value
    /// could end the field turns the whole response into a 500: the bytes never carry it.
    package func serialized(headOnly: Bool, keepAlive: Bool) -> Data {
        guard (100...599).contains(status),
            headers.allSatisfy({ !$0.name.isEmpty && $0.name.utf8.allSatisfy(HTTPRequestParser.isTokenByte) && Self.isSafeFieldValue($0.value) })
        else {
            return HTTPResponse(status: 500, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data("Internal Server Error\n".utf8))
                .serialized(headOnly: headOnly, keepAlive: false)
        }
        var head = "HTTP/1.1 \(status) \(Self.phrase(status))\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        var bytes = Data(head.utf8)
        if !headOnly { bytes.append(body) }
        return bytes
    }
}

/// Accepts connections on a listening socket and serves HTTP/1.1 requests on each, within
/// ``HTTPLimits``: bounded requests (``HTTPRequestParser``), a deadline for every request and
/// response (a watchdog shuts connections past theirs), a cap on open connections (the oldest idle
/// one is closed for a new one), and accepting goes on when the process runs out of file
/// descriptors (one pending connection is shed with a spare descriptor, then it waits and retries).
package final class HTTPConnections: Sendable {
    package typealias Handler = @Sendable (HTTPRequestHead, [UInt8]) async -> HTTPResponse

    let limits: HTTPLimits
    let handler: Handler
    private let table: ConnectionTable

    package init(limits: HTTPLimits, handler: @escaping Handler) {
        self.limits = limits
        self.handler = handler
        table = ConnectionTable(limit: Self.connectionLimit(limits.connections))
    }

    /// The configured cap, lowered so that the connections fit in half of the descriptors the
    /// process may open (the store, the event queue and the listening socket need some too).
    static func connectionLimit(_ configured: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(Int32.max) else { return max(configured, 1) }
        return max(1, min(configured, Int(clamping: limit.rlim_cur) / 2))
    }

    /// Connections open now (for tests).
    package var openConnections: Int { table.count }

    /// Serves connections from `listener` until the task is cancelled; then shuts every connection.
    package func run(listener: Socket, pool: some AsyncSocketPool) async throws {
        defer { table.shutAll() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask { try await self.watch() }
            group.addTask { try await self.accept(on: listener, pool: pool) }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    /// Shuts connections past their deadline, four times a second.
    private func watch() async throws {
        while true {
            try await Task.sleep(nanoseconds: 250_000_000)
            table.shutExpired(now: .now)
        }
    }

    // MARK: Accepting

    private func accept(on listener: Socket, pool: some AsyncSocketPool) async throws {
        // A descriptor kept free: when none is left, it is closed to accept (and close at once)
        // one pending connection, so that the backlog does not hold clients waiting for nothing.
        var spare = open("/dev/null", O_RDONLY)
        defer { if spare >= 0 { closeDescriptor(spare) } }
        var pause: UInt64 = 10_000_000
        while true {
            try Task.checkCancellation()
            let file: Socket.FileDescriptor
            do {
                file = try listener.accept().file
                pause = 10_000_000
            } catch SocketError.blocked {
                try await pool.suspendSocket(listener, untilReadyFor: .connection)
                continue
            } catch SocketError.failed(_, let code, _) where [EMFILE, ENFILE, ENOBUFS, ENOMEM].contains(code) {
                // Fewer connections from now on, and room for the next one: the oldest idle goes.
                table.lowerLimitAndShutOldestIdle()
                if spare >= 0 {
                    closeDescriptor(spare)
                    let shed = acceptDescriptor(listener.file.rawValue)
                    if shed >= 0 { closeDescriptor(shed) }
                    spare = open("/dev/null", O_RDONLY)
                }
                try await Task.sleep(nanoseconds: pause)
                pause = min(pause * 2, 1_000_000_000)
                continue
            } catch SocketError.failed(_, let code, _) where [ECONNABORTED, EINTR, EPROTO, EPERM, EAGAIN].contains(code) {
                continue
            } catch {
                // Anything else may pass too: accepting stops only when the server is stopped.
                try Task.checkCancellation()
                try await Task.sleep(nanoseconds: pause)
                pause = min(pause * 2, 1_000_000_000)
                continue
            }
            let socket = Socket(file: file)
            let connection: AsyncSocket
            do {
                connection = try AsyncSocket(socket: socket, pool: pool)
            } catch {
                try? socket.close()
                continue
            }
            guard let id = table.open(file: file.rawValue, deadline: .now + .seconds(limits.requestSeconds)) else {
                // Full of connections that are all being answered: refuse this one.
                _ = try? socket.write(
                    HTTPResponse(status: 503, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Data("Busy: try again.\n".utf8))
                        .serialized(headOnly: false, keepAlive: false))
                try? socket.close()
                continue
            }
            Task(executorPreference: ServerExecutor.shared) { await self.serve(connection, id: id) }
        }
    }

    // MARK: One connection

    private func serve(_ connection: AsyncSocket, id: Int) async {
        defer {
            table.close(id)
            try? connection.close()
        }
        var parser = HTTPRequestParser(limits: limits)
        var answered = 0
        while answered < limits.requestsPerConnection {
            table.update(id, phase: .idle, deadline: .now + .seconds(limits.requestSeconds))
            let head: HTTPRequestHead, body: [UInt8]
            do {
                guard let request = try await read(&parser, from: connection, id: id) else { return }
                (head, body) = request
            } catch let error as HTTPRequestError {
                table.update(id, phase: .answering, deadline: .now + .seconds(limits.responseSeconds))
                let page = ReviewSite.Response.error(error.status, error.message)
                let response = HTTPResponse(status: error.status, headers: [("Content-Type", page.contentType)], body: page.body)
                try? await connection.write(response.serialized(headOnly: false, keepAlive: false))
                await closeAfterRefusal(connection, id: id)
                return
            } catch {
                return  // disconnected, shut by the watchdog, or the server is stopping
            }
            table.update(id, phase: .answering, deadline: nil)
            let response = await handler(head, body)
            answered += 1
            let keepAlive = head.keepAlive && answered < limits.requestsPerConnection && response.status < 400
            table.update(id, phase: .answering, deadline: .now + .seconds(limits.responseSeconds))
            do {
                try await connection.write(response.serialized(headOnly: head.method == "HEAD", keepAlive: keepAlive))
            } catch {
                return
            }
            guard keepAlive else {
                shutdown(connection.socket.file.rawValue, Int32(SHUT_WR))
                return
            }
        }
    }

    /// The next whole request on the connection, or nil when the client closed it between requests.
    private func read(_ parser: inout HTTPRequestParser, from connection: AsyncSocket, id: Int) async throws -> (HTTPRequestHead, [UInt8])? {
        var continued = false
        while true {
            if let head = try parser.nextHead() {
                if let body = parser.takeBody() { return (head, body) }
                if head.expectsContinue, !continued {
                    continued = true
                    try await connection.write(Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
                }
            }
            let bytes: [UInt8]
            do {
                bytes = try await connection.read(atMost: 16 * 1024)
            } catch SocketError.disconnected where parser.isIdle {
                return nil
            }
            parser.append(bytes)
        }
    }

    /// After a refusal the rest of the request is unread; closing at once would make the kernel
    /// reset the connection and the client might never see the answer. So: stop writing, read and
    /// drop what still comes for at most a second (a few bytes at a time, nothing kept), then close.
    private func closeAfterRefusal(_ connection: AsyncSocket, id: Int) async {
        shutdown(connection.socket.file.rawValue, Int32(SHUT_WR))
        table.update(id, phase: .idle, deadline: .now + .seconds(1))
        var dropped = 0
        while dropped < 64 * 1024 * 1024, let bytes = try? await connection.read(atMost: 64 * 1024) {
            dropped += bytes.count
        }
    }
}

/// The open connections: their descriptors, what they are doing and until when they may.
/// Shutting a descriptor (never closing it: its own task does that, after leaving the table)
/// wakes the task waiting on it, which then finds the connection ended.
final class ConnectionTable: @unchecked Sendable {
    enum Phase {
        /// Waiting for a request or reading one: may be closed for a newer connection.
        case idle
        /// The request is being answered.
        case answering
    }

    private struct Entry {
        var file: Int32
        var phase: Phase
        var deadline: ContinuousClock.Instant?
        var shut = false
    }

    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]
    private var nextID = 0
    /// Entries not shut yet.
    private var live = 0
    /// Most connections; lowered (for good) when the process runs out of descriptors below it.
    private var limit: Int

    init(limit: Int) { self.limit = limit }

    /// After running out of descriptors: the limit becomes one less than the connections open now
    /// (at least 4), and the oldest idle connection is shut to make room.
    func lowerLimitAndShutOldestIdle() {
        lock.withLock {
            limit = max(4, min(limit, live - 1))
            if let oldest = oldestIdle() { shut(oldest) }
        }
    }

    /// With the lock held.
    private func oldestIdle() -> Int? {
        entries.filter { !$0.value.shut && $0.value.phase == .idle }.min { $0.key < $1.key }?.key
    }

    var count: Int { lock.withLock { entries.count } }

    /// Adds a connection; when `limit` connections are open, shuts the oldest idle one first.
    /// - Returns: its id, or nil when every open connection is being answered.
    func open(file: Int32, deadline: ContinuousClock.Instant) -> Int? {
        lock.withLock {
            if live >= limit {
                guard let oldest = oldestIdle() else { return nil }
                shut(oldest)
            }
            nextID += 1
            entries[nextID] = Entry(file: file, phase: .idle, deadline: deadline)
            live += 1
            return nextID
        }
    }

    func update(_ id: Int, phase: Phase, deadline: ContinuousClock.Instant?) {
        lock.withLock {
            entries[id]?.phase = phase
            entries[id]?.deadline = deadline
        }
    }

    /// Removes a connection; its task closes the descriptor afterwards.
    func close(_ id: Int) {
        lock.withLock {
            if let entry = entries.removeValue(forKey: id), !entry.shut { live -= 1 }
        }
    }

    func shutExpired(now: ContinuousClock.Instant) {
        lock.withLock {
            for (id, entry) in entries where !entry.shut {
                if let deadline = entry.deadline, deadline < now { shut(id) }
            }
        }
    }

    func shutAll() {
        lock.withLock {
            for (id, entry) in entries where !entry.shut { shut(id) }
        }
    }

    /// With the lock held.
    private func shut(_ id: Int) {
        guard let file = entries[id]?.file else { return }
        shutdown(file, Int32(SHUT_RDWR))
        entries[id]?.shut = true
        live -= 1
    }
}

private func closeDescriptor(_ file: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(file)
    #else
    _ = Darwin.close(file)
    #endif
}

private func acceptDescriptor(_ listener: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.accept(listener, nil, nil)
    #else
    Darwin.accept(listener, nil, nil)
    #endif
}
