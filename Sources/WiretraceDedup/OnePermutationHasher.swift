/// A compact MinHash-style signature: one 32-bit value per bin.
///
/// 4 bytes per value (512 bytes at 128 bins) instead of ``MinHashSignature``'s 8. Two values
/// from different shingles collide with probability 2⁻³², which adds at most that much to the
/// agreement rate — far below the estimate's own error.
public struct CompactSignature: Sendable, Hashable {
    public var values: [UInt32]
    /// False when the text had no shingles; such a signature agrees with nothing and is not indexed.
    public var isEmpty: Bool

    public init(values: [UInt32], isEmpty: Bool) {
        self.values = values
        self.isEmpty = isEmpty
    }

    /// The share of bins on which the signatures agree: an estimate of the Jaccard similarity.
    /// Empty signatures agree with nothing.
    ///
    /// - Complexity: O(k) for k bins.
    public func estimatedJaccard(with other: CompactSignature) -> Double {
        let count = min(values.count, other.values.count)
        guard count > 0, !isEmpty, !other.isEmpty else { return 0 }
        var equal = 0
        for index in 0..<count where values[index] == other.values[index] { equal += 1 }
        return Double(equal) / Double(count)
    }
}

/// One-permutation hashing with optimal densification (Li, Owen & Zhang 2012; Shrivastava 2017):
/// a MinHash signature for the price of one hash per shingle instead of one per permutation.
///
/// Each shingle hash x is mixed once, y = mix(x ⊕ seed). The high 32 bits of y choose one of k
/// bins (multiply-shift, uniform), the low 32 bits are the value; each bin keeps its minimum. An
/// empty bin i then copies the value of the first non-empty bin on its own fixed probe sequence
/// j = mix(seed' ⊕ i·2³² ⊕ t) mod k, t = 1, 2, … — the same sequence for every document, which
/// is what keeps the probability that two signatures agree on a bin equal to their Jaccard
/// similarity. Same seed, same signatures, on every run and platform.
///
/// The loop is one mix, one multiply-shift and one compare-and-store per shingle, so signing
/// costs about as much as producing the shingle hashes; the k-permutation ``MinHasher`` does k
/// multiplies per shingle. Texts with far fewer shingles than bins lean on densification and
/// estimate with more variance (the signature still agrees exactly on identical sets).
public struct OnePermutationHasher: Sendable {
    /// Bins (the signature length, the "permutations" of the configuration).
    public let bins: Int
    public let seed: UInt64
    private let densifySeed: UInt64

    public init(bins: Int, seed: UInt64) {
        precondition(bins >= 1 && bins <= 1 << 16, "one-permutation hashing needs 1...65536 bins, got \(bins)")
        self.bins = bins
        self.seed = StableHash.mix(seed ^ 0x4F50_4831_0000_0001)
        densifySeed = StableHash.mix(seed ^ 0x4F50_4831_0000_0002)
    }

    @inline(__always)
    private func binAndValue(_ shingle: UInt64) -> (bin: Int, value: UInt32) {
        let mixed = StableHash.mix(shingle ^ seed)
        return (Int(truncatingIfNeeded: ((mixed &>> 32) &* UInt64(bins)) &>> 32), UInt32(truncatingIfNeeded: mixed))
    }

    @inline(__always)
    private func probe(bin: Int, attempt: UInt64) -> Int {
        Int(truncatingIfNeeded: ((StableHash.mix(densifySeed ^ (UInt64(bin) &<< 32) ^ attempt) &>> 32)
            &* UInt64(bins)) &>> 32)
    }

    /// The bin an empty bin takes its value from: the first filled bin of its probe sequence.
    /// - Precondition: some bin is filled, so the sequence ends.
    @inline(__always)
    private func donor(of bin: Int, isFilled: (Int) -> Bool) -> Int {
        var attempt: UInt64 = 1
        var source = probe(bin: bin, attempt: attempt)
        while !isFilled(source) {
            attempt += 1
            source = probe(bin: bin, attempt: attempt)
        }
        return source
    }

    /// The signature of a multiset of shingle hashes (order and repeats do not matter).
    ///
    /// - Complexity: O(s + k·(k/f)) for s shingles, k bins, f filled bins.
    public func signature(of shingles: UnsafeBufferPointer<UInt64>) -> CompactSignature {
        var minima = [UInt32](repeating: .max, count: bins)
        var filled = [Bool](repeating: false, count: bins)
        // Branch-free: a min and an unconditional store per shingle; filled bins counted after.
        minima.withUnsafeMutableBufferPointer { minima in
            filled.withUnsafeMutableBufferPointer { filled in
                for shingle in shingles {
                    let (bin, value) = binAndValue(shingle)
                    minima[bin] = min(minima[bin], value)
                    filled[bin] = true
                }
            }
        }
        var filledCount = 0
        for isFilled in filled where isFilled { filledCount += 1 }
        return densified(minima, filled: filled, filledCount: filledCount)
    }

