import ArgumentParser
import WiretraceCore
import WiretracePipeline
import WiretraceReport

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract article text and metadata only: one JSON object per document.",
        discussion: """
            Each object: {"id", "source", "url", "outlet", "title", "published", "byline", "dateline",
            "credits": [{"agency", "text"}], "text"}, text paragraphs joined by blank lines.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl
    }

    @Option(name: .long, help: "jsonl: one object per line (default); json: one pretty JSON array.")
    var format: Format = .jsonl

    @OptionGroup var options: InputOptions

    func run() throws {
        let configuration = try options.pipelineConfiguration()
        var first = true
        if format == .json { print("[") }
        var rejected = RejectCounts()
        let total = try ExtractionRun(configuration: configuration).run(inputs: options.inputs) { article in
            let line = Exporter.articleJSON(article).serialized()
            switch format {
            case .jsonl: print(line)
            case .json:
                print((first ? "  " : ", ") + line)
                first = false
            }
        } onRejection: { rejection in
            rejected.add(rejection.reason)
            printRejection(rejection)
        }
        if format == .json { print("]") }
        if rejected.total > 0 {
            let reasons = rejected.sorted.map { "\($0.reason.rawValue) \($0.count)" }.joined(separator: ", ")
            Standard.error("wiretrace: extracted \(total) documents, rejected \(rejected.total) (\(reasons))")
        }
    }
}
