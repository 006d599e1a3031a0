import Dispatch
import Foundation
import WiretraceCore
import WiretraceDedup
import WiretraceExtract
import WiretraceIngest

/// `wiretrace dedup`: the dedup path alone, no store and no story level.
///
/// One streaming pass over the inputs; no stage holds all documents' text:
/// 1. Read and sign: the reader (calling thread) hands bounded batches to worker threads, which
///    turn each text into a one-permutation signature (``OnePermutationHasher``) and keep only
///    its LSH band keys (``BandKeyTable``, bands × 8 bytes per document). The workers write
///    the shingle hashes to a temporary spill file (8 bytes per shingle, on disk, deleted at
///    the end), so the reading thread only reads.
/// 2. Verify: LSH gives the candidate pairs; workers read back the shingle hashes of documents
///    in some candidate pair only, make them exact sets, and verify the pairs on them
///    (``DuplicateFinder/accepts(_:)``, Jaccard or containment) in parallel; union-find groups.
///
/// Memory: the band keys, ids and spill offsets of all documents (about bands × 8 + 40 bytes
/// each), at most `workers + 1` batches of text, and the exact sets of candidate documents up
/// to ``verificationMemoryBudget`` hashes at a time (more only for one component larger than it).
public struct DedupRun {
    public var configuration: PipelineConfiguration
    public var progress: ProgressMeter
    /// Documents per batch handed to a worker.
    public var batchSize = 256
    /// Shingle hashes (8 bytes each) of exact sets held at once during verification: 64 Mi
    /// hashes (512 MiB), about 130k candidate news articles; beyond it verification goes a
    /// part (whole components of the candidate graph) at a time.
    public var verificationMemoryBudget = 64 << 20

    public init(configuration: PipelineConfiguration, progress: ProgressMeter = ProgressMeter(enabled: false)) {
        self.configuration = configuration
        self.progress = progress
    }

    public struct Result: Sendable {
        /// Groups of document ids (size ≥ 2), members sorted, groups by first member.
        public var groups: [[String]]
        /// Verified pairs.
        public var pairs: Int
        public var documents: Int
        public var rejects: RejectCounts
        /// LSH candidate pairs before verification, and the documents in them.
        public var candidatePairs: Int = 0
        public var candidateDocuments: Int = 0
        /// The verified pairs by document id, each the smaller id (UTF-8 order) first, sorted.
        public var verifiedPairs: [VerifiedIDPair] = []
    }

    /// A verified pair by document ids, with its exact similarity.
    public struct VerifiedIDPair: Sendable, Hashable {
        public var a: String
        public var b: String
        public var similarity: PairSimilarity
    }

    /// What a worker makes of one document: its band keys and where its shingle hashes went in
    /// the spill file.
    private enum Sketched: Sendable {
        case document(bandKeys: [UInt64]?, hashes: ShingleSpill.Span)
        case rejected(Rejection)
        /// The batch's hashes could not be written.
        case failed(String)
    }

