import Testing
import WiretraceCore
@testable import WiretraceCluster

/// Two events of one kind at one club (two players arrested on the same charge), written for this
/// test as a handful of rewrites each, publication times unknown as in ECB+: the first pass
/// merges them on the shared vocabulary, the cut pass must put them apart on the names.
@Suite struct StoryCutTests {
    static let first = [
        "Harbor City Gulls linebacker Marcus Delaney was arrested on suspicion of drunken driving early Tuesday, the Coastal Highway Patrol said. Delaney failed sobriety tests on Route 12 near the Eastgate interchange. The Gulls said they were aware of the arrest of Delaney.",
        "Marcus Delaney, a linebacker for the Harbor City Gulls, was arrested on suspicion of drunk driving on Tuesday. Highway Patrol officer Lena Ortiz said Delaney was stopped on Route 12 after weaving across lanes and failed sobriety tests.",
        "The Harbor City Gulls will let linebacker Marcus Delaney play in the playoff game against the Ridgeport Hawks despite his arrest on suspicion of drunk driving on Route 12, coach Dale Whitcombe said. Delaney was booked and released.",
        "Gulls linebacker Delaney arrested on suspicion of drunken driving. Marcus Delaney was pulled over on Route 12 by the Coastal Highway Patrol early Tuesday, officer Lena Ortiz said, days before the Gulls play the Ridgeport Hawks in the playoffs.",
        "Linebacker Marcus Delaney of the Harbor City Gulls says he is innocent after his drunk driving arrest on Route 12. Delaney said in a statement released by the Gulls that he expects no charges and will face the Ridgeport Hawks.",
    ]
    /// One more rewrite of the first arrest, for a story of one event large enough to be tried.
    static let firstFollowUp =
        "Coastal Highway Patrol officer Lena Ortiz said Marcus Delaney failed sobriety tests on Route 12 early Tuesday; the Harbor City Gulls linebacker, booked on suspicion of drunk driving, is expected to play against the Ridgeport Hawks."
    static let second = [
        "Harbor City Gulls kicker Tomas Brandvold was arrested on suspicion of drunken driving early Sunday, the Coastal Highway Patrol said, the club's second such arrest this winter. Brandvold was clocked speeding on Route 40 in his pickup truck.",
        "Tomas Brandvold, the Harbor City Gulls kicker, was arrested on suspicion of drunk driving on Sunday after officers stopped his pickup truck for speeding on Route 40 near Millbrook, Highway Patrol sergeant Omar Haddad said.",
        "Gulls kicker Brandvold faces drunk driving charges. Prosecutors in Millbrook are weighing whether to charge Tomas Brandvold, who was arrested by the Coastal Highway Patrol on Route 40 with a blood alcohol level of 0.12, sergeant Omar Haddad said.",
        "The Harbor City Gulls suspended kicker Tomas Brandvold for two games after his arrest on suspicion of drunk driving on Route 40 near Millbrook, the second arrest of a Gulls player this winter. Brandvold apologised to the club.",
        "Kicker Tomas Brandvold of the Harbor City Gulls was booked on suspicion of drunken driving after the Coastal Highway Patrol stopped his pickup truck on Route 40. Sergeant Omar Haddad said Brandvold registered 0.12 on a breath test.",
    ]

    static func inputs(_ texts: [String]) -> ([StoryInput], StoryVocabulary) {
        var vocabulary = StoryVocabulary()
        let inputs = texts.enumerated().map { index, text in
            StoryInput(
                id: "d\(index)", outlet: "outlet\(index)", title: nil, published: nil, creditedAgencies: [],
                citedReporters: [], quoteIDs: [], terms: vocabulary.counts(text: text, title: nil), textLength: text.utf8.count)
        }
        return (inputs, vocabulary)
    }

    static func partition(_ result: StoryResult) -> Set<Set<Int>> {
        Set(result.stories.map { Set($0.members.map(\.index)) })
    }

    @Test func withoutTheCutPassTheTwoArrestsStayMerged() {
        // The first pass and the average-linkage split pass (at its default) both keep them together.
        let (inputs, vocabulary) = Self.inputs(Self.first + Self.second)
        let configuration = StoryConfiguration(cutThreshold: 0)
        let result = StoryClusterer(configuration: configuration).cluster(inputs, vocabulary: vocabulary, links: [])
        #expect(Self.partition(result) == [Set(0..<10)])
    }

