/// Sorting by a uniformly distributed 64-bit key: one counting pass on the key's top bits into
/// about one bucket per element, a scatter, then one insertion pass over the whole array (which
/// only moves elements inside their bucket); when keys are skewed (large buckets) and that pass
/// grows past a linear number of moves, the standard sort finishes. Stable: elements that are equal under `areInIncreasingOrder` keep their
/// input order. Each bucket loop is branch-light: with about one element per bucket, per-bucket
/// branches would be mispredicted about once per element.
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
        let bits = min(maximumBucketBits, Int.bitWidth - count.leadingZeroBitCount)
        let shift = UInt64(64 - bits)
        let buckets = 1 << bits
        return [Element](unsafeUninitializedCapacity: count) { sorted, initialized in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: buckets) { next in
                // Bucket sizes, then each bucket's first free place (exclusive prefix sums).
                next.initialize(repeating: 0)
                for element in input { next[Int(key(element) &>> shift)] &+= 1 }
                var start = 0
                for bucket in 0..<buckets {
                    let size = next[bucket]
                    next[bucket] = start
                    start &+= size
                }
                for element in input {
                    let bucket = Int(key(element) &>> shift)
                    (sorted.baseAddress! + next[bucket]).initialize(to: element)
                    next[bucket] &+= 1
                }
            }
            initialized = count
            // One insertion pass over the whole array (stable): elements move only inside their
            // bucket, since buckets are in key order and the order is consistent with the key.
            // Skewed keys (large buckets) would make it quadratic: past a linear budget of
            // moves, the standard sort (stable) finishes instead.
            var moves = 0
            let budget = 16 &* count
            var index = 1
            while index < count {
                let element = sorted[index]
                if areInIncreasingOrder(element, sorted[index - 1]) {
                    var hole = index
                    repeat {
                        sorted[hole] = sorted[hole - 1]
                        hole -= 1
                    } while hole > 0 && areInIncreasingOrder(element, sorted[hole - 1])
                    sorted[hole] = element
                    moves &+= index - hole
                    if moves > budget {
                        sorted.sort(by: areInIncreasingOrder)
                        return
                    }
                }
                index += 1
            }
        }
    }
}
