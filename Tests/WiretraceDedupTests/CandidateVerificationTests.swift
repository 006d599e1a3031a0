import Testing
import WiretraceCore
@testable import WiretraceDedup

/// Verification a part at a time under budgets far below the candidate documents' sets: the same
/// accepted pairs as walking every candidate pair on every set at once.
@Suite struct CandidateVerificationTests {
    /// Texts built the way news text recurs: a small pool of sentences drawn in short runs, so
    /// unrelated families share runs and the candidate graph has one large component; each
    /// family is an original with a copy, a lightly edited copy and an excerpt.
    static func recurringSentenceCorpus() -> [String] {
        var generator = TextGenerator(seed: 0x5EED)
        let pool = (0..<36).map { _ in generator.words(14) }
        var texts: [String] = []
        for _ in 0..<30 {
            var words: [String] = []
            while words.count < 220 {
                let start = Int.random(in: 0..<pool.count, using: &generator.random)
                for offset in 0..<Int.random(in: 2...5, using: &generator.random) {
                    words += pool[(start + offset) % pool.count]
                }
            }
            texts.append(generator.text(words))
            switch Int.random(in: 0..<3, using: &generator.random) {
            case 0: texts.append(generator.text(words))
            case 1: texts.append(generator.text(generator.mutate(words, rate: 0.03)))
            default: texts.append(generator.text(Array(words[40..<180])))
            }
            if Bool.random(using: &generator.random) { texts.append(generator.text(Array(words[0..<150]))) }
        }
        return texts
    }

    @Test func partsWithinAnyBudgetVerifyTheSamePairs() throws {
        let finder = DuplicateFinder(configuration: DedupConfiguration())
        var sketcher = DedupSketcher(configuration: DedupConfiguration(), banding: finder.banding)
        var table = BandKeyTable(banding: finder.banding)
        var sets: [[UInt64]?] = []
        for text in Self.recurringSentenceCorpus() {
            let (keys, set) = sketcher.sketchSet(text)
            table.append(keys)
            sets.append(set)
        }
        let candidates = table.candidatePairs(workers: 2)
        let reference = CandidateVerification.referenceVerify(candidates, shingleSets: sets, finder: finder)
            .sorted { ($0.a, $0.b) < ($1.a, $1.b) }
        let size: (Int) -> Int = { sets[$0]!.count }

        // The largest component of the candidate graph, in hashes.
        var components = UnionFind(count: sets.count)
        for pair in candidates { components.union(pair.a, pair.b) }
        var hashesOfRoot = [Int](repeating: 0, count: sets.count)
        var isCandidate = [Bool](repeating: false, count: sets.count)
        for pair in candidates {
            isCandidate[pair.a] = true
            isCandidate[pair.b] = true
        }
        for document in sets.indices where isCandidate[document] { hashesOfRoot[components.find(document)] += size(document) }
        let total = hashesOfRoot.reduce(0, +)
        let largest = hashesOfRoot.max()!
        #expect(largest > total / 2, "one component holds most candidate documents (\(largest) of \(total) hashes)")
        #expect(reference.count > 20 && reference.count < candidates.count, "\(reference.count) of \(candidates.count) accepted")

        for budget in [total, largest - 1, largest / 3, 3 * size(0), 0] {
            var reordered = candidates.map(CandidateVerification.packed)
            let parts = CandidateVerification.parts(of: &reordered, documentCount: sets.count, budget: budget, shingleCount: size)
            // Every candidate pair in exactly one part, with both its documents.
            #expect(parts.map(\.pairs.count).reduce(0, +) == candidates.count && parts.first?.pairs.lowerBound == 0)
            #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.pairs.upperBound == $1.pairs.lowerBound })
            #expect(reordered.sorted() == candidates.map(CandidateVerification.packed), "budget \(budget)")
            for part in parts {
                #expect(part.documents == Array(Set(part.documents)).sorted())
                let documents = Set(part.documents)
                #expect(reordered[part.pairs].allSatisfy {
                    documents.contains(CandidateVerification.first($0)) && documents.contains(CandidateVerification.second($0))
                })
                let hashes = part.documents.reduce(0) { $0 + size($1) }
                #expect(hashes <= budget || part.documents.contains { size($0) > budget / 2 }, "part of \(hashes) hashes, budget \(budget)")
            }
            if budget < largest {
                #expect(parts.reduce(0) { $0 + $1.documents.count } > Set(parts.flatMap(\.documents)).count,
                        "the large component is split: some documents are in several parts (budget \(budget))")
            }
            // Sets taken only when the part needs them and the last part did not hold them.
            var loads = 0
            let verified = CandidateVerification.verify(parts, of: reordered, documentCount: sets.count, finder: finder, workers: 2) { documents in
                #expect(documents == documents.sorted())
                loads += documents.count
                return documents.map { ($0, sets[$0]!) }
            }
            #expect(verified == reference, "budget \(budget)")
            #expect(loads <= parts.reduce(0) { $0 + $1.documents.count })
            if budget >= total { #expect(parts.count == 1 && loads == parts[0].documents.count) }
        }
    }

    /// A component larger than the budget is cut into blocks in document order; its pairs go to
    /// one part per pair of blocks, row by row, each part holding only its pairs' documents.
    @Test func anOversizedComponentIsVerifiedBlockPairByBlockPair() {
        // One path 0-1-2-3-4-5 plus 0-5, ten hashes a document, beside a small component {6, 7}.
        let candidates = [
            DocumentPair(0, 1), DocumentPair(0, 5), DocumentPair(1, 2), DocumentPair(2, 3), DocumentPair(3, 4),
            DocumentPair(4, 5), DocumentPair(6, 7),
        ]
        // Budget 40: the path (60 hashes) is cut into blocks {0, 1}, {2, 3}, {4, 5} of 20 each.
        var reordered = candidates.map(CandidateVerification.packed)
        let parts = CandidateVerification.parts(of: &reordered, documentCount: 8, budget: 40, shingleCount: { _ in 10 })
        #expect(parts.map(\.documents) == [[6, 7], [0, 1], [1, 2], [0, 5], [2, 3], [3, 4], [4, 5]])
        #expect(parts.map { reordered[$0.pairs].map { DocumentPair(CandidateVerification.first($0), CandidateVerification.second($0)) } } == [
            [DocumentPair(6, 7)], [DocumentPair(0, 1)], [DocumentPair(1, 2)], [DocumentPair(0, 5)], [DocumentPair(2, 3)],
            [DocumentPair(3, 4)], [DocumentPair(4, 5)],
        ])
    }
}
