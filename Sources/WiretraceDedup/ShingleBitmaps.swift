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
/// 24 bytes per document slot.
public struct ShingleBitmaps: Sendable {
    /// What a pair's bound needs of one slot, in one place (one cache line for a random slot).
    struct Slot {
        /// The bitmap's first word in `words`.
        var offset: Int
        /// Words of the bitmap, a power of two; 0 when the slot has no set.
        var words: Int32
        /// The set's size minus the bits set in its bitmap.
        var excess: Int32
        /// The set's size; −1 when the slot has no set.
        var size: Int32
    }

    /// The bitmaps one after another, in slot order.
    private let words: [UInt64]
    private let slots: [Slot]

    /// Bits per hash the bitmap size aims at (rounded up to a power of two).
    static let bitsPerHash = 8
    static let maximumWords = 1 << 10

    /// The bitmaps of `sets` (sorted or not; nil slots get none), built on up to `workers` threads.
    ///
    /// - Complexity: O(n + Σ s) for n slots and sets of s hashes.
    public init(sets: [[UInt64]?], workers: Int = 1) {
        var slots = [Slot](repeating: Slot(offset: 0, words: 0, excess: 0, size: -1), count: sets.count)
        var total = 0
        for (slot, set) in sets.enumerated() {
            slots[slot].offset = total  // nondecreasing: a slot without a set takes no words
            guard let set else { continue }
            let count = Self.words(forHashes: set.count)
            slots[slot].words = Int32(count)
            slots[slot].size = Int32(clamping: set.count)
            total += count
        }
        let totalWords = total
        let chunks = max(1, min(workers * 4, sets.count))
        // Chunk c holds slots [c·n/chunks, (c+1)·n/chunks) and their words from boundaries[c].
        let boundaries = (0...chunks).map { chunk in
            chunk * sets.count / chunks < sets.count ? slots[chunk * sets.count / chunks].offset : totalWords
        }
        // Each chunk zeroes and fills the words of its own slots (contiguous, as offsets follow
        // slot order), so the fresh pages are touched once, in parallel.
        let words = [UInt64](unsafeUninitializedCapacity: totalWords) { words, initialized in
            slots.withUnsafeMutableBufferPointer { slots in
                let target = UncheckedTarget(words: words, slots: slots)
                DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                    let range = (chunk * sets.count / chunks)..<((chunk + 1) * sets.count / chunks)
                    UnsafeMutableBufferPointer(rebasing: target.words[boundaries[chunk]..<boundaries[chunk + 1]])
                        .initialize(repeating: 0)
                    for slot in range {
                        guard let set = sets[slot] else { continue }
                        let offset = target.slots[slot].offset
                        let bitmap = UnsafeMutableBufferPointer(
                            rebasing: target.words[offset..<(offset + Int(target.slots[slot].words))])
                        target.slots[slot].excess = Int32(set.count - Self.fill(bitmap, with: set))
                    }
                }
            }
            initialized = totalWords
        }
        self.words = words
        self.slots = slots
    }

    /// Words of all the bitmaps.
    public var totalWords: Int { words.count }

    /// The size of slot `slot`'s set, or nil when it has none.
    @inline(__always)
    public func size(_ slot: Int) -> Int? {
        let size = slots[slot].size
        return size < 0 ? nil : Int(size)
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

    /// An upper bound on |A ∩ B| for slots `a` and `b`, both with a set; `sets` are the sets the
    /// bitmaps were built from (read only when probing).
    ///
    /// - Complexity: O(w) for the larger bitmap's w words, or O(s) for the smaller set's s hashes
    ///   when probing.
    public func upperBound(_ a: Int, _ b: Int, sets: [[UInt64]?]) -> Int {
        upperBound(a, b, sets: sets, stoppingBelow: Int.min)
    }

    /// ``upperBound(_:_:sets:)`` when it is at least `needed`; otherwise some upper bound below
    /// `needed`, found by stopping early. The bound is counted down rather than up: the bits
    /// (or, probing, the hashes) of the smaller side, less those the other side lacks, plus the
    /// excess. The misses only grow as the words are read, so once the count falls below
    /// `needed` it stays below, and the rest is not read (most candidate pairs at 100k documents
    /// share little, and stop after about half their words). Read to the end, the count is the
    /// full bound: a pair is let through exactly when the full bound would let it through.
    ///
    /// - Complexity: as ``upperBound(_:_:sets:)``, at most.
    public func upperBound(_ a: Int, _ b: Int, sets: [[UInt64]?], stoppingBelow needed: Int) -> Int {
        let (slotA, slotB) = (slots[a], slots[b])
        let (small, large, smallIndex) = slotA.words <= slotB.words ? (slotA, slotB, a) : (slotB, slotA, b)
        let smallWords = Int(small.words)
        let largeWords = Int(large.words)
        return words.withUnsafeBufferPointer { words in
            let smallBitmap = words.baseAddress! + small.offset
            let largeBitmap = words.baseAddress! + large.offset
            if largeWords >= 8 * smallWords {
                // Probing: the smaller set's hashes less those whose bit the larger bitmap lacks.
                let mask = UInt64(largeWords * 64 - 1)
                let hashes = sets[smallIndex]!
                var bound = hashes.count
                var start = 0
                while start < hashes.count {
                    let end = min(start + 64, hashes.count)
                    for hash in hashes[start..<end] {
                        let bit = hash & mask
                        bound &-= Int(truncatingIfNeeded: ~(largeBitmap[Int(bit &>> 6)] &>> (bit & 63)) & 1)
                    }
                    if bound < needed { return bound }
                    start = end
                }
                return bound
            }
            // The bits set in the smaller bitmap, less those not set in the other (folded to its
            // size), plus the excess: popcount(A & B) + excess, counted down.
            let excess = largeWords == smallWords ? Int(min(small.excess, large.excess)) : Int(small.excess)
            var bound = Int(small.size) - Int(small.excess) + excess
            var start = 0
            while start < smallWords {
                let end = min(start + 8, smallWords)
                if largeWords == smallWords {
                    for index in start..<end { bound &-= (smallBitmap[index] & ~largeBitmap[index]).nonzeroBitCount }
                } else {
                    for index in start..<end {
                        var folded = largeBitmap[index]
                        var part = index + smallWords
                        while part < largeWords {
                            folded |= largeBitmap[part]
                            part += smallWords
                        }
                        bound &-= (smallBitmap[index] & ~folded).nonzeroBitCount
                    }
                }
                if bound < needed { return bound }
                start = end
            }
            return bound
        }
    }
}

/// The output buffers of ``ShingleBitmaps/init(sets:workers:)``, shared by its chunks, each of
/// which reads and writes only its own slots and their words. Do not let it escape the initialiser.
private struct UncheckedTarget: @unchecked Sendable {
    let words: UnsafeMutableBufferPointer<UInt64>
    let slots: UnsafeMutableBufferPointer<ShingleBitmaps.Slot>
}
