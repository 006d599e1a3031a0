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
            : "compare-\(StableName.hash(a + "\u{0}" + b)).html"
    }

    func outlet(_ name: String) -> String {
        style == .server ? "/outlet?name=" + URLText.component(name) : "outlet-\(StableName.hash(name)).html"
    }

    /// A story id as it is ("S0123abcd") when it is a safe file name, else its hash.
    static func fileSafe(_ id: String) -> String {
        let safe = !id.isEmpty && id.utf8.count <= 64
            && id.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }
        return safe ? id : StableName.hash(id)
    }
}

/// Stable file names for arbitrary strings (FNV-1a-64, hex): the same across runs and machines.
enum StableName {
    static func hash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
