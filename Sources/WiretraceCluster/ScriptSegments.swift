import Foundation  // NFKC (compatibility forms: full-width letters and digits, ligatures)

/// How the story level reads scripts other than the Latin alphabet: which are written without
/// spaces (and so become character n-grams), and the letter variants one word is written with.
enum ScriptSegments {
    /// The n-gram size for a scalar of a script written without spaces between words: 2 for
    /// Han and Kana (most Chinese and Japanese words are one or two characters, and bigrams are
    /// the usual unit for indexing them), 3 for Thai, Lao, Khmer and Myanmar (words of several
    /// letters, many of them combining marks); nil for others.
    @inline(__always)
    static func gramSize(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F,
            0x20000...0x2FFFF:
            return 2
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF:
            return 3
        default:
            return nil
        }
    }

    /// A lower-cased word with non-ASCII letters in one form: compatibility forms folded (NFKC:
    /// "Ｔｏｋｙｏ" as "tokyo"); Cyrillic ё as е (Russian print mostly omits the dots); Arabic
    /// without short-vowel marks and tatweel, alef with hamza or madda as bare alef, alef
    /// maqsura as ya, ta marbuta as ha, and without the article (and a conjunction or
    /// preposition written onto it: "والرئيس" is "رئيس"), which Arabic writes as part of the word.
    static func normalised(_ word: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in word.precomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.value {
            case 0x451: scalars.append("е")  // ё
            case 0x401: scalars.append("Е")
            case 0x64B...0x65F, 0x670, 0x640: continue  // Arabic marks, tatweel
            case 0x622, 0x623, 0x625, 0x671: scalars.append("ا")
            case 0x649: scalars.append("ي")
            case 0x629: scalars.append("ه")
            default: scalars.append(scalar)
            }
        }
        var result = String(scalars)
        if let first = result.unicodeScalars.first, first.value >= 0x620, first.value <= 0x64A {
            for article in ["وال", "بال", "فال", "كال", "لل", "ال"] where result.hasPrefix(article) {
                let rest = result.unicodeScalars.dropFirst(article.unicodeScalars.count)
                if rest.count >= 3 { result = String(String.UnicodeScalarView(rest)) }
                break
            }
        }
        return result
    }
}
