import Testing
import WiretraceCore
import WiretraceIngest

/// The duplicate-id table agrees with a `Set` through its growth, on ids that differ in one byte.
@Suite struct DuplicateIDFilterTests {
    @Test func rejectsExactlyTheIdsSeenBefore() {
        var filter = DuplicateIDFilter()
        var seen: Set<String> = []
        var state: UInt64 = 0x1234_5678
        for index in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // Mostly new ids, a quarter of them repeats of earlier ones, neighbours differing in one byte.
            let id = state >> 62 == 0 && index > 0 ? "doc-\(Int(state >> 33) % index)" : "doc-\(index)"
            let location = SourceLocation(file: "day-\(index / 5000).jsonl", record: index + 1)
            let rejection = filter.rejection(id: id, location: location)
            #expect((rejection != nil) == seen.contains(id), "\(id)")
            if let rejection {
                #expect(rejection.reason == .duplicateID)
                #expect(rejection.message.hasPrefix("id \(id) already read from day-"))
            }
            seen.insert(id)
        }
        #expect(seen.count > 14_000)
    }
}
