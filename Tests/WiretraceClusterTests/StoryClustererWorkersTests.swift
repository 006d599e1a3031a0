import Testing
import WiretraceCore
@testable import WiretraceCluster

/// The story level spreads node centroids, candidate scoring and the cut pass over threads: the
/// groups, stories, roles and evidence must be those one thread gives, in the same order, on a
/// collection whose every candidate is scored and with the pruned search that collections past
/// ``StoryClusterer/exhaustiveCandidateNodes`` take, in one language and in two.
@Suite struct StoryClustererWorkersTests {
    /// Generated news: `families` stories, each told by a few outlets in their own words around
    /// the story's own names, place and number, some of them in German; a share of the outlets
    /// carry a near-copy (linked as a duplicate pair); filler words shared by every story.
    static func collection(families: Int, seed: UInt64, german: Bool)
        -> (documents: [StoryInput], vocabulary: StoryVocabulary, links: [DuplicateLink])
    {
        var random = SplitMix64(seed: seed)
        let syllables = ["ka", "lor", "men", "vi", "sto", "bra", "nel", "tor", "qui", "dan", "shu", "ep", "ron", "mal", "zet"]
        func name() -> String {
            let word = (0..<(2 + random.next(2))).map { _ in syllables[random.next(syllables.count)] }.joined()
            return word.prefix(1).uppercased() + word.dropFirst()
        }
        let events = ["fire", "flood", "election", "strike", "merger", "trial", "storm", "summit", "recall", "protest"]
        let verbs = ["said", "told reporters", "announced", "confirmed", "warned"]
        let filler = ["officials", "residents", "week", "statement", "report", "city", "government", "people", "monday", "area"]
        var vocabulary = StoryVocabulary()
        var documents: [StoryInput] = []
        var links: [DuplicateLink] = []
        for family in 0..<families {
            let (person, place, event) = (name() + " " + name(), name(), events[random.next(events.count)])
            let number = 10 + random.next(990)
            let start = 1_700_000_000 + Double(random.next(60)) * 86_400
            for member in 0..<(1 + random.next(5)) {
                let inGerman = german && member > 0 && random.next(4) == 0
                var words = (0..<(6 + random.next(8))).map { _ in filler[random.next(filler.count)] }
                words += ["\(number)", place, event, person, verbs[random.next(verbs.count)]]
                words.shuffle(using: &random)
                let text = inGerman
                    ? "In \(place) sagte \(person) am Montag, \(number) Menschen seien betroffen. Die Behörden prüfen den Fall."
                    : words.joined(separator: " ") + ". " + "\(person) spoke in \(place) about the \(event)."
                let counts = vocabulary.intern(
                    StoryVocabulary.occurrences(text: text, title: nil) + CrossLanguageAnchors.occurrences(text: text, title: nil))
                let isAnchor = { (entry: TermCount) in vocabulary.terms[Int(entry.term)].first == CrossLanguageAnchors.prefix }
                documents.append(StoryInput(
                    id: "f\(family)-m\(member)", outlet: "Outlet \(random.next(7))", title: nil,
                    published: start + Double(member) * 3_600, creditedAgencies: [], citedReporters: [],
                    quoteIDs: random.next(5) == 0 ? [family] : [], terms: counts.filter { !isAnchor($0) },
                    textLength: text.utf8.count, language: inGerman ? "de" : "en", anchors: counts.filter(isAnchor)))
                if member > 0, random.next(3) == 0 {
                    links.append(DuplicateLink(a: documents.count - 2, b: documents.count - 1, jaccard: 0.6, aInB: 0.7, bInA: 0.75))
                }
            }
        }
        return (documents, vocabulary, links)
    }

    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func threadsGiveWhatOneThreadGives(pruned: Bool, german: Bool) {
        let (documents, vocabulary, links) = Self.collection(families: 150, seed: german ? 7 : 8, german: german)
        var one = StoryClusterer(configuration: StoryConfiguration(cutMinimumDocuments: 1), workers: 1)
        // The pruned search, as a collection past exhaustiveCandidateNodes takes it.
        if pruned { one.exhaustiveCandidateLimit = 50 }
        let expected = one.cluster(documents, vocabulary: vocabulary, links: links)
        // Not a trivial result: stories of several documents, and near-duplicate groups.
        #expect(expected.stories.filter { $0.members.count > 2 }.count > 30)
        #expect(!expected.groups.isEmpty)
        for workers in [2, 3] {
            var many = one
            many.workers = workers
            let result = many.cluster(documents, vocabulary: vocabulary, links: links)
            #expect(result.groups == expected.groups)
            #expect(result.stories == expected.stories)
        }
    }
}
