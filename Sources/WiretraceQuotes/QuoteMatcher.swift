import WiretraceCore

/// Matches the same quote across outlets, allowing for punctuation, truncation and small edits.
public enum QuoteMatcher {
    /// Canonical key of a quote for cross-outlet matching: case-folded letters/digits, punctuation
    /// and quote marks dropped, whitespace collapsed. Dashes and slashes separate words.
    /// - Complexity: O(n) in the length of the quote.
    public static func key(_ quote: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in quote.lowercased().unicodeScalars {
            if scalar.isWordScalar {
                if pendingSpace, !scalars.isEmpty { scalars.append(" ") }
                pendingSpace = false
                scalars.append(scalar)
            } else if scalar.isSpace || scalar.properties.isDash || scalar == "/" {
                pendingSpace = true
            }
        }
        return String(scalars)
    }

    /// Groups occurrences that are the same quote: equal keys, or one key's words a contiguous run of
    /// six or more words inside the other's (truncation), or token-set Jaccard ≥ 0.8 (small edits).
    /// Input order is kept inside groups; groups are ordered by their first index; every index is in
    /// exactly one group.
    ///
    /// Only pairs that can match are compared (prefix filtering): each quote's words are ordered
    /// rarest first, and a quote is compared with the quotes holding one of its rarest
    /// `n − ⌈0.8·n⌉ + 1` words. A pair with Jaccard ≥ 0.8 must share one of those (the prefix-filter
    /// lemma), and a truncation shares all of the shorter quote's words, its rarest among them.
    /// - Complexity: O(n·p·k·w) for n quotes of about w words, prefixes of p words and postings of
    ///   k quotes; O(n²·w) only when every quote shares its rarest words with every other.
    public static func group(_ quotes: [String]) -> [[Int]] {
        // Words as integer ids: sequences for the truncation test, sorted sets for Jaccard.
        var wordIDs: [String: Int32] = [:]
        let allSequences: [[Int32]] = quotes.map { quote in
            key(quote).split(separator: " ").map { word in
                let word = String(word)
                if let id = wordIDs[word] { return id }
                let id = Int32(wordIDs.count)
                wordIDs[word] = id
                return id
            }
        }
        // Identical word sequences are the same quote (wire copies carry each quote many times):
        // they are matched once, by their first occurrence, and joined to it at the end.
        var distinctIndex: [[Int32]: Int] = [:]
        var sequences: [[Int32]] = []
        var distinctOf = [Int](repeating: 0, count: quotes.count)
        for (index, sequence) in allSequences.enumerated() {
            if let known = distinctIndex[sequence] {
                distinctOf[index] = known
            } else {
                distinctIndex[sequence] = sequences.count
                distinctOf[index] = sequences.count
                sequences.append(sequence)
            }
        }
        let wordSets = sequences.map { Array(Set($0)).sorted() }
        var frequency = [Int32](repeating: 0, count: wordIDs.count)
        for set in wordSets { for word in set { frequency[Int(word)] += 1 } }
        var postings = [[Int32]](repeating: [], count: wordIDs.count)
        for (index, set) in wordSets.enumerated() { for word in set { postings[Int(word)].append(Int32(index)) } }

        // A 64-bit sketch of each word set (one bit per word id, hashed): bits one set has and
        // the other lacks are distinct words only it holds, which bounds the common words from
        // above. Most candidates from a shared rare word fail that bound and skip the merge.
        let sketches: [UInt64] = wordSets.map { set in
            set.reduce(0) { $0 | (1 &<< ((UInt64(UInt32(bitPattern: $1)) &* 0x9E37_79B9_7F4A_7C15) &>> 58)) }
        }
        func mayMatch(_ i: Int, _ j: Int) -> Bool {
            let onlyI = (sketches[i] & ~sketches[j]).nonzeroBitCount
            let onlyJ = (sketches[j] & ~sketches[i]).nonzeroBitCount
            let sizeI = wordSets[i].count
            let sizeJ = wordSets[j].count
            let mostCommon = min(sizeI - onlyI, sizeJ - onlyJ)
            if 5 * mostCommon >= 4 * (sizeI + sizeJ - mostCommon) { return true }  // Jaccard ≥ 0.8 possible
            // A truncation: the shorter sequence (six words or more) has every word in the longer.
            let iIsShort = sequences[i].count <= sequences[j].count
            return min(sequences[i].count, sequences[j].count) >= 6 && (iIsShort ? onlyI : onlyJ) == 0
        }

        var distinctSets = UnionFind(count: sequences.count)
        var comparedWith = [Int](repeating: -1, count: sequences.count)  // the last i each j was compared with
        for i in sequences.indices where !sequences[i].isEmpty {
            let ordered = wordSets[i].sorted { (frequency[Int($0)], $0) < (frequency[Int($1)], $1) }
            let prefix = ordered.count - Int((0.8 * Double(ordered.count)).rounded(.up)) + 1
            for word in ordered.prefix(max(1, prefix)) {
                for candidate in postings[Int(word)] {
                    let j = Int(candidate)
                    guard j != i, comparedWith[j] != i else { continue }
                    comparedWith[j] = i
                    if mayMatch(i, j), distinctSets.find(i) != distinctSets.find(j),
                        same(sequences[i], sequences[j], wordSets[i], wordSets[j])
                    {
                        distinctSets.union(i, j)
                    }
                }
            }
        }
        // Back to the occurrences: each joins its distinct sequence's set. (Quotes with no words
        // share the empty sequence, so they match only each other.)
        var sets = UnionFind(count: quotes.count)
        var firstOfRoot = [Int](repeating: -1, count: sequences.count)
        for index in quotes.indices {
            let root = distinctSets.find(distinctOf[index])
            if firstOfRoot[root] < 0 { firstOfRoot[root] = index } else { sets.union(firstOfRoot[root], index) }
        }
        return inputOrder(&sets)
    }

