import Foundation  // ICU transliteration, for the scripts without a table here
import Synchronization
import WiretraceCore

/// What a translation keeps of its original whatever the language: numbers, and the names of
/// people, places and organisations, which are written in another script but sound alike.
///
/// Each anchor is a term of the story vocabulary with the prefix ``prefix``:
/// - `~#1500`, `~#1.5`: a number, digits of any script, thousands groups joined ("1,500",
///   "1 500", "1.500") and the decimal mark unified ("1.5", "1,5"); numbers of one digit are left
///   out (most languages write them as words).
/// - `~$KRNP`: a name's sound key (``soundKey(_:)``): the name transliterated to Latin letters,
///   then reduced to classes of consonants, so that "Trump", "Трампа", "ترامب" and "Tramp" give
///   one key. A name is a capitalised word inside a sentence in a script with capitals (Latin,
///   Cyrillic, Greek, Armenian), any word of three letters or more in one without (Arabic,
///   Hebrew, Georgian, Devanagari, Hangul), a Katakana run, and a run of the Han characters used
///   to write foreign names by sound (``phoneticHan``: "伊丽莎白·沃伦", "特朗普").
///
/// Anchors are compared only between documents in different languages (``AnchorVectors``):
/// inside one language the words themselves say more.
///
/// - Complexity: O(n) in the text, plus one ICU transliteration per distinct word in scripts
///   without a table here (~0.6 ms each on Linux; cached per process, at most
///   ``maximumTransliterationsPerDocument`` per document).
public enum CrossLanguageAnchors {
    /// The first character of every anchor term (never the first of a word term).
    public static let prefix: Character = "~"

    /// A document's anchors with their counts, in the order of first occurrence (text, then
    /// title), as ``StoryVocabulary/occurrences(text:title:)`` gives its words. Anchors count
    /// as entities; in the title they count as title occurrences. The text's lexical anchors
    /// (``CrossLanguageLexicon``) follow the names and numbers of each part.
    public static func occurrences(text: String, title: String?) -> [TermOccurrence] {
        var result: [TermOccurrence] = []
        var position: [String: Int] = [:]
        for (source, inTitle) in [(text, false), (title ?? "", true)] {
            for key in anchors(source).map(\.key) + CrossLanguageLexicon.anchors(source) {
                let index: Int
                if let known = position[key] {
                    index = known
                } else {
                    index = result.count
                    position[key] = index
                    result.append(TermOccurrence(term: key, plain: 0, entity: 0, title: 0))
                }
                if inTitle { result[index].title += 1 } else { result[index].entity += 1 }
            }
        }
        return result
    }

    /// The start of a Latin-script name's spelling anchor (`~@grealish`), compared instead of
    /// sound keys (`~$`) between two languages written in Latin letters (``CrossLanguageNodes``).
    public static let spelledPrefix = "~@"
    /// The start of a name's sound-key anchor (`~$KRLS`).
    public static let soundPrefix = "~$"

    /// Languages written in Latin letters (ISO 639-1), whose pairs compare names by spelling.
    public static let latinScriptLanguages: Set<String> = [
        "en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "sv", "da", "no", "nb", "nn", "fi", "cs", "sk", "sl",
        "hr", "bs", "ro", "hu", "et", "lv", "lt", "id", "ms", "vi", "ca", "eu", "gl", "sq", "tl", "sw", "af", "is",
        "ga", "cy", "mt", "lb", "uz", "az", "tk", "ha", "yo", "so", "eo", "la",
    ]

    /// One anchor: its term and the words it was read from.
    public struct Anchor: Sendable, Hashable {
        public var key: String
        public var surface: String
    }

    /// The anchors of a text in order of occurrence (repeats included).
    public static func anchors(_ text: String) -> [Anchor] {
        var scanner = AnchorScanner()
        scanner.scan(Array(text.unicodeScalars))
        return scanner.finish()
    }

    /// Upper bound on ICU transliterations per document (distinct words not yet cached).
    static let maximumTransliterationsPerDocument = 40

