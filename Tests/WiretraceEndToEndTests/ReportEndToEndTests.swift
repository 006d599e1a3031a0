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
}
