import ArgumentParser
import Foundation
import WiretraceCore
import WiretracePipeline

struct Sign: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sign documents for a distributed dedup: one JSONL line per document, no grouping.",
        discussion: """
            Each line: {"id", "url", "outlet", "title", "published", "keys": [LSH band keys, 16 hex \
            digits each], "shingle_count", "shingles": base64 of the sorted unique 64-bit shingle \
            hashes, little-endian} (+ "article", the extract object, with --article). Keys and \
            shingles are those `wiretrace dedup` computes, the same on every machine. With no INPUT, \
            reads JSONL from standard input (`-`; `-.warc`, `-.warc.gz`, `-.jsonl.gz` name other \
            formats; `-:NAME` reads it as the file NAME, ids included; put these after `--`). Used \
            by pipelines/spark/.
            """)

    @Option(name: .long, help: "Jaccard threshold for near-duplicates (default 0.5, or the pipeline file's).")
    var threshold: Double?

    @Flag(name: .long, help: "Also emit the extracted article (for `wiretrace import`).")
    var article = false

    @Flag(name: .long, help: "Print the parameters a consumer verifies with (thresholds, banding) as one JSON line, and exit.")
    var parameters = false

    @Option(name: .long, help: "A pipeline file (YAML); defaults to the built-in parameters of pipelines/default.yml.")
    var config: String?

    @Argument(help: "Files or directories to read; `-` (the default) is standard input as JSONL, `-:NAME` as the file NAME.")
    var inputs: [String] = []

    func validate() throws {
        if let threshold { try checkRange("--threshold", threshold, 0...1, excludingLower: true) }
        for input in inputs where !(input == "-" || input.hasPrefix("-.") || input.hasPrefix("-:"))
            && !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("no such file or directory: \(input)")
        }
    }

    func run() throws {
        var configuration = try loadPipelineConfiguration(config)
        if let threshold { configuration.dedup.threshold = threshold }
        let signer = SignRun(configuration: configuration, includeArticle: article)
        if parameters {
            print(signer.parameters.serialized())
            return
        }
        var output = Data()
        func flush() {
            FileHandle.standardOutput.write(output)
            output.removeAll(keepingCapacity: true)
        }
        try signer.run(inputs: inputs.isEmpty ? ["-"] : inputs) { line in
            output.append(contentsOf: line.utf8)
            output.append(0x0A)
            if output.count >= 1 << 20 { flush() }
        } onRejection: { rejection in
            printRejection(rejection)
        }
        flush()
    }
}
