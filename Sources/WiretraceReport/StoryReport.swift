import WiretraceCore
import WiretraceStore

/// The readable summary `wiretrace report` prints: the largest stories with their members,
/// outlets and roles, who said what in each, and which wire copies other outlets carried.
public struct StoryReport {
    public var storyLimit: Int
    /// Stories smaller than this are counted, not listed.
    public var minimumSize: Int

    public init(storyLimit: Int = 10, minimumSize: Int = 2) {
        self.storyLimit = storyLimit
        self.minimumSize = minimumSize
    }

    /// The report, safe to print: every id, outlet, title, speaker and quote in it is made inert
    /// for the terminal (``TerminalText``).
    public func render(_ store: WiretraceStore) throws -> TerminalText {
        let clusters = try store.clusters()
        let pairs = try store.duplicatePairs()
        let quotes = try store.quotes()
        let occurrences = try store.quoteOccurrences()
        let documentCount = try store.documentCount()
        var articles: [String: Article] = [:]
        func article(_ id: String) throws -> Article? {
            if let cached = articles[id] { return cached }
            let loaded = try store.article(id)
            articles[id] = loaded
            return loaded
        }

        var out = TerminalText.empty
        let multi = clusters.filter { $0.members.count >= minimumSize }
        let groups = Set(clusters.flatMap { $0.members.compactMap(\.group) })
        out += "Wiretrace report: \(store.path)\n"
        out += "\(documentCount) documents in \(clusters.count) stories (\(multi.count) with \(minimumSize)+ documents); "
        out += "\(pairs.count) near-duplicate pairs in \(groups.count) groups; \(quotes.count) quotes"
        out += " (\(quotes.filter { $0.sightings > 1 }.count) carried by more than one document)\n"
        if let run = try store.runs().last {
            out += "Last run #\(run.id) (\(run.status)): read \(run.documentsRead), stored \(run.documentsStored), "
            out += "unchanged \(run.documentsUnchanged), rejected \(run.rejected)"
            if !run.rejectsByReason.isEmpty {
                let reasons = run.rejectsByReason.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                out += " (\(reasons.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))"
            }
            out += "\n"
        }

        let occurrencesByDocument = Dictionary(grouping: occurrences, by: \.documentID)
        let quotesByID = Dictionary(uniqueKeysWithValues: quotes.map { ($0.id, $0) })

        for cluster in multi.prefix(storyLimit) {
            out += "\n"
            let title: TerminalText = cluster.title.map { "\"\(Self.oneLine($0, limit: 90))\"" } ?? "(untitled)"
            out += "Story \(cluster.id): \(title)\n"
            var span = ""
            if let first = cluster.firstPublished { span = ", \(DisplayFormat.shortTime(first))" }
            if let last = cluster.lastPublished, last != cluster.firstPublished { span += " to \(DisplayFormat.shortTime(last))" }
            out += "  \(cluster.members.count) documents, \(cluster.outletCount) outlets\(span)\n"
            let outletWidth = min(28, max(6, cluster.members.map { Self.oneLine($0.outlet ?? "?", limit: 28).count }.max() ?? 6))
            for member in cluster.members {
                let published = try article(member.documentID)?.published.map(DisplayFormat.shortTime) ?? "time unknown"
                out += "  \(Self.pad(member.role, 12))\(Self.pad(member.language ?? "--", 3))\(Self.pad(member.outlet ?? "?", outletWidth + 2))"
                out += "\(Self.pad(published, 18))\(member.documentID)"
                if let detail = Self.evidenceSummary(member) { out += "  [\(detail)]" }
                out += "\n"
            }
            // Who said what: the matched quotes carried by this story's members.
            let storyQuoteIDs = Set(cluster.members.flatMap { occurrencesByDocument[$0.documentID] ?? [] }
                .filter { $0.kind == "direct" }.compactMap(\.quoteID))
            let storyQuotes = storyQuoteIDs.compactMap { quotesByID[$0] }
                .sorted { $0.sightings != $1.sightings ? $0.sightings > $1.sightings : $0.id < $1.id }
            if !storyQuotes.isEmpty {
                out += "  Who said what:\n"
                for quote in storyQuotes.prefix(6) {
                    out += "    \(quote.speaker ?? "unattributed"): \"\(Self.oneLine(quote.text, limit: 110))\"\n"
                    out += "      \(Self.chainSentence(quote))\n"
                }
                if storyQuotes.count > 6 { out += "    ... and \(storyQuotes.count - 6) more quotes\n" }
            }
        }
        if multi.count > storyLimit { out += "\n... \(multi.count - storyLimit) more stories with \(minimumSize)+ documents\n" }

        out += Self.syndicationSummary(try SyndicationReport(store))
        return out
    }

