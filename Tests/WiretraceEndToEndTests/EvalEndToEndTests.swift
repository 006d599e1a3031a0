import Foundation
import Testing

/// `wiretrace eval clusters` through the built executable: a gold file written here for the
/// fixture dump, read by the command and scored against the stored stories.
@Suite(.serialized) struct EvalEndToEndTests {
    /// The fixture dump's stories as we wrote them: the seed story, the AP pair, every other page
    /// alone; the seed story and the parade report share a topic (two events, one country).
    static func goldLines(ids: [String]) -> [String] {
        ids.map { id in
            let cluster = Seed.story.contains(id) ? "junta-thanks-russia" : [Seed.ap, Seed.apCopy].contains(id) ? "heat-record" : id
            let topic = Seed.story.contains(id) || id == Seed.parade ? #", "topic": "myanmar-russia""# : ""
            return #"{"id": "\#(id)", "cluster": "\#(cluster)"\#(topic)}"#
        }
    }

    @Test func clusterScoresOfTheFixtureDump() throws {
        let db = CLI.temporaryDatabase()
        defer { CLI.remove(db) }
        #expect(try CLI.run(["run", "--db", db, CLI.fixture("html")]).status == 0)
        let ids = try CLI.objects(try CLI.run(["export", "clusters", "--db", db]))
            .flatMap { ($0["members"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(ids.count == Seed.documentCount)
        let gold = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-gold-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: gold) }
        try Data((Self.goldLines(ids: ids).joined(separator: "\n") + "\n").utf8).write(to: gold)

        let json = try CLI.objects(try CLI.run(["eval", "clusters", "--json", "--gold", gold.path, "--db", db]))
        let scores = try #require(json.first)
        #expect(scores["items"] as? Int == Seed.documentCount)
        #expect(scores["gold_clusters"] as? Int == 9)
        #expect(scores["bcubed_f1"] as? Double == 1.0)
        #expect(scores["cross_event_merge_rate"] as? Double == 0.0)

        let text = try CLI.run(["eval", "clusters", "--gold", gold.path, "--db", db])
        #expect(text.status == 0)
        #expect(text.lines.first == "documents: 15 scored; gold clusters 9, predicted 9")
        #expect(text.lines.contains("B-cubed   P 1.000  R 1.000  F1 1.000"))
    }

    @Test func aGoldFileThatIsNotOneIsAUsageError() throws {
        let gold = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-gold-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: gold) }
        try Data(#"{"id": "only-an-id"}"#.utf8).write(to: gold)
        let result = try CLI.run(["eval", "clusters", "--gold", gold.path, "--db", CLI.temporaryDatabase()])
        #expect(result.status == 64)
        #expect(result.stderr.contains("line 1: needs \"id\" and \"cluster\""))
    }
}
