import Testing
import WiretraceCore
@testable import WiretraceCluster

@Suite struct StoryClustererTests {
    static let meeting = """
        Myanmar's military ruler Min Aung Hlaing met Defence Minister Sergei Shoigu in Moscow on Tuesday \
        and thanked Russia for strengthening the Myanmar army during talks at the security conference.
        The junta chief said military cooperation with Russia would grow, and Shoigu called Myanmar a \
        reliable ally and strategic partner in Southeast Asia.
        """
    static let wire = """
        Myanmar's junta leader Min Aung Hlaing on Tuesday thanked Russia for helping make the Myanmar army \
        one of the strongest in the region, TASS reported from Moscow.
        Shoigu told the visiting general that Moscow regards Myanmar as a reliable ally and strategic \
        partner, and both sides pledged closer military cooperation at the Moscow security conference.
        """
    static let rewrite = """
        In Moscow, Senior General Min Aung Hlaing praised Russian support for the Myanmar army, telling \
        Sergei Shoigu that Russian help had made his forces among the strongest in the region. Analysts \
        said the Moscow visit and the security conference showed the junta leaning on Russia for weapons.
        """
    static let parade = """
        Russia's deputy defence minister Alexander Fomin attended the Armed Forces Day parade in Naypyitaw \
        on Saturday, where Min Aung Hlaing reviewed troops, tanks and Russian-made jets, as the Myanmar \
        army marked its annual day with a show of force.
        """
    static let volcano = """
        A volcano on a remote Pacific island erupted overnight, sending ash twelve kilometres into the sky \
        and forcing airlines to reroute flights across the region, scientists at the geological survey said.
        Villagers were evacuated by boat as lava flowed toward the coast.
        """

    static let day = 1_624_320_000.0  // 2021-06-22

    /// Story inputs as the pipeline builds them: term counts from one shared vocabulary.
    struct Draft {
        var id: String, outlet: String, title: String, published: Double
        var creditedAgencies: [String], citedReporters: [String], quoteIDs: [Int], text: String
    }

    static func build(_ drafts: [Draft]) -> ([StoryInput], StoryVocabulary) {
        var vocabulary = StoryVocabulary()
        let inputs = drafts.map { draft in
            StoryInput(
                id: draft.id, outlet: draft.outlet, title: draft.title, published: draft.published,
                creditedAgencies: draft.creditedAgencies, citedReporters: draft.citedReporters, quoteIDs: draft.quoteIDs,
                terms: vocabulary.counts(text: draft.text, title: draft.title), textLength: draft.text.utf8.count)
        }
        return (inputs, vocabulary)
    }

    static func drafts() -> [Draft] {
        [
            Draft(id: "tass", outlet: "TASS", title: "Myanmar army chief thanks Russia", published: day + 36_000,
                       creditedAgencies: [], citedReporters: [], quoteIDs: [1], text: meeting),
            Draft(id: "reuters", outlet: "Reuters", title: "Myanmar junta leader thanks Russia for boosting military",
                       published: day + 45_000, creditedAgencies: [], citedReporters: ["TASS"], quoteIDs: [1], text: wire),
            Draft(id: "cna", outlet: "CNA", title: "Myanmar junta leader thanks Russia for boosting military",
                       published: day + 47_000, creditedAgencies: ["Reuters"], citedReporters: ["TASS"], quoteIDs: [1], text: wire),
            Draft(id: "digest", outlet: "Digest", title: "Junta leader thanks Russia", published: day + 50_000,
                       creditedAgencies: [], citedReporters: ["TASS"], quoteIDs: [1],
                       text: String(wire.prefix(140))),
            Draft(id: "monitor", outlet: "Monitor", title: "Min Aung Hlaing courts Moscow", published: day + 80_000,
                       creditedAgencies: [], citedReporters: ["TASS"], quoteIDs: [1], text: rewrite),
            Draft(id: "parade", outlet: "Reuters", title: "Russian minister at Myanmar parade",
                       published: day - 86 * 86_400, creditedAgencies: [], citedReporters: [], quoteIDs: [], text: parade),
            Draft(id: "volcano", outlet: "AP", title: "Pacific volcano erupts", published: day,
                       creditedAgencies: [], citedReporters: [], quoteIDs: [], text: volcano),
        ]
    }

    static let links = [
        DuplicateLink(a: 1, b: 2, jaccard: 0.96, aInB: 0.97, bInA: 0.98),
        DuplicateLink(a: 1, b: 3, jaccard: 0.3, aInB: 0.3, bInA: 1.0),
    ]

    @Test func seedStoryHoldsTogetherWithRoles() throws {
        let (inputs, vocabulary) = Self.build(Self.drafts())
        let result = StoryClusterer().cluster(inputs, vocabulary: vocabulary, links: Self.links)
        #expect(result.groups == [[1, 2, 3]])
        let story = try #require(result.stories.first { $0.members.contains { $0.index == 0 } })
        let roles = Dictionary(uniqueKeysWithValues: story.members.map { ($0.index, $0.role) })
        #expect(roles == [0: .origin, 1: .rewrite, 2: .copy, 3: .excerpt, 4: .rewrite])
        let cna = try #require(story.members.first { $0.index == 2 })
        #expect(cna.of == 1)
        #expect(cna.evidence.credited == true)
        let digest = try #require(story.members.first { $0.index == 3 })
        #expect(digest.evidence.credited == false)
        #expect(story.members.first?.role == .origin)
    }

