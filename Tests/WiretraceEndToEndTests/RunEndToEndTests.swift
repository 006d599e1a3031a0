import Foundation
import Testing

/// The whole path through the built executable on the fixture dump.
@Suite(.serialized) struct RunEndToEndTests {
    /// Runs the pipeline over `inputs` into a fresh database and returns the exports.
    static func runAndExport(_ inputs: [String]) throws -> (db: String, run: CLI.Output, clusters: [[String: Any]]) {
        let db = CLI.temporaryDatabase()
        let run = try CLI.run(["run", "--db", db] + inputs)
        #expect(run.status == 0, "run failed: \(run.stderr)")
        let clusters = try CLI.objects(try CLI.run(["export", "clusters", "--db", db]))
        return (db, run, clusters)
    }

    static func members(_ cluster: [String: Any]) -> [[String: Any]] { cluster["members"] as? [[String: Any]] ?? [] }

    static func role(of id: String, in clusters: [[String: Any]]) -> (role: String?, of: String?) {
        for cluster in clusters {
            if let member = members(cluster).first(where: { $0["id"] as? String == id }) {
                return (member["role"] as? String, member["of"] as? String)
            }
        }
        return (nil, nil)
    }

    @Test func seedStoryFromTheHTMLDump() throws {
        let (db, run, clusters) = try Self.runAndExport([CLI.fixture("html")])
        defer { CLI.remove(db) }
        #expect(run.stdout.contains("read 15 documents, stored 15"))

        // Every document in exactly one cluster.
        let ids = clusters.flatMap { Self.members($0).compactMap { $0["id"] as? String } }
        #expect(ids.count == Seed.documentCount)
        #expect(Set(ids).count == Seed.documentCount)

        // The seed story: TASS, Reuters, CNA, the copy, the excerpt and the rewrite together; the hard negative apart.
        let story = try #require(clusters.first { Self.members($0).contains { $0["id"] as? String == Seed.cna } })
        let storyIDs = Set(Self.members(story).compactMap { $0["id"] as? String })
        #expect(storyIDs == Seed.story)
        #expect(!storyIDs.contains(Seed.parade))

        #expect(Self.role(of: Seed.cna, in: clusters) == ("copy", Seed.reuters))
        #expect(Self.role(of: Seed.ledger, in: clusters) == ("copy", Seed.reuters))
        #expect(Self.role(of: Seed.digest, in: clusters) == ("excerpt", Seed.reuters))
        #expect(Self.role(of: Seed.tass, in: clusters).role == "origin")
        #expect(Self.role(of: Seed.monitor, in: clusters).role == "rewrite")
        #expect(Self.role(of: Seed.apCopy, in: clusters) == ("copy", Seed.ap))
        #expect(clusters.count == 9)  // the seed story, the AP pair, the hard negative and six singletons
    }

    @Test func seedQuoteIsAttributedWithItsChain() throws {
        let (db, _, _) = try Self.runAndExport([CLI.fixture("html")])
        defer { CLI.remove(db) }
        let quotes = try CLI.objects(try CLI.run(["export", "quotes", "--db", db]))
        let seed = quotes.filter { ($0["quote"] as? String)?.hasPrefix(Seed.quote) == true }
        // TASS, Reuters, CNA, the Straits Ledger, the excerpt and the rewrite all carry it.
        #expect(Set(seed.compactMap { $0["id"] as? String }) == Seed.story)
        for occurrence in seed {
            #expect(occurrence["speaker"] as? String == "Min Aung Hlaing", "\(occurrence)")
        }
        let cna = try #require(seed.first { $0["id"] as? String == Seed.cna })
        #expect(cna["via"] as? [String] == ["TASS", "Reuters", "CNA"])
        let reuters = try #require(seed.first { $0["id"] as? String == Seed.reuters })
        #expect(reuters["via"] as? [String] == ["TASS", "Reuters"])
        // One quote across outlets.
        #expect(Set(seed.compactMap { $0["quote_id"] as? Int }).count == 1)

        // Offsets are Unicode-scalar offsets into the extracted text.
        let extracted = try CLI.objects(try CLI.run(["extract", CLI.fixture("html/\(Seed.cna)")]))
        let text = try #require(extracted.first?["text"] as? String)
        let scalars = Array(text.unicodeScalars)
        let start = try #require(cna["start"] as? Int), end = try #require(cna["end"] as? Int)
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[start..<end])
        #expect(String(slice) == cna["quote"] as? String)

        let report = try CLI.run(["report", "--db", db])
        #expect(report.status == 0)
        #expect(report.stdout.contains("Min Aung Hlaing: \"\(Seed.quote)"))
        #expect(report.stdout.contains("first reported by TASS; relayed by Reuters; carried by "))
        #expect(report.stdout.contains("CNA"))
    }

    @Test func rerunningTheSameInputAddsNothing() throws {
        let (db, _, first) = try Self.runAndExport([CLI.fixture("html")])
        defer { CLI.remove(db) }
        let firstDuplicates = try CLI.run(["export", "duplicates", "--db", db]).stdout
        let firstQuotes = try CLI.run(["export", "quotes", "--db", db]).stdout
        let again = try CLI.run(["run", "--db", db, CLI.fixture("html")])
        #expect(again.status == 0)
        #expect(again.stdout.contains("stored 0, unchanged 15"))
        let second = try CLI.run(["export", "clusters", "--db", db]).stdout
        #expect(try CLI.objects(CLI.Output(status: 0, stdout: second, stderr: "")).count == first.count)
        #expect(try CLI.run(["export", "duplicates", "--db", db]).stdout == firstDuplicates)
        #expect(try CLI.run(["export", "quotes", "--db", db]).stdout == firstQuotes)
    }

    @Test(arguments: ["warc/seed-story.warc.gz", "warc/seed-story.warc", "jsonl/seed-story.jsonl", "jsonl/seed-story.jsonl.gz", "jsonl/seed-story-text.jsonl", "text"])
    func everyInputFormatFindsTheSeedStory(input: String) throws {
        let (db, run, clusters) = try Self.runAndExport([CLI.fixture(input)])
        defer { CLI.remove(db) }
        #expect(run.stdout.contains("read 15 documents"), "\(run.stdout)\n\(run.stderr)")
        let ids = clusters.flatMap { Self.members($0).compactMap { $0["id"] as? String } }
        #expect(Set(ids).count == 15 && ids.count == 15)
        // The largest cluster is the seed story: six documents from six outlets.
        let largest = try #require(clusters.first)
        let outlets = Set(Self.members(largest).compactMap { $0["outlet"] as? String })
        #expect(Self.members(largest).count == 6, "\(largest)")
        if input != "text" {  // a plain-text scrape does not name its outlet
            #expect(outlets.count == 6, "\(outlets)")
        }
        let roles = Self.members(largest).compactMap { $0["role"] as? String }.sorted()
        #expect(roles == ["copy", "copy", "excerpt", "origin", "rewrite", "rewrite"], "\(largest)")
    }
}
