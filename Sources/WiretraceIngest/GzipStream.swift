import WiretraceCore
internal import CompressNIO
internal import NIOCore

/// The zlib container formats the readers decode.
package enum CompressionFormat: Sendable {
    /// gzip members (RFC 1952), as in `.gz` files and `Content-Encoding: gzip`.
    case gzip
    /// A zlib stream (RFC 1950), what most servers send as `Content-Encoding: deflate`.
    case zlib
    /// A raw deflate stream (RFC 1951), what some servers send as `Content-Encoding: deflate`.
    case rawDeflate

    var algorithm: ZlibAlgorithm {
        switch self {
        case .gzip: .gzip
        case .zlib: .zlib
        case .rawDeflate: .deflate
        }
    }

    var name: String {
        switch self {
        case .gzip: "gzip"
        case .zlib: "zlib"
        case .rawDeflate: "deflate"
        }
    }
}

/// The caps on one decompressed stream (see ``IngestConfiguration``).
struct InflationLimits: Sendable {
    /// The most bytes the stream may inflate to.
    var maxOutputBytes: Int
    /// The most decompressed bytes per compressed byte, checked once past `graceBytes` of output.
    var maxRatio: Int
    var graceBytes: Int

    /// No caps: for callers that bound the output themselves.
    static let none = InflationLimits(maxOutputBytes: .max, maxRatio: .max, graceBytes: .max)
}

/// Decompresses the chunks of another source as they come.
///
/// For gzip, concatenated members (one per WARC record, as Common Crawl writes them) are read
/// one after the other as a single stream; zero padding between members is skipped. A source
/// that ends inside a member throws ``IngestFailure/truncatedGzip(_:)``; bytes that do not
/// decode throw ``IngestFailure/corruptGzip(_:)``. Everything decoded before either is returned
/// first, so callers keep what came before the damage.
///
/// Gzip bombs stop early with bounded memory: past `limits.maxOutputBytes` of output the stream
/// throws ``IngestFailure/tooLarge(_:)``, and once past `limits.graceBytes` of output an inflation
/// ratio over `limits.maxRatio` throws ``IngestFailure/decompressionBomb(_:)``. Memory stays one
/// 64 KiB chunk in and one out whatever the stream inflates to.
final class InflatingChunkSource: ChunkSource {
    private let upstream: any ChunkSource
    private let format: CompressionFormat
    private let decompressor: ZlibDecompressor
    private var input: ByteBuffer
    private var output: ByteBuffer
    /// A buffer with nothing to read, used to ask zlib whether the member has ended.
    private var probeInput: ByteBuffer
    private var probeOutput: ByteBuffer
    private var compressedBytesRead = 0
    private var inMember = false
    private var members = 0
    private var finished = false
    private let limits: InflationLimits
    /// Decompressed bytes returned so far.
    private var outputBytes = 0

    init(upstream: any ChunkSource, format: CompressionFormat, limits: InflationLimits = .none) throws(IngestFailure) {
        self.upstream = upstream
        self.format = format
        self.limits = limits
        do {
            decompressor = try ZlibDecompressor(algorithm: format.algorithm)
        } catch {
            throw .unreadable("cannot set up the \(format.name) decoder: \(error)")
        }
        let allocator = ByteBufferAllocator()
        input = allocator.buffer(capacity: ingestChunkSize)
        output = allocator.buffer(capacity: ingestChunkSize)
        probeInput = allocator.buffer(capacity: 16)
        probeOutput = allocator.buffer(capacity: 16)
    }

    /// Offset in the compressed stream of the next byte to decode.
    private var compressedOffset: Int { compressedBytesRead - input.readableBytes }

