import Foundation
import WiretraceCore

/// A fast parser for the common shape of a JSONL line: one flat object whose values are all
/// strings, e.g. `{"id": "a1", "text": "…"}`.
///
/// Anything else — a number, null, nested value, duplicate key, escaped key, lone surrogate,
/// control character, trailing garbage — gives nil, and the caller falls back to Foundation's
/// `JSONDecoder`, so every line decodes to exactly what the Foundation path gives (a test
/// compares them). Text without escapes becomes a `String` straight from its bytes.
///
/// Strings are validated as UTF-8 and any invalid sequence gives nil; structural bytes must be
/// ASCII. So a line that parses is valid UTF-8 throughout, and the reader checks UTF-8 (to say
/// where it is invalid) only for lines that do not parse here.
package enum FlatJSONObject {
    /// The key/value pairs of a flat all-string object, or nil when the line has another shape.
    ///
    /// - Complexity: O(n) in the line length.
    static func parse(_ bytes: [UInt8]) -> [String: String]? {
        fields(bytes).map { Dictionary(uniqueKeysWithValues: $0.map { ($0.key, $0.value) }) }
    }

    /// ``parse(_:)``'s key/value pairs in line order, without building a dictionary: a line has
    /// a handful of keys, so a linear search finds a repeated key (and a reader its field) for
    /// less than hashing them.
    ///
    /// - Complexity: O(n + k²) for n bytes and k keys.
    static func fields(_ bytes: [UInt8]) -> [(key: String, value: String)]? {
        bytes.withUnsafeBufferPointer { fields($0) }
    }

    private static func fields(_ bytes: UnsafeBufferPointer<UInt8>) -> [(key: String, value: String)]? {
        var fields: [(key: String, value: String)] = []
        let parsed = walkObject(bytes) { index in
            guard let key = plainKey(bytes, at: &index), skipColon(bytes, at: &index),
                let value = string(bytes, at: &index)
            else { return false }
            guard !fields.contains(where: { $0.key == key }) else { return false }  // duplicate key
            fields.append((key, value))
            return true
        }
        return parsed ? fields : nil
    }

    /// Walks the syntax of one object and nothing after it: `{`, members separated by commas,
    /// `}`, whitespace between. `member` reads each member (key, colon, value) from `index`, at
    /// its key, and says whether it was one; ``fields(_:)`` and ``textFields(_:scratch:)`` differ
    /// only in how they read members.
    ///
    /// - Complexity: O(n) besides what `member` does.
    @inline(__always)
    private static func walkObject(_ bytes: UnsafeBufferPointer<UInt8>, member: (inout Int) -> Bool) -> Bool {
        var index = 0
        let count = bytes.count
        skipSpace(bytes, at: &index)
        guard index < count, bytes[index] == UInt8(ascii: "{") else { return false }
        index += 1
        skipSpace(bytes, at: &index)
        if index < count, bytes[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace(bytes, at: &index)
                guard member(&index) else { return false }
                skipSpace(bytes, at: &index)
                guard index < count else { return false }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { return false }
                index += 1
                break
            }
        }
        skipSpace(bytes, at: &index)
        return index == count
    }

    /// JSON whitespace from `index` on.
    @inline(__always)
    private static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    /// The colon between a key and its value, with the whitespace around it.
    @inline(__always)
    private static func skipColon(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Bool {
        skipSpace(bytes, at: &index)
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        index += 1
        skipSpace(bytes, at: &index)
        return true
    }

    /// Buffers ``textFields(_:scratch:)`` decodes into, kept by a worker from line to line.
    package struct Scratch: Sendable {
        /// The `text` value's decoded bytes, when it has escapes.
        var text: [UInt8] = []
        /// Other values' decoded bytes (each only checked, then dropped).
        var other: [UInt8] = []
        /// Where each key of the line is.
        var keys: [Range<Int>] = []

        package init() {}
    }

    /// What the dedup path reads of a flat all-string line, without making a `String` of its text.
    struct TextFields {
        /// The `id` value, when the line has one.
        var id: String?
        /// The `text` value: in the line or in the scratch's `text` buffer; nil when absent.
        var text: Value?
        /// Where in the text's bytes the first control byte other than tab, line feed, form feed
        /// and carriage return, or DEL, is; nil when there is none.
        var firstControl: Int?
        var hasHTML: Bool
    }

    /// The `id`, `text` and whether there is an `html` key, of exactly the lines
    /// ``fields(_:)`` parses: every value is checked as UTF-8 while its escapes are decoded (one
    /// pass: ``value(_:at:decodingInto:checks:)``), and keys for repeats. Lines with a key that is not ASCII give nil too (Swift compares such keys
    /// by canonical equivalence, which only ``fields(_:)`` reproduces), so nil means "use
    /// ``fields(_:)``", never "not JSON".
    ///
    /// The text's bytes are exactly the UTF-8 of the `String` ``fields(_:)`` gives for it.
    ///
    /// - Complexity: O(n + k²) for n bytes and k keys.
    static func textFields(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> TextFields? {
        var result = TextFields(id: nil, text: nil, firstControl: nil, hasHTML: false)
        scratch.keys.removeAll(keepingCapacity: true)
        let parsed = walkObject(bytes) { index in
            guard let key = asciiKey(bytes, at: &index) else { return false }
            for other in scratch.keys where other.count == key.count {
                if memcmp(bytes.baseAddress! + other.lowerBound, bytes.baseAddress! + key.lowerBound, key.count) == 0 {
                    return false  // duplicate key
                }
            }
            scratch.keys.append(key)
            guard skipColon(bytes, at: &index) else { return false }
            let known = Self.key(bytes, key)
            switch known {
            case .id:
                guard let id = string(bytes, at: &index) else { return false }
                result.id = id
            case .text:
                var checks = Checks()
                guard let content = value(bytes, at: &index, decodingInto: &scratch.text, checks: &checks) else { return false }
                result.text = content
                result.firstControl = checks.firstControl
            case .html, .other:
                if known == .html { result.hasHTML = true }
                var checks = Checks()
                guard value(bytes, at: &index, decodingInto: &scratch.other, checks: &checks) != nil else { return false }
            }
            return true
        }
        return parsed ? result : nil
    }

    private enum KnownKey { case id, text, html, other }

    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> KnownKey {
        let key = UnsafeBufferPointer(rebasing: bytes[range])
        if key.elementsEqual("id".utf8) { return .id }
        if key.elementsEqual("text".utf8) { return .text }
        if key.elementsEqual("html".utf8) { return .html }
        return .other
    }

    /// A key without escapes, all ASCII (not a control byte): its content's range, `index` moved
    /// past its closing quote.
    private static func asciiKey(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Range<Int>? {
        keyRange(bytes, at: &index, asciiOnly: true)
    }

    /// A key without escapes.
    private static func plainKey(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> String? {
        keyRange(bytes, at: &index, asciiOnly: false).flatMap {
            String(validating: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self)
        }
    }

    /// The content's range of a key without escapes or control bytes (and, with `asciiOnly`,
    /// without bytes past ASCII), `index` moved past its closing quote.
    @inline(__always)
    private static func keyRange(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, asciiOnly: Bool) -> Range<Int>? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || (asciiOnly && byte >= 0x80) { return nil }
            end += 1
        }
        guard end < bytes.count else { return nil }
        index = end + 1
        return start..<end
    }

    /// A string value: runs of plain bytes copied as they are, escapes decoded.
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> String? {
        var decoded: [UInt8] = []
        switch value(bytes, at: &index, decodingInto: &decoded) {
        case nil: return nil
        case .inPlace(let range): return String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        case .decoded: return String(validating: decoded, as: UTF8.self)
        }
    }

    /// Where a string value's content is: its bytes in the line when it has no escapes, or
    /// decoded into the buffer the caller gave.
    enum Value: Equatable {
        case inPlace(Range<Int>)
        case decoded
    }

    /// What ``value(_:at:decodingInto:checks:)`` finds out about a value's bytes on its way.
    struct Checks {
        /// The offset in the value's (decoded) bytes of the first control byte other than tab,
        /// line feed, form feed and carriage return, or DEL; nil when there is none.
        var firstControl: Int?
    }

    /// The string value starting at `index` (its opening quote), `index` moved past its closing
    /// quote; nil when it is not a JSON string, holds a control byte, an unknown escape or a lone
    /// surrogate. The content is not checked for UTF-8: that is the caller's part.
    ///
    /// With an escape, `decoded` is emptied (its capacity kept) and receives the content: plain
    /// runs copied as they are, escapes decoded, `\u` escapes (surrogate pairs joined) as UTF-8.
    static func value(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, decodingInto decoded: inout [UInt8]
    ) -> Value? {
        var unused = Checks()
        return scan(bytes, at: &index, decodingInto: &decoded, checks: &unused, checking: false)
    }

    /// ``value(_:at:decodingInto:)`` that also checks the content as UTF-8 in the same pass (nil
    /// when it is not valid UTF-8, decided as `String(validating:)` decides it: ``UTF8Check``) and
    /// finds its first control byte (``Checks``).
    static func value(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, decodingInto decoded: inout [UInt8], checks: inout Checks
    ) -> Value? {
        scan(bytes, at: &index, decodingInto: &decoded, checks: &checks, checking: true)
    }

    /// Both forms of ``value(_:at:decodingInto:)``. Runs of bytes that need nothing done are
    /// found eight bytes at a time; `checking` also stops them at DEL and non-ASCII bytes, which
    /// are checked and stepped over (they stay in the run, copied with it).
    @inline(__always)
    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, decodingInto decoded: inout [UInt8],
        checks: inout Checks, checking: Bool
    ) -> Value? {
        let count = bytes.count
        guard index < count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        let start = index
        var runStart = index
        var decoding = false
        @inline(__always) func noteControl(at offset: Int) {
            if checks.firstControl == nil { checks.firstControl = offset }
        }
        while true {
            index = runEnd(bytes, from: index, checking: checking)
            guard index < count else { return nil }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if !decoding {
                    index += 1
                    return .inPlace(start..<(index - 1))
                }
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                index += 1
                return .decoded
            }
            if byte == UInt8(ascii: "\\") {
                if !decoding {
                    decoding = true
                    decoded.removeAll(keepingCapacity: true)
                    decoded.reserveCapacity(count - start)
                }
                // Text between escapes (a paragraph between two "\n") is copied in one piece.
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                guard index + 1 < count else { return nil }
                let escape = bytes[index + 1]
                index += 2
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(escape)
                case UInt8(ascii: "b"):
                    if checking { noteControl(at: decoded.count) }
                    decoded.append(0x08)
                case UInt8(ascii: "f"): decoded.append(0x0C)
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "r"): decoded.append(0x0D)
                case UInt8(ascii: "t"): decoded.append(0x09)
                case UInt8(ascii: "u"):
                    guard let unit = hex4(bytes, at: index) else { return nil }
                    index += 4
                    var scalarValue = UInt32(unit)
                    if (0xD800..<0xDC00).contains(unit) {
                        guard index + 6 <= count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                            let low = hex4(bytes, at: index + 2), (0xDC00..<0xE000).contains(low)
                        else { return nil }
                        index += 6
                        scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(unit) {
                        return nil
                    }
                    guard let scalar = Unicode.Scalar(scalarValue) else { return nil }
                    if checking && !UTF8Check.isPlainByte(scalarValue) { noteControl(at: decoded.count) }
                    decoded.append(contentsOf: UTF8.encode(scalar)!)
                default:
                    return nil
                }
                runStart = index
                continue
            }
            // A control byte (the only other byte a plain run stops at) is invalid JSON.
            guard checking, byte >= 0x7F else { return nil }
            if byte == 0x7F {
                noteControl(at: decoding ? decoded.count + (index - runStart) : index - start)
                index += 1
                continue
            }
            guard let length = UTF8Check.scalarLength(bytes, at: index) else { return nil }
            index += length
        }
    }

    /// The index of the first quote, backslash or control byte at or after `index` (or the end),
    /// and with `checking` also of the first DEL or byte from 0x80: eight bytes at a time while
    /// none of them is one (SWAR "has byte less than / equal to" tests), then byte by byte.
    @inline(__always)
    private static func runEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, checking: Bool) -> Int {
        let count = bytes.count
        var index = start
        let low: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        if let base = bytes.baseAddress {
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let quote = word ^ (low &* 0x22)
                let backslash = word ^ (low &* 0x5C)
                var special = ((quote &- low) & ~quote) | ((backslash &- low) & ~backslash) | ((word &- low &* 0x20) & ~word)
                // `word | (word + 1)` has a byte's high bit set when the byte is 0x7F or above
                // (a carry out of 0xFF only follows a byte that is flagged itself).
                if checking { special |= word | (word &+ low) }
                if special & high != 0 { break }
                index += 8
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || (checking && byte >= 0x7F) { break }
            index += 1
        }
        return index
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
