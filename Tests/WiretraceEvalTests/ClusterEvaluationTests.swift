import Testing
@testable import WiretraceEval

@Suite struct ClusterEvaluationTests {
    // Gold {a, b, c} {d, e}; predicted {a, b} {c, d, e}; one topic holding both gold events.
    static let gold = ["a": "G1", "b": "G1", "c": "G1", "d": "G2", "e": "G2"]
    static let predicted = ["a": "P1", "b": "P1", "c": "P2", "d": "P2", "e": "P2"]

    @Test func handComputedExample() {
        let result = ClusterEvaluation(gold: Self.gold, predicted: Self.predicted, topics: Self.gold.mapValues { _ in "T" })
        // B-cubed precision per item: 1, 1, 1/3, 2/3, 2/3; recall: 2/3, 2/3, 1/3, 1, 1.
        #expect(abs(result.bcubed.precision - 11.0 / 15.0) < 1e-12)
        #expect(abs(result.bcubed.recall - 11.0 / 15.0) < 1e-12)
        #expect(abs(result.bcubed.f1 - 11.0 / 15.0) < 1e-12)
        // Pairs: predicted {ab, cd, ce, de}, gold {ab, ac, bc, de}: two shared.
        #expect(result.pairwise.precision == 0.5)
        #expect(result.pairwise.recall == 0.5)
        // ARI: index 2, expected 4·4/10 = 1.6, maximum 4 -> 0.4 / 2.4.
        #expect(abs(result.adjustedRandIndex - 1.0 / 6.0) < 1e-12)
        // c, d and e sit with an item of the other event of their topic.
        #expect(result.crossEventMergeRate == 0.6)
        #expect(result.goldClusters == 2 && result.predictedClusters == 2 && result.items == 5)
    }

    @Test func perfectAndAllInOne() {
        let perfect = ClusterEvaluation(gold: Self.gold, predicted: Self.gold)
        #expect(perfect.bcubed.f1 == 1 && perfect.pairwise.f1 == 1 && perfect.adjustedRandIndex == 1)
        #expect(perfect.crossEventMergeRate == nil)
        let lumped = ClusterEvaluation(gold: Self.gold, predicted: Self.gold.mapValues { _ in "one" })
        #expect(lumped.bcubed.recall == 1)
        #expect(abs(lumped.bcubed.precision - (3.0 * 3 / 5 + 2.0 * 2 / 5) / 5) < 1e-12)
        #expect(lumped.adjustedRandIndex == 0)
    }

    @Test func idsOnOneSideOnlyAreCountedNotScored() {
        var predicted = Self.predicted
        predicted["x"] = "P9"
        predicted["a"] = nil
        let result = ClusterEvaluation(gold: Self.gold, predicted: predicted)
        #expect(result.items == 4)
        #expect(result.missingFromPrediction == 1)
        #expect(result.notInGold == 1)
    }
}
