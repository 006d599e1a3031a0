/// FNV-1a, 64-bit: a hash that is the same in every process and on every platform, for ids and
/// content hashes that are stored (Swift's `Hasher` is seeded per process and must not be).
public struct StableHash: Sendable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
    }

    /// A separator between fields, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func combineSeparator() {
        value ^= 0xff
        value = value &* 0x100_0000_01b3
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
}
