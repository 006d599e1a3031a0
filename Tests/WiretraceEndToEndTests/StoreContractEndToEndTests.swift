import Foundation
import Testing

/// What the commands do with the database file they are given: a file that is not a Wiretrace
/// store is refused untouched (exit 65), a run that did not finish is never exported or reported
/// as complete (exit 75), and ids are kept byte for byte.
@Suite struct StoreContractEndToEndTests {
    static func directory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-store-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aSQLiteFileOfAnotherProgramIsRefusedWithExit65AndLeftUntouched() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Another program's database, made by Python's sqlite3 module (a table, no Wiretrace marks).
        let path = directory.appendingPathComponent("contacts.sqlite").path
        let made = Process()
        made.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        made.arguments = ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('create table contacts(name text)'); c.execute(\"insert into contacts values ('Ada')\"); c.commit()", path]
        try made.run()
        made.waitUntilExit()
        try #require(made.terminationStatus == 0, "python3 with sqlite3 is needed to make a foreign database")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let run = try CLI.run(["run", "--db", path, CLI.fixture("jsonl/seed-story.jsonl")])
        #expect(run.status == 65, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("not a Wiretrace database") && run.stderr.contains(path))
        for command in [["export", "clusters"], ["report"], ["report", "syndication"]] {
            let result = try CLI.run(command + ["--db", path])
            #expect(result.status == 65, "\(command): \(result.status) \(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))

        let text = directory.appendingPathComponent("notes.txt").path
        try "my notes\n".write(toFile: text, atomically: true, encoding: .utf8)
        let notes = try CLI.run(["run", "--db", text, CLI.fixture("jsonl/seed-story.jsonl")])
        #expect(notes.status == 65, "\(notes.status) \(notes.stderr)")
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "my notes\n")
    }

    @Test func aKilledRunIsNotExportedUntilItIsRunAgain() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("killed.sqlite").path
        let input = CLI.fixture("html")
        let killed = try CrashRecoveryEndToEndTests.run(
            ["run", "--db", db, "--quiet-rejects", input], environment: ["WIRETRACE_TEST_KILL_AT": "cluster"])
        #expect(killed.signalled, "not killed: \(killed.status) \(killed.stderr)")

        for command in [["export", "clusters"], ["export", "duplicates"], ["export", "quotes"], ["report"],
                        ["report", "quotes"], ["report", "syndication"]] {
            let result = try CLI.run(command + ["--db", db])
            #expect(result.status == 75, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(command) printed a partial result")
            #expect(result.stderr.contains("run #1") && result.stderr.contains("wiretrace run"), "\(result.stderr)")
        }

        let again = try CLI.run(["run", "--db", db, "--quiet-rejects", input])
        #expect(again.status == 0, "\(again.stderr)")
        let clusters = try CLI.run(["export", "clusters", "--db", db])
        #expect(clusters.status == 0 && !clusters.lines.isEmpty, "\(clusters.stderr)")
    }

    @Test func exportsReadWithoutWritingTheDatabase() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("done.sqlite").path
        #expect(try CLI.run(["run", "--db", db, CLI.fixture("jsonl/seed-story.jsonl")]).status == 0)
        let files = [db, db + "-wal"]
        let before = files.map { try? Data(contentsOf: URL(fileURLWithPath: $0)) }
        for command in [["export", "clusters"], ["export", "quotes"], ["report"], ["report", "syndication", "--format", "csv"]] {
            let result = try CLI.run(command + ["--db", db])
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        // SQLite may open an empty -wal beside the file for its readers; no page is written.
        let after = files.map { try? Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(after[0] == before[0])
        #expect(after[1] == before[1] || after[1]?.isEmpty == true)
    }

    /// A user who may write neither the database nor its directory can still export and report
    /// (as root, the test runs the commands as `nobody` through setpriv).
    @Test func aDatabaseTheUserMayNotWriteCanBeExported() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let directory = try Self.directory()
        defer {
            chmod(directory.path, 0o755)
            try? FileManager.default.removeItem(at: directory)
        }
        let db = directory.appendingPathComponent("shared.sqlite").path
        #expect(try CLI.run(["run", "--db", db, CLI.fixture("jsonl/seed-story.jsonl")]).status == 0)
        let expected = try CLI.run(["export", "clusters", "--db", db])
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        #expect(chmod(db, 0o444) == 0 && chmod(directory.path, 0o555) == 0)
        // nobody must be able to reach the executable; skip where the checkout is private.
        let probe = try Self.asNobody(["--version"])
        guard probe.status == 0 else { return }
        let export = try Self.asNobody(["export", "clusters", "--db", db])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout == expected.stdout)
        let report = try Self.asNobody(["report", "--db", db])
        #expect(report.status == 0, "\(report.stderr)")
        let run = try Self.asNobody(["run", "--db", db, CLI.fixture("jsonl/seed-story.jsonl")])
        #expect(run.status != 0)
    }

    static func asNobody(_ arguments: [String]) throws -> CLI.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.executable.path] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func idsThatDifferAfterANulAreStoredAndExportedApart() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("nul-ids.jsonl")
        let lines = [
            #"{"id": "nul\u0000one", "outlet": "a.example", "text": "The council approved the harbour budget on Tuesday after a long debate about ferries."}"#,
            #"{"id": "nul\u0000two", "outlet": "b.example", "text": "Heavy rain closed the mountain road for the third time this month, officials said."}"#,
            #"{"id": "nul", "outlet": "c.example", "text": "A new library opened downtown with a reading room for children and a small cafe."}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("nul.sqlite").path
        let run = try CLI.run(["run", "--db", db, input.path])
        #expect(run.status == 0, "\(run.stderr)")
        let clusters = try CLI.objects(try CLI.run(["export", "clusters", "--db", db]))
        let ids = clusters.flatMap { ($0["members"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(Set(ids) == ["nul\u{0}one", "nul\u{0}two", "nul"])
        #expect(ids.count == 3)
    }
}
