/// A reviewer's decision about story clusters. Decisions name documents, not cluster ids, so they
/// keep their meaning when a later run rebuilds (and renames) the clusters.
public struct ReviewDecision: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The cluster is right: its members stay together in later runs.
        case confirm
        /// `documentA` is not part of its story: it becomes a story of its own.
        case split
        /// The stories holding `documentA` and `documentB` are one story.
        case merge
        /// `documentA` and `documentB` are never in one story.
        case notSame = "not_same"
    }

    public var id: Int
    public var kind: Kind
    /// The cluster the reviewer was looking at (for display; later runs may rename it).
    public var clusterID: String?
    public var documentA: String?
    public var documentB: String?
    /// For `confirm`: the member ids at the time of the decision.
    public var members: [String]
    public var reviewer: String
    /// ISO 8601, UTC.
    public var decidedAt: String

    public init(
        id: Int = 0, kind: Kind, clusterID: String? = nil, documentA: String? = nil, documentB: String? = nil,
        members: [String] = [], reviewer: String, decidedAt: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.clusterID = clusterID
        self.documentA = documentA
        self.documentB = documentB
        self.members = members
        self.reviewer = reviewer
        self.decidedAt = decidedAt
    }

    /// Whether the decision concerns `documentID`.
    public func involves(_ documentID: String) -> Bool {
        documentA == documentID || documentB == documentID || members.contains(documentID)
    }
}
