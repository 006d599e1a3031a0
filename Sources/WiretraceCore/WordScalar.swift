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
