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

    /// The words of ``key(_:)`` (`key(quote).split(separator: " ")`), cut as they are found
    /// instead of written into a key and split again; ASCII separators are told from the value,
    /// without a Unicode property lookup. Grouping cuts every stored quote into words on every
    /// run, and the key, the split and the dash lookup were most of that.
    /// - Complexity: O(n) in the length of the quote.
    package static func keyWords(_ quote: String) -> [String] {
        var words: [String] = []
        var word: [Unicode.Scalar] = []
        for scalar in quote.lowercased().unicodeScalars {
            if scalar.isWordScalar {
                word.append(scalar)
            } else if isKeySeparator(scalar), !word.isEmpty {
                words.append(String(scalars: word))
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { words.append(String(scalars: word)) }
        return words
    }

    /// What separates two words of a key: a space, a dash or a slash (other punctuation is
    /// dropped without a break). In ASCII that is whitespace, `-` (the only ASCII scalar with
    /// the Dash property) and `/`.
    static func isKeySeparator(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || value &- 0x09 < 5 || value == 0x2D || value == 0x2F }
        return scalar.isSpace || scalar.properties.isDash
    }

    /// Groups occurrences that are the same quote: equal keys, or one key's words a contiguous run of
    /// six or more words inside the other's (truncation), or token-set Jaccard ≥ 0.8 (small edits).
    /// Input order is kept inside groups; groups are ordered by their first index; every index is in
    /// exactly one group.
    ///
    /// Identical word sequences (wire copies carry each quote many times) are grouped by hashing
    /// and matched once. Among the distinct sequences, only pairs that can match are compared,
    /// by two indexes:
    /// - Jaccard ≥ 0.8 (prefix filtering, as in AllPairs/PPJoin): each word set is ordered rarest
    ///   first and indexed under its first `n − ⌈0.8·n⌉ + 1` words only; sets are visited by
    ///   size, so a set probes only the indexed sets no larger than itself and at least ⌈0.8·n⌉
    ///   (the length filter). Two sets with Jaccard ≥ 0.8 share a word of those prefixes.
    /// - Truncation: every run of six words of every sequence is indexed by its hash; a sequence
    ///   of six words or more probes the run of its own with the shortest list, since any
    ///   sequence holding it whole holds that run.
    /// - Complexity: O(Σw) to intern and index the words of all occurrences, plus for each distinct
    ///   sequence the postings of its prefix words within its size range and one six-word run's
    ///   postings; linear in the occurrences when no word or six-word run is shared by a large
    ///   share of the distinct quotes.
    ///
    /// - Parameter workers: threads for the quotes' keys (a block of quotes at a time); the
    ///   groups are the same for any number.
    public static func group(_ quotes: [String], workers: Int = 1) -> [[Int]] {
        // Equal texts (byte for byte) are one distinct text, grouped once.
        var textIndex: [String: Int] = [:]
        var texts: [String] = []
        var textOf = [Int](repeating: 0, count: quotes.count)
        for (index, quote) in quotes.enumerated() {
            if let known = textIndex[quote], texts[known].utf8.elementsEqual(quote.utf8) {
                textOf[index] = known
            } else {
                if textIndex[quote] == nil { textIndex[quote] = texts.count }
                textOf[index] = texts.count
                texts.append(quote)
            }
        }
        textIndex = [:]
        let labels = groupDistinct(texts, workers: workers)
        var sets = UnionFind(count: quotes.count)
        var firstOfLabel = [Int](repeating: -1, count: texts.count)
        for index in quotes.indices {
            let label = labels[textOf[index]]
            if firstOfLabel[label] < 0 { firstOfLabel[label] = index } else { sets.union(firstOfLabel[label], index) }
        }
        return inputOrder(&sets)
    }

    /// The groups of distinct texts, as ``group(_:workers:)`` makes them: one label per text, in
    /// `0..<texts.count`, equal for texts of one group and different for texts of two. Callers
    /// that hold many copies of few texts (quote linking over a large collection) group each
    /// text once and keep one small integer per occurrence instead of the occurrences' texts.
    ///
    /// - Complexity: as ``group(_:workers:)``, over the distinct texts.
    package static func groupDistinct(_ quotes: [String], workers: Int = 1) -> [Int] {
        // Words as integer ids: sequences for the truncation test, sorted sets for Jaccard. Ids
        // are given in the quotes' order; the keys' words are found a block at a time on
        // `workers` threads, so only a block's are held.
        var wordIDs: [String: Int32] = [:]
        var distinctIndex: [[Int32]: Int] = [:]
        var sequences: [[Int32]] = []
        var distinctOf = [Int](repeating: 0, count: quotes.count)
        let block = 4096
        var blockStart = 0
        while blockStart < quotes.count {
            let blockEnd = min(blockStart + block, quotes.count)
            let words = Array(quotes[blockStart..<blockEnd]).parallelMap(workers: workers) { quote in keyWords(quote) }
            for (offset, quoteWords) in words.enumerated() {
                let index = blockStart + offset
                let sequence: [Int32] = quoteWords.map { word in
                    if let id = wordIDs[word] { return id }
                    let id = Int32(wordIDs.count)
                    wordIDs[word] = id
                    return id
                }
                if let known = distinctIndex[sequence] {
                    distinctOf[index] = known
                } else {
                    distinctIndex[sequence] = sequences.count
                    distinctOf[index] = sequences.count
                    sequences.append(sequence)
                }
            }
            blockStart = blockEnd
        }
        distinctIndex = [:]
        let wordSets = sequences.map { Array(Set($0)).sorted() }
        var frequency = [Int32](repeating: 0, count: wordIDs.count)
        for set in wordSets { for word in set { frequency[Int(word)] += 1 } }

        // A 64-bit sketch of each word set (one bit per word id, hashed): bits one set has and
        // the other lacks are distinct words only it holds, which bounds the common words from
        // above. Most candidates fail that bound and skip the merge.
        let sketches: [UInt64] = wordSets.map { set in
            set.reduce(0) { $0 | (1 &<< ((UInt64(UInt32(bitPattern: $1)) &* 0x9E37_79B9_7F4A_7C15) &>> 58)) }
        }
        var distinctSets = UnionFind(count: sequences.count)

        // Jaccard ≥ 0.8: sets by size, each probing the prefix index of the smaller-or-equal ones.
        let bySize = sequences.indices.filter { !sequences[$0].isEmpty }.sorted {
            (wordSets[$0].count, $0) < (wordSets[$1].count, $1)
        }
        var postings = [[Int32]](repeating: [], count: wordIDs.count)
        var postingStart = [Int](repeating: 0, count: wordIDs.count)  // entries before it are too small
        var comparedWith = [Int](repeating: -1, count: sequences.count)  // the last i each j was compared with
        for i in bySize {
            let size = wordSets[i].count
            let ordered = wordSets[i].sorted { (frequency[Int($0)], $0) < (frequency[Int($1)], $1) }
            let least = (4 * size + 4) / 5  // ⌈0.8·n⌉: the fewest common words Jaccard ≥ 0.8 allows
            let prefix = ordered.prefix(size - least + 1)
            for word in prefix {
                let list = Int(word)
                while postingStart[list] < postings[list].count
                    && 5 * wordSets[Int(postings[list][postingStart[list]])].count < 4 * size
                {
                    postingStart[list] += 1
                }
                for candidate in postings[list][postingStart[list]...] {
                    let j = Int(candidate)
                    guard comparedWith[j] != i else { continue }
                    comparedWith[j] = i
                    let onlyI = (sketches[i] & ~sketches[j]).nonzeroBitCount
                    let onlyJ = (sketches[j] & ~sketches[i]).nonzeroBitCount
                    let mostCommon = min(size - onlyI, wordSets[j].count - onlyJ)
                    guard 5 * mostCommon >= 4 * (size + wordSets[j].count - mostCommon) else { continue }
                    if distinctSets.find(i) != distinctSets.find(j), jaccardAtLeast08(wordSets[i], wordSets[j]) {
                        distinctSets.union(i, j)
                    }
                }
            }
            for word in prefix { postings[Int(word)].append(Int32(i)) }
        }
        postings = []

        // Truncations: runs of six words, by hash. Each distinct sequence's distinct runs as
        // (hash, sequence) entries in one array sorted by hash, then sequence: a run's sequences
        // are one range of it, in sequence order. (A dictionary of arrays, one allocation per
        // distinct run, took several times the memory on a large collection.)
        let run = 6
        func runHash(_ sequence: [Int32], _ start: Int) -> UInt64 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for word in sequence[start..<(start + run)] {
                hash = (hash ^ UInt64(UInt32(bitPattern: word))) &* 0x0000_0100_0000_01B3
                hash ^= hash &>> 29
            }
            return hash
        }
        var runEntries: [RunEntry] = []
        for (index, sequence) in sequences.enumerated() where sequence.count >= run {
            var seen = Set<UInt64>()
            for start in 0...(sequence.count - run) {
                let hash = runHash(sequence, start)
                if seen.insert(hash).inserted { runEntries.append(RunEntry(hash: hash, sequence: Int32(index))) }
            }
        }
        runEntries.sort { ($0.hash, $0.sequence) < ($1.hash, $1.sequence) }
        /// The entries of `hash` (never empty for a run of a sequence listed).
        func runRange(_ hash: UInt64) -> Range<Int> {
            let low = runEntries.partitioningIndex { $0.hash >= hash }
            var end = low
            while end < runEntries.count && runEntries[end].hash == hash { end += 1 }
            return low..<end
        }
        for (i, short) in sequences.enumerated() where short.count >= run {
            var best: Range<Int>? = nil
            for start in 0...(short.count - run) {
                let list = runRange(runHash(short, start))
                if best == nil || list.count < best!.count { best = list }
                if best!.count == 1 { break }
            }
            for entry in best! {
                let j = Int(runEntries[entry].sequence)
                let long = sequences[j]
                guard j != i, long.count > short.count, (sketches[i] & ~sketches[j]) == 0,
                    distinctSets.find(i) != distinctSets.find(j), containsRun(long, short)
                else { continue }
                distinctSets.union(i, j)
            }
        }
        runEntries = []

        // Back to the texts: each takes its distinct sequence's root. (Quotes with no words
        // share the empty sequence, so they match only each other.)
        return quotes.indices.map { distinctSets.find(distinctOf[$0]) }
    }

    /// A run of six words of a distinct sequence: its hash and the sequence.
    private struct RunEntry {
        var hash: UInt64
        var sequence: Int32
    }

    /// Whether two sorted word sets have Jaccard ≥ 0.8 (as `same` decides it), by a merge count.
    private static func jaccardAtLeast08(_ setA: [Int32], _ setB: [Int32]) -> Bool {
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
        return union > 0 && Double(common) / Double(union) >= 0.8
    }

    /// Whether `needle` occurs as a contiguous run of words in `haystack`.
    private static func containsRun(_ haystack: [Int32], _ needle: [Int32]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
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
