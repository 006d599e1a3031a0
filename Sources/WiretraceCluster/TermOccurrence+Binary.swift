import WiretraceCore

/// The kept form of a document's term counts: term ids (into a vocabulary kept beside them)
/// and counts, varint-packed, in the occurrences' order.
///
/// Each occurrence is `varint(id << 2 | form)` and then its counts: form 0, a whole plain count
/// and nothing else (`varint(plain)`); form 1, three whole counts (`varint` each); form 2, three
/// 32-bit floats, little-endian. Most terms of a news article take 2–4 bytes, against ~13 for
/// the text form ``TermOccurrence/encode(_:)``.
extension TermOccurrence {
    /// Packs `occurrences`, giving each term an id by `id(term)`.
    ///
    /// - Complexity: O(n) in the occurrences.
    public static func pack(_ occurrences: [TermOccurrence], id: (String) -> UInt32) -> [UInt8] {
        var writer = ByteWriter(capacity: occurrences.count * 3)
        func varint(_ value: UInt64) { writer.varint(value) }
        func whole(_ count: Float) -> UInt64? {
            guard count >= 0, count < 4_294_967_296, count == count.rounded() else { return nil }
            return UInt64(count)
        }
        for occurrence in occurrences {
            let term = UInt64(id(occurrence.term))
            if let plain = whole(occurrence.plain), occurrence.entity == 0, occurrence.title == 0,
                occurrence.entity.sign == .plus, occurrence.title.sign == .plus
            {
                varint(term << 2)
                varint(plain)
            } else if let plain = whole(occurrence.plain), let entity = whole(occurrence.entity), let title = whole(occurrence.title),
                occurrence.plain.sign == .plus, occurrence.entity.sign == .plus, occurrence.title.sign == .plus
            {
                varint(term << 2 | 1)
                varint(plain)
                varint(entity)
                varint(title)
            } else {
                varint(term << 2 | 2)
                for count in [occurrence.plain, occurrence.entity, occurrence.title] {
                    withUnsafeBytes(of: count.bitPattern.littleEndian) { writer.append(contentsOf: $0) }
                }
            }
        }
        return writer.bytes
    }

    /// The occurrences of ``pack(_:id:)``'s bytes, naming each term by `term(id)`; nil when the
    /// bytes are not such a packing or an id has no term.
    ///
    /// - Complexity: O(n) in the bytes.
    public static func unpack(_ bytes: [UInt8], term: (UInt32) -> String?) -> [TermOccurrence]? {
        guard let packed = unpackIDs(bytes) else { return nil }
        var result: [TermOccurrence] = []
        result.reserveCapacity(packed.count)
        for occurrence in packed {
            guard let name = term(occurrence.id) else { return nil }
            result.append(TermOccurrence(term: name, plain: occurrence.plain, entity: occurrence.entity, title: occurrence.title))
        }
        return result
    }

    /// ``pack(_:id:)``'s bytes as they are: term ids (not yet named) and counts, in order; nil
    /// when the bytes are not such a packing. A reader that keeps the vocabulary as ids looks
    /// each id's term up once, not once per document.
    ///
    /// - Complexity: O(n) in the bytes.
    public static func unpackIDs(_ bytes: [UInt8]) -> [(id: UInt32, plain: Float, entity: Float, title: Float)]? {
        var reader = ByteReader(bytes)
        func varint() -> UInt64? { reader.varint() }
        var result: [(id: UInt32, plain: Float, entity: Float, title: Float)] = []
        while !reader.isAtEnd {
            guard let head = varint(), head >> 2 <= UInt64(UInt32.max) else { return nil }
            let id = UInt32(head >> 2)
            switch head & 3 {
            case 0:
                guard let plain = varint() else { return nil }
                result.append((id, Float(plain), 0, 0))
            case 1:
                guard let plain = varint(), let entity = varint(), let title = varint() else { return nil }
                result.append((id, Float(plain), Float(entity), Float(title)))
            case 2:
                var counts: [Float] = []
                for _ in 0..<3 {
                    guard let raw = reader.raw(4) else { return nil }
                    var bits: UInt32 = 0
                    for byte in raw.reversed() { bits = bits << 8 | UInt32(byte) }
                    counts.append(Float(bitPattern: bits))
                }
                result.append((id, counts[0], counts[1], counts[2]))
            default:
                return nil
            }
        }
        return result
    }
}
