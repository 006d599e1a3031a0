import Testing
@testable import WiretraceCluster
import WiretraceCore

/// Story ids against the previous analysis: kept, merged (older survives), split, fresh.
@Suite struct StoryIDAssignerTests {
    @Test func aGrowingStoryKeepsItsIdAndANewOneGetsTheOriginHash() {
        let assigner = StoryIDAssigner(previousStory: ["a": "S1", "b": "S1"], firstRuns: ["S1": 1])
        let result = assigner.assign([(origin: "c", members: ["c", "a", "b"]), (origin: "d", members: ["d"])])
        #expect(result.ids[0] == "S1")
        #expect(result.ids[1].hasPrefix("S") && result.ids[1].count == 13)
        #expect(result.newIDs == [result.ids[1]])
        #expect(result.merges.isEmpty)
    }

    @Test func whenTwoStoriesMergeTheOlderIdSurvivesAndTheMergeIsRecorded() {
        // S9 is older (run 1) than S2 (run 2) although it sorts after it and is smaller.
        let assigner = StoryIDAssigner(
            previousStory: ["a": "S2", "b": "S2", "c": "S2", "x": "S9"], firstRuns: ["S2": 2, "S9": 1])
        let result = assigner.assign([(origin: "x", members: ["a", "b", "c", "x", "new"])])
        #expect(result.ids == ["S9"])
        #expect(result.merges.map(\.old) == ["S2"])
        #expect(result.merges.map(\.survivor) == ["S9"])
        #expect(result.newIDs.isEmpty)
    }

    @Test func aSplitKeepsTheIdOnTheLargerPartAndNeverReissuesAnId() {
        let assigner = StoryIDAssigner(
            previousStory: ["a": "S1", "b": "S1", "c": "S1"], firstRuns: ["S1": 1, StableHash.storyID(origin: "c"): 1])
        let result = assigner.assign([(origin: "c", members: ["c"]), (origin: "a", members: ["a", "b"])])
        #expect(result.ids[1] == "S1")
        #expect(result.ids[0] != "S1")
        #expect(result.ids[0] != StableHash.storyID(origin: "c"), "an id issued before is not issued again")
        #expect(Set(result.ids).count == 2)
    }
}
