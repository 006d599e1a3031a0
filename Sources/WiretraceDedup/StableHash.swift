/// Fixed, seed-independent 64-bit hashing used by every dedup stage.
///
/// Everything here is stable across runs, processes and platforms (unlike Swift's `Hasher`),
/// so hashes and signatures may be stored and compared later.
package enum StableHash {
    /// FNV-1a 64-bit offset basis.
    package static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
    /// FNV-1a 64-bit prime.
    package static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// FNV-1a 64 over a byte sequence.
    ///
    /// - Complexity: O(n)
    package static func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = fnvOffset
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* fnvPrime }
        return hash
    }

    /// The SplitMix64 finaliser: a bijective 64-bit mix with full avalanche.
    @inline(__always)
    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z &>> 31)
    }

    /// The `count` values of a SplitMix64 stream started at `seed`.
    package static func splitMixStream(seed: UInt64, count: Int) -> [UInt64] {
        var state = seed
        var values: [UInt64] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            values.append(mix(state))
        }
        return values
    }
}
