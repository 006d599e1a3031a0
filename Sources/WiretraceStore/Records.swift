import WiretraceCore

/// A document as stored: the article, its LSH band keys and its quote occurrences.
public struct StoredDocument: Sendable {
    public var article: Article
    public var format: InputFormat
    /// A stable hash of the article's text and metadata: an unchanged document is not rewritten.
    public var contentHash: String
    /// The dedup parameters the band keys were computed with ("oph;k=5;p=128;seed=...;bands=28x2").
    public var signatureParameters: String
    /// The size of the document's exact shingle set.
    public var shingleCount: Int
    /// The band keys, little-endian 8 bytes each (empty: no shingles).
    public var signature: [UInt8]
    public var quotes: [QuoteOccurrenceRecord]
    /// A stable hash of the text alone: the same URL with the same text is the same document,
    /// with other text a new version of the page. Defaults to `contentHash`.
    public var textHash: String

    public init(
        article: Article, format: InputFormat, contentHash: String, signatureParameters: String,
        shingleCount: Int, signature: [UInt8], quotes: [QuoteOccurrenceRecord], textHash: String? = nil
    ) {
        self.textHash = textHash ?? contentHash
        self.article = article
        self.format = format
        self.contentHash = contentHash
        self.signatureParameters = signatureParameters
        self.shingleCount = shingleCount
        self.signature = signature
        self.quotes = quotes
    }
}

/// One quote occurrence in one document (offsets are Unicode scalars into the document text).
public struct QuoteOccurrenceRecord: Sendable, Hashable, Codable {
    public var documentID: String
    public var start: Int
    public var end: Int
    public var text: String
    public var kind: String
    /// The speaker's name, resolved in the document or, failing that, from the same quote
    /// elsewhere ("the junta chief" -> "Min Aung Hlaing").
    public var speaker: String?
    /// The speaker as the document names it, when that differs from `speaker`.
    public var speakerMention: String?
    public var cue: String?
    public var via: [String]
    /// The cross-outlet quote this occurrence belongs to, once matched.
    public var quoteID: Int?
    /// Where the speaker mention is written (Unicode-scalar offsets into the document text).
    public var speakerStart: Int?
    public var speakerEnd: Int?

    public init(
        documentID: String, start: Int, end: Int, text: String, kind: String, speaker: String?,
        cue: String?, via: [String], quoteID: Int? = nil, speakerMention: String? = nil,
        speakerStart: Int? = nil, speakerEnd: Int? = nil
    ) {
        self.speakerStart = speakerStart
        self.speakerEnd = speakerEnd
        self.documentID = documentID
        self.start = start
        self.end = end
        self.text = text
        self.kind = kind
        self.speaker = speaker
        self.speakerMention = speakerMention
        self.cue = cue
        self.via = via
        self.quoteID = quoteID
    }
}

/// A verified near-duplicate pair, by document id (a < b).
public struct DuplicatePairRecord: Sendable, Hashable, Codable {
    public var a: String
    public var b: String
    public var jaccard: Double
    public var containment: Double
    public var aInB: Double
    public var bInA: Double

    public init(a: String, b: String, jaccard: Double, containment: Double, aInB: Double, bInA: Double) {
        self.a = a
        self.b = b
        self.jaccard = jaccard
        self.containment = containment
        self.aInB = aInB
        self.bInA = bInA
    }
}

/// A member of a story cluster with its role and the evidence that put it there.
public struct ClusterMemberRecord: Sendable, Hashable, Codable {
    public var documentID: String
    public var outlet: String?
    public var role: String
    /// For a copy or an excerpt: the document it copies.
    public var of: String?
    /// The near-duplicate group it belongs to, if any.
    public var group: String?
    /// JSON evidence for the link (scores, shared quotes, credits).
    public var evidence: String
    /// ISO 639-1 code of the document's language, when it was identified.
    public var language: String?

    public init(
        documentID: String, outlet: String?, role: String, of: String?, group: String?, evidence: String,
        language: String? = nil
    ) {
        self.documentID = documentID
        self.outlet = outlet
        self.role = role
        self.of = of
        self.group = group
        self.evidence = evidence
        self.language = language
    }
}

/// A story cluster: every document is in exactly one (singletons included).
public struct ClusterRecord: Sendable, Hashable, Codable {
    public var id: String
    public var title: String?
    public var firstPublished: String?
    public var lastPublished: String?
    public var members: [ClusterMemberRecord]

    public init(id: String, title: String?, firstPublished: String?, lastPublished: String?, members: [ClusterMemberRecord]) {
        self.id = id
        self.title = title
        self.firstPublished = firstPublished
        self.lastPublished = lastPublished
        self.members = members
    }

    public var outletCount: Int { Set(members.compactMap(\.outlet)).count }

    public func member(_ id: String) -> ClusterMemberRecord? { members.first { $0.documentID == id } }
}

/// A quote matched across outlets: one row, many occurrences.
public struct QuoteRecord: Sendable, Hashable, Codable {
    public var id: Int
    public var text: String
    public var speaker: String?
    public var firstReporter: String?
    public var firstDocument: String?
    public var firstOutlet: String?
    public var firstSeen: String?
    public var sightings: Int
    /// Wires that relayed the quote from the first reporter (Reuters, relaying TASS).
    public var relayedBy: [String]
    /// Outlets that published it, besides the first reporter and the relaying wires.
    public var carriedBy: [String]

