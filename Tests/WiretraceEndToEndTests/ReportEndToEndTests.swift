import Foundation
import Testing

@Suite struct ReportEndToEndTests {
    static func database() throws -> String {
        let db = CLI.temporaryDatabase()
        let run = try CLI.run(["run", "--db", db, CLI.fixture("html")])
        #expect(run.status == 0, "\(run.stderr)")
        return db
    }

    @Test func syndicationListsTheWireCopiesWithCreditVerbatimShareAndDelay() throws {
        let db = try Self.database()
        defer { CLI.remove(db) }
        let json = try CLI.run(["report", "syndication", "--db", db, "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let stories = try #require(object["wire_stories"] as? [[String: Any]])
        #expect(stories.count == 2)
        let reuters = try #require(stories.first { $0["original"] as? String == Seed.reuters })
        #expect(reuters["agency"] as? String == "Reuters")
        let carriers = try #require(reuters["carriers"] as? [[String: Any]])
        #expect(Set(carriers.compactMap { $0["id"] as? String }) == [Seed.cna, Seed.ledger, Seed.digest])
        let cna = try #require(carriers.first { $0["id"] as? String == Seed.cna })
        #expect(cna["credited"] as? Bool == true)
        #expect(cna["role"] as? String == "copy")
        #expect(cna["delay_seconds"] as? Int == 40 * 60)  // 12:30Z -> 13:10Z
        #expect((cna["verbatim_share"] as? Double ?? 0) > 0.9)
        let digest = try #require(carriers.first { $0["id"] as? String == Seed.digest })
        #expect(digest["role"] as? String == "excerpt")

        let markdown = try CLI.run(["report", "syndication", "--db", db])
        #expect(markdown.stdout.contains("| CNA | copy |"))
        let csv = try CLI.run(["report", "syndication", "--db", db, "--format", "csv"])
        #expect(csv.lines.first?.hasPrefix("section,story,original,agency,outlet") == true)
        #expect(csv.lines.filter { $0.hasPrefix("carrier,") }.count == 4)
    }

    @Test func quotesReportGivesWhoSaidWhatWhereFirstAndTheChain() throws {
        let db = try Self.database()
        defer { CLI.remove(db) }
        let report = try CLI.run(["report", "quotes", "--db", db])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Min Aung Hlaing"))
        #expect(report.stdout.contains("first seen: TASS"))
        #expect(report.stdout.contains("Min Aung Hlaing → TASS → Reuters → CNA"))
        let unknown = try CLI.run(["report", "quotes", "--db", db, "--story", "S000000000000"])
        #expect(unknown.status != 0)
    }

    @Test func theDefaultReportIsTheStoriesReport() throws {
        let db = try Self.database()
        defer { CLI.remove(db) }
        let plain = try CLI.run(["report", "--db", db])
        let stories = try CLI.run(["report", "stories", "--db", db])
        #expect(plain.status == 0)
        #expect(plain.stdout == stories.stdout)
        #expect(plain.stdout.contains("Syndication: 2 originals"))
    }

    /// A wire story whose earliest carrier names no wire while its other carriers credit AP in
    /// their bylines: the syndication report gives the AP wire as the origin, carried first by
    /// the earliest outlet.
    @Test func aFamilyThatCreditsAWireHasTheWireAsItsOrigin() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-wire-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let body = """
            Crews worked through the night to reopen the coastal highway after a landslide buried two lanes near the \
            fishing town of Port Aldous on Sunday, the state transport department said. No one was hurt, but dozens of \
            drivers were stranded for hours before police escorted them back along a forest road. Engineers said the \
            hillside had been soaked by a week of heavy rain and warned that more slips were possible. The department \
            expects one lane to reopen by Tuesday morning and the full road by the end of the week, weather permitting. \
            Local businesses said the closure came at the worst time, at the start of the summer tourist season.
            """
        let records: [[String: String]] = [
            ["id": "first", "outlet": "coastal-daily.example", "published": "2024-06-02T06:00:00Z",
             "text": "Landslide shuts coastal highway\n\n\(body)"],
            ["id": "second", "outlet": "valley-herald.example", "published": "2024-06-02T07:00:00Z",
             "text": "Landslide shuts coastal highway\n\nBy MARTA OKAFOR Associated Press\n\n\(body)"],
            ["id": "third", "outlet": "metro-times.example", "published": "2024-06-02T08:00:00Z",
             "text": "Landslide shuts coastal highway\n\nBy MARTA OKAFOR, AP Science Writer\n\n\(body)"],
        ]
        let input = directory.appendingPathComponent("wire.jsonl")
        let lines = try records.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("wire.sqlite").path
        let run = try CLI.run(["run", "--db", db, input.path])
        #expect(run.status == 0, "\(run.stderr)")
        let markdown = try CLI.run(["report", "syndication", "--db", db])
        #expect(markdown.stdout.contains("Origin: the AP wire, carried first by coastal-daily.example as `first`"), "\(markdown.stdout)")
        let json = try CLI.run(["report", "syndication", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let story = try #require((object["wire_stories"] as? [[String: Any]])?.first)
        #expect(story["agency"] as? String == "AP")
        #expect(story["wire_origin"] as? Bool == true)
        #expect(story["original"] as? String == "first")
    }
}
