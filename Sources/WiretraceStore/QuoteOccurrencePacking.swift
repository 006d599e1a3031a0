import WiretraceCore

/// The stored form of a document's quote occurrences (`document_quotes.occurrences`, before
/// ``PackedBytes``) and of the analysis' links of them to matched quotes (`quote_links.links`).
///
/// Occurrences: a version byte (1), then per occurrence, ordered by (start, end): start, end
/// (zigzag varints), kind, the speaker as the document names it, cue (optional strings), the
/// `via` count and names, speaker start and end (optional), and the quote text, nil when it is
/// the document's text at start..<end (it nearly always is: the text is then not stored twice).
///
/// Links: per linked occurrence, start, end, quote id (zigzag varints) and the speaker resolved
/// from the matched quote (optional string).
enum QuoteOccurrencePacking {
    static let version: UInt8 = 1

    /// `occurrences` of one document, one per (start, end) (the last given wins, as a primary key
    /// replace would), ordered by (start, end). `scalars` is the document's text.
    ///
    /// - Complexity: O(n log n) in the occurrences plus their text's length.
    static func pack(_ occurrences: [QuoteOccurrenceRecord], scalars: [Unicode.Scalar]) -> [UInt8] {
        var byOffsets: [OffsetKey: QuoteOccurrenceRecord] = [:]
        for occurrence in occurrences { byOffsets[OffsetKey(occurrence.start, occurrence.end)] = occurrence }
        var writer = ByteWriter()
        writer.byte(version)
        for key in byOffsets.keys.sorted() {
            let occurrence = byOffsets[key]!
            writer.int(occurrence.start)
            writer.int(occurrence.end)
            writer.string(occurrence.kind)
            writer.string(occurrence.speaker)
            writer.string(occurrence.cue)
            writer.varint(UInt64(occurrence.via.count))
            for name in occurrence.via { writer.string(name) }
            writer.optionalInt(occurrence.speakerStart)
            writer.optionalInt(occurrence.speakerEnd)
            writer.string(isSlice(occurrence.text, of: scalars, occurrence.start, occurrence.end) ? nil : occurrence.text)
        }
        return writer.bytes
    }

    /// Whether `text` is `scalars[start..<end]`.
    static func isSlice(_ text: String, of scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        guard 0 <= start, start <= end, end <= scalars.count else { return false }
        var index = start
        for scalar in text.unicodeScalars {
            guard index < end, scalars[index] == scalar else { return false }
            index += 1
        }
        return index == end
    }

    /// The occurrences of ``pack(_:scalars:)``'s bytes for document `id`, their quote ids and
    /// resolved speakers taken from `links`; `text` gives the document's text when an occurrence's
    /// was not stored. `speakerMention` is the document's own speaker, `speaker` the resolved one
    /// (the document's when unresolved). Nil when the bytes are not such a packing.
    static func unpack(
        _ bytes: [UInt8], id: String, links: [OffsetKey: (quoteID: Int, speaker: String?)],
        text: () throws -> [Unicode.Scalar]
    ) rethrows -> [QuoteOccurrenceRecord]? {
        var reader = ByteReader(bytes)
        guard reader.varint() == UInt64(version) else { return nil }
        var result: [QuoteOccurrenceRecord] = []
        while !reader.isAtEnd {
            guard let start = reader.int(), let end = reader.int(), case let kind?? = reader.string(),
                let mention = reader.string(), let cue = reader.string(), let viaCount = reader.varint(),
                viaCount <= UInt64(bytes.count)
            else { return nil }
            var via: [String] = []
            for _ in 0..<viaCount {
                guard case let name?? = reader.string() else { return nil }
                via.append(name)
            }
            guard let speakerStart = reader.optionalInt(), let speakerEnd = reader.optionalInt(), let stored = reader.string() else {
                return nil
            }
            let quoteText: String
            if let stored {
                quoteText = stored
            } else {
                let scalars = try text()
                guard 0 <= start, start <= end, end <= scalars.count else { return nil }
                // Written as UTF-8 at once: appending to a scalar view one scalar at a time was
                // most of the cost of reading every stored occurrence for quote linking.
                quoteText = String(scalars: scalars[start..<end])
            }
            let link = links[OffsetKey(start, end)]
            result.append(
                QuoteOccurrenceRecord(
                    documentID: id, start: start, end: end, text: quoteText, kind: kind,
                    speaker: link?.speaker ?? mention, cue: cue, via: via, quoteID: link?.quoteID, speakerMention: mention,
                    speakerStart: speakerStart, speakerEnd: speakerEnd))
        }
        return result
    }

    /// Links of one document's occurrences to matched quotes (the last given per offsets wins).
    static func packLinks(_ assignments: [QuoteAssignment]) -> [UInt8] {
        var byOffsets: [OffsetKey: QuoteAssignment] = [:]
        for assignment in assignments { byOffsets[OffsetKey(assignment.start, assignment.end)] = assignment }
        var writer = ByteWriter()
        writer.byte(version)
        for key in byOffsets.keys.sorted() {
            let assignment = byOffsets[key]!
            writer.int(assignment.start)
            writer.int(assignment.end)
            writer.int(assignment.quoteID)
            writer.string(assignment.resolvedSpeaker)
        }
        return writer.bytes
    }

    /// The links of ``packLinks(_:)``'s bytes by offsets; nil when the bytes are not such a packing.
    static func unpackLinks(_ bytes: [UInt8]) -> [OffsetKey: (quoteID: Int, speaker: String?)]? {
        var reader = ByteReader(bytes)
        guard reader.varint() == UInt64(version) else { return nil }
        var result: [OffsetKey: (quoteID: Int, speaker: String?)] = [:]
        while !reader.isAtEnd {
            guard let start = reader.int(), let end = reader.int(), let quoteID = reader.int(), let speaker = reader.string() else {
                return nil
            }
            result[OffsetKey(start, end)] = (quoteID, speaker)
        }
        return result
    }

    /// An occurrence's place in its document.
    struct OffsetKey: Hashable, Comparable {
        var start: Int
        var end: Int
        init(_ start: Int, _ end: Int) {
            self.start = start
            self.end = end
        }
        static func < (a: Self, b: Self) -> Bool { (a.start, a.end) < (b.start, b.end) }
    }
}
