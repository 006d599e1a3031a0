import WiretraceCore

/// What the story level needs to know about one document.
public struct StoryInput: Sendable {
    public var id: String
    public var outlet: String?
    public var title: String?
    /// Publication time in seconds since 1970, when known.
    public var published: Double?
    /// Agencies the document credits ("Reuters" for "Source: Reuters/jt").
    public var creditedAgencies: [String]
    /// Outlets the document names as first reporter of a quote ("TASS" in "TASS cited ...").
    public var citedReporters: [String]
    /// Ids of the cross-outlet quotes the document carries.
    public var quoteIDs: [Int]
    /// Weighted term counts from ``StoryVocabulary/counts(text:title:)``: the text itself is not kept.
    public var terms: [TermCount]
    /// Length of the text in UTF-8 bytes (the longer of two copies is the fuller one).
    public var textLength: Int
    /// ISO 639-1 code of the text's language, when identified.
    public var language: String?
    /// Counts of the document's ``CrossLanguageAnchors`` (numbers and name sound keys), interned
    /// in the same vocabulary as `terms`, sorted by term id: compared only with documents in
    /// another language.
    public var anchors: [TermCount]

    public init(
        id: String, outlet: String?, title: String?, published: Double?, creditedAgencies: [String],
        citedReporters: [String], quoteIDs: [Int], terms: [TermCount], textLength: Int,
        language: String? = nil, anchors: [TermCount] = []
    ) {
        self.language = language
        self.anchors = anchors
        self.id = id
        self.outlet = outlet
        self.title = title
        self.published = published
        self.creditedAgencies = creditedAgencies
        self.citedReporters = citedReporters
        self.quoteIDs = quoteIDs
        self.terms = terms
        self.textLength = textLength
    }
}

/// A verified near-duplicate link between two documents (indices into the inputs).
public struct DuplicateLink: Sendable, Hashable {
    public var a: Int
    public var b: Int
    public var jaccard: Double
    /// Share of `a`'s shingles found in `b`, and the reverse.
    public var aInB: Double
    public var bInA: Double

    public init(a: Int, b: Int, jaccard: Double, aInB: Double, bInA: Double) {
        self.a = a
        self.b = b
        self.jaccard = jaccard
        self.aInB = aInB
        self.bInA = bInA
    }
}

/// A member's role in its story.
public enum StoryRole: String, Sendable, Codable, CaseIterable {
    /// The earliest credible source of the story.
    case origin
    /// A near-verbatim copy of another member (`of`).
    case copy
    /// A part of another member's text (`of`), shorter than it.
    case excerpt
    /// The same story in other words.
    case rewrite
    /// The same story in another language (of the origin, when the origin is in another
    /// language than this member).
    case translation
}

public struct StoryMember: Sendable, Hashable {
    public var index: Int
    public var role: StoryRole
    /// For copies, excerpts and rewrites: the member it derives from (index into the inputs).
    public var of: Int?
    /// The near-duplicate group (index into `StoryResult.groups`), if the member is in one.
    public var group: Int?
    public var evidence: StoryEvidence
}

public struct Story: Sendable, Hashable {
    /// Stable id derived from the origin's document id.
    public var id: String
    /// Members, the origin first.
    public var members: [StoryMember]
}

/// Near-duplicate groups and the stories above them. Every input is in exactly one story.
public struct StoryResult: Sendable {
    /// Near-duplicate groups (size ≥ 2), members sorted, groups sorted by first member.
    public var groups: [[Int]]
    public var stories: [Story]
}
