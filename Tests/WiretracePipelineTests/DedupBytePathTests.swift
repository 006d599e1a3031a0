import Foundation
import Testing
import WiretraceCore
@testable import WiretraceDedup
@testable import WiretraceIngest
@testable import WiretracePipeline

/// `wiretrace dedup` reads a JSONL line's `text` as bytes (``JSONLLine/withVerbatimText(scratch:_:)``)
/// instead of a `String`: the bytes, the token hashes and the sketch must be exactly those of
/// the text the line holds, and of the `String` `parse()` gives for it, whatever the escapes.
@Suite struct DedupBytePathTests {
    /// Pieces of text: ASCII words in mixed case, separators, characters JSON must escape, and
    /// non-ASCII of every kind the tokeniser treats differently (two-, three- and four-byte
    /// scalars, curly quotes and dashes, case folding, compatibility mappings, combining marks
    /// and Hangul, which take the reference path, CJK single-scalar tokens, emoji).
    private static let pieces: [String] = [
        "harbour", "Board", "VOTED", "to", "rebuild", "the", "pier", "2019", "x7", "it's", "won't",
        " ", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", ", ", ". ", "\"", "\\", "/", "-", "'",
        "é", "É", "café", "Straße", "ΣΟΦΙΑ", "Москва", "’", "‘", "“", "”", "—", "–", "…", "ﬁne",
        "ＡＢＣ", "e\u{301}", "한국", "中文", "東京", "😀", "𝐀", "\u{00AD}", "\u{200B}", "ß", "İ",
    ]

    /// Control bytes, some refused by the plain-text check (which then sends the text to the
    /// extractor), some not.
    private static let controls: [String] = ["\u{01}", "\u{08}", "\u{0C}", "\u{1F}", "\u{7F}", "\u{00}", "\u{0B}"]

    private struct Generator {
        var state: UInt64
        mutating func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
    }

    /// The JSON string literal of `text`, escaped at random where JSON allows it: quotes,
    /// backslashes and controls always (`\b` and `\f` as such or as `\u` escapes); `/`, non-ASCII
    /// (raw or as `\u` escapes, with surrogate pairs past U+FFFF, hex in either case) and some
    /// ASCII letters at random.
    private static func literal(_ text: String, _ random: inout Generator) -> String {
        func hex(_ unit: UInt32) -> String {
            let digits = String(unit, radix: 16)
            let padded = String(repeating: "0", count: 4 - digits.count) + digits
            return "\\u" + (random.next() % 2 == 0 ? padded : padded.uppercased())
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += random.next() % 4 == 0 ? "\\u000a" : "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{08}": out += random.next() % 2 == 0 ? "\\b" : hex(8)
            case "\u{0C}": out += random.next() % 2 == 0 ? "\\f" : hex(12)
            case "/": out += random.next() % 2 == 0 ? "\\/" : "/"
            default:
                if scalar.value < 0x20 {
                    out += hex(scalar.value)
                } else if scalar.value < 0x80 {
                    out += random.next() % 20 == 0 ? hex(scalar.value) : String(scalar)
                } else if random.next() % 2 == 0 {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value > 0xFFFF {
                    let value = scalar.value - 0x10000
                    out += hex(0xD800 + (value >> 10)) + hex(0xDC00 + (value & 0x3FF))
                } else {
                    out += hex(scalar.value)
                }
            }
        }
        return out + "\""
    }

    private static func line(_ json: String, record: Int = 1, limit: Int = 1 << 20) -> JSONLLine {
        JSONLLine(
            bytes: Array(json.utf8), location: WiretraceCore.SourceLocation(file: "/in/t.jsonl", record: record, offset: 0),
            relativePath: "t.jsonl", maxDocumentBytes: limit)
    }

    private static func bytePath(_ line: JSONLLine) -> (id: String, location: WiretraceCore.SourceLocation, bytes: [UInt8])? {
        var scratch = FlatJSONObject.Scratch()
        return line.withVerbatimText(scratch: &scratch) { id, location, text, _ in (id, location, Array(text)) }
    }

