import Foundation
import WiretraceCore
import WiretraceStore

/// Who carried which wire text: per original that others copied, its carriers with the verbatim
/// share, credit and delay of each; per outlet, how much of what it published was copy.
public struct SyndicationReport: Sendable {
    public struct Carrier: Sendable, Hashable {
        public var documentID: String
        public var outlet: String?
        /// "copy" or "excerpt".
        public var role: String
        /// Share of the carrier's text (5-shingles) found in the original.
        public var verbatimShare: Double?
        public var credited: Bool
        /// Seconds after the original's publication, when both times are known.
        public var delaySeconds: Double?
    }

    public struct WireStory: Sendable, Hashable {
        public var storyID: String
        public var originalID: String
        public var outlet: String?
        /// The agency the text comes from: the original's own outlet if it is an agency, else the
        /// agency it credits, else the agency most of its carriers credit, else its outlet.
        public var agency: String?
        /// Whether `agency` is a news agency whose wire the original only carried (first): then
        /// the wire is the origin, and the original's outlet its earliest carrier.
        public var isWire: Bool
        public var title: String?
        public var published: String?
        public var carriers: [Carrier]
    }

    public struct OutletShare: Sendable, Hashable {
        public var outlet: String
        public var documents: Int
        public var copies: Int
        public var credited: Int
        public var uncredited: Int
        public var copyShare: Double { documents > 0 ? Double(copies) / Double(documents) : 0 }
    }

    public var wireStories: [WireStory]
    public var outlets: [OutletShare]

    /// Builds the report from a database's stories and pairs.
    public init(_ store: WiretraceStore) throws {
        let clusters = try store.clusters()
        var pairs: [String: DuplicatePairRecord] = [:]
        for pair in try store.duplicatePairs() { pairs[pair.a + "\u{0}" + pair.b] = pair }
        var articles: [String: Article] = [:]
        func article(_ id: String) throws -> Article? {
            if let cached = articles[id] { return cached }
            let loaded = try store.article(id)
            articles[id] = loaded
            return loaded
        }

        var stories: [WireStory] = []
        var outletCounts: [String: OutletShare] = [:]
        for cluster in clusters {
            var carriersByOriginal: [String: [Carrier]] = [:]
            for member in cluster.members {
                let outlet = member.outlet ?? "(unknown outlet)"
                var share = outletCounts[outlet] ?? OutletShare(outlet: outlet, documents: 0, copies: 0, credited: 0, uncredited: 0)
                share.documents += 1
                if let of = member.of, member.role == "copy" || member.role == "excerpt" {
                    let credited = member.evidence.contains("\"credited\":true")
                    share.copies += 1
                    if credited { share.credited += 1 } else { share.uncredited += 1 }
                    let key = min(of, member.documentID) + "\u{0}" + max(of, member.documentID)
                    let verbatim = pairs[key].map { $0.a == member.documentID ? $0.aInB : $0.bInA }
                    var delay: Double?
                    if let start = try article(of)?.published.flatMap(Timestamp.seconds),
                        let end = try article(member.documentID)?.published.flatMap(Timestamp.seconds)
                    {
                        delay = end - start
                    }
                    carriersByOriginal[of, default: []].append(
                        Carrier(
                            documentID: member.documentID, outlet: member.outlet, role: member.role,
                            verbatimShare: verbatim, credited: credited, delaySeconds: delay))
                } else if let of = member.of, member.role == "translation" {
                    // A translation carries its original into another language: no verbatim share;
                    // credited when it names the original's outlet or agency.
                    let source = try article(of)
                    let carrier = try article(member.documentID)
                    var delay: Double?
                    if let start = source?.published.flatMap(Timestamp.seconds),
                        let end = carrier?.published.flatMap(Timestamp.seconds)
                    {
                        delay = end - start
                    }
                    carriersByOriginal[of, default: []].append(
                        Carrier(
                            documentID: member.documentID, outlet: member.outlet, role: member.role, verbatimShare: nil,
                            credited: Self.names(carrier, source: source, sourceOutlet: cluster.member(of)?.outlet),
                            delaySeconds: delay))
                }
                outletCounts[outlet] = share
            }
            for (original, carriers) in carriersByOriginal {
                let source = try article(original)
                let outlet = cluster.member(original)?.outlet ?? source?.outlet
                // The family's wire: what the original credits, else what most carriers credit.
                var carrierCredits: [String: Int] = [:]
                for carrier in carriers {
                    for credit in try article(carrier.documentID)?.credits ?? [] { carrierCredits[credit.agency, default: 0] += 1 }
                }
                let familyCredit = carrierCredits.filter { $0.value * 2 > carriers.count }
                    .max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
                let ownAgency = outlet.flatMap(NewsAgency.canonical)
                let creditedAgency = source?.credits.first?.agency ?? familyCredit
                let agency = ownAgency ?? creditedAgency ?? outlet
                stories.append(
                    WireStory(
                        storyID: cluster.id, originalID: original, outlet: outlet, agency: agency,
                        isWire: ownAgency == nil && creditedAgency != nil, title: source?.title,
                        published: source?.published,
                        carriers: carriers.sorted { ($0.delaySeconds ?? .infinity, $0.documentID) < ($1.delaySeconds ?? .infinity, $1.documentID) }))
            }
        }
        wireStories = stories.sorted { ($1.carriers.count, $0.originalID) < ($0.carriers.count, $1.originalID) }
        outlets = outletCounts.values.sorted { ($1.copies, $0.outlet) < ($0.copies, $1.outlet) }
    }

