import WiretraceCore

/// Sparse, L2-normalised TF-IDF vectors over words and name bigrams, for the story level.
///
/// Words are runs of letters and digits, lower-cased; stop words and one- or two-letter words are
/// dropped. Capitalised words inside a sentence count as names and weigh more, and consecutive
/// names also give a bigram ("aung_hlaing"), so two rewrites about the same people and places
/// score high even when they share no sentence. Title words weigh double.
struct TermVectors {
    let vocabulary: StoryVocabulary
    /// Per document, its word counts; a document's vectors are computed from them when asked
    /// for, so a collection's vectors are never all held at once (the story level keeps only its
    /// nodes' centroids, and those only while it scores candidate pairs).
    private var terms: TermCountTable
    private let documentFrequency: [Int32]
    private let configuration: StoryConfiguration

    /// - Parameter terms: per document, its word counts (``StoryInput/terms``).
    /// - Complexity: O(d·t) for d documents of t terms (document frequencies).
    init(terms: TermCountTable, vocabulary: StoryVocabulary, configuration: StoryConfiguration) {
        self.vocabulary = vocabulary
        self.terms = terms
        self.configuration = configuration
        var documentFrequency = [Int32](repeating: 0, count: vocabulary.terms.count)
        for document in 0..<terms.count {
            terms.forEach(document) { entry in documentFrequency[Int(entry.term)] += 1 }
        }
        self.documentFrequency = documentFrequency
    }

    /// Number of documents.
    var count: Int { terms.count }

    /// Moves the word counts out (to be parked while the vectors are not needed): until
    /// ``restoreCounts(_:)`` gives them back, no vector can be computed.
    mutating func takeCounts() -> TermCountTable {
        defer { terms = TermCountTable() }
        return terms
    }

    /// Gives back the counts ``takeCounts()`` took.
    mutating func restoreCounts(_ counts: TermCountTable) { terms = counts }

    /// The word counts the vectors are computed from.
    var counts: TermCountTable { terms }

    /// A document's term weights over all terms, and over entity terms only; each sorted by
    /// term id, L2-normalised, cut to the strongest ``StoryConfiguration/termsPerDocument``.
    ///
    /// - Complexity: O(t) for t terms of the document (O(t log k) when cut to k).
    func vectors(_ document: Int) -> (all: [(term: Int, weight: Double)], entity: [(term: Int, weight: Double)]) {
        let n = Double(terms.count)
        let configuration = configuration
        let documentFrequency = documentFrequency
        func idf(_ term: Int32) -> Double {
            log(n + 1) - log(Double(max(documentFrequency[Int(term)], 1)) + 1) + 1
        }
        var all: [(term: Int, weight: Double)] = []
        var entity: [(term: Int, weight: Double)] = []
        terms.forEach(document) { entry in
            let plain = Double(entry.plain)
            let tf: Double = plain + configuration.entityWeight * Double(entry.entity)
                + configuration.titleWeight * Double(entry.title)
            let weight: Double = tf > 0 ? (1 + log(tf)) * idf(entry.term) : 0
            all.append((Int(entry.term), weight))
            let entityTitle: Float = entry.title > 0 && entry.entity > 0 ? entry.title : 0
            let entityTF: Double = Double(entry.entity) + Double(entityTitle)
            let entityWeight: Double = entityTF > 0 ? (1 + log(entityTF)) * idf(entry.term) : 0
            entity.append((Int(entry.term), entityWeight))
        }
        return (normalised(all), normalised(entity))
    }

    /// A document's weights over all terms (``vectors(_:)``).
    func vector(_ document: Int) -> [(term: Int, weight: Double)] { vectors(document).all }

    private func normalised(_ weighted: [(term: Int, weight: Double)]) -> [(term: Int, weight: Double)] {
        Self.normalised(weighted, keeping: configuration.termsPerDocument)
    }

