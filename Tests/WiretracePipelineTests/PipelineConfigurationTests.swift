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
        #expect(loaded.batchSize == builtIn.batchSize)
        #expect(loaded.workers == builtIn.workers)
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
        ("ingest:\n  max_dom_depth: 1000\n", "ingest.max_dom_depth' must be ≤ 256"),
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
