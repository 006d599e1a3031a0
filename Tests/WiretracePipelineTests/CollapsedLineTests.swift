import Testing
import WiretraceCore
@testable import WiretracePipeline

/// Labels compare an outlet's lines with their whitespace collapsed; the fast path that returns
/// most lines as they are must give what cutting them into characters gives.
@Suite struct CollapsedLineTests {
    @Test func fixedLinesCollapseAsByCharacters() {
        let lines = [
            "", " ", "plain words here", " leading", "trailing ", "two  spaces", "tab\there", "nbsp\u{00A0}here",
            "curly “quotes” and ’ apostrophes", "a \u{0301}b", "\u{0600} b", "ideographic\u{3000}space", "line\u{2028}sep",
            "é at start", "end é", "x \u{200D}y", "Straße — ГОСУДАРСТВО 12", "a\r\nb",
        ]
        for line in lines {
            #expect(Analysis.collapsedLine(Substring(line)) == Analysis.slowlyCollapsed(Substring(line)), "\(line.debugDescription)")
        }
        #expect(Analysis.collapsedLine("two  spaces") == "two spaces")
    }

    @Test func everyASCIIScalarBesideASpaceCollapsesAsByCharacters() {
        for value in 0..<0x80 {
            let scalar = String(Unicode.Scalar(UInt8(value)))
            for line in ["a\(scalar)b", "a \(scalar)", "\(scalar) b", "a \(scalar) b", scalar] {
                #expect(Analysis.collapsedLine(Substring(line)) == Analysis.slowlyCollapsed(Substring(line)), "\(line.debugDescription)")
            }
        }
    }

    /// Random lines over ASCII, spaces of several kinds, combining marks and a prepended mark.
    @Test(arguments: [41, 42, 43] as [UInt64])
    func randomLinesCollapseAsByCharacters(seed: UInt64) {
        let pieces: [String] = [
            "a", "Z", "7", ".", ",", " ", " ", " ", "\t", "\u{00A0}", "\u{3000}", "\u{2009}", "\u{0301}", "\u{0600}", "\u{200D}",
            "é", "“", "”", "’", "—", "Ж", "中", "\u{1F600}", "\u{FE0F}", "\u{1F3FB}",
        ]
        var random = SplitMix64(seed: seed)
        for _ in 0..<3_000 {
            let line = (0..<random.next(16)).map { _ in pieces[random.next(pieces.count)] }.joined()
            #expect(Analysis.collapsedLine(Substring(line)) == Analysis.slowlyCollapsed(Substring(line)), "\(line.debugDescription)")
        }
    }
}