    /// `weighted`'s positive weights cut to the `limit` strongest (weight, then term id), scaled to
    /// unit length, in term order; the norm is summed in the order a full sort by strength (when
    /// cut) or by term (when not) gives, so the result does not depend on the input's order (a
    /// list read from a `Dictionary`, whose order changes from one process to the next, gives the
    /// same bits every run).
    static func normalised(_ weighted: [(term: Int, weight: Double)], keeping limit: Int) -> [(term: Int, weight: Double)] {
        // Input usually in term order (a document's counts are); it stays so unless cut to the
        // strongest terms, which sorts by weight and needs the term order back. A list out of
        // term order and not cut is put in term order before its norm is summed.
        var weighted = weighted.filter { $0.weight > 0 }
        var inTermOrder = true
        if weighted.count <= limit {
            if !zip(weighted, weighted.dropFirst()).allSatisfy({ $0.term < $1.term }) { weighted.sort { $0.term < $1.term } }
        } else {
            // The strongest terms (weight, then term id: a strict order), selected in linear time,
            // Then in that order, as a full sort would leave them (the norm is summed in it).
            let stronger: ((term: Int, weight: Double), (term: Int, weight: Double)) -> Bool = {
                $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term
            }
            StoryClusterer.selectFirst(limit, of: &weighted, by: stronger)
            weighted.removeLast(weighted.count - limit)
            weighted.sort(by: stronger)
            inTermOrder = false
        }
        let norm = weighted.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        let scaled: [(term: Int, weight: Double)] = weighted.map { ($0.term, norm > 0 ? $0.weight / norm : 0) }
        if inTermOrder { return scaled }
        return scaled.sorted { $0.term < $1.term }
    }

