import Testing
import WiretraceCore

@testable import WiretraceQuotes

@Suite struct FeatureRowTableTests {
    /// The batched lookup the tagger uses gives each key's row as the one-key lookup and the
    /// dictionary do, for keys in the table, keys not in it, and the extreme 40-bit keys.
    @Test func batchedRowsAgreeWithTheDictionary() {
        var random = SplitMix64(seed: 11)
        var rows: [UInt64: Int32] = [0: 5, 0xFF_FFFF_FFFF: 6]
        for index in 7..<3_000 { rows[random.next() & 0xFF_FFFF_FFFF] = Int32(index) }
        let table = FeatureRowTable(rows)
        var keys = Array(rows.keys)
        for _ in 0..<3_000 { keys.append(random.next() & 0xFF_FFFF_FFFF) }
        let batched = table.rows(keys)
        #expect(batched.count == keys.count)
        for (key, row) in zip(keys, batched) {
            #expect(row == (rows[key] ?? -1))
            #expect(table.row(key) == row)
        }
        #expect(table.row(0xFF_FFFF_FFFF) == 6)
        #expect(table.row(0) == 5)
        // The empty slots' marker is no key: an all-ones 40-bit key absent from a table is not found.
        #expect(FeatureRowTable([1: 0]).rows([0xFF_FFFF_FFFF, 1, 2]) == [-1, 0, -1])
    }

    /// The speaker ranker's weight table sums each feature's weight as the dictionary would, in
    /// order, with 0 for a feature it does not hold, repeated features counted each time.
    @Test func pairWeightsSumAsTheDictionaryDoes() {
        var random = SplitMix64(seed: 12)
        var pairs: [UInt64: Float] = [0: 0.5, 0xFF_FFFF_FFFF: -1.25]
        for _ in 0..<2_000 { pairs[random.next() & 0xFF_FFFF_FFFF] = Float(Int(random.next() % 2_001) - 1_000) / 100 }
        let table = PairWeightTable(pairs)
        let known = Array(pairs.keys)
        for round in 0..<300 {
            var features: [UInt64] = []
            for _ in 0..<(round % 40) {
                features.append(random.next() % 3 == 0 ? random.next() & 0xFF_FFFF_FFFF : known[Int(random.next() % UInt64(known.count))])
            }
            let expected = features.reduce(Float(0)) { $0 + (pairs[$1] ?? 0) }
            #expect(table.score(features).bitPattern == expected.bitPattern)
        }
        #expect(table.weight(0xFF_FFFF_FFFF) == -1.25)
        #expect(table.weight(0) == 0.5)
        #expect(PairWeightTable([:]).score([1, 2, 3]) == 0)
        #expect(PairWeightTable([7: 2]).score([7, 8, 7]) == 4)
    }

    /// The ranker picks the candidate of the highest score, and the first of equal scores, as
    /// `max(by:)` over the scores did.
    @Test func bestSpeakerIsTheFirstOfTheHighestScores() throws {
        var model = QuoteTaggerModel.empty
        model.pairWeights = [1: 1, 2: 2, 3: -1]
        func candidate(_ at: Int, _ features: [UInt64]) -> SpeakerCandidate {
            SpeakerCandidate(range: at...at, origins: [.cuePhrase], features: features)
        }
        let pick = { (candidates: [SpeakerCandidate]) in model.bestSpeaker(candidates)?.range.lowerBound }
        #expect(pick([candidate(0, [1]), candidate(1, [2]), candidate(2, [1, 3])]) == 1)
        #expect(pick([candidate(0, [2]), candidate(1, [1, 1]), candidate(2, [2, 9])]) == 0)
        #expect(pick([candidate(0, [3]), candidate(1, [9]), candidate(2, [])]) == 1)
        #expect(pick([]) == nil)
        // Weights replaced after the model was made are the ones read.
        model.pairWeights = [3: 5]
        #expect(pick([candidate(0, [1]), candidate(1, [3])]) == 1)
    }
}