    /// Han characters that Chinese uses to write foreign names by their sound (the common ones
    /// of the transcription tables that the Chinese press follows). A run of two or more of
    /// them is read as a name; some are also common in native words, which only adds keys that
    /// other languages' names seldom share.
    static let phoneticHan: Set<Unicode.Scalar> = Set(
        ("阿埃艾爱安昂奥澳巴拜班邦保鲍贝本比彼毕宾滨波伯勃博布查达戴丹道德登迪蒂丁东杜顿多厄恩法范菲费芬丰"
            + "弗福富盖甘冈戈格根贡古哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康柯科克肯库夸奎昆拉莱赖兰朗劳勒雷"
            + "蕾里理利莉丽莲林琳隆卢鲁路伦罗洛马玛迈麦曼梅门蒙米密缅明莫姆穆纳娜奈南内尼妮努诺帕潘佩彭皮珀普"
            + "奇齐乔琼丘萨塞桑瑟森沙莎尚舍圣施史舒斯松苏索塔泰坦汤唐特提廷图托瓦旺威韦维温文沃乌伍西希谢辛休"
            + "雅亚扬耶伊因英尤约泽詹朱兹佐赛蓬汀茨夫尔列娃娅默夏丝萝芙琪珊黛纽堡墨").unicodeScalars)

    // MARK: Scripts

    enum Script: Equatable {
        case latin, cyrillic, greek, armenian, arabic, hebrew, han, kana, hangul, thai, other
        /// Capitals mark names in these.
        var isCased: Bool { self == .latin || self == .cyrillic || self == .greek || self == .armenian }
    }

