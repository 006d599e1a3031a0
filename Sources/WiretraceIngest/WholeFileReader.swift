import WiretraceCore

/// Reads one-document files: HTML pages (`.html`, `.htm`, optionally `.gz`) and text scrapes (`.txt`).
enum WholeFileReader {
    /// The file's document, or why it was rejected. Reading stops as soon as the content passes
    /// `maxDocumentBytes` (a compressed file is decoded only that far).
    static func read(
        _ file: InputFile, kind: InputKind, stream: ByteStream, gzipped: Bool, configuration: IngestConfiguration
    ) -> IngestItem {
        func reject(_ reason: RejectReason, _ message: String) -> IngestItem {
            .rejected(Rejection(location: file.location, reason: reason, message: message))
        }
        let limit = configuration.maxDocumentBytes
        let bytes: [UInt8]
        do {
            bytes = try stream.read(count: limit)
            if try stream.skip(count: 1) > 0 {
                return reject(.tooLarge, gzipped
                    ? "decompressed content passes the \(limit)-byte limit"
                    : "file passes the \(limit)-byte limit")
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
}