    /// Seeded random texts with every kind of escape: the bytes read from the line are the
    /// text's UTF-8, the tokens hashed from them are those of the text as a `String` (and of the
    /// reference tokeniser), and the sketcher gives the same band keys and set either way.
    @Test func bytePathGivesTheTextsTokensForEveryEscape() throws {
        var random = Generator(state: 2026)
        var sketcher = DedupSketcher(configuration: DedupConfiguration(), banding: DuplicateFinder(configuration: DedupConfiguration()).banding)
        var scratch = FlatJSONObject.Scratch()
        var escaped = 0
        for round in 0..<400 {
            let text = (0..<(random.next() % 120)).map { _ in Self.pieces[random.next() % Self.pieces.count] }.joined()
            let json = "{\"id\": \"d\(round)\", \"title\": \(Self.literal("A “title” \(round)", &random)), "
                + "\"text\": \(Self.literal(text, &random))}"
            if json.contains("\\") { escaped += 1 }
            let line = Self.line(json, record: round + 1)

            guard case .document(let raw) = line.parse(), case .verbatimText(let parsed) = raw.payload else {
                Issue.record("line \(round) did not parse: \(json)")
                continue
            }
            #expect(parsed == text, "the String path decodes line \(round)")
            let direct = try #require(Self.bytePath(line), "line \(round) takes the byte path")
            #expect(direct.id == raw.id && direct.location == raw.location)
            #expect(direct.bytes == Array(text.utf8), "bytes of line \(round): \(json)")

            var hashes: [UInt64] = []
            var cache = ScalarCache()
            direct.bytes.withUnsafeBufferPointer { TextNormalizer.appendTokenHashes(utf8: $0, to: &hashes, cache: &cache) }
            #expect(hashes == TextNormalizer.tokenHashes(text), "token hashes of line \(round): \(json)")
            #expect(hashes == TextNormalizer.referenceTokenHashes(text))

            let fromString = sketcher.sketchSet(parsed)
            let fromBytes = try #require(line.withVerbatimText(scratch: &scratch) { _, _, text, _ in sketcher.sketchSet(utf8: text) })
            #expect(fromBytes.bandKeys == fromString.bandKeys && fromBytes.set == fromString.set)
        }
        #expect(escaped > 300)
    }