    public func run(inputs: [String], onRejection: (Rejection) -> Void) throws -> Result {
        let dedup = configuration.dedup
        let finder = DuplicateFinder(configuration: dedup)
        let workers = configuration.workers > 0 ? configuration.workers : ProcessInfo.processInfo.activeProcessorCount
        let sketcher = DedupSketcher(configuration: dedup, banding: finder.banding)
        let extractor = ArticleExtractor(configuration: configuration.extraction)
        let reader = DocumentReader(inputs: inputs, configuration: configuration.ingest)

        // Pass 1: sign.
        var ids: [String] = []
        let spill = try ShingleSpill()
        var spans: [ShingleSpill.Span] = []
        var table = BandKeyTable(banding: finder.banding)
        var rejects = RejectCounts()
        func reject(_ rejection: Rejection) {
            rejects.add(rejection.reason)
            onRejection(rejection)
        }
        progress.begin("sign")
        let ingest = ParallelIngest(reader: reader, workers: workers, batchSize: batchSize, batchBytes: configuration.batchBytes)
        try ingest.run(
            process: { documents in
                // The worker also writes the batch's shingle hashes (one write per batch), so
                // the reading thread only reads.
                var sketcher = sketcher
                var hashes: [UInt64] = []
                var sketched: [Sketched] = documents.map { raw in
                    switch Self.text(of: raw, extractor: extractor) {
                    case .success(let text):
                        let (keys, shingles) = sketcher.sketch(text)
                        let span = ShingleSpill.Span(start: Int64(hashes.count), count: Int32(shingles.count))
                        hashes.append(contentsOf: shingles)
                        return .document(bandKeys: keys, hashes: span)
                    case .failure(let rejection): return .rejected(rejection)
                    }
                }
                do {
                    let base = try spill.write(hashes)
                    for index in sketched.indices {
                        if case .document(let keys, let span) = sketched[index] {
                            sketched[index] = .document(bandKeys: keys, hashes: ShingleSpill.Span(start: base + span.start, count: span.count))
                        }
                    }
                } catch {
                    sketched = sketched.map { _ in .failed("\(error)") }
                }
                return sketched
            },
            onDocument: { id, sketched in
                switch sketched {
                case .document(let keys, let hashes):
                    ids.append(id)
                    spans.append(hashes)
                    table.append(keys)
                    if ids.count % 1024 == 0 { progress.update(done: ids.count) }
                case .rejected(let rejection):
                    reject(rejection)
                case .failed(let message):
                    throw WiretraceError(.io, "cannot write the shingle spill file: \(message)", location: spill.path)
                }
            },
            onRejection: reject)
        let documentSpans = spans
        progress.end()

        // LSH candidates.
        let candidates = table.candidatePairs(workers: workers)
        // Verification a part at a time: the candidate documents are split, whole connected
        // components of the candidate graph at a time, into parts whose exact sets fit in
        // `verificationMemoryBudget` hashes; a part's sets are read back from the spill file,
        // its pairs verified, and the sets dropped. A corpus of a few hundred thousand documents
        // is one part.
        let parts = CandidateVerification.parts(
            of: candidates, documentCount: ids.count, budget: verificationMemoryBudget,
            shingleCount: { Int(documentSpans[$0].count) })
        let candidateDocuments = parts.reduce(0) { $0 + $1.documents.count }
        var verified: [VerifiedPair] = []
        if candidateDocuments > 0 { progress.begin("verify") }
        for part in parts {
            var shingleSets = [[UInt64]?](repeating: nil, count: ids.count)
            for (index, set) in try Self.readSets(of: part.documents, spans: documentSpans, spill: spill, chunkSize: batchSize) {
                shingleSets[index] = set
            }
            verified += CandidateVerification.verify(part.pairs, shingleSets: shingleSets, finder: finder, workers: workers)
        }
        if candidateDocuments > 0 { progress.end() }
        verified.sort { ($0.a, $0.b) < ($1.a, $1.b) }
        let groups = finder.groups(documentCount: ids.count, pairs: verified).map { $0.map { ids[$0] }.sorted() }
            .sorted { $0[0] < $1[0] }
        let verifiedPairs = verified.map { pair -> VerifiedIDPair in
            let (x, y) = (ids[pair.a], ids[pair.b])
            return x.utf8.lexicographicallyPrecedes(y.utf8)
                ? VerifiedIDPair(a: x, b: y, similarity: pair.similarity)
                : VerifiedIDPair(a: y, b: x, similarity: pair.similarity.swapped)
        }.sorted { $0.a != $1.a ? $0.a.utf8.lexicographicallyPrecedes($1.a.utf8) : $0.b.utf8.lexicographicallyPrecedes($1.b.utf8) }
        return Result(
            groups: groups, pairs: verified.count, documents: ids.count, rejects: rejects,
            candidatePairs: candidates.count, candidateDocuments: candidateDocuments, verifiedPairs: verifiedPairs)
    }

    /// The exact shingle sets of `documents` (in document order), read back from the spill file
    /// in parallel chunks: one read of the file region a chunk's documents lie in when that
    /// region is little more than their hashes (batches are written nearly in order), else one
    /// read per document; each set sorted without repeats.
    private static func readSets(
        of documents: [Int], spans: [ShingleSpill.Span], spill: ShingleSpill, chunkSize: Int
    ) throws -> [(Int, [UInt64])] {
        guard !documents.isEmpty else { return [] }
        let chunks = (documents.count + chunkSize - 1) / chunkSize
        let sets = VerifiedSlots<(Int, [UInt64])>(count: chunks)
        let failures = VerifiedSlots<String>(count: 1)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let chunkDocuments = documents[(chunk * chunkSize)..<min((chunk + 1) * chunkSize, documents.count)]
            let regionStart = chunkDocuments.map { spans[$0].start }.min()!
            let regionEnd = chunkDocuments.map { spans[$0].start + Int64(spans[$0].count) }.max()!
            let needed = chunkDocuments.reduce(0) { $0 + Int(spans[$1].count) }
            var read: [(Int, [UInt64])] = []
            do {
                if regionEnd - regionStart <= Int64(4 * needed + (1 << 16)) {
                    let region = try spill.hashes(ShingleSpill.Span(start: regionStart, count: Int32(regionEnd - regionStart)))
                    region.withUnsafeBufferPointer { region in
                        for index in chunkDocuments {
                            let offset = Int(spans[index].start - regionStart)
                            let slice = UnsafeBufferPointer(rebasing: region[offset..<(offset + Int(spans[index].count))])
                            read.append((index, DedupSketcher.shingleSet(sortingHashes: slice)))
                        }
                    }
                } else {
                    for index in chunkDocuments {
                        read.append((index, DedupSketcher.shingleSet(sortingHashes: try spill.hashes(spans[index]))))
                    }
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

    /// The text to deduplicate: a JSONL `text` field used as is when it is plainly text (the
    /// quick check below), otherwise whatever the article extractor makes of the document.
    private static func text(of raw: RawDocument, extractor: ArticleExtractor) -> Swift.Result<String, Rejection> {
        if case .verbatimText(let text) = raw.payload, isPlainlyText(text) { return .success(text) }
        return extractor.extract(raw).map(\.text)
    }

    /// Leading bytes the extractor's binary sniff treats specially (file signatures, UTF-16 marks).
    private static let binarySignatures: [[UInt8]] = [
        [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], Array("GIF8".utf8), Array("%PDF-".utf8),
        [0x50, 0x4B, 0x03, 0x04], [0x1F, 0x8B], [0x00, 0x00, 0x00], [0xFF, 0xFE], [0xFE, 0xFF],
    ]

    /// True when the extractor would certainly accept the verbatim text unchanged: no control
    /// bytes and no binary signature in the first 8 KiB (what its binary sniff reads), and an
    /// ASCII letter or digit there (so not blank). Anything else takes the extractor's path.
    ///
    /// - Complexity: O(min(n, 8192)).
    static func isPlainlyText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            for signature in binarySignatures where utf8.starts(with: signature) { return false }
            let sample = UnsafeBufferPointer(rebasing: utf8.prefix(8192))
            guard sample.contains(where: { ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 }) else { return false }
            var index = 0
            // Eight bytes at a time while none is below 0x20 or equal to 0x7F.
            if let base = sample.baseAddress {
                let low: UInt64 = 0x0101_0101_0101_0101
                while index + 8 <= sample.count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    let delete = word ^ (low &* 0x7F)
                    let special = ((word &- low &* 0x20) & ~word) | ((delete &- low) & ~delete)
                    if special & (low &* 0x80) != 0 { break }
                    index += 8
                }
            }
            for byte in UnsafeBufferPointer(rebasing: sample[index...]) {
                if byte < 0x20 {
                    guard byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D else { return false }
                } else if byte == 0x7F {
                    return false
                }
            }
            return true
        }
    }
}

