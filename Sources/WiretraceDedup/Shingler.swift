/// Word k-shingles of a text, each hashed to 64 bits.
public enum Shingler {
    /// Sorted, unique 64-bit hashes of the word `size`-shingles of `text`.
    ///
    /// A text shorter than `size` words gives one shingle of all its words; an empty text gives
    /// `[]`.
    ///
    /// - Complexity: O(n·k + s log s) for n tokens, k = `size`, s shingles.
    public static func shingles(_ text: String, size: Int) -> [UInt64] {
        shingles(tokenHashes: TextNormalizer.tokenHashes(text), size: size)
    }

    /// Sorted, unique hashes of the `size`-shingles over token hashes (see ``TextNormalizer``).
    ///
    /// - Complexity: O(n·k + s log s) for n tokens, k = `size`, s shingles.
    public static func shingles(tokenHashes tokens: [UInt64], size: Int) -> [UInt64] {
        precondition(size >= 1, "shingle size must be at least 1, got \(size)")
        guard !tokens.isEmpty else { return [] }
        let width = min(size, tokens.count)
        let windows = tokens.count - width + 1
        var hashes = tokens.withUnsafeBufferPointer { tokens in
            [UInt64](unsafeUninitializedCapacity: windows) { buffer, initialized in
                for start in 0..<windows {
                    buffer[start] = shingleHash(tokens[start..<(start + width)])
                }
                initialized = windows
            }
        }
        sortHashes(&hashes)
        return uniqued(sorted: hashes)
    }

    /// Appends the hashes of the `size`-shingles over `tokens`, in text order with repeats: the
    /// values ``shingles(tokenHashes:size:)`` gives before sorting and removing repeats, for
    /// consumers (MinHash) to which order and repeats make no difference.
    ///
    /// The window polynomial is rolled from one window to the next (one multiply-subtract and
    /// one multiply-add), then finalised as ``shingleHash(_:)`` does.
    ///
    /// - Complexity: O(n) for n tokens.
    public static func appendShingleHashes(tokenHashes tokens: [UInt64], size: Int, to output: inout [UInt64]) {
        precondition(size >= 1, "shingle size must be at least 1, got \(size)")
        guard !tokens.isEmpty else { return }
        let width = min(size, tokens.count)
        let windows = tokens.count - width + 1
        let length = UInt64(truncatingIfNeeded: width)
        // P^(width − 1): the weight of the token that leaves the window.
        var leaving: UInt64 = 1
        for _ in 1..<max(width, 1) { leaving = leaving &* shinglePrime }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: windows))
        tokens.withUnsafeBufferPointer { tokens in
            output.withUnsafeMutableBufferPointer { output in
                var polynomial: UInt64 = 0
                for index in 0..<width { polynomial = polynomial &* shinglePrime &+ tokens[index] }
                output[start] = StableHash.mix(polynomial ^ length)
                var next = width
                while next < tokens.count {
                    polynomial = (polynomial &- tokens[next - width] &* leaving) &* shinglePrime &+ tokens[next]
                    next += 1
                    output[start + next - width] = StableHash.mix(polynomial ^ length)
                }
            }
        }
    }

    /// Sorts 64-bit hashes (see ``sortedSet(of:)``, which also removes repeats).
    ///
    /// - Complexity: O(n) expected for uniform hashes, O(n log n) worst case.
    package static func sortHashes(_ values: inout [UInt64]) {
        values = values.withUnsafeBufferPointer { sorted(of: $0) }
    }

    /// The sorted set of 64-bit hashes given in any order with repeats: ``BucketSort`` on the
    /// hashes themselves, then repeats removed in place.
    ///
    /// - Complexity: O(n) expected for uniform hashes, O(n log n) worst case.
    package static func sortedSet(of hashes: UnsafeBufferPointer<UInt64>) -> [UInt64] {
        var values = sorted(of: hashes)
        guard values.count > 1 else { return values }
        let unique = values.withUnsafeMutableBufferPointer { values in
            var write = 1
            for read in 1..<values.count where values[read] != values[write - 1] {
                values[write] = values[read]
                write += 1
            }
            return write
        }
        values.removeLast(values.count - unique)
        return values
    }

    /// The hashes sorted ascending (repeats kept).
    private static func sorted(of hashes: UnsafeBufferPointer<UInt64>) -> [UInt64] {
        BucketSort.sorted(hashes, maximumBucketBits: 16, key: { $0 }, by: <)
    }

    /// Odd multiplier of the window polynomial.
    static let shinglePrime: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Order-dependent hash of a window of token hashes: the polynomial Σ tᵢ·P^(w−1−i) over
    /// the w tokens (mod 2⁶⁴), finalised with the window length through ``StableHash/mix(_:)``.
    /// Stable across runs and platforms; ``appendShingleHashes(tokenHashes:size:to:)`` rolls the
    /// same polynomial from window to window.
    @inline(__always)
    package static func shingleHash(_ window: Slice<UnsafeBufferPointer<UInt64>>) -> UInt64 {
        var polynomial: UInt64 = 0
        for token in window { polynomial = polynomial &* shinglePrime &+ token }
        return StableHash.mix(polynomial ^ UInt64(truncatingIfNeeded: window.count))
    }

    /// Removes adjacent repeats of a sorted array in place.
    package static func uniqued(sorted values: [UInt64]) -> [UInt64] {
        var values = values
        guard values.count > 1 else { return values }
        var write = 1
        for read in 1..<values.count where values[read] != values[write - 1] {
            values[write] = values[read]
            write += 1
        }
        values.removeLast(values.count - write)
        return values
    }
}
