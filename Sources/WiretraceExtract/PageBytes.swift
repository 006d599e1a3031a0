import WiretraceCore

/// Byte-level checks on a page before parsing: binary sniffing and character-set choice.
enum PageBytes {
    /// How many leading bytes the binary sniff and the `<meta charset>` sniff look at.
    static let sniffLength = 8192

    /// Whether the bytes look like binary data rather than text: a known binary signature, or
    /// too many NUL and control bytes in the first `sniffLength` bytes.
    ///
    /// - Parameter controlRatio: the share of NUL/control bytes above which the sample is binary.
    /// - Complexity: O(min(n, `sniffLength`)).
    static func looksBinary<Bytes: Collection<UInt8>>(_ bytes: Bytes, controlRatio: Double) -> Bool {
        let sample = Array(bytes.prefix(sniffLength))
        guard !sample.isEmpty else { return false }
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) { return false }  // UTF-16 BOM
        let signatures: [[UInt8]] = [
            [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], Array("GIF8".utf8), Array("%PDF-".utf8),
            [0x50, 0x4B, 0x03, 0x04], [0x1F, 0x8B], [0x00, 0x00, 0x00],
        ]
        if signatures.contains(where: { sample.starts(with: $0) }) { return true }
        var suspicious = 0
        for byte in sample {
            switch byte {
            case 0x09, 0x0A, 0x0C, 0x0D: continue
            case 0x00..<0x20, 0x7F: suspicious += 1
            default: continue
            }
        }
        return Double(suspicious) > Double(sample.count) * controlRatio
    }

    /// A page ready for libxml2: bytes plus the encoding libxml2 must use (nil: let it sniff).
    struct Prepared {
        var bytes: [UInt8]
        var encoding: String?
    }

    /// Chooses the character set and, for the common ones, decodes in Swift so that libxml2 always
    /// sees valid UTF-8.
    ///
    /// Order: a byte-order mark; the transport hint (unless it says UTF-8 and the bytes are not);
    /// `<meta charset>` / `http-equiv` (handed to libxml2, which honours it); otherwise UTF-8 when
    /// the bytes are (mostly) valid UTF-8, Shift_JIS or EUC-JP when the bytes have that structure
    /// throughout, and windows-1252 otherwise. Invalid UTF-8 sequences become U+FFFD and never abort.
    static func prepare(_ bytes: [UInt8], charsetHint: String?) -> Prepared {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                let (a, b) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
                units.append(littleEndian ? a | b << 8 : a << 8 | b)
                index += 2
            }
            return Prepared(bytes: Array(String(decoding: units, as: UTF16.self).utf8), encoding: "UTF-8")
        }
        // A transport hint of UTF-8 is often a server default: bytes that are not UTF-8 overrule
        // it, and the page's own declaration (or the sniff below) decides.
        if let hint = charsetHint.map(normalizedCharset), !hint.isEmpty,
            !(isUTF8Label(hint) && utf8Statistics(bytes).invalid > 0)
        {
            if let prepared = decode(bytes, charset: hint) { return prepared }
        }
        if let declared = declaredCharset(in: bytes) {
            if let prepared = decode(bytes, charset: declared) { return prepared }
        }
        let stats = utf8Statistics(bytes)
        if stats.invalid == 0 || stats.multibyte > stats.invalid {
            return utf8(bytes)
        }
        if let japanese = japaneseEncoding(bytes), let prepared = decode(bytes, charset: japanese) {
            return prepared
        }
        return Prepared(bytes: Array(decodeWindows1252(bytes).utf8), encoding: "UTF-8")
    }

    private static func isUTF8Label(_ label: String) -> Bool {
        label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8"
    }

    /// "shift_jis" or "euc-jp" when undeclared non-UTF-8 bytes parse as that encoding's double-byte
    /// structure throughout (at most one bad sequence in a hundred) with enough double-byte
    /// characters to tell it from a Latin page; nil otherwise. A windows-1252 page fails both: its
    /// accented letters are followed by ASCII, never by a trail byte.
    ///
    /// - Complexity: O(n).
    static func japaneseEncoding(_ bytes: [UInt8]) -> String? {
        let sjis = shiftJISStatistics(bytes)
        let euc = eucJPStatistics(bytes)
        func plausible(_ stats: (invalid: Int, doubleByte: Int)) -> Bool {
            stats.doubleByte >= 4 && stats.invalid * 100 <= stats.doubleByte
        }
        switch (plausible(sjis), plausible(euc)) {
        case (true, true): return euc.doubleByte >= sjis.doubleByte ? "euc-jp" : "shift_jis"
        case (true, false): return "shift_jis"
        case (false, true): return "euc-jp"
        case (false, false): return nil
        }
    }

    /// Shift_JIS structure: lead 0x81–0x9F or 0xE0–0xFC followed by 0x40–0x7E or 0x80–0xFC;
    /// 0xA1–0xDF are single half-width katakana (counted as neither).
    static func shiftJISStatistics(_ bytes: [UInt8]) -> (invalid: Int, doubleByte: Int) {
        var invalid = 0
        var doubleByte = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 || (byte >= 0xA1 && byte <= 0xDF) {
                index += 1
            } else if (byte >= 0x81 && byte <= 0x9F) || (byte >= 0xE0 && byte <= 0xFC), index + 1 < bytes.count,
                case let trail = bytes[index + 1], (trail >= 0x40 && trail <= 0x7E) || (trail >= 0x80 && trail <= 0xFC)
            {
                doubleByte += 1
                index += 2
            } else {
                invalid += 1
                index += 1
            }
        }
        return (invalid, doubleByte)
    }

    /// EUC-JP structure: 0xA1–0xFE pairs, 0x8E + half-width katakana, 0x8F + a pair.
    static func eucJPStatistics(_ bytes: [UInt8]) -> (invalid: Int, doubleByte: Int) {
        var invalid = 0
        var doubleByte = 0
        var index = 0
        func high(_ offset: Int) -> Bool {
            index + offset < bytes.count && bytes[index + offset] >= 0xA1 && bytes[index + offset] <= 0xFE
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
            } else if byte >= 0xA1 && byte <= 0xFE && high(1) {
                doubleByte += 1
                index += 2
            } else if byte == 0x8E && high(1) {
                index += 2
            } else if byte == 0x8F && high(1) && high(2) {
                doubleByte += 1
                index += 3
            } else {
                invalid += 1
                index += 1
            }
        }
        return (invalid, doubleByte)
    }

    /// Decodes with a named charset: UTF-8 and the Latin-1 family in Swift, anything else by libxml2.
    private static func decode(_ bytes: [UInt8], charset: String) -> Prepared? {
        switch charset {
        case "utf-8", "utf8", "unicode-1-1-utf-8":
            return utf8(bytes)
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "latin1", "latin-1",
            "l1", "us-ascii", "ascii", "iso_8859-1", "cp819", "ibm819":
            // WHATWG: labels for Latin-1 and ASCII decode as windows-1252.
            return Prepared(bytes: Array(decodeWindows1252(bytes).utf8), encoding: "UTF-8")
        default:
            return HTMLDocument.supportsEncoding(charset) ? Prepared(bytes: bytes, encoding: charset) : nil
        }
    }

    private static func utf8(_ bytes: [UInt8]) -> Prepared {
        let stats = utf8Statistics(bytes)
        if stats.invalid == 0 { return Prepared(bytes: bytes, encoding: "UTF-8") }
        return Prepared(bytes: Array(String(decoding: bytes, as: UTF8.self).utf8), encoding: "UTF-8")
    }

    /// Lower-cases and strips quotes and spaces from a charset label.
    static func normalizedCharset(_ label: String) -> String {
        label.lowercased().trimmingCharacters(in: " \t\r\n\"';")
    }

    /// The charset a page declares in its first bytes (`<meta charset=...>` or `http-equiv`
    /// content `...; charset=...`), lower-cased.
    ///
    /// - Complexity: O(min(n, `sniffLength`)).
    static func declaredCharset(in bytes: [UInt8]) -> String? {
        let head = bytes.prefix(sniffLength).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let needle = Array("charset".utf8)
        var index = 0
        search: while index + needle.count < head.count {
            for offset in 0..<needle.count where head[index + offset] != needle[offset] {
                index += 1
                continue search
            }
            var cursor = index + needle.count
            while cursor < head.count, head[cursor] == 0x20 { cursor += 1 }
            guard cursor < head.count, head[cursor] == UInt8(ascii: "=") else {
                index = cursor
                continue
            }
            cursor += 1
            while cursor < head.count, head[cursor] == 0x20 || head[cursor] == 0x22 || head[cursor] == 0x27 {
                cursor += 1
            }
            let nameStart = cursor
            while cursor < head.count, cursor - nameStart < 40, isCharsetNameByte(head[cursor]) { cursor += 1 }
            if cursor > nameStart { return String(decoding: head[nameStart..<cursor], as: UTF8.self) }
            index = cursor
        }
        return nil
    }

    private static func isCharsetNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    /// Counts invalid UTF-8 sequences and valid multi-byte scalars (RFC 3629: no overlongs, no
    /// surrogates, nothing above U+10FFFF). A byte loop: this runs over every page.
    ///
    /// - Complexity: O(n).
    static func utf8Statistics(_ bytes: [UInt8]) -> (invalid: Int, multibyte: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            var invalid = 0
            var multibyte = 0
            var index = 0
            while index < buffer.count {
                if buffer[index] < 0x80 {
                    index += 1
                } else if let length = UTF8Check.scalarLength(buffer, at: index) {
                    multibyte += 1
                    index += length
                } else {
                    invalid += 1
                    index += 1
                }
            }
            return (invalid, multibyte)
        }
    }

    /// Decodes windows-1252 (a superset of Latin-1 in practice) to a String.
    ///
    /// - Complexity: O(n).
    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 && byte < 0xA0 {
                scalars.append(Unicode.Scalar(windows1252High[Int(byte - 0x80)]) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// windows-1252 code points for 0x80...0x9F (undefined slots map to the C1 control).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
