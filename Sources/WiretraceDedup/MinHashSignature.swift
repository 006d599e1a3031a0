/// A MinHash signature: the minimum of each permutation over a text's shingles.
public struct MinHashSignature: Sendable, Hashable {
    public var values: [UInt64]

    public init(values: [UInt64]) {
        self.values = values
    }

    /// The signature of an empty shingle set: every value `UInt64.max`.
    public var isEmpty: Bool { values.allSatisfy { $0 == .max } }

    /// The values as little-endian bytes, 8 per value, for storage.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.count * 8)
        for value in values {
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: value &>> UInt64(shift)))
            }
        }
        return bytes
    }

    /// Reads a signature stored by ``bytes``; `nil` when the length is not a multiple of 8.
    public init?(bytes: [UInt8]) {
        guard bytes.count % 8 == 0 else { return nil }
        var values: [UInt64] = []
        values.reserveCapacity(bytes.count / 8)
        for start in stride(from: 0, to: bytes.count, by: 8) {
            var value: UInt64 = 0
            for offset in 0..<8 {
                value |= UInt64(bytes[start + offset]) &<< UInt64(offset * 8)
            }
            values.append(value)
        }
        self.values = values
    }

    /// The share of permutations on which the two signatures agree: an unbiased estimate of the
    /// Jaccard similarity of the underlying shingle sets, with standard error √(J(1−J)/k).
    ///
    /// Positions where both are `UInt64.max` (empty sets) do not count as agreement, so empty
    /// texts are similar to nothing. Signatures of different lengths compare over the shorter.
    ///
    /// - Complexity: O(k) for k permutations.
    public func estimatedJaccard(with other: MinHashSignature) -> Double {
        let count = min(values.count, other.values.count)
        guard count > 0 else { return 0 }
        var equal = 0
        for index in 0..<count where values[index] == other.values[index] && values[index] != .max {
            equal += 1
        }
        return Double(equal) / Double(count)
    }
}