    public init(
        id: Int, text: String, speaker: String?, firstReporter: String?, firstDocument: String?,
        firstOutlet: String?, firstSeen: String?, sightings: Int, relayedBy: [String], carriedBy: [String]
    ) {
        self.id = id
        self.text = text
        self.speaker = speaker
        self.firstReporter = firstReporter
        self.firstDocument = firstDocument
        self.firstOutlet = firstOutlet
        self.firstSeen = firstSeen
        self.sightings = sightings
        self.relayedBy = relayedBy
        self.carriedBy = carriedBy
    }
}

/// Everything the analysis stages derive from the stored documents; replaced as a whole.
public struct AnalysisSnapshot: Sendable {
    public var pairs: [DuplicatePairRecord]
    /// Near-duplicate groups: group id and member document ids.
    public var groups: [(id: String, members: [String])]
    public var clusters: [ClusterRecord]
    public var quotes: [QuoteRecord]
    /// (document id, start, end) -> quote id, and the speaker resolved across outlets if the
    /// document itself only gave a description ("the junta chief").
    public var quoteAssignments: [QuoteAssignment]
    /// Story ids issued for the first time by this analysis (recorded with the run).
    public var newStoryIDs: [String] = []
    /// Stories absorbed by an older one in this analysis: the retired id and the survivor's.
    public var storyMerges: [(old: String, survivor: String)] = []

    public init(
        pairs: [DuplicatePairRecord], groups: [(id: String, members: [String])], clusters: [ClusterRecord],
        quotes: [QuoteRecord], quoteAssignments: [QuoteAssignment]
    ) {
        self.pairs = pairs
        self.groups = groups
        self.clusters = clusters
        self.quotes = quotes
        self.quoteAssignments = quoteAssignments
    }
}

/// A run's row: what was read, what was kept, what was rejected and why.
public struct RunRecord: Sendable, Hashable, Codable {
    public var id: Int
    public var startedAt: String
    public var finishedAt: String?
    public var status: String
    public var inputs: [String]
    public var parameters: String
    public var documentsRead: Int
    public var documentsStored: Int
    public var documentsUnchanged: Int
    public var rejected: Int
    public var rejectsByReason: [String: Int]
    public var duplicatePairs: Int
    public var duplicateGroups: Int
    public var stories: Int
    public var quotes: Int
}

/// The counts a finished run records.
public struct RunCounts: Sendable, Hashable {
    public var documentsRead = 0
    public var documentsStored = 0
    public var documentsUnchanged = 0
    public var rejects = RejectCounts()
    public var duplicatePairs = 0
    public var duplicateGroups = 0
    public var stories = 0
    public var quotes = 0

    public init() {}
}

/// The relay part of a quote's chain, as stored in `quotes.chain_packed` (before PackedBytes):
/// the relaying outlets' count and names, then the carrying outlets' (counted UTF-8 strings).
/// Schema 10 and before kept it as JSON (`relayed_by`, `carried_by`).
struct QuoteChain: Codable, Equatable {
    var relayedBy: [String]
    var carriedBy: [String]
    enum CodingKeys: String, CodingKey {
        case relayedBy = "relayed_by"
        case carriedBy = "carried_by"
    }

    init(relayedBy: [String], carriedBy: [String]) {
        self.relayedBy = relayedBy
        self.carriedBy = carriedBy
    }

    func packed() -> [UInt8] {
        var writer = ByteWriter()
        for names in [relayedBy, carriedBy] {
            writer.varint(UInt64(names.count))
            for name in names { writer.string(name) }
        }
        return writer.bytes
    }

    /// The chain of ``packed()``'s bytes; nil when they are not such a packing.
    init?(packed bytes: [UInt8]) {
        var reader = ByteReader(bytes)
        var lists: [[String]] = []
        for _ in 0..<2 {
            guard let count = reader.varint(), count <= UInt64(bytes.count) else { return nil }
            var names: [String] = []
            for _ in 0..<count {
                guard case let name?? = reader.string() else { return nil }
                names.append(name)
            }
            lists.append(names)
        }
        guard reader.isAtEnd else { return nil }
        self.init(relayedBy: lists[0], carriedBy: lists[1])
    }
}

/// Which matched quote an occurrence belongs to.
public struct QuoteAssignment: Sendable, Hashable {
    public var documentID: String
    public var start: Int
    public var end: Int
    public var quoteID: Int
    /// Set when the speaker is resolved from the matched quote rather than the document.
    public var resolvedSpeaker: String?

    public init(documentID: String, start: Int, end: Int, quoteID: Int, resolvedSpeaker: String? = nil) {
        self.documentID = documentID
        self.start = start
        self.end = end
        self.quoteID = quoteID
        self.resolvedSpeaker = resolvedSpeaker
    }
}

/// What storing one document did.
public enum StoreOutcome: Sendable, Hashable {
    /// A document not seen before (or a new version of a page already stored under another id).
    case stored
    /// A stored document (same id) whose content changed: replaced, and matched again.
    case updated
    /// The same id with the same content: nothing written but `last_run`.
    case unchanged
    /// Another id with the same URL and the same text as a stored document: not stored twice.
    case sameAs(String)
}

/// One version of a page (documents sharing a URL), oldest first.
public struct PageVersionRecord: Sendable, Hashable {
    public var url: String
    public var version: Int
    public var documentID: String
    /// The document holding the previous version, when it is another document.
    public var previousDocumentID: String?
    public var runID: Int
}
