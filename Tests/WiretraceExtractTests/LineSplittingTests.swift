import Testing
import WiretraceCore
@testable import WiretraceExtract

/// The byte and scalar versions of the line helpers give the answers of the character-wise
/// versions they replaced, on text with every kind of line break and white space.
@Suite struct LineSplittingTests {
    static let texts: [String] = [
        "", "\n", "one line", "  padded\tline  ", "a\n\nb\r\nc\rd\u{0B}e\u{0C}f\u{85}g\u{2028}h\u{2029}i",
        "trailing\r\n", "\r\n\r\nlead", "e\u{301}\ncafé\u{00A0}au\u{2003}lait\u{200B}x\u{FEFF}",
        "Жители города\u{3000}узнали\n\n  новости  ", "🇫🇷 flag\n👩‍👩‍👧 family\u{2028}",
        "MOSCOW, June 22. /TASS/. The minister said.\n\nSource: Reuters/jt\n(AFP) — text — AP",
        "\u{1680}ogham space\n\t\t\n \u{00A0} \nlast",
    ]

    @Test(arguments: texts)
    func nonBlankLinesAreTheCharacterSplit(text: String) {
        let reference = text.split(whereSeparator: \.isNewline).map(TextUtilities.collapseWhitespaceReference)
            .filter { !$0.isEmpty }
        let lines = TextUtilities.nonBlankLines(text)
        #expect(lines == reference)
        // Equal as strings is not enough for offsets: the same scalars.
        #expect(lines.map { Array($0.unicodeScalars) } == reference.map { Array($0.unicodeScalars) })
    }

    @Test(arguments: texts)
    func collapseWhitespaceIsTheReference(text: String) {
        let collapsed = TextUtilities.collapseWhitespace(text)
        let reference = TextUtilities.collapseWhitespaceReference(text)
        #expect(Array(collapsed.unicodeScalars) == Array(reference.unicodeScalars))
        #expect(TextUtilities.collapseWhitespace("  a \t b\u{3000}\u{2003}c  ") == "a b c")
    }

    @Test(arguments: texts)
    func creditsOfLinesAreCreditsOfTheText(text: String) {
        #expect(CreditDetector.credits(inLines: TextUtilities.nonBlankLines(text)) == CreditDetector.credits(inText: text))
    }

    @Test func creditsStillFoundBehindTheQuickTests() {
        let text = "LAGOS (Reuters) - Rates held.\n\nMOSCOW, June 22. /TASS/. Talks went on.\n\nThe talks ended. — AP\n\nJILL COLVIN, ZEKE MILLER / AP"
        #expect(CreditDetector.credits(inText: text).map(\.agency) == ["Reuters", "TASS", "AP"])
        // Lines with none of the markers' bytes give nothing.
        #expect(CreditDetector.credits(inText: "The minister said the talks went well, and left.").isEmpty)
    }

    @Test func trimmingWithNothingToTrimIsTheString() {
        #expect("Reuters".trimmingCharacters(in: " .") == "Reuters")
        #expect(" (Reuters). ".trimmingCharacters(in: " .()") == "Reuters")
        #expect("...".trimmingCharacters(in: ".") == "")
        #expect("".trimmingCharacters(in: ".") == "")
        #expect("e\u{301}.".trimmingCharacters(in: ".") == "e\u{301}")
        // A combining mark on a trimmed character makes another character, not trimmed.
        #expect(".\u{301}x".trimmingCharacters(in: ".") == ".\u{301}x")
    }
}

@Suite struct OutletParagraphSplitTests {
    @Test(arguments: [
        "", "\n", "\n\n", "\n\n\n", "a\n\nb", "a\n\n\nb", "a\n\n\n\nb", "\n\na\n\n", "a\r\n\nb", "a\r\n\r\nb",
        "a\n\r\n\nb", "a\nb\n\nc\n", "é\n\ne\u{301}\n\n\u{301}x", "🇫🇷\n\n👩‍👩‍👧\n\n\n", "x\r\n\n\ny", "\r\n\n\n",
    ])
    func paragraphsAreTheCharacterSplit(text: String) {
        let fast = OutletBoilerplate.paragraphs(of: text)
        let reference = OutletBoilerplate.referenceParagraphs(of: text)
        #expect(fast.map(String.init) == reference.map(String.init))
        #expect(fast.map { Array($0.unicodeScalars) } == reference.map { Array($0.unicodeScalars) })
        #expect(fast.map(\.startIndex) == reference.map(\.startIndex))
    }
}