    static func script(_ scalar: Unicode.Scalar) -> Script {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return .latin
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: return .cyrillic
        case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
        case 0x530...0x58F: return .armenian
        case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
        case 0x590...0x5FF: return .hebrew
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return .han
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: return .hangul
        case 0xE00...0xE7F: return .thai
        default: return .other
        }
    }

    // MARK: Sound keys

    /// The sound key of a name already in lower-case Latin letters (a–z): digraphs read as one
    /// sound ("sh", "ch", "ph", "th", "kh", "zh", "ts"), double letters as one, then consonants
    /// in classes (b p · d t · f v · c g k q · l r · m n · s z x · j · ch), vowels, h, w and y
    /// dropped, repeats collapsed (also across a vowel: inserted vowels are common in
    /// romanisations), "ng" before a consonant or at the end as "n". English, German, French and Spanish spellings of a name and
    /// its romanisation from Cyrillic, Greek, Arabic or pinyin mostly agree: Шойгу "shoigu" and
    /// Shoigu "SK"; Хлайн "hlain" and Hlaing "RNK"/"RN" do not (a final g), which is why a key
    /// is one signal among several.
    /// Returns nil for keys of fewer than two classes (too many names share them).
    static func soundKey(_ latin: [UInt8]) -> String? {
        var letters: [UInt8] = []
        letters.reserveCapacity(latin.count)
        for byte in latin where byte >= 0x61 && byte <= 0x7A {
            if letters.last != byte { letters.append(byte) }  // double letters as one
        }
        var classes: [UInt8] = []
        func emit(_ c: UInt8) { if classes.last != c { classes.append(c) } }
        var index = 0
        let count = letters.count
        func at(_ i: Int) -> UInt8 { i < count ? letters[i] : 0 }
        func isVowel(_ c: UInt8) -> Bool {
            c == UInt8(ascii: "a") || c == UInt8(ascii: "e") || c == UInt8(ascii: "i") || c == UInt8(ascii: "o")
                || c == UInt8(ascii: "u") || c == UInt8(ascii: "y")
        }
        while index < count {
            let letter = letters[index]
            let next = at(index + 1)
            switch (letter, next) {
            case (UInt8(ascii: "s"), UInt8(ascii: "c")) where at(index + 2) == UInt8(ascii: "h"):
                emit(UInt8(ascii: "S")); index += 3; continue  // German "sch"
            case (UInt8(ascii: "s"), UInt8(ascii: "h")), (UInt8(ascii: "z"), UInt8(ascii: "h")):
                emit(UInt8(ascii: "S")); index += 2; continue
            case (UInt8(ascii: "c"), UInt8(ascii: "h")):
                emit(UInt8(ascii: "C")); index += 2; continue
            case (UInt8(ascii: "t"), UInt8(ascii: "c")) where at(index + 2) == UInt8(ascii: "h"):
                emit(UInt8(ascii: "C")); index += 3; continue  // "tch", German "tsch" via "ts" below
            case (UInt8(ascii: "p"), UInt8(ascii: "h")):
                emit(UInt8(ascii: "F")); index += 2; continue
            case (UInt8(ascii: "t"), UInt8(ascii: "h")), (UInt8(ascii: "d"), UInt8(ascii: "h")):
                emit(UInt8(ascii: "T")); index += 2; continue
            case (UInt8(ascii: "k"), UInt8(ascii: "h")), (UInt8(ascii: "g"), UInt8(ascii: "h")):
                // Nothing, as "h": Cyrillic х stands for English "h" and "kh" alike ("Harris",
                // "Khan"), and "gh" is mostly silent.
                index += 2; continue
            case (UInt8(ascii: "c"), UInt8(ascii: "k")):
                emit(UInt8(ascii: "K")); index += 2; continue
            case (UInt8(ascii: "n"), UInt8(ascii: "g")) where !isVowel(at(index + 2)):
                emit(UInt8(ascii: "N")); index += 2; continue  // "Hlaing", pinyin "lang"
            case (UInt8(ascii: "t"), UInt8(ascii: "s")), (UInt8(ascii: "t"), UInt8(ascii: "z")):
                emit(UInt8(ascii: "S")); index += 2; continue
            case (UInt8(ascii: "d"), UInt8(ascii: "j")):
                emit(UInt8(ascii: "J")); index += 2; continue
            case (UInt8(ascii: "d"), UInt8(ascii: "g")) where at(index + 2) == UInt8(ascii: "e") || at(index + 2) == UInt8(ascii: "i"):
                emit(UInt8(ascii: "J")); index += 2; continue  // "Dodge", "Bridget"
            default: break
            }
            switch letter {
            case UInt8(ascii: "b"), UInt8(ascii: "p"): emit(UInt8(ascii: "P"))
            case UInt8(ascii: "d"), UInt8(ascii: "t"): emit(UInt8(ascii: "T"))
            case UInt8(ascii: "f"), UInt8(ascii: "v"): emit(UInt8(ascii: "F"))
            case UInt8(ascii: "g"), UInt8(ascii: "k"), UInt8(ascii: "q"): emit(UInt8(ascii: "K"))
            case UInt8(ascii: "c"):
                // Soft before e, i, y ("Vincent", "Cecil"); hard elsewhere.
                emit(next == UInt8(ascii: "e") || next == UInt8(ascii: "i") || next == UInt8(ascii: "y") ? UInt8(ascii: "S") : UInt8(ascii: "K"))
            case UInt8(ascii: "l"), UInt8(ascii: "r"): emit(UInt8(ascii: "R"))
            case UInt8(ascii: "m"), UInt8(ascii: "n"): emit(UInt8(ascii: "N"))
            case UInt8(ascii: "s"), UInt8(ascii: "z"): emit(UInt8(ascii: "S"))
            case UInt8(ascii: "x"): emit(UInt8(ascii: "K")); emit(UInt8(ascii: "S"))
            case UInt8(ascii: "j"): emit(UInt8(ascii: "J"))
            default: break  // vowels, h, w, y
            }
            index += 1
        }
        guard classes.count >= 2 else { return nil }
        return String(decoding: classes, as: UTF8.self)
    }

    // MARK: Transliteration

    /// Lower-case Latin letters for a word of the given script: tables for Cyrillic, Greek,
    /// Arabic and Hebrew (fast, and written for the sound key: й and ы as vowels, дж as "j"),
    /// Latin letters without their diacritics, ICU for the rest.
    static func latinLetters(_ word: [Unicode.Scalar], script: Script, budget: inout Int) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(word.count * 2)
        switch script {
        case .latin:
            for scalar in word {
                if let ascii = foldLatin(scalar) { out.append(contentsOf: ascii) }
            }
        case .cyrillic:
            var index = 0
            while index < word.count {
                let c = lowerCyrillic(word[index])
                if c == "д", index + 1 < word.count, lowerCyrillic(word[index + 1]) == "ж" {
                    out.append(UInt8(ascii: "j")); index += 2; continue
                }
                out.append(contentsOf: (cyrillicTable[c] ?? "").utf8)
                index += 1
            }
        case .greek:
            for scalar in String(String.UnicodeScalarView(word)).decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
                out.append(contentsOf: (greekTable[scalar] ?? "").utf8)
            }
        case .arabic:
            for scalar in word { out.append(contentsOf: (arabicTable[scalar] ?? "").utf8) }
        case .hebrew:
            for scalar in word { out.append(contentsOf: (hebrewTable[scalar] ?? "").utf8) }
        default:
            let string = String(String.UnicodeScalarView(word))
            if let cached = TransliterationCache.shared.value(string) {
                out = cached
            } else {
                guard budget > 0 else { return nil }
                budget -= 1
                let latin = string.applyingTransform(.toLatin, reverse: false)?
                    .applyingTransform(.stripDiacritics, reverse: false)?.lowercased() ?? ""
                out = Array(latin.utf8.filter { $0 >= 0x61 && $0 <= 0x7A })
                TransliterationCache.shared.store(string, out)
            }
        }
        return out
    }

    /// A Latin letter without its diacritics, lower-cased ("é" → "e", "ß" → "ss", "Ｔ" → "t").
    static func foldLatin(_ scalar: Unicode.Scalar) -> [UInt8]? {
        let v = scalar.value
        if v >= 0x41 && v <= 0x5A { return [UInt8(v) | 0x20] }
        if v >= 0x61 && v <= 0x7A { return [UInt8(v)] }
        if v >= 0xFF21 && v <= 0xFF3A { return [UInt8(v - 0xFF21) + 0x61] }
        if v >= 0xFF41 && v <= 0xFF5A { return [UInt8(v - 0xFF41) + 0x61] }
        switch scalar {
        case "ß": return Array("ss".utf8)
        case "æ", "Æ": return Array("ae".utf8)
        case "œ", "Œ": return Array("oe".utf8)
        case "ø", "Ø": return [UInt8(ascii: "o")]
        case "ł", "Ł": return [UInt8(ascii: "l")]
        case "đ", "Đ", "ð", "Ð": return [UInt8(ascii: "d")]
        case "ı": return [UInt8(ascii: "i")]
        case "þ", "Þ": return Array("th".utf8)
        default: break
        }
        // Decompose and keep the base letter.
        for base in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            let b = base.value
            if b >= 0x41 && b <= 0x5A { return [UInt8(b) | 0x20] }
            if b >= 0x61 && b <= 0x7A { return [UInt8(b)] }
        }
        return nil
    }

    static func lowerCyrillic(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        if v >= 0x410 && v <= 0x42F { return Unicode.Scalar(v + 0x20)! }
        if v >= 0x400 && v <= 0x40F { return Unicode.Scalar(v + 0x50)! }
        return scalar
    }

    /// Russian, Ukrainian, Belarusian, Serbian, Bulgarian and Macedonian letters, as the
    /// English press romanises them (й, ы and ь as vowels or nothing: the sound key drops them).
    static let cyrillicTable: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y",
        "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "u", "ђ": "dj",
        "ј": "j", "љ": "l", "њ": "n", "ћ": "c", "џ": "j", "ѓ": "g", "ќ": "k", "ѕ": "dz",
    ]

    static let greekTable: [Unicode.Scalar: String] = [
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
        "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
        "υ": "y", "φ": "f", "χ": "kh", "ψ": "ps", "ω": "o",
    ]

    /// Arabic (and Persian/Urdu) letters; short-vowel marks and tatweel have no entry (dropped).
    /// غ as "g": it writes the g of foreign names (شويغو, Shoigu).
    static let arabicTable: [Unicode.Scalar: String] = [
        "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h",
        "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
        "ظ": "z", "ع": "", "غ": "g", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
        "ة": "a", "و": "u", "ي": "i", "ى": "a", "ء": "", "ئ": "i", "ؤ": "u", "پ": "p", "چ": "ch", "ژ": "zh",
        "گ": "g", "ک": "k", "ی": "i", "ڤ": "v",
    ]

    static let hebrewTable: [Unicode.Scalar: String] = [
        "א": "", "ב": "b", "ג": "g", "ד": "d", "ה": "h", "ו": "o", "ז": "z", "ח": "kh", "ט": "t", "י": "i",
        "כ": "k", "ך": "k", "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ס": "s", "ע": "", "פ": "p",
        "ף": "f", "צ": "ts", "ץ": "ts", "ק": "k", "ר": "r", "ש": "sh", "ת": "t",
    ]
}

