/// Sorting by a uniformly distributed 64-bit key: one counting pass on the key's top bits into
/// about one bucket per element, a scatter, then insertion sort inside each (small) bucket; a
/// bucket that is large (skewed keys) takes the standard sort. Stable: elements that are equal
/// under `areInIncreasingOrder` keep their input order.
///
/// Shared by the shingle sets (``Shingler``) and the LSH band grouping (``BandKeyTable``).
enum BucketSort {
    /// - Parameters:
    ///   - key: the element's 64-bit key, uniform over its range; buckets are its top bits.
    ///   - areInIncreasingOrder: the full order, consistent with `key` (a smaller key sorts first).
    ///   - maximumBucketBits: at most 2^bits buckets.
    /// - Complexity: O(n) expected for uniform keys, O(n log n) worst case.
    @inline(__always)
    static func sorted<Element>(
        _ input: UnsafeBufferPointer<Element>, maximumBucketBits: Int, key: (Element) -> UInt64,
        by areInIncreasingOrder: (Element, Element) -> Bool
    ) -> [Element] {
        let count = input.count
        guard count >= 64 else { return input.sorted(by: areInIncreasingOrder) }
        let bits = min(maximumBucketBits, Int.bitWidth - count.leadingZeroBitCount - 1)
        let shift = UInt64(64 - bits)
        let buckets = 1 << bits
        return [Element](unsafeUninitializedCapacity: count) { sorted, initialized in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: buckets + 1) { starts in
                starts.initialize(repeating: 0)
                for element in input { starts[Int(key(element) &>> shift) &+ 1] &+= 1 }
                for bucket in 1...buckets { starts[bucket] &+= starts[bucket - 1] }
                withUnsafeTemporaryAllocation(of: Int.self, capacity: buckets) { next in
                    _ = next.initialize(from: starts[0..<buckets])
                    for element in input {
                        let bucket = Int(key(element) &>> shift)
                        (sorted.baseAddress! + next[bucket]).initialize(to: element)
                        next[bucket] &+= 1
                    }
                }
                for bucket in 0..<buckets {
                    let start = starts[bucket]
                    let end = starts[bucket + 1]
                    guard end - start > 1 else { continue }
                    if end - start > 16 {
                        sorted[start..<end].sort(by: areInIncreasingOrder)  // the standard sort is stable
                        continue
                    }
                    for index in (start + 1)..<end {  // insertion sort, stable
                        let element = sorted[index]
                        var hole = index
                        while hole > start && areInIncreasingOrder(element, sorted[hole - 1]) {
                            sorted[hole] = sorted[hole - 1]
                            hole -= 1
                        }
                        sorted[hole] = element
                    }
                }
            }
            initialized = count
        }
    }
}
