import WiretraceCore
import WiretraceStore

/// The JSONL exports whose shapes DESIGN.md fixes. Each function returns the lines in a stable
/// order; the CLI writes them.
public enum Exporter {
    /// One line per story cluster, every document in exactly one:
    /// `{"cluster", "members": [{"id", "outlet", "role", "language"}]}` (copies, excerpts and
    /// translations also carry `of`;
    /// a later version of a page stored under another id carries `edit_of`, the previous version).
    public static func clusterLines(_ store: WiretraceStore) throws -> [String] {
        var editOf: [String: String] = [:]
        for version in try store.pageVersions() {
            if let previous = version.previousDocumentID { editOf[version.documentID] = previous }
        }
        return try store.clusters().map { cluster in
            JSONValue.object([
                ("cluster", .string(cluster.id)),
                ("members", .array(cluster.members.map { member in
                    var fields: [(String, JSONValue)] = [
                        ("id", .string(member.documentID)), ("outlet", .optional(member.outlet)),
                        ("role", .string(member.role)), ("language", .optional(member.language)),
                    ]
                    if let of = member.of { fields.append(("of", .string(of))) }
                    if let previous = editOf[member.documentID] { fields.append(("edit_of", .string(previous))) }
                    return .object(fields)
                })),
            ]).serialized()
        }
    }

    /// One line per verified near-duplicate pair: `{"a", "b", "jaccard", "containment"}`.
    public static func duplicateLines(_ store: WiretraceStore) throws -> [String] {
        try store.duplicatePairs().map { pair in
            JSONValue.object([
                ("a", .string(pair.a)), ("b", .string(pair.b)), ("jaccard", .double(pair.jaccard)),
                ("containment", .double(pair.containment)),
            ]).serialized()
        }
    }

    /// One line per quote occurrence: `{"id", "quote", "start", "end", "speaker", "cue", "via"}`,
    /// offsets in Unicode scalars of the document's text; also the kind and the matched quote's id.
    public static func quoteLines(_ store: WiretraceStore) throws -> [String] {
        try store.quoteOccurrences().map { occurrence in
            var fields: [(String, JSONValue)] = [
                ("id", .string(occurrence.documentID)), ("quote", .string(occurrence.text)),
                ("start", .int(occurrence.start)), ("end", .int(occurrence.end)),
                ("speaker", .optional(occurrence.speaker)), ("cue", .optional(occurrence.cue)),
                ("via", .array(occurrence.via.map { .string($0) })), ("kind", .string(occurrence.kind)),
                ("quote_id", occurrence.quoteID.map { .int($0) } ?? .null),
            ]
            if let mention = occurrence.speakerMention, mention != occurrence.speaker {
                fields.append(("speaker_mention", .string(mention)))
            }
            return JSONValue.object(fields).serialized()
        }
    }

    /// The `wiretrace extract` object for one article.
    public static func articleJSON(_ article: Article) -> JSONValue {
        .object([
            ("id", .string(article.id)), ("source", .string(article.source)), ("url", .optional(article.url)),
            ("outlet", .optional(article.outlet)), ("outlet_evidence", .optional(article.outletEvidence)),
            ("title", .optional(article.title)),
            ("published", .optional(article.published)), ("byline", .optional(article.byline)),
            ("dateline", .optional(article.dateline)), ("language", .optional(article.language)),
            ("credits", .array(article.credits.map { .object([("agency", .string($0.agency)), ("text", .string($0.text))]) })),
            ("text", .string(article.text)),
        ])
    }
}
