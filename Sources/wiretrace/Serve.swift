import ArgumentParser
import Foundation
import WiretraceServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Review stories in a browser: a local web view of a database, with review decisions.",
        discussion: """
            Pages: stories (search, sort), a story (members, roles, timeline, credits), two members side by
            side with their shared passages, quotes, outlets, runs. Decisions (confirm, split out, merge,
            not the same story) are stored in the database and applied by the next `wiretrace run`.
            Listens on 127.0.0.1 unless --host says otherwise, and answers only requests addressed to that
            address, localhost, 127.0.0.1 or [::1] with its port. Requests are capped (request line 8 KiB,
            header fields 32 KiB, body 1 MiB, 10 s to send one, 256 connections); decisions are taken only
            from the server's own pages (a random token in each form, same-origin posts).
            """)

    @Option(name: .long, help: "The SQLite database written by `wiretrace run`.")
    var db: String

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port: Int = 8080

    @Option(name: .long, help: "The IPv4 address to listen on (dotted decimal; names are refused).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Who review decisions are recorded as (default: the user name).")
    var reviewer: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard ReviewServer.isIPv4Address(host) else {
            throw ValidationError("--host must be an IPv4 address such as 127.0.0.1 (not a name): \(host)")
        }
        guard FileManager.default.fileExists(atPath: db) else {
            throw ValidationError("no database at \(db) (create one with `wiretrace run --db \(db) INPUT...`)")
        }
    }

    func run() async throws {
        let name = reviewer ?? ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
        let site = try ReviewSite(databasePath: db, reviewer: name)
        let server = try ReviewServer(site: site, host: host, port: UInt16(port))
        async let serving: Void = server.run()
        try await server.waitUntilListening()
        let bound = await server.port() ?? port
        Standard.error("wiretrace: serving \(db) at http://\(host):\(bound)/ (reviewer \(name)); Ctrl-C stops")
        try await serving
    }
}
