/// A fragment of HTML that is safe to emit. The only way to build one is a string literal in this
/// code base, with interpolations: an interpolated `String` is always escaped; only another `HTML`
/// value goes in as markup. So text that came from a scraped page can never become markup.
///
/// ```swift
/// let row: HTML = "<td class=\"title\">\(article.title ?? "untitled")</td>"
/// ```
public struct HTML: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    public private(set) var rendered: String

    public init(stringLiteral literal: String) { rendered = literal }

    public init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.output }

    /// Text shown as text.
    public init(text: String) { rendered = HTML.escape(text) }

    /// Markup this module produced itself (an SVG document, a joined list of fragments).
    init(trusted markup: String) { rendered = markup }

    public var description: String { rendered }

    public static let empty: HTML = ""

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(trusted: lhs.rendered + rhs.rendered) }

    public static func += (lhs: inout HTML, rhs: HTML) { lhs.rendered += rhs.rendered }

    /// Escapes `&`, `<`, `>`, `"` and `'`: safe in text and in double- or single-quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { output += literal }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }

        /// Text or a placeholder when absent: escaped.
        public mutating func appendInterpolation(_ text: String?, or placeholder: String) {
            output += HTML.escape(text ?? placeholder)
        }

        public mutating func appendInterpolation(_ number: Int) { output += String(number) }

        /// Markup.
        public mutating func appendInterpolation(_ html: HTML) { output += html.rendered }

        /// Fragments, one after the other.
        public mutating func appendInterpolation(_ fragments: [HTML]) {
            for fragment in fragments { output += fragment.rendered }
        }
    }
}

extension Sequence where Element == HTML {
    func joined(separator: HTML = .empty) -> HTML {
        HTML(trusted: map(\.rendered).joined(separator: separator.rendered))
    }
}

/// Percent-encoding for the values of links this module builds.
enum URLText {
    /// Encodes everything but unreserved characters (RFC 3986), so the value is one query parameter.
    static func component(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// Decodes `application/x-www-form-urlencoded` text into name/value pairs (first value wins).
    static func form(_ body: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(String(parts[0]))
            let value = parts.count > 1 ? decode(String(parts[1])) : ""
            if result[name] == nil { result[name] = value }
        }
        return result
    }

    static func decode(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), utf8.count >= 2, let high = hexValue(utf8[utf8.startIndex]),
                let low = hexValue(utf8[utf8.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value of one hexadecimal digit (not a sign, not a blank: "%+F" is no escape).
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
