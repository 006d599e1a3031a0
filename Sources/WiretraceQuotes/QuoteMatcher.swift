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
        let words = quotes.map { key($0).split(separator: " ").map(String.init) }
        let sets = words.map(Set.init)
        var frequency: [String: Int] = [:]
        for set in sets { for word in set { frequency[word, default: 0] += 1 } }
        var postings: [String: [Int]] = [:]
        for (index, set) in sets.enumerated() { for word in set { postings[word, default: []].append(index) } }

        var parent = Array(quotes.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        func union(_ i: Int, _ j: Int) {
            let (ri, rj) = (find(i), find(j))
            if ri != rj { parent[max(ri, rj)] = min(ri, rj) }
        }
        // Quotes with no words match only each other.
        let empty = quotes.indices.filter { words[$0].isEmpty }
        for index in empty.dropFirst() { union(empty[0], index) }

        for i in quotes.indices where !words[i].isEmpty {
            let ordered = sets[i].sorted { (frequency[$0]!, $0) < (frequency[$1]!, $1) }
            let prefix = ordered.count - Int((0.8 * Double(ordered.count)).rounded(.up)) + 1
            var compared = Set<Int>()
            for word in ordered.prefix(max(1, prefix)) {
                for j in postings[word]! where j != i && !compared.contains(j) {
                    compared.insert(j)
                    if find(i) != find(j), same(words[i], words[j], sets[i], sets[j]) { union(i, j) }
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        var order: [Int] = []
        for i in quotes.indices {
            let root = find(i)
            if groups[root] == nil { order.append(root) }
            groups[root, default: []].append(i)
        }
        return order.map { groups[$0]! }
    }

    /// The simple all-pairs grouping, kept as the reference the fast path is tested against.
    package static func referenceGroup(_ quotes: [String]) -> [[Int]] {
        let words = quotes.map { key($0).split(separator: " ").map(String.init) }
        let sets = words.map(Set.init)
        var parent = Array(quotes.indices)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for i in quotes.indices {
            for j in quotes.indices where j > i && find(i) != find(j) {
                if same(words[i], words[j], sets[i], sets[j]) {
                    let (ri, rj) = (find(i), find(j))
                    parent[max(ri, rj)] = min(ri, rj)
                }
            }
        }
        var groups: [Int: [Int]] = [:]
        var order: [Int] = []
        for i in quotes.indices {
            let root = find(i)
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
