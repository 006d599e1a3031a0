import WiretraceCore

/// The parameters of near-duplicate detection: shingling, MinHash, LSH banding and the
/// thresholds that exact verification applies.
public struct DedupConfiguration: Sendable, Hashable, Codable {
    /// Words per shingle.
    public var shingleSize: Int = 5
    /// MinHash permutations (signature length).
    public var permutations: Int = 128
    /// Jaccard similarity at or above which two texts are near-duplicates (copies).
    public var threshold: Double = 0.5
    /// Share of the smaller text found inside the larger at or above which the smaller is an
    /// excerpt of the larger.
    public var containmentThreshold: Double = 0.8
    /// Texts with fewer shingles never pair on containment (a headline is inside everything).
    public var minimumShingles: Int = 10
    /// Seed of the MinHash permutations. Signatures are comparable only under the same seed.
    public var seed: UInt64 = 0x5749_5245_5452_4143
    /// LSH bands; with `rows`, overrides the banding ``DuplicateFinder`` derives.
    public var bands: Int? = nil
    /// LSH rows per band; with `bands`, overrides the derived banding.
    public var rows: Int? = nil

    /// The largest shingle size and permutation count ``validate()`` accepts.
    public static let maximumShingleSize = 64
    public static let maximumPermutations = 4096

    public init(
        shingleSize: Int = 5,
        permutations: Int = 128,
        threshold: Double = 0.5,
        containmentThreshold: Double = 0.8,
        minimumShingles: Int = 10,
        seed: UInt64 = 0x5749_5245_5452_4143,
        bands: Int? = nil,
        rows: Int? = nil
    ) {
        self.shingleSize = shingleSize
        self.permutations = permutations
        self.threshold = threshold
        self.containmentThreshold = containmentThreshold
        self.minimumShingles = minimumShingles
        self.seed = seed
        self.bands = bands
        self.rows = rows
    }

    private enum CodingKeys: String, CodingKey {
        case shingleSize, permutations, threshold, containmentThreshold, minimumShingles, seed, bands, rows
    }

    /// Decodes a configuration in which every key is optional: a missing key keeps its default,
    /// so a pipeline file may give only what it changes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = DedupConfiguration()
        shingleSize = try container.decodeIfPresent(Int.self, forKey: .shingleSize) ?? defaults.shingleSize
        permutations = try container.decodeIfPresent(Int.self, forKey: .permutations) ?? defaults.permutations
        threshold = try container.decodeIfPresent(Double.self, forKey: .threshold) ?? defaults.threshold
        containmentThreshold =
            try container.decodeIfPresent(Double.self, forKey: .containmentThreshold) ?? defaults.containmentThreshold
        minimumShingles = try container.decodeIfPresent(Int.self, forKey: .minimumShingles) ?? defaults.minimumShingles
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
        bands = try container.decodeIfPresent(Int.self, forKey: .bands)
        rows = try container.decodeIfPresent(Int.self, forKey: .rows)
    }

    /// Checks every parameter against its allowed range.
    ///
    /// - Throws: ``WiretraceError`` with code `.configuration`, naming the first bad parameter,
    ///   its value and the allowed range.
    public func validate() throws {
        func fail(_ message: String) -> WiretraceError {
            WiretraceError(.configuration, message, location: "dedup configuration")
        }
        guard (1...Self.maximumShingleSize).contains(shingleSize) else {
            throw fail("shingleSize is \(shingleSize); allowed 1...\(Self.maximumShingleSize)")
        }
        guard (1...Self.maximumPermutations).contains(permutations) else {
            throw fail("permutations is \(permutations); allowed 1...\(Self.maximumPermutations)")
        }
        guard threshold > 0, threshold <= 1 else {
            throw fail("threshold is \(threshold); allowed 0 < threshold <= 1")
        }
        guard containmentThreshold > 0, containmentThreshold <= 1 else {
            throw fail("containmentThreshold is \(containmentThreshold); allowed 0 < containmentThreshold <= 1")
        }
        guard minimumShingles >= 1 else {
            throw fail("minimumShingles is \(minimumShingles); allowed 1 or more")
        }
        switch (bands, rows) {
        case (nil, nil):
            break
        case let (bands?, rows?):
            guard bands >= 1, rows >= 1, bands * rows <= permutations else {
                throw fail(
                    "bands × rows is \(bands) × \(rows); allowed bands >= 1, rows >= 1, "
                        + "bands × rows <= permutations (\(permutations))")
            }
        default:
            throw fail("bands and rows must be given together (bands is \(bands.map(String.init) ?? "unset"), "
                + "rows is \(rows.map(String.init) ?? "unset"))")
        }
    }
}
