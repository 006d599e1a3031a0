/// Well-formed UTF-8, exactly as `String(validating:as:)` decides it (overlong forms, surrogates
/// and code points past U+10FFFF rejected), one scalar at a time and without making a String: the
/// byte ranges behind ingest's `TextSniffer`, the dedup path's checked
/// unescaping and the page decoder's UTF-8 statistics.
public enum UTF8Check {
    /// The length of the well-formed scalar whose lead byte (0x80 or above) is at `index`, or nil
    /// when the bytes there are not one.
    @inlinable @inline(__always)
    public static func scalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        var trailing: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: trailing = 1
        case 0xE0: trailing = 2; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: trailing = 2
        case 0xED: trailing = 2; high = 0x9F
        case 0xF0: trailing = 3; low = 0x90
        case 0xF1...0xF3: trailing = 3
        case 0xF4: trailing = 3; high = 0x8F
        default: return nil
        }
        guard index + trailing < bytes.count else { return nil }
        let second = bytes[index + 1]
        guard second >= low, second <= high else { return nil }
        if trailing >= 2, bytes[index + 2] & 0xC0 != 0x80 { return nil }
        if trailing == 3, bytes[index + 3] & 0xC0 != 0x80 { return nil }
        return trailing + 1
    }

    /// False for the control bytes a text check refuses: below 0x20 other than tab, line feed,
    /// form feed and carriage return, and DEL. True for every other scalar value.
    @inlinable @inline(__always)
    public static func isPlainByte(_ value: UInt32) -> Bool {
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0C || value == 0x0D }
        return value != 0x7F
    }
}
