import WiretraceCore

/// Turns quote occurrences into quotes matched across outlets (``QuoteMatcher``), each with its
/// speaker, first reporter, relaying wires and carrying outlets.
public enum QuoteLinker {
    /// One occurrence of a quote in a document.
    public struct Sighting: Sendable {
        public var documentID: String
        public var start: Int
        public var text: String
        /// A ``QuoteKind`` raw value.
        public var kind: String
        /// The speaker as the document names it, if it does.
        public var speaker: String?
        /// The relay chain, first reporter first, publisher last.
        public var via: [String]

        public init(documentID: String, start: Int, text: String, kind: String, speaker: String?, via: [String]) {
            self.documentID = documentID
            self.start = start
            self.text = text
            self.kind = kind
            self.speaker = speaker
            self.via = via
        }
    }

    /// What linking needs of a document: its outlet and when it was published.
    public struct Source: Sendable {
        public var id: String
        public var outlet: String?
        /// As given (ISO 8601), and in seconds when it could be read.
        public var published: String?
        public var time: Double?

        public init(id: String, outlet: String?, published: String?, time: Double?) {
            self.id = id
            self.outlet = outlet
            self.published = published
            self.time = time
        }
    }

    /// A quote matched across documents.
    public struct Quote: Sendable, Equatable {
        public var id: Int
        /// The longest sighting's text (truncated copies are shorter).
        public var text: String
        public var speaker: String?
        public var firstReporter: String?
        public var firstDocument: String?
        public var firstOutlet: String?
        public var firstSeen: String?
        public var sightings: Int
        public var relayedBy: [String]
        public var carriedBy: [String]
    }

    public struct Result: Sendable {
        /// One quote id per occurrence, in the occurrences' order.
        public var quoteIDs: [Int]
        /// The speaker resolved from the matched quote, where the occurrence only had a
        /// description or nothing ("the junta chief", nil) and the quote has a named speaker.
        public var resolvedSpeakers: [String?]
        public var quotes: [Quote]

        public init(quoteIDs: [Int], resolvedSpeakers: [String?], quotes: [Quote]) {
            self.quoteIDs = quoteIDs
            self.resolvedSpeakers = resolvedSpeakers
            self.quotes = quotes
        }
    }

