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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(occurrences.count * 3)
        func varint(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }
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
                    withUnsafeBytes(of: count.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
                }
            }
        }
        return bytes
    }

    /// The occurrences of ``pack(_:id:)``'s bytes, naming each term by `term(id)`; nil when the
    /// bytes are not such a packing or an id has no term.
    ///
    /// - Complexity: O(n) in the bytes.
    public static func unpack(_ bytes: [UInt8], term: (UInt32) -> String?) -> [TermOccurrence]? {
        var index = 0
        func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }
        var result: [TermOccurrence] = []
        while index < bytes.count {
            guard let head = varint(), head >> 2 <= UInt64(UInt32.max), let name = term(UInt32(head >> 2)) else { return nil }
            switch head & 3 {
            case 0:
                guard let plain = varint() else { return nil }
                result.append(TermOccurrence(term: name, plain: Float(plain), entity: 0, title: 0))
            case 1:
                guard let plain = varint(), let entity = varint(), let title = varint() else { return nil }
                result.append(TermOccurrence(term: name, plain: Float(plain), entity: Float(entity), title: Float(title)))
            case 2:
                guard index + 12 <= bytes.count else { return nil }
                var counts: [Float] = []
                for _ in 0..<3 {
                    var bits: UInt32 = 0
                    for byte in bytes[index..<(index + 4)].reversed() { bits = bits << 8 | UInt32(byte) }
                    counts.append(Float(bitPattern: bits))
                    index += 4
                }
                result.append(TermOccurrence(term: name, plain: counts[0], entity: counts[1], title: counts[2]))
            default:
                return nil
            }
        }
        return result
    }
}
