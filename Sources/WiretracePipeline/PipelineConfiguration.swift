import Foundation
import WiretraceCluster
import WiretraceCore
import WiretraceDedup
import WiretraceExtract
import WiretraceIngest
import Yams

/// Every parameter of a run, as `pipelines/*.yml` spells them. Unknown keys and bad values are
/// errors that name the key and the file: a typo must not silently fall back to a default.
public struct PipelineConfiguration: Sendable {
    var ingest = IngestConfiguration()
    /// Extraction settings; its DOM depth cap is set in the `ingest:` section with the other caps.
    var extraction = ExtractionConfiguration()
    public var dedup = DedupConfiguration()
    var story = StoryConfiguration()
    /// Outlet boilerplate learned from the dump and removed before shingling.
    var boilerplate = BoilerplateConfiguration()
    /// Documents extracted and stored per transaction.
    var batchSize = 256
    /// Bytes of input held per batch: a batch is cut at `batchSize` documents or once its
    /// documents hold this many bytes, whichever comes first, so that a batch of large pages
    /// is not held (and extracted, several pages at once) all together.
    var batchBytes = 64 << 20
    /// Worker threads for extraction and signing (0: one per core).
    var workers = 0
    /// Report attributions without a verb of saying too (beliefs, expectations, stances, findings,
    /// as PolNeAR annotates them); false keeps only speech, as news quote sets that annotate speech
    /// alone count it (`quotes.non_speech_reports`, ``QuoteExtractorOptions/nonSpeechReports``).
    var nonSpeechReports = true

    /// The largest byte count a setting takes (1 TiB): far above any real cap, far below
    /// where arithmetic on it could overflow.
    static let byteLimit = 1 << 40
    /// The largest document or paragraph count a setting takes.
    static let countLimit = 1 << 32
    static let maximumBatchSize = 1 << 20
    static let maximumWorkers = 1024
    /// Where the configuration came from ("built-in defaults" or a path).
    var origin = "built-in defaults"

    public init() {}

