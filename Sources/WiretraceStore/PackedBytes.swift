internal import CompressNIO
internal import NIOCore
import WiretraceCore

/// How the store keeps its large values (document texts, quote occurrences, story terms):
/// one method byte, then
///
/// - `0`: the bytes as they are (short values, or values deflate does not shrink);
/// - `1`: the decoded length (varint) and a raw deflate stream (RFC 1951) of the bytes.
///
/// The decoded length is in the header, so a reader learns a text's size without inflating it
/// (``decodedCount(_:)``) and inflates into a buffer of the right size at once.
enum PackedBytes {
    static let stored: UInt8 = 0
    static let deflated: UInt8 = 1

    /// Values shorter than this are kept as they are: deflate's few bytes of framing would not pay.
    static let minimumDeflated = 64

    /// Packs a batch of values on `workers` threads, one compressor per thread (a compressor
    /// holds ~256 KB of state: made once per chunk, not per value).
    static func encode(_ values: [[UInt8]], workers: Int) -> [[UInt8]] {
        guard values.count > 1, workers > 1 else {
            let packer = Packer()
            return values.map { packer.encode($0) }
        }
        let chunkSize = max(16, (values.count + workers * 4 - 1) / (workers * 4))
        let chunks = stride(from: 0, to: values.count, by: chunkSize).map { $0..<min($0 + chunkSize, values.count) }
        return chunks.parallelMap(workers: workers) { range -> [[UInt8]] in
            let packer = Packer()
            return values[range].map { packer.encode($0) }
        }.flatMap { $0 }
    }

    /// The length of the bytes `packed` decodes to, read from its header alone (`packed` may be
    /// just the first 11 bytes); nil when the header is malformed.
    static func decodedCount(_ packed: [UInt8]) -> Int? {
        guard let method = packed.first else { return 0 }
        switch method {
        case stored: return packed.count - 1
        case deflated:
            var reader = ByteReader(packed, from: 1)
            return reader.varint().flatMap { $0 <= UInt64(Int.max) ? Int($0) : nil }
        default: return nil
        }
    }

    /// Deflates with one reusable compressor. Not `Sendable`: one per thread.
    final class Packer {
        private var compressor: ZlibCompressor?

        func encode(_ bytes: [UInt8]) -> [UInt8] {
            guard bytes.count >= PackedBytes.minimumDeflated else { return [PackedBytes.stored] + bytes }
            do {
                let compressor = try self.compressor ?? ZlibCompressor(algorithm: .deflate)
                self.compressor = compressor
                try compressor.reset()
                var input = ByteBufferAllocator().buffer(capacity: bytes.count)
                input.writeBytes(bytes)
                var output = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
                try compressor.deflate(from: &input, to: &output, flush: .finish)
                var header = ByteWriter()
                header.byte(PackedBytes.deflated)
                header.varint(UInt64(bytes.count))
                guard header.bytes.count + output.readableBytes < bytes.count + 1 else { return [PackedBytes.stored] + bytes }
                return header.bytes + output.readableBytesView
            } catch {
                // Kept as they are: any reader decodes them, only less compactly.
                self.compressor = nil
                return [PackedBytes.stored] + bytes
            }
        }
    }

    /// Inflates with one reusable decompressor. Not `Sendable`: one per thread (the store's).
    final class Unpacker {
        private var decompressor: ZlibDecompressor?

        /// The bytes `packed` holds; throws when it is not a packing (a damaged database).
        func decode(_ packed: [UInt8]) throws -> [UInt8] {
            guard let method = packed.first else { return [] }
            switch method {
            case PackedBytes.stored:
                return Array(packed[1...])
            case PackedBytes.deflated:
                var reader = ByteReader(packed, from: 1)
                guard let count = reader.varint(), count <= UInt64(Int32.max) else { throw Self.damaged("bad length") }
                let decompressor = try self.decompressor ?? ZlibDecompressor(algorithm: .deflate)
                self.decompressor = decompressor
                var input = ByteBufferAllocator().buffer(capacity: packed.count - reader.index)
                input.writeBytes(packed[reader.index...])
                // One byte more than expected: a stream that would write past the stated length fails.
                var output = ByteBufferAllocator().buffer(capacity: Int(count) + 1)
                do {
                    try decompressor.reset()
                    try decompressor.inflate(from: &input, to: &output)
                } catch {
                    self.decompressor = nil
                    throw Self.damaged("\(error)")
                }
                guard output.readableBytes == Int(count) else {
                    throw Self.damaged("inflated to \(output.readableBytes) bytes, not \(count)")
                }
                return Array(output.readableBytesView)
            default:
                throw Self.damaged("unknown method \(method)")
            }
        }

        private static func damaged(_ cause: String) -> WiretraceError {
            WiretraceError(.database, "a packed value in the database does not decode", cause: cause)
        }
    }
}


/// A stored value still packed (a text, kept terms), as a reading API hands it over so that
/// inflating happens where the caller likes, e.g. on worker threads.
public struct PackedValue: Sendable {
    let bytes: [UInt8]
}

/// Inflates ``PackedValue``s: one per thread (it keeps a decompressor; not `Sendable`).
public final class PackedValueReader {
    private let unpacker = PackedBytes.Unpacker()
    /// Where errors say the value came from (the store's path).
    private let location: String

    public init(location: String) { self.location = location }

    /// The bytes `value` holds; throws when it is not a packing (a damaged database).
    public func bytes(_ value: PackedValue) throws -> [UInt8] {
        do {
            return try unpacker.decode(value.bytes)
        } catch var error as WiretraceError {
            error.location = location
            throw error
        }
    }

    /// The text `value` holds (as ``WiretraceStore``'s readers decode texts).
    public func text(_ value: PackedValue) throws -> String { String(decoding: try bytes(value), as: UTF8.self) }
}
