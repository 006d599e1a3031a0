import ArgumentParser
import Foundation
import WiretraceCore
import WiretracePipeline
import WiretraceReport
import WiretraceStore

@main
struct Wiretrace: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wiretrace",
        abstract: "Group wire copies and rewrites of the same story across outlets, and record which outlet said what.",
        discussion: """
            Inputs are files or directories of .html/.htm(.gz), .txt scrapes, .jsonl(.gz) and .warc(.gz).
            Bad documents are reported on stderr with their file and record, counted, and skipped.
            """,
        version: "0.1.0",
        subcommands: [
            Run.self, Extract.self, Dedup.self, Sign.self, Import.self, Export.self, Report.self, Eval.self, Serve.self,
            TrainQuotes.self,
        ])

    /// ArgumentParser's main, with Wiretrace's errors mapped to exit codes (sysexits): usage 64,
    /// a file that is not a Wiretrace database 65, a database whose last run did not finish 75
    /// (run it again), anything else 1.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as WiretraceError {
            Standard.error("Error: \(error.description)")
            switch error.code {
            case .usage, .configuration: exit(withError: ExitCode(64))
            case .notAStore: exit(withError: ExitCode(65))
            case .incompleteRun: exit(withError: ExitCode(75))
            default: exit(withError: ExitCode.failure)
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// Options shared by the commands that read inputs.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files or directories to read.")
    var inputs: [String] = []

    @Option(name: .long, help: "A pipeline file (YAML); defaults to the built-in parameters of pipelines/default.yml.")
    var config: String?

    @Flag(inversion: .prefixedNo, help: "Show progress on stderr (default: only when stderr is a terminal).")
    var progress: Bool?

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one INPUT file or directory") }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("no such file or directory: \(input)")
        }
    }

    func pipelineConfiguration() throws -> PipelineConfiguration { try loadPipelineConfiguration(config) }

    var progressReporter: ProgressMeter { ProgressMeter(enabled: progress ?? ProgressMeter.stderrIsTerminal) }
}

/// The pipeline file at `path`, or the built-in parameters; a file that does not parse is a usage error.
func loadPipelineConfiguration(_ path: String?) throws -> PipelineConfiguration {
    do {
        return try path.map { try PipelineConfiguration.load(path: $0) } ?? PipelineConfiguration()
    } catch let error as WiretraceError {
        throw ValidationError("bad pipeline configuration: \(error)")
    }
}

/// Prints a rejected document on stderr: what, where, why. Never the article text. File names,
/// ids and messages come from the input, so they are made inert for the terminal.
func printRejection(_ rejection: Rejection) {
    Standard.error("wiretrace: skipped \(rejection.location.description): \(rejection.reason.rawValue): \(rejection.message)")
}

/// The most items a listing option (`--limit`, `--worst`) takes.
let maximumListLength = 1_000_000

/// Refuses an integer option outside `range` (exit 64), naming the option.
func checkRange(_ option: String, _ value: Int, _ range: ClosedRange<Int>) throws {
    guard range.contains(value) else {
        throw ValidationError("\(option) must be in \(range.lowerBound)...\(range.upperBound), got \(value)")
    }
}

/// Refuses a number option that is not finite or outside `range` (exit 64), naming the option.
func checkRange(_ option: String, _ value: Double, _ range: ClosedRange<Double>, excludingLower: Bool = false) throws {
    guard value.isFinite, range.contains(value), !(excludingLower && value == range.lowerBound) else {
        let interval = "\(excludingLower ? "(" : "[")\(range.lowerBound), \(range.upperBound)]"
        throw ValidationError("\(option) must be in \(interval), got \(value)")
    }
}

enum Standard {
    /// One line on stderr; what the line interpolates from outside is made inert (``TerminalText``).
    static func error(_ line: TerminalText) {
        FileHandle.standardError.write(Data((line.rendered + "\n").utf8))
    }

    /// Writes lines to a file or stdout.
    static func write(_ lines: [String], to path: String?) throws {
        var text = lines.joined(separator: "\n")
        if !lines.isEmpty { text += "\n" }
        if let path {
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw WiretraceError(.io, "cannot write output", location: path, cause: error.localizedDescription)
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// Opens an existing database read-only (never creates, migrates or writes it) whose newest run
/// finished: exports and reports of a run that did not finish would not cover its documents.
func openExistingStore(_ path: String) throws -> WiretraceStore {
    guard FileManager.default.fileExists(atPath: path) else {
        throw ValidationError("no database at \(path) (create one with `wiretrace run --db \(path) INPUT...`)")
    }
    let store = try WiretraceStore(path: path, access: .readOnly)
    try store.requireFinishedRun()
    return store
}
