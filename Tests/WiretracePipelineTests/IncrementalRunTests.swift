import Foundation
import Testing
@testable import WiretracePipeline
import WiretraceReport
import WiretraceStore

/// Daily dumps into one database: incremental runs against one run over everything.
@Suite struct IncrementalRunTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures")

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wiretrace-incr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The fixture dump's JSONL lines split into five consecutive "days", written as files.
    static func dailyParts(in directory: URL) throws -> [String] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("jsonl/seed-story-text.jsonl"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count >= 10)
        return try (0..<5).map { day in
            let part = lines[(day * lines.count / 5)..<((day + 1) * lines.count / 5)]
            let path = directory.appendingPathComponent("day\(day + 1).jsonl").path
            try (part.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
    }

    /// Story membership as a set of sets of document ids.
    static func storyMembership(_ store: WiretraceStore) throws -> Set<Set<String>> {
        Set(try store.clusters().map { Set($0.members.map(\.documentID)) })
    }

    /// Near-duplicate groups as a set of sets of document ids.
    static func groupMembership(_ store: WiretraceStore) throws -> Set<Set<String>> {
        var groups: [String: Set<String>] = [:]
        for cluster in try store.clusters() {
            for member in cluster.members {
                if let group = member.group { groups[group, default: []].insert(member.documentID) }
            }
        }
        return Set(groups.values)
    }

    /// Each story member's role, source and evidence (passages included), by document id.
    static func memberEvidence(_ store: WiretraceStore) throws -> [String: String] {
        var result: [String: String] = [:]
        for cluster in try store.clusters() {
            for member in cluster.members {
                result[member.documentID] = "\(member.role) of \(member.of ?? "-"): \(member.evidence)"
            }
        }
        return result
    }

    @Test func fiveDailyRunsGiveTheSameGroupsAndStoriesAsOneRun() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let days = try Self.dailyParts(in: directory)
        let runner = PipelineRunner(configuration: PipelineConfiguration())

        let whole = directory.appendingPathComponent("whole.sqlite").path
        _ = try runner.run(inputs: days, databasePath: whole)
        let daily = directory.appendingPathComponent("daily.sqlite").path
        var idsByDay: [[String: Set<String>]] = []
        for day in days {
            let summary = try runner.run(inputs: [day], databasePath: daily)
            #expect(summary.counts.documentsStored > 0)
            let store = try WiretraceStore(path: daily)
            idsByDay.append(Dictionary(uniqueKeysWithValues: try store.clusters().map { ($0.id, Set($0.members.map(\.documentID))) }))
        }

        let one = try WiretraceStore(path: whole)
        let five = try WiretraceStore(path: daily)
        #expect(try five.documentCount() == one.documentCount())
        #expect(try five.duplicatePairs() == one.duplicatePairs())
        #expect(try Self.groupMembership(five) == Self.groupMembership(one))
        #expect(try Self.storyMembership(five) == Self.storyMembership(one))
        #expect(try !Self.groupMembership(one).isEmpty)
        // Term counts and shared passages kept from earlier days give what computing them again
        // gives: the same roles, sources and evidence.
        let evidence = try Self.memberEvidence(five)
        #expect(evidence == (try Self.memberEvidence(one)))
        #expect(evidence.values.contains { $0.contains("passages") })
        // Labels, first and last publication, quotes with their chains and each occurrence's
        // quote and resolved speaker: all as one run over everything gives them.
        func labels(_ store: WiretraceStore) throws -> [Set<String>: String] {
            Dictionary(uniqueKeysWithValues: try store.clusters().map {
                (Set($0.members.map(\.documentID)), "\($0.title ?? "-") \($0.firstPublished ?? "-") \($0.lastPublished ?? "-")")
            })
        }
        #expect(try labels(five) == labels(one))
        #expect(try labels(one).values.contains { !$0.hasPrefix("- ") })
        #expect(try five.quotes() == one.quotes())
        #expect(try !one.quotes().isEmpty)
        #expect(try five.quoteOccurrences() == one.quoteOccurrences())
        // Linking reads the stored occurrences without the last analysis' links: the same
        // records, in the same order, but for the quote id and the speaker resolved from it.
        var unlinked: [QuoteOccurrenceRecord] = []
        try five.forEachQuoteOccurrence(linked: false) { unlinked.append($0) }
        let linked = try five.quoteOccurrences()
        #expect(unlinked.count == linked.count)
        #expect(linked.contains { $0.quoteID != nil } && unlinked.allSatisfy { $0.quoteID == nil })
        #expect(linked.contains { $0.speaker != $0.speakerMention })
        #expect(unlinked == linked.map { record in
            var record = record
            record.quoteID = nil
            record.speaker = record.speakerMention
            return record
        })
        // The seed story grows over several days (its documents are spread across the parts).
        #expect(idsByDay.last!.values.contains { $0.count >= 5 })

        // Story ids are stable from the day each story appeared: a story seen on one day is there
        // on every later day under the same id, with at least the members it had, or was merged
        // into an older one (recorded) that holds them.
        let merges = Dictionary(uniqueKeysWithValues: try five.storyMerges().map { ($0.old, $0.survivor) })
        for (day, stories) in idsByDay.enumerated() {
            for later in idsByDay[(day + 1)...] {
                for (id, members) in stories {
                    let holder = later[id] ?? merges[id].flatMap { later[$0] }
                    #expect(holder.map(members.isSubset) == true, "story \(id) of day \(day + 1) lost members or its id")
                }
            }
        }
        // Each id was issued on the day its story first appeared.
        let firstRuns = try five.storyIDFirstRuns()
        for (day, stories) in idsByDay.enumerated() {
            for id in stories.keys where day == 0 || idsByDay[day - 1][id] == nil {
                #expect(firstRuns[id] == day + 1, "story \(id) issued in run \(firstRuns[id] ?? -1), first seen on day \(day + 1)")
            }
        }
    }

    @Test func rerunningADayStoresNothingTwiceAndKeepsTheResult() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let days = try Self.dailyParts(in: directory)
        let runner = PipelineRunner(configuration: PipelineConfiguration())
        let path = directory.appendingPathComponent("db.sqlite").path
        _ = try runner.run(inputs: Array(days[0..<3]), databasePath: path)
        let store = try WiretraceStore(path: path)
        let before = (try store.documentCount(), try store.duplicatePairs(), try store.clusters(), try store.quoteOccurrences().count)
        let again = try runner.run(inputs: [days[1]], databasePath: path)
        #expect(again.counts.documentsStored == 0)
        #expect(again.counts.documentsUnchanged == again.counts.documentsRead)
        #expect(try store.documentCount() == before.0)
        #expect(try store.duplicatePairs() == before.1)
        #expect(try store.clusters() == before.2)
        #expect(try store.quoteOccurrences().count == before.3)
        #expect(try store.pendingDocumentIDs().isEmpty)
    }

    static func line(_ id: String, url: String, text: String) -> String {
        let object: [String: String] = ["id": id, "url": url, "outlet": "Example Times", "published": "2024-03-01T08:00:00Z", "text": text]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static let firstText = """
        The harbour authority said on Friday that the northern pier would close for repairs for three \
        months, after inspectors found corrosion in the steel piles that hold up its eastern end.

        Ferry services will move to the southern terminal from Monday, the authority said in a statement.
        """
    static let editedText = firstText + """


        Update: the authority later said the closure could last until the end of the summer, and that \
        the cost of the repairs had not yet been estimated.
        """

    @Test func sameURLWithChangedTextIsANewVersionAndSameTextIsNotStoredTwice() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = "https://example.org/news/pier-closure"
        func write(_ name: String, _ lines: [String]) throws -> String {
            let path = directory.appendingPathComponent(name).path
            try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let monday = try write("monday.jsonl", [Self.line("crawl1/pier", url: url, text: Self.firstText)])
        let tuesday = try write(
            "tuesday.jsonl",
            [
                Self.line("crawl2/pier", url: url, text: Self.firstText),  // same URL, same text
                Self.line("crawl2/pier-updated", url: url, text: Self.editedText),  // same URL, edited
            ])
        let runner = PipelineRunner(configuration: PipelineConfiguration())
        let path = directory.appendingPathComponent("db.sqlite").path
        _ = try runner.run(inputs: [monday], databasePath: path)
        let summary = try runner.run(inputs: [tuesday], databasePath: path)
        #expect(summary.counts.documentsStored == 1)
        #expect(summary.counts.documentsUnchanged == 1)

        let store = try WiretraceStore(path: path)
        #expect(try store.documentCount() == 2)
        #expect(try store.article("crawl2/pier") == nil)
        let versions = try store.pageVersions()
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.map(\.documentID) == ["crawl1/pier", "crawl2/pier-updated"])
        #expect(versions.last?.previousDocumentID == "crawl1/pier")
        // The edit is shown in the clusters export, and the two versions are near-duplicates.
        let lines = try Exporter.clusterLines(store)
        #expect(lines.contains { $0.contains("\"edit_of\":\"crawl1/pier\"") })
        #expect(try store.duplicatePairs().map { [$0.a, $0.b] } == [["crawl1/pier", "crawl2/pier-updated"]])

        // Both days again: nothing stored, nothing doubled.
        let again = try runner.run(inputs: [monday, tuesday], databasePath: path)
        #expect(again.counts.documentsStored == 0)
        #expect(try store.documentCount() == 2)
        #expect(try store.pageVersions().count == 2)
        #expect(try store.duplicatePairs().count == 1)

        // The same id with changed text replaces the document and adds a version.
        let wednesday = try write("wednesday.jsonl", [Self.line("crawl1/pier", url: url, text: Self.editedText + "\n\nCorrection: three piers.")])
        let changed = try runner.run(inputs: [wednesday], databasePath: path)
        #expect(changed.counts.documentsStored == 1)
        #expect(try store.documentCount() == 2)
        #expect(try store.pageVersions().map(\.version) == [1, 2, 3])
    }
}

