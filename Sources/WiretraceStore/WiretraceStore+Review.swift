import WiretraceCore

/// One row of the stories list: a cluster without its members.
public struct ClusterSummary: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var size: Int
    public var outlets: Int
    public var firstPublished: String?
    public var lastPublished: String?
    /// Members that are copies or excerpts of another member.
    public var copies: Int
}

/// How the stories list is ordered.
public enum ClusterOrder: String, Sendable, CaseIterable {
    case size, outlets, date, reuse
}

/// A document as the outlet page lists it.
public struct OutletDocument: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var published: String?
    public var clusterID: String?
    public var role: String?
    public var of: String?
    public var credited: Bool?
}

extension WiretraceStore {
    // MARK: Review decisions

    /// Records a decision (its id and time are assigned here) and returns it as stored.
    @discardableResult
    public func record(_ decision: ReviewDecision) throws -> ReviewDecision {
        var stored = decision
        stored.decidedAt = decision.decidedAt.isEmpty ? Self.now() : decision.decidedAt
        try connection.transaction {
            try statement(
                """
                INSERT INTO review_decisions(kind, cluster_id, document_a, document_b, members, reviewer, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
            ).run([
                .text(stored.kind.rawValue), .optional(stored.clusterID), .optional(stored.documentA),
                .optional(stored.documentB), .text(JSON.encode(stored.members)), .text(stored.reviewer),
                .text(stored.decidedAt),
            ])
            stored.id = Int(connection.lastInsertRowID)
        }
        return stored
    }

    /// Every decision, oldest first (the order a run applies them in).
    public func reviewDecisions() throws -> [ReviewDecision] {
        let query = try connection.prepare(
            """
            SELECT id, kind, cluster_id, document_a, document_b, members, reviewer, decided_at
            FROM review_decisions ORDER BY id
            """)
        var result: [ReviewDecision] = []
        while try query.step() {
            guard let kind = ReviewDecision.Kind(rawValue: query.string(1) ?? "") else { continue }
            result.append(
                ReviewDecision(
                    id: query.int(0) ?? 0, kind: kind, clusterID: query.string(2), documentA: query.string(3),
                    documentB: query.string(4), members: JSON.decode([String].self, query.string(5)) ?? [],
                    reviewer: query.string(6) ?? "", decidedAt: query.string(7) ?? ""))
        }
        return result
    }

    // MARK: Paged reads for the review pages

    /// Resets the cached statements, ending the read transaction a statement that stopped at a
    /// row keeps open: a long-lived reader (the review server) calls it after each request, so
    /// the next request sees what other connections (a `wiretrace run`) committed meanwhile.
    public func finishReading() {
        for statement in statements.values { statement.reset() }
    }

    /// One page of the stories list, with the number of stories that match `search`.
    /// - Parameters:
    ///   - search: words that must all appear in the title (case-insensitive), or nil.
    ///   - minimumSize: only stories with at least this many documents.
    /// - Complexity: an index walk for `size`, `outlets` and `date` without a search; a scan of
    ///   the clusters table otherwise.
    public func clusterSummaries(
        search: String?, order: ClusterOrder, minimumSize: Int = 1, limit: Int, offset: Int
    ) throws -> (total: Int, rows: [ClusterSummary]) {
        var conditions = ["c.size >= ?"]
        var values: [SQLValue] = [.int(Int64(minimumSize))]
        let words = (search ?? "").split(whereSeparator: \.isWhitespace).prefix(8)
        for word in words {
            conditions.append("c.title LIKE ? ESCAPE '\\'")
            let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            values.append(.text("%" + escaped + "%"))
        }
        let filter = conditions.joined(separator: " AND ")
        let count = try connection.prepare("SELECT count(*) FROM clusters c WHERE \(filter)")
        count.bind(values)
        let total = try count.step() ? count.int(0) ?? 0 : 0

        let copies = "(SELECT count(*) FROM cluster_members m WHERE m.cluster_id = c.id AND m.role IN ('copy', 'excerpt'))"
        let orderBy: String
        switch order {
        case .size: orderBy = "c.size DESC, c.id"
        case .outlets: orderBy = "c.outlets DESC, c.size DESC, c.id"
        case .date: orderBy = "c.first_published DESC, c.id"
        case .reuse: orderBy = "CAST(coalesce(r.n, 0) AS REAL) / c.size DESC, c.size DESC, c.id"
        }
        // Copies per story in one grouped pass: cheaper than a subquery per story when sorting by reuse.
        let reuseJoin = order == .reuse
            ? """
            LEFT JOIN (SELECT cluster_id, count(*) AS n FROM cluster_members WHERE role IN ('copy', 'excerpt')
              GROUP BY cluster_id) r ON r.cluster_id = c.id
            """ : ""
        let query = try connection.prepare(
            """
            SELECT c.id, c.title, c.size, c.outlets, c.first_published, c.last_published, \(copies)
            FROM clusters c \(reuseJoin) WHERE \(filter) ORDER BY \(orderBy) LIMIT ? OFFSET ?
            """)
        query.bind(values + [.int(Int64(limit)), .int(Int64(offset))])
        var rows: [ClusterSummary] = []
        while try query.step() {
            rows.append(
                ClusterSummary(
                    id: query.string(0) ?? "", title: query.string(1), size: query.int(2) ?? 0, outlets: query.int(3) ?? 0,
                    firstPublished: query.string(4), lastPublished: query.string(5), copies: query.int(6) ?? 0))
        }
        return (total, rows)
    }

    /// One story with its members (origin first, then by role, time and id), or nil.
    public func cluster(_ id: String) throws -> ClusterRecord? {
        let query = try connection.prepare(
            """
            SELECT c.id, c.title, c.first_published, c.last_published, m.document_id, d.outlet, m.role, m.of,
              m.group_id, m.evidence_packed
            FROM clusters c JOIN cluster_members m ON m.cluster_id = c.id
            JOIN documents d ON d.id = m.document_id
            WHERE c.id = ?
            ORDER BY CASE m.role WHEN 'origin' THEN 0 WHEN 'rewrite' THEN 1 WHEN 'copy' THEN 2 WHEN 'excerpt' THEN 3 ELSE 4 END,
              d.published, m.document_id
            """)
        query.bind(1, id)
        var result: ClusterRecord?
        while try query.step() {
            let member = ClusterMemberRecord(
                documentID: query.string(4) ?? "", outlet: query.string(5), role: query.string(6) ?? "",
                of: query.string(7), group: query.string(8), evidence: try evidence(packed: query.blob(9)))
            if result == nil {
                result = ClusterRecord(
                    id: id, title: query.string(1), firstPublished: query.string(2), lastPublished: query.string(3),
                    members: [])
            }
            result?.members.append(member)
        }
        return result
    }

    /// The story a document is in, or nil.
    public func clusterID(containing documentID: String) throws -> String? {
        let query = try connection.prepare("SELECT cluster_id FROM cluster_members WHERE document_id = ?")
        query.bind(1, documentID)
        return try query.step() ? query.string(0) : nil
    }

    /// What an outlet published, newest first, with the story and role of each document.
    public func outletDocuments(_ outlet: String, limit: Int = 500) throws -> (total: Int, rows: [OutletDocument]) {
        let count = try connection.prepare("SELECT count(*) FROM documents WHERE outlet = ?")
        count.bind(1, outlet)
        let total = try count.step() ? count.int(0) ?? 0 : 0
        let query = try connection.prepare(
            """
            SELECT d.id, d.title, d.published, m.cluster_id, m.role, m.of, m.evidence_packed
            FROM documents d LEFT JOIN cluster_members m ON m.document_id = d.id
            WHERE d.outlet = ? ORDER BY d.published DESC, d.id LIMIT ?
            """)
        query.bind(1, outlet)
        query.bind(2, limit as Int?)
        var rows: [OutletDocument] = []
        while try query.step() {
            let evidenceJSON = query.isNull(6) ? "" : try evidence(packed: query.blob(6))
            let credited: Bool? =
                evidenceJSON.contains("\"credited\":true") ? true : evidenceJSON.contains("\"credited\":false") ? false : nil
            rows.append(
                OutletDocument(
                    id: query.string(0) ?? "", title: query.string(1), published: query.string(2),
                    clusterID: query.string(3), role: query.string(4), of: query.string(5), credited: credited))
        }
        return (total, rows)
    }

    /// Outlets with their document counts, most documents first.
    public func outletCounts() throws -> [(outlet: String, documents: Int)] {
        let query = try connection.prepare(
            "SELECT outlet, count(*) FROM documents WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet")
        var result: [(outlet: String, documents: Int)] = []
        while try query.step() { result.append((query.string(0) ?? "", query.int(1) ?? 0)) }
        return result
    }
}
