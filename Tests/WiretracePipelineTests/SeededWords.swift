/// News-like texts from a fixed word list and a seeded generator, for the dedup and sign tests:
/// the same texts on every run.
struct SeededWords {
    var state: UInt64
    let vocabulary = (0..<3000).map { "w\(String($0, radix: 36))x" }

    mutating func next() -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int(state >> 33)
    }

    mutating func text(_ count: Int) -> [String] { (0..<count).map { _ in vocabulary[next() % vocabulary.count] } }

    /// `words` with about `rate` percent of them replaced.
    mutating func edit(_ words: [String], rate: Int) -> [String] {
        words.map { next() % 100 < rate ? vocabulary[next() % vocabulary.count] : $0 }
    }
}
