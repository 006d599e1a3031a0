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
    /// The plain form, kept as the reference: `wiretrace run` links through an
    /// ``OccurrenceTable`` (the overload below, a few integers per occurrence), and the tests
    /// compare the two on the same occurrences.
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

    /// Every occurrence as linking reads it, one column per field, with each text, speaker, chain
    /// and kind held once and named by a small integer: about 25 bytes an occurrence, against a
    /// ``Sighting``'s 80 and its strings. A large collection has millions of occurrences of far
    /// fewer distinct quotes (copies repeat them); linking cuts each distinct text into words once.
    ///
    /// A text or speaker longer than 15 UTF-8 bytes shares the first equal (`==`) one's storage, a
    /// shorter one only a byte-identical one; chains share the first equal chain (as the run has
    /// always read them).
    public struct OccurrenceTable: Sendable {
        /// Per occurrence: its document (index into ``documentIDs``), start, kind, text, speaker
        /// (-1: none) and chain (indices into the value lists).
        public private(set) var documents: [Int32] = []
        public private(set) var starts: [Int] = []
        public private(set) var kinds: [UInt8] = []
        public private(set) var texts: [Int32] = []
        public private(set) var speakers: [Int32] = []
        public private(set) var chains: [Int32] = []
        public private(set) var documentIDs: [String]
        public private(set) var textValues: [String] = []
        public private(set) var speakerValues: [String] = []
        public private(set) var chainValues: [[String]] = []
        public private(set) var kindValues: [String] = []
        private var textIndex: [String: Int32] = [:]
        private var speakerIndex: [String: Int32] = [:]
        private var chainIndex: [[String]: Int32] = [:]

        /// A table over these documents; occurrences name them by index. A document not among
        /// them is added by ``addDocument(_:)``.
        public init(documentIDs: [String]) { self.documentIDs = documentIDs }

        public var count: Int { documents.count }

        /// Adds a document id (one not given at the start) and returns its index.
        public mutating func addDocument(_ id: String) -> Int32 {
            documentIDs.append(id)
            return Int32(documentIDs.count - 1)
        }

        public mutating func append(document: Int32, start: Int, text: String, kind: String, speaker: String?, via: [String]) {
            precondition(document >= 0 && Int(document) < documentIDs.count, "occurrence of an unknown document \(document)")
            documents.append(document)
            starts.append(start)
            if let known = kindValues.firstIndex(of: kind) {
                kinds.append(UInt8(known))
            } else {
                precondition(kindValues.count < 255, "more than 255 quote kinds")
                kinds.append(UInt8(kindValues.count))
                kindValues.append(kind)
            }
            texts.append(Self.intern(text, values: &textValues, index: &textIndex, twins: &textTwins))
            speakers.append(speaker.map { Self.intern($0, values: &speakerValues, index: &speakerIndex, twins: &speakerTwins) } ?? -1)
            if let known = chainIndex[via] {
                chains.append(known)
            } else {
                chainIndex[via] = Int32(chainValues.count)
                chains.append(Int32(chainValues.count))
                chainValues.append(via)
            }
        }

        /// Drops the lookup tables (``append`` may still be called; values stay shared).
        public mutating func finishReading() {
            (textIndex, speakerIndex, chainIndex, textTwins, speakerTwins) = ([:], [:], [:], [:], [:])
        }

        /// Short values `==` to a held one but not byte-identical to it (a decomposed accent
        /// where the first had it precomposed), by their bytes.
        private var textTwins: [[UInt8]: Int32] = [:]
        private var speakerTwins: [[UInt8]: Int32] = [:]

        private static func intern(
            _ value: String, values: inout [String], index: inout [String: Int32], twins: inout [[UInt8]: Int32]
        ) -> Int32 {
            guard let known = index[value] else {
                index[value] = Int32(values.count)
                values.append(value)
                return Int32(values.count - 1)
            }
            if value.utf8.count > 15 || values[Int(known)].utf8.elementsEqual(value.utf8) { return known }
            let bytes = Array(value.utf8)
            if let twin = twins[bytes] { return twin }
            twins[bytes] = Int32(values.count)
            values.append(value)
            return Int32(values.count - 1)
        }

        public func kind(_ index: Int) -> String { kindValues[Int(kinds[index])] }
        public func text(_ index: Int) -> String { textValues[Int(texts[index])] }
        public func speaker(_ index: Int) -> String? { speakers[index] < 0 ? nil : speakerValues[Int(speakers[index])] }
        public func via(_ index: Int) -> [String] { chainValues[Int(chains[index])] }
        public func documentID(_ index: Int) -> String { documentIDs[Int(documents[index])] }

        /// The occurrence as a ``Sighting``.
        public func sighting(_ index: Int) -> Sighting {
            Sighting(documentID: documentID(index), start: starts[index], text: text(index), kind: kind(index), speaker: speaker(index), via: via(index))
        }
    }

    /// ``link(_:sources:workers:)`` over an ``OccurrenceTable``: the same result, holding a few
    /// integers per occurrence instead of the sightings, and grouping each distinct text once.
    ///
    /// - Complexity: ``QuoteMatcher/groupDistinct(_:workers:)`` per kind over its distinct texts,
    ///   plus O(n) for the n occurrences and O(s log s) for the s sightings of a quote.
    public static func link(_ table: OccurrenceTable, sources: [Source], workers: Int = 1) -> Result {
        let articles = sources
        let published = sources.map(\.time)
        let indexByID = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($1.id, $0) })
        var quoteIDs = Array(repeating: 0, count: table.count)
        var quotes: [Quote] = []
        let names = CanonicalNames()
        for kind in [QuoteKind.direct.rawValue, QuoteKind.indirect.rawValue] {
            guard let kindID = table.kindValues.firstIndex(of: kind).map(UInt8.init) else { continue }
            // This kind's distinct texts, in the order they first occur.
            var localOfText = [Int32](repeating: -1, count: table.textValues.count)
            var texts: [String] = []
            var count = 0
            for index in 0..<table.count where table.kinds[index] == kindID {
                count += 1
                let text = Int(table.texts[index])
                if localOfText[text] < 0 {
                    localOfText[text] = Int32(texts.count)
                    texts.append(table.textValues[text])
                }
            }
            let labels = QuoteMatcher.groupDistinct(texts, workers: workers)
            texts = []
            // Groups numbered by their first occurrence (as ``QuoteMatcher/group(_:workers:)``
            // orders them); each occurrence's group, then the members of each, in input order.
            var groupOfLabel = [Int32](repeating: -1, count: labels.count)
            var groupOf = [Int32](repeating: 0, count: count)
            var groupCount = 0
            var position = 0
            for index in 0..<table.count where table.kinds[index] == kindID {
                let label = labels[Int(localOfText[Int(table.texts[index])])]
                if groupOfLabel[label] < 0 {
                    groupOfLabel[label] = Int32(groupCount)
                    groupCount += 1
                }
                groupOf[position] = groupOfLabel[label]
                position += 1
            }
            localOfText = []
            groupOfLabel = []
            var offsets = [Int](repeating: 0, count: groupCount + 1)
            for group in groupOf { offsets[Int(group) + 1] += 1 }
            for group in 0..<groupCount { offsets[group + 1] += offsets[group] }
            var members = [Int32](repeating: 0, count: count)
            var fill = offsets
            position = 0
            for index in 0..<table.count where table.kinds[index] == kindID {
                let group = Int(groupOf[position])
                members[fill[group]] = Int32(index)
                fill[group] += 1
                position += 1
            }
            groupOf = []
            fill = []
            for group in 0..<groupCount {
                let id = quotes.count + 1
                let sightings = members[offsets[group]..<offsets[group + 1]].map { member in
                    quoteIDs[Int(member)] = id
                    return table.sighting(Int(member))
                }
                quotes.append(record(id: id, sightings, indexByID: indexByID, articles: articles, published: published, names: names))
            }
        }
        var resolved = [String?](repeating: nil, count: table.count)
        for index in 0..<table.count {
            guard let named = quotes[quoteIDs[index] - 1].speaker, isName(named) else { continue }
            if let own = table.speaker(index), isName(own) { continue }
            resolved[index] = named
        }
        return Result(quoteIDs: quoteIDs, resolvedSpeakers: resolved, quotes: quotes)
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
