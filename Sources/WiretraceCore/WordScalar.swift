extension Unicode.Scalar {
    /// A letter or a digit in any script: alphabetic, or with a numeric type. ASCII is answered
    /// from the value (its alphabetic scalars are the letters, its numeric ones the digits), so
    /// plain English text needs no Unicode property lookup. Shared by the quote tokeniser and
    /// the story level's passage words.
    package var isWordScalar: Bool {
        if value < 0x80 { return (value | 0x20) &- 0x61 < 26 || value &- 0x30 < 10 }
        return properties.isAlphabetic || properties.numericType != nil
    }
}

extension String {
    /// The string of `scalars`: their UTF-8 bytes written into it at once. The same string as
    /// `String(String.UnicodeScalarView(scalars))`, which appends one scalar at a time and was
    /// most of the cost of cutting words out of scalar arrays. Not generic, so that callers in
    /// other modules run the compiled loop rather than a generic one.
    /// - Complexity: O(n) in the number of scalars.
    package init(scalars: ArraySlice<Unicode.Scalar>) {
        self = scalars.withUnsafeBufferPointer { String(scalarBuffer: $0) }
    }

    /// `init(scalars:)` over a whole array.
    package init(scalars: [Unicode.Scalar]) {
        self = scalars.withUnsafeBufferPointer { String(scalarBuffer: $0) }
    }

    private init(scalarBuffer scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        var byteCount = 0
        for scalar in scalars { byteCount += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: byteCount) { bytes in
            var i = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    bytes[i] = UInt8(truncatingIfNeeded: value)
                    i += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        bytes[i] = byte
                        i += 1
                    }
                }
            }
            return i
        }
    }
}
