import Foundation
import Testing
import WiretraceCore
@testable import WiretraceCluster

/// The story level parks its word and anchor counts in an unnamed file while it scores and links
/// pairs: they come back equal, the file leaves no name behind, a directory that cannot take it
/// leaves the tables in memory, and the stories are the same with or without parking.
@Suite struct ParkedTermTablesTests {
    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-park-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test(arguments: 0..<8)
    func tablesComeBackEqual(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed) &+ 0xBA5E)
        let specials: [Float] = [0, -0.0, 0.5, 3e9, .infinity, 1e-30, 65_536]
        func table() -> TermCountTable {
            TermCountTable((0..<random.next(40)).map { _ in
                (0..<random.next(60)).map { _ in
                    TermCount(
                        term: Int32(random.next(9_000)), plain: TermCountTableTests.count(&random, specials: specials),
                        entity: TermCountTableTests.count(&random, specials: specials),
                        title: TermCountTableTests.count(&random, specials: specials))
                }.sorted { $0.term < $1.term }
            })
        }
        let originals = [table(), table(), TermCountTable()]
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var tables = originals
        let parked = try #require(ParkedTermTables(parking: &tables, in: directory))
        #expect(tables.isEmpty)
        // Unlinked as soon as made: nothing named is left in the directory.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        #expect(parked.restore() == originals)
    }

    @Test func aDirectoryThatCannotTakeTheFileParksNothing() {
        let kept = TermCountTable([[TermCount(term: 3, plain: 2, entity: 1, title: 0)]])
        var tables = [kept]
        #expect(ParkedTermTables(parking: &tables, in: "/nonexistent/wiretrace-park") == nil)
        #expect(tables == [kept])
    }

    /// The clusterer with its counts parked gives the stories it gives with them in memory, on
    /// both candidate searches and in one language and two (where anchors are read in roles).
    @Test(arguments: [(false, false), (true, false), (true, true)])
    func parkingChangesNoStory(pruned: Bool, german: Bool) throws {
        let (documents, vocabulary, links) = StoryClustererWorkersTests.collection(families: 120, seed: 11, german: german)
        var clusterer = StoryClusterer(configuration: StoryConfiguration(cutMinimumDocuments: 1), workers: 1)
        if pruned { clusterer.exhaustiveCandidateLimit = 50 }
        let expected = clusterer.cluster(documents, vocabulary: vocabulary, links: links)
        #expect(expected.stories.filter { $0.members.count > 2 }.count > 20)
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let steps = StepLog()
        clusterer.parkingDirectory = directory
        clusterer.probe = { steps.append($0) }
        clusterer.releaseFreeMemory = { steps.append("free memory released") }
        let result = clusterer.cluster(documents, vocabulary: vocabulary, links: links)
        #expect(steps.names.contains("counts parked true"))
        // Free memory goes back once, after the linkage and before the counts come back in.
        let names = steps.names
        #expect(names.filter { $0 == "free memory released" }.count == 1)
        #expect(names.firstIndex(of: "linkage run").map { $0 < names.firstIndex(of: "free memory released")! } == true)
        #expect(names.firstIndex(of: "free memory released").map { $0 < names.firstIndex(of: "counts restored")! } == true)
        #expect(result.groups == expected.groups)
        #expect(result.stories == expected.stories)
    }

    final class StepLog: @unchecked Sendable {
        private let lock = NSLock()
        private var steps: [String] = []
        func append(_ step: String) { lock.withLock { steps.append(step) } }
        var names: [String] { lock.withLock { steps } }
    }
}
