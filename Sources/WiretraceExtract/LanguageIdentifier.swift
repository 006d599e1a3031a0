/// Identifies the language of an article from its text: the writing system first (Cyrillic,
/// Arabic, Han, kana, Hangul, Greek, ...), then, within a script shared by several languages, the
/// function words of each (articles, prepositions, pronouns, auxiliaries): the most frequent
/// words of a language and the least likely to be borrowed, so a few sentences decide.
///
/// Returns an ISO 639-1 code, or nil when the text holds too few letters or words to tell. The
/// language a page declares (`<html lang>`) only breaks a tie or stands in when the text is too
/// short: declarations are often a site's default, not the article's language.
public enum LanguageIdentifier {
    /// How many leading Unicode scalars are read: enough for a few paragraphs.
    static let sampleScalars = 3_000
    /// Fewer letters than this and the script alone is not trusted.
    static let minimumLetters = 20
    /// Fewer function-word hits than this and a Latin- or Cyrillic-script text is undecided.
    static let minimumHits = 3
    static let letterWeight = 0.5
    static let letterCap = 10.0

    /// The ISO 639-1 code of `text`'s language, or `declared`'s primary subtag when the text
    /// cannot tell (too short) and the declaration fits the text's script.
    ///
    /// - Complexity: O(n) in the first ``sampleScalars`` scalars of `text`.
    public static func identify(_ text: String, declared: String? = nil) -> String? {
        let declaredCode = declared.flatMap(primarySubtag)
        var counts = ScriptCounts()
        // Words lower-cased as they are read (ASCII by arithmetic, the rest by its mapping).
        var words: [String] = []
        // The word's UTF-8 bytes, made a string once it ends (appending to a scalar view scalar by
        // scalar was most of this function's time).
        var word: [UInt8] = []
        func endWord() {
            if !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        func append(_ scalar: Unicode.Scalar) {
            if scalar.value < 0x80 {
                word.append(UInt8(truncatingIfNeeded: scalar.value))
            } else {
                UTF8.encode(scalar) { word.append($0) }
            }
        }
        var seen = 0
        for scalar in text.unicodeScalars {
            seen += 1
            if seen > sampleScalars { break }
            let script = Script(scalar)
            counts.add(script, scalar)
            switch script {
            case .other: endWord()
            case .han, .kana, .thai: endWord()
            default:
                if scalar.value < 0x80 {
                    let value = scalar.value
                    word.append(UInt8(truncatingIfNeeded: value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
                } else if scalar.properties.isLowercase || !scalar.properties.changesWhenLowercased {
                    append(scalar)
                } else {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { append(lower) }
                }
            }
        }
        endWord()

        guard counts.letters >= minimumLetters, let script = counts.dominant else {
            return declaredCode
        }
        switch script {
        case .han, .kana:
            // Japanese writes kana between its kanji; Chinese has none.
            return counts[.kana] * 20 >= counts[.han] + counts[.kana] ? "ja" : "zh"
        case .hangul: return "ko"
        case .greek: return "el"
        case .hebrew: return counts.yiddishMarks > 2 ? "yi" : "he"
        case .thai: return "th"
        case .devanagari: return declaredCode.flatMap { ["hi", "mr", "ne", "sa"].contains($0) ? $0 : nil } ?? "hi"
        case .bengali: return "bn"
        case .tamil: return "ta"
        case .georgian: return "ka"
        case .armenian: return "hy"
        case .arabic:
            if counts.urduMarks * 50 >= counts[.arabic] && counts.urduMarks > 2 { return "ur" }
            if counts.persianMarks * 40 >= counts[.arabic] && counts.persianMarks > 2 {
                return best(words, among: FunctionWords.arabicScriptTable, declared: declaredCode) ?? "fa"
            }
            return best(words, among: FunctionWords.arabicScriptTable, declared: declaredCode) ?? "ar"
        case .cyrillic:
            return best(words, among: FunctionWords.cyrillicTable, declared: declaredCode)
                ?? (FunctionWords.cyrillic.contains { $0.code == declaredCode } ? declaredCode : "ru")
        case .latin:
            return best(words, among: FunctionWords.latinTable, declared: declaredCode)
                ?? (FunctionWords.latin.contains { $0.code == declaredCode } ? declaredCode : nil)
        case .other:
            return declaredCode
        }
    }

    /// The language whose function words occur most often in `words`; nil below ``minimumHits``.
    /// A tie goes to the declared language, then to the language listed first.
    /// Letters that only some languages of a script write add ``letterWeight`` each, shared among
    /// the languages that write the letter (ı counts fully for Turkish, ö a sixth for each of six
    /// languages), at most ``letterCap`` in all: they decide texts with few function words, such
    /// as tables and headlines, and are outweighed by function words in a text that quotes a
    /// foreign name.
    static func best(_ words: [String], among table: FunctionWords.Table, declared: String?) -> String? {
        var hits = [Double](repeating: 0, count: table.codes.count)
        var letterScores = [Double](repeating: 0, count: table.codes.count)
        for word in words {
            if var mask = table.words[word] {
                while mask != 0 {
                    hits[mask.trailingZeroBitCount] += 1
                    mask &= mask - 1
                }
            }
            for scalar in word.unicodeScalars where scalar.value >= 0xC0 {
                guard var mask = table.letters[scalar] else { continue }
                let share = letterWeight / Double(mask.nonzeroBitCount)
                while mask != 0 {
                    letterScores[mask.trailingZeroBitCount] += share
                    mask &= mask - 1
                }
            }
        }
        for index in hits.indices { hits[index] += min(letterScores[index], letterCap) }
        guard let top = hits.max(), top >= Double(minimumHits) else { return nil }
        let leaders = hits.indices.filter { hits[$0] == top }.map { table.codes[$0] }
        if let declared, leaders.contains(declared) { return declared }
        return leaders.first
    }

    /// "en-US" → "en", "zh_Hant" → "zh", "deu" → nil (ISO 639-1 codes have two letters).
    static func primarySubtag(_ tag: String) -> String? {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard primary.count == 2, primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return primary
    }
}

extension LanguageIdentifier {
    /// Writing systems, by Unicode block.
    enum Script: Int, CaseIterable {
        case latin, cyrillic, greek, arabic, hebrew, han, kana, hangul, thai, devanagari, bengali, tamil, georgian,
            armenian, other

        init(_ scalar: Unicode.Scalar) {
            let v = scalar.value
            switch v {
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: self = .latin
            case 0x400...0x52F: self = .cyrillic
            case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
            case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = scalar.properties.isAlphabetic ? .arabic : .other
            case 0x5D0...0x5EA, 0x5F0...0x5F2: self = .hebrew
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FFFF: self = .han
            case 0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D: self = .kana
            case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F: self = .hangul
            case 0xE01...0xE5B: self = .thai
            case 0x900...0x97F: self = .devanagari
            case 0x980...0x9FF: self = .bengali
            case 0xB80...0xBFF: self = .tamil
            case 0x10A0...0x10FF: self = .georgian
            case 0x531...0x58F: self = .armenian
            default: self = .other
            }
        }
    }

    /// Letters per script, and the letters that tell Arabic-script and Hebrew-script languages apart.
    struct ScriptCounts {
        private var counts = [Int](repeating: 0, count: Script.allCases.count)
        var letters = 0
        /// پ چ ژ گ ی ک: Persian letters absent from Arabic.
        var persianMarks = 0
        /// ٹ ڈ ڑ ں ے ہ: Urdu letters absent from Arabic and Persian.
        var urduMarks = 0
        /// Yiddish digraphs (װ ױ ײ).
        var yiddishMarks = 0

        subscript(script: Script) -> Int { counts[script.rawValue] }

        mutating func add(_ script: Script, _ scalar: Unicode.Scalar) {
            guard script != .other else { return }
            counts[script.rawValue] += 1
            letters += 1
            switch scalar.value {
            case 0x67E, 0x686, 0x698, 0x6AF, 0x6CC, 0x6A9: persianMarks += 1
            case 0x679, 0x688, 0x691, 0x6BA, 0x6D2, 0x6C1: urduMarks += 1
            case 0x5F0...0x5F2: yiddishMarks += 1
            default: break
            }
        }

        /// The script with the most letters; Han and kana count together (Japanese mixes them).
        var dominant: Script? {
            var best: Script?
            var bestCount = 0
            for script in Script.allCases where script != .other && script != .kana {
                let count = script == .han ? counts[Script.han.rawValue] + counts[Script.kana.rawValue] : counts[script.rawValue]
                if count > bestCount { best = script; bestCount = count }
            }
            if best == .han, counts[Script.kana.rawValue] > counts[Script.han.rawValue] { return .kana }
            return best
        }
    }
}
