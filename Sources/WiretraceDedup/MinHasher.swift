/// Computes MinHash signatures of shingle sets.
///
/// Permutation i maps a shingle hash x to `mix(x ^ seed_i)`, where `mix` is the SplitMix64
/// finaliser (a bijection on 64 bits with full avalanche) and `seed_i` the i-th value of a
/// SplitMix64 stream from the configured seed. Unlike the "classic" `(a·x + b) mod (2^61 − 1)`
/// with 32-bit `a` and `x`, which barely wraps and so stays nearly monotone, every output bit
/// depends on every input bit. The same seed gives the same signatures on every run.
public struct MinHasher: Sendable {
    /// Per-permutation seeds.
    public let seeds: [UInt64]

    public init(permutations: Int, seed: UInt64) {
        precondition(permutations >= 1, "MinHash needs at least one permutation, got \(permutations)")
        seeds = StableHash.splitMixStream(seed: seed, count: permutations)
    }

    public var permutations: Int { seeds.count }

    /// The signature of a shingle set (any order; duplicates do not matter). An empty set gives a
    /// signature of all `UInt64.max`.
    ///
    /// - Complexity: O(s·k) for s shingles and k permutations.
    public func signature(of shingles: [UInt64]) -> MinHashSignature {
        var minima = [UInt64](repeating: .max, count: seeds.count)
        seeds.withUnsafeBufferPointer { seeds in
            minima.withUnsafeMutableBufferPointer { minima in
                for shingle in shingles {
                    for index in 0..<seeds.count {
                        let value = StableHash.mix(shingle ^ seeds[index])
                        minima[index] = min(minima[index], value)
                    }
                }
            }
        }
        return MinHashSignature(values: minima)
    }

    /// Reference: the same signature computed one permutation at a time, for tests.
    public func referenceSignature(of shingles: [UInt64]) -> MinHashSignature {
        MinHashSignature(values: seeds.map { seed in
            shingles.map { StableHash.mix($0 ^ seed) }.min() ?? .max
        })
    }
}
