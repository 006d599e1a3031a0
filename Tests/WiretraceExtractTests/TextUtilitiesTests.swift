import Testing
@testable import WiretraceExtract

/// The native quick tests that stand before Foundation searches must give Foundation's answers.
@Suite struct TextUtilitiesTests {
    @Test(arguments: [
        "", "AP", "By Jane Doe, AP", String(repeating: "é", count: 80), String(repeating: "e\u{301}", count: 81),
        String(repeating: "🇫🇷", count: 79) + "ab", String(repeating: "x", count: 200), String(repeating: "x", count: 201),
        "Жители города узнали новости " + String(repeating: "дальше ", count: 30),
    ])
    func hasAtMostAgreesWithCount(text: String) {
        for limit in [0, 1, 2, 40, 80, 81, 160, 200] {
            #expect(TextUtilities.hasAtMost(limit, text) == (text.count <= limit), "limit \(limit), \(text.count) characters")
        }
    }

    @Test func containsBytesFindsEveryPlaceAndOnlyThose() {
        let line = "Reporting by Jane Doe — Editing by John Roe / AP"
        for needle in [" — ", " / ", "Editing by", "AP", "R", "P"] { #expect(TextUtilities.containsBytes(line, needle)) }
        for needle in [" – ", " | ", "editing by", "AFP", "PA"] { #expect(!TextUtilities.containsBytes(line, needle)) }
        #expect(!TextUtilities.containsBytes("AP", "AP wire"))
    }
}
