import WiretraceCore

/// What incremental runs keep between runs: the LSH band index, the documents not yet matched
/// against it, the parameters the index was built with, and the story ids ever issued.
extension WiretraceStore {
    // MARK: Analysis state

    /// A value of the analysis state (`analysis_state`), or nil.
    public func analysisState(_ key: String) throws -> String? {
        let query = try statement("SELECT value FROM analysis_state WHERE key = ?")
        defer { query.reset() }
        query.bind(1, key)
        return try query.step() ? query.string(0) : nil
    }

    /// Forgets the band index and every verified pair, queues every document for matching, and
    /// records `key = value`, in one transaction: what a change of dedup parameters needs.
    public func resetBandIndex(stateKey key: String, value: String) throws {
        try connection.transaction {
            try connection.execute(
                """
                DELETE FROM band_keys; DELETE FROM duplicate_pairs;
                INSERT OR IGNORE INTO pending_documents(document_id) SELECT id FROM documents;
                """)
            try statement("INSERT OR REPLACE INTO analysis_state(key, value) VALUES (?, ?)").run([.text(key), .text(value)])
        }
    }

    // MARK: The story level's term cache

    /// Calls `body` for each stored article, ordered by id, with its cached story terms when
    /// they were computed from its current content (see ``cacheStoryTerms(_:)``), else nil.
    public func forEachArticleWithStoryTerms(_ body: (Article, _ cachedTerms: String?) throws -> Void) throws {
        // The article's columns (no other table here has them), then the kept terms if current.
        let query = try connection.prepare(
            """
            SELECT \(Self.articleColumns), CASE WHEN t.content_hash = d.content_hash THEN t.terms END
            FROM documents d LEFT JOIN story_terms t ON t.document_id = d.id ORDER BY d.id
            """)
        while try query.step() { try body(Self.article(from: query), query.string(12)) }
    }

    /// Keeps story terms for documents, each with the content hash it was computed from (the
    /// document's current one). `version` names how terms are computed: when it differs from
    /// the cache's, the cache is emptied first.
    public func cacheStoryTerms(_ rows: [(id: String, terms: String)], version: String) throws {
        try connection.transaction {
            if try analysisState("story_terms") != version {
                try connection.execute("DELETE FROM story_terms")
                try statement("INSERT OR REPLACE INTO analysis_state(key, value) VALUES ('story_terms', ?)").run([.text(version)])
            }
            let insert = try statement(
                """
                INSERT OR REPLACE INTO story_terms(document_id, content_hash, terms)
                SELECT id, content_hash, ? FROM documents WHERE id = ?
                """)
            for row in rows { try insert.run([.text(row.terms), .text(row.id)]) }
        }
    }

    /// The stored copies' and excerpts' evidence, by member document: the member it was
    /// linked to (`of`) and the evidence JSON, which holds the shared passages.
    public func copyEvidence() throws -> [String: (of: String, evidence: String)] {
        let query = try connection.prepare(
            "SELECT document_id, of, evidence FROM cluster_members WHERE role IN ('copy', 'excerpt') AND of IS NOT NULL")
        var result: [String: (of: String, evidence: String)] = [:]
        while try query.step() { result[query.string(0) ?? ""] = (query.string(1) ?? "", query.string(2) ?? "{}") }
        return result
    }

    // MARK: Pending documents and the band index

    /// Documents stored or changed since the last finished analysis, by id.
    public func pendingDocumentIDs() throws -> [String] {
        let query = try connection.prepare("SELECT document_id FROM pending_documents ORDER BY document_id")
        var ids: [String] = []
        while try query.step() { ids.append(query.string(0) ?? "") }
        return ids
    }

    /// One document's stored signature: the parameters it was computed with and its bytes.
    public func signature(of id: String) throws -> (parameters: String, minhash: [UInt8])? {
        let query = try statement("SELECT parameters, minhash FROM signatures WHERE document_id = ?")
        defer { query.reset() }
        query.bind(1, id)
        return try query.step() ? (query.string(0) ?? "", query.blob(1)) : nil
    }

    /// Replaces the band keys of each document (nil: a document with no shingles, never a
    /// candidate), in one transaction.
    public func replaceBandKeys(_ rows: [(id: String, keys: [UInt64]?)]) throws {
        guard !rows.isEmpty else { return }
        try connection.transaction {
            let delete = try statement("DELETE FROM band_keys WHERE document_id = ?")
            let insert = try statement("INSERT INTO band_keys(band, key, document_id) VALUES (?, ?, ?)")
            for row in rows {
                try delete.run([.text(row.id)])
                for (band, key) in (row.keys ?? []).enumerated() {
                    try insert.run([.int(Int64(band)), .int(Int64(bitPattern: key)), .text(row.id)])
                }
            }
        }
    }

    /// The documents sharing at least one band key with `keys` (key i is band i's), by an
    /// indexed lookup per band: the index is never loaded whole.
    ///
    /// - Complexity: O(b·(log N + m)) for b bands, N stored keys and m documents per bucket.
    public func bandNeighbours(of keys: [UInt64]) throws -> Set<String> {
        let query = try statement("SELECT document_id FROM band_keys WHERE band = ? AND key = ?")
        defer { query.reset() }
        var found: Set<String> = []
        for (band, key) in keys.enumerated() {
            query.reset()
            query.bind(1, Int64(band))
            query.bind(2, Int64(bitPattern: key))
            while try query.step() { found.insert(query.string(0) ?? "") }
        }
        return found
    }

    // MARK: Stories

    /// Every story id ever issued, with the run it first appeared in.
    public func storyIDFirstRuns() throws -> [String: Int] {
        let query = try connection.prepare("SELECT id, first_run FROM story_ids")
        var result: [String: Int] = [:]
        while try query.step() { result[query.string(0) ?? ""] = query.int(1) ?? 0 }
        return result
    }

    /// The story each document is in now, by document id.
    public func storyOfDocuments() throws -> [String: String] {
        let query = try connection.prepare("SELECT document_id, cluster_id FROM cluster_members")
        var result: [String: String] = [:]
        while try query.step() { result[query.string(0) ?? ""] = query.string(1) ?? "" }
        return result
    }

    /// Recorded story merges, oldest run first: the retired id, the survivor's and the run.
    public func storyMerges() throws -> [(old: String, survivor: String, run: Int)] {
        let query = try connection.prepare("SELECT old_id, survivor_id, run_id FROM story_merges ORDER BY run_id, old_id")
        var result: [(old: String, survivor: String, run: Int)] = []
        while try query.step() { result.append((query.string(0) ?? "", query.string(1) ?? "", query.int(2) ?? 0)) }
        return result
    }

    // MARK: Page versions

    /// Every page version, by URL and version.
    public func pageVersions() throws -> [PageVersionRecord] {
        let query = try connection.prepare("SELECT url, version, document_id, run_id FROM page_versions ORDER BY url, version")
        var result: [PageVersionRecord] = []
        while try query.step() {
            let url = query.string(0) ?? ""
            let documentID = query.string(2) ?? ""
            let previous = result.last.flatMap { $0.url == url && $0.documentID != documentID ? $0.documentID : nil }
            result.append(
                PageVersionRecord(
                    url: url, version: query.int(1) ?? 0, documentID: documentID, previousDocumentID: previous,
                    runID: query.int(3) ?? 0))
        }
        return result
    }

    // MARK: Runs

    /// Marks runs that never finished (killed) as interrupted; returns how many.
    @discardableResult
    public func markInterruptedRuns() throws -> Int {
        try connection.transaction {
            try connection.execute("UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
            return try scalarInt("SELECT changes()") ?? 0
        }
    }
}
