import Foundation
import Testing

/// `kill -9` at several points of a run, then the same command again: the exports equal those of
/// a run that was never interrupted. The crash points are the test-only hook
/// `WIRETRACE_TEST_KILL_AT=<stage>[:<n>]` (see `Sources/WiretracePipeline/CrashPoint.swift`).
@Suite struct CrashRecoveryEndToEndTests {
    /// Small batches, so that a crash during ingest or indexing falls between committed batches.
    static func configuration(in directory: URL) throws -> String {
        let path = directory.appendingPathComponent("small-batches.yml").path
        try "run:\n  batch_size: 4\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs the executable with `environment` added; returns how it ended.
    static func run(_ arguments: [String], environment: [String: String]) throws -> (status: Int32, signalled: Bool, stderr: String) {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, String(decoding: errData, as: UTF8.self))
    }

    static func exports(_ db: String) throws -> (clusters: [String], duplicates: [String]) {
        let clusters = try CLI.run(["export", "clusters", "--db", db])
        let duplicates = try CLI.run(["export", "duplicates", "--db", db])
        #expect(clusters.status == 0 && duplicates.status == 0, "\(clusters.stderr) \(duplicates.stderr)")
        return (clusters.lines, duplicates.lines)
    }

    @Test func aKilledRunFinishesWithTheSameResultWhenRunAgain() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try Self.configuration(in: directory)
        let input = CLI.fixture("html")
        let command = { (db: String) in ["run", "--db", db, "--config", config, "--quiet-rejects", input] }

        let clean = directory.appendingPathComponent("clean.sqlite").path
        #expect(try Self.run(command(clean), environment: [:]).status == 0)
        let expected = try Self.exports(clean)
        #expect(expected.clusters.count == 9 && !expected.duplicates.isEmpty)

        // During ingest (after 2 of 4 batches), with the band index loaded (band keys are
        // written at ingest), after clustering, and inside the final transaction.
        for killAt in ["ingest:2", "lsh", "cluster", "commit"] {
            let crashed = directory.appendingPathComponent("crashed-\(killAt).sqlite").path
            let killed = try Self.run(command(crashed), environment: ["WIRETRACE_TEST_KILL_AT": killAt])
            #expect(killed.signalled && killed.status == SIGKILL, "not killed at \(killAt): status \(killed.status) \(killed.stderr)")
            let again = try Self.run(command(crashed), environment: [:])
            #expect(again.status == 0, "re-run after a kill at \(killAt) failed: \(again.stderr)")
            let result = try Self.exports(crashed)
            #expect(result.clusters == expected.clusters, "after a kill at \(killAt)")
            #expect(result.duplicates == expected.duplicates, "after a kill at \(killAt)")
        }
    }

    /// A crash in the second of two daily runs: the re-run of that day gives what two
    /// uninterrupted daily runs give, story ids included.
    @Test func aKilledIncrementalRunFinishesLikeAnUninterruptedOne() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = try Self.configuration(in: directory)
        let lines = try String(contentsOfFile: CLI.fixture("jsonl/seed-story-text.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let day1 = directory.appendingPathComponent("day1.jsonl").path
        let day2 = directory.appendingPathComponent("day2.jsonl").path
        try (lines[..<(lines.count / 2)].joined(separator: "\n") + "\n").write(toFile: day1, atomically: true, encoding: .utf8)
        try (lines[(lines.count / 2)...].joined(separator: "\n") + "\n").write(toFile: day2, atomically: true, encoding: .utf8)

        func twoDays(_ db: String, killSecondAt: String?) throws {
            #expect(try Self.run(["run", "--db", db, "--config", config, day1], environment: [:]).status == 0)
            if let killSecondAt {
                let killed = try Self.run(["run", "--db", db, "--config", config, day2], environment: ["WIRETRACE_TEST_KILL_AT": killSecondAt])
                #expect(killed.signalled, "not killed at \(killSecondAt)")
            }
            #expect(try Self.run(["run", "--db", db, "--config", config, day2], environment: [:]).status == 0)
        }
        let clean = directory.appendingPathComponent("clean.sqlite").path
        try twoDays(clean, killSecondAt: nil)
        for stage in ["lsh"] {
            let crashed = directory.appendingPathComponent("crashed-\(stage).sqlite").path
            try twoDays(crashed, killSecondAt: stage)
            let (expected, result) = (try Self.exports(clean), try Self.exports(crashed))
            #expect(result.clusters == expected.clusters, "after a crash at \(stage)")
            #expect(result.duplicates == expected.duplicates, "after a crash at \(stage)")
        }
    }
}
