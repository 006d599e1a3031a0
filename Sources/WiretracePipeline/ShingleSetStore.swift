import Dispatch
import Foundation
import WiretraceCore
import WiretraceDedup

/// `dedup`'s exact shingle sets between signing and verification: held in memory while they
/// total at most `budget` hashes, and from the first set that would pass it on, all of them in
/// a temporary spill file (``ShingleSpill``), so memory stays bounded on any corpus.
///
/// Sets arrive sorted and unique (the signing workers make them so), so verification reads them
/// as they are. The order of documents is the caller's: ``append(_:)`` and the reading methods
/// are called from one thread, in document order; ``spillIfSpilling(_:)`` may be called by
/// signing workers at any time.
final class ShingleSetStore: @unchecked Sendable {
    /// Where a document's set is as it comes from a signing worker.
    enum Location: Sendable {
        case held([UInt64])
        case spilled(ShingleSpill.Span)
    }

    let budget: Int
    private let lock = NSLock()
    /// Set once (under `lock`), when the held sets would pass the budget.
    private var spill: ShingleSpill?
    // Owned by the appending thread:
    private var held: [[UInt64]] = []
    private var spans: [ShingleSpill.Span] = []
    private var heldHashes = 0

    init(budget: Int) {
        self.budget = budget
    }

    /// The spill file once sets go there; nil while they are held. Any thread.
    var spillFile: ShingleSpill? {
        lock.lock()
        defer { lock.unlock() }
        return spill
    }

    /// Documents appended.
    var count: Int { spans.count }

    /// Hashes in document `document`'s set.
    func setSize(_ document: Int) -> Int { Int(spans[document].count) }

    /// On a signing worker: once spilling has begun, writes a batch's held sets to the spill file
    /// (one write) and leaves their spans in their place.
    func spillIfSpilling(_ locations: inout [Location?]) throws {
        guard let spill = spillFile else { return }
        var hashes: [UInt64] = []
        var starts: [Int: Int] = [:]
        for (index, location) in locations.enumerated() {
            if case .held(let set) = location {
                starts[index] = hashes.count
                hashes.append(contentsOf: set)
            }
        }
        guard !hashes.isEmpty else { return }
        let base = try spill.write(hashes)
        for (index, start) in starts {
            guard case .held(let set) = locations[index] else { continue }
            locations[index] = .spilled(ShingleSpill.Span(start: base + Int64(start), count: Int32(set.count)))
        }
    }

    /// Appends the next document's set (sorted, unique).
    func append(_ location: Location) throws {
        switch location {
        case .spilled(let span):
            held.append([])
            spans.append(span)
        case .held(let set):
            if spill == nil && heldHashes + set.count > budget { try startSpilling() }
            if let spill {
                let start = try spill.write(set)
                held.append([])
                spans.append(ShingleSpill.Span(start: start, count: Int32(set.count)))
            } else {
                held.append(set)
                spans.append(ShingleSpill.Span(start: -1, count: Int32(set.count)))
                heldHashes += set.count
            }
        }
    }

    /// Moves every held set to a new spill file; later sets go there too.
    private func startSpilling() throws {
        let spill = try ShingleSpill()
        for index in held.indices where spans[index].start < 0 {
            spans[index].start = try spill.write(held[index])
            held[index] = []
        }
        heldHashes = 0
        lock.lock()
        self.spill = spill
        lock.unlock()
    }

    /// Gives up the held sets (the store then holds none; spilled ones stay readable), so the
    /// caller can release them where it likes.
    func takeHeldSets() -> [[UInt64]] {
        defer { held = [] }
        return held
    }

    /// The sets of `documents` (in document order): held ones as they are, spilled ones read back
    /// in parallel chunks of `chunkSize` documents.
    func sets(of documents: [Int], chunkSize: Int) throws -> [(Int, [UInt64])] {
        var result: [(Int, [UInt64])] = []
        var spilled: [Int] = []
        for document in documents {
            if spans[document].start < 0 {
                result.append((document, held[document]))
            } else {
                spilled.append(document)
            }
        }
        if let spill = spillFile, !spilled.isEmpty {
            result += try Self.read(spilled, spans: spans, spill: spill, chunkSize: chunkSize)
        }
        return result
    }

