import WiretraceCore
import Foundation

/// Reads one-document files: HTML pages (`.html`, `.htm`, optionally `.gz`) and text scrapes (`.txt`).
enum WholeFileReader {
    /// The file's document, or why it was rejected. A file over `limit` bytes is not read at all
    /// (a compressed one is decoded only until it passes the limit).
    static func read(_ file: InputFile, kind: InputKind, gzipped: Bool, limit: Int) -> IngestItem {
        func reject(_ reason: RejectReason, _ message: String) -> IngestItem {
            .rejected(Rejection(location: file.location, reason: reason, message: message))
        }
        var bytes: [UInt8] = []
        do {
            if !gzipped, let size = fileSize(file.path) {
                if size > limit {
                    return reject(.tooLarge, "file is \(size) bytes, over the \(limit)-byte limit")
                }
                bytes.reserveCapacity(size)
            }
            var source: any ChunkSource = try FileChunkSource(path: file.path)
            if gzipped { source = try InflatingChunkSource(upstream: source, format: .gzip) }
            while let chunk = try source.nextChunk() {
                if bytes.count + chunk.count > limit {
                    return reject(.tooLarge, gzipped
                        ? "decompressed content passes the \(limit)-byte limit"
                        : "file passes the \(limit)-byte limit")
                }
                bytes.append(contentsOf: chunk)
            }
        } catch {
            return reject(error.reason, error.message)
        }
        if bytes.isEmpty { return reject(.emptyFile, "file is empty") }
        if TextSniffer.isBlank(bytes) { return reject(.emptyFile, "file holds only whitespace") }
        if TextSniffer.looksBinary(bytes) {
            return reject(.binaryContent, "file looks binary (NUL or control bytes in its first 4 KiB)")
        }
        let id = file.relativePath
        switch kind {
        case .text:
            if let bad = TextSniffer.firstInvalidUTF8Offset(bytes) {
                return reject(.invalidUTF8, "text is not valid UTF-8 at byte \(bad)")
            }
            let text = TextSniffer.utf8String(bytes) ?? ""
            return .document(RawDocument(id: id, location: file.location, format: .text, payload: .scrapedText(text)))
        case .html, .jsonl, .warc:
            return .document(RawDocument(
                id: id, location: file.location, format: .html, payload: .html(bytes: bytes, charset: nil)))
        }
    }

    private static func fileSize(_ path: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }
}
