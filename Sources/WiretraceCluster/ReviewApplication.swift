import WiretraceCore

/// Applies reviewers' decisions to the stories a run's clusterer built, so that a correction
/// survives re-runs: decisions name documents, and are applied oldest first.
///
/// - `confirm`: the confirmed members are put (back) in one story.
/// - `split`: the document becomes a story of its own.
/// - `merge`: the stories holding the two documents become one.
/// - `not_same`: the two documents are never in one story (enforced again after everything else,
///   so a later merge cannot undo it); the second document leaves.
///
/// A story whose membership changed gets its origin re-chosen among its former origins (the
/// earliest, then the smallest id); members whose source left the story, and former origins,
/// become rewrites of that origin, with `basis`/`link` saying a review put them there.
package struct ReviewApplication {
    package let decisions: [ReviewDecision]

    package init(decisions: [ReviewDecision]) { self.decisions = decisions }

    /// - Complexity: O(n + d·m) for n documents, d decisions and m members moved per decision.
    package func apply(to stories: [Story], ids: [String], published: [Double?]) -> [Story] {
        guard !decisions.isEmpty, !stories.isEmpty else { return stories }
        let indexByID = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var storyOf = [Int](repeating: -1, count: ids.count)
        var members: [[Int]] = stories.map { $0.members.map(\.index) }
        for (key, story) in stories.enumerated() {
            for member in story.members { storyOf[member.index] = key }
        }
        func move(_ document: Int, to key: Int) {
            let from = storyOf[document]
            guard from != key else { return }
            if from >= 0 { members[from].removeAll { $0 == document } }
            members[key].append(document)
            storyOf[document] = key
        }
        func separate(_ document: Int) {
            guard storyOf[document] >= 0, members[storyOf[document]].count > 1 else { return }
            members.append([])
            move(document, to: members.count - 1)
        }
        var apart: [(Int, Int)] = []
        for decision in decisions {
            let a = decision.documentA.flatMap { indexByID[$0] }
            let b = decision.documentB.flatMap { indexByID[$0] }
            switch decision.kind {
            case .confirm:
                let present = decision.members.compactMap { indexByID[$0] }
                guard let first = present.first, storyOf[first] >= 0 else { continue }
                for document in present.dropFirst() { move(document, to: storyOf[first]) }
            case .split:
                if let a { separate(a) }
            case .merge:
                guard let a, let b, storyOf[a] >= 0, storyOf[b] >= 0, storyOf[a] != storyOf[b] else { continue }
                for document in members[storyOf[b]] { move(document, to: storyOf[a]) }
            case .notSame:
                guard let a, let b else { continue }
                apart.append((a, b))
                if storyOf[a] == storyOf[b] { separate(b) }
            }
        }
        for (a, b) in apart where storyOf[a] == storyOf[b] { separate(b) }

        var result: [Story] = []
        let template = stories[0]
        let memberByIndex = Dictionary(
            stories.flatMap(\.members).map { ($0.index, $0) }, uniquingKeysWith: { a, _ in a })
        for (key, current) in members.enumerated() where !current.isEmpty {
            if key < stories.count, Set(current) == Set(stories[key].members.map(\.index)) {
                result.append(stories[key])
                continue
            }
            result.append(rebuilt(current, template: template, memberByIndex: memberByIndex, ids: ids, published: published))
        }
        return result
    }

    /// A story over `indices` with a re-chosen origin; members that keep their source keep their role.
    private func rebuilt(
        _ indices: [Int], template: Story, memberByIndex: [Int: StoryMember], ids: [String], published: [Double?]
    ) -> Story {
        func earlier(_ a: Int, _ b: Int) -> Bool {
            (published[a] ?? .infinity, ids[a]) < (published[b] ?? .infinity, ids[b])
        }
        let formerOrigins = indices.filter { memberByIndex[$0]?.role == .origin }
        let origin = (formerOrigins.isEmpty ? indices : formerOrigins).min(by: earlier)!
        let inStory = Set(indices)
        var story = template
        story.id = StableHash.storyID(origin: ids[origin])
        var originMember = memberByIndex[origin]!
        originMember.role = .origin
        originMember.of = nil
        originMember.evidence.link = "origin"
        originMember.evidence.of = nil
        originMember.evidence.basis = indices.count == 1 ? "review: split out" : "review: earliest origin of the reviewed story"
        story.members = [originMember]
        for index in indices where index != origin {
            var member = memberByIndex[index]!
            let keepsSource = member.role != .origin && member.of.map(inStory.contains) == true
            if !keepsSource {
                member.role = .rewrite
                member.of = origin
                member.evidence.link = "review"
                member.evidence.of = ids[origin]
                member.evidence.basis = "review: placed in this story by a reviewer"
                member.evidence.passages = nil
            }
            story.members.append(member)
        }
        return story
    }
}
