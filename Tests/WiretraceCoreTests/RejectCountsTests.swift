import Testing
@testable import WiretraceCore

@Suite struct RejectCountsTests {
    @Test func countsAndSortsByFrequency() {
        var counts = RejectCounts()
        counts.add(.malformedJSON)
        counts.add(.emptyFile)
        counts.add(.malformedJSON)
        #expect(counts.total == 3)
        #expect(counts.sorted.map(\.reason) == [.malformedJSON, .emptyFile])
    }

    @Test func agencyNamesNormalise() {
        #expect(NewsAgency.canonical("Associated Press") == "AP")
        #expect(NewsAgency.canonical("REUTERS") == "Reuters")
        #expect(NewsAgency.canonical(" (Reuters) ") == "Reuters")
        #expect(NewsAgency.canonical("Moscow") == nil)
    }

    @Test func locationDescriptionNamesFileAndRecord() {
        let location = SourceLocation(file: "dump.jsonl", record: 7, recordID: "abc")
        #expect(location.description == "dump.jsonl record 7 (abc)")
    }
}
