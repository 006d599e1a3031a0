import WiretraceCore

/// Sparse, L2-normalised TF-IDF vectors over words and name bigrams, for the story level.
///
/// Words are runs of letters and digits, lower-cased; stop words and one- or two-letter words are
/// dropped. Capitalised words inside a sentence count as names and weigh more, and consecutive
/// names also give a bigram ("aung_hlaing"), so two rewrites about the same people and places
/// score high even when they share no sentence. Title words weigh double.
struct TermVectors {
    /// Term weights per document, sorted by term id.
    private(set) var vectors: [[(term: Int, weight: Double)]] = []
    let vocabulary: StoryVocabulary

    init(documents: [StoryInput], vocabulary: StoryVocabulary, termsPerDocument: Int) {
        self.vocabulary = vocabulary
        var documentFrequency = [Int32](repeating: 0, count: vocabulary.terms.count)
        for document in documents {
            for entry in document.terms { documentFrequency[Int(entry.term)] += 1 }
        }
        let n = Double(documents.count)
        vectors = documents.map { document in
            var weighted = document.terms.map { entry -> (term: Int, weight: Double) in
                let df = Double(max(documentFrequency[Int(entry.term)], 1))
                let idf = log(n + 1) - log(df + 1) + 1
                return (Int(entry.term), (1 + log(Double(entry.count))) * idf)
            }
            if weighted.count > termsPerDocument {
                weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
                weighted.removeLast(weighted.count - termsPerDocument)
            }
            let norm = weighted.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
            return weighted.map { ($0.term, norm > 0 ? $0.weight / norm : 0) }.sorted { $0.term < $1.term }
        }
    }

    /// Cosine of two documents' vectors. - Complexity: O(terms of both)
    func cosine(_ a: Int, _ b: Int) -> Double {
        Self.dot(vectors[a], vectors[b])
    }

    static func dot(_ x: [(term: Int, weight: Double)], _ y: [(term: Int, weight: Double)]) -> Double {
        var i = 0, j = 0, sum = 0.0
        while i < x.count, j < y.count {
            if x[i].term == y[j].term {
                sum += x[i].weight * y[j].weight
                i += 1
                j += 1
            } else if x[i].term < y[j].term {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }

    /// The terms contributing most to the similarity of two documents.
    func sharedTerms(_ a: Int, _ b: Int, limit: Int = 5) -> [String] {
        let weights = Dictionary(uniqueKeysWithValues: vectors[b].map { ($0.term, $0.weight) })
        return vectors[a].compactMap { entry in weights[entry.term].map { (entry.term, $0 * entry.weight) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            .prefix(limit).map { vocabulary.terms[$0.0] }
    }

    static let stopWords: Set<String> = [
        "the", "and", "for", "that", "with", "was", "were", "are", "has", "have", "had", "his", "her", "its",
        "their", "they", "them", "this", "these", "those", "from", "but", "not", "who", "which", "what", "when",
        "where", "will", "would", "could", "should", "been", "being", "said", "says", "say", "also", "after",
        "before", "about", "into", "over", "than", "then", "there", "here", "more", "most", "some", "such",
        "one", "two", "new", "out", "our", "you", "your", "she", "him", "all", "any", "can", "may", "did",
        "does", "just", "like", "other", "only", "own", "same", "very", "while", "during", "since", "under",
        "between", "through", "against", "because", "each", "few", "both", "how", "why", "again", "further",
        "once", "off", "per", "via", "year", "years", "told", "according", "added", "last", "first", "week",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "read", "more", "news",
        "reuters", "reporting", "editing", "writing", "source", "copyright", "mon", "tue", "wed", "thu", "fri",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "a", "an", "of", "in",
        "on", "at", "to", "by", "as", "is", "it", "be", "or", "he", "we", "i", "us", "no", "so", "if", "up",
    ]
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One term's weighted count in a document.
public struct TermCount: Sendable, Hashable {
    public var term: Int32
    public var count: Float
}

/// The words and name bigrams of the documents of one clustering pass, interned to small ids so
/// that the story level keeps a few hundred numbers per document instead of its text.
///
/// Words are runs of letters and digits, lower-cased; stop words and one- or two-letter words are
/// dropped. Capitalised words inside a sentence count as names and weigh 1.5, consecutive names
/// also give a bigram ("aung_hlaing", weight 2); title words count double.
public struct StoryVocabulary: Sendable {
    public private(set) var terms: [String] = []
    private var ids: [String: Int32] = [:]

    public init() {}

    /// The weighted term counts of one document, sorted by term id.
    public mutating func counts(text: String, title: String?) -> [TermCount] {
        var tf: [Int32: Float] = [:]
        func add(_ term: String, _ weight: Double) {
            let id: Int32
            if let existing = ids[term] {
                id = existing
            } else {
                id = Int32(terms.count)
                terms.append(term)
                ids[term] = id
            }
            tf[id, default: 0] += Float(weight)
        }
        Self.scan(text, weight: 1, add)
        if let title { Self.scan(title, weight: 2, add) }
        return tf.map { TermCount(term: $0.key, count: $0.value) }.sorted { $0.term < $1.term }
    }

    /// Feeds the words of `text` to `add` with their weights.
    private static func scan(_ text: String, weight: Double, _ add: (String, Double) -> Void) {
        var word = ""
        var capitalised = false
        var sentenceStart = true
        var previousName: String?
        func flush(endsSentence: Bool) {
            defer {
                word = ""
                if endsSentence { sentenceStart = true }
            }
            guard !word.isEmpty else { return }
            let lower = word.lowercased()
            let isName = capitalised && !sentenceStart && !TermVectors.stopWords.contains(lower)
            sentenceStart = false
            guard lower.count >= 3 || lower.allSatisfy(\.isNumber), !TermVectors.stopWords.contains(lower) else {
                previousName = nil
                return
            }
            add(lower, isName ? weight * 1.5 : weight)
            if isName {
                if let previousName { add(previousName + "_" + lower, weight * 2) }
                previousName = lower
            } else {
                previousName = nil
            }
        }
        for character in text {
            if character.isLetter || character.isNumber {
                if word.isEmpty { capitalised = character.isUppercase }
                word.append(character)
            } else if character == "'" || character == "’", !word.isEmpty {
                continue  // "Russia's" -> "russias"
            } else {
                let endsSentence = character == "." || character == "!" || character == "?" || character == "\n"
                    || character == ":" || character == "\"" || character == "“"
                if !word.isEmpty {
                    flush(endsSentence: endsSentence)
                } else if endsSentence {
                    sentenceStart = true
                    previousName = nil
                }
                if character != " " && character != "-" { previousName = nil }
            }
        }
        flush(endsSentence: true)
    }

}
