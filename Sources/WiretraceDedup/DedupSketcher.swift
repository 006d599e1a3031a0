/// The per-document work of the dedup path, with buffers reused from one document to the next:
/// text → token hashes → shingle hashes → one-permutation signature → LSH band keys, and the
/// exact shingle set for verification.
///
/// Not thread-safe: give each worker thread its own sketcher (copies share nothing mutable).
public struct DedupSketcher: Sendable {
    public let configuration: DedupConfiguration
    public let banding: LSHBanding
    public let hasher: OnePermutationHasher
    private var tokens: [UInt64] = []
    private var shingles: [UInt64] = []
    private var cache = ScalarCache()
    private var scratch = OnePermutationHasher.Scratch()

    /// - Precondition: the configuration is valid and the banding fits its permutations.
    public init(configuration: DedupConfiguration, banding: LSHBanding) {
        precondition(banding.permutationsUsed <= configuration.permutations,
                     "banding \(banding.bands) × \(banding.rows) needs more than \(configuration.permutations) values")
        self.configuration = configuration
        self.banding = banding
        hasher = OnePermutationHasher(bins: configuration.permutations, seed: configuration.seed)
    }

    private mutating func fillShingleHashes(_ text: String) {
        var text = text
        text.withUTF8 { fillShingleHashes(utf8: $0) }
    }

    /// - Precondition: `bytes` are valid UTF-8.
    private mutating func fillShingleHashes(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        tokens.removeAll(keepingCapacity: true)
        shingles.removeAll(keepingCapacity: true)
        TextNormalizer.appendTokenHashes(utf8: bytes, to: &tokens, cache: &cache)
        Shingler.appendShingleHashes(tokenHashes: tokens, size: configuration.shingleSize, to: &shingles)
    }

    /// The one-permutation signature of the text's shingles.
    ///
    /// - Complexity: O(n) in the UTF-8 length, plus densification (see ``OnePermutationHasher``).
    public mutating func signature(of text: String) -> CompactSignature {
        fillShingleHashes(text)
        return shingles.withUnsafeBufferPointer { hasher.signature(of: $0) }
    }

    /// The band keys of the text's signature (nil when it has no shingles) and its shingle
    /// hashes in text order with repeats (see ``shingleSet(sortingHashes:)``).
    public mutating func sketch(_ text: String) -> (bandKeys: [UInt64]?, shingleHashes: [UInt64]) {
        (bandKeys(of: text), shingles)
    }

    /// The band keys of the text's signature (nil when it has no shingles) and its exact
    /// shingle set, sorted and unique: what ``bandKeys(of:)`` and ``shingleSet(of:)`` give, from
    /// one pass over the text.
    ///
    /// - Complexity: O(n + s) expected for n UTF-8 bytes and s shingles (``BucketSort``).
    public mutating func sketchSet(_ text: String) -> (bandKeys: [UInt64]?, set: [UInt64]) {
        let keys = bandKeys(of: text)
        return (keys, shingles.withUnsafeBufferPointer { Shingler.sortedSet(of: $0) })
    }

    /// ``sketchSet(_:)`` of a text given as its UTF-8 bytes (read from a JSONL line without
    /// making a `String`): the same keys and set as for the `String` of those bytes.
    ///
    /// - Precondition: `utf8` is valid UTF-8 (as a `String`'s bytes always are).
    public mutating func sketchSet(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (bandKeys: [UInt64]?, set: [UInt64]) {
        fillShingleHashes(utf8: bytes)
        let keys = shingles.withUnsafeBufferPointer { [hasher, banding] in hasher.bandKeys(of: $0, banding: banding, scratch: &scratch) }
        return (keys, shingles.withUnsafeBufferPointer { Shingler.sortedSet(of: $0) })
    }

    /// The sorted, unique set of shingle hashes given in any order with repeats: what
    /// ``shingleSet(of:)`` gives for the text they came from.
    ///
    /// - Complexity: O(s log s).
    public static func shingleSet(sortingHashes hashes: [UInt64]) -> [UInt64] {
        hashes.withUnsafeBufferPointer { Shingler.sortedSet(of: $0) }
    }

    /// ``shingleSet(sortingHashes:)`` of hashes in a buffer (a slice of a larger read).
    public static func shingleSet(sortingHashes hashes: UnsafeBufferPointer<UInt64>) -> [UInt64] {
        Shingler.sortedSet(of: hashes)
    }

    /// The band keys of the text's signature, or nil when it has no shingles.
    ///
    /// The signature is not kept: its bins go straight into the keys
    /// (``OnePermutationHasher/bandKeys(of:banding:scratch:)``, buffers reused across documents).
    public mutating func bandKeys(of text: String) -> [UInt64]? {
        fillShingleHashes(text)
        return shingles.withUnsafeBufferPointer { [hasher, banding] in hasher.bandKeys(of: $0, banding: banding, scratch: &scratch) }
    }

    /// The sorted, unique shingle set, as ``Shingler/shingles(_:size:)`` gives it.
    ///
    /// - Complexity: O(n + s log s).
    public mutating func shingleSet(of text: String) -> [UInt64] {
        fillShingleHashes(text)
        return shingles.withUnsafeBufferPointer { Shingler.sortedSet(of: $0) }
    }
}
