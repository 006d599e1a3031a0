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
///    its LSH band keys (``BandKeyTable``, bands × 8 bytes per document), and make its exact
///    shingle set (sorted, unique). The sets are held in memory while they total at most
///    ``verificationMemoryBudget`` hashes; past it, all of them go to a temporary spill file
///    (8 bytes per shingle, on disk, deleted at the end), written by the workers
///    (``ShingleSetStore``).
/// 2. Verify: LSH gives the candidate pairs; the sets of documents in some candidate pair are
///    taken (read back when spilled) and the pairs verified on them
///    (``DuplicateFinder/accepts(_:)``, Jaccard or containment) in parallel; union-find groups.
///
/// Memory: the band keys, ids and set locations of all documents (about bands × 8 + 40 bytes
/// each), at most `workers + 1` batches of text, the sets while they fit the budget, the
/// candidate pairs (16 bytes each), and the exact sets of candidate documents up to
/// ``verificationMemoryBudget`` hashes at a time, whatever the candidate graph's components
/// (``CandidateVerification/parts(of:documentCount:budget:shingleCount:)``).
public struct DedupRun {
    public var configuration: PipelineConfiguration
    public var progress: ProgressMeter
    /// Documents per batch handed to a worker.
    public var batchSize = 256
    /// Shingle hashes (8 bytes each) of exact sets held at once during verification
    /// (``defaultVerificationMemoryBudget``); beyond it verification goes a part (whole components
    /// of the candidate graph, or block pairs of a larger one) at a time.
    public var verificationMemoryBudget = Self.defaultVerificationMemoryBudget

    /// 64 Mi hashes (512 MiB), about 130k candidate news articles; or, when the environment sets
    /// `WIRETRACE_VERIFY_MEMORY_MIB` to a whole number of MiB, that many MiB of hashes (for
    /// measurements: `wiretrace dedup` and `run` verify the same pairs under any budget).
    public static let defaultVerificationMemoryBudget: Int = {
        if let text = ProcessInfo.processInfo.environment["WIRETRACE_VERIFY_MEMORY_MIB"], let mib = Int(text), mib >= 0 {
            return mib << 17
        }
        return 64 << 20
    }()

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
        /// The verified pairs by document index, and the ids of the documents by index.
        var verified: [VerifiedPair] = []
        var ids: [String] = []

