import Foundation
import WiretraceCore
import WiretraceDedup
import WiretraceExtract
import WiretraceIngest
import WiretraceReport

/// `wiretrace sign`: the per-document half of ``DedupRun``, for executors that do the barrier
/// half elsewhere (the Spark job in `pipelines/spark/`).
///
/// Each document becomes one JSON line (``SignedDocument/json``): its id and metadata, its LSH
/// band keys as 16-digit hex strings, and its exact shingle set (sorted, unique 64-bit hashes,
/// packed little-endian and base64-encoded). Band keys and shingle hashes come from the same
/// ``DedupSketcher`` on the same text as `wiretrace dedup` uses, with the seeded stable hashes
/// of the dedup module (never Swift's `Hasher`), so two machines give the same line for the same
/// document, and LSH plus exact verification over these lines finds `wiretrace dedup`'s pairs.
///
/// The shingle set (not the text) is what verification needs: with it, Jaccard and containment
/// are a set intersection away, in any language, with no tokeniser to re-implement.
public struct SignRun {
    public var configuration: PipelineConfiguration
    /// Also emit the extracted article (the `wiretrace extract` object) under `"article"`, for
    /// `wiretrace import`. The text signed is then always the extractor's, which for a JSONL
    /// `text` that is plainly text is the same text dedup's fast path signs.
    public var includeArticle: Bool
    /// Documents per batch handed to a worker.
    public var batchSize = 256

    public init(configuration: PipelineConfiguration, includeArticle: Bool = false) {
        self.configuration = configuration
        self.includeArticle = includeArticle
    }

    /// The parameters a consumer of the lines needs to verify and band exactly as dedup does
    /// (`wiretrace sign --parameters`).
    public var parameters: JSONValue {
        let dedup = configuration.dedup
        let banding = DuplicateFinder(configuration: dedup).banding
        return .object([
            // Thresholds as Swift's shortest round-trip text: a JSON number would be rounded.
            ("threshold", .string(String(dedup.threshold))), ("containment_threshold", .string(String(dedup.containmentThreshold))),
            ("minimum_shingles", .int(dedup.minimumShingles)), ("shingle_size", .int(dedup.shingleSize)),
            ("permutations", .int(dedup.permutations)), ("seed", .string(String(dedup.seed, radix: 16))),
            ("bands", .int(banding.bands)), ("rows", .int(banding.rows)),
        ])
    }

    /// Signs every document of the inputs in input order, handing each line to `onLine` on the
    /// calling thread; returns the number of documents signed.
    ///
    /// - Complexity: O(n + s log s) per document of n UTF-8 bytes and s shingles.
    @discardableResult
    public func run(inputs: [String], onLine: (String) throws -> Void, onRejection: (Rejection) -> Void) throws -> Int {
        let dedup = configuration.dedup
        let finder = DuplicateFinder(configuration: dedup)
        let workers = configuration.workers > 0 ? configuration.workers : ProcessInfo.processInfo.activeProcessorCount
        let sketcher = DedupSketcher(configuration: dedup, banding: finder.banding)
        let extractor = ArticleExtractor()
        let includeArticle = self.includeArticle
        let reader = DocumentReader(inputs: inputs, configuration: configuration.ingest)
        var signed = 0
        try ParallelIngest(reader: reader, workers: workers, batchSize: batchSize, batchBytes: configuration.batchBytes).run(
            process: { documents in
                var sketcher = sketcher
                return documents.map { raw in
                    Self.sign(raw, sketcher: &sketcher, extractor: extractor, includeArticle: includeArticle)
                        .map { $0.json.serialized() }
                }
            },
            onDocument: { _, signedLine in
                switch signedLine {
                case .success(let line):
                    signed += 1
                    try onLine(line)
                case .failure(let rejection):
                    onRejection(rejection)
                }
            },
            onRejection: onRejection)
        return signed
    }

    /// One document signed: the text is ``DedupRun``'s (see ``DedupRun/text(of:extractor:)``),
    /// or the extractor's when the article is wanted too.
    static func sign(
        _ raw: RawDocument, sketcher: inout DedupSketcher, extractor: ArticleExtractor, includeArticle: Bool
    ) -> Swift.Result<SignedDocument, Rejection> {
        let article: Article?
        let text: String
        if !includeArticle, case .verbatimText(let verbatim) = raw.payload, DedupRun.isPlainlyText(verbatim) {
            article = nil
            text = verbatim
        } else {
            switch extractor.extract(raw) {
            case .failure(let rejection): return .failure(rejection)
            case .success(let extracted):
                article = extracted
                text = extracted.text
            }
        }
        let (keys, hashes) = sketcher.sketch(text)
        return .success(SignedDocument(
            id: raw.id, url: article?.url ?? raw.url, outlet: article?.outlet ?? raw.outlet,
            title: article?.title ?? raw.title, published: article?.published ?? raw.published ?? raw.fetched,
            bandKeys: keys ?? [], shingles: DedupSketcher.shingleSet(sortingHashes: hashes),
            article: includeArticle ? article : nil))
    }
}

/// One line of `wiretrace sign`.
public struct SignedDocument: Sendable, Equatable {
    public var id: String
    public var url: String?
    public var outlet: String?
    public var title: String?
    public var published: String?
    /// The LSH band keys, in band order; empty for a text without shingles (never a candidate).
    public var bandKeys: [UInt64]
    /// The exact shingle set: sorted ascending, unique.
    public var shingles: [UInt64]
    public var article: Article?

    /// `{"id", "url", "outlet", "title", "published", "keys": [16 hex digits per band],
    /// "shingle_count", "shingles": base64 of the set packed as little-endian UInt64s
    /// [, "article": the extract object]}`.
    public var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(id)), ("url", .optional(url)), ("outlet", .optional(outlet)), ("title", .optional(title)),
            ("published", .optional(published)), ("keys", .array(bandKeys.map { .string(Self.hex($0)) })),
            ("shingle_count", .int(shingles.count)), ("shingles", .string(Self.pack(shingles))),
        ]
        if let article { fields.append(("article", Exporter.articleJSON(article))) }
        return .object(fields)
    }

    /// 16 lower-case hex digits, zero-padded.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Base64 of the values as little-endian 8-byte words.
    static func pack(_ values: [UInt64]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 8)
        for value in values {
            for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
        return Data(bytes).base64EncodedString()
    }

    /// The inverse of ``pack(_:)``; nil when the text is not base64 of whole 8-byte words.
    public static func unpack(_ text: String) -> [UInt64]? {
        guard let data = Data(base64Encoded: text), data.count % 8 == 0 else { return nil }
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count, by: 8).map { start in
            (0..<8).reduce(UInt64(0)) { value, index in value | UInt64(bytes[start + index]) << UInt64(index * 8) }
        }
    }
}
