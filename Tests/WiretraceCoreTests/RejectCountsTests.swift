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

@Suite struct TimestampTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", 0.0),
        ("2021-06-22T10:05:00Z", 1_624_356_300.0),
        ("2021-06-22T18:05:00+08:00", 1_624_356_300.0),
        ("2018-07-15T07:54:28-04:00", 1_531_655_668.0),
        ("2021-06-22", 1_624_320_000.0),
        ("2021-06-22 10:05", 1_624_356_300.0),
        ("2024-02-29T12:00:00.500Z", 1_709_208_000.5),
    ])
    func parsesIsoShapes(text: String, expected: Double) {
        #expect(Timestamp.seconds(text) == expected)
    }

    @Test(arguments: ["", "June 22, 2021", "2021-13-01", "2021-06-22T25:00Z", "yesterday"])
    func rejectsWhatItCannotRead(text: String) {
        #expect(Timestamp.seconds(text) == nil)
    }
}

@Suite struct StableHashTests {
    @Test func matchesPublishedFNV1a64Vectors() {
        // Reference values of FNV-1a-64 (the IETF draft's test vectors).
        #expect(StableHash.hex("") == "cbf29ce484222325")
        #expect(StableHash.hex("a") == "af63dc4c8601ec8c")
        #expect(StableHash.hex("foobar") == "85944171f73967e8")
    }

    @Test func separatorsKeepFieldsApart() {
        var first = StableHash(), second = StableHash()
        first.combine("ab"); first.combineSeparator(); first.combine("c")
        second.combine("a"); second.combineSeparator(); second.combine("bc")
        #expect(first.value != second.value)
    }
}

@Suite struct UTCMinuteTests {
    @Test(arguments: [
        ("2021-06-22T13:05:00+03:00", "2021-06-22 10:05Z"),
        ("1970-01-01T00:00:00Z", "1970-01-01 00:00Z"),
        ("2024-02-29T23:59:59Z", "2024-02-29 23:59Z"),
        ("1969-12-31T23:30:00Z", "1969-12-31 23:30Z"),
    ])
    func formatsInUTC(iso: String, expected: String) throws {
        #expect(Timestamp.utcMinute(try #require(Timestamp.seconds(iso))) == expected)
    }
}
