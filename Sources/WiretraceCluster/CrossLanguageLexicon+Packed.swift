/// The lexicon looked up by word keys packed into one `UInt64`, so that reading a text's lexical
/// anchors builds no `String` per word and hashes none: the anchors of every document's text and
/// title are read in the terms stage, and building, hashing and comparing a `String` key per word
/// was most of that work.
///
/// A key packs as a tag in the top two bits and its letters below:
/// - Latin: the folded ASCII bytes (1–6), eight bits each;
/// - Cyrillic: each lower-cased scalar as its offset from U+03FF (1–0x130, basic and supplement
///   blocks), nine bits each;
/// - Han: a pair of scalars (below U+30000), 21 bits each.
/// Letters are never zero in their field, so keys of different lengths differ. A key that does not
/// pack (another Cyrillic block; a CJK compatibility ideograph, which `String` equality identifies
/// with its unified one) is looked up as a `String` as before.
struct PackedLexicon: Sendable {
    static let latinTag: UInt64 = 1 << 62
    static let cyrillicTag: UInt64 = 2 << 62
    static let hanTag: UInt64 = 3 << 62

    private static let empty = UInt64.max
    private var keys: [UInt64]
    /// `~&` and the English key, per slot of `keys`.
    private var anchors: [String]
    private var shift: UInt64
    /// False when some key of the table does not pack: then only the `String` lookup is exact.
    let isComplete: Bool

    static let shared = PackedLexicon(
        translations: CrossLanguageLexicon.translations, englishKeys: CrossLanguageLexicon.englishKeys)

    init(translations: [String: String], englishKeys: Set<String>) {
        // English keys stand for themselves; a translation wins over an English key of the same
        // spelling, as in `CrossLanguageLexicon.englishKey`.
        var entries: [UInt64: String] = [:]
        var complete = true
        for key in englishKeys {
            guard let packed = Self.pack(key) else { complete = false; continue }
            entries[packed] = CrossLanguageLexicon.prefix + key
        }
        for (key, english) in translations {
            guard let packed = Self.pack(key) else { complete = false; continue }
            entries[packed] = CrossLanguageLexicon.prefix + english
        }
        isComplete = complete
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let size = 1 << Int(bits)
        shift = 64 - bits
        keys = [UInt64](repeating: Self.empty, count: size)
        anchors = [String](repeating: "", count: size)
        for (key, anchor) in entries {
            var slot = Self.home(key, shift: shift)
            while keys[slot] != Self.empty { slot = (slot + 1) & (size - 1) }
            keys[slot] = key
            anchors[slot] = anchor
        }
    }

    @inline(__always)
    private static func home(_ key: UInt64, shift: UInt64) -> Int {
        Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The anchor of a packed key, or nil when the table has none.
    /// - Complexity: O(1) expected (load factor at most one half).
    @inline(__always)
    func anchor(_ key: UInt64) -> String? {
        var slot = Self.home(key, shift: shift)
        while true {
            let entry = keys[slot]
            if entry == Self.empty { return nil }
            if entry == key { return anchors[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// The packed form of a key as `CrossLanguageLexicon.keys` writes it, or nil when it has none.
    static func pack(_ key: String) -> UInt64? {
        let scalars = Array(key.unicodeScalars)
        guard let first = scalars.first else { return nil }
        switch CrossLanguageAnchors.script(first) {
        case .latin:
            guard scalars.count <= CrossLanguageLexicon.keyLength else { return nil }
            guard scalars.allSatisfy({ $0.value >= 0x61 && $0.value <= 0x7A }) else { return nil }
            return packLatin(scalars.map { UInt8($0.value) })
        case .cyrillic:
            guard scalars.count <= CrossLanguageLexicon.keyLength else { return nil }
            var packed = cyrillicTag
            for scalar in scalars {
                guard let letter = cyrillicLetter(scalar) else { return nil }
                packed = appendingCyrillic(packed, letter)
            }
            return packed
        case .han:
            guard scalars.count == 2 else { return nil }
            return packHan(scalars[0], scalars[1])
        default:
            return nil
        }
    }

    static func packLatin(_ bytes: [UInt8]) -> UInt64 {
        var packed: UInt64 = 0
        for byte in bytes { packed = packed << 8 | UInt64(byte) }
        return latinTag | packed
    }

    /// A lower-cased Cyrillic letter's nine-bit field, or nil outside U+0400–U+052F.
    @inline(__always)
    static func cyrillicLetter(_ scalar: Unicode.Scalar) -> UInt64? {
        let v = scalar.value
        return v >= 0x400 && v <= 0x52F ? UInt64(v - 0x3FF) : nil
    }

    @inline(__always)
    static func appendingCyrillic(_ packed: UInt64, _ letter: UInt64) -> UInt64 {
        cyrillicTag | (packed & ~cyrillicTag) << 9 | letter
    }

    /// A pair of Han scalars, or nil when either is a compatibility ideograph (see above).
    @inline(__always)
    static func packHan(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64? {
        guard !isCompatibilityIdeograph(a), !isCompatibilityIdeograph(b), a.value < 0x30000, b.value < 0x30000 else {
            return nil
        }
        return hanTag | UInt64(a.value) << 21 | UInt64(b.value)
    }

    @inline(__always)
    static func isCompatibilityIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0xF900...0xFAFF).contains(scalar.value) || (0x2F800...0x2FA1F).contains(scalar.value)
    }
}
