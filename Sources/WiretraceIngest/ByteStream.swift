import WiretraceCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why reading a file's bytes stopped early. Converted to a ``Rejection`` by the readers.
enum IngestFailure: Error {
    /// The file cannot be opened or read.
    case unreadable(String)
    /// The path names a FIFO, socket or device, not a regular file.
    case notARegularFile(String)
    /// A gzip (or zlib/deflate) stream ended inside a member.
    case truncatedGzip(String)
    /// A gzip (or zlib/deflate) stream holds data that does not decode.
    case corruptGzip(String)
    /// A compressed stream inflates past the decompressed-size cap.
    case tooLarge(String)
    /// A compressed stream inflates more per compressed byte than the ratio cap allows.
    case decompressionBomb(String)

    var reason: RejectReason {
        switch self {
        case .unreadable: .unreadable
        case .notARegularFile: .notARegularFile
        case .truncatedGzip: .truncatedGzip
        case .corruptGzip: .corruptGzip
        case .tooLarge: .tooLarge
        case .decompressionBomb: .decompressionBomb
        }
    }

    var message: String {
        switch self {
        case .unreadable(let message), .notARegularFile(let message), .truncatedGzip(let message), .corruptGzip(let message),
             .tooLarge(let message), .decompressionBomb(let message): message
        }
    }
}

/// A producer of byte chunks: a file, a decompressor, bytes in memory.
protocol ChunkSource: AnyObject {
    /// The next chunk of bytes, or nil at the end. Never returns an empty chunk.
    func nextChunk() throws(IngestFailure) -> [UInt8]?
}

/// The size of the chunks read from files and produced by decompressors.
let ingestChunkSize = 64 << 10

/// Reads a file in fixed-size chunks with `fread`; the file is closed when the reader goes away.
final class FileChunkSource: ChunkSource {
    private let handle: UnsafeMutablePointer<FILE>
    private let path: String
    private let chunkSize: Int

    /// Opens `path` for reading. Unless `allowStreams` (standard input, which is a pipe or a
    /// terminal as often as a file), anything but a regular file is refused without blocking:
    /// the file is opened non-blocking (opening a FIFO with no writer would wait forever) and
    /// its type checked on the open descriptor, so a file swapped for a FIFO after the walk
    /// is refused too.
    init(path: String, chunkSize: Int = ingestChunkSize, allowStreams: Bool = false) throws(IngestFailure) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (allowStreams ? 0 : O_NONBLOCK))
        guard descriptor >= 0 else {
            throw .unreadable("cannot open: \(String(cString: strerror(errno)))")
        }
        if !allowStreams {
            var status = stat()
            guard fstat(descriptor, &status) == 0 else {
                let message = String(cString: strerror(errno))
                close(descriptor)
                throw .unreadable("cannot stat: \(message)")
            }
            guard status.st_mode & S_IFMT == S_IFREG else {
                close(descriptor)
                throw .notARegularFile(FileType(mode: status.st_mode).refusal)
            }
            // Back to blocking reads (on a regular file O_NONBLOCK changes nothing, but be plain).
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        }
        guard let handle = fdopen(descriptor, "rb") else {
            let message = String(cString: strerror(errno))
            close(descriptor)
            throw .unreadable("cannot open: \(message)")
        }
        self.handle = handle
        self.path = path
        self.chunkSize = chunkSize
    }

    deinit { fclose(handle) }

    func nextChunk() throws(IngestFailure) -> [UInt8]? {
        let size = chunkSize
        let handle = self.handle
        // The only raw-pointer use of the module: fread fills the fresh array's storage.
        let chunk = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = fread(buffer.baseAddress, 1, size, handle)
        }
        if chunk.isEmpty {
            if ferror(handle) != 0 {
                throw .unreadable("read error: \(String(cString: strerror(errno)))")
            }
            return nil
        }
        return chunk
    }
}

/// The type of a file system entry, as `stat` tells it, for inputs that are not regular files.
enum FileType: Equatable {
    case regular, directory, fifo, socket, characterDevice, blockDevice, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        default: self = .other
        }
    }

    /// The type of the entry `path` names, following symbolic links; nil when it cannot be
    /// examined (missing, a broken link, no permission). Never opens it.
    init?(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        self.init(mode: status.st_mode)
    }

    /// The message of a ``RejectReason/notARegularFile`` rejection.
    var refusal: String {
        let what = switch self {
        case .regular: "a regular file"
        case .directory: "a directory"
        case .fifo: "a FIFO (named pipe)"
        case .socket: "a socket"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .other: "not a regular file"
        }
        return "\(what), not read (only regular files are inputs; pipe data in with `-`)"
    }
}