    /// The plain-text check made from what reading the line found (the first control byte) is
    /// the check on the text's `String`: control bytes raw (DEL) or escaped, before, at and after
    /// the 8 KiB the check reads.
    @Test func plainTextCheckFromTheLineEqualsTheStringCheck() throws {
        var random = Generator(state: 31)
        var scratch = FlatJSONObject.Scratch()
        var refused = 0
        for round in 0..<300 {
            var text = (0..<(random.next() % 60)).map { _ in Self.pieces[random.next() % Self.pieces.count] }.joined()
            if random.next() % 3 == 0 { text = String(repeating: "filler words ", count: 620 + random.next() % 20) + text }
            for _ in 0..<(random.next() % 3) {
                let control = Self.controls[random.next() % Self.controls.count]
                let at = text.unicodeScalars.count == 0 ? 0 : random.next() % text.unicodeScalars.count
                var scalars = Array(text.unicodeScalars)
                scalars.insert(contentsOf: control.unicodeScalars, at: at)
                text = String(String.UnicodeScalarView(scalars))
            }
            let json = "{\"id\": \"c\(round)\", \"text\": \(Self.literal(text, &random))}"
            let line = Self.line(json)
            let expected = DedupRun.isPlainlyText(text)
            if !expected { refused += 1 }
            let fromLine = try #require(line.withVerbatimText(scratch: &scratch) { _, _, bytes, firstControl in
                #expect(Array(bytes) == Array(text.utf8))
                return DedupRun.isPlainlyText(utf8: bytes, firstControl: firstControl)
            })
            #expect(fromLine == expected, "line \(round): \(json.prefix(200))")
        }
        #expect(refused > 50 && refused < 250, "both answers occur (\(refused) refused)")
    }

    /// Lines the byte path leaves to `parse()`: the dedup path then does what it always did.
    @Test(arguments: [
        #"{"id": "h", "html": "<p>page</p>", "text": "both: html wins"}"#,
        #"{"id": "t"}"#,
        #"{"id": 7, "text": "a numeric id"}"#,
        #"{"id": "d", "text": "one", "text": "two"}"#,
        #"{"id": "k", "tëxt": "a key that is not ASCII", "text": "t"}"#,
        #"{"id": "s", "text": "a lone \ud83d surrogate"}"#,
        #"{"id": "x", "text": "a bad \q escape"}"#,
        #"{"id": "o", "text": "over the limit of forty bytes, this text is"}"#,
        #"{"id": "e", "text": "escaped over the limit\n\nof forty bytes, this is"}"#,
        #"{"id": "n", "text": null}"#,
        #"{"id": "g", "text": "garbage after"} x"#,
    ])
    func leavesOtherLinesToParse(_ json: String) {
        #expect(Self.bytePath(Self.line(json, limit: 40)) == nil)
    }

    /// Invalid UTF-8 in the text, in another value or in a key: no byte path (the reader rejects
    /// the line as invalid UTF-8).
    @Test func leavesInvalidUTF8ToParse() {
        for bad: [UInt8] in [[0xFF], [0xC3], [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]] {
            for json in [
                Array(#"{"id": "a", "text": "ok "#.utf8) + bad + Array(#" end"}"#.utf8),
                Array(#"{"id": "a", "text": "ok\n"#.utf8) + bad + Array(#" end"}"#.utf8),
                Array(#"{"id": "a", "title": "t "#.utf8) + bad + Array(#"", "text": "fine"}"#.utf8),
                Array(#"{"id": "a", "text": "fine", "k"#.utf8) + bad + Array(#"": "v"}"#.utf8),
            ] {
                let line = JSONLLine(
                    bytes: json, location: WiretraceCore.SourceLocation(file: "f", record: 1), relativePath: "f", maxDocumentBytes: 1 << 20)
                var scratch = FlatJSONObject.Scratch()
                #expect(line.withVerbatimText(scratch: &scratch) { _, _, _, _ in true } == nil, "bytes \(bad)")
                guard case .rejected(let rejection) = line.parse() else {
                    Issue.record("parse() must reject bytes \(bad)")
                    continue
                }
                #expect(rejection.reason == .invalidUTF8)
            }
        }
    }

    /// Ids as `parse()` gives them: the `id` value (escapes decoded), or the file and record when
    /// it is absent or empty; the text exactly at the size limit still takes the byte path.
    @Test func idsAndLimitAsParseGivesThem() throws {
        for json in [
            #"{"id": "caf\u00e9\/1", "text": "Some text."}"#,
            #"{"id": "", "text": "Some text."}"#,
            #"{"text": "Some text.", "outlet": "o"}"#,
            #"{"id": "l", "text": "forty bytes of text, exactly forty bytes"}"#,
        ] {
            let line = Self.line(json, record: 9, limit: 40)
            guard case .document(let raw) = line.parse(), case .verbatimText(let text) = raw.payload else {
                Issue.record("\(json) did not parse")
                continue
            }
            let direct = try #require(Self.bytePath(line))
            #expect(direct.id == raw.id)
            #expect(direct.location == raw.location)
            #expect(direct.bytes == Array(text.utf8))
        }
        #expect(Self.bytePath(Self.line(#"{"text": "t"}"#, record: 9))?.id == "t.jsonl#9")
    }

    /// The plain-text check on bytes is the check on the `String` of those bytes.
    @Test func plainTextCheckOnBytesEqualsTheStringCheck() {
        for text in ["Plain words.", "", "   ", "\u{01}control", "tab\tand\nnew line", "%PDF-1.4 x", "é only", "GIF89a words", "del\u{7F}"] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { DedupRun.isPlainlyText(utf8: $0) } == DedupRun.isPlainlyText(text), "\(text)")
        }
    }

    /// `wiretrace dedup` over lines of every kind (escaped texts, a text the extractor has to
    /// read, an html line, a bad line, a repeated id) gives the groups of the reference: every
    /// pair's exact Jaccard over the shingle sets of the texts as `parse()` reads them.
    @Test func dedupRunOverMixedLinesMatchesTheReference() throws {
        var random = Generator(state: 99)
        var words = SeededWords(state: 5)
        var lines: [String] = []
        var texts: [(id: String, text: String)] = []
        for family in 0..<8 {
            let base = words.text(150)
            for copy in 0..<3 {
                var text = (copy == 2 ? words.edit(base, rate: 8) : base).joined(separator: " ")
                if copy == 1 { text = text.replacingOccurrences(of: "1x ", with: "1x\n\n“é” ") }
                let id = "f\(family)-\(copy)"
                lines.append("{\"id\": \"\(id)\", \"text\": \(Self.literal(text, &random))}")
                texts.append((id, text))
            }
        }
        lines.append(#"{"id": "ctl", "text": "\u0001 a control byte sends this text to the extractor"}"#)
        lines.append(#"{"id": "page", "html": "<html><body><p>A page of its own.</p></body></html>"}"#)
        lines.append(#"{"id": "f0-0", "text": "a repeated id"}"#)
        lines.append(#"{"id": "broken", "text": "#)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("byte-path-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("mixed.jsonl").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)

        var configuration = PipelineConfiguration()
        configuration.workers = 2
        var rejections: [RejectReason] = []
        let result = try DedupRun(configuration: configuration).run(inputs: [path]) { rejections.append($0.reason) }
        #expect(result.documents == texts.count + 2)
        #expect(rejections.sorted() == [RejectReason.duplicateID, .malformedJSON].sorted())

        let finder = DuplicateFinder(configuration: configuration.dedup)
        let sets = texts.map { Shingler.shingles($0.text, size: configuration.dedup.shingleSize) }
        var expected: [[String]] = []
        var parent = Array(texts.indices)
        func find(_ x: Int) -> Int { parent[x] == x ? x : find(parent[x]) }
        for a in texts.indices {
            for b in (a + 1)..<texts.count where finder.accepts(PairSimilarity.exact(sets[a], sets[b])) {
                parent[find(a)] = find(b)
            }
        }
        let roots = Dictionary(grouping: texts.indices, by: find)
        expected = roots.values.filter { $0.count > 1 }.map { $0.map { texts[$0].id }.sorted() }.sorted { $0[0] < $1[0] }
        #expect(result.groups == expected)
        #expect(expected.count >= 8)
    }
}
