import Foundation
import WiretraceCore

/// The SQLite database of a Wiretrace project: documents, signatures, quotes, runs, and the
/// analysis (pairs, groups, stories, matched quotes) derived from them.
///
/// One owner of the connection; not `Sendable` (use it from one thread). Writes are batched in
/// transactions, so a crash loses at most the batch in flight and never what was committed.
public final class WiretraceStore {
    let connection: SQLiteConnection
    var statements: [String: SQLiteStatement] = [:]
    public let path: String
    /// Inflates the packed values read (texts, quote occurrences, story terms).
    let unpacker = PackedBytes.Unpacker()
    /// Threads that pack values being written.
    let workers = ProcessInfo.processInfo.activeProcessorCount

    /// The page size of a new database: rows of a few KB (a deflated text, a document's packed
    /// quotes or story terms) pack into 16 KB pages with less left over than into 4 KB ones
    /// (a measured ~10% of a run's database). An existing database keeps its own.
    static let newDatabasePageSize = 16_384

    /// How a store is opened.
    public enum Access: Sendable {
        /// `wiretrace run`, `import`, `serve`: creates the file when missing, brings its schema
        /// up to date, and writes.
        case readWrite
        /// `export`, `report`, `eval`: never creates, migrates or writes the file, and works on a
        /// database the user may not write (or in a directory the user may not write).
        case readOnly
    }

    /// Marks a file as a Wiretrace store (`PRAGMA application_id`, "WTRC").
    static let applicationID = 0x5754_5243

    /// Opens the database at `path` and, for ``Access/readWrite``, creates it when missing and
    /// brings its schema up to date.
    ///
    /// A file that is not a Wiretrace store (not SQLite at all, or a SQLite database of some other
    /// program) is refused with ``WiretraceError/Code/notAStore`` before anything is written to it.
    public init(path: String, access: Access = .readWrite) throws {
        self.path = path
        switch access {
        case .readWrite:
            connection = try SQLiteConnection(path: path)
            try Self.identify(connection)
            // Before anything is written (WAL mode writes the header): a no-op on an existing file.
            try connection.execute("PRAGMA page_size = \(Self.newDatabasePageSize)")
            try connection.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;")
            try migrate()
        case .readOnly:
            guard FileManager.default.fileExists(atPath: path) else {
                throw WiretraceError(.usage, "no database (create one with `wiretrace run --db FILE INPUT...`)", location: path)
            }
            var opened = try SQLiteConnection(path: path, mode: .readOnly)
            do {
                try Self.identify(opened)
            } catch let error as WiretraceError where error.code == .database {
                // A WAL database whose `-shm` file cannot be created (a directory the user may not
                // write): read it as immutable.
                opened = try SQLiteConnection(path: path, mode: .immutable)
                try Self.identify(opened)
            }
            connection = opened
            let version = try connection.scalarInt("PRAGMA user_version") ?? 0
            guard version == Schema.migrations.count else {
                let relation = version < Schema.migrations.count ? "older" : "newer"
                throw WiretraceError(
                    .database,
                    "database schema version \(version) is \(relation) than this wiretrace's (\(Schema.migrations.count))"
                        + (relation == "older" ? "; `wiretrace run --db FILE INPUT...` upgrades it" : ""),
                    location: path)
            }
        }
    }

