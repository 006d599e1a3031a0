import WiretraceCore
/// Cheap byte-level checks on document bytes: blank, binary, valid UTF-8.
enum TextSniffer {
    /// How many leading bytes the binary check looks at.
    static let sniffLength = 4096

    /// Whether the bytes hold nothing but ASCII whitespace (and perhaps a UTF-8 byte order mark).
    ///
    /// Index loops over the array (no slices or iterators) keep these checks quick in debug builds too.
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte != 0x20, byte < 0x09 || byte > 0x0D { return false }
            index += 1
        }
        return true
    }

    /// Whether the bytes look like binary data rather than a page or text: a NUL byte among the
    /// first 4 KiB, or more than 2% of them control characters that text does not use.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let length = min(bytes.count, sniffLength)
        var controls = 0
        for index in 0..<length {
            let byte = bytes[index]
            if byte == 0 { return true }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C, byte != 0x1B {
                controls += 1
            } else if byte == 0x7F {
                controls += 1
            }
        }
        return controls * 50 > length
    }

    /// The offset of the first byte that is not part of well-formed UTF-8, or nil if all are.
    ///
    /// Rejects overlong forms, surrogates and code points past U+10FFFF, as `String(validating:)` does.
    /// - Complexity: O(*n*).
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        // Fast path: the standard library's validator, compiled optimised whatever our build mode.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        return referenceFirstInvalidUTF8Offset(bytes)
    }

    /// The byte loop behind ``firstInvalidUTF8Offset(_:)``, run only on bytes known to be bad.
    static func referenceFirstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if buffer[index] < 0x80 {
                    index += 1
                    continue
                }
                guard let length = UTF8Check.scalarLength(buffer, at: index) else { return index }
                index += length
            }
            return nil
        }
    }

    /// The bytes as a String when they are valid UTF-8 (a leading byte order mark dropped).
    static func utf8String(_ bytes: [UInt8]) -> String? {
        guard firstInvalidUTF8Offset(bytes) == nil else { return nil }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        return String(decoding: body, as: UTF8.self)
    }
}

/// Well-formed UTF-8, exactly as `String(validating:as:)` decides it (overlong forms, surrogates
/// and code points past U+10FFFF rejected), one scalar at a time and without making a String: the
/// byte ranges behind ``TextSniffer/referenceFirstInvalidUTF8Offset(_:)`` and the dedup path's
/// checked unescaping.
package enum UTF8Check {
    /// The length of the well-formed scalar whose lead byte (0x80 or above) is at `index`, or nil
    /// when the bytes there are not one.
    @inline(__always)
    package static func scalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
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
    @inline(__always)
    package static func isPlainByte(_ value: UInt32) -> Bool {
        if value < 0x20 { return value == 0x09 || value == 0x0A || value == 0x0C || value == 0x0D }
        return value != 0x7F
    }
}
