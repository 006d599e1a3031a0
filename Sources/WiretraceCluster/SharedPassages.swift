import WiretraceCore

/// Finds the passages two texts share word for word, with their offsets in both: the evidence a
/// reviewer reads to see why one article is a copy of another.
public enum SharedPassages {
    public struct Passage: Sendable, Hashable {
        /// Unicode-scalar offsets of the passage in the first text, and in the second.
        public var start: Int
        public var end: Int
        public var otherStart: Int
        public var otherEnd: Int
        /// Words in the passage.
        public var words: Int
    }

    struct Word {
        var text: String
        var start: Int
        var end: Int
    }

    /// Lower-cased runs of letters and digits with their scalar offsets.
    static func words(_ text: String) -> [Word] {
        var result: [Word] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if scalar.isWordScalar {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else if scalar == "'" || scalar == "’", !current.isEmpty {
                // inside a word ("Russia's"): skip, keep the run going
            } else if !current.isEmpty {
                result.append(Word(text: String(current).lowercased(), start: start, end: offset))
                current = String.UnicodeScalarView()
            }
            offset += 1
        }
        if !current.isEmpty { result.append(Word(text: String(current).lowercased(), start: start, end: offset)) }
        return result
    }

    /// Maximal runs of at least `minimumWords` identical words, in the first text's order; each
    /// run is taken once, greedily from the start of the first text.
    /// - Complexity: O(m + n) expected for texts of m and n words, plus the length of the runs found.
    public static func find(_ text: String, _ other: String, minimumWords: Int = 8) -> [Passage] {
        let a = words(text), b = words(other)
        guard minimumWords > 0, a.count >= minimumWords, b.count >= minimumWords else { return [] }
        // Index the other text's k-grams by the joined words.
        var starts: [String: [Int]] = [:]
        for j in 0...(b.count - minimumWords) {
            starts[b[j..<(j + minimumWords)].map(\.text).joined(separator: " "), default: []].append(j)
        }
        var passages: [Passage] = []
        var i = 0
        while i <= a.count - minimumWords {
            let key = a[i..<(i + minimumWords)].map(\.text).joined(separator: " ")
            guard let candidates = starts[key] else {
                i += 1
                continue
            }
            // The longest extension among the other text's matching starts.
            var best = (start: candidates[0], length: minimumWords)
            for j in candidates {
                var length = minimumWords
                while i + length < a.count, j + length < b.count, a[i + length].text == b[j + length].text { length += 1 }
                if length > best.length { best = (j, length) }
            }
            passages.append(
                Passage(
                    start: a[i].start, end: a[i + best.length - 1].end, otherStart: b[best.start].start,
                    otherEnd: b[best.start + best.length - 1].end, words: best.length))
            i += best.length
        }
        return passages
    }
}
