import WiretraceCore
import WiretraceStore

/// Where the pages link to: routes of the review server, or files of a static export.
public struct SiteLinks: Sendable {
    public enum Style: Sendable {
        /// `/story?id=...`: pages rendered per request; review forms shown.
        case server
        /// `story-S1234.html`: files side by side in one folder; no forms.
        case staticFiles
    }

    public var style: Style

    public init(style: Style) { self.style = style }

    var reviewEnabled: Bool { style == .server }

    func runs() -> String { style == .server ? "/runs" : "runs.html" }

    func quotes() -> String { style == .server ? "/quotes" : "quotes.html" }

    func outlets() -> String { style == .server ? "/outlets" : "outlets.html" }

    func stories(order: ClusterOrder = .size, search: String? = nil, page: Int = 1) -> String {
        switch style {
        case .server:
            var link = "/stories?sort=\(order.rawValue)&page=\(page)"
            if let search, !search.isEmpty { link += "&q=" + URLText.component(search) }
            return link
        case .staticFiles:
            return page == 1 ? "index.html" : "stories-\(page).html"
        }
    }

    func story(_ id: String) -> String {
        style == .server ? "/story?id=" + URLText.component(id) : "story-\(Self.fileSafe(id)).html"
    }

    func compare(_ a: String, _ b: String) -> String {
        style == .server
            ? "/compare?a=\(URLText.component(a))&b=\(URLText.component(b))"
            : "compare-\(StableHash.hex(a + "\u{0}" + b)).html"
    }

    func outlet(_ name: String) -> String {
        style == .server ? "/outlet?name=" + URLText.component(name) : "outlet-\(StableHash.hex(name)).html"
    }

    /// A story id as it is ("S0123abcd") when it is a safe file name, else its hash.
    static func fileSafe(_ id: String) -> String {
        let safe = !id.isEmpty && id.utf8.count <= 64
            && id.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }
        return safe ? id : StableHash.hex(id)
    }
}
