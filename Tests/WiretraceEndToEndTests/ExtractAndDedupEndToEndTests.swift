import Foundation
import Testing

@Suite struct ExtractAndDedupEndToEndTests {
    @Test func extractPrintsTheContractFields() throws {
        let result = try CLI.run(["extract", "--format", "jsonl", CLI.fixture("html/\(Seed.cna)")])
        #expect(result.status == 0)
        let objects = try CLI.objects(result)
        let article = try #require(objects.first)
        #expect(objects.count == 1)
        for key in ["source", "url", "outlet", "title", "published", "byline", "dateline", "credits", "text"] {
            #expect(article.keys.contains(key), "missing \(key)")
        }
        #expect(article["outlet"] as? String == "CNA")
        let credits = try #require(article["credits"] as? [[String: Any]])
        #expect(credits.contains { $0["agency"] as? String == "Reuters" })
        let text = try #require(article["text"] as? String)
        #expect(text.contains(Seed.quote))
        #expect(!text.contains("Skip to main content"))
        #expect(!text.contains("READ:"))
        #expect(!text.contains("Also worth reading"))
        #expect(text.contains("\n\n"))
    }

    @Test func extractJSONFormatIsOneArray() throws {
        let result = try CLI.run(["extract", "--format", "json", CLI.fixture("html/ap")])
        #expect(result.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 1)
    }

    @Test func dedupFindsTheWireCopyGroups() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("groups-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try CLI.run(["dedup", "--threshold", "0.5", "--out", out, CLI.fixture("html")])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        let groups = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let memberSets = groups.map { Set($0["members"] as? [String] ?? []) }
        #expect(memberSets.contains([Seed.reuters, Seed.cna, Seed.ledger, Seed.digest]))
        #expect(memberSets.contains([Seed.ap, Seed.apCopy]))
        #expect(groups.count == 2)
        #expect(groups.allSatisfy { $0["group"] != nil })
    }
}
