import Foundation
import Testing

@Suite struct BadInputEndToEndTests {
    @Test func malformedInputIsReportedCountedAndSkipped() throws {
        let db = CLI.temporaryDatabase()
        defer { CLI.remove(db) }
        let run = try CLI.run(["run", "--db", db, CLI.fixture("bad")])
        #expect(run.status == 0, "\(run.stderr)")
        // Each problem names its file (and record, for multi-record files) and the reason.
        #expect(run.stderr.contains("notjson.jsonl record 2"))
        #expect(run.stderr.contains("notjson.jsonl record 3"))
        #expect(run.stderr.contains("malformed-json"))
        #expect(run.stderr.contains("empty.html") && run.stderr.contains("empty-file"))
        #expect(run.stderr.contains("binary.html") && run.stderr.contains("binary-content"))
        #expect(run.stderr.contains("truncated.jsonl.gz") && run.stderr.contains("truncated-gzip"))
        #expect(run.stderr.contains("invalid-utf8.txt") && run.stderr.contains("invalid-utf8"))
        #expect(run.stderr.contains("dup-ids.jsonl") && run.stderr.contains("duplicate-id"))
        #expect(run.stderr.contains("truncated.warc") && run.stderr.contains("truncated-warc"))
        #expect(run.stdout.contains("rejected by reason:"))
        // Never the article text in a message.
        #expect(!run.stderr.contains("\n\n"))

        // The good records around the bad ones were kept: every stored document is in one cluster.
        let clusters = try CLI.objects(try CLI.run(["export", "clusters", "--db", db]))
        let ids = clusters.flatMap { ($0["members"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(ids.contains("bad-1") && ids.contains("bad-4") && ids.contains("dup-1"))
        #expect(ids.count == Set(ids).count)
    }

    @Test func aBadRunDoesNotLoseWhatWasStored() throws {
        let db = CLI.temporaryDatabase()
        defer { CLI.remove(db) }
        #expect(try CLI.run(["run", "--db", db, CLI.fixture("html")]).status == 0)
        #expect(try CLI.run(["run", "--db", db, CLI.fixture("bad")]).status == 0)
        let clusters = try CLI.objects(try CLI.run(["export", "clusters", "--db", db]))
        let ids = clusters.flatMap { ($0["members"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(ids.contains(Seed.cna))
        #expect(ids.count == Set(ids).count)
    }

    @Test(arguments: [
        (["run", "--db", "/tmp/x.sqlite"], "at least one INPUT"),
        (["run", "--db", "/tmp/x.sqlite", "no/such/dir"], "no such file or directory"),
        (["dedup", "--threshold", "1.5", "fixtures/html"], "--threshold"),
        (["export", "clusters", "--db", "/nonexistent/db.sqlite"], "no database"),
        (["export", "nonsense", "--db", "x"], "nonsense"),
    ])
    func usageErrorsExit64(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func badPipelineFileExits64NamingTheKey() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "dedup:\n  treshold: 0.5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", "--db", CLI.temporaryDatabase(), "--config", path, CLI.fixture("html")])
        #expect(result.status == 64)
        #expect(result.stderr.contains("dedup.treshold"))
        try "dedup:\n  threshold: 2\n".write(toFile: path, atomically: true, encoding: .utf8)
        let range = try CLI.run(["run", "--db", CLI.temporaryDatabase(), "--config", path, CLI.fixture("html")])
        #expect(range.status == 64)
        #expect(range.stderr.contains("threshold"))
    }
}
