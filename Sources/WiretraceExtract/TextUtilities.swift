import Foundation

/// Small text helpers shared by the extractors.
enum TextUtilities {
    /// Collapses runs of whitespace (including no-break spaces and line breaks) to one space and
    /// trims both ends.
    ///
    /// - Complexity: O(n).
    static func collapseWhitespace<S: StringProtocol>(_ text: S) -> String {
        // Written as UTF-8 bytes and made a string once: appending scalar by scalar to a string's
        // scalar view was most of this function's time.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                if scalar.value < 0x80 {
                    result.append(UInt8(truncatingIfNeeded: scalar.value))
                } else {
                    UTF8.encode(scalar) { result.append($0) }
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `collapseWhitespace` as first written (scalar by scalar into a string), the reference the
    /// byte version is tested against.
    static func collapseWhitespaceReference<S: StringProtocol>(_ text: S) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whitespace for collapsing purposes: Unicode white space plus zero-width space and BOM.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // ASCII white space is the space and U+0009...U+000D; no property lookup for it.
        if value < 0x80 { return value == 0x20 || value &- 0x09 < 5 }
        return scalar.properties.isWhitespace || scalar == "\u{200B}" || scalar == "\u{FEFF}"
    }

    /// Whether `text`'s UTF-8 holds `needle`'s bytes: a quick native test before a Foundation
    /// search that bridges the string (most paragraphs hold none of the phrases looked for).
    ///
    /// The needle's bytes are read in place (it is almost always a literal) instead of copied
    /// into a new array on every call: credit detection calls this several times per line.
    static func containsBytes(_ text: String, _ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { needle -> Bool in
            guard let first = needle.first else { return true }
            return text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                guard bytes.count >= needle.count else { return false }
                var index = 0
                let last = bytes.count - needle.count
                while index <= last {
                    if bytes[index] == first && needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return true }
                    index += 1
                }
                return false
            } ?? true
        }
    }

    /// Whether `text` has at most `limit` characters: the same answer as `text.count <= limit`,
    /// but it walks at most `limit + 1` characters instead of a whole paragraph.
    static func hasAtMost(_ limit: Int, _ text: String) -> Bool {
        if text.utf8.count <= limit { return true }
        return text.index(text.startIndex, offsetBy: limit + 1, limitedBy: text.endIndex) == nil
    }

    /// Whether a string is empty or whitespace only.
    static func isBlank<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.allSatisfy(isSpace)
    }

    /// The host of an absolute URL, lower-cased, without a leading "www.".
    static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        var name = host.lowercased()
        if name.hasPrefix("www.") { name.removeFirst(4) }
        return name.isEmpty ? nil : name
    }

    /// Whether a string is an absolute http(s) URL.
    static func isAbsoluteURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && host(of: text) != nil
    }

    /// Non-blank lines, whitespace-collapsed.
    static func nonBlankLines(_ text: String) -> [String] {
        // Split on line-break scalars rather than characters: a line break is always a grapheme
        // of its own (or "\r\n", which leaves an empty piece between its two scalars, omitted),
        // so the pieces are those of `split(whereSeparator: \.isNewline)` without grapheme breaking.
        text.unicodeScalars.split(whereSeparator: isLineBreak).map { collapseWhitespace(Substring($0)) }
            .filter { !$0.isEmpty }
    }

    /// The scalars `Character.isNewline` is true for, alone or as "\r\n".
    @inline(__always)
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
