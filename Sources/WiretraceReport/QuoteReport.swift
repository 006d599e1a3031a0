import WiretraceCore
import WiretraceStore

/// `wiretrace report --quotes`: for each story (or one), who said what, where it was first seen,
/// who first reported it, which wires relayed it and which outlets carried it, with the chain each
/// sighting states.
public struct QuoteReport {
    /// Only this story, when set.
    public var storyID: String?
    /// How many stories to list (the ones carrying the most quote sightings first).
    public var storyLimit: Int
    /// Also list indirect quotes (reported speech), not only direct ones.
    public var includeIndirect: Bool

    public init(storyID: String? = nil, storyLimit: Int = 10, includeIndirect: Bool = false) {
        self.storyID = storyID
        self.storyLimit = storyLimit
        self.includeIndirect = includeIndirect
    }

    /// The report text, safe to print (every scraped value made inert, ``TerminalText``).
    /// - Throws: ``WiretraceError`` when `storyID` names no story of the database.
    public func render(_ store: WiretraceStore) throws -> TerminalText {
        let clusters = try store.clusters()
        let quotesByID = Dictionary(uniqueKeysWithValues: try store.quotes().map { ($0.id, $0) })
        let occurrences = try store.quoteOccurrences().filter { includeIndirect || $0.kind == "direct" }
        let byDocument = Dictionary(grouping: occurrences, by: \.documentID)

        var selected: [ClusterRecord]
        if let storyID {
            guard let cluster = clusters.first(where: { $0.id == storyID }) else {
                throw WiretraceError(
                    .usage, "no story \(storyID) in the database (story ids are listed by `wiretrace report`)",
                    location: store.path)
            }
            selected = [cluster]
        } else {
            func sightings(_ c: ClusterRecord) -> Int { c.members.reduce(0) { $0 + (byDocument[$1.documentID]?.count ?? 0) } }
            selected = clusters.filter { sightings($0) > 0 }
                .sorted { (sightings($0), $1.id) > (sightings($1), $0.id) }
            selected = Array(selected.prefix(storyLimit))
        }

        var out: TerminalText = "Who said what: \(store.path)\n"
        for cluster in selected {
            let title: TerminalText = cluster.title.map { "\"\(StoryReport.oneLine($0, limit: 90))\"" } ?? "(untitled)"
            out += "\nStory \(cluster.id): \(title) (\(cluster.members.count) documents)\n"
            let outletOf = Dictionary(cluster.members.map { ($0.documentID, $0.outlet) }, uniquingKeysWith: { a, _ in a })
            let sightings = cluster.members.flatMap { byDocument[$0.documentID] ?? [] }
            // Quotes matched across outlets are grouped by quote id; an unmatched occurrence stands alone.
            var groups: [[QuoteOccurrenceRecord]] = []
            var indexByQuote: [Int: Int] = [:]
            for sighting in sightings {
                if let id = sighting.quoteID, let index = indexByQuote[id] {
                    groups[index].append(sighting)
                } else {
                    if let id = sighting.quoteID { indexByQuote[id] = groups.count }
                    groups.append([sighting])
                }
            }
            groups.sort { a, b in
                a.count != b.count ? a.count > b.count : (a[0].documentID, a[0].start) < (b[0].documentID, b[0].start)
            }
            if groups.isEmpty { out += "  no quotes\n" }
            for group in groups {
                let quote = group[0].quoteID.flatMap { quotesByID[$0] }
                let speaker = quote?.speaker ?? group.compactMap(\.speaker).first ?? "unattributed"
                let text = quote?.text ?? group[0].text
                let cues = Set(group.compactMap(\.cue)).sorted().joined(separator: ", ")
                let kind: TerminalText = group[0].kind == "direct" ? "" : " (reported speech)"
                let cueList: TerminalText = cues.isEmpty ? "" : " [\(cues)]"
                out += "  \(speaker)\(cueList)\(kind): \"\(StoryReport.oneLine(text, limit: 110))\"\n"
                if let quote {
                    out += "    first seen: \(quote.firstOutlet ?? "?")"
                    if let seen = quote.firstSeen { out += " at \(DisplayFormat.shortTime(seen))" }
                    if let document = quote.firstDocument { out += " (\(document))" }
                    out += "\n"
                    out += "    \(StoryReport.chainSentence(quote))\n"
                }
                for sighting in group.sorted(by: { ($0.documentID, $0.start) < ($1.documentID, $1.start) }) {
                    let outlet = outletOf[sighting.documentID].flatMap { $0 } ?? "?"
                    let chain = ([sighting.speaker ?? "?"] + sighting.via).joined(separator: " \u{2192} ")
                    out += "      \(outlet): \(chain)  [\(sighting.documentID) \(sighting.start)..<\(sighting.end)]\n"
                }
            }
        }
        if selected.isEmpty { out += "\nNo quotes stored.\n" }
        return out
    }
}
