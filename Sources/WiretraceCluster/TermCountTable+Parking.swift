#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Term count tables moved out of memory into a file of their own while the story level's
/// largest steps run (scoring candidate pairs, the linkage), which do not read them; read back
/// for the steps after (the cut pass, roles). At 200k realistic documents the word and anchor
/// tables held a few hundred MiB through the stage's peak for nothing.
///
/// The file is created in a given directory and unlinked at once: it has no name, and the
/// system removes it when it is closed (``restore()``, or the process's end). Nothing is parked
/// when the file cannot be made or written in full: the caller keeps its tables.
final class ParkedTermTables {
    private var descriptor: Int32
    /// Per table, its document count and byte count, in the order parked.
    private let shapes: [(documents: Int, bytes: Int)]
    private let directory: String

    /// Writes `tables` to a new unnamed file in `directory` and empties `tables`; nil (and
    /// `tables` as they were) when the file cannot be created or written.
    init?(parking tables: inout [TermCountTable], in directory: String) {
        var template = Array((directory + "/wiretrace-terms-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        var offset = 0
        for table in tables {
            guard Self.write(table.bytes, to: descriptor, at: &offset), Self.write(table.ends, to: descriptor, at: &offset) else {
                close(descriptor)
                return nil
            }
        }
        self.descriptor = descriptor
        self.directory = directory
        shapes = tables.map { ($0.count, $0.byteCount) }
        tables = []
    }

    /// The tables parked, in order; closes (and so removes) the file. Call once.
    ///
    /// A file written in full that cannot be read back is a failure of the system the run
    /// cannot recover from here: it stops with what and where.
    func restore() -> [TermCountTable] {
        precondition(descriptor >= 0, "parked term tables restored twice")
        defer {
            close(descriptor)
            descriptor = -1
        }
        var offset = 0
        return shapes.map { shape in
            let bytes: [UInt8] = read(shape.bytes, at: &offset)
            let ends: [Int] = read(shape.documents, at: &offset)
            return TermCountTable(bytes: bytes, ends: ends)
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Writes `values` at `offset` (which moves past them); false on a failed or short write.
    private static func write<T>(_ values: [T], to descriptor: Int32, at offset: inout Int) -> Bool {
        values.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let written = pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { return false }
                done += written
            }
            offset += raw.count
            return true
        }
    }

    /// `count` values read at `offset` (which moves past them).
    private func read<T>(_ count: Int, at offset: inout Int) -> [T] {
        let size = count * MemoryLayout<T>.stride
        let start = offset
        offset += size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            var done = 0
            while done < size {
                let got = pread(descriptor, raw.baseAddress! + done, size - done, off_t(start + done))
                if got < 0, errno == EINTR { continue }
                guard got > 0 else {
                    fatalError("term counts parked in an unnamed file in \(directory) could not be read back at byte \(start + done) (errno \(errno))")
                }
                done += got
            }
            initialized = count
        }
    }
}
