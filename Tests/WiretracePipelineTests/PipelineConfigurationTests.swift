import Foundation
import Testing
import WiretraceCore
@testable import WiretracePipeline

@Suite struct PipelineConfigurationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theDefaultFileMatchesTheBuiltInDefaults() throws {
        let loaded = try PipelineConfiguration.load(path: Self.root.appendingPathComponent("pipelines/default.yml").path)
        let builtIn = PipelineConfiguration()
        #expect(loaded.dedup == builtIn.dedup)
        #expect(loaded.story == builtIn.story)
        #expect(loaded.ingest == builtIn.ingest)
        #expect(loaded.extraction.maximumDOMDepth == builtIn.extraction.maximumDOMDepth)
        #expect(loaded.extraction.siteNameAsAuthor == builtIn.extraction.siteNameAsAuthor)
        #expect(loaded.batchSize == builtIn.batchSize)
        #expect(loaded.batchBytes == builtIn.batchBytes)
        #expect(loaded.workers == builtIn.workers)
        #expect(loaded.nonSpeechReports == builtIn.nonSpeechReports)
    }

    @Test func quotesSectionSwitchesNonSpeechReports() throws {
        let configuration = try PipelineConfiguration.parse("quotes:\n  non_speech_reports: false\n", origin: "t.yml")
        #expect(!configuration.nonSpeechReports)
        #expect(configuration.summaryJSON.contains("\"quotes\":{\"non_speech_reports\":false}"))
        #expect(PipelineConfiguration().nonSpeechReports)
        #expect(!PipelineConfiguration().summaryJSON.contains("quotes"))
        #expect(throws: WiretraceError.self) { try PipelineConfiguration.parse("quotes:\n  speech_only: true\n", origin: "t.yml") }
        // The processor's extractor drops a stance's object only with the switch off.
        let page = Article(id: "t", source: "t", outlet: nil, text: "The Harbour Workers Union welcomed the decision.", language: "en")
        #expect(DocumentProcessor(configuration: PipelineConfiguration()).quoteExtractor.quotes(in: page).contains { $0.text == "the decision" })
        #expect(!DocumentProcessor(configuration: configuration).quoteExtractor.quotes(in: page).contains { $0.text == "the decision" })
    }

    @Test func theSpeechOnlyFileSwitchesOnlyNonSpeechReports() throws {
        let loaded = try PipelineConfiguration.load(path: Self.root.appendingPathComponent("pipelines/speech-only.yml").path)
        let builtIn = PipelineConfiguration()
        #expect(!loaded.nonSpeechReports)
        #expect(loaded.dedup == builtIn.dedup)
        #expect(loaded.story == builtIn.story)
        #expect(loaded.ingest == builtIn.ingest)
    }

    @Test func missingKeysKeepDefaultsAndGivenOnesApply() throws {
        let configuration = try PipelineConfiguration.parse("dedup:\n  threshold: 0.7\nstory:\n  time_window_days: 3\n", origin: "t.yml")
        #expect(configuration.dedup.threshold == 0.7)
        #expect(configuration.dedup.permutations == 128)
        #expect(configuration.story.timeWindowDays == 3)
        let cut = try PipelineConfiguration.parse("story:\n  cut_threshold: 0.5\n  cut_minimum_documents: 4\n", origin: "t.yml")
        #expect(cut.story.cutThreshold == 0.5)
        #expect(cut.story.cutMinimumDocuments == 4)
        #expect(cut.story.splitThreshold == PipelineConfiguration().story.splitThreshold)
    }

    @Test func ingestSectionSwitchesSiteNameAsAuthor() throws {
        let configuration = try PipelineConfiguration.parse("ingest:\n  site_name_as_author: true\n", origin: "t.yml")
        #expect(configuration.extraction.siteNameAsAuthor)
        #expect(configuration.summaryJSON.contains("\"extraction\":{\"site_name_as_author\":true}"))
        #expect(!PipelineConfiguration().extraction.siteNameAsAuthor)
        #expect(!PipelineConfiguration().summaryJSON.contains("extraction"))
        #expect(throws: WiretraceError.self) { try PipelineConfiguration.parse("ingest:\n  site_name_as_author: 3\n", origin: "t.yml") }
    }

    @Test func ingestCapsAreReadFromTheIngestSection() throws {
        let configuration = try PipelineConfiguration.parse("""
            ingest:
              max_line_bytes: 4096
              max_header_line_bytes: 512
              max_decompressed_bytes: 1048576
              max_compression_ratio: 20
              ratio_grace_bytes: 0
              max_dom_depth: 64
            """, origin: "caps.yml")
        #expect(configuration.ingest.maxLineBytes == 4096)
        #expect(configuration.ingest.maxHeaderLineBytes == 512)
        #expect(configuration.ingest.maxDecompressedBytes == 1 << 20)
        #expect(configuration.ingest.maxCompressionRatio == 20)
        #expect(configuration.ingest.ratioGraceBytes == 0)
        #expect(configuration.extraction.maximumDOMDepth == 64)
        #expect(!configuration.extraction.siteNameAsAuthor)
        #expect(configuration.ingest.maxDocumentBytes == PipelineConfiguration().ingest.maxDocumentBytes)
    }

    @Test(arguments: [
        ("dedup:\n  treshold: 0.5\n", "dedup.treshold"),
        ("dedupe:\n  threshold: 0.5\n", "dedupe"),
        ("dedup:\n  threshold: high\n", "must be a number"),
        ("dedup:\n  permutations: 0\n", "dedup.permutations"),
        ("story:\n  link_threshold: 1.5\n", "link_threshold"),
        ("story:\n  cut_threshold: 2.5\n", "story.cut_threshold"),
        ("story:\n  cut_minimum_documents: 0\n", "cut_minimum_documents"),
        ("- just\n- a list\n", "mapping"),
        ("ingest:\n  max_dom_depth: 1000\n", "ingest.max_dom_depth' must be in 8...256"),
        ("ingest:\n  max_line_bytes: 10\n", "ingest.max_line_bytes"),
        ("ingest:\n  max_compression_ratio: 1\n", "ingest.max_compression_ratio"),
        ("dedup: [1, 2\n", "YAML"),
    ])
    func badFilesNameTheProblem(text: String, expected: String) {
        do {
            _ = try PipelineConfiguration.parse(text, origin: "bad.yml")
            Issue.record("accepted: \(text)")
        } catch let error as WiretraceError {
            #expect(error.description.contains(expected), "\(error)")
            #expect(error.description.contains("bad.yml"), "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// Every integer key of a pipeline file, by section.
    static let integerKeys: [(section: String, key: String)] = [
        ("ingest", "max_document_bytes"), ("ingest", "max_line_bytes"), ("ingest", "max_header_line_bytes"),
        ("ingest", "max_decompressed_bytes"), ("ingest", "max_compression_ratio"), ("ingest", "ratio_grace_bytes"),
        ("ingest", "max_dom_depth"), ("boilerplate", "min_documents"), ("boilerplate", "max_tracked_paragraphs"),
        ("dedup", "shingle_size"), ("dedup", "permutations"), ("dedup", "minimum_shingles"), ("dedup", "bands"),
        ("dedup", "rows"), ("story", "terms_per_document"), ("story", "cut_minimum_documents"),
        ("run", "batch_size"), ("run", "batch_bytes"), ("run", "workers"),
    ]

    /// Every number key that takes a fraction or a weight.
    static let numberKeys: [(section: String, key: String)] = [
        ("boilerplate", "min_share"), ("dedup", "threshold"), ("dedup", "containment_threshold"),
        ("story", "link_threshold"), ("story", "time_window_days"), ("story", "shared_quote_bonus"),
        ("story", "entity_weight"), ("story", "title_weight"), ("story", "entity_share"),
        ("story", "split_threshold"), ("story", "cut_threshold"),
    ]

    /// The values that crashed or hung a run when a key had no upper bound (`workers:
    /// 9223372036854775807` trapped on `workers * 4`), and the negative ones.
    @Test(arguments: ["9223372036854775807", "-9223372036854775808", "4294967296000", "-1"])
    func everyIntegerKeyIsRangeChecked(value: String) {
        for (section, key) in Self.integerKeys {
            // bands alone is refused for want of rows: give both, so the range is what fails.
            let extra = key == "bands" ? "  rows: 1\n" : key == "rows" ? "  bands: 1\n" : ""
            let text = "\(section):\n  \(key): \(value)\n" + extra
            do {
                _ = try PipelineConfiguration.parse(text, origin: "range.yml")
                Issue.record("accepted \(section).\(key): \(value)")
            } catch let error as WiretraceError {
                #expect(error.description.contains("\(section).\(key)"), "\(error)")
                #expect(error.description.contains("range.yml"), "\(error)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test(arguments: [".nan", ".inf", "-.inf", "1e308", "-1e308"])
    func everyNumberKeyRefusesNonFiniteAndHugeValues(value: String) {
        for (section, key) in Self.numberKeys {
            do {
                _ = try PipelineConfiguration.parse("\(section):\n  \(key): \(value)\n", origin: "range.yml")
                Issue.record("accepted \(section).\(key): \(value)")
            } catch let error as WiretraceError {
                #expect(error.description.contains("\(section).\(key)"), "\(error)")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func valuesInsideTheRangesAreAccepted() throws {
        let configuration = try PipelineConfiguration.parse(
            "run:\n  workers: 1024\n  batch_size: 1\n  batch_bytes: 1048576\nstory:\n  time_window_days: 0.5\n", origin: "ok.yml")
        #expect(configuration.workers == 1024)
        #expect(configuration.batchSize == 1)
        #expect(configuration.batchBytes == 1 << 20)
        #expect(configuration.story.timeWindowDays == 0.5)
    }

    @Test func contentHashChangesWithTextAndParameters() {
        let article = Article(id: "a", source: "f", title: "T", text: "Some text here.")
        var edited = article
        edited.text += " More."
        let hash = DocumentProcessor.contentHash(article, parameters: "k=5")
        #expect(hash == DocumentProcessor.contentHash(article, parameters: "k=5"))
        #expect(hash != DocumentProcessor.contentHash(edited, parameters: "k=5"))
        #expect(hash != DocumentProcessor.contentHash(article, parameters: "k=4"))
    }
}
