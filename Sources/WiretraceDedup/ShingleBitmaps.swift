import Dispatch

/// Small bitmaps of shingle sets that bound the intersection of two sets from above — a cheap,
/// exact filter in front of the merge walk of ``PairSimilarity/exact(_:_:unlessBelow:)``.
///
/// A set of s hashes gets a bitmap of b bits, b the power of two ≥ 8·s (at least 64, at most
/// 2¹⁶): hash x sets bit x mod b. Shingle hashes are uniform, so at 8–16 bits per hash about
/// 3–6% of a set's hashes share a bit with another of the same set (its *excess*: s minus the
/// bits set). Two bounds follow, both never below the true |A ∩ B|:
/// - **AND**: fold the bitmap with more bits onto the other's size (OR of its equal parts; a
///   hash's bit x mod b′ is its bit x mod b taken mod b′), then |A ∩ B| ≤ popcount(A & B) +
///   the excess of either side at that size: each bit set in both stands for one common hash
///   plus at most that side's extra hashes sharing the bit. Equal sizes take the smaller
///   excess; a folded pair the excess of the unfolded (smaller) bitmap.
/// - **Probe**, when one bitmap has at least 8× the words of the other (an excerpt against a long
///   text, where folding would saturate): the smaller set's hashes whose bit is set in the larger
///   set's bitmap, at its own size.
///
/// A candidate pair whose bound is below what acceptance needs cannot be accepted, so skipping its
/// walk changes no result; a pair that passes is walked as before.
///
/// Memory: 1–2 bytes per hash of the sets given (1/8 to 1/4 of the sets themselves), plus
/// 16 bytes per document slot.
public struct ShingleBitmaps: Sendable {
    /// The bitmaps one after another: slot d's at `words[offsets[d] ..< offsets[d] + wordCounts[d]]`.
    private let words: [UInt64]
    private let offsets: [Int]
    /// Words of slot d's bitmap, a power of two; 0 when the slot has no set.
    private let wordCounts: [Int32]
    /// Slot d's set size minus the bits set in its bitmap.
    private let excess: [Int32]

    /// Bits per hash the bitmap size aims at (rounded up to a power of two).
    static let bitsPerHash = 8
    static let maximumWords = 1 << 10

    /// The bitmaps of `sets` (sorted or not; nil slots get none), built on up to `workers` threads.
    ///
    /// - Complexity: O(n + Σ s) for n slots and sets of s hashes.
    public init(sets: [[UInt64]?], workers: Int = 1) {
        var offsets = [Int](repeating: 0, count: sets.count)
        var wordCounts = [Int32](repeating: 0, count: sets.count)
        var total = 0
        for (slot, set) in sets.enumerated() {
            offsets[slot] = total  // nondecreasing: a slot without a set takes no words
            guard let set else { continue }
            let count = Self.words(forHashes: set.count)
            wordCounts[slot] = Int32(count)
            total += count
        }
        let (slotOffsets, slotWords, totalWords) = (offsets, wordCounts, total)
        let chunks = max(1, min(workers * 4, sets.count))
        var excess = [Int32](repeating: 0, count: sets.count)
        // Each chunk zeroes and fills the words of its own slots (contiguous, as offsets follow
        // slot order), so the fresh pages are touched once, in parallel.
        let words = [UInt64](unsafeUninitializedCapacity: totalWords) { words, initialized in
            excess.withUnsafeMutableBufferPointer { excess in
                let target = UncheckedTarget(words: words, excess: excess)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let range = (chunk * sets.count / chunks)..<((chunk + 1) * sets.count / chunks)
                    guard let first = range.first else { return }
                    let end = range.upperBound < sets.count ? slotOffsets[range.upperBound] : totalWords
                    UnsafeMutableBufferPointer(rebasing: target.words[slotOffsets[first]..<end]).initialize(repeating: 0)
                    for slot in range {
                        guard let set = sets[slot] else { continue }
                        let bitmap = UnsafeMutableBufferPointer(
                            rebasing: target.words[slotOffsets[slot]..<(slotOffsets[slot] + Int(slotWords[slot]))])
                        target.excess[slot] = Int32(set.count - Self.fill(bitmap, with: set))
                    }
                }
            }
            initialized = totalWords
        }
        self.words = words
        self.offsets = offsets
        self.wordCounts = wordCounts
        self.excess = excess
    }

    /// Words of the bitmap for a set of `count` hashes.
    static func words(forHashes count: Int) -> Int {
        let bits = max(64, count * bitsPerHash)
        let words = (bits + 63) / 64
        return min(maximumWords, words <= 1 ? 1 : 1 << (Int.bitWidth - (words - 1).leadingZeroBitCount))
    }

    /// Sets the bits of `hashes` in a zeroed bitmap; returns the bits set.
    private static func fill(_ bitmap: UnsafeMutableBufferPointer<UInt64>, with hashes: [UInt64]) -> Int {
        let mask = UInt64(bitmap.count * 64 - 1)
        for hash in hashes {
            let bit = hash & mask
            bitmap[Int(bit &>> 6)] |= 1 &<< (bit & 63)
        }
        var set = 0
        for word in bitmap { set &+= word.nonzeroBitCount }
        return set
    }

    /// An upper bound on |A ∩ B| for slots `a` and `b`, whose sets are `setA` and `setB` (the
    /// sets the bitmaps were built from).
    ///
    /// - Complexity: O(w) for the larger bitmap's w words, or O(s) for the smaller set's s hashes
    ///   when probing.
    public func upperBound(_ a: Int, _ b: Int, setA: [UInt64], setB: [UInt64]) -> Int {
        let (small, large, smallSet) = wordCounts[a] <= wordCounts[b] ? (a, b, setA) : (b, a, setB)
        let smallWords = Int(wordCounts[small])
        let largeWords = Int(wordCounts[large])
        return words.withUnsafeBufferPointer { words in
            let smallBitmap = words.baseAddress! + offsets[small]
            let largeBitmap = words.baseAddress! + offsets[large]
            if largeWords >= 8 * smallWords {
                let mask = UInt64(largeWords * 64 - 1)
                var hits = 0
                for hash in smallSet {
                    let bit = hash & mask
                    hits &+= Int(truncatingIfNeeded: (largeBitmap[Int(bit &>> 6)] &>> (bit & 63)) & 1)
                }
                return hits
            }
            var common = 0
            if largeWords == smallWords {
                for index in 0..<smallWords { common &+= (smallBitmap[index] & largeBitmap[index]).nonzeroBitCount }
                return common + Int(min(excess[small], excess[large]))
            }
            for index in 0..<smallWords {
                var folded = largeBitmap[index]
                var part = index + smallWords
                while part < largeWords {
                    folded |= largeBitmap[part]
                    part += smallWords
                }
                common &+= (smallBitmap[index] & folded).nonzeroBitCount
            }
            return common + Int(excess[small])
        }
    }
}

/// The output buffers of ``ShingleBitmaps/init(sets:workers:)``, shared by its chunks, each of
/// which writes only its own slots' words and excess. Do not let it escape the initialiser.
private struct UncheckedTarget: @unchecked Sendable {
    let words: UnsafeMutableBufferPointer<UInt64>
    let excess: UnsafeMutableBufferPointer<Int32>
}
