import Foundation
import Testing

/// The real multi-outlet scrape, read from ../shared/data at run time (never copied into the repo).
@Suite struct HelsinkiEndToEndTests {
    static let dump = CLI.root.deletingLastPathComponent().appendingPathComponent("shared/data/dumps/helsinki-2018.jsonl").path

    @Test(.enabled(if: FileManager.default.fileExists(atPath: HelsinkiEndToEndTests.dump), "../shared/data is not present"))
    func everyDocumentIsInExactlyOneCluster() throws {
        let db = CLI.temporaryDatabase()
        defer { CLI.remove(db) }
        let run = try CLI.run(["run", "--db", db, "--no-progress", Self.dump])
        #expect(run.status == 0, "\(run.stderr)")
        let clusters = try CLI.objects(try CLI.run(["export", "clusters", "--db", db]))
        let ids = clusters.flatMap { ($0["members"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        let lines = try String(contentsOfFile: Self.dump, encoding: .utf8).split(separator: "\n").count
        #expect(ids.count == Set(ids).count)
        #expect(ids.count == lines, "\(run.stdout)")
        // A scrape full of wire copies has multi-member stories and verified pairs.
        #expect(clusters.contains { ($0["members"] as? [Any])?.count ?? 0 > 2 })
        let pairs = try CLI.objects(try CLI.run(["export", "duplicates", "--db", db]))
        #expect(!pairs.isEmpty)
        for pair in pairs {
            let jaccard = pair["jaccard"] as? Double ?? 0, containment = pair["containment"] as? Double ?? 0
            #expect(jaccard >= 0.5 || containment >= 0.8)
        }
    }
}
