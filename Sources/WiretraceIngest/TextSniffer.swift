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