        /// The verified pairs by document id, each the smaller id (UTF-8 order) first, sorted.
        /// Made when asked for (`wiretrace dedup` prints only the groups).
        ///
        /// - Complexity: O(p log p) string comparisons for p verified pairs.
        public var verifiedPairs: [VerifiedIDPair] {
            verified.map { pair -> VerifiedIDPair in
                let (x, y) = (ids[pair.a], ids[pair.b])
                return x.utf8.lexicographicallyPrecedes(y.utf8)
                    ? VerifiedIDPair(a: x, b: y, similarity: pair.similarity)
                    : VerifiedIDPair(a: y, b: x, similarity: pair.similarity.swapped)
            }.sorted { $0.a != $1.a ? $0.a.utf8.lexicographicallyPrecedes($1.a.utf8) : $0.b.utf8.lexicographicallyPrecedes($1.b.utf8) }
        }
    }

    /// A verified pair by document ids, with its exact similarity.
    public struct VerifiedIDPair: Sendable, Hashable {
        public var a: String
        public var b: String
        public var similarity: PairSimilarity
    }

    /// What a worker makes of one document: its band keys and its exact shingle set.
    private enum Sketched: Sendable {
        case document(bandKeys: [UInt64]?, set: ShingleSetStore.Location)
        case rejected(Rejection)
        /// The batch's sets could not be written to the spill file.
        case failed(String)
    }

    public func run(inputs: [String], onRejection: (Rejection) -> Void) throws -> Result {
        let dedup = configuration.dedup
        let finder = DuplicateFinder(configuration: dedup)
        let workers = configuration.workers > 0 ? configuration.workers : ProcessInfo.processInfo.activeProcessorCount
        let sketchers = SketcherPool(Worker(sketcher: DedupSketcher(configuration: dedup, banding: finder.banding)))
        let extractor = ArticleExtractor(configuration: configuration.extraction)
        let reader = DocumentReader(inputs: inputs, configuration: configuration.ingest)

        // Pass 1: sign.
        var ids: [String] = []
        let sets = ShingleSetStore(budget: verificationMemoryBudget)
        var table = BandKeyTable(banding: finder.banding)
        var rejects = RejectCounts()
        func reject(_ rejection: Rejection) {
            rejects.add(rejection.reason)
            onRejection(rejection)
        }
        progress.begin("sign")
        let ingest = ParallelIngest(reader: reader, workers: workers, batchSize: batchSize, batchBytes: configuration.batchBytes)
        try ingest.run(
            processItems: { pending in
                // Once the sets are spilled, the worker also writes its batch's sets (one write
                // per batch), so the reading thread only reads.
                var worker = sketchers.take()
                defer { sketchers.giveBack(worker) }
                var outcomes: [Outcome] = []
                var locations: [ShingleSetStore.Location?] = []
                outcomes.reserveCapacity(pending.count)
                locations.reserveCapacity(pending.count)
                for item in pending {
                    let (outcome, set) = Self.sketch(item, sketcher: &worker.sketcher, scratch: &worker.scratch, extractor: extractor)
                    outcomes.append(outcome)
                    locations.append(set.map { .held($0) })
                }
                var failure: String?
                do {
                    try sets.spillIfSpilling(&locations)
                } catch {
                    failure = "\(error)"
                }
                return outcomes.indices.map { index -> ParallelIngest.Step<Sketched> in
                    switch outcomes[index] {
                    case .unread(let rejection):
                        return .rejected(rejection)
                    case .document(let id, let location, let keys):
                        if let failure { return .document(id: id, location: location, output: .failed(failure)) }
                        return .document(id: id, location: location, output: .document(bandKeys: keys, set: locations[index]!))
                    case .rejected(let id, let location, let rejection):
                        if let failure { return .document(id: id, location: location, output: .failed(failure)) }
                        return .document(id: id, location: location, output: .rejected(rejection))
                    }
                }
            },
            onDocument: { id, sketched in
                switch sketched {
                case .document(let keys, let set):
                    try sets.append(set)
                    ids.append(id)
                    table.append(keys)
                    if ids.count % 1024 == 0 { progress.update(done: ids.count) }
                case .rejected(let rejection):
                    reject(rejection)
                case .failed(let message):
                    throw WiretraceError(.io, "cannot write the shingle spill file: \(message)", location: sets.spillFile?.path)
                }
            },
            onRejection: reject)
        progress.end()

        // LSH candidates.
        StageMemory.probe("signed \(ids.count) documents")
        var candidates = table.packedCandidatePairs(workers: workers)
        let candidatePairs = candidates.count
        table = BandKeyTable(banding: finder.banding)  // its keys (bands × 8 bytes a document) are done with
        // Verification a part at a time: the candidate documents are split into parts whose
        // exact sets fit in `verificationMemoryBudget` hashes (whole components of the candidate
        // graph, or block pairs of a component larger than that); a part's sets are taken (read
        // back from the spill file when spilled), its pairs verified, and the sets it does not
        // share with the next part dropped. A corpus of a few hundred thousand documents is one part.
        let parts = CandidateVerification.parts(
            of: &candidates, documentCount: ids.count, budget: verificationMemoryBudget,
            shingleCount: { sets.setSize($0) })
        let candidateDocuments = Self.candidateDocuments(parts, documentCount: ids.count)
        if StageMemory.reporting {
            // The candidate graph's largest components (a measurement aid: one more union-find pass).
            var components = UnionFind(count: ids.count)
            for pair in candidates { components.union(CandidateVerification.first(pair), CandidateVerification.second(pair)) }
            var hashesOfRoot: [Int: (documents: Int, hashes: Int)] = [:]
            for document in 0..<ids.count {
                let root = components.find(document)
                hashesOfRoot[root, default: (0, 0)].documents += 1
                hashesOfRoot[root, default: (0, 0)].hashes += sets.setSize(document)
            }
            let largest = hashesOfRoot.values.filter { $0.documents > 1 }.sorted { $0.hashes > $1.hashes }
            StageMemory.probe("candidate graph: \(largest.count) components; largest (documents, hashes): \(largest.prefix(3))")
            let sizes = parts.map { part in (part.documents.count, part.documents.reduce(0) { $0 + sets.setSize($1) }, part.pairs.count) }
                .sorted { $0.1 > $1.1 }
            StageMemory.probe("candidates: \(candidates.count) pairs, \(candidateDocuments) documents, \(parts.count) parts, \(parts.reduce(0) { $0 + $1.documents.count }) documents read; largest (documents, hashes, pairs): \(sizes.prefix(3))")
        }
        if candidateDocuments > 0 { progress.begin("verify") }
        let verified = try CandidateVerification.verify(parts, of: candidates, documentCount: ids.count, finder: finder, workers: workers) { documents in
            try sets.sets(of: documents, chunkSize: batchSize)
        }
        StageMemory.probe("verified")
        if candidateDocuments > 0 { progress.end() }
        Self.releaseElsewhere(sets.takeHeldSets())
        let groups = finder.groups(documentCount: ids.count, pairs: verified).map { $0.map { ids[$0] }.sorted() }
            .sorted { $0[0] < $1[0] }
        return Result(
            groups: groups, pairs: verified.count, documents: ids.count, rejects: rejects,
            candidatePairs: candidatePairs, candidateDocuments: candidateDocuments, verified: verified, ids: ids)
    }

    /// Documents in some part (a document of an oversized component may be in several).
    private static func candidateDocuments(_ parts: [CandidateVerification.Part], documentCount: Int) -> Int {
        if parts.count == 1 { return parts[0].documents.count }
        var seen = [Bool](repeating: false, count: documentCount)
        var count = 0
        for part in parts {
            for document in part.documents where !seen[document] {
                seen[document] = true
                count += 1
            }
        }
        return count
    }

    /// Drops the sets on another thread. Released on the calling thread, a corpus's sets (one
    /// array per document, hundreds of MB at 100k documents, each release a cache miss) were a
    /// stretch of the run on one core after verification; this way the groups are made and
    /// written meanwhile. The closure's context holds the only reference, so the last release
    /// (and the frees) run over there; the run does not wait for them.
    private static func releaseElsewhere<Sets: Sendable>(_ sets: consuming Sets) {
        DispatchQueue.global().async { [sets = consume sets] in withExtendedLifetime(sets) {} }
    }

    /// What a worker made of one item before the batch's sets are placed.
    private enum Outcome {
        /// The item is no document (its line could not be read as one).
        case unread(Rejection)
        case document(id: String, location: SourceLocation, bandKeys: [UInt64]?)
        case rejected(id: String, location: SourceLocation, Rejection)
    }

    /// A signing worker's sketcher and the buffers it reads JSONL lines into.
    private struct Worker {
        var sketcher: DedupSketcher
        var scratch = FlatJSONObject.Scratch()
    }

    /// One item signed: a JSONL line whose `text` field is plainly text is tokenised from the
    /// line's bytes (``JSONLLine/withVerbatimText(scratch:_:)``: decoded into the worker's buffer
    /// when it has escapes, no `String` made of it); any other item is resolved and goes through
    /// ``text(of:extractor:)``, as ``sign(_:)`` would have it. Both give the same keys and set for
    /// the same text: the tokeniser reads a `String`'s UTF-8 bytes either way.
    private static func sketch(
        _ item: PendingItem, sketcher: inout DedupSketcher, scratch: inout FlatJSONObject.Scratch, extractor: ArticleExtractor
    ) -> (Outcome, [UInt64]?) {
        if case .jsonlLine(let line) = item {
            let direct = line.withVerbatimText(scratch: &scratch) { id, location, text, firstControl -> (Outcome, [UInt64]?)? in
                guard isPlainlyText(utf8: text, firstControl: firstControl) else { return nil }
                let (keys, set) = sketcher.sketchSet(utf8: text)
                return (.document(id: id, location: location, bandKeys: keys), set)
            }
            if let direct = direct ?? nil { return direct }
        }
        switch item.resolved() {
        case .rejected(let rejection):
            return (.unread(rejection), nil)
        case .document(let raw):
            switch text(of: raw, extractor: extractor) {
            case .success(let text):
                let (keys, set) = sketcher.sketchSet(text)
                return (.document(id: raw.id, location: raw.location, bandKeys: keys), set)
            case .failure(let rejection):
                return (.rejected(id: raw.id, location: raw.location, rejection), nil)
            }
        }
    }

    /// The text to deduplicate: a JSONL `text` field used as is when it is plainly text (the
    /// quick check below), otherwise whatever the article extractor makes of the document.
    /// `raw` is borrowed: the text path reads its payload in place, and only the extractor's
    /// path copies the document (a copy retains every one of its strings).
    private static func text(of raw: borrowing RawDocument, extractor: ArticleExtractor) -> Swift.Result<String, Rejection> {
        if case .verbatimText(let text) = raw.payload, isPlainlyText(text) { return .success(text) }
        return extractor.extract(copy raw).map(\.text)
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
    /// Eight bytes at a time, exactly: each byte's tests (below 0x20, equal to an allowed control
    /// byte, equal to DEL) are carry-free word operations, so a line break or tab costs a few more
    /// operations on its word instead of a byte loop (``referenceIsPlainlyText(_:)`` is the plain form).
    ///
    /// - Complexity: O(min(n, 8192)).
    static func isPlainlyText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isPlainlyText(utf8: $0) }
    }

    /// ``isPlainlyText(_:)`` of a text given as its UTF-8 bytes.
    static func isPlainlyText(utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        for signature in binarySignatures where utf8.starts(with: signature) { return false }
        let sample = UnsafeBufferPointer(rebasing: utf8.prefix(8192))
        guard sample.contains(where: { ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 }) else { return false }
        var index = 0
        if let base = sample.baseAddress {
            while index + 8 <= sample.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if !PlainBytes.allowed(word) { return false }
                index += 8
            }
        }
        for byte in UnsafeBufferPointer(rebasing: sample[index...]) where !isAllowed(byte) { return false }
        return true
    }

    /// ``isPlainlyText(utf8:)`` when the offset of the text's first byte ``isAllowed(_:)``
    /// refuses is known already (nil: there is none), as reading a JSONL line finds it.
    static func isPlainlyText(utf8: UnsafeBufferPointer<UInt8>, firstControl: Int?) -> Bool {
        for signature in binarySignatures where utf8.starts(with: signature) { return false }
        if let firstControl, firstControl < 8192 { return false }
        let sample = UnsafeBufferPointer(rebasing: utf8.prefix(8192))
        return sample.contains(where: { ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 })
    }

    /// Word-at-a-time forms of ``isAllowed(_:)``. Every test works on the low seven bits of each
    /// byte plus at most 0x7F, so no carry crosses into the next byte and each answer is exact.
    enum PlainBytes {
        static let ones: UInt64 = 0x0101_0101_0101_0101
        static let highBits = ones &* 0x80
        static let lowSeven = ones &* 0x7F

        /// The high bit of every byte of `word` that is zero.
        @inline(__always)
        static func zeroBytes(_ word: UInt64) -> UInt64 {
            ~(((word & lowSeven) &+ lowSeven) | word) & highBits
        }

        /// True when ``isAllowed(_:)`` holds for all eight bytes of `word`.
        @inline(__always)
        static func allowed(_ word: UInt64) -> Bool {
            // High bit set where the byte is below 0x20 (bytes from 0x80 keep their own high bit).
            let control = ~(((word & lowSeven) &+ ones &* 0x60) | word) & highBits
            let delete = zeroBytes(word ^ lowSeven)
            if control | delete == 0 { return true }
            let permitted = zeroBytes(word ^ (ones &* 0x09)) | zeroBytes(word ^ (ones &* 0x0A))
                | zeroBytes(word ^ (ones &* 0x0C)) | zeroBytes(word ^ (ones &* 0x0D))
            return (control & ~permitted) | delete == 0
        }
    }

    /// Not a control byte other than tab, line feed, form feed and carriage return, and not DEL.
    @inline(__always)
    private static func isAllowed(_ byte: UInt8) -> Bool {
        if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        return byte != 0x7F
    }

    /// ``isPlainlyText(_:)`` a byte at a time. For tests.
    static func referenceIsPlainlyText(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        for signature in binarySignatures where utf8.starts(with: signature) { return false }
        let sample = utf8.prefix(8192)
        guard sample.contains(where: { ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 }) else { return false }
        return sample.allSatisfy(isAllowed)
    }
}

/// Sketchers lent to the signing workers a batch at a time and given back after it, so that a
/// sketcher's buffers and scalar cache (normal forms of non-ASCII scalars, computed through
/// Foundation) live across batches instead of starting empty in every batch.
private final class SketcherPool<Worker>: @unchecked Sendable {
    private let lock = NSLock()
    private let prototype: Worker
    private var idle: [Worker] = []

    init(_ prototype: Worker) {
        self.prototype = prototype
    }

    /// An idle sketcher, or a fresh copy of the prototype when every one is lent.
    func take() -> Worker {
        lock.withLock { idle.popLast() } ?? prototype
    }

    func giveBack(_ sketcher: Worker) {
        lock.withLock { idle.append(sketcher) }
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
