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

/// Appends bytes, varints and length-prefixed strings (the store's packed forms).
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// An integer of either sign (zigzag), so a negative offset costs as little as a positive one.
    mutating func int(_ value: Int) { varint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))) }

    /// An optional integer: 0 for nil, else the zigzag form plus one.
    mutating func optionalInt(_ value: Int?) {
        guard let value else { return varint(0) }
        varint(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))) &+ 1)
    }

    /// An optional string: 0 for nil, else its UTF-8 length plus one, then the bytes.
    mutating func string(_ value: String?) {
        guard let value else { return varint(0) }
        let utf8 = Array(value.utf8)
        varint(UInt64(utf8.count) + 1)
        bytes.append(contentsOf: utf8)
    }
}

/// Reads what ``ByteWriter`` wrote; every read returns nil past the end or on a malformed value.
struct ByteReader {
    private let bytes: [UInt8]
    private(set) var index: Int

    init(_ bytes: [UInt8], from index: Int = 0) {
        self.bytes = bytes
        self.index = index
    }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    private static func unzigzag(_ raw: UInt64) -> Int { Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)) }

    mutating func int() -> Int? { varint().map(Self.unzigzag) }

    /// nil when malformed; `.some(nil)` for a stored nil.
    mutating func optionalInt() -> Int?? {
        guard let raw = varint() else { return nil }
        return .some(raw == 0 ? nil : Self.unzigzag(raw - 1))
    }

    /// nil when malformed; `.some(nil)` for a stored nil.
    mutating func string() -> String?? {
        guard let raw = varint() else { return nil }
        if raw == 0 { return .some(nil) }
        let count = raw - 1
        guard count <= UInt64(bytes.count - index) else { return nil }
        let end = index + Int(count)
        defer { index = end }
        return .some(String(decoding: bytes[index..<end], as: UTF8.self))
    }
}
