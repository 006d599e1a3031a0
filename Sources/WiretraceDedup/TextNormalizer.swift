import Foundation

/// Turns text into word tokens, each as a stable 64-bit hash.
///
/// The normal form, applied identically by the fast path and the reference:
/// 1. NFKC (`precomposedStringWithCompatibilityMapping`): fullwidth "ＡＢＣ" becomes "ABC",
///    the ligature "ﬁ" becomes "fi".
/// 2. Full Unicode case folding (`folding(options: .caseInsensitive)`): "Straße" becomes
///    "strasse", final sigma becomes σ. ASCII is simply lowercased.
/// 3. Apostrophes (`'`, `‘`, `’`, `ʼ`) and default-ignorable scalars (soft hyphen, zero-width
///    joiners) are deleted, so "Russia's" and "Russia’s" both become "russias".
/// 4. Tokens are maximal runs of letters, digits and combining marks of any script; everything
///    else (spaces, punctuation, all quotes and dashes, symbols) separates tokens, which is what
///    unifies quote and dash variants.
/// 5. Each token is hashed over its UTF-8 bytes, eight bytes at a time
///    (``StableHash/TokenHasher``): fixed, seed-free, the same on every run and platform.
///
/// 6. Scripts written without spaces (Han, Kana, Thai, Lao, Khmer: ``isSingleScalarToken(_:)``)
///    give one token per character, so a 5-shingle is a character 5-gram: the unit of Chinese
///    and Japanese near-duplicate detection, instead of one token per clause.
public enum TextNormalizer {
    /// Word tokens of a text as 64-bit hashes, in text order.
    ///
    /// Works on the UTF-8 bytes: ASCII is tokenised inline; non-ASCII scalars whose normal form
    /// does not depend on their neighbours are mapped through a per-call cache; anything else
    /// (combining sequences, Hangul jamo, Indic vowel signs) sends its word region, cut at ASCII
    /// separators, through the reference normaliser.
    ///
    /// - Complexity: O(n) in the UTF-8 length.
    public static func tokenHashes(_ text: String) -> [UInt64] {
        var cache = ScalarCache()
        return tokenHashes(text, cache: &cache)
    }

    /// ``tokenHashes(_:)`` with a scalar cache kept across calls: one per worker thread saves
    /// recomputing the normal forms of non-ASCII scalars (through Foundation) for every document.
    package static func tokenHashes(_ text: String, cache: inout ScalarCache) -> [UInt64] {
        var text = text
        var tokens: [UInt64] = []
        tokens.reserveCapacity(text.utf8.count / 6)
        text.withUTF8 { bytes in
            appendTokenHashes(utf8: bytes, to: &tokens, cache: &cache)
        }
        return tokens
    }

    /// Reference implementation on Swift Strings, for tests: same tokens, same hashes, slowly.
    ///
    /// - Complexity: O(n), with Foundation's normalisation and folding over the whole text.
    public static func referenceTokenHashes(_ text: String) -> [UInt64] {
        var tokens: [UInt64] = []
        appendReferenceTokenHashes(text, to: &tokens)
        return tokens
    }

    /// The word tokens themselves (normalised text), for debugging and review output.
    public static func referenceTokens(_ text: String) -> [String] {
        let normalized = fold(text.precomposedStringWithCompatibilityMapping)
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in normalized.unicodeScalars {
            switch scalarClass(scalar) {
            case .word where isSingleScalarToken(scalar):
                if !current.isEmpty {
                    tokens.append(String(current))
                    current = String.UnicodeScalarView()
                }
                tokens.append(String(scalar))
            case .word: current.append(scalar)
            case .deleted: continue
            case .separator:
                if !current.isEmpty {
                    tokens.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    package static func appendReferenceTokenHashes(_ text: String, to tokens: inout [UInt64]) {
        for token in referenceTokens(text) {
            tokens.append(StableHash.TokenHasher.hash(token.utf8))
        }
    }

    // MARK: - The normal form, shared by both paths

    /// What a scalar of the normalised (NFKC, case-folded) text contributes.
    package enum ScalarClass: Sendable, Equatable {
        case word, separator, deleted
    }

    /// Full case folding, context free.
    package static func fold(_ text: String) -> String {
        text.folding(options: .caseInsensitive, locale: nil)
    }

    /// Apostrophes dropped inside (and around) words: ASCII, left/right single quotation marks,
    /// modifier letter apostrophe.
    package static func isApostrophe(_ value: UInt32) -> Bool {
        value == 0x27 || value == 0x2018 || value == 0x2019 || value == 0x02BC
    }

    /// A letter of a script written without spaces between words (Han, Hiragana, Katakana,
    /// Thai, Lao, Khmer): a token by itself. Its combining marks (Thai vowel signs) are tokens of
    /// their own too, which keeps the rule context free.
    package static func isSingleScalarToken(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0EFF, 0x1780...0x17FF, 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xF900...0xFAFF, 0x2_0000...0x2_FFFF:
            return true
        default:
            return false
        }
    }

    /// Classifies one scalar of the already normalised and folded text.
    package static func scalarClass(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        if isApostrophe(value) { return .deleted }
        if value < 0x80 {
            let byte = UInt8(value)
            return (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
                ? .word : .separator
        }
        let properties = scalar.properties
        if properties.isDefaultIgnorableCodePoint { return .deleted }
        if properties.isAlphabetic { return .word }
        switch properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return .word
        default:
            return .separator
        }
    }
}
