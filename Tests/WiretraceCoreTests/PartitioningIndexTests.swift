import Testing
import WiretraceCore

@Suite struct PartitioningIndexTests {
    /// Against a linear scan, on sorted arrays with runs of equal values, every probe from below
    /// the smallest to above the largest.
    @Test func findsTheFirstElementAtOrAboveEveryProbe() {
        var random = SplitMix64(seed: 41)
        for size in [0, 1, 2, 3, 7, 64, 257] {
            let values = (0..<size).map { _ in random.next(40) }.sorted()
            for probe in -1...41 {
                let expected = values.firstIndex { $0 >= probe } ?? values.endIndex
                #expect(values.partitioningIndex { $0 >= probe } == expected, "size \(size), probe \(probe)")
            }
        }
    }

    @Test func worksOnSlicesWithTheirOwnIndices() {
        let values = [1, 3, 3, 5, 8, 13, 21]
        let slice = values[2...5]  // 3, 5, 8, 13 at indices 2...5
        #expect(slice.partitioningIndex { $0 >= 5 } == 3)
        #expect(slice.partitioningIndex { $0 >= 0 } == 2)
        #expect(slice.partitioningIndex { $0 >= 14 } == 6)
    }
}
