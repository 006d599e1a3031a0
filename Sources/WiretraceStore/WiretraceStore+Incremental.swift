import WiretraceCore

/// What incremental runs keep between runs: the documents not yet matched against the stored
/// band keys, the parameters the index was built with, and the story ids ever issued.
extension WiretraceStore {
    // MARK: Analysis state

    /// A value of the analysis state (`analysis_state`), or nil.
    public func analysisState(_ key: String) throws -> String? {
        let query = try statement("SELECT value FROM analysis_state WHERE key = ?")
        defer { query.reset() }
        query.bind(1, key)
        return try query.step() ? query.string(0) : nil
    }

    /// Forgets every verified pair, queues every document for matching, and
    /// records `key = value`, in one transaction: what a change of dedup parameters needs.
    public func resetBandIndex(stateKey key: String, value: String) throws {
        try connection.transaction {
            try connection.execute(
                """
                DELETE FROM duplicate_pairs;
                INSERT OR IGNORE INTO pending_documents(document_id) SELECT id FROM documents;
                """)
            try statement("INSERT OR REPLACE INTO analysis_state(key, value) VALUES (?, ?)").run([.text(key), .text(value)])
        }
    }

    // MARK: The story level's term cache

    /// Calls `body` for each stored article, ordered by id, with the UTF-8 length of its text and
    /// its kept story terms (the packed blob of ``cacheStoryTerms(_:newTerms:version:)``) when
    /// they were computed from its current content, else nil. When terms are handed back the
    /// article's text is not read (it is empty here): the story level needs only its length.
    public func forEachArticleWithStoryTerms(_ body: (Article, _ textByteCount: Int, _ cachedTerms: [UInt8]?) throws -> Void) throws {
        try forEachPackedArticleWithStoryTerms { article, textByteCount, packed in
            switch packed {
            case .terms(let terms): try body(article, textByteCount, try unpacker.decode(terms.bytes))
            case .text(let text):
                var article = article
                article.text = try self.text(packed: text.bytes)
                try body(article, textByteCount, nil)
            }
        }
    }

    /// What ``forEachPackedArticleWithStoryTerms(_:)`` hands with an article: its kept story terms
    /// when they are current, else its text, either still packed.
    public enum PackedStoryInput: Sendable {
        case terms(PackedValue)
        case text(PackedValue)
    }

    /// As ``forEachArticleWithStoryTerms(_:)``, but nothing is inflated on the reading thread:
    /// each article (its `text` empty) comes with its kept terms or its text still packed, for
    /// workers to inflate with a ``PackedValueReader`` each. The length is read from the packed
    /// text's header.
    public func forEachPackedArticleWithStoryTerms(
        _ body: (Article, _ textByteCount: Int, _ packed: PackedStoryInput) throws -> Void
    ) throws {
        // The article's columns (no other table here has them) with the whole packed text only
        // when no current terms are kept (else its header, which holds the text's length), then
        // the terms if current.
        let columns = Self.articleColumns.split(separator: ",").map { column -> String in
            let name = column.filter { $0 != " " }
            return name == "body" ? "CASE WHEN t.content_hash = d.content_hash THEN substr(d.body, 1, 11) ELSE d.body END" : "d." + name
        }.joined(separator: ", ")
        let query = try connection.prepare(
            """
            SELECT \(columns), CASE WHEN t.content_hash = d.content_hash THEN t.terms END
            FROM documents d LEFT JOIN story_terms t ON t.document_id = d.id ORDER BY d.id
            """)
        while try query.step() {
            let packedText = query.blob(9)
            guard let count = PackedBytes.decodedCount(packedText) else {
                throw WiretraceError(.database, "a document's stored text does not decode", location: path, cause: query.string(0))
            }
            let article = article(from: query, text: "")
            if query.isNull(12) {
                try body(article, count, .text(PackedValue(bytes: packedText)))
            } else {
                try body(article, count, .terms(PackedValue(bytes: query.blob(12))))
            }
        }
    }

    /// The story vocabulary the kept terms name by id: term i has id i.
    public func storyVocabulary() throws -> [String] {
        let query = try connection.prepare("SELECT id, term FROM story_vocabulary ORDER BY id")
        var terms: [String] = []
        while try query.step() {
            guard query.int(0) == terms.count else {
                throw WiretraceError(.internalInvariant, "story vocabulary ids are not 0..<n", location: path)
            }
            terms.append(query.string(1) ?? "")
        }
        return terms
    }

    /// Keeps story terms for documents (packed, naming terms by vocabulary id), each with the
    /// content hash it was computed from (the document's current one), and adds `newTerms` to
    /// the vocabulary (ids from ``storyVocabulary()``'s count on). `version` names how terms are
    /// computed: when it differs from the kept one's, terms and vocabulary are emptied first
    /// (and `newTerms` must then number from 0).
    public func cacheStoryTerms(_ rows: [(id: String, terms: [UInt8])], newTerms: [(id: Int, term: String)], version: String) throws {
        try connection.transaction {
            if try analysisState("story_terms") != version {
                try connection.execute("DELETE FROM story_terms; DELETE FROM story_vocabulary;")
                try statement("INSERT OR REPLACE INTO analysis_state(key, value) VALUES ('story_terms', ?)").run([.text(version)])
            }
            let term = try statement("INSERT INTO story_vocabulary(id, term) VALUES (?, ?)")
            for row in newTerms { try term.run([.int(Int64(row.id)), .text(row.term)]) }
            let insert = try statement(
                """
                INSERT OR REPLACE INTO story_terms(document_id, content_hash, terms)
                SELECT id, content_hash, ? FROM documents WHERE id = ?
                """)
            let packed = PackedBytes.encode(rows.map(\.terms), workers: workers)
            for (row, terms) in zip(rows, packed) { try insert.run([.blob(terms), .text(row.id)]) }
        }
    }

    /// The stored copies' and excerpts' evidence, by member document: the member it was
    /// linked to (`of`) and the evidence JSON, which holds the shared passages.
    public func copyEvidence() throws -> [String: (of: String, evidence: String)] {
        let query = try connection.prepare(
            "SELECT document_id, of, evidence_packed FROM cluster_members WHERE role IN ('copy', 'excerpt') AND of IS NOT NULL")
        var result: [String: (of: String, evidence: String)] = [:]
        while try query.step() { result[query.string(0) ?? ""] = (query.string(1) ?? "", try evidence(packed: query.blob(2))) }
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
