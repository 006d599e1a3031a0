import WiretraceCore
@testable import WiretraceDedup

/// Generates news-like texts over a large made-up vocabulary, and variants of them with a known
/// share of words replaced.
struct TextGenerator {
    var random: SplitMix64
    let vocabulary: [String]

    init(seed: UInt64, vocabularySize: Int = 5000) {
        random = SplitMix64(seed: seed)
        let syllables = ["ka", "ro", "mi", "sen", "tal", "vor", "de", "lin", "pra", "sho", "gu", "ne",
                         "bar", "tis", "mon", "el", "ya", "zu", "quo", "fen", "ra", "dim", "ost", "ve"]
        var words = Set<String>()
        var vocabularyRandom = SplitMix64(seed: 0xC0FFEE)
        while words.count < vocabularySize {
            let length = Int.random(in: 1...4, using: &vocabularyRandom)
            words.insert((0..<length).map { _ in syllables.randomElement(using: &vocabularyRandom)! }.joined())
        }
        vocabulary = words.sorted()
    }

    mutating func words(_ count: Int) -> [String] {
        (0..<count).map { _ in vocabulary.randomElement(using: &random)! }
    }

    /// `words` with each word independently replaced with probability `rate`.
    mutating func mutate(_ words: [String], rate: Double) -> [String] {
        words.map { Double.random(in: 0..<1, using: &random) < rate ? vocabulary.randomElement(using: &random)! : $0 }
    }

    /// Joins words into sentences with capitals, commas and full stops.
    func text(_ words: [String]) -> String {
        var text = ""
        for (index, word) in words.enumerated() {
            let capitalised = index % 11 == 0 ? word.prefix(1).uppercased() + word.dropFirst() : word
            text += capitalised
            text += index % 11 == 10 ? ". " : (index % 5 == 3 ? ", " : " ")
        }
        return text
    }
}
