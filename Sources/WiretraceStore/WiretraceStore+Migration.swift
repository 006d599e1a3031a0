import WiretraceCore

/// The rewrites of migrations SQL cannot make alone.
extension WiretraceStore {
    /// Migration 10: each document's text deflated into `body`, and its rows of
    /// `quote_occurrences` packed into one `document_quotes` row (quote texts left out where they
    /// are the text at their offsets) and one `quote_links` row (the quotes they were linked to
    /// and the speakers resolved for them). Documents a page at a time, in rowid order.
    func packDocumentsAndQuotes() throws {
        let page = try connection.prepare("SELECT rowid, id, text FROM documents WHERE rowid > ? ORDER BY rowid LIMIT 512")
        let occurrences = try connection.prepare(
            """
            SELECT start, end, text, kind, speaker, cue, via, quote_id, speaker_mention, speaker_start, speaker_end
            FROM quote_occurrences WHERE document_id = ? ORDER BY start, end
            """)
        let setBody = try connection.prepare("UPDATE documents SET body = ? WHERE rowid = ?")
        let insertQuotes = try connection.prepare("INSERT INTO document_quotes(document_id, occurrences) VALUES (?, ?)")
        let insertLinks = try connection.prepare("INSERT INTO quote_links(document_id, links) VALUES (?, ?)")
        var after: Int64 = 0
        while true {
            page.reset()
            page.bind(1, after)
            var rows: [(rowid: Int64, id: String, text: String)] = []
            while try page.step() { rows.append((Int64(page.int(0) ?? 0), page.string(1) ?? "", page.string(2) ?? "")) }
            page.reset()
            guard let last = rows.last else { return }
            after = last.rowid

            var quotes: [[QuoteOccurrenceRecord]] = []
            var links: [[QuoteAssignment]] = []
            for row in rows {
                occurrences.reset()
                occurrences.bind(1, row.id)
                var found: [QuoteOccurrenceRecord] = []
                var linked: [QuoteAssignment] = []
                while try occurrences.step() {
                    let start = occurrences.int(0) ?? 0
                    let end = occurrences.int(1) ?? 0
                    let speaker = occurrences.string(4)
                    let mention = occurrences.string(8)
                    found.append(
                        QuoteOccurrenceRecord(
                            documentID: row.id, start: start, end: end, text: occurrences.string(2) ?? "",
                            kind: occurrences.string(3) ?? "", speaker: mention, cue: occurrences.string(5),
                            via: JSON.decode([String].self, occurrences.string(6)) ?? [],
                            speakerStart: occurrences.int(9), speakerEnd: occurrences.int(10)))
                    if let quoteID = occurrences.int(7) {
                        linked.append(
                            QuoteAssignment(
                                documentID: row.id, start: start, end: end, quoteID: quoteID,
                                resolvedSpeaker: speaker == mention ? nil : speaker))
                    }
                }
                occurrences.reset()
                quotes.append(found)
                links.append(linked)
            }
            let values = zip(rows, zip(quotes, links)).flatMap { row, quotes in
                [
                    Array(row.text.utf8),
                    quotes.0.isEmpty ? [] : QuoteOccurrencePacking.pack(quotes.0, scalars: Array(row.text.unicodeScalars)),
                    quotes.1.isEmpty ? [] : QuoteOccurrencePacking.packLinks(quotes.1),
                ]
            }
            let packed = PackedBytes.encode(values, workers: workers)
            for (index, row) in rows.enumerated() {
                try setBody.run([.blob(packed[3 * index]), .int(row.rowid)])
                if !quotes[index].isEmpty { try insertQuotes.run([.text(row.id), .blob(packed[3 * index + 1])]) }
                if !links[index].isEmpty { try insertLinks.run([.text(row.id), .blob(packed[3 * index + 2])]) }
            }
        }
    }

    /// Migration 11: each quote's JSON relay chain and each story member's evidence packed into
    /// `chain_packed` and `evidence_packed` (all in memory at once: both are a few hundred bytes
    /// a row of tables the analysis rewrites whole anyway).
    func packChainsAndEvidence() throws {
        let quotes = try connection.prepare("SELECT id, chain FROM quotes")
        var chains: [(id: Int64, chain: [UInt8])] = []
        while try quotes.step() {
            let chain = JSON.decode(QuoteChain.self, quotes.string(1)) ?? QuoteChain(relayedBy: [], carriedBy: [])
            chains.append((Int64(quotes.int(0) ?? 0), chain.packed()))
        }
        quotes.reset()
        let setChain = try connection.prepare("UPDATE quotes SET chain_packed = ? WHERE id = ?")
        for (row, packed) in zip(chains, PackedBytes.encode(chains.map(\.chain), workers: workers)) {
            try setChain.run([.blob(packed), .int(row.id)])
        }
        let members = try connection.prepare("SELECT rowid, evidence FROM cluster_members")
        var evidence: [(rowid: Int64, json: [UInt8])] = []
        while try members.step() { evidence.append((Int64(members.int(0) ?? 0), Array((members.string(1) ?? "").utf8))) }
        members.reset()
        let setEvidence = try connection.prepare("UPDATE cluster_members SET evidence_packed = ? WHERE rowid = ?")
        for (row, packed) in zip(evidence, PackedBytes.encode(evidence.map(\.json), workers: workers)) {
            try setEvidence.run([.blob(packed), .int(row.rowid)])
        }
    }
}
