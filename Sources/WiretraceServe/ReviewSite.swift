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
    /// The token every review form of this site carries and every decision must bring back: random,
    /// new for each site (each `wiretrace serve`), so that no other page can forge a decision.
    public nonisolated let formToken: String

    /// Highest page number of the stories list a request may ask for.
    static let pageLimit = 1_000_000
    /// Most documents one "confirm" decision may name.
    static let confirmLimit = 10_000

    /// Opens the database at `databasePath` (which must exist) for the review pages.
    public init(databasePath: String, reviewer: String) throws {
        guard FileManager.default.fileExists(atPath: databasePath) else {
            throw WiretraceError(.usage, "no database (create one with `wiretrace run --db FILE INPUT...`)", location: databasePath)
        }
        var generator = SystemRandomNumberGenerator()
        formToken = (0..<4).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
        var pages = StoryPages(store: try WiretraceStore(path: databasePath), links: SiteLinks(style: .server))
        pages.formToken = formToken
        self.pages = pages
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
                var page = 1
                if let text = parameters["page"] {
                    guard let number = Self.wholeNumber(text, in: 1...Self.pageLimit) else {
                        return .error(400, "The page must be a whole number from 1 to \(Self.pageLimit), not \(text).")
                    }
                    page = number
                }
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
                let form = URLText.form(String(decoding: body, as: UTF8.self))
                guard let token = form["token"], Self.sameBytes(token, formToken) else {
                    return .error(403, "This decision was not sent by a page of this server (or the page is older than the server): reload the page and decide again.")
                }
                return try review(form)
            case (_, "/review"):
                return .error(405, "Review decisions are sent with POST.")
            default:
                return .error(404, "Nothing at \(path).")
            }
        } catch {
            return .error(500, "\(error)")
        }
    }

    /// Records a decision from a review form and sends the reviewer back to the story. A decision
    /// that names a story or a document the store does not hold, or one document twice, is refused
    /// (400) and nothing is stored.
    private func review(_ form: [String: String]) throws -> Response {
        guard let kind = form["kind"].flatMap(ReviewDecision.Kind.init(rawValue:)) else {
            return .error(400, "Unknown decision kind: \(form["kind"] ?? "(none)").")
        }
        let store = pages.store
        let story = form["story"].flatMap { $0.isEmpty ? nil : $0 }
        if let story, try store.cluster(story) == nil {
            return .error(400, "No story \(story) is stored (the page may be older than the last run): reload it.")
        }
        var decision = ReviewDecision(kind: kind, clusterID: story, reviewer: reviewer)
        func stored(_ id: String?) throws -> String? {
            guard let id, !id.isEmpty, try store.article(id) != nil else { return nil }
            return id
        }
        switch kind {
        case .confirm:
            decision.members = (form["members"] ?? "").split(whereSeparator: \.isNewline).map(String.init)
            if decision.members.isEmpty, let story, let cluster = try store.cluster(story) {
                decision.members = cluster.members.map(\.documentID)
            }
            guard !decision.members.isEmpty else { return .error(400, "Nothing to confirm.") }
            guard decision.members.count <= Self.confirmLimit else {
                return .error(400, "A confirmation names at most \(Self.confirmLimit) documents.")
            }
            var seen = Set<String>()
            for member in decision.members {
                guard seen.insert(member).inserted else { return .error(400, "Document \(member) is named twice.") }
                guard try stored(member) != nil else { return .error(400, "No document \(member) is stored.") }
            }
        case .split:
            guard let a = try stored(form["a"]) else { return .error(400, "Split needs a stored document (a).") }
            decision.documentA = a
        case .merge:
            guard let a = try stored(form["a"]) else { return .error(400, "Merge needs a stored document (a).") }
            let other = (form["other"] ?? form["b"] ?? "").trimmingCharacters(in: .whitespaces)
            // The other story by its id (its origin stands for it), or by one of its documents.
            let b = try store.cluster(other)?.members.first?.documentID ?? stored(other)
            guard let b else { return .error(400, "No story or document \(other) to merge with.") }
            guard a != b, try store.clusterID(containing: a).map({ $0 != (try store.clusterID(containing: b)) }) ?? true else {
                return .error(400, "\(a) and \(other) are in one story already.")
            }
            decision.documentA = a
            decision.documentB = b
        case .notSame:
            guard let a = try stored(form["a"]), let b = try stored(form["b"]) else {
                return .error(400, "\"Not the same story\" needs two stored documents (a and b).")
            }
            guard a != b else { return .error(400, "\"Not the same story\" needs two different documents.") }
            decision.documentA = a
            decision.documentB = b
        }
        try store.record(decision)
        guard let story, try store.cluster(story) != nil else { return .redirect("/stories") }
        return .redirect("/story?id=" + URLText.component(story))
    }

    /// `text` as a whole number in `range`: decimal digits only (no sign, no blanks), so that a
    /// number of any length is refused rather than overflowing.
    static func wholeNumber(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard !text.isEmpty, text.utf8.count <= String(range.upperBound).utf8.count,
            text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = Int(text), range.contains(value)
        else { return nil }
        return value
    }

    /// Compares two strings in time that depends on their lengths only, not on where they differ.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
