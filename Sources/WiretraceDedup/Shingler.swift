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
        var hashes = [UInt64](repeating: 0, count: tokens.count - width + 1)
        tokens.withUnsafeBufferPointer { tokens in
            for start in 0..<hashes.count {
                hashes[start] = shingleHash(tokens[start..<(start + width)])
            }
        }
        hashes.sort()
        return uniqued(sorted: hashes)
    }

    /// Order-dependent hash of a window of token hashes: a multiply-xorshift chain over the
    /// tokens, finalised with the window length. Stable across runs and platforms.
    @inline(__always)
    package static func shingleHash(_ window: Slice<UnsafeBufferPointer<UInt64>>) -> UInt64 {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3
        for token in window {
            hash = (hash ^ token) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash &>> 29
        }
        return StableHash.mix(hash ^ UInt64(truncatingIfNeeded: window.count))
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