    /// Whether a translation credits its original: its credits or its text name the original's
    /// agency (canonically: "ТАСС" and "TASS" are one) or its outlet.
    static func names(_ carrier: Article?, source: Article?, sourceOutlet: String?) -> Bool {
        guard let carrier else { return false }
        let outlet = sourceOutlet ?? source?.outlet
        let agency = outlet.flatMap(NewsAgency.canonical) ?? source?.credits.first?.agency
        if let agency, carrier.credits.contains(where: { NewsAgency.canonical($0.agency) == agency }) { return true }
        let spellings = NewsAgency.aliases.first { $0.canonical == agency }?.spellings ?? []
        let names = [agency, outlet].compactMap { $0 } + spellings
        return names.contains { !$0.isEmpty && carrier.text.contains($0) }
    }

    // MARK: Formats

    /// The report as Markdown, safe to print (scraped values made inert, ``TerminalText``).
    public func markdown() -> TerminalText {
        var out: TerminalText = "# Syndication\n\n"
        out += "\(wireStories.count) originals carried by other outlets; "
        let translations = wireStories.reduce(0) { $0 + $1.carriers.filter { $0.role == "translation" }.count }
        out += "\(wireStories.reduce(0) { $0 + $1.carriers.count } - translations) copies and excerpts; "
        out += "\(translations) translations.\n"
        for story in wireStories {
            out += "\n## \(Self.cell(story.agency ?? "?")): \(Self.cell(story.title ?? story.originalID))\n\n"
            if story.isWire, let agency = story.agency {
                out += "Origin: the \(Self.cell(agency)) wire, carried first by \(Self.cell(story.outlet ?? "?")) as `\(story.originalID)` "
                out += "(\(story.published ?? "time unknown")), story `\(story.storyID)`\n\n"
            } else {
                out += "Original `\(story.originalID)` (\(story.outlet ?? "?"), \(story.published ?? "time unknown")), story `\(story.storyID)`\n\n"
            }
            out += "| outlet | role | verbatim | credited | delay | document |\n|---|---|---|---|---|---|\n"
            for carrier in story.carriers {
                let credited: TerminalText = carrier.credited ? "yes" : "**no**"
                out += "| \(Self.cell(carrier.outlet ?? "?")) | \(carrier.role) | \(Self.percent(carrier.verbatimShare)) | "
                out += "\(credited) | \(Self.delay(carrier.delaySeconds)) | `\(carrier.documentID)` |\n"
            }
        }
        out += "\n## Outlets\n\n| outlet | documents | wire copies | share | credited | uncredited |\n|---|---|---|---|---|---|\n"
        for outlet in outlets where outlet.copies > 0 {
            out += "| \(Self.cell(outlet.outlet)) | \(outlet.documents) | \(outlet.copies) | \(Self.percent(outlet.copyShare)) | "
            out += "\(outlet.credited) | \(outlet.uncredited) |\n"
        }
        return out
    }

    /// One CSV row per carrier, then one per outlet (`section` tells them apart). Ids, outlets and
    /// agencies are text cells (``CSVRow``): never read as formulas by a spreadsheet.
    public func csv() -> String {
        var out = "section,story,original,agency,outlet,document,role,verbatim_share,credited,delay_seconds,documents,copies,uncredited\n"
        for story in wireStories {
            for carrier in story.carriers {
                out += CSVRow([
                    .text("carrier"), .text(story.storyID), .text(story.originalID), .text(story.agency ?? ""),
                    .text(carrier.outlet ?? ""), .text(carrier.documentID), .text(carrier.role),
                    carrier.verbatimShare.map(CSVRow.Cell.number) ?? .empty, .text(carrier.credited ? "true" : "false"),
                    carrier.delaySeconds.map { .integer(Self.wholeSeconds($0)) } ?? .empty, .empty, .empty, .empty,
                ]).line
            }
        }
        for outlet in outlets {
            out += CSVRow([
                .text("outlet"), .empty, .empty, .empty, .text(outlet.outlet), .empty, .empty, .empty, .empty, .empty,
                .integer(outlet.documents), .integer(outlet.copies), .integer(outlet.uncredited),
            ]).line
        }
        return out
    }

    /// A delay in whole seconds (timestamps span years 0000-9999, far inside Int's range).
    static func wholeSeconds(_ seconds: Double) -> Int {
        seconds.isFinite ? Int(max(min(seconds, 1e15), -1e15)) : 0
    }

    public func json() -> String {
        JSONValue.object([
            ("wire_stories", .array(wireStories.map { story in
                .object([
                    ("story", .string(story.storyID)), ("original", .string(story.originalID)),
                    ("outlet", .optional(story.outlet)), ("agency", .optional(story.agency)), ("wire_origin", .bool(story.isWire)),
                    ("title", .optional(story.title)),
                    ("published", .optional(story.published)),
                    ("carriers", .array(story.carriers.map { carrier in
                        .object([
                            ("id", .string(carrier.documentID)), ("outlet", .optional(carrier.outlet)), ("role", .string(carrier.role)),
                            ("verbatim_share", carrier.verbatimShare.map { .double($0) } ?? .null),
                            ("credited", .bool(carrier.credited)),
                            ("delay_seconds", carrier.delaySeconds.map { .int(Self.wholeSeconds($0)) } ?? .null),
                        ])
                    })),
                ])
            })),
            ("outlets", .array(outlets.map { outlet in
                .object([
                    ("outlet", .string(outlet.outlet)), ("documents", .int(outlet.documents)), ("copies", .int(outlet.copies)),
                    ("credited", .int(outlet.credited)), ("uncredited", .int(outlet.uncredited)),
                ])
            })),
        ]).serialized() + "\n"
    }

    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    static func percent(_ value: Double?) -> String { value.map(DisplayFormat.percent) ?? "?" }

    static func delay(_ seconds: Double?) -> String { seconds.map(DisplayFormat.duration) ?? "?" }

}