/// The seed story across languages (fixtures/jsonl/multilingual-story.jsonl): the Russian TASS
/// original, Reuters' English wire, a German and a Chinese outlet, and hard negatives that share
/// its names in the same week.
@Suite struct MultilingualStoryTests {
    @Test func translationsJoinTheirOriginalsStoryWithEvidence() throws {
        let directory = try IncrementalRunTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = IncrementalRunTests.fixtures.appendingPathComponent("jsonl/multilingual-story.jsonl").path
        let database = directory.appendingPathComponent("multilingual.sqlite").path
        _ = try PipelineRunner(configuration: PipelineConfiguration()).run(inputs: [input], databasePath: database)
        let store = try WiretraceStore(path: database)
        let clusters = try store.clusters()
        let original = "tass-ru/2021-06-22-min-aung-hlaing-shoigu.txt"
        let carriers = [
            "reuters/2021-06-22-myanmar-junta-thanks-russia.txt",
            "rhein-ostsee-depesche/2021-06-22-myanmar-militaerchef-dankt-russland.txt",
            "yaou-tongxun/2021-06-22-min-aung-hlaing-thanks-russia.txt",
        ]
        #expect(Set(clusters.map { Set($0.members.map(\.documentID)) }) == [
            Set([original] + carriers),
            ["tass-ru/2021-06-23-shoigu-inspects-exercise.txt"],
            ["rhein-ostsee-depesche/2021-06-24-moskau-gespraeche-getreide.txt"],
            ["reuters/2021-03-27-russian-deputy-minister-attends-myanmar-parade.txt"],
        ])
        let story = try #require(clusters.first { $0.members.count == 4 })
        #expect(story.members[0].documentID == original)
        #expect(story.members[0].role == "origin")
        for member in story.members.dropFirst() {
            #expect(member.role == "translation")
            #expect(member.of == original)
            #expect(member.evidence.contains("Шойгу"), "\(member.documentID): \(member.evidence)")
        }
        #expect(story.members.map(\.language).compactMap { $0 }.sorted() == ["de", "en", "ru", "zh"])
    }
}
