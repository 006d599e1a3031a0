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

    /// The compact text form loses nothing: the checked-in model, read and written again, is the
    /// same text, and every weight line was read.
    @Test func checkedInModelRoundTrips() throws {
        let text = QuoteTaggerWeights.model + "\n"
        let model = try #require(QuoteTaggerModel(serialized: text))
        #expect(model.serialized() == text)
        let weightLines = text.split(separator: "\n").filter { $0.hasPrefix("+") }.count
        #expect(model.rows.count == weightLines)
        #expect(weightLines > 10_000)
    }

    /// A step that would carry a hash past 64 bits, or a line with more weights than tags, is refused.
    @Test func malformedWeightLinesAreRefused() throws {
        let header = QuoteTaggerWeights.model.split(separator: "\n").prefix(3).joined(separator: "\n")
        #expect(QuoteTaggerModel(serialized: header + "\n+1 a,b\n") != nil)
        #expect(QuoteTaggerModel(serialized: header + "\n+3w5e11264sgsf 1\n+3w5e11264sgsf 1\n") == nil)
        #expect(QuoteTaggerModel(serialized: header + "\n+1 1,2,3,4,5,6,7,8\n") == nil)
        #expect(QuoteTaggerModel(serialized: header + "\nfffc04b434 0:12\n") == nil)
    }
}
