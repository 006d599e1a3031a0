/// One step of the schema: SQL, and for a change SQL cannot make alone (values rewritten in
/// Swift, such as texts compressed), a rewrite between it and more SQL. All three run in one
/// transaction.
struct Migration: ExpressibleByStringLiteral, Sendable {
    var sql: String
    var rewrite: (@Sendable (WiretraceStore) throws -> Void)? = nil
    var sqlAfter: String = ""

    init(sql: String, rewrite: (@Sendable (WiretraceStore) throws -> Void)? = nil, sqlAfter: String = "") {
        self.sql = sql
        self.rewrite = rewrite
        self.sqlAfter = sqlAfter
    }

    init(stringLiteral sql: String) { self.sql = sql }
}

/// The store's schema, as an ordered list of migrations. A migration that has shipped is never
/// edited: add a new one. `PRAGMA user_version` records how many have run.
enum Schema {
    static let migrations: [Migration] = [
        // 1: documents, signatures, quotes, runs and the analysis tables.
        """
        CREATE TABLE runs(
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL DEFAULT 'running',
            inputs TEXT NOT NULL,
            parameters TEXT NOT NULL,
            documents_read INTEGER NOT NULL DEFAULT 0,
            documents_stored INTEGER NOT NULL DEFAULT 0,
            documents_unchanged INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            rejects_by_reason TEXT NOT NULL DEFAULT '{}',
            duplicate_pairs INTEGER NOT NULL DEFAULT 0,
            duplicate_groups INTEGER NOT NULL DEFAULT 0,
            stories INTEGER NOT NULL DEFAULT 0,
            quotes INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE rejects(
            run_id INTEGER NOT NULL REFERENCES runs(id),
            file TEXT NOT NULL,
            record INTEGER,
            record_id TEXT,
            reason TEXT NOT NULL,
            message TEXT NOT NULL
        );
        CREATE INDEX rejects_by_run ON rejects(run_id, reason);
        CREATE TABLE documents(
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            format TEXT NOT NULL,
            url TEXT,
            outlet TEXT,
            title TEXT,
            published TEXT,
            byline TEXT,
            dateline TEXT,
            credits TEXT NOT NULL,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            first_run INTEGER NOT NULL,
            last_run INTEGER NOT NULL
        );
        CREATE TABLE signatures(
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            parameters TEXT NOT NULL,
            shingle_count INTEGER NOT NULL,
            minhash BLOB NOT NULL
        );
        CREATE TABLE quote_occurrences(
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            speaker TEXT,
            speaker_mention TEXT,
            cue TEXT,
            via TEXT NOT NULL,
            quote_id INTEGER,
            PRIMARY KEY(document_id, start, end)
        );
        CREATE TABLE duplicate_pairs(
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            jaccard REAL NOT NULL,
            containment REAL NOT NULL,
            a_in_b REAL NOT NULL,
            b_in_a REAL NOT NULL,
            PRIMARY KEY(a, b)
        );
        CREATE TABLE duplicate_groups(
            group_id TEXT NOT NULL,
            document_id TEXT PRIMARY KEY
        );
        CREATE TABLE clusters(
            id TEXT PRIMARY KEY,
            title TEXT,
            size INTEGER NOT NULL,
            outlets INTEGER NOT NULL,
            first_published TEXT,
            last_published TEXT
        );
        CREATE TABLE cluster_members(
            cluster_id TEXT NOT NULL REFERENCES clusters(id),
            document_id TEXT PRIMARY KEY,
            role TEXT NOT NULL,
            of TEXT,
            group_id TEXT,
            evidence TEXT NOT NULL
        );
        CREATE INDEX cluster_members_by_cluster ON cluster_members(cluster_id);
        CREATE TABLE quotes(
            id INTEGER PRIMARY KEY,
            text TEXT NOT NULL,
            speaker TEXT,
            first_reporter TEXT,
            first_document TEXT,
            first_outlet TEXT,
            first_seen TEXT,
            sightings INTEGER NOT NULL,
            chain TEXT NOT NULL
        );
        """,
        // 2: review decisions (who decided what, when), and indexes for the paginated stories page.
        """
        CREATE TABLE review_decisions(
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK(kind IN ('confirm', 'split', 'merge', 'not_same')),
            cluster_id TEXT,
            document_a TEXT,
            document_b TEXT,
            members TEXT NOT NULL DEFAULT '[]',
            reviewer TEXT NOT NULL,
            decided_at TEXT NOT NULL
        );
        CREATE INDEX clusters_by_size ON clusters(size DESC, id);
        CREATE INDEX clusters_by_outlets ON clusters(outlets DESC, size DESC, id);
        CREATE INDEX clusters_by_date ON clusters(first_published DESC, id);
        CREATE INDEX cluster_members_by_of ON cluster_members(of);
        CREATE INDEX documents_by_outlet ON documents(outlet);
        """,
        // 3: incremental runs. The LSH band index (queried by key, never loaded whole); documents
        // stored but not yet matched against it; a key-value state (which dedup parameters the
        // index was built with); every story id ever issued with the run it first appeared in, and
        // the merges that retired ids; page versions (same URL, changed text); a text hash per
        // document for "same URL, same text". Existing stories keep their ids (first run: the
        // latest run so far); the band index is empty, so the next run rebuilds it.
        """
        CREATE TABLE band_keys(
            band INTEGER NOT NULL,
            key INTEGER NOT NULL,
            document_id TEXT NOT NULL
        );
        CREATE INDEX band_keys_by_key ON band_keys(band, key);
        CREATE INDEX band_keys_by_document ON band_keys(document_id);
        CREATE TABLE pending_documents(document_id TEXT PRIMARY KEY);
        CREATE TABLE analysis_state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE story_ids(
            id TEXT PRIMARY KEY,
            first_run INTEGER NOT NULL,
            retired_run INTEGER
        );
        CREATE TABLE story_merges(
            old_id TEXT PRIMARY KEY,
            survivor_id TEXT NOT NULL,
            run_id INTEGER NOT NULL
        );
        CREATE TABLE page_versions(
            url TEXT NOT NULL,
            version INTEGER NOT NULL,
            document_id TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            run_id INTEGER NOT NULL,
            PRIMARY KEY(url, version)
        );
        CREATE INDEX page_versions_by_document ON page_versions(document_id);
        ALTER TABLE documents ADD COLUMN text_hash TEXT;
        CREATE INDEX documents_by_url ON documents(url) WHERE url IS NOT NULL;
        INSERT INTO story_ids(id, first_run) SELECT id, coalesce((SELECT max(id) FROM runs), 0) FROM clusters;
        """,
        // 4: the story level's term counts per document, kept between runs (a cache: valid while
        // the document's content hash is the one it was computed from), so an incremental run
        // reads them instead of tokenising every stored text again.
        """
        CREATE TABLE story_terms(
            document_id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            terms TEXT NOT NULL
        );
        """,
        // 5: the language of each document, identified from its text (ISO 639-1).
        """
        ALTER TABLE documents ADD COLUMN language TEXT;
        """,
        // 6: what each document's outlet rests on (the input, a meta tag, the URL, the page's links).
        """
        ALTER TABLE documents ADD COLUMN outlet_evidence TEXT;
        """,
        // 7: where each quote's speaker mention is written (Unicode-scalar offsets into the
        // document text), for `export quotes`' speaker_start/speaker_end/speaker_mention.
        """
        ALTER TABLE quote_occurrences ADD COLUMN speaker_start INTEGER;
        ALTER TABLE quote_occurrences ADD COLUMN speaker_end INTEGER;
        """,
        // 8: one matching engine. Each document's LSH band keys (the one-permutation signature's,
        // as `wiretrace dedup` computes them) are kept as one blob in `signatures` and loaded
        // into memory by a run; the band index as rows of (band, key, document), three times
        // the size with its two indexes, goes. Keys of other parameters are recomputed (the
        // stored parameters say which), and the next run matches everything again.
        """
        DROP TABLE band_keys;
        ALTER TABLE signatures RENAME COLUMN minhash TO band_keys;
        DELETE FROM analysis_state WHERE key = 'matching';
        """,
        // 9: the story level's kept term counts packed (term ids and varint counts, a blob of a
        // few bytes per term) against a vocabulary of the terms, instead of ~6 KB of text per
        // document. The text form is dropped: the next run computes the terms again. (A rowid
        // table: in a WITHOUT ROWID one a row over ~1 KB spills into a whole overflow page.)
        """
        DROP TABLE story_terms;
        CREATE TABLE story_terms(
            document_id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            terms BLOB NOT NULL
        );
        CREATE TABLE story_vocabulary(
            id INTEGER PRIMARY KEY,
            term TEXT NOT NULL
        );
        DELETE FROM analysis_state WHERE key = 'story_terms';
        """,
        // 10: compact storage (the database was ~3x its input). Document texts deflated
        // (`documents.body`, see PackedBytes); each document's quote occurrences as one packed
        // blob (`document_quotes`) whose quote texts are left out when they are the document's
        // text at their offsets (they always were), and the analysis' links of occurrences to
        // matched quotes apart from them (`quote_links`, replaced with the analysis): one row per
        // document instead of one per occurrence with its text and an index of its key. The kept
        // story terms are deflated too; those kept before are dropped (the next run computes them
        // again).
        Migration(
            sql: """
                ALTER TABLE documents ADD COLUMN body BLOB NOT NULL DEFAULT x'';
                CREATE TABLE document_quotes(
                    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                    occurrences BLOB NOT NULL
                );
                CREATE TABLE quote_links(
                    document_id TEXT PRIMARY KEY,
                    links BLOB NOT NULL
                );
                DELETE FROM story_terms;
                DELETE FROM story_vocabulary;
                DELETE FROM analysis_state WHERE key = 'story_terms';
                """,
            rewrite: { try $0.packDocumentsAndQuotes() },
            sqlAfter: """
                DROP TABLE quote_occurrences;
                ALTER TABLE documents DROP COLUMN text;
                """),
        // 11: the rest of what repeated itself: the dedup parameters once (`signature_parameters`,
        // ~60 bytes of the same text in every signature row before), and each quote's relay chain
        // and each story member's evidence packed (`chain_packed`: the relaying and carrying
        // outlets as counted strings; `evidence_packed`: the evidence JSON; both PackedBytes).
        Migration(
            sql: """
                CREATE TABLE signature_parameters(id INTEGER PRIMARY KEY, parameters TEXT NOT NULL UNIQUE);
                INSERT INTO signature_parameters(parameters) SELECT DISTINCT parameters FROM signatures ORDER BY parameters;
                ALTER TABLE signatures ADD COLUMN parameters_id INTEGER NOT NULL DEFAULT 0;
                UPDATE signatures SET parameters_id = (SELECT p.id FROM signature_parameters p WHERE p.parameters = signatures.parameters);
                ALTER TABLE signatures DROP COLUMN parameters;
                ALTER TABLE quotes ADD COLUMN chain_packed BLOB NOT NULL DEFAULT x'';
                ALTER TABLE cluster_members ADD COLUMN evidence_packed BLOB NOT NULL DEFAULT x'';
                """,
            rewrite: { try $0.packChainsAndEvidence() },
            sqlAfter: """
                ALTER TABLE quotes DROP COLUMN chain;
                ALTER TABLE cluster_members DROP COLUMN evidence;
                """),
    ]
}
