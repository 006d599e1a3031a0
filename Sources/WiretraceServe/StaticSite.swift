import Foundation
import WiretraceCore
import WiretraceStore

/// `wiretrace report html`: the review pages as static files in one folder, for sharing. The
/// same pages as the server, without review forms; stories sorted by size, every story page with
/// 2+ documents, a side-by-side page per copy or excerpt, a page per outlet.
public struct StaticSite {
    public let store: WiretraceStore

    public init(store: WiretraceStore) { self.store = store }

    /// What was written.
    public struct Summary: Sendable {
        public var files = 0
        public var stories = 0
        public var comparisons = 0
        public var outlets = 0
    }

    /// Writes the pages into `directory` (created if needed; existing files of the same names are replaced).
    public func write(to directory: String) throws -> Summary {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw WiretraceError(.io, "cannot create the output folder", location: directory, cause: error.localizedDescription)
        }
        let links = SiteLinks(style: .staticFiles)
        let pages = StoryPages(store: store, links: links)
        var summary = Summary()
        func save(_ name: String, _ html: HTML) throws {
            let path = (directory as NSString).appendingPathComponent(name)
            do {
                try Data(html.rendered.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw WiretraceError(.io, "cannot write page", location: path, cause: error.localizedDescription)
            }
            summary.files += 1
        }
        try save("runs.html", try pages.runs())
        try save("quotes.html", try pages.quotes())
        try save("outlets.html", try pages.outlets())
        let first = try store.clusterSummaries(search: nil, order: .size, minimumSize: pages.minimumSize, limit: 0, offset: 0)
        let pageCount = max(1, (first.total + pages.pageSize - 1) / pages.pageSize)
        for page in 1...pageCount {
            try save(links.stories(page: page), try pages.stories(page: page))
        }
        var compared = Set<String>()
        var offset = 0
        while true {
            let batch = try store.clusterSummaries(search: nil, order: .size, minimumSize: pages.minimumSize, limit: 500, offset: offset)
            if batch.rows.isEmpty { break }
            offset += batch.rows.count
            for row in batch.rows {
                guard let page = try pages.story(row.id), let cluster = try store.cluster(row.id) else { continue }
                try save(links.story(row.id), page)
                summary.stories += 1
                for member in cluster.members {
                    guard let of = member.of else { continue }
                    let name = links.compare(member.documentID, of)
                    guard compared.insert(name).inserted, let comparison = try pages.compare(member.documentID, of) else { continue }
                    try save(name, comparison)
                    summary.comparisons += 1
                }
            }
        }
        for entry in try store.outletCounts() {
            try save(links.outlet(entry.outlet), try pages.outlet(entry.outlet))
            summary.outlets += 1
        }
        return summary
    }
}
