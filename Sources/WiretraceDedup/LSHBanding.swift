import Foundation

/// How a MinHash signature is cut into LSH bands: two documents become candidates when all
/// `rows` values of at least one of the `bands` bands agree.
///
/// Documents of Jaccard similarity s become candidates with probability 1 − (1 − s^r)^b, an
/// S-curve whose steep part sits near (1/b)^(1/r).
public struct LSHBanding: Sendable, Hashable, Codable {
    public var bands: Int
    public var rows: Int

    public init(bands: Int, rows: Int) {
        precondition(bands >= 1 && rows >= 1, "LSH banding needs bands, rows >= 1, got \(bands) × \(rows)")
        self.bands = bands
        self.rows = rows
    }

    /// Signature values the banding reads (bands × rows).
    public var permutationsUsed: Int { bands * rows }

    /// Probability that two documents of Jaccard similarity `similarity` share a band.
    public func candidateProbability(similarity: Double) -> Double {
        1 - pow(1 - pow(similarity, Double(rows)), Double(bands))
    }

    /// The similarity at which the S-curve is steepest, approximately (1/b)^(1/r).
    public var approximateThreshold: Double { pow(1 / Double(bands), 1 / Double(rows)) }

    /// The banding with bands × rows ≤ `permutations` that minimises the weighted false-positive
    /// mass ∫₀ᵗ P(s) ds plus false-negative mass ∫ₜ¹ (1 − P(s)) ds, as datasketch's
    /// `_optimal_param` does (ties keep the fewest bands, then the fewest rows).
    ///
    /// - Complexity: O(k log k) band shapes for k permutations, each integrated numerically.
    public static func optimal(
        threshold: Double, permutations: Int,
        falsePositiveWeight: Double = 0.5, falseNegativeWeight: Double = 0.5
    ) -> LSHBanding {
        precondition(permutations >= 1, "need at least one permutation, got \(permutations)")
        precondition(threshold > 0 && threshold <= 1, "threshold must be in (0, 1], got \(threshold)")
        // s^rows at the integration points depends on rows only: computed once per rows value
        // and point, with the same `pow` calls and the same points (so the same values) as
        // `candidateProbability(similarity:)` would compute for every band count.
        let below = SimpsonPoints(from: 0, to: threshold)
        let above = SimpsonPoints(from: threshold, to: 1)
        let powersBelow = (1...permutations).map { rows in below.points.map { pow($0, Double(rows)) } }
        let powersAbove = (1...permutations).map { rows in above.points.map { pow($0, Double(rows)) } }
        var best = LSHBanding(bands: 1, rows: 1)
        var bestError = Double.infinity
        for bands in 1...permutations {
            for rows in 1...(permutations / bands) {
                let bandCount = Double(bands)
                let falsePositive = below.integrate(powersBelow[rows - 1]) { 1 - pow(1 - $0, bandCount) }
                let falseNegative = above.integrate(powersAbove[rows - 1]) { 1 - (1 - pow(1 - $0, bandCount)) }
                let error = falsePositive * falsePositiveWeight + falseNegative * falseNegativeWeight
                if error < bestError {
                    bestError = error
                    best = LSHBanding(bands: bands, rows: rows)
                }
            }
        }
        return best
    }

    /// The points of composite Simpson's rule with 128 intervals on [lower, upper]: the two ends,
    /// then `lower + i·step` for i in 1..<128.
    private struct SimpsonPoints {
        static let intervals = 128
        var lower: Double
        var upper: Double
        var step: Double
        var points: [Double]

        init(from lower: Double, to upper: Double) {
            self.lower = lower
            self.upper = upper
            step = (upper - lower) / Double(Self.intervals)
            points = upper > lower
                ? [lower, upper] + (1..<Self.intervals).map { [lower, step] in lower + Double($0) * step }
                : []
        }

        /// ``LSHBanding/integrate(from:to:_:)`` of `function` applied to precomputed values at
        /// ``points``, summed in the same order.
        func integrate(_ values: [Double], _ function: (Double) -> Double) -> Double {
            guard upper > lower else { return 0 }
            var sum = function(values[0]) + function(values[1])
            for index in 1..<Self.intervals {
                sum += function(values[index + 1]) * (index % 2 == 1 ? 4 : 2)
            }
            return sum * step / 3
        }
    }

    /// The integral ``optimal(threshold:permutations:falsePositiveWeight:falseNegativeWeight:)``
    /// computed with a `pow` per point and band shape. For tests.
    static func referenceOptimal(
        threshold: Double, permutations: Int,
        falsePositiveWeight: Double = 0.5, falseNegativeWeight: Double = 0.5
    ) -> LSHBanding {
        var best = LSHBanding(bands: 1, rows: 1)
        var bestError = Double.infinity
        for bands in 1...permutations {
            for rows in 1...(permutations / bands) {
                let banding = LSHBanding(bands: bands, rows: rows)
                let falsePositive = integrate(from: 0, to: threshold) { banding.candidateProbability(similarity: $0) }
                let falseNegative = integrate(from: threshold, to: 1) { 1 - banding.candidateProbability(similarity: $0) }
                let error = falsePositive * falsePositiveWeight + falseNegative * falseNegativeWeight
                if error < bestError {
                    bestError = error
                    best = banding
                }
            }
        }
        return best
    }

    /// Composite Simpson's rule with 128 intervals (the integrands are smooth polynomials).
    private static func integrate(from lower: Double, to upper: Double, _ function: (Double) -> Double) -> Double {
        guard upper > lower else { return 0 }
        let intervals = 128
        let step = (upper - lower) / Double(intervals)
        var sum = function(lower) + function(upper)
        for index in 1..<intervals {
            sum += function(lower + Double(index) * step) * (index % 2 == 1 ? 4 : 2)
        }
        return sum * step / 3
    }
}
