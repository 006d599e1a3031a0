import Foundation
import Testing
import WiretraceCore
import WiretraceExtract
@testable import WiretracePipeline

/// The `boilerplate:` section of a pipeline file.
@Suite struct BoilerplateConfigurationTests {
    @Test func theDefaultFileMatchesTheBuiltInDefaults() throws {
        let path = PipelineConfigurationTests.root.appendingPathComponent("pipelines/default.yml").path
        #expect(try PipelineConfiguration.load(path: path).boilerplate == BoilerplateConfiguration())
    }

    @Test func keysApply() throws {
        let configuration = try PipelineConfiguration.parse(
            "boilerplate:\n  enabled: false\n  min_documents: 3\n  min_share: 0.5\n  max_tracked_paragraphs: 5000\n", origin: "t.yml")
        #expect(configuration.boilerplate.enabled == false)
        #expect(configuration.boilerplate.minimumDocuments == 3)
        #expect(configuration.boilerplate.minimumShare == 0.5)
        #expect(configuration.boilerplate.maximumTrackedParagraphs == 5000)
        #expect(configuration.summaryJSON.contains("\"boilerplate\":{\"enabled\":false,\"min_documents\":3,\"min_share\":0.5}"))
    }

    @Test(arguments: [
        ("boilerplate:\n  min_docs: 3\n", "boilerplate.min_docs"),
        ("boilerplate:\n  min_share: 0\n", "min_share"),
        ("boilerplate:\n  min_share: 1.5\n", "min_share"),
        ("boilerplate:\n  min_documents: 1\n", "min_documents"),
        ("boilerplate:\n  enabled: maybe\n", "true or false"),
    ])
    func badValuesNameTheKey(text: String, expected: String) {
        do {
            _ = try PipelineConfiguration.parse(text, origin: "bad.yml")
            Issue.record("accepted: \(text)")
        } catch let error as WiretraceError {
            #expect("\(error)".contains(expected), "\(error)")
            #expect("\(error)".contains("bad.yml"), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
