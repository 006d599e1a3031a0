import FlyingFox
import FlyingSocks
import Foundation
import WiretraceCore

/// The review site over HTTP (FlyingFox), on an IPv4 address: 127.0.0.1 unless told otherwise.
public final class ReviewServer: Sendable {
    private let server: HTTPServer

    /// - Parameters:
    ///   - host: an IPv4 address to bind.
    ///   - port: the port; 0 picks a free one (see ``port()``).
    public init(site: ReviewSite, host: String = "127.0.0.1", port: UInt16) throws {
        let address: sockaddr_in
        do {
            address = try .inet(ip4: host, port: port)
        } catch {
            throw WiretraceError(.usage, "not an IPv4 address to listen on", location: host, cause: "\(error)")
        }
        server = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: SiteHandler(site: site))
    }

    /// Serves until the task is cancelled or ``stop()`` is called.
    public func run() async throws { try await server.run() }

    public func waitUntilListening() async throws { try await server.waitUntilListening() }

    /// The port being listened on, once listening.
    public func port() async -> Int? {
        if case .ip4(_, let port) = await server.listeningAddress { return Int(port) }
        return nil
    }

    public func stop() async { await server.stop(timeout: 1) }
}

/// Hands each request to the site and turns its answer into an HTTP response.
private struct SiteHandler: HTTPHandler {
    let site: ReviewSite

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = request.method == .POST ? try await request.bodyData : Data()
        let answer = await site.respond(
            method: request.method.rawValue, path: request.path, query: request.target.query(), body: body)
        var headers: HTTPHeaders = [
            .contentType: answer.contentType,
            HTTPHeader("Content-Security-Policy"): "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'",
            HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        if let location = answer.location { headers[.location] = location }
        return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: Self.phrase(answer.status)), headers: headers, body: answer.body)
    }

    static func phrase(_ status: Int) -> String {
        [200: "OK", 303: "See Other", 400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed"][status]
            ?? "Internal Server Error"
    }
}