    func nextChunk() throws(IngestFailure) -> [UInt8]? {
        while !finished {
            if input.readableBytes == 0 {
                guard let raw = try upstream.nextChunk() else {
                    finished = true
                    if inMember {
                        throw .truncatedGzip(
                            "\(format.name) stream ends inside member \(members) after \(compressedBytesRead) compressed bytes")
                    }
                    return nil
                }
                input.clear()
                input.writeBytes(raw)
                compressedBytesRead += raw.count
            }
            if !inMember {
                if members > 0 {
                    guard format == .gzip else {
                        // zlib and raw deflate hold one stream: what follows it is ignored.
                        finished = true
                        return nil
                    }
                    while let byte = input.getInteger(at: input.readerIndex, as: UInt8.self), byte == 0 {
                        input.moveReaderIndex(forwardBy: 1)
                    }
                    if input.readableBytes == 0 { continue }
                    do { try decompressor.reset() } catch {
                        throw .corruptGzip("cannot restart the \(format.name) decoder: \(error)")
                    }
                }
                inMember = true
                members += 1
            }
            output.clear()
            let offsetBefore = compressedOffset
            do {
                try decompressor.inflate(from: &input, to: &output)
                // A normal return means zlib either used all its input or reached the end of
                // the member; input left over settles it, otherwise ask zlib.
                if input.readableBytes > 0 || memberHasEnded() { inMember = false }
            } catch let error as CompressNIOError where error == .bufferOverflow || error == .inputBufferOverflow {
                // Output full, or more input needed: both are the normal course of a stream.
            } catch {
                finished = true
                throw .corruptGzip(
                    "\(format.name) data does not decode (\(error)) in member \(members) near compressed byte \(offsetBefore)")
            }
            if output.readableBytes > 0 {
                outputBytes += output.readableBytes
                try checkLimits()
                return Array(output.readableBytesView)
            }
        }
        return nil
    }

    /// Stops the stream when its output passes the size cap or, past the grace, the ratio cap.
    private func checkLimits() throws(IngestFailure) {
        if outputBytes > limits.maxOutputBytes {
            finished = true
            throw .tooLarge(
                "\(format.name) stream inflates past the \(limits.maxOutputBytes)-byte decompressed-size limit")
        }
        let compressed = max(compressedOffset, 1)
        if outputBytes > limits.graceBytes, outputBytes / compressed > limits.maxRatio {
            finished = true
            throw .decompressionBomb(
                "\(format.name) stream inflated \(compressed) compressed bytes to \(outputBytes) "
                + "(over \(limits.maxRatio) times; a gzip bomb?); stopped reading")
        }
    }

    /// Whether zlib has reached the end of the current member: with no input, an ended stream
    /// returns normally while a running one asks for more input.
    private func memberHasEnded() -> Bool {
        probeInput.clear()
        probeOutput.clear()
        do {
            try decompressor.inflate(from: &probeInput, to: &probeOutput)
            return true
        } catch {
            return false
        }
    }
}

/// gzip and zlib helpers over byte arrays (tests build their `.gz` inputs with them).
package enum Gzip {
    /// An error from compressing or decompressing, with what went wrong.
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Compresses `bytes` into one complete stream of the given format.
    package static func compress(_ bytes: [UInt8], format: CompressionFormat = .gzip) throws -> [UInt8] {
        do {
            let compressor = try ZlibCompressor(algorithm: format.algorithm)
            var input = ByteBufferAllocator().buffer(capacity: max(bytes.count, 1))
            input.writeBytes(bytes)
            var output = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
            try compressor.deflate(from: &input, to: &output, flush: .finish)
            return Array(output.readableBytesView)
        } catch {
            throw Failure(description: "\(format.name) compression failed: \(error)")
        }
    }

    /// Decompresses a whole stream (all members, for gzip), refusing output over `limit` bytes.
    package static func decompress(
        _ bytes: [UInt8], format: CompressionFormat = .gzip, limit: Int = .max
    ) throws -> [UInt8] {
        switch inflate(bytes, format: format, limit: limit) {
        case .success(let output): return output
        case .tooLarge: throw Failure(description: "decompressed data exceeds \(limit) bytes")
        case .failed(let failure): throw Failure(description: failure.message)
        }
    }

    /// The outcome of ``inflate(_:format:limit:)``.
    enum InflateResult {
        case success([UInt8])
        case tooLarge
        case failed(IngestFailure)
    }

    /// Decompresses bytes in memory, stopping as soon as the output would pass `limit`.
    static func inflate(
        _ bytes: [UInt8], format: CompressionFormat, limit: Int, limits: InflationLimits = .none
    ) -> InflateResult {
        var output: [UInt8] = []
        do {
            let source = try InflatingChunkSource(upstream: MemoryChunkSource(bytes), format: format, limits: limits)
            while let chunk = try source.nextChunk() {
                if output.count + chunk.count > limit { return .tooLarge }
                output.append(contentsOf: chunk)
            }
        } catch {
            return .failed(error)
        }
        return .success(output)
    }
}