    /// The syndication report in short: per original that others copied, its carriers.
    static func syndicationSummary(_ report: SyndicationReport) -> TerminalText {
        guard !report.wireStories.isEmpty else { return "\nSyndication: no copies found.\n" }
        var out: TerminalText = "\nSyndication: \(report.wireStories.count) originals copied by other outlets "
        out += "(full report: wiretrace report syndication)\n"
        for story in report.wireStories.prefix(10) {
            out += "  \(story.agency ?? "?"): \"\(oneLine(story.title ?? story.originalID, limit: 80))\" (\(story.originalID))\n"
            for carrier in story.carriers {
                let verbatim = carrier.verbatimShare.map { "\(DisplayFormat.percentage($0))% verbatim" } ?? "verbatim share unknown"
                out += "    \(pad(carrier.outlet ?? "?", 26))\(pad(carrier.role, 9))"
                out += "\(pad(carrier.delaySeconds.map(DisplayFormat.duration) ?? "delay unknown", 14))\(pad(verbatim, 15))"
                out += carrier.credited ? "credited\n" : "UNCREDITED\n"
            }
        }
        if report.wireStories.count > 10 { out += "  ... \(report.wireStories.count - 10) more\n" }
        return out
    }

    static func credited(_ member: ClusterMemberRecord) -> Bool {
        member.evidence.contains("\"credited\":true")
    }

    static func evidenceSummary(_ member: ClusterMemberRecord) -> String? {
        guard let evidence = StoryEvidence(json: member.evidence) else { return nil }
        switch member.role {
        case "copy", "excerpt":
            var parts: [String] = []
            if let of = member.of { parts.append("of \(of)") }
            if let jaccard = evidence.jaccard { parts.append("Jaccard \(DisplayFormat.fixed(jaccard))") }
            if let inside = evidence.containment { parts.append("\(DisplayFormat.percentage(inside))% inside") }
            if let credited = evidence.credited { parts.append(credited ? "credited" : "uncredited") }
            return parts.joined(separator: ", ")
        case "rewrite":
            var parts: [String] = []
            if let similarity = evidence.similarity { parts.append("similarity \(DisplayFormat.fixed(similarity))") }
            if let shared = evidence.sharedQuotes, shared > 0 { parts.append("\(shared) shared quote\(shared == 1 ? "" : "s")") }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        case "translation":
            var parts: [String] = []
            if let languages = evidence.languages { parts.append(languages) }
            if let similarity = evidence.similarity { parts.append("anchors \(DisplayFormat.fixed(similarity))") }
            if let anchors = evidence.anchors, !anchors.isEmpty { parts.append(anchors.prefix(4).joined(separator: "; ")) }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        case "origin":
            return evidence.basis
        default:
            return nil
        }
    }

    static func chainSentence(_ quote: QuoteRecord) -> String {
        var parts: [String] = []
        if let first = quote.firstReporter { parts.append("first reported by \(first)") }
        if !quote.relayedBy.isEmpty { parts.append("relayed by " + quote.relayedBy.joined(separator: ", ")) }
        if !quote.carriedBy.isEmpty { parts.append("carried by " + quote.carriedBy.joined(separator: ", ")) }
        if parts.isEmpty { parts.append("seen in \(quote.sightings) document\(quote.sightings == 1 ? "" : "s")") }
        return parts.joined(separator: "; ")
    }

    /// `text` made inert for the terminal, cut or padded to `width` characters (at least 1).
    static func pad(_ text: String, _ width: Int) -> String {
        let text = TerminalText.inert(text)
        let width = max(width, 1)
        return text.count >= width
            ? String(text.prefix(width - 1)) + " " : text + String(repeating: " ", count: width - text.count)
    }

    /// `text` made inert for the terminal, its runs of whitespace one space, cut to `limit` characters.
    static func oneLine(_ text: String, limit: Int) -> String {
        DisplayFormat.clipped(TerminalText.inert(text).split(separator: " ").joined(separator: " "), limit: limit)
    }
}
