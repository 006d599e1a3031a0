import Foundation
import Testing
import WiretraceCore

/// The helpers several modules share: one hash, one story-id rule, one evidence record, one way
/// of showing numbers and times.
@Suite struct SharedHelpersTests {
    @Test func stableHashIsFNV1a() {
        // FNV-1a-64 of "" is the offset basis; of "a" the published test vector.
        #expect(StableHash().hex == "cbf29ce484222325")
        #expect(StableHash.hex("a") == "af63dc4c8601ec8c")
        var bytes = StableHash(), word = StableHash()
        for byte: UInt8 in [1, 2, 3, 4, 5, 6, 7, 8] { bytes.combine(byte: byte) }
        word.combine(littleEndian: 0x0807_0605_0403_0201)
        #expect(bytes.value == word.value)
    }

    @Test func storyIDsComeFromTheOriginAndTheAttempt() {
        let first = StableHash.storyID(origin: "harbour-wire-1")
        #expect(first == "S" + StableHash.hex("harbour-wire-1").prefix(12))
        #expect(first.count == 13)
        #expect(StableHash.storyID(origin: "harbour-wire-1", attempt: 1) == first)
        #expect(StableHash.storyID(origin: "harbour-wire-1", attempt: 2) == "S" + StableHash.hex("harbour-wire-1#2").prefix(12))
        #expect(StableHash.storyID(origin: "harbour-wire-2") != first)
    }

    @Test func evidenceRoundTripsThroughItsStoredJSON() throws {
        let evidence = StoryEvidence(
            link: "copy", of: "wire-7", jaccard: 0.82, containment: 0.9, sharedQuotes: 2, credited: false,
            passages: [[0, 40, 10, 50]])
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json = String(decoding: try encoder.encode(evidence), as: UTF8.self)
        #expect(json.contains("\"shared_quotes\":2"))
        #expect(StoryEvidence(json: json) == evidence)
    }

    @Test func evidenceReadsPartialObjectsAndRejectsOthers() {
        let partial = StoryEvidence(json: #"{"similarity": 0.4, "shared_quotes": 1}"#)
        #expect(partial?.link == "")
        #expect(partial?.similarity == 0.4)
        #expect(partial?.sharedQuotes == 1)
        #expect(StoryEvidence(json: "{}")?.jaccard == nil)
        #expect(StoryEvidence(json: "[1, 2]") == nil)
        #expect(StoryEvidence(json: #"{"jaccard": "high"}"#) == nil)
    }

    @Test func numbersAndDelaysReadTheSameEverywhere() {
        #expect(DisplayFormat.percent(0.426) == "43%")
        #expect(DisplayFormat.percentage(.nan) == 0)
        #expect(DisplayFormat.fixed(0.125) == "0.13")
        #expect(DisplayFormat.fixed(0.05) == "0.05")
        #expect(DisplayFormat.fixed(1) == "1.00")
        #expect(DisplayFormat.fixed(-0.05) == "-0.05")
        #expect(DisplayFormat.duration(0) == "+0m")
        #expect(DisplayFormat.duration(3_900) == "+1h05m")
        #expect(DisplayFormat.duration(-2 * 86_400 - 3 * 3_600) == "-2d3h")
        #expect(DisplayFormat.duration(.infinity) == "+0m")
        #expect(DisplayFormat.shortTime("2021-06-22T13:05:00+03:00") == "2021-06-22 10:05Z")
        #expect(DisplayFormat.shortTime("sometime in June") == "sometime in June")
        #expect(DisplayFormat.clipped("abcdef", limit: 4) == "abc…")
        #expect(DisplayFormat.clipped("abc", limit: 4) == "abc")
    }

    @Test func jsonValuesKeepKeyOrderAndEscape() {
        let value = JSONValue.object([("b", .int(1)), ("a", .array([.string("x\"\n"), .double(2), .null, .bool(true)]))])
        #expect(value.serialized() == #"{"b":1,"a":["x\"\n",2.0,null,true]}"#)
    }
}