/// ICU transliterations already made in this process, by word.
final class TransliterationCache: Sendable {
    static let shared = TransliterationCache()
    private let table = Mutex<[String: [UInt8]]>([:])
    private static let capacity = 200_000

    func value(_ word: String) -> [UInt8]? { table.withLock { $0[word] } }

    func store(_ word: String, _ latin: [UInt8]) {
        table.withLock { table in
            if table.count >= Self.capacity { table.removeAll(keepingCapacity: true) }
            table[word] = latin
        }
    }
}

/// Reads numbers and names from a text's scalars (see ``CrossLanguageAnchors``).
struct AnchorScanner {
    private var anchors: [CrossLanguageAnchors.Anchor] = []
    /// Capitalised words that opened a sentence: names only if the same word occurs as one
    /// inside a sentence too ("Warren said" at the start, "... said Warren" later).
    private var sentenceInitial: [(index: Int, word: [Unicode.Scalar], script: CrossLanguageAnchors.Script)] = []
    private var namesInside: Set<String> = []
    private var budget = CrossLanguageAnchors.maximumTransliterationsPerDocument
    /// Keys by word already computed in this document.
    private var keyCache: [String: [String]] = [:]

    private static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        // Not parentheses: a name in brackets after its transliteration ("敏昂莱(Min Aung
        // Hlaing)") is still inside a sentence.
        case ".", "!", "?", "\n", ":", ";", "。", "！", "？", "؟", "।", "«", "»", "\"", "“", "”", "„", "「", "」", "‘", "‚", "—", "–":
            return true
        default: return false
        }
    }

    /// ASCII scalars are classified from their value (no property lookup: most of a Latin text).
    @inline(__always)
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v | 0x20) &- 0x61 < 26 }
        let p = scalar.properties
        return p.isAlphabetic || p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
    }

    private static func digit(_ scalar: Unicode.Scalar) -> UInt8? {
        if scalar.value >= 0x30 && scalar.value <= 0x39 { return UInt8(scalar.value) }
        guard scalar.value >= 0x80, scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue
        else { return nil }
        return UInt8(0x30 + Int(value))
    }

    @inline(__always)
    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value &- 0x41 < 26 : scalar.properties.isUppercase
    }

    @inline(__always)
    private static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value &- 0x61 < 26 : scalar.properties.isLowercase
    }

    private static func isGroupSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{A0}" || scalar == "\u{202F}" || scalar == "\u{2009}" || scalar == "'" || scalar == "’"
    }

    mutating func scan(_ scalars: [Unicode.Scalar]) {
        let count = scalars.count
        var index = 0
        var sentenceStart = true
        while index < count {
            let scalar = scalars[index]
            if Self.digit(scalar) != nil {
                index = number(scalars, from: index)
                sentenceStart = false
                continue
            }
            guard Self.isLetter(scalar) else {
                if Self.isSentenceEnd(scalar) { sentenceStart = true }
                index += 1
                continue
            }
            let script = CrossLanguageAnchors.script(scalar)
            var end = index + 1
            if script == .han || script == .kana {
                // A run of one script: Han parts of a name joined by middle dots, or Katakana.
                while end < count, CrossLanguageAnchors.script(scalars[end]) == script { end += 1 }
                let word = Array(scalars[index..<end])
                let isKatakana = script == .kana && word.allSatisfy { $0.value >= 0x30A0 && $0.value <= 0x30FF }
                if script == .han {
                    // Foreign names are written with characters chosen for their sound: runs
                    // of two or more such characters ("特朗普", "伊丽莎白" before a middle dot).
                    var start = 0
                    while start < word.count {
                        guard CrossLanguageAnchors.phoneticHan.contains(word[start]) else { start += 1; continue }
                        var end = start + 1
                        while end < word.count, CrossLanguageAnchors.phoneticHan.contains(word[end]) { end += 1 }
                        if end - start >= 2 { name(Array(word[start..<end]), script: .han) }
                        start = end
                    }
                } else if isKatakana, word.count >= 2 {
                    name(word, script: .kana)
                }
                index = end
                sentenceStart = false
                continue
            }
            while end < count, Self.isLetter(scalars[end]) || (
                // An apostrophe or hyphen inside a word.
                (scalars[end] == "'" || scalars[end] == "’") && end + 1 < count && Self.isLetter(scalars[end + 1])) {
                end += 1
            }
            // The word's bounds; its scalars are copied out only when it may be a name (most
            // words of a cased script are not capitalised, and an array per word was much of the scan).
            var wordStart = index
            var wordEnd = end
            index = end
            // Apostrophes: "Trump's", "Trump'ın" keep the name; "l'Élysée", "d'Arcy" drop the article.
            if let apostrophe = (wordStart..<wordEnd).first(where: { scalars[$0] == "'" || scalars[$0] == "’" }) {
                if apostrophe - wordStart <= 2 && wordEnd - apostrophe - 1 >= 3 {
                    wordStart = apostrophe + 1
                } else {
                    wordEnd = apostrophe
                }
            }
            guard wordStart < wordEnd else { continue }
            let first = scalars[wordStart]
            let wordScript = CrossLanguageAnchors.script(first)
            if wordScript.isCased {
                if Self.isUppercase(first) {
                    let word = Array(scalars[wordStart..<wordEnd])
                    let upper = word.count >= 2 && word.allSatisfy { !Self.isLowercase($0) }
                    if sentenceStart && !upper {
                        sentenceInitial.append((anchors.count, word, wordScript))
                    } else {
                        namesInside.insert(String(scalars: word).lowercased())
                        name(word, script: wordScript)
                    }
                }
            } else if wordScript != .thai && wordScript != .other || (wordScript == .other && wordEnd - wordStart >= 3) {
                if wordEnd - wordStart >= 3 { name(Array(scalars[wordStart..<wordEnd]), script: wordScript) }
            }
            sentenceStart = false
        }
    }

    /// Reads a number from `start`; returns the index after it.
    private mutating func number(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var groups: [[UInt8]] = [[]]
        var index = start
        let count = scalars.count
        while index < count {
            if let d = Self.digit(scalars[index]) {
                groups[groups.count - 1].append(d)
                index += 1
                continue
            }
            let s = scalars[index]
            // A separator followed by a digit continues the number; a space only between a group
            // of one to three digits and one of exactly three ("15 000").
            guard index + 1 < count, Self.digit(scalars[index + 1]) != nil else { break }
            if s == "." || s == "," || s == "٫" || s == "٬" {
                // A decimal mark or a thousands separator: told apart below by the group sizes.
            } else if Self.isGroupSpace(s) {
                var length = 0
                while index + 1 + length < count, Self.digit(scalars[index + 1 + length]) != nil { length += 1 }
                guard groups.last!.count <= 3, length == 3 else { break }
            } else {
                break
            }
            groups.append([])
            index += 1
        }
        var digits: [UInt8]
        if groups.count == 1 {
            digits = groups[0]
        } else if groups.dropFirst().allSatisfy({ $0.count == 3 }) && groups[0].count <= 3 {
            // Thousands groups: "1,500", "1.500", "1 500", "12,000,000".
            digits = groups.flatMap { $0 }
        } else if groups.count == 2 {
            // A decimal: "1.5", "1,5".
            digits = groups[0] + [UInt8(ascii: ".")] + groups[1]
        } else {
            digits = groups.flatMap { $0 }  // a date or code written with dots: kept whole
        }
        // Leading zeros say nothing ("07" and "7" are one day of a month).
        while digits.count > 1, digits[0] == UInt8(ascii: "0"), digits[1] != UInt8(ascii: ".") { digits.removeFirst() }
        let significant = digits.filter { $0 != UInt8(ascii: ".") }.count
        if significant >= 2 {
            let text = String(decoding: digits, as: UTF8.self)
            anchors.append(.init(key: "~#" + text, surface: String(String.UnicodeScalarView(scalars[start..<index]))))
        }
        return index
    }

    private mutating func name(_ word: [Unicode.Scalar], script: CrossLanguageAnchors.Script) {
        let surface = String(scalars: word)
        let keys: [String]
        if let known = keyCache[surface] {
            keys = known
        } else {
            var found: [String] = []
            var variants = [word]
            // Cyrillic case endings with a consonant (-ом, -ем, -ам, -ов, -ев, -ым, -им, -ой):
            // the stem is keyed as well ("Трампом" and "Трамп"; "Иванов" keeps its own key).
            if script == .cyrillic, word.count >= 5 {
                let tail = String(String.UnicodeScalarView(word.suffix(2))).lowercased()
                if ["ом", "ем", "ам", "ям", "ов", "ев", "ым", "им", "ах", "ях", "ой", "ей"].contains(tail) {
                    variants.append(Array(word.dropLast(2)))
                } else if ["ами", "ями", "ого", "его", "ому", "ему"].contains(String(String.UnicodeScalarView(word.suffix(3))).lowercased()) {
                    variants.append(Array(word.dropLast(3)))
                }
            }
            // Arabic: the article and the conjunctions and prepositions written onto it.
            if script == .arabic {
                let text = surface
                for article in ["وال", "بال", "فال", "كال", "لل", "ال"] where text.hasPrefix(article) && text.count >= article.count + 3 {
                    variants = [Array(text.dropFirst(article.count).unicodeScalars)]
                    break
                }
            }
            for variant in variants {
                guard let latin = CrossLanguageAnchors.latinLetters(variant, script: script, budget: &budget),
                    let key = CrossLanguageAnchors.soundKey(latin)
                else { continue }
                if !found.contains("~$" + key) { found.append("~$" + key) }
                // The first three classes as well: romanisations drop or add final sounds
                // ("Elizabeth" RSPT, 伊丽莎白 "yi li sha bai" RSP).
                if key.utf8.count > 3 {
                    let prefix = "~$" + String(key.prefix(3))
                    if !found.contains(prefix) { found.append(prefix) }
                }
            }
            // Latin-script names also by their spelling: two languages written in Latin letters
            // spell a name alike, where sound keys of unrelated words collide ("Lima", "Lomé").
            if script == .latin, let latin = CrossLanguageAnchors.latinLetters(word, script: .latin, budget: &budget),
                latin.count >= 3
            {
                found.append(CrossLanguageAnchors.spelledPrefix + String(decoding: latin, as: UTF8.self))
                // A genitive or possessive "s" (German "Trumps", English "Trump's"): the name as well.
                if latin.count >= 5, latin.last == UInt8(ascii: "s") {
                    found.append(CrossLanguageAnchors.spelledPrefix + String(decoding: latin.dropLast(), as: UTF8.self))
                }
            }
            keys = found
            keyCache[surface] = keys
        }
        for key in keys { anchors.append(.init(key: key, surface: surface)) }
    }

    mutating func finish() -> [CrossLanguageAnchors.Anchor] {
        // Sentence-initial capitalised words that also occur inside a sentence are names; they
        // are appended after the others (counts matter, not positions).
        for entry in sentenceInitial where namesInside.contains(String(scalars: entry.word).lowercased()) {
            name(entry.word, script: entry.script)
        }
        return anchors
    }
}