/// Serves bytes already in memory as one chunk (a WARC record body to decompress).
final class MemoryChunkSource: ChunkSource {
    private var bytes: [UInt8]?

    init(_ bytes: [UInt8]) { self.bytes = bytes.isEmpty ? nil : bytes }

    func nextChunk() throws(IngestFailure) -> [UInt8]? {
        defer { bytes = nil }
        return bytes
    }
}

/// A buffered reader over a ``ChunkSource``: lines, exact byte counts, skips.
///
/// Holds at most the current line or block plus one chunk, so memory stays bounded by the
/// caller's limits whatever the size of the file.
final class ByteStream {
    /// One line, without its `\n` (and a `\r` before it), or a line too long to keep.
    enum Line {
        case bytes([UInt8], offset: Int)
        /// A line longer than the limit, streamed past; `length` counts its bytes.
        case tooLong(offset: Int, length: Int)
    }

    private let source: any ChunkSource
    private var buffer: [UInt8] = []
    /// Index in `buffer` of the first unread byte.
    private var start = 0
    /// Stream offset of `buffer[0]`.
    private var bufferOffset = 0
    private var exhausted = false

    init(_ source: any ChunkSource) { self.source = source }

    /// Stream offset of the next unread byte.
    var offset: Int { bufferOffset + start }

    /// Drops the bytes already read and appends the next chunk; false at the end of the source.
    private func fill() throws(IngestFailure) -> Bool {
        if exhausted { return false }
        guard let chunk = try source.nextChunk() else {
            exhausted = true
            return false
        }
        if start > 0 {
            buffer.removeSubrange(0..<start)
            bufferOffset += start
            start = 0
        }
        buffer.append(contentsOf: chunk)
        return true
    }

    /// Reads the next line; a line longer than `limit` bytes is skipped and reported as `.tooLong`.
    /// Returns nil at the end of the stream. The last line need not end with a newline.
    func readLine(limit: Int) throws(IngestFailure) -> Line? {
        var scanned = 0  // bytes after `start` already searched for a newline
        while true {
            if let newline = firstNewline(in: buffer, from: start + scanned) {
                if newline - start > limit {
                    let line = Line.tooLong(offset: offset, length: newline - start)
                    start = newline + 1
                    return line
                }
                return takeLine(upTo: newline, consumingThrough: newline + 1)
            }
            scanned = buffer.count - start
            if scanned > limit { return try skipRestOfLine() }
            guard try fill() else {
                if scanned == 0 { return nil }
                if scanned > limit {
                    let line = Line.tooLong(offset: offset, length: scanned)
                    start = buffer.count
                    return line
                }
                return takeLine(upTo: buffer.count, consumingThrough: buffer.count)
            }
        }
    }

    private func takeLine(upTo end: Int, consumingThrough next: Int) -> Line {
        let lineOffset = offset
        var end = end
        if end > start, buffer[end - 1] == 0x0D { end -= 1 }
        let line = Array(buffer[start..<end])
        start = next
        return .bytes(line, offset: lineOffset)
    }

    /// Streams past the rest of an over-long line, keeping no more than one chunk.
    private func skipRestOfLine() throws(IngestFailure) -> Line {
        let lineOffset = offset
        var length = buffer.count - start
        start = buffer.count
        while try fill() {
            if let newline = firstNewline(in: buffer, from: start) {
                length += newline - start
                start = newline + 1
                return .tooLong(offset: lineOffset, length: length)
            }
            length += buffer.count - start
            start = buffer.count
        }
        return .tooLong(offset: lineOffset, length: length)
    }

    /// Reads `count` bytes, or fewer if the stream ends first.
    func read(count: Int) throws(IngestFailure) -> [UInt8] {
        while buffer.count - start < count {
            guard try fill() else { break }
        }
        let end = min(buffer.count, start + count)
        let bytes = Array(buffer[start..<end])
        start = end
        return bytes
    }

    /// Skips `count` bytes without keeping them; returns how many were skipped (fewer at the end).
    func skip(count: Int) throws(IngestFailure) -> Int {
        var remaining = count
        while true {
            let available = buffer.count - start
            if available >= remaining {
                start += remaining
                return count
            }
            remaining -= available
            start = buffer.count
            guard try fill() else { return count - remaining }
        }
    }
}

/// The index of the first `\n` in `bytes` at or after `start`, found with `memchr`.
///
/// `memchr` keeps the line splitter fast in every build mode; the pointer does not escape.
func firstNewline(in bytes: [UInt8], from start: Int) -> Int? {
    guard start < bytes.count else { return nil }
    return bytes.withUnsafeBufferPointer { buffer -> Int? in
        guard let base = buffer.baseAddress,
              let found = memchr(base + start, 0x0A, buffer.count - start)
        else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }
}
