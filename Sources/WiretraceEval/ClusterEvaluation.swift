import WiretraceStore

/// Scores a predicted clustering against a gold one, with the metrics of the story-cluster
/// benchmark (B-cubed, pairwise, adjusted Rand index) and the cross-event merge rate.
///
/// Items are compared on the ids both clusterings share; the counts of ids only one side has are
/// reported so that a partial run cannot pass unnoticed.
public struct ClusterEvaluation: Sendable, Hashable {
    public struct Scores: Sendable, Hashable {
        public var precision: Double
        public var recall: Double
        public var f1: Double

        init(precision: Double, recall: Double) {
            self.precision = precision
            self.recall = recall
            f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }
    }

    public var items: Int
    public var goldClusters: Int
    public var predictedClusters: Int
    public var bcubed: Scores
    public var pairwise: Scores
    public var adjustedRandIndex: Double
    /// Share of items whose predicted cluster also holds an item of another gold cluster of the
    /// same topic (the paired, similar-but-different event). Nil without topics.
    public var crossEventMergeRate: Double?
    /// Gold ids absent from the prediction, and predicted ids absent from the gold.
    public var missingFromPrediction: Int
    public var notInGold: Int

    /// - Parameters:
    ///   - gold: item id -> gold cluster.
    ///   - predicted: item id -> predicted cluster.
    ///   - topics: item id -> topic, for the cross-event merge rate.
    /// - Complexity: O(n + Σ cluster sizes) for B-cubed via the contingency table.
    public init(gold: [String: String], predicted: [String: String], topics: [String: String] = [:]) {
        let shared = gold.keys.filter { predicted[$0] != nil }.sorted()
        items = shared.count
        missingFromPrediction = gold.count - shared.count
        notInGold = predicted.keys.filter { gold[$0] == nil }.count

        var cell: [Pair: Int] = [:]
        var goldSize: [String: Int] = [:]
        var predictedSize: [String: Int] = [:]
        for id in shared {
            let g = gold[id]!, p = predicted[id]!
            cell[Pair(gold: g, predicted: p), default: 0] += 1
            goldSize[g, default: 0] += 1
            predictedSize[p, default: 0] += 1
        }
        goldClusters = goldSize.count
        predictedClusters = predictedSize.count

        // B-cubed: per item, overlap of its predicted and gold clusters over each's size.
        var precisionSum = 0.0, recallSum = 0.0
        for id in shared {
            let g = gold[id]!, p = predicted[id]!
            let overlap = Double(cell[Pair(gold: g, predicted: p)]!)
            precisionSum += overlap / Double(predictedSize[p]!)
            recallSum += overlap / Double(goldSize[g]!)
        }
        let n = Double(max(shared.count, 1))
        bcubed = Scores(precision: shared.isEmpty ? 0 : precisionSum / n, recall: shared.isEmpty ? 0 : recallSum / n)

        // Pairwise and ARI from the contingency table.
        func pairs(_ x: Int) -> Double { Double(x) * Double(x - 1) / 2 }
        let together = cell.values.reduce(0) { $0 + pairs($1) }
        let predictedPairs = predictedSize.values.reduce(0) { $0 + pairs($1) }
        let goldPairs = goldSize.values.reduce(0) { $0 + pairs($1) }
        pairwise = Scores(
            precision: predictedPairs > 0 ? together / predictedPairs : (goldPairs == 0 ? 1 : 0),
            recall: goldPairs > 0 ? together / goldPairs : 1)
        let all = pairs(shared.count)
        let expected = all > 0 ? predictedPairs * goldPairs / all : 0
        let maximum = (predictedPairs + goldPairs) / 2
        adjustedRandIndex = maximum - expected != 0 ? (together - expected) / (maximum - expected) : 1

        // Cross-event merges: an item whose predicted cluster reaches another gold cluster of its topic.
        if topics.isEmpty {
            crossEventMergeRate = nil
        } else {
            var goldByPredicted: [String: Set<String>] = [:]
            for id in shared { goldByPredicted[predicted[id]!, default: []].insert(gold[id]!) }
            var topicOfGold: [String: String] = [:]
            for id in shared { if let topic = topics[id] { topicOfGold[gold[id]!] = topic } }
            var merged = 0
            for id in shared {
                guard let topic = topics[id] else { continue }
                let mine = gold[id]!
                if goldByPredicted[predicted[id]!]!.contains(where: { $0 != mine && topicOfGold[$0] == topic }) { merged += 1 }
            }
            crossEventMergeRate = shared.isEmpty ? 0 : Double(merged) / Double(shared.count)
        }
    }

    private struct Pair: Hashable {
        var gold: String
        var predicted: String
    }
}

extension ClusterEvaluation {
    /// Scores the stories stored in `store` against `gold`.
    public init(gold: GoldClusters, store: WiretraceStore) throws {
        var predicted: [String: String] = [:]
        for cluster in try store.clusters() {
            for member in cluster.members { predicted[member.documentID] = cluster.id }
        }
        self.init(gold: gold.clusters, predicted: predicted, topics: gold.topics)
    }
}
