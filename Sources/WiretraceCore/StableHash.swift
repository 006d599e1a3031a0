/// FNV-1a, 64-bit: a hash that is the same in every process and on every platform, for ids and
/// content hashes that are stored (Swift's `Hasher` is seeded per process and must not be).
public struct StableHash: Sendable {
    @usableFromInline var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of what was combined so far.
    public var value: UInt64 { state }

    public init() {}

    @inlinable
    public mutating func combine(_ text: String) {
        for byte in text.utf8 { combine(byte: byte) }
    }

    @inlinable
    public mutating func combine(byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// The eight bytes of `word`, lowest first.
    public mutating func combine(littleEndian word: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { combine(byte: UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
    }

    /// A separator between fields, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func combineSeparator() {
        combine(byte: 0xff)
    }

    /// 16 lower-case hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The hex hash of one string.
    public static func hex(_ text: String) -> String {
        var hash = StableHash()
        hash.combine(text)
        return hash.hex
    }

    /// The id of a story first seen with this origin document: "S" and 12 hex digits of the
    /// origin's id hash, or of "origin#attempt" when an earlier attempt's id was already taken.
    /// The clusterer, the reviewer's splits and the id assigner all derive ids here.
    public static func storyID(origin: String, attempt: Int = 1) -> String {
        "S" + hex(attempt == 1 ? origin : "\(origin)#\(attempt)").prefix(12)
    }
}
