import Foundation
import WiretraceCore
import WiretraceStore

/// The review site: routes a request to a page or a review decision. It owns its own database
/// connection, so requests are answered one at a time (an actor), while `wiretrace run` may
/// write the same database from another process.
public actor ReviewSite {
    /// What the site answers: a status, a content type and a body, or a redirect.
    public struct Response: Sendable {
        public var status: Int
        public var contentType: String
        public var body: Data
        public var location: String?

        static func page(_ html: HTML) -> Response {
            Response(status: 200, contentType: "text/html; charset=utf-8", body: Data(html.rendered.utf8))
        }

        static func error(_ status: Int, _ message: String) -> Response {
            let page: HTML = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(status)</title></head><body><h1>\(status)</h1><p>\(message)</p><p><a href=\"/stories\">Stories</a></p></body></html>"
            return Response(status: status, contentType: "text/html; charset=utf-8", body: Data(page.rendered.utf8))
        }

        static func redirect(_ location: String) -> Response {
            Response(status: 303, contentType: "text/plain; charset=utf-8", body: Data("see \(location)\n".utf8), location: location)
        }
    }

    private let pages: StoryPages
    /// Who the decisions made through this site are recorded as.
    public let reviewer: String

    /// Opens the database at `databasePath` (which must exist) for the review pages.
    public init(databasePath: String, reviewer: String) throws {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw WiretraceError(.usage, "no database (create one with `wiretrace run --db FILE INPUT...`)", location: databasePath)
        }
        pages = StoryPages(store: try WiretraceStore(path: databasePath), links: SiteLinks(style: .server))
        self.reviewer = reviewer
    }

    /// Answers one request.
    /// - Parameters:
    ///   - path: the request path without its query ("/story").
    ///   - query: the raw (percent-encoded) query string.
    ///   - body: the request body (`application/x-www-form-urlencoded` for POST /review).
    public func respond(method: String, path: String, query: String, body: Data) -> Response {
        let parameters = URLText.form(query)
        defer { pages.store.finishReading() }
        do {
            switch (method, path) {
            case ("GET", "/"), ("HEAD", "/"):
                return .redirect("/stories")
            case ("GET", "/stories"):
                let order = parameters["sort"].flatMap(ClusterOrder.init(rawValue:)) ?? .size
                let page = parameters["page"].flatMap { Int($0) } ?? 1
                return .page(try pages.stories(order: order, search: parameters["q"], page: page))
            case ("GET", "/story"):
                guard let id = parameters["id"], let page = try pages.story(id) else {
                    return .error(404, "No such story: \(parameters["id"] ?? "(none given)").")
                }
                return .page(page)
            case ("GET", "/compare"):
                guard let a = parameters["a"], let b = parameters["b"], let page = try pages.compare(a, b) else {
                    return .error(404, "No such documents.")
                }
                return .page(page)
            case ("GET", "/runs"): return .page(try pages.runs())
            case ("GET", "/quotes"): return .page(try pages.quotes())
            case ("GET", "/outlets"): return .page(try pages.outlets())
            case ("GET", "/outlet"):
                guard let name = parameters["name"] else { return .error(404, "No outlet given.") }
                return .page(try pages.outlet(name))
            case ("POST", "/review"):
                return try review(URLText.form(String(decoding: body, as: UTF8.self)))
            case (_, "/review"):
                return .error(405, "Review decisions are sent with POST.")
            default:
                return .error(404, "Nothing at \(path).")
            }
        } catch {
            return .error(500, "\(error)")
        }
    }

    /// Records a decision from a review form and sends the reviewer back to the story.
    private func review(_ form: [String: String]) throws -> Response {
        guard let kind = form["kind"].flatMap(ReviewDecision.Kind.init(rawValue:)) else {
            return .error(400, "Unknown decision kind: \(form["kind"] ?? "(none)").")
        }
        let store = pages.store
        let story = form["story"]
        var decision = ReviewDecision(kind: kind, clusterID: story, reviewer: reviewer)
        func stored(_ id: String?) throws -> String? {
            guard let id, !id.isEmpty, try store.article(id) != nil else { return nil }
            return id
        }
        switch kind {
        case .confirm:
            decision.members = (form["members"] ?? "").split(separator: "\n").map(String.init)
            if decision.members.isEmpty, let story, let cluster = try store.cluster(story) {
                decision.members = cluster.members.map(\.documentID)
            }
            guard !decision.members.isEmpty else { return .error(400, "Nothing to confirm.") }
        case .split:
            guard let a = try stored(form["a"]) else { return .error(400, "Split needs a stored document (a).") }
            decision.documentA = a
        case .merge:
            guard let a = try stored(form["a"]) else { return .error(400, "Merge needs a stored document (a).") }
            let other = (form["other"] ?? form["b"] ?? "").trimmingCharacters(in: .whitespaces)
            // The other story by its id (its origin stands for it), or by one of its documents.
            let b = try store.cluster(other)?.members.first?.documentID ?? stored(other)
            guard let b else { return .error(400, "No story or document \(other) to merge with.") }
            decision.documentA = a
            decision.documentB = b
        case .notSame:
            guard let a = try stored(form["a"]), let b = try stored(form["b"]) else {
                return .error(400, "\"Not the same story\" needs two stored documents (a and b).")
            }
            decision.documentA = a
            decision.documentB = b
        }
        try store.record(decision)
        guard let story, try store.cluster(story) != nil else { return .redirect("/stories") }
        return .redirect("/story?id=" + URLText.component(story))
    }
}
