import WiretraceCore

/// Sparse, L2-normalised TF-IDF vectors over words and name bigrams, for the story level.
///
/// Words are runs of letters and digits, lower-cased; stop words and one- or two-letter words are
/// dropped. Capitalised words inside a sentence count as names and weigh more, and consecutive
/// names also give a bigram ("aung_hlaing"), so two rewrites about the same people and places
/// score high even when they share no sentence. Title words weigh double.
struct TermVectors {
    /// Term weights per document over all terms, and over entity terms only; sorted by term id.
    private(set) var vectors: [[(term: Int, weight: Double)]] = []
    private(set) var entityVectors: [[(term: Int, weight: Double)]] = []
    let vocabulary: StoryVocabulary

    init(documents: [StoryInput], vocabulary: StoryVocabulary, configuration: StoryConfiguration) {
        self.vocabulary = vocabulary
        var documentFrequency = [Int32](repeating: 0, count: vocabulary.terms.count)
        for document in documents {
            for entry in document.terms { documentFrequency[Int(entry.term)] += 1 }
        }
        let n = Double(documents.count)
        func idf(_ term: Int32) -> Double {
            log(n + 1) - log(Double(max(documentFrequency[Int(term)], 1)) + 1) + 1
        }
        func normalised(_ weighted: [(term: Int, weight: Double)]) -> [(term: Int, weight: Double)] {
            var weighted = weighted.filter { $0.weight > 0 }
            if weighted.count > configuration.termsPerDocument {
                weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
                weighted.removeLast(weighted.count - configuration.termsPerDocument)
            }
            let norm = weighted.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
            return weighted.map { ($0.term, norm > 0 ? $0.weight / norm : 0) }.sorted { $0.term < $1.term }
        }
        for document in documents {
            vectors.append(normalised(document.terms.map { entry in
                let tf = Double(entry.plain) + configuration.entityWeight * Double(entry.entity)
                    + configuration.titleWeight * Double(entry.title)
                return (Int(entry.term), tf > 0 ? (1 + log(tf)) * idf(entry.term) : 0)
            }))
            entityVectors.append(normalised(document.terms.map { entry in
                let tf = Double(entry.entity) + Double(entry.title > 0 && entry.entity > 0 ? entry.title : 0)
                return (Int(entry.term), tf > 0 ? (1 + log(tf)) * idf(entry.term) : 0)
            }))
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

/// One term's counts in a document, by how it occurred.
public struct TermCount: Sendable, Hashable {
    public var term: Int32
    /// Occurrences as a plain word in the body.
    public var plain: Float
    /// Occurrences as a name (a capitalised word inside a sentence, or a name bigram) or a number.
    public var entity: Float
    /// Occurrences in the title.
    public var title: Float
}

/// The words and name bigrams of the documents of one clustering pass, interned to small ids so
/// that the story level keeps a few hundred numbers per document instead of its text.
///
/// Words are runs of letters and digits, lower-cased; stop words and one- or two-letter words are
/// dropped. A capitalised word counts as a name when it is inside a sentence, or opens one and is
/// followed by another name ("Lindsay Lohan checked in"); consecutive names also give a bigram
/// ("aung_hlaing"). Numbers count with the names: both tell one event from a similar one.
public struct StoryVocabulary: Sendable {
    public private(set) var terms: [String] = []
    private var ids: [String: Int32] = [:]

    public init() {}

    /// The term counts of one document, sorted by term id.
    public mutating func counts(text: String, title: String?) -> [TermCount] {
        var counts: [Int32: TermCount] = [:]
        func add(_ term: String, entity: Bool, inTitle: Bool) {
            let id: Int32
            if let existing = ids[term] {
                id = existing
            } else {
                id = Int32(terms.count)
                terms.append(term)
                ids[term] = id
            }
            var count = counts[id] ?? TermCount(term: id, plain: 0, entity: 0, title: 0)
            if inTitle {
                count.title += 1
            } else if entity {
                count.entity += 1
            } else {
                count.plain += 1
            }
            counts[id] = count
        }
        for (source, inTitle) in [(text, false), (title ?? "", true)] {
            let tokens = Self.tokens(source)
            var previousName: String?
            for (index, token) in tokens.enumerated() {
                let stop = TermVectors.stopWords.contains(token.lower)
                let nextIsName = index + 1 < tokens.count && tokens[index + 1].joined && tokens[index + 1].capitalised
                    && !TermVectors.stopWords.contains(tokens[index + 1].lower)
                let isName = token.capitalised && !stop && (!token.sentenceStart || nextIsName)
                let isNumber = token.lower.allSatisfy(\.isNumber)
                guard !stop, token.lower.count >= 3 || isNumber else {
                    previousName = nil
                    continue
                }
                add(token.lower, entity: isName || isNumber, inTitle: inTitle)
                if isName {
                    if let previousName, token.joined { add(previousName + "_" + token.lower, entity: true, inTitle: inTitle) }
                    previousName = token.lower
                } else {
                    previousName = nil
                }
            }
        }
        return counts.values.sorted { $0.term < $1.term }
    }

    struct Token {
        var lower: String
        var capitalised: Bool
        /// First word of a sentence (its capital says nothing).
        var sentenceStart: Bool
        /// Separated from the previous word by spaces or a hyphen only.
        var joined: Bool
    }

    /// Words of a text with what the name rules need to know.
    static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        var word = ""
        var capitalised = false
        var sentenceStart = true
        var joined = false
        var gapIsJoining = true
        for character in text {
            if character.isLetter || character.isNumber {
                if word.isEmpty {
                    capitalised = character.isUppercase
                    joined = gapIsJoining && !result.isEmpty
                }
                word.append(character)
            } else if character == "'" || character == "’", !word.isEmpty {
                continue  // "Russia's" -> "russias"
            } else {
                if !word.isEmpty {
                    result.append(Token(lower: word.lowercased(), capitalised: capitalised, sentenceStart: sentenceStart, joined: joined))
                    word = ""
                    sentenceStart = false
                    gapIsJoining = true
                }
                if ".!?\n:\"“”`;()[]|".contains(character) { sentenceStart = true }
                if character != " " && character != "-" { gapIsJoining = false }
            }
        }
        if !word.isEmpty {
            result.append(Token(lower: word.lowercased(), capitalised: capitalised, sentenceStart: sentenceStart, joined: joined))
        }
        return result
    }
}
