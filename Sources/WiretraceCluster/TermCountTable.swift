/// Every document's term counts in one contiguous byte array: what the story level holds of a
/// collection between reading the terms and building the vectors, and keeps for the story-local
/// re-clustering.
///
/// An array of ``TermCount`` per document costs 16 bytes a term plus an allocation per document;
/// here a term takes 2–4 bytes, as the kept form ``TermOccurrence/pack(_:id:)`` does: per term,
/// `varint(zigzag(id − previous id) << 2 | form)` and then its counts — form 0, a whole plain
/// count alone (`varint`); form 1, three whole counts (`varint` each); form 2, the three 32-bit
/// floats' bit patterns (`varint` each). Ids are stored as differences from the previous term's,
/// so a document's counts, sorted by term id as ``StoryVocabulary/intern(_:)`` gives them, take
/// one or two bytes per id; any order is kept as given. Decoding gives back exactly the counts
/// appended (the same floats, bit for bit), and two tables are equal when their rows are.
public struct TermCountTable: Sendable, Equatable {
    private(set) var bytes: [UInt8] = []
    /// Per document, the end of its bytes.
    private(set) var ends: [Int] = []

    public init() {}

    /// The table whose storage is `bytes` and `ends` (as another table's ``bytes`` and ``ends``).
    init(bytes: [UInt8], ends: [Int]) {
        precondition(ends.last ?? 0 == bytes.count, "the last document's end is the byte count")
        self.bytes = bytes
        self.ends = ends
    }

    /// The table of these documents' counts, in order.
    public init(_ documents: [[TermCount]]) {
        for counts in documents { append(counts) }
    }

    /// Number of documents.
    public var count: Int { ends.count }

    public var isEmpty: Bool { ends.isEmpty }

    /// Bytes held for the counts (a measure of the table's size).
    public var byteCount: Int { bytes.count }

    /// Adds a document's counts (usually sorted by term id) after the others.
    ///
    /// - Complexity: O(n) in the counts.
    public mutating func append<S: Sequence<TermCount>>(_ counts: S) {
        appendCounts(counts)
    }

    /// Adds a document's counts, as the generic `append` does. Arrays get this concrete entry:
    /// the generic one, called from another module, is not specialised there and walked each
    /// count through witness tables (about 8% of an incremental run's CPU at 20k documents).
    public mutating func append(_ counts: [TermCount]) {
        appendCounts(counts)
    }

    @inline(__always)
    private mutating func appendCounts<S: Sequence<TermCount>>(_ counts: S) {
        var previous: Int64 = 0
        for entry in counts {
            let delta = Int64(entry.term) - previous
            previous = Int64(entry.term)
            let zigzag = UInt64(bitPattern: (delta << 1) ^ (delta >> 63))
            if let plain = Self.whole(entry.plain), entry.entity.bitPattern == 0, entry.title.bitPattern == 0 {
                varint(zigzag << 2)
                varint(plain)
            } else if let plain = Self.whole(entry.plain), let entity = Self.whole(entry.entity), let title = Self.whole(entry.title) {
                varint(zigzag << 2 | 1)
                varint(plain)
                varint(entity)
                varint(title)
            } else {
                varint(zigzag << 2 | 2)
                varint(UInt64(entry.plain.bitPattern))
                varint(UInt64(entry.entity.bitPattern))
                varint(UInt64(entry.title.bitPattern))
            }
        }
        ends.append(bytes.count)
    }

    /// Calls `body` with each of a document's counts, in the order appended, without building
    /// an array.
    ///
    /// - Complexity: O(n) in the document's counts.
    public func forEach(_ document: Int, _ body: (TermCount) throws -> Void) rethrows {
        try withBytes(of: document) { bytes in
            var index = 0
            @inline(__always) func varint() -> UInt64 { Self.readVarint(bytes, at: &index) }
            var previous: Int64 = 0
            while index < bytes.count {
                let head = varint()
                let zigzag = head >> 2
                let term = previous + (Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
                previous = term
                let entry: TermCount
                switch head & 3 {
                case 0:
                    entry = TermCount(term: Int32(truncatingIfNeeded: term), plain: Float(varint()), entity: 0, title: 0)
                case 1:
                    let plain = Float(varint())
                    let entity = Float(varint())
                    entry = TermCount(term: Int32(truncatingIfNeeded: term), plain: plain, entity: entity, title: Float(varint()))
                default:
                    let plain = Float(bitPattern: UInt32(truncatingIfNeeded: varint()))
                    let entity = Float(bitPattern: UInt32(truncatingIfNeeded: varint()))
                    let title = Float(bitPattern: UInt32(truncatingIfNeeded: varint()))
                    entry = TermCount(term: Int32(truncatingIfNeeded: term), plain: plain, entity: entity, title: title)
                }
                try body(entry)
            }
        }
    }

    /// A document's counts, in the order appended.
    public subscript(document: Int) -> [TermCount] {
        var result: [TermCount] = []
        forEach(document) { result.append($0) }
        return result
    }

    /// The bytes of one document (do not escape the buffer).
    private func withBytes<R>(of document: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = document == 0 ? 0 : ends[document - 1]
        let end = ends[document]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The varint at `index` of `bytes`; `index` moves past it.
    @inline(__always)
    private static func readVarint(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[index]
            index &+= 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift &+= 7
        }
    }

    /// A count as a varint when it is a whole number a varint gives back exactly (not -0).
    private static func whole(_ count: Float) -> UInt64? {
        guard count.sign == .plus, count < 4_294_967_296, count == count.rounded(.towardZero) else { return nil }
        return UInt64(count)
    }

    private mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}
