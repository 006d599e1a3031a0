import WiretraceCore
import Testing
@testable import WiretraceDedup

@Suite struct ShinglerTests {
    @Test func emptyTextHasNoShingles() {
        #expect(Shingler.shingles("", size: 5).isEmpty)
        #expect(Shingler.shingles(" — “ ” ", size: 5).isEmpty)
    }

    @Test func shortTextGivesOneShingleOfAllItsWords() {
        let shingles = Shingler.shingles("Shoigu met Hlaing", size: 5)
        #expect(shingles.count == 1)
        #expect(shingles == Shingler.shingles("SHOIGU — met ‘Hlaing’", size: 5))
        #expect(shingles != Shingler.shingles("Hlaing met Shoigu", size: 5), "word order matters")
        #expect(Shingler.shingles("Shoigu met Hlaing", size: 3).count == 1)
    }

    @Test func countsSortedAndUnique() {
        // 7 words, size 3: 5 windows, one repeated ("the army the" vs ...).
        let text = "the army and the army and navy"
        let shingles = Shingler.shingles(text, size: 3)
        // windows: the army and | army and the | and the army | the army and (repeat) | army and navy
        #expect(shingles.count == 4)
        #expect(shingles == shingles.sorted())
        #expect(Set(shingles).count == shingles.count)
    }

    @Test func sameWordsSameShinglesAcrossFormatting() {
        let a = "Russia's Defence Minister Sergei Shoigu said military cooperation was important."
        let b = "RUSSIA’S defence minister — Sergei Shoigu — said: military cooperation was “important”"
        #expect(Shingler.shingles(a, size: 5) == Shingler.shingles(b, size: 5))
    }

    @Test func sizeOneIsTheSetOfWords() {
        let shingles = Shingler.shingles("junta junta leader thanks Russia", size: 1)
        #expect(shingles.count == 4)
    }
}

@Suite struct SortHashesTests {
    /// The bucket sort behind ``Shingler`` equals the standard sort on uniform, skewed and
    /// repetitive inputs of many sizes.
    @Test func equalsStandardSort() {
        var random = SplitMix64(seed: 99)
        for size in [0, 1, 5, 63, 64, 65, 100, 1000, 5000, 70_000] {
            let uniform = (0..<size).map { _ in random.next() }
            let skewed = (0..<size).map { _ in random.next() >> 40 }  // all in the first bucket
            let repeated = (0..<size).map { _ in [UInt64.max, 0, 7, 1 << 63][Int(random.next() % 4)] }
            for input in [uniform, skewed, repeated] {
                var sorted = input
                Shingler.sortHashes(&sorted)
                #expect(sorted == input.sorted(), "size \(size)")
            }
        }
    }

    @Test func rolledWindowHashesEqualPerWindowHashes() {
        var random = SplitMix64(seed: 5)
        for count in [0, 1, 2, 4, 5, 6, 50] {
            for size in [1, 2, 5, 9] {
                let tokens = (0..<count).map { _ in random.next() }
                var rolled: [UInt64] = [7]  // appends after what is already there
                Shingler.appendShingleHashes(tokenHashes: tokens, size: size, to: &rolled)
                let width = min(size, count)
                let expected: [UInt64] = count == 0 ? [] : tokens.withUnsafeBufferPointer { tokens in
                    (0...(count - width)).map { Shingler.shingleHash(tokens[$0..<($0 + width)]) }
                }
                #expect(rolled == [7] + expected, "\(count) tokens, size \(size)")
            }
        }
    }

    @Test func sortedSetEqualsSetSorted() {
        var random = SplitMix64(seed: 23)
        for size in [0, 1, 2, 63, 64, 65, 500, 5000] {
            // Repeats, and a run of equal high bits (one large bucket), among uniform hashes.
            var hashes = (0..<size).map { _ in random.next() }
            if size > 10 {
                for index in 0..<(size / 5) { hashes[index] = hashes[size - 1 - index % 3] }
                for index in (size / 5)..<(size / 3) { hashes[index] = 0xFFFF_0000_0000_0000 | UInt64(index % 40) }
            }
            let expected = Array(Set(hashes)).sorted()
            #expect(hashes.withUnsafeBufferPointer { Shingler.sortedSet(of: $0) } == expected, "size \(size)")
        }
    }
}