    @Test func theCutPassPutsTheTwoArrestsApart() {
        let (inputs, vocabulary) = Self.inputs(Self.first + Self.second)
        let result = StoryClusterer().cluster(inputs, vocabulary: vocabulary, links: [])
        #expect(Self.partition(result) == [Set(0..<5), Set(5..<10)])
        // Every document in exactly one story.
        #expect(result.stories.flatMap { $0.members.map(\.index) }.sorted() == Array(0..<10))
    }

    @Test func oneEventIsNotCut() {
        // Six rewrites: enough documents for a cut of three and three to be tried.
        let (inputs, vocabulary) = Self.inputs(Self.first + [Self.firstFollowUp])
        let result = StoryClusterer().cluster(inputs, vocabulary: vocabulary, links: [])
        #expect(Self.partition(result) == [Set(0..<6)])
    }

    @Test func aSideNeedsTheMinimumNumberOfDocuments() {
        // Three documents of the second arrest against five of the first: with a minimum of 4 a
        // side, the cut is not allowed and the story stays whole.
        let (inputs, vocabulary) = Self.inputs(Self.first + Self.second.prefix(3))
        let strict = StoryConfiguration(cutMinimumDocuments: 4)
        let whole = StoryClusterer(configuration: strict).cluster(inputs, vocabulary: vocabulary, links: [])
        #expect(Self.partition(whole) == [Set(0..<8)])
        let result = StoryClusterer().cluster(inputs, vocabulary: vocabulary, links: [])
        #expect(Self.partition(result) == [Set(0..<5), Set(5..<8)])
    }
}

@Suite struct PrunedCandidateTests {
    /// 200 nodes that all share one common word, and in pairs share one rarer name: the common
    /// word (in more than 1% of the nodes, and more than 50) proposes nothing; each pair's name
    /// proposes the pair.
    @Test func rarerTermsProposeAndCommonOnesDoNot() {
        let count = 200
        let vectors: [[(term: Int, weight: Double)]] = (0..<count).map { node in
            [(term: 0, weight: 0.9), (term: 1 + node / 2, weight: 0.3)]
        }
        let candidates = StoryClusterer.prunedCandidates(vectors, termCount: vectors.flatMap { $0.map(\.term) }.max()! + 1)
        #expect(candidates.count == count)
        for node in 0..<count {
            #expect(candidates[node] == (node % 2 == 0 ? [node + 1] : []), "node \(node)")
        }
    }

    /// A node sharing rarer terms with more nodes than it may keep: the ones with the highest
    /// partial dot products stay.
    @Test func keepsTheStrongestCandidates() {
        let others = StoryClusterer.candidatesPerNode + 10
        // Node 0 holds terms 1...others; node k holds term k with weight k/others.
        var vectors: [[(term: Int, weight: Double)]] = [(1...others).map { (term: $0, weight: 0.1) }]
        for node in 1...others { vectors.append([(term: node, weight: Double(node) / Double(others))]) }
        let candidates = StoryClusterer.prunedCandidates(vectors, termCount: vectors.flatMap { $0.map(\.term) }.max()! + 1)
        #expect(candidates[0] == Array((others - StoryClusterer.candidatesPerNode + 1)...others))
    }
}

/// The linear-time selection behind the pruned candidates keeps exactly what sorting would.
@Suite struct SelectFirstTests {
    @Test func sameFirstKAsASort() {
        var state: UInt64 = 5
        for trial in 0..<500 {
            let count = 1 + trial % 300
            var elements: [(node: Int, score: Double)] = (0..<count).map { node in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return (node, Double(state >> 60) / 4)  // few distinct scores: many ties, broken by node
            }
            elements.shuffle()
            let precedes: ((node: Int, score: Double), (node: Int, score: Double)) -> Bool = {
                $0.score != $1.score ? $0.score > $1.score : $0.node < $1.node
            }
            let k = Int(state >> 40) % (count + 2)
            let expected = elements.sorted(by: precedes).prefix(k).map(\.node).sorted()
            var selected = elements
            StoryClusterer.selectFirst(k, of: &selected, by: precedes)
            #expect(selected.prefix(k).map(\.node).sorted() == expected, "count \(count), k \(k)")
            #expect(selected.map(\.node).sorted() == Array(0..<count))
        }
    }
}
