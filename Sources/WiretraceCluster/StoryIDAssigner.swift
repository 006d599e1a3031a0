import WiretraceCore

/// Gives the stories of a new analysis the ids they had, so that a story's id is stable from
/// the run it first appeared in.
///
/// Previous ids are considered oldest first (the run they first appeared in, then the id). Each
/// goes to the new story holding most of its former members among the stories that have no id
/// yet (ties: the story whose smallest member id is smallest). An id whose members all ended in
/// stories that already took an older id is retired as merged into the story holding most of
/// them: when two stories merge, the older id survives. A story holding no former member (all
/// its documents are new, or it was split off) gets a fresh id: "S" and 12 hex digits of
/// FNV-1a-64 over its origin's id (what a first run gives), or over "origin#k" when that id was
/// ever issued before.
package struct StoryIDAssigner {
    /// The story each document was in after the previous analysis, by document id.
    package let previousStory: [String: String]
    /// Every id ever issued, with the run it first appeared in.
    package let firstRuns: [String: Int]

    package init(previousStory: [String: String], firstRuns: [String: Int]) {
        self.previousStory = previousStory
        self.firstRuns = firstRuns
    }

    package struct Assignment {
        /// One id per story, in the order given.
        package var ids: [String]
        /// Ids issued for the first time.
        package var newIDs: [String]
        /// Previous ids retired into a survivor.
        package var merges: [(old: String, survivor: String)]
    }

    /// - Complexity: O(n + s·p log p) for n members, s stories and p previous ids per story.
    package func assign(_ stories: [(origin: String, members: [String])]) -> Assignment {
        // Former members of each previous id, per new story.
        var overlap: [String: [Int: Int]] = [:]
        for (story, entry) in stories.enumerated() {
            for member in entry.members {
                guard let previous = previousStory[member] else { continue }
                overlap[previous, default: [:]][story, default: 0] += 1
            }
        }
        let smallestMember = stories.map { entry in entry.members.min { $0.utf8.lexicographicallyPrecedes($1.utf8) } ?? "" }
        func holdsMore(_ x: (story: Int, count: Int), _ y: (story: Int, count: Int)) -> Bool {
            x.count != y.count ? x.count > y.count : smallestMember[x.story].utf8.lexicographicallyPrecedes(smallestMember[y.story].utf8)
        }
        let previousIDs = overlap.keys.sorted { x, y in
            let rx = firstRuns[x] ?? Int.max, ry = firstRuns[y] ?? Int.max
            return rx != ry ? rx < ry : x.utf8.lexicographicallyPrecedes(y.utf8)
        }
        var ids = [String?](repeating: nil, count: stories.count)
        var retired: [(old: String, story: Int)] = []
        for previous in previousIDs {
            let holders = overlap[previous]!.map { (story: $0.key, count: $0.value) }.sorted(by: holdsMore)
            if let free = holders.first(where: { ids[$0.story] == nil }) {
                ids[free.story] = previous
            } else {
                retired.append((previous, holders[0].story))
            }
        }
        var issued = Set(firstRuns.keys)
        var newIDs: [String] = []
        for story in stories.indices where ids[story] == nil {
            var candidate = StableHash.storyID(origin: stories[story].origin)
            var attempt = 1
            while issued.contains(candidate) {
                attempt += 1
                candidate = StableHash.storyID(origin: stories[story].origin, attempt: attempt)
            }
            issued.insert(candidate)
            newIDs.append(candidate)
            ids[story] = candidate
        }
        let final = ids.map { $0! }
        return Assignment(ids: final, newIDs: newIDs, merges: retired.map { ($0.old, final[$0.story]) })
    }
}
