import WiretraceCore

/// Article text as an array of Unicode scalars, so that every offset this module reports is a
/// Unicode-scalar offset into `Article.text`, as the export contract requires.
package struct ScalarText: Sendable {
    /// The scalars of the text, in order.
    package let scalars: [Unicode.Scalar]

    /// Splits `text` into its Unicode scalars.
    /// - Complexity: O(n) in the number of scalars.
    package init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// The number of scalars.
    package var count: Int { scalars.count }

    /// The scalar at `offset`, or nil outside the text.
    package func scalar(at offset: Int) -> Unicode.Scalar? {
        offset >= 0 && offset < scalars.count ? scalars[offset] : nil
    }

    /// The paragraphs: the non-empty runs of scalars between line breaks, in order.
    /// - Complexity: O(n) in the number of scalars.
    package var paragraphs: [Range<Int>] {
        var paragraphs: [Range<Int>] = []
        var start = 0
        for i in 0..<scalars.count where scalars[i].isLineBreak {
            if i > start { paragraphs.append(start..<i) }
            start = i + 1
        }
        if start < scalars.count { paragraphs.append(start..<scalars.count) }
        return paragraphs
    }

    /// The text of the scalars in `range`.
    package func string(_ range: Range<Int>) -> String {
        // The scalars' UTF-8 bytes written straight into the new string (appending them to a
        // scalar view was most of the tokeniser's time): the same string.
        String(scalars: scalars[range])
    }

    /// `string(_:)` through a scalar view, the reference it is tested against.
    package func referenceString(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
}

extension Unicode.Scalar {
    // `isWordScalar` (a letter or digit of any script) is in WiretraceCore: the story level
    // classifies passage words with it too.
    // (ASCII below is answered from the value: its upper-case letters are A-Z, its white space
    // U+0009...U+000D and the space; no property lookup.)

    /// An upper-case or title-case letter.
    package var isUpperCaseLetter: Bool {
        if value < 0x80 { return value &- 0x41 < 26 }
        return properties.isUppercase || properties.generalCategory == .titlecaseLetter
    }

    /// White space, line breaks included.
    package var isSpace: Bool {
        if value < 0x80 { return value == 0x20 || value &- 0x09 < 5 }
        return properties.isWhitespace
    }

    /// A line or paragraph break.
    package var isLineBreak: Bool {
        switch value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
