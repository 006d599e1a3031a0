import Testing
import WiretraceCore
@testable import WiretraceIngest

/// Serves fixed bytes in chunks of a chosen size, to exercise boundaries.
final class SlicedChunkSource: ChunkSource {
    private let bytes: [UInt8]
    private let size: Int
    private var position = 0

    init(_ bytes: [UInt8], size: Int) {
        self.bytes = bytes
        self.size = size
    }

    func nextChunk() throws(IngestFailure) -> [UInt8]? {
        guard position < bytes.count else { return nil }
        let end = min(bytes.count, position + size)
        defer { position = end }
        return Array(bytes[position..<end])
    }
}

@Suite("ByteStream and gzip streaming")
struct ByteStreamTests {
    /// Text with lines of varied length, CRLF and LF ends, and empty lines.
    static func sampleText() -> [UInt8] {
        var text: [UInt8] = []
        for number in 0..<400 {
            text += Array(String(repeating: "w\(number % 13) ", count: number % 29).utf8)
            text += number % 5 == 0 ? [0x0D, 0x0A] : [0x0A]
        }
        return text + Array("last line without newline".utf8)
    }

    @Test("readLine splits like the standard library's split, for any chunk size", arguments: [1, 7, 64, 1000, 65536])
    func linesMatchReference(chunkSize: Int) throws {
        let text = Self.sampleText()
        var expected = text.split(separator: 0x0A, omittingEmptySubsequences: false).map { line -> [UInt8] in
            line.last == 0x0D ? Array(line.dropLast()) : Array(line)
        }
        if text.last == 0x0A { expected.removeLast() }
        let stream = ByteStream(SlicedChunkSource(text, size: chunkSize))
        var lines: [[UInt8]] = []
        var offsets: [Int] = []
        while let line = try stream.readLine(limit: 1 << 20) {
            guard case .bytes(let bytes, let offset) = line else {
                Issue.record("unexpected over-long line")
                return
            }
            lines.append(bytes)
            offsets.append(offset)
        }
        #expect(lines == expected)
        #expect(offsets.first == 0)
        #expect(offsets[1] == expected[0].count + 2)  // line 0 ends with CRLF
    }

    @Test("over-long lines are skipped and measured without stopping the stream")
    func overLongLines() throws {
        let long = [UInt8](repeating: 0x61, count: 5000)
        let text = Array("short\n".utf8) + long + Array("\nafter\n".utf8)
        let stream = ByteStream(SlicedChunkSource(text, size: 256))
        guard case .bytes(let first, _) = try stream.readLine(limit: 1000) else { Issue.record("line 1"); return }
        #expect(first == Array("short".utf8))
        guard case .tooLong(let offset, let length) = try stream.readLine(limit: 1000) else { Issue.record("line 2"); return }
        #expect(offset == 6)
        #expect(length == 5000)
        guard case .bytes(let third, _) = try stream.readLine(limit: 1000) else { Issue.record("line 3"); return }
        #expect(third == Array("after".utf8))
        #expect(try stream.readLine(limit: 1000) == nil)
    }

    @Test("read and skip honour counts across chunks and report short ends")
    func readAndSkip() throws {
        let bytes = (0..<1000).map { UInt8($0 % 251) }
        let stream = ByteStream(SlicedChunkSource(bytes, size: 33))
        #expect(try stream.skip(count: 100) == 100)
        #expect(try stream.read(count: 50) == Array(bytes[100..<150]))
        #expect(stream.offset == 150)
        #expect(try stream.skip(count: 2000) == 850)
        #expect(try stream.read(count: 10).isEmpty)
    }

    @Test("concatenated gzip members decode as one stream, across small input chunks")
    func concatenatedMembers() throws {
        let parts = (0..<20).map { Array("member \($0): \(String(repeating: "text \($0) ", count: 300))\n".utf8) }
        let compressed: [UInt8] = Array(try parts.map { try Gzip.compress($0) }.joined()) + [0, 0, 0, 0]
        for size in [5, 512, 1 << 16] {
            let source = try InflatingChunkSource(upstream: SlicedChunkSource(compressed, size: size), format: .gzip)
            var output: [UInt8] = []
            while let chunk = try source.nextChunk() { output += chunk }
            #expect(output == parts.flatMap { $0 })
        }
    }

    @Test("a large stream decodes in bounded chunks and round-trips")
    func largeRoundTrip() throws {
        let original = pseudoRandomBytes(count: 300_000, seed: 42).map { 0x61 + $0 % 16 }
        let compressed = try Gzip.compress(original)
        let source = try InflatingChunkSource(upstream: SlicedChunkSource(compressed, size: 4096), format: .gzip)
        var output: [UInt8] = []
        var largest = 0
        while let chunk = try source.nextChunk() {
            largest = max(largest, chunk.count)
            output += chunk
        }
        #expect(output == original)
        #expect(largest <= 64 << 10)
        #expect(try Gzip.decompress(compressed) == original)
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(compressed, limit: 1000) }
    }

    @Test("the UTF-8 check agrees with the standard library", arguments: 0..<8)
    func utf8Check(seed: Int) {
        var bytes = Array("Zürich — 東京 🚀 ".utf8)
        bytes += pseudoRandomBytes(count: 64, seed: UInt64(seed)).map { seed % 2 == 0 ? $0 : $0 & 0x7F }
        let ours = TextSniffer.referenceFirstInvalidUTF8Offset(bytes)
        #expect(TextSniffer.firstInvalidUTF8Offset(bytes) == ours)
        #expect((ours == nil) == (String(validating: bytes, as: UTF8.self) != nil))
        if let ours {
            #expect(String(validating: bytes[..<ours], as: UTF8.self) != nil)
        }
        #expect(TextSniffer.firstInvalidUTF8Offset([0xED, 0xA0, 0x80]) == 0)  // a surrogate
        #expect(TextSniffer.firstInvalidUTF8Offset([0x41, 0xC0, 0x80]) == 1)  // overlong
    }
}
