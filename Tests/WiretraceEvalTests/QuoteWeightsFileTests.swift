import Foundation
import Testing
@testable import WiretraceEval
import WiretraceQuotes

@Suite struct QuoteWeightsFileTests {
    /// `train-quotes --out` writes the weights file in the form that is checked in: the checked-in
    /// model, written again, gives the checked-in file byte for byte.
    @Test func weightsSourceIsTheCheckedInFileShape() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let checkedIn = try String(
            contentsOf: root.appendingPathComponent("Sources/WiretraceQuotes/QuoteTaggerWeights.swift"), encoding: .utf8)
        // The model text ends with a line break, which the raw literal around it does not keep.
        let outcome = QuoteTraining.Outcome(model: QuoteTaggerWeights.model + "\n", report: "")
        #expect(outcome.weightsSource == checkedIn)
    }
}
