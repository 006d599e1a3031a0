/// Fixed, seed-independent 64-bit hashing used by every dedup stage.
///
/// Everything here is stable across runs, processes and platforms (unlike Swift's `Hasher`),
/// so hashes and signatures may be stored and compared later.
package enum StableHash {
    /// Word-at-a-time hash of one token's normalised UTF-8 bytes, fed one byte at a time.
    ///
    /// The bytes are packed little-endian into 64-bit words; each full word is folded in with
    /// ``tokenRound(_:_:)``, the last partial word (when there is one) likewise, and the length
    /// finishes it through ``mix(_:)``. The fast path of ``TextNormalizer`` computes the same
    /// value with unaligned 8-byte loads; this is the plain form both paths agree on.
    package struct TokenHasher: Sendable {
        package static let seed: UInt64 = 0x243F_6A88_85A3_08D3
        private var hash = TokenHasher.seed
        private var word: UInt64 = 0
        private var shift: UInt64 = 0
        private var length = 0

        package init() {}

        @inline(__always)
        package mutating func append(_ byte: UInt8) {
            word |= UInt64(byte) &<< shift
            shift &+= 8
            length &+= 1
            if shift == 64 {
                hash = StableHash.tokenRound(hash, word)
                word = 0
                shift = 0
            }
        }

        /// The token's hash.
        @inline(__always)
        package func finalize() -> UInt64 {
            StableHash.tokenFinish(shift > 0 ? StableHash.tokenRound(hash, word) : hash, length: length)
        }

        /// The hash of a whole token.
        package static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
            var hasher = TokenHasher()
            for byte in bytes { hasher.append(byte) }
            return hasher.finalize()
        }
    }

    /// Folds one 64-bit word of token bytes into the running token hash (multiply-xorshift).
    @inline(__always)
    package static func tokenRound(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        let product = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product &>> 32)
    }

    /// Finishes a token hash with the token's length in bytes.
    @inline(__always)
    package static func tokenFinish(_ hash: UInt64, length: Int) -> UInt64 {
        mix(hash ^ UInt64(truncatingIfNeeded: length))
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