    /// Reads a pipeline file. Missing keys keep their defaults.
    public static func load(path: String) throws -> PipelineConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw WiretraceError(.configuration, "cannot read pipeline file", location: path, cause: "\(error.localizedDescription)")
        }
        return try parse(text, origin: path)
    }

    static func parse(_ text: String, origin: String) throws -> PipelineConfiguration {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw WiretraceError(.configuration, "not valid YAML", location: origin, cause: "\(error)")
        }
        var configuration = PipelineConfiguration()
        configuration.origin = origin
        guard let loaded else { return configuration }
        guard let root = loaded as? [String: Any] else {
            throw WiretraceError(.configuration, "the top level must be a mapping of sections (ingest, dedup, story, quotes, run)", location: origin)
        }
        var reader = KeyReader(origin: origin)
        for (section, value) in root {
            guard let fields = value as? [String: Any] else {
                throw WiretraceError(.configuration, "section '\(section)' must be a mapping", location: origin)
            }
            reader.section = section
            switch section {
            case "ingest":
                for (key, value) in fields {
                    switch key {
                    case "max_document_bytes": configuration.ingest.maxDocumentBytes = try reader.int(key, value, in: 1024...Self.byteLimit)
                    case "max_line_bytes": configuration.ingest.maxLineBytes = try reader.int(key, value, in: 1024...Self.byteLimit)
                    case "max_header_line_bytes":
                        configuration.ingest.maxHeaderLineBytes = try reader.int(key, value, in: 256...(1 << 30))
                    case "max_decompressed_bytes":
                        configuration.ingest.maxDecompressedBytes = try reader.int(key, value, in: 1024...Self.byteLimit)
                    case "max_compression_ratio":
                        configuration.ingest.maxCompressionRatio = try reader.int(key, value, in: 2...(1 << 20))
                    case "ratio_grace_bytes": configuration.ingest.ratioGraceBytes = try reader.int(key, value, in: 0...Self.byteLimit)
                    case "max_dom_depth":
                        configuration.extraction.maximumDOMDepth = try reader.int(key, value, in: 8...256)
                    case "site_name_as_author":
                        configuration.extraction.siteNameAsAuthor = try reader.bool(key, value)
                    default: throw reader.unknown(key)
                    }
                }
            case "boilerplate":
                for (key, value) in fields {
                    switch key {
                    case "enabled": configuration.boilerplate.enabled = try reader.bool(key, value)
                    case "min_documents": configuration.boilerplate.minimumDocuments = try reader.int(key, value, in: 2...Self.countLimit)
                    case "min_share": configuration.boilerplate.minimumShare = try reader.double(key, value, in: 0...1, excludingLower: true)
                    case "max_tracked_paragraphs":
                        configuration.boilerplate.maximumTrackedParagraphs = try reader.int(key, value, in: 1000...Self.countLimit)
                    default: throw reader.unknown(key)
                    }
                }
            case "dedup":
                for (key, value) in fields {
                    switch key {
                    case "shingle_size": configuration.dedup.shingleSize = try reader.int(key, value, in: 1...DedupConfiguration.maximumShingleSize)
                    case "permutations": configuration.dedup.permutations = try reader.int(key, value, in: 1...DedupConfiguration.maximumPermutations)
                    case "threshold": configuration.dedup.threshold = try reader.double(key, value, in: 0...1, excludingLower: true)
                    case "containment_threshold": configuration.dedup.containmentThreshold = try reader.double(key, value, in: 0...1, excludingLower: true)
                    case "minimum_shingles": configuration.dedup.minimumShingles = try reader.int(key, value, in: 1...Self.countLimit)
                    case "seed": configuration.dedup.seed = UInt64(try reader.int(key, value, in: 0...Int.max))
                    case "bands": configuration.dedup.bands = try reader.int(key, value, in: 1...DedupConfiguration.maximumPermutations)
                    case "rows": configuration.dedup.rows = try reader.int(key, value, in: 1...DedupConfiguration.maximumPermutations)
                    default: throw reader.unknown(key)
                    }
                }
            case "story":
                for (key, value) in fields {
                    switch key {
                    case "link_threshold": configuration.story.linkThreshold = try reader.double(key, value, in: 0...1, excludingLower: true)
                    case "time_window_days": configuration.story.timeWindowDays = try reader.double(key, value, in: 0...36_500, excludingLower: true)
                    case "shared_quote_bonus": configuration.story.sharedQuoteBonus = try reader.double(key, value, in: 0...1)
                    case "terms_per_document": configuration.story.termsPerDocument = try reader.int(key, value, in: 10...100_000)
                    case "entity_weight": configuration.story.entityWeight = try reader.double(key, value, in: 0...1000)
                    case "title_weight": configuration.story.titleWeight = try reader.double(key, value, in: 0...1000)
                    case "entity_share": configuration.story.entityShare = try reader.double(key, value, in: 0...1)
                    case "split_threshold": configuration.story.splitThreshold = try reader.double(key, value, in: 0...1)
                    case "cut_threshold": configuration.story.cutThreshold = try reader.double(key, value, in: 0...2)
                    case "cut_minimum_documents": configuration.story.cutMinimumDocuments = try reader.int(key, value, in: 1...Self.countLimit)
                    case "translation_weight": configuration.story.translationWeight = try reader.double(key, value, in: 0...2)
                    case "translation_minimum": configuration.story.translationMinimum = try reader.double(key, value, in: 0...1)
                    case "translation_ratio": configuration.story.translationRatio = try reader.double(key, value, in: 0...1)
                    case "translation_other_share": configuration.story.translationOtherShare = try reader.double(key, value, in: 0...1)
                    case "translation_minimum_shared": configuration.story.translationMinimumShared = try reader.int(key, value, in: 1...1000)
                    case "translation_lexicon_weight": configuration.story.translationLexiconWeight = try reader.double(key, value, in: 0...4)
                    default: throw reader.unknown(key)
                    }
                }
            case "quotes":
                for (key, value) in fields {
                    switch key {
                    case "non_speech_reports": configuration.nonSpeechReports = try reader.bool(key, value)
                    default: throw reader.unknown(key)
                    }
                }
            case "run":
                for (key, value) in fields {
                    switch key {
                    case "batch_size": configuration.batchSize = try reader.int(key, value, in: 1...Self.maximumBatchSize)
                    case "batch_bytes": configuration.batchBytes = try reader.int(key, value, in: (1 << 20)...Self.byteLimit)
                    case "workers": configuration.workers = try reader.int(key, value, in: 0...Self.maximumWorkers)
                    default: throw reader.unknown(key)
                    }
                }
            default:
                throw WiretraceError(
                    .configuration, "unknown section '\(section)' (expected ingest, boilerplate, dedup, story, quotes, run)", location: origin)
            }
        }
        try configuration.validate()
        return configuration
    }

    /// Checks every parameter's range; the error names the parameter and the file.
    func validate() throws {
        do {
            guard (1...Self.maximumBatchSize).contains(batchSize) else {
                throw WiretraceError(.configuration, "'run.batch_size' must be in 1...\(Self.maximumBatchSize), got \(batchSize)")
            }
            guard ((1 << 20)...Self.byteLimit).contains(batchBytes) else {
                throw WiretraceError(.configuration, "'run.batch_bytes' must be in \(1 << 20)...\(Self.byteLimit), got \(batchBytes)")
            }
            guard (0...Self.maximumWorkers).contains(workers) else {
                throw WiretraceError(.configuration, "'run.workers' must be in 0...\(Self.maximumWorkers), got \(workers)")
            }
            try boilerplate.validate()
            try dedup.validate()
            try story.validate()
        } catch var error as WiretraceError {
            error.location = error.location ?? origin
            throw error
        }
    }

    /// The parameters as stored with each run (sorted keys, stable).
    var summaryJSON: String {
        var fields: [String] = []
        fields.append("\"boilerplate\":{\"enabled\":\(boilerplate.enabled),\"min_documents\":\(boilerplate.minimumDocuments),"
            + "\"min_share\":\(boilerplate.minimumShare)}")
        fields.append("\"dedup\":{\"shingle_size\":\(dedup.shingleSize),\"permutations\":\(dedup.permutations),"
            + "\"threshold\":\(dedup.threshold),\"containment_threshold\":\(dedup.containmentThreshold),"
            + "\"minimum_shingles\":\(dedup.minimumShingles),\"seed\":\(dedup.seed)}")
        // Only when switched from its default, so that the parameters of every run with the defaults stay as they were.
        if extraction.siteNameAsAuthor { fields.append("\"extraction\":{\"site_name_as_author\":true}") }
        // Only when switched off, so that the parameters of every run with the defaults stay as they were.
        if !nonSpeechReports { fields.append("\"quotes\":{\"non_speech_reports\":false}") }
        fields.append("\"origin\":\"\(origin.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"")
        fields.append("\"story\":{\"link_threshold\":\(story.linkThreshold),\"time_window_days\":\(story.timeWindowDays),"
            + "\"shared_quote_bonus\":\(story.sharedQuoteBonus),\"terms_per_document\":\(story.termsPerDocument),"
            + "\"entity_weight\":\(story.entityWeight),\"title_weight\":\(story.titleWeight),\"entity_share\":\(story.entityShare),\"split_threshold\":\(story.splitThreshold),"
            + "\"cut_threshold\":\(story.cutThreshold),\"cut_minimum_documents\":\(story.cutMinimumDocuments),"
            + "\"translation_minimum\":\(story.translationMinimum),\"translation_minimum_shared\":\(story.translationMinimumShared),\"translation_other_share\":\(story.translationOtherShare),\"translation_ratio\":\(story.translationRatio),"
            + "\"translation_lexicon_weight\":\(story.translationLexiconWeight),"
            + "\"translation_weight\":\(story.translationWeight)}")
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The key that says which signatures are comparable: one-permutation hashing
    /// (``DedupSketcher``, the signer of `dedup`, `sign` and `run`) with these parameters.
    public var signatureParameters: String {
        "oph;k=\(dedup.shingleSize);p=\(dedup.permutations);seed=\(dedup.seed);tokens=3"
    }

    /// The key that says which stored band keys are valid: the signature and the banding.
    var bandKeyParameters: String {
        let banding = DuplicateFinder(configuration: dedup).banding
        return "\(signatureParameters);bands=\(banding.bands)x\(banding.rows)"
    }
}

/// Reads typed values out of a YAML mapping, with errors naming section, key and file.
struct KeyReader {
    let origin: String
    var section = ""

    func unknown(_ key: String) -> WiretraceError {
        WiretraceError(.configuration, "unknown key '\(section).\(key)'", location: origin)
    }

    /// An integer in `range`; the error names the key, the range and the value.
    func int(_ key: String, _ value: Any, in range: ClosedRange<Int>) throws -> Int {
        guard let number = value as? Int else {
            throw WiretraceError(.configuration, "'\(section).\(key)' must be an integer, got \(value)", location: origin)
        }
        guard range.contains(number) else {
            throw WiretraceError(
                .configuration, "'\(section).\(key)' must be in \(range.lowerBound)...\(range.upperBound), got \(number)",
                location: origin)
        }
        return number
    }

    func bool(_ key: String, _ value: Any) throws -> Bool {
        guard let flag = value as? Bool else {
            throw WiretraceError(.configuration, "'\(section).\(key)' must be true or false, got \(value)", location: origin)
        }
        return flag
    }

    /// A finite number in `range` (above its lower bound when `excludingLower`); the error names
    /// the key, the range and the value. NaN and infinities (`.nan`, `.inf` in YAML) are refused.
    func double(_ key: String, _ value: Any, in range: ClosedRange<Double>, excludingLower: Bool = false) throws -> Double {
        let number: Double
        if let double = value as? Double {
            number = double
        } else if let integer = value as? Int {
            number = Double(integer)
        } else {
            throw WiretraceError(.configuration, "'\(section).\(key)' must be a number, got \(value)", location: origin)
        }
        guard number.isFinite, range.contains(number), !(excludingLower && number == range.lowerBound) else {
            let interval = "\(excludingLower ? "(" : "[")\(range.lowerBound), \(range.upperBound)]"
            throw WiretraceError(.configuration, "'\(section).\(key)' must be in \(interval), got \(value)", location: origin)
        }
        return number
    }
}
