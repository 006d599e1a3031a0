import Testing
import WiretraceCore
@testable import WiretraceCluster

/// The packed table of term counts gives back exactly what was appended, and the story level
/// reads its counts from the tables alone.
@Suite struct TermCountTableTests {
    /// A random count: zero, small or large whole numbers, or one of `specials`.
    static func count(_ random: inout SplitMix64, specials: [Float]) -> Float {
        switch random.next(4) {
        case 0: return 0
        case 1: return Float(random.next(4))
        case 2: return Float(random.next(100_000))
        default: return specials[random.next(specials.count)]
        }
    }

    /// Random rows: ids sorted (as interning gives them) or in any order, repeated ids, whole
    /// counts small and large, fractions, -0, infinities and NaN; empty rows between.
    @Test(arguments: 0..<20)
    func rowsComeBackBitForBit(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &+ 0x5EED)
        let specials: [Float] = [0, -0.0, 0.5, 1.25, 3e9, 5e9, .infinity, -.infinity, .nan, -1, 1e-30, 255, 65_536, 4_294_967_040]
        func count() -> Float { Self.count(&random, specials: specials) }
        var rows: [[TermCount]] = []
        for _ in 0..<random.next(30) {
            var row = (0..<random.next(50)).map { _ in
                TermCount(term: Int32(random.next(3) == 0 ? random.next(1 << 31) : random.next(5_000)), plain: count(), entity: count(), title: count())
            }
            if random.next(2) == 0 { row.sort { $0.term < $1.term } }
            rows.append(row)
        }
        let table = TermCountTable(rows)
        #expect(table.count == rows.count)
        for (index, row) in rows.enumerated() {
            let decoded = table[index]
            #expect(decoded.count == row.count)
            for (got, want) in zip(decoded, row) {
                #expect(got.term == want.term)
                #expect(got.plain.bitPattern == want.plain.bitPattern)
                #expect(got.entity.bitPattern == want.entity.bitPattern)
                #expect(got.title.bitPattern == want.title.bitPattern)
            }
        }
    }

    /// An array's counts (the concrete entry) and the same counts through any other sequence
    /// (the generic entry) pack to the same bytes.
    @Test(arguments: 0..<5)
    func arraysAndOtherSequencesPackAlike(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &+ 0xA11)
        var fromArrays = TermCountTable()
        var fromSequences = TermCountTable()
        for _ in 0..<20 {
            let row = (0..<random.next(40)).map { _ in
                TermCount(term: Int32(random.next(9_000)), plain: Float(random.next(9)), entity: random.next(3) == 0 ? 0.5 : 0, title: 0)
            }
            fromArrays.append(row)
            fromSequences.append(row.lazy.filter { _ in true })
        }
        #expect(fromArrays == fromSequences)
        #expect(fromArrays.count == 20)
    }

    /// A news article's counts (sorted ids, small whole counts) take a few bytes a term, not
    /// the 16 of an array of ``TermCount``.
    @Test func sortedSmallCountsTakeAFewBytesATerm() {
        var vocabulary = StoryVocabulary()
        let text = (0..<400).map { "word\($0 % 250) Name\($0 % 37) said" }.joined(separator: " ")
        let counts = vocabulary.counts(text: text, title: "Name3 word7")
        let table = TermCountTable([counts])
        #expect(counts.count > 250)
        #expect(table.byteCount <= counts.count * 4)
        #expect(table[0] == counts)
    }

    /// Documents whose own counts are empty, with the counts given as tables, cluster exactly as
    /// the same documents carrying their counts: nothing reads the documents' arrays.
    @Test func theClustererReadsOnlyTheTables() {
        let texts: [(String, String?)] = [
            ("Kestrel Bay ferry capsized on Tuesday; 42 passengers rescued, said Ingrid Holm of the coast guard.", "en"),
            ("The ferry that capsized off Kestrel Bay carried 42 passengers, Ingrid Holm told reporters.", "en"),
            ("Eine Fähre ist vor Kestrel Bay gekentert; 42 Passagiere gerettet, sagte Ingrid Holm.", "de"),
            ("Shares of Meridian fell after the chips shortage deepened, Halvorsen said in Eastvale.", "en"),
            ("Meridian shares dropped as the chip shortage hit its Eastvale plant, according to Halvorsen.", "en"),
            ("Die Meridian-Aktie fiel wegen des Chipmangels im Werk Eastvale, sagte Halvorsen.", "de"),
            ("A marathon record fell in Lytton as the heat eased.", "en"),
        ]
        var vocabulary = StoryVocabulary()
        var full: [StoryInput] = []
        for (index, (text, language)) in texts.enumerated() {
            let counts = vocabulary.intern(
                StoryVocabulary.occurrences(text: text, title: nil) + CrossLanguageAnchors.occurrences(text: text, title: nil))
            let isAnchor = { (entry: TermCount) in vocabulary.terms[Int(entry.term)].first == CrossLanguageAnchors.prefix }
            full.append(StoryInput(
                id: "d\(index)", outlet: "Outlet \(index % 3)", title: nil, published: 1_700_000_000 + Double(index) * 3_600,
                creditedAgencies: [], citedReporters: [], quoteIDs: [], terms: counts.filter { !isAnchor($0) },
                textLength: text.utf8.count, language: language, anchors: counts.filter(isAnchor)))
        }
        #expect(full.contains { !$0.anchors.isEmpty })
        let stripped = full.map { document in
            var document = document
            document.terms = []
            document.anchors = []
            return document
        }
        let links = [DuplicateLink(a: 0, b: 1, jaccard: 0.6, aInB: 0.7, bInA: 0.7)]
        let clusterer = StoryClusterer(configuration: StoryConfiguration(cutMinimumDocuments: 1))
        let expected = clusterer.cluster(full, vocabulary: vocabulary, links: links)
        let packed = clusterer.cluster(
            stripped, terms: TermCountTable(full.map(\.terms)), anchors: TermCountTable(full.map(\.anchors)),
            vocabulary: vocabulary, links: links)
        #expect(packed.groups == expected.groups)
        #expect(packed.stories == expected.stories)
        // And the documents alone, without their counts, cluster differently (the test can fail).
        let empty = clusterer.cluster(stripped, vocabulary: vocabulary, links: links)
        #expect(empty.stories != expected.stories)
    }
}
