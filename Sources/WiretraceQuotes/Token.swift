/// A word or a punctuation mark of the article text, with its scalar offsets.
package struct Token: Sendable {
    /// Whether the token is a word (letters and digits, with inner apostrophes, hyphens and dots).
    package enum Kind: Sendable { case word, punctuation }

    package var start: Int
    package var end: Int
    package var text: String
    /// The text lower-cased, with a possessive "'s" kept.
    package var lower: String
    package var kind: Kind
    /// Index of the paragraph (text between line breaks) holding the token.
    package var paragraph: Int

    package var isWord: Bool { kind == .word }
    /// A word whose first scalar is an upper-case letter.
    package var isCapitalized: Bool {
        isWord && (text.unicodeScalars.first?.isUpperCaseLetter ?? false)
    }
    /// A word of two or more letters, all upper-case ("MOSCOW", "NLD").
    package var isAllCaps: Bool {
        guard isWord else { return false }
        var letters = 0
        for scalar in text.unicodeScalars {
            // In ASCII the alphabetic scalars are the letters A-Z and a-z: no property lookup.
            let alphabetic = scalar.value < 0x80 ? (scalar.value | 0x20) &- 0x61 < 26 : scalar.properties.isAlphabetic
            guard alphabetic else { continue }
            if !scalar.isUpperCaseLetter { return false }
            letters += 1
        }
        return letters >= 2
    }
    /// The word lower-cased without a possessive ending ("Russia's" -> "russia").
    package var stem: String {
        if let stem = asciiStem { return stem }
        return referenceStem
    }

    /// `stem` of an ASCII word, tested on its bytes (where a character is a byte): nil for any
    /// other word. The character-wise suffix tests were a good part of the speaker search.
    private var asciiStem: String? {
        let result: String?? = lower.utf8.withContiguousStorageIfAvailable { b -> String? in
            for byte in b where byte >= 0x80 || byte == 0x0D { return nil }  // "\r\n" is one character
            let n = b.count
            if n > 2, b[n - 2] == UInt8(ascii: "'"), b[n - 1] == UInt8(ascii: "s") {
                return String(decoding: b[0..<(n - 2)], as: UTF8.self)
            }
            if n > 1, b[n - 1] == UInt8(ascii: "'") { return String(decoding: b[0..<(n - 1)], as: UTF8.self) }
            return lower
        }
        return result ?? nil
    }

    /// `stem` by characters: the reference the ASCII path is tested against, and the answer for
    /// other words.
    package var referenceStem: String {
        for suffix in ["'s", "’s", "'", "’"] where lower.hasSuffix(suffix) && lower.count > suffix.count {
            return String(lower.dropLast(suffix.count))
        }
        return lower
    }
    /// Whether the word ends with a possessive "'s".
    package var isPossessive: Bool { isWord && (lower.hasSuffix("'s") || lower.hasSuffix("’s")) }
}

/// Splits scalar text into words and punctuation marks.
package enum Tokenizer {
    private static let innerJoiners: Set<UInt32> = [0x27, 0x2019, 0x2D, 0x2010, 0x2E]

    /// The tokens of `text`, in order. PTB quote marks (two backticks, two apostrophes) are one token.
    /// - Complexity: O(n) in the number of scalars.
    package static func tokens(_ text: ScalarText) -> [Token] {
        let scalars = text.scalars
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 5)
        var paragraph = 0
        var i = 0
        let n = scalars.count
        while i < n {
            let scalar = scalars[i]
            if scalar.isSpace {
                if scalar.isLineBreak, !tokens.isEmpty, tokens[tokens.count - 1].paragraph == paragraph {
                    paragraph += 1
                }
                i += 1
                continue
            }
            let start = i
            let kind: Token.Kind
            if scalar.isWordScalar {
                i += 1
                while i < n {
                    if scalars[i].isWordScalar {
                        i += 1
                    } else if innerJoiners.contains(scalars[i].value), i + 1 < n, scalars[i + 1].isWordScalar {
                        i += 2
                    } else {
                        break
                    }
                }
                kind = .word
            } else {
                if (scalar == "`" || scalar == "'"), i + 1 < n, scalars[i + 1] == scalar {
                    i += 2
                } else {
                    i += 1
                }
                kind = .punctuation
            }
            let string = text.string(start..<i)
            tokens.append(
                Token(start: start, end: i, text: string, lower: string.lowercased(), kind: kind, paragraph: paragraph))
        }
        return tokens
    }
}
