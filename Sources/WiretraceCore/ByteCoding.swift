/// Appends bytes, varints and length-prefixed strings: the packed forms the store and the story
/// terms keep (one varint coder for both).
package struct ByteWriter {
    @usableFromInline package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package mutating func append(contentsOf raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }

    package mutating func byte(_ value: UInt8) { bytes.append(value) }

    @inlinable package mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// An integer of either sign (zigzag), so a negative offset costs as little as a positive one.
    package mutating func int(_ value: Int) { varint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }

    /// An optional integer: 0 for nil, else the zigzag form plus one.
    package mutating func optionalInt(_ value: Int?) {
        guard let value else { return varint(0) }
        varint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))) &+ 1)
    }

    /// An optional string: 0 for nil, else its UTF-8 length plus one, then the bytes.
    package mutating func string(_ value: String?) {
        guard let value else { return varint(0) }
        let utf8 = Array(value.utf8)
        varint(UInt64(utf8.count) + 1)
        bytes.append(contentsOf: utf8)
    }
}

/// Reads what ``ByteWriter`` wrote; every read returns nil past the end or on a malformed value.
package struct ByteReader {
    @usableFromInline let bytes: [UInt8]
    @usableFromInline package private(set) var index: Int

    package init(_ bytes: [UInt8], from index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    package var isAtEnd: Bool { index >= bytes.count }

    @inlinable package mutating func varint() -> UInt64? {
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

    private static func unzigzag(_ raw: UInt64) -> Int { Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)) }

    package mutating func int() -> Int? { varint().map(Self.unzigzag) }

    /// nil when malformed; `.some(nil)` for a stored nil.
    package mutating func optionalInt() -> Int?? {
        guard let raw = varint() else { return nil }
        return .some(raw == 0 ? nil : Self.unzigzag(raw - 1))
    }

    /// nil when malformed; `.some(nil)` for a stored nil.
    package mutating func string() -> String?? {
        guard let raw = varint() else { return nil }
        if raw == 0 { return .some(nil) }
        let count = raw - 1
        guard count <= UInt64(bytes.count - index) else { return nil }
        let end = index + Int(count)
        defer { index = end }
        return .some(String(decoding: bytes[index..<end], as: UTF8.self))
    }

    /// The next `count` bytes as they are; nil when fewer are left.
    package mutating func raw(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.count - index else { return nil }
        defer { index += count }
        return bytes[index..<(index + count)]
    }
}
