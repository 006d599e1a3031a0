import Testing
@testable import WiretraceCluster
import WiretraceCore

/// Reviewers' decisions applied to a clusterer's stories: split, merge, not the same, confirm.
@Suite struct ReviewApplicationTests {
    // Documents 0-2 are one story (0 the origin, 1 a copy of 0, 2 a rewrite of 0); 3-4 another.
    static let ids = ["harbour-wire", "harbour-copy", "harbour-rewrite", "valley-wire", "valley-copy"]
    static let published: [Double?] = [100, 200, 300, 50, 60]

    static func member(_ index: Int, _ role: StoryRole, of: Int? = nil) -> StoryMember {
        StoryMember(
            index: index, role: role, of: of, group: nil,
            evidence: StoryEvidence(link: role.rawValue, of: of.map { ids[$0] }, jaccard: role == .copy ? 0.9 : nil))
    }

    static let stories = [
        Story(id: StableHash.storyID(origin: ids[0]), members: [member(0, .origin), member(1, .copy, of: 0), member(2, .rewrite, of: 0)]),
        Story(id: StableHash.storyID(origin: ids[3]), members: [member(3, .origin), member(4, .copy, of: 3)]),
    ]

    func apply(_ decisions: [ReviewDecision]) -> [Story] {
        ReviewApplication(decisions: decisions).apply(to: Self.stories, ids: Self.ids, published: Self.published)
    }

    func memberIDs(_ stories: [Story]) -> [[String]] {
        stories.map { $0.members.map { Self.ids[$0.index] } }
    }

    @Test func noDecisionsLeaveTheStoriesAsTheyAre() {
        #expect(apply([]) == Self.stories)
    }

    @Test func aSplitDocumentBecomesAStoryOfItsOwn() {
        let result = apply([ReviewDecision(kind: .split, documentA: "harbour-rewrite", reviewer: "ed")])
        #expect(memberIDs(result) == [["harbour-wire", "harbour-copy"], ["valley-wire", "valley-copy"], ["harbour-rewrite"]])
        let alone = result[2]
        #expect(alone.id == StableHash.storyID(origin: "harbour-rewrite"))
        #expect(alone.members[0].role == .origin)
        #expect(alone.members[0].evidence.basis == "review: split out")
        #expect(result[1] == Self.stories[1], "an untouched story is returned as it was")
    }

    @Test func aMergeKeepsTheEarliestOriginAndMakesTheOtherOriginARewrite() {
        let result = apply([ReviewDecision(kind: .merge, documentA: "harbour-copy", documentB: "valley-copy", reviewer: "ed")])
        #expect(result.count == 1)
        let story = result[0]
        // valley-wire was published first: it is the origin of the merged story.
        #expect(Self.ids[story.members[0].index] == "valley-wire")
        #expect(story.id == StableHash.storyID(origin: "valley-wire"))
        let harbourWire = story.members.first { Self.ids[$0.index] == "harbour-wire" }
        #expect(harbourWire?.role == .rewrite)
        #expect(harbourWire?.evidence.link == "review")
        #expect(harbourWire?.evidence.of == "valley-wire")
        // A copy whose source stayed in the story keeps its role and evidence.
        let harbourCopy = story.members.first { Self.ids[$0.index] == "harbour-copy" }
        #expect(harbourCopy?.role == .copy)
        #expect(harbourCopy?.evidence.jaccard == 0.9)
    }

    @Test func notTheSameOutlastsALaterMerge() {
        let result = apply([
            ReviewDecision(kind: .notSame, documentA: "harbour-wire", documentB: "valley-wire", reviewer: "ed"),
            ReviewDecision(kind: .merge, documentA: "harbour-wire", documentB: "valley-wire", reviewer: "bo"),
        ])
        let storyOf = Dictionary(uniqueKeysWithValues: result.enumerated().flatMap { key, story in
            story.members.map { (Self.ids[$0.index], key) }
        })
        #expect(storyOf["harbour-wire"] != storyOf["valley-wire"])
        #expect(result.flatMap(\.members).count == Self.ids.count, "every document stays in exactly one story")
    }

    @Test func aConfirmedStoryIsPutBackTogether() {
        let result = apply([
            ReviewDecision(kind: .split, documentA: "harbour-copy", reviewer: "ed"),
            ReviewDecision(kind: .confirm, members: ["harbour-wire", "harbour-copy", "harbour-rewrite"], reviewer: "bo"),
        ])
        #expect(Set(memberIDs(result).map(Set.init)) == [["harbour-wire", "harbour-copy", "harbour-rewrite"], ["valley-wire", "valley-copy"]])
    }
}
