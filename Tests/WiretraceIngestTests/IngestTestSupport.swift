import Foundation
import Testing
import WiretraceCore
@testable import WiretraceIngest

/// A scratch directory under the system temporary directory, removed by `remove()`.
struct ScratchDirectory {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// Writes `bytes` at `relativePath`, creating folders on the way; returns the full path.
    @discardableResult
    func write(_ relativePath: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + relativePath
        let folder = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        try write(relativePath, Array(text.utf8))
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Everything a reader yields for the inputs, in order.
func readItems(_ inputs: [String], maxDocumentBytes: Int = 50 << 20) -> [IngestItem] {
    var items: [IngestItem] = []
    DocumentReader(inputs: inputs, configuration: IngestConfiguration(maxDocumentBytes: maxDocumentBytes)).read {
        items.append($0)
    }
    return items
}

extension IngestItem {
    var document: RawDocument? {
        if case .document(let document) = self { return document }
        return nil
    }

    var rejection: Rejection? {
        if case .rejected(let rejection) = self { return rejection }
        return nil
    }
}

extension RawDocument {
    /// The HTML bytes as text, or nil for a text payload.
    var htmlText: String? {
        if case .html(let bytes, _) = payload { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    var htmlCharset: String? {
        if case .html(_, let charset) = payload { return charset }
        return nil
    }

    var verbatimText: String? {
        if case .verbatimText(let text) = payload { return text }
        return nil
    }

    var scrapedText: String? {
        if case .scrapedText(let text) = payload { return text }
        return nil
    }
}

/// A small news page, distinct per headline.
func newsPage(_ headline: String, body: String = "Officials said talks would resume next week.") -> String {
    """
    <!DOCTYPE html>
    <html><head><meta charset="utf-8"><title>\(headline)</title></head>
    <body><nav>Skip to main content</nav><article><h1>\(headline)</h1>
    <p>\(body)</p></article></body></html>
    """
}

/// Bytes from a SplitMix64 generator: reproducible junk.
func pseudoRandomBytes(count: Int, seed: UInt64) -> [UInt8] {
    var state = seed
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count)
    while bytes.count < count {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        for shift in stride(from: 0, to: 64, by: 8) where bytes.count < count {
            bytes.append(UInt8(truncatingIfNeeded: z >> UInt64(shift)))
        }
    }
    return bytes
}

/// WARC and HTTP builders for test inputs.
enum WARCFixture {
    static func record(
        type: String, number: Int, uri: String? = nil, date: String = "2024-05-02T08:15:00Z",
        contentType: String = "application/http; msgtype=response", block: [UInt8]
    ) -> [UInt8] {
        var header = "WARC/1.1\r\nWARC-Type: \(type)\r\n"
        header += "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", number))>\r\n"
        header += "WARC-Date: \(date)\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        header += "Content-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    static func http(status: String = "200 OK", headers: [(String, String)], body: [UInt8]) -> [UInt8] {
        var head = "HTTP/1.1 \(status)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        return Array(head.utf8) + body
    }

    static func chunked(_ body: [UInt8], chunkSize: Int) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < body.count {
            let end = min(body.count, index + chunkSize)
            output += Array("\(String(end - index, radix: 16))\r\n".utf8) + body[index..<end] + [0x0D, 0x0A]
            index = end
        }
        return output + Array("0\r\n\r\n".utf8)
    }

    static let warcinfo = record(
        type: "warcinfo", number: 1, contentType: "application/warc-fields",
        block: Array("software: test-crawler/1.0\r\nformat: WARC File Format 1.1\r\n".utf8))
}