    /// ``same(_:_:_:_:)`` on word ids with sorted sets: the Jaccard test by a merge count, and the
    /// truncation test only when every word of the shorter quote is in the longer (necessary for
    /// a contiguous run). Gives the same answer as the string version.
    private static func same(_ a: [Int32], _ b: [Int32], _ setA: [Int32], _ setB: [Int32]) -> Bool {
        if a == b { return true }
        guard !a.isEmpty, !b.isEmpty else { return false }
        // Jaccard is at most the ratio of the set sizes, and a truncation needs six words: when
        // neither can hold, no merge is needed.
        if 5 * min(setA.count, setB.count) < 4 * max(setA.count, setB.count) && min(a.count, b.count) < 6 { return false }
        var i = 0
        var j = 0
        var common = 0
        while i < setA.count && j < setB.count {
            if setA[i] == setB[j] {
                common += 1
                i += 1
                j += 1
            } else if setA[i] < setB[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let union = setA.count + setB.count - common
        if union > 0 && Double(common) / Double(union) >= 0.8 { return true }
        let (short, long, shortSet) = a.count <= b.count ? (a, b, setA) : (b, a, setB)
        guard short.count >= 6, common == shortSet.count, short.count <= long.count else { return false }
        for start in 0...(long.count - short.count) where long[start] == short[0] {
            if long[start..<(start + short.count)].elementsEqual(short) { return true }
        }
        return false
    }

    /// The simple all-pairs grouping, kept as the reference the fast path is tested against.
    package static func referenceGroup(_ quotes: [String]) -> [[Int]] {
        let words = quotes.map { key($0).split(separator: " ").map(String.init) }
        let wordSets = words.map(Set.init)
        var sets = UnionFind(count: quotes.count)
        for i in quotes.indices {
            for j in quotes.indices where j > i && sets.find(i) != sets.find(j) {
                if same(words[i], words[j], wordSets[i], wordSets[j]) { sets.union(i, j) }
            }
        }
        return inputOrder(&sets)
    }

    /// Every element's set, members in input order, sets ordered by their first member.
    private static func inputOrder(_ sets: inout UnionFind) -> [[Int]] {
        var groups: [Int: [Int]] = [:]
        var order: [Int] = []
        for i in 0..<sets.count {
            let root = sets.find(i)
            if groups[root] == nil { order.append(root) }
            groups[root, default: []].append(i)
        }
        return order.map { groups[$0]! }
    }

    private static func same(_ a: [String], _ b: [String], _ setA: Set<String>, _ setB: Set<String>) -> Bool {
        if a == b { return true }
        guard !a.isEmpty, !b.isEmpty else { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if short.count >= 6, containsRun(long, short) { return true }
        let union = setA.union(setB).count
        return union > 0 && Double(setA.intersection(setB).count) / Double(union) >= 0.8
    }

    /// Whether `needle` occurs as a contiguous run of words in `haystack`.
    private static func containsRun(_ haystack: [String], _ needle: [String]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }
}
