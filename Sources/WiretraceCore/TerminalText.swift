/// Text that is safe to write to a terminal. The only way to build one is a string literal in
/// this code base, with interpolations: an interpolated `String` is always made inert (every
/// control character, DEL, C1 control and bidirectional override replaced); only another
/// `TerminalText` value goes in as it is. So an id, outlet or title from a scraped page can never
/// move the cursor, rewrite the screen, set the window title or reorder what a line shows.
///
/// ```swift
/// let line: TerminalText = "skipped \(rejection.location.description): \(rejection.message)\n"
/// ```
///
/// The line breaks a report draws are literals; a newline inside a scraped value becomes a space.
public struct TerminalText: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The text to write.
    public private(set) var rendered: String

    public init(stringLiteral literal: String) { rendered = literal }

    public init(stringInterpolation: StringInterpolation) { rendered = stringInterpolation.output }

    /// Outside text, made inert.
    public init(text: String) { rendered = Self.inert(text) }

    public var description: String { rendered }

    public static let empty: TerminalText = ""

    public static func + (lhs: TerminalText, rhs: TerminalText) -> TerminalText {
        var result = lhs
        result.rendered += rhs.rendered
        return result
    }

    public static func += (lhs: inout TerminalText, rhs: TerminalText) { lhs.rendered += rhs.rendered }

    /// `text` with every scalar a terminal would act on instead of showing replaced: tab, line
    /// feed, carriage return and the Unicode line and paragraph separators by a space; the other
    /// C0 controls (ESC among them), DEL, the C1 controls (CSI U+009B among them) and the
    /// bidirectional embeddings, overrides, isolates and marks by U+FFFD.
    ///
    /// - Complexity: O(n) in the text's length; an ASCII text without controls is returned as is.
    public static func inert(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsReplacement) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x2028, 0x2029: out.append(" ")
            default: out.append(needsReplacement(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }

    /// Whether a terminal could act on `scalar` rather than show it.
    public static func needsReplacement(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0 controls, DEL, C1 controls
        case 0x061C, 0x200E, 0x200F: true  // Arabic letter mark, left-to-right and right-to-left marks
        case 0x202A...0x202E: true  // embeddings and overrides (U+202E RIGHT-TO-LEFT OVERRIDE)
        case 0x2066...0x2069: true  // isolates
        case 0x2028, 0x2029: true  // line and paragraph separators
        default: false
        }
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            output.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: String) { output += literal }

        /// Outside text: made inert.
        public mutating func appendInterpolation(_ text: String) { output += TerminalText.inert(text) }

        /// Outside text, or a placeholder when absent: made inert.
        public mutating func appendInterpolation(_ text: String?, or placeholder: String) {
            output += TerminalText.inert(text ?? placeholder)
        }

        /// Outside text given as a substring: made inert.
        public mutating func appendInterpolation(_ text: Substring) { output += TerminalText.inert(String(text)) }

        public mutating func appendInterpolation<Number: BinaryInteger>(_ number: Number) { output += String(number) }

        /// Text that is already safe.
        public mutating func appendInterpolation(_ text: TerminalText) { output += text.rendered }
    }
}

extension Sequence where Element == TerminalText {
    /// The elements one after the other, `separator` between them.
    public func joined(separator: TerminalText = .empty) -> TerminalText {
        var result = TerminalText.empty
        var first = true
        for element in self {
            if !first { result += separator }
            result += element
            first = false
        }
        return result
    }
}
