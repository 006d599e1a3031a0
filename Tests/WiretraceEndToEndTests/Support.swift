import Foundation
import Testing

/// Runs the built `wiretrace` executable, as a user would.
enum CLI {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `$WIRETRACE_EXECUTABLE` when set (to run these tests against a release build), else the
    /// `wiretrace` built beside this test binary (whatever `--scratch-path` the build used),
    /// else `.build/debug/wiretrace`.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["WIRETRACE_EXECUTABLE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let testBinary = URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).resolvingSymlinksInPath()
        for directory in [testBinary.deletingLastPathComponent(), testBinary.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("wiretrace")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/wiretrace")
    }

    static func fixture(_ path: String) -> String { root.appendingPathComponent("fixtures/\(path)").path }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    /// Runs the executable; one still running after `timeout` seconds is terminated (its status
    /// is then a signal's), so a hang fails the test instead of stalling the suite.
    static func run(_ arguments: [String], timeout: Double = 300) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-e2e-\(UUID().uuidString).sqlite").path
    }

    static func remove(_ database: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    }

    static func objects(_ output: Output) throws -> [[String: Any]] {
        try output.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }
}

/// The fixture dump's documents by their role in fixtures/README.md (ids relative to fixtures/html).
enum Seed {
    static let tass = "tass/2021-06-22-myanmar-army-strongest-thanks-to-russia-shoigu-talks.html"
    static let reuters = "reuters/2021-06-22-myanmar-junta-thanks-russia.html"
    static let cna = "cna/2021-06-22-myanmar-junta-thanks-russia.html"
    static let ledger = "straits-ledger/2021-06-22-myanmar-junta-chief-thanks-russia-for-military-support.html"
    static let digest = "mandalay-wire-digest/2021-06-22-junta-chief-thanks-russia.html"
    static let monitor = "irrawaddy-monitor/2021-06-23-min-aung-hlaing-courts-moscow.html"
    static let parade = "reuters/2021-03-27-russian-deputy-minister-attends-myanmar-parade.html"
    static let ap = "ap/2021-06-28-canada-heat-record-lytton.html"
    static let apCopy = "harbour-city-courier/2021-06-28-canadian-village-hits-record-heat.html"
    static let story: Set<String> = [tass, reuters, cna, ledger, digest, monitor]
    static let quote = "Thanks to Russia, our army has become one of the strongest in the region"
    static let documentCount = 15
}