    /// Refuses a file that is not a Wiretrace store, reading only: a new or empty file passes, and
    /// so does a store written before stores were marked (its tables are Wiretrace's).
    private static func identify(_ connection: SQLiteConnection) throws {
        let application: Int
        let version: Int
        let tables: [String]
        do {
            application = try connection.scalarInt("PRAGMA application_id") ?? 0
            version = try connection.scalarInt("PRAGMA user_version") ?? 0
            let query = try connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            var names: [String] = []
            while try query.step() { names.append(query.string(0) ?? "") }
            tables = names
        } catch let error as WiretraceError where error.cause?.contains("not a database") == true {
            throw WiretraceError(
                .notAStore, "not a Wiretrace database: the file is not SQLite (give a new file name or a database `wiretrace run` wrote)",
                location: connection.path)
        }
        if application == applicationID { return }
        if application == 0, tables.isEmpty, version == 0 { return }  // a new or empty database
        if application == 0, version > 0, Set(tables).isSuperset(of: ["runs", "documents", "signatures"]) { return }
        let shown = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", ..." : "")
        let what = application != 0
            ? String(format: "a SQLite database of another program (application id 0x%08X)", application)
            : "a SQLite database of another program (tables: \(shown.isEmpty ? "none" : shown))"
        throw WiretraceError(
            .notAStore,
            "not a Wiretrace database: \(what); it was left untouched (give a new file name or a database `wiretrace run` wrote)",
            location: connection.path)
    }

    private func migrate() throws {
        let version = try scalarInt("PRAGMA user_version") ?? 0
        guard version <= Schema.migrations.count else {
            throw WiretraceError(
                .database, "database schema version \(version) is newer than this wiretrace (\(Schema.migrations.count))",
                location: path)
        }
        for index in version..<Schema.migrations.count {
            let migration = Schema.migrations[index]
            try connection.transaction {
                try connection.execute(migration.sql)
                try migration.rewrite?(self)
                if !migration.sqlAfter.isEmpty { try connection.execute(migration.sqlAfter) }
                try connection.execute("PRAGMA user_version = \(index + 1)")
            }
        }
        // A store upgraded to packed values (migrations 10 and 11) frees most of its pages: give them back once.
        if version > 0, version < 11, Schema.migrations.count >= 11 {
            statements.removeAll()
            try connection.execute("VACUUM")
        }
        if try scalarInt("PRAGMA application_id") != Self.applicationID {
            try connection.execute("PRAGMA application_id = \(Self.applicationID)")
        }
    }

    /// A cached prepared statement, reset. Callers that read rows reset it again when done
    /// (`defer { query.reset() }`): a statement left mid-rows keeps a read transaction open,
    /// and then no checkpoint can restart the WAL, which grows with every later write.
    func statement(_ sql: String) throws -> SQLiteStatement {
        if let cached = statements[sql] {
            cached.reset()
            return cached
        }
        let prepared = try connection.prepare(sql)
        statements[sql] = prepared
        return prepared
    }

    func scalarInt(_ sql: String) throws -> Int? { try connection.scalarInt(sql) }

    /// Runs `body` in one transaction.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }

    // MARK: Runs

    /// Starts a run row and returns its id.
    public func beginRun(inputs: [String], parameters: String) throws -> Int {
        try connection.transaction {
            try statement("INSERT INTO runs(started_at, inputs, parameters) VALUES (?, ?, ?)")
                .run([.text(Self.now()), .text(JSON.encode(inputs)), .text(parameters)])
            return Int(connection.lastInsertRowID)
        }
    }

    /// Records rejected documents of a run.
    public func record(rejections: [Rejection], run: Int) throws {
        guard !rejections.isEmpty else { return }
        try connection.transaction {
            let insert = try statement(
                "INSERT INTO rejects(run_id, file, record, record_id, reason, message) VALUES (?, ?, ?, ?, ?, ?)")
            for rejection in rejections {
                try insert.run([
                    .int(Int64(run)), .text(rejection.location.file), .optional(rejection.location.record),
                    .optional(rejection.location.recordID), .text(rejection.reason.rawValue), .text(rejection.message),
                ])
            }
        }
    }

    /// Closes a run row with its counts.
    public func finishRun(_ run: Int, counts: RunCounts, status: String = "finished") throws {
        var reasons: [String: Int] = [:]
        for (reason, count) in counts.rejects.counts { reasons[reason.rawValue] = count }
        try connection.transaction {
            try statement(
                """
                UPDATE runs SET finished_at = ?, status = ?, documents_read = ?, documents_stored = ?,
                  documents_unchanged = ?, rejected = ?, rejects_by_reason = ?, duplicate_pairs = ?,
                  duplicate_groups = ?, stories = ?, quotes = ? WHERE id = ?
                """
            ).run([
                .text(Self.now()), .text(status), .int(Int64(counts.documentsRead)),
                .int(Int64(counts.documentsStored)), .int(Int64(counts.documentsUnchanged)),
                .int(Int64(counts.rejects.total)), .text(JSON.encode(reasons)), .int(Int64(counts.duplicatePairs)),
                .int(Int64(counts.duplicateGroups)), .int(Int64(counts.stories)), .int(Int64(counts.quotes)),
                .int(Int64(run)),
            ])
        }
    }

    /// Throws ``WiretraceError/Code/incompleteRun`` when the newest run did not finish (still
    /// running, killed, or failed): its documents may be stored while the analysis that exports
    /// and reports read is an older run's, or none. Running the same inputs again finishes it.
    public func requireFinishedRun() throws {
        let query = try connection.prepare("SELECT id, status, started_at FROM runs ORDER BY id DESC LIMIT 1")
        guard try query.step() else { return }
        let status = query.string(1) ?? ""
        guard status != "finished" else { return }
        let id = query.int(0) ?? 0
        let started = query.string(2) ?? "?"
        let state = status == "running"
            ? "has not finished (still running, or killed)"
            : "did not finish (\(status))"
        throw WiretraceError(
            .incompleteRun,
            "run #\(id), started \(started), \(state): the stored analysis does not cover its documents; "
                + "run `wiretrace run` with the same inputs again to finish it",
            location: path)
    }

    public func runs() throws -> [RunRecord] {
        let query = try connection.prepare(
            """
            SELECT id, started_at, finished_at, status, inputs, parameters, documents_read, documents_stored,
              documents_unchanged, rejected, rejects_by_reason, duplicate_pairs, duplicate_groups, stories, quotes
            FROM runs ORDER BY id
            """)
        var result: [RunRecord] = []
        while try query.step() {
            result.append(
                RunRecord(
                    id: query.int(0) ?? 0, startedAt: query.string(1) ?? "", finishedAt: query.string(2),
                    status: query.string(3) ?? "", inputs: JSON.decode([String].self, query.string(4)) ?? [],
                    parameters: query.string(5) ?? "", documentsRead: query.int(6) ?? 0,
                    documentsStored: query.int(7) ?? 0, documentsUnchanged: query.int(8) ?? 0,
                    rejected: query.int(9) ?? 0,
                    rejectsByReason: JSON.decode([String: Int].self, query.string(10)) ?? [:],
                    duplicatePairs: query.int(11) ?? 0, duplicateGroups: query.int(12) ?? 0,
                    stories: query.int(13) ?? 0, quotes: query.int(14) ?? 0))
        }
        return result
    }

    public func rejections(run: Int) throws -> [Rejection] {
        let query = try connection.prepare(
            "SELECT file, record, record_id, reason, message FROM rejects WHERE run_id = ? ORDER BY rowid")
        query.bind(1, run as Int?)
        var result: [Rejection] = []
        while try query.step() {
            let location = SourceLocation(file: query.string(0) ?? "", record: query.int(1), recordID: query.string(2))
            let reason = RejectReason(rawValue: query.string(3) ?? "") ?? .unreadable
            result.append(Rejection(location: location, reason: reason, message: query.string(4) ?? ""))
        }
        return result
    }

    // MARK: Documents

    /// The stored content hash of a document, or nil if it is not stored.
    public func contentHash(of id: String) throws -> String? {
        let query = try statement("SELECT content_hash FROM documents WHERE id = ?")
        defer { query.reset() }
        query.bind(1, id)
        return try query.step() ? query.string(0) : nil
    }

    /// Stores a batch of documents (with their signatures and quote occurrences) in one
    /// transaction, deciding each one's identity against what is stored, earlier documents of
    /// the batch included:
    ///
    /// - same id, same content hash: unchanged (only `last_run` moves);
    /// - same id, other content: replaced in place, and a new page version when its text changed;
    /// - new id, same URL and same text as a stored document: not stored (``StoreOutcome/sameAs(_:)``);
    /// - new id otherwise: stored; with a URL already stored under other text, as its next version.
    ///
    /// Stored and replaced documents are queued for matching (`pending_documents`) in the same
    /// transaction, so a batch is either wholly in, queued, or not at all.
    ///
    /// With `foldingSameURL` false, a new id is stored even when its URL and text are those of a
    /// stored document (`wiretrace import` keeps every document the Spark run kept).
    @discardableResult
    public func store(_ documents: [StoredDocument], run: Int, foldingSameURL: Bool = true) throws -> [StoreOutcome] {
        guard !documents.isEmpty else { return [] }
        // Texts deflated and quotes packed on every core before the transaction (the writes are
        // one thread's). A document found unchanged below wastes its packing; a re-run is rare.
        let unpacked = documents.parallelMap(workers: workers) { document -> (text: [UInt8], quotes: [UInt8]) in
            let text = Array(document.article.text.utf8)
            guard !document.quotes.isEmpty else { return (text, []) }
            return (text, QuoteOccurrencePacking.pack(document.quotes, scalars: Array(document.article.text.unicodeScalars)))
        }
        let packed = PackedBytes.encode(unpacked.flatMap { [$0.text, $0.quotes] }, workers: workers)
        return try connection.transaction {
            let upsert = try statement(
                """
                INSERT INTO documents(id, source, format, url, outlet, title, published, byline, dateline, credits,
                  body, content_hash, first_run, last_run, text_hash, language, outlet_evidence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET source = excluded.source, format = excluded.format, url = excluded.url,
                  outlet = excluded.outlet, title = excluded.title, published = excluded.published,
                  byline = excluded.byline, dateline = excluded.dateline, credits = excluded.credits,
                  body = excluded.body, content_hash = excluded.content_hash, last_run = excluded.last_run,
                  text_hash = excluded.text_hash, language = excluded.language,
                  outlet_evidence = excluded.outlet_evidence
                """)
            let signature = try statement(
                """
                INSERT INTO signatures(document_id, parameters_id, shingle_count, band_keys) VALUES (?, ?, ?, ?)
                ON CONFLICT(document_id) DO UPDATE SET parameters_id = excluded.parameters_id,
                  shingle_count = excluded.shingle_count, band_keys = excluded.band_keys
                """)
            let deleteQuotes = try statement("DELETE FROM document_quotes WHERE document_id = ?")
            let insertQuotes = try statement("INSERT OR REPLACE INTO document_quotes(document_id, occurrences) VALUES (?, ?)")
            let deleteLinks = try statement("DELETE FROM quote_links WHERE document_id = ?")
            let pending = try statement("INSERT OR IGNORE INTO pending_documents(document_id) VALUES (?)")
            // The language and the outlet's evidence are found again from the same page: kept
            // current (and filled in for documents stored before they were) without matching again.
            let touch = try statement("UPDATE documents SET last_run = ?, language = ?, outlet_evidence = ? WHERE id = ?")
            var outcomes: [StoreOutcome] = []
            var parameterIDs: [String: Int64] = [:]
            for (index, document) in documents.enumerated() {
                let article = document.article
                let stored = try storedIdentity(of: article.id)
                if let stored, stored.contentHash == document.contentHash {
                    try touch.run([.int(Int64(run)), .optional(article.language), .optional(article.outletEvidence), .text(article.id)])
                    outcomes.append(.unchanged)
                    continue
                }
                if foldingSameURL, stored == nil, let url = article.url,
                    let same = try storedDocumentID(url: url, textHash: document.textHash)
                {
                    outcomes.append(.sameAs(same))
                    continue
                }
                try upsert.run([
                    .text(article.id), .text(article.source), .text(document.format.rawValue), .optional(article.url),
                    .optional(article.outlet), .optional(article.title), .optional(article.published),
                    .optional(article.byline), .optional(article.dateline), .text(JSON.encode(article.credits)),
                    .blob(packed[2 * index]), .text(document.contentHash), .int(Int64(run)), .int(Int64(run)),
                    .text(document.textHash), .optional(article.language), .optional(article.outletEvidence),
                ])
                try signature.run([
                    .text(article.id), .int(try parametersID(document.signatureParameters, known: &parameterIDs)),
                    .int(Int64(document.shingleCount)),
                    .blob(document.signature),
                ])
                // The occurrences replace the old ones; their links to matched quotes go until the
                // next analysis links them again.
                try deleteLinks.run([.text(article.id)])
                if document.quotes.isEmpty {
                    try deleteQuotes.run([.text(article.id)])
                } else {
                    try insertQuotes.run([.text(article.id), .blob(packed[2 * index + 1])])
                }
                try pending.run([.text(article.id)])
                if let url = article.url { try recordVersion(url: url, documentID: article.id, textHash: document.textHash, run: run) }
                outcomes.append(stored == nil ? .stored : .updated)
            }
            return outcomes
        }
    }

    /// The stored content and text hashes of a document, or nil if it is not stored.
    private func storedIdentity(of id: String) throws -> (contentHash: String, textHash: String?)? {
        let query = try statement("SELECT content_hash, text_hash FROM documents WHERE id = ?")
        defer { query.reset() }
        query.bind(1, id)
        return try query.step() ? (query.string(0) ?? "", query.string(1)) : nil
    }

    /// A stored document with this URL and this text hash (the smallest id), or nil.
    private func storedDocumentID(url: String, textHash: String) throws -> String? {
        let query = try statement("SELECT min(id) FROM documents WHERE url = ? AND text_hash = ?")
        defer { query.reset() }
        query.bind(1, url)
        query.bind(2, textHash)
        return try query.step() ? query.string(0) : nil
    }

    /// Appends a version of the page at `url` unless its latest version has this text already.
    private func recordVersion(url: String, documentID: String, textHash: String, run: Int) throws {
        let latest = try statement("SELECT version, text_hash FROM page_versions WHERE url = ? ORDER BY version DESC LIMIT 1")
        defer { latest.reset() }
        latest.bind(1, url)
        var version = 1
        if try latest.step() {
            if latest.string(1) == textHash { return }
            version = (latest.int(0) ?? 0) + 1
        }
        try statement("INSERT INTO page_versions(url, version, document_id, text_hash, run_id) VALUES (?, ?, ?, ?, ?)")
            .run([.text(url), .int(Int64(version)), .text(documentID), .text(textHash), .int(Int64(run))])
    }

    /// Replaces band keys computed with other parameters.
    public func updateSignatures(_ rows: [(id: String, parameters: String, shingleCount: Int, bandKeys: [UInt8])]) throws {
        guard !rows.isEmpty else { return }
        try connection.transaction {
            let update = try statement(
                "UPDATE signatures SET parameters_id = ?, shingle_count = ?, band_keys = ? WHERE document_id = ?")
            var parameterIDs: [String: Int64] = [:]
            for row in rows {
                try update.run([
                    .int(try parametersID(row.parameters, known: &parameterIDs)), .int(Int64(row.shingleCount)),
                    .blob(row.bandKeys), .text(row.id),
                ])
            }
        }
    }

    /// The id of a dedup parameters text in `signature_parameters`, added when new. Call inside
    /// a transaction; `known` caches ids for that transaction only (a rollback forgets new ones).
    private func parametersID(_ parameters: String, known: inout [String: Int64]) throws -> Int64 {
        if let id = known[parameters] { return id }
        try statement("INSERT OR IGNORE INTO signature_parameters(parameters) VALUES (?)").run([.text(parameters)])
        let query = try statement("SELECT id FROM signature_parameters WHERE parameters = ?")
        defer { query.reset() }
        query.bind(1, parameters)
        guard try query.step(), let id = query.int(0) else {
            throw WiretraceError(.internalInvariant, "dedup parameters not recorded", location: path, cause: parameters)
        }
        known[parameters] = Int64(id)
        return Int64(id)
    }

    /// Marks documents seen again (unchanged) by a run.
    public func touch(_ ids: [String], run: Int) throws {
        guard !ids.isEmpty else { return }
        try connection.transaction {
            let update = try statement("UPDATE documents SET last_run = ? WHERE id = ?")
            for id in ids { try update.run([.int(Int64(run)), .text(id)]) }
        }
    }

    public func documentCount() throws -> Int { try scalarInt("SELECT count(*) FROM documents") ?? 0 }

    /// Calls `body` for each document's stored band keys (the blob), with the parameters they
    /// were computed with and the size of its shingle set, ordered by document id (binary order;
    /// no article text is loaded).
    public func forEachSignature(_ body: (_ id: String, _ parameters: String, _ shingleCount: Int, _ bandKeys: [UInt8]) throws -> Void) throws {
        let query = try connection.prepare(
            """
            SELECT s.document_id, p.parameters, s.shingle_count, s.band_keys
            FROM signatures s JOIN signature_parameters p ON p.id = s.parameters_id ORDER BY s.document_id
            """)
        while try query.step() {
            try body(query.string(0) ?? "", query.string(1) ?? "", query.int(2) ?? 0, query.blob(3))
        }
    }

    /// A story member's evidence JSON from its stored form (`evidence_packed`).
    func evidence(packed: [UInt8]) throws -> String { try text(packed: packed) }

    /// The article's columns; `body` (column 9) is the packed text, which ``text(packed:)`` reads.
    static let articleColumns = "id, source, url, outlet, title, published, byline, dateline, credits, body, language, outlet_evidence"

    /// The article of a row of ``articleColumns``, its text unpacked.
    func article(from row: SQLiteStatement) throws -> Article {
        try article(from: row, text: text(packed: row.blob(9)))
    }

    /// The article of a row of ``articleColumns`` with `text` given (the body column not read).
    func article(from row: SQLiteStatement, text: String) -> Article {
        Article(
            id: row.string(0) ?? "", source: row.string(1) ?? "", url: row.string(2), outlet: row.string(3),
            title: row.string(4), published: row.string(5), byline: row.string(6), dateline: row.string(7),
            credits: JSON.decode([WireCredit].self, row.string(8)) ?? [], text: text,
            language: row.string(10), outletEvidence: row.string(11))
    }

    /// A document's text from its stored body: every reader of texts goes through here.
    func text(packed: [UInt8]) throws -> String {
        do {
            return String(decoding: try unpacker.decode(packed), as: UTF8.self)
        } catch var error as WiretraceError {
            error.location = path
            throw error
        }
    }

    /// A document's packed text (or another packed value) as stored, or nil when no document
    /// has this id: for a ``PackedValueReader`` to inflate off the store's thread.
    public func packedText(_ id: String) throws -> PackedValue? {
        let query = try statement("SELECT body FROM documents WHERE id = ?")
        defer { query.reset() }
        query.bind(1, id)
        return try query.step() ? PackedValue(bytes: query.blob(0)) : nil
    }

    /// One stored article, or nil.
    public func article(_ id: String) throws -> Article? {
        let query = try statement("SELECT \(Self.articleColumns) FROM documents WHERE id = ?")
        defer { query.reset() }
        query.bind(1, id)
        return try query.step() ? article(from: query) : nil
    }

    /// Calls `body` for each stored article, ordered by id, one row in memory at a time.
    public func forEachArticle(_ body: (Article) throws -> Void) throws {
        let query = try connection.prepare("SELECT \(Self.articleColumns) FROM documents ORDER BY id")
        while try query.step() { try body(article(from: query)) }
    }

    /// All quote occurrences, ordered by document id and offset, with the quote each is linked to
    /// and the speaker resolved for it by the last analysis.
    ///
    /// - Complexity: one pass over the documents with quotes; a document's text is inflated when
    ///   one of its quote texts is its text at the quote's offsets (nearly always).
    public func quoteOccurrences() throws -> [QuoteOccurrenceRecord] {
        var result: [QuoteOccurrenceRecord] = []
        try forEachQuoteOccurrence { result.append($0) }
        return result
    }

    /// ``quoteOccurrences()`` one at a time, in the same order, without holding them all: a
    /// caller that keeps only part of each record never holds every full record at once.
    ///
    /// With `linked` false the last analysis' links are not read: each record's `quoteID` is
    /// nil and its `speaker` the document's own (`speakerMention`), all that linking the
    /// occurrences again reads (every run does, so their links were read for nothing).
    public func forEachQuoteOccurrence(linked: Bool = true, _ body: (QuoteOccurrenceRecord) throws -> Void) throws {
        let query = try connection.prepare(
            linked
                ? """
                SELECT q.document_id, q.occurrences, d.body, l.links
                FROM document_quotes q JOIN documents d ON d.id = q.document_id
                LEFT JOIN quote_links l ON l.document_id = q.document_id
                ORDER BY q.document_id
                """
                : """
                SELECT q.document_id, q.occurrences, d.body
                FROM document_quotes q JOIN documents d ON d.id = q.document_id
                ORDER BY q.document_id
                """)
        while try query.step() {
            let id = query.string(0) ?? ""
            let bytes = try unpacker.decode(query.blob(1))
            let links = !linked || query.isNull(3) ? [:] : try QuoteOccurrencePacking.unpackLinks(unpacker.decode(query.blob(3)))
            var scalars: [Unicode.Scalar]? = nil
            guard let links,
                let occurrences = try QuoteOccurrencePacking.unpack(bytes, id: id, links: links, text: {
                    if let scalars { return scalars }
                    let text = Array(try self.text(packed: query.blob(2)).unicodeScalars)
                    scalars = text
                    return text
                })
            else {
                throw WiretraceError(.database, "the quote occurrences of a document do not decode", location: path, cause: id)
            }
            for occurrence in occurrences { try body(occurrence) }
        }
    }

    // MARK: Analysis

    /// Replaces every derived table with `snapshot`, atomically, and in the same transaction
    /// empties the queue of documents to match (the snapshot covers them), records the story ids
    /// it issues (first seen in `run`) and the merges it made. `beforeCommit` runs last inside
    /// the transaction (a test hook: a crash there must leave the previous analysis whole).
    public func replaceAnalysis(_ snapshot: AnalysisSnapshot, run: Int = 0, beforeCommit: () -> Void = {}) throws {
        try connection.transaction {
            try connection.execute("DELETE FROM pending_documents")
            let issue = try statement("INSERT OR IGNORE INTO story_ids(id, first_run) VALUES (?, ?)")
            for id in snapshot.newStoryIDs { try issue.run([.text(id), .int(Int64(run))]) }
            let merge = try statement("INSERT OR REPLACE INTO story_merges(old_id, survivor_id, run_id) VALUES (?, ?, ?)")
            let retire = try statement("UPDATE story_ids SET retired_run = ? WHERE id = ?")
            for (old, survivor) in snapshot.storyMerges {
                try merge.run([.text(old), .text(survivor), .int(Int64(run))])
                try retire.run([.int(Int64(run)), .text(old)])
            }
            try connection.execute(
                """
                DELETE FROM duplicate_pairs; DELETE FROM duplicate_groups; DELETE FROM cluster_members;
                DELETE FROM clusters; DELETE FROM quotes; DELETE FROM quote_links;
                """)
            let pair = try statement(
                "INSERT INTO duplicate_pairs(a, b, jaccard, containment, a_in_b, b_in_a) VALUES (?, ?, ?, ?, ?, ?)")
            for p in snapshot.pairs {
                try pair.run([.text(p.a), .text(p.b), .double(p.jaccard), .double(p.containment), .double(p.aInB), .double(p.bInA)])
            }
            let group = try statement("INSERT INTO duplicate_groups(group_id, document_id) VALUES (?, ?)")
            for g in snapshot.groups {
                for member in g.members { try group.run([.text(g.id), .text(member)]) }
            }
            let cluster = try statement(
                """
                INSERT INTO clusters(id, title, size, outlets, first_published, last_published)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            let member = try statement(
                """
                INSERT INTO cluster_members(cluster_id, document_id, role, of, group_id, evidence_packed)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            let evidence = PackedBytes.encode(snapshot.clusters.flatMap { $0.members.map { Array($0.evidence.utf8) } }, workers: workers)
            var evidenceIndex = 0
            for c in snapshot.clusters {
                try cluster.run([
                    .text(c.id), .optional(c.title), .int(Int64(c.members.count)), .int(Int64(c.outletCount)),
                    .optional(c.firstPublished), .optional(c.lastPublished),
                ])
                for m in c.members {
                    try member.run([
                        .text(c.id), .text(m.documentID), .text(m.role), .optional(m.of), .optional(m.group),
                        .blob(evidence[evidenceIndex]),
                    ])
                    evidenceIndex += 1
                }
            }
            let quote = try statement(
                """
                INSERT INTO quotes(id, text, speaker, first_reporter, first_document, first_outlet, first_seen,
                  sightings, chain_packed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let chains = PackedBytes.encode(
                snapshot.quotes.map { QuoteChain(relayedBy: $0.relayedBy, carriedBy: $0.carriedBy).packed() }, workers: workers)
            var chainIndex = 0
            for q in snapshot.quotes {
                try quote.run([
                    .int(Int64(q.id)), .text(q.text), .optional(q.speaker), .optional(q.firstReporter),
                    .optional(q.firstDocument), .optional(q.firstOutlet), .optional(q.firstSeen),
                    .int(Int64(q.sightings)),
                    .blob(chains[chainIndex]),
                ])
                chainIndex += 1
            }
            // Each document's links in one packed row (the last assignment of an occurrence wins).
            var assignments: [String: [QuoteAssignment]] = [:]
            for a in snapshot.quoteAssignments { assignments[a.documentID, default: []].append(a) }
            let ids = assignments.keys.sorted()
            let links = PackedBytes.encode(ids.map { QuoteOccurrencePacking.packLinks(assignments[$0]!) }, workers: workers)
            let link = try statement("INSERT INTO quote_links(document_id, links) VALUES (?, ?)")
            for (id, packed) in zip(ids, links) { try link.run([.text(id), .blob(packed)]) }
            beforeCommit()
        }
    }

    /// Story clusters with their members, largest first (ties by id). Members in role order
    /// (origin first), then by publication time and id.
    public func clusters() throws -> [ClusterRecord] {
        let query = try connection.prepare(
            """
            SELECT c.id, c.title, c.first_published, c.last_published, m.document_id, d.outlet, m.role, m.of,
              m.group_id, m.evidence_packed, d.language
            FROM clusters c JOIN cluster_members m ON m.cluster_id = c.id
            JOIN documents d ON d.id = m.document_id
            ORDER BY c.size DESC, c.id,
              CASE m.role WHEN 'origin' THEN 0 WHEN 'rewrite' THEN 1 WHEN 'copy' THEN 2 WHEN 'excerpt' THEN 3 ELSE 4 END,
              d.published, m.document_id
            """)
        var result: [ClusterRecord] = []
        while try query.step() {
            let id = query.string(0) ?? ""
            let member = ClusterMemberRecord(
                documentID: query.string(4) ?? "", outlet: query.string(5), role: query.string(6) ?? "",
                of: query.string(7), group: query.string(8), evidence: try evidence(packed: query.blob(9)),
                language: query.string(10))
            if result.last?.id == id {
                result[result.count - 1].members.append(member)
            } else {
                result.append(
                    ClusterRecord(
                        id: id, title: query.string(1), firstPublished: query.string(2), lastPublished: query.string(3),
                        members: [member]))
            }
        }
        return result
    }

    /// Verified near-duplicate pairs, ordered by (a, b).
    public func duplicatePairs() throws -> [DuplicatePairRecord] {
        let query = try connection.prepare(
            "SELECT a, b, jaccard, containment, a_in_b, b_in_a FROM duplicate_pairs ORDER BY a, b")
        var result: [DuplicatePairRecord] = []
        while try query.step() {
            result.append(
                DuplicatePairRecord(
                    a: query.string(0) ?? "", b: query.string(1) ?? "", jaccard: query.double(2) ?? 0,
                    containment: query.double(3) ?? 0, aInB: query.double(4) ?? 0, bInA: query.double(5) ?? 0))
        }
        return result
    }

    /// Quotes matched across outlets, most sighted first.
    public func quotes() throws -> [QuoteRecord] {
        let query = try connection.prepare(
            """
            SELECT id, text, speaker, first_reporter, first_document, first_outlet, first_seen, sightings, chain_packed
            FROM quotes ORDER BY sightings DESC, id
            """)
        var result: [QuoteRecord] = []
        while try query.step() {
            guard let chain = QuoteChain(packed: try unpacker.decode(query.blob(8))) else {
                throw WiretraceError(.database, "a quote's relay chain does not decode", location: path, cause: "quote \(query.int(0) ?? 0)")
            }
            result.append(
                QuoteRecord(
                    id: query.int(0) ?? 0, text: query.string(1) ?? "", speaker: query.string(2),
                    firstReporter: query.string(3), firstDocument: query.string(4), firstOutlet: query.string(5),
                    firstSeen: query.string(6), sightings: query.int(7) ?? 0,
                    relayedBy: chain.relayedBy, carriedBy: chain.carriedBy))
        }
        return result
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}

/// JSON for columns that hold small structured values.
package enum JSON {
    package static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    package static func decode<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