    /// Groups the sightings into quotes (direct and indirect apart) and describes each.
    ///
    /// - Complexity: ``QuoteMatcher/group(_:workers:)`` per kind, plus O(s log s) for the s sightings of a quote.
    ///
    /// - Parameter workers: threads for the grouping (``QuoteMatcher/group(_:workers:)``); the
    ///   result is the same for any number.
    public static func link(_ occurrences: [Sighting], sources: [Source], workers: Int = 1) -> Result {
        let articles = sources
        let published = sources.map(\.time)
        let indexByID = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($1.id, $0) })
        var quoteIDs = Array(repeating: 0, count: occurrences.count)
        var quotes: [Quote] = []
        let names = CanonicalNames()
        // Direct and indirect quotes are matched separately: a paraphrase is not the quote.
        for kind in [QuoteKind.direct.rawValue, QuoteKind.indirect.rawValue] {
            let positions = occurrences.indices.filter { occurrences[$0].kind == kind }
            let groups = QuoteMatcher.group(positions.map { occurrences[$0].text }, workers: workers)
            for group in groups {
                let members = group.map { positions[$0] }
                let id = quotes.count + 1
                for member in members { quoteIDs[member] = id }
                quotes.append(record(
                    id: id, members.map { occurrences[$0] }, indexByID: indexByID, articles: articles, published: published, names: names))
            }
        }
        return resolvingSpeakers(occurrences, quoteIDs: quoteIDs, quotes: quotes)
    }

    /// The linked result: each sighting without a named speaker of its own takes its quote's named
    /// speaker (a pronoun or a role is replaced by the name another outlet gave).
    public static func resolvingSpeakers(_ occurrences: [Sighting], quoteIDs: [Int], quotes: [Quote]) -> Result {
        var resolved = [String?](repeating: nil, count: occurrences.count)
        for (index, occurrence) in occurrences.enumerated() {
            guard let named = quotes[quoteIDs[index] - 1].speaker, isName(named) else { continue }
            if let own = occurrence.speaker, isName(own) { continue }
            resolved[index] = named
        }
        return Result(quoteIDs: quoteIDs, resolvedSpeakers: resolved, quotes: quotes)
    }

    /// A person's name rather than a description: starts with a capital letter.
    public static func isName(_ speaker: String) -> Bool {
        guard let first = speaker.first else { return false }
        return first.isUppercase && !["The ", "A ", "An "].contains { speaker.hasPrefix($0) }
    }

    /// One quote over its sightings: speaker, first reporter, relays, carriers, canonical text.
    public static func record(
        id: Int, _ sightings: [Sighting], indexByID: [String: Int], articles: [Source], published: [Double?]
    ) -> Quote {
        record(id: id, sightings, indexByID: indexByID, articles: articles, published: published, names: CanonicalNames())
    }

    /// Outlet and agency names as ``NewsAgency/canonical(_:)`` gives them, each looked up once:
    /// the same few outlets head and carry most of a run's quotes, and a lookup lower-cases and
    /// trims its name first. Not `Sendable`: one linking pass's.
    final class CanonicalNames {
        private var known: [String: String?] = [:]

        /// The agency's canonical name, or nil when the name is no agency's.
        func agency(_ name: String) -> String? {
            if let found = known[name] { return found }
            let found = NewsAgency.canonical(name)
            known[name] = found
            return found
        }

        /// The agency's canonical name, else the name as given.
        func callAsFunction(_ name: String) -> String { agency(name) ?? name }
    }

    static func record(
        id: Int, _ sightings: [Sighting], indexByID: [String: Int], articles: [Source], published: [Double?], names: CanonicalNames
    ) -> Quote {
        func time(_ occurrence: Sighting) -> Double { indexByID[occurrence.documentID].flatMap { published[$0] } ?? .infinity }
        let ordered = sightings.sorted { (time($0), $0.documentID, $0.start) < (time($1), $1.documentID, $1.start) }
        let first = ordered[0]

        // Speaker: the most frequent, preferring full names (two words or more) to bare references.
        var speakerVotes: [String: Int] = [:]
        for sighting in sightings { if let speaker = sighting.speaker { speakerVotes[speaker, default: 0] += 1 } }
        let speaker = speakerVotes.max { a, b in
            // "The junta leader" is a description, not a full name, however often outlets use it.
            let (fullA, fullB) = (a.key.contains(" ") && isName(a.key), b.key.contains(" ") && isName(b.key))
            if fullA != fullB { return !fullA }
            return a.value != b.value ? a.value < b.value : a.key > b.key
        }?.key

        // First reporter: the head of the earliest sighting's chain (the earliest outlet to carry
        // it, or whom that outlet names as its source); without times, the most frequent head.
        func name(_ outlet: String) -> String { names(outlet) }
        var reporterVotes: [String: Int] = [:]
        for sighting in sightings { if let head = sighting.via.first { reporterVotes[name(head), default: 0] += 1 } }
        let firstReporter: String?
        if time(first) < .infinity, let head = first.via.first {
            firstReporter = name(head)
        } else {
            firstReporter = reporterVotes.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
        }

        // Relays: agencies between the first reporter and a publishing outlet, or agencies
        // publishing a quote first reported by someone else. Carriers: the other publishers.
        var relays: [String] = []
        var carriers: [String] = []
        func add(_ name: String, to list: inout [String]) { if !list.contains(name) { list.append(name) } }
        for sighting in ordered {
            let chain = sighting.via
            guard let publisher = chain.last.map(name) else { continue }
            if chain.count > 2 { for relay in chain[1..<(chain.count - 1)].map(name) where relay != firstReporter { add(relay, to: &relays) } }
            if publisher != firstReporter, chain.count >= 2, names.agency(publisher) != nil {
                add(publisher, to: &relays)
            }
        }
        for sighting in ordered {
            guard let index = indexByID[sighting.documentID], let outlet = (articles[index].outlet ?? sighting.via.last).map(name)
            else { continue }
            if outlet != firstReporter, !relays.contains(outlet) { add(outlet, to: &carriers) }
        }
        let firstIndex = indexByID[first.documentID]
        // The canonical text: the longest sighting (truncated copies are shorter). Each length
        // (in characters) is counted once, not at every comparison.
        let lengths = sightings.map(\.text.count)
        let text = sightings[
            sightings.indices.max {
                lengths[$0] != lengths[$1] ? lengths[$0] < lengths[$1] : sightings[$0].documentID > sightings[$1].documentID
            }!
        ].text
        return Quote(
            id: id, text: text, speaker: speaker, firstReporter: firstReporter, firstDocument: first.documentID,
            firstOutlet: firstIndex.flatMap { articles[$0].outlet }, firstSeen: firstIndex.flatMap { articles[$0].published },
            sightings: sightings.count, relayedBy: relays, carriedBy: carriers)
    }
}
