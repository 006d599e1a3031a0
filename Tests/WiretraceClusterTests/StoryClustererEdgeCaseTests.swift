import Testing
import WiretraceCore
@testable import WiretraceCluster

/// The story level on the inputs real dumps give it: one document, two, none; documents with no
/// words, no names, no dates, no outlet; one outlet for all; identical texts. And a seeded
/// property test over generated collections: whatever the input, every document ends in exactly
/// one story and every role points inside its story.
@Suite struct StoryClustererEdgeCaseTests {
    static let day = 1_624_320_000.0

    static func input(_ id: String, text: String, title: String? = nil, outlet: String? = "Outlet", published: Double? = day,
                      quoteIDs: [Int] = [], vocabulary: inout StoryVocabulary) -> StoryInput {
        StoryInput(
            id: id, outlet: outlet, title: title, published: published, creditedAgencies: [], citedReporters: [],
            quoteIDs: quoteIDs, terms: vocabulary.counts(text: text, title: title), textLength: text.utf8.count)
    }

    /// Checks what every result must satisfy, whatever the input.
    static func checkInvariants(_ result: StoryResult, count: Int, links: [DuplicateLink], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var storyOf = [Int](repeating: -1, count: count)
        for (storyIndex, story) in result.stories.enumerated() {
            #expect(!story.members.isEmpty, sourceLocation: sourceLocation)
            #expect(story.members.first?.role == .origin, sourceLocation: sourceLocation)
            #expect(story.members.filter { $0.role == .origin }.count == 1, sourceLocation: sourceLocation)
            for member in story.members {
                #expect((0..<count).contains(member.index), sourceLocation: sourceLocation)
                guard (0..<count).contains(member.index) else { continue }
                #expect(storyOf[member.index] == -1, "document \(member.index) in two stories", sourceLocation: sourceLocation)
                storyOf[member.index] = storyIndex
            }
            let indices = Set(story.members.map(\.index))
            for member in story.members where member.role != .origin {
                #expect(member.of.map(indices.contains) == true, "\(member.role) of a document outside its story", sourceLocation: sourceLocation)
            }
        }
        #expect(!storyOf.contains(-1), "a document in no story", sourceLocation: sourceLocation)
        #expect(Set(result.stories.map(\.id)).count == result.stories.count, sourceLocation: sourceLocation)
        // Groups: disjoint, two or more members, and linked documents share one.
        var groupOf = [Int?](repeating: nil, count: count)
        for (index, group) in result.groups.enumerated() {
            #expect(group.count >= 2, sourceLocation: sourceLocation)
            for member in group {
                #expect(groupOf[member] == nil, sourceLocation: sourceLocation)
                groupOf[member] = index
            }
        }
        for link in links {
            #expect(groupOf[link.a] != nil && groupOf[link.a] == groupOf[link.b], sourceLocation: sourceLocation)
        }
    }

    /// Regression (issue 14): a document whose strongest entity term is not among its strongest
    /// terms overall. Entity vectors keep their own strongest terms, so the name's id (the
    /// largest: it comes last) was past the end of the dense arrays sized from the full vectors,
    /// and `run` died with "Illegal instruction" on a single real article.
    @Test func anEntityTermCutFromTheFullVectorDoesNotCrash() {
        var vocabulary = StoryVocabulary()
        let plain = ["harbour", "ferry", "timetable", "winter", "crossing", "passengers", "morning", "evening",
                     "weather", "service", "tickets"]
        // Each plain word three times (tf 3), then one name inside a sentence (entity tf 1.5).
        let text = (plain + plain + plain).joined(separator: " ") + " and then came Zanzibar."
        let document = Self.input("only", text: text, vocabulary: &vocabulary)
        let configuration = StoryConfiguration(termsPerDocument: 10)
        let vectors = TermVectors(terms: TermCountTable([document.terms]), vocabulary: vocabulary, configuration: configuration)
        // The situation the crash needs: an entity id larger than every id the full vector kept.
        let fullMaximum = vectors.vectors(0).all.map(\.term).max() ?? -1
        let entityMaximum = vectors.vectors(0).entity.map(\.term).max() ?? -1
        #expect(entityMaximum > fullMaximum)

        let result = StoryClusterer(configuration: configuration).cluster([document], vocabulary: vocabulary, links: [])
        Self.checkInvariants(result, count: 1, links: [])
        #expect(result.stories.count == 1)
    }

    @Test func noDocumentsGiveNoStories() {
        let result = StoryClusterer().cluster([], vocabulary: StoryVocabulary(), links: [])
        #expect(result.stories.isEmpty && result.groups.isEmpty)
    }

    @Test func oneDocumentIsOneStoryAndItsOrigin() {
        var vocabulary = StoryVocabulary()
        let document = Self.input("solo", text: "The Kestrel Bay lifeboat was launched twice on Sunday.", vocabulary: &vocabulary)
        let result = StoryClusterer().cluster([document], vocabulary: vocabulary, links: [])
        Self.checkInvariants(result, count: 1, links: [])
        #expect(result.stories.map { $0.members.map(\.role) } == [[.origin]])
    }

    @Test func documentsWithNoWordsAreEachAStory() {
        var vocabulary = StoryVocabulary()
        // Empty text, punctuation only, stop words only, one- and two-letter words only.
        let texts = ["", "... !!! ---", "the and of to", "a b c de fg", "¿¡ — “ ” «»"]
        let documents = texts.enumerated().map { index, text in
            Self.input("empty-\(index)", text: text, outlet: nil, published: nil, vocabulary: &vocabulary)
        }
        #expect(documents.allSatisfy { $0.terms.isEmpty })
        let result = StoryClusterer().cluster(documents, vocabulary: vocabulary, links: [])
        Self.checkInvariants(result, count: documents.count, links: [])
        #expect(result.stories.count == documents.count)
    }

