import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `wiretrace serve` as a user (or an attacker) meets it: its usage errors, and a server started
/// with few file descriptors that is flooded with idle connections.
@Suite(.serialized) struct ServeEndToEndTests {
    /// A database of one document, made by `wiretrace run`.
    static func database(in folder: URL) throws -> String {
        let input = folder.appendingPathComponent("one.jsonl"), database = folder.appendingPathComponent("one.sqlite").path
        try Data(#"{"id": "one", "outlet": "Somewhere", "title": "Only", "text": "A single short story."}"#.utf8).write(to: input)
        let run = try CLI.run(["run", "--db", database, "--no-progress", input.path])
        try #require(run.status == 0, "\(run.stderr)")
        return database
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-serve-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(arguments: ["evil.example", "localhost", "127.0.0.1.5", "0x7f000001", "::1", "127.1", ""])
    func aHostThatIsNotAnIPv4AddressIsAUsageError(host: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try Self.database(in: folder)
        let serve = try CLI.run(["serve", "--db", database, "--port", "0", "--host", host])
        #expect(serve.status == 64, "--host \(host): \(serve.stderr)")
        #expect(serve.stderr.contains("--host"), "\(serve.stderr)")
    }

    /// The status of `GET /stories` on 127.0.0.1:`port`, or nil when no answer came within 5 seconds.
    static func status(port: Int) -> Int? {
        guard let client = try? Loopback(port: port) else { return nil }
        defer { client.close() }
        client.send("GET /stories HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        let head = client.readToEnd().prefix(64)
        let parts = String(decoding: head, as: UTF8.self).split(separator: " ")
        return parts.count > 1 ? Int(parts[1]) : nil
    }

    /// Retries `status(port:)` until it is 200 or `seconds` pass.
    static func served(port: Int, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if status(port: port) == 200 { return true }
            usleep(100_000)
        } while Date() < deadline
        return false
    }

    @Test func aServerWithFewDescriptorsSurvivesAFloodOfIdleConnections() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try Self.database(in: folder)
        let log = folder.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        // 64 descriptors for the whole server process, as `ulimit -n 64` in a shell.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -n 64 && exec \"$0\" serve --db \"$1\" --port 0", CLI.executable.path, database]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        var port = 0
        let deadline = Date().addingTimeInterval(30)
        while port == 0, process.isRunning, Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                port = Int(text[range].dropFirst("http://127.0.0.1:".count).dropLast()) ?? 0
            } else {
                usleep(50_000)
            }
        }
        try #require(port > 0, "serve did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")

        // Three times more idle connections than the server has descriptors.
        var idle: [Loopback] = []
        for _ in 0..<200 { if let client = try? Loopback(port: port, timeout: 1) { idle.append(client) } }
        #expect(idle.count >= 150, "\(idle.count) connections opened")
        #expect(Self.served(port: port, within: 10), "a fresh client is served while 200 idle connections are open")
        // Lower the limit under what the server already holds, so that accepting fails with EMFILE.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit") {
            let lower = Process()
            lower.executableURL = URL(fileURLWithPath: "/usr/bin/prlimit")
            lower.arguments = ["--pid", "\(process.processIdentifier)", "--nofile=16:16"]
            try lower.run()
            lower.waitUntilExit()
            #expect(lower.terminationStatus == 0)
            for _ in 0..<100 { if let client = try? Loopback(port: port, timeout: 1) { idle.append(client) } }
            usleep(500_000)
            #expect(process.isRunning, "still running out of descriptors")
        }
        for client in idle { client.close() }
        idle = []
        #expect(process.isRunning, "serve is still running")
        #expect(Self.served(port: port, within: 15), "a fresh client is served once the idle connections are gone")
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(!text.contains("Too many open files"), "\(text)")
    }
}

/// A blocking TCP client on 127.0.0.1 with send and receive timeouts.
final class Loopback {
    struct Failure: Error {
        var call: String
        var code: Int32
    }

    let file: Int32
    private var closed = false

    init(port: Int, timeout: Int = 5) throws {
        file = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard file >= 0 else { throw Failure(call: "socket", code: errno) }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
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
            let code = errno
            Glibc.close(file)
            throw Failure(call: "connect", code: code)
        }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(file, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    func readToEnd() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(file, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return data }
            data.append(contentsOf: buffer[..<count])
        }
    }

    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(file)
    }

    deinit { close() }
}