/// Per-chunk results of concurrent workers, each slot written by one worker.
private final class VerifiedSlots<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[Element]]

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ index: Int, _ pairs: [Element]) {
        lock.lock()
        slots[index] = pairs
        lock.unlock()
    }

    func values() -> [[Element]] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

extension DedupRun {
    /// How well LSH proposes the pairs that matter, against brute-force exact Jaccard.
    public struct LSHRecall: Sendable {
        public var documents: Int
        /// Pairs of exact Jaccard ≥ the evaluated minimum, and how many of them LSH proposed.
        public var oraclePairs: Int
        public var oraclePairsProposed: Int
        public var candidatePairs: Int
        /// Reported (verified) pairs, those accepted on Jaccard ≥ threshold, those accepted on
        /// containment only, and the lowest Jaccard among the Jaccard-accepted ones.
        public var reportedPairs: Int
        public var jaccardPairs: Int
        public var containmentOnlyPairs: Int
        public var lowestReportedJaccard: Double?
        public var recall: Double { oraclePairs > 0 ? Double(oraclePairsProposed) / Double(oraclePairs) : 1 }
    }

    /// LSH candidate recall over all pairs of the inputs, by brute force: every document's exact
    /// shingle set is held, so this is for evaluation sets (hundreds to a few thousand documents).
    ///
    /// - Complexity: O(n²·s) for n documents of s shingles.
    public func lshRecall(inputs: [String], minimumJaccard: Double) -> LSHRecall {
        let finder = DuplicateFinder(configuration: configuration.dedup)
        var sketcher = DedupSketcher(configuration: configuration.dedup, banding: finder.banding)
        let extractor = ArticleExtractor(configuration: configuration.extraction)
        var table = BandKeyTable(banding: finder.banding)
        var sets: [[UInt64]] = []
        DocumentReader(inputs: inputs, configuration: configuration.ingest).read { item in
            guard case .document(let raw) = item, case .success(let text) = Self.text(of: raw, extractor: extractor) else {
                return
            }
            table.append(sketcher.bandKeys(of: text))
            sets.append(sketcher.shingleSet(of: text))
        }
        let candidates = Set(table.candidatePairs(workers: 2))
        var oracle = 0
        var proposed = 0
        for a in 0..<sets.count {
            for b in (a + 1)..<max(a + 1, sets.count) where PairSimilarity.exact(sets[a], sets[b]).jaccard >= minimumJaccard {
                oracle += 1
                if candidates.contains(DocumentPair(a, b)) { proposed += 1 }
            }
        }
        var reported = 0
        var jaccardPairs = 0
        var lowest: Double?
        for pair in candidates {
            let similarity = PairSimilarity.exact(sets[pair.a], sets[pair.b])
            guard finder.accepts(similarity) else { continue }
            reported += 1
            if similarity.jaccard >= configuration.dedup.threshold {
                jaccardPairs += 1
                lowest = min(lowest ?? 1, similarity.jaccard)
            }
        }
        return LSHRecall(
            documents: sets.count, oraclePairs: oracle, oraclePairsProposed: proposed, candidatePairs: candidates.count,
            reportedPairs: reported, jaccardPairs: jaccardPairs, containmentOnlyPairs: reported - jaccardPairs,
            lowestReportedJaccard: lowest)
    }
}

/// The shingle hashes of every document in a temporary file, written a batch at a time by the
/// signing workers and read back by document: keeps them out of memory between signing and
/// verification.
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