    @Test func twoIdenticalTextsFromOneOutletWithoutDates() {
        var vocabulary = StoryVocabulary()
        let text = "Council members voted to rebuild the old stone bridge over the river before the spring floods arrive."
        let documents = ["copy-a", "copy-b"].map { Self.input($0, text: text, title: "Bridge vote", published: nil, vocabulary: &vocabulary) }
        let links = [DuplicateLink(a: 0, b: 1, jaccard: 1, aInB: 1, bInA: 1)]
        let result = StoryClusterer().cluster(documents, vocabulary: vocabulary, links: links)
        Self.checkInvariants(result, count: 2, links: links)
        #expect(result.stories.count == 1)
        #expect(result.groups == [[0, 1]])
        #expect(result.stories[0].members.map(\.role).sorted { $0.rawValue < $1.rawValue } == [.copy, .origin])
    }

    @Test func twoIdenticalTextsWithoutALinkStillEndInOneStoryEach() {
        // Stories never need a near-duplicate link; and nothing may divide by a zero norm.
        var vocabulary = StoryVocabulary()
        let text = "lower case words only about harbour cranes being replaced after forty years"
        let documents = ["x", "y"].map { Self.input($0, text: text, outlet: nil, vocabulary: &vocabulary) }
        let result = StoryClusterer().cluster(documents, vocabulary: vocabulary, links: [])
        Self.checkInvariants(result, count: 2, links: [])
    }

    @Test func noNamesAndAllOneOutlet() {
        var vocabulary = StoryVocabulary()
        let documents = (0..<6).map { index in
            Self.input("plain-\(index)", text: "plain lower case report number \(index) about weather and tides and the harbour",
                       outlet: "Same Outlet", published: Self.day + Double(index) * 3600, vocabulary: &vocabulary)
        }
        let result = StoryClusterer().cluster(documents, vocabulary: vocabulary, links: [])
        Self.checkInvariants(result, count: documents.count, links: [])
    }

    @Test func datesFarApartAndMissingMix() {
        var vocabulary = StoryVocabulary()
        let text = "Mayor Ingrid Holm opened the Tavona bridge on Friday."
        let times: [Double?] = [nil, 0, -62_135_596_800, 253_402_300_799, Self.day, nil]
        let documents = times.enumerated().map { index, time in
            Self.input("t\(index)", text: text, published: time, quoteIDs: [1], vocabulary: &vocabulary)
        }
        let result = StoryClusterer().cluster(documents, vocabulary: vocabulary, links: [])
        Self.checkInvariants(result, count: documents.count, links: [])
    }

    /// Seeded property test: random collections of 0-14 documents built from a small vocabulary
    /// of names and words (so documents overlap), with random titles, outlets, dates, quotes,
    /// near-duplicate links and a small `termsPerDocument` (so vectors are cut often).
    @Test(arguments: 0..<40)
    func randomCollectionsKeepTheInvariants(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        let names = ["Ingrid Holm", "Tavona", "Kestrel Bay", "Min Aung Hlaing", "Halvorsen", "Lytton", "Ruavatu",
                     "Eastvale", "Moscow", "Naypyitaw", "Meridian", "Sergei Shoigu"]
        let words = ["harbour", "bridge", "council", "election", "volcano", "eruption", "ferry", "market", "shares",
                     "rates", "storm", "flood", "minister", "talks", "army", "parade", "museum", "marathon", "record",
                     "heat", "village", "plant", "chips", "shortage"]
        let count = random.next(15)
        var vocabulary = StoryVocabulary()
        var documents: [StoryInput] = []
        for index in 0..<count {
            var sentence: [String] = []
            for _ in 0..<random.next(60) {
                switch random.next(10) {
                case 0..<3: sentence.append(names[random.next(names.count)])
                case 3: sentence.append(String(random.next(2030)))
                case 4: sentence.append(".")
                default: sentence.append(words[random.next(words.count)])
                }
            }
            let text = sentence.joined(separator: " ")
            let title: String? = random.next(3) == 0 ? nil : names[random.next(names.count)] + " " + words[random.next(words.count)]
            let outlet: String? = random.next(4) == 0 ? nil : ["Reuters", "AP", "TASS", "Courier", "Courier"][random.next(5)]
            let published: Double? = random.next(4) == 0 ? nil : Self.day + Double(random.next(20 * 86_400))
            let quotes = random.next(3) == 0 ? [random.next(4)] : []
            documents.append(StoryInput(
                id: "doc-\(seed)-\(index)", outlet: outlet, title: title, published: published,
                creditedAgencies: random.next(4) == 0 ? ["Reuters"] : [], citedReporters: random.next(5) == 0 ? ["TASS"] : [],
                quoteIDs: quotes, terms: vocabulary.counts(text: text, title: title), textLength: text.utf8.count))
        }
        var links: [DuplicateLink] = []
        if count >= 2 {
            for _ in 0..<random.next(count) {
                let a = random.next(count), b = random.next(count)
                guard a != b, !links.contains(where: { Set([$0.a, $0.b]) == Set([a, b]) }) else { continue }
                let jaccard = Double(random.next(101)) / 100
                links.append(DuplicateLink(a: min(a, b), b: max(a, b), jaccard: jaccard, aInB: max(jaccard, 0.5), bInA: 1))
            }
        }
        let configuration = StoryConfiguration(termsPerDocument: 10 + random.next(30), cutMinimumDocuments: 1 + random.next(3))
        let result = StoryClusterer(configuration: configuration).cluster(documents, vocabulary: vocabulary, links: links)
        Self.checkInvariants(result, count: count, links: links)
    }
}