    static func dot(_ x: [(term: Int, weight: Double)], _ y: [(term: Int, weight: Double)]) -> Double {
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                // Merge walk advancing without a branch on which side is smaller (unpredictable);
                // products are added in the same order as a plain walk would add them.
                var i = 0, j = 0, sum = 0.0
                while i < x.count, j < y.count {
                    let a = x[i].term
                    let b = y[j].term
                    if a == b { sum += x[i].weight * y[j].weight }
                    i &+= a <= b ? 1 : 0
                    j &+= b <= a ? 1 : 0
                }
                return sum
            }
        }
    }

    /// The terms contributing most to the similarity of two documents, given their vectors.
    func sharedTerms(_ a: [(term: Int, weight: Double)], _ b: [(term: Int, weight: Double)], limit: Int = 5) -> [String] {
        let weights = Dictionary(uniqueKeysWithValues: b.map { ($0.term, $0.weight) })
        return a.compactMap { entry in weights[entry.term].map { (entry.term, $0 * entry.weight) } }
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

/// One term of a document, by its text, with its counts (see ``StoryVocabulary/occurrences(text:title:)``).
public struct TermOccurrence: Sendable, Hashable {
    public var term: String
    public var plain: Float
    public var entity: Float
    public var title: Float

    public init(term: String, plain: Float, entity: Float, title: Float) {
        self.term = term
        self.plain = plain
        self.entity = entity
        self.title = title
    }

    /// One line per term, "term plain entity title", in order: terms are lower-cased letters,
    /// digits and underscores, so they hold no space or newline.
    public static func encode(_ occurrences: [TermOccurrence]) -> String {
        var text = ""
        text.reserveCapacity(occurrences.count * 16)
        func append(_ count: Float) {
            text += " "
            text += count == count.rounded() && abs(count) < 1e9 ? String(Int(count)) : String(count)
        }
        for occurrence in occurrences {
            text += occurrence.term
            append(occurrence.plain)
            append(occurrence.entity)
            append(occurrence.title)
            text += "\n"
        }
        return text
    }

    /// The occurrences of ``encode(_:)``'s text, or nil when it is not such a text.
    ///
    /// - Complexity: O(n) in the text's length; counts that are small whole numbers (all of
    ///   them in practice) are read without a float parser.
    public static func decode(_ text: String) -> [TermOccurrence]? {
        var text = text
        return text.withUTF8 { bytes -> [TermOccurrence]? in
            var result: [TermOccurrence] = []
            var index = 0
            let count = bytes.count
            func field(_ terminator: UInt8) -> Float? {
                let start = index
                var value = 0
                var plain = true
                while index < count && bytes[index] != terminator {
                    let digit = bytes[index] &- 0x30
                    if digit < 10 && index - start < 9 { value = value * 10 + Int(digit) } else { plain = false }
                    index += 1
                }
                guard index < count, index > start else { return nil }
                let end = index
                index += 1  // the terminator
                if plain { return Float(value) }
                return Float(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            }
            while index < count {
                let start = index
                while index < count && bytes[index] != 0x20 && bytes[index] != 0x0A { index += 1 }
                guard index < count, bytes[index] == 0x20, index > start else { return nil }
                let term = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                guard let plain = field(0x20), let entity = field(0x20), let title = field(0x0A) else { return nil }
                result.append(TermOccurrence(term: term, plain: plain, entity: entity, title: title))
            }
            return result
        }
    }
}

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
        intern(Self.occurrences(text: text, title: title))
    }

    /// Interns a document's terms in the order given (as ``occurrences(text:title:)`` lists
    /// them, so ids come out as ``counts(text:title:)`` would give them) and returns their counts
    /// sorted by term id.
    public mutating func intern(_ occurrences: [TermOccurrence]) -> [TermCount] {
        var counts: [TermCount] = []
        counts.reserveCapacity(occurrences.count)
        for occurrence in occurrences {
            counts.append(TermCount(term: intern(term: occurrence.term), plain: occurrence.plain, entity: occurrence.entity, title: occurrence.title))
        }
        return counts.sorted { $0.term < $1.term }
    }

    /// ``intern(_:)`` for terms named by ids of a kept vocabulary (`keptTerms`, as
    /// ``TermOccurrence/unpackIDs(_:)`` reads them): the same ids and counts as interning the
    /// named occurrences, but each kept term is hashed once per pass, not once per document:
    /// `ownID` remembers the id given to each kept id (-1 when not yet given; as many entries as
    /// `keptTerms`). Nil (and nothing interned) when an id names no kept term.
    ///
    /// - Complexity: O(n log n) in the document's n terms, plus O(length) for a term seen first.
    public mutating func intern(
        kept: [(id: UInt32, plain: Float, entity: Float, title: Float)], keptTerms: [String], ownID: inout [Int32]
    ) -> [TermCount]? {
        guard ownID.count == keptTerms.count, kept.allSatisfy({ Int($0.id) < keptTerms.count }) else { return nil }
        var counts: [TermCount] = []
        counts.reserveCapacity(kept.count)
        for occurrence in kept {
            let keptID = Int(occurrence.id)
            var id = ownID[keptID]
            if id < 0 {
                id = intern(term: keptTerms[keptID])
                ownID[keptID] = id
            }
            counts.append(TermCount(term: id, plain: occurrence.plain, entity: occurrence.entity, title: occurrence.title))
        }
        return counts.sorted { $0.term < $1.term }
    }

    /// The id of `term`, giving it the next one when it is new (as ``intern(_:)`` does for each
    /// of a document's terms in turn).
    public mutating func intern(term: String) -> Int32 {
        if let existing = ids[term] { return existing }
        let id = Int32(terms.count)
        terms.append(term)
        ids[term] = id
        return id
    }

    /// A document's terms and their counts, each term once, in the order of its first occurrence
    /// (text, then title): what the story level needs of a text, without a vocabulary, so it can
    /// be kept and interned later (``intern(_:)``).
    public static func occurrences(text: String, title: String?) -> [TermOccurrence] {
        var result: [TermOccurrence] = []
        var position: [String: Int] = [:]
        func add(_ term: String, entity: Bool, inTitle: Bool) {
            let index: Int
            if let known = position[term] {
                index = known
            } else {
                index = result.count
                position[term] = index
                result.append(TermOccurrence(term: term, plain: 0, entity: 0, title: 0))
            }
            if inTitle {
                result[index].title += 1
            } else if entity {
                result[index].entity += 1
            } else {
                result[index].plain += 1
            }
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
                guard !stop, token.lower.count >= 3 || isNumber || token.segment else {
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
        return result
    }

    struct Token: Equatable {
        var lower: String
        var capitalised: Bool
        /// First word of a sentence (its capital says nothing).
        var sentenceStart: Bool
        /// Separated from the previous word by spaces or a hyphen only.
        var joined: Bool
        /// A character n-gram of a script written without spaces (Han, Kana, Thai): kept
        /// whatever its length.
        var segment: Bool = false
    }

    /// Words of a text with what the name rules need to know.
    ///
    /// The rules are stated on Characters (``referenceTokens(_:)`` applies them plainly). Here
    /// an ASCII byte followed by another ASCII byte is a Character of its own (apart from CR LF,
    /// which is one Character), so it is classified from the byte; only the stretches around
    /// non-ASCII bytes go through Swift's Character iteration, starting and ending on Character
    /// boundaries. Same tokens, without a Unicode property lookup per ASCII letter.
    ///
    /// - Complexity: O(n) in the UTF-8 length.
    static func tokens(_ text: String) -> [Token] {
        var scanner = TokenScanner()
        var text = text
        text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 && (index + 1 == count || bytes[index + 1] < 0x80) {
                    if byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A {
                        scanner.separator(sentenceEnd: false, joining: false)  // "\r\n" is one Character
                        index += 2
                    } else {
                        scanner.ascii(byte)
                        index += 1
                    }
                    continue
                }
                // A stretch holding non-ASCII bytes, up to the next pair of ASCII bytes (not CR
                // LF): there is a Character boundary between those two, whatever came before.
                var end = index + 1
                while end < count {
                    let previous = bytes[end - 1]
                    let next = bytes[end]
                    if previous < 0x80 && next < 0x80 && !(previous == 0x0D && next == 0x0A) { break }
                    end += 1
                }
                for character in String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self) {
                    scanner.character(character)
                }
                index = end
            }
        }
        return scanner.finish()
    }

    /// ``tokens(_:)`` by Character iteration only: the reference the byte path is tested against.
    static func referenceTokens(_ text: String) -> [Token] {
        var scanner = TokenScanner()
        for character in text { scanner.character(character) }
        return scanner.finish()
    }

    /// The token rules, one Character (or ASCII byte) at a time.
    struct TokenScanner {
        private var result: [Token] = []
        private var word: [UInt8] = []
        private var wordIsASCII = true
        private var capitalised = false
        private var sentenceStart = true
        private var joined = false
        private var gapIsJoining = true

        private static let sentenceCharacters: Set<Character> = Set(".!?\n:\"“”`;()[]|")

        @inline(__always)
        private mutating func wordCharacter(uppercase: @autoclosure () -> Bool) {
            if word.isEmpty {
                capitalised = uppercase()
                joined = gapIsJoining && !result.isEmpty
            }
        }

        mutating func ascii(_ byte: UInt8) {
            let lower = byte | 0x20
            if lower &- 0x61 < 26 || byte &- 0x30 < 10 {
                wordCharacter(uppercase: byte &- 0x41 < 26)
                word.append(byte)
            } else if byte == 0x27, !word.isEmpty {
                return  // "Russia's" -> "russias"
            } else {
                switch byte {
                case 0x2E, 0x21, 0x3F, 0x0A, 0x3A, 0x22, 0x60, 0x3B, 0x28, 0x29, 0x5B, 0x5D, 0x7C:  // . ! ? \n : " ` ; ( ) [ ] |
                    separator(sentenceEnd: true, joining: false)
                default:
                    separator(sentenceEnd: false, joining: byte == 0x20 || byte == 0x2D)
                }
            }
        }

        mutating func character(_ character: Character) {
            if let first = character.unicodeScalars.first, let size = ScriptSegments.gramSize(first) {
                // Han, Kana, Thai: no spaces between words; the run becomes character n-grams.
                if !word.isEmpty { endWord() }
                if size != segmentSize { endSegment() }
                segmentSize = size
                segment.append(character)
                return
            }
            if !segment.isEmpty { endSegment() }
            if character.isLetter || character.isNumber {
                wordCharacter(uppercase: character.isUppercase)
                word.append(contentsOf: character.utf8)
                if !character.isASCII { wordIsASCII = false }
            } else if character == "'" || character == "’", !word.isEmpty {
                return
            } else {
                separator(
                    sentenceEnd: Self.sentenceCharacters.contains(character),
                    joining: character == " " || character == "-")
            }
        }

        /// A Character that is neither letter nor digit (nor an apostrophe inside a word).
        mutating func separator(sentenceEnd: Bool, joining: Bool) {
            endWord()
            endSegment()
            if sentenceEnd { sentenceStart = true }
            if !joining { gapIsJoining = false }
        }

        private mutating func endWord() {
            guard !word.isEmpty else { return }
            let lower: String
            if wordIsASCII {
                lower = String(decoding: word.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
            } else {
                lower = ScriptSegments.normalised(String(decoding: word, as: UTF8.self).lowercased())
                if lower.isEmpty {
                    word.removeAll(keepingCapacity: true)
                    wordIsASCII = true
                    return
                }
            }
            result.append(Token(lower: lower, capitalised: capitalised, sentenceStart: sentenceStart, joined: joined))
            word.removeAll(keepingCapacity: true)
            wordIsASCII = true
            sentenceStart = false
            gapIsJoining = true
        }

        /// The current run of a script without spaces, as overlapping n-grams (the run itself
        /// when shorter).
        private var segment: [Character] = []
        private var segmentSize = 2

        private mutating func endSegment() {
            guard !segment.isEmpty else { return }
            let n = segmentSize
            if segment.count <= n {
                appendSegment(String(segment))
            } else {
                for start in 0...(segment.count - n) { appendSegment(String(segment[start..<(start + n)])) }
            }
            segment.removeAll(keepingCapacity: true)
            sentenceStart = false
            gapIsJoining = true
        }

        private mutating func appendSegment(_ gram: String) {
            result.append(Token(lower: gram, capitalised: false, sentenceStart: sentenceStart, joined: false, segment: true))
        }

        mutating func finish() -> [Token] {
            endWord()
            endSegment()
            return result
        }
    }
}