    /// Spilled sets read back in parallel chunks: one read of the file region a chunk's documents
    /// lie in when that region is little more than their hashes (batches are written nearly in
    /// order), else one read per document.
    private static func read(
        _ documents: [Int], spans: [ShingleSpill.Span], spill: ShingleSpill, chunkSize: Int
    ) throws -> [(Int, [UInt64])] {
        let chunks = (documents.count + chunkSize - 1) / chunkSize
        let sets = ChunkSlots<(Int, [UInt64])>(count: chunks)
        let failures = ChunkSlots<String>(count: 1)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let chunkDocuments = documents[(chunk * chunkSize)..<min((chunk + 1) * chunkSize, documents.count)]
            let regionStart = chunkDocuments.map { spans[$0].start }.min()!
            let regionEnd = chunkDocuments.map { spans[$0].start + Int64(spans[$0].count) }.max()!
            let needed = chunkDocuments.reduce(0) { $0 + Int(spans[$1].count) }
            var read: [(Int, [UInt64])] = []
            do {
                if regionEnd - regionStart <= Int64(4 * needed + (1 << 16)) {
                    let region = try spill.hashes(ShingleSpill.Span(start: regionStart, count: Int32(regionEnd - regionStart)))
                    for index in chunkDocuments {
                        let offset = Int(spans[index].start - regionStart)
                        read.append((index, Array(region[offset..<(offset + Int(spans[index].count))])))
                    }
                } else {
                    for index in chunkDocuments { read.append((index, try spill.hashes(spans[index]))) }
                }
            } catch {
                failures.set(0, ["\(error)"])
                return
            }
            sets.set(chunk, read)
        }
        if let failure = failures.values().joined().first {
            throw WiretraceError(.io, "cannot read back the shingle spill file: \(failure)", location: spill.path)
        }
        return Array(sets.values().joined())
    }
}

/// Shingle sets in a temporary file, written a batch at a time by the signing workers (or a
/// document at a time by ``ShingleSetStore``) and read back by document: keeps them out of memory
/// between signing and verification.
///
/// ``write(_:)`` and ``hashes(_:)`` may be called from several threads at once: a write
/// reserves its place under a lock and then `pwrite`s outside it; reads are `pread`s on the
/// shared descriptor.
final class ShingleSpill: @unchecked Sendable {
    /// Where one document's hashes are, in hashes from the start of the file.
    struct Span: Sendable {
        var start: Int64
        var count: Int32
    }

    let path: String
    private let descriptor: Int32
    private let lock = NSLock()
    /// Hashes reserved so far.
    private var reserved: Int64 = 0

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-dedup-\(UUID().uuidString).spill").path
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw WiretraceError(.io, "cannot create the shingle spill file: \(String(cString: strerror(errno)))", location: path)
        }
        unlink(path)  // gone when closed, whatever happens
    }

    deinit { close(descriptor) }

    /// Writes hashes at a newly reserved place and returns where they start (in hashes).
    func write(_ hashes: [UInt64]) throws -> Int64 {
        lock.lock()
        let start = reserved
        reserved += Int64(hashes.count)
        lock.unlock()
        try hashes.withUnsafeBytes { bytes in
            var written = 0
            while written < bytes.count {
                let result = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(start * 8) + off_t(written))
                guard result > 0 else {
                    throw WiretraceError(.io, "cannot write the shingle spill file: \(String(cString: strerror(errno)))", location: path)
                }
                written += result
            }
        }
        return start
    }

    /// The hashes written at `span`.
    func hashes(_ span: Span) throws -> [UInt64] {
        let count = Int(span.count)
        return try [UInt64](unsafeUninitializedCapacity: count) { values, initialized in
            let bytes = UnsafeMutableRawBufferPointer(values)
            var done = 0
            while done < bytes.count {
                let result = pread(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(span.start * 8) + off_t(done))
                guard result > 0 else {
                    throw WiretraceError(.io, "cannot read the shingle spill file: \(String(cString: strerror(errno)))", location: path)
                }
                done += result
            }
            initialized = count
        }
    }
}
