import Foundation  // canonical composition, to find compatibility ideographs of the table's keys
import Testing
import WiretraceCore
@testable import WiretraceCluster

/// The packed lexicon lookup (``CrossLanguageLexicon/anchors(_:)``) against the `String` one it
/// replaced (``CrossLanguageLexicon/anchorsByString(_:)``).
@Suite struct PackedLexiconTests {
    @Test func everyKeyOfTheTablePacks() {
        // Otherwise the packed path is switched off and every text goes through strings.
        #expect(PackedLexicon.shared.isComplete)
    }

    @Test func keysOfDifferentLengthsOrScriptsPackApart() {
        let keys = ["acht", "achtun", "achtu", "мост", "мосты", "政府", "府说"]
        let packed = keys.compactMap(PackedLexicon.pack)
        #expect(packed.count == keys.count)
        #expect(Set(packed).count == keys.count)
        #expect(PackedLexicon.pack("Acht") == nil)  // table keys are lower-case
        #expect(PackedLexicon.pack("achtung") == nil)  // longer than a key
        #expect(PackedLexicon.pack("\u{F900}\u{4E00}") == nil)  // a compatibility ideograph
    }

    @Test func packedAndStringLookupsAgreeOnWrittenText() {
        for text in [
            "Die Regierung bat die Polizei um Ermittlungen; der Präsident schwieg.",
            "Le gouvernement a demandé une enquête à la police, l'Élysée n'a rien dit.",
            "El Gobierno pidió a la policía que investigara el ataque del jueves.",
            "Правительство попросило полицию провести расследование. Ёлка горела всю ночь.",
            "政府要求警方调查这次袭击，总统没有发表评论。",
            "STRAẞE, Straße und STRASSE; Œuvre, Ærø, Łódź, Ｔｅａｍ.",
            "Ѐлка Ꙁемля ᲀлка: letters of other Cyrillic blocks.",
            "",
        ] {
            #expect(CrossLanguageLexicon.anchors(text) == CrossLanguageLexicon.anchorsByString(text), "\(text)")
        }
    }

    @Test func packedAndStringLookupsAgreeOnRandomText() {
        // Words of the table (whole, cut, inflected, capitalised), of other scripts and blocks, Han
        // runs with compatibility ideographs of the table's characters, joined by assorted marks.
        var keys = Array(CrossLanguageLexicon.translations.keys) + Array(CrossLanguageLexicon.englishKeys)
        keys.sort()
        var compatibility: [Unicode.Scalar: Unicode.Scalar] = [:]  // unified -> compatibility form
        for value in 0xF900...0xFAFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let composed = String(scalar).precomposedStringWithCanonicalMapping.unicodeScalars
            if composed.count == 1, let unified = composed.first, unified != scalar { compatibility[unified] = scalar }
        }
        let hanKeys = keys.filter { $0.unicodeScalars.contains { compatibility[$0] != nil } }
        #expect(!hanKeys.isEmpty, "some Han key has a compatibility form")
        let separators = [" ", " ", " ", ", ", ". ", "-", "'", "’", "3", "\n", "\u{A0}", "«", "\u{301}"]
        let extras: [Unicode.Scalar] = ["é", "ß", "Æ", "ø", "ё", "Ё", "Ѐ", "ꙁ", "ᲀ", "ı", "Ｔ", "ｔ", "×", "α", "ا", "ア", "한"]
        var random = SplitMix64(seed: 15)
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<random.next(60) {
                var word: String
                switch random.next(7) {
                case 0: word = keys[random.next(keys.count)]
                case 1: word = keys[random.next(keys.count)] + ["en", "s", "ов", "ами", "e", "的"][random.next(6)]
                case 2: word = keys[random.next(keys.count)].uppercased()
                case 3:
                    let key = hanKeys[random.next(hanKeys.count)]
                    word = String(String.UnicodeScalarView(key.unicodeScalars.map { compatibility[$0] ?? $0 }))
                case 4:
                    let key = keys[random.next(keys.count)]
                    word = key.prefix(1).uppercased() + key.dropFirst()
                case 5:
                    // Letters the keys fold: ё to е, diacritics and ß in Latin words.
                    let key = keys[random.next(keys.count)]
                    word = String(String.UnicodeScalarView(key.unicodeScalars.map { scalar -> Unicode.Scalar in
                        switch scalar {
                        case "е": return random.next(2) == 0 ? "ё" : "Ё"
                        case "e": return "é"
                        case "a": return "Ä"
                        default: return scalar
                        }
                    })).replacingOccurrences(of: "ss", with: "ß")
                default:
                    word = String(String.UnicodeScalarView((0..<(1 + random.next(7))).map { _ in extras[random.next(extras.count)] }))
                }
                text += word + separators[random.next(separators.count)]
            }
            #expect(CrossLanguageLexicon.anchors(text) == CrossLanguageLexicon.anchorsByString(text), "\(text)")
        }
    }
}