    /// Buffers reused by ``bandKeys(of:banding:scratch:)`` from one document to the next.
    public struct Scratch: Sendable {
        fileprivate var minima: [UInt32] = []
        fileprivate var filled: [Bool] = []
        fileprivate var values: [UInt32] = []

        public init() {}
    }

    /// The LSH band keys of the signature of a multiset of shingle hashes, or nil when there are
    /// none: what ``BandKeyTable/keys(of:banding:)`` gives for ``signature(of:)-(UnsafeBufferPointer<UInt64>)``,
    /// without allocating the signature. Only the bins the banding reads are densified.
    ///
    /// - Precondition: the banding reads at most ``bins`` values.
    /// - Complexity: O(s + u·(k/f)) for s shingles, u = bands × rows bins used, k bins, f filled.
    public func bandKeys(
        of shingles: UnsafeBufferPointer<UInt64>, banding: LSHBanding, scratch: inout Scratch
    ) -> [UInt64]? {
        let used = banding.permutationsUsed
        precondition(used <= bins, "banding \(banding.bands) × \(banding.rows) needs more than \(bins) values")
        guard !shingles.isEmpty else { return nil }
        if scratch.minima.count != bins {
            scratch.minima = [UInt32](repeating: .max, count: bins)
            scratch.filled = [Bool](repeating: false, count: bins)
            scratch.values = [UInt32](repeating: 0, count: bins)
        }
        return scratch.minima.withUnsafeMutableBufferPointer { minima in
            scratch.filled.withUnsafeMutableBufferPointer { filled in
                scratch.values.withUnsafeMutableBufferPointer { values in
                    minima.update(repeating: .max)
                    filled.update(repeating: false)
                    for shingle in shingles {
                        let (bin, value) = binAndValue(shingle)
                        minima[bin] = min(minima[bin], value)
                        filled[bin] = true
                    }
                    for bin in 0..<used {
                        if filled[bin] {
                            values[bin] = minima[bin]
                            continue
                        }
                        // Some bin is filled (there is a shingle), so the probe sequence ends.
                        values[bin] = minima[donor(of: bin) { filled[$0] }]
                    }
                    let rows = banding.rows
                    return [UInt64](unsafeUninitializedCapacity: banding.bands) { keys, initialized in
                        for band in 0..<banding.bands {
                            var key = UInt64(truncatingIfNeeded: band) &* 0x9E37_79B9_7F4A_7C15
                            for row in (band * rows)..<((band + 1) * rows) {
                                key = StableHash.mix(key ^ UInt64(values[row]))
                            }
                            keys[band] = key
                        }
                        initialized = banding.bands
                    }
                }
            }
        }
    }

    /// ``signature(of:)-(UnsafeBufferPointer<UInt64>)`` for an array.
    public func signature(of shingles: [UInt64]) -> CompactSignature {
        shingles.withUnsafeBufferPointer { signature(of: $0) }
    }

    /// Reference: each bin's minimum found by a separate pass over the shingles, then the same
    /// densification written as plainly as possible. For tests.
    ///
    /// - Complexity: O(s·k).
    public func referenceSignature(of shingles: [UInt64]) -> CompactSignature {
        var values = [UInt32?](repeating: nil, count: bins)
        for bin in 0..<bins {
            values[bin] = shingles.map(binAndValue).filter { $0.bin == bin }.map(\.value).min()
        }
        guard values.contains(where: { $0 != nil }) else {
            return CompactSignature(values: Array(repeating: .max, count: bins), isEmpty: true)
        }
        var result: [UInt32] = []
        for bin in 0..<bins {
            if let value = values[bin] {
                result.append(value)
                continue
            }
            result.append(values[donor(of: bin) { values[$0] != nil }]!)
        }
        return CompactSignature(values: result, isEmpty: false)
    }

    private func densified(_ minima: [UInt32], filled: [Bool], filledCount: Int) -> CompactSignature {
        guard filledCount > 0 else { return CompactSignature(values: minima, isEmpty: true) }
        guard filledCount < bins else { return CompactSignature(values: minima, isEmpty: false) }
        var values = minima
        for bin in 0..<bins where !filled[bin] {
            values[bin] = minima[donor(of: bin) { filled[$0] }]
        }
        return CompactSignature(values: values, isEmpty: false)
    }
}