    @Test func hardNegativeAndUnrelatedStayApart() {
        let (inputs, vocabulary) = Self.build(Self.drafts())
        let result = StoryClusterer().cluster(inputs, vocabulary: vocabulary, links: Self.links)
        #expect(result.stories.count == 3)
        for story in result.stories {
            let ids = Set(story.members.map(\.index))
            if ids.contains(5) { #expect(ids == [5]) }
            if ids.contains(6) { #expect(ids == [6]) }
        }
        // Every document in exactly one story.
        let all = result.stories.flatMap { $0.members.map(\.index) }.sorted()
        #expect(all == Array(0..<7))
    }

    @Test func theTimeWindowIsWhatKeepsTheParadeOut() {
        var drafts = Self.drafts()
        drafts[5].published = Self.day + 40_000  // same day: now only words separate it
        drafts[5].text = Self.meeting  // and the same words: it must join
        let (inputs, vocabulary) = Self.build(drafts)
        let result = StoryClusterer().cluster(inputs, vocabulary: vocabulary, links: Self.links)
        let story = result.stories.first { $0.members.contains { $0.index == 0 } }
        #expect(story?.members.contains { $0.index == 5 } == true)
    }

    @Test func storyIDsAreStableAndDistinct() {
        #expect(StableHash.storyID(origin: "tass") == StableHash.storyID(origin: "tass"))
        #expect(StableHash.storyID(origin: "tass") != StableHash.storyID(origin: "reuters"))
        #expect(StableHash.storyID(origin: "x").count == 13)
    }

    @Test func averageLinkageDoesNotChain() {
        // a-b strong, b-c strong, a-c absent: average linkage of {a,b} with c is (0.9 + 0)/2 < 0.5.
        var linkage = AverageLinkage(sizes: [1, 1, 1])
        linkage.addEdge(0, 1, similarity: 0.95)
        linkage.addEdge(1, 2, similarity: 0.9)
        #expect(linkage.run(threshold: 0.5) == [[0, 1], [2]])
    }
}

@Suite struct StoryVocabularyTests {
    @Test func namesNumbersAndBigramsAreEntities() {
        var vocabulary = StoryVocabulary()
        let counts = vocabulary.counts(
            text: "The talks in Moscow went well, and Min Aung Hlaing thanked the army. Lindsay Lohan paid 2013 dollars.",
            title: nil)
        let byTerm = Dictionary(uniqueKeysWithValues: counts.map { (vocabulary.terms[Int($0.term)], $0) })
        #expect(byTerm["aung_hlaing"]?.entity == 1)
        #expect(byTerm["moscow"]?.entity == 1)
        #expect(byTerm["talks"]?.plain == 1)
        #expect(byTerm["talks"]?.entity == 0)
        #expect(byTerm["the"] == nil)  // stop word
        #expect(byTerm["in"] == nil)
        #expect(byTerm["army"]?.plain == 1)
        // A sentence-initial capital counts as a name only when a name follows it.
        #expect(byTerm["lindsay"]?.entity == 1)
        #expect(byTerm["lindsay_lohan"]?.entity == 1)
        #expect(byTerm["2013"]?.entity == 1)
        #expect(byTerm["went"]?.entity == 0)
    }

    @Test func titleWordsCountDoubleAndIdsAreShared() {
        var vocabulary = StoryVocabulary()
        let first = vocabulary.counts(text: "volcano erupts", title: nil)
        let second = vocabulary.counts(text: "", title: "volcano")
        #expect(second.count == 1)
        #expect(second[0].term == first[0].term || second[0].term == first[1].term)
        #expect(second[0].title == 1)
        #expect(second[0].plain == 0)
    }
}

@Suite struct SharedPassagesTests {
    static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    @Test func findsTheCopiedPassageWithOffsetsInBothTexts() throws {
        let wire = "MOSCOW (Reuters) - Myanmar's junta chief on Tuesday thanked Russia for strengthening the army that seized power in a coup earlier this year. Russia has backed its ally."
        let copy = "Skip to main content. MOSCOW: Myanmar’s junta chief on Tuesday thanked Russia for strengthening the army that seized power in a coup earlier this year. READ: more."
        let passages = SharedPassages.find(copy, wire)
        let passage = try #require(passages.first)
        #expect(passages.count == 1)
        #expect(passage.words == 20)
        #expect(Self.slice(copy, passage.start, passage.end).hasPrefix("Myanmar’s junta chief"))
        #expect(Self.slice(copy, passage.start, passage.end).hasSuffix("earlier this year"))
        #expect(Self.slice(wire, passage.otherStart, passage.otherEnd).hasPrefix("Myanmar's junta chief"))
    }

    @Test func offsetsCountUnicodeScalarsAndShortRunsAreIgnored() throws {
        let a = "🚀 Zürich — the city council voted on Monday to close the old bridge to cars for good"
        let b = "Officials said the city council voted on Monday to close the old bridge to cars for good."
        let passage = try #require(SharedPassages.find(a, b).first)
        #expect(Self.slice(a, passage.start, passage.end) == "the city council voted on Monday to close the old bridge to cars for good")
        #expect(SharedPassages.find("one two three four five", "one two three four five six", minimumWords: 8).isEmpty)
        #expect(SharedPassages.find("alpha beta gamma delta epsilon zeta eta theta", "theta eta zeta epsilon delta gamma beta alpha").isEmpty)
    }
}
