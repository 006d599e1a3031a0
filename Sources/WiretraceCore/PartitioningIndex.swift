extension RandomAccessCollection {
    /// The first index whose element satisfies `belongsInSecondPartition`, or `endIndex` when none
    /// does, in a collection partitioned by it (every element that fails it comes before every one
    /// that satisfies it): a binary search, C++'s `lower_bound` for `{ $0 >= value }` over sorted
    /// elements. The tokenisers, quote taggers and run indexes that look up a sorted offset or
    /// hash share this one instead of each writing the loop.
    ///
    /// - Complexity: O(log n) calls of the predicate.
    @inlinable
    public func partitioningIndex(where belongsInSecondPartition: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var remaining = count
        while remaining > 0 {
            let half = remaining / 2
            let middle = index(low, offsetBy: half)
            if try belongsInSecondPartition(self[middle]) {
                remaining = half
            } else {
                low = index(after: middle)
                remaining -= half + 1
            }
        }
        return low
    }
}
