import Foundation
import Testing

/// `wiretrace sign` and `wiretrace import` as a user (or the Spark job) runs them.
@Suite struct SignEndToEndTests {
    /// Runs the executable with a file as standard input.
    private func run(_ arguments: [String], stdin path: String) throws -> CLI.Output {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Output(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }

    @Test func signsFilesAndStandardInputAlikeAndDeterministically() throws {
        let file = CLI.fixture("jsonl/seed-story-text.jsonl")
        let fromFile = try CLI.run(["sign", file])
        #expect(fromFile.status == 0)
        #expect(try CLI.run(["sign", file]).stdout == fromFile.stdout)
        let fromStdin = try run(["sign"], stdin: file)
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout == fromFile.stdout, "stdin (JSONL) signs as the file does")
        let objects = try CLI.objects(fromFile)
        #expect(objects.count == 15)
        for object in objects {
            let keys = try #require(object["keys"] as? [String])
            #expect(keys.count == 28 && keys.allSatisfy { $0.count == 16 && UInt64($0, radix: 16) != nil })
            #expect(object["shingles"] is String && object["article"] == nil)
        }
        let gzipped = try run(["sign", "--", "-.jsonl.gz"], stdin: CLI.fixture("jsonl/seed-story.jsonl.gz"))
        #expect(try CLI.objects(gzipped).map { $0["id"] as? String } == objects.map { $0["id"] as? String })
        // A WARC piped in under its own name gets the ids it gets when given by path.
        let warc = CLI.fixture("warc/seed-story.warc")
        let named = try run(["sign", "--", "-:seed-story.warc"], stdin: warc)
        let byPath = try CLI.run(["sign", warc])
        #expect(named.stdout == byPath.stdout && !byPath.stdout.isEmpty)
    }

    @Test func parametersAndUsageErrors() throws {
        let parameters = try CLI.objects(try CLI.run(["sign", "--parameters", "--threshold", "0.7"]))
        #expect(parameters.first?["threshold"] as? String == "0.7")
        #expect(parameters.first?["bands"] as? Int == 28)
        #expect(try CLI.run(["sign", "--threshold", "2"]).status == 64)
        #expect(try CLI.run(["sign", "no/such/file.jsonl"]).status == 64)
        #expect(try CLI.run(["import", "--db", CLI.temporaryDatabase(), "no/such/dir"]).status == 64)
    }

    /// A directory shaped like the Spark job's output, written here: import stores the articles
    /// and takes its groups from the pairs given, not from its own LSH.
    @Test func importUsesTheGivenPairs() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["articles", "pairs.jsonl"] {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        func article(_ id: String, _ text: String) -> String {
            #"{"id":"\#(id)","source":"spark","url":null,"outlet":"Outlet \#(id)","title":"Title \#(id)","published":null,"byline":null,"dateline":null,"language":null,"credits":[],"text":"\#(text)"}"#
        }
        let articles = [
            article("a", "The council approved the new harbour budget on Monday after a long debate."),
            article("b", "Farmers said the dry spring had cut the barley harvest by a third this year."),
            article("c", "The museum will reopen its maritime wing in July with a restored lifeboat."),
        ]
        try (articles.joined(separator: "\n") + "\n").write(
            to: directory.appendingPathComponent("articles/part-00000.txt"), atomically: true, encoding: .utf8)
        // Texts that share nothing, paired anyway: the database must follow the pairs given.
        try #"{"a":"c","b":"a","intersection":9,"size_a":10,"size_b":10}"#.write(
            to: directory.appendingPathComponent("pairs.jsonl/part-00000.json"), atomically: true, encoding: .utf8)
        try "".write(to: directory.appendingPathComponent("pairs.jsonl/_SUCCESS"), atomically: true, encoding: .utf8)
        let database = CLI.temporaryDatabase()
        defer { CLI.remove(database) }
        let imported = try CLI.run(["import", "--db", database, directory.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("imported 3 documents"))
        let pairs = try CLI.objects(try CLI.run(["export", "duplicates", "--db", database]))
        #expect(pairs.count == 1)
        #expect(pairs.first?["a"] as? String == "a" && pairs.first?["b"] as? String == "c")
        let clusters = try CLI.objects(try CLI.run(["export", "clusters", "--db", database]))
        let members = clusters.map { (($0["members"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }.sorted() }
        #expect(members.contains(["a", "c"]) && members.contains(["b"]))
    }
}
