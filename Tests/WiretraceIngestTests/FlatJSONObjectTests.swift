import Foundation
import Testing
@testable import WiretraceIngest

/// The fast flat-object parser against Foundation's JSONSerialization (the reference): wherever
/// the fast path answers, Foundation must give the same all-string object; where it declines,
/// the line is one the fast path must not handle (not a flat all-string object, or not JSON).
@Suite struct FlatJSONObjectTests {
    /// Foundation's reading of a line as a flat all-string object, or nil.
    private func reference(_ line: String) -> [String: String]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        var strings: [String: String] = [:]
        for (key, value) in object {
            guard let string = value as? String else { return nil }
            strings[key] = string
        }
        return strings
    }

    @Test(arguments: [
        #"{"id": "a1", "text": "Plain text."}"#,
        #"  {"id":"a2","text":"Tabs\tand\nnew lines, \"quotes\", back\\slash, \/ solidus \b\f\r"}  "#,
        #"{"text": "caf\u00e9 \u00C9t\u00e9 \ud83d\ude00 \u4e2d\u6587 and raw é 中文 😀", "id": "u"}"#,
        #"{"id": "", "text": ""}"#,
        #"{}"#,
        #"{"id": "x", "extra": "unknown keys are kept too"}"#,
        #"{"id": "nul", "text": "a\u0000b"}"#,
        // Long plain runs between escapes (paragraphs between new lines) are copied in bulk.
        #"{"id": "p", "text": "The harbour board met on Tuesday evening.\n\nIt voted to rebuild the \"storm-hit\" pier at once.\n\u00c9t\u00e9 works start in June, the board said."}"#,
    ])
    func agreesWithFoundation(_ line: String) throws {
        let fast = try #require(FlatJSONObject.parse(Array(line.utf8)), "fast path must handle \(line)")
        #expect(fast == reference(line))
    }

    @Test(arguments: [
        #"{"id": 7, "text": "numeric id"}"#,
        #"{"id": "n", "text": null}"#,
        #"{"id": "o", "meta": {"a": "b"}}"#,
        #"{"id": "d", "id": "duplicate key"}"#,
        #"{"i\u0064": "escaped key"}"#,
        #"{"id": "lone", "text": "\ud83d alone"}"#,
        #"{"id": "bad", "text": "\x"}"#,
        #"{"id": "open", "text": "unterminated}"#,
        #"{"id": "trail"} x"#,
        #"["id", "array"]"#,
        "{\"id\": \"ctl\", \"text\": \"raw\ttab\"}",
        "{\"id\": \"ctl2\", \"text\": \"after an escape\\nthe plain run ends at a raw\ttab\"}",
        #"{"id": "comma",}"#,
    ])
    func declinesWhatItDoesNotHandle(_ line: String) {
        #expect(FlatJSONObject.parse(Array(line.utf8)) == nil)
    }

    /// Random strings (ASCII, controls, quotes, backslashes, accents, CJK, emoji) encoded by
    /// Foundation must come back identical through the fast path.
    @Test func roundTripsFoundationEncodedStrings() throws {
        var state: UInt64 = 12345
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let alphabet: [Character] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "é", "ß",
                                     "中", "😀", "\u{2028}", "’", "\u{7F}"]
        for _ in 0..<200 {
            let text = String((0..<Int(next() % 60)).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
            let data = try JSONSerialization.data(withJSONObject: ["id": "r\(next())", "text": text])
            let fields = try #require(FlatJSONObject.parse(Array(data)))
            #expect(fields["text"] == text)
            #expect(fields == reference(String(decoding: data, as: UTF8.self)))
        }
    }
}

extension FlatJSONObjectTests {
    /// Invalid UTF-8 inside a string or a key must make the fast path decline (the reader then
    /// rejects the line as invalid UTF-8).
    @Test func declinesInvalidUTF8() {
        let prefix = Array(#"{"id": "x", "text": "ok "#.utf8)
        for bad: [UInt8] in [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
            #expect(FlatJSONObject.parse(prefix + bad + Array(#" end"}"#.utf8)) == nil, "bytes \(bad)")
            #expect(FlatJSONObject.parse(Array(#"{""#.utf8) + bad + Array(#"": "v"}"#.utf8)) == nil, "key bytes \(bad)")
        }
    }
}

extension FlatJSONObjectTests {
    /// The scalar check the dedup path's byte reading shares (`UTF8Check.scalarLength`) decides exactly as `String(validating:)`:
    /// seeded random byte strings biased to lead and continuation bytes (overlong forms,
    /// surrogates, past U+10FFFF, truncated sequences at every position, ASCII runs of 8+).
    @Test func utf8CheckAgreesWithTheStandardLibrary() {
        var state: UInt64 = 77
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        let interesting: [UInt8] = [0x41, 0x20, 0x7F, 0x80, 0xBF, 0x9F, 0xA0, 0x8F, 0x90, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                    0xE1, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        var valid = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 16) {
                let kind = next() % 8
                if kind < 3 {
                    bytes += Array(repeating: UInt8(0x61 + next() % 26), count: 1 + next() % 10)
                } else if kind < 7 {
                    // A well-formed scalar, often at the edge of its length class.
                    let edges: [UInt32] = [0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF, 0xE9, 0x2019, 0x1F600]
                    let value = next() % 2 == 0 ? edges[next() % edges.count] : UInt32(0x80 + next() % 0x2FF80)
                    if let scalar = Unicode.Scalar(value) { bytes += Array(String(scalar).utf8) }
                } else {
                    bytes.append(interesting[next() % interesting.count])
                }
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            if expected { valid += 1 }
            #expect((TextSniffer.referenceFirstInvalidUTF8Offset(bytes) == nil) == expected, "\(bytes)")
        }
        #expect(valid > 4_000 && valid < 16_000, "both answers occur (\(valid) valid)")
    }
}
