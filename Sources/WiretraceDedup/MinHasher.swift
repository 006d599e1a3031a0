/// Computes MinHash signatures of shingle sets.
///
/// Each shingle hash x is first passed once through the SplitMix64 finaliser (so structured
/// inputs such as small integers behave like random ones); permutation i then maps the mixed
/// value y to `(y ^ s_i) &* a_i` with a random 64-bit `s_i` and a random odd `a_i` from a
/// SplitMix64 stream of the configured seed. Each map is a bijection on 64 bits whose high bits,
/// which decide the minimum, depend on every bit of y. This avoids the "classic"
/// `(a·x + b) mod (2^61 − 1)` with 32-bit `a` and `x`, which barely wraps and so stays nearly
/// monotone (estimates off by up to 0.79 on this project's tests). One multiply per value keeps
/// the inner loop short; the same seed gives the same signatures on every run and platform.
public struct MinHasher: Sendable {
    /// Per-permutation xor keys `s_i`.
    public let keys: [UInt64]
    /// Per-permutation odd multipliers `a_i`.
    public let multipliers: [UInt64]

    public init(permutations: Int, seed: UInt64) {
        precondition(permutations >= 1, "MinHash needs at least one permutation, got \(permutations)")
        let stream = StableHash.splitMixStream(seed: seed, count: 2 * permutations)
        keys = (0..<permutations).map { stream[2 * $0] }
        multipliers = (0..<permutations).map { stream[2 * $0 + 1] | 1 }
    }

    public var permutations: Int { keys.count }

    /// The signature of a shingle set (any order; duplicates do not matter). An empty set gives a
    /// signature of all `UInt64.max`.
    ///
    /// - Complexity: O(s·k) for s shingles and k permutations.
    public func signature(of shingles: [UInt64]) -> MinHashSignature {
        let count = keys.count
        var minima = [UInt64](repeating: .max, count: count)
        keys.withUnsafeBufferPointer { keys in
            multipliers.withUnsafeBufferPointer { multipliers in
                minima.withUnsafeMutableBufferPointer { minima in
                    for shingle in shingles {
                        let mixed = StableHash.mix(shingle)
                        for index in 0..<count {
                            let value = (mixed ^ keys[index]) &* multipliers[index]
                            minima[index] = min(minima[index], value)
                        }
                    }
                }
            }
        }
        return MinHashSignature(values: minima)
    }

    /// Reference: the same signature computed one permutation at a time, for tests.
    public func referenceSignature(of shingles: [UInt64]) -> MinHashSignature {
        MinHashSignature(values: (0..<keys.count).map { index in
            shingles.map { (StableHash.mix($0) ^ keys[index]) &* multipliers[index] }.min() ?? .max
        })
    }
}
